"""What a change of the project does for readers: two catalogs compared (`compare`); the comparison as Markdown
for a pull request, which `briefings diff REF` prints, is `briefings.changes_markdown`'s.

Both are pure functions: `briefings diff` reads the project as it was at REF with `briefings.since` and the
project as it is with `load_project`, like `check --since`. Only what readers see counts: the published briefs
(drafts and scheduled briefs are in `Catalog.left_out`), where each indicator stands, the leverage judgements,
the entities of every kind (`KINDS`), the briefs scheduled and the redirects. A brief is known by its address,
so a brief turned from a file into a folder with its images has not moved.

"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass

from .catalog import Catalog
from .kinds import BY_FOLDER, KINDS, EntityKind
from .model import Brief, Entity, Indicator, Leverage, LeverageJudgement, Reading
from .urls import page_url

#: The fields of a brief that are not what readers read (or that a part of its own shows).
_BRIEF_BOOKKEEPING = {"src_uri", "source", "title_at", "words", "draft", "text_digest"}
#: The fields of an entity that are not what readers read.
_ENTITY_BOOKKEEPING = {"id", "source"}


@dataclass(frozen=True)
class Edit:
    """One field that differs between two versions of a brief or an entity."""

    field: str
    before: object = None
    after: object = None


@dataclass(frozen=True)
class BriefChange:
    """A brief as it is now (`after`) and as it was (`before`), with what differs; either is None for a brief
    added or removed."""

    before: Brief | None
    after: Brief | None
    edits: tuple[Edit, ...] = ()

    @property
    def brief(self) -> Brief:
        brief = self.after or self.before
        assert brief is not None, "a change has the brief on one side at least"
        return brief


@dataclass(frozen=True)
class ReadingMove:
    """An indicator whose standing (its latest reading's status) is not what it was."""

    indicator: Indicator
    before: Reading | None
    after: Reading | None


@dataclass(frozen=True)
class LeverageAdded:
    actor: Entity
    judgement: LeverageJudgement


@dataclass(frozen=True)
class EntityChange:
    before: Entity | None
    after: Entity | None
    edits: tuple[Edit, ...] = ()

    @property
    def entity(self) -> Entity:
        entity = self.after or self.before
        assert entity is not None, "a change has the entity on one side at least"
        return entity


@dataclass(frozen=True)
class KindChanges:
    """What changed among the entities of one kind."""

    kind: EntityKind
    added: tuple[EntityChange, ...] = ()
    changed: tuple[EntityChange, ...] = ()
    renamed: tuple[EntityChange, ...] = ()  # an id removed whose page a redirect sends to an id added
    removed: tuple[EntityChange, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.added or self.changed or self.renamed or self.removed)


@dataclass(frozen=True)
class Changes:
    added: tuple[BriefChange, ...] = ()
    changed: tuple[BriefChange, ...] = ()
    moved: tuple[BriefChange, ...] = ()  # an address removed that a redirect sends to an address added
    removed: tuple[BriefChange, ...] = ()
    scheduled: tuple[Brief, ...] = ()  # newly scheduled, or for another day than before
    readings: tuple[ReadingMove, ...] = ()
    leverage: tuple[LeverageAdded, ...] = ()
    kinds: tuple[KindChanges, ...] = ()  # one per kind, in the order of KINDS
    redirects: tuple[tuple[str, str], ...] = ()  # added or changed: (old address, new address)

    def __bool__(self) -> bool:
        return any(getattr(self, f.name) for f in dataclasses.fields(self) if f.name != "kinds") or any(self.kinds)


# -- comparing -----------------------------------------------------------------------------------------------


def compare(before: Catalog, after: Catalog) -> Changes:
    """What `after` changes for readers, compared with `before`."""
    old = {page_url(b.src_uri): b for b in before.briefs}
    new = {page_url(b.src_uri): b for b in after.briefs}
    gone = [address for address in old if address not in new]
    came = [address for address in new if address not in old]
    moved_to = {address: after.redirects[address] for address in gone if after.redirects.get(address) in came}
    renamed_to = {address: new[target] for address, target in moved_to.items()}

    added = tuple(BriefChange(None, new[a]) for a in came if a not in moved_to.values())
    removed = tuple(BriefChange(old[a], None) for a in gone if a not in moved_to)
    kinds = tuple(_kind_changes(kind, before, after) for kind in KINDS)
    renames = {kc.kind.folder: {c.before.id: c.after.id for c in kc.renamed if c.before and c.after} for kc in kinds}
    moved = tuple(BriefChange(old[a], renamed_to[a], _brief_edits(old[a], renamed_to[a], renames)) for a in moved_to)
    changed = tuple(
        change
        for a in new
        if a in old
        if (change := BriefChange(old[a], new[a], _brief_edits(old[a], new[a], renames))).edits
    )
    was_named = {
        change.after.id: change.before.id
        for kc in kinds
        if kc.kind.folder == "indicators"
        for change in kc.renamed
        if change.before and change.after  # always, for a rename
    }  # an indicator renamed keeps its history
    readings = tuple(_reading_moves(before, after, was_named))

    # A brief that moved keeps its judgements: compare them at its new address.
    at_now = {b.src_uri: page_url(b.src_uri) for b in before.briefs} | {
        old[a].src_uri: page_url(renamed_to[a].src_uri) for a in moved_to
    }
    actor_was = {
        change.after.id: change.before.id
        for kc in kinds
        if kc.kind.folder == "actors"
        for change in kc.renamed
        if change.before and change.after  # always, for a rename
    }
    leverage = []
    for actor in after.actors.values():
        earlier = before.actors.get(actor_was.get(actor.id, actor.id))
        judged = {(at_now[j.brief.src_uri], j.gained) for j in (before.leverage_of(earlier) if earlier else ())}
        leverage += [
            LeverageAdded(actor, j)
            for j in after.leverage_of(actor)
            if (page_url(j.brief.src_uri), j.gained) not in judged
        ]
    leverage.sort(key=lambda item: (item.judgement.brief.sort_key, item.actor.name.casefold()))

    was_scheduled = {(page_url(b.src_uri), b.date) for b in before.scheduled()}
    scheduled = tuple(b for b in after.scheduled() if (page_url(b.src_uri), b.date) not in was_scheduled)
    redirects = tuple(
        (old_address, new_address)
        for old_address, new_address in after.redirects.items()
        if before.redirects.get(old_address) != new_address
    )
    return Changes(
        added=_by_date(added),
        changed=_by_date(changed),
        moved=_by_date(moved),
        removed=_by_date(removed),
        scheduled=scheduled,
        readings=readings,
        leverage=tuple(leverage),
        kinds=kinds,
        redirects=redirects,
    )


def _by_date(changes: Iterable[BriefChange]) -> tuple[BriefChange, ...]:
    return tuple(sorted(changes, key=lambda change: change.brief.sort_key))


def _brief_edits(before: Brief, after: Brief, renames: dict[str, dict[str, str]]) -> tuple[Edit, ...]:
    """What differs between two versions of a brief, as readers see it: its title, date and text first, then
    every other field of its front matter (each kind of entity it names counting as one). An id renamed
    (`renames`: by the folder of its kind, old id -> new id) is not a change of the brief."""
    if any(renames.values()):
        before = _with_new_ids(before, renames)
    edits = []
    for name in ("title", "date"):
        if getattr(before, name) != getattr(after, name):
            edits.append(Edit(name, getattr(before, name), getattr(after, name)))
    if before.text_digest != after.text_digest:
        edits.append(Edit("text", before.words, after.words))
    for f in dataclasses.fields(Brief):
        if f.name in _BRIEF_BOOKKEEPING or f.name in ("title", "date", "named"):
            continue
        if getattr(before, f.name) != getattr(after, f.name):
            edits.append(Edit(f.name, getattr(before, f.name), getattr(after, f.name)))
    for folder in dict.fromkeys([*before.named, *after.named]):
        if before.ids(folder) != after.ids(folder):
            edits.append(Edit(folder, before.ids(folder), after.ids(folder)))
    return tuple(edits)


def _with_new_ids(brief: Brief, renames: dict[str, dict[str, str]]) -> Brief:
    """A brief as it would read with the renamed ids: what it names, its leverage and its readings."""

    def new(folder: str, ids: Iterable[str]) -> tuple[str, ...]:
        return tuple(renames.get(folder, {}).get(i, i) for i in ids)

    return dataclasses.replace(
        brief,
        named={folder: new(folder, ids) for folder, ids in brief.named.items()},
        leverage=Leverage(new("actors", brief.leverage.gains), new("actors", brief.leverage.loses)),
        readings=tuple(
            dataclasses.replace(r, indicator_id=new("indicators", [r.indicator_id])[0]) for r in brief.readings
        ),
    )


def _entity_edits(kind: EntityKind, before: Entity, after: Entity, renames: dict[str, str]) -> tuple[Edit, ...]:
    """What differs between two versions of an entity: each field of its model but its id. An id it refers to
    that was renamed (`renames`: old -> new, among the kinds its entries may refer to) is not a change."""

    def value(entity: Entity, name: str, *, was: bool = False) -> object:
        found = getattr(entity, name, None)
        if was and renames and isinstance(found, tuple) and all(isinstance(i, str) for i in found):
            return tuple(renames.get(i, i) for i in found)
        return found

    return tuple(
        Edit(f.name, getattr(before, f.name, None), getattr(after, f.name))
        for f in dataclasses.fields(after)
        if f.name not in _ENTITY_BOOKKEEPING and value(before, f.name, was=True) != value(after, f.name)
    )


def _renamed(kind: EntityKind, before: Catalog, after: Catalog) -> dict[str, Entity]:
    """The entities of a kind whose id changed, by their old id: an id removed whose page a redirect of `after`
    sends to the page of an id added."""
    old, new = before.entities.get(kind.folder, {}), after.entities.get(kind.folder, {})
    address_of = {page_url(e.src_uri): e for i, e in new.items() if i not in old}
    return {
        i: target
        for i, e in old.items()
        if i not in new
        if (target := address_of.get(after.redirects.get(page_url(e.src_uri), "")))
    }


def _kind_changes(kind: EntityKind, before: Catalog, after: Catalog) -> KindChanges:
    old, new = before.entities.get(kind.folder, {}), after.entities.get(kind.folder, {})
    renamed = _renamed(kind, before, after)
    renamed_ids = {e.id for e in renamed.values()}
    referred = {
        o: e.id
        for folder in set(kind.references.values())
        for o, e in _renamed(BY_FOLDER[folder], before, after).items()
    }

    def change(was: Entity, now: Entity) -> EntityChange:
        return EntityChange(was, now, _entity_edits(kind, was, now, referred))

    return KindChanges(
        kind,
        added=tuple(EntityChange(None, e) for i, e in new.items() if i not in old and i not in renamed_ids),
        changed=tuple(c for i, e in new.items() if i in old if (c := change(old[i], e)).edits),
        renamed=tuple(change(old[i], e) for i, e in renamed.items()),
        removed=tuple(EntityChange(e, None) for i, e in old.items() if i not in new and i not in renamed),
    )


def _reading_moves(before: Catalog, after: Catalog, was_named: dict[str, str]) -> Iterable[ReadingMove]:
    for indicator in after.indicators.values():
        earlier = before.indicators.get(was_named.get(indicator.id, indicator.id))
        was = before.latest_reading(earlier) if earlier else None
        now = after.latest_reading(indicator)
        if (was and was.status) != (now and now.status):
            yield ReadingMove(indicator, was, now)
