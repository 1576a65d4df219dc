"""A brief's page: the author's text between a header (dates, reading time, entities, leverage, tags, regions)
and the readings it records and its sources."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model import Brief

if TYPE_CHECKING:
    from ..site import Site


def brief_markdown(site: Site, brief: Brief, body: str) -> str:
    """The brief's Markdown as published: header, the author's text, the readings it records, then the sources."""
    catalog = site.catalog
    context = dict(
        brief=brief,
        actors=catalog.named_by(brief, "actors"),
        indicators=catalog.named_by(brief, "indicators"),
        mechanisms=catalog.named_by(brief, "mechanisms"),
        gains=[catalog.actors[i] for i in brief.leverage.gains],
        loses=[catalog.actors[i] for i in brief.leverage.loses],
        readings=[(catalog.indicators[r.indicator_id], r) for r in brief.readings],
    )
    header = site.render("brief-header.md", brief.src_uri, **context)
    readings = site.render("brief-readings.md", brief.src_uri, **context)
    sources = site.render("brief-sources.md", brief.src_uri, **context)
    return f"{header}\n{body.rstrip()}\n{readings}{sources}"
