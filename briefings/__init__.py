"""Briefings: analytical briefs, and the actors and indicators they name, as a static site.

This package is the core (loading, validation, the catalog, generated pages, feeds, the authors' command
line), with no knowledge of the site engine, plus the MkDocs adapter (`briefings.mkdocs`) that adapts it.
"""

from .catalog import Catalog
from .loader import Loaded, load_project
from .model import Actor, Brief, Entity, Indicator
from .problems import Location, Problem, Problems
from .project import Project

__all__ = [
    "Actor",
    "Brief",
    "Catalog",
    "Entity",
    "Indicator",
    "Loaded",
    "Location",
    "Problem",
    "Problems",
    "Project",
    "load_project",
]
