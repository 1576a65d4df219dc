"""The indicators index (`indicators/`) and a page for every indicator (`indicators/<id>/`)."""

from __future__ import annotations

from typing import Iterable

from .site import GeneratedPage, Site

INDEX = "indicators/index.md"


def pages(site: Site) -> Iterable[GeneratedPage]:
    catalog = site.catalog
    source = site.project.relative(site.project.indicators_file)
    yield GeneratedPage(INDEX, site.render("indicators.md", INDEX, indicators=catalog.indicators_by_name()), source)
    for indicator in catalog.indicators.values():
        actors = [catalog.actors[i] for i in indicator.actor_ids]
        markdown = site.render("indicator.md", indicator.src_uri, indicator=indicator, actors=actors)
        yield GeneratedPage(indicator.src_uri, markdown, source)
