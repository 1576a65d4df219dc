"""What a brief's page tells link previews, search engines and reference managers: its dates, authors and the
actors it is about, and how to cite it.

The theme prints these values into Open Graph tags, a JSON-LD `AnalysisNewsArticle` and the `citation_*`
tags Google Scholar and Zotero read (overrides/partials/page-meta.html), and the brief's `lastmod` into the
sitemap (overrides/sitemap.xml). The same `Citation` writes the brief's citation files (briefings/citation.py),
and every name of an author comes from `Catalog.author_names`. Every value is plain data taken from the
catalog, never text evaluated as a template; the theme escapes each for the place it lands in.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .catalog import Catalog
from .model import Brief
from .urls import citation_paths

#: What a BibTeX key may not hold.
_KEY_UNSAFE = re.compile(r"[^A-Za-z0-9-]+")
#: The schema.org type of each kind of actor; other kinds are organisations.
SCHEMA_TYPES = {"state": "Country", "person": "Person"}


@dataclass(frozen=True)
class Citation:
    """What a citation of a brief says, as plain text."""

    key: str  # stable and unique: the brief's address ("doha-indirect-talks-2026")
    title: str
    authors: tuple[str, ...]  # the people who wrote it; none: the site is its author
    publisher: str  # the site's name
    date: dt.date
    url: str  # the brief's absolute address
    summary: str = ""
    tags: tuple[str, ...] = ()

    @property
    def author_names(self) -> tuple[str, ...]:
        """Who a reference manager shows as the author: the people, or the site itself."""
        return self.authors or (self.publisher,)

    def meta_tags(self) -> list[tuple[str, str]]:
        """The `citation_*` meta tags (name, content) of the brief's page, one `citation_author` per author."""
        return [
            ("citation_title", self.title),
            *(("citation_author", name) for name in self.author_names),
            ("citation_publication_date", f"{self.date:%Y/%m/%d}"),
            ("citation_publisher", self.publisher),
            ("citation_public_url", self.url),
        ]


def citation(catalog: Catalog, brief: Brief, *, url: str, site_name: str) -> Citation:
    """The citation of a brief published at `url` on the site named `site_name`."""
    return Citation(
        key=citation_key(brief),
        title=brief.title,
        authors=tuple(one_line(name) for name in catalog.author_names(brief)),
        publisher=one_line(site_name),
        date=brief.date,
        url=url,
        summary=brief.summary,
        tags=brief.tags,
    )


def citation_key(brief: Brief) -> str:
    """The brief's BibTeX key, from its address (briefs/<year>/<slug>): the same from one build to the next,
    and different for every brief. Letters, digits and hyphens only."""
    folder = citation_paths(brief)[0].rsplit("/", 1)[0]
    _, year, slug = folder.split("/", 2)
    return _KEY_UNSAFE.sub("-", f"{slug}-{year}").strip("-") or "brief"


def one_line(value: str) -> str:
    """Every run of white space (line breaks of every kind included) as one space."""
    return " ".join(value.split())


def article_metadata(
    catalog: Catalog, brief: Brief, *, url: str | None, site_name: str, address: Callable[[str], str] | None = None
) -> dict[str, Any]:
    """A brief's metadata for its page's head: `published`, `modified` (ISO dates), `headline`,
    `description`, `authors` (names), `about` (actor names), `tags`, `json_ld` (schema.org, as a dict) and,
    given its absolute `url`, `citation` (the `citation_*` meta tags as (name, content) pairs). `address` gives
    the absolute address of a page from its source, for each author's page (`url`)."""
    published = brief.date.isoformat()
    modified = (brief.updated or brief.date).isoformat()
    actors = catalog.named_by(brief, "actors")
    authors = [
        {"@type": "Person", "name": author.name, **({"url": address(author.src_uri)} if address else {})}
        for author in catalog.named_by(brief, "authors")
    ] or [{"@type": "Organization", "name": site_name}]
    json_ld: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "AnalysisNewsArticle",
        "headline": brief.title,
        "description": brief.summary,
        "datePublished": published,
        "dateModified": modified,
        "author": authors,
        "publisher": {"@type": "Organization", "name": site_name},
        "about": [{"@type": SCHEMA_TYPES.get(actor.kind, "Organization"), "name": actor.name} for actor in actors],
        "keywords": list(brief.tags),
    }
    if url:
        json_ld["url"] = url
        json_ld["mainEntityOfPage"] = url
    return {
        "published": published,
        "modified": modified,
        "headline": brief.title,
        "description": brief.summary,
        "authors": catalog.author_names(brief),
        "about": [actor.name for actor in actors],
        "tags": list(brief.tags),
        "json_ld": json_ld,
        "citation": citation(catalog, brief, url=url, site_name=site_name).meta_tags() if url else [],
    }
