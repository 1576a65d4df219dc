"""Pages generated from the catalog: one module per kind of page.

Each module has `pages(site) -> Iterable[GeneratedPage]`; an entity kind names its module in its declaration
(`briefings.kinds`), and `briefings.site.generate` runs them all.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class GeneratedPage:
    src_uri: str  # where the page pretends to live in the docs folder, e.g. "actors/qatar.md"
    markdown: str
    edit_path: str  # the project file to change to change this page, e.g. "data/actors.yml"
