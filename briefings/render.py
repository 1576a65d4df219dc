"""Markdown templates: how generated pages and listings are written, given the catalog's data.

The templates live in `overrides/briefings/` and produce Markdown (with a little inline HTML) that the site
engine then renders like any page, so generated pages get headings, a table of contents, search and link
checking like hand-written ones. Every value a template prints is escaped for both Markdown and HTML unless
it is marked safe, so text from authors always shows as written and never becomes markup.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import posixpath
import re
from pathlib import Path
from typing import Any, Callable
from urllib.parse import quote

import jinja2
from markupsafe import Markup

_WHITESPACE = re.compile(r"\s+")
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")


def escape_text(value: Any) -> Markup:
    """Text as Markdown that renders exactly as the text: HTML-escaped, Markdown syntax backslash-escaped."""
    if isinstance(value, Markup):
        return value
    if value is None:
        return Markup("")
    text = _WHITESPACE.sub(" ", str(value))
    return Markup(_MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(text, quote=True)))


def escape_attribute(value: Any) -> Markup:
    """Text for an HTML attribute or a Markdown link title: HTML-escaped, quotes included."""
    return Markup(html.escape(_WHITESPACE.sub(" ", str(value)).strip(), quote=True))


def relative_link(from_src: str, to_src: str) -> str:
    """The link from one page's source (relative to the docs folder) to another's, as the engine expects it."""
    target, _, anchor = to_src.partition("#")
    path = posixpath.relpath(target, posixpath.dirname(from_src) or ".")
    return f"{path}#{anchor}" if anchor else path


def yaml_string(value: Any) -> Markup:
    """A value for the front matter of a generated page: a JSON string is a valid YAML scalar."""
    return Markup(json.dumps(" ".join(str(value).split()), ensure_ascii=False))


def join_text(items: Any, separator: str = "") -> Markup:
    """`join` that escapes each item as text (Jinja's own would escape for HTML only)."""
    return escape_text(separator).join(escape_text(item) for item in items)


def long_date(value: dt.date) -> str:
    return f"{value.day} {value:%B %Y}"


class Templates:
    """The Markdown templates of a project, with the escaping and filters they rely on."""

    def __init__(self, directory: Path, **functions: Callable):
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(directory),
            autoescape=True,
            finalize=escape_text,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
        )
        self.env.filters.update(
            attr=escape_attribute,
            yaml=yaml_string,
            join=join_text,
            e=escape_text,
            escape=escape_text,
            long_date=long_date,
            month=lambda d: f"{d:%B %Y}",
        )
        self.env.globals.update(functions)

    def render(self, name: str, page: str, **context: Any) -> str:
        """Render template `name` for the page whose source is `page` (links are made relative to it)."""
        def link(target: Any) -> Markup:
            path = relative_link(page, target if isinstance(target, str) else target.src_uri)
            return Markup(quote(path, safe="/#:.-_~"))

        return self.env.get_template(name).render(link=link, page=page, **context)
