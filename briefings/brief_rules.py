"""The rules one brief follows, each family a function of the brief's front matter or text: the ids it
lists, the judgements it records, the ids its text names, its house headings, and what a published brief
may no longer lack. Each reports what it finds to `problems`, with its place."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from typing import Any

from .calls import Reference
from .kinds import BY_FOLDER, KINDS, EntityKind
from .links import heading_text
from .model import HOUSE_HEADINGS, Reading
from .problems import Location, Problems, TextLines
from .sources import BRIEF_FILE_NAME, Source
from .yamldoc import YamlDocument

#: What `briefings new brief` writes where the author's text is to go.
PLACEHOLDER = "TODO"
_PLACEHOLDER = re.compile(rf"\b{PLACEHOLDER}\b")
_HEADING = re.compile(r"^##[ \t]+(.+)$", re.M)  # its text is then read by `heading_text`


def check_file_name(source: Source, problems: Problems) -> None:
    if not BRIEF_FILE_NAME.match(source.slug + ".md"):
        named = "file name" if source.path.name != "index.md" else "folder's name"
        problems.error(
            Location(source.rel),
            f"a brief's {named} becomes its address: use lowercase letters, digits and hyphens, e.g. doha-talks.md",
        )


def check_listed(doc: YamlDocument, known: dict, problems: Problems) -> dict[str, set[str]]:
    """The ids each kind's list names, every one defined in its data file; returns them, by kind's folder."""
    listed: dict[str, set[str]] = {}
    for kind in KINDS:
        ids = doc.value.get(kind.folder) or []
        listed[kind.folder] = set(ids) if isinstance(ids, list) else set()
        for n, entity_id in enumerate(ids if isinstance(ids, list) else []):
            if isinstance(entity_id, str) and entity_id not in known[kind.folder]:
                problems.error(
                    doc.locate((kind.folder, n)), kind.unknown(entity_id, known[kind.folder]), causes=(kind.data_file,)
                )
    return listed


def check_judgements(doc: YamlDocument, listed: dict[str, set[str]], known: dict, problems: Problems) -> None:
    """Leverage names actors, readings indicators, that the brief lists (`EntityKind.judged_in`); an actor
    gains or loses leverage, not both."""
    for kind in KINDS:
        for where in kind.judged_in:
            _check_judged(doc, where, kind, listed, known, problems)
    leverage = doc.value.get("leverage")
    if not isinstance(leverage, dict):
        return
    gains, loses = (ids if isinstance(ids := leverage.get(side), list) else [] for side in ("gains", "loses"))
    for n, actor_id in enumerate(loses):
        if actor_id in gains:
            problems.error(
                doc.locate(("leverage", "loses", n)),
                f"'{actor_id}' is in both 'leverage.gains' and 'leverage.loses': a brief judges that an actor "
                "gains or loses leverage, not both; remove it from one of them",
            )


def _check_judged(
    doc: YamlDocument, where: tuple[str, ...], kind: EntityKind, listed: dict, known: dict, problems: Problems
) -> None:
    """An id the brief does not list is reported as unknown if no data file defines it (not as one to list),
    else as one to list."""
    value: Any = doc.value
    for key in where:
        value = value.get(key) if isinstance(value, dict) else None
    ids = value if isinstance(value, list) else list(value) if isinstance(value, dict) else []
    for n, entity_id in enumerate(ids):
        if not isinstance(entity_id, str) or entity_id in listed[kind.folder]:
            continue
        at = doc.locate((*where, entity_id if isinstance(value, dict) else n))
        if entity_id not in known[kind.folder]:
            problems.error(at, kind.unknown(entity_id, known[kind.folder]), causes=(kind.data_file,))
            continue
        what = (
            f"a reading of the {kind.name} '{entity_id}'"
            if where == ("readings",)
            else f"'{'.'.join(where)}' names the {kind.name} '{entity_id}'"
        )
        problems.error(
            at,
            f"{what}, which the brief's '{kind.folder}' does not list: "
            + _closest(entity_id, listed[kind.folder], kind.folder),
        )


def check_text_names(references: Iterable[Reference], listed: dict[str, set[str]], problems: Problems) -> None:
    """Every entity the text links with a macro is listed in the front matter, so that its page lists the brief."""
    for ref in references:
        if ref.id not in listed[ref.folder]:
            kind = BY_FOLDER[ref.folder]
            problems.error(
                ref.location,
                f"the text names the {kind.name} '{ref.id}', which the front matter does not list: "
                f"add it to '{kind.folder}' so that its page lists this brief",
            )


def check_headings(
    body: str, rel: str, body_line: int, problems: Problems, headings: tuple[str, ...] = HOUSE_HEADINGS
) -> None:
    """The five house headings (of the brief's language: `headings`), each once, spelt right, in order."""
    # Backticks hide no heading: Markdown finds headings before it pairs backticks into code.
    lines = TextLines(body, rel, body_line)
    found: list[tuple[int, str]] = []  # (line, house heading it stands for)
    for match in _HEADING.finditer(body):
        line = lines.location(match.start()).line
        heading = heading_text(match.group(1))
        if heading in headings:
            found.append((line, heading))
            continue
        close = difflib.get_close_matches(heading, headings, n=1, cutoff=0.75)
        if close:
            problems.error(
                Location(rel, line), f"the house heading '## {heading}' is misspelt: did you mean '## {close[0]}'?"
            )
            found.append((line, close[0]))
    present = {heading for _, heading in found}
    order = "; ".join(headings)
    for n, heading in enumerate(headings):
        if heading not in present:
            after = next((h for h in reversed(headings[:n]) if h in present), None)
            line = next((line for line, h in found if h == after), body_line) if after else body_line
            where = f" after '## {after}'" if after else ""
            problems.error(
                Location(rel, line),
                f"missing the house heading '## {heading}'{where}: a brief has five sections, in this order: {order}",
            )
    latest = (-1, "")
    for line, heading in found:
        rank = headings.index(heading)
        if rank < latest[0]:
            problems.error(
                Location(rel, line),
                f"the house heading '## {heading}' comes after '## {latest[1]}': put the sections in this order: {order}",
            )
        else:
            latest = (rank, heading)


def check_publishable(doc: YamlDocument, body: str, rel: str, body_line: int, problems: Problems) -> None:
    """What a draft may still lack: an actor, and the text in place of the template's placeholders."""
    meta = doc.value
    if isinstance(meta.get("actors"), list) and not meta["actors"]:
        problems.error(
            doc.locate(("actors",)),
            "'actors' must not be empty (the ids of the actors the brief names, from data/actors.yml)",
        )
    check_placeholders(doc, body, rel, body_line, problems)


def check_placeholders(
    doc: YamlDocument, body: str, rel: str, body_line: int, problems: Problems, *, fix: str = ""
) -> None:
    """The text written in place of the placeholders of `briefings new brief` (a brief's or a translation's)."""
    fix = fix or "or keep 'draft: true' until the brief is ready"
    for key in ("title", "summary"):
        if isinstance(doc.value.get(key), str) and _PLACEHOLDER.search(doc.value[key]):
            problems.error(doc.locate((key,)), _placeholder_message(key, fix))
    for match in _PLACEHOLDER.finditer(body):
        line = body_line + body.count("\n", 0, match.start())
        problems.error(Location(rel, line), _placeholder_message("the text", fix))
        break


def names_an_entity(path: tuple) -> bool:
    """Whether a place in a brief's front matter holds the id of an entity, which the loader checks against the
    data ("did you mean"): an item of a kind's list, or of the leverage's."""
    return (
        len(path) == 2
        and path[0] in BY_FOLDER
        or len(path) == 3
        and path[0] == "leverage"
        and path[1] in ("gains", "loses")
    )


def reading(indicator_id: str, value: str | dict) -> Reading:
    """A valid reading: the status alone, or a mapping with a status and perhaps a note."""
    if isinstance(value, str):
        return Reading(indicator_id, value)
    note = value.get("note")
    return Reading(indicator_id, value["status"], " ".join(note.split()) if note else None)


def _closest(wrong: str, ids: set[str], field_name: str) -> str:
    """The end of a message about an id a brief uses without listing it: the closest id it lists, or the fix."""
    close = difflib.get_close_matches(wrong, sorted(i for i in ids if isinstance(i, str)), n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else f"add it to '{field_name}'"


def _placeholder_message(where: str, fix: str) -> str:
    return f"{where} still holds a {PLACEHOLDER} placeholder from the template: write the text, {fix}"


#: What a translation holding a placeholder is told: it has no `draft` of its own.
TRANSLATION_PLACEHOLDER_FIX = (
    "or keep the translation out of the docs folder until it is ready (it is published with its original)"
)


def check_translation_text(
    body: str,
    rel: str,
    body_line: int,
    headings: tuple[str, ...],
    original: dict[str, Any],
    references,
    problems: Problems,
) -> None:
    """A translation's body (briefings.translations): the house headings of its language (`headings`), and
    macro calls (`references`) naming only what its original (front matter `original`) lists: the same calls
    as the original's, which link to the entity's page in the translation's language."""
    listed = {kind.folder: original.get(kind.folder) for kind in KINDS}
    check_text_names(
        references, {f: set(ids) if isinstance(ids, list) else set() for f, ids in listed.items()}, problems
    )
    check_headings(body, rel, body_line, problems, headings)
