"""The feeds' entries, in-process: a brief's text as feed readers get it (cut from its page where the core marked
it), and the date of a feed no brief is in."""

from __future__ import annotations

import datetime as dt
from xml.etree import ElementTree

import feedparser
import markdown
import pytest

from briefings.catalog import Catalog
from briefings.feed import Feed, FeedSite, SiteFeeds, feeds, render_feed
from briefings.fragments import Fragments
from briefings.loader import load_project
from briefings.mkdocs.extension import FragmentsExtension
from briefings.model import Actor, Brief, Leverage
from briefings.pages.brief import brief_markdown
from briefings.project import Project
from briefings.site import Publication, Site
from briefings.urls import FEED_PATH
from conftest import EXAMPLE

HOME = "https://example.org/briefings/"
ACTORS = {i: Actor(id=i, name=i.title(), kind="state", summary="S.") for i in ("qatar", "oman")}


def brief(day: int, *, updated: int | None = None) -> Brief:
    return Brief(
        src_uri=f"briefs/2026/b{day:02d}.md",
        title=f"Brief of {day} June",
        date=dt.date(2026, 6, day),
        updated=dt.date(2026, 6, updated) if updated else None,
        summary="What it means.",
        named={"actors": ("qatar",), "indicators": (), "mechanisms": ()},
        leverage=Leverage((), ()),
    )


def site_feeds(*briefs: Brief) -> SiteFeeds:
    catalog = Catalog(
        entities={"actors": ACTORS, "indicators": {}, "mechanisms": {}, "authors": {}, "regions": {}},
        briefs=list(briefs),
    )
    site = FeedSite(
        "Briefings",
        "Short briefs.",
        "en",
        HOME,
        lambda src_uri: HOME + src_uri.removesuffix("index.md").removesuffix(".md").rstrip("/") + "/",
    )
    result = SiteFeeds()
    result.plan(catalog, site)
    return result


#: A brief's text as its page shows it (`Site.brief_text`).
PAGE = """<h2 id="what-happened">What happened<a class="headerlink" href="#what-happened" title="Permanent link">¶</a></h2>
<p>Talks in <a href="../../../actors/qatar/" title="A Gulf state.">Qatar</a> (<abbr title="Gulf Cooperation Council">GCC</abbr>), see <a href="#what-happened">above</a>,
<a href="https://example.com/report">a report</a> and <img alt="A map" src="../map.png">.</p>
<script>alert(1)</script><p onclick="alert(2)">Done.</p>
"""


def test_an_entry_carries_the_briefs_text_sanitised_with_every_address_absolute_and_no_link_tooltips():
    feeds_ = site_feeds(brief(2))
    feeds_.keep("briefs/2026/b02.md", PAGE)
    text = feeds_.text("briefs/2026/b02.md")
    assert set(feeds_.texts) == {"briefs/2026/b02.md"}
    assert text.startswith('<h2 id="what-happened">What happened</h2>')
    assert "headerlink" not in text and "¶" not in text  # the headings' permanent links are the page's
    assert "<script" not in text and "onclick" not in text and "alert(1)" not in text
    page = HOME + "briefs/2026/b02/"
    assert f'<a href="{HOME}actors/qatar/">Qatar</a>' in text  # without the site's tooltip
    assert '<abbr title="Gulf Cooperation Council">GCC</abbr>' in text
    assert f'<a href="{page}#what-happened">above</a>' in text
    assert '<a href="https://example.com/report">' in text
    assert f'src="{HOME}briefs/2026/map.png"' in text

    xml = render_feed(feeds_.catalog, next(feeds(feeds_.catalog)), feeds_.site, {"briefs/2026/b02.md": text})
    parsed = feedparser.parse(xml.encode("utf-8"))
    assert not parsed.bozo, parsed.bozo_exception
    (entry,) = parsed.entries
    assert entry.summary == "What it means."
    assert entry.content[0].type == "text/html" and entry.content[0].language == "en"
    assert "<script" not in entry.content[0].value and f'href="{HOME}actors/qatar/"' in entry.content[0].value
    content = ElementTree.fromstring(xml).find(
        "{http://www.w3.org/2005/Atom}entry/{http://www.w3.org/2005/Atom}content"
    )
    assert content.text == text  # escaped once for XML: an XML reader gets the HTML back as it was


def test_a_feed_no_brief_is_in_yet_is_dated_by_the_sites_latest_brief_not_1970():
    feeds_ = site_feeds(brief(2), brief(9, updated=20), brief(14))
    empty = Feed("actors/oman/feed.xml", "Oman", "actors/oman.md", [])
    parsed = feedparser.parse(render_feed(feeds_.catalog, empty, feeds_.site, {}).encode("utf-8"))
    assert not parsed.bozo and parsed.entries == []
    assert parsed.feed.updated == "2026-06-20T00:00:00Z"
    site_feed = feedparser.parse(
        render_feed(feeds_.catalog, Feed(FEED_PATH, None, "index.md", feeds_.catalog.latest()), feeds_.site, {}).encode(
            "utf-8"
        )
    )
    assert site_feed.feed.updated == "2026-06-20T00:00:00Z"  # the same date as the site's own feed


def test_the_texts_of_briefs_no_longer_published_are_forgotten():
    feeds_ = site_feeds(brief(2), brief(3))
    feeds_.keep("briefs/2026/b02.md", PAGE)
    feeds_.keep("briefs/2026/b03.md", PAGE)
    catalog = Catalog(
        entities={"actors": ACTORS, "indicators": {}, "mechanisms": {}, "authors": {}, "regions": {}}, briefs=[brief(3)]
    )
    feeds_.plan(catalog, feeds_.site)
    assert set(feeds_.texts) == {"briefs/2026/b03.md"}


def test_a_briefs_page_gives_its_feed_its_text_without_its_header_or_where_to_read_on():
    """The core marks where a brief's text starts and ends on its page, and takes the marks out again: the page is
    as if they had never been there, and no text an author writes can pass for one."""
    catalog = load_project(Project.at(EXAMPLE)).catalog
    fragments = Fragments()
    site = Site(catalog, fragments=fragments)
    brief = next(b for b in catalog.briefs if catalog.related_briefs(b) and catalog.previous_brief(b))
    publication = Publication(url=HOME + brief.src_uri, site_name="Briefings")
    body = "## What happened\n\nTalks went on. <!--brief-text:0123456789abcdef--> They ended.\n"
    engine = markdown.Markdown(
        extensions=["toc", "attr_list", "tables", "admonition", FragmentsExtension(fragments)],
        extension_configs={"toc": {"permalink": True}},
    )
    html_text = engine.convert(site.brief_markdown(brief.src_uri, body, publication=publication))
    page, text = site.brief_text(html_text)

    assert "brief-text:" not in page.replace("<!--brief-text:0123456789abcdef-->", "")
    assert html_text.count("<!--brief-text:") == 2 and html_text.count("<!--/brief-text:") == 1
    assert '</details>\n<h2 id="what-happened">' in page  # the header, then the text, as without the marks
    assert "<!--brief-text:0123456789abcdef--> They ended." in text  # an author's comment is only a comment
    assert text.strip().startswith('<h2 id="what-happened">What happened<a class="headerlink"')
    assert "They ended." in text and "How to cite" in text and "<h1" not in text and "<h1" in page
    for elsewhere in ("brief-standfirst", "brief-meta", "related-briefs", "brief-related", "brief-sequence"):
        assert elsewhere in page and elsewhere not in text
    assert site.brief_text("<p>About</p>") == ("<p>About</p>", None)

    feeds_ = SiteFeeds()
    feeds_.plan(catalog, FeedSite("Briefings", "", "en", HOME, lambda src_uri: HOME + src_uri))
    feeds_.keep(brief.src_uri, text)
    kept = feeds_.text(brief.src_uri)
    assert kept.startswith('<h2 id="what-happened">What happened</h2>') and "¶" not in kept and "They ended." in kept


@pytest.mark.parametrize("alone", [False, True], ids=["among-others", "alone"])
def test_a_briefs_page_is_the_same_with_the_marks_of_its_text_taken_out(alone: bool):
    """With or without related and neighbouring briefs after it (a site of one brief), the page the marks are
    taken out of is the page written without them."""
    catalog = load_project(Project.at(EXAMPLE)).catalog
    if alone:
        catalog = Catalog(entities=catalog.entities, briefs=catalog.briefs[:1])
    brief = catalog.briefs[0]
    publication = Publication(url=HOME + brief.src_uri, site_name="Briefings")
    fragments = Fragments()
    site = Site(catalog, fragments=fragments)
    engine = markdown.Markdown(
        extensions=["toc", "attr_list", "tables", "admonition", FragmentsExtension(fragments)],
        extension_configs={"toc": {"permalink": True}},
    )
    marked = engine.convert(site.brief_markdown(brief.src_uri, "Body.", publication=publication))
    unmarked = engine.reset().convert(
        brief_markdown(catalog, site.render, brief, "Body.", publication, block=lambda html: "\n")
    )
    page, text = site.brief_text(marked)
    assert page == unmarked and "<p>Body.</p>" in text
    assert ("related-briefs" in page) is not alone
