"""What a save changes in the live preview: the pages to write again, and only those.

Which pages a save changes is derived from the same declarations as the build's reuse of pages
(`briefings.reuse.Fingerprints`): each page whose fingerprint differs before and after the save is written
again, in each language the site is built in (each language's build has its own fingerprints). The hand-written
pages that call macros are written again when what briefs show in listings changed (`Fingerprints.show_alike`),
and the pages the navigation lists if never written. Anything else than briefs (a data file, a hand-written page,
which ids exist, or any other input every page depends on: the configuration, `overrides/`, `macros/`, this
package, by `site_inputs.site_stamp`) changes pages all over the site: then everything is written again.

A page open in the author's browser is written first (`open_first`): a save whose pages include one open and
others leaves the others, and the open data, for a second rebuild right after, which the browser does not wait
for (the adapter, `briefings.mkdocs.open_first.OpenFirst`, reloads the open page in between and holds any other page
asked for until that rebuild is done).

What no reader of the pages written waits for waits for the preview to be quiet: the search index, the feeds and
the redirects (`PreviewIndex`), and Python's cycle collector (`QuietCollector`).
"""

from __future__ import annotations

import functools
import gc
import shutil
import threading
import time
from collections.abc import Callable, Iterable, Mapping, MutableMapping
from pathlib import Path
from typing import Any

from .catalog import Catalog
from .feed import SiteFeeds
from .fragments import Fragments
from .kinds import KINDS
from .loader import Changes, LoadCache, Loaded, load_project
from .multilingual import LanguageBuild
from .outputs import LISTED_BRIEFS
from .pages import GeneratedPage
from .project import Project
from .reuse import Fingerprints
from .search import SearchIndex
from .site import Output, Site
from .site_inputs import settings_of, site_stamp
from .translations import split_language
from .urls import SEARCH_FOLDER, page_address, page_url


class Preview:
    """What the live preview remembers from one rebuild to the next, so that a save writes again only what
    it changes: what each brief held, and for each language the site is built in, its pages' fingerprints,
    its generated pages' Markdown and the last site that built (`LanguagePages`). Its rebuilds write only what a
    save changes when the engine's builds are `dirty` (`mkdocs serve --dirty`: each keeps what the last wrote);
    otherwise each starts from an empty folder, and writes every page and file again."""

    def __init__(self, *, dirty: bool = True) -> None:
        self.dirty = dirty
        self.cache = LoadCache()
        self.loaded: Loaded | None = None  # this rebuild's reading of the project
        self.changes: Changes | None = None  # what changed since the last rebuild (None: anything may have)
        self.stamp = b""  # what every page depends on besides the briefs, as the last rebuild found it
        self.catalog: Catalog | None = None  # the last one that built
        self.templated: frozenset[str] = frozenset()  # the pages that call macros
        self.listed: frozenset[str] = frozenset()  # the pages the navigation lists
        self.languages: dict[str, LanguagePages] = {}  # by language code
        self.pages = LanguagePages()  # the language whose build is under way
        self.indexes: dict[str, PreviewIndex] = {}  # each language's search, brought up to date once quiet
        self.opened: frozenset[str] | None = None  # the addresses of the pages to write first (`open_first`)

    @property
    def index(self) -> PreviewIndex:
        """The search index of the language whose build is under way."""
        return self.indexes.setdefault(self.pages.lang, PreviewIndex())

    def interrupt(self) -> None:
        """Stop writing any language's search index (a rebuild goes before search)."""
        for index in self.indexes.values():
            index.interrupt()

    def load(self, project: Project, config: Mapping[str, Any], theme: Mapping[str, Any]) -> Loaded:
        """Read the project again; while it has errors, the last site that built stays the one shown. `config` is
        the engine's configuration as resolved, before plugins add to it, and `theme` the theme's."""
        self.interrupt()
        self.loaded = loaded = load_project(project, preview=True, cache=self.cache)
        pages = loaded.catalog.pages if loaded.catalog is not None else None
        config_file = Path(config["config_file_path"]) if config.get("config_file_path") else None
        stamp = site_stamp(project, settings_of(config, theme), config_file=config_file, pages=pages)
        self.changes = loaded.changed
        if loaded.changed is not None and stamp != self.stamp:
            self.changes = Changes(loaded.changed.briefs, anything_else=True)
        self.stamp = stamp
        self.templated = loaded.templated
        if loaded.catalog is not None:  # loaded.ok
            if self.catalog is not None:
                loaded.catalog.borrow_related(self.catalog)
            self.catalog = loaded.catalog
        return loaded

    def in_language(
        self,
        build: LanguageBuild,
        *,
        listed: Iterable[str] = (),
        directory_urls: bool = True,
        fragments: Fragments | None = None,
    ) -> Site:
        """The site in the language of `build` (one language's build of the site), and which of its pages this
        rebuild writes again: those whose fingerprint the save changed (all of them after anything else), and
        those the navigation lists (`listed`) that were never written: the engine takes their titles in the
        navigation from the pages it writes (another language's navigation has them translated until then), and
        the navigation of a page not written again shows what it showed when it was (`navigation`)."""
        assert self.loaded is not None, "load() comes first"
        lang, languages = build.lang, build.languages
        self.listed = frozenset(listed)
        self.pages = pages = self.languages.setdefault(lang, LanguagePages(lang))
        catalog = self.catalog or Catalog(entities={kind.folder: {} for kind in KINDS}, briefs=[])
        site = Site(catalog, directory_urls=directory_urls, fragments=fragments, lang=lang, site_languages=languages)
        if pages.site is not None and site.catalog is not catalog:  # another language's catalog, made for each save
            site.catalog.borrow_related(pages.site.catalog)
        pages.rebuild = None
        if self.loaded.catalog is not None:
            after = Fingerprints(
                catalog,
                directory_urls=directory_urls,
                leave_out=set(),
                lang=lang,
                languages=languages,
                previous=pages.fingerprints,
                site=site,
            )
            pages.rebuild = pages_to_rebuild(pages.fingerprints, after, self.changes) if self.dirty else None
            pages.listings = not after.show_alike(pages.fingerprints)
            pages.fingerprints = after
            if pages.rebuild is not None and pages.listings:  # a listing macro may show any brief
                pages.rebuild |= self.templated & site.catalog.pages
        else:  # every page shows the errors: the next good save writes every page again
            pages.fingerprints = None
        left, pages.later = pages.later, Later()
        if pages.rebuild is not None:  # and what the rebuild before left for this one
            pages.rebuild |= left.pages
            pages.listings |= left.listings
            if self.opened is not None:
                self._open_first(pages, build.prefix, directory_urls)
        if self.loaded.catalog is not None or pages.site is None:
            pages.site = site
        return pages.site

    def open_first(self, addresses: Iterable[str] | None) -> None:
        """Have the rebuilds to come write first the pages at `addresses` (as `urls.page_address` gives them:
        `briefs/2026/x/`, `fr/`): the pages open in the author's browser. A rebuild that changes one of them and
        other pages writes those open alone, and leaves the others (`Later`) to the next rebuild, which writes
        them whatever it changes itself (`owes`). None: every page at once."""
        self.opened = None if addresses is None else frozenset(addresses)

    @property
    def owes(self) -> bool:
        """Whether the last rebuild left pages (or the open data) for the next (`open_first`)."""
        return any(pages.later for pages in self.languages.values())

    def _open_first(self, pages: LanguagePages, prefix: str, directory_urls: bool) -> None:
        assert pages.rebuild is not None and self.opened is not None

        def address(src_uri: str) -> str:  # (a translation's page, `x.fr.md`, is at its original's address)
            return page_address(prefix + page_url(split_language(src_uri)[0], directory_urls))

        later = {src_uri for src_uri in pages.rebuild if address(src_uri) not in self.opened}
        if later and len(later) < len(pages.rebuild):  # one open page at least, and others
            pages.rebuild -= later
            pages.later, pages.listings = Later(later, pages.listings), False

    def publish(self, site: Site, feeds: SiteFeeds, search: SearchIndex, site_dir: Path, *, lang: str) -> None:
        """The rebuild has written its pages: the feeds it changes are chosen now, and written, with the redirects
        and then the search index, once the preview is quiet (`PreviewIndex`): none is a page that a reader of
        the pages written waits for. A rebuild that starts meanwhile stops it; the next writes the feeds chosen
        and not written."""
        feeds.choose(site_dir, self.rewrites)
        self.index.update(search, site_dir, first=functools.partial(site.write_feeds, feeds, site_dir, lang=lang))

    def markdown(self, page: GeneratedPage) -> str:
        """A generated page, written again only if this rebuild changes it."""
        pages = self.pages
        assert pages.site is not None, "in_language() comes first"
        if pages.rebuild is None or page.src_uri in pages.rebuild or page.src_uri not in pages.written:
            pages.written[page.src_uri] = pages.site.markdown(page)
        return pages.written[page.src_uri]

    def rewrites(self, src_uri: str) -> bool:
        """Whether this rebuild writes the page again: one whose fingerprint the save changed (`in_language`).
        Hand-written pages that call macros are unless the briefs show alike wherever they are listed
        (`Fingerprints.show_alike`: a listing macro may show any brief, and what it shows of each is the brief's
        record, its text apart); those that do not depend on no brief. So are the pages the navigation lists that
        were never written (see `in_language`)."""
        pages = self.pages
        assert pages.site is not None, "in_language() comes first"
        unknown = src_uri in self.listed and src_uri not in pages.shown
        return pages.rebuild is None or src_uri in pages.rebuild or unknown

    @property
    def writes_everything(self) -> bool:
        """Whether this rebuild writes every page again: the first, and any after a save of anything else than
        briefs (`in_language`)."""
        return self.pages.rebuild is None

    def makes(self, shows: str, paths: tuple[str, ...] = ()) -> bool:
        """Whether this rebuild makes again an output of open data (at `paths`) that shows `shows`, as the output
        declares it (briefings.outputs.LISTED_BRIEFS): what a page shows (`shows` its source) when it writes the
        page again; what the pages listing briefs show of them when such a page would be written again
        (`rewrites`)."""
        if shows == LISTED_BRIEFS:
            return self.writes_everything or self.pages.listings
        return self.rewrites(shows)

    def lists(self, output: Output) -> bool:
        """Whether the engine is told of an output the site generates, this rebuild: of every page, of a file it
        writes again (`Output.modified`: not the feeds, which the preview writes itself, nor data it does not
        make again), and of a file that a page links by its path (the engine resolves the links of the pages it
        writes against the files it is told of). Not of the rest: a large site's citation files and feeds, which
        the engine would otherwise go through on every save to write none of them."""
        site = self.pages.site
        return output.modified(preview=True) or (site.told_to_engine(output) if site is not None else bool(output.page))

    def remember(self, src_uri: str, title: str | None, meta: MutableMapping[str, Any]) -> None:
        """What the navigation shows of a page this rebuild wrote: its title and front matter (with what the
        plugin adds to it). Nothing outside the preview (no `in_language`)."""
        if self.pages.site is not None:
            self.pages.shown[src_uri] = (title, meta)

    def navigation(self, src_uri: str) -> tuple[str | None, MutableMapping[str, Any]] | None:
        """What the navigation shows of a page this rebuild does not write again, as it was last written (its
        fingerprint, or its file, did not change since); None for a page it writes, and outside the preview."""
        return None if self.pages.site is None or self.rewrites(src_uri) else self.pages.shown.get(src_uri)


class LanguagePages:
    """What the preview remembers of the pages in one language: their fingerprints as the last site had them, the
    generated pages' Markdown, what the navigation shows of each page written, that site, and the pages this
    rebuild writes again (None: all of them)."""

    def __init__(self, lang: str = "") -> None:
        self.lang = lang
        self.fingerprints: Fingerprints | None = None
        self.written: dict[str, str] = {}  # generated pages' Markdown, by src_uri
        self.shown: dict[
            str, tuple[str | None, MutableMapping[str, Any]]
        ] = {}  # a written page's title and front matter, by src_uri
        self.site: Site | None = None
        self.rebuild: set[str] | None = None
        self.listings = True  # whether the pages listing briefs through macros may show something else
        self.later = Later()  # what this rebuild leaves for the next (`Preview.open_first`)


class Later:
    """The pages (src_uri) a rebuild leaves for the next, and whether the open data listing briefs is to be made
    again (`LanguagePages.listings`)."""

    def __init__(self, pages: Iterable[str] = (), listings: bool = False) -> None:
        self.pages, self.listings = set(pages), listings

    def __bool__(self) -> bool:
        return bool(self.pages) or self.listings


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

    def update(self, index: SearchIndex, site: Path, first: Callable[..., bool] | None = None) -> None:
        """The site was rebuilt: write its index once the preview is quiet, after what `first(stop)` writes (False:
        stopped)."""
        self.interrupt()
        self._stop = threading.Event()
        self._timer = threading.Timer(self.QUIET, self._write, args=(index, site, self._stop, first))
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

    def _write(self, index: SearchIndex, site: Path, stop: threading.Event, first: Callable[..., bool] | None) -> None:
        staging, served, previous = site / self.NEXT, site / SEARCH_FOLDER, site / ".search-previous"
        if first is not None and not first(stop=stop.is_set):
            return
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


class QuietCollector:
    """Python's cycle collector, run while the preview is quiet rather than in the middle of a rebuild: a
    large site's preview holds enough objects that a full collection, which a rebuild's allocations set off
    now and then, takes a few tenths of a second. A rebuild `pause`s it; `resume` collects once no rebuild has
    started for `QUIET` seconds, then lets it run as usual until the next rebuild. It is never held off for
    more than `LONGEST` seconds: not after a rebuild that fails (no `resume`), nor by saves back to back (a
    rebuild then starts with a collection). When the preview ends (`stop`), collecting is on again, and no
    collection waits for it. Collecting that was off when a rebuild started (turned off by whatever runs the
    preview) is left as it was: the collector turns on only what it turned off."""

    QUIET = 1.0  # seconds
    LONGEST = 15.0

    def __init__(self) -> None:
        self._timer: threading.Timer | None = None
        self._held_since = 0.0  # when collecting was last turned off
        self._holding = False  # collecting is off because this collector turned it off
        self._lock = threading.Lock()
        self._latest = 0  # the latest pause or resume: only its timer may turn collecting on again

    def pause(self) -> None:
        with self._lock:
            if gc.isenabled():
                gc.disable()
                self._holding, self._held_since = True, time.monotonic()
            elif not self._holding:  # off before the preview paused it: left to whoever turned it off
                return
            elif time.monotonic() - self._held_since > self.LONGEST:
                gc.collect()
                self._held_since = time.monotonic()
            self._collect_in(self.LONGEST)

    def resume(self) -> None:
        with self._lock:
            if self._holding:
                self._collect_in(self.QUIET)

    def stop(self) -> None:
        """The preview ends (its plugins shut down): collecting is on again, and no collection waits for quiet."""
        with self._lock:
            self._latest += 1  # a timer already running turns nothing on
            if self._timer is not None:
                self._timer.cancel()
            if self._holding:
                self._holding = False
                gc.enable()

    def _collect_in(self, seconds: float) -> None:
        if self._timer is not None:
            self._timer.cancel()
        self._latest += 1
        self._timer = threading.Timer(seconds, self._collect, args=(self._latest,))
        self._timer.daemon = True
        self._timer.start()

    def _collect(self, turn: int) -> None:
        gc.collect()
        with self._lock:  # a rebuild that started meanwhile keeps collecting off (a cancelled timer may be running)
            if turn == self._latest:
                self._holding = False
                gc.enable()
