"""The site as the core writes it: the catalog, the templates, and every page generated from them."""

from __future__ import annotations

import functools
import html
from pathlib import Path
from typing import Any, Iterable, Iterator, Mapping
from urllib.parse import urljoin

from . import languages
from .catalog import Catalog, tag_slug
from .export import data_files
from .feed import FeedSite
from .in_language import catalog_in
from .outputs import entity_feed_path, tag_feed_path
from .fragments import Fragments
from .kinds import generated_pages
from .metadata import article_metadata
from .navigation import Place, place_of
from .pages import GeneratedPage, tags
from .pages.brief import Publication, brief_markdown
from .problems import Problems
from .redirects import write_redirects
from .templating import PageTemplates, page_url, relative_url
from .translations import split_language


class Site:
    """The catalog together with the templates that write its pages."""

    def write_redirects(self, site_dir: Path, *, lang: str) -> int:
        """What the redirects publish at the old addresses, written into the built site once its feeds are (by
        the default language's build: the old addresses are the default language's)."""
        return write_redirects(site_dir, self.catalog, lang=lang) if self.language.code == languages.DEFAULT else 0

    def __init__(
        self,
        catalog: Catalog,
        *,
        directory_urls: bool = True,
        fragments: Fragments | None = None,
        lang: str = languages.DEFAULT,
        site_languages: tuple[str, ...] = (languages.DEFAULT,),
    ):
        self.original = catalog  # in the default language
        self.language = languages.language(lang)
        self.languages = site_languages  # the languages the site is built in, the default first
        self.catalog = catalog = catalog_in(catalog, lang)
        self.fragments = fragments
        self.templates = PageTemplates(
            directory_urls,
            fragments,
            self.language,
            actors_of=lambda brief: catalog.named_by(brief, "actors"),
            authors_of=lambda brief: catalog.named_by(brief, "authors"),
            indicators_of=lambda brief: catalog.named_by(brief, "indicators"),
            briefs_naming=catalog.briefs_naming,
            latest_reading=catalog.latest_reading,
            movement=catalog.movement,
            tag_page=tags.page_of,
            tag_slug=tag_slug,
            entity_feed=entity_feed_path,
            tag_feed=tag_feed_path,
        )

    def address(self, src_uri: str, home: str) -> str:
        """The address of the page (or file) built from `src_uri` on the site whose home is `home`."""
        url = page_url(src_uri, self.templates.directory_urls)
        if not home.endswith("/"):
            return urljoin(home, url)
        return home if url == "./" else home + url  # as joining them would, many times faster

    def feed_site(self, name: str, description: str, home: str) -> FeedSite:
        """What the feeds say of the site in its language (`home`: the default language's home)."""
        home = self.home_in(self.language.code, home)
        return FeedSite(name, description, self.language.code, home, functools.partial(self.address, home=home))

    def data_files(self, *, site_name: str, home: str, remember: bool) -> Iterator[tuple[str, str, str | None]]:
        """The open data in the site's language (briefings.export.data_files); `home`: the default language's."""
        here = self.home_in(self.language.code, home)
        return data_files(
            self.catalog,
            site_name=site_name,
            home_url=here,
            url_of=functools.partial(self.address, home=here),
            remember=remember,
            url_in=functools.partial(self.address_in, home=home),
        )

    def home_in(self, lang: str, home: str) -> str:
        """The home page of language `lang` on the site whose home (in the default language) is `home`."""
        return home if lang == languages.DEFAULT else f"{home.rstrip('/')}/{lang}/"

    def last_changed(self, src_uri: str) -> Any:
        """The day the page built from `src_uri` (a translation's: its original's) last changed."""
        return self.catalog.last_changed(split_language(src_uri)[0])

    def address_in(self, lang: str, src_uri: str, home: str) -> str:
        """The address of the page built from `src_uri` in language `lang`, on the site whose home (in the default
        language) is `home`."""
        return self.address(split_language(src_uri)[0], self.home_in(lang, home))

    def render(self, template: str, page: str, **context: Any) -> str:
        return self.templates.render(template, page, **context)

    def generated_pages(self) -> Iterable[GeneratedPage]:
        """Every page generated from the catalog, not yet written (see `briefings.kinds.generated_pages`)."""
        return generated_pages(self.catalog)

    def markdown(self, page: GeneratedPage) -> str:
        """A generated page, written."""
        return self.render(page.template, page.src_uri, **page.context())

    def theme_metadata(
        self, src_uri: str, meta: Mapping[str, Any], *, url: str | None, site_name: str, home: str = "/"
    ) -> dict[str, Any]:
        """What the theme needs of a page beside its front matter `meta`: its title and description
        HTML-escaped (Material prints them into HTML as they are), its place in the site, and for a brief its
        summary as description and the metadata of its article (dates, authors and actors, for the page's
        head and the sitemap: overrides/main.html, sitemap.xml)."""
        src_uri = split_language(src_uri)[0]  # a translation's page is its original's, in its language
        theme: dict[str, Any] = {
            key: html.escape(meta[key]) for key in ("title", "description") if isinstance(meta.get(key), str)
        }
        theme["place"] = self.place(src_uri)
        if len(self.languages) > 1:  # the page in each language (hreflang, the switcher) and its own (og:locale)
            theme["alternates"] = self.alternates(src_uri, home)
            theme["language"] = {"code": self.language.code, "og_locale": self.language.og_locale}
        if (brief := self.catalog.brief(src_uri)) is not None:
            theme.setdefault("description", html.escape(brief.summary))
            here = page_url(src_uri, self.templates.directory_urls)
            address = (
                (lambda other: urljoin(url, relative_url(page_url(other, self.templates.directory_urls), here)))
                if url
                else None
            )
            theme["article"] = article_metadata(self.catalog, brief, url=url, site_name=site_name, address=address)
        return theme

    def place(self, src_uri: str) -> Place | None:
        """Where a page stands in the site: its section and breadcrumbs (see `briefings.navigation`)."""
        return place_of(self.catalog, src_uri)

    def brief_markdown(self, src_uri: str, body: str, *, publication: Publication) -> str | None:
        """A brief's page as published (`src_uri` the original's or a translation's), or None if it is not a
        brief of the site. In a language the brief has no translation into, a note in that language leads to
        the original in place of the text."""
        brief = self.catalog.brief(split_language(src_uri)[0])
        if brief is None:
            return None
        if not self.catalog.is_translated(brief):
            here = page_url(brief.src_uri, self.templates.directory_urls)
            original = relative_url(here, f"{self.language.code}/{here}")
            return self.render("brief-untranslated.md", brief.src_uri, brief=brief, original=original)
        return brief_markdown(self.catalog, self.render, brief, body, publication)

    def alternates(self, src_uri: str, home: str) -> list[dict[str, Any]]:
        """The page built from `src_uri` in every language of the site (`home` the default language's home):
        its language, the language's name and Open Graph locale, its path from the site's root and its address,
        and whether it is translated (a brief not translated into a language has a page there that leads to the
        original)."""
        base = split_language(src_uri)[0]
        brief = self.original.brief(base)
        found = []
        for code in self.languages:
            language = languages.language(code)
            path = page_url(base, self.templates.directory_urls)
            path = path if code == languages.DEFAULT else f"{code}/{'' if path == './' else path}"
            translated = brief is None or code == languages.DEFAULT or code in self.original.translations_of(brief)
            found.append(
                {
                    "lang": code,
                    "name": language.name,
                    "og_locale": language.og_locale,
                    "path": path,
                    "url": urljoin(home, path),
                    "translated": translated,
                }
            )
        return found


def render_problems(problems: Problems) -> str:
    """The page the preview shows while errors stop the build: every problem, with its place."""
    return PageTemplates().render("problems.md", "index.md", problems=problems.errors)
