"""The Atom feeds: the site's latest briefs, and one for each actor, indicator, mechanism, author, region and tag.

Each entry carries the brief's summary (with any corrections), its full text as its page shows it (sanitised,
every address absolute, since readers see it away from the site), its authors (with their pages) and
categories for the actors, indicators, mechanisms and regions it names. The text is the part of the brief's page
that the core marked as its text (`Site.brief_text`), so the feeds are written once every page has rendered
(`SiteFeeds`); each holds the latest FEED_SIZE briefs only.
"""

from __future__ import annotations

import hashlib
import itertools
import zlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from html import escape
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from markupsafe import Markup

from .catalog import Catalog
from .kinds import KINDS
from .model import Brief
from .safety import sanitise
from .templating import feed_templates
from .translations import split_language
from .urls import FEED_PATH, entity_feed_path, tag_feed_path, tag_page

FEED_SIZE = 20


@dataclass(frozen=True)
class Feed:
    """One Atom feed: where it is published, what it follows and the briefs in it, newest first."""

    path: str  # in the site, e.g. "actors/qatar/feed.xml"
    title: str | None  # after the site's name, e.g. "Qatar"; None for the site's own feed
    page: str  # the source of the page it follows
    briefs: list[Brief]


def feeds(catalog: Catalog) -> Iterable[Feed]:
    """The site's feed, then one for every entity of every kind (actor, indicator, mechanism, author, region),
    then one for every tag."""
    yield Feed(FEED_PATH, None, "index.md", catalog.latest(FEED_SIZE))
    for kind in KINDS:
        for entity in catalog.by_name(kind.folder):
            briefs = catalog.briefs_naming(entity)[:FEED_SIZE]
            yield Feed(entity_feed_path(entity), entity.name, entity.src_uri, briefs)
    for tag, briefs in catalog.tags():
        yield Feed(tag_feed_path(tag), tag, tag_page(tag), briefs[:FEED_SIZE])


@dataclass(frozen=True)
class FeedSite:
    """What the feeds say of the site they belong to, and where its pages are."""

    name: str
    description: str
    language: str
    home_url: str
    url_of: Callable[[str], str]  # the absolute URL of the page built from a source


def render_feed(catalog: Catalog, feed: Feed, site: FeedSite, texts: Mapping[str, str]) -> str:
    """A feed as XML, given the HTML of each brief's text by its source (`SiteFeeds.keep`). Every value is
    XML-escaped. A feed that no brief is in yet is as recent as the page it follows (as the site's latest
    brief): dated by the content, never by the build."""
    updated = max((b.updated or b.date for b in feed.briefs), default=catalog.last_changed(feed.page))
    return (
        feed_templates()
        .get_template("feeds/atom.xml")
        .render(
            site_name=site.name,
            title=f"{site.name}: {feed.title}" if feed.title else site.name,
            # The site's feed keeps the id it has always had; a topic's is its own address.
            feed_id=site.home_url if feed.path == FEED_PATH else site.home_url + feed.path,
            description=site.description,
            language=site.language,
            home_url=site.home_url,
            alternate_url=site.url_of(feed.page),
            self_url=site.home_url + feed.path,
            updated=updated.isoformat(),
            briefs=feed.briefs,
            url_of=lambda brief: site.url_of(brief.src_uri),
            text_of=lambda brief: texts.get(brief.src_uri),
            # A brief not translated into the feed's language: its title and summary are its original's.
            text_lang=lambda brief: "" if catalog.is_translated(brief) else brief.language,
            # Authors are the entry's authors, with their pages; every other kind, its categories.
            authors=lambda brief: [
                (author, site.url_of(author.src_uri)) for author in catalog.named_by(brief, "authors")
            ],
            categories=lambda brief: [
                (f"{site.home_url}{kind.folder}/", entity)
                for kind in KINDS
                if kind.folder != "authors"
                for entity in catalog.named_by(brief, kind.folder)
            ],
        )
    )


class _Permalinks(HTMLParser):
    """Where the headings' permanent links ("¶", `<a class="headerlink">`, as the Markdown engine's table of
    contents writes them) are in HTML: of no use in a feed entry, away from the page."""

    def __init__(self, html_text: str) -> None:
        super().__init__(convert_charrefs=False)
        self.html = html_text
        self.lines = list(itertools.accumulate((len(line) + 1 for line in html_text.split("\n")), initial=0))
        self.spans: list[tuple[int, int]] = []
        self.depth = 0  # of links, within a permanent link
        self.feed(html_text)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a" and self.depth:
            self.depth += 1
        elif tag == "a" and "headerlink" in (dict(attrs).get("class") or "").split():
            self.depth, self.start = 1, self._offset()

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self.depth:
            self.depth -= 1
            if not self.depth:
                self.spans.append((self.start, self.html.index(">", self._offset()) + 1))

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.lines[line - 1] + column

    def removed(self) -> str:
        """The HTML without them."""
        kept, position = [], 0
        for start, end in self.spans:
            kept.append(self.html[position:start])
            position = end
        return "".join(kept) + self.html[position:]


class SiteFeeds:
    """The feeds of a site, written once its pages have rendered, since each entry carries its brief's text.

    The texts are kept from one build to the next: the live preview renders again only the pages a save
    changes, and its feeds must be those of a fresh build all the same."""

    def __init__(self) -> None:
        # Each brief's text for feed readers, by its source, compressed: a site's texts are kept from its
        # first page to the last, and would otherwise weigh as much as its largest pages.
        self.texts: dict[str, bytes] = {}
        self.changed: set[str] = set()  # the briefs whose text changed since the feeds were last written
        self.chosen: dict[str, Feed] | None = None  # the feeds to write, by path (None: every one, a build's)
        self.catalog: Catalog | None = None
        self.site: FeedSite | None = None
        #: Given a feed's path and fingerprint, puts the last build's feed in the site if it is the same and says
        #: so (a build that reuses outputs: `briefings.buildcache`).
        self.reuse: Callable[[Path, str, str], bool] | None = None

    def plan(self, catalog: Catalog, site: FeedSite) -> list[str]:
        """Start a build: the paths of the feeds it will write, for the site's list of files."""
        self.catalog, self.site = catalog, site
        published = {brief.src_uri for brief in catalog.briefs}
        self.texts = {src_uri: text for src_uri, text in self.texts.items() if src_uri in published}
        return [feed.path for feed in feeds(catalog)]

    def keep(self, src_uri: str, html_text: str) -> None:
        """Remember the text of the brief whose source is `src_uri`, as rendered: the HTML of its text, readings,
        sources and how to cite it, without its header (title, standfirst, byline, corrections and the lists of
        actors, indicators and tags, which the entry has as its title, summary, dates, authors and categories:
        repeated in each of the many feeds a brief is in, they would make most of their size) or where to read
        on (the site's navigation, not the brief's text), as `briefings.pages.brief.cut_text` gives it."""
        assert self.site is not None, "plan() starts a build"
        src_uri = split_language(src_uri)[0]  # a translation's page: its brief's text, in its language's feeds
        text = sanitise(_Permalinks(html_text).removed(), base_url=self.site.url_of(src_uri)).strip()
        kept = zlib.compress(text.encode("utf-8"), 1)
        if self.texts.get(src_uri) != kept:
            self.texts[src_uri] = kept
            self.changed.add(src_uri)

    def restore(self, src_uri: str, kept: bytes) -> None:
        """Take the text a previous build kept of a brief whose page (`src_uri`, a translation's too) is not
        rendered again (`kept`: as `kept` gave it)."""
        self.texts[split_language(src_uri)[0]] = kept

    def kept(self, src_uri: str) -> bytes | None:
        """The text kept of the brief whose page's source is `src_uri` (a translation's: in its language), as kept
        (compressed: what a build's cache keeps, for `restore`); None if none is."""
        return self.texts.get(split_language(src_uri)[0])

    def text(self, src_uri: str) -> str | None:
        """The text kept of the brief whose page's source is `src_uri` (a translation's: in its language); None if
        none is."""
        kept = self.kept(src_uri)
        return None if kept is None else zlib.decompress(kept).decode("utf-8")

    def fingerprint(self, feed: Feed, briefs: dict[str, str] | None = None) -> str:
        """What a feed shows besides the site's data and configuration: its path, title and page, and each brief
        in it with its text; its language and home (each language's build has feeds at the same paths).
        `briefs` keeps each brief as shown, for the other feeds it is in."""
        assert self.catalog is not None and self.site is not None, "plan() starts a build"
        shown: list[Any] = [feed.path, feed.title, feed.page, self.catalog.last_changed(feed.page).isoformat()]
        shown += [self.site.language, self.site.home_url]
        known = {} if briefs is None else briefs
        for b in feed.briefs:
            if (brief := known.get(b.src_uri)) is None:
                brief = known[b.src_uri] = repr((repr(b), hashlib.sha256(self.texts.get(b.src_uri, b"")).hexdigest()))
            shown.append(brief)
        return hashlib.sha256(repr(shown).encode()).hexdigest()

    def choose(self, site_dir: Path, rewrites: Callable[[str], bool]) -> None:
        """In the live preview, which feeds to write (`write`): those whose page `rewrites` says this rebuild writes
        again (a feed changes with the page it follows), those holding a brief whose text changed, those not
        written yet, and those chosen before and not written since."""
        assert self.catalog is not None, "plan() starts a build"
        chosen = self.chosen or {}
        self.chosen = {
            feed.path: feed
            for feed in feeds(self.catalog)
            if feed.path in chosen
            or rewrites(feed.page)
            or any(brief.src_uri in self.changed for brief in feed.briefs)
            or not (site_dir / feed.path).exists()
        }
        self.changed.clear()

    def write(self, site_dir: Path, stop: Callable[[], bool] = lambda: False) -> bool:
        """Write the feeds of the build into the built site: every one, or those chosen (`choose`); False if `stop`
        said so first (those left stay chosen)."""
        assert self.catalog is not None and self.site is not None, "plan() starts a build"
        written = list(feeds(self.catalog) if self.chosen is None else self.chosen.values())
        # Each text escaped for XML once, not in each of the feeds it is in.
        shown = {brief.src_uri for feed in written for brief in feed.briefs if brief.src_uri in self.texts}
        escaped = {src_uri: Markup(escape(self.text(src_uri) or "", quote=False)) for src_uri in shown}
        if self.reuse is not None:
            briefs: dict[str, str] = {}  # each brief as the feeds show it, worked out once
            written = [feed for feed in written if not self.reuse(site_dir, feed.path, self.fingerprint(feed, briefs))]
        for feed in written:
            if stop():
                return False
            path = site_dir / feed.path
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(render_feed(self.catalog, feed, self.site, escaped).encode("utf-8"))
            if self.chosen is not None:
                del self.chosen[feed.path]
        self.changed.clear()
        return True
