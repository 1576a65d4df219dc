"""Briefings: analytical briefs, the actors they name and the indicators they track, as a static site.

This package is the core: loading, validation and the catalog, with no knowledge of the site engine.
"""

from .catalog import Catalog
from .loader import inspect, load
from .model import Actor, Brief, Indicator
from .problems import InvalidProject, Location, Problem, Problems
from .project import Project

__all__ = [
    "Actor", "Brief", "Catalog", "Indicator", "InvalidProject", "Location", "Problem", "Problems", "Project",
    "inspect", "load",
]
