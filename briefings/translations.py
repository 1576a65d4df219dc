"""A brief's translations: `slug.<lang>.md` beside the original `slug.md` (the suffix layout), or, for a brief
written first in another language (`slug.ar.md`), any other file of it, `slug.md` included, that says
`translation_of: ar` (briefings.originals).

A translation is text: its title, summary, sections, sources' titles and corrections. The judgement is the
original's: its date, the entities it names, its leverage and readings, tags, regions and authors come from the
original, and a translation that states one of them differently is an error. Its sections are the house
headings of its own language (briefings/languages/<lang>.yml), and its macro calls are the same calls, which
link to the entity's page in its language.
"""

from __future__ import annotations

import datetime as dt
import posixpath
from dataclasses import dataclass, field
from typing import Any

from . import languages
from .model import SAYS, Correction, Link, says
from .problems import Location, Problems
from .yamldoc import YamlDocument

#: What a translation's front matter may carry: text only (and the day it was last brought up to date).
TEXT_FIELDS = ("title", "summary", "sources", "corrections", "translated", "translation_of")
#: What a translation takes from its original and may not state differently.
JUDGEMENT_FIELDS = (
    "date",
    "updated",
    "actors",
    "indicators",
    "mechanisms",
    "leverage",
    "readings",
    "tags",
    "regions",
    "authors",
    "draft",
)


@dataclass(frozen=True)
class Translation:
    """A brief's text in another language."""

    original: str  # the original's src_uri: "briefs/2026/doha-talks.md"
    lang: str
    src_uri: str  # "briefs/2026/doha-talks.ar.md"
    title: str = field(metadata=SAYS)
    summary: str = field(metadata=SAYS)
    sources: tuple[Link, ...] = says(default=())
    corrections: tuple[Correction, ...] = says(default=())
    translated: dt.date | None = None
    source: Location | None = says(default=None)
    words: int = says(default=0)  # its text's, for its reading time
    text_digest: str = says(
        default=""
    )  # a fingerprint of its file (front matter and body): whether its own page changed


def split_language(src_uri: str) -> tuple[str, str | None]:
    """The page a file of the docs folder stands for, and the language its name gives (None: the default's):
    `briefs/2026/x.ar.md` is (`briefs/2026/x.md`, "ar"); a suffix that is no declared language is part of
    the name."""
    folder, name = posixpath.split(src_uri)
    stem, dot, extension = name.rpartition(".")
    base, _, suffix = stem.rpartition(".")
    if not dot or not base or suffix == languages.DEFAULT or suffix not in languages.declared():
        return src_uri, None
    return posixpath.join(folder, f"{base}.{extension}"), suffix


def read_translation(
    doc: YamlDocument,
    original: dict[str, Any],
    original_rel: str,
    *,
    src_uri: str,
    rel: str,
    problems: Problems,
    lang: str | None = None,
) -> Translation | None:
    """A translation's front matter checked against its original's (`original`, read from `original_rel`), in
    language `lang` (by default the one its file name gives)."""
    meta = doc.value
    base, named = split_language(src_uri)
    lang = lang or named
    name = posixpath.basename(original_rel)
    ok = True
    for key in meta:
        if key in JUDGEMENT_FIELDS:
            if meta[key] != original.get(key):
                stated = f"'{key}' is {_shown(original[key])} there" if key in original else f"it has no '{key}'"
                problems.error(
                    doc.locate((key,)),
                    f"'{key}' differs from the original's ({stated}): leave it out: a translation takes it from {name}",
                )
                ok = False
        elif key not in TEXT_FIELDS:
            problems.error(
                doc.locate((key,)),
                f"a translation's front matter carries {', '.join(TEXT_FIELDS)} only: remove '{key}'",
            )
            ok = False
    for key in ("title", "summary"):
        if not isinstance(meta.get(key), str) or not meta[key].strip():
            problems.error(Location(rel, 2), f"a translation needs its '{key}', in its language")
            ok = False
    sources = meta.get("sources") or []
    original_urls = [s.get("url") for s in original.get("sources") or [] if isinstance(s, dict)]
    urls = [s.get("url") if isinstance(s, dict) else None for s in sources] if isinstance(sources, list) else None
    if "sources" in meta and urls != original_urls:
        problems.error(
            doc.locate(("sources",)),
            f"a translation's sources are the original's, with the same addresses in the same order "
            f"({', '.join(map(str, original_urls)) or 'none'}): translate their titles only",
        )
        ok = False
    corrections = meta.get("corrections") or []
    original_dates = [str(c.get("date")) for c in original.get("corrections") or [] if isinstance(c, dict)]
    dates = (
        [str(c.get("date")) if isinstance(c, dict) else None for c in corrections]
        if isinstance(corrections, list)
        else None
    )
    if "corrections" in meta and dates != original_dates:
        problems.error(
            doc.locate(("corrections",)),
            "a translation's corrections are the original's, with the same dates in the same order: translate their text only",
        )
        ok = False
    translated = meta.get("translated")
    if translated is not None and not isinstance(translated, dt.date):
        try:
            translated = dt.date.fromisoformat(str(translated))
        except ValueError:
            problems.error(doc.locate(("translated",)), "'translated' is a date written as YYYY-MM-DD")
            ok = False
    if not ok or lang is None:
        return None
    return Translation(
        original=base,
        lang=lang,
        src_uri=src_uri,
        title=" ".join(meta["title"].split()),
        summary=" ".join(meta["summary"].split()),
        sources=tuple(Link(" ".join(str(s.get("title", "")).split()), s["url"]) for s in sources),
        corrections=tuple(
            Correction(dt.date.fromisoformat(str(c["date"])), " ".join(str(c.get("text", "")).split()))
            for c in corrections
        ),
        translated=translated,
        source=Location(rel, 1),
    )


def _shown(value: Any) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(map(str, value)) + "]"
    return str(value)
