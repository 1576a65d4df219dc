"""Reading and validating the data files and every brief, once, into a Catalog.

`inspect` reports every problem it finds in one pass (the checker shows them all); `load` is what a build
calls: it returns the catalog, or raises `InvalidProject` with every problem if there is any error.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from . import schema
from .catalog import Catalog
from .model import HOUSE_HEADINGS, Actor, Brief, Indicator, Link, Signals
from .problems import InvalidProject, Location, Problems
from .project import Project
from .references import find_references, unknown_id_message
from .yamldoc import YamlDocument, parse_yaml

_SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*\.md$")
_FENCE = re.compile(r"^(?:---|\.\.\.)\s*$")
_HEADING = re.compile(r"^##\s+(.+?)\s*(?:\{[^}]*\})?\s*#*\s*$")
_MACRO = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{##.*?##\}", re.S)
_WORD = re.compile(r"\w+(?:['’-]\w+)*")


@dataclass
class Inspection:
    catalog: Catalog | None
    problems: Problems


def load(project: Project, *, include_drafts: bool = False) -> Catalog:
    found = inspect(project, include_drafts=include_drafts)
    if found.catalog is None:
        raise InvalidProject(found.problems)
    return found.catalog


def inspect(project: Project, *, include_drafts: bool = False) -> Inspection:
    """Everything wrong with the project, and its catalog if nothing is.

    With `include_drafts` (the live preview), drafts are listed and shown like published briefs.
    """
    problems = Problems()
    actors_doc, actors_wrong = _read_data(project, project.actors_file, "actors", problems)
    indicators_doc, indicators_wrong = _read_data(project, project.indicators_file, "indicators", problems)
    actor_ids = _ids(actors_doc)
    indicator_ids = _ids(indicators_doc)
    known = {"actor": actor_ids, "indicator": indicator_ids}

    actors = {i: _actor(i, v, actors_doc) for i, v in _valid_entries(actors_doc, actors_wrong)}
    indicators = {}
    for i, value in _valid_entries(indicators_doc, indicators_wrong):
        for n, actor_id in enumerate(value.get("actors", [])):
            if actor_id not in actor_ids:
                problems.error(indicators_doc.locate((i, "actors", n)), unknown_id_message("actor", actor_id, actor_ids))
        indicators[i] = _indicator(i, value, indicators_doc)

    briefs = [b for path in project.brief_files() if (b := _read_brief(project, path, known, problems))]
    _report_unused(actors_doc, "actor", {i for b in briefs for i in b.actor_ids}, problems)
    _report_unused(indicators_doc, "indicator", {i for b in briefs for i in b.indicator_ids}, problems)

    if problems.errors:
        return Inspection(None, problems)
    catalog = Catalog(
        actors=actors,
        indicators=indicators,
        briefs=[b for b in briefs if include_drafts or not b.draft],
        drafts=[b for b in briefs if b.draft and not include_drafts],
        problems=problems,
    )
    return Inspection(catalog, problems)


# -- data files ------------------------------------------------------------------------------------------------


def _read_data(project: Project, path: Path, name: str, problems: Problems) -> tuple[YamlDocument, set[tuple]]:
    """The data file and the paths of its entries that break the schema."""
    rel = project.relative(path)
    if not path.is_file():
        problems.error(Location(rel), f"missing data file: create {rel} (a mapping of {name} keyed by id)")
        return YamlDocument({}, rel), set()
    doc = parse_yaml(path.read_text("utf-8"), rel, problems)
    if doc is None:
        return YamlDocument(None, rel), set()  # unreadable: its ids are unknown, see _AnyId
    if doc.value is None:
        doc.value = {}
    return doc, schema.validate(doc, name, problems)


class _AnyId(list):
    """The ids of a data file that could not be read: every id passes, so one broken file does not make
    every reference to it an error as well."""

    def __contains__(self, item: object) -> bool:
        return True


def _ids(doc: YamlDocument) -> list[str]:
    if doc.value is None:
        return _AnyId()
    return list(doc.value) if isinstance(doc.value, dict) else []


def _valid_entries(doc: YamlDocument, wrong: set[tuple]):
    """The entries of a data file that passed the schema, so that one bad entry does not hide the others."""
    if isinstance(doc.value, dict) and () not in wrong:
        bad = {where[0] for where in wrong}
        yield from ((i, v) for i, v in doc.value.items() if i not in bad)


def _links(values) -> tuple[Link, ...]:
    return tuple(Link(v["title"], v["url"]) for v in values or ())


def _actor(actor_id: str, v: dict, doc: YamlDocument) -> Actor:
    return Actor(
        id=actor_id,
        name=v["name"],
        kind=v["kind"],
        summary=v["summary"].strip(),
        aliases=tuple(v.get("aliases", ())),
        region=v.get("region"),
        links=_links(v.get("links")),
        source=doc.locate((actor_id,)),
    )


def _indicator(indicator_id: str, v: dict, doc: YamlDocument) -> Indicator:
    signals = v.get("signals", {})
    return Indicator(
        id=indicator_id,
        name=v["name"],
        summary=v["summary"].strip(),
        signals=Signals(tuple(signals.get("advancing", ())), tuple(signals.get("reversing", ()))),
        actor_ids=tuple(v.get("actors", ())),
        source=doc.locate((indicator_id,)),
    )


def _report_unused(doc: YamlDocument, kind: str, used: set[str], problems: Problems) -> None:
    for entity_id in _ids(doc):
        if entity_id not in used:
            problems.warning(
                doc.locate((entity_id,)),
                f"no brief names the {kind} '{entity_id}': list it in a brief's front matter or remove it",
            )


# -- briefs ----------------------------------------------------------------------------------------------------


def split_front_matter(text: str) -> tuple[str, str, int] | None:
    """(front matter, body, line number of the body's first line), or None if the file has no front matter."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        return None
    for n, line in enumerate(lines[1:], start=1):
        if _FENCE.match(line):
            return "".join(lines[1:n]), "".join(lines[n + 1 :]), n + 2
    return None


def _read_brief(project: Project, path: Path, known: dict, problems: Problems) -> Brief | None:
    rel = project.relative(path)
    src_uri = path.relative_to(project.docs_dir).as_posix()
    if not _SLUG.match(path.name):
        problems.error(
            Location(rel),
            "a brief's file name becomes its address: use lowercase letters, digits and hyphens, "
            "e.g. doha-talks.md",
        )
    try:
        text = path.read_text("utf-8")
    except UnicodeDecodeError as exc:
        problems.error(Location(rel), f"not UTF-8 text ({exc.reason}): save the file as UTF-8")
        return None
    parts = split_front_matter(text)
    if parts is None:
        problems.error(
            Location(rel),
            "no front matter: a brief starts with a line '---', its fields (title, date, summary, actors), "
            "then another '---'",
        )
        return None
    front, body, body_line = parts
    doc = parse_yaml(front, rel, problems, first_line=2)
    if doc is None:
        return None
    if not isinstance(doc.value, dict):
        problems.error(Location(rel, 2), "the front matter must be fields written as 'name: value', one per line")
        return None
    valid = not schema.validate(doc, "brief", problems)
    meta = doc.value

    for field, kind in (("actors", "actor"), ("indicators", "indicator")):
        for n, entity_id in enumerate(meta.get(field) or []):
            if isinstance(entity_id, str) and entity_id not in known[kind]:
                problems.error(doc.locate((field, n)), unknown_id_message(kind, entity_id, known[kind]))

    references = find_references(body, rel, body_line, problems, known)
    listed = {"actor": set(meta.get("actors") or []), "indicator": set(meta.get("indicators") or [])}
    for ref in references:
        if ref.id not in listed[ref.kind]:
            problems.error(
                ref.location,
                f"the text names the {ref.kind} '{ref.id}', which the front matter does not list: "
                f"add it to '{ref.kind}s' so that its page lists this brief",
            )

    headings = {m.group(1).strip() for line in body.splitlines() if (m := _HEADING.match(line))}
    for heading in HOUSE_HEADINGS:
        if heading not in headings:
            problems.warning(Location(rel, body_line), f"missing the house heading '## {heading}'")

    if not valid:
        return None
    date = dt.date.fromisoformat(meta["date"])
    updated = dt.date.fromisoformat(meta["updated"]) if "updated" in meta else None
    if updated and updated < date:
        problems.error(doc.locate(("updated",)), f"'updated' ({updated}) is before 'date' ({date}): fix one of them")
        return None
    return Brief(
        src_uri=src_uri,
        title=meta["title"],
        date=date,
        summary=" ".join(meta["summary"].split()),
        actor_ids=tuple(meta["actors"]),
        indicator_ids=tuple(meta.get("indicators", ())),
        tags=tuple(meta.get("tags", ())),
        regions=tuple(meta.get("regions", ())),
        updated=updated,
        authors=tuple(meta.get("authors", ())),
        sources=_links(meta.get("sources")),
        draft=meta.get("draft", False),
        words=len(_WORD.findall(_MACRO.sub(" x ", body))),
        references=tuple(references),
        source=Location(rel, 1),
    )
