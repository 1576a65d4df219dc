"""The catalog: every published brief and entity, and the indexes between them (who names what, the history of
each indicator's readings, the leverage each actor was judged to gain or lose).

Built once per build by `briefings.loader`, in time linear in the number of briefs; the macros, the
generated pages, the feed and the checker all read it.
"""

from __future__ import annotations

import bisect
import datetime as dt
import heapq
import itertools
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, fields
from typing import Literal, overload

from .languages import DEFAULT
from .links import anchor_of
from .model import (
    ACTOR_KINDS,
    Actor,
    Author,
    Brief,
    Entity,
    Indicator,
    LeverageJudgement,
    Mechanism,
    Movement,
    Reading,
    Region,
)
from .translations import Translation, split_language

#: How much a brief sharing one entity of a kind with another counts towards their being related: a shared
#: mechanism says more about what the analysis is about than a shared actor.
RELATED_WEIGHTS = {"actors": 1, "mechanisms": 2}
#: How many related briefs a brief lists.
RELATED_LIMIT = 4
#: How many briefs naming an entity, on each side of a brief in time, may be related to it through that
#: entity: an actor named by thousands of briefs adds at most twice this many candidates, so that finding
#: related briefs stays linear in the number of briefs.
RELATED_WINDOW = 25


def by_month(briefs: Iterable[Brief]) -> list[tuple[dt.date, list[Brief]]]:
    """Briefs (newest first) grouped by the month of their date, newest month first."""
    return [(month, list(group)) for month, group in itertools.groupby(briefs, key=lambda b: b.month)]


def month_title(month: dt.date) -> str:
    """A month as the listings name it, and as the archive's heading for it says: "May 2026"."""
    return f"{month:%B %Y}"


def month_anchor(month: dt.date) -> str:
    """The anchor of a month's heading in the archive, the same in every language (its English title's): where
    breadcrumbs lead from a brief of that month."""
    return anchor_of(month_title(month))


@dataclass
class Catalog:
    entities: dict[str, dict[str, Entity]]  # by the folder of their kind, then by id
    briefs: list[Brief]  # published (and, in the preview, drafts and scheduled briefs), newest first
    #: The briefs this build leaves out of the site: drafts, and briefs scheduled for a day after `today`.
    left_out: list[Brief] = field(default_factory=list)
    today: dt.date | None = None  # the day the site is built for (briefings.clock); None: nothing is scheduled
    assets: frozenset[str] = frozenset()  # the files of docs/ that its pages link or show, by path inside it
    linked_outputs: frozenset[str] = frozenset()  # the pages and files it generates that its pages link by path
    pages: frozenset[str] = frozenset()  # the hand-written pages (neither briefs nor generated), by src_uri
    redirects: dict[str, str] = field(default_factory=dict)  # old address -> new address (data/redirects.yml)
    translations: list[Translation] = field(default_factory=list)  # of every brief, published or not
    language: str = DEFAULT  # the language of its briefs' and entities' text (briefings.in_language)

    def __post_init__(self) -> None:
        self.briefs.sort(key=lambda b: b.sort_key)
        self._by_src = {b.src_uri: b for b in self.briefs}
        self._left_out = {b.src_uri for b in self.left_out}
        self._translations: dict[str, dict[str, Translation]] = defaultdict(dict)  # by original, then language
        for translation in self.translations:
            self._translations[translation.original][translation.lang] = translation
        self._position = {b.src_uri: n for n, b in enumerate(self.briefs)}
        self._related_briefs: dict[str, list[Brief]] = {}  # filled as pages ask for them
        self._naming: dict[tuple[str, str], list[Brief]] = defaultdict(list)
        self._alongside: dict[str, Counter] = defaultdict(Counter)
        self._tagged: dict[str, list[Brief]] = defaultdict(list)
        self._involved: dict[str, Counter] = defaultdict(Counter)
        for brief in self.briefs:  # already newest first, so every index is too
            for folder, ids in brief.named.items():
                for entity_id in ids:
                    self._naming[folder, entity_id].append(brief)
            for a, b in itertools.permutations(brief.ids("actors"), 2):
                self._alongside[a][b] += 1
            for tag in brief.tags:
                self._tagged[tag].append(brief)
            for mechanism_id in brief.ids("mechanisms"):
                self._involved[mechanism_id].update(brief.ids("actors"))
        self._readings: dict[str, list[Reading]] = defaultdict(list)
        self._leverage: dict[str, list[LeverageJudgement]] = defaultdict(list)
        for brief in reversed(self.briefs):  # oldest first: histories and balances run forwards in time
            for reading in brief.readings:
                self._readings[reading.indicator_id].append(reading)
            for gained, ids in ((True, brief.leverage.gains), (False, brief.leverage.loses)):
                for actor_id in ids:
                    judgements = self._leverage[actor_id]
                    balance = (judgements[-1].balance if judgements else 0) + (1 if gained else -1)
                    judgements.append(LeverageJudgement(brief, gained, balance))
        self._related: dict[str, set[str]] = defaultdict(set)
        for mechanism in self.mechanisms.values():
            for other in mechanism.related_ids:
                self._related[mechanism.id].add(other)
                self._related[other].add(mechanism.id)
        self._site_changed = max((b.updated or b.date for b in self.briefs), default=dt.date(1970, 1, 1))

    # Each kind's entities are of its class, which `entities`' type cannot say: hence `type: ignore[return-value]`.
    @property
    def actors(self) -> dict[str, Actor]:
        return self.entities["actors"]  # type: ignore[return-value]

    @property
    def indicators(self) -> dict[str, Indicator]:
        return self.entities["indicators"]  # type: ignore[return-value]

    @property
    def mechanisms(self) -> dict[str, Mechanism]:
        return self.entities["mechanisms"]  # type: ignore[return-value]

    @property
    def authors(self) -> dict[str, Author]:
        return self.entities["authors"]  # type: ignore[return-value]

    @property
    def regions(self) -> dict[str, Region]:
        return self.entities["regions"]  # type: ignore[return-value]

    # -- lookups ---------------------------------------------------------------------------------------------

    def translations_of(self, brief: Brief) -> dict[str, Translation]:
        """A brief's translations, by language."""
        return self._translations.get(brief.src_uri, {})

    def is_translated(self, brief: Brief) -> bool:
        """Whether a brief has its text in the catalog's language (the original's language always does)."""
        return self.language == brief.language or self.language in self.translations_of(brief)

    def text_language(self, brief: Brief) -> str:
        """The language of the text the catalog shows of `brief` (its title and summary): the catalog's own if the
        brief is translated into it, its original's otherwise."""
        return self.language if self.is_translated(brief) else brief.language

    def translation(self, brief: Brief, lang: str) -> Translation | None:
        """A brief's translation into `lang`, or None (the original's language's is the brief itself)."""
        return self._translations.get(brief.src_uri, {}).get(lang)

    def languages_of(self, brief: Brief) -> tuple[str, ...]:
        """The languages a brief has its text in: its original's first, then its translations' (by code)."""
        return (brief.language, *sorted(self.translations_of(brief)))

    def without_file(self) -> list[Brief]:
        """The briefs with no file in the catalog's language, nor one in the default language that
        mkdocs-static-i18n would publish in its place: those written first in another language and not
        translated into this one (nor into the default). The site generates their page here
        (`pages.brief.untranslated_pages`): a note leading to the original, never a 404."""
        files = (self.language, DEFAULT)
        return [b for b in self.briefs if not any(code in self.languages_of(b) for code in files)]

    def publishes(self, src_uri: str) -> bool:
        """Whether the site publishes the page or file of docs/ at `src_uri`: every page but the briefs it
        leaves out (drafts and scheduled briefs), and the files that its pages show or link."""
        if src_uri.endswith(".md"):
            return split_language(src_uri)[0] not in self._left_out  # a translation with its original
        return src_uri in self.assets

    def is_scheduled(self, brief: Brief) -> bool:
        """Whether a brief is to be published on a later day: it is not a draft, and is dated after the day the
        site is built for."""
        return not brief.draft and self.today is not None and brief.date > self.today

    def scheduled(self) -> list[Brief]:
        """The briefs scheduled for a later day (in the site, in the preview, or left out of it), soonest first."""
        return sorted(
            (b for b in self.briefs + self.left_out if self.is_scheduled(b)), key=lambda b: (b.date, b.src_uri)
        )

    def brief(self, src_uri: str) -> Brief | None:
        """The brief whose source is `src_uri` (relative to the docs folder), if it is in the site."""
        return self._by_src.get(src_uri)

    def last_changed(self, src_uri: str) -> dt.date:
        """When a page last changed, as far as the content says, so that two builds of the same content are
        the same site (MkDocs stamps the compressed sitemap with the latest page date): a brief's update or
        publication date; for any other page the latest of those, since the listings show them (1970-01-01 on
        a site without briefs)."""
        brief = self.brief(src_uri)
        return (brief.updated or brief.date) if brief else self._site_changed

    # The kinds whose callers need their own class, for the type checker (each kind's entities are of its class).
    @overload
    def named_by(self, brief: Brief, folder: Literal["actors"]) -> list[Actor]: ...
    @overload
    def named_by(self, brief: Brief, folder: str) -> list[Entity]: ...
    def named_by(self, brief: Brief, folder: str) -> list[Entity] | list[Actor]:
        """The entities of one kind a brief names, in its front matter's order."""
        entities = self.entities[folder]
        return [entities[i] for i in brief.ids(folder)]

    def author_names(self, brief: Brief) -> list[str]:
        """The names of a brief's authors, in its front matter's order: what its byline, its citation, its feed
        entries and its page's metadata print."""
        return [author.name for author in self.named_by(brief, "authors")]

    def briefs_naming(self, entity: Entity) -> list[Brief]:
        """The briefs that name an entity, newest first."""
        return self._naming.get((entity.folder, entity.id), [])

    def actors_alongside(self, actor_id: str) -> list[tuple[Actor, int]]:
        """The actors named in the same briefs as `actor_id`, most often first."""
        counts = self._alongside.get(actor_id, Counter())
        ranked = sorted(counts.items(), key=lambda item: (-item[1], self.actors[item[0]].name.casefold()))
        return [(self.actors[other], n) for other, n in ranked]

    def indicators_concerning(self, actor_id: str) -> list[Indicator]:
        return [i for i in self.indicators.values() if actor_id in i.actor_ids]

    def related_mechanisms(self, mechanism: Mechanism) -> list[Mechanism]:
        """The mechanisms related to one, whichever of the two lists the other, by name."""
        related = [self.mechanisms[i] for i in self._related.get(mechanism.id, ())]
        return sorted(related, key=lambda m: m.name.casefold())

    def actors_involved(self, mechanism: Mechanism) -> list[tuple[Actor, int]]:
        """The actors named by the briefs that name a mechanism, most often first."""
        counts = self._involved.get(mechanism.id, Counter())
        ranked = sorted(counts.items(), key=lambda item: (-item[1], self.actors[item[0]].name.casefold()))
        return [(self.actors[actor_id], n) for actor_id, n in ranked]

    def subregions(self, region: Region) -> list[Region]:
        """The regions whose parent is `region`, by name."""
        return sorted((r for r in self.regions.values() if r.parent_id == region.id), key=lambda r: r.name.casefold())

    def actors_in(self, region: Region) -> list[Actor]:
        """The actors the data places in `region` (their `region`), by name."""
        return sorted((a for a in self.actors.values() if a.region == region.id), key=lambda a: a.name.casefold())

    def region_roots(self) -> list[Region]:
        """The regions within no other, by name (`subregions` gives what each holds)."""
        return [r for r in self.by_name("regions") if r.parent_id is None or r.parent_id not in self.regions]

    # -- a brief among the others ---------------------------------------------------------------------------

    def previous_brief(self, brief: Brief) -> Brief | None:
        """The brief published just before this one (in the preview, drafts and scheduled briefs count)."""
        n = self._position[brief.src_uri] + 1
        return self.briefs[n] if n < len(self.briefs) else None

    def next_brief(self, brief: Brief) -> Brief | None:
        """The brief published just after this one."""
        n = self._position[brief.src_uri] - 1
        return self.briefs[n] if n >= 0 else None

    def related_candidates(self, brief: Brief) -> set[Brief]:
        """The briefs that may be related to this one: for each actor and mechanism it names, the briefs
        naming it closest in time, up to `RELATED_WINDOW` on each side. The relation is symmetric: a brief
        is a candidate of each of its candidates."""
        return {other for _, other in self._sharing(brief)}

    def related_briefs(self, brief: Brief) -> list[Brief]:
        """Up to `RELATED_LIMIT` of the candidates sharing the most with this one, actors and mechanisms
        weighted by `RELATED_WEIGHTS`; among equals, the most recent first. Worked out once per brief."""
        if (related := self._related_briefs.get(brief.src_uri)) is not None:
            return related
        scores: Counter = Counter()
        for weight, other in self._sharing(brief):
            scores[other] += weight
        position = self._position  # in the order of `sort_key`, and cheaper to compare
        related = heapq.nsmallest(RELATED_LIMIT, scores, key=lambda other: (-scores[other], position[other.src_uri]))
        self._related_briefs[brief.src_uri] = related
        return related

    def borrow_related(self, previous: Catalog) -> None:
        """Take the related briefs `previous` worked out, where they derive from the same: the briefs in the same
        order, each naming the same entities of `RELATED_WEIGHTS`' kinds (the live preview's catalog after a save
        that moved no brief and changed none's actors or mechanisms)."""
        if previous._relation() == self._relation():
            by_src = self._by_src
            for src_uri, related in previous._related_briefs.items():
                self._related_briefs.setdefault(src_uri, [by_src[b.src_uri] for b in related])

    def arrangement(self) -> tuple:
        """All that the catalog arranges its briefs by: their order and what it knows of each but what it says
        (the fields the model declares with `says()`; it indexes their dates, entities, tags, readings and
        leverage), of its translations too, the day it is built for, and all it holds besides briefs (entities, pages, files, redirects). Two
        catalogs so arranged list the same briefs in the same places and differ only in what briefs say: a page
        that shows none of those that say something else shows the same in both (`briefings.reuse`)."""
        arranged = []
        for kind, items in ((Brief, self.briefs + self.left_out), (Translation, self.translations)):
            names = [f.name for f in fields(kind) if not f.metadata.get("says")]
            arranged.append(tuple(tuple(getattr(item, name) for name in names) for item in items))
        return (*arranged, self.today, self.language, self.entities, self.pages, self.assets, self.redirects)

    def _relation(self) -> tuple:
        """All that `related_briefs` reads of the briefs: their order, and what each names of the kinds it weighs."""
        return tuple((b.src_uri, *(b.ids(folder) for folder in RELATED_WEIGHTS)) for b in self.briefs)

    def _sharing(self, brief: Brief) -> Iterator[tuple[int, Brief]]:
        """Each candidate (see `related_candidates`) once for each entity it shares with the brief, with the
        weight of that entity's kind."""
        position = self._position  # in the order of `sort_key` (the briefs' and each list's of `_naming`)
        for folder, weight in RELATED_WEIGHTS.items():
            for entity_id in brief.ids(folder):
                naming = self._naming.get((folder, entity_id), [])
                n = bisect.bisect_left(naming, position[brief.src_uri], key=lambda b: position[b.src_uri])
                for other in itertools.chain(
                    naming[max(0, n - RELATED_WINDOW) : n], naming[n + 1 : n + RELATED_WINDOW + 1]
                ):
                    yield weight, other

    # -- readings and leverage -------------------------------------------------------------------------------

    def readings_of(self, indicator: Indicator) -> list[Reading]:
        """Every reading of an indicator, oldest first."""
        return self._readings.get(indicator.id, [])

    def latest_reading(self, indicator: Indicator) -> Reading | None:
        """Where the newest brief that reads the indicator says it stands; None if no brief has read it."""
        readings = self.readings_of(indicator)
        return readings[-1] if readings else None

    def movement(self, indicator: Indicator) -> Movement | None:
        """The indicator's latest change of status, if its latest reading differs from the one before."""
        readings = self.readings_of(indicator)
        if len(readings) < 2 or readings[-1].status == readings[-2].status:
            return None
        return Movement(indicator, readings[-2], readings[-1])

    def what_moved(self, limit: int | None = None) -> list[Movement]:
        """The indicators whose latest reading differs from the one before it, latest change first."""
        moved = [m for i in self.indicators.values() if (m := self.movement(i))]
        moved.sort(key=lambda m: (m.after.given_by.sort_key, m.indicator.name.casefold()))
        return moved[:limit]

    def indicators_by_reading(self) -> list[Indicator]:
        """Every indicator, the most recently read first; those never read last, by name."""

        def key(indicator: Indicator) -> tuple:
            latest = self.latest_reading(indicator)
            return (latest is None, latest.given_by.sort_key if latest else (), indicator.name.casefold())

        return sorted(self.indicators.values(), key=key)

    def leverage_of(self, actor: Actor) -> list[LeverageJudgement]:
        """The briefs that judged an actor to have gained or lost leverage, oldest first, with the running balance."""
        return self._leverage.get(actor.id, [])

    # -- groupings for listings ------------------------------------------------------------------------------

    def latest(self, limit: int | None = None) -> list[Brief]:
        return self.briefs[:limit]

    def by_month(self) -> list[tuple[dt.date, list[Brief]]]:
        """Briefs grouped by month, newest month first."""
        return by_month(self.briefs)

    def actors_by_kind(self) -> list[tuple[str, list[Actor]]]:
        """Actors grouped by kind in the vocabulary's order, each group sorted by name."""
        groups = []
        for kind, (_, label) in ACTOR_KINDS.items():
            members = sorted((a for a in self.actors.values() if a.kind == kind), key=lambda a: a.name.casefold())
            if members:
                groups.append((label, members))
        return groups

    @overload
    def by_name(self, folder: Literal["regions"]) -> list[Region]: ...
    @overload
    def by_name(self, folder: Literal["mechanisms"]) -> list[Mechanism]: ...
    @overload
    def by_name(self, folder: Literal["authors"]) -> list[Author]: ...
    @overload
    def by_name(self, folder: str) -> list[Entity]: ...
    def by_name(self, folder: str) -> list[Entity] | list[Region] | list[Mechanism] | list[Author]:
        return sorted(self.entities[folder].values(), key=lambda e: e.name.casefold())

    def tags(self) -> list[tuple[str, list[Brief]]]:
        """Every tag with the briefs carrying it, tags in alphabetical order."""
        return sorted(self._tagged.items(), key=lambda item: item[0].casefold())
