"""Search: Pagefind's index of the built site (briefings/search.py) and the search box a reader uses.

The core is tested in-process on small folders of HTML with the real Pagefind program; the index of the real
site is read back from the fragments Pagefind writes; and Chromium searches the site as a reader does, at the
root and under a project path, on a desktop and on a phone, counting every byte it fetches.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect

import briefings.search
from briefings.search import UNUSED, SearchIndexError, index_site
from conftest import BIN, ROOT, BuiltSite, fetch, free_port, wait_for, mkdocs_build, run, search_records, serve, soup
from test_browser import assert_stayed_on_this_machine, is_phone, reader, site_url  # noqa: F401 (fixtures)
from test_site import ACTORS, BRIEFS, INDICATORS, url_of

BUDGET = 600_000  # bytes a reader fetches from opening a page to the first results
GROWTH = 1.3  # how much more a site with many more briefs may make them fetch
GENERATED_BRIEFS = 400


def long_date(date: dt.date) -> str:
    return f"{date.day} {date:%B %Y}"


def one_line(text: str) -> str:
    return " ".join(text.split())


# -- the core: indexing a folder of HTML -----------------------------------------------------------------------

PAGE = """<!doctype html><html lang="en"><head><title>{title}</title></head><body>
<nav>Navigation words</nav>
<article {marks}><h1 id="t">{title}<a class="headerlink" href="#t">¶</a></h1>
<p>{text}</p><div class="brief-list"><p>A listed brief about lighthouses.</p></div></article>
<footer>Footer words</footer></body></html>
"""
MARKS = 'data-pagefind-body data-pagefind-meta="summary[data-summary]" data-summary="Tides &amp; harbours"'


def write_page(site: Path, path: str, *, title: str, text: str, marks: str = MARKS) -> None:
    file = site / path
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text(PAGE.format(title=title, text=text, marks=marks), "utf-8")


def test_only_the_marked_article_of_each_page_is_indexed_with_its_metadata(tmp_path: Path):
    write_page(tmp_path, "index.html", title="Harbours", text="Ships come in with the tide.")
    write_page(tmp_path, "ports/north/index.html", title="North port", text="Cranes and quays.")
    write_page(tmp_path, "404.html", title="Not found", text="Nothing here.", marks="")

    assert index_site(tmp_path) == 2
    records = search_records(tmp_path)
    assert set(records) == {"/", "/ports/north/"}
    home = records["/"]
    assert home["meta"] == {"title": "Harbours", "summary": "Tides & harbours"}
    assert "Ships come in with the tide." in home["content"]
    for left_out in ("¶", "Navigation", "Footer", "lighthouses"):
        assert left_out not in home["content"]
    bundle = tmp_path / "pagefind"
    assert (bundle / "pagefind.js").is_file() and (bundle / "pagefind-entry.json").is_file()
    assert not [name for name in UNUSED if (bundle / name).exists()]


def test_a_site_whose_pages_mark_no_article_is_refused(tmp_path: Path):
    write_page(tmp_path, "index.html", title="Harbours", text="Ships.", marks="")
    with pytest.raises(SearchIndexError, match=r"no page marks its article with data-pagefind-body.*overrides/main\.html"):
        index_site(tmp_path)


def test_pagefind_failing_is_reported_with_what_it_said(tmp_path: Path):
    with pytest.raises(SearchIndexError, match=r"(?s)Pagefind could not index the built site:\n.*not able to build an index"):
        index_site(tmp_path)  # an empty folder


def test_a_missing_pagefind_program_is_reported_with_the_fix(tmp_path: Path, monkeypatch):
    write_page(tmp_path, "index.html", title="Harbours", text="Ships.")
    monkeypatch.setattr(briefings.search, "get_executable", lambda: None)
    with pytest.raises(SearchIndexError, match=r"Pagefind's program is not installed.*script/setup"):
        index_site(tmp_path)


# -- the index of the real site --------------------------------------------------------------------------------


def test_every_brief_entity_and_page_is_indexed_with_its_title_summary_and_date(built_site: BuiltSite):
    records = search_records(built_site.site)
    for path, meta in BRIEFS.items():
        record = records["/" + url_of(path)]
        assert record["meta"] == {
            "title": meta["title"],
            "summary": one_line(meta["summary"]),
            "date": long_date(meta["date"]),
            "datetime": meta["date"].isoformat(),
        }
    for folder, entities in (("actors", ACTORS), ("indicators", INDICATORS)):
        for entity_id, entity in entities.items():
            record = records[f"/{folder}/{entity_id}/"]
            assert record["meta"] == {"title": entity["name"], "summary": one_line(entity["summary"])}
    for alias in ACTORS["us-presidency"]["aliases"]:
        assert alias in records["/actors/us-presidency/"]["content"]
    pages = {"/" + p.parent.relative_to(built_site.site).as_posix().removeprefix(".") + "/"
             for p in built_site.site.rglob("index.html")}
    pages = {page.replace("//", "/") for page in pages}
    assert set(records) == pages - {"/write-a-brief/"}  # the authors' guide leaves search (its front matter)
    assert not [url for url, record in records.items() if "¶" in record["content"] + record["meta"]["title"]]


def test_lists_of_briefs_and_what_templates_mark_are_left_out(built_site: BuiltSite):
    """A listing page repeats each brief's title and summary: indexed, it would match every query about them,
    and its record, which a result fetches whole, would grow with the site. So do a brief's links to other
    briefs."""
    records = search_records(built_site.site)
    summaries = [one_line(meta["summary"]) for meta in BRIEFS.values()]
    for url in ("/", "/briefs/", "/tags/", "/actors/qatar/", "/indicators/talks-direct/"):
        assert built_site.page(url).select(".brief-list"), f"{url} lists briefs"
        assert not [summary for summary in summaries if summary in records[url]["content"]], url
    indicator = "/indicators/written-commitments/"
    chart = built_site.page(indicator).select_one("[data-search-exclude]").get_text(" ", strip=True)
    assert chart and chart not in records[indicator]["content"]
    assert "127.0.0.1" not in records[indicator]["content"]  # the address a printed page shows
    # A brief's related, previous and next briefs are the site's links, not its text: indexed, searching a
    # brief's title would find its neighbours too.
    brief = "/briefs/2026/doha-indirect-talks/"
    elsewhere = built_site.page(brief).select(".brief-related a, .brief-sequence a")
    assert elsewhere and not [a.get_text() for a in elsewhere if a.get_text() in records[brief]["content"]]


def test_front_matter_weighs_a_pages_words(project: Path, tmp_path: Path):
    about = project / "docs/about.md"
    about.write_text(about.read_text("utf-8").replace("title: About\n", "title: About\nsearch: {boost: 0.5}\n", 1))
    assert mkdocs_build(project, tmp_path / "site").returncode == 0
    article = soup(tmp_path / "site/about/index.html").select_one("article")
    assert article["data-pagefind-weight"] == "0.5" and article.has_attr("data-pagefind-body")
    assert "/about/" in search_records(tmp_path / "site")


def test_a_theme_that_marks_no_article_fails_the_build_and_leaves_the_site(project: Path, tmp_path: Path):
    site = tmp_path / "site"
    assert mkdocs_build(project, site).returncode == 0
    before = (site / "index.html").read_bytes()
    main = project / "overrides/main.html"
    main.write_text(main.read_text("utf-8").replace("data-pagefind-body", "data-unmarked"), "utf-8")
    result = mkdocs_build(project, site)
    assert result.returncode != 0
    assert "no page marks its article with data-pagefind-body" in result.output
    assert "Traceback" not in result.output
    assert (site / "index.html").read_bytes() == before
    assert not list(tmp_path.glob(".site-building-*"))


def test_the_header_is_materials_own_but_for_search():
    """overrides/partials/header.html copies Material's header to show search without Material's search
    plugin: it must follow Material's header in everything else (a newer Material may change it)."""
    import material

    theirs = (Path(material.__file__).parent / "templates/partials/header.html").read_text("utf-8")
    ours = (ROOT / "overrides/partials/header.html").read_text("utf-8")
    their_search = re.compile(r'\n    {% if "material/search" in config.plugins %}\n.*?\n      {% endif %}\n    {% endif %}', re.S)
    our_search = re.compile(r'\n    <label class="md-header__button md-icon" for="__search">\n.*?{% include "partials/search.html" %}', re.S)
    assert their_search.search(theirs) and our_search.search(ours)
    after_comment = lambda text: text.split("-#}\n", 1)[1]  # noqa: E731
    assert after_comment(their_search.sub("", theirs)) == after_comment(our_search.sub("", ours))


# -- a reader searching, in Chromium ---------------------------------------------------------------------------


def search(page: Page, text: str) -> None:
    """Opens search as a reader does on this viewport, then types `text` key by key."""
    if is_phone(page):
        page.locator("label.md-header__button[for='__search']").click()
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially(text, delay=30)


def results(page: Page):
    return page.locator(".md-search-result__item")


@pytest.mark.browser
def test_searching_an_alias_finds_the_actor(reader: Page, site_url: str):
    reader.goto(site_url)
    search(reader, "White House")
    result = reader.locator(".md-search-result__item a[href*='actors/us-presidency/']").first
    expect(result).to_be_visible(timeout=15_000)
    result.click()
    expect(reader).to_have_url(re.compile(r"/actors/us-presidency/$"))
    expect(reader.locator("h1")).to_have_text(re.compile("US presidency"))
    assert_stayed_on_this_machine(reader)


@pytest.mark.browser
def test_a_briefs_title_finds_it_first_with_its_date_and_summary(reader: Page, site_url: str):
    path = ROOT / "docs/briefs/2026/presidential-signalling-without-concessions.md"
    meta = BRIEFS[path]
    reader.goto(site_url + "about/")
    search(reader, meta["title"])
    first = results(reader).first
    expect(first).to_be_visible(timeout=15_000)
    expect(first.locator("h1")).to_have_text(meta["title"])
    expect(first.locator("time")).to_have_text(long_date(meta["date"]))
    expect(first.locator("time")).to_have_attribute("datetime", meta["date"].isoformat())
    expect(first).to_contain_text(one_line(meta["summary"]))
    box = first.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= reader.viewport_size["width"]  # fits a phone too
    first.locator("a").click()
    expect(reader).to_have_url(re.compile(re.escape(url_of(path)) + "$"))
    assert_stayed_on_this_machine(reader)


@pytest.mark.browser
def test_more_results_appear_as_the_reader_scrolls(page: Page, site_server):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(site_server.url)
    search(page, "talks")
    status = page.locator(".md-search-result__meta")
    expect(status).to_have_text(re.compile(r"^\d+ matching documents$"), timeout=15_000)
    found = int(status.inner_text().split()[0])
    assert found > 20, "the query must find more than two batches of results"
    expect(results(page)).to_have_count(10)
    page.locator(".md-search__scrollwrap").evaluate("e => e.scrollTo(0, e.scrollHeight)")
    expect(results(page)).to_have_count(20)


@pytest.mark.browser
def test_the_keyboard_opens_search_moves_through_results_and_closes_it(page: Page, site_server):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(site_server.url)
    toggle = page.locator("#__search")
    box = page.locator("input.md-search__input")
    page.keyboard.press("/")
    expect(box).to_be_focused()
    expect(toggle).to_be_checked()
    page.keyboard.type("Gulf")
    expect(results(page)).not_to_have_count(0, timeout=15_000)
    links = page.locator(".md-search-result__link")
    page.keyboard.press("ArrowDown")
    expect(links.nth(0)).to_be_focused()
    page.keyboard.press("ArrowDown")
    expect(links.nth(1)).to_be_focused()
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")
    expect(box).to_be_focused()
    target = links.nth(0).get_attribute("href")
    page.keyboard.press("Enter")  # in the box: the first result
    expect(page).to_have_url(site_server.url.rstrip("/") + target)
    page.keyboard.press("s")
    expect(toggle).to_be_checked()
    page.keyboard.press("Escape")
    expect(toggle).not_to_be_checked()


@pytest.mark.browser
def test_nothing_is_fetched_for_search_until_the_reader_opens_it(page: Page, site_url: str):
    fetched = []
    page.on("request", lambda request: fetched.append(urlsplit(request.url).path))
    page.goto(site_url + "actors/qatar/")
    page.wait_for_load_state("networkidle")
    assert not [path for path in fetched if re.search(r"pagefind/|sitemap\.xml|search_index", path)], fetched
    page.locator("input.md-search__input").click()
    expect(page.locator("input.md-search__input")).to_be_focused()
    page.wait_for_load_state("networkidle")
    assert [path for path in fetched if path.endswith("/pagefind/pagefind.js")]


def bytes_to_first_results(page: Page, url: str, query: str) -> dict[str, int]:
    """Opens `url`, searches `query`, waits for the results: the bytes of every response fetched, by path."""
    fetched: dict[str, int] = {}
    hosts = set()

    def count(request):
        hosts.add(urlsplit(request.url).hostname)
        fetched[urlsplit(request.url).path] = request.sizes()["responseBodySize"]

    page.on("requestfinished", count)
    page.goto(url)
    search(page, query)
    expect(results(page).first).to_be_visible(timeout=15_000)
    page.wait_for_load_state("networkidle")
    page.remove_listener("requestfinished", count)
    assert hosts == {"127.0.0.1"}, hosts
    return fetched


def describe(fetched: dict[str, int]) -> str:
    return "\n".join(f"{size:>9,} {path}" for path, size in sorted(fetched.items(), key=lambda item: -item[1]))


@pytest.mark.browser
def test_a_reader_fetches_at_most_the_budget_to_the_first_results(page: Page, site_server):
    fetched = bytes_to_first_results(page, site_server.url, "White House")
    assert sum(fetched.values()) <= BUDGET, describe(fetched)
    assert not [path for path in fetched if re.search(r"sitemap\.xml|search_index", path)], describe(fetched)


@pytest.fixture(scope="session")
def large_site_server(tmp_path_factory):
    """The real project with hundreds of generated briefs (the benchmark's corpus), built and served once."""
    base = tmp_path_factory.mktemp("large")
    made = run(sys.executable, "-m", "benchmarks.corpus", "--briefs", str(GENERATED_BRIEFS), "--actors", "40",
               "--indicators", "20", "--out", base / "project", cwd=ROOT)
    assert made.returncode == 0, made.output
    result = mkdocs_build(base / "project", base / "site")
    assert result.returncode == 0, result.output
    httpd, server = serve(base / "site")
    yield server
    httpd.shutdown()


@pytest.mark.browser
@pytest.mark.parametrize("query", ["Qatar", "White House"])
def test_what_a_reader_fetches_does_not_grow_with_the_site(page: Page, site_server, large_site_server, query: str):
    page.set_viewport_size({"width": 1280, "height": 900})
    small = bytes_to_first_results(page, site_server.url, query)
    large = bytes_to_first_results(page, large_site_server.url, query)
    report = f"shipped site:\n{describe(small)}\nwith {GENERATED_BRIEFS} more briefs:\n{describe(large)}"
    assert sum(large.values()) < GROWTH * sum(small.values()), report
    assert max(large.values()) <= max(small.values()), report  # the largest file is the same one


# -- the live preview ------------------------------------------------------------------------------------------


@pytest.mark.browser
def test_the_live_preview_indexes_each_rebuild(page: Page, project: Path):

    port = free_port()
    server = subprocess.Popen([str(BIN / "mkdocs"), "serve", "--dev-addr", f"127.0.0.1:{port}"], cwd=project,
                              env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        base = f"http://127.0.0.1:{port}/"
        entry = wait_for(base + "pagefind/pagefind-entry.json", '"en"')
        actors = project / "data/actors.yml"
        actors.write_text(actors.read_text("utf-8").replace("name: Qatar\n", "name: Qatarland\n"), "utf-8")
        wait_for(base + "actors/qatar/", "Qatarland")  # the page at once; search a moment later, once quiet:
        deadline = time.monotonic() + 60
        while _fetched(base + "pagefind/pagefind-entry.json") in (entry, None) and time.monotonic() < deadline:
            time.sleep(0.3)  # the index's entry names its chunks by their content: a new index, a new entry
        page.goto(base)
        search(page, "Qatarland")
        expect(page.locator(".md-search-result__item a[href$='/actors/qatar/']")).to_be_visible(timeout=15_000)
    finally:
        server.terminate()
        server.wait(timeout=20)


def _fetched(url: str) -> str | None:
    """The text at `url`, or None while it is missing (as for a moment while a new search bundle is swapped in)."""
    try:
        return fetch(url)
    except OSError:
        return None
