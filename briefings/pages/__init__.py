"""Pages generated from the data: one module per kind of page.

Each module has `pages(site) -> Iterable[GeneratedPage]`. Adding a kind of entity means its data file, one
module here, its template in overrides/briefings/ and its tests.
"""

from __future__ import annotations

from typing import Iterable

from . import actors, indicators
from .site import GeneratedPage, Site

KINDS = (actors, indicators)


def generate(site: Site) -> Iterable[GeneratedPage]:
    for kind in KINDS:
        yield from kind.pages(site)


__all__ = ["GeneratedPage", "Site", "generate"]
