"""The site as the core writes it: the catalog, the templates, and every page generated from them."""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any, Callable, Iterable
from urllib.parse import urljoin

from .catalog import Catalog, tag_slug
from .outputs import entity_feed_path, tag_feed_path
from .fragments import Fragments
from .kinds import generated_pages
from .metadata import article_metadata
from .model import Entity
from .navigation import Place, place_of
from .pages import GeneratedPage, tags
from .pages.brief import Publication, brief_markdown
from .problems import Problems
from .redirects import write_redirects
from .templating import PageTemplates, page_url, relative_url


class Site:
    """The catalog together with the templates that write its pages."""

    def write_redirects(self, site_dir: Path, *, lang: str) -> int:
        """What the redirects publish at the old addresses, written into the built site once its feeds are."""
        return write_redirects(site_dir, self.catalog, lang=lang)

    def __init__(self, catalog: Catalog, *, directory_urls: bool = True, fragments: Fragments | None = None):
        self.catalog = catalog
        self.fragments = fragments
        #: With `queries` set (a build that reuses pages: `briefings.reuse`), what each generated page asked of the
        #: catalog beyond its context as it was written, by src_uri: (query, entity's folder and id).
        self.queries: dict[str, list[tuple[str, str, str]]] | None = None
        self._writing: list | None = None

        def asked(query: str) -> Callable[[Entity], Any]:
            def ask(entity: Entity) -> Any:
                if self._writing is not None:
                    self._writing.append((query, entity.folder, entity.id))
                return getattr(catalog, query)(entity)

            return ask

        self.templates = PageTemplates(
            directory_urls,
            fragments,
            actors_of=lambda brief: catalog.named_by(brief, "actors"),
            authors_of=lambda brief: catalog.named_by(brief, "authors"),
            indicators_of=lambda brief: catalog.named_by(brief, "indicators"),
            briefs_naming=asked("briefs_naming"),
            latest_reading=asked("latest_reading"),
            movement=asked("movement"),
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

    def render(self, template: str, page: str, **context: Any) -> str:
        return self.templates.render(template, page, **context)

    def generated_pages(self) -> Iterable[GeneratedPage]:
        """Every page generated from the catalog, not yet written (see `briefings.kinds.generated_pages`)."""
        return generated_pages(self.catalog)

    def markdown(self, page: GeneratedPage) -> str:
        """A generated page, written."""
        if self.queries is None:
            return self.render(page.template, page.src_uri, **page.context())
        self._writing = self.queries[page.src_uri] = []
        try:
            return self.render(page.template, page.src_uri, **page.context())
        finally:
            self._writing = None

    def theme_metadata(self, src_uri: str, meta: dict[str, Any], *, url: str | None, site_name: str) -> dict[str, Any]:
        """What the theme needs of a page beside its front matter `meta`: its title and description
        HTML-escaped (Material prints them into HTML as they are), its place in the site, and for a brief its
        summary as description and the metadata of its article (dates, authors and actors, for the page's
        head and the sitemap: overrides/main.html, sitemap.xml)."""
        theme = {key: html.escape(meta[key]) for key in ("title", "description") if isinstance(meta.get(key), str)}
        theme["place"] = self.place(src_uri)
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
        """A brief's page as published, or None if `src_uri` is not a brief of the site."""
        brief = self.catalog.brief(src_uri)
        return None if brief is None else brief_markdown(self.catalog, self.render, brief, body, publication)


def render_problems(problems: Problems) -> str:
    """The page the preview shows while errors stop the build: every problem, with its place."""
    return PageTemplates().render("problems.md", "index.md", problems=problems.errors)
