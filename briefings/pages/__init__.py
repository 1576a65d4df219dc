"""Pages generated from the catalog: one module per kind of page.

Each module of an entity kind has `pages(catalog, kind) -> Iterable[GeneratedPage]`, saying which template
writes each page from what; the kind names its module in its declaration (`briefings.kinds`), which gives the
paths (its index page, its data file), and `briefings.kinds.generated_pages` runs them all (without the
templates: `check` needs only which pages exist). `Site.markdown` writes a page when it is needed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Protocol


@dataclass(frozen=True)
class GeneratedPage:
    src_uri: str  # where the page pretends to live in the docs folder, e.g. "actors/qatar.md"
    template: str  # the template in briefings/templates/pages/ that writes it
    context: Callable[[], dict[str, Any]] = field(repr=False)  # what the template is given, worked out when it
    # is written: which pages exist is known without it (`check` asks only that)
    edit_path: str = ""  # the project file to change to change this page, e.g. "data/actors.yml"


class Kind(Protocol):
    """What a page module needs of its kind's declaration (`briefings.kinds.EntityKind`): where its pages are,
    and what they are generated from."""

    @property
    def index_uri(self) -> str: ...  # its listing page, e.g. "actors/index.md"

    @property
    def data_file(self) -> str: ...  # e.g. "data/actors.yml"
