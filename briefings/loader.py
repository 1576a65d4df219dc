"""Reading and validating the data files and every page of the docs folder, once, into a Catalog.

`load_project` reports every problem it finds in one pass; `briefings check`, the build and pre-commit all
call it, so every rule lives here (or in the modules it calls) and nowhere else.
"""

from __future__ import annotations

import datetime as dt
import difflib
import hashlib
import multiprocessing
import os
import posixpath
import re
import threading
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

from . import clock, safety, schema
from .calls import COMMENT_START, read_calls
from .catalog import Catalog, tag_slug
from .kinds import BY_FOLDER, KINDS, EntityKind, generated_pages
from .links import PageLinks, Published, heading_text, read_links, resolve_links
from .model import BRIEF_SECTIONS, HOUSE_HEADINGS, Brief, Correction, Entity, Leverage, Link, Reading
from .problems import Location, Problems, TextLines
from .outputs import published_outputs
from .project import Project
from .redirects import REDIRECTS_FILE, check_redirects, read_redirects, served_addresses
from .yamldoc import YamlDocument, parse_yaml

_SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*\.md$")
_FENCE = re.compile(r"^(?:---|\.\.\.)\s*$")
_HEADING = re.compile(r"^##[ \t]+(.+)$", re.M)  # its text is then read by `heading_text`
#: A macro call, block or comment, which counts as one word. (Not across braces: a lazy match to the closing
#: delimiter would scan to the end of the text from every opening never closed.)
_MACRO = re.compile(r"\{\{[^{}]*\}\}|\{%[^{}]*%\}|\{##[^{}]*##\}")
_WORD = re.compile(r"\w+(?:['’-]\w+)*")
_PLACEHOLDER = re.compile(r"\bTODO\b")
_TEMPLATE_SYNTAX = ("{{", "{%", COMMENT_START)

#: What `briefings new brief` writes where the author's text is to go.
PLACEHOLDER = "TODO"


@dataclass
class Loaded:
    """Everything wrong with a project, and its catalog if nothing is."""

    problems: Problems
    catalog: Catalog | None = None
    templated: frozenset[str] = frozenset()  # pages (src_uri) whose macros the engine must render
    files: int = 0  # how many files were read
    scheduled: tuple[tuple[str, dt.date], ...] = ()  # briefs dated after the build's day: (path, date), soonest first
    changed: Changes | None = None  # with a LoadCache: what changed since the last reading

    @property
    def ok(self) -> bool:
        return self.catalog is not None


@dataclass(frozen=True)
class Changes:
    """What changed in the project since the last reading through the same `LoadCache`."""

    briefs: frozenset[str]  # briefs (src_uri) added, edited or removed
    anything_else: bool  # a data file, a hand-written page, or which ids exist


@dataclass
class LoadCache:
    """What the last reading found in each brief, for the live preview: a brief whose size and time are the
    same, in a project whose ids are the same, is not read again."""

    briefs: dict[str, tuple] = field(default_factory=dict)  # rel -> (key, brief, problems, templated, links)
    data: dict[str, tuple] = field(default_factory=dict)  # rel -> (key, (entities, ids), document, problems)
    others: dict[str, tuple] = field(default_factory=dict)  # rel -> (size, time) of every other file read

    @property
    def ok(self) -> bool:
        return self.catalog is not None


def load_project(project: Project, *, preview: bool = False, cache: LoadCache | None = None) -> Loaded:
    """Read and check the whole project. In the `preview`, drafts and scheduled briefs (dated after the day
    `briefings.clock` gives) are part of the site; with a `cache`,
    briefs unchanged since the last reading through it are not read again."""
    return _Reader(project, preview, cache).read()


@dataclass
class _Page:
    path: Path
    rel: str  # relative to the project root
    src_uri: str  # relative to the docs folder

    @property
    def is_brief(self) -> bool:
        """A brief is a page of briefs/<year>/: a file of its own (`slug.md`) or a folder holding it with its
        images (`slug/index.md`), published at the same address."""
        parts = self.src_uri.split("/")
        return parts[0] == "briefs" and (len(parts) == 3 and parts[2] != "index.md"
                                         or len(parts) == 4 and parts[3] == "index.md")

    @property
    def slug(self) -> str:
        """A brief's name in its address: its file's name, or its folder's."""
        parts = self.src_uri.split("/")
        return parts[2].removesuffix(".md")


@dataclass
class _Reader:
    project: Project
    preview: bool
    cache: LoadCache | None = None
    problems: Problems = field(default_factory=Problems)
    files: int = 0
    documents: dict[str, YamlDocument] = field(default_factory=dict)  # each kind's data file, when readable
    calls: dict = field(default_factory=dict)  # what each distinct macro call amounts to (see read_calls)
    reread: set[str] = field(default_factory=set)  # briefs (rel) read anew, not taken from the cache
    seen: dict[str, tuple] = field(default_factory=dict)  # rel -> (size, time) of every file other than briefs
    links: dict[str, PageLinks] = field(default_factory=dict)  # what each page links, by src_uri
    static: dict[str, str] = field(default_factory=dict)  # docs/'s files other than pages: src_uri -> rel

    def read(self) -> Loaded:
        entities = {kind.folder: self._read_kind(kind) for kind in KINDS}
        known = {folder: ids for folder, (_, ids) in entities.items()}
        for kind in KINDS:
            self._check_references(kind, entities[kind.folder][0], known)
        entity_maps = {folder: found for folder, (found, _) in entities.items()}
        self.ids_key = tuple(sorted((folder, tuple(sorted(ids.items()))) for folder, ids in known.items()
                                    if not isinstance(ids, _AnyId)))

        pages = list(self._pages())
        templated: set[str] = set()
        others = [page for page in pages if not page.is_brief]
        briefs = [b for b in self._read_briefs([page for page in pages if page.is_brief], known, templated) if b]
        for page in others:
            self._read_page(page, known, templated)
        self._check_tags(briefs)
        self._check_bundles(pages)

        try:
            today = clock.today()
        except clock.ClockError as error:
            self.problems.error(Location(clock.ENVIRONMENT_VARIABLE), str(error))
            return Loaded(self.problems, files=self.files)
        # Drafts and briefs dated after today are left out of the site, but not out of the preview.
        published = [b for b in briefs if not (b.draft or b.date > today)]
        held_back = [b for b in briefs if b.draft or b.date > today]
        catalog = Catalog(
            entities=entity_maps,
            briefs=list(briefs) if self.preview else published,
            left_out=[] if self.preview else held_back,
            today=today,
            pages=frozenset(page.src_uri for page in others),
        )
        scheduled = tuple((b.source.path, b.date) for b in catalog.scheduled())
        outputs = published_outputs(catalog)
        for page in others:
            if page.src_uri in outputs:
                self.problems.error(
                    Location(page.rel),
                    "the site generates this page from the data: remove the file and edit the data instead",
                )
        catalog.assets, unlinked = resolve_links(self._published(pages, catalog, outputs), self.problems)
        redirects = self.project.file(REDIRECTS_FILE)
        doc = read_redirects(self._text(redirects, REDIRECTS_FILE) if redirects.is_file() else None, self.problems)
        served = served_addresses(catalog, outputs, self.project.relative(self.project.docs_dir))
        catalog.redirects = check_redirects(doc, served, self.problems)
        if self.problems.errors:
            return Loaded(self.problems, files=self.files, scheduled=scheduled)
        self._report_unused(entity_maps, briefs)
        self._check_titles(briefs)
        for path in unlinked:
            self.problems.warning(
                Location(self.static[path]),
                "no page links or shows this file, so the site does not publish it: show it in a brief "
                f"(![what it shows]({posixpath.basename(path)})) or remove it",
            )
        return Loaded(self.problems, catalog, frozenset(templated), self.files, scheduled, self._changes(pages))

    def _published(self, pages: list[_Page], catalog: Catalog, outputs: set[str]) -> Published:
        """What links may lead to: the pages read, docs/'s other files and what the site generates. (A page
        that could not be read has no known anchors.)"""
        return Published(
            pages={page.src_uri: self.links.get(page.src_uri, PageLinks(exact=False)) for page in pages},
            files=frozenset(self.static),
            generated=frozenset(outputs),
            unpublished={brief.src_uri: None if brief.draft else brief.date
                         for brief in catalog.briefs + catalog.left_out if brief.draft or catalog.is_scheduled(brief)},
            left_out=frozenset(brief.src_uri for brief in catalog.left_out),
            extra_anchors={brief.src_uri: BRIEF_SECTIONS for brief in catalog.briefs + catalog.left_out},
            docs=self.project.relative(self.project.docs_dir),
        )

    def _changes(self, pages: list[_Page]) -> Changes | None:
        if self.cache is None:
            return None
        current = {page.rel for page in pages if page.src_uri.startswith("briefs/")}
        gone = set(self.cache.briefs) - current
        for rel in gone:
            del self.cache.briefs[rel]
        docs = self.project.relative(self.project.docs_dir)
        briefs = {posixpath.relpath(rel, docs) for rel in self.reread | gone}
        others = {rel: signature for rel, signature in self.seen.items() if rel not in current}
        anything_else = others != self.cache.others
        self.cache.others = others
        return Changes(frozenset(briefs), anything_else)

    # -- files -----------------------------------------------------------------------------------------------

    def _text(self, path: Path, rel: str) -> str | None:
        self.files += 1
        data = path.read_bytes()
        self.seen[rel] = (len(data), path.stat().st_mtime_ns)
        try:
            return data.decode("utf-8-sig")  # a byte-order mark from a Windows editor is dropped
        except UnicodeDecodeError as exc:
            line = data.count(b"\n", 0, exc.start) + 1
            column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
            self.problems.error(
                Location(rel, line, column),
                f"not UTF-8 text (byte 0x{data[exc.start]:02x}): save the file with the UTF-8 encoding",
            )
            return None

    def _pages(self) -> Iterator[_Page]:
        """Every Markdown page of the docs folder, refusing links that lead out of the project and files that
        would be published as they are unless a browser only ever shows them."""
        docs = self.project.docs_dir
        if not docs.is_dir():
            self.problems.error(Location(self.project.relative(docs)), "missing docs folder")
            return
        for path in self._walk(docs, set()):
            if path.suffix == ".md":
                yield _Page(path, self.project.relative(path), path.relative_to(docs).as_posix())
            elif path.suffix.lower() not in safety.STATIC_SUFFIXES:
                self.problems.error(Location(self.project.relative(path)), safety.static_file_message(path.suffix))
            else:
                self.static[path.relative_to(docs).as_posix()] = self.project.relative(path)

    def _walk(self, folder: Path, seen: set[Path]) -> Iterator[Path]:
        real = folder.resolve()
        if real in seen:
            return
        seen.add(real)
        for entry in sorted(os.scandir(folder), key=lambda e: e.name):
            path = Path(entry.path)
            if entry.name.startswith("."):
                continue  # not published
            if entry.is_symlink() and not self.project.contains(path):
                self.problems.error(
                    Location(self.project.relative(path)),
                    "a link to a file outside the project: the site publishes only files of the project; "
                    "copy the file in or remove the link",
                )
                continue
            if entry.is_dir():
                yield from self._walk(path, seen)
            elif entry.is_file():
                yield path

    # -- data files ------------------------------------------------------------------------------------------

    def _read_kind(self, kind: EntityKind) -> tuple[dict[str, Entity], Any]:
        """A kind's valid entities, and every id its data file defines (valid or not) with its name and aliases;
        from the cache when the file has not changed since the last reading."""
        path = self.project.file(kind.data_file)
        rel = kind.data_file
        if not path.is_file():
            self.problems.error(Location(rel), f"missing data file: create {rel} (a mapping of {kind.folder} keyed by id)")
            return {}, {}
        if self.cache is None:
            return self._read_kind_anew(kind, path, rel)
        stat = path.stat()
        key = (stat.st_size, stat.st_mtime_ns)
        cached = self.cache.data.get(rel)
        if cached is None or cached[0] != key:
            problems, self.problems = self.problems, Problems()
            found = self._read_kind_anew(kind, path, rel)
            cached = self.cache.data[rel] = (key, found, self.documents.get(kind.folder), self.problems.items)
            self.problems = problems
        else:
            self.files += 1
            self.seen[rel] = key
        _, found, document, problems = cached
        self.problems.extend(problems)
        if document is not None:
            self.documents[kind.folder] = document
        return found

    def _read_kind_anew(self, kind: EntityKind, path: Path, rel: str) -> tuple[dict[str, Entity], Any]:
        text = self._text(path, rel)
        doc = parse_yaml(text, rel, self.problems) if text is not None else None
        if doc is None:
            return {}, _AnyId()  # unreadable: every reference to it passes, so one error is not reported a hundred times
        if doc.value is None:
            doc.value = {}
        wrong = schema.validate(doc, kind.folder, self.problems,
                                names_an_entity=lambda path: len(path) in (2, 3) and path[1] in kind.references)
        if not isinstance(doc.value, dict) or () in wrong:
            return {}, _AnyId()
        bad = {where[0] for where in wrong}
        entities = {
            entity_id: kind.build(entity_id, value, doc.locate((entity_id,)))
            for entity_id, value in doc.value.items()
            if entity_id not in bad
        }
        self.documents[kind.folder] = doc
        return entities, {entity_id: kind.names(value) for entity_id, value in doc.value.items()}

    def _check_references(self, kind: EntityKind, entities: dict[str, Entity], known: dict) -> None:
        doc = self.documents.get(kind.folder)
        if doc is None:
            return
        for entity_id, entry in doc.value.items():  # valid or not: an id written wrong is told what to write
            for field_name, folder in kind.references.items():
                target = BY_FOLDER[folder]
                for where, other in _referenced(entry, field_name):
                    if other not in known[folder]:
                        self.problems.error(doc.locate((entity_id, field_name, *where)),
                                            target.unknown(other, known[folder]), causes=(target.data_file,))
                    elif folder == kind.folder and other == entity_id:
                        self.problems.error(doc.locate((entity_id, field_name, *where)),
                                            f"the {kind.name} '{entity_id}' names itself in '{field_name}': "
                                            "name another one or remove the field")
        if kind.nests:
            self._check_nesting(kind, entities, doc)

    def _check_nesting(self, kind: EntityKind, entities: dict[str, Entity], doc: YamlDocument) -> None:
        """An entity within another (a region's parent) may not end up within itself."""
        parents = {i: value.get(kind.nests) for i, value in doc.value.items()
                   if i in entities and isinstance(value.get(kind.nests), str)}
        for entity_id in parents:
            seen, current = [entity_id], parents[entity_id]
            while current in parents and current not in seen:
                seen.append(current)
                current = parents[current]
            if current == entity_id and len(seen) > 1:
                circle = " → ".join([*seen, entity_id])
                self.problems.error(doc.locate((entity_id, kind.nests)),
                                    f"the {kind.name} '{entity_id}' ends up within itself ({circle}): "
                                    f"change one '{kind.nests}'")

    def _report_unused(self, entities: dict[str, dict[str, Entity]], briefs: list[Brief]) -> None:
        for kind in KINDS:
            used = {i for b in briefs for i in b.ids(kind.folder)}
            if kind.used_by_data:  # a region an actor is in, or a region within it, is in use
                used |= {other for other_kind in KINDS for field_name, folder in other_kind.references.items()
                         if folder == kind.folder and (doc := self.documents.get(other_kind.folder)) is not None
                         for entity_id in entities[other_kind.folder]
                         for _, other in _referenced(doc.value[entity_id], field_name)}
            for entity in entities[kind.folder].values():
                if entity.id not in used:
                    also = " or data entry" if kind.used_by_data else ""
                    self.problems.warning(
                        entity.source,
                        f"no brief{also} names the {kind.name} '{entity.id}': list it in a brief's front matter or "
                        "remove it",
                    )

    # -- pages -----------------------------------------------------------------------------------------------

    def _front_matter(self, page: _Page, text: str, required: bool) -> tuple[YamlDocument | None, str, int]:
        """The page's front matter (None if unusable), its body and the line the body starts on."""
        parts = split_front_matter(text)
        if parts is None:
            if required:
                self.problems.error(
                    Location(page.rel),
                    "no front matter: a brief starts with a line '---', its fields (title, date, summary, actors), "
                    "then another '---'",
                )
            return None, text, 1
        front, body, body_line = parts
        doc = parse_yaml(front, page.rel, self.problems, first_line=2)
        if doc is not None and not isinstance(doc.value, dict):
            self.problems.error(Location(page.rel, 2), "the front matter must be fields written as 'name: value', one per line")
            doc = None
        if doc is not None:
            self._refuse_template_syntax(doc, doc.value, ())
        return doc, body, body_line

    def _refuse_template_syntax(self, doc: YamlDocument, value: Any, where: tuple) -> None:
        """Front matter is shown as data, never run: template delimiters in it are refused."""
        if isinstance(value, dict):
            for key, item in value.items():
                self._refuse_template_syntax(doc, item, where + (key,))
        elif isinstance(value, list):
            for n, item in enumerate(value):
                self._refuse_template_syntax(doc, item, where + (n,))
        elif isinstance(value, str) and (found := next((s for s in _TEMPLATE_SYNTAX if s in value), None)):
            self.problems.error(
                doc.locate(where),
                f"'{schema.field_name(where)}' contains '{found}': front matter may not contain {{{{, {{% or "
                f"{COMMENT_START}, which the site would read as a template; reword it",
            )

    def _read_page(self, page: _Page, known: dict, templated: set[str]) -> None:
        """A hand-written page (home, About...): its front matter and its macro calls."""
        text = self._text(page.path, page.rel)
        if text is None:
            return
        doc, body, body_line = self._front_matter(page, text, required=False)
        meta = doc.value if doc else {}
        if doc is not None:
            schema.validate(doc, "page", self.problems)
        self.links[page.src_uri] = read_links(body, page.rel, body_line)
        if meta.get("render_macros") is False:
            return  # a page that shows macro syntax as written
        if read_calls(body, page.rel, body_line, self.problems, known, self.calls).templated:
            templated.add(page.src_uri)

    def _read_briefs(self, pages: list[_Page], known: dict, templated: set[str]) -> list[Brief | None]:
        """Every brief, in order. Many briefs are read by as many processes as there are processors, this one
        included (each brief is read on its own: only the problems found, in the same order, come back with
        it)."""
        workers = min(len(os.sched_getaffinity(0)), _MAX_WORKERS) if hasattr(os, "sched_getaffinity") else 1
        if self.cache is not None or workers < 2 or len(pages) < _READ_APART_FROM or threading.active_count() > 1:
            return [self._read_brief(page, known, templated) for page in pages]  # forking threads is unsafe
        size = -(-len(pages) // workers)
        chunks = [pages[start:start + size] for start in range(0, len(pages), size)]
        with ProcessPoolExecutor(len(chunks) - 1, mp_context=multiprocessing.get_context("fork")) as pool:
            running = [pool.submit(_read_briefs_apart, self.project, self.preview, known, chunk) for chunk in chunks[1:]]
            read = [_read_briefs_apart(self.project, self.preview, known, chunks[0])]  # meanwhile, the first here
            read += [reading.result() for reading in running]
        found: list[Brief | None] = []
        for chunk, (results, files, seen) in zip(chunks, read):
            for page, (brief, problems, is_templated, links) in zip(chunk, results):
                self.problems.extend(problems)
                self.links[page.src_uri] = links
                if is_templated:
                    templated.add(page.src_uri)
                found.append(brief)
            self.files += files
            self.seen.update(seen)
        return found

    def _read_brief(self, page: _Page, known: dict, templated: set[str]) -> Brief | None:
        """A brief, from the cache when neither it nor the ids it may name changed since the last reading."""
        if self.cache is None:
            return self._read_brief_anew(page, known, templated)
        stat = page.path.stat()
        key = (stat.st_size, stat.st_mtime_ns, self.ids_key)
        cached = self.cache.briefs.get(page.rel)
        if cached is None or cached[0] != key:
            problems, self.problems = self.problems, Problems()
            found: set[str] = set()
            brief = self._read_brief_anew(page, known, found)
            links = self.links.get(page.src_uri, PageLinks())
            cached = self.cache.briefs[page.rel] = (key, brief, self.problems.items, bool(found), links)
            self.problems = problems
            self.reread.add(page.rel)
        else:
            self.files += 1
        _, brief, problems, is_templated, self.links[page.src_uri] = cached
        self.problems.extend(problems)
        if is_templated:
            templated.add(page.src_uri)
        return brief

    def _read_brief_anew(self, page: _Page, known: dict, templated: set[str]) -> Brief | None:
        rel = page.rel
        if not _SLUG.match(page.slug + ".md"):
            named = "file name" if page.path.name != "index.md" else "folder's name"
            self.problems.error(
                Location(rel),
                f"a brief's {named} becomes its address: use lowercase letters, digits and hyphens, e.g. doha-talks.md",
            )
        text = self._text(page.path, rel)
        if text is None:
            return None
        doc, body, body_line = self._front_matter(page, text, required=True)
        if doc is None:
            return None
        valid = not schema.validate(doc, "brief", self.problems, names_an_entity=_names_an_entity)
        meta = doc.value
        draft = meta.get("draft") is True

        listed: dict[str, set[str]] = {}
        for kind in KINDS:
            ids = meta.get(kind.folder) or []
            listed[kind.folder] = set(ids) if isinstance(ids, list) else set()
            for n, entity_id in enumerate(ids if isinstance(ids, list) else []):
                if isinstance(entity_id, str) and entity_id not in known[kind.folder]:
                    self.problems.error(doc.locate((kind.folder, n)), kind.unknown(entity_id, known[kind.folder]),
                                        causes=(kind.data_file,))

        for kind in KINDS:
            for where in kind.judged_in:
                self._check_listed(doc, where, kind, listed, known)
        self._check_leverage(doc)

        macros = read_calls(body, rel, body_line, self.problems, known, self.calls)
        if macros.templated:
            templated.add(page.src_uri)
        for ref in macros.references:
            if ref.id not in listed[ref.folder]:
                kind = BY_FOLDER[ref.folder]
                self.problems.error(
                    ref.location,
                    f"the text names the {kind.name} '{ref.id}', which the front matter does not list: "
                    f"add it to '{kind.folder}' so that its page lists this brief",
                )
        safety.check_text(body, rel, body_line, self.problems)
        self.links[page.src_uri] = read_links(body, rel, body_line)
        self._check_headings(body, rel, body_line)
        if not draft:
            self._check_publishable(doc, body, rel, body_line)

        if not valid:
            return None
        date = dt.date.fromisoformat(meta["date"])
        updated = dt.date.fromisoformat(meta["updated"]) if "updated" in meta else None
        leverage = meta.get("leverage", {})
        if updated and updated < date:
            self.problems.error(doc.locate(("updated",)), f"'updated' ({updated}) is before 'date' ({date}): fix one of them")
            return None
        corrections = tuple(Correction(dt.date.fromisoformat(c["date"]), " ".join(c["text"].split()))
                            for c in meta.get("corrections", ()))
        early = [(n, c) for n, c in enumerate(corrections) if c.date < date]
        for n, correction in early:
            self.problems.error(
                doc.locate(("corrections", n, "date")),
                f"the correction dated {correction.date} is before the brief's 'date' ({date}): "
                "a correction is made after publication; fix its date",
            )
        if early:
            return None
        return Brief(
            src_uri=page.src_uri,
            title=" ".join(meta["title"].split()),
            date=date,
            summary=" ".join(meta["summary"].split()),
            named={kind.folder: tuple(meta.get(kind.folder, ())) for kind in KINDS},
            tags=tuple(meta.get("tags", ())),
            updated=updated,
            sources=tuple(Link(s["title"], s["url"]) for s in meta.get("sources", ())),
            corrections=tuple(sorted(corrections, key=lambda c: c.date)),
            leverage=Leverage(tuple(leverage.get("gains", ())), tuple(leverage.get("loses", ()))),
            readings=tuple(_reading(i, value) for i, value in meta.get("readings", {}).items()),
            draft=draft,
            words=len(_WORD.findall(_MACRO.sub(" x ", body))),
            source=Location(rel, 1),
            title_at=doc.locate(("title",)),
            text_digest=hashlib.blake2b(body.encode(), digest_size=16).hexdigest(),
        )

    def _check_listed(self, doc: YamlDocument, where: tuple[str, ...], kind: EntityKind, listed: dict, known: dict) -> None:
        """Leverage names actors, readings indicators, that the brief lists: an id it does not list is
        reported as unknown if no data file defines it (not as one to list), else as one to list."""
        value: Any = doc.value
        for key in where:
            value = value.get(key) if isinstance(value, dict) else None
        ids = value if isinstance(value, list) else list(value) if isinstance(value, dict) else []
        for n, entity_id in enumerate(ids):
            if not isinstance(entity_id, str) or entity_id in listed[kind.folder]:
                continue
            at = doc.locate((*where, entity_id if isinstance(value, dict) else n))
            if entity_id not in known[kind.folder]:
                self.problems.error(at, kind.unknown(entity_id, known[kind.folder]), causes=(kind.data_file,))
                continue
            what = (f"a reading of the {kind.name} '{entity_id}'" if where == ("readings",)
                    else f"'{'.'.join(where)}' names the {kind.name} '{entity_id}'")
            self.problems.error(
                at,
                f"{what}, which the brief's '{kind.folder}' does not list: "
                + _closest(entity_id, listed[kind.folder], kind.folder),
            )

    def _check_leverage(self, doc: YamlDocument) -> None:
        """An actor is judged to gain or to lose leverage, not both."""
        leverage = doc.value.get("leverage")
        if not isinstance(leverage, dict):
            return
        gains, loses = (ids if isinstance(ids := leverage.get(side), list) else [] for side in ("gains", "loses"))
        for n, actor_id in enumerate(loses):
            if actor_id in gains:
                self.problems.error(
                    doc.locate(("leverage", "loses", n)),
                    f"'{actor_id}' is in both 'leverage.gains' and 'leverage.loses': a brief judges that an actor "
                    "gains or loses leverage, not both; remove it from one of them",
                )

    def _check_headings(self, body: str, rel: str, body_line: int) -> None:
        """The five house headings, each once, spelt right, in order."""
        # Backticks hide no heading: Markdown finds headings before it pairs backticks into code.
        lines = TextLines(body, rel, body_line)
        found: list[tuple[int, str]] = []  # (line, house heading it stands for)
        for match in _HEADING.finditer(body):
            line = lines.location(match.start()).line
            heading = heading_text(match.group(1))
            if heading in HOUSE_HEADINGS:
                found.append((line, heading))
                continue
            close = difflib.get_close_matches(heading, HOUSE_HEADINGS, n=1, cutoff=0.75)
            if close:
                self.problems.error(
                    Location(rel, line),
                    f"the house heading '## {heading}' is misspelt: did you mean '## {close[0]}'?",
                )
                found.append((line, close[0]))
        present = {heading for _, heading in found}
        order = "; ".join(HOUSE_HEADINGS)
        for n, heading in enumerate(HOUSE_HEADINGS):
            if heading not in present:
                after = next((h for h in reversed(HOUSE_HEADINGS[:n]) if h in present), None)
                line = next((line for line, h in found if h == after), body_line) if after else body_line
                where = f" after '## {after}'" if after else ""
                self.problems.error(
                    Location(rel, line),
                    f"missing the house heading '## {heading}'{where}: a brief has five sections, in this order: {order}",
                )
        latest = (-1, "")
        for line, heading in found:
            rank = HOUSE_HEADINGS.index(heading)
            if rank < latest[0]:
                self.problems.error(
                    Location(rel, line),
                    f"the house heading '## {heading}' comes after '## {latest[1]}': put the sections in this "
                    f"order: {order}",
                )
            else:
                latest = (rank, heading)

    def _check_publishable(self, doc: YamlDocument, body: str, rel: str, body_line: int) -> None:
        """What a draft may still lack: an actor, and the text in place of the template's placeholders."""
        meta = doc.value
        if isinstance(meta.get("actors"), list) and not meta["actors"]:
            self.problems.error(
                doc.locate(("actors",)),
                "'actors' must not be empty (the ids of the actors the brief names, from data/actors.yml)",
            )
        for key in ("title", "summary"):
            if isinstance(meta.get(key), str) and _PLACEHOLDER.search(meta[key]):
                self.problems.error(doc.locate((key,)), _placeholder_message(key))
        for match in _PLACEHOLDER.finditer(body):
            line = body_line + body.count("\n", 0, match.start())
            self.problems.error(Location(rel, line), _placeholder_message("the text"))
            break

    def _check_bundles(self, pages: list[_Page]) -> None:
        """A brief is a file or a folder, not both: they would be published at the same address."""
        files = {page.src_uri.removesuffix(".md"): page for page in pages if page.is_brief}
        for page in pages:
            if page.is_brief and page.path.name == "index.md" and (single := files.get(posixpath.dirname(page.src_uri))):
                self.problems.error(
                    Location(page.rel),
                    f"{single.rel} is published at the same address as this brief: keep one of them "
                    "(a brief with images of its own is a folder holding index.md and the images)",
                )

    def _check_tags(self, briefs: list[Brief]) -> None:
        """Two spellings of one tag would share its page and its feed."""
        first: dict[str, str] = {}
        for brief in briefs:
            for tag in brief.tags:
                slug = tag_slug(tag)
                if first.setdefault(slug, tag) != tag:
                    self.problems.error(
                        brief.source,
                        f"the tag '{tag}' is another spelling of '{first[slug]}', used by other briefs: use '{first[slug]}'",
                    )


    def _check_titles(self, briefs: list[Brief]) -> None:
        """Two briefs with one title, in any year, read as one in every listing and search result."""
        first: dict[str, Brief] = {}
        for brief in sorted(briefs, key=lambda b: (b.date, b.src_uri)):  # the later brief is told
            other = first.setdefault(" ".join(brief.title.split()).casefold(), brief)
            if other is not brief:
                self.problems.warning(
                    brief.title_at or brief.source,
                    f"the title '{brief.title}' is also the title of {other.title_at or other.source}: "
                    "give each brief a title of its own",
                    causes=(other.source.path,),
                )


def _referenced(entry: Any, field_name: str) -> Iterator[tuple[tuple, str]]:
    """The ids a data entry's field holds, each with where it is within the field: a list of ids, or one."""
    value = entry.get(field_name) if isinstance(entry, dict) else None
    if isinstance(value, str):
        yield (), value
    elif isinstance(value, list):
        yield from (((n,), other) for n, other in enumerate(value) if isinstance(other, str))


def _names_an_entity(path: tuple) -> bool:
    """Whether a place in a brief's front matter holds the id of an entity, which the loader checks against the
    data ("did you mean"): an item of a kind's list, or of the leverage's."""
    return (len(path) == 2 and path[0] in BY_FOLDER
            or len(path) == 3 and path[0] == "leverage" and path[1] in ("gains", "loses"))


def _closest(wrong: str, ids: set[str], field_name: str) -> str:
    """The end of a message about an id a brief uses without listing it: the closest id it lists, or the fix."""
    close = difflib.get_close_matches(wrong, sorted(i for i in ids if isinstance(i, str)), n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else f"add it to '{field_name}'"


def _reading(indicator_id: str, value: str | dict) -> Reading:
    """A valid reading: the status alone, or a mapping with a status and perhaps a note."""
    if isinstance(value, str):
        return Reading(indicator_id, value)
    note = value.get("note")
    return Reading(indicator_id, value["status"], " ".join(note.split()) if note else None)


def _placeholder_message(where: str) -> str:
    return (
        f"{where} still holds a {PLACEHOLDER} placeholder from the template: write the text, "
        "or keep 'draft: true' until the brief is ready"
    )


class _AnyId(frozenset):
    """The ids of a data file that could not be read: every id passes, so one broken file does not make
    every reference to it an error as well."""

    def __contains__(self, item: object) -> bool:
        return True


def split_front_matter(text: str) -> tuple[str, str, int] | None:
    """(front matter, body, line number of the body's first line), or None if the text has no front matter."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        return None
    for n, line in enumerate(lines[1:], start=1):
        if _FENCE.match(line):
            return "".join(lines[1:n]), "".join(lines[n + 1 :]), n + 2
    return None


#: From how many briefs reading them in several processes pays for starting the processes, and how many.
_READ_APART_FROM = 200
_MAX_WORKERS = 4


def _read_briefs_apart(project: Project, preview: bool, known: dict, pages: list[_Page]) -> tuple[list, int, dict]:
    """Read `pages` (briefs) in a process of their own: for each, the brief (or None) and what was found
    wrong with it; then how many files were read and their signatures."""
    reader = _Reader(project, preview)
    results = []
    for page in pages:
        reader.problems, templated = Problems(), set()
        brief = reader._read_brief_anew(page, known, templated)
        results.append((brief, reader.problems.items, bool(templated), reader.links.get(page.src_uri, PageLinks())))
    return results, reader.files, reader.seen
