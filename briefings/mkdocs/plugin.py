"""The MkDocs plugin: translates the engine's events into calls of the core, and holds no rule of its own.

- `on_config` reads and checks the whole project once (`load_project`); any error stops the build, with
  file, line and message, before anything is written. It tells the macros plugin which pages hold macro
  calls (the only pages it renders) and moves the build into a temporary folder, so that a failed build
  leaves the last good site as it was.
- `on_pre_build` gives the macros plugin the sandbox it renders authors' pages in (`sandbox.MacroSandbox`).
- `on_files` leaves out drafts and scheduled briefs and adds what the core generates: the pages, the feeds, the
  open data (`/data/catalog.json` and its schema) and each brief's citation files (`cite.bib`, `cite.ris`);
  the pages are written as the engine reads them (`on_page_read_source`), and the feeds once every page has
  rendered.
- A build (not the preview) keeps its pages in the project's cache folder (`briefings/buildcache.py`, which
  `cached_pages` puts in the engine's terms): `on_files` first has the cache work out what did not change since
  the last build (`briefings/reuse.py`), takes the open data that shows nothing changed from it, replaces each
  page whose inputs did not change by the last build's output, copied instead of rendered, and numbers every
  page for search, starting from the last build's index;
  `on_post_build` gives the feeds their text from the cache, and `on_template_context` gives the sitemap every page. The option `cache: false` or the
  variable BRIEFINGS_WITHOUT_CACHE builds without it.
- `on_page_markdown` (after the macros are rendered) gives each brief its header and sources, and the theme its
  metadata (`page.meta["article"]`) and every page its place in the site (`page.meta["place"]`: section and
  breadcrumbs); data and front matter therefore never pass through the template engine.
- `on_page_content` runs the HTML of every page people write (briefs and hand-written pages) through an
  allow-list sanitiser, a second line of defence, gives the feeds the text of each brief and indexes every
  page for search. A build then lets go of the page's Markdown, and `on_post_page` of its HTML once the page is
  written: a large site would hold both to the end, in every language.
- `on_post_build` writes the feeds (`briefings/feed.py`), what the redirects publish at the old addresses
  (`briefings/redirects.py`) and the search index (`briefings/search.py`; the preview in the background).
- `on_shutdown`, once the engine has accepted the build (in strict mode it fails a build with warnings only
  after `on_post_build`), puts the finished site in place; `on_build_error` throws an unfinished one away.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from mkdocs.config import base, config_options
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from ..feed import SiteFeeds
from ..fragments import Fragments
from ..loader import Loaded
from ..macros import Macros
from ..preview import Preview, QuietCollector
from ..problems import Problems
from ..project import Project
from ..publishing import StagedSite
from ..safety import sanitise
from ..search import SearchIndex
from ..site import Site, render_problems
from ..site_inputs import nav_paths
from . import extension, sandbox, serve
from .cached_pages import CachedBuild
from .languages import LanguageEvents
from .outputs import files_of_outputs

log = logging.getLogger("mkdocs.plugins.briefings")


class BriefingsConfig(base.Config):
    cache = config_options.Type(bool, default=True)  # reuse the last build's pages whose inputs did not change


class BriefingsPlugin(LanguageEvents, BasePlugin[BriefingsConfig]):
    supports_multiple_instances = False

    def __init__(self, *, dirty: bool = True) -> None:
        """What the plugin keeps from one build to the next of one command (the preview's rebuilds, each
        language's build): at first, nothing. MkDocs keeps a plugin with an `on_startup` for the life of the process,
        so a command that follows another in one process (the tests' forked commands, the benchmark's rebuilds)
        starts afresh there (`on_startup`)."""
        self.preview = False
        self.loaded: Loaded | None = None
        self.site: Site | None = None
        self.macros: Macros | None = None
        self.staged: StagedSite | None = None  # the folder the build writes to, until it replaces the site
        self.finished = False  # every page of it is written; the engine may still fail the build
        self.previewing = Preview(dirty=dirty)  # what the live preview remembers across rebuilds
        self.fragments = Fragments()  # the HTML the core writes into pages, by marker
        self.feeds = SiteFeeds()  # with each brief's text, kept across the preview's rebuilds
        self.generated: dict = {}  # the pages the core generates, by source path
        self.search = SearchIndex()  # page by page as they render, kept across the preview's rebuilds
        self.by_language: dict[str, tuple[SearchIndex, SiteFeeds]] = {}  # each language's search and feeds
        self.collector = QuietCollector()  # the preview collects garbage between rebuilds, not during them
        self.cache: CachedBuild | None = None  # a build's (not the preview's): the last build's pages
        self.built = ()  # the preview's languages: languages.py

    # -- the core, once per build ----------------------------------------------------------------------------

    def on_startup(self, *, command: str, dirty: bool) -> None:
        BriefingsPlugin.__init__(self, dirty=dirty)  # afresh (a build that is not dirty starts from an empty folder)
        self.preview = serve.starting(command)  # the preview shows drafts, in one language; its dirty builds are exact

    @event_priority(100)  # before the macros plugin, whose define_env binds the macros of this site
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        # Each language's build in turn; the preview's, one language only (languages.py).
        self.language = build = self.language_build(config, preview=self.preview)
        project = Project.at(Path(config.config_file_path).parent, config.docs_dir)
        # Each language has its feeds and search index, kept across the preview's rebuilds.
        self.search, self.feeds = self.by_language.setdefault(build.lang, (SearchIndex(), SiteFeeds()))
        if not build.again:  # the other languages' builds (same configuration) use what the first read and reported
            if self.preview:
                self.collector.pause()
                self.loaded = self.previewing.load(project, config, config.theme)  # (before plugins add to it)
            else:  # the build's key reads the configuration before plugins add to it
                self.loaded, self.cache = CachedBuild.load(project, config, use=self.config["cache"])
            # MkDocs types the list as extensions' names (hence the ignore); Markdown takes an extension itself too.
            config.markdown_extensions.append(extension.FragmentsExtension(self.fragments))  # type: ignore[arg-type]
            _report(self.loaded.problems, stop=not self.preview)
        assert self.loaded is not None, "read above, or by the first language's build"
        if self.preview:  # each language's pages, and which of them a save writes again
            listed, urls = nav_paths(config.nav), config.use_directory_urls
            self.site = self.previewing.in_language(build, listed=listed, directory_urls=urls, fragments=self.fragments)
        elif self.loaded.catalog is not None:
            self.site = build.site(self.loaded.catalog, config.use_directory_urls, self.fragments, self.site)
        assert self.site is not None, "the preview made it otherwise"
        self.site.publish_as(*(config[key] for key in ("site_name", "site_description", "site_url", "repo_url")))
        self.macros = Macros(self.site)
        # Search stems as the site's language does and filters by the catalog; partials/search.html reads both.
        search = self.search.use_site(build.lang, self.site.catalog, build.prefix)
        config.extra.update(build.theme_extra(), briefings_search=search)
        # Only the pages whose macro calls the core read and checked are rendered (if the macros plugin is in use).
        sandbox.render_only(config.plugins.get("macros"), self.loaded.templated if self.loaded.ok else frozenset())
        config.edit_uri = config.edit_uri if config.repo_url else None  # "Edit this page" needs a repository (REPO_URL)
        if not self.preview and not build.again:
            self.staged, self.finished = StagedSite(Path(config.site_dir), self.cache and self.cache.core), False
            config.site_dir = str(self.staged.folder)
        return config

    def macro_functions(self, current_page: Callable[[], str]) -> dict[str, Callable[..., str]]:
        """The macros for the macros plugin (see macros/__init__.py), for the page `current_page()` names."""
        assert self.macros is not None, "on_config, which the macros plugin's on_config follows"
        return self.macros.functions(current_page)

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        sandbox.render_in_sandbox(config.plugins.get("macros"))

    def on_env(self, env, *, config: MkDocsConfig, files: Files):
        # The theme's templates are compiled once in the process (every language's build, the preview's rebuilds)
        # and kept by the build's cache for the next build (a template's code is looked up by its source's checksum).
        env.bytecode_cache = (self.cache.core.templates(serve.THEME_CODE) if self.cache else None) or serve.THEME_CODE
        return env

    # -- pages -----------------------------------------------------------------------------------------------

    # After mkdocs-static-i18n's (-100), which reads every file from the docs folder and fails on generated
    # ones; each is then put in the language's folder (`fr/actors/qatar/`) as that plugin puts the docs pages.
    @event_priority(-200)
    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        assert self.site is not None, "on_config came first"
        for file in [f for f in files if f.src_dir == config.docs_dir and not self.site.catalog.publishes(f.src_uri)]:
            files.remove(file)  # drafts, scheduled briefs, and files no page of the site shows or links
        # A build's cache first says what is the same as in the last build: the open data it keeps, then the pages.
        cache = self.cache.start(self.site, files, config, self.search) if self.cache else None
        previewing = self.previewing if self.preview else None
        self.generated = files_of_outputs(files, config, self.site, self.feeds, previewing, self.language, cache)
        # The pages whose inputs did not change are the last build's, copied instead of rendered.
        files = self.cache.reuse(files, self.search) if self.cache else files
        if self.preview:  # with --dirty, MkDocs then writes only the pages a save changed, in each language
            self.search.keep_only({file.url for file in files.documentation_pages()})  # (a build's index is new)
            serve.rewrite_only(files, config, self.previewing)
        return files

    def on_page_read_source(self, *, page: Page, config: MkDocsConfig) -> str | None:
        if (generated := self.generated.get(page.file.src_uri)) is not None:  # else MkDocs reads the file
            assert self.site is not None, "on_config came first"
            return self.previewing.markdown(generated) if self.preview else self.site.markdown(generated)
        return None

    @event_priority(-50)  # after the macros plugin: what is added here is never read as a template
    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        assert self.loaded is not None and self.site is not None, "on_config came first"
        if not self.loaded.ok:  # the preview shows what stops the build, on whatever page is open
            return render_problems(self.loaded.problems)
        # (A translation's page, `x.fr.md`, is its original's in its language.)
        text, meta, page.update_date = self.site.published(page.file.src_uri, markdown, page.meta, page.canonical_url)
        page.meta.update(meta)
        # The macros plugin sets the title of a page whose title holds braces, unescaped; mkdocs-static-i18n, the
        # navigation's in the language, which the front matter's of a page not written in it would override.
        if (title := self.site.title(page.file.src_uri, page.meta, self.listed_as.get(page.file.src_uri))) is not None:
            page.title = title
        return text

    def on_page_content(self, html_text: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Pages written by people (briefs and hand-written pages alike) pass through the sanitiser; pages the
        core generates hold only escaped values."""
        if not self.preview:  # its Markdown is converted: neither it nor the HTML it marked is needed any more
            self.fragments.release()
            page.markdown = ""
        assert self.loaded is not None and self.site is not None, "on_config came first"
        if self.loaded.ok and not page.file.generated_by:
            html_text, text = self.site.brief_text(html_text)
            if text is not None:  # a brief's: sanitised there too, with every address absolute
                self.feeds.keep(page.file.src_uri, text)
            html_text = sanitise(html_text)
        if self.loaded.ok:  # a page showing what stops the build is not one to find
            self.search.add(page.url, html_text, title=page.title or "", meta=page.meta, source=page.file.src_uri)
        return html_text

    @event_priority(-200)  # the last to see the page: the engine then writes `output` and reads the page no more
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        # A build lets go of the page's HTML (mkdocs-static-i18n holds every language's pages to the end).
        page.content = page.content if self.preview else None
        return output

    # -- the finished site -----------------------------------------------------------------------------------

    def on_template_context(self, context, *, template_name: str, config: MkDocsConfig):
        self.home_switcher(config)  # the 404 page's language switcher leads to each language's home
        # The sitemap lists every page, rendered or reused.
        return {**context, "pages": self.cache.pages()} if self.cache and template_name == "sitemap.xml" else context

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        assert self.site is not None, "on_config came first"
        here = Path(config.site_dir) / self.language.prefix  # another language's folder
        if self.cache:
            self.cache.finish(here, search=self.search, feeds=self.feeds, macros=self.macros)
        if self.preview:  # the feeds, the redirects and search once the preview is quiet
            self.previewing.publish(self.site, self.feeds, self.search, here, lang=config.theme["language"])
            if self.language.last:  # the last language's build: the rebuild is done
                self.collector.resume()
        else:
            self.site.write_feeds(self.feeds, here, lang=config.theme["language"])
            log.info(f"Search: {self.search.write_in(here)} pages, {self.search.made} in {self.language.lang}")
        self.finished = self.staged is not None

    def on_build_error(self, *, error: Exception) -> None:
        self._drop_staged()

    def on_shutdown(self) -> None:
        """The engine is done: a finished build it did not fail replaces the site; anything else is dropped."""
        self.previewing.interrupt()  # the preview's folder goes with it
        self.collector.stop()  # collecting on again (a command may follow in the process)
        if self.staged is not None and self.finished:
            self.staged.publish()  # then discarding it does nothing
        self._drop_staged()

    def _drop_staged(self) -> None:
        if self.staged is not None:
            self.staged.discard()
            self.staged = None
        self.finished = False

    def on_serve(self, server, *, config: MkDocsConfig, builder):
        """Rebuild the preview when the data, the macros module or the package change, not only the docs, as
        soon as the system says a file changed (MkDocs polls every 0.5 s); the pages open first."""
        return serve.watch_project(server, Path(config.config_file_path).parent, self.previewing)


def _report(problems: Problems, *, stop: bool) -> None:
    """Show every problem as `path:line:column: message`; with `stop`, stop the build if any is an error."""
    for problem in problems:
        (log.error if problem.is_error else log.info)(str(problem))
    if problems.errors and stop:
        raise PluginError(f"{problems.summary()} in briefs and data: fix the errors above, then build again.")
