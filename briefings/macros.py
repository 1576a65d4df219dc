"""The macros authors call in pages, as plain functions of the page they are called from.

`macros/__init__.py` binds them to the macros plugin; anything else (tests, another engine) can call them too.
"""

from __future__ import annotations

from .pages.site import Site
from .references import unknown_id_message


class Macros:
    def __init__(self, site: Site):
        self.site = site
        self.catalog = site.catalog

    def _entity_link(self, page: str, kind: str, entities: dict, entity_id: str, text: str | None) -> str:
        if entity_id not in entities:
            raise LookupError(f"{page}: {unknown_id_message(kind, entity_id, entities)}")
        entity = entities[entity_id]
        link = self.site.render("entity-link.md", page, entity=entity, kind=kind, text=text or entity.name)
        return link.strip()

    def actor(self, page: str, actor_id: str, text: str | None = None) -> str:
        """A link to the actor's page, with its name (or `text`) and its summary as a tooltip."""
        return self._entity_link(page, "actor", self.catalog.actors, actor_id, text)

    def indicator(self, page: str, indicator_id: str, text: str | None = None) -> str:
        """A link to the indicator's page, with its name (or `text`) and its summary as a tooltip."""
        return self._entity_link(page, "indicator", self.catalog.indicators, indicator_id, text)

    def latest_briefs(self, page: str, limit: int = 10) -> str:
        """The latest published briefs: title, date, summary and actors."""
        return self.site.render("latest.md", page, briefs=self.catalog.latest(limit))

    def briefs_by_month(self, page: str) -> str:
        """Every published brief, grouped by month, newest first."""
        return self.site.render("archive.md", page, months=self.catalog.by_month())

    def brief_count(self, page: str) -> int:
        return len(self.catalog.briefs)

    def actor_count(self, page: str) -> int:
        return len(self.catalog.actors)

    def indicator_count(self, page: str) -> int:
        return len(self.catalog.indicators)
