"""What a save changes in the live preview: the pages to write again, and only those.

Which pages a save changes is derived from the same declarations as the build's reuse of pages
(`briefings.reuse.Fingerprints`): each page whose fingerprint differs before and after the save is written
again, with what its template asked of the catalog when last written asked again of both. The hand-written
pages that call listing macros are always written again. Anything else than briefs (a data file, a
hand-written page, which ids exist) changes pages all over the site: then everything is written again.
The theme's templates stay compiled from one rebuild to the next (`CompiledTemplates`).
"""

from __future__ import annotations

import logging

import jinja2
import jinja2.bccache

from .catalog import Catalog
from .fragments import Fragments
from .kinds import KINDS
from .loader import Changes, LoadCache, Loaded, load_project
from .pages import GeneratedPage
from .project import Project
from .reuse import Fingerprints
from .search import PreviewIndex
from .site import Site


#: What MkDocs warns on every `--dirty` build, and the logger it warns on (mkdocs/commands/build.py; a test
#: pins the installed text).
DIRTY_BUILD_WARNING = (
    "A 'dirty' build is being performed, this will likely lead to inaccurate navigation and other links within "
    "your site. This option is designed for site development purposes only."
)
BUILD_LOG = logging.getLogger("mkdocs.commands.build")


class ExactDirtyBuilds(logging.Filter):
    """The preview's dirty builds write again every page a save changes, so MkDocs' warning that they are
    inaccurate is not shown to authors (the preview installs this filter when it first loads the project)."""

    def filter(self, record: logging.LogRecord) -> bool:
        return record.getMessage() != DIRTY_BUILD_WARNING


EXACT_DIRTY_BUILDS = ExactDirtyBuilds()


class Preview:
    """What the live preview remembers from one rebuild to the next, so that a save writes again only what
    it changes: what each brief held, the generated pages' Markdown, and the last site that built."""

    def __init__(self) -> None:
        self.cache = LoadCache()
        self.written: dict[str, str] = {}  # generated pages' Markdown, by src_uri
        self.queries: dict[str, list] = {}  # what each generated page asked of the catalog when last written
        self.fingerprints: Fingerprints | None = None  # the pages' as the last site had them
        self.rebuild: set[str] | None = None  # the pages this rebuild must write; None: all of them
        self.templated: frozenset[str] = frozenset()  # the pages that call macros
        self.site: Site | None = None
        self.compiled = CompiledTemplates()
        self.index = PreviewIndex()  # search, brought up to date once the preview is quiet

    def load(
        self, project: Project, *, directory_urls: bool = True, fragments: Fragments | None = None
    ) -> tuple[Loaded, Site]:
        """Read the project again; while it has errors, the last site that built stays the one shown."""
        BUILD_LOG.addFilter(EXACT_DIRTY_BUILDS)  # once is enough: a logger holds a filter once
        self.index.interrupt()  # a rebuild goes before search
        loaded = load_project(project, preview=True, cache=self.cache)
        self.rebuild, self.templated = None, loaded.templated
        if loaded.ok:
            after = Fingerprints(loaded.catalog, directory_urls=directory_urls, leave_out=set())
            self.rebuild = pages_to_rebuild(self.fingerprints, after, loaded.changed, self.queries)
            self.fingerprints = after
            self.site = Site(loaded.catalog, directory_urls=directory_urls, fragments=fragments)
            self.site.queries = self.queries
        elif self.site is None:
            self.site = Site(
                Catalog(entities={kind.folder: {} for kind in KINDS}, briefs=[]),
                directory_urls=directory_urls,
                fragments=fragments,
            )
        return loaded, self.site

    def markdown(self, page: GeneratedPage) -> str:
        """A generated page, written again only if this rebuild changes it."""
        if self.rebuild is None or page.src_uri in self.rebuild or page.src_uri not in self.written:
            self.written[page.src_uri] = self.site.markdown(page)
        return self.written[page.src_uri]

    def rewrites(self, src_uri: str) -> bool:
        """Whether this rebuild writes the page again. Hand-written pages that call macros always are (they are
        few, and a listing macro shows any brief); those that do not depend on no brief."""
        listing = src_uri in self.templated and self.site.catalog.brief(src_uri) is None
        return self.rebuild is None or listing or src_uri in self.rebuild


def pages_to_rebuild(
    before: Fingerprints | None, after: Fingerprints, changes: Changes | None, queries: dict[str, list]
) -> set[str] | None:
    """The pages (src_uri) a change makes different, or None when it may touch any page: those whose fingerprint
    differs, given what each asked of the catalog when last written (`queries`)."""
    if before is None or changes is None or changes.anything_else:
        return None
    pages = before.bases.keys() | after.bases.keys()
    return {
        src_uri
        for src_uri in pages
        if before.of(src_uri, queries.get(src_uri, ())) != after.of(src_uri, queries.get(src_uri, ()))
    }


class CompiledTemplates(jinja2.BytecodeCache):
    """The theme's templates as compiled, kept in memory from one rebuild to the next (the engine makes a new
    template environment for each): a template is compiled again only when its source changes."""

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()
