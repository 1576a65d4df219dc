"""The rules across briefs and files: a brief is a file or a folder, one tag has one spelling, one title one
brief; and the warnings about what is there but unused (an entity no brief names, a file no page shows)."""

from __future__ import annotations

import posixpath
from collections.abc import Mapping

from .datafiles import referenced
from .kinds import KINDS
from .model import Brief, Entity
from .problems import Location, Problems
from .sources import Source
from .urls import tag_slug
from .yamldoc import YamlDocument


def check_bundles(pages: list[Source], problems: Problems) -> None:
    """A brief is a file or a folder, not both: they would be published at the same address."""
    files = {page.src_uri.removesuffix(".md"): page for page in pages if page.is_brief}
    for page in pages:
        if page.is_brief and page.path.name == "index.md" and (single := files.get(posixpath.dirname(page.src_uri))):
            problems.error(
                Location(page.rel),
                f"{single.rel} is published at the same address as this brief: keep one of them "
                "(a brief with images of its own is a folder holding index.md and the images)",
            )


def check_tags(briefs: list[Brief], problems: Problems) -> None:
    """Two spellings of one tag would share its page and its feed."""
    first: dict[str, str] = {}
    for brief in briefs:
        for tag in brief.tags:
            slug = tag_slug(tag)
            if first.setdefault(slug, tag) != tag:
                problems.error(
                    brief.defined_at,
                    f"the tag '{tag}' is another spelling of '{first[slug]}', used by other briefs: use '{first[slug]}'",
                )


def check_titles(briefs: list[Brief], problems: Problems) -> None:
    """Two briefs with one title, in any year, read as one in every listing and search result."""
    first: dict[str, Brief] = {}
    for brief in sorted(briefs, key=lambda b: (b.date, b.src_uri)):  # the later brief is told
        other = first.setdefault(" ".join(brief.title.split()).casefold(), brief)
        if other is not brief:
            problems.warning(
                brief.title_at or brief.defined_at,
                f"the title '{brief.title}' is also the title of {other.title_at or other.defined_at}: "
                "give each brief a title of its own",
                causes=(other.defined_at.path,),
            )


def report_unused(
    entities: Mapping[str, dict[str, Entity]],
    briefs: list[Brief],
    documents: Mapping[str, YamlDocument],
    problems: Problems,
) -> None:
    """An entity no brief names (nor, for a kind used by data, another entry) is a warning."""
    for kind in KINDS:
        used = {i for b in briefs for i in b.ids(kind.folder)}
        if kind.used_by_data:  # a region an actor is in, or a region within it, is in use
            used |= {
                other
                for other_kind in KINDS
                for field_name, folder in other_kind.references.items()
                if folder == kind.folder and (doc := documents.get(other_kind.folder)) is not None
                for entity_id in entities[other_kind.folder]
                for _, other in referenced(doc.value[entity_id], field_name)
            }
        for entity in entities[kind.folder].values():
            if entity.id not in used:
                also = " or data entry" if kind.used_by_data else ""
                problems.warning(
                    entity.defined_at,
                    f"no brief{also} names the {kind.name} '{entity.id}': list it in a brief's front matter or remove it",
                )


def report_unlinked(unlinked: list[str], files: Mapping[str, str], problems: Problems) -> None:
    """A file of docs/ that no page shows or links is not published: a warning naming it."""
    for path in unlinked:
        problems.warning(
            Location(files[path]),
            "no page links or shows this file, so the site does not publish it: show it in a brief "
            f"(![what it shows]({posixpath.basename(path)})) or remove it",
        )
