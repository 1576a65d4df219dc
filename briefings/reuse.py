"""Reusing the last build: a build writes again only the pages whose inputs changed.

What a page shows is declared once, next to the page, and reduced to a fingerprint here:

- everything the whole site depends on is the build's **key** (`site_key`): the installed packages and their
  versions, this package's own code and templates, `mkdocs.yml` and the configuration as resolved (values set
  from the environment included), the project's `overrides/`, `macros/` and `data/`, and every file of the docs
  folder that is not a brief (hand-written pages carry the navigation). When the key changes, nothing is reused;
- a page the core generates (an entity's page, a listing, a tag) is the Markdown the core writes for it, with its
  place in the site: its fingerprint is derived from that Markdown, written without the build's fragments;
- a brief's page is what `pages.brief.inputs` declares: the brief, and what it shows of the briefs it leads to.

Pages the navigation lists, hand-written pages and any page that called a macro listing briefs (`Macros.listing`)
are always written again. `briefings.buildcache` keeps the last build's pages and uses these fingerprints.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
from pathlib import Path
from typing import Any, Iterator, Mapping

from .catalog import Catalog
from .pages.brief import inputs as brief_inputs
from .problems import Problems
from .project import Project
from .site import Site
from .sources import docs_folder

#: Changed whenever what the cache holds changes meaning.
FORMAT = 1
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


def site_key(project: Project, settings: dict[str, Any], *, config_file: Path | None = None) -> str:
    """The fingerprint of everything every page depends on (see the module's documentation); `settings` are
    the configuration's values as resolved."""
    digest = hashlib.sha256(f"briefings-cache {FORMAT}\n".encode())
    versions = {(d.metadata["Name"] or "").lower(): d.version for d in importlib.metadata.distributions()}
    digest.update(json.dumps(sorted(versions.items())).encode())
    digest.update(json.dumps(settings, sort_keys=True, default=repr).encode())
    folders = [PACKAGE, *(project.root / name for name in ("overrides", "macros", "data"))]
    for folder in folders:
        for path in sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
            _add_file(digest, path.relative_to(folder).as_posix(), path)
    config_file = config_file or project.root / "mkdocs.yml"
    if config_file.is_file():
        _add_file(digest, "mkdocs.yml", config_file)
    pages, _ = docs_folder(project, Problems())
    for page in pages:
        if not page.is_brief:
            _add_file(digest, page.src_uri, page.path)
    return digest.hexdigest()


def _add_file(digest: Any, name: str, path: Path) -> None:
    data = path.read_bytes()
    digest.update(f"\n{name} {len(data)}\n".encode())
    digest.update(data)


def page_fingerprints(catalog: Catalog, *, directory_urls: bool, leave_out: set[str]) -> dict[str, str]:
    """The fingerprint of each page the core generates and each brief's page, by src_uri, but those in
    `leave_out` (the pages the navigation lists, always written again)."""
    plain = Site(catalog, directory_urls=directory_urls)  # without fragments: the Markdown as it reads
    found = {}
    for page in plain.generated_pages():
        if page.src_uri not in leave_out:
            shown = (page.edit_path, plain.markdown(page), catalog.last_changed(page.src_uri))
            found[page.src_uri] = _fingerprint(page.src_uri, shown, plain.place(page.src_uri))
    for brief in catalog.briefs:
        if brief.src_uri not in leave_out:
            found[brief.src_uri] = _fingerprint(brief.src_uri, brief_inputs(catalog, brief), plain.place(brief.src_uri))
    return found


def _fingerprint(*shown: Any) -> str:
    return hashlib.sha256(repr(shown).encode()).hexdigest()
