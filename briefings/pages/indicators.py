"""The indicators index (`indicators/`) and a page for every indicator (`indicators/<id>/`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable

from . import GeneratedPage

if TYPE_CHECKING:
    from ..site import Site

INDEX = "indicators/index.md"
SOURCE = "data/indicators.yml"


def pages(site: Site) -> Iterable[GeneratedPage]:
    catalog = site.catalog
    yield GeneratedPage(INDEX, site.render("indicators.md", INDEX, indicators=catalog.by_name("indicators")), SOURCE)
    for indicator in catalog.entities["indicators"].values():
        actors = [catalog.actors[i] for i in indicator.actor_ids]
        markdown = site.render("indicator.md", indicator.src_uri, indicator=indicator, actors=actors)
        yield GeneratedPage(indicator.src_uri, markdown, SOURCE)
