"""Reading one brief's original for the loader: its file name, its front matter (`frontmatter`, the schema),
its macro calls (`calls`), its raw HTML (`safety`), its links (`links`), the rules of one brief (`brief_rules`:
its five headings in its language, placeholders, judgements), then the `Brief` it stands for.

An original is `slug.md`, in the default language, or `slug.<code>.md` for a brief written first, or only, in
another language (`briefings.originals` says which file is a brief's original): its `Brief` has the page's
address without the language (`briefs/2026/slug.md`, as every language's page of it) and its `language`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from dataclasses import dataclass

from . import brief_rules, languages, safety, schema
from .calls import read_calls
from .frontmatter import read_front_matter
from .kinds import KINDS
from .links import PageLinks, read_links
from .model import Brief, Correction, Leverage, Link, count_words
from .problems import Location, Problems
from .sources import Source
from .translations import split_language


@dataclass(frozen=True)
class BriefPage:
    brief: Brief | None  # None: not usable (the problems say why)
    templated: bool = False  # it holds macro calls, for the engine to render
    links: PageLinks | None = None


def read_brief(
    page: Source, text_of: Callable[[], str | None], known: dict, calls: dict, problems: Problems
) -> BriefPage:
    """The original `page` (its text as `text_of` reads it, None when unreadable), checked."""
    src_uri, lang = split_language(page.src_uri)
    lang = lang or languages.DEFAULT
    rel = page.rel
    brief_rules.check_file_name(Source(page.path, rel, src_uri), problems)  # its name without its language
    text = text_of()
    if text is None:
        return BriefPage(None)
    doc, body, body_line = read_front_matter(text, rel, problems, required=True)
    if doc is None:
        return BriefPage(None)
    valid = not schema.validate(doc, "brief", problems, names_an_entity=brief_rules.names_an_entity)
    meta = doc.value
    draft = meta.get("draft") is True
    listed = brief_rules.check_listed(doc, known, problems)
    brief_rules.check_judgements(doc, listed, known, problems)
    macros = read_calls(body, rel, body_line, problems, known, calls)
    brief_rules.check_text_names(macros.references, listed, problems)
    safety.check_text(body, rel, body_line, problems)
    links = read_links(body, rel, body_line)
    brief_rules.check_headings(body, rel, body_line, problems, languages.language(lang).headings)
    if not draft:
        brief_rules.check_publishable(doc, body, rel, body_line, problems)
    found = BriefPage(None, bool(macros.templated), links)
    if not valid:
        return found
    date = dt.date.fromisoformat(meta["date"])
    updated = dt.date.fromisoformat(meta["updated"]) if "updated" in meta else None
    leverage = meta.get("leverage", {})
    if updated and updated < date:
        problems.error(doc.locate(("updated",)), f"'updated' ({updated}) is before 'date' ({date}): fix one of them")
        return found
    corrections = tuple(
        Correction(dt.date.fromisoformat(c["date"]), " ".join(c["text"].split())) for c in meta.get("corrections", ())
    )
    early = [(n, c) for n, c in enumerate(corrections) if c.date < date]
    for n, correction in early:
        problems.error(
            doc.locate(("corrections", n, "date")),
            f"the correction dated {correction.date} is before the brief's 'date' ({date}): "
            "a correction is made after publication; fix its date",
        )
    if early:
        return found
    brief = Brief(
        src_uri=src_uri,
        title=" ".join(meta["title"].split()),
        date=date,
        summary=" ".join(meta["summary"].split()),
        named={kind.folder: tuple(meta.get(kind.folder, ())) for kind in KINDS},
        tags=tuple(meta.get("tags", ())),
        updated=updated,
        sources=tuple(Link(s["title"], s["url"]) for s in meta.get("sources", ())),
        corrections=tuple(sorted(corrections, key=lambda c: c.date)),
        leverage=Leverage(tuple(leverage.get("gains", ())), tuple(leverage.get("loses", ()))),
        readings=tuple(brief_rules.reading(i, value) for i, value in meta.get("readings", {}).items()),
        draft=draft,
        words=count_words(body),
        source=Location(rel, 1),
        title_at=doc.locate(("title",)),
        text_digest=hashlib.blake2b(body.encode(), digest_size=16).hexdigest(),
        language=lang,
    )
    return BriefPage(brief, found.templated, links)
