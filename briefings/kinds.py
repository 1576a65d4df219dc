"""The kinds of entity briefs can name, each declared once.

Loading, validation, the catalog, the macros, the generated pages, the scaffold and the command line all
loop over `KINDS`. A new kind is: its model in `model.py`, its data file, its JSON Schema in `schemas/`
(named after its folder), its page templates and page module, one declaration here, and its tests.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .model import ACTOR_KINDS, Actor, Author, Entity, Indicator, Link, Mechanism, Region, Signals, Translated
from .pages import GeneratedPage, actors, authors, brief, indicators, mechanisms, regions, tags
from .problems import Location

if TYPE_CHECKING:
    from .catalog import Catalog


@dataclass(frozen=True)
class Option:
    """A field that `briefings new <kind>` takes on the command line."""

    field: str
    help: str
    flag: str = ""  # the option's name, if not the field's: --alias for aliases
    required: bool = False
    many: bool = False  # repeatable; the field is a list
    choices: tuple[str, ...] = ()
    within: str = ""  # the field holding this one, if not the entry: signals for advancing

    @property
    def option(self) -> str:
        return "--" + (self.flag or self.field)


@dataclass(frozen=True)
class EntityKind:
    name: str  # singular: the macro that links one, and how messages name it
    model: type[Entity]
    title: str  # the heading of its listing page
    build: Callable[[str, dict, Location], Entity]  # a valid data entry -> the entity
    pages: Callable[[Catalog, EntityKind], Iterable[GeneratedPage]]  # its page module's, given the kind
    references: dict[str, str]  # fields of an entry holding ids of entities (a list, or one id): field -> folder
    options: tuple[Option, ...]
    #: Where a brief's front matter names entities of this kind besides its own list (`actors`): paths to a
    #: list of ids, or to a mapping keyed by ids. Each id there must also be in the brief's list.
    judged_in: tuple[tuple[str, ...], ...] = ()
    #: Its pages belong to the Briefs section of the navigation (a way of browsing briefs, such as their authors),
    #: not to a tab of their own.
    in_briefs: bool = False
    #: An entry that another data entry names (a region an actor is in, or a region within it) is in use even
    #: if no brief names it.
    used_by_data: bool = False
    #: The field naming the entity of the same kind it is within (a region's `parent`), which may not lead back
    #: to itself.
    nests: str = ""

    @property
    def folder(self) -> str:
        """Its pages' folder, its data file's name, its schema's name and the front-matter field listing it."""
        return self.model.folder

    @property
    def a_name(self) -> str:
        """The name with its indefinite article, for messages: "an actor", "a mechanism"."""
        return ("an " if self.name[0] in "aeiou" else "a ") + self.name

    @property
    def data_file(self) -> str:
        return f"data/{self.folder}.yml"

    @property
    def index_uri(self) -> str:
        return f"{self.folder}/index.md"

    def entry(self, values: Mapping[str, Any]) -> dict:
        """A data entry from the values of `briefings new <kind>`'s options, in their order; empty ones left out."""
        entry: dict = {}
        for option in self.options:
            value = values.get(option.field)
            if value not in (None, [], ""):
                (entry.setdefault(option.within, {}) if option.within else entry)[option.field] = value
        return entry

    def unknown(self, entity_id: object, known: Mapping[str, Sequence[str]] | Iterable[str]) -> str:
        """`unknown actor 'qatr': did you mean 'qatar'?`, shared by every check of an id.

        `known` maps each id to its entity's name and aliases (or is the ids alone), so that an id written
        after a name (`tehran`, `trump`) finds its entity. Only a close match is suggested; a genuinely new
        entity gets the command that adds it."""
        names = known if isinstance(known, Mapping) else dict.fromkeys(known, ())
        written = " ".join(str(entity_id).split()).casefold()
        for known_id, others in names.items():
            if others and " ".join(others[0].split()).casefold() == written:  # its name, written for its id
                return f"unknown {self.name} '{entity_id}': it is the name of '{known_id}'; write '{known_id}'"
        by_text: dict[str, str] = {}
        for known_id, others in names.items():
            for text in (known_id, *others):
                by_text.setdefault(folded(text), known_id)
        wanted = folded(str(entity_id))
        close = difflib.get_close_matches(wanted, list(by_text), n=3, cutoff=SUGGESTION_CUTOFF)
        if len(wanted) > 3:  # a whole word of a longer name: `trump` for "Donald Trump"
            close += [text for text in by_text if f"-{wanted}-" in f"-{text}-"]
        # a name within a longer text: "The Gulf" for "Gulf"
        close += [text for text in by_text if len(text) > 3 and f"-{text}-" in f"-{wanted}-" and text != wanted]
        ids = list(dict.fromkeys(by_text[text] for text in close))[:3]
        if ids:
            tip = "did you mean " + " or ".join(f"'{i}'" for i in ids) + "?"
        else:
            tip = (
                f"add it with 'briefings new {self.name} {folded(str(entity_id)) or entity_id} --name …' "
                f"or see 'briefings list {self.folder}'"
            )
        return f"unknown {self.name} '{entity_id}': {tip}"

    def names(self, entry: object) -> tuple[str, ...]:
        """The name and aliases of a data entry, as far as it has them (for suggestions and `briefings list`)."""
        if not isinstance(entry, dict):
            return ()
        return tuple(text for text in (entry.get("name"), *(entry.get("aliases") or ())) if isinstance(text, str))


#: How alike an unknown id and a known id, name or alias must be (difflib's ratio) to be suggested.
SUGGESTION_CUTOFF = 0.75


def folded(text: str) -> str:
    """Text as an id would spell it, for comparing: "État d'Iran" gives "etat-diran"."""
    ascii_text = unicodedata.normalize("NFKD", text.replace("'", "").replace("’", "")).encode("ascii", "ignore")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.decode().lower()).strip("-")


def _links(values: Any) -> tuple[Link, ...]:
    return tuple(Link(v["title"], v["url"]) for v in values or ())


def _text(value: Any) -> str | None:
    return " ".join(value.split()) if isinstance(value, str) else None


def _translations(v: dict) -> tuple[tuple[str, Translated], ...]:
    """A valid entry's `translations`, each language's text as the model holds it (an author's `bio` is its
    summary)."""
    out = []
    for code, given in (v.get("translations") or {}).items():
        signals = given.get("signals")
        out.append(
            (
                code,
                Translated(
                    name=given.get("name"),
                    summary=_text(given.get("summary", given.get("bio"))),
                    aliases=tuple(given["aliases"]) if "aliases" in given else None,
                    signals=Signals(tuple(signals.get("advancing", ())), tuple(signals.get("reversing", ())))
                    if signals
                    else None,
                    role=_text(given.get("role")),
                ),
            )
        )
    return tuple(out)


def _actor(actor_id: str, v: dict, source: Location) -> Actor:
    return Actor(
        id=actor_id,
        name=v["name"],
        kind=v["kind"],
        summary=" ".join(v["summary"].split()),
        aliases=tuple(v.get("aliases", ())),
        region=v.get("region"),
        links=_links(v.get("links")),
        source=source,
        translations=_translations(v),
    )


def _author(author_id: str, v: dict, source: Location) -> Author:
    return Author(
        id=author_id,
        name=v["name"],
        role=" ".join(v["role"].split()),
        summary=" ".join(v["bio"].split()),
        links=_links(v.get("links")),
        source=source,
        translations=_translations(v),
    )


def _region(region_id: str, v: dict, source: Location) -> Region:
    return Region(
        id=region_id,
        name=v["name"],
        summary=" ".join(v["summary"].split()),
        parent_id=v.get("parent"),
        source=source,
        translations=_translations(v),
    )


def _indicator(indicator_id: str, v: dict, source: Location) -> Indicator:
    signals = v.get("signals", {})
    return Indicator(
        id=indicator_id,
        name=v["name"],
        summary=" ".join(v["summary"].split()),
        signals=Signals(tuple(signals.get("advancing", ())), tuple(signals.get("reversing", ()))),
        actor_ids=tuple(v.get("actors", ())),
        source=source,
        translations=_translations(v),
    )


def _mechanism(mechanism_id: str, v: dict, source: Location) -> Mechanism:
    return Mechanism(
        id=mechanism_id,
        name=v["name"],
        summary=" ".join(v["summary"].split()),
        aliases=tuple(v.get("aliases", ())),
        related_ids=tuple(v.get("related", ())),
        source=source,
        translations=_translations(v),
    )


_NAME = Option("name", "its usual name", required=True)
_SUMMARY = Option("summary", "one or two sentences on what it is", required=True)

ACTOR = EntityKind(
    name="actor",
    model=Actor,
    title="Actors",
    build=_actor,
    pages=actors.pages,
    references={"region": "regions"},
    judged_in=(("leverage", "gains"), ("leverage", "loses")),
    options=(
        _NAME,
        Option("kind", "what sort of actor it is", required=True, choices=tuple(ACTOR_KINDS)),
        _SUMMARY,
        Option("aliases", "another name readers may search for", flag="alias", many=True),
        Option("region", "the region it belongs to, an id from data/regions.yml"),
    ),
)

INDICATOR = EntityKind(
    name="indicator",
    model=Indicator,
    title="Indicators",
    build=_indicator,
    pages=indicators.pages,
    references={"actors": "actors"},
    judged_in=(("readings",),),
    options=(
        _NAME,
        _SUMMARY,
        Option("advancing", "an observation that would count as advancing", many=True, within="signals"),
        Option("reversing", "an observation that would count as reversing", many=True, within="signals"),
        Option("actors", "an actor it concerns", flag="actor", many=True),
    ),
)

MECHANISM = EntityKind(
    name="mechanism",
    model=Mechanism,
    title="Mechanisms",
    build=_mechanism,
    pages=mechanisms.pages,
    references={"related": "mechanisms"},
    options=(
        _NAME,
        Option("summary", "one or two sentences on how it works", required=True),
        Option("aliases", "another name readers may search for", flag="alias", many=True),
        Option("related", "a related mechanism", many=True),
    ),
)

AUTHOR = EntityKind(
    name="author",
    model=Author,
    title="Authors",
    build=_author,
    pages=authors.pages,
    references={},
    options=(
        _NAME,
        Option("role", "what the author does, e.g. 'Analyst'", required=True),
        Option("bio", "one or two sentences about the author", required=True),
    ),
    in_briefs=True,
)

REGION = EntityKind(
    name="region",
    model=Region,
    title="Regions",
    build=_region,
    pages=regions.pages,
    references={"parent": "regions"},
    options=(
        _NAME,
        Option("summary", "one or two sentences on what the region covers", required=True),
        Option("parent", "the larger region it is part of, an id from data/regions.yml"),
    ),
    in_briefs=True,
    used_by_data=True,
    nests="parent",
)

#: Every kind, in the order pages, messages and the command line list them.
KINDS: tuple[EntityKind, ...] = (ACTOR, INDICATOR, MECHANISM, AUTHOR, REGION)

BY_NAME = {kind.name: kind for kind in KINDS}
BY_FOLDER = {kind.folder: kind for kind in KINDS}


def generated_pages(catalog: Catalog) -> Iterable[GeneratedPage]:
    """Every page generated from the catalog, not yet written: each entity kind's, then the tags', then the
    page of each brief the catalog's language has no file of (`pages.brief.untranslated_pages`)."""
    for kind in KINDS:
        yield from kind.pages(catalog, kind)
    yield from tags.pages(catalog)
    yield from brief.untranslated_pages(catalog)
