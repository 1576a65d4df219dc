"""The briefings plugin's events for a site in several languages (mkdocs-static-i18n runs the build once per
language; briefings.multilingual says what each language's build does differently).

The preview (`mkdocs serve`) builds one language only (as mkdocs-static-i18n's `build_only_locale` would, but at its
usual addresses): the default, or the one named by `BRIEFINGS_PREVIEW_LANGUAGE` (`script/server --lang fr`).
"""

from __future__ import annotations

import copy
import logging
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from ..multilingual import PREVIEW_LANGUAGE, LanguageBuild, preview_note, served_language
from ..preview import Preview

log = logging.getLogger("mkdocs.plugins.briefings")


class LanguageEvents:
    language: LanguageBuild  # the build under way, set by the plugin's on_config
    listed_as: dict[str, str] = {}  # the title the navigation gives a page, in the build's language (on_nav)
    previewing: Preview  # the plugin's: what the navigation shows of the pages the preview does not write again

    @event_priority(-150)  # after mkdocs-static-i18n's (-100), which translates the navigation's titles
    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        # Before its page is read, a page's title is the one the navigation gives it, if any (MkDocs's Page.title).
        self.listed_as = {page.file.src_uri: page.title for page in nav.pages if page.title is not None}
        for page in nav.pages:  # one the preview does not write again is not read: shown as it was last written
            if (shown := self.previewing.navigation(page.file.src_uri)) is not None:
                page.title, page.meta = shown
        return nav

    built: tuple[str, ...] = ()  # the site's languages, once the preview builds one of them

    def language_build(self, config: MkDocsConfig, *, preview: bool) -> LanguageBuild:
        """The build under way. The preview has mkdocs-static-i18n build only the language it serves, at its usual
        addresses: the others are not built (their `build` false) and its build is the first (its
        `current_language`, which it then keeps). The engine reads that plugin's configuration again for each
        rebuild, before any event; the default language stays the default, so a French preview takes `x.fr.md`
        before `x.md`, at /fr/. tests/test_adapter_pins.py pins what this relies on."""
        if preview and (i18n := config.plugins.get("i18n")) is not None:
            built = LanguageBuild.of(i18n).languages  # the default first
            try:
                code = served_language(os.environ.get(PREVIEW_LANGUAGE), built)
            except ValueError as error:
                raise PluginError(str(error)) from None
            for lang in i18n.config.languages:
                lang.build = lang.locale == code
            if not self.built:  # the server's first lines say it
                log.info(preview_note(code, i18n.get_language_config(code).name, built))
            i18n.current_language, self.built = code, built
        build = LanguageBuild.of(i18n := config.plugins.get("i18n"), self.built)
        if i18n is not None and not build.again:  # its files, made once for every language's build
            SHARED_FILES.install()
        return build

    @event_priority(-200)  # after mkdocs-static-i18n's, which knows only the pages of the docs folder
    def on_page_context(self, context, *, page: Page, config: MkDocsConfig, nav):
        self.previewing.remember(page.file.src_uri, page.title, page.meta)  # for the preview's next rebuilds
        if links := self.language.switcher(page.meta):  # the language switcher leads to this very page
            # mkdocs-static-i18n sets it as an attribute too, which the theme's templates read before the item.
            config.extra["alternate"] = config.extra.alternate = links  # type: ignore[attr-defined]
        return context

    def on_post_template(self, output: str, *, template_name: str, config: MkDocsConfig) -> str:
        """Another language's 404 page in its folder; the sitemap the default language's (see LanguageBuild)."""
        return self.language.theme_template(template_name, output, Path(config.site_dir))

    def home_switcher(self, config: MkDocsConfig) -> None:
        """The theme's own pages (404.html) switch to each language's home, as mkdocs-static-i18n sets the switcher
        before any page (its `extra_alternate`), not to the page rendered last (`on_page_context` above)."""
        if (i18n := config.plugins.get("i18n")) is not None and getattr(i18n, "extra_alternate", None):
            config.extra["alternate"] = config.extra.alternate = copy.deepcopy(i18n.extra_alternate)  # type: ignore[attr-defined]


class SharedI18nFiles:
    """mkdocs-static-i18n makes each file of the docs folder anew in every language's build, for the build's
    language and for each other as its alternate (`suffix.create_i18n_file`): in three languages, nine times. What
    it makes depends on the file's source and destination, its inclusion, the languages and the configuration's
    folders only, so each is made once and given to each language's build as a copy of its own (with its own
    `alternates`, which that plugin fills in); a build of the site takes the last one's files (a preview's rebuild
    makes only those added since). tests/test_adapter_pins.py pins it."""

    def __init__(self) -> None:
        self.made: dict[tuple, Any] = {}  # this build's
        self.before: dict[tuple, Any] = {}  # the last build's
        self.original: Callable[..., Any] | None = None

    def install(self) -> None:
        """A build of the site starts (the first language's build: a preview's rebuild too): its files are shared
        between its languages, and those it has in common with the last build are the last build's."""
        from mkdocs_static_i18n import suffix  # type: ignore[import-untyped]

        self.before, self.made = self.made, {}  # a file no longer in the site is forgotten
        if self.original is None:
            self.original, suffix.create_i18n_file = suffix.create_i18n_file, self.create

    def create(self, file: Any, current_language: str, default_language: str, all_languages: list, config: Any):
        key: tuple = (file.src_uri, file.dest_uri, file.inclusion, current_language, default_language, *all_languages)
        key += (config.docs_dir, config.site_dir, config.use_directory_urls)
        if (made := self.made.get(key)) is None and (made := self.before.get(key)) is None:
            assert self.original is not None, "install() came first"
            made = self.original(file, current_language, default_language, all_languages, config)
        self.made[key] = made
        shared = copy.copy(made)  # this build's own, as that plugin's would be
        shared.alternates = {current_language: shared}
        return shared


SHARED_FILES = SharedI18nFiles()
