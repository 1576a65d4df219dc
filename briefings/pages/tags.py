"""The tags page (`tags/`): every tag with the briefs carrying it, each under its own anchor."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable

from . import GeneratedPage

if TYPE_CHECKING:
    from ..site import Site

INDEX = "tags/index.md"
SOURCE = "docs/briefs"


def pages(site: Site) -> Iterable[GeneratedPage]:
    yield GeneratedPage(INDEX, "tags.md", dict(tags=site.catalog.tags()), SOURCE)
