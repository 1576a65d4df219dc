"""A page's front matter: split from its body, read as YAML, and refused any template syntax.

Front matter is shown as data and never run, so `{{`, `{%` and `{##` in it are errors.
"""

from __future__ import annotations

import re
from typing import Any

from . import schema
from .calls import COMMENT_START
from .problems import Location, Problems
from .yamldoc import YamlDocument, parse_yaml

_FENCE = re.compile(r"^(?:---|\.\.\.)\s*$")
_TEMPLATE_SYNTAX = ("{{", "{%", COMMENT_START)


def split_front_matter(text: str) -> tuple[str, str, int] | None:
    """(front matter, body, line number of the body's first line), or None if the text has no front matter."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        return None
    for n, line in enumerate(lines[1:], start=1):
        if _FENCE.match(line):
            return "".join(lines[1:n]), "".join(lines[n + 1 :]), n + 2
    return None


def read_front_matter(
    text: str, rel: str, problems: Problems, *, required: bool
) -> tuple[YamlDocument | None, str, int]:
    """The front matter of the page `rel` (None if it has none, or none usable), its body and the line the body
    starts on. `required`: a page without front matter is an error (a brief's)."""
    parts = split_front_matter(text)
    if parts is None:
        if required:
            problems.error(
                Location(rel),
                "no front matter: a brief starts with a line '---', its fields (title, date, summary, actors), "
                "then another '---'",
            )
        return None, text, 1
    front, body, body_line = parts
    doc = parse_yaml(front, rel, problems, first_line=2)
    if doc is not None and not isinstance(doc.value, dict):
        problems.error(Location(rel, 2), "the front matter must be fields written as 'name: value', one per line")
        doc = None
    if doc is not None:
        _refuse_template_syntax(doc, doc.value, (), problems)
    return doc, body, body_line


def _refuse_template_syntax(doc: YamlDocument, value: Any, where: tuple, problems: Problems) -> None:
    if isinstance(value, dict):
        for key, item in value.items():
            _refuse_template_syntax(doc, item, where + (key,), problems)
    elif isinstance(value, list):
        for n, item in enumerate(value):
            _refuse_template_syntax(doc, item, where + (n,), problems)
    elif isinstance(value, str) and (found := next((s for s in _TEMPLATE_SYNTAX if s in value), None)):
        problems.error(
            doc.locate(where),
            f"'{schema.field_name(where)}' contains '{found}': front matter may not contain {{{{, {{% or "
            f"{COMMENT_START}, which the site would read as a template; reword it",
        )
