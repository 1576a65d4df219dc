"""The actors index (`actors/`) and a page for every actor (`actors/<id>/`)."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Iterable

from . import GeneratedPage

if TYPE_CHECKING:
    from ..catalog import Catalog
    from ..model import Actor

INDEX = "actors/index.md"
SOURCE = "data/actors.yml"


def pages(catalog: Catalog) -> Iterable[GeneratedPage]:
    yield GeneratedPage(INDEX, "actors.md", lambda: dict(groups=catalog.actors_by_kind()), SOURCE)
    for actor in catalog.actors.values():
        yield GeneratedPage(actor.src_uri, "actor.md", partial(_context, catalog, actor), SOURCE)


def _context(catalog: Catalog, actor: Actor) -> dict:
    return dict(
        actor=actor,
        region=catalog.regions.get(actor.region) if actor.region else None,
        alongside=catalog.actors_alongside(actor.id),
        indicators=catalog.indicators_concerning(actor.id),
        leverage=catalog.leverage_of(actor),
    )
