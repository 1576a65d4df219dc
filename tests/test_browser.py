"""End to end in a real Chromium: what a reader does on the built site, on a desktop and on a phone.

Every flow runs against the site served at the root and against a build for a project path
(http://127.0.0.1:PORT/briefings/), the way GitHub Pages serves a project site.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}


@pytest.fixture(params=["root", "subpath"])
def site_url(request) -> str:
    server = request.getfixturevalue("site_server" if request.param == "root" else "subpath_server")
    return server.url


@pytest.fixture(params=list(VIEWPORTS))
def reader(request, page: Page) -> Page:
    """A page at the viewport's size that records every request it makes."""
    page.set_viewport_size(VIEWPORTS[request.param])
    page.requests_made = []
    page.on("request", lambda r: page.requests_made.append(r.url))
    return page


def is_phone(page: Page) -> bool:
    return page.viewport_size["width"] < 600


def assert_stayed_on_this_machine(page: Page) -> None:
    hosts = {urlsplit(url).hostname for url in page.requests_made if not url.startswith(("data:", "blob:"))}
    assert hosts <= {"127.0.0.1"}, f"requests left the machine: {hosts}"


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
    expect(reader.locator("dl.brief-meta")).to_contain_text("min read")

    reader.locator("dl.brief-meta").get_by_role("link", name="Qatar", exact=True).click()
    expect(reader).to_have_url(re.compile(r"/actors/qatar/$"))
    expect(reader.locator("h1")).to_have_text(re.compile("^Qatar"))
    listed = reader.locator(".brief-list").first.get_by_role(
        "link", name="Indirect US–Iran talks in Doha keep escalation in check, for now"
    )
    expect(listed).to_be_visible()
    listed.click()
    expect(reader).to_have_url(re.compile(r"/briefs/2026/doha-indirect-talks/$"))
    assert_stayed_on_this_machine(reader)


def test_link_in_the_text_of_a_brief_leads_to_the_indicator(reader: Page, site_url: str):
    reader.goto(site_url + "briefs/2026/doha-indirect-talks/")
    link = reader.locator("article a.entity-link--indicator").first
    name = link.inner_text()
    link.click()
    expect(reader).to_have_url(re.compile(r"/indicators/[a-z-]+/$"))
    expect(reader.locator("h2", has_text="Briefs tracking")).to_be_visible()
    expect(reader.locator(".brief-list")).to_contain_text("Indirect US–Iran talks in Doha")
    assert name


def test_unknown_address_shows_the_styled_not_found_page(page: Page, site_url: str):
    response = page.goto(site_url + "briefs/no-such-brief/")
    assert response.status == 404
    expect(page.locator("h1")).to_have_text(re.compile("404"))
    assert_styled(page)
    page.locator("a.md-header__button.md-logo").click()
    expect(page.locator("h1")).to_have_text(re.compile("Latest briefs"))


@pytest.mark.parametrize("path", ["", "briefs/", "briefs/2026/doha-indirect-talks/", "actors/", "actors/qatar/",
                                  "indicators/", "indicators/talks-direct/", "tags/", "write-a-brief/", "about/"])
def test_pages_have_no_serious_accessibility_violations(page: Page, site_server, path: str):
    from axe_playwright_python.sync_playwright import Axe

    page.goto(site_server.url + path)
    violations = [v for v in Axe().run(page).response["violations"] if v["impact"] in ("serious", "critical")]
    assert not violations, [(v["id"], v["nodes"][0]["html"][:120]) for v in violations]


def test_no_page_fetches_a_file_that_grows_with_the_site(reader: Page, site_url: str):
    """Material fetches sitemap.xml for any `link rel=alternate` it takes for another language of the site."""
    for path in ("", "briefs/2026/doha-indirect-talks/", "actors/qatar/"):
        reader.goto(site_url + path)
        reader.wait_for_load_state("networkidle")
    fetched = [url for url in reader.requests_made if url.endswith(("sitemap.xml", "sitemap.xml.gz"))]
    assert not fetched, fetched
    assert reader.locator("link[type='application/atom+xml']").count() == 1  # the feed is still announced
