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
import string
from collections.abc import Callable
from types import CodeType
from typing import Any

import jinja2
import jinja2.bccache
from markupsafe import Markup

from . import languages
from .catalog import month_anchor, month_title
from .fragments import Fragments
from .languages import DEFAULT, Language, month_name, number, short_date
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


def long_date(value: dt.date, language: Any = None) -> str:
    """A day as the site writes it (in `language`, a briefings.languages.Language: briefings.languages.long_date)."""
    return languages.long_date(value, language)


@jinja2.pass_context
def _long_date_here(context: Any, value: dt.date) -> str:
    return long_date(value, context.get("language"))


@jinja2.pass_context
def _month_here(context: Any, value: dt.date) -> str:
    language = context.get("language")
    return month_title(value) if language is None or language.code == DEFAULT else month_name(value, language)


@jinja2.pass_context
def _short_date_here(context: Any, value: dt.date, with_year: bool) -> str:
    return short_date(value, with_year, context.get("language"))


def held(names: list[str], language: Any = None) -> str:
    """A list of what something holds, as a label: "Actors, mechanisms and tags" (in another language, each
    name's label joined as Babel joins a list in it)."""
    if language is None or language.code == DEFAULT:
        listed = ", ".join(names[:-1]) + " and " + names[-1] if len(names) > 1 else names[0]
    else:
        import babel.lists

        listed = babel.lists.format_list([language.label(name) for name in names], locale=language.locale)
    return listed[0].upper() + listed[1:]


_FORMAT = string.Formatter()


@jinja2.pass_context
def _translated_here(context: Any, text: str, **values: Any) -> Markup:
    """A block of the template's own text in the page's language: its label, keyed by the text with its lines
    joined (briefings/languages/); in the default language the block as written, line breaks and all. `values`
    (escaped as text) go in its `{name}` places: `{% filter translated(name=actor.name) %}`."""
    language = context.get("language")
    shown = {name: escape_text(value) for name, value in values.items()}
    if language is None or language.code == DEFAULT:
        return Markup(text.format(**shown) if shown else text)
    body = text.strip()
    lead, trail = text[: text.index(body)] if body else text, text[text.index(body) + len(body) :] if body else ""
    label = language.label(" ".join(body.split()))
    if not shown:
        return Markup(lead) + escape_text(label) + Markup(trail)
    # The label's own text escaped, and each value (escaped above) in its place.
    parts = [escape_text(text) + (shown[name] if name is not None else "") for text, name, _, _ in _FORMAT.parse(label)]
    return Markup(lead) + Markup("".join(parts)) + Markup(trail)


@jinja2.pass_context
def _number_here(context: Any, value: int) -> str:
    return number(value, context.get("language"))


@jinja2.pass_context
def _held_here(context: Any, names: list[str]) -> str:
    return held(names, context.get("language"))


def signed(value: int) -> str:
    """A balance with its sign: +2, 0, −1 (with a true minus sign)."""
    return f"+{value}" if value > 0 else f"−{-value}" if value < 0 else "0"


_LOADER = jinja2.PackageLoader("briefings", "templates")


class CompiledBySource(jinja2.BytecodeCache):
    """A cache of templates' code that looks a template up by its name and its source's checksum, not by where its
    file lies (Jinja's own key): a template's code is the same wherever its file lies, but for the file its
    tracebacks name, which is put back. So a project copied, moved or cloned elsewhere (a CI runner's checkout,
    each of the tests' projects) finds its theme's templates compiled; a template whose source changed is compiled
    again. The code depends on the environment's settings (its escaping, its delimiters): one cache for each
    configuration."""

    def get_bucket(
        self, environment: jinja2.Environment, name: str, filename: str | None, source: str
    ) -> jinja2.bccache.Bucket:
        bucket = super().get_bucket(environment, name, None, source)  # the key: the name alone
        code = bucket.code
        if code is not None and filename is not None and code.co_filename != filename:
            bucket.code = _in_file(code, filename)  # the template's `filename`, as tracebacks and profilers name it
        return bucket


def _in_file(code: CodeType, filename: str) -> CodeType:
    """`code` and the code it holds (a template's blocks and macros), as compiled from the file `filename`."""
    held = tuple(_in_file(value, filename) if isinstance(value, CodeType) else value for value in code.co_consts)
    return code.replace(co_filename=filename, co_consts=held)


class CompiledTemplates(CompiledBySource):
    """Templates as compiled, kept in memory for the life of the process: a template is compiled again only when
    its source changes."""

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


#: The page templates' code, for every environment of page templates the process makes (one per build).
_PAGE_CODE = CompiledTemplates()


def _environment(**options: Any) -> jinja2.Environment:
    return jinja2.Environment(loader=_LOADER, undefined=jinja2.StrictUndefined, keep_trailing_newline=True, **options)


@functools.cache
def feed_templates() -> jinja2.Environment:
    """Atom feeds: XML-escaped values. One environment for the process, so that each template is compiled once
    however many feeds there are."""
    return _environment(autoescape=True, trim_blocks=True, lstrip_blocks=True)


@functools.cache
def standalone_templates() -> jinja2.Environment:
    """Whole HTML pages the core writes outside the theme (a redirect's page): HTML-escaped values."""
    return _environment(autoescape=True)


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

    def __init__(
        self, directory_urls: bool = True, fragments: Fragments | None = None, language: Language | None = None
    ):
        self.directory_urls = directory_urls
        self.env = _page_environment(fragments)  # its templates compiled once in the process
        self.language = language or languages.language(DEFAULT)

    def render(self, name: str, page: str, **context: Any) -> str:
        """Render template `name` for the page whose source is `page` (links are made relative to it).

        `href(target)` is how a template links a page: the address of `target` (a source path, with any
        `#anchor`, or anything with a `src_uri`) from this page, for raw HTML (`briefings.urls.link_from`),
        which the Markdown engine passes through untouched and so converts much faster.
        """

        def href(target: Any) -> Markup:
            return self.href(page, target if isinstance(target, str) else target.src_uri)

        def href_in(lang: str, target: Any) -> Markup:  # the page of `target` in language `lang`
            source = target if isinstance(target, str) else target.src_uri
            return escape_attribute(link_from(page, source, self.directory_urls, here=self.language.code, there=lang))

        # Everything a template shows is in its context (`context`: what the page's module or macro works out),
        # with `href` and `page`, the page's source; the environment holds filters only.
        # The page's language, and `t("Readings")`: the project's own strings in it (briefings/languages/).
        # `counted(n, "{count} brief", "{count} briefs")`: a count of something, by the language's plural rules.
        # `language_name("ar")`: a language's name in the page's language; `href_in("ar", brief)`: a page in another.
        language = {"language": self.language, "t": self.language.label, "counted": self.language.counted}
        language |= {"language_name": self.language.name_of, "href_in": href_in}
        return self.env.get_template(f"pages/{name}").render({**context, **language, "href": href, "page": page})

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

    options = {"autoescape": True, "finalize": escape_text, "trim_blocks": True, "lstrip_blocks": True}
    env = _environment(bytecode_cache=_PAGE_CODE, **options)
    env.filters.update(
        attr=escape_attribute,
        html=escape_html,
        yaml=yaml_string,
        join=join_text,
        e=escape_text,
        escape=escape_text,
        long_date=_long_date_here,  # in the language of the page (the context's `language`)
        signed=signed,
        month=_month_here,
        short_date=_short_date_here,
        held=_held_here,
        number=_number_here,  # a count in the page's language's numerals: 1 234 in French
        translated=_translated_here,  # `{% filter translated %}` a paragraph of the template's own text {% endfilter %}
        # `## {{ t("Readings") }} {{ "readings" | anchor }}`: a heading's id, the same in every language; a
        # month's in the archive is its English title's (`month_anchor`), as breadcrumbs link it.
        anchor=lambda name: Markup(f"{{#{name}}}"),
        month_anchor=month_anchor,
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
