"""The Atom feeds: the site's latest briefs, and one for each actor, indicator, mechanism and tag.

Each entry carries the brief's summary (with any corrections), its authors and categories for the actors,
indicators and mechanisms it names. Entries do not carry the full text: the feeds are written with the
site's file list, before MkDocs renders any page.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable

from .catalog import Catalog, tag_slug
from .kinds import KINDS
from .model import Brief, Entity
from .pages import tags
from .templating import feed_templates

FEED_PATH = "feed.xml"
FEED_SIZE = 20


@dataclass(frozen=True)
class Feed:
    """One Atom feed: where it is published, what it follows and the briefs in it, newest first."""

    path: str  # in the site, e.g. "actors/qatar/feed.xml"
    title: str | None  # after the site's name, e.g. "Qatar"; None for the site's own feed
    page: str  # the source of the page it follows, with an anchor for a tag
    briefs: list[Brief]


def entity_feed_path(entity: Entity) -> str:
    return f"{entity.folder}/{entity.id}/feed.xml"


def tag_feed_path(tag: str) -> str:
    return f"tags/{tag_slug(tag)}/feed.xml"


def feeds(catalog: Catalog) -> Iterable[Feed]:
    """The site's feed, then one for every actor, indicator and mechanism, then one for every tag."""
    yield Feed(FEED_PATH, None, "index.md", catalog.latest(FEED_SIZE))
    for kind in KINDS:
        for entity in catalog.by_name(kind.folder):
            briefs = catalog.briefs_naming(entity)[:FEED_SIZE]
            yield Feed(entity_feed_path(entity), entity.name, entity.src_uri, briefs)
    for tag, briefs in catalog.tags():
        yield Feed(tag_feed_path(tag), tag, f"{tags.INDEX}#{tag_slug(tag)}", briefs[:FEED_SIZE])


def render_feed(
    catalog: Catalog,
    feed: Feed,
    *,
    site_name: str,
    description: str,
    language: str,
    home_url: str,
    url_of: Callable[[str], str],
) -> str:
    """A feed as XML; `url_of` gives the absolute URL of the page built from a source. Every value is
    XML-escaped."""
    updated = max((b.updated or b.date for b in feed.briefs), default=None)
    page, _, anchor = feed.page.partition("#")
    return feed_templates().get_template("feeds/atom.xml").render(
        site_name=site_name,
        title=f"{site_name}: {feed.title}" if feed.title else site_name,
        # The site's feed keeps the id it has always had; a topic's is its own address.
        feed_id=home_url if feed.path == FEED_PATH else home_url + feed.path,
        description=description,
        language=language,
        home_url=home_url,
        alternate_url=url_of(page) + (f"#{anchor}" if anchor else ""),
        self_url=home_url + feed.path,
        updated=updated.isoformat() if updated else "1970-01-01",
        briefs=feed.briefs,
        url_of=lambda brief: url_of(brief.src_uri),
        categories=lambda brief: [
            (f"{home_url}{kind.folder}/", entity) for kind in KINDS for entity in catalog.named_by(brief, kind.folder)
        ],
    )
