"""The macros authors call in their pages.

`Macros` implements the macros that `briefings.calls.MACROS` declares, as functions of the page they are
called from. The site engine renders authors' pages in a sandbox where these macros are all there is
(`briefings.mkdocs.sandbox`).
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable

from .kinds import KINDS, EntityKind
from .pages import archive, listed
from .site import Site

_INDEX_PAGES = ("index.md", "README.md")


class Macros:
    """The macros, bound to a site: each takes the source path of the calling page first, returns Markdown."""

    def __init__(self, site: Site):
        self.site = site
        self.listing: set[str] = set()  # the pages that list briefs (a build never reuses them: see reuse.py)
        self._links: dict[tuple, str] = {}  # pages of one folder share their links: each is written once
        self._generation = 0  # of the site's fragments, which the links' markers stand for

    def link(self, kind: EntityKind, page: str, entity_id: str, text: str | None = None) -> str:
        """A link to an entity's page, with its name (or `text`) and its summary as a tooltip."""
        # The link is the same from every page of a folder, index pages apart: no entity's page lies under a
        # page that calls macros, so none is linked from its own folder.
        key = (posixpath.dirname(page), posixpath.basename(page) in _INDEX_PAGES, kind.folder, entity_id, text)
        if self.site.fragments is not None and self._generation != self.site.fragments.generation:
            self._links, self._generation = {}, self.site.fragments.generation  # their markers are gone
        if key not in self._links:
            entity = self.site.catalog.entities[kind.folder][entity_id]
            link = self.site.render("entity-link.md", page, entity=entity, kind=kind.name, text=text or entity.name)
            self._links[key] = link.strip()
        return self._links[key]

    def latest_briefs(self, page: str, limit: int = 10) -> str:
        """The latest published briefs: title, date, summary and actors."""
        self.listing.add(page)
        return self.site.render("latest.md", page, listed=listed(self.site.catalog, self.site.catalog.latest(limit)))

    def briefs_by_month(self, page: str) -> str:
        """Every published brief, grouped by month, newest first."""
        self.listing.add(page)
        return self.site.render("archive.md", page, months=archive(self.site.catalog))

    def what_moved(self, page: str, limit: int = 5) -> str:
        """The indicators whose latest reading differs from the one before, latest change first."""
        self.listing.add(page)
        return self.site.render("what-moved.md", page, movements=self.site.catalog.what_moved(limit))

    def functions(self, current_page: Callable[[], str]) -> dict[str, Callable[..., str]]:
        """Every macro as a plain function of its arguments, for the page `current_page()` names."""

        def entity(kind: EntityKind) -> Callable[..., str]:
            return lambda entity_id, text=None: self.link(kind, current_page(), entity_id, text)

        return {
            **{kind.name: entity(kind) for kind in KINDS},
            "latest_briefs": lambda limit=10: self.latest_briefs(current_page(), limit),
            "briefs_by_month": lambda: self.briefs_by_month(current_page()),
            "what_moved": lambda limit=5: self.what_moved(current_page(), limit),
        }
