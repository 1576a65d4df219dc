"""The domain: briefs, the actors they name and the indicators they track.

Small, typed, immutable structures with no knowledge of how they are loaded or published. Each entity
knows the source path of its own page inside the docs folder (its `src_uri`): the site's URL scheme.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .problems import Location

#: The house structure of a brief, in order.
HOUSE_HEADINGS = (
    "What happened",
    "Who gains leverage",
    "What mechanism is operating",
    "Why it matters",
    "What to watch next",
)

#: The closed vocabulary of actor kinds, in the order the actors page lists them: (singular, plural) labels.
ACTOR_KINDS = {
    "state": ("State", "States"),
    "person": ("Person", "People"),
    "institution": ("Institution", "Institutions"),
    "organisation": ("Organisation", "Organisations"),
    "group": ("Group", "Groups"),
}

WORDS_PER_MINUTE = 200


@dataclass(frozen=True)
class Link:
    title: str
    url: str


@dataclass(frozen=True)
class Actor:
    id: str
    name: str
    kind: str
    summary: str
    aliases: tuple[str, ...] = ()
    region: str | None = None
    links: tuple[Link, ...] = ()
    source: Location | None = None

    @property
    def src_uri(self) -> str:
        return f"actors/{self.id}.md"

    @property
    def kind_label(self) -> str:
        return ACTOR_KINDS[self.kind][0]


@dataclass(frozen=True)
class Signals:
    advancing: tuple[str, ...] = ()
    reversing: tuple[str, ...] = ()


@dataclass(frozen=True)
class Indicator:
    id: str
    name: str
    summary: str
    signals: Signals = field(default_factory=Signals)
    actor_ids: tuple[str, ...] = ()
    source: Location | None = None

    @property
    def src_uri(self) -> str:
        return f"indicators/{self.id}.md"


@dataclass(frozen=True)
class Reference:
    """A macro call in a page's text that names an actor or an indicator."""

    kind: str  # "actor" or "indicator"
    id: str
    location: Location


@dataclass(frozen=True)
class Brief:
    src_uri: str  # path inside the docs folder, e.g. "briefs/2026/doha-talks.md"
    title: str
    date: dt.date
    summary: str
    actor_ids: tuple[str, ...]
    indicator_ids: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()
    updated: dt.date | None = None
    authors: tuple[str, ...] = ()
    sources: tuple[Link, ...] = ()
    draft: bool = False
    words: int = 0
    references: tuple[Reference, ...] = ()
    source: Location | None = None

    @property
    def reading_minutes(self) -> int:
        return max(1, round(self.words / WORDS_PER_MINUTE))

    @property
    def month(self) -> dt.date:
        return self.date.replace(day=1)

    @property
    def sort_key(self) -> tuple:
        """Newest first, then by title: a stable order for every listing."""
        return (-self.date.toordinal(), self.title.casefold(), self.src_uri)
