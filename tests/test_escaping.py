"""Author-controlled text full of Markdown, HTML and template syntax shows exactly as written, everywhere,
and runs nothing.

One site is built with such text in every field a brief's front matter or a data file holds: each value is
wrapped in «field» ... «/» so that every place it lands can be found. Every page that shows a field must
show it exactly as written, in its text and in its attributes (tooltips, descriptions); so must the feed.
Then Chromium opens every kind of page, the search results and the feed, with script payloads in every
field: not one may run, and the text must be visible as written.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import pytest
import rispy
from playwright.sync_api import Page, expect

from benchmarks.browsing import serving
from briefings.urls import tag_slug
from conftest import briefings_here, copy_project, mkdocs_build, read_bibtex, soup

#: Markdown, HTML, an entity, quotes, backslashes and script payloads, in one line.
NASTY = (
    "Quokka <b>bold</b> *star* _under_ [x](y) `code` & &amp; \"double\" 'single' \\ \\( # | ! "
    '<img src=x onerror="window.__xss=1"> "><svg onload=window.__xss=1> <script>alert(1)</script> '
    "javascript:window.__xss=1"
)
#: Data files may also hold template syntax, shown as written (front matter may not: it is refused).
BRACES = " {{ 7*7 }} {% include 'x' %} {## hidden ##}"
#: Tags are labels, which may not hold < > & " { }: the rest is as nasty as ever.
LABEL = "Quokka *star* _under_ [x](y) `code` 'single' \\ \\( # | ! javascript:window.__xss=1"
#: An http(s) address may hold quotes and brackets, which must not break out of its attribute.
URL = "https://example.org/?q=\"><svg/onload=window.__xss=1>&a='b"


FRONT_FIELDS = ("brief title", "brief summary", "tag", "source title", "reading note")
DATA_FIELDS = (
    "actor name",
    "actor summary",
    "alias",
    "link title",
    "indicator name",
    "indicator summary",
    "advancing",
    "reversing",
    "mechanism name",
    "mechanism summary",
    "mechanism alias",
    "author name",
    "author role",
    "author bio",
    "author link title",
    "region name",
    "region summary",
)
BRIEF_URL = "briefs/2026/nasty-text/"
RELATED = "mechanisms/mediated-de-escalation/"  # a mechanism of the example content, related to the nasty one
NEIGHBOUR = "briefs/2026/intermittent-flare-up-risk/"  # the brief of the example content published just before


def value(field: str) -> str:
    text = {"tag": LABEL}.get(field, NASTY)
    if field in DATA_FIELDS:
        text += BRACES
    return f"«{field}» {text} «/»"


TAG_URL = f"tags/{tag_slug(value('tag'))}/"  # the tag's own page


#: Every page that shows a field, and the fields it shows (in its text or in an attribute).
PAGES = {
    BRIEF_URL: {
        "brief title",
        "brief summary",
        "tag",
        "source title",
        "reading note",
        "actor name",
        "actor summary",
        "indicator name",
        "indicator summary",
        "mechanism name",
        "mechanism summary",
        "author name",
        "author role",
        "region name",
        "region summary",
    },
    "": {"brief title", "brief summary", "actor name"},  # the latest briefs, and what moved
    "briefs/": {"brief title", "brief summary", "actor name"},
    "actors/": {"actor name", "actor summary"},
    "actors/nasty/": {
        "actor name",
        "actor summary",
        "alias",
        "region name",
        "link title",
        "brief title",
        "brief summary",
        "indicator name",
        "indicator summary",
    },
    "actors/qatar/": {"actor name", "brief title", "brief summary", "indicator name", "indicator summary"},
    "indicators/": {"indicator name", "indicator summary"},
    "indicators/nasty-signal/": {
        "indicator name",
        "indicator summary",
        "advancing",
        "reversing",
        "actor name",
        "actor summary",
        "brief title",
        "brief summary",
        "reading note",
    },
    "indicators/talks-direct/": {"brief title", "brief summary", "reading note", "actor name"},
    "mechanisms/": {"mechanism name", "mechanism summary"},
    "mechanisms/nasty-mechanism/": {
        "mechanism name",
        "mechanism summary",
        "mechanism alias",
        "brief title",
        "brief summary",
        "actor name",
    },
    RELATED: {"mechanism name", "mechanism summary"},
    "tags/": {"tag"},
    "authors/": {"author name", "author role"},
    "authors/nasty-author/": {
        "author name",
        "author role",
        "author bio",
        "author link title",
        "brief title",
        "brief summary",
        "actor name",
    },
    "regions/": {"region name", "region summary"},
    "regions/nasty-region/": {
        "region name",
        "region summary",
        "brief title",
        "brief summary",
        "actor name",
        "actor summary",
    },
    "regions/middle-east/": {"region name", "region summary"},  # the region within it
    TAG_URL: {"tag", "brief title", "brief summary", "actor name"},
    NEIGHBOUR: {"brief title"},  # the next brief after it, and a related one
}
#: Shown only in a tooltip or the page's description, on these pages.
TOOLTIPS = {
    BRIEF_URL: {
        "brief summary",
        "actor summary",
        "indicator summary",
        "mechanism summary",
        "author role",
        "region summary",
    },
    RELATED: {"mechanism summary"},
    "regions/middle-east/": {"region summary"},
}
#: What a reader sees on each page without hovering.
VISIBLE = {url: fields - TOOLTIPS.get(url, set()) for url, fields in PAGES.items()}
_WRAPPED = re.compile(r"«([^»]+)»(.*?)«/»", re.S)


def _y(text: str) -> str:
    return json.dumps(text)  # a JSON string is a YAML scalar


def write_nasty_project(project: Path) -> None:
    with (project / "data/actors.yml").open("a", encoding="utf-8") as file:
        file.write(
            f"nasty:\n  name: {_y(value('actor name'))}\n  kind: group\n  summary: {_y(value('actor summary'))}\n"
            f"  aliases: [{_y(value('alias'))}]\n  region: nasty-region\n"
            f"  links:\n    - title: {_y(value('link title'))}\n      url: {_y(URL)}\n"
        )
    with (project / "data/authors.yml").open("a", encoding="utf-8") as file:
        file.write(
            f"nasty-author:\n  name: {_y(value('author name'))}\n  role: {_y(value('author role'))}\n"
            f"  bio: {_y(value('author bio'))}\n"
            f"  links:\n    - title: {_y(value('author link title'))}\n      url: {_y(URL)}\n"
        )
    with (project / "data/regions.yml").open("a", encoding="utf-8") as file:
        file.write(
            f"nasty-region:\n  name: {_y(value('region name'))}\n  summary: {_y(value('region summary'))}\n"
            "  parent: middle-east\n"
        )
    with (project / "data/mechanisms.yml").open("a", encoding="utf-8") as file:
        file.write(
            f"nasty-mechanism:\n  name: {_y(value('mechanism name'))}\n  summary: {_y(value('mechanism summary'))}\n"
            f"  aliases: [{_y(value('mechanism alias'))}]\n  related: [{RELATED.split('/')[1]}]\n"
        )
    with (project / "data/indicators.yml").open("a", encoding="utf-8") as file:
        file.write(
            f"nasty-signal:\n  name: {_y(value('indicator name'))}\n  summary: {_y(value('indicator summary'))}\n"
            f"  signals:\n    advancing: [{_y(value('advancing'))}]\n    reversing: [{_y(value('reversing'))}]\n"
            "  actors: [nasty, qatar]\n"
        )
    (project / "docs" / BRIEF_URL.rstrip("/")).with_suffix(".md").write_text(
        f"""---
title: {_y(value("brief title"))}
date: 2026-11-30
summary: {_y(value("brief summary"))}
actors: [nasty, qatar]
indicators: [nasty-signal, talks-direct]
mechanisms: [nasty-mechanism]
leverage: {{gains: [nasty], loses: [qatar]}}
readings:
  nasty-signal: {{status: advancing, note: {_y(value("reading note"))}}}
  talks-direct: {{status: reversing, note: {_y(value("reading note"))}}}
tags: [{_y(value("tag"))}]
regions: [nasty-region]
authors: [nasty-author]
sources:
  - title: {_y(value("source title"))}
    url: {_y(URL)}
---

## What happened

The {{{{ actor("nasty") }}}} and {{{{ actor("qatar") }}}} talked.

## Who gains leverage

Text.

## What mechanism is operating

Text.

## Why it matters

Text.

## What to watch next

Watch {{{{ indicator("nasty-signal") }}}} and {{{{ indicator("talks-direct") }}}}.
""",
        "utf-8",
    )


@dataclass
class NastySite:
    site: Path

    def page(self, url: str):
        return soup(self.site / url / "index.html")


@pytest.fixture(scope="session")
def nasty_site(tmp_path_factory) -> NastySite:
    base = tmp_path_factory.mktemp("nasty")
    project = copy_project(base / "project")
    write_nasty_project(project)
    check = briefings_here("check", cwd=project)
    assert check.returncode == 0, check.output
    result = mkdocs_build(project, base / "site")
    assert result.returncode == 0, result.output
    return NastySite(base / "site")


def shown(text: str) -> list[tuple[str, str]]:
    """Every wrapped value in a text: (field, the text as shown)."""
    return [(m.group(1), " ".join(m.group(0).split())) for m in _WRAPPED.finditer(text)]


@pytest.mark.parametrize("url", list(PAGES))
def test_every_field_shows_exactly_as_written_on_every_page_showing_it(nasty_site: NastySite, url: str):
    page = nasty_site.page(url)
    for element in page(["script", "style"]):
        element.decompose()
    found = shown(page.get_text())
    found += [
        item
        for element in page.find_all(True)
        for attribute in element.attrs.values()
        if isinstance(attribute, str)
        for item in shown(attribute)
    ]
    wrong = [(field, text) for field, text in found if text != value(field)]
    assert not wrong, f"shown otherwise than written on {url or 'home'}: {wrong}"
    assert {field for field, _ in found} >= PAGES[url]


def test_addresses_stay_inside_their_attribute(nasty_site: NastySite):
    assert nasty_site.page(BRIEF_URL).select_one("article a[href^='https://example.org/']")["href"] == URL
    assert nasty_site.page("actors/nasty/").select_one("article a[href^='https://example.org/']")["href"] == URL
    assert nasty_site.page("authors/nasty-author/").select_one("article a[href^='https://example.org/']")["href"] == URL


def test_the_feed_holds_the_text_as_written(nasty_site: NastySite):
    atom = "{http://www.w3.org/2005/Atom}"
    feed = ET.parse(nasty_site.site / "feed.xml").getroot()
    entry = next(e for e in feed.iter(f"{atom}entry") if e.findtext(f"{atom}title") == value("brief title"))
    assert entry.findtext(f"{atom}summary") == value("brief summary")
    assert entry.findtext(f"{atom}author/{atom}name") == value("author name")
    assert value("actor name") in [c.get("label") for c in entry.iter(f"{atom}category")]
    assert value("region name") in [c.get("label") for c in entry.iter(f"{atom}category")]
    author_feed = ET.parse(nasty_site.site / "authors/nasty-author/feed.xml").getroot()
    assert author_feed.findtext(f"{atom}title") == f"Briefings: {value('author name')}"


def test_the_page_metadata_holds_the_author_as_written(nasty_site: NastySite):
    page = nasty_site.page(BRIEF_URL)
    assert [m["content"] for m in page.find_all("meta", property="article:author")] == [value("author name")]
    json_ld = page.find("script", type="application/ld+json").string
    assert "<" not in json_ld and ">" not in json_ld and "&" not in json_ld  # nothing can close the script
    assert [a["name"] for a in json.loads(json_ld)["author"]] == [value("author name")]


def test_the_citation_files_and_meta_tags_hold_the_text_as_written(nasty_site: NastySite):
    """BibTeX, RIS and the citation_* meta tags each escape for their own syntax: read back as reference managers
    read them, the title and the author are what the front matter and the data say."""
    folder = nasty_site.site / BRIEF_URL
    _, fields, authors = read_bibtex((folder / "cite.bib").read_text("utf-8"))
    assert (fields["title"], authors) == (value("brief title"), [value("author name")])
    (record,) = rispy.loads((folder / "cite.ris").read_text("utf-8"))
    assert (record["title"], record["authors"]) == (value("brief title"), [value("author name")])
    meta = {m["name"]: m["content"] for m in nasty_site.page(BRIEF_URL).find_all("meta", attrs={"name": True})}
    assert (meta["citation_title"], meta["citation_author"]) == (value("brief title"), value("author name"))


def test_every_field_reaches_some_page():
    assert set().union(*PAGES.values()) == set(FRONT_FIELDS) | set(DATA_FIELDS)


# -- in a real browser -----------------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def nasty_server(nasty_site: NastySite):
    with serving(nasty_site.site) as server:
        yield server


@pytest.fixture
def watched(page: Page) -> Page:
    """A page that records every dialog a script opens (and dismisses it)."""
    page.dialogs = []
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
    return page


def assert_nothing_ran(page: Page) -> None:
    page.wait_for_timeout(200)  # let any handler that an element would fire fire
    assert page.evaluate("window.__xss") is None, "a payload ran"
    assert page.dialogs == [], f"a payload opened a dialog: {page.dialogs}"


_SHOWN_IN_A_VISIBLE_ELEMENT = """text => [...document.querySelectorAll("body *")].some(element => {
    const holds = e => e.textContent.replace(/\\s+/g, " ").includes(text);
    return holds(element) && ![...element.children].some(holds) && element.checkVisibility();
})"""


def visible(page: Page, text: str) -> bool:
    """Whether an element the reader can see holds `text` as written (in the page, whatever CSS does to case)."""
    return page.evaluate(_SHOWN_IN_A_VISIBLE_ELEMENT, text)


@pytest.mark.browser
@pytest.mark.parametrize("url", list(PAGES))
def test_no_payload_runs_and_the_text_is_visible_as_written(watched: Page, nasty_server, url: str):
    watched.goto(nasty_server.url + url)
    assert_nothing_ran(watched)
    hidden = [field for field in sorted(VISIBLE[url]) if not visible(watched, value(field))]
    assert not hidden, f"not visible as written on {url or 'home'}: {hidden}"


@pytest.mark.browser
def test_no_payload_runs_in_search_results(watched: Page, nasty_server):
    watched.goto(nasty_server.url)
    box = watched.locator("input.md-search__input")
    box.click()
    box.press_sequentially("Quokka", delay=30)
    results = watched.locator(".md-search-result__item")
    expect(results.first).to_be_visible(timeout=15_000)
    assert_nothing_ran(watched)
    assert visible(watched, value("brief title")) and visible(watched, value("actor name"))
    # The filters name the actors as written too (search/filters/actor.json holds them as data).
    watched.locator("[data-search-narrow] summary", has_text="Actors").click()
    label = watched.locator(".search-narrow__value", has_text=value("actor name"))
    expect(label).to_be_visible()
    assert_nothing_ran(watched)


@pytest.mark.browser
def test_no_payload_runs_in_the_feed(watched: Page, nasty_server):
    watched.goto(nasty_server.url + "feed.xml")
    assert_nothing_ran(watched)
    assert value("brief title") in " ".join(watched.evaluate("document.documentElement.textContent").split())
