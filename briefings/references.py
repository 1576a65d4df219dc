"""Macro calls in a page's text: which actors and indicators it names, and where.

The page text is parsed with the same Jinja syntax the macros plugin uses, so a syntax error, an unknown
macro or an unknown id is found before the site is built, with the line of the call.
"""

from __future__ import annotations

import difflib
import functools
from typing import Iterable, Mapping

import jinja2
from jinja2 import nodes

from .model import Reference
from .problems import Location, Problems

#: Jinja delimiters of the macros plugin; mkdocs.yml sets the same (its comments would otherwise collide with
#: attr_list heading ids such as `## Title {#id}`).
MACRO_SYNTAX = {"comment_start_string": "{##", "comment_end_string": "##}"}

#: Macros that name an entity, by the kind of entity they name.
ENTITY_MACROS = {"actor": "actor", "indicator": "indicator"}

_env = jinja2.Environment(**MACRO_SYNTAX)
_JINJA_GLOBALS = tuple(_env.globals)


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
    if "{{" not in text and "{%" not in text:
        return []
    try:
        tree = _env.parse(text)
    except jinja2.TemplateSyntaxError as exc:
        problems.error(
            Location(path, first_line + (exc.lineno or 1) - 1, 1),
            f"macro syntax error: {exc.message}; a macro call looks like {{{{ actor(\"qatar\") }}}}",
        )
        return []
    lines = text.splitlines()
    macros = macro_names()
    found: list[Reference] = []
    for call in tree.find_all(nodes.Call):
        if not isinstance(call.node, nodes.Name):
            continue
        name = call.node.name
        line = first_line + call.lineno - 1
        source_line = lines[call.lineno - 1] if call.lineno <= len(lines) else ""
        column = source_line.find(name + "(") + 1 or 1
        if name not in macros and name not in _JINJA_GLOBALS:
            close = difflib.get_close_matches(name, macros, n=1)
            tip = f"did you mean '{close[0]}'?" if close else f"the macros are: {', '.join(macros)}"
            problems.error(Location(path, line, column), f"unknown macro '{name}': {tip}")
            continue
        kind = ENTITY_MACROS.get(name)
        if kind is None or not call.args or not isinstance(call.args[0], nodes.Const):
            continue
        entity_id = call.args[0].value
        location = Location(path, line, source_line.find(str(entity_id)) + 1 or column)
        ids = known[kind]
        if entity_id not in ids:
            problems.error(location, unknown_id_message(kind, entity_id, ids))
            continue
        found.append(Reference(kind, entity_id, location))
    return found


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
