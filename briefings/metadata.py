"""What a brief's page tells link previews and search engines: its dates, authors and the actors it is about.

The theme prints these values into Open Graph tags and a JSON-LD `AnalysisNewsArticle` (overrides/main.html)
and the brief's `lastmod` into the sitemap (overrides/sitemap.xml). Every value is plain data taken from the
catalog, never text evaluated as a template; the theme escapes each for the place it lands in.
"""

from __future__ import annotations

from typing import Any, Callable

from .catalog import Catalog
from .model import Brief

#: The schema.org type of each kind of actor; other kinds are organisations.
SCHEMA_TYPES = {"state": "Country", "person": "Person"}


def article_metadata(catalog: Catalog, brief: Brief, *, url: str | None, site_name: str,
                     address: Callable[[str], str] | None = None) -> dict[str, Any]:
    """A brief's metadata for its page's head: `published`, `modified` (ISO dates), `headline`,
    `description`, `authors` (names), `about` (actor names), `tags`, and `json_ld` (schema.org, as a dict).
    `address` gives the absolute address of a page from its source, for each author's page (`url`)."""
    published = brief.date.isoformat()
    modified = (brief.updated or brief.date).isoformat()
    actors = catalog.named_by(brief, "actors")
    authors = [{"@type": "Person", "name": author.name, **({"url": address(author.src_uri)} if address else {})}
               for author in catalog.named_by(brief, "authors")] or [{"@type": "Organization", "name": site_name}]
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
    }
