"""Search: the site's own index, in small pieces that a reader's browser fetches only as a query needs them.

Each page is indexed as it renders (`SearchIndex.add`), from the HTML of its article before the theme wraps
it: its words, by their stem (the Snowball stemmer of the site's language, STEMMERS), each weighed by where it stands (the title most, then headings and what a template marks
`data-search-weight="N"`, then the text), and its record (address, title, summary, a brief's date, and its
text for excerpts). Never indexed: the "¶" permalink of each heading; what a template marks
`data-search-exclude`, such as a chart; lists of briefs (templates/pages/_brief-list.md), which repeat each
brief's title and summary on the listing pages; and a brief's related, previous and next briefs
(templates/pages/brief-related.md). Indexed, every listing would match every query about its briefs and
outrank them, and each brief would be found by its neighbours' titles.

Once every page has rendered, `write` puts the index in `search/` of the site:

- `search/words/<prefix>.json`: the stems starting with <prefix> (their first two letters), each with the
  words of the site that have it (its forms), the pages that hold it, a score for each, and which of its
  forms each page holds (so that a query ranks the very word it asks above the other words of its stem). A
  piece that would pass SHARD_BYTES is split by one more letter: it then keeps only the stems no longer than
  its prefix, and says so (`"split": true`).
- `search/pages/<n>.json`: the record of page n, with its sections: the offset in its text where each heading
  with an anchor (h2 to h6) starts, the anchor and the heading. A word of the text falls under the last
  heading before it: search.js shows the sections where a query's words match under the page's result, each
  linking to its anchor (as Pagefind's sub-results), at no cost to the pieces of the index.

- `search/filters/<facet>.json`, for each of FACETS: its values (a page's kind; a brief's year, actors,
  mechanisms, regions and tags), each with its label and the pages that have it; and `search/filters/
  date.json`, each brief's date, for ordering results newest first. search.js fetches a facet's file only when
  the reader opens that filter, and the dates only when the reader orders by them.

A word found on more than COMMON pages keeps only the COMMON pages where it scores best and is marked
common: a query ranks by it without requiring it. So a query fetches one piece per word typed and the
records of the ten results it shows, and what a reader downloads stays about the same however large the
site grows. `overrides/assets/javascripts/search.js` runs queries in Material's search box; it reads words
exactly as `words` does here, and stems them with the same Snowball algorithm, vendored from the npm
registry into `overrides/assets/javascripts/stemmers/` by script/vendor-stemmers (tests/test_search.py checks
in Chromium that both give the same stem for every word of the example site and the benchmark's corpus).

The index is kept from one rebuild of the live preview to the next, which renders again only the pages a
save changes; `PreviewIndex` writes it once the preview is quiet, so that a save never waits for search.
"""

from __future__ import annotations

import functools
import html
import json
import math
import re
import shutil
import threading
import unicodedata
import zlib
from array import array
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Callable, Iterator

import snowballstemmer

from .templating import long_date

FOLDER = "search"
SHARD_BYTES = 24_000  # a piece of the index larger than this is split by one more letter
COMMON = 400  # pages a word keeps at most; beyond them it is common, and a query does not require it
PREFIX = 2  # letters of the pieces that are not split
TEXT_LIMIT = 20_000  # characters of a page's text kept for excerpts
#: Classes of elements left out of the index (see above), besides `data-search-exclude`.
EXCLUDED_CLASSES = ("headerlink", "brief-list", "brief-related", "brief-sequence")
#: How much a word weighs by where it stands.
TITLE, HEADING, TEXT = 30.0, 5.0, 1.0
#: The Snowball algorithm that stems the words of a site, by its language (`theme.language` in mkdocs.yml,
#: its first part): the one place that chooses. The index stems with the Python package snowballstemmer; the
#: browser with the same algorithm from the npm package snowball-stemmers, which script/vendor-stemmers copies
#: into overrides/assets/javascripts/stemmers/<algorithm>.js. A language not listed is not stemmed.
STEMMERS = {"en": "english"}
#: What search narrows results by (search/filters/<facet>.json; the labels of the filters are in
#: overrides/partials/search.html), and the kinds of page, by the folder of their pages.
FACETS = ("kind", "year", "actor", "mechanism", "region", "tag")
KINDS = {"briefs": "Briefs", "actors": "Actors", "indicators": "Indicators", "mechanisms": "Mechanisms"}
PAGES = ("page", "Pages")  # the kind of every other page
EPOCH = date(1970, 1, 1).toordinal()  # a brief's date is written as days since then
#: Forms of a stem that a page's mask tells apart (search.js reads the mask as a 32-bit integer).
MASKED_FORMS = 30

_NAME = r"[a-zA-Z][a-zA-Z0-9-]*"
#: The opening tags of what is never indexed: what a reader does not read as text, and what is marked so.
_LEFT_OUT = re.compile(
    rf"<(svg|script|style|template|button)\b[^>]*>|<({_NAME})\b[^>]*?(?:\sdata-search-exclude\b"
    rf"|\sclass=\"(?:[^\"]*\s)?(?:{'|'.join(EXCLUDED_CLASSES)})(?:\s[^\"]*)?\")[^>]*>"
)
#: The opening tags of headings and of what a template weighs.
_WEIGHED = re.compile(rf"<(h[1-6])\b[^>]*>|<({_NAME})\b[^>]*?\sdata-search-weight=\"([0-9.]+)\"[^>]*>")
_HEADING = re.compile(r"<(h[1-6])\b[^>]*>")
#: The opening tags of the headings that start a section: with an anchor, below the page's title.
_SECTION = re.compile(r"<(h[2-6])\b[^>]*?\sid=\"([^\"]+)\"[^>]*>")
_MARK = "\ue000"  # where a section starts in the text (a character of private use: no word's, no page's)
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
)
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_BLOCK_TAG = re.compile(
    r"</?(?:p|li|dt|dd|div|tr|td|th|blockquote|section|table|br|details|summary|figcaption"
    r"|ul|ol|dl|pre|h[1-6])\b[^>]*>"
)
_ANY_TAG = re.compile(r"<[^>]*>")
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


def file_name(prefix: str) -> str:
    """The file name of the piece of the index for words starting with `prefix` (search.js: `fileName`)."""
    if re.fullmatch(r"[a-z0-9]+", prefix):
        return prefix
    return "_" + "-".join(f"{ord(c):x}" for c in prefix)


@dataclass
class Record:
    """What a result shows of a page."""

    url: str  # relative to the site's root, as "briefs/2026/talks/"
    title: str
    summary: str | None
    date: date | None
    text: bytes  # compressed: the texts of every page are kept until the index is written
    sections: tuple[tuple[int, str, str], ...] = ()  # (offset in the text, anchor, heading) of each heading

    def as_json(self) -> dict[str, Any]:
        record: dict[str, Any] = {"url": self.url, "title": self.title}
        if self.summary:
            record["summary"] = self.summary
        if self.date:
            record["date"], record["datetime"] = long_date(self.date), self.date.isoformat()
        record["text"] = zlib.decompress(self.text).decode("utf-8")
        if self.sections:
            record["sections"] = [list(section) for section in self.sections]
        return record


@dataclass(frozen=True)
class Analysed:
    """What the index keeps of one page, before it is numbered among the site's: its record's parts, the
    weight of each of its words (in the order they occur) and its values for the filters."""

    title: str
    summary: str | None
    date: date | None
    text: str
    sections: tuple[tuple[int, str, str], ...]
    weights: dict[str, float]
    boost: float
    facets: dict[str, tuple[tuple[str, str], ...]]

    def as_json(self) -> dict[str, Any]:
        """As plain values only (text that is `Markup` as `str`), for JSON or `marshal`."""
        return {
            "title": str(self.title),
            "summary": None if self.summary is None else str(self.summary),
            "date": self.date.isoformat() if self.date else None,
            "text": str(self.text),
            "sections": tuple((int(at), str(anchor), str(heading)) for at, anchor, heading in self.sections),
            "weights": {str(word): float(weight) for word, weight in self.weights.items()},
            "boost": float(self.boost),
            "facets": {str(f): tuple((str(v), str(label)) for v, label in values) for f, values in self.facets.items()},
        }

    @classmethod
    def from_json(cls, kept: dict[str, Any]) -> Analysed:
        return cls(
            **{
                **kept,
                "date": date.fromisoformat(kept["date"]) if kept["date"] else None,
                "sections": tuple(map(tuple, kept["sections"])),
                "facets": {facet: tuple(map(tuple, values)) for facet, values in kept["facets"].items()},
            }
        )


class SearchIndex:
    """The index of a site, page by page; written once its pages have rendered."""

    def __init__(self, language: str | None = "en") -> None:
        self.stem = Stemmer(language)
        self._catalog: Any = None  # the site's catalog, for the pages' values for the filters (`use_site`)
        self._vocabulary: dict[str, int] = {}  # word -> its number
        self._words: list[str] = []
        self._stems: list[int] = []  # word number -> the number of its stem (itself a word)
        self._numbers: dict[str, int] = {}  # url -> the page's number, kept while the page is
        self._next = 0  # the number of the next new page: numbers are never reused
        self._records: dict[int, Record] = {}
        self._terms: dict[int, array] = {}  # page number -> stem number << 8 | score, for each of its stems
        self._forms: dict[int, array] = {}  # page number -> the numbers of its words
        self._facets: dict[int, dict[str, tuple[tuple[str, str], ...]]] = {}  # page number -> facet -> values
        self.pending: dict[str, Analysed | None] | None = None  # pages analysed, not yet included, by url

    def use_language(self, language: str | None) -> None:
        """Stem for `language` from now on: the site's, once its configuration is read. An index that stemmed
        otherwise forgets its pages (the live preview indexes every page again when its configuration changes)."""
        if stemmer_for(language) != self.stem.algorithm:
            catalog = self._catalog
            self.__init__(language)
            self._catalog = catalog

    def use_site(self, language: str | None, catalog: Any) -> dict[str, Any]:
        """Index the site in `language`, whose pages' values for the filters `catalog` (its briefings.catalog.
        Catalog) gives (`facets_of`); return what the search box's template needs: the stemmer's algorithm for
        search.js, and the filters."""
        self.use_language(language)
        self._catalog = catalog
        return {"stemmer": self.stem.algorithm or "", "facets": FACETS}

    def add(
        self,
        url: str,
        content: str,
        *,
        title: str,
        meta: dict[str, Any],
        source: str | None = None,
        facets: dict[str, list[tuple[str, str]]] | None = None,
    ) -> None:
        """Index the page at `url` (see `analyse`); while `pending` is not None, only analyse it, into `pending`
        (a build indexes its pages once they are all built, in the site's order: see `briefings.buildcache`)."""
        analysed = self.analyse(url, content, title=title, meta=meta, source=source, facets=facets)
        if self.pending is not None:
            self.pending[url] = analysed
        else:
            self.include(url, analysed)

    def analyse(
        self,
        url: str,
        content: str,
        *,
        title: str,
        meta: dict[str, Any],
        source: str | None = None,
        facets: dict[str, list[tuple[str, str]]] | None = None,
    ) -> Analysed | None:
        """What the index keeps of the page at `url` (relative to the site's root) whose article is the HTML
        `content`, with its title and its metadata as the theme gets them, HTML-escaped: `search: {exclude:
        true}` leaves it out (None), `search: {boost: 0.5}` weighs its words, `description` is its summary and
        `date` a brief's date. `facets` are its values for the filters (FACETS), each with its label; without
        them, those that the site's catalog (`use_site`) gives the page at `source` (its path in the docs
        folder). A page's analysis depends on nothing else: a build may keep it for the next (`Analysed.as_json`)."""
        title = html.unescape(title)
        page_date = meta.get("date") if isinstance(meta.get("date"), date) else None
        options = meta.get("search") if isinstance(meta.get("search"), dict) else {}
        if options.get("exclude"):
            return None
        boost = options.get("boost", 1)
        boost = min(max(float(boost), 0.1), 10.0) if isinstance(boost, (int, float)) else 1.0
        text, weights, sections = _read(content)
        for word in words(title):
            weights[word] = weights.get(word, 0.0) + TITLE
        summary = html.unescape(meta["description"]) if isinstance(meta.get("description"), str) else None
        if facets is None and source is not None and self._catalog is not None:
            facets = facets_of(self._catalog, source)
        return Analysed(
            title,
            _SPACE.sub(" ", summary).strip() if summary else None,
            page_date,
            text[:TEXT_LIMIT],
            tuple(section for section in sections if section[0] < TEXT_LIMIT),
            weights,
            boost,
            {facet: tuple(map(tuple, values)) for facet, values in (facets or {}).items() if facet in FACETS},
        )

    def include(self, url: str, page: Analysed | None) -> None:
        """Index the page at `url` as analysed (None: leave it out)."""
        if page is None:
            self.remove(url)
            return
        number = self._numbers.setdefault(url, self._next)
        self._next = max(self._next, number + 1)
        text = zlib.compress(page.text.encode("utf-8"), 1)
        self._records[number] = Record(url, page.title, page.summary, page.date, text, page.sections)
        forms = array("I", [self._number_of(word) for word in page.weights])
        by_stem: dict[int, float] = {}
        for form, weight in zip(forms, page.weights.values()):
            by_stem[self._stems[form]] = by_stem.get(self._stems[form], 0.0) + weight
        self._forms[number] = forms
        self._facets[number] = page.facets
        self._terms[number] = array("I", [stem << 8 | _score(weight, page.boost) for stem, weight in by_stem.items()])

    def remove(self, url: str) -> None:
        number = self._numbers.get(url)
        if number is not None:
            self._records.pop(number, None)
            self._terms.pop(number, None)
            self._forms.pop(number, None)
            self._facets.pop(number, None)

    def keep_only(self, urls: set[str]) -> None:
        """Forget the pages whose address is not in `urls` (the live preview: a brief deleted or unpublished)."""
        for url in [url for url in self._numbers if url not in urls]:
            self.remove(url)
            del self._numbers[url]

    def write(self, folder: Path, stop: Callable[[], bool] = lambda: False) -> int:
        """Write the index into `folder` (the site's `search/`, emptied first); return how many pages it holds.
        `stop` is asked between pieces: when it says so, writing stops, and the folder is incomplete."""
        shutil.rmtree(folder, ignore_errors=True)
        (folder / "pages").mkdir(parents=True)
        (folder / "words").mkdir()
        (folder / "filters").mkdir()
        for facet, values in self._filters().items():
            _write_json(folder / "filters" / f"{facet}.json", {"values": values})
        dated, previous = [], 0
        for number in sorted(n for n, record in self._records.items() if record.date):
            dated += [number - previous, self._records[number].date.toordinal() - EPOCH]
            previous = number
        _write_json(folder / "filters" / "date.json", {"pages": dated})
        for number in sorted(self._records):
            _write_json(folder / "pages" / f"{number}.json", self._records[number].as_json())
            if stop():
                return 0
        postings, forms = self._postings(), self._forms_of_stems()
        pages = len(self._records)
        order = sorted(postings, key=lambda n: self._words[n])
        entries = [
            (self._words[n], _encode(postings[n], [self._words[form] for form in forms[n]], forms[n])) for n in order
        ]
        for prefix, piece in _pieces(entries, PREFIX):
            _write_json(folder / "words" / f"{file_name(prefix)}.json", {"pages": pages, **piece})
            if stop():
                return 0
        return pages

    def _filters(self) -> dict[str, list[list[Any]]]:
        """Each facet's values: [value, label, then the pages that have it (each number's difference from the
        one before)], most pages first (years: newest first)."""
        pages: dict[str, dict[str, list[int]]] = {facet: {} for facet in FACETS}
        labels: dict[tuple[str, str], str] = {}
        for number in sorted(self._facets):
            for facet, values in self._facets[number].items():
                for value, label in values:
                    pages[facet].setdefault(value, []).append(number)
                    labels[facet, value] = label
        filters = {}
        for facet, found in pages.items():
            order = sorted(
                found, key=lambda v: (-int(v) if facet == "year" else -len(found[v]), labels[facet, v].lower())
            )
            filters[facet] = [[value, labels[facet, value], *_deltas(found[value])] for value in order]
        return filters

    def _number_of(self, word: str) -> int:
        number = self._vocabulary.get(word)
        if number is None:
            number = self._vocabulary[word] = len(self._words)
            self._words.append(word)
            self._stems.append(number)
            stem = self.stem(word)
            if stem != word:
                self._stems[number] = self._number_of(stem)
        return number

    def _forms_of_stems(self) -> dict[int, dict[int, list[int]]]:
        """Stem number -> its forms (word numbers, most pages first) -> the pages holding each."""
        found: dict[int, dict[int, list[int]]] = {}
        for number in sorted(self._forms):
            for form in self._forms[number]:
                found.setdefault(self._stems[form], {}).setdefault(form, []).append(number)
        return {
            stem: dict(sorted(forms.items(), key=lambda item: (-len(item[1]), self._words[item[0]])))
            for stem, forms in found.items()
        }

    def _postings(self) -> dict[int, array]:
        """Word number -> page number << 8 | score, for each page holding the word, by page number."""
        postings: dict[int, array] = {}
        for number in sorted(self._terms):
            for term in self._terms[number]:
                found = postings.get(term >> 8)
                if found is None:
                    found = postings[term >> 8] = array("Q")
                found.append(number << 8 | term & 0xFF)
        return postings


@functools.lru_cache(maxsize=4096)
def _score(weight: float, boost: float) -> int:
    """A word's score on a page, 1 to 255, from its weight there: it grows ever more slowly with the weight."""
    return max(1, min(255, round(16 * math.log2(1 + weight) * boost)))


def _read(content: str) -> tuple[str, dict[str, float], list[tuple[int, str, str]]]:
    """The text of an article's HTML, the weight of each of its words, and its sections (where each heading
    with an anchor starts in the text, its anchor and its text), leaving out what is not indexed."""
    if "<!--" in content:
        content = _COMMENT.sub("", content)
    content = _without(_LEFT_OUT, content).replace(_MARK, "")
    headings: list[tuple[str, str]] = []
    if "<h" in content:
        content = _SECTION.sub(lambda found: _mark_section(found, content, headings), content)
    plain = _plain(content)
    weights: dict[str, float] = Counter(words(plain))  # each word once a time it occurs
    for segment, weight in _weighed(content):
        for word in words(_plain(segment)):
            weights[word] += weight
    text, offsets = "", []
    for number, part in enumerate(plain.split(_MARK)):
        part = _SPACE.sub(" ", part)
        if not text or text.endswith(" "):
            part = part.lstrip(" ") if not text else part.removeprefix(" ")
        if number:
            offsets.append(len(text) + (1 if part.startswith(" ") else 0))
        text += part
    return text.rstrip(), weights, [(offset, anchor, heading) for offset, (anchor, heading) in zip(offsets, headings)]


def _mark_section(found: re.Match, content: str, headings: list[tuple[str, str]]) -> str:
    """The opening tag of a heading with an anchor, marked where its text starts; its anchor and text noted."""
    end = _end_of(content, found[1].lower(), found)
    inner = content[found.end() : end]
    inner = inner[: inner.rfind("</")] if "</" in inner else inner
    headings.append((html.unescape(found[2]), _SPACE.sub(" ", _plain(inner)).strip()))
    return found[0] + _MARK


def _without(opening: re.Pattern, content: str) -> str:
    """`content` without the elements whose opening tag matches `opening`."""
    parts, position = [], 0
    while found := opening.search(content, position):
        parts.append(content[position : found.start()])
        position = _end_of(content, (found[1] or found[2]).lower(), found)
    parts.append(content[position:])
    return "".join(parts)


def _weighed(content: str) -> Iterator[tuple[str, float]]:
    """The headings and what a template weighs, each with what its words weigh beyond the text's."""
    position, opening = 0, _WEIGHED if "data-search-weight" in content else _HEADING
    while found := opening.search(content, position):
        position = _end_of(content, (found[1] or found[2]).lower(), found)
        weight = HEADING if found[1] else float(found[3])
        yield content[found.end() : position], max(weight - TEXT, 0.0)


def _end_of(content: str, name: str, opening: re.Match) -> int:
    """Where the element `name` that `opening` opens ends, past its closing tag (the elements of the same
    name inside it counted); the end of `content` if it is never closed."""
    if name in _VOID or opening[0].endswith("/>"):
        return opening.end()
    depth = 1
    for tag in _tags_named(name).finditer(content, opening.end()):
        depth += -1 if tag[1] else 1
        if depth == 0:
            return tag.end()
    return len(content)


@functools.cache
def _tags_named(name: str) -> re.Pattern:
    return re.compile(rf"<(/?){name}\b[^>]*>", re.I)


def _plain(content: str) -> str:
    """The text of HTML: its tags removed (those of blocks as spaces), its characters unescaped."""
    return html.unescape(_ANY_TAG.sub("", _BLOCK_TAG.sub(" ", content)))


def _pieces(postings: list[tuple[str, list[int]]], length: int) -> Iterator[tuple[str, dict[str, Any]]]:
    """The pieces of the index for `postings` (each word's, encoded, in the words' order), each word's
    prefix `length` letters long."""
    groups: dict[str, dict[str, list[int]]] = {}
    for word, encoded in postings:
        groups.setdefault(word[:length], {})[word] = encoded
    for prefix, group in groups.items():
        if len(json.dumps(group, separators=(",", ":"))) <= SHARD_BYTES or all(len(w) <= length for w in group):
            yield prefix, {"words": group}
            continue
        yield prefix, {"split": True, "words": {word: found for word, found in group.items() if len(word) <= length}}
        yield from _pieces([(word, found) for word, found in group.items() if len(word) > length], length + 1)


def _encode(found: array, names: list[str], forms: dict[int, list[int]]) -> list[str | int]:
    """A stem's entry: its forms (the words of the site that have it, `names`, most pages first), how many
    pages hold it, then for each page kept (by page number) the number's difference from the one before, the
    stem's score there and, if it has more than one form, which forms the page holds (bit n: the nth form; the
    first MASKED_FORMS forms only). A common stem keeps the COMMON pages where it scores best."""
    kept = sorted(found, key=lambda posting: -(posting & 0xFF))[:COMMON] if len(found) > COMMON else found
    masks: dict[int, int] = {}
    if len(forms) > 1:
        for bit, pages in enumerate(list(forms.values())[:MASKED_FORMS]):
            for page in pages:
                masks[page] = masks.get(page, 0) | 1 << bit
    encoded: list[str | int] = [*names, len(found)]
    previous = 0
    for posting in sorted(kept):
        encoded += [(posting >> 8) - previous, posting & 0xFF]
        if len(forms) > 1:
            encoded.append(masks.get(posting >> 8, 0))
        previous = posting >> 8
    return encoded


def _deltas(numbers: list[int]) -> list[int]:
    """Numbers in order, each as its difference from the one before."""
    return [number - previous for previous, number in zip([0, *numbers], numbers)]


def facets_of(catalog: Any, src_uri: str) -> dict[str, list[tuple[str, str]]]:
    """A page's values for the filters, each with its label: its kind (KINDS, by the folder of its page), and
    a brief's year, actors, mechanisms, regions and tags (`catalog`: the site's briefings.catalog.Catalog)."""
    brief = catalog.brief(src_uri)
    if brief is not None:
        named = lambda folder: [
            (i, catalog.entities[folder][i].name)
            for i in brief.ids(folder)  # noqa: E731
            if i in catalog.entities.get(folder, {})
        ]
        return {
            "kind": [("brief", KINDS["briefs"])],
            "year": [(str(brief.date.year), str(brief.date.year))],
            "actor": named("actors"),
            "mechanism": named("mechanisms"),
            "region": named("regions"),
            "tag": [(tag, tag) for tag in brief.tags],
        }
    folder, _, name = src_uri.partition("/")
    if folder in KINDS and folder != "briefs" and name.removesuffix(".md") in catalog.entities.get(folder, {}):
        return {"kind": [(folder.removesuffix("s"), KINDS[folder])]}
    return {"kind": [PAGES]}


def _write_json(path: Path, data: Any) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), "utf-8")


class PreviewIndex:
    """The live preview's index, written in the background once the preview is quiet, so that a save never
    waits for search.

    Writing the index of a large site takes a moment, and beside a rebuild it would slow the rebuild down: so
    it starts once the preview has been quiet for `QUIET` seconds after a rebuild, and a rebuild that starts
    meanwhile stops it (`interrupt`). Each run writes a new folder beside the one served and then swaps it
    in, so that search always works, a moment behind the last save."""

    QUIET = 1.0  # seconds
    NEXT = ".search-next"  # the index being written, in the preview's own folder

    def __init__(self) -> None:
        self._timer: threading.Timer | None = None
        self._stop = threading.Event()

    def update(self, index: SearchIndex, site: Path) -> None:
        """The site was rebuilt: write its index once the preview is quiet."""
        self.interrupt()
        self._stop = threading.Event()
        self._timer = threading.Timer(self.QUIET, self._write, args=(index, site, self._stop))
        self._timer.daemon = True
        self._timer.start()

    def interrupt(self) -> None:
        """A rebuild starts: stop writing (the next update starts again)."""
        self._stop.set()
        if self._timer is not None:
            self._timer.cancel()
        self.wait()

    def wait(self) -> None:
        if self._timer is not None:
            self._timer.join()

    def _write(self, index: SearchIndex, site: Path, stop: threading.Event) -> None:
        staging, served, previous = site / self.NEXT, site / FOLDER, site / ".search-previous"
        try:
            if not index.write(staging, stop=stop.is_set) or stop.is_set():
                return
            shutil.rmtree(previous, ignore_errors=True)
            if served.exists():
                served.rename(previous)
            staging.rename(served)
            shutil.rmtree(previous, ignore_errors=True)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
