"""End to end in a real Chromium: what a reader does on the example project's site, on a desktop and on a phone.

Every flow runs against the site served at the root and against a build for a project path
(http://127.0.0.1:PORT/briefings/), the way GitHub Pages serves a project site. The accessibility checks of
every kind of page (axe) and Lighthouse run on the shipped content, in test_content_browser.py.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from benchmarks.browsing import VIEWPORTS
from conftest import assert_no_serious_violations, assert_stayed_on_this_machine, is_phone

pytestmark = [pytest.mark.browser, pytest.mark.heavy]


def assert_styled(page: Page) -> None:
    """Material's stylesheet and ours are loaded: the header is coloured and briefs' styles apply."""
    background = page.locator("header.md-header").evaluate("e => getComputedStyle(e).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")
    assert page.evaluate("[...document.styleSheets].some(s => (s.href || '').includes('briefings.css'))")


def test_reader_goes_from_home_to_brief_to_actor_and_back_to_the_brief(reader: Page, site_url: str):
    reader.goto(site_url)
    assert_styled(reader)
    expect(reader.locator("h1")).to_have_text(re.compile("Latest briefs"))
    doha = reader.get_by_role("link", name="Indirect US–Iran talks in Doha keep escalation in check, for now")
    doha.click()
    expect(reader).to_have_url(re.compile(r"/briefs/2026/doha-indirect-talks/$"))
    expect(reader.locator(".brief-byline")).to_contain_text("min read")

    if is_phone(reader):  # the actors wait in a block the reader opens
        reader.locator(".brief-meta summary").click()
    reader.locator(".brief-meta").get_by_role("link", name="Qatar", exact=True).first.click()  # under Actors
    expect(reader).to_have_url(re.compile(r"/actors/qatar/$"))
    expect(reader.locator("h1")).to_have_text(re.compile("^Qatar"))
    listed = reader.locator(".brief-list").first.get_by_role(
        "link", name="Indirect US–Iran talks in Doha keep escalation in check, for now"
    )
    expect(listed).to_be_visible()
    listed.click()
    expect(reader).to_have_url(re.compile(r"/briefs/2026/doha-indirect-talks/$"))
    assert_stayed_on_this_machine(reader)


def test_on_a_phone_the_analysis_starts_on_the_first_screen(page: Page, site_server):
    """The standfirst, the byline and the first paragraph of "What happened" show before any scrolling; the
    actors and indicators are one tap away, and shown outright on a desktop."""
    page.set_viewport_size(VIEWPORTS["phone"])
    page.goto(site_server.url + "briefs/2026/doha-indirect-talks/")
    first_paragraph = page.locator("article h2#what-happened + p")
    for seen in (page.locator(".brief-standfirst"), page.locator(".brief-byline"), first_paragraph):
        expect(seen).to_be_visible()
        assert seen.bounding_box()["y"] < VIEWPORTS["phone"]["height"]
    actors = page.locator(".brief-meta dt", has_text="Actors")
    expect(actors).to_be_hidden()
    label = page.locator(".brief-meta summary")
    expect(label).to_have_text("Actors, leverage, mechanisms, indicators, tags and regions")  # what it holds
    label.click()
    expect(actors).to_be_visible()
    page.set_viewport_size(VIEWPORTS["desktop"])
    page.reload()
    expect(page.locator(".brief-meta dt", has_text="Actors")).to_be_visible()
    expect(page.locator(".brief-meta summary")).to_be_hidden()


def test_link_in_the_text_of_a_brief_leads_to_the_indicator(reader: Page, site_url: str):
    reader.goto(site_url + "briefs/2026/doha-indirect-talks/")
    link = reader.locator("article a.entity-link--indicator").first
    name = link.inner_text()
    link.click()
    expect(reader).to_have_url(re.compile(r"/indicators/[a-z-]+/$"))
    expect(reader.locator("h2", has_text="Briefs tracking")).to_be_visible()
    expect(reader.locator(".brief-list")).to_contain_text("Indirect US–Iran talks in Doha")
    assert name


def test_unknown_address_shows_a_not_found_page_with_ways_into_the_site(page: Page, site_url: str):
    response = page.goto(site_url + "briefs/no-such-brief/")
    assert response.status == 404
    expect(page.locator("h1")).to_have_text("Page not found")
    expect(page.locator("article")).to_contain_text("search")
    assert_styled(page)
    page.locator("article").get_by_role("link", name="Every brief, by month").click()
    expect(page.locator("h1")).to_have_text(re.compile("All briefs"))
    page.goto(site_url + "no/such/page/at/all/")
    page.locator("article").get_by_role("link", name="Indicators").click()
    expect(page).to_have_url(site_url + "indicators/")
    page.goto(site_url + "no-such-page/")
    page.locator("a.md-header__button.md-logo").click()
    expect(page.locator("h1")).to_have_text(re.compile("Latest briefs"))


def test_every_page_names_its_own_address_for_link_previews(page: Page, subpath_server):
    """og:url and the canonical link are the absolute address the page is served at, under a project path."""
    for path in ("", "briefs/2026/doha-indirect-talks/", "actors/qatar/"):
        page.goto(subpath_server.url + path)
        assert page.locator("meta[property='og:url']").get_attribute("content") == page.url
    assert page.locator("link[rel=canonical]").get_attribute("href") == page.url


def test_article_text_keeps_a_readable_measure_on_a_desktop(page: Page, site_server):
    """No line of running text is much longer than about 70 characters (it was 125 to 160 on the home page)."""
    page.set_viewport_size(VIEWPORTS["desktop"])
    for path in ("", "briefs/2026/doha-indirect-talks/", "about/"):
        page.goto(site_server.url + path)
        per_line = page.evaluate("""() => [...document.querySelectorAll("article p")].map(p => {
            const range = document.createRange();
            range.selectNodeContents(p);
            const lines = new Set([...range.getClientRects()].map(r => Math.round(r.top))).size;
            return lines >= 3 ? p.textContent.trim().length / lines : 0;
        })""")
        assert 30 < max(per_line) <= 75, (path, per_line)


def test_archive_months_are_labels_below_the_briefs_titles_and_listings_keep_actor_links_quiet(page: Page, site_server):
    page.goto(site_server.url + "briefs/")
    size = "e => parseFloat(getComputedStyle(e).fontSize)"
    month = page.locator("article h2").first.evaluate(size)
    title = page.locator(".brief-list__title").first.evaluate(size)
    assert month < title
    meta = page.locator(".brief-list__meta").first
    actor = meta.locator("a").first
    style = "e => [getComputedStyle(e).color, getComputedStyle(e).textDecorationStyle]"
    assert actor.evaluate(style) == [meta.evaluate("e => getComputedStyle(e).color"), "dotted"]


def test_a_printed_brief_shows_its_address_text_and_sources_and_no_site_furniture(page: Page, subpath_server):
    page.set_viewport_size(VIEWPORTS["desktop"])
    page.goto(subpath_server.url + "briefs/2026/doha-indirect-talks/")
    page.emulate_media(media="print")
    for furniture in (
        "header.md-header",
        ".md-tabs",
        ".md-sidebar--primary",
        ".md-sidebar--secondary",
        "footer.md-footer",
    ):
        expect(page.locator(furniture).first).to_be_hidden()
    address = page.locator(".print-address")
    expect(address).to_be_visible()
    expect(address).to_contain_text(page.url)
    expect(page.locator("h1")).to_be_visible()
    expect(page.locator("article")).to_contain_text("Briefings desk")  # the byline
    expect(page.locator("article h2", has_text="What happened")).to_be_visible()
    expect(page.locator(".brief-meta dt", has_text="Actors")).to_be_hidden()
    expect(page.locator(".brief-meta dd", has_text="Middle East")).to_be_visible()  # what the brief is about
    standfirst = page.locator(".brief-standfirst")
    if standfirst.count():
        expect(standfirst).to_be_visible()
    source = page.locator("article h2#sources ~ ul a").first
    href = source.get_attribute("href")
    assert href.startswith("https://")
    after = source.evaluate("a => getComputedStyle(a, '::after').content")
    assert href in after, after
    page.emulate_media(media="screen")
    expect(address).to_be_hidden()
    expect(page.locator("header.md-header")).to_be_visible()


def test_no_page_fetches_a_file_that_grows_with_the_site(reader: Page, site_url: str):
    """Material fetches sitemap.xml for any `link rel=alternate` it takes for another language of the site."""
    for path in ("", "briefs/2026/doha-indirect-talks/", "actors/qatar/"):
        reader.goto(site_url + path)
        reader.wait_for_load_state("networkidle")
    fetched = [url for url in reader.requests_made if url.endswith(("sitemap.xml", "sitemap.xml.gz"))]
    assert not fetched, fetched
    assert reader.locator("link[type='application/atom+xml']").count() == 2  # the site's feed and Qatar's are announced


def test_reader_reads_an_indicators_chart_and_follows_a_reading_to_its_brief(reader: Page, site_url: str):
    reader.goto(site_url + "indicators/written-commitments/")
    chart = reader.get_by_role("img", name=re.compile("^Readings of Written commitments over time"))
    expect(chart).to_be_visible()
    box, width = chart.bounding_box(), reader.viewport_size["width"]
    assert box["width"] >= min(300, width * 0.7) and box["x"] >= 0 and box["x"] + box["width"] <= width
    rows = reader.locator(".reading-table table tbody tr")
    expect(reader.locator("svg .reading-chart__mark")).to_have_count(rows.count())
    assert rows.count() >= 3
    # The chart is drawn in the colour of the text, whatever the scheme.
    for scheme in ("light", "dark"):
        reader.emulate_media(color_scheme=scheme)
        reader.reload()
        fill, text = reader.evaluate("""() => [
            getComputedStyle(document.querySelector('svg.reading-chart__svg text')).fill,
            getComputedStyle(document.querySelector('article')).color]""")
        assert fill == text, (scheme, fill, text)

    last = rows.last
    title = last.locator("a").inner_text()
    status = last.locator(".reading-status").inner_text()
    last.locator("a").click()
    expect(reader).to_have_url(re.compile(r"/briefs/2026/[a-z-]+/$"))
    expect(reader.locator("h1")).to_have_text(re.compile("^" + re.escape(title)))
    reading = reader.locator("h2#readings ~ * tr", has=reader.get_by_role("link", name="Written commitments"))
    expect(reading.locator(".reading-status")).to_have_text(status)
    assert_stayed_on_this_machine(reader)


# -- where the reader is, and where to read on -----------------------------------------------------------------

HOST = "Qatar as host and gatekeeper of the Doha channel"  # 27 May 2026, between two other briefs


def test_reader_sees_where_a_brief_stands_and_reads_on_to_the_next_previous_and_related_briefs(
    page: Page, subpath_server
):
    page.set_viewport_size(VIEWPORTS["desktop"])
    base = subpath_server.url
    page.goto(base + "briefs/2026/qatar-host-and-gatekeeper/")
    expect(page.locator(".md-tabs__item--active")).to_have_text("Briefs")
    crumbs = page.get_by_role("navigation", name="Breadcrumb").get_by_role("listitem")
    expect(crumbs).to_have_text(["Briefs", "May 2026"])
    expect(page.locator(".md-sidebar--secondary").get_by_role("link", name="What happened")).to_be_visible()

    sequence = page.get_by_role("navigation", name="Previous and next briefs")
    expect(sequence.locator("a[rel=prev]")).to_have_text(re.compile("^Indirect US–Iran talks in Doha"))
    expect(sequence).to_contain_text("8 May 2026")
    expect(sequence).to_contain_text("16 June 2026")
    sequence.locator("a[rel=next]").click()
    expect(page).to_have_url(base + "briefs/2026/presidential-signalling-without-concessions/")
    expect(page.get_by_role("navigation", name="Breadcrumb")).to_contain_text("June 2026")
    page.get_by_role("navigation", name="Previous and next briefs").locator("a[rel=prev]").click()
    expect(page.locator("h1")).to_have_text(re.compile("^" + re.escape(HOST)))

    related = page.locator(".brief-related li")
    assert 1 <= related.count() <= 5
    expect(page.locator("h2#related-briefs")).to_be_visible()
    first = related.first.get_by_role("link")
    title = first.inner_text()
    first.click()
    expect(page.locator("h1")).to_have_text(re.compile("^" + re.escape(title)))
    expect(page.locator(".md-tabs__item--active")).to_have_text("Briefs")

    page.goto(base + "briefs/2026/qatar-host-and-gatekeeper/")
    page.get_by_role("navigation", name="Breadcrumb").get_by_role("link", name="May 2026").click()
    expect(page).to_have_url(base + "briefs/#may-2026")
    expect(page.locator("h2#may-2026")).to_be_in_viewport()
    expect(page.locator(".md-tabs__item--active")).to_have_text("Briefs")


def test_entity_pages_mark_their_kind_s_tab_and_lead_back_to_its_index(page: Page, subpath_server):
    page.set_viewport_size(VIEWPORTS["desktop"])
    for path, tab in (
        ("actors/qatar/", "Actors"),
        ("indicators/talks-direct/", "Indicators"),
        ("mechanisms/gatekeeping/", "Mechanisms"),
        ("tags/", "Briefs"),
    ):
        page.goto(subpath_server.url + path)
        expect(page.locator(".md-tabs__item--active")).to_have_text(tab)
        breadcrumb = page.get_by_role("navigation", name="Breadcrumb")
        expect(breadcrumb.get_by_role("listitem")).to_have_text([tab])
        breadcrumb.get_by_role("link", name=tab).click()
        expect(page).to_have_url(subpath_server.url + tab.lower() + "/")


def test_author_and_region_pages_stand_under_briefs_and_the_byline_leads_to_its_author(page: Page, subpath_server):
    page.set_viewport_size(VIEWPORTS["desktop"])
    page.goto(subpath_server.url + "briefs/2026/qatar-host-and-gatekeeper/")
    page.locator(".brief-byline").get_by_role("link", name="Briefings desk").click()
    expect(page).to_have_url(subpath_server.url + "authors/briefings-desk/")
    for path, index in (("authors/briefings-desk/", "Authors"), ("regions/gulf/", "Regions")):
        page.goto(subpath_server.url + path)
        expect(page.locator(".md-tabs__item--active")).to_have_text("Briefs")  # no tab of their own
        breadcrumb = page.get_by_role("navigation", name="Breadcrumb")
        expect(breadcrumb.get_by_role("listitem")).to_have_text(["Briefs", index])
        breadcrumb.get_by_role("link", name=index).click()
        expect(page).to_have_url(subpath_server.url + index.lower() + "/")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_on_a_phone_the_menu_marks_the_section_and_offers_the_brief_s_table_of_contents(
    page: Page, subpath_server, scheme: str
):
    page.set_viewport_size(VIEWPORTS["phone"])
    page.emulate_media(color_scheme=scheme)
    page.goto(subpath_server.url + "briefs/2026/qatar-host-and-gatekeeper/")
    expect(page.locator(".md-sidebar--secondary")).to_be_hidden()  # no table of contents beside the text
    page.locator("label.md-header__button[for=__drawer]").click()
    drawer = page.locator(".md-nav--primary")
    section = drawer.locator(".md-nav__item--active").first
    expect(section.locator(".md-nav__link").first).to_have_text("Briefs")
    entry = drawer.locator("label.md-nav__link[for=__toc]")
    expect(entry).to_be_visible()
    expect(entry).to_have_text(HOST)
    entry.click()
    heading = drawer.get_by_role("link", name="Why it matters")
    expect(heading).to_be_visible()
    # The open menu, its table of contents shown, once it has slid into place.
    page.wait_for_function("() => document.getAnimations().every(a => a.playState !== 'running')")
    assert_no_serious_violations(page)
    heading.click()
    expect(page).to_have_url(re.compile("#why-it-matters$"))
    expect(page.locator("h2#why-it-matters")).to_be_in_viewport()

    page.goto(subpath_server.url + "actors/qatar/")
    page.locator("label.md-header__button[for=__drawer]").click()
    expect(drawer.locator(".md-nav__item--active .md-nav__container a").first).to_have_text("Actors")
    expect(drawer.locator("label.md-nav__link[for=__toc]")).to_have_text("Qatar")
    expect(drawer.locator("label.md-nav__link[for=__toc]")).to_be_visible()

    page.set_viewport_size(VIEWPORTS["desktop"])  # the desktop keeps its table of contents beside the text
    page.goto(subpath_server.url + "briefs/2026/qatar-host-and-gatekeeper/")
    expect(page.locator(".md-sidebar--secondary").get_by_role("link", name="Why it matters")).to_be_visible()
    expect(page.locator(".md-sidebar--primary label.md-nav__link[for=__toc]")).to_be_hidden()
