"""What the site publishes besides the pages and files of docs/: the pages generated from the catalog, the
feeds, the open data and each brief's citation files, by their paths inside the site's sources. Links may lead
to any of them."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from .catalog import Catalog
from .kinds import KINDS, generated_pages
from .urls import CATALOG_PATH, CATALOG_SCHEMA_PATH, FEED_PATH, citation_paths, entity_feed_path, tag_feed_path

#: What an output shows, declared with it, so that the live preview can tell whether a save changed it
#: (`Preview.makes`): either the source path of a page, for an output showing what that page shows (a brief's
#: citation files, its brief's), or `LISTED_BRIEFS`, for one showing what the pages listing briefs show of every
#: brief and translation (their records, their text apart: the open data's catalog).
LISTED_BRIEFS = ":listed-briefs:"

#: Whether to make again the outputs at the paths given that show what the first argument says (`LISTED_BRIEFS`, or
#: a page's source): `Preview.makes` for a save of the live preview, `BuildCache.makes` for a build.
Wanted = Callable[[str, tuple[str, ...]], bool]


def feed_paths(catalog: Catalog) -> Iterator[str]:
    """The site's feed, then each actor's, indicator's and mechanism's, then each tag's."""
    yield FEED_PATH
    for kind in KINDS:
        yield from (entity_feed_path(entity) for entity in catalog.entities[kind.folder].values())
    yield from (tag_feed_path(tag) for tag, _ in catalog.tags())


def published_outputs(catalog: Catalog) -> set[str]:
    """Every page and file the site generates."""
    return (
        {page.src_uri for page in generated_pages(catalog)}
        | set(feed_paths(catalog))
        | {CATALOG_PATH, CATALOG_SCHEMA_PATH}
        | {path for brief in catalog.briefs for path in citation_paths(brief)}
    )


def redirect_files(catalog: Catalog) -> dict[str, tuple[str, str]]:
    """What each redirect of the catalog publishes, by its path inside the built site: a page's old address
    (ending in '/') gets an `index.html` there, a file's old address (a feed) the file itself; with the old and
    the new address. (Written into the built site by `redirects.write_redirects`.)"""
    return {(old + "index.html" if old.endswith("/") else old): (old, new) for old, new in catalog.redirects.items()}
