"""What a change of the project does for readers, as Markdown for a pull request (`markdown`), which `briefings
diff REF` prints: the comparison of two catalogs (`briefings.changes.compare`) in tables of at most MAX_ROWS rows.

Every value that comes from the content (titles, names, ids, messages) is escaped for where it lands in the
Markdown: a table's cell (`text`, `code`) or a fenced block (`fenced`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence

from .changes import Changes, Edit
from .model import Brief, Reading
from .problems import Problem
from .urls import page_url

#: How many rows a part shows before "and N more".
MAX_ROWS = 20
#: How many characters of a title, name or message a cell shows.
MAX_TEXT = 160


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
