"""The mechanisms index (`mechanisms/`) and a page for every mechanism (`mechanisms/<id>/`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable

from . import GeneratedPage

if TYPE_CHECKING:
    from ..catalog import Catalog

INDEX = "mechanisms/index.md"
SOURCE = "data/mechanisms.yml"


def pages(catalog: Catalog) -> Iterable[GeneratedPage]:
    mechanisms = catalog.by_name("mechanisms")
    yield GeneratedPage(INDEX, "mechanisms.md", dict(mechanisms=mechanisms), SOURCE)
    for mechanism in mechanisms:
        context = dict(
            mechanism=mechanism,
            related=catalog.related_mechanisms(mechanism),
            involved=catalog.actors_involved(mechanism),
        )
        yield GeneratedPage(mechanism.src_uri, "mechanism.md", context, SOURCE)
