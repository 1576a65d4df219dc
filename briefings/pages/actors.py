"""The actors index (`actors/`) and a page for every actor (`actors/<id>/`)."""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from typing import TYPE_CHECKING

from ..urls import entity_feed_path
from . import GeneratedPage, Kind, counts, history

if TYPE_CHECKING:
    from ..catalog import Catalog
    from ..model import Actor


def pages(catalog: Catalog, kind: Kind) -> Iterable[GeneratedPage]:
    yield GeneratedPage(
        kind.index_uri,
        "actors.md",
        lambda: dict(groups=catalog.actors_by_kind(), counts=counts(catalog, catalog.actors.values())),
        kind.data_file,
    )
    for actor in catalog.actors.values():
        yield GeneratedPage(actor.src_uri, "actor.md", partial(_context, catalog, actor), kind.data_file)


def _context(catalog: Catalog, actor: Actor) -> dict:
    return dict(
        actor=actor,
        feed=entity_feed_path(actor),
        **history(catalog, catalog.briefs_naming(actor)),
        region=catalog.regions.get(actor.region) if actor.region else None,
        alongside=catalog.actors_alongside(actor.id),
        indicators=catalog.indicators_concerning(actor.id),
        leverage=catalog.leverage_of(actor),
    )
