"""The tags: an index of every tag (`tags/`) and a page for each (`tags/<slug>/`) listing the briefs that
carry it, newest first, the latest in full and earlier ones by month, so that no page grows with the site."""

from __future__ import annotations

from functools import partial
from typing import Iterable

from ..catalog import Catalog
from ..urls import tag_feed_path, tag_page
from . import GeneratedPage, history

INDEX = "tags/index.md"
SOURCE = "docs/briefs"


def pages(catalog: Catalog) -> Iterable[GeneratedPage]:
    tagged = catalog.tags()
    # The index shows how many briefs carry each tag and the latest one's date, not the briefs themselves.
    index = lambda: dict(tags=[(tag, len(b), b[0].date, tag_page(tag), tag_feed_path(tag)) for tag, b in tagged])  # noqa: E731
    yield GeneratedPage(INDEX, "tags.md", index, SOURCE)
    for tag, briefs in tagged:
        yield GeneratedPage(tag_page(tag), "tag.md", partial(_context, catalog, tag, briefs), SOURCE)


def _context(catalog: Catalog, tag: str, briefs: list) -> dict:
    return dict(tag=tag, feed=tag_feed_path(tag), **history(catalog, briefs))
