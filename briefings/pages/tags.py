"""The tags: an index of every tag (`tags/`) and a page for each (`tags/<slug>/`) listing the briefs that
carry it, newest first, the latest in full and earlier ones by month, so that no page grows with the site."""

from __future__ import annotations

from functools import partial
from typing import Iterable

from ..catalog import Catalog, tag_slug
from . import GeneratedPage

INDEX = "tags/index.md"
SOURCE = "docs/briefs"


def folder_of(tag: str) -> str:
    """A tag's folder, which holds its page and its feed: a folder of its own, so that no tag's page can be the
    index, whatever the tag."""
    return f"tags/{tag_slug(tag)}"


def page_of(tag: str) -> str:
    """The source path of a tag's page."""
    return f"{folder_of(tag)}/index.md"


def pages(catalog: Catalog) -> Iterable[GeneratedPage]:
    tagged = catalog.tags()
    yield GeneratedPage(INDEX, "tags.md", lambda: dict(tags=tagged), SOURCE)
    for tag, briefs in tagged:
        yield GeneratedPage(page_of(tag), "tag.md", partial(dict, tag=tag, briefs=briefs), SOURCE)
