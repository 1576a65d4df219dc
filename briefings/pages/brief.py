"""A brief's page: its header (dates, reading time, actors, indicators, tags, regions) and its sources."""

from __future__ import annotations

from ..model import Brief
from .site import Site


def decorate(site: Site, brief: Brief, body: str) -> str:
    """The brief's Markdown as published: header, the author's text, then the sources."""
    context = dict(brief=brief, actors=site.catalog.actors_of(brief), indicators=site.catalog.indicators_of(brief))
    header = site.render("brief-header.md", brief.src_uri, **context)
    sources = site.render("brief-sources.md", brief.src_uri, **context)
    return f"{header}\n{body.rstrip()}\n{sources}"
