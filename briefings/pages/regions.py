"""The regions index (`regions/`), larger regions first with the regions within them, and a page for every
region (`regions/<id>/`) listing the briefs about it, the region it is part of, the regions within it and the
actors the data places in it."""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from typing import TYPE_CHECKING

from ..urls import entity_feed_path
from . import GeneratedPage, Kind, counts, history

if TYPE_CHECKING:
    from ..catalog import Catalog
    from ..model import Region


def pages(catalog: Catalog, kind: Kind) -> Iterable[GeneratedPage]:
    yield GeneratedPage(
        kind.index_uri,
        "regions.md",
        lambda: dict(
            roots=catalog.region_roots(),
            subregions={region.id: catalog.subregions(region) for region in catalog.regions.values()},
            counts=counts(catalog, catalog.regions.values()),
        ),
        kind.data_file,
    )
    for region in catalog.by_name("regions"):
        yield GeneratedPage(region.src_uri, "region.md", partial(_context, catalog, region), kind.data_file)


def _context(catalog: Catalog, region: Region) -> dict:
    return dict(
        region=region,
        feed=entity_feed_path(region),
        **history(catalog, catalog.briefs_naming(region)),
        parent=catalog.regions.get(region.parent_id) if region.parent_id else None,
        subregions=catalog.subregions(region),
        actors=catalog.actors_in(region),
    )
