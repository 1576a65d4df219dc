"""Changing an address without breaking it: `briefings move` (a brief, here) and `briefings rename` (an entity's
id, `briefings.renaming`, with what is here: editing files as text, rewriting links, recording redirects).

Both edit the project's files as text, at the places the project's own readers find (the YAML reader's
locations, the macro calls and the links), so that everything else stays byte for byte as it was: comments,
order, quoting, line endings. Both record a redirect from each old address to its new one in
`data/redirects.yml`, and both work after the fact: once the file has been moved (`git mv`) or the id changed
by hand, the same command records the redirect and rewrites what still uses the old address or id.
"""

from __future__ import annotations

import os
import posixpath
import re
from collections.abc import Iterator
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote, urlsplit

import yaml

from . import languages
from .frontmatter import split_front_matter
from .links import read_links
from .problems import Location, Problems
from .project import Project
from .redirects import HEADER, REDIRECTS_FILE
from .scaffold import ScaffoldError
from .sources import BRIEF_FILE_NAME
from .translating import BriefFile
from .translations import split_language
from .urls import page_url
from .yamldoc import YamlDocument, parse_yaml

_BOM = "\ufeff"
_ID_CHAR = re.compile(r"[a-z0-9-]")
_LINK_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


class TextFile:
    """A file's text, with edits made at locations (line and column) and saved all at once; what no edit
    touches is written back exactly as it was (a byte-order mark included)."""

    def __init__(self, path: Path, rel: str):
        self.path, self.rel = path, rel
        try:
            raw = path.read_bytes().decode("utf-8")
        except UnicodeDecodeError:
            raise ScaffoldError(f"{rel} is not UTF-8 text: fix it first (briefings check says where)") from None
        self.bom = raw.startswith(_BOM)
        self.text = raw.removeprefix(_BOM)
        self.starts = [0] + [m.end() for m in re.finditer("\n", self.text)]
        self.edits: dict[int, tuple[int, str]] = {}  # offset -> (length replaced, replacement)

    def offset(self, location: Location) -> int:
        return self.starts[location.line - 1] + location.column - 1

    def replace(self, offset: int, old: str, new: str) -> bool:
        if not self.text.startswith(old, offset):
            return False
        self.edits[offset] = (len(old), new)
        return True

    def replace_scalar(self, location: Location, old: str, new: str) -> bool:
        """Replace the YAML scalar `old` (plain or quoted) that starts at `location` by `new`, quoted alike."""
        at = self.offset(location)
        quote_mark = self.text[at : at + 1]
        if quote_mark in ("'", '"'):
            return self.text.startswith(old + quote_mark, at + 1) and self.replace(at + 1, old, new)
        end = at + len(old)
        if end < len(self.text) and _ID_CHAR.match(self.text[end]) and _ID_CHAR.match(old[-1:] or " "):
            return False  # a longer scalar that starts with the same letters
        return self.replace(at, old, new)

    @property
    def changed(self) -> bool:
        return bool(self.edits)

    def result(self) -> str:
        text = self.text
        for offset in sorted(self.edits, reverse=True):
            length, new = self.edits[offset]
            text = text[:offset] + new + text[offset + length :]
        return (_BOM if self.bom else "") + text

    def save(self, path: Path | None = None) -> None:
        (path or self.path).write_bytes(self.result().encode("utf-8"))


@dataclass
class Outcome:
    """What a move or a rename did, for the author."""

    lines: list[str] = field(default_factory=list)

    def say(self, line: str) -> None:
        self.lines.append(line)


# -- pages and links -----------------------------------------------------------------------------------------


def project_pages(project: Project) -> Iterator[tuple[Path, str]]:
    """Every Markdown page of the docs folder, with its path inside it (hidden files left out, as the loader
    does)."""
    docs = project.docs_dir
    for folder, folders, files in os.walk(docs):
        folders[:] = sorted(f for f in folders if not f.startswith("."))
        for name in sorted(files):
            if name.endswith(".md") and not name.startswith("."):
                path = Path(folder) / name
                yield path, path.relative_to(docs).as_posix()


def body_of(text: str) -> tuple[str | None, str, int]:
    """A page's front matter (None without any), body, and the line the body starts on."""
    parts = split_front_matter(text)
    return parts if parts is not None else (None, text, 1)


class Addresses:
    """Where pages and files of the site's sources went (`old -> new`, paths inside the docs folder), a moved
    folder taking everything in it along."""

    def __init__(self, files: dict[str, str], folders: dict[str, str] | None = None):
        self.files, self.folders = files, folders or {}

    def __call__(self, src_uri: str) -> str:
        if src_uri in self.files:
            return self.files[src_uri]
        for old, new in self.folders.items():
            if src_uri.startswith(old + "/"):
                return new + src_uri[len(old) :]
        return src_uri


def rewrite_links(page: TextFile, src_uri: str, moved: Addresses) -> int:
    """Edit each link of a page (at `src_uri` before the move) that leads to a moved page or file, or that the
    page's own move would break, so that it leads where it led. Returns how many links were edited."""
    front, body, body_line = body_of(page.text)
    new_src = moved(src_uri)
    edited = 0
    for reference in read_links(body, page.rel, body_line).references:
        address = reference.address
        parts = urlsplit(address)
        if parts.scheme or parts.netloc or _LINK_SCHEME.match(address) or address.startswith("/") or not parts.path:
            continue
        target = posixpath.normpath(posixpath.join(posixpath.dirname(src_uri), unquote(parts.path)))
        if target.startswith("../"):
            continue
        new_target = moved(target)
        if new_target == target and new_src == src_uri:
            continue
        path = posixpath.relpath(new_target, posixpath.dirname(new_src) or ".")
        if parts.path.endswith("/") and not path.endswith("/"):
            path += "/"
        new = (
            quote(path, safe="/~")
            + (f"?{parts.query}" if parts.query else "")
            + (f"#{parts.fragment}" if parts.fragment else "")
        )
        if new == address:
            continue
        start = page.text.find(address, page.offset(reference.location))
        if start >= 0 and page.replace(start, address, new):
            edited += 1
    return edited


def _rewrite_all_links(
    project: Project, moved: Addresses, outcome: Outcome, skip: AbstractSet[str] = frozenset()
) -> dict[str, TextFile]:
    """Every page whose links the move changes, edited (not yet saved), by its path inside the docs folder."""
    edited: dict[str, TextFile] = {}
    for path, src_uri in project_pages(project):
        if src_uri in skip:
            continue
        page = TextFile(path, project.relative(path))
        if count := rewrite_links(page, src_uri, moved):
            edited[src_uri] = page
            outcome.say(f"rewrote {count} link{'s' * (count != 1)} in {page.rel}")
    return edited


# -- redirects -----------------------------------------------------------------------------------------------


def record_redirects(project: Project, pairs: list[tuple[str, str]], outcome: Outcome) -> None:
    """Add `old: new` to data/redirects.yml for each pair, leaving every line already there as it was, except
    that a redirect leading to an old address now leads straight to the new one (no chain), and one from an
    address the site serves again is removed."""
    path = project.file(REDIRECTS_FILE)
    if not path.is_file():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(HEADER, "utf-8")
    file, doc = redirects_document(project)
    assert file is not None, "the file is there: written above if it was not"
    existing: dict[str, Any] = doc.value or {}
    pairs = [(old, new) for old, new in pairs if old != new]
    renamed = dict(pairs)
    served_again = {new for _, new in pairs}
    dropped: set[int] = set()  # lines
    for old, new in existing.items():
        if old in served_again or old in renamed:
            dropped.add(doc.locate((old,)).line)
            if old in served_again:
                outcome.say(
                    f"removed the redirect from '{old}' in {REDIRECTS_FILE}: the site serves that address again"
                )
        elif isinstance(new, str) and new in renamed:
            value_at = _value_location(doc, file, old)
            if value_at and file.replace_scalar(value_at, new, renamed[new]):
                outcome.say(f"the redirect from '{old}' in {REDIRECTS_FILE} now leads to '{renamed[new]}'")
    lines = file.result().removeprefix(_BOM).splitlines(keepends=True)
    text = "".join(line for n, line in enumerate(lines, start=1) if n not in dropped)
    if text and not text.endswith("\n"):
        text += "\n"
    for old, new in pairs:
        text += yaml.safe_dump({old: new}, allow_unicode=True, width=1000)
        outcome.say(f"recorded the redirect '{old}' -> '{new}' in {REDIRECTS_FILE}")
    path.write_bytes(((_BOM if file.bom else "") + text).encode("utf-8"))


def redirects_document(project: Project) -> tuple[TextFile | None, YamlDocument]:
    """data/redirects.yml as text and as read (empty if there is none yet); refused if it cannot be read."""
    path = project.file(REDIRECTS_FILE)
    if not path.is_file():
        return None, YamlDocument({}, REDIRECTS_FILE)
    file = TextFile(path, REDIRECTS_FILE)
    problems = Problems()
    doc = parse_yaml(file.text, REDIRECTS_FILE, problems)
    if problems.errors or doc is None or not isinstance(doc.value, (dict, type(None))):
        raise ScaffoldError(
            f"{problems.errors[0] if problems.errors else REDIRECTS_FILE}: fix it first (briefings check)"
        )
    return file, doc


def _value_location(doc: YamlDocument, file: TextFile, key: str) -> Location | None:
    """Where the value of a one-line `key: value` entry starts (the reader records keys' places only)."""
    at = doc.locate((key,))
    line_end = file.text.find("\n", file.offset(at))
    line = file.text[file.offset(at) : line_end if line_end >= 0 else len(file.text)]
    match = re.match(r"""(?:'[^']*'|"[^"]*"|[^:\s][^:]*?)\s*:\s+""", line)
    return Location(at.path, at.line, at.column + match.end()) if match else None


# -- moving a brief ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Brief:
    """A brief's place: its year, its slug, and whether it is a folder (`<slug>/index.md`) or a file."""

    year: str
    slug: str
    folder: bool

    @property
    def src_uri(self) -> str:
        return f"briefs/{self.year}/{self.slug}/index.md" if self.folder else f"briefs/{self.year}/{self.slug}.md"

    @property
    def moved_path(self) -> str:
        """What moves: the folder, or the file (inside the docs folder)."""
        return f"briefs/{self.year}/{self.slug}" if self.folder else self.src_uri


def _translated(docs: Path, brief: _Brief) -> list[str]:
    """The translations beside a file brief's place (`slug.<lang>.md`), as paths inside the docs folder."""
    beside = BriefFile.at(docs / brief.src_uri).in_languages()
    return [f"{brief.src_uri[:-3]}.{lang}.md" for lang in beside if lang != languages.DEFAULT]


def _exists(docs: Path, brief: _Brief) -> bool:
    """Whether the brief is there: its file, or its file in any language (`slug.fr.md`), or its folder's."""
    return (docs / brief.src_uri).is_file() or bool(not brief.folder and _translated(docs, brief))


def _brief_at(project: Project, path: Path, what: str) -> tuple[str, str, bool | None]:
    """The year, slug and form (folder, file, or None when the path does not say) of a brief's path."""
    try:
        inside = Path(os.path.abspath(path)).relative_to(project.docs_dir).as_posix()
    except ValueError:
        raise ScaffoldError(
            f"{what} '{path}' is not in the docs folder: give a brief's path, such as "
            f"{project.relative(project.briefs_dir)}/2026/doha-talks.md"
        ) from None
    parts = inside.split("/")
    form: bool | None
    if parts[-1] == "index.md":
        parts, form = parts[:-1], True
    elif parts[-1].endswith(".md"):  # (a brief written in another language: `slug.fr.md`, the brief `slug`)
        parts[-1], form = split_language(parts[-1])[0][:-3], False
    else:
        form = True if path.is_dir() else None
    if len(parts) != 3 or parts[0] != "briefs":
        raise ScaffoldError(
            f"{what} '{path}' is not a brief's path: a brief is "
            f"{project.relative(project.briefs_dir)}/<year>/<slug>.md or <year>/<slug>/index.md"
        )
    return parts[1], parts[2], form


def move_brief(project: Project, old_path: Path, new_path: Path) -> Outcome:
    """Move a brief (its file, or its folder with its images) to a new year or slug, rewrite the links to it
    (and its own relative links), and record a redirect from its old address. If it was already moved, only
    the links and the redirect are done."""
    outcome = Outcome()
    year, slug, form = _brief_at(project, old_path, "OLD")
    new_year, new_slug, _ = _brief_at(project, new_path, "NEW")
    if not BRIEF_FILE_NAME.match(f"{new_slug}.md"):
        raise ScaffoldError(
            f"'{new_slug}' cannot be a brief's name: a brief's file or folder name becomes its "
            "address; use lowercase letters, digits and hyphens, e.g. doha-talks"
        )
    docs = project.docs_dir
    forms = [f for f in (False, True) if _exists(docs, _Brief(year, slug, f))]
    new_forms = [f for f in (False, True) if (docs / _Brief(new_year, new_slug, f).src_uri).is_file()]
    if (year, slug) == (new_year, new_slug):
        raise ScaffoldError("OLD and NEW are the same brief: give NEW another year or name")
    if forms and new_forms:
        raise ScaffoldError(
            f"{project.relative(docs / _Brief(new_year, new_slug, new_forms[0]).src_uri)} already "
            "exists: choose another name for NEW"
        )
    if not forms and not new_forms:
        raise ScaffoldError(
            f"no brief at {project.relative(old_path)}: give the path of the brief to move "
            "(see 'briefings list' or docs/briefs/)"
        )
    already = not forms
    old = _Brief(year, slug, new_forms[0] if already else forms[0])
    new = _Brief(new_year, new_slug, old.folder)
    # A file brief's translations (slug.<lang>.md beside it) go with it; a folder brief's are in its folder.
    translations = (
        {} if old.folder else {t: new.src_uri[:-3] + t[len(old.src_uri) - 3 :] for t in _translated(docs, old)}
    )
    if clash := next((docs / t for t in translations.values() if (docs / t).exists()), None):
        raise ScaffoldError(f"{project.relative(clash)} already exists: move or remove it before its brief")
    moved = Addresses(
        {old.src_uri: new.src_uri, **translations}, {old.moved_path: new.moved_path} if old.folder else {}
    )
    if already:
        # Already moved: links from elsewhere still lead to the old place, and the brief's own were written
        # for its new one.
        edited = _rewrite_all_links(project, moved, outcome, skip={new.src_uri})
    else:
        edited = _rewrite_all_links(project, moved, outcome)
    redirects_document(project)  # readable, before anything is changed
    for page in edited.values():
        page.save()
    if not already:
        source, target = docs / old.moved_path, docs / new.moved_path
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.exists():  # (a brief written in another language may have no file in the default one)
            source.rename(target)
            outcome.say(f"moved {project.relative(source)} to {project.relative(target)}")
    else:
        outcome.say(f"{project.relative(docs / new.moved_path)} is already there")
    for source_uri, target_uri in translations.items():
        (docs / source_uri).rename(docs / target_uri)
        outcome.say(f"moved {project.relative(docs / source_uri)} to {project.relative(docs / target_uri)}")
    record_redirects(project, [(page_url(old.src_uri), page_url(new.src_uri))], outcome)
    return outcome


__all__ = [
    "Addresses",
    "Outcome",
    "TextFile",
    "body_of",
    "move_brief",
    "project_pages",
    "record_redirects",
    "redirects_document",
    "rewrite_links",
]
