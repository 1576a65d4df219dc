"""Reading and validating the data files and every page of the docs folder, once, into a Catalog.

`load_project` reports every problem it finds in one pass; `briefings check`, the build and pre-commit all
call it, so every rule lives in the stages it runs and nowhere else. The stages, each a module testable on
its own:

1. the docs folder (`sources`): every page and file, links out of the project and unsafe files refused;
2. the data files (`datafiles`): each kind's entries, their schema and the references between them;
3. each page: its text (UTF-8, `sources`), its front matter (`frontmatter`), its macro calls (`calls`), its raw HTML
   (`safety`), its links (`links`); which file of a brief is its original and which its translations
   (`originals`), an original read by `brief_reading` (the rules of one brief, `brief_rules`) and a
   translation by `translated_briefs`;
4. the catalog, then the rules across briefs and files (`site_rules`), links resolved against what the
   site publishes (`links`, `outputs`) and the redirects (`redirects`).

Each brief and hand-written page is read on its own into what it holds and what is wrong with it (`findings`,
which reads a large site's briefs in several processes). This module runs the stages in that order, takes in what
each page's reading found, and remembers it for the live preview (`LoadCache`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import posixpath
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import clock, findings, site_rules
from .catalog import Catalog
from .datafiles import AnyId, check_references, read_data_file
from .findings import PageFindings
from .kinds import KINDS, EntityKind
from .links import PageLinks, Published, resolve_links
from .model import BRIEF_SECTIONS, Brief, Entity
from .originals import TranslationFile, sort_brief_files
from .outputs import published_outputs
from .problems import Location, Problem, Problems
from .project import Project
from .redirects import REDIRECTS_FILE, check_redirects, read_redirects, served_addresses
from .sources import Source, docs_folder, read_text
from .translated_briefs import read_translation_page
from .translations import Translation
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


@dataclass(frozen=True)
class Kept:
    """What the last reading found in a page, and what it holds for: the file (its size and time, or its content)
    and the ids its macros may name."""

    key: tuple
    findings: PageFindings


@dataclass(frozen=True)
class KeptData:
    """What the last reading found in a data file, and the file's size and time then."""

    key: tuple[int, int]
    entities: dict[str, Entity]  # the valid ones
    ids: Any  # every id the file defines, with its name and aliases (`read_data_file`)
    document: YamlDocument | None  # the file as a document, when readable
    problems: tuple[Problem, ...]


@dataclass
class LoadCache:
    """What the last reading found in each brief, hand-written page and data file, for the live preview: a page
    whose size and time are the same, in a project whose ids are the same, is not read again."""

    briefs: dict[str, Kept] = field(default_factory=dict)  # by path relative to the root
    pages: dict[str, Kept] = field(default_factory=dict)  # the hand-written pages'
    data: dict[str, KeptData] = field(default_factory=dict)
    others: dict[str, tuple[int, int]] = field(default_factory=dict)  # (size, time) of every other file read
    by_content: bool = False  # a brief's reading is valid for its content (a build's cache), not its size and time


def load_project(project: Project, *, preview: bool = False, cache: LoadCache | None = None) -> Loaded:
    """Read and check the whole project. In the `preview`, drafts and scheduled briefs (dated after the day
    `briefings.clock` gives) are part of the site; with a `cache`, the briefs, hand-written pages and data files
    unchanged since the last reading through it are not read again."""
    return _Reader(project, preview, cache).read()


@dataclass
class _Reader:
    """One reading of the project: the stages in order, each page's findings taken in as they come (`_take`), and
    what the reading found so far."""

    project: Project
    preview: bool
    cache: LoadCache | None = None
    problems: Problems = field(default_factory=Problems)
    files: int = 0
    documents: dict[str, YamlDocument] = field(default_factory=dict)  # each kind's data file, when readable
    calls: dict = field(default_factory=dict)  # what each distinct macro call amounts to (see read_calls)
    reread: set[str] = field(default_factory=set)  # briefs (rel) read anew, not taken from the cache
    seen: dict[str, tuple[int, int]] = field(default_factory=dict)  # rel -> (size, time) of the files not briefs
    links: dict[str, PageLinks] = field(default_factory=dict)  # what each page links, by src_uri
    templated: set[str] = field(default_factory=set)  # the pages (src_uri) that call macros
    static: dict[str, str] = field(default_factory=dict)  # docs/'s files other than pages: src_uri -> rel
    ids_key: tuple = ()  # every id the data files define: a kept page's reading holds only for the same ids

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
        others = [page for page in pages if not page.is_brief]
        files = sort_brief_files([page for page in pages if page.is_brief], self.project.languages, self.problems)
        briefs = [b for b in self._read_briefs([o.page for o in files.originals], known) if b]
        translations = [self._read_translation(file, known) for file in files.translations]
        for page in others:
            self._read_page(page, known)
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
        return Loaded(self.problems, catalog, frozenset(self.templated), self.files, scheduled, self._changes(pages))

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

    def _text(self, path: Path, rel: str) -> str | None:
        """The text of a file other than a brief's original or a hand-written page (see `findings` for those)."""
        self.files += 1
        self.seen[rel] = _signature(path)
        return read_text(path, rel, self.problems)

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
        self.files += 1
        key = self.seen[rel] = _signature(path)
        kept = self.cache.data.get(rel) if self.cache is not None else None
        if kept is None or kept.key != key:
            problems = Problems()
            entities, ids, document = read_data_file(kind, read_text(path, rel, problems), rel, problems)
            kept = KeptData(key, entities, ids, document, tuple(problems.items))
            if self.cache is not None:
                self.cache.data[rel] = kept
        self.problems.extend(kept.problems)
        if kept.document is not None:
            self.documents[kind.folder] = kept.document
        return kept.entities, kept.ids

    # -- pages -----------------------------------------------------------------------------------------------

    def _read_page(self, page: Source, known: dict) -> None:
        """A hand-written page (home, About...); from the cache when neither it nor the ids its macros may name
        changed since the last reading."""
        self.seen[page.rel] = _signature(page.path)
        store = self.cache.pages if self.cache is not None else None
        self._take(page, self._kept(store, page, known, findings.page_findings)[0])

    def _read_briefs(self, pages: list[Source], known: dict) -> list[Brief | None]:
        """Every brief, in order: from the cache when neither it nor the ids it may name changed since the last
        reading; with no cache, or an empty one (which they then fill), by `findings.read_briefs`."""
        if self.cache is not None and self.cache.briefs:
            found = []
            for page in pages:
                found_in, anew = self._kept(self.cache.briefs, page, known, findings.brief_findings)
                if anew:
                    self.reread.add(page.rel)
                found.append(self._take(page, found_in))
            return found
        read = findings.read_briefs(pages, known, self.calls)
        if self.cache is not None:
            for page, found_in in zip(pages, read):
                self.cache.briefs[page.rel] = Kept(self._page_key(page), found_in)
                self.reread.add(page.rel)
        return [self._take(page, found_in) for page, found_in in zip(pages, read)]

    def _kept(
        self,
        store: dict[str, Kept] | None,
        page: Source,
        known: dict,
        read: Callable[[Source, dict, dict], PageFindings],
    ) -> tuple[PageFindings, bool]:
        """What `read` finds in `page`: from `store` (if there is one) when neither the page nor the ids changed
        since the last reading. Whether it was read anew."""
        if store is None:
            return read(page, known, self.calls), True
        key = self._page_key(page)
        kept = store.get(page.rel)
        if kept is not None and kept.key == key:
            return kept.findings, False
        store[page.rel] = Kept(key, read(page, known, self.calls))
        return store[page.rel].findings, True

    def _take(self, page: Source, found: PageFindings) -> Brief | None:
        """Take in what was found in `page`: its problems, its links, whether it calls macros; its brief, if any."""
        self.files += 1
        self.problems.extend(found.problems)
        if found.links is not None:
            self.links[page.src_uri] = found.links
        if found.templated:
            self.templated.add(page.src_uri)
        return found.brief

    def _read_translation(self, file: TranslationFile, known: dict) -> Translation | None:
        """A brief's translation (briefings.originals says which files are), read by briefings.translated_briefs."""
        page = file.page
        read = read_translation_page(file, self._text(page.path, page.rel), known, self.calls, self.problems)
        if read.templated:
            self.templated.add(page.src_uri)
        if read.links is not None:
            self.links[page.src_uri] = read.links
        return read.translation

    def _page_key(self, page: Source) -> tuple:
        """What a page's kept reading holds for: the file (its size and time, or its content) and the ids."""
        if self.cache is not None and self.cache.by_content:
            return (hashlib.blake2b(page.path.read_bytes(), digest_size=16).hexdigest(), self.ids_key)
        return (*_signature(page.path), self.ids_key)


def _signature(path: Path) -> tuple[int, int]:
    """A file's size and time: what tells the preview a file changed."""
    stat = path.stat()
    return stat.st_size, stat.st_mtime_ns
