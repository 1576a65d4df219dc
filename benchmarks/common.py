"""What the benchmark modules share: where the project is, its MkDocs configuration, small YAML helpers."""

from __future__ import annotations

import datetime as dt
import os
import posixpath
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent  # the repository: the project the benchmark copies
BIN = Path(sys.executable).parent  # the virtualenv's bin folder: mkdocs and briefings live there
QUIET_ENV = {"NO_MKDOCS_2_WARNING": "1"}  # MkDocs 1.6 prints a banner about 2.0 otherwise


def command_env(extra: dict[str, str] | None = None) -> dict[str, str]:
    """The environment for a child command: ours, without MkDocs' 2.0 banner."""
    return {**os.environ, **QUIET_ENV, **(extra or {})}


# -- mkdocs.yml ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PythonName:
    """A `!!python/name:module.attr` value in mkdocs.yml, kept as written so that it can be written back."""

    name: str


class ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml as MkDocs does: `!ENV` resolved from the environment, `!!python/name:` kept."""


def _env_tag(loader: ConfigLoader, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        names, default = [loader.construct_scalar(node)], None
    else:
        assert isinstance(node, yaml.SequenceNode), "!ENV takes a name or a list of names and a default"
        *names, default = loader.construct_sequence(node)
    for name in names:
        if name in os.environ:
            return yaml.safe_load(os.environ[name])
    return default


ConfigLoader.add_constructor("!ENV", _env_tag)
ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/name:", lambda loader, suffix, node: PythonName(suffix))


class ConfigDumper(yaml.SafeDumper):
    """Writes a configuration back, `!!python/name:` values included."""


ConfigDumper.add_representer(
    str,
    lambda dumper, value: dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|" if "\n" in value else None),
)
ConfigDumper.add_representer(
    PythonName, lambda dumper, value: dumper.represent_scalar("tag:yaml.org,2002:python/name:" + value.name, "")
)


def read_config(project: Path) -> dict:
    """The project's mkdocs.yml as data."""
    return yaml.load((project / "mkdocs.yml").read_text("utf-8"), Loader=ConfigLoader) or {}


def write_config(path: Path, config: dict) -> None:
    path.write_text(yaml.dump(config, Dumper=ConfigDumper, sort_keys=False, allow_unicode=True, width=1000), "utf-8")


def plugin_names(config: dict) -> list[str]:
    """The names of the plugins a configuration enables, in order."""
    names = []
    for entry in config.get("plugins") or []:
        names.append(next(iter(entry)) if isinstance(entry, dict) else entry)
    return names


def i18n_options(config: dict) -> dict | None:
    """The options of mkdocs-static-i18n (`i18n` in mkdocs.yml), or None for a site in one language."""
    for entry in config.get("plugins") or []:
        if isinstance(entry, dict) and isinstance(entry.get("i18n"), dict):
            return entry["i18n"]
    return None


def site_languages(config: dict) -> list[str]:
    """The languages a project's site is built in, the default first, from its i18n plugin's `languages`
    (those with `build: false` left out); `[]` for a site in one language (no i18n plugin)."""
    found = [lang for lang in (i18n_options(config) or {}).get("languages") or [] if isinstance(lang, dict)]
    built = [lang for lang in found if lang.get("build", True) is not False or lang.get("default")]
    return [str(lang["locale"]) for lang in sorted(built, key=lambda lang: not lang.get("default"))]


def without_languages(config: dict) -> dict:
    """The configuration of the same site in its default language only: without the i18n plugin."""
    return {**config, "plugins": [p for p in config.get("plugins") or [] if plugin_names({"plugins": [p]}) != ["i18n"]]}


# -- data files ------------------------------------------------------------------------------------------------


def read_yaml(path: Path) -> Any:
    """A YAML file as plain data (dates become `datetime.date`); a missing file is None."""
    if not path.is_file():
        return None
    return yaml.safe_load(path.read_text("utf-8"))


def as_date(value: Any) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


# -- briefs ----------------------------------------------------------------------------------------------------

_FENCE = re.compile(r"^(?:---|\.\.\.)\s*$")


def split_front_matter(text: str) -> tuple[dict, str] | None:
    """(front matter as data, body) of a Markdown page, or None when it has no front matter."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        return None
    for n, line in enumerate(lines[1:], start=1):
        if _FENCE.match(line):
            return yaml.safe_load("".join(lines[1:n])) or {}, "".join(lines[n + 1 :])
    return None


def link(from_src: str, to_src: str) -> str:
    """The relative Markdown link from the page `from_src` to `to_src` (both relative to the docs folder)."""
    target, _, anchor = to_src.partition("#")
    path = posixpath.relpath(target, posixpath.dirname(from_src) or ".")
    return path + ("#" + anchor if anchor else "")


def url_of(src_uri: str) -> str:
    """The URL path (relative to the site root) MkDocs gives a page with directory URLs: `briefs/2026/x/`."""
    if src_uri == "index.md":
        return ""
    if src_uri.endswith("/index.md"):
        return src_uri[: -len("index.md")]
    return src_uri[: -len(".md")] + "/"
