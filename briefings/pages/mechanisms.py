"""The mechanisms index (`mechanisms/`) and a page for every mechanism (`mechanisms/<id>/`)."""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from typing import TYPE_CHECKING

from ..urls import entity_feed_path
from . import GeneratedPage, Kind, counts, history

if TYPE_CHECKING:
    from ..catalog import Catalog
    from ..model import Mechanism


def pages(catalog: Catalog, kind: Kind) -> Iterable[GeneratedPage]:
    mechanisms = catalog.by_name("mechanisms")
    yield GeneratedPage(
        kind.index_uri,
        "mechanisms.md",
        lambda: dict(mechanisms=mechanisms, counts=counts(catalog, mechanisms)),
        kind.data_file,
    )
    for mechanism in mechanisms:
        yield GeneratedPage(mechanism.src_uri, "mechanism.md", partial(_context, catalog, mechanism), kind.data_file)


def _context(catalog: Catalog, mechanism: Mechanism) -> dict:
    return dict(
        mechanism=mechanism,
        feed=entity_feed_path(mechanism),
        **history(catalog, catalog.briefs_naming(mechanism)),
        related=catalog.related_mechanisms(mechanism),
        involved=catalog.actors_involved(mechanism),
    )
