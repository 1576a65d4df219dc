"""Pages generated from the catalog: one module per kind of page.

Each module has `pages(catalog) -> Iterable[GeneratedPage]`, saying which template writes each page from
what; an entity kind names its module in its declaration (`briefings.kinds`), and
`briefings.kinds.generated_pages` runs them all (without the templates: `check` needs only which pages
exist). `Site.markdown` writes a page when it is needed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable


@dataclass(frozen=True)
class GeneratedPage:
    src_uri: str  # where the page pretends to live in the docs folder, e.g. "actors/qatar.md"
    template: str  # the template in briefings/templates/pages/ that writes it
    context: Callable[[], dict[str, Any]] = field(repr=False)  # what the template is given, worked out when it
    # is written: which pages exist is known without it (`check` asks only that)
    edit_path: str = ""  # the project file to change to change this page, e.g. "data/actors.yml"
