"""The domain: briefs, and the entities they name (actors, indicators...).

Small, typed, immutable structures with no knowledge of how they are loaded or published. Each entity
knows the source path of its own page inside the docs folder (its `src_uri`): the site's URL scheme.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from typing import Any, ClassVar, NamedTuple

from . import languages
from .problems import Location

#: The house structure of a brief, in order, in the default language (briefings/languages/en.yml; each language
#: declares its own).
HOUSE_HEADINGS = languages.language(languages.DEFAULT).headings

#: The sections the site adds to a brief's page after the author's text (briefings/templates/pages/brief-*.md),
#: by their anchors, which links may lead to.
BRIEF_SECTIONS = frozenset({"readings", "sources", "related-briefs", "how-to-cite"})

#: The closed vocabulary of actor kinds, in the order the actors page lists them: (singular, plural) labels.
ACTOR_KINDS = {
    "state": ("State", "States"),
    "person": ("Person", "People"),
    "institution": ("Institution", "Institutions"),
    "organisation": ("Organisation", "Organisations"),
    "group": ("Group", "Groups"),
}

#: The closed vocabulary of readings: where an indicator stands, with its label. Each indicator's `signals`
#: say what counts as advancing or reversing; `resolved` means the watched development has happened.
READING_STATUSES = {
    "advancing": "Advancing",
    "steady": "Steady",
    "reversing": "Reversing",
    "resolved": "Resolved",
}

WORDS_PER_MINUTE = 200
#: A macro call, block or comment, which counts as one word. (Not across braces: a lazy match to the closing
#: delimiter would scan to the end of the text from every opening never closed.)
_MACRO = re.compile(r"\{\{[^{}]*\}\}|\{%[^{}]*%\}|\{##[^{}]*##\}")
_WORD = re.compile(r"\w+(?:['’-]\w+)*")


def count_words(text: str) -> int:
    """How many words a brief's text (or a translation's) has, for its reading time: a macro call is one."""
    return len(_WORD.findall(_MACRO.sub(" x ", text)))


#: The metadata of a field of a brief or a translation that says something (its text, title, sources) rather than
#: places the brief among others: pages show it, but nothing sorts, groups or indexes by it (`Catalog.arrangement`).
SAYS = {"says": True}


def says(**options: Any) -> Any:
    """A dataclass field that says something (`SAYS`)."""
    return field(metadata=SAYS, **options)


@dataclass(frozen=True)
class Link:
    title: str
    url: str


@dataclass(frozen=True)
class Signals:
    advancing: tuple[str, ...] = ()
    reversing: tuple[str, ...] = ()


@dataclass(frozen=True, kw_only=True)
class Translated:
    """An entity's text in one other language: what its data entry's `translations` give (None: not given)."""

    name: str | None = None
    summary: str | None = None  # an author's bio
    aliases: tuple[str, ...] | None = None
    signals: Signals | None = None  # an indicator's; a list the translation leaves out is the default language's
    role: str | None = None  # an author's


class InLanguage(NamedTuple):
    """A text of an entity in a language, and whether the language lacks it, so that it is the default
    language's (the page then says so)."""

    text: Any
    fallback: bool


@dataclass(frozen=True, kw_only=True)
class Entity:
    """Something briefs name, defined once in a data file and given a page of its own.

    Its own fields are its text in the default language; `translations` hold its text in others, and
    `name_in(lang)`, `summary_in(lang)`, `aliases_in(lang)` read it in a language, falling back to the default.
    """

    folder: ClassVar[str]  # where its pages live in the docs folder; also its data file's and field's name

    id: str
    name: str
    summary: str
    aliases: tuple[str, ...] = ()
    source: Location | None = None
    translations: tuple[tuple[str, Translated], ...] = ()  # (language code, its text), in the data file's order

    @property
    def src_uri(self) -> str:
        return f"{self.folder}/{self.id}.md"

    @property
    def languages(self) -> tuple[str, ...]:
        """The codes of the languages it has text in besides the default, in the data file's order."""
        return tuple(code for code, _ in self.translations)

    def translated(self, lang: str) -> Translated | None:
        """Its text in language `lang`, if its data entry gives any."""
        return next((text for code, text in self.translations if code == lang), None)

    def text_in(self, field_name: str, lang: str) -> InLanguage:
        """Field `field_name` (name, summary, aliases, signals, role) in language `lang`, or the default
        language's value with `fallback` true when `lang` lacks it. A field that is empty in the default
        language too (no aliases) is no fallback."""
        own = getattr(self, field_name)
        given = getattr(self.translated(lang), field_name, None)
        if given is None:
            return InLanguage(own, bool(own) and lang != languages.DEFAULT)
        return InLanguage(given, False)

    def name_in(self, lang: str) -> InLanguage:
        return self.text_in("name", lang)

    def summary_in(self, lang: str) -> InLanguage:
        return self.text_in("summary", lang)

    def aliases_in(self, lang: str) -> InLanguage:
        return self.text_in("aliases", lang)

    def fallbacks(self, lang: str) -> tuple[str, ...]:
        """The fields it shows in the default language on a page in `lang` (for the page's note): those of
        its kind's translatable fields that `lang` lacks."""
        return tuple(name for name in self.translatable if getattr(self, f"{name}_in")(lang).fallback)

    #: The fields a translation may give (its data file's names for them may differ: an author's `bio`).
    translatable: ClassVar[tuple[str, ...]] = ("name", "summary", "aliases")

    @property
    def defined_at(self) -> Location:
        """`source`, which every entity the loader reads has."""
        assert self.source is not None, f"the {self.folder} entry '{self.id}' was not read from a file"
        return self.source


@dataclass(frozen=True, kw_only=True)
class Actor(Entity):
    folder: ClassVar[str] = "actors"

    kind: str
    region: str | None = None  # a region id, from data/regions.yml
    links: tuple[Link, ...] = ()

    @property
    def kind_label(self) -> str:
        return ACTOR_KINDS[self.kind][0]


@dataclass(frozen=True, kw_only=True)
class Indicator(Entity):
    folder: ClassVar[str] = "indicators"
    translatable: ClassVar[tuple[str, ...]] = ("name", "summary", "signals")

    signals: Signals = field(default_factory=Signals)
    actor_ids: tuple[str, ...] = ()

    def signals_in(self, lang: str) -> InLanguage:
        """Its signals in `lang`: each list the translation gives, the default language's for one it leaves out
        (then `fallback` is true)."""
        given = getattr(self.translated(lang), "signals", None) or Signals()
        own = self.signals
        signals = Signals(given.advancing or own.advancing, given.reversing or own.reversing)
        missing = (own.advancing and not given.advancing) or (own.reversing and not given.reversing)
        return InLanguage(signals, bool(missing) and lang != languages.DEFAULT)


@dataclass(frozen=True, kw_only=True)
class Mechanism(Entity):
    """A recurring way in which events produce their effects, such as mediated de-escalation."""

    folder: ClassVar[str] = "mechanisms"

    related_ids: tuple[str, ...] = ()


@dataclass(frozen=True, kw_only=True)
class Author(Entity):
    """Someone who writes briefs: a name, a role and a short biography (the entity's summary)."""

    folder: ClassVar[str] = "authors"
    translatable: ClassVar[tuple[str, ...]] = ("name", "role", "summary")

    role: str
    links: tuple[Link, ...] = ()

    @property
    def bio(self) -> str:
        return self.summary

    def role_in(self, lang: str) -> InLanguage:
        return self.text_in("role", lang)


@dataclass(frozen=True, kw_only=True)
class Region(Entity):
    """A part of the world briefs are about, perhaps within a larger one (its parent)."""

    folder: ClassVar[str] = "regions"
    translatable: ClassVar[tuple[str, ...]] = ("name", "summary")

    parent_id: str | None = None


@dataclass(frozen=True)
class Leverage:
    """Whose leverage a brief judges to have moved: ids of actors the brief names."""

    gains: tuple[str, ...] = ()
    loses: tuple[str, ...] = ()


@dataclass(frozen=True)
class Correction:
    """A correction made to a brief after publication: when, and what was corrected."""

    date: dt.date
    text: str


@dataclass(frozen=True)
class Reading:
    """Where a brief judges an indicator to stand as of the brief's date: a status and an optional note.

    A brief binds the readings it is given to itself, so that a reading knows its date and its source.
    """

    indicator_id: str
    status: str  # a key of READING_STATUSES
    note: str | None = None
    brief: Brief | None = field(default=None, repr=False, compare=False)

    @property
    def label(self) -> str:
        return READING_STATUSES[self.status]

    @property
    def given_by(self) -> Brief:
        """The brief that gives the reading (`brief`, which `Brief.__post_init__` binds)."""
        assert self.brief is not None, "a reading is bound to its brief before it is read"
        return self.brief

    @property
    def date(self) -> dt.date:
        return self.given_by.date


@dataclass(frozen=True, eq=False)
class Brief:
    src_uri: str  # path inside the docs folder, e.g. "briefs/2026/doha-talks.md"
    title: str = field(metadata=SAYS)  # the briefs' order holds it for the catalog (`Catalog.arrangement`)
    date: dt.date
    summary: str = field(metadata=SAYS)
    named: dict[str, tuple[str, ...]]  # entity ids by the folder of their kind: {"actors": ("qatar",), ...}
    tags: tuple[str, ...] = ()
    updated: dt.date | None = None
    sources: tuple[Link, ...] = says(default=())
    corrections: tuple[Correction, ...] = says(default=())  # oldest first
    leverage: Leverage = Leverage()
    readings: tuple[Reading, ...] = ()  # in the order of the front matter
    draft: bool = False
    words: int = says(default=0)
    source: Location | None = says(default=None)
    title_at: Location | None = says(default=None)  # where its front matter gives the title
    text_digest: str = says(
        default=""
    )  # a fingerprint of its text (after the front matter): whether two readings differ
    #: The language its original is written in: the default's (`slug.md`), or another's for a brief written
    #: first, or only, in it (`slug.ar.md`, which then has no original in the default language beside it).
    language: str = languages.DEFAULT

    def __post_init__(self) -> None:
        object.__setattr__(self, "readings", tuple(replace(r, brief=self) for r in self.readings))

    def ids(self, folder: str) -> tuple[str, ...]:
        """The ids of the entities of one kind the brief names, in the order its front matter lists them."""
        return self.named.get(folder, ())

    @property
    def defined_at(self) -> Location:
        """`source`, which every brief the loader reads has."""
        assert self.source is not None, f"the brief {self.src_uri} was not read from a file"
        return self.source

    @property
    def authors(self) -> tuple[str, ...]:
        """The ids of its authors (their names: `Catalog.author_names`)."""
        return self.ids("authors")

    @property
    def regions(self) -> tuple[str, ...]:
        """The ids of the regions it is about."""
        return self.ids("regions")

    @property
    def file_uri(self) -> str:
        """Where its original is in the docs folder: `src_uri`, with the language before `.md` for a brief written
        in another language than the default (`briefs/2026/x.ar.md`)."""
        return self.src_uri if self.language == languages.DEFAULT else f"{self.src_uri[:-3]}.{self.language}.md"

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


@dataclass(frozen=True)
class Movement:
    """An indicator whose latest reading differs from the reading before it."""

    indicator: Indicator
    before: Reading
    after: Reading


@dataclass(frozen=True)
class LeverageJudgement:
    """A brief's judgement that an actor gained or lost leverage, with the balance up to that brief."""

    brief: Brief
    gained: bool
    balance: int  # gains minus losses over the briefs up to and including this one, in date order
