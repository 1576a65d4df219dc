"""The tags: an index of every tag (`tags/`) and a page for each (`tags/<slug>/`) listing the briefs that
carry it, newest first, the latest in full and earlier ones by month, so that no page grows with the site."""

from __future__ import annotations

from functools import partial
from typing import Iterable

from ..catalog import Catalog
from ..urls import tag_page
from . import GeneratedPage

#: (`briefings.urls.tag_page`, by the name the live preview uses.)
page_of = tag_page

INDEX = "tags/index.md"
SOURCE = "docs/briefs"


def pages(catalog: Catalog) -> Iterable[GeneratedPage]:
    tagged = catalog.tags()
    yield GeneratedPage(INDEX, "tags.md", lambda: dict(tags=tagged), SOURCE)
    for tag, briefs in tagged:
        yield GeneratedPage(tag_page(tag), "tag.md", partial(dict, tag=tag, briefs=briefs), SOURCE)
