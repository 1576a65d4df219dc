"""The actors index (`actors/`) and a page for every actor (`actors/<id>/`)."""

from __future__ import annotations

from typing import Iterable

from .site import GeneratedPage, Site

INDEX = "actors/index.md"


def pages(site: Site) -> Iterable[GeneratedPage]:
    catalog = site.catalog
    source = site.project.relative(site.project.actors_file)
    yield GeneratedPage(INDEX, site.render("actors.md", INDEX, groups=catalog.actors_by_kind()), source)
    for actor in catalog.actors.values():
        markdown = site.render(
            "actor.md",
            actor.src_uri,
            actor=actor,
            alongside=catalog.actors_alongside(actor.id),
            indicators=catalog.indicators_concerning(actor.id),
        )
        yield GeneratedPage(actor.src_uri, markdown, source)
