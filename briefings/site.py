"""The site as the core writes it: the catalog, the templates, and every page generated from them."""

from __future__ import annotations

import dataclasses
import functools
import html
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from . import languages
from .catalog import Catalog
from .export import data_files
from .feed import FeedSite, SiteFeeds
from .fragments import Fragments
from .in_language import catalog_in
from .kinds import generated_pages
from .metadata import article_metadata
from .model import Brief
from .navigation import Place, place_of
from .outputs import Wanted
from .pages import GeneratedPage
from .pages.brief import UNTRANSLATED, Publication, brief_markdown, cut_text, untranslated
from .problems import Problems
from .redirects import write_redirects
from .templating import PageTemplates
from .translations import split_language
from .urls import language_folder, link_from, page_url, page_url_in


@dataclass(frozen=True)
class Output:
    """A file the site generates in the build's language: a page (`page`, written as the engine reads it), a
    feed (written once every page has rendered) or data (its `text`; None if the preview does not make it
    again, see `Preview.makes`)."""

    path: str
    text: str | None = ""
    page: GeneratedPage | None = None
    feed: bool = False

    def modified(self, preview: bool) -> bool:
        """Whether a build writes it: always, but in the preview, which writes the feeds itself (only those a
        save changes), and the data it made again."""
        return not preview or (not self.feed and self.text is not None)


class Site:
    """The catalog together with the templates that write its pages."""

    def write_feeds(
        self, feeds: SiteFeeds, site_dir: Path, *, lang: str, stop: Callable[[], bool] = lambda: False
    ) -> bool:
        """The feeds (`feeds`, every one or those the preview chose), then what the redirects publish at the old
        addresses (an old feed's, a copy of the new), written into the built site (by each language's build in
        its folder, `site_dir`: a redirect's page in its language, `lang` the theme's code for it, leading to the
        new address in that language); False if `stop` said so first."""
        if not feeds.write(site_dir, stop):
            return False
        write_redirects(site_dir, self.catalog, lang=lang, language=self.language)
        return True

    def __init__(
        self,
        catalog: Catalog,
        *,
        directory_urls: bool = True,
        fragments: Fragments | None = None,
        lang: str = languages.DEFAULT,
        site_languages: tuple[str, ...] = (languages.DEFAULT,),
    ):
        self.name, self.description = "", ""  # where it is published: see publish_as
        self.home: str | None = None
        self.repo_url: str | None = None
        self.original = catalog  # in the default language
        self.language = languages.language(lang)
        self.languages = site_languages  # the languages the site is built in, the default first
        self.catalog = catalog = catalog_in(catalog, lang)
        self.fragments = fragments
        self.templates = PageTemplates(directory_urls, fragments, self.language)

    def address(self, src_uri: str, home: str) -> str:
        """The address of the page (or file) built from `src_uri` on the site whose home is `home`."""
        url = page_url(src_uri, self.templates.directory_urls)
        if not home.endswith("/"):
            return urljoin(home, url)
        return home if url == "./" else home + url  # as joining them would, many times faster

    def publish_as(self, name: str, description: str | None, home: str | None, repo_url: str | None) -> None:
        """Where the site is published: its name and description, its home in the default language (None:
        no site_url, addresses from the site's root) and its repository (for corrections)."""
        self.name, self.description, self.home, self.repo_url = name, description or "", home, repo_url

    def outputs(self, feeds: SiteFeeds, *, remember: bool, wanted: Wanted | None = None) -> list[Output]:
        """What the site generates in its language: its pages, its feeds (`feeds` plans them) and its open data
        (`remember`: the preview's, see briefings.export)."""
        home = self.home or "/"  # absolute addresses, given a site_url
        found = [Output(page.src_uri, page=page) for page in self.generated_pages()]
        found += [
            Output(path, feed=True)
            for path in feeds.plan(self.catalog, self.feed_site(self.name, self.description, home))
        ]
        data = self.data_files(site_name=self.name, home=home, remember=remember, wanted=wanted)
        return found + [Output(path, text) for path, text in data]

    def told_to_engine(self, output: Output) -> bool:
        """Whether a build tells the site engine of an output: of a page, and of a file an author's page links by its
        path (the engine resolves those links against the files it is told of). The feeds are written once every
        page has rendered (`write_feeds`), the open data and a brief's citation files by the build itself: at
        thousands of briefs, the engine and mkdocs-static-i18n would go through tens of thousands of files in every
        language's build."""
        return output.page is not None or output.path in self.catalog.linked_outputs

    def published(
        self, src_uri: str, markdown: str, meta: Mapping[str, Any], url: str | None
    ) -> tuple[str, dict[str, Any], str]:
        """A page as published (a brief's with its header and sources), what the theme needs of it beside its
        front matter (`theme_metadata`), and the day it last changed (MkDocs stamps the compressed sitemap with
        the latest). `src_uri` may be a translation's (`x.fr.md`): the page is its original's in its language;
        `url` its address (None without a site_url: then the address from the site's root, as in the brief's
        citation files)."""
        theme = self.theme_metadata(src_uri, meta, url=url, site_name=self.name, home=self.home or "/")
        address = url or self.address_in(self.language.code, src_uri, "/")
        publication = Publication(url=address, site_name=self.name, repo_url=self.repo_url)
        written = self.brief_markdown(src_uri, markdown, publication=publication)
        return (markdown if written is None else written), theme, self.last_changed(src_uri).isoformat()

    def feed_site(self, name: str, description: str, home: str) -> FeedSite:
        """What the feeds say of the site in its language (`home`: the default language's home)."""
        home = self.home_in(self.language.code, home)
        return FeedSite(name, description, self.language.code, home, functools.partial(self.address, home=home))

    def data_files(
        self, *, site_name: str, home: str, remember: bool, wanted: Wanted | None = None
    ) -> Iterator[tuple[str, str | None]]:
        """The open data in the site's language (briefings.export.data_files); `home`: the default language's."""
        here = self.home_in(self.language.code, home)
        return data_files(
            self.catalog,
            site_name=site_name,
            home_url=here,
            url_of=functools.partial(self.address, home=here),
            remember=remember,
            url_in=functools.partial(self.address_in, home=home),
            wanted=wanted,
        )

    def home_in(self, lang: str, home: str) -> str:
        """The home page of language `lang` on the site whose home (in the default language) is `home`."""
        return home if lang == languages.DEFAULT else f"{home.rstrip('/')}/{language_folder(lang)}"

    def last_changed(self, src_uri: str) -> Any:
        """The day the page built from `src_uri` (a translation's: its original's) last changed."""
        return self.catalog.last_changed(split_language(src_uri)[0])

    def address_in(self, lang: str, src_uri: str, home: str) -> str:
        """The address of the page built from `src_uri` in language `lang`, on the site whose home (in the default
        language) is `home`."""
        return self.address(split_language(src_uri)[0], self.home_in(lang, home))

    def render(self, template: str, page: str, **context: Any) -> str:
        """A page template (or a listing's) written for the page built from `page`, with `shown_in`: which
        language a brief it lists is shown in when not the page's (briefings/templates/pages/_brief.md). A
        page's translation (`about.fr.md`) is at its original's address, in its language: links are made from
        there."""
        return self.templates.render(template, split_language(page)[0], **context, shown_in=self.shown_in)

    def shown_in(self, brief: Brief) -> languages.Language | None:
        """The language of the title and summary a page shows of `brief` when it is not the page's, else None: a
        brief not translated into the site's language is listed in its original's, marked and with a note."""
        code = self.catalog.text_language(brief)
        return None if code == self.language.code else languages.language(code)

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
            directory_urls = self.templates.directory_urls
            address = (lambda other: urljoin(url, link_from(src_uri, other, directory_urls))) if url else None
            theme["article"] = article_metadata(self.catalog, brief, url=url, site_name=site_name, address=address)
        return theme

    def title(self, src_uri: str, meta: Mapping[str, Any], listed_as: str | None) -> str | None:
        """The title a page goes by in the navigation's tabs and the window's title: its front matter's (`meta`),
        unless it is a hand-written page shown in another language than its text's (`about.md` in French, with
        no `about.fr.md`) and the navigation lists it by a title (`listed_as`, mkdocs.yml's nav in the page's
        language: each language's `nav_translations`). None: the page has no title of its own."""
        own = split_language(src_uri)[1] or languages.DEFAULT
        if listed_as is not None and own != self.language.code and src_uri in self.original.pages:
            return listed_as
        title = meta.get("title")
        return title if isinstance(title, str) else None

    def place(self, src_uri: str) -> Place | None:
        """Where a page stands in the site: its section and breadcrumbs (see `briefings.navigation`), each by the
        file of the page in the site's language where there is one (`briefs/index.fr.md`: the theme finds it in
        the navigation by its file)."""
        place = place_of(self.catalog, src_uri)
        if place is None or self.language.code == languages.DEFAULT:
            return place
        trail = tuple(dataclasses.replace(crumb, src_uri=self.file_of(crumb.src_uri)) for crumb in place.trail)
        return Place(self.file_of(place.section), trail)

    def file_of(self, src_uri: str) -> str:
        """The file of the hand-written page at `src_uri` in the site's language (`about.fr.md`), or `src_uri`."""
        translated = f"{src_uri.removesuffix('.md')}.{self.language.code}.md"
        return translated if translated in self.catalog.pages else src_uri

    def brief_markdown(self, src_uri: str, body: str, *, publication: Publication) -> str | None:
        """A brief's page as published (`src_uri` the original's or a translation's), or None if it is not a
        brief of the site. In a language the brief has no translation into, a note in that language leads to
        the original (in whichever language it is written) and its translations in place of the text."""
        brief = self.catalog.brief(split_language(src_uri)[0])
        if brief is None:
            return None
        if not self.catalog.is_translated(brief):
            return self.render(UNTRANSLATED, brief.src_uri, **untranslated(self.catalog, brief))
        return brief_markdown(self.catalog, self.render, brief, body, publication, block=self.templates.stash_block)

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
            path = page_url_in(code, base, self.templates.directory_urls)
            translated = brief is None or code in self.original.languages_of(brief)
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

    def brief_text(self, page_html: str) -> tuple[str, str | None]:
        """A page's HTML as published, and if it is a brief's, the HTML of the brief's text (without its header
        or where to read on), which `brief_markdown` marked: for its feed entries (`SiteFeeds.keep`)."""
        return cut_text(page_html)


def render_problems(problems: Problems) -> str:
    """The page the preview shows while errors stop the build: every problem, with its place."""
    return PageTemplates().render("problems.md", "index.md", problems=problems.errors)
