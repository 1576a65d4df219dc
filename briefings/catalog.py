"""The catalog: every published brief, actor and indicator, and the indexes between them.

Built once per build by `briefings.loader`, in time linear in the number of briefs; the macros, the generated
pages, the feed and the checker all read it.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from .model import ACTOR_KINDS, Actor, Brief, Indicator
from .problems import Problems


@dataclass
class Catalog:
    actors: dict[str, Actor]
    indicators: dict[str, Indicator]
    briefs: list[Brief]  # published, newest first
    drafts: list[Brief] = field(default_factory=list)
    problems: Problems = field(default_factory=Problems)  # warnings: a catalog is only built without errors

    def __post_init__(self) -> None:
        self.briefs.sort(key=lambda b: b.sort_key)
        self._by_src = {b.src_uri: b for b in self.briefs}
        self._by_actor: dict[str, list[Brief]] = defaultdict(list)
        self._by_indicator: dict[str, list[Brief]] = defaultdict(list)
        self._alongside: dict[str, Counter] = defaultdict(Counter)
        for brief in self.briefs:  # already newest first, so every index is too
            for actor_id in brief.actor_ids:
                self._by_actor[actor_id].append(brief)
            for indicator_id in brief.indicator_ids:
                self._by_indicator[indicator_id].append(brief)
            for a, b in itertools.permutations(brief.actor_ids, 2):
                self._alongside[a][b] += 1

    # -- lookups ---------------------------------------------------------------------------------------------

    def brief(self, src_uri: str) -> Brief | None:
        """The published brief whose source is `src_uri` (relative to the docs folder), if any."""
        return self._by_src.get(src_uri)

    def actors_of(self, brief: Brief) -> list[Actor]:
        return [self.actors[i] for i in brief.actor_ids]

    def indicators_of(self, brief: Brief) -> list[Indicator]:
        return [self.indicators[i] for i in brief.indicator_ids]

    def briefs_naming(self, actor_id: str) -> list[Brief]:
        return self._by_actor.get(actor_id, [])

    def briefs_tracking(self, indicator_id: str) -> list[Brief]:
        return self._by_indicator.get(indicator_id, [])

    def actors_alongside(self, actor_id: str) -> list[tuple[Actor, int]]:
        """The actors named in the same briefs as `actor_id`, most often first."""
        counts = self._alongside.get(actor_id, Counter())
        ranked = sorted(counts.items(), key=lambda item: (-item[1], self.actors[item[0]].name.casefold()))
        return [(self.actors[other], n) for other, n in ranked]

    def indicators_concerning(self, actor_id: str) -> list[Indicator]:
        return [i for i in self.indicators.values() if actor_id in i.actor_ids]

    # -- groupings for listings ------------------------------------------------------------------------------

    def latest(self, limit: int | None = None) -> list[Brief]:
        return self.briefs[:limit]

    def by_month(self) -> list[tuple[dt.date, list[Brief]]]:
        """Published briefs grouped by month, newest month first."""
        return [(month, list(group)) for month, group in itertools.groupby(self.briefs, key=lambda b: b.month)]

    def actors_by_kind(self) -> list[tuple[str, list[Actor]]]:
        """Actors grouped by kind in the vocabulary's order, each group sorted by name."""
        groups = []
        for kind, (_, label) in ACTOR_KINDS.items():
            members = sorted((a for a in self.actors.values() if a.kind == kind), key=lambda a: a.name.casefold())
            if members:
                groups.append((label, members))
        return groups

    def tags(self) -> list[str]:
        return sorted({tag for brief in self.briefs for tag in brief.tags}, key=str.casefold)

    def indicators_by_name(self) -> list[Indicator]:
        return sorted(self.indicators.values(), key=lambda i: i.name.casefold())
