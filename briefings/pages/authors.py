"""The authors index (`authors/`) and a page for every author (`authors/<id>/`) listing the briefs they wrote."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Iterable

from . import GeneratedPage

if TYPE_CHECKING:
    from ..catalog import Catalog
    from ..model import Author

INDEX = "authors/index.md"
SOURCE = "data/authors.yml"


def pages(catalog: Catalog) -> Iterable[GeneratedPage]:
    authors = catalog.by_name("authors")
    yield GeneratedPage(INDEX, "authors.md", lambda: dict(authors=authors), SOURCE)
    for author in authors:
        yield GeneratedPage(author.src_uri, "author.md", partial(_context, catalog, author), SOURCE)


def _context(catalog: Catalog, author: Author) -> dict:
    return dict(author=author)
