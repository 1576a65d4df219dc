"""The mechanisms index (`mechanisms/`) and a page for every mechanism (`mechanisms/<id>/`)."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Iterable

from . import GeneratedPage

if TYPE_CHECKING:
    from ..catalog import Catalog
    from ..model import Mechanism

INDEX = "mechanisms/index.md"
SOURCE = "data/mechanisms.yml"


def pages(catalog: Catalog) -> Iterable[GeneratedPage]:
    mechanisms = catalog.by_name("mechanisms")
    yield GeneratedPage(INDEX, "mechanisms.md", lambda: dict(mechanisms=mechanisms), SOURCE)
    for mechanism in mechanisms:
        yield GeneratedPage(mechanism.src_uri, "mechanism.md", partial(_context, catalog, mechanism), SOURCE)


def _context(catalog: Catalog, mechanism: Mechanism) -> dict:
    return dict(
        mechanism=mechanism,
        related=catalog.related_mechanisms(mechanism),
        involved=catalog.actors_involved(mechanism),
    )
