"""Pages generated from the catalog: one module per kind of page.

Each module of an entity kind has `pages(catalog, kind) -> Iterable[GeneratedPage]`, saying which template
writes each page from what; the kind names its module in its declaration (`briefings.kinds`), which gives the
paths (its index page, its data file), and `briefings.kinds.generated_pages` runs them all (without the
templates: `check` needs only which pages exist). `Site.markdown` writes a page when it is needed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from ..catalog import by_month

if TYPE_CHECKING:
    from ..catalog import Catalog
    from ..model import Actor, Brief

#: How many of an entity's or a tag's briefs its page lists in full; earlier ones are listed by month, title
#: and date only, so that a page naming hundreds of briefs stays small.
LISTED_IN_FULL = 20


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


# -- what listings of briefs show (templates/pages/_brief-list.md, _brief-history.md, archive.md) -------------


def listed(catalog: Catalog, briefs: Iterable[Brief]) -> list[tuple[Brief, list[Actor]]]:
    """Briefs as a list of them shows them in full (`listed` in _brief-list.md): each with the actors it names."""
    return [(brief, catalog.named_by(brief, "actors")) for brief in briefs]


def history(catalog: Catalog, briefs: list[Brief]) -> dict[str, Any]:
    """What a topic's page shows of its briefs, newest first (_brief-history.md): all of them (`briefs`), the
    latest LISTED_IN_FULL in full (`listed`) and earlier ones by month (`earlier`)."""
    return dict(
        briefs=briefs,
        listed=listed(catalog, briefs[:LISTED_IN_FULL]),
        earlier=by_month(briefs[LISTED_IN_FULL:]),
    )


def archive(catalog: Catalog) -> list[tuple[dt.date, list[Brief], list[tuple[Brief, list[Actor]]] | None]]:
    """Every published brief by month, newest first (archive.md): each month with its briefs, and listed in full
    while fewer than LISTED_IN_FULL briefs were listed before it (None: by title and date only)."""
    months, left = [], LISTED_IN_FULL
    for month, briefs in catalog.by_month():
        months.append((month, briefs, listed(catalog, briefs) if left > 0 else None))
        left -= len(briefs)
    return months


def counts(catalog: Catalog, entities: Iterable[Any]) -> dict[str, int]:
    """How many briefs name each of `entities`, by id, as an index page shows beside each."""
    return {entity.id: len(catalog.briefs_naming(entity)) for entity in entities}
