"""What a save changes in the live preview: the pages to write again, and only those.

A brief's text is on its own page; its title, date, summary and the entities it names are also on the pages
that list it: the pages of those entities (before and after the edit), every listing index, the tags page and
the hand-written pages that call listing macros. Anything else (a data file, a hand-written page, which ids
exist) changes pages all over the site: then everything is written again.
"""

from __future__ import annotations

from .catalog import Catalog
from .kinds import KINDS
from .loader import Changes
from .pages import tags


def pages_to_rebuild(before: Catalog | None, after: Catalog, changes: Changes | None) -> set[str] | None:
    """The pages (src_uri) a change makes different, or None when it may touch any page."""
    if before is None or changes is None or changes.anything_else:
        return None
    pages = {tags.INDEX, *(kind.index_uri for kind in KINDS)}
    for src_uri in changes.briefs:
        for catalog in (before, after):
            brief = catalog.brief(src_uri)
            if brief is None:
                continue
            pages.add(src_uri)
            for folder, ids in brief.named.items():
                entities = catalog.entities[folder]
                pages.update(entities[i].src_uri for i in ids if i in entities)
    return pages
