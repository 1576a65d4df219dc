"""The build's cache (`briefings.buildcache`) as MkDocs sees it: a page reused is a `ReusedPage` in the engine's list
of files, not a page to render but a file to copy at the same address; the sitemap reads it as a `KeptFile`; and what
the next build takes of a page rendered is read from the engine's page. Which pages may be reused, and what is kept of
each, is the core's."""

from __future__ import annotations

import gzip
import logging
import os
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig

from ..buildcache import BuildCache
from ..cached_files import link_or_copy
from ..feed import SiteFeeds
from ..loader import Loaded
from ..macros import Macros
from ..project import Project
from ..search import SearchIndex
from ..site import Site
from ..site_inputs import nav_paths, settings_of

log = logging.getLogger("mkdocs.plugins.briefings")


class CachedBuild:
    """A build of one site with the core's `cache`: each language's build in turn reuses the pages it can (`reuse`),
    shows the sitemap every page (`pages`) and keeps what the next build takes (`finish`)."""

    def __init__(self, cache: BuildCache):
        self.core = cache  # the core's build cache, which this shows to MkDocs
        self.order: list[Any] = []  # the language's pages, rendered or reused, in the site's order
        self.restored = False  # whether the language's build may reuse pages (`start`)

    @classmethod
    def load(cls, project: Project, config: MkDocsConfig, *, use: bool) -> tuple[Loaded, CachedBuild]:
        """Open the cache of a build of `project` with the engine's configuration (the theme's too, and the engine's
        name: MkDocs, or a fork of it) and read the project through it; unused without `use` (the plugin's option
        `cache`)."""
        settings = settings_of(config, config.theme) | {"engine": type(config).__module__}
        loaded, cache = BuildCache.load(project, settings, Path(config.config_file_path), use=use)
        return loaded, cls(cache)

    def start(self, site: Site, files: Any, config: MkDocsConfig, search: SearchIndex) -> BuildCache:
        """Start the build of the language of `site` with the engine's list of `files` (the pages and files of the
        docs folder): the core's cache works out what is the same as in the last build (`BuildCache.start`). The
        pages the navigation lists are always rendered (all of them without a `nav`), and no page is reused unless
        `search` could start from the last build's index in the language. The core's cache, started."""
        every = {file.src_uri for file in files} | {page.src_uri for page in site.generated_pages()}
        listed = set(nav_paths(config.nav)) if config.nav else every
        self.restored = self.core.start(site, config.use_directory_urls, listed=listed, search=search)
        if self.restored:
            log.info(f"Search: the last build's index restored{self.core.in_language()}")
        return self.core

    def reuse(self, files: Any, search: SearchIndex) -> Any:
        """The engine's list of `files` (`Files`, or mkdocs-static-i18n's kind of it; changed in place, and
        returned) with each page the core may reuse replaced by a `ReusedPage` (once `start`ed). `search`
        numbers every page up front in the site's order, so that it takes in each page as it renders."""
        order = [
            self.restored
            and (kept := self.core.reusable(file.src_uri, file.dest_uri))
            and ReusedPage(file, kept)
            or file
            for file in files
        ]
        self.order = [file for file in order if isinstance(file, ReusedPage) or file.is_documentation_page()]
        search.number(_page_url(file) for file in self.order)
        reused = {file.src_uri: file for file in self.order if isinstance(file, ReusedPage)}
        every = list(files)
        for file in every:  # in place (mkdocs-static-i18n's list of files is its own kind), in the same order
            files.remove(file)
        for file in every:
            files.append(reused.get(file.src_uri, file))
        return files

    def pages(self) -> list[Any]:
        """What the sitemap's template (overrides/sitemap.xml) reads of each page, rendered or reused."""
        return [KeptFile(self.core.entry(f.src_uri)) if isinstance(f, ReusedPage) else f for f in self.order]

    def finish(self, site_dir: Path, *, search: SearchIndex, feeds: SiteFeeds, macros: Macros | None) -> None:
        """Have the core keep what the next build takes of each page rendered and of the language's build
        (`BuildCache.finish`), and stamp the compressed sitemap in `site_dir` with the latest page's date (MkDocs
        stamps it with the pages it rendered only)."""
        assert macros is not None, "the plugin's on_config came first"
        rendered = {
            file.src_uri: _shown(file.page)
            for file in self.order
            if not isinstance(file, ReusedPage) and file.page is not None
        }
        reused = [file.src_uri for file in self.order if isinstance(file, ReusedPage)]
        log.info(f"Reused {self.core.reused(len(reused))}")  # (before the search index's files are written)
        site = self.core.finish(site_dir, rendered=rendered, reused=reused, search=search, feeds=feeds, macros=macros)
        if reused and site.language.code == site.languages[0]:  # the default language's build writes the sitemap
            _stamp_sitemap_gz(site_dir, (site.catalog.last_changed(f.src_uri).isoformat() for f in self.order))


class ReusedPage:
    """A page the last build wrote whose inputs did not change, in the engine's list of files: not a
    documentation page (the engine neither reads nor renders it) but a file it copies, at the same source path
    and address, so that links to it resolve; the engine checks no anchor of a file without `page` (the core's
    check does). It offers what MkDocs 1.6 asks of a file (mkdocs/structure/files.py; the edit table's builds
    pin it)."""

    page = None
    generated_by = None
    edit_uri = None

    def __init__(self, file: Any, cached: Path):
        self.src_uri, self.dest_uri, self.url = file.src_uri, file.dest_uri, file.url
        self.src_path, self.dest_path, self.abs_src_path = file.src_uri, file.dest_uri, str(cached)
        self.abs_dest_path, self.inclusion, self.name = file.abs_dest_path, file.inclusion, file.name
        self.dest_dir, self.use_directory_urls, self.cached = file.dest_dir, file.use_directory_urls, cached

    def is_documentation_page(self) -> bool:
        return False

    def is_static_page(self) -> bool:
        return False

    def is_media_file(self) -> bool:
        return True

    def is_javascript(self) -> bool:
        return False

    def is_css(self) -> bool:
        return False

    def is_modified(self) -> bool:
        return True

    def copy_file(self, dirty: bool = False) -> None:
        # Plain paths: at thousands of pages, making pathlib's objects costs as much as the links themselves.
        folder = os.path.dirname(self.abs_dest_path)
        try:
            os.mkdir(folder)  # each page's folder is new in the site being written
        except FileExistsError:
            pass
        except FileNotFoundError:
            os.makedirs(folder, exist_ok=True)
        link_or_copy(self.cached, self.abs_dest_path)


class KeptFile:
    """What the sitemap's template reads of a page reused: `file.page` with its address and date."""

    def __init__(self, entry: dict):
        self.page = self
        self.is_link = False
        self.abs_url = self.canonical_url = entry["sitemap"]
        self.meta = {"article": {"modified": entry["modified"]}} if entry["modified"] else {}
        if entry["alternates"]:  # a site in several languages: each page in each of them
            self.meta["alternates"] = entry["alternates"]


def _shown(page: Any) -> dict[str, Any]:
    """What the next build takes of a page rendered (the engine's `page`) for the site's own files: its file's
    place, its address, and its row of the sitemap."""
    return {
        "dest": page.file.dest_uri,
        "url": str(page.url),
        "sitemap": str(page.canonical_url or page.abs_url),
        "modified": (modified := page.meta.get("article", {}).get("modified")) and str(modified),
        "alternates": [{"url": str(alt["url"]), "lang": str(alt["lang"])} for alt in page.meta.get("alternates") or ()],
    }


def _page_url(file: Any) -> str:
    """The address of a page (rendered or reused) as the engine's page gives it: the home page's is ""."""
    return "" if file.url in (".", "./") else file.url


def _stamp_sitemap_gz(site_dir: Path, dates: Iterable[str]) -> None:
    """Compress the site's sitemap as MkDocs does (mkdocs/commands/build.py), stamped with the latest of the
    pages' dates (`dates`, ISO)."""
    stamp = int(datetime.fromisoformat(max(dates)).replace(tzinfo=UTC).timestamp())
    output = site_dir / "sitemap.xml"
    gz_filename = f"{output}.gz"
    with open(gz_filename, "wb") as f, gzip.GzipFile(fileobj=f, filename=gz_filename, mode="wb", mtime=stamp) as gz:
        gz.write(output.read_bytes())
