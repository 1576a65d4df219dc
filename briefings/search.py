"""Search: the site's own index, in small pieces that a reader's browser fetches only as a query needs them.

Each page is added as it renders (`SearchIndex.add`), with the HTML of its article before the theme wraps it,
which `briefings.search_text` reads (in another process during a build): its words, by their stem, each
weighed by where it stands (the title most, then headings and what a template marks `data-search-weight`,
then the text), and its record (address, title, summary, a brief's date, and its text for excerpts). What is
read of a page is taken in as soon as it is read, so that the index holds only what it writes: a build numbers
its pages up front in the site's order (`number`), whatever order they render in; the live preview numbers
them as first added.

Once every page has rendered, `write` puts the index in `search/` of the site (`briefings.search_files` writes
each file as search.js reads it):

- `search/words/<prefix>.json`: the stems starting with <prefix> (their first two letters), each with the
  words of the site that have it (its forms), the pages that hold it, a score for each, and which of its
  forms each page holds (so that a query ranks the very word it asks above the other words of its stem). A
  piece that would pass `search_files.SHARD_BYTES` is split by one more letter: it then keeps only the stems no longer than
  its prefix, and says so (`"split": true`).
- `search/pages/<n>.json`: the record of page n, with its sections: the offset in its text where each heading
  with an anchor (h2 to h6) starts, the anchor and the heading. A word of the text falls under the last
  heading before it: search.js shows the sections where a query's words match under the page's result, each
  linking to its anchor (as Pagefind's sub-results), at no cost to the pieces of the index.
- `search/filters/<facet>.json`, for each of FACETS: its values (a page's kind; a brief's year, actors,
  mechanisms, regions and tags), each with its label and the pages that have it; and `search/filters/
  date.json`, each brief's date, for ordering results newest first. search.js fetches a facet's file only when
  the reader opens that filter, and the dates only when the reader orders by them.

A word found on more than `search_files.COMMON` pages keeps only those where it scores best and is marked
common: a query ranks by it without requiring it. So a query fetches one piece per word typed and the
records of the ten results it shows, and what a reader downloads stays about the same however large the
site grows. `overrides/assets/javascripts/search.js` runs queries in Material's search box; it reads and stems
words exactly as `search_text.words` and `Stemmer` do (tests/test_search.py checks it in Chromium).

The index is kept from one rebuild of the live preview to the next, which renders again only the pages a
save changes; `PreviewIndex` writes it once the preview is quiet, so that a save never waits for search. A build
keeps it for the next in its cache (`state`, `restore`: `briefings.buildcache`), which writes anew only the pieces
of words whose pages changed (`made` says how many).
"""

from __future__ import annotations

import functools
import hashlib
import html
import json
import math
import re
import shutil
import zlib
from array import array
from collections.abc import Callable, Iterable, Mapping
from datetime import date
from pathlib import Path
from typing import Any

from . import search_files
from .search_files import PREFIX, Facets, Made, Record, file_name
from .search_text import TITLE, Added, Analysed, PageReader, Stemmer, facets_of, stemmer_for, words
from .urls import SEARCH_FOLDER

TEXT_LIMIT = 20_000  # characters of a page's text kept for excerpts
#: What search narrows results by (search/filters/<facet>.json; the labels of the filters are in
#: overrides/partials/search.html): each page's values are `search_text.facets_of`'s.
FACETS = ("kind", "year", "actor", "mechanism", "region", "tag")

_SPACE = re.compile(r"\s+")


class SearchIndex:
    """The index of a site, page by page; written once its pages have rendered."""

    def __init__(self, language: str | None = "en") -> None:
        self.stem = Stemmer(language)
        self.language = language
        self._catalog: Any = None  # the site's catalog, for the pages' values for the filters (`use_site`)
        self.put: Callable[[Path, str], None] = search_files.write_text  # writes each file (`write`)
        # Puts there again the last write's file at a path, if it can (a build's cache: `BuildCache.finish`).
        self.keep: Callable[[Path], bool] | None = None
        self._vocabulary: dict[str, int] = {}  # word -> its number
        self._words: list[str] = []
        self._stems: list[int] = []  # word number -> the number of its stem (itself a word)
        self._numbers: dict[str, int] = {}  # url -> the page's number, kept while the page is
        self._next = 0  # the number of the next new page: numbers are never reused
        self._ranked = False  # numbered up front in the site's order (`number`), the index counts only those it holds
        self._records: dict[int, Record] = {}
        self._terms: dict[int, array] = {}  # page number -> stem number << 8 | score, for each of its stems
        self._forms: dict[int, array] = {}  # page number -> the numbers of its words
        self._facets: dict[int, Facets] = {}  # page number -> facet -> values
        # url -> the digest of what the page was added with (its HTML and all `Added` holds): a page added again
        # as it was, and held, is not read again (a build renders again pages that come out the same).
        self._added_as: dict[str, bytes] = {}
        # Pages added, until what was read of them is taken in (`settle`), by ticket; each page's latest ticket.
        self._reader = PageReader()
        self._pending: dict[int, Added] = {}
        self._latest: dict[str, int] = {}
        self._tickets = 0
        # The last write's pieces of words (file name, text), by the first PREFIX letters of their words, and
        # the number it gave each page (by url); the stems whose pages changed since, once `restore`d (None: take
        # none as kept); how many pieces the last write made anew, of how many.
        self._written: dict[str, list[tuple[str, str]]] = {}
        self._written_pages: dict[str, int] = {}
        self._written_records: dict[int, Record] = {}  # the record the last write wrote at each number
        self._changed: set[int] | None = None
        self.made = Made(0, 0)

    def use_language(self, language: str | None) -> None:
        """Stem for `language` from now on: the site's, once its configuration is read. An index that stemmed
        otherwise forgets its pages (the live preview indexes every page again when its configuration changes)."""
        self.language = language
        if stemmer_for(language) != self.stem.algorithm:
            catalog = self._catalog
            self._reader.close()
            SearchIndex.__init__(self, language)  # empty again
            self._catalog = catalog

    def use_site(self, language: str | None, catalog: Any, prefix: str = "") -> dict[str, Any]:
        """Index the site in `language`, whose pages' values for the filters `catalog` (its briefings.catalog.
        Catalog) gives in that language (`facets_of`); return what the search box's template needs: the
        stemmer's algorithm for search.js, the filters, and where the index is (`prefix` the language's folder:
        each language has an index of its own, `fr/search/`)."""
        self.use_language(language)
        self._catalog = catalog
        return {"stemmer": self.stem.algorithm or "", "facets": FACETS, "index": f"{prefix}{SEARCH_FOLDER}/"}

    def number(self, urls: Iterable[str]) -> None:
        """Number the pages of a build up front: `urls`, every page it writes (rendered or copied), in the site's
        order. Each page is then taken in as soon as it is read, at its place, and the index written numbers the
        pages it holds 0, 1, … in that order, whatever order they rendered in. The pages of an index restored
        (`restore`) move to their places; those no longer in the site are forgotten."""
        places = {url: n for n, url in enumerate(urls)}
        if places != self._numbers:
            moved = {old: places[url] for url, old in self._numbers.items() if url in places}
            for name in ("_records", "_terms", "_forms", "_facets"):
                setattr(self, name, {moved[n]: held for n, held in getattr(self, name).items() if n in moved})
            self._added_as = {url: digest for url, digest in self._added_as.items() if url in places}
        self._numbers, self._next, self._ranked = places, len(places), True

    def add(
        self,
        url: str,
        content: str,
        *,
        title: str,
        meta: Mapping[str, Any],
        source: str | None = None,
        facets: dict[str, list[tuple[str, str]]] | None = None,
    ) -> None:
        """Index the page at `url` (relative to the site's root) whose article is the HTML `content`, with its
        title and its metadata as the theme gets them, HTML-escaped: `search: {exclude: true}` leaves it out,
        `search: {boost: 0.5}` weighs its words, `description` is its summary and `date` a brief's date.
        `facets` are its values for the filters (FACETS), each with its label; without them, those that the
        site's catalog (`use_site`) gives the page at `source` (its path in the docs folder). The page is read
        in the background (`PageReader`) and taken in once read, with the pages added before it (`settle`)."""
        page_date = meta.get("date") if isinstance(meta.get("date"), date) else None
        options = search if isinstance(search := meta.get("search"), dict) else {}
        if options.get("exclude"):
            self.remove(url)  # a page read before is left out too
            return
        boost = options.get("boost", 1)
        boost = min(max(float(boost), 0.1), 10.0) if isinstance(boost, (int, float)) else 1.0
        summary = html.unescape(meta["description"]) if isinstance(meta.get("description"), str) else None
        if facets is None and source is not None and self._catalog is not None:
            facets = facets_of(self._catalog, source, self.language)
        number = self._numbers.setdefault(url, self._next)  # numbered as first added, unless numbered up front
        self._next = max(self._next, number + 1)
        added = Added(
            url,
            html.unescape(title),
            _SPACE.sub(" ", summary).strip() if summary else None,
            page_date,
            boost,
            {facet: tuple(values) for facet, values in (facets or {}).items() if facet in FACETS},
        )
        digest = hashlib.blake2b(repr((content, added)).encode(), digest_size=16).digest()
        if self._added_as.get(url) == digest and url not in self._latest and number in self._records:
            return  # held as it was read (and no other reading of it to come)
        self._added_as[url] = digest
        ticket, self._tickets = self._tickets, self._tickets + 1
        self._pending[ticket] = added
        self._latest[url] = ticket
        self._reader.add(ticket, zlib.compress(content.encode("utf-8"), 1))
        self.settle(wait=False)  # what was read meanwhile: a build holds no page's reading longer than it must

    def settle(self, stop: Callable[[], bool] = lambda: False, *, wait: bool = True) -> bool:
        """Take into the index what was read of the pages added since (`PageReader`), in the order they were
        added, each as last added; False if `stop` said so first (the pages left stay to be taken in). Without
        `wait`, only what is read already, and the reader goes on."""
        for ticket, (text, weights, sections) in self._reader.results(wait=wait):
            added = self._pending.pop(ticket)
            if self._latest.get(added.url) == ticket:  # else added again since, or left out
                del self._latest[added.url]
                for word in words(added.title):
                    weights[word] = weights.get(word, 0.0) + TITLE
                analysed = Analysed(
                    added.title,
                    added.summary,
                    added.date,
                    text[:TEXT_LIMIT],
                    tuple(section for section in sections if section[0] < TEXT_LIMIT),
                    weights,
                    added.boost,
                    added.facets,
                )
                self.include(added.url, analysed)
            if stop():
                return False
        if wait:
            self._reader.close()
        return True

    def include(self, url: str, page: Analysed | None) -> None:
        """Index the page at `url` as analysed (None: leave it out)."""
        if page is None:
            self.remove(url)
            return
        number = self._numbers.setdefault(url, self._next)
        self._next = max(self._next, number + 1)
        before = self._held(number)
        text = zlib.compress(page.text.encode("utf-8"), 1)
        self._records[number] = Record(url, page.title, page.summary, page.date, text, page.sections)
        forms = array("I", [self._number_of(word) for word in page.weights])
        by_stem: dict[int, float] = {}
        for form, weight in zip(forms, page.weights.values()):
            by_stem[self._stems[form]] = by_stem.get(self._stems[form], 0.0) + weight
        self._forms[number] = forms
        self._facets[number] = page.facets
        self._terms[number] = array("I", [stem << 8 | _score(weight, page.boost) for stem, weight in by_stem.items()])
        self._touch(before, self._held(number))

    def _held(self, number: int) -> tuple[set[int], set[int]]:
        """What the pieces of words hold of page `number`: its stems with their scores, and its forms (nothing
        while no change is noted)."""
        if self._changed is None:
            return set(), set()
        return set(self._terms.get(number, ())), set(self._forms.get(number, ()))

    def _touch(self, before: tuple[set[int], set[int]], after: tuple[set[int], set[int]]) -> None:
        """Note as changed the stems whose pages or scores or forms differ between `before` and `after`."""
        if self._changed is not None:
            self._changed.update(term >> 8 for term in before[0] ^ after[0])
            self._changed.update(self._stems[form] for form in before[1] ^ after[1])

    def remove(self, url: str) -> None:
        self._latest.pop(url, None)  # a read still to come is dropped too
        self._added_as.pop(url, None)
        number = self._numbers.get(url)
        if number is not None:
            self._touch(self._held(number), (set(), set()))
            self._records.pop(number, None)
            self._terms.pop(number, None)
            self._forms.pop(number, None)
            self._facets.pop(number, None)

    def keep_only(self, urls: set[str]) -> None:
        """Forget the pages whose address is not in `urls` (the live preview: a brief deleted or unpublished)."""
        for url in [url for url in self._numbers if url not in urls]:
            self.remove(url)
            del self._numbers[url]

    #: What `state` gives and `restore` takes: the pages indexed, their words and their numbers.
    STATE: tuple[str, ...] = ("_vocabulary", "_words", "_stems", "_numbers", "_next", "_records", "_terms")
    STATE += ("_forms", "_facets", "_written", "_written_pages", "_written_records", "_added_as")

    def state(self) -> tuple[Any, ...]:
        """The pages indexed, as plain values and arrays (a build keeps them for the next: `briefings.buildcache`)."""
        return (self.stem.algorithm, *(getattr(self, name) for name in self.STATE))

    def restore(self, state: tuple[Any, ...]) -> bool:
        """Index the pages of `state` (`state`) instead of those indexed; False if it stemmed otherwise."""
        if state[0] != self.stem.algorithm or len(state) != len(self.STATE) + 1:
            return False
        for name, value in zip(self.STATE, state[1:]):
            setattr(self, name, value)
        self._changed = set()  # the pieces written are those of the pages restored
        return True

    def write_in(self, site_dir: Path) -> int:
        """Write the index into its folder in `site_dir` (a built site, or a language's folder of it: `search/`);
        return how many pages it holds."""
        return self.write(site_dir / SEARCH_FOLDER)

    def write(
        self, folder: Path, stop: Callable[[], bool] = lambda: False, put: Callable[[Path, str], None] | None = None
    ) -> int:
        """Write the index into `folder` (the site's `search/`, emptied first); return how many pages it holds.
        `stop` is asked between pieces: when it says so, writing stops, and the folder is incomplete. `put` writes
        each file: its `put`, if not given (a build's cache sets it, `BuildCache.finish`: the last build's file where it
        is the same). A file the last write wrote as it is now (a page's record, held since, at the same number; a
        piece of words no page changed) is first offered to `keep`, which takes it from the last build without
        making it again."""
        put = put or self.put
        if not self.settle(stop):
            return 0
        shutil.rmtree(folder, ignore_errors=True)
        (folder / "pages").mkdir(parents=True)
        (folder / "words").mkdir()
        (folder / "filters").mkdir()
        # Each page's number in the files: its own, or its place among the pages held, if numbered up front.
        numbers = sorted(self._records)
        written_as = dict(zip(numbers, range(len(numbers)) if self._ranked else numbers))
        for facet, values in search_files.filters({written_as[n]: self._facets[n] for n in numbers}, FACETS).items():
            search_files.write_json(folder / "filters" / f"{facet}.json", {"values": values}, put)
        dated = search_files.dates({written_as[n]: self._records[n] for n in numbers})
        search_files.write_json(folder / "filters" / "date.json", {"pages": dated}, put)
        keep, last, records, kept = self.keep, self._written_records, {}, 0
        for number in numbers:
            record, path = self._records[number], folder / "pages" / f"{written_as[number]}.json"
            if keep is not None and last.get(written_as[number]) is record and keep(path):
                kept += 1
            else:
                search_files.write_json(path, record.as_json(), put)
            records[written_as[number]] = record
            if stop():
                return 0
        pages = len(numbers)
        urls = {self._records[number].url: written_as[number] for number in numbers}
        redo = None  # the first letters of the pieces to make again (None: all)
        if self._changed is not None and self._written_pages == urls:
            redo = {self._words[stem][:PREFIX] for stem in self._changed}
        wanted = None if redo is None else {n for n, word in enumerate(self._words) if word[:PREFIX] in redo}
        postings, forms = self._postings(wanted, written_as), self._forms_of_stems(wanted, written_as)
        order = sorted(postings, key=lambda n: self._words[n])
        entries = [
            (self._words[n], search_files.encode(postings[n], [self._words[f] for f in forms[n]], forms[n]))
            for n in order
        ]
        same = {} if redo is None else {first: held for first, held in self._written.items() if first not in redo}
        written, made = dict(same), 0
        for prefix, piece in search_files.pieces(entries, PREFIX):
            text = json.dumps({"pages": pages, **piece}, ensure_ascii=False, separators=(",", ":"))
            written.setdefault(prefix[:PREFIX], []).append((file_name(prefix), text))
            made += 1
        for first, pieces in written.items():
            for name, text in pieces:
                path = folder / "words" / f"{name}.json"
                if keep is not None and first in same and keep(path):
                    kept += 1
                else:
                    put(path, text)
                if stop():
                    return 0
        self._written, self._written_pages, self._written_records = written, urls, records
        self.made = Made(made, sum(len(pieces) for pieces in written.values()), kept)
        self._changed = None if self._changed is None else set()
        return pages

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

    def _forms_of_stems(self, wanted: set[int] | None, written_as: dict[int, int]) -> dict[int, dict[int, list[int]]]:
        """Stem number (those `wanted`, or all) -> its forms (word numbers, most pages first) -> the pages
        holding each (by their numbers in the files, `written_as`)."""
        found: dict[int, dict[int, list[int]]] = {}
        stems = self._stems
        for number in sorted(self._forms):
            page = written_as[number]
            for form in self._forms[number]:
                if wanted is None or stems[form] in wanted:
                    found.setdefault(stems[form], {}).setdefault(form, []).append(page)
        return {
            stem: dict(sorted(forms.items(), key=lambda item: (-len(item[1]), self._words[item[0]])))
            for stem, forms in found.items()
        }

    def _postings(self, wanted: set[int] | None, written_as: dict[int, int]) -> dict[int, array]:
        """Stem number (those `wanted`, or all) -> page number (in the files, `written_as`) << 8 | score, for
        each page holding the stem, by page number."""
        postings: dict[int, array] = {}
        for number in sorted(self._terms):
            page = written_as[number] << 8
            for term in self._terms[number]:
                if wanted is not None and term >> 8 not in wanted:
                    continue
                found = postings.get(term >> 8)
                if found is None:
                    found = postings[term >> 8] = array("Q")
                found.append(page | term & 0xFF)
        return postings


@functools.lru_cache(maxsize=4096)
def _score(weight: float, boost: float) -> int:
    """A word's score on a page, 1 to 255, from its weight there: it grows ever more slowly with the weight."""
    return max(1, min(255, round(16 * math.log2(1 + weight) * boost)))
