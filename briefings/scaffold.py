"""New content from templates, in the spirit of Hugo's archetypes: a brief to fill in, an actor, an indicator."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from pathlib import Path

import jinja2
import yaml

from . import schema
from .problems import Problems
from .project import Project
from .references import unknown_id_message
from .render import yaml_string
from .yamldoc import YamlDocument, parse_yaml


class ScaffoldError(Exception):
    """Something the author asked for cannot be created; the message says why and what to do."""


def slugify(title: str, max_length: int = 60) -> str:
    ascii_title = unicodedata.normalize("NFKD", re.sub(r"['’]", "", title)).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_title.lower()).strip("-")
    if len(slug) > max_length:
        slug = slug[:max_length].rsplit("-", 1)[0]
    return slug


def _archetypes(project: Project) -> jinja2.Environment:
    # Square-bracket delimiters, so that the `{{ actor(...) }}` examples in the template stay as written.
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(project.templates_dir),
        variable_start_string="[[", variable_end_string="]]",
        block_start_string="[%", block_end_string="%]",
        comment_start_string="[#", comment_end_string="#]",
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters.update(yaml=yaml_string, flow=lambda items: "[" + ", ".join(items) + "]")
    return env


def _data_ids(path: Path) -> list[str]:
    data = yaml.safe_load(path.read_text("utf-8")) if path.is_file() else None
    return list(data) if isinstance(data, dict) else []


def _require_known(kind: str, ids: list[str], known: list[str]) -> None:
    for entity_id in ids:
        if entity_id not in known:
            raise ScaffoldError(unknown_id_message(kind, entity_id, known))


def new_brief(
    project: Project,
    title: str,
    *,
    actors: list[str] = (),
    indicators: list[str] = (),
    date: dt.date | None = None,
) -> Path:
    """Create a brief to fill in; returns its path."""
    date = date or dt.date.today()
    slug = slugify(title)
    if not slug:
        raise ScaffoldError("the title needs at least one letter or digit to make the file name from")
    known_actors = _data_ids(project.actors_file)
    known_indicators = _data_ids(project.indicators_file)
    _require_known("actor", list(actors), known_actors)
    _require_known("indicator", list(indicators), known_indicators)
    if not actors and not known_actors:
        raise ScaffoldError(f"{project.relative(project.actors_file)} has no actor yet: add one first")
    path = project.briefs_dir / str(date.year) / f"{slug}.md"
    if path.exists():
        raise ScaffoldError(f"{project.relative(path)} already exists: choose another title")
    text = _archetypes(project).get_template("new-brief.md").render(
        title=title,
        date=date.isoformat(),
        actors=list(actors) or known_actors[:1],
        placeholder_actor=not actors,
        indicators=list(indicators),
        example_actor=(list(actors) or known_actors)[0],
        example_indicator=(list(indicators) or known_indicators or ["an-indicator-id"])[0],
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")
    return path


def add_entry(project: Project, kind: str, entity_id: str, entry: dict) -> Path:
    """Append an actor or indicator to its data file, leaving everything already there as it was."""
    path = project.actors_file if kind == "actor" else project.indicators_file
    text = path.read_text("utf-8") if path.is_file() else ""
    rel = project.relative(path)
    if entity_id in _data_ids(path):
        raise ScaffoldError(f"{rel} already has an {kind} '{entity_id}'")
    entry = {key: value for key, value in entry.items() if value not in (None, [], "")}
    _require_known("actor", entry.get("actors", []), _data_ids(project.actors_file))
    problems = Problems()
    schema.validate(YamlDocument({entity_id: entry}, rel), f"{kind}s", problems)
    if problems.errors:
        raise ScaffoldError("; ".join(p.message for p in problems.errors))
    block = yaml.safe_dump({entity_id: entry}, sort_keys=False, allow_unicode=True, width=110)
    if text and not text.endswith("\n"):
        text += "\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text + block, "utf-8")
    # The file as a whole must still parse: a reader of the file is never left with a broken one.
    check = Problems()
    parse_yaml(path.read_text("utf-8"), rel, check)
    if check.errors:  # pragma: no cover - safe_dump always writes valid YAML
        path.write_text(text, "utf-8")
        raise ScaffoldError(str(check.errors[0]))
    return path
