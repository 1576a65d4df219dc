"""What a save changes in the live preview: the pages to write again, and only those.

A brief's text is on its own page; its title, date, summary and the entities it names are also on the pages
that list it: the pages of those entities and of its tags (before and after the edit), every listing index,
the tags index and the hand-written pages that call listing macros; its title and date are also on the
pages of the briefs published just before and after it, and of the briefs it is related to. Anything else
(a data file, a hand-written page, which ids exist) changes pages all over the site: then everything is
written again.
"""

from __future__ import annotations

from .catalog import Catalog
from .fragments import Fragments
from .kinds import KINDS
from .loader import Changes, LoadCache, Loaded, load_project
from .pages import GeneratedPage, tags
from .project import Project
from .search import PreviewIndex
from .site import Site


class Preview:
    """What the live preview remembers from one rebuild to the next, so that a save writes again only what
    it changes: what each brief held, the generated pages' Markdown, and the last site that built."""

    def __init__(self) -> None:
        self.cache = LoadCache()
        self.written: dict[str, str] = {}  # generated pages' Markdown, by src_uri
        self.rebuild: set[str] | None = None  # the pages this rebuild must write; None: all of them
        self.templated: frozenset[str] = frozenset()  # the pages that call macros
        self.site: Site | None = None
        self.index = PreviewIndex()  # search, brought up to date once the preview is quiet

    def load(
        self, project: Project, *, directory_urls: bool = True, fragments: Fragments | None = None
    ) -> tuple[Loaded, Site]:
        """Read the project again; while it has errors, the last site that built stays the one shown."""
        self.index.interrupt()  # a rebuild goes before search
        before = self.site.catalog if self.site else None
        loaded = load_project(project, preview=True, cache=self.cache)
        self.rebuild, self.templated = None, loaded.templated
        if loaded.catalog is not None:  # loaded.ok
            self.rebuild = pages_to_rebuild(before, loaded.catalog, loaded.changed)
            self.site = Site(loaded.catalog, directory_urls=directory_urls, fragments=fragments)
        elif self.site is None:
            self.site = Site(
                Catalog(entities={kind.folder: {} for kind in KINDS}, briefs=[]),
                directory_urls=directory_urls,
                fragments=fragments,
            )
        return loaded, self.site

    def markdown(self, page: GeneratedPage) -> str:
        """A generated page, written again only if this rebuild changes it."""
        assert self.site is not None, "load() comes first"
        if self.rebuild is None or page.src_uri in self.rebuild or page.src_uri not in self.written:
            self.written[page.src_uri] = self.site.markdown(page)
        return self.written[page.src_uri]

    def rewrites(self, src_uri: str) -> bool:
        """Whether this rebuild writes the page again. Hand-written pages that call macros always are (they are
        few, and a listing macro shows any brief); those that do not depend on no brief."""
        assert self.site is not None, "load() comes first"
        listing = src_uri in self.templated and self.site.catalog.brief(src_uri) is None
        return self.rebuild is None or listing or src_uri in self.rebuild


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
            pages.update(tags.page_of(tag) for tag in brief.tags)
            for folder, ids in brief.named.items():
                entities = catalog.entities[folder]
                pages.update(entities[i].src_uri for i in ids if i in entities)
            pages.update(b.src_uri for b in (catalog.previous_brief(brief), catalog.next_brief(brief)) if b)
    pages.update(_related_changed(before, after, changes.briefs))
    return pages


def _related_changed(before: Catalog, after: Catalog, changed: frozenset[str]) -> set[str]:
    """The briefs whose related briefs change: among those that may be related to a changed brief (before or
    after the change; a bounded number, see `Catalog.related_candidates`), those whose list differs or shows
    a changed brief."""
    suspects: set[str] = set()
    for src_uri in changed:
        for catalog in (before, after):
            if brief := catalog.brief(src_uri):
                suspects.update(b.src_uri for b in catalog.related_candidates(brief))
    pages = set()
    for src_uri in suspects - changed:
        old, new = before.brief(src_uri), after.brief(src_uri)
        lists = [[b.src_uri for b in c.related_briefs(b)] if b else [] for c, b in ((before, old), (after, new))]
        if lists[0] != lists[1] or changed.intersection(lists[0] + lists[1]):
            pages.add(src_uri)
    return pages
