"""What every page of the site depends on, besides what each page shows (`briefings.reuse`): this package's code
and templates and the installed packages, the configuration as resolved, and the project's files that are not
briefs: `overrides/`, `macros/`, `data/`, `mkdocs.yml` and the docs folder's hand-written pages (they carry the
navigation). A change to any of them may change every page.

A build reduces them to its **key** (`site_key`, by the files' content: when it changes, the build reuses no
page); the live preview, from one save to the next, to a **stamp** (`site_stamp`, by the files' size and time of
change: when it changes, the save writes every page again). Both go through the same files (`site_files`).
"""

from __future__ import annotations

import email.parser
import hashlib
import importlib.metadata
import json
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from .problems import Problems
from .project import Project
from .sources import docs_folder

#: The project's folders whose every file every page may depend on (the theme's overrides, the macros module, the
#: data), beside `mkdocs.yml` and the docs folder.
SITE_FOLDERS = ("overrides", "macros", "data")
#: Changed whenever what the cache holds changes meaning.
FORMAT = 2
PACKAGE = Path(__file__).parent
#: The configuration's values every page may depend on (with the theme's), for the build's key: mkdocs.yml's text
#: is in the key too, but not what the environment sets (`site_url: !ENV SITE_URL`).
SETTINGS = (
    "site_name", "site_url", "site_description", "site_author", "repo_url", "repo_name", "edit_uri", "copyright",
    "use_directory_urls", "nav", "not_in_nav", "extra", "extra_css", "extra_javascript", "markdown_extensions",
    "mdx_configs", "validation",
)  # fmt: skip


def settings_of(config: Mapping[str, Any], theme: Mapping[str, Any]) -> dict[str, Any]:
    """The values of `SETTINGS` in the engine's configuration, and the theme's."""
    return {key: config.get(key) for key in SETTINGS} | {"theme": dict(theme)}


def nav_paths(nav: Any) -> Iterator[str]:
    """The pages the navigation `nav` (as mkdocs.yml writes it) lists, by src_uri."""
    if isinstance(nav, str):
        yield nav
    for item in nav.values() if isinstance(nav, dict) else nav if isinstance(nav, list) else ():
        yield from nav_paths(item)


def site_files(
    project: Project, config_file: Path | None = None, pages: Iterable[str] | None = None
) -> Iterator[tuple[str, Path]]:
    """Every file of the project that every page depends on, with the name the key gives it (its path in the
    project, so that no two share one): those of `overrides/`, `macros/` and `data/`, `mkdocs.yml` (or
    `config_file`), then the docs folder's pages that are not briefs (`pages`, by src_uri, if the catalog knows
    them already; else found in the docs folder)."""
    for name in SITE_FOLDERS:
        for relative, path in _files_under(project.root / name):
            yield f"{name}/{relative}", path
    config_file = config_file or project.root / "mkdocs.yml"
    if config_file.is_file():
        yield "mkdocs.yml", config_file
    found = (
        sorted(pages)
        if pages is not None
        else [p.src_uri for p in docs_folder(project, Problems())[0] if not p.is_brief]
    )
    for src_uri in found:
        yield project.relative(project.docs_dir / src_uri), project.docs_dir / src_uri


def site_key(
    project: Project, settings: dict[str, Any], *, config_file: Path | None = None, code: str | None = None
) -> str:
    """The fingerprint of everything every page depends on (see the module's documentation); `settings` are
    the configuration's values as resolved; `code`, the `code_key` if worked out already."""
    digest = hashlib.sha256(f"briefings-cache {FORMAT} {code or code_key()}\n".encode())
    digest.update(json.dumps(settings, sort_keys=True, default=repr).encode())
    for name, path in site_files(project, config_file):
        _add_file(digest, name, path)
    return digest.hexdigest()


def code_key() -> str:
    """The fingerprint of the code that builds: the installed packages and their versions, and this package's
    own code and templates (what the loader's readings of briefs kept between builds depend on)."""
    digest = hashlib.sha256(f"briefings-code {FORMAT}\n".encode())
    versions = dict(_name_and_version(d) for d in importlib.metadata.distributions())
    digest.update(json.dumps(sorted(versions.items())).encode())
    for name, path in _package_files():
        _add_file(digest, name, path)
    return digest.hexdigest()


def _name_and_version(distribution: importlib.metadata.Distribution) -> tuple[str, str | None]:
    """An installed package's name (lower case) and version, read from its metadata's headers alone: what
    `Distribution.metadata` reads whole, its long description included, and `.version` reads again (a third of a
    no-change build's key)."""
    text = distribution.read_text("METADATA") or distribution.read_text("PKG-INFO") or ""
    headers = email.parser.HeaderParser().parsestr(text)
    return (headers["Name"] or "").lower(), headers["Version"]


def site_stamp(
    project: Project, settings: dict[str, Any], *, config_file: Path | None = None, pages: Iterable[str] | None = None
) -> bytes:
    """What the live preview compares from one save to the next, for what `site_key` covers: the configuration's
    values, and each file's size and time of change instead of its content (this package's own too; the
    installed packages do not change under a preview running). Quick enough for every save."""
    digest = hashlib.blake2b(json.dumps(settings, sort_keys=True, default=repr).encode(), digest_size=16)
    for name, path in [*site_files(project, config_file, pages), *_package_files()]:
        try:
            stat = path.stat()
        except OSError:  # gone since it was found: the next save finds it gone
            continue
        digest.update(f"{name} {stat.st_size} {stat.st_mtime_ns}\n".encode())
    return digest.digest()


def _package_files() -> Iterator[tuple[str, Path]]:
    return _files_under(PACKAGE)


def _files_under(folder: Path) -> Iterator[tuple[str, Path]]:
    """Every file in `folder` (but Python's bytecode), by its path there, in order."""
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        yield path.relative_to(folder).as_posix(), path


def _add_file(digest: Any, name: str, path: Path) -> None:
    data = path.read_bytes()
    digest.update(f"\n{name} {len(data)}\n".encode())
    digest.update(data)
