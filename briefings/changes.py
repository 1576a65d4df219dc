"""What a change of the project does for readers: two catalogs compared (`compare`), and the comparison as
Markdown for a pull request (`markdown`), which `briefings diff REF` prints.

Both are pure functions: `briefings diff` reads the project as it was at REF with `briefings.since` and the
project as it is with `load_project`, like `check --since`. Only what readers see counts: the published briefs
(drafts and scheduled briefs are in `Catalog.left_out`), where each indicator stands, the leverage judgements,
the entities of every kind (`KINDS`), the briefs scheduled and the redirects. A brief is known by its address,
so a brief turned from a file into a folder with its images has not moved.

Every value that comes from the content (titles, names, ids, messages) is escaped for where it lands in the
Markdown: a table's cell (`text`, `code`) or a fenced block (`fenced`).
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from dataclasses import dataclass
from typing import Iterable, Sequence

from .catalog import Catalog
from .kinds import BY_FOLDER, KINDS, EntityKind
from .model import Brief, Entity, Indicator, Leverage, LeverageJudgement, Reading
from .problems import Problem
from .urls import page_url

#: How many rows a part shows before "and N more".
MAX_ROWS = 20
#: How many characters of a title, name or message a cell shows.
MAX_TEXT = 160

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


# -- Markdown ------------------------------------------------------------------------------------------------

#: What Markdown (GitHub's included: tables, strikethrough, maths) reads as syntax in running text.
_SYNTAX = re.compile(r"([\\`*_{}\[\]()#+!|~$])")


def text(value: object) -> str:
    """Author text for a table's cell: on one line, at most `MAX_TEXT` characters, with Markdown's syntax
    escaped and `<`, `>` and `&` as entities, so that it shows as written and can neither end the cell, nor
    make a link, an image, emphasis or HTML."""
    plain = " ".join("".join(c for c in str(value) if unicodedata.category(c) != "Cc" or c in "\t\n\r").split())
    if len(plain) > MAX_TEXT:
        plain = plain[: MAX_TEXT - 1] + "…"
    plain = plain.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _SYNTAX.sub(r"\\\1", plain)


def code(value: object) -> str:
    """An address or an id as code in a cell; as escaped text if it holds what would end the code or the cell."""
    plain = str(value)
    if plain and plain.isprintable() and not any(c in plain for c in "`|") and len(plain) <= MAX_TEXT:
        return f"`{plain}`"
    return text(plain)


def fenced(lines: Sequence[str]) -> list[str]:
    """Lines as a fenced block of plain text, fenced by more backticks than any run they hold."""
    one_line = [" ".join(line.split()) for line in lines]
    longest = max((len(run) for line in one_line for run in re.findall(r"`+", line)), default=0)
    fence = "`" * max(3, longest + 1)
    return [fence + "text", *one_line, fence]


def markdown(changes: Changes | None, ref: str, errors: Sequence[Problem] = ()) -> str:
    """The comparison with `ref` for a pull request: a heading per part that is not empty, with its count,
    and at most `MAX_ROWS` rows each. `changes` is None when the project has errors and cannot be compared;
    `errors` are the problems the check finds."""
    if not errors and changes is not None and not changes:
        return f"Nothing changes for readers compared with {code(ref)}.\n"
    lines = [f"## What this change does for readers, compared with {code(ref)}", ""]
    if errors:
        shown = [str(problem) for problem in errors[:MAX_ROWS]]
        more = (
            [f"and {len(errors) - MAX_ROWS} more: run 'briefings check' for every one"]
            if len(errors) > MAX_ROWS
            else []
        )
        lines += [f"### Errors from the check ({len(errors)})", "", *fenced(shown + more), ""]
    if changes is None:
        lines += ["What the change does for readers is shown once the check finds no error.", ""]
        return "\n".join(lines)
    for title, header, rows in _parts(changes):
        if rows:
            lines += _table(f"{title} ({len(rows)})", header, rows)
    return "\n".join(lines)


def _table(title: str, header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    lines = [f"### {title}", "", "| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows[:MAX_ROWS]]
    if len(rows) > MAX_ROWS:
        lines += ["", f"and {len(rows) - MAX_ROWS} more"]
    return lines + [""]


def _brief(brief: Brief) -> str:
    return text(brief.title)


def _address(src_uri: str) -> str:
    return code(page_url(src_uri))


def _parts(changes: Changes) -> Iterable[tuple[str, Sequence[str], list[list[str]]]]:
    yield (
        "Briefs added",
        ("Brief", "Address", "Date"),
        [[_brief(c.brief), _address(c.brief.src_uri), str(c.brief.date)] for c in changes.added],
    )
    yield (
        "Briefs changed",
        ("Brief", "Address", "What changed"),
        [[_brief(c.brief), _address(c.brief.src_uri), _edits(c.edits)] for c in changes.changed],
    )
    yield (
        "Briefs moved",
        ("Brief", "From", "To", "What changed"),
        [
            [_brief(c.brief), _address(c.before.src_uri), _address(c.after.src_uri), _edits(c.edits) or "nothing else"]
            for c in changes.moved
            if c.before and c.after
        ],
    )
    yield (
        "Briefs removed",
        ("Brief", "Address"),
        [[_brief(c.brief), _address(c.brief.src_uri)] for c in changes.removed],
    )
    yield (
        "Briefs scheduled",
        ("Brief", "Published on", "Address"),
        [[_brief(b), str(b.date), _address(b.src_uri)] for b in changes.scheduled],
    )
    yield (
        "Readings that move",
        ("Indicator", "Before", "After", "As of"),
        [[text(m.indicator.name), _status(m.before), _status(m.after), _as_of(m.after)] for m in changes.readings],
    )
    yield (
        "Leverage judgements added",
        ("Actor", "Judgement", "Brief"),
        [
            [
                text(item.actor.name),
                "gains leverage" if item.judgement.gained else "loses leverage",
                f"{_brief(item.judgement.brief)} ({_address(item.judgement.brief.src_uri)})",
            ]
            for item in changes.leverage
        ],
    )
    for kc in changes.kinds:
        title = kc.kind.title
        yield (
            f"{title} added",
            ("Name", "Id", "Address"),
            [[text(c.entity.name), code(c.entity.id), _address(c.entity.src_uri)] for c in kc.added],
        )
        yield (
            f"{title} changed",
            ("Name", "Address", "What changed"),
            [[text(c.entity.name), _address(c.entity.src_uri), _edits(c.edits)] for c in kc.changed],
        )
        yield (
            f"{title} renamed",
            ("Name", "From", "To", "What changed"),
            [
                [
                    text(c.entity.name),
                    _address(c.before.src_uri),
                    _address(c.after.src_uri),
                    _edits(c.edits) or "nothing else",
                ]
                for c in kc.renamed
                if c.before and c.after
            ],
        )
        yield (
            f"{title} removed",
            ("Name", "Address"),
            [[text(c.entity.name), _address(c.entity.src_uri)] for c in kc.removed],
        )
    yield "Redirects added", ("From", "To"), [[code(old), code(new)] for old, new in changes.redirects]


def _status(reading: Reading | None) -> str:
    return reading.label if reading else "not read"


def _as_of(reading: Reading | None) -> str:
    brief = reading.brief if reading else None
    return f"{_brief(brief)} ({_address(brief.src_uri)})" if brief else "no published brief reads it now"


def _edits(edits: Sequence[Edit]) -> str:
    """What changed, for a cell: a title, a name or a date with its values, the text with its length, and the
    other fields by name."""
    parts = []
    for edit in edits:
        if edit.field in ("title", "name", "date"):
            parts.append(f"{edit.field}: {text(edit.before)} → {text(edit.after)}")
        elif edit.field == "text":
            words = edit.after if edit.before == edit.after else f"{edit.before} → {edit.after}"
            parts.append(f"text ({words} words)")
        else:
            parts.append(text(edit.field.replace("_ids", "").replace("_", " ")))
    return "; ".join(parts)
