"""Which file of a brief is its original and which are its translations, for the loader (the suffix layout:
`slug.md` is in the default language, `slug.<code>.md` in the language `<code>`).

- `slug.md` is the original, and every other file of the brief a translation of it (which may say
  `translation_of: en`), unless it says itself `translation_of: <code>`;
- a brief written first, or only, in another language is `slug.<code>.md`, its original, with no original in
  the default language beside it. Its translations, the default language's `slug.md` included, say which
  language they are translated from: `translation_of: ar`. The rule reads the files, never their dates.

A brief's files are in the languages the site builds (mkdocs.yml's i18n `languages`); two files both claiming
to be the original, a translation of a language with no file, or of a file that is itself a translation, are
errors at the file.
"""

from __future__ import annotations

import posixpath
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from . import languages
from .datafiles import unknown_language
from .frontmatter import read_front_matter
from .problems import Location, Problems
from .sources import Source, read_text
from .translations import split_language

#: The field of a translation's front matter that says which language it is translated from.
TRANSLATION_OF = "translation_of"


@dataclass(frozen=True)
class Original:
    page: Source  # its file: `briefs/2026/x.md`, or `briefs/2026/x.ar.md`
    lang: str


@dataclass(frozen=True)
class TranslationFile:
    page: Source
    lang: str
    original: Original


@dataclass
class BriefFiles:
    """The briefs' files sorted into originals and translations (a file in neither is in error)."""

    originals: list[Original] = field(default_factory=list)
    translations: list[TranslationFile] = field(default_factory=list)


def sort_brief_files(pages: list[Source], built: tuple[str, ...], problems: Problems) -> BriefFiles:
    """The originals and translations among the briefs' files `pages`, in their order, of a site built in the
    languages `built`."""
    by_base: dict[str, dict[str, Source]] = defaultdict(dict)
    for page in pages:
        base, lang = split_language(page.src_uri)
        lang = lang or _undeclared(page.src_uri) or languages.DEFAULT
        if lang not in built:
            problems.error(Location(page.rel), _not_built(lang, built))
            continue
        by_base[base][lang] = page
    found = BriefFiles()
    roles: dict[str, Original | TranslationFile] = {}
    for files in by_base.values():
        if list(files) == [languages.DEFAULT]:  # a brief in the default language only: no file to read
            page = files[languages.DEFAULT]
            roles[page.src_uri] = Original(page, languages.DEFAULT)
        else:
            roles.update(_sort_brief(files, problems))
    for page in pages:
        role = roles.get(page.src_uri)
        if isinstance(role, Original):
            found.originals.append(role)
        elif isinstance(role, TranslationFile):
            found.translations.append(role)
    return found


def _sort_brief(files: dict[str, Source], problems: Problems) -> dict[str, Original | TranslationFile]:
    """One brief's files (by language): which is the original, which translate it."""
    claims = {lang: translation_of(page.path) for lang, page in files.items()}
    originals = original_language(claims)
    roles: dict[str, Original | TranslationFile] = {}
    if len(originals) > 1:
        first, *others = originals
        for lang in others:
            problems.error(
                Location(files[lang].rel),
                f"{_name(files[first])} and {_name(files[lang])} both claim to be this brief's original: a "
                f"translation says which language it translates; add '{TRANSLATION_OF}: {first}' to this file's "
                f"front matter (or '{TRANSLATION_OF}: {lang}' to {_name(files[first])})",
            )
        return {}
    original = Original(files[originals[0]], originals[0]) if originals else None
    if original is not None:
        roles[original.page.src_uri] = original
    for lang, page in files.items():
        if original is not None and lang == original.lang:
            continue
        claimed = claims[lang] or languages.DEFAULT
        if claimed not in languages.declared():
            problems.error(Location(page.rel), unknown_language(claimed, f"'{TRANSLATION_OF}'", default=True))
        elif original is not None and claimed == original.lang:
            roles[page.src_uri] = TranslationFile(page, lang, original)
        elif claimed not in files:
            problems.error(
                Location(page.rel),
                f"'{TRANSLATION_OF}: {claimed}', but there is no {_file_name(page, claimed)} beside this file: "
                + (
                    f"this brief's original is {_name(original.page)}: write '{TRANSLATION_OF}: {original.lang}'"
                    if original is not None
                    else f"add the original, or remove '{TRANSLATION_OF}' if this file is the original"
                ),
            )
        elif claimed == lang:
            problems.error(
                Location(page.rel),
                f"'{TRANSLATION_OF}: {lang}' names this file's own language: name the language of the file it "
                f"translates, or remove '{TRANSLATION_OF}' if it is the original",
            )
        else:
            theirs = f"the original is {_name(original.page)}" if original else "no file of this brief is its original"
            problems.error(
                Location(page.rel),
                f"'{TRANSLATION_OF}: {claimed}', but {_file_name(page, claimed)} is itself a translation "
                f"({theirs}): a translation translates the original"
                + (f"; write '{TRANSLATION_OF}: {original.lang}'" if original else ""),
            )
    return roles


def translation_of(path: Path) -> str | None:
    """What the brief's file at `path` says it translates (its `translation_of`), None if it says nothing (or
    cannot be read: its own reading then says why)."""
    try:
        text = read_text(path, path.name, Problems())
    except OSError:
        return None
    if text is None:
        return None
    doc, _, _ = read_front_matter(text, path.name, Problems(), required=True)
    value = doc.value.get(TRANSLATION_OF) if doc is not None and isinstance(doc.value, dict) else None
    return str(value) if value is not None else None


def original_language(claims: dict[str, str | None]) -> list[str]:
    """The languages whose file claims to be a brief's original, given what each of its files (by language) says
    it translates: the default language's file if it says nothing, else each other file that says nothing."""
    if languages.DEFAULT in claims and claims[languages.DEFAULT] is None:
        return [languages.DEFAULT]  # its other files translate it, whether they say so or not
    return [lang for lang, claimed in claims.items() if lang != languages.DEFAULT and claimed is None]


def _undeclared(src_uri: str) -> str | None:
    """The language code a file name ends with (`x.de.md`: "de") that no declaration in briefings/languages/
    knows, if it ends with one."""
    stem = posixpath.basename(src_uri).removesuffix(".md")
    suffix = stem.rpartition(".")[2] if "." in stem else ""
    return suffix if _CODE.fullmatch(suffix) and suffix not in languages.declared() else None


_CODE = re.compile(r"[a-z]{2,3}")


def _not_built(lang: str, built: tuple[str, ...]) -> str:
    known = ", ".join(f"{code} ({languages.language(code).name})" for code in built)
    if lang not in languages.declared():
        return (
            f"this file name says the brief is written in '{lang}', a language the site is not built in (it is built "
            f"in {known}): rename the file into one of those languages, or declare the language "
            f"(briefings/languages/{lang}.yml) and add it to the i18n plugin's 'languages' in mkdocs.yml"
        )
    name = languages.language(lang).name
    return (
        f"this brief is written in {name} ({lang}), which the site is not built in (it is built in {known}): add "
        f"{lang} to the i18n plugin's 'languages' in mkdocs.yml, or rename the file into one of those languages"
    )


def _name(page: Source) -> str:
    return posixpath.basename(page.src_uri)


def _file_name(page: Source, lang: str) -> str:
    base = posixpath.basename(split_language(page.src_uri)[0]).removesuffix(".md")
    return f"{base}.md" if lang == languages.DEFAULT else f"{base}.{lang}.md"
