"""The macro calls in authors' text, read strictly.

Authors' pages are rendered by the macros plugin as Jinja templates, so anything Jinja would evaluate is
checked here first, with the file, line and column of each problem. The text may hold:

- calls of the site's macros with literal arguments: `{{ actor("qatar") }}`, `{{ actor("qatar", "the hosts") }}`,
  `{{ latest_briefs(5) }}`;
- comments, `{## ... ##}`, which never reach the site;
- `{% raw %} ... {% endraw %}`, whose content is shown exactly as written (the documented escape).

Anything else between `{{ }}` or `{% %}` is an error, so no expression, variable, filter or statement of an
author's ever runs. The same reading serves `briefings check` and the build.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from .kinds import KINDS, EntityKind
from .problems import Location, Problems, TextLines


@dataclass(frozen=True)
class MacroSpec:
    name: str
    params: tuple[tuple[str, type, bool], ...]  # (name, type, required)
    example: str
    kind: EntityKind | None = None  # the kind of entity whose id is the first argument

    def mismatch(self, args: list) -> str | None:
        """What is wrong with these literal arguments, or None."""
        required = sum(1 for _, _, needed in self.params if needed)
        if not required <= len(args) <= len(self.params):
            wanted = f"{required} to {len(self.params)}" if required != len(self.params) else str(required)
            return f"{self.name}() takes {wanted} argument{'s' * (wanted != '1')}, not {len(args)}"
        for value, (param, kind, _) in zip(args, self.params):
            if not isinstance(value, kind):
                what = "text in quotes" if kind is str else "a whole number"
                return f"the argument '{param}' of {self.name}() must be {what}"
        return None


def _entity_spec(kind: EntityKind) -> MacroSpec:
    return MacroSpec(kind.name, (("id", str, True), ("text", str, False)), f'{{{{ {kind.name}("an-id") }}}}', kind)


MACROS: dict[str, MacroSpec] = {
    **{kind.name: _entity_spec(kind) for kind in KINDS},
    "latest_briefs": MacroSpec("latest_briefs", (("limit", int, False),), "{{ latest_briefs(10) }}"),
    "briefs_by_month": MacroSpec("briefs_by_month", (), "{{ briefs_by_month() }}"),
    "what_moved": MacroSpec("what_moved", (("limit", int, False),), "{{ what_moved(5) }}"),
}


#: Jinja delimiters, as mkdocs.yml sets them for the macros plugin: `{#` starts attr_list heading ids
#: (`## Title {#id}`), so comments are `{## ... ##}`.
COMMENT_START, COMMENT_END = "{##", "##}"
MACRO_SYNTAX = {"comment_start_string": COMMENT_START, "comment_end_string": COMMENT_END}

_OPENING = re.compile(r"\{\{|\{%|" + re.escape(COMMENT_START))
_CALL = re.compile(r"\{\{-?[ \t]*(?P<name>[A-Za-z_]\w*)[ \t]*\((?P<args>[^()\n]*)\)[ \t]*-?\}\}")
_ARGUMENT = re.compile(r"""[ \t]*(?:"(?P<double>[^"\\\n]*)"|'(?P<single>[^'\\\n]*)'|(?P<number>-?\d+))[ \t]*(?:,|$)""")
_RAW = re.compile(r"\{%-?[ \t]*raw[ \t]*-?%\}")
_ENDRAW = re.compile(r"\{%-?[ \t]*endraw[ \t]*-?%\}")
_BLOCK = re.compile(r"\{%.*?%\}", re.S)
_EXPRESSION = re.compile(r"\{\{.*?\}\}", re.S)

_ESCAPE_TIP = "to show braces as written, put them between {% raw %} and {% endraw %}"


@dataclass(frozen=True)
class Reference:
    """A macro call that names an entity: `{{ actor("qatar") }}` names the actor 'qatar'."""

    folder: str  # the folder of the entity's kind, e.g. "actors"
    id: str
    location: Location


@dataclass(frozen=True)
class MacroText:
    """What the macro syntax in one page's text amounts to."""

    references: tuple[Reference, ...] = ()
    templated: bool = False  # holds any macro syntax at all: the macros plugin must render the page


def read_calls(
    text: str,
    path: str,
    first_line: int,
    problems: Problems,
    known: Mapping[str, Iterable[str]],
    memo: dict | None = None,
) -> MacroText:
    """Read `text` (whose first line is line `first_line` of file `path`), reporting every problem.

    `known` maps the folder of each entity kind to its known ids. `memo`, shared by the calls of one
    reading of the project, remembers what each distinct call amounts to: most calls recur in many pages.
    """
    memo = {} if memo is None else memo
    start = _OPENING.search(text)
    if start is None:
        return MacroText()
    references: list[Reference] = []
    where = TextLines(text, path, first_line).location
    # Where the last closing delimiters are: past them, nothing is looked for to the end of the text again and
    # again (thousands of unclosed openings would take minutes).
    last_closing = {"{%": text.rfind("%}"), "{{": text.rfind("}}")}

    while start is not None:
        at = start.start()
        opening = start.group()
        if opening == COMMENT_START:
            end = text.find(COMMENT_END, at + len(COMMENT_START))
            if end < 0:
                problems.error(where(at), f"a comment opened with {COMMENT_START} is never closed with {COMMENT_END}")
                break
            resume = end + len(COMMENT_END)
        elif opening == "{%":
            raw = _RAW.match(text, at)
            if raw:
                endraw = _ENDRAW.search(text, raw.end())
                if endraw is None:
                    problems.error(
                        where(at), "{% raw %} is never closed: add {% endraw %} after the text to show as written"
                    )
                    break
                resume = endraw.end()
            else:
                block = _BLOCK.match(text, at) if last_closing["{%"] >= at + 2 else None
                shown = _shorten(block.group() if block else text[at : at + 40])
                problems.error(
                    where(at),
                    f"'{shown}' is not allowed: the only {{% %}} block authors may use is {{% raw %}}...{{% endraw %}}; "
                    f"{_ESCAPE_TIP}",
                )
                resume = block.end() if block else at + 2
        else:
            call = _CALL.match(text, at)
            if call is None:
                expression = _EXPRESSION.match(text, at) if last_closing["{{"] >= at + 2 else None
                shown = _shorten(expression.group() if expression else text[at : at + 40])
                problems.error(
                    where(at),
                    f"'{shown}' is not a macro call: between {{{{ and }}}} only the site's macros may appear, "
                    f'with literal arguments, as in {{{{ actor("qatar") }}}}; {_ESCAPE_TIP}',
                )
                resume = expression.end() if expression else at + 2
            else:
                key = (call["name"], call["args"])
                if key not in memo:
                    memo[key] = _meaning_of(call["name"], call["args"], known)
                meaning = memo[key]
                location = where(call.start(meaning.anchor) + meaning.offset)
                if meaning.message:
                    problems.error(location, meaning.message, causes=(meaning.cause,) if meaning.cause else ())
                elif meaning.folder:
                    references.append(Reference(meaning.folder, meaning.entity_id, location))
                resume = call.end()
        start = _OPENING.search(text, resume)
    return MacroText(tuple(references), templated=True)


_NEWLINES = re.compile(r"\r\n|\r|\n")


def plain_parts(text: str) -> list | None:
    """The text as parts to copy and macro calls to run, exactly as Jinja would render it, or None if the
    text holds anything beyond plain calls, plain comments and plain raw blocks (no whitespace control).

    This lets the macro sandbox render a checked page without compiling it as a template.
    """
    lines = _NEWLINES.split(text)
    if lines[-1] == "":
        del lines[-1]  # Jinja drops one trailing newline and writes every newline as "\n"
    text = "\n".join(lines)
    parts: list = []
    position = 0
    for start in _OPENING.finditer(text):
        at = start.start()
        if at < position:
            continue  # inside a call, comment or raw block already consumed
        parts.append(text[position:at])
        opening = start.group()
        if opening == COMMENT_START:
            end = text.find(COMMENT_END, at + len(COMMENT_START))
            if end < 0 or text.startswith("-", at + 3) or text[end - 1] == "-":
                return None
            position = end + len(COMMENT_END)
        elif opening == "{%":
            raw = _RAW.match(text, at)
            endraw = _ENDRAW.search(text, raw.end()) if raw else None
            if raw is None or endraw is None or "-" in raw.group() or "-" in endraw.group():
                return None
            parts.append(text[raw.end() : endraw.start()])
            position = endraw.end()
        else:
            call = _CALL.match(text, at)
            args = _arguments(call["args"]) if call else None
            if call is None or args is None or "-" in (text[at + 2], text[call.end() - 3]):
                return None
            parts.append((call["name"], args))
            position = call.end()
    parts.append(text[position:])
    return parts


@dataclass(frozen=True)
class _CallMeaning:
    """What one distinct call amounts to, wherever it is: an error, a reference, or neither."""

    anchor: str  # the part of the call a message points at: "name" or "args"
    offset: int = 0  # from the start of that part
    message: str = ""
    folder: str = ""  # for a reference: the folder of the entity's kind, and its id
    entity_id: str = ""
    cause: str = ""  # the data file that makes it an error, if another file does


def _meaning_of(name: str, args_text: str, known: Mapping[str, Iterable[str]]) -> _CallMeaning:
    spec = MACROS.get(name)
    if spec is None:
        close = difflib.get_close_matches(name, list(MACROS), n=1)
        tip = f"did you mean '{close[0]}'?" if close else f"the macros are: {', '.join(MACROS)}"
        return _CallMeaning("name", message=f"unknown macro '{name}': {tip}")
    args = _arguments(args_text)
    if args is None:
        return _CallMeaning(
            "args",
            message=(
                f"the arguments of {name}() must be literal text in quotes or whole numbers, as in {spec.example}"
            ),
        )
    if message := spec.mismatch(args):
        return _CallMeaning("name", message=f"{message}: write it as {spec.example}")
    if spec.kind is None:
        return _CallMeaning("name")
    entity_id = args[0]
    assert isinstance(entity_id, str), "spec.mismatch checked the id's type"
    ids = known[spec.kind.folder]
    offset = args_text.find(entity_id)
    if entity_id not in ids:
        return _CallMeaning("args", offset, message=spec.kind.unknown(entity_id, ids), cause=spec.kind.data_file)
    return _CallMeaning("args", offset, folder=spec.kind.folder, entity_id=entity_id)


def _arguments(text: str) -> list[str | int] | None:
    """The literal arguments of a call, or None if any of them is not a literal."""
    if not text.strip():
        return []
    args: list[str | int] = []
    position = 0
    while position < len(text):
        match = _ARGUMENT.match(text, position)
        if match is None or match.end() == position:
            return None
        number = match["number"]
        args.append(
            int(number) if number is not None else match["double"] if match["double"] is not None else match["single"]
        )
        position = match.end()
    if text.rstrip().endswith(","):
        return None
    return args


def _shorten(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


__all__ = ["MACROS", "MACRO_SYNTAX", "MacroSpec", "MacroText", "Reference", "plain_parts", "read_calls"]
