"""The project's own templates, in `briefings/templates/`, behind one loader.

- `pages/`: Markdown (with a little inline HTML) for generated pages and listings, which the site engine
  then renders like any page, so they get headings, a table of contents, search and link checking like
  hand-written ones. Every value is escaped for both Markdown and HTML unless marked safe; `| html` escapes
  it for HTML only, inside raw HTML blocks, and `| attr` for an HTML attribute.
- `feeds/`: Atom XML; every value is escaped for XML.
- `scaffolds/`: new content for authors (`briefings new`), with `[[ ]]` delimiters so that the macro examples
  they contain stay as written.

Values are only ever printed into these templates: text from briefs and data is never a template itself.
"""

from __future__ import annotations

import datetime as dt
import functools
import html
import json
import re
from typing import Any, Callable

import jinja2
from markupsafe import Markup

from .catalog import month_title
from .fragments import Fragments
from .urls import link_from

_WHITESPACE = re.compile(r"\s+")
#: Characters that start Markdown syntax anywhere in a line (emphasis, code, links, attribute lists, headings'
#: closing hashes, table cells), and what may start a block when it opens a line (lists, headings, quotes,
#: setext rules).
_MARKDOWN_INLINE = re.compile(r"([\\`*_{}\[\]#|])")
_MARKDOWN_BLOCK_START = re.compile(r"^(\s*)(?:([-+])|(\d+)([.)])|=)")


def escape_text(value: Any) -> Markup:
    """Text as Markdown that renders exactly as the text: HTML-escaped, and Markdown syntax backslash-escaped
    where it could take effect (escaping every punctuation mark would slow the Markdown engine down for
    nothing)."""
    if isinstance(value, Markup):
        return value
    if value is None:
        return Markup("")
    text = _MARKDOWN_INLINE.sub(r"\\\1", _escape_html(_WHITESPACE.sub(" ", str(value))))
    return Markup(_MARKDOWN_BLOCK_START.sub(_escape_block_start, text))


def _escape_block_start(match: re.Match) -> str:
    space, marker, number, delimiter = match.groups()
    if marker:
        return f"{space}\\{marker}"
    if number:
        return f"{space}{number}\\{delimiter}" if delimiter == "." else f"{space}{number}&#41;"
    return f"{space}&#61;"


def _escape_html(text: str) -> str:
    """`<`, `>`, `&` and double quotes as entities. A single quote stays as it is: Markdown's table of contents
    would show the numeric entity for it as written."""
    return html.escape(text, quote=False).replace('"', "&quot;")


def escape_html(value: Any) -> Markup:
    """Text for the content of a raw HTML block, which Markdown leaves alone: HTML-escaped only, since a
    Markdown escape there would show to readers as written (`alert\\(1\\)`)."""
    return Markup(_escape_html(_WHITESPACE.sub(" ", str(value)).strip()))


#: Characters the Markdown engine acts on inside an inline HTML tag before it sees the tag (code spans,
#: backslash escapes, links), written as character references in attributes.
_MARKDOWN_IN_TAGS = str.maketrans({"`": "&#96;", "\\": "&#92;", "[": "&#91;", "]": "&#93;"})


def escape_attribute(value: Any) -> Markup:
    """Text for a double-quoted HTML attribute (every template quotes them so): HTML-escaped, double quotes
    included, as the Markdown engine writes attributes, and safe in a tag within a paragraph of Markdown.
    (A Markdown link title is Markdown text.)"""
    return Markup(_escape_html(_WHITESPACE.sub(" ", str(value)).strip()).translate(_MARKDOWN_IN_TAGS))


def yaml_string(value: Any) -> Markup:
    """A value for the front matter of a generated page: a JSON string is a valid YAML scalar."""
    return Markup(json.dumps(" ".join(str(value).split()), ensure_ascii=False))


def join_text(items: Any, separator: str = "") -> Markup:
    """`join` that escapes each item as text (Jinja's own would escape for HTML only)."""
    return escape_text(separator).join(escape_text(item) for item in items)


def long_date(value: dt.date) -> str:
    return f"{value.day} {value:%B %Y}"


def signed(value: int) -> str:
    """A balance with its sign: +2, 0, −1 (with a true minus sign)."""
    return f"+{value}" if value > 0 else f"−{-value}" if value < 0 else "0"


_LOADER = jinja2.PackageLoader("briefings", "templates")


def _environment(**options: Any) -> jinja2.Environment:
    return jinja2.Environment(loader=_LOADER, undefined=jinja2.StrictUndefined, keep_trailing_newline=True, **options)


@functools.cache
def feed_templates() -> jinja2.Environment:
    """Atom feeds: XML-escaped values. One environment for the process, so that each template is compiled once
    however many feeds there are."""
    return _environment(autoescape=True, trim_blocks=True, lstrip_blocks=True)


def scaffold_templates(**filters: Callable) -> jinja2.Environment:
    """New content for authors."""
    env = _environment(
        variable_start_string="[[",
        variable_end_string="]]",
        block_start_string="[%",
        block_end_string="%]",
        comment_start_string="[#",
        comment_end_string="#]",
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(filters)
    return env


class PageTemplates:
    """The Markdown templates of generated pages and listings, with the escaping and filters they rely on."""

    def __init__(self, directory_urls: bool = True, fragments: Fragments | None = None):
        self.directory_urls = directory_urls
        self.env = _page_environment(fragments)  # compiled templates are kept from one rebuild to the next

    def render(self, name: str, page: str, **context: Any) -> str:
        """Render template `name` for the page whose source is `page` (links are made relative to it).

        `href(target)` is how a template links a page: the address of `target` (a source path, with any
        `#anchor`, or anything with a `src_uri`) from this page, for raw HTML (`briefings.urls.link_from`),
        which the Markdown engine passes through untouched and so converts much faster.
        """

        def href(target: Any) -> Markup:
            return self.href(page, target if isinstance(target, str) else target.src_uri)

        # Everything a template shows is in its context (`context`: what the page's module or macro works out),
        # with `href` and `page`, the page's source; the environment holds filters only.
        return self.env.get_template(f"pages/{name}").render({**context, "href": href, "page": page})

    def stash_block(self, html: str) -> Markup:
        """`html` as a block of its own, handed to the Markdown engine whole (the `stash_block` filter)."""
        return self.env.filters["stash_block"](html)

    def href(self, page: str, target: str) -> Markup:
        """The address of `target` (a source path, with any `#anchor`) relative to the page built from `page`,
        HTML-escaped for an attribute."""
        return _href(page, target, self.directory_urls)


@functools.cache
def _page_environment(fragments: Fragments | None) -> jinja2.Environment:
    """The environment of page templates, with the escaping filters they rely on."""

    def stash(html: str) -> Markup:
        return fragments.mark(html.strip()) if fragments else Markup(html.strip())

    env = _environment(autoescape=True, finalize=escape_text, trim_blocks=True, lstrip_blocks=True)
    env.filters.update(
        attr=escape_attribute,
        html=escape_html,
        yaml=yaml_string,
        join=join_text,
        e=escape_text,
        escape=escape_text,
        long_date=long_date,
        signed=signed,
        month=month_title,
        # Finished HTML, handed to the Markdown engine whole (see briefings.fragments), within a line
        # (`stash`) or as a block of its own (`stash_block`).
        stash=stash,
        stash_block=lambda html: Markup("\n\n") + stash(html) + Markup("\n\n"),
    )
    return env


# The links of a page, to the same targets again and again; large enough for the pages listing a thousand briefs
# that the live preview writes again on every save.
@functools.lru_cache(maxsize=1 << 17)
def _href(page: str, target: str, directory_urls: bool) -> Markup:
    return escape_attribute(link_from(page, target, directory_urls))
