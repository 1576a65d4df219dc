"""The authors index (`authors/`) and a page for every author (`authors/<id>/`) listing the briefs they wrote."""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from typing import TYPE_CHECKING

from ..urls import entity_feed_path
from . import GeneratedPage, Kind, counts, history

if TYPE_CHECKING:
    from ..catalog import Catalog
    from ..model import Author


def pages(catalog: Catalog, kind: Kind) -> Iterable[GeneratedPage]:
    authors = catalog.by_name("authors")
    yield GeneratedPage(
        kind.index_uri, "authors.md", lambda: dict(authors=authors, counts=counts(catalog, authors)), kind.data_file
    )
    for author in authors:
        yield GeneratedPage(author.src_uri, "author.md", partial(_context, catalog, author), kind.data_file)


def _context(catalog: Catalog, author: Author) -> dict:
    return dict(author=author, feed=entity_feed_path(author), **history(catalog, catalog.briefs_naming(author)))
