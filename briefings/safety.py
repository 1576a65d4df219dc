"""What authors' text may hold beyond Markdown: a short allow-list of inline HTML, and only safe addresses.

Briefs are analysis, not web applications: raw HTML other than a few inline elements, event handlers,
styles and `javascript:`, `data:` or `vbscript:` addresses are errors, reported with file, line and column by
`check` and the build alike. (The build also runs the rendered HTML of briefs through a sanitiser, as a
second line of defence.) Text between backticks is checked too: which backticks Markdown pairs into code
depends on the blocks around them (and this site's Markdown has no fenced code blocks), so a check that
skipped what it took for code would let through HTML that the site renders.
Beside its pages, docs/ may hold only files a browser shows and never runs, such as images.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_left
from collections.abc import Iterator
from typing import Any
from urllib.parse import urljoin

import nh3

from .problems import Problems, TextLines

#: Inline elements a brief may write as raw HTML, with the only attribute any of them may carry.
ALLOWED_ELEMENTS = (
    "abbr",
    "b",
    "br",
    "cite",
    "del",
    "em",
    "i",
    "ins",
    "kbd",
    "mark",
    "q",
    "s",
    "small",
    "strong",
    "sub",
    "sup",
    "u",
)
ALLOWED_ATTRIBUTES = ("title",)
DANGEROUS_SCHEMES = ("javascript", "vbscript", "data")
#: The files other than Markdown pages that docs/ may hold. The site publishes them as they are, so only
#: types a browser shows and never runs: not HTML, SVG, scripts or style sheets.
STATIC_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".pdf", ".txt")

#: What the HTML of a brief may hold once rendered: Markdown's output, the header's and the allowed inline HTML.
_SANITISER: dict[str, Any] = dict(  # nh3.clean's keyword arguments, each of its own type
    tags=nh3.ALLOWED_TAGS | {"dl", "dt", "dd", "time", "div", "span", "hr", "sup", "sub"},
    attributes={
        "*": {"class", "id", "title", "lang", "dir", "markdown"},
        "a": {"href"},
        "img": {"src", "alt", "width", "height"},
        "time": {"datetime"},
        "td": {"align", "colspan", "rowspan"},
        "th": {"align", "colspan", "rowspan"},
        "ol": {"start"},
        "nav": {"aria-label"},
    },
    tag_attribute_values={"a": {"rel": {"prev", "next"}}},  # the links to the briefs before and after
    url_schemes={"http", "https", "mailto"},
    link_rel=None,
    strip_comments=True,
)

_TAG_START = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)(?=[\s/>])")
_TAG_SYNTAX = re.compile(r"[>\"']")  # what decides where a tag ends: its '>', outside quoted values
_ATTRIBUTE = re.compile(r"([^\s=/>]+)(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s>]+))?")
_DESTINATION = re.compile(
    r"\]\(\s*<?([^)\s>]*)|^[ \t]{0,3}\[[^\[\]]+\]:\s*<?(\S+)|<([A-Za-z][A-Za-z0-9+.-]*:[^<>\s]*)>", re.M
)
_CONTROL = re.compile(r"[\x00-\x20]+")


def dangerous_scheme(url: str) -> str | None:
    """The dangerous scheme an address uses, seen as a browser would (entities decoded, controls removed)."""
    seen = _CONTROL.sub("", html.unescape(url)).lower()
    return next((s for s in DANGEROUS_SCHEMES if seen.startswith(s + ":")), None)


def check_text(text: str, path: str, first_line: int, problems: Problems) -> None:
    """Report raw HTML outside the allow-list and dangerous addresses in Markdown `text`."""
    lines = TextLines(text, path, first_line)
    for offset, message in _findings(text):
        problems.error(lines.location(offset), message)


def static_file_message(suffix: str) -> str:
    """What to do about a file of docs/ that is neither a page nor of a type in STATIC_SUFFIXES."""
    what = f"a {suffix} file" if suffix else "a file without an extension"
    return (
        f"{what} would be published as it is, unchecked: besides Markdown pages, docs/ holds only files a "
        f"browser shows without running anything ({', '.join(STATIC_SUFFIXES)}); remove it or write it as a page"
    )


def _tags(text: str) -> Iterator[tuple[int, str, str, str]]:
    """Every HTML tag of the text: (offset, "/" or "", name, attributes). A quoted attribute value may hold
    '>'. Where a tag that starts at some point ends is worked out once, from the quotes and '>' that follow,
    so that a text of unclosed tags takes as long as any other."""
    syntax = [(m.start(), m.group()) for m in _TAG_SYNTAX.finditer(text)]
    positions = [position for position, _ in syntax]
    ends: list[int | None] = [None] * (len(syntax) + 1)  # where a tag scanned from each of them ends (None: never)
    next_quote: dict[str, int] = {}
    for n in range(len(syntax) - 1, -1, -1):
        position, char = syntax[n]
        if char == ">":
            ends[n] = position
        else:  # an opening quote: the tag goes on after the matching one, if there is one
            ends[n] = ends[next_quote[char] + 1] if char in next_quote else None
        next_quote[char] = n
    position = 0
    while start := _TAG_START.search(text, position):
        end = ends[bisect_left(positions, start.end())]
        if end is None:
            position = start.start() + 1
            continue
        yield start.start(), start.group(1), start.group(2), text[start.end() : end]
        position = end + 1


def _findings(text: str) -> Iterator[tuple[int, str]]:
    for offset, closing, name, attributes in _tags(text):
        element = name.lower()
        if element not in ALLOWED_ELEMENTS:
            if closing:
                continue  # reported at its opening tag
            yield (
                offset,
                (
                    f"raw HTML <{element}> is not allowed in a brief: write Markdown instead "
                    f"(the inline elements allowed are {', '.join(ALLOWED_ELEMENTS)})"
                ),
            )
            continue
        if closing:
            continue
        for attribute in _ATTRIBUTE.finditer(attributes):
            attribute_name = attribute.group(1).lower()
            if attribute_name not in ALLOWED_ATTRIBUTES:
                yield (
                    offset,
                    (
                        f"the attribute '{attribute_name}' of <{element}> is not allowed: "
                        f"only {', '.join(ALLOWED_ATTRIBUTES)} may be set on raw HTML"
                    ),
                )
    for match in _DESTINATION.finditer(text):
        url = next(group for group in match.groups() if group is not None)
        if scheme := dangerous_scheme(url):
            yield (
                match.start(),
                (
                    f"a link to a {scheme}: address could run code in a reader's browser: "
                    "link to an http:// or https:// address, or to another page of the site"
                ),
            )


def sanitise(html_text: str, *, base_url: str | None = None) -> str:
    """The rendered HTML of a brief with everything outside the allow-list removed: the build's second line
    of defence behind the checks above. With `base_url` (the page's absolute address), the HTML is made to be
    read away from the site, in a feed reader: every link and image address is made absolute, and links lose
    their tooltips (the site's summaries of the actors and indicators they lead to, which would weigh down
    every feed a brief is in)."""
    if base_url is None:
        return nh3.clean(html_text, **_SANITISER)

    def absolute(element: str, attribute: str, value: str) -> str | None:
        if element == "a" and attribute == "title":
            return None
        return urljoin(base_url, value) if attribute in ("href", "src") else value

    return nh3.clean(html_text, attribute_filter=absolute, **_SANITISER)
