"""The catalog: every published brief and entity, and the indexes between them.

Built once per build by `briefings.loader`, in time linear in the number of briefs; the macros, the
generated pages, the feed and the checker all read it.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from .model import ACTOR_KINDS, Actor, Brief, Entity


def tag_slug(tag: str) -> str:
    """The anchor of a tag on the tags page: lowercase ASCII words joined by hyphens."""
    ascii_tag = unicodedata.normalize("NFKD", tag).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_tag.lower()).strip("-") or "tag"


@dataclass
class Catalog:
    entities: dict[str, dict[str, Entity]]  # by the folder of their kind, then by id
    briefs: list[Brief]  # published (and, in the preview, drafts), newest first
    drafts: list[Brief] = field(default_factory=list)  # drafts left out of the site

    def __post_init__(self) -> None:
        self.briefs.sort(key=lambda b: b.sort_key)
        self._by_src = {b.src_uri: b for b in self.briefs}
        self._naming: dict[tuple[str, str], list[Brief]] = defaultdict(list)
        self._alongside: dict[str, Counter] = defaultdict(Counter)
        self._tagged: dict[str, list[Brief]] = defaultdict(list)
        for brief in self.briefs:  # already newest first, so every index is too
            for folder, ids in brief.named.items():
                for entity_id in ids:
                    self._naming[folder, entity_id].append(brief)
            for a, b in itertools.permutations(brief.ids("actors"), 2):
                self._alongside[a][b] += 1
            for tag in brief.tags:
                self._tagged[tag].append(brief)
        self._site_changed = max((b.updated or b.date for b in self.briefs), default=dt.date(1970, 1, 1))

    @property
    def actors(self) -> dict[str, Actor]:
        return self.entities["actors"]  # type: ignore[return-value]

    # -- lookups ---------------------------------------------------------------------------------------------

    def brief(self, src_uri: str) -> Brief | None:
        """The brief whose source is `src_uri` (relative to the docs folder), if it is in the site."""
        return self._by_src.get(src_uri)

    def last_changed(self, src_uri: str) -> dt.date:
        """When a page last changed, as far as the content says, so that two builds of the same content are
        the same site: a brief's update or publication date; for any other page the latest of those, since the
        listings show them (1970-01-01 on a site without briefs)."""
        brief = self.brief(src_uri)
        return (brief.updated or brief.date) if brief else self._site_changed

    def named_by(self, brief: Brief, folder: str) -> list[Entity]:
        """The entities of one kind a brief names, in its front matter's order."""
        entities = self.entities[folder]
        return [entities[i] for i in brief.ids(folder)]

    def briefs_naming(self, entity: Entity) -> list[Brief]:
        """The briefs that name an entity, newest first."""
        return self._naming.get((entity.folder, entity.id), [])

    def actors_alongside(self, actor_id: str) -> list[tuple[Actor, int]]:
        """The actors named in the same briefs as `actor_id`, most often first."""
        counts = self._alongside.get(actor_id, Counter())
        ranked = sorted(counts.items(), key=lambda item: (-item[1], self.actors[item[0]].name.casefold()))
        return [(self.actors[other], n) for other, n in ranked]

    def indicators_concerning(self, actor_id: str) -> list[Entity]:
        return [i for i in self.entities["indicators"].values() if actor_id in i.actor_ids]  # type: ignore[attr-defined]

    # -- groupings for listings ------------------------------------------------------------------------------

    def latest(self, limit: int | None = None) -> list[Brief]:
        return self.briefs[:limit]

    def by_month(self) -> list[tuple[dt.date, list[Brief]]]:
        """Briefs grouped by month, newest month first."""
        return [(month, list(group)) for month, group in itertools.groupby(self.briefs, key=lambda b: b.month)]

    def actors_by_kind(self) -> list[tuple[str, list[Actor]]]:
        """Actors grouped by kind in the vocabulary's order, each group sorted by name."""
        groups = []
        for kind, (_, label) in ACTOR_KINDS.items():
            members = sorted((a for a in self.actors.values() if a.kind == kind), key=lambda a: a.name.casefold())
            if members:
                groups.append((label, members))
        return groups

    def by_name(self, folder: str) -> list[Entity]:
        return sorted(self.entities[folder].values(), key=lambda e: e.name.casefold())

    def tags(self) -> list[tuple[str, list[Brief]]]:
        """Every tag with the briefs carrying it, tags in alphabetical order."""
        return sorted(self._tagged.items(), key=lambda item: item[0].casefold())
