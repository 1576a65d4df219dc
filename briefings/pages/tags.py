"""The tags: an index of every tag (`tags/`) and a page for each (`tags/<slug>/`) listing the briefs that
carry it, newest first, the latest in full and earlier ones by month, so that no page grows with the site."""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial

from ..catalog import Catalog
from ..urls import TAGS_INDEX, tag_feed_path, tag_page
from . import GeneratedPage, history


def pages(catalog: Catalog) -> Iterable[GeneratedPage]:
    tagged = catalog.tags()
    # The index shows how many briefs carry each tag and the latest one's date, not the briefs themselves.
    index = lambda: dict(tags=[(tag, len(b), b[0].date, tag_page(tag), tag_feed_path(tag)) for tag, b in tagged])
    # (No "Edit this page": a tag is in the front matter of every brief that carries it.)
    yield GeneratedPage(TAGS_INDEX, "tags.md", index)
    for tag, briefs in tagged:
        yield GeneratedPage(tag_page(tag), "tag.md", partial(_context, catalog, tag, briefs))


def _context(catalog: Catalog, tag: str, briefs: list) -> dict:
    return dict(tag=tag, feed=tag_feed_path(tag), **history(catalog, briefs))
