"""The shipped content (docs/, data/), built with --strict: what must hold for any valid content.

Authors change the content every day, so nothing here names a shipped brief, actor or title, or depends on
their number or order: what a test needs (the newest brief, the first actor listed in data) it reads from
the content. Every test runs on the shipped content as it is and with typical additions made with the authors'
commands (additions.py), so that they are proved on content nobody wrote for them; the Nu HTML Checker, the
slowest, runs on the copy with the additions only, which holds every shipped page. The tool's own tests,
with exact expectations, run on tests/fixtures/example instead.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin

import feedparser
import pytest
from bs4 import BeautifulSoup

from additions import ContentSite
from briefings.languages import DEFAULT, declared
from briefings.search_text import STEMMERS
from conftest import ROOT, assert_loads_nothing_from_other_hosts, internal_links, search_records, validate

pytestmark = pytest.mark.heavy  # scheduled first (conftest.py)

# -- links, and what is published ------------------------------------------------------------------------------


def test_every_internal_link_and_anchor_resolves(content_site: ContentSite):
    broken, anchors_checked = internal_links(content_site.site)
    assert not broken, "\n".join(broken[:20])
    assert anchors_checked >= len(content_site.briefs())  # at least a heading's permalink per brief


def _is_materials_own(rel: str, data: bytes) -> bool:
    """Whether the site's file at `rel` is a file the Material theme ships at that path inside the theme (an asset
    it copies into a site), unchanged. (Only the site's files are looked up: the theme holds some 14,500.)"""
    import material

    shipped = Path(material.__file__).parent / "templates" / rel
    return shipped.is_file() and shipped.read_bytes() == data


# The search index (briefings/search.py): a piece of it per prefix of its words, a record per page.
SEARCH_INDEX = re.compile(
    r"search/(words/[\w-]+|pages/[0-9]+|filters/(kind|year|actor|mechanism|region|tag|date))\.json"
)
#: What the tool itself publishes besides pages and feeds (and the search's stemmers: STEMMERS_SHIPPED).
THEME_FILES = {
    "404.html",
    "index.html",
    "sitemap.xml",
    "sitemap.xml.gz",
    "assets/stylesheets/briefings.css",
    "assets/images/favicon.svg",
    "assets/javascripts/search.js",
}
#: The browser's stemmer for each Snowball algorithm briefings/search.py chooses, and their base classes
#: (script/vendor-stemmers).
STEMMERS_SHIPPED = re.compile(
    r"assets/javascripts/stemmers/({})\.js".format("|".join(sorted({*STEMMERS.values(), "base-stemmer"})))
)


def published_assets(project: Path) -> tuple[frozenset[str], frozenset[str]]:
    """What the build publishes besides pages, as the core lists it: the static files of docs/ that pages link
    or show, and the files it generates (feeds, open data, each brief's citation files)."""
    from briefings.loader import load_project
    from briefings.outputs import published_outputs
    from briefings.project import Project

    loaded = load_project(Project.at(project))
    assert loaded.ok, [str(p) for p in loaded.problems]
    generated = frozenset(path for path in published_outputs(loaded.catalog) if not path.endswith(".md"))
    return loaded.catalog.assets, generated


@dataclass(frozen=True)
class LeftOver:
    """What of a built page's text may be template syntax never rendered, for the two tests that look for it."""

    code_shown: str  # the text of the code its article shows (a page may show macro syntax as code)
    outside_code: tuple[str, ...]  # "{{", "{%", "{#" found in the page once its code is taken out
    outside_code_and_pre: tuple[str, ...]  # "{{", "{%", "{##" found once its code and preformatted text are


#: What a page's HTML holds if its text may show "{{", "{%" or "{#": the syntax itself, or a brace (or what follows
#: it) written as a character reference.
_MAY_SHOW_SYNTAX = ("{{", "{%", "{#", "{&", "&#123", "&#x7b", "&#x7B", "&lbrace", "&lcub")


@functools.cache
def left_over(site: Path) -> dict[str, LeftOver]:
    """Every page of `site` (by its path in the site), parsed once for both tests."""
    found = {}
    for path in site.rglob("*.html"):
        html = path.read_text("utf-8")
        if not any(mark in html for mark in _MAY_SHOW_SYNTAX):  # none of it, however the page is parsed
            found[path.relative_to(site).as_posix()] = LeftOver("", (), ())
            continue
        page = BeautifulSoup(html, "html.parser")
        code_shown = " ".join(c.get_text() for c in page.select("article code"))
        for code in page.find_all("code"):
            code.decompose()
        text = str(page)
        outside_code = tuple(s for s in ("{{", "{%", "{#") if s in text)
        for pre in page.find_all("pre"):
            pre.decompose()
        text = str(page)
        outside_code_and_pre = tuple(s for s in ("{{", "{%", "{##") if s in text)
        found[path.relative_to(site).as_posix()] = LeftOver(code_shown, outside_code, outside_code_and_pre)
    return found


def test_every_built_file_is_meant_to_be_published_and_holds_no_template(content_site: ContentSite):
    """MkDocs copies any file of the theme's custom folder that is not .md, .html or .py into the site, and any
    other file of docs/: only what is meant may end up there (the static files of docs/ that pages link or
    show, as the core lists them), and no file may hold template syntax that was never rendered."""
    site = content_site.site
    assets, generated = published_assets(content_site.project)
    for asset in assets:
        assert (site / asset).read_bytes() == (content_site.docs / asset).read_bytes(), asset
    if content_site.additions:
        assert content_site.additions.image in assets
    unexpected, templated, pages = [], [], left_over(site)
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        rel = path.relative_to(site).as_posix()
        data = path.read_bytes()
        if rel in assets or _is_materials_own(rel, data):
            continue  # the theme's own assets, unchanged; the files pages link or show
        first, _, rest = rel.partition("/")  # another language's files: the same, in its folder (/fr/)
        here = rest if first in declared() and first != DEFAULT else rel
        if not (
            rel in THEME_FILES
            or here in ("404.html", "index.html")
            or STEMMERS_SHIPPED.fullmatch(rel)
            or here in generated
            or rel.endswith("/index.html")
            or SEARCH_INDEX.fullmatch(here)
        ):
            unexpected.append(rel)
            continue
        if rel.endswith(".html"):  # a page may show macro syntax as code (How to write a brief)
            templated += [f"{rel}: {syntax}" for syntax in pages[rel].outside_code]
            continue
        text = data.decode("utf-8") if rel.endswith((".xml", ".json", ".css", ".js", ".bib", ".ris")) else ""
        # BibTeX braces a title twice to keep its capitals; its other braces are escaped (\{), as are % and #.
        for syntax in ("{%", "{#") if rel.endswith(".bib") else ("{{", "{%", "{#"):
            if syntax in text:
                templated.append(f"{rel}: {syntax}")
    for url, record in search_records(site).items():
        # A page may show macro syntax as code: only syntax that none of its code shows is left over.
        shown = pages[(url.strip("/") + "/index.html").lstrip("/")].code_shown
        templated += [
            f"search record of {url}: {s}" for s in ("{{", "{%", "{#") if s in record["content"] and s not in shown
        ]
    assert not unexpected, f"files nobody meant to publish: {unexpected}"
    assert not templated, f"template syntax left in the built site: {templated}"
    assert any(SEARCH_INDEX.fullmatch(p.relative_to(site).as_posix()) for p in site.rglob("*"))


def test_no_macro_syntax_survives(content_site: ContentSite):
    pages = left_over(content_site.site)  # (parsed once for this test and the one above)
    assert pages and pages.keys() == {
        p.relative_to(content_site.site).as_posix() for p in content_site.site.rglob("*.html")
    }
    for rel, page in pages.items():  # a page may show macros as examples, as code or preformatted text
        assert not page.outside_code_and_pre, rel


def test_every_brief_and_entity_has_its_page_and_drafts_appear_nowhere(content_site: ContentSite):
    site = content_site.site
    for path in content_site.briefs():
        assert (site / content_site.url_of(path) / "index.html").is_file(), path
    for folder in ("actors", "indicators", "mechanisms"):
        for entity_id in content_site.data(folder):
            assert (site / folder / entity_id / "index.html").is_file(), (folder, entity_id)
    texts = {file: file.read_text("utf-8") for file in site.rglob("*") if file.suffix in {".html", ".json", ".xml"}}
    for path, meta in content_site.drafts().items():
        assert not (site / content_site.url_of(path)).exists()
        for file, text in texts.items():
            assert path.stem not in text and meta["title"] not in text, f"draft '{path.stem}' found in {file}"


def test_pages_load_nothing_from_other_hosts(content_site: ContentSite):
    assert_loads_nothing_from_other_hosts(content_site.site)


# -- what authors wrote, shown as they wrote it ----------------------------------------------------------------


def one_line(text: str) -> str:
    return " ".join(text.split())


def test_authors_text_is_shown_as_written_and_escaped(content_site: ContentSite):
    """Titles, summaries and names from front matter and data reach the page as text: whatever characters they
    hold (the additions' French title holds an ampersand), the reader sees them exactly, nothing is parsed."""
    actors = content_site.data("actors")
    archive = content_site.page("briefs/")
    for path, meta in content_site.briefs().items():
        url = content_site.url_of(path)
        page = content_site.page(url)
        assert page.find("h1").get_text().replace("¶", "").strip() == meta["title"], url
        assert page.find("meta", property="og:title")["content"] == meta["title"]
        assert page.find("meta", attrs={"name": "description"})["content"] == one_line(meta["summary"])
        assert one_line(page.select_one(".brief-standfirst").get_text()) == one_line(meta["summary"])
        header = page.select_one(".brief-meta dl")
        for actor_id in meta["actors"]:
            link = header.find("a", href=f"../../../actors/{actor_id}/")
            assert link.get_text() == actors[actor_id]["name"], (url, actor_id)
        json_ld = page.find("script", type="application/ld+json").string
        assert "<" not in json_ld and json.loads(json_ld)["headline"] == meta["title"]
        listed = [
            a.get_text()
            for a in archive.select(".brief-list__title a")
            if urljoin("http://site/briefs/", a["href"]) == "http://site/" + url
        ]
        assert listed == [meta["title"]], url
    for actor_id, actor in actors.items():
        h1 = content_site.page(f"actors/{actor_id}/").find("h1").get_text().replace("¶", "").strip()
        assert h1.startswith(actor["name"]), actor_id


def test_the_home_page_leads_with_the_newest_briefs(content_site: ContentSite):
    briefs = content_site.briefs()
    page = content_site.page("")
    titles = [a.get_text() for a in page.select(".brief-list__title a")]
    assert titles == [m["title"] for m in briefs.values()][:10]
    newest = next(iter(briefs))
    assert page.select_one(".brief-list__title a")["href"] == content_site.url_of(newest)


def test_every_feed_parses_and_leads_to_published_briefs(content_site: ContentSite):
    site, briefs = content_site.site, content_site.briefs()
    folders = [""] + [f"{code}/" for code in declared() if code != DEFAULT and (site / code).is_dir()]
    urls = {content_site.url + folder + content_site.url_of(p) for p in briefs for folder in folders}
    feeds = sorted(site.rglob("feed.xml"))
    assert site / "feed.xml" in feeds
    for path in feeds:
        feed = feedparser.parse(path.read_bytes())
        assert not feed.bozo, (path, feed.bozo_exception)
        folder = next(f for f in reversed(folders) if path.relative_to(site).as_posix().startswith(f))
        for entry in feed.entries:
            assert entry.link in urls and entry.link.startswith(content_site.url + folder), (path, entry.link)
            assert (site / entry.link.removeprefix(content_site.url) / "index.html").is_file()
    entries = feedparser.parse((site / "feed.xml").read_bytes()).entries
    assert [e.link for e in entries] == [content_site.url + content_site.url_of(p) for p in briefs][: len(entries)]
    assert entries and entries[0].title == next(iter(briefs.values()))["title"]


@pytest.mark.parametrize("name", sorted(p.stem for p in (ROOT / "data").glob("*.yml")))
def test_data_files_point_editors_at_their_schema(content_site: ContentSite, name: str):
    """In the repository, data/<kind>.yml's first line names its schema, for editors."""
    first_line = (content_site.project / f"data/{name}.yml").read_text("utf-8").splitlines()[0]
    match = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first_line)
    assert match, first_line
    assert (ROOT / "data" / match.group(1)).resolve() == ROOT / f"briefings/schemas/{name}.schema.json"


# -- the additions themselves --------------------------------------------------------------------------------------


def test_the_additions_are_published_as_an_author_expects(content_site_with_additions: ContentSite):
    """What the additions made with the authors' commands shows up: the newest brief leads the home page and
    shows its image; the new actor, indicator and mechanism have pages listing it; the new year has its month
    in the archive; the French title keeps its characters and makes a plain ASCII address."""
    site = content_site_with_additions
    added = site.additions
    newest_url = added.newest.removesuffix(".md") + "/"
    assert site.page("").select_one(".brief-list__title a")["href"] == newest_url

    brief = site.page(newest_url)
    image = brief.find("img", alt=added.image_alt)
    assert image, "the brief shows its image, with its alternative text"
    target = urljoin(site.url + newest_url, image["src"])
    assert target == site.url + added.image
    assert (site.site / added.image).read_bytes() == (site.docs / added.image).read_bytes()

    for folder, entity_id in (
        ("actors", added.actor),
        ("indicators", added.indicator),
        ("mechanisms", added.mechanism),
    ):
        page = site.page(f"{folder}/{entity_id}/")
        assert page.select_one(f".brief-list__title a[href$='{newest_url}']"), (folder, entity_id)
    latest = site.page(f"indicators/{added.indicator}/").select_one(".reading-latest")
    assert "Advancing" in latest.get_text()
    assert site.page(f"actors/{added.actor}/").find("h2", id="leverage")

    year = added.new_year.split("/")[1]
    assert f"March {year}" in [h.get_text(strip=True).rstrip("¶") for h in site.page("briefs/").select("article h2")]
    assert (site.site / added.new_year.removesuffix(".md") / "index.html").is_file()

    slug = Path(added.foreign).stem
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", slug) and len(slug) <= 60, slug
    assert slug.startswith("reflexions-sur-le-role-des-mediateurs")
    h1 = site.page(added.foreign.removesuffix(".md") + "/").find("h1").get_text().replace("¶", "").strip()
    assert h1 == added.foreign_title

    assert not (site.site / added.draft.removesuffix(".md")).exists()


# -- valid HTML ---------------------------------------------------------------------------------------------------


# On the content with the additions only, as axe and Lighthouse: it holds every shipped page (see additions.py).
def test_every_page_is_valid_html(content_site_with_additions: ContentSite, tmp_path: Path):
    """Every page of every kind; one run of the checker, so that the JVM starts once."""
    site = content_site_with_additions.site
    pages = sorted(site.rglob("*.html"))
    kinds = {p.relative_to(site).parts[0] for p in pages}
    assert {"index.html", "404.html", "briefs", "actors", "indicators", "mechanisms", "tags"} <= kinds
    invalid = tmp_path / "invalid.html"  # in the same run, to show that the checker does report errors
    invalid.write_text(
        '<!doctype html><html lang="en"><title>x</title><input type="checkbox" autocomplete="off">', "utf-8"
    )
    errors = validate([invalid, *pages])
    expected = [e for e in errors if e["url"].endswith("/invalid.html")]
    assert len(expected) == 1 and "autocomplete" in expected[0]["message"], expected
    errors = [e for e in errors if e not in expected]
    assert not errors, "\n".join(f"{e['url']}:{e.get('lastLine')}: {e['message']}" for e in errors[:30])
