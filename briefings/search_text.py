"""What search reads of a page: the words of its article, each weighed by where it stands, its text and its
sections, read from the article's HTML with a real HTML parser (`html.parser`), the words as the index and
search.js hold them (`words`, `Stemmer`), and the page's values for the filters (`facets_of`). A build's pages
are read in another process while the site renders (`PageReader`).

A page's words weigh by where they stand: in a heading, or in what a template marks `data-search-weight="N"`
(an entity's aliases), more than in the text (`briefings.search` adds the title's). Never read: what a reader
does not read as text (a chart's SVG, scripts, buttons), what a template marks `data-search-exclude`, and the
elements of EXCLUDED_CLASSES: the "¶" permalink of each heading, lists of briefs (templates/pages/
_brief-list.md), which repeat each brief's title and summary on the listing pages, and a brief's related,
previous and next briefs (templates/pages/brief-related.md). Read, every listing would match every query about
its briefs and outrank them, and each brief would be found by its neighbours' titles. A test checks that the
templates (and the Markdown engine, for the permalinks) still write each of those classes.
"""

from __future__ import annotations

import re
import unicodedata
import zlib
from collections import Counter, deque
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from datetime import date
from html.parser import HTMLParser
from typing import Any, cast

import snowballstemmer

from .languages import declared
from .translations import split_language
from .workers import forked_pool, processors_to_fork

#: Classes of elements left out (see above), besides what is marked `data-search-exclude`.
EXCLUDED_CLASSES = frozenset({"headerlink", "brief-list", "brief-related", "brief-sequence"})
#: Elements whose content a reader does not read as text.
NOT_TEXT = frozenset({"svg", "script", "style", "template", "button"})
#: How much a word weighs by where it stands.
TITLE, HEADING, TEXT = 30.0, 5.0, 1.0
#: The Snowball algorithm that stems the words of a site, by its language (`theme.language` in mkdocs.yml,
#: its first part), as each language declares it (briefings/languages/<code>.yml): the one place that chooses. The index stems with the Python package snowballstemmer; the
#: browser with the same algorithm from the npm package snowball-stemmers, which script/vendor-stemmers copies
#: into overrides/assets/javascripts/stemmers/<algorithm>.js. A language not listed is not stemmed.
STEMMERS = {code: language.stemmer for code, language in declared().items() if language.stemmer}

_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
#: Elements that separate words (as a space): blocks, table cells, line breaks.
_BLOCKS = frozenset(
    {"p", "li", "dt", "dd", "div", "tr", "td", "th", "blockquote", "section", "table", "br", "details", "summary"}
    | {"figcaption", "ul", "ol", "dl", "pre"}
    | _HEADINGS
)
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
)
_WEIGHT = re.compile(r"[0-9.]+")  # a value of data-search-weight
_MARK = "\ue000"  # where a section starts in the text (a character of private use: no word's, no page's)
_WORD = re.compile(r"[^\W_]{2,}")  # letters and digits; what is shorter than two, it skips whole
_SPACE = re.compile(r"\s+")
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


def words(text: str) -> list[str]:
    """The words of `text` as the index holds them: letters and digits, accents and other marks removed,
    lower case, two characters or more. (search.js reads a query the same way.)"""
    plain = text if text.isascii() else _NON_ASCII.sub(_without_marks, unicodedata.normalize("NFKD", text))
    return _WORD.findall(plain.lower())


def _without_marks(found: re.Match) -> str:
    """Characters other than marks (Unicode category M, as `\\p{M}` in search.js)."""
    return "".join(c for c in found[0] if unicodedata.category(c)[0] != "M")


def stemmer_for(language: str | None) -> str | None:
    """The Snowball algorithm for a site in `language` (as "en" or "en-GB"), or None: no stemming."""
    return STEMMERS.get((language or "").split("-")[0].lower())


class Stemmer:
    """The stems of words (as `words` reads them) for a language, as search.js stems a query: a stem shorter
    than two letters (the index holds no such word) is the word itself."""

    def __init__(self, language: str | None) -> None:
        self.algorithm = stemmer_for(language)
        self._stem = snowballstemmer.stemmer(self.algorithm).stemWord if self.algorithm else None
        self._known: dict[str, str] = {}

    def __call__(self, word: str) -> str:
        found = self._known.get(word)
        if found is None:
            found = self._stem(word) if self._stem else word
            found = self._known[word] = found if len(found) >= 2 else word
        return found


def read(content: str) -> tuple[str, dict[str, float], list[tuple[int, str, str]]]:
    """The text of an article's HTML, the weight of each of its words, and its sections (where each heading
    with an anchor, h2 to h6, starts in the text, its anchor and its text), leaving out what is not read."""
    article = _Article()
    article.feed(content)
    article.close()
    plain = "".join(article.parts)
    weights = cast(dict[str, float], Counter(words(plain)))  # each word once a time it occurs; Counter: 0 if absent
    for segment, weight in article.weighed:
        for word in words(segment):
            weights[word] += weight
    text, offsets = "", []
    for number, part in enumerate(plain.split(_MARK)):
        part = _SPACE.sub(" ", part)
        if not text or text.endswith(" "):
            part = part.lstrip(" ") if not text else part.removeprefix(" ")
        if number:
            offsets.append(len(text) + (1 if part.startswith(" ") else 0))
        text += part
    return text.rstrip(), weights, [(offset, *heading) for offset, heading in zip(offsets, article.headings)]


#: How many pages a build hands another process to read at once (a site with fewer is read in one process).
BATCH = 100
#: What is read of a page: its text, the weight of each of its words, its sections.
Read = tuple[str, dict[str, float], list[tuple[int, str, str]]]


class PageReader:
    """Reads pages (`read`) handed in one by one under a key (`add`, their HTML compressed); `results` gives
    what was read of each, in the order they were handed in. In a build (more than one processor and no other
    thread: forking threads is unsafe), every BATCH pages are read in another process while the site goes on
    rendering; otherwise (a small site, the live preview) each when `results` comes to it, so that the caller
    can stop between pages and come back for the rest."""

    def __init__(self) -> None:
        self._waiting: deque[tuple[int, bytes]] = deque()
        self._running: list[tuple[list[int], Future]] = []
        self._ready: deque[tuple[int, Read]] = deque()
        self._pool: ProcessPoolExecutor | None = None

    def add(self, key: int, page: bytes) -> None:
        self._waiting.append((key, page))
        if len(self._waiting) >= BATCH and self._apart():
            assert self._pool is not None, "_apart() starts it"
            keys, pages = zip(*self._waiting)
            self._running.append((list(keys), self._pool.submit(_read_all, list(pages))))
            self._waiting.clear()

    def _apart(self) -> bool:
        """Whether pages are read in another process (started with the first batch)."""
        if self._pool is None:
            if processors_to_fork() < 2:
                return False
            self._pool = forked_pool(1)
        return True

    def results(self, wait: bool = True) -> Iterator[tuple[int, Read]]:
        """(key, what was read) of each page handed in and not given yet, in order; without `wait`, only those
        read already (in another process), so that the caller takes them in as the site goes on rendering."""
        while self._running and (wait or self._running[0][1].done()):
            keys, reading = self._running.pop(0)
            self._ready.extend(zip(keys, reading.result()))
        while self._ready:
            yield self._ready.popleft()
        while wait and self._waiting:
            key, page = self._waiting[0]
            found = read(zlib.decompress(page).decode("utf-8"))
            self._waiting.popleft()
            yield key, found

    def close(self) -> None:
        """Stop the other process, if any (pages handed in later start another)."""
        if self._pool is not None:
            self._pool.shutdown()
            self._pool = None


def _read_all(pages: list[bytes]) -> list[Read]:
    return [read(zlib.decompress(page).decode("utf-8")) for page in pages]


class _Open:
    """An element being read to its end: its name, how many elements of that name are open within it and itself,
    and where its text starts among the parts read."""

    __slots__ = ("name", "depth", "start", "weight", "anchor")

    def __init__(self, name: str, start: int, weight: float = 0.0, anchor: str = "") -> None:
        self.name, self.depth, self.start, self.weight, self.anchor = name, 1, start, weight, anchor

    def closes(self, tag: str, opening: bool) -> bool:
        """Count a tag of the element's name; whether it is the element's closing tag."""
        self.depth += 1 if opening else -1
        return not self.depth


class _Article(HTMLParser):
    """An article's text as parts (a space where a block starts or ends, _MARK where a section's heading starts),
    the text of each weighed element (the outermost), with what its words weigh beyond the text's, and each
    section's anchor and heading."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.weighed: list[tuple[str, float]] = []
        self.headings: list[tuple[str, str]] = []
        self._left_out: _Open | None = None  # the element being left out
        self._weighing: _Open | None = None
        self._heading: _Open | None = None  # the heading of a section being read

    def updatepos(self, i: int, j: int) -> int:
        """Keep no line numbers (the parser's own bookkeeping, for `getpos`, which nothing here asks): a fifth of
        the time it takes to read a page."""
        return j

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._start(tag, attrs, closed=tag in _VOID)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._start(tag, attrs, closed=True)

    def _start(self, tag: str, attrs: list[tuple[str, str | None]], closed: bool) -> None:
        if self._left_out is not None:
            if tag == self._left_out.name and not closed:
                self._left_out.depth += 1
            return
        if tag in NOT_TEXT or (attrs and _excluded(attrs)):
            if not closed:
                self._left_out = _Open(tag, 0)
            return
        if tag in _BLOCKS:
            self.parts.append(" ")
        for element in (self._weighing, self._heading):
            if element is not None and tag == element.name and not closed:
                element.depth += 1
        if self._weighing is None:
            weight = HEADING if tag in _HEADINGS else _weight_of(attrs) if attrs else None
            if weight is not None:
                self._weighing = _Open(tag, len(self.parts), max(weight - TEXT, 0.0))
                if closed:
                    self._end_weighing()
        if tag in _HEADINGS and tag != "h1" and self._heading is None:
            anchor = next((value for name, value in attrs if name == "id"), None)
            if anchor:
                self.parts.append(_MARK)
                self._heading = _Open(tag, len(self.parts), anchor=anchor)
                if closed:
                    self._end_heading()

    def handle_endtag(self, tag: str) -> None:
        if self._left_out is not None:
            if tag == self._left_out.name and self._left_out.closes(tag, opening=False):
                self._left_out = None
            return
        if self._heading is not None and tag == self._heading.name and self._heading.closes(tag, opening=False):
            self._end_heading()
        if tag in _BLOCKS:
            self.parts.append(" ")
        if self._weighing is not None and tag == self._weighing.name and self._weighing.closes(tag, opening=False):
            self._end_weighing()

    def handle_data(self, data: str) -> None:
        if self._left_out is None:
            self.parts.append(data.replace(_MARK, "") if _MARK in data else data)

    def _end_weighing(self) -> None:
        assert self._weighing is not None
        self.weighed.append(("".join(self.parts[self._weighing.start :]), self._weighing.weight))
        self._weighing = None

    def _end_heading(self) -> None:
        assert self._heading is not None
        heading = _SPACE.sub(" ", "".join(self.parts[self._heading.start :])).strip()
        self.headings.append((self._heading.anchor, heading))
        self._heading = None

    def close(self) -> None:
        super().close()
        if self._heading is not None:  # never closed: to the end of the article
            self._end_heading()
        if self._weighing is not None:
            self._end_weighing()


def _excluded(attrs: list[tuple[str, str | None]]) -> bool:
    """Whether an element with these attributes is left out: marked so, or of one of EXCLUDED_CLASSES."""
    for name, value in attrs:
        if name == "data-search-exclude" or (
            name == "class" and value and not EXCLUDED_CLASSES.isdisjoint(value.split())
        ):
            return True
    return False


def _weight_of(attrs: list[tuple[str, str | None]]) -> float | None:
    """What the words of an element with these attributes weigh, if a template weighs it."""
    for name, value in attrs:
        if name == "data-search-weight" and value and _WEIGHT.fullmatch(value):
            return float(value)
    return None


#: The kinds of page search can be narrowed to (the filter `kind`), by the folder of their pages, with their
#: labels (in English: each language's `labels` give them in the language, briefings/languages/<code>.yml).
KINDS = {"briefs": "Briefs", "actors": "Actors", "indicators": "Indicators", "mechanisms": "Mechanisms"}
PAGES = ("page", "Pages")  # the kind of every other page


def facets_of(catalog: Any, src_uri: str, language: str | None = None) -> dict[str, list[tuple[str, str]]]:
    """A page's values for the filters, each with its label: its kind (KINDS, by the folder of its page, in
    `language`, a declared language's code; else in English), and a brief's year, actors, mechanisms, regions
    and tags (`catalog`: the site's briefings.catalog.Catalog in that language)."""
    known = declared().get(language or "")
    label = known.label if known is not None else str
    brief = catalog.brief(split_language(src_uri)[0])  # a translation's page: its brief's
    if brief is not None:
        named = lambda folder: [
            (i, catalog.entities[folder][i].name) for i in brief.ids(folder) if i in catalog.entities.get(folder, {})
        ]
        return {
            "kind": [("brief", label(KINDS["briefs"]))],
            "year": [(str(brief.date.year), str(brief.date.year))],
            "actor": named("actors"),
            "mechanism": named("mechanisms"),
            "region": named("regions"),
            "tag": [(tag, tag) for tag in brief.tags],
        }
    folder, _, name = src_uri.partition("/")
    if folder in KINDS and folder != "briefs" and name.removesuffix(".md") in catalog.entities.get(folder, {}):
        return {"kind": [(folder.removesuffix("s"), label(KINDS[folder]))]}
    return {"kind": [(PAGES[0], label(PAGES[1]))]}


@dataclass(frozen=True)
class Analysed:
    """What the index takes of one page: its record's parts, the weight of each of its words (in the order they
    occur) and its values for the filters."""

    title: str
    summary: str | None
    date: date | None
    text: str
    sections: tuple[tuple[int, str, str], ...]
    weights: dict[str, float]
    boost: float
    facets: dict[str, tuple[tuple[str, str], ...]]


@dataclass(frozen=True)
class Added:
    """A page added to the index, until it is read (`PageReader`): its address, and what its analysis takes
    from its metadata."""

    url: str
    title: str
    summary: str | None
    date: date | None
    boost: float
    facets: dict[str, tuple[tuple[str, str], ...]]
