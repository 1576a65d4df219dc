"""Links and images in the pages people write: read from their Markdown, then resolved against every page and
file the site publishes.

Reading (`read_links`) is done page by page, as each page is read; resolving (`resolve_links`) once every page
is known, so that a link to a page or file that does not exist, an image without alternative text and an
anchor that no heading has are errors with their place, from `check` and the build alike. The files of
`docs/` that a published page links are the site's assets: the build publishes those and nothing else of
`docs/` beside its pages.
"""

from __future__ import annotations

import datetime as dt
import difflib
import posixpath
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

from .problems import Location, Problems, TextLines

#: Text that holds no link: macro calls, comments and raw blocks, and code spans (backticks paired in one
#: paragraph), each blanked out with its length kept, so that offsets stay those of the text.
_HIDDEN = re.compile(
    r"\{\{[^{}]*\}\}|\{%[^{}]*%\}|\{##[^{}]*##\}|(?<![`\\])(`+)(?!`)(?:(?!\n[ \t]*\n).)+?(?<!`)\1(?!`)", re.S
)
_RAW = re.compile(r"\{%\s*raw\s*%\}")
_ENDRAW = re.compile(r"\{%\s*endraw\s*%\}")
_BRACKETED = r"\[((?:[^\[\]\n]|\[[^\[\]\n]*\])*)\]"  # link text or alternative text, one level of brackets inside
_DESTINATION = r"\(\s*(<[^<>\n]*>|(?:[^\s()]|\([^\s()]*\))*)(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?\s*\)"
_INLINE = re.compile(r"(!?)" + _BRACKETED + _DESTINATION)
_BY_REFERENCE = re.compile(r"(!?)" + _BRACKETED + r"(?:\[([^\[\]\n]*)\])?")
_DEFINITION = re.compile(r"^[ ]{0,3}\[([^\[\]\n^][^\[\]\n]*)\]:[ \t]*(<[^<>\n]*>|\S+)", re.M)
_HTML = re.compile(r"<(a|img)\b([^<>]*)>", re.I)
_HTML_ATTRIBUTE = re.compile(r"""([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")
_HEADING = re.compile(r"^[ ]{0,3}(#{1,6})[ \t]+(.*?)[ \t]*$", re.M)
_EXPLICIT_ID = re.compile(r"\{:?[^{}\n]*#([\w-]+)[^{}\n]*\}[ \t]*$")
_HEADING_MARKUP = re.compile(r"!?\[([^\]]*)\]\([^)]*\)|[*`]|(?<!\w)_+|_+(?!\w)")
_NUMBERED = re.compile(r"^(.*)_([0-9]+)$")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif")


@dataclass(frozen=True)
class Reference:
    """A link or an image in a page's text, as written."""

    location: Location
    address: str
    image: bool = False
    alt: str = ""


@dataclass(frozen=True)
class PageLinks:
    """What a page links and which anchors its headings give: all that resolving needs of it."""

    references: tuple[Reference, ...] = ()
    anchors: frozenset[str] = frozenset()
    exact: bool = True  # False when a heading's anchor is known only once macros run (a macro in a heading)


@dataclass(frozen=True)
class Published:
    """Everything a link may lead to: the written pages (and what they link), the other files of docs/, the
    pages and files the site generates, and which briefs are not published yet (drafts, scheduled briefs)."""

    pages: Mapping[str, PageLinks]  # by src_uri
    files: frozenset[str]  # the other files of docs/, by path inside it
    generated: frozenset[str]  # generated pages and files, by path inside the site's sources
    #: Briefs not published yet, each with the day it will be: its date if it is scheduled, None for a draft.
    #: No page may link a brief published after itself.
    unpublished: Mapping[str, dt.date | None] = field(default_factory=dict)
    left_out: frozenset[str] = frozenset()  # written pages this build leaves out (unpublished, but in the preview)
    extra_anchors: Mapping[str, frozenset[str]] | None = None  # anchors templates add to a page, by src_uri
    docs: str = "docs"  # the docs folder, relative to the project's root

    def path(self, src_uri: str) -> str:
        """A page's or file's path as messages show it."""
        return f"{self.docs}/{src_uri}"


def read_links(body: str, rel: str, first_line: int) -> PageLinks:
    """The links, images and heading anchors of a page's Markdown `body`, which starts on line `first_line`
    of the file `rel`."""
    visible = _without_code(body)
    lines = TextLines(body, rel, first_line)
    definitions: dict[str, tuple[int, str]] = {}
    taken: list[tuple[int, int]] = []  # spans already read: inline links, and the definitions themselves
    for match in _DEFINITION.finditer(visible):
        definitions.setdefault(match.group(1).strip().casefold(), (match.start(2), match.group(2)))
        taken.append(match.span())
    references: list[Reference] = []
    for match in _INLINE.finditer(visible):
        references.append(_reference(lines, match.start(3), match.group(3), match.group(1), match.group(2)))
        taken.append(match.span())
    for match in _BY_REFERENCE.finditer(visible):
        if any(start <= match.start() < end for start, end in taken):
            continue
        label = (match.group(3) or match.group(2)).strip().casefold()
        if label.startswith("^") or label not in definitions:
            continue  # a footnote, or brackets that are only brackets
        offset, address = definitions[label]
        if match.group(1):  # an image: the place to fix is where it is shown
            references.append(_reference(lines, match.start(), address, "!", match.group(2)))
        else:
            references.append(_reference(lines, offset, address, "", ""))
    for match in _HTML.finditer(visible):
        attributes = {
            a.group(1).lower(): next(v for v in a.groups()[1:] if v is not None)
            for a in _HTML_ATTRIBUTE.finditer(match.group(2))
        }
        image = match.group(1).lower() == "img"
        if (target := attributes.get("src" if image else "href")) is not None:
            references.append(Reference(lines.location(match.start()), target, image, attributes.get("alt", "")))
    anchors, exact = _anchors(visible, body)
    return PageLinks(tuple(dict.fromkeys(references)), anchors, exact)


@dataclass(frozen=True)
class Resolved:
    """What the written pages link, once every link is resolved."""

    assets: frozenset[str]  # the files of docs/ the site's pages link (a draft's only while drafts are in the site)
    outputs: frozenset[str]  # the pages and files the site generates that a written page links by its path
    unlinked: list[str]  # the files of docs/ that no page, draft or not, links


def resolve_links(published: Published, problems: Problems) -> Resolved:
    """Report every link and image of the written pages that leads nowhere; return what they link."""
    linked: set[str] = set()
    assets: set[str] = set()
    outputs: set[str] = set()
    for src_uri, page in published.pages.items():
        in_site = src_uri not in published.left_out
        for reference in page.references:
            target = _check(src_uri, reference, published, problems)
            if target in published.files:
                linked.add(target)
                if in_site:
                    assets.add(target)
            elif target in published.generated:
                outputs.add(target)
    return Resolved(frozenset(assets), frozenset(outputs), sorted(published.files - linked))


def heading_text(line: str) -> str:
    """A heading's text without its closing hashes and attribute list: `Why it matters {#why} ##` gives
    `Why it matters`. (Read with string operations: a regular expression of the same took minutes on a
    heading holding a long run of spaces.)"""
    text = line.rstrip(" \t").rstrip("#").rstrip(" \t")
    if text.endswith("}") and (start := text.rfind("{")) > 0 and "}" not in text[start + 1 : -1]:
        text = text[:start]
    return text.strip()


def anchor_of(text: str) -> str:
    """The anchor the Markdown engine gives a heading with this text (its `toc` extension's default slug)."""
    value = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    value = re.sub(r"[^\w\s-]", "", value).strip().lower()
    return re.sub(r"[-\s]+", "-", value)


# -- reading ---------------------------------------------------------------------------------------------------


def _without_code(text: str) -> str:
    """The text with macro calls, code spans and indented code blocks blanked out (newlines kept)."""
    text = _HIDDEN.sub(lambda m: _blank(m.group()), _without_raw(text))
    if "\n    " not in text and "\n\t" not in text:
        return text
    lines = text.split("\n")
    in_code, previous = False, ""  # previous: the last line that was not blank, outside code
    for n, line in enumerate(lines):
        blank = not line.strip()
        indented = line.startswith(("    ", "\t"))
        starts = indented and n > 0 and not lines[n - 1].strip() and not _in_list(previous)
        if in_code and not (blank or indented):
            in_code = False
        if in_code or starts:
            in_code = True
            lines[n] = " " * len(line)
        elif not blank:
            previous = line
    return "\n".join(lines)


def _without_raw(text: str) -> str:
    """The text with each {% raw %} block blanked out: what it holds is shown as written, never a link."""
    position = 0
    while start := _RAW.search(text, position):
        end = _ENDRAW.search(text, start.end())
        if end is None:
            break
        text = text[: start.start()] + _blank(text[start.start() : end.end()]) + text[end.end() :]
        position = end.end()
    return text


def _blank(text: str) -> str:
    return re.sub(r"[^\n]", " ", text)


def _in_list(line: str) -> bool:
    """Whether an indented line after `line` continues a list item rather than starting code."""
    stripped = line.lstrip()
    return line != stripped or bool(re.match(r"([*+-]|\d+[.)])[ \t]", stripped))


def _reference(lines: TextLines, offset: int, address: str, bang: str, text: str) -> Reference:
    if address.startswith("<") and address.endswith(">"):
        address, offset = address[1:-1], offset + 1
    return Reference(lines.location(offset), address, image=bool(bang), alt=text.strip() if bang else "")


def _anchors(visible: str, text: str) -> tuple[frozenset[str], bool]:
    """The anchors of the headings found in `visible` (the text without code), read from `text` itself."""
    anchors: set[str] = set()
    counts: dict[str, int] = {}
    exact = True
    for match in _HEADING.finditer(visible):
        end = text.find("\n", match.start(2))
        line = text[match.start(2) : end if end >= 0 else len(text)]
        if explicit := _EXPLICIT_ID.search(line):
            anchors.add(explicit.group(1))
        elif "{{" in line:
            exact = False  # a macro call in a heading: its anchor is known once the macro runs
        else:
            words = _HEADING_MARKUP.sub(lambda m: m.group(1) or "", heading_text(line))
            _unique(anchor_of(words), anchors, counts)
    anchors.update(re.findall(r"""\bid\s*=\s*["']([^"']+)["']""", visible))
    return frozenset(anchors), exact


def _unique(anchor: str, anchors: set[str], counts: dict[str, int]) -> None:
    """As the engine does: a second heading of the same text gets `_1`, a third `_2` (`counts`: the last
    suffix given to each, so that many equal headings take linear time)."""
    if anchor in anchors or not anchor:
        numbered = _NUMBERED.match(anchor)
        base, count = (numbered[1], int(numbered[2])) if numbered else (anchor, 0)
        count = max(count, counts.get(base, 0)) + 1
        while f"{base}_{count}" in anchors:
            count += 1
        counts[base] = count
        anchor = f"{base}_{count}"
    anchors.add(anchor)


# -- resolving -------------------------------------------------------------------------------------------------


def _check(src_uri: str, reference: Reference, published: Published, problems: Problems) -> str | None:
    """Report what is wrong with one link or image; return the path inside docs/ it leads to, if any."""
    address, where = reference.address, reference.location
    what = "the image" if reference.image else "the link"
    if reference.image and not reference.alt:
        problems.error(
            where,
            f"{what} '{address}' has no alternative text: say what it shows between the "
            f"brackets, as in ![A map of the strait]({address}), for readers who cannot see it",
        )
    parts = urlsplit(address)
    if parts.scheme or parts.netloc or _SCHEME.match(address):
        if reference.image and parts.scheme in ("http", "https", ""):
            problems.error(
                where,
                f"{what} '{address}' is on another site, and the site's pages load nothing from "
                "other hosts: save the file beside the page and show it by its name",
            )
        return None  # a link to another site, or a mail address: not the site's to check
    if address.startswith("/"):
        problems.error(
            where,
            f"{what} '{address}' starts with '/', which breaks when the site is served under a "
            "project path: write the path relative to this file, as in '../about.md'",
        )
        return None
    path = unquote(parts.path)
    target = posixpath.normpath(posixpath.join(posixpath.dirname(src_uri), path)) if path else src_uri
    if target == "." or target.startswith("../"):
        problems.error(
            where,
            f"{what} '{address}' leads out of the docs folder, which is all the site publishes: "
            "link to a page or file inside docs/, or to a full https:// address",
        )
        return None
    if target in published.pages or target in published.files or target in published.generated:
        if (unpublished := _published_later(src_uri, target, published)) is not None:
            problems.error(where, f"{what} '{address}' {unpublished}", causes=(published.path(target),))
        elif parts.fragment:
            _check_anchor(target, parts.fragment, reference, published, problems)
        if reference.image and target not in published.files:
            problems.error(
                where,
                f"the image '{address}' is a page, not a picture: show a file such as {', '.join(_IMAGE_SUFFIXES)}",
            )
        return target
    problems.error(where, _not_found(what, address, src_uri, path, target, published), causes=(published.path(target),))
    return None


def _published_later(src_uri: str, target: str, published: Published) -> str | None:
    """What is wrong with a link from a page to a brief published after it (a draft, or a brief scheduled for
    a later day than the page), or None: the published site would show the link before what it leads to."""
    if target not in published.unpublished:
        return None
    until, since = published.unpublished[target], published.unpublished.get(src_uri, dt.date.min)
    if since is None or until is not None and until <= since:
        return None  # a draft links what it likes; a scheduled brief, what is published by its day
    if until is None:
        return "leads to a draft, which the published site leaves out: link to it once it is published"
    if since == dt.date.min:
        return (
            f"leads to a brief scheduled for {until}, which the published site leaves out until that day: "
            "link to it once it is published"
        )
    return (
        f"leads to a brief scheduled for {until}, after this brief's own day ({since}): link to it once it "
        "is published, or schedule this brief for that day or later"
    )


def _not_found(what: str, address: str, src_uri: str, path: str, target: str, published: Published) -> str:
    message = f"{what} '{address}' leads to {published.path(target)}, which does not exist"
    known = [*published.pages, *published.files, *published.generated]
    guesses = [
        posixpath.normpath(posixpath.join(target, "index.md")),
        target.removesuffix("/") + ".md",
        target.removesuffix(".html") + ".md",
    ]
    fitting = next((g for g in guesses if g in published.pages or g in published.generated), None)
    if fitting is None:
        close = difflib.get_close_matches(target, known, n=1, cutoff=0.8)
        fitting = close[0] if close else None
    if fitting is not None:
        folder = posixpath.dirname(src_uri) or "."
        return f"{message}: did you mean '{posixpath.relpath(fitting, folder)}'?"
    if not path.endswith(".md") and "." not in posixpath.basename(path):
        return f"{message}: link to the page's Markdown file (for example '../about.md'), relative to this file"
    return f"{message}: fix the path, which is relative to this file, or add the file"


def _check_anchor(target: str, fragment: str, reference: Reference, published: Published, problems: Problems) -> None:
    page = published.pages.get(target)
    anchor = unquote(fragment)
    if page is None or not page.exact or anchor.startswith(("fn:", "fnref:")):
        return  # a generated page or file, or a page whose anchors only the rendering knows
    anchors = page.anchors | (published.extra_anchors or {}).get(target, frozenset())
    if anchor in anchors:
        return
    close = difflib.get_close_matches(anchor, sorted(anchors), n=1, cutoff=0.6)
    tip = (
        f"did you mean '#{close[0]}'?"
        if close
        else (
            "its headings' anchors are " + ", ".join(f"'#{a}'" for a in sorted(anchors))
            if anchors
            else "it has no heading"
        )
    )
    where = "this page" if reference.address.startswith("#") else published.path(target)
    problems.error(
        reference.location,
        f"the link '{reference.address}' leads to an anchor that no heading of {where} has: {tip}",
        causes=(published.path(target),),
    )
