"""Reading and validating the data files and every page of the docs folder, once, into a Catalog.

`load_project` reports every problem it finds in one pass; `briefings check`, the build and pre-commit all
call it, so every rule lives in the stages it runs and nowhere else. The stages, each a module testable on
its own:

1. the docs folder (`sources`): every page and file, links out of the project and unsafe files refused;
2. the data files (`datafiles`): each kind's entries, their schema and the references between them;
3. each page: its text (UTF-8), its front matter (`frontmatter`), its macro calls (`calls`), its raw HTML
   (`safety`), its links (`links`); which file of a brief is its original and which its translations
   (`originals`), an original read by `brief_reading` (the rules of one brief, `brief_rules`) and a
   translation by `translated_briefs`;
4. the catalog, then the rules across briefs and files (`site_rules`), links resolved against what the
   site publishes (`links`, `outputs`) and the redirects (`redirects`).

This module runs them in that order, remembers what the live preview may reuse (`LoadCache`), and reads a
large site's briefs in several processes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import posixpath
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from . import clock, schema, site_rules
from .calls import read_calls
from .catalog import Catalog
from .datafiles import AnyId, check_references, read_data_file
from .frontmatter import read_front_matter
from .kinds import KINDS, EntityKind
from .links import PageLinks, Published, read_links, resolve_links
from .brief_reading import read_brief
from .model import BRIEF_SECTIONS, Brief, Entity
from .outputs import published_outputs
from .problems import Location, Problems
from .project import Project
from .redirects import REDIRECTS_FILE, check_redirects, read_redirects, served_addresses
from .originals import TranslationFile, sort_brief_files
from .sources import Source, docs_folder
from .translated_briefs import read_translation_page
from .translations import Translation
from .workers import forked_pool, processors_to_fork
from .yamldoc import YamlDocument


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
    """What the last reading found in each brief and hand-written page, for the live preview: a page whose size and
    time are the same, in a project whose ids are the same, is not read again."""

    briefs: dict[str, tuple] = field(default_factory=dict)  # rel -> (key, brief, problems, templated, links)
    pages: dict[str, tuple] = field(default_factory=dict)  # the hand-written pages' likewise (no brief: None)
    data: dict[str, tuple] = field(default_factory=dict)  # rel -> (key, (entities, ids), document, problems)
    others: dict[str, tuple] = field(default_factory=dict)  # rel -> (size, time) of every other file read
    by_content: bool = False  # a brief's reading is valid for its content (a build's cache), not its size and time


def load_project(project: Project, *, preview: bool = False, cache: LoadCache | None = None) -> Loaded:
    """Read and check the whole project. In the `preview`, drafts and scheduled briefs (dated after the day
    `briefings.clock` gives) are part of the site; with a `cache`,
    briefs unchanged since the last reading through it are not read again."""
    return _Reader(project, preview, cache).read()


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
            if (doc := self.documents.get(kind.folder)) is not None:
                check_references(kind, doc, entities[kind.folder][0], known, self.problems)
        entity_maps = {folder: found for folder, (found, _) in entities.items()}
        self.ids_key = tuple(
            sorted((folder, tuple(sorted(ids.items()))) for folder, ids in known.items() if not isinstance(ids, AnyId))
        )

        pages, self.static = docs_folder(self.project, self.problems)
        templated: set[str] = set()
        others = [page for page in pages if not page.is_brief]
        files = sort_brief_files([page for page in pages if page.is_brief], self.project.languages, self.problems)
        briefs = [b for b in self._read_briefs([o.page for o in files.originals], known, templated) if b]
        translations = [self._read_translation(file, known, templated) for file in files.translations]
        for page in others:
            self._read_page(page, known, templated)
        site_rules.check_tags(briefs, self.problems)
        site_rules.check_bundles(pages, self.problems)

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
            translations=[t for t in translations if t is not None],
        )
        scheduled = tuple((b.defined_at.path, b.date) for b in catalog.scheduled())
        outputs = published_outputs(catalog)
        for page in others:
            if page.src_uri in outputs:
                self.problems.error(
                    Location(page.rel),
                    "the site generates this page from the data: remove the file and edit the data instead",
                )
        resolved = resolve_links(self._published(pages, catalog, outputs), self.problems)
        catalog.assets, catalog.linked_outputs = resolved.assets, resolved.outputs
        redirects = self.project.file(REDIRECTS_FILE)
        doc = read_redirects(self._text(redirects, REDIRECTS_FILE) if redirects.is_file() else None, self.problems)
        served = served_addresses(catalog, outputs, self.project.relative(self.project.docs_dir))
        catalog.redirects = check_redirects(doc, served, self.problems)
        if self.problems.errors:
            return Loaded(self.problems, files=self.files, scheduled=scheduled)
        site_rules.report_unused(entity_maps, briefs, self.documents, self.problems)
        site_rules.check_titles(briefs, self.problems)
        site_rules.report_unlinked(resolved.unlinked, self.static, self.problems)
        return Loaded(self.problems, catalog, frozenset(templated), self.files, scheduled, self._changes(pages))

    def _published(self, pages: list[Source], catalog: Catalog, outputs: set[str]) -> Published:
        """What links may lead to: the pages read, docs/'s other files and what the site generates. (A page
        that could not be read has no known anchors.)"""
        return Published(
            pages={page.src_uri: self.links.get(page.src_uri, PageLinks(exact=False)) for page in pages},
            files=frozenset(self.static),
            generated=frozenset(outputs),
            unpublished={
                brief.src_uri: None if brief.draft else brief.date
                for brief in catalog.briefs + catalog.left_out
                if brief.draft or catalog.is_scheduled(brief)
            },
            left_out=frozenset(brief.src_uri for brief in catalog.left_out),
            extra_anchors={brief.src_uri: BRIEF_SECTIONS for brief in catalog.briefs + catalog.left_out},
            docs=self.project.relative(self.project.docs_dir),
        )

    def _changes(self, pages: list[Source]) -> Changes | None:
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

    # -- data files ------------------------------------------------------------------------------------------

    def _read_kind(self, kind: EntityKind) -> tuple[dict[str, Entity], Any]:
        """A kind's valid entities, and every id its data file defines (valid or not) with its name and aliases;
        from the cache when the file has not changed since the last reading."""
        path = self.project.file(kind.data_file)
        rel = kind.data_file
        if not path.is_file():
            self.problems.error(
                Location(rel), f"missing data file: create {rel} (a mapping of {kind.folder} keyed by id)"
            )
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
        entities, ids, doc = read_data_file(kind, self._text(path, rel), rel, self.problems)
        if doc is not None:
            self.documents[kind.folder] = doc
        return entities, ids

    # -- pages -----------------------------------------------------------------------------------------------

    def _read_page(self, page: Source, known: dict, templated: set[str]) -> None:
        """A hand-written page (home, About...): its front matter, links and macro calls; from the cache when
        neither it nor the ids its macros may name changed since the last reading."""
        if self.cache is None:
            return self._read_page_anew(page, known, templated)
        _, anew = self._through_cache(
            self.cache.pages, page, templated, lambda found: self._read_page_anew(page, known, found)
        )
        if not anew:  # seen as it is now, as a page read anew is as it is read (see `_changes`)
            stat = page.path.stat()
            self.seen[page.rel] = (stat.st_size, stat.st_mtime_ns)

    def _read_page_anew(self, page: Source, known: dict, templated: set[str]) -> None:
        text = self._text(page.path, page.rel)
        if text is None:
            return
        doc, body, body_line = read_front_matter(text, page.rel, self.problems, required=False)
        meta = doc.value if doc else {}
        if doc is not None:
            schema.validate(doc, "page", self.problems)
        self.links[page.src_uri] = read_links(body, page.rel, body_line)
        if meta.get("render_macros") is False:
            return  # a page that shows macro syntax as written
        if read_calls(body, page.rel, body_line, self.problems, known, self.calls).templated:
            templated.add(page.src_uri)

    def _read_briefs(self, pages: list[Source], known: dict, templated: set[str]) -> list[Brief | None]:
        """Every brief, in order. Many briefs are read by as many processes as there are processors, this one
        included (each brief is read on its own: only the problems found, in the same order, come back with
        it)."""
        workers = min(processors_to_fork(), _MAX_WORKERS)
        cached = self.cache is not None and self.cache.briefs  # an empty cache is filled from the processes
        if cached or workers < 2 or len(pages) < _READ_APART_FROM:
            return [self._read_brief(page, known, templated) for page in pages]
        size = -(-len(pages) // workers)
        chunks = [pages[start : start + size] for start in range(0, len(pages), size)]
        with forked_pool(len(chunks) - 1) as pool:
            running = [
                pool.submit(_read_briefs_apart, self.project, self.preview, known, chunk) for chunk in chunks[1:]
            ]
            read = [_read_briefs_apart(self.project, self.preview, known, chunks[0])]  # meanwhile, the first here
            read += [reading.result() for reading in running]
        found: list[Brief | None] = []
        for chunk, (results, files, seen) in zip(chunks, read):
            for page, (brief, problems, is_templated, links) in zip(chunk, results):
                self.problems.extend(problems)
                self.links[page.src_uri] = links
                if is_templated:
                    templated.add(page.src_uri)
                if self.cache is not None:
                    self.cache.briefs[page.rel] = (self._page_key(page), brief, problems, is_templated, links)
                    self.reread.add(page.rel)
                found.append(brief)
            self.files += files
            self.seen.update(seen)
        return found

    def _read_brief(self, page: Source, known: dict, templated: set[str]) -> Brief | None:
        """A brief, from the cache when neither it nor the ids it may name changed since the last reading."""
        if self.cache is None:
            return self._read_brief_anew(page, known, templated)
        brief, anew = self._through_cache(
            self.cache.briefs, page, templated, lambda found: self._read_brief_anew(page, known, found)
        )
        if anew:
            self.reread.add(page.rel)
        return brief

    def _through_cache(
        self, store: dict[str, tuple], page: Source, templated: set[str], read: Callable[[set[str]], Any]
    ) -> tuple[Any, bool]:
        """What `read` finds in a page (a brief, a hand-written page), given the set to add the page to if it calls
        macros; from `store` when neither the file nor the ids it may name changed since the last reading, with
        the problems found in it, its links and whether it calls macros. Whether it was read anew."""
        key = self._page_key(page)
        cached = store.get(page.rel)
        anew = cached is None or cached[0] != key
        if anew:
            problems, self.problems = self.problems, Problems()
            found: set[str] = set()
            value = read(found)
            store[page.rel] = (key, value, self.problems.items, bool(found), self.links.get(page.src_uri))
            self.problems = problems
        else:
            self.files += 1
        _, value, problems, is_templated, links = store[page.rel]
        self.problems.extend(problems)
        if links is not None:
            self.links[page.src_uri] = links
        if is_templated:
            templated.add(page.src_uri)
        return value, anew

    def _read_translation(self, file: TranslationFile, known: dict, templated: set[str]) -> Translation | None:
        """A brief's translation (briefings.originals says which files are), read by briefings.translated_briefs."""
        page = file.page
        read = read_translation_page(file, self._text(page.path, page.rel), known, self.calls, self.problems)
        if read.templated:
            templated.add(page.src_uri)
        if read.links is not None:
            self.links[page.src_uri] = read.links
        return read.translation

    def _page_key(self, page: Source) -> tuple:
        """What a page's cached reading holds for: the file (its size and time, or its content) and the ids."""
        if self.cache is not None and self.cache.by_content:
            return (hashlib.blake2b(page.path.read_bytes(), digest_size=16).hexdigest(), self.ids_key)
        stat = page.path.stat()
        return (stat.st_size, stat.st_mtime_ns, self.ids_key)

    def _read_brief_anew(self, page: Source, known: dict, templated: set[str]) -> Brief | None:
        read = read_brief(page, lambda: self._text(page.path, page.rel), known, self.calls, self.problems)
        if read.links is not None:
            self.links[page.src_uri] = read.links
        if read.templated:
            templated.add(page.src_uri)
        return read.brief


#: From how many briefs reading them in several processes pays for starting the processes, and how many.
_READ_APART_FROM = 200
_MAX_WORKERS = 4


def _read_briefs_apart(project: Project, preview: bool, known: dict, pages: list[Source]) -> tuple[list, int, dict]:
    """Read `pages` (briefs) in a process of their own: for each, the brief (or None) and what was found
    wrong with it; then how many files were read and their signatures."""
    reader = _Reader(project, preview)
    results = []
    for page in pages:
        reader.problems, templated = Problems(), set[str]()
        brief = reader._read_brief_anew(page, known, templated)
        results.append((brief, reader.problems.items, bool(templated), reader.links.get(page.src_uri, PageLinks())))
    return results, reader.files, reader.seen
