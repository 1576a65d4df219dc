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
    yield GeneratedPage(INDEX, "indicators.md", dict(indicators=catalog.by_name("indicators")), SOURCE)
    for indicator in catalog.entities["indicators"].values():
        actors = [catalog.actors[i] for i in indicator.actor_ids]
        yield GeneratedPage(indicator.src_uri, "indicator.md", dict(indicator=indicator, actors=actors), SOURCE)
