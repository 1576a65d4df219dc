"""What authors' text may hold beyond Markdown: a short allow-list of inline HTML, and only safe addresses.

Briefs are analysis, not web applications: raw HTML other than a few inline elements, event handlers,
styles and `javascript:`, `data:` or `vbscript:` addresses are errors, reported with file, line and column by
`check` and the build alike. (The build also runs the rendered HTML of briefs through a sanitiser, as a
second line of defence.) Code spans and fenced code blocks are shown as written, so they are not checked.
"""

from __future__ import annotations

import html
import re
from typing import Any, Iterator

import nh3

from .problems import Location, Problems

#: Inline elements a brief may write as raw HTML, with the only attribute any of them may carry.
ALLOWED_ELEMENTS = ("abbr", "b", "br", "cite", "del", "em", "i", "ins", "kbd", "mark", "q", "s", "small",
                    "strong", "sub", "sup", "u")
ALLOWED_ATTRIBUTES = ("title",)
DANGEROUS_SCHEMES = ("javascript", "vbscript", "data")

#: What the HTML of a brief may hold once rendered: Markdown's output, the header's and the allowed inline HTML.
_SANITISER = dict(
    tags=nh3.ALLOWED_TAGS | {"dl", "dt", "dd", "time", "div", "span", "hr", "sup", "sub"},
    attributes={
        "*": {"class", "id", "title", "lang", "dir", "markdown"},
        "a": {"href"},
        "img": {"src", "alt", "width", "height"},
        "time": {"datetime"},
        "td": {"align", "colspan", "rowspan"},
        "th": {"align", "colspan", "rowspan"},
        "ol": {"start"},
    },
    url_schemes={"http", "https", "mailto"},
    link_rel=None,
    strip_comments=True,
)

_FENCE = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})[^\n]*\n.*?(?:^[ \t]{0,3}\1[ \t]*$|\Z)", re.M | re.S)
_CODE_SPAN = re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)", re.S)
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)(?=[\s/>])((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>")
_ATTRIBUTE = re.compile(r"([^\s=/>]+)(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s>]+))?")
_DESTINATION = re.compile(r"\]\(\s*<?([^)\s>]*)|^\s{0,3}\[[^\]]+\]:\s*<?(\S+)|<([A-Za-z][A-Za-z0-9+.-]*:[^>\s]*)>", re.M)
_CONTROL = re.compile(r"[\x00-\x20]+")


def blank_code(text: str) -> str:
    """The text with code blocks and code spans replaced by spaces, line breaks kept, so offsets still match."""
    def blank(match: re.Match) -> str:
        return re.sub(r"[^\n]", " ", match.group())

    return _CODE_SPAN.sub(blank, _FENCE.sub(blank, text))


def dangerous_scheme(url: str) -> str | None:
    """The dangerous scheme an address uses, seen as a browser would (entities decoded, controls removed)."""
    seen = _CONTROL.sub("", html.unescape(url)).lower()
    return next((s for s in DANGEROUS_SCHEMES if seen.startswith(s + ":")), None)


def check_text(text: str, path: str, first_line: int, problems: Problems, *, code_blanked: bool = False) -> None:
    """Report raw HTML outside the allow-list and dangerous addresses in Markdown `text`."""
    plain = text if code_blanked else blank_code(text)
    for offset, message in _findings(plain):
        line = first_line + plain.count("\n", 0, offset)
        column = offset - (plain.rfind("\n", 0, offset) + 1) + 1
        problems.error(Location(path, line, column), message)


def check_value(value: Any, where: Location, field: str, problems: Problems) -> None:
    """Report an address in data or front matter that uses a dangerous scheme."""
    if isinstance(value, str) and (scheme := dangerous_scheme(value)):
        problems.error(where, f"'{field}' uses a {scheme}: address, which could run code in a reader's browser: "
                              "use an http:// or https:// address")


def _findings(text: str) -> Iterator[tuple[int, str]]:
    for match in _TAG.finditer(text):
        closing, name, attributes = match.groups()
        element = name.lower()
        if element not in ALLOWED_ELEMENTS:
            if closing:
                continue  # reported at its opening tag
            yield match.start(), (
                f"raw HTML <{element}> is not allowed in a brief: write Markdown instead "
                f"(the inline elements allowed are {', '.join(ALLOWED_ELEMENTS)})"
            )
            continue
        if closing:
            continue
        for attribute in _ATTRIBUTE.finditer(attributes):
            attribute_name = attribute.group(1).lower()
            if attribute_name not in ALLOWED_ATTRIBUTES:
                yield match.start(), (
                    f"the attribute '{attribute_name}' of <{element}> is not allowed: "
                    f"only {', '.join(ALLOWED_ATTRIBUTES)} may be set on raw HTML"
                )
    for match in _DESTINATION.finditer(text):
        url = next(group for group in match.groups() if group is not None)
        if scheme := dangerous_scheme(url):
            yield match.start(), (
                f"a link to a {scheme}: address could run code in a reader's browser: "
                "link to an http:// or https:// address, or to another page of the site"
            )


def sanitise(html_text: str) -> str:
    """The rendered HTML of a brief with everything outside the allow-list removed: the build's second line
    of defence behind the checks above."""
    return nh3.clean(html_text, **_SANITISER)
