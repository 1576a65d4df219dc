"""The files of the search index, as `overrides/assets/javascripts/search.js` reads them (`briefings.search` says
what each holds): the pieces of words (`pieces`, each stem's entry `encode`d), the record of each page
(`Record`), the values of the filters (`filters`) and the briefs' dates (`dates`). Pages are known by their
number in the index written, and lists of them by the difference of each number from the one before.
"""

from __future__ import annotations

import json
import re
import zlib
from array import array
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, NamedTuple

from .templating import long_date

SHARD_BYTES = 24_000  # a piece of the index larger than this is split by one more letter
COMMON = 400  # pages a word keeps at most; beyond them it is common, and a query does not require it
PREFIX = 2  # letters of the pieces that are not split
EPOCH = date(1970, 1, 1).toordinal()  # a brief's date is written as days since then
#: Forms of a stem that a page's mask tells apart (search.js reads the mask as a 32-bit integer).
MASKED_FORMS = 30
#: A page's values for the filters: facet -> its values, each (value, label).
Facets = dict[str, tuple[tuple[str, str], ...]]


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


def filters(facets: Mapping[int, Facets], order: tuple[str, ...]) -> dict[str, list[list[Any]]]:
    """Each facet of `order`: its values as [value, label, then the pages that have it], most pages first
    (years: newest first), from each page's values (`facets`, by page number)."""
    pages: dict[str, dict[str, list[int]]] = {facet: {} for facet in order}
    labels: dict[tuple[str, str], str] = {}
    for number in sorted(facets):
        for facet, values in facets[number].items():
            for value, label in values:
                pages[facet].setdefault(value, []).append(number)
                labels[facet, value] = label
    found_values = {}
    for facet, found in pages.items():
        ordered = sorted(
            found, key=lambda v: (-int(v) if facet == "year" else -len(found[v]), labels[facet, v].lower())
        )
        found_values[facet] = [[value, labels[facet, value], *_deltas(found[value])] for value in ordered]
    return found_values


def dates(records: Mapping[int, Record]) -> list[int]:
    """Each brief's page and date (in days since EPOCH), by page number."""
    dated, previous = [], 0
    for number, record in sorted(records.items()):
        if record.date:
            dated += [number - previous, record.date.toordinal() - EPOCH]
            previous = number
    return dated


def pieces(postings: list[tuple[str, list[str | int]]], length: int) -> Iterator[tuple[str, dict[str, Any]]]:
    """The pieces of the index for `postings` (each word's, encoded, in the words' order), each word's
    prefix `length` letters long."""
    groups: dict[str, dict[str, list[str | int]]] = {}
    for word, encoded in postings:
        groups.setdefault(word[:length], {})[word] = encoded
    for prefix, group in groups.items():
        if len(json.dumps(group, separators=(",", ":"))) <= SHARD_BYTES or all(len(w) <= length for w in group):
            yield prefix, {"words": group}
            continue
        yield prefix, {"split": True, "words": {word: found for word, found in group.items() if len(word) <= length}}
        yield from pieces([(word, found) for word, found in group.items() if len(word) > length], length + 1)


def encode(found: array, names: list[str], forms: dict[int, list[int]]) -> list[str | int]:
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


class Made(NamedTuple):
    """How many pieces of words a write made anew, of how many it wrote (the others were the last write's), and how
    many files it took as they were from the last build (`SearchIndex.keep`)."""

    anew: int
    of: int
    kept: int = 0

    def __str__(self) -> str:
        return f"{self.anew} of {self.of} pieces of words made anew, {self.kept} files kept"


def write_text(path: Path, text: str) -> None:
    path.write_text(text, "utf-8")


def write_json(path: Path, data: Any, put: Callable[[Path, str], None] = write_text) -> None:
    """Write `data` as compact JSON at `path`, with `put` (the build's cache links a file the same as the last's)."""
    put(path, json.dumps(data, ensure_ascii=False, separators=(",", ":")))


def _deltas(numbers: list[int]) -> list[int]:
    """Numbers in order, each as its difference from the one before."""
    return [number - previous for previous, number in zip([0, *numbers], numbers)]
