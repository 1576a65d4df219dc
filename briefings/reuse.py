"""Reusing the last build: a build writes again only the pages whose inputs changed.

What a page shows is declared once, next to the page, and reduced to a fingerprint here:

- everything the whole site depends on is the build's **key** (`site_inputs.site_key`): the installed packages
  and their versions, this package's own code and templates, `mkdocs.yml` and the configuration as resolved
  (values set from the environment included), the project's `overrides/`, `macros/` and `data/`, and every file
  of the docs folder that is not a brief (hand-written pages carry the navigation). When the key changes, nothing
  is reused;
- a page the core generates (an entity's page, a listing, a tag) is derived from what its template is given and
  asks of the catalog (`Fingerprints`);
- a brief's page, likewise, from what its templates are given (`pages.brief.inputs`: its `page_context`, of the
  briefs it leads to what it shows, `LedTo`, with its text and the day it last changed); a translation's own
  page (`slug.fr.md`), from its file and what the original's page is given in its language
  (`pages.brief.translation_inputs`).

Pages the navigation lists, hand-written pages and any page that called a macro listing briefs (`Macros.listing`)
are always written again. `briefings.buildcache` keeps the last build's pages and uses these fingerprints.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import hashlib
from collections.abc import Mapping
from typing import Any

from .catalog import Catalog
from .languages import DEFAULT
from .model import Brief, Reading
from .pages.brief import LedTo, translation_inputs
from .pages.brief import inputs as brief_inputs
from .site import Site
from .translations import Translation


class Fingerprints:
    """The fingerprint of each page the core generates and each brief's page, by src_uri, but those in
    `leave_out` (the pages the navigation lists, always written again).

    A generated page's is derived from what its template is given (its context, every value in full: each brief
    by the digest of its record) and its place: a template is given everything it shows (templating.py gives
    it no function of the catalog). A brief's is derived alike from `pages.brief.inputs`, and its place.

    In a site in several languages (`languages`, the default first), each language's build has the same source
    paths: every fingerprint is of the page in the build's language `lang` (the catalog in that language), and
    a brief's also holds its translations (its page's alternates, and the note of a language it lacks). A
    translation's own page (`x.fr.md`, in its language's build; `x.md` translating a brief written first in
    Arabic) is derived from `pages.brief.translation_inputs`, with the brief's translations too. A brief written
    in another language has its fingerprint at its own file (`x.ar.md`) in that language, and at its address
    (`x.md`, the note) in a language it has no file in.

    `site`, the site of `catalog` in `lang` if it is made already, is asked for the pages and their places.
    `previous` (the live preview's last ones) lends what it worked out of each object: the loader keeps the
    objects (frozen) that did not change from one read to the next, so each is shown once per preview, not
    once per save; and a page shown as it was (`seen`: by the hash of what it shows, which the process keys at
    random) keeps its fingerprint, which is not worked out again (most of a page's is the text of what it
    shows, some 17 MB a save at 1,000 briefs). If the catalog is arranged as the previous one was
    (`Catalog.arrangement`), going through what a page shows is spared too: a generated page that showed none of
    the briefs that now say something else (`showing`), or a brief's page that shows none of them (`leading`),
    shows what it showed.

    `last`, the last build's `record()` in the language (kept in the build's cache, for a build with the same key),
    does the same from one build to the next: if the catalog is arranged as it was then (by the digest of its
    `arrangement`), a page that showed none of the briefs whose record (or a translation's) changed since (each by
    the digest of its `repr`) keeps the fingerprint it had, and what it shows is not gone through again."""

    def __init__(
        self,
        catalog: Catalog,
        *,
        directory_urls: bool,
        leave_out: set[str],
        lang: str = DEFAULT,
        languages: tuple[str, ...] = (DEFAULT,),
        previous: Fingerprints | None = None,
        site: Site | None = None,
        last: Mapping[str, Any] | None = None,
    ):
        self.memo: dict[int, str] = {}
        self.alive: list[Any] = []
        # While `previous` is alive, so is each object it showed: an object with one of its ids is that object.
        self.lent: dict[int, str] = previous.memo if previous is not None else {}
        self.bases: dict[str, str] = {}
        self.seen: dict[str, int] = {}  # by src_uri, the hash of what each page shows
        self.showing: dict[str, frozenset[str]] = {}  # by src_uri, the briefs each generated page shows
        self.places: dict[str, Any] = {}  # by src_uri, each page's place (the same in catalogs arranged alike)
        self.leading: dict[str, frozenset[str]] = {}  # by src_uri, the briefs each brief's page shows
        self.recalled: dict[str, list[int]] = {}  # by src_uri, what `last` says each page it vouches for shows
        self.page_of: dict[str, str] = {}  # by a brief's src_uri, the source of its page in the language
        self._said: dict[str, bytes] | None = None
        self._arranged: bytes | None = None
        self.before = previous
        # For the places (`site`: the site of `catalog` in `lang` already made, with its catalog in the language).
        plain = site or Site(catalog, directory_urls=directory_urls, lang=lang, site_languages=languages)
        self.catalog = catalog = plain.catalog  # in the language
        several = (lang, languages) if len(languages) > 1 else ()  # (a site in one language: as it was)
        # Arranged as before, the pages showing none of the briefs that say something else show what they showed.
        self.arrangement = catalog.arrangement()
        said: frozenset[str] = frozenset()
        before: dict[str, frozenset[str]] = {}
        led: dict[str, frozenset[str]] = {}
        if previous is not None and previous.arrangement == self.arrangement:
            said, before = _said_otherwise(previous.catalog, catalog), previous.showing
            led, self.places = previous.leading, dict(previous.places)
        vouched = self._vouched(last)
        shows: dict[int, tuple[Any, frozenset[str]]] = {}  # each object with the briefs it shows, by id
        for page in plain.generated_pages():
            src_uri = page.src_uri
            if src_uri in leave_out or self._recall(src_uri, last, vouched):
                continue
            if self._kept(src_uri, before, said, self.showing):
                continue
            context = page.context()
            self.showing[src_uri] = frozenset(_briefs_in(context, set(), shows))
            self.recalled.pop(src_uri, None)
            place = self._place(plain, src_uri)
            shown = (page.template, page.edit_path, self.shown(context), catalog.last_changed(src_uri), place, *several)
            self._derive(src_uri, shown)
        for brief in catalog.briefs:
            # In a language it is translated into, its page is the translation's own (`x.fr.md`; `x.md` for a
            # brief written first in another language); in its own, its file (`x.ar.md`); else the note (`x.md`).
            translation = catalog.translation(brief, lang) if several else None
            own = brief.file_uri if lang == brief.language else brief.src_uri
            src_uri = self.page_of[brief.src_uri] = own if translation is None else translation.src_uri
            if src_uri in leave_out or self._recall(src_uri, last, vouched):
                continue
            if self._kept(src_uri, led, said, self.leading):
                continue
            declared = (
                brief_inputs(catalog, brief) if translation is None else translation_inputs(catalog, brief, translation)
            )
            self.leading[src_uri] = frozenset(_briefs_in(declared, {brief.src_uri}, shows))
            self.recalled.pop(src_uri, None)
            inputs = self.shown(declared)
            if several:
                inputs += self.shown([several, catalog.translations_of(brief)])
            self._derive(src_uri, inputs, self._place(plain, brief.src_uri))
        # What any page may show of the briefs and translations, their text apart (a listing macro's page).
        records = "\n".join(self.shown(item) for item in [*catalog.briefs, *catalog.left_out, *catalog.translations])
        self.records = hashlib.blake2b(records.encode(), digest_size=16).digest()
        self.lent, self.before = {}, None  # `previous` may go

    def _kept(self, src_uri: str, before: Mapping[str, frozenset[str]], said: frozenset[str], into: dict) -> bool:
        """Keep the page's fingerprint from the previous fingerprints if, of the briefs it showed there (`before`:
        their `showing` or `leading`), none says something else now (`said`); then it shows them still (`into`)."""
        if (shown := before.get(src_uri)) is None or shown & said:
            return False
        assert self.before is not None, "what it showed is the previous fingerprints'"
        self.bases[src_uri], self.seen[src_uri] = self.before.bases[src_uri], self.before.seen[src_uri]
        into[src_uri] = shown
        return True

    def show_alike(self, other: Fingerprints | None) -> bool:
        """Whether the briefs show the same here as in `other` (of the same site in the same language) wherever a
        page shows them but on their own pages: the same briefs, arranged alike, saying the same but for their
        text. Then a page listing briefs through macros (the home page, the archive) shows what it showed."""
        return other is not None and other.arrangement == self.arrangement and other.records == self.records

    def _vouched(self, last: Mapping[str, Any] | None) -> frozenset[int] | None:
        """The briefs (by their place in the catalog's order) whose record changed since the `last` build, if the
        catalog is arranged as it was then; else None (`last` vouches for no page)."""
        if last is None or last.get("arrangement") != self.arranged():
            return None
        said = list(self.said().values())
        return frozenset(n for n, (now, then) in enumerate(zip(said, last["said"])) if now != then)

    def _recall(self, src_uri: str, last: Mapping[str, Any] | None, vouched: frozenset[int] | None) -> bool:
        """Take the page's fingerprint from the `last` build's record, if it showed none of the briefs `vouched`
        (`_vouched`) says changed."""
        if vouched is None or last is None or (showing := last["showing"].get(src_uri)) is None:
            return False
        if not vouched.isdisjoint(showing):
            return False
        self.bases[src_uri], self.recalled[src_uri] = last["bases"][src_uri], showing
        for forgotten in (self.seen, self.showing, self.leading):
            forgotten.pop(src_uri, None)
        return True

    def said(self) -> dict[str, bytes]:
        """What each brief of the catalog (in its order, those left out after) says, with its translations, by the
        digest of their records (every field in their `repr`, a reading's brief apart: what the listings show of
        each, `shown`, and its text): worked out once."""
        if self._said is None:
            said = self._with_text
            records = {b.src_uri: [said(b)] for b in self.catalog.briefs + self.catalog.left_out}
            for translation in self.catalog.translations:
                records.setdefault(translation.original, []).append(said(translation))
            digest = hashlib.blake2b
            self._said = {src: digest("\n".join(r).encode(), digest_size=16).digest() for src, r in records.items()}
        return self._said

    def _with_text(self, record: Brief | Translation) -> str:
        """A brief's or a translation's record in full: what the pages listing it show (`shown`), and its text."""
        return f"{self.shown(record)}:{record.words}:{record.text_digest}"

    def record(self) -> dict[str, Any]:
        """What the next build takes of these fingerprints (`last`): plain values only (the cache's manifest)."""
        said = self.said()
        order = {src_uri: n for n, src_uri in enumerate(said)}
        shown = self.showing | self.leading  # (a brief's note that is also a generated page: its brief's page last)
        showing = {src: [order[b] for b in briefs] for src, briefs in shown.items() if briefs <= order.keys()}
        return {
            "arrangement": self.arranged(), "said": list(said.values()),
            "bases": dict(self.bases), "showing": showing | self.recalled, "records": self.records,
        }  # fmt: skip

    def _place(self, site: Site, src_uri: str) -> Any:
        """The place of the page in `site`, worked out once for catalogs arranged alike."""
        if src_uri not in self.places:
            self.places[src_uri] = site.place(src_uri)
        return self.places[src_uri]

    def _derive(self, src_uri: str, *shown: Any) -> None:
        """The page's fingerprint from what it shows; the same as the previous fingerprints' if it shows the same
        (compared with theirs only: a page worked out twice, a brief's note that is also a generated page, takes
        the last)."""
        seen, before = hash(shown), self.before
        known = before.bases.get(src_uri) if before is not None and before.seen.get(src_uri) == seen else None
        self.seen[src_uri], self.bases[src_uri] = seen, known or _fingerprint(src_uri, *shown)

    @classmethod
    def of_site(
        cls, site: Site, *, directory_urls: bool, leave_out: set[str], last: Mapping[str, Any] | None = None
    ) -> Fingerprints:
        """The fingerprints of the pages of `site` (briefings.site.Site) in its language, asking `site` itself for
        the pages and places (so that what its catalog works out, each brief's related briefs, serves the pages
        it renders too)."""
        return cls(
            site.original, directory_urls=directory_urls, leave_out=leave_out, lang=site.language.code,
            languages=site.languages, site=site, last=last,
        )  # fmt: skip

    def __len__(self) -> int:
        return len(self.bases)

    def show_as_then(self, last: Mapping[str, Any] | None) -> bool:
        """Whether the briefs show what they showed in the `last` build's record (`record`) wherever a page shows
        them but on their own pages (`show_alike`, from one build to the next)."""
        return last is not None and last.get("records") == self.records and last.get("arrangement") == self.arranged()

    def arranged(self) -> bytes:
        """The digest of the catalog's `arrangement` (`_arrangement_digest`), worked out once."""
        if self._arranged is None:
            self._arranged = _arrangement_digest(self.arrangement)
        return self._arranged

    def of(self, src_uri: str) -> str | None:
        """The page's fingerprint; None for a page without one."""
        return self.bases.get(src_uri)

    def shown(self, value: Any) -> str:
        """`value` in full, as text: a brief by the digest of its record (its text apart: what other pages show
        of it, its length as its reading time, and the language of the title and summary they show), a reading
        with its brief's. Objects are shown once each."""
        kind = type(value)
        if kind in _PLAIN:
            return repr(value)
        if kind is list or kind is tuple:  # a listing's briefs, each shown already: looked up here, not called
            memo, shown = self.memo, self.shown  # its ids are of objects it keeps alive: no other object has one
            items = [memo.get(id(item)) or (repr(item) if type(item) in _PLAIN else shown(item)) for item in value]
            return "[" + ",".join(items) + "]"
        if kind is dict:
            return "{" + ",".join(f"{key!r}:{self.shown(item)}" for key, item in value.items()) + "}"
        if (known := self.memo.get(id(value))) is not None:
            return known
        if (known := self.lent.get(id(value))) is not None:
            pass
        elif kind is Brief:  # its text is on its own page only, its length elsewhere as its reading time (a
            # template shows no brief's number of words: test_reuse); a listing marks it if in another language
            record = repr([getattr(value, name) for name in _shown_fields(Brief)])
            record += f"{value.reading_minutes}{self.catalog.text_language(value)}"
            known = "B" + hashlib.sha256(record.encode()).hexdigest()
        elif kind is Translation:  # its text is on its own page only (its length too: its reading time)
            record = repr([getattr(value, name) for name in _shown_fields(Translation)])
            known = "T" + hashlib.sha256(record.encode()).hexdigest()
        elif kind is Reading:
            known = f"{value!r}@{self.shown(value.brief)}"
        elif dataclasses.is_dataclass(value):
            names = _FIELDS.get(kind) or _FIELDS.setdefault(kind, tuple(f.name for f in dataclasses.fields(value)))
            known = kind.__name__ + self.shown([getattr(value, name) for name in names])
        else:
            known = repr(value)
        self.memo[id(value)] = known
        self.alive.append(value)  # so that no other object takes its id while the memo holds it
        return known


_PLAIN = {str, int, float, bool, type(None), dt.date}
_FIELDS: dict[type, tuple[str, ...]] = {}
#: What a brief's or a translation's record holds of its text: shown on its own page only.
_TEXT_FIELDS = ("words", "text_digest")


@functools.cache
def _shown_fields(kind: type) -> tuple[str, ...]:
    """The fields of a brief's or a translation's record that the pages listing it may show (those in its `repr`),
    its text apart (`_TEXT_FIELDS`)."""
    return tuple(f.name for f in dataclasses.fields(kind) if f.repr and f.name not in _TEXT_FIELDS)


def _arrangement_digest(arrangement: tuple) -> bytes:
    """The digest of a catalog's `arrangement`, the same from one process to the next (its sets in order)."""
    stable = tuple(tuple(sorted(part)) if isinstance(part, frozenset) else part for part in arrangement)
    return hashlib.blake2b(repr(stable).encode(), digest_size=16).digest()


def _said_otherwise(before: Catalog, after: Catalog) -> frozenset[str]:
    """The briefs (src_uri) that say something else in `after` than in `before`, two catalogs arranged alike (in
    the same order: `Catalog.arrangement`), or whose translation does."""
    found = {b.src_uri for b, old in zip(after.briefs + after.left_out, before.briefs + before.left_out) if b != old}
    found.update(t.original for t, old in zip(after.translations, before.translations) if t != old)
    return frozenset(found)


def _briefs_in(value: Any, found: set[str], memo: dict[int, tuple[Any, frozenset[str]]]) -> set[str]:
    """Adds to `found` the briefs (src_uri) that `value`, what a page's template is given, shows: each brief, and
    the brief of each reading and translation, wherever they are in it. `memo` keeps, by id, each other object
    with those it shows (the object, so that no other takes its id)."""
    kind = type(value)
    if kind is Brief:
        found.add(value.src_uri)
    elif kind is Reading:
        found.update((value.brief.src_uri,) if value.brief is not None else ())
    elif kind is Translation:
        found.add(value.original)
    elif kind is LedTo:  # what a brief's page shows of a brief it leads to
        found.add(value.src_uri)
    elif kind is list or kind is tuple:
        for item in value:
            if type(item) not in _PLAIN:
                _briefs_in(item, found, memo)
    elif kind is dict:
        for key, item in value.items():
            for part in (key, item):
                if type(part) not in _PLAIN:
                    _briefs_in(part, found, memo)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        if (known := memo.get(id(value))) is None:
            names = _FIELDS.get(kind) or _FIELDS.setdefault(kind, tuple(f.name for f in dataclasses.fields(value)))
            known = memo[id(value)] = (value, frozenset(_briefs_in([getattr(value, n) for n in names], set(), memo)))
        found.update(known[1])
    return found


def _fingerprint(*shown: Any) -> str:
    return hashlib.sha256(repr(shown).encode()).hexdigest()
