"""The actors index (`actors/`) and a page for every actor (`actors/<id>/`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable

from . import GeneratedPage

if TYPE_CHECKING:
    from ..catalog import Catalog

INDEX = "actors/index.md"
SOURCE = "data/actors.yml"


def pages(catalog: Catalog) -> Iterable[GeneratedPage]:
    yield GeneratedPage(INDEX, "actors.md", dict(groups=catalog.actors_by_kind()), SOURCE)
    for actor in catalog.actors.values():
        context = dict(
            actor=actor,
            alongside=catalog.actors_alongside(actor.id),
            indicators=catalog.indicators_concerning(actor.id),
            leverage=catalog.leverage_of(actor),
        )
        yield GeneratedPage(actor.src_uri, "actor.md", context, SOURCE)
