"""Macro calls in a page's text: which actors and indicators it names, and where.

The page text is parsed with the same Jinja syntax the macros plugin uses, so a syntax error, an unknown
macro or an unknown id is found before the site is built, with the line of the call.
"""

from __future__ import annotations

import difflib
import functools
import re
from typing import Iterable, Mapping

import jinja2
from jinja2 import nodes

from .model import Reference
from .problems import Location, Problems

#: Jinja delimiters of the macros plugin; mkdocs.yml sets the same (its comments would otherwise collide with
#: attr_list heading ids such as `## Title {#id}`).
MACRO_SYNTAX = {"comment_start_string": "{##", "comment_end_string": "##}"}

#: The macros that name an entity; the macro's name is the kind of entity it names.
ENTITY_KINDS = ("actor", "indicator")

_env = jinja2.Environment(**MACRO_SYNTAX)
_JINJA_GLOBALS = tuple(_env.globals)
_JINJA_STARTS = ("{{", "{%", MACRO_SYNTAX["comment_start_string"])

# The plain form nearly every call takes, {{ actor("qatar") }} or {{ actor("qatar", "the hosts") }}: read
# directly, which is many times faster than Jinja's parser. Whatever else the text holds goes to the parser.
_PLAIN_CALL = re.compile(
    r"""\{\{-?[ \t]*(?P<name>[A-Za-z_]\w*)\([ \t]*(?P<q>["'])(?P<id>[^"'\\\n]*)(?P=q)[ \t]*"""
    r"""(?:,[ \t]*(?P<q2>["'])[^"'\\\n]*(?P=q2)[ \t]*)?\)[ \t]*-?\}\}"""
)

_COMMENT = re.compile(re.escape(MACRO_SYNTAX["comment_start_string"]) + ".*?" + re.escape(MACRO_SYNTAX["comment_end_string"]), re.S)


def find_references(
    text: str,
    path: str,
    first_line: int,
    problems: Problems,
    known: Mapping[str, Iterable[str]],
) -> list[Reference]:
    """The entity references in `text` (lines counted from `first_line` of file `path`).

    `known` maps an entity kind to its known ids. Syntax errors, unknown macros and unknown ids go to `problems`.
    """
    if not any(start in text for start in _JINJA_STARTS):
        return []
    lines = text.splitlines()
    calls: list[tuple[str, object, int]] = []  # (macro, first argument or None, 1-based line in text)

    def plain(match: re.Match) -> str:
        calls.append((match["name"], match["id"], text.count("\n", 0, match.start()) + 1))
        return " " * len(match[0])

    # Comments are blanked out first (keeping their line breaks); with blocks such as {% raw %} about, the
    # parser reads everything.
    rest = _COMMENT.sub(lambda m: re.sub(r"[^\n]", " ", m[0]), text)
    if "{%" not in rest:
        rest = _PLAIN_CALL.sub(plain, rest)
    if any(start in rest for start in _JINJA_STARTS):
        try:
            tree = _env.parse(rest)
        except jinja2.TemplateSyntaxError as exc:
            problems.error(
                Location(path, first_line + (exc.lineno or 1) - 1, 1),
                f"macro syntax error: {exc.message}; a macro call looks like {{{{ actor(\"qatar\") }}}}",
            )
            return []
        for call in tree.find_all(nodes.Call):
            if isinstance(call.node, nodes.Name):
                first = call.args[0].value if call.args and isinstance(call.args[0], nodes.Const) else None
                calls.append((call.node.name, first, call.lineno))

    found: list[Reference] = []
    for name, first, lineno in sorted(calls, key=lambda c: c[2]):
        source_line = lines[lineno - 1] if lineno <= len(lines) else ""
        location = Location(path, first_line + lineno - 1, source_line.find(name + "(") + 1 or 1)
        if reference := _judge(name, first, location, source_line, problems, known):
            found.append(reference)
    return found


def _judge(name, first, location, source_line, problems, known) -> Reference | None:
    """The reference a call makes, if it names a known entity; otherwise report what is wrong with it."""
    macros = macro_names()
    if name not in macros and name not in _JINJA_GLOBALS:
        close = difflib.get_close_matches(name, macros, n=1)
        tip = f"did you mean '{close[0]}'?" if close else f"the macros are: {', '.join(macros)}"
        problems.error(location, f"unknown macro '{name}': {tip}")
        return None
    if name not in ENTITY_KINDS or first is None:
        return None
    at = Location(location.path, location.line, source_line.find(str(first)) + 1 or location.column)
    if first not in known[name]:
        problems.error(at, unknown_id_message(name, first, known[name]))
        return None
    return Reference(name, first, at)


@functools.cache
def macro_names() -> tuple[str, ...]:
    """Every macro the site defines (the public methods of `briefings.macros.Macros`)."""
    from .macros import Macros  # imported here: the macros use this module's messages

    return tuple(name for name in vars(Macros) if not name.startswith("_"))


def unknown_id_message(kind: str, entity_id: object, ids: Iterable[str]) -> str:
    """`unknown actor 'qatr': did you mean 'qatar'?` — shared by every check of an id."""
    close = difflib.get_close_matches(str(entity_id), list(ids), n=3, cutoff=0.5)
    file = f"data/{kind}s.yml"
    if close:
        tip = "did you mean " + " or ".join(f"'{c}'" for c in close) + "?"
    else:
        tip = f"add it to {file} or use an id defined there"
    return f"unknown {kind} '{entity_id}': {tip}"
