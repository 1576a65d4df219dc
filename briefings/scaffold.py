"""New content from templates, in the spirit of Hugo's archetypes: a brief to fill in, or an entity of any kind."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml

from . import clock, schema
from .kinds import BY_FOLDER, BY_NAME, KINDS, EntityKind, folded
from .brief_rules import PLACEHOLDER
from .sources import BRIEF_FILE_NAME  # the loader's rule for a brief's file name
from .problems import Problems
from .project import Project
from .templating import scaffold_templates, yaml_string
from .yamldoc import YamlDocument, parse_yaml


class ScaffoldError(Exception):
    """Something the author asked for cannot be created; the message says why and what to do."""


def slugify(title: str, max_length: int = 60) -> str:
    slug = folded(title)
    if len(slug) > max_length:
        slug = slug[:max_length].rsplit("-", 1)[0]
    return slug


def data_entries(project: Project, kind: EntityKind) -> dict[str, tuple[str, ...]]:
    """The ids a data file defines, each with its name and aliases, read with the project's own strict reader."""
    path = project.file(kind.data_file)
    if not path.is_file():
        return {}
    problems = Problems()
    doc = parse_yaml(path.read_text("utf-8-sig"), kind.data_file, problems)
    if problems.errors or doc is None:
        raise ScaffoldError(
            f"{problems.errors[0] if problems.errors else kind.data_file}: fix it first (briefings check)"
        )
    return {str(i): kind.names(entry) for i, entry in doc.value.items()} if isinstance(doc.value, dict) else {}


def find_entries(project: Project, kind: EntityKind, words: list[str]) -> list[tuple[str, str]]:
    """The (id, name) of each entry of a kind whose id, name or aliases hold every word, in the data file's
    order; case and accents do not count."""
    wanted = [folded(word) for word in words]
    found = []
    for entity_id, names in data_entries(project, kind).items():
        texts = [folded(text) for text in (entity_id, *names)]
        if all(any(word in text for text in texts) for word in wanted):
            found.append((entity_id, names[0] if names else ""))
    return found


def _require_known(kind: EntityKind, ids: list[str], known: dict[str, tuple[str, ...]]) -> None:
    for entity_id in ids:
        if entity_id not in known:
            raise ScaffoldError(kind.unknown(entity_id, known))


def new_brief(
    project: Project, title: str, *, named: dict[str, list[str]], date: dt.date | None = None, slug: str | None = None
) -> Path:
    """Create a draft brief to fill in, naming the given entities (ids by kind); returns its path. Its file
    name is `slug`, or made from the title."""
    try:
        date = date or clock.today()  # the day a build publishes for: a later --date schedules the brief
    except clock.ClockError as error:
        raise ScaffoldError(str(error)) from None
    if slug is not None and not BRIEF_FILE_NAME.match(f"{slug}.md"):
        raise ScaffoldError(
            f"'{slug}' cannot be a brief's file name: use lowercase letters, digits and hyphens, e.g. --slug doha-talks"
        )
    slug = slug or slugify(title)
    if not slug:
        raise ScaffoldError(
            "the title needs at least one letter or digit to make the file name from, or give one with --slug"
        )
    for name, ids in named.items():
        _require_known(BY_NAME[name], ids, data_entries(project, BY_NAME[name]))
    path = project.briefs_dir / str(date.year) / f"{slug}.md"
    if path.exists():
        raise ScaffoldError(f"{project.relative(path)} already exists: choose another title or --slug")
    text = (
        scaffold_templates(yaml=yaml_string, flow=lambda items: "[" + ", ".join(items) + "]")
        .get_template("scaffolds/brief.md")
        .render(
            title=title,
            date=date.isoformat(),
            named=named,
            kinds=KINDS,
            placeholder=PLACEHOLDER,
            example_actor=(named.get("actor") or ["an-actor-id"])[0],
            example_indicator=(named.get("indicator") or ["an-indicator-id"])[0],
            example_mechanism=(named.get("mechanism") or ["a-mechanism-id"])[0],
        )
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")
    return path


def add_entry(project: Project, kind: EntityKind, entity_id: str, entry: dict) -> Path:
    """Append an entity to its kind's data file, leaving everything already there as it was."""
    path = project.file(kind.data_file)
    rel = kind.data_file
    if entity_id in data_entries(project, kind):
        raise ScaffoldError(f"{rel} already has {kind.a_name} '{entity_id}'")
    entry = {key: value for key, value in entry.items() if value not in (None, [], "")}
    for field_name, folder in kind.references.items():
        target = BY_FOLDER[folder]
        named = entry.get(field_name, [])
        _require_known(target, [named] if isinstance(named, str) else named, data_entries(project, target))
    problems = Problems()
    schema.validate(YamlDocument({entity_id: entry}, rel), kind.folder, problems)
    if problems.errors:
        raise ScaffoldError("; ".join(p.message for p in problems.errors))
    text = path.read_text("utf-8") if path.is_file() else ""
    block = yaml.safe_dump({entity_id: entry}, sort_keys=False, allow_unicode=True, width=110)
    if text and not text.endswith("\n"):
        text += "\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text + block, "utf-8")
    return path
