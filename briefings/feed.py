"""The Atom feed of the latest published briefs."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

import jinja2

from .catalog import Catalog
from .model import Brief

FEED_PATH = "feed.xml"
FEED_SIZE = 20


def render_feed(
    catalog: Catalog,
    templates_dir: Path,
    *,
    site_name: str,
    description: str,
    home_url: str,
    url_of: Callable[[Brief], str],
) -> str:
    """The feed as XML; `url_of` gives a brief's absolute URL. Every value is XML-escaped."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates_dir),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    briefs = catalog.latest(FEED_SIZE)
    updated = max((b.updated or b.date for b in briefs), default=None)
    return env.get_template("feed.xml").render(
        site_name=site_name,
        description=description,
        home_url=home_url,
        self_url=home_url + FEED_PATH,
        updated=updated.isoformat() if updated else "1970-01-01",
        briefs=briefs,
        url_of=url_of,
        actors_of=catalog.actors_of,
    )
