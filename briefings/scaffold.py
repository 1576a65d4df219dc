"""New content from templates, in the spirit of Hugo's archetypes: a brief to fill in, or an entity of any kind."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from pathlib import Path

import yaml

from . import clock, languages, schema
from .brief_rules import PLACEHOLDER
from .calls import plain_parts
from .datafiles import unknown_language
from .frontmatter import read_front_matter
from .kinds import BY_FOLDER, BY_NAME, KINDS, EntityKind, folded
from .links import heading_text
from .problems import Problems
from .project import Project
from .sources import BRIEF_FILE_NAME, Source, read_text  # the loader's rules for a brief's file name and text
from .templating import scaffold_templates, yaml_string
from .translating import BriefFile
from .transliteration import latin
from .yamldoc import YamlDocument, parse_yaml

_HEADING = re.compile(r"^##[ \t]+(.+)$", re.M)  # a section's heading, as the house headings are read


class ScaffoldError(Exception):
    """Something the author asked for cannot be created; the message says why and what to do."""


#: What each house section holds, for the template's placeholders, in the order of the headings.
SECTION_HINTS = (
    "the facts: who did what, when and where, as reported.",
    "who is better placed to get what they want because of it, and why.",
    "the mechanism at work (for example mediated de-escalation) and how it operates here.",
    "the consequences, and for whom.",
    "the observable signals that would show which way things are moving.",
)


def slugify(title: str, max_length: int = 60) -> str:
    """A file name from a title in any Latin or Arabic-script language: `Straße` gives `strasse`, `قطر` `qtr`."""
    slug = folded(latin(title))
    if len(slug) > max_length:
        slug = slug[:max_length].rsplit("-", 1)[0]
    return slug


def data_entries(project: Project, kind: EntityKind, translated: bool = False) -> dict[str, tuple[str, ...]]:
    """The ids a data file defines, each with its name and aliases (and, `translated`, those its translations
    give after them), read with the project's own strict reader."""
    path = project.file(kind.data_file)
    if not path.is_file():
        return {}
    problems = Problems()
    doc = parse_yaml(_text_of(path, kind.data_file), kind.data_file, problems)
    if problems.errors or doc is None:
        raise ScaffoldError(
            f"{problems.errors[0] if problems.errors else kind.data_file}: fix it first (briefings check)"
        )
    if not isinstance(doc.value, dict):
        return {}
    return {
        str(i): kind.names(entry) + (_translated_names(kind, entry) if translated else ())
        for i, entry in doc.value.items()
    }


def _translated_names(kind: EntityKind, entry: object) -> tuple[str, ...]:
    translations = entry.get("translations") if isinstance(entry, dict) else None
    return tuple(
        name
        for given in (translations.values() if isinstance(translations, dict) else ())
        for name in kind.names(given)
    )


def find_entries(project: Project, kind: EntityKind, words: list[str]) -> list[tuple[str, str]]:
    """The (id, name) of each entry of a kind whose id, name or aliases, in any language, hold every word, in
    the data file's order; case and accents do not count (a word in another script is matched as written)."""
    wanted = [_searchable(word) for word in words]
    found = []
    for entity_id, names in data_entries(project, kind, translated=True).items():
        texts = [_searchable(text) for text in (entity_id, *names)]
        if all(any(word in text for text in texts) for word in wanted):
            found.append((entity_id, names[0] if names else ""))
    return found


def _searchable(text: str) -> str:
    return folded(text) or " ".join(text.casefold().split())


def check_language(code: str) -> languages.Language:
    """The declared language `code`, or an error saying which there are."""
    if code not in languages.declared():
        raise ScaffoldError(unknown_language(code, "--lang", default=True))
    return languages.language(code)


def _require_known(kind: EntityKind, ids: list[str], known: dict[str, tuple[str, ...]]) -> None:
    for entity_id in ids:
        if entity_id not in known:
            raise ScaffoldError(kind.unknown(entity_id, known))


def new_brief(
    project: Project,
    title: str,
    *,
    named: dict[str, list[str]],
    date: dt.date | None = None,
    slug: str | None = None,
    lang: str = languages.DEFAULT,
) -> Path:
    """Create a draft brief to fill in, naming the given entities (ids by kind), written in language `lang`
    (its headings; in another language than the default, its file is `slug.<lang>.md`); returns its path. Its
    file name is `slug`, or made from the title."""
    try:
        language = check_language(lang)
        date = date or clock.today()  # the day a build publishes for: a later --date schedules the brief
    except clock.ClockError as error:
        raise ScaffoldError(str(error)) from None
    if slug is not None and not BRIEF_FILE_NAME.match(f"{slug}.md"):
        raise ScaffoldError(
            f"'{slug}' cannot be a brief's file name: use lowercase letters, digits and hyphens, e.g. --slug doha-talks"
        )
    slug = slug or slugify(title)
    if not slug:
        raise ScaffoldError(
            "the title gives no Latin or Arabic-script letter or digit to make the file name from: "
            "give one with --slug, e.g. --slug doha-talks"
        )
    for name, ids in named.items():
        _require_known(BY_NAME[name], ids, data_entries(project, BY_NAME[name]))
    path = BriefFile(project.briefs_dir / str(date.year) / f"{slug}.md", slug, languages.DEFAULT).beside(lang)
    taken = [p for p in (path, path.with_name(slug), *BriefFile.at(path).in_languages().values()) if p.exists()]
    if taken:
        raise ScaffoldError(f"{project.relative(taken[0])} already exists: choose another title or --slug")
    text = (
        scaffold_templates(yaml=yaml_string, flow=lambda items: "[" + ", ".join(items) + "]")
        .get_template("scaffolds/brief.md")
        .render(
            title=title,
            date=date.isoformat(),
            named=named,
            kinds=KINDS,
            placeholder=PLACEHOLDER,
            sections=list(zip(language.headings, SECTION_HINTS)),
            example_actor=(named.get("actor") or ["an-actor-id"])[0],
            example_indicator=(named.get("indicator") or ["an-indicator-id"])[0],
            example_mechanism=(named.get("mechanism") or ["a-mechanism-id"])[0],
        )
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")
    return path


def add_entry(project: Project, kind: EntityKind, entity_id: str, entry: dict) -> Path:
    """Append an entity to its kind's data file, leaving everything already there as it was."""
    path = project.file(kind.data_file)
    rel = kind.data_file
    if entity_id in data_entries(project, kind):
        raise ScaffoldError(f"{rel} already has {kind.a_name} '{entity_id}'")
    entry = {key: value for key, value in entry.items() if value not in (None, [], "")}
    for field_name, folder in kind.references.items():
        target = BY_FOLDER[folder]
        named = entry.get(field_name, [])
        _require_known(target, [named] if isinstance(named, str) else named, data_entries(project, target))
    problems = Problems()
    schema.validate(YamlDocument({entity_id: entry}, rel), kind.folder, problems)
    if problems.errors:
        raise ScaffoldError("; ".join(p.message for p in problems.errors))
    text = _text_of(path, rel) if path.is_file() else ""
    block = yaml.safe_dump({entity_id: entry}, sort_keys=False, allow_unicode=True, width=110)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a", encoding="utf-8") as file:  # what is there stays as it is, byte for byte
        file.write(("\n" if text and not text.endswith("\n") else "") + block)
    return path


def new_translation(project: Project, original: Path, lang: str, today: dt.date | None = None) -> Path:
    """Start the translation of the brief `original` into `lang` beside it; returns its path."""
    language = check_language(lang)
    path = Path(os.path.abspath(original))  # as the command line gives it: from the current folder
    rel = project.relative(path)
    if not path.is_file() or not _is_brief(project, path):
        raise ScaffoldError(f"{rel}: no such brief: give the path of its Markdown file, e.g. docs/briefs/2026/x.md")
    brief = BriefFile.at(path)
    if not brief.is_original:
        raise ScaffoldError(
            f"{rel} is itself a translation: translate its original, {project.relative(brief.original)}"
        )
    if lang == brief.lang:
        raise ScaffoldError(f"{rel} is written in {language.name} ({lang}) already: choose another --lang")
    target = brief.beside(lang)
    if target.exists():
        raise ScaffoldError(f"{project.relative(target)} already exists: edit it, or remove it first")
    problems = Problems()
    doc, body, _ = read_front_matter(_text_of(path, rel), rel, problems, required=True)
    if doc is None or problems.errors:
        raise ScaffoldError(f"{problems.errors[0] if problems.errors else rel}: fix it first (briefings check)")
    meta = doc.value
    try:
        today = today or clock.today()
    except clock.ClockError as error:
        raise ScaffoldError(str(error)) from None
    text = (
        scaffold_templates(yaml=yaml_string, comment=lambda value: " ".join(str(value).split()))
        .get_template("scaffolds/translation.md")
        .render(
            original=path.name,
            language=language,
            # A brief written first in another language: its translations say which (briefings.originals).
            translation_of=None if brief.lang == languages.DEFAULT else brief.lang,
            title=meta.get("title", ""),
            summary=meta.get("summary", ""),
            sources=[s for s in meta.get("sources") or () if isinstance(s, dict)],
            corrections=[c for c in meta.get("corrections") or () if isinstance(c, dict)],
            today=today.isoformat(),
            sections=list(zip(language.headings, section_calls(body, languages.language(brief.lang).headings))),
            original_headings=languages.language(brief.lang).headings,
            placeholder=PLACEHOLDER,
        )
    )
    target.write_text(text, "utf-8")
    return target


def _is_brief(project: Project, path: Path) -> bool:
    if not path.is_relative_to(project.docs_dir) or path.suffix != ".md":
        return False
    return Source(path, "", path.relative_to(project.docs_dir).as_posix()).is_brief


def section_calls(body: str, headings: tuple[str, ...]) -> list[list[str]]:
    """The macro calls of each house section of a brief's text (its headings in `headings`), written as calls,
    each once, in the order the text makes them. Text before the first house heading counts as the first
    section's, and a section under another heading as the house section before it."""
    sections: list[list[str]] = [[] for _ in headings]
    current, start = 0, 0
    for match in [*_HEADING.finditer(body), None]:
        end = match.start() if match else len(body)
        for part in plain_parts(body[start:end]) or ():
            if isinstance(part, tuple) and (call := _written(*part)) not in sections[current]:
                sections[current].append(call)
        if match:
            heading = heading_text(match.group(1))
            current = headings.index(heading) if heading in headings else current
            start = match.end()
    return sections


def _written(name: str, args: list) -> str:
    def literal(value: str | int) -> str:
        if isinstance(value, int):
            return str(value)
        return json.dumps(value, ensure_ascii=False) if '"' not in value else f"'{value}'"

    return f"{{{{ {name}({', '.join(map(literal, args))}) }}}}"


def _text_of(path: Path, rel: str) -> str:
    """The text of a file a command edits or starts from; a ScaffoldError if it is not UTF-8 text."""
    problems = Problems()
    text = read_text(path, rel, problems)
    if text is None:
        raise ScaffoldError(f"{problems.errors[0]}: fix it first (briefings check)")
    return text
