"""The example site in Arabic and French, in a real Chromium: right to left with Material's layout, nothing
wider than the screen, no serious accessibility violation (axe) in light and dark, search in each language's
own index, and the language switcher leading to the same page."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from conftest import (
    VIEWPORTS,
    assert_stayed_on_this_machine,
    axe_on_every_page,
    described,
    is_phone,
    serious_violations,
)

pytestmark = [pytest.mark.browser, pytest.mark.heavy]

#: An Arabic page of each kind with something to mirror: the home page, a translated brief (its readings
#: table), a brief not translated (its note), an indicator (its chart and readings table), an actor, listings.
ARABIC = [
    "ar/",
    "ar/briefs/2026/doha-indirect-talks/",
    "ar/briefs/2026/intermittent-flare-up-risk/",
    "ar/indicators/talks-direct/",
    "ar/actors/qatar/",
    "ar/actors/",
    "ar/briefs/",
    "ar/tags/",
    "ar/404.html",
]


def search(page: Page, text: str) -> None:
    if is_phone(page):
        page.locator("label.md-header__button[for='__search']").click()
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially(text, delay=30)


def test_arabic_pages_are_right_to_left_and_fit_the_screen(reader: Page, site_server):
    width = reader.viewport_size["width"]
    for path in ARABIC:
        reader.goto(site_server.url + path)
        assert reader.evaluate("getComputedStyle(document.body).direction") == "rtl", path
        overflow = reader.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{path} is {overflow}px wider than the screen"
        # Material's right-to-left layout: the site's logo or menu button stands at the right of the header.
        first = reader.locator(".md-header__inner > .md-header__button:visible").first.bounding_box()
        assert first["x"] > width / 2, path
    assert_stayed_on_this_machine(reader)


def test_the_readings_table_and_chart_are_mirrored_in_arabic(page: Page, site_server):
    page.set_viewport_size(VIEWPORTS["desktop"])
    for lang, mirrored in (("", False), ("ar/", True)):
        page.goto(site_server.url + lang + "indicators/talks-direct/")
        headers = page.locator(".reading-table th")
        first, last = headers.first.bounding_box(), headers.last.bounding_box()
        assert (first["x"] > last["x"]) is mirrored  # the date column opens the row on the reader's side
        chart = page.locator(".reading-chart__svg").bounding_box()
        label = page.locator(".reading-chart__svg text").first.bounding_box()  # a status row's label
        line = page.locator(".reading-chart__svg line").first.bounding_box()  # that row's line
        if mirrored:
            assert (
                label["x"] >= line["x"] + line["width"] - 1
                and label["x"] + label["width"] <= chart["x"] + chart["width"] + 1
            )
        else:
            assert label["x"] + label["width"] <= line["x"] + 1 and label["x"] >= chart["x"] - 1
        marks = page.locator(".reading-chart__mark")
        xs = [marks.nth(n).bounding_box()["x"] for n in range(marks.count())]
        assert xs == sorted(xs, reverse=mirrored)  # oldest first, from the reader's side


# Each scheme and each layout, paired: what the direction changes is the layout; the colours are the same in
# every language, and test_content_browser.py checks both schemes on every kind of page.
@pytest.mark.parametrize("viewport, scheme", [("desktop", "light"), ("phone", "dark")])
def test_arabic_pages_have_no_serious_accessibility_violation(page: Page, site_server, scheme: str, viewport: str):
    page.set_viewport_size(VIEWPORTS[viewport])
    page.emulate_media(color_scheme=scheme)
    axe_on_every_page(page)
    found = {}
    for path in ARABIC:
        page.goto(site_server.url + path)
        if violations := serious_violations(page):
            found[path] = described(violations)
    assert not found, found


@pytest.mark.parametrize(
    ("lang", "query", "found"),
    [
        ("fr", "pourparler", "briefs/2026/doha-indirect-talks/"),  # "pourparlers", by its stem
        ("fr", "gardien", "briefs/2026/qatar-host-and-gatekeeper/"),
        ("ar", "المحادثات", "briefs/2026/doha-indirect-talks/"),
        ("ar", "حارسة", "briefs/2026/qatar-host-and-gatekeeper/"),
    ],
)
def test_search_in_the_language_finds_its_pages_in_it(reader: Page, site_server, lang: str, query: str, found: str):
    reader.goto(site_server.url + f"{lang}/")
    search(reader, query)
    result = reader.locator(f".md-search-result__item a[href$='/{lang}/{found}']").first
    expect(result).to_be_visible(timeout=15_000)
    fetched = [url for url in reader.requests_made if "/search/" in url]
    assert fetched and all(f"/{lang}/search/" in url for url in fetched), fetched
    assert any(f"stemmers/{ {'fr': 'french', 'ar': 'arabic'}[lang] }.js" in url for url in reader.requests_made)
    assert len([url for url in reader.requests_made if url.endswith("/stemmers/base-stemmer.js")]) == 1
    result.click()
    expect(reader).to_have_url(re.compile(f"/{lang}/{found}"))
    assert_stayed_on_this_machine(reader)


def test_the_language_switcher_leads_to_the_same_page_in_the_other_language(reader: Page, site_server):
    reader.goto(site_server.url + "actors/qatar/")
    for lang, name, heading in (("ar", "العربية", "قطر"), ("fr", "Français", "Qatar"), ("en", "English", "Qatar")):
        reader.locator(".md-header .md-select").hover() if not is_phone(reader) else None
        switcher = reader.locator(".md-header .md-select")
        switcher.locator("button").click()
        link = reader.locator(f".md-select__link[hreflang='{lang}']")
        expect(link).to_have_text(name)  # each language named in its own words
        link.click()
        prefix = "" if lang == "en" else f"{lang}/"
        expect(reader).to_have_url(site_server.url + prefix + "actors/qatar/")
        expect(reader.locator("html")).to_have_attribute("lang", lang)
        expect(reader.locator("article h1")).to_contain_text(heading)
    assert_stayed_on_this_machine(reader)
