"""Where a page stands in the site: the section of the navigation it belongs to, and the trail of links that
leads to it (its breadcrumbs).

Briefs, entities and tags have pages of their own that the navigation does not list (listing them would embed
every page in every page). Each still belongs to a section the navigation does list, named here by the
source of the section's index page: a brief, the tags, the authors and the regions to the archive of briefs
(ways of browsing briefs, kept out of the tabs), an actor to the actors index, and so on for every other kind. The theme (overrides/partials/) marks that section's tab and drawer
entry as the current one, and prints the trail.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass

from . import languages
from .catalog import Catalog, month_anchor
from .kinds import BY_FOLDER
from .languages import month_name
from .urls import BRIEFS_INDEX, TAGS_INDEX


@dataclass(frozen=True)
class Crumb:
    """One link of a trail: its text, and the page it leads to (relative to the docs folder), with an anchor."""

    title: str
    src_uri: str
    anchor: str = ""


@dataclass(frozen=True)
class Place:
    """A page's section (the source of the section's index page) and its trail, outermost first."""

    section: str
    trail: tuple[Crumb, ...]


def section_of(src_uri: str) -> str | None:
    """The index page of the section a page belongs to, by the page's folder; None for pages of no section
    (the home page, About)."""
    folder = posixpath.dirname(src_uri).split("/")[0]
    kind = BY_FOLDER.get(folder)
    if folder in ("briefs", "tags") or kind and kind.in_briefs:
        return BRIEFS_INDEX
    return kind.index_uri if kind else None


def place_of(catalog: Catalog, src_uri: str) -> Place | None:
    """Where a page stands: a brief under the month of the archive it is listed in ("Briefs › March 2026"),
        an entity under its kind's index ("Actors"), the tags, authors and regions under the archive ("Briefs › Tags"
    for a tag's page, "Briefs › Authors" for an author's);
        None for other pages."""
    section = section_of(src_uri)
    if section is None or src_uri == section:
        return None
    if section == BRIEFS_INDEX:
        t = languages.language(catalog.language).label  # the crumbs in the catalog's language
        trail = [Crumb(t("Briefs"), BRIEFS_INDEX)]
        if brief := catalog.brief(src_uri):
            shown = month_name(brief.date, languages.language(catalog.language))
            trail.append(Crumb(shown, BRIEFS_INDEX, month_anchor(brief.date)))
        elif (kind := BY_FOLDER.get(src_uri.split("/")[0])) is not None:  # an author's or a region's page
            if src_uri != kind.index_uri:
                trail.append(Crumb(t(kind.title), kind.index_uri))
        elif src_uri != TAGS_INDEX:  # a tag's page
            trail.append(Crumb(t("Tags"), TAGS_INDEX))
        return Place(section, tuple(trail))
    t = languages.language(catalog.language).label
    return Place(section, (Crumb(t(BY_FOLDER[section.split("/")[0]].title), section),))
