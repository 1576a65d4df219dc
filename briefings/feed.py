"""The Atom feed of the latest published briefs."""

from __future__ import annotations

from typing import Callable

from .catalog import Catalog
from .kinds import KINDS
from .model import Brief
from .templating import feed_templates

FEED_PATH = "feed.xml"
FEED_SIZE = 20


def render_feed(
    catalog: Catalog,
    *,
    site_name: str,
    description: str,
    home_url: str,
    url_of: Callable[[Brief], str],
) -> str:
    """The feed as XML; `url_of` gives a brief's absolute URL. Every value is XML-escaped."""
    briefs = catalog.latest(FEED_SIZE)
    updated = max((b.updated or b.date for b in briefs), default=None)
    return feed_templates().get_template("feeds/atom.xml").render(
        site_name=site_name,
        description=description,
        home_url=home_url,
        self_url=home_url + FEED_PATH,
        updated=updated.isoformat() if updated else "1970-01-01",
        briefs=briefs,
        url_of=url_of,
        categories=lambda brief: [
            (f"{home_url}{kind.folder}/", entity) for kind in KINDS for entity in catalog.named_by(brief, kind.folder)
        ],
    )
