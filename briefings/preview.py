"""What a save changes in the live preview: the pages to write again, and only those.

Which pages a save changes is derived from the same declarations as the build's reuse of pages
(`briefings.reuse.Fingerprints`): each page whose fingerprint differs before and after the save is written
again. The hand-written pages that call listing macros are always written again. Anything else than briefs (a data file, a
hand-written page, which ids exist) changes pages all over the site: then everything is written again.
"""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

from .catalog import Catalog
from .fragments import Fragments
from .kinds import KINDS
from .loader import Changes, LoadCache, Loaded, load_project
from .pages import GeneratedPage
from .project import Project
from .reuse import Fingerprints
from .search import FOLDER, SearchIndex
from .site import Site


class Preview:
    """What the live preview remembers from one rebuild to the next, so that a save writes again only what
    it changes: what each brief held, the generated pages' Markdown, and the last site that built."""

    def __init__(self) -> None:
        self.cache = LoadCache()
        self.written: dict[str, str] = {}  # generated pages' Markdown, by src_uri
        self.fingerprints: Fingerprints | None = None  # the pages' as the last site had them
        self.rebuild: set[str] | None = None  # the pages this rebuild must write; None: all of them
        self.templated: frozenset[str] = frozenset()  # the pages that call macros
        self.site: Site | None = None
        self.index = PreviewIndex()  # search, brought up to date once the preview is quiet

    def load(
        self, project: Project, *, directory_urls: bool = True, fragments: Fragments | None = None
    ) -> tuple[Loaded, Site]:
        """Read the project again; while it has errors, the last site that built stays the one shown."""
        self.index.interrupt()  # a rebuild goes before search
        loaded = load_project(project, preview=True, cache=self.cache)
        self.rebuild, self.templated = None, loaded.templated
        if loaded.catalog is not None:  # loaded.ok
            if self.site is not None:
                loaded.catalog.borrow_related(self.site.catalog)
            after = Fingerprints(
                loaded.catalog, directory_urls=directory_urls, leave_out=set(), previous=self.fingerprints
            )
            self.rebuild = pages_to_rebuild(self.fingerprints, after, loaded.changed)
            self.fingerprints = after
            self.site = Site(loaded.catalog, directory_urls=directory_urls, fragments=fragments)
        elif self.site is None:
            self.site = Site(
                Catalog(entities={kind.folder: {} for kind in KINDS}, briefs=[]),
                directory_urls=directory_urls,
                fragments=fragments,
            )
        return loaded, self.site

    def markdown(self, page: GeneratedPage) -> str:
        """A generated page, written again only if this rebuild changes it."""
        assert self.site is not None, "load() comes first"
        if self.rebuild is None or page.src_uri in self.rebuild or page.src_uri not in self.written:
            self.written[page.src_uri] = self.site.markdown(page)
        return self.written[page.src_uri]

    def rewrites(self, src_uri: str) -> bool:
        """Whether this rebuild writes the page again. Hand-written pages that call macros always are (they are
        few, and a listing macro shows any brief); those that do not depend on no brief."""
        assert self.site is not None, "load() comes first"
        listing = src_uri in self.templated and self.site.catalog.brief(src_uri) is None
        return self.rebuild is None or listing or src_uri in self.rebuild


def pages_to_rebuild(before: Fingerprints | None, after: Fingerprints, changes: Changes | None) -> set[str] | None:
    """The pages (src_uri) a change makes different, or None when it may touch any page: those whose fingerprint
    differs."""
    if before is None or changes is None or changes.anything_else:
        return None
    pages = before.bases.keys() | after.bases.keys()
    return {src_uri for src_uri in pages if before.of(src_uri) != after.of(src_uri)}


class PreviewIndex:
    """The live preview's index, written in the background once the preview is quiet, so that a save never
    waits for search.

    Writing the index of a large site takes a moment, and beside a rebuild it would slow the rebuild down: so
    it starts once the preview has been quiet for `QUIET` seconds after a rebuild, and a rebuild that starts
    meanwhile stops it (`interrupt`). Each run writes a new folder beside the one served and then swaps it
    in, so that search always works, a moment behind the last save."""

    QUIET = 1.0  # seconds
    NEXT = ".search-next"  # the index being written, in the preview's own folder

    def __init__(self) -> None:
        self._timer: threading.Timer | None = None
        self._stop = threading.Event()

    def update(self, index: SearchIndex, site: Path) -> None:
        """The site was rebuilt: write its index once the preview is quiet."""
        self.interrupt()
        self._stop = threading.Event()
        self._timer = threading.Timer(self.QUIET, self._write, args=(index, site, self._stop))
        self._timer.daemon = True
        self._timer.start()

    def interrupt(self) -> None:
        """A rebuild starts: stop writing (the next update starts again)."""
        self._stop.set()
        if self._timer is not None:
            self._timer.cancel()
        self.wait()

    def wait(self) -> None:
        if self._timer is not None:
            self._timer.join()

    def _write(self, index: SearchIndex, site: Path, stop: threading.Event) -> None:
        staging, served, previous = site / self.NEXT, site / FOLDER, site / ".search-previous"
        try:
            if not index.write(staging, stop=stop.is_set) or stop.is_set():
                return
            shutil.rmtree(previous, ignore_errors=True)
            if served.exists():
                served.rename(previous)
            staging.rename(served)
            shutil.rmtree(previous, ignore_errors=True)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
