"""What every page generator reads: the catalog, the templates, and where things come from."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..catalog import Catalog
from ..project import Project
from ..render import Templates


@dataclass(frozen=True)
class GeneratedPage:
    src_uri: str  # where the page pretends to live in the docs folder, e.g. "actors/qatar.md"
    markdown: str
    edit_path: str  # the project file to change to change this page, e.g. "data/actors.yml"


class Site:
    """The catalog together with the templates that write its pages."""

    def __init__(self, project: Project, catalog: Catalog, **functions: Any):
        self.project = project
        self.catalog = catalog
        self.templates = Templates(
            project.templates_dir,
            actors_of=catalog.actors_of,
            indicators_of=catalog.indicators_of,
            briefs_naming=catalog.briefs_naming,
            briefs_tracking=catalog.briefs_tracking,
            **functions,
        )

    def render(self, template: str, page: str, **context: Any) -> str:
        return self.templates.render(template, page, **context)
