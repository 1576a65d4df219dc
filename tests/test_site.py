"""The example project's site (tests/fixtures/example), built with --strict: what a reader finds on its pages.

Expectations are computed from the source files directly (front matter and data read with PyYAML), not
from the code under test.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from conftest import (
    EXAMPLE,
    ROOT,
    BuiltSite,
    assert_loads_nothing_from_other_hosts,
    front_matter,
    is_translation,
    listed_briefs,
    mkdocs_build,
    search_records,
    soup,
)
from example import ACTORS, AUTHORS, BRIEFS, DRAFTS, IN_ENGLISH, INDICATORS, REGIONS, newest_first, url_of

pytestmark = pytest.mark.heavy  # scheduled first (conftest.py)


def test_the_example_content_is_big_enough():
    assert len(BRIEFS) >= 8 and len(ACTORS) >= 12 and len(INDICATORS) >= 10
    assert DRAFTS, "the example content includes a draft, so that the tests can check drafts stay out"


@pytest.mark.parametrize("actor_id", sorted(ACTORS))
def test_actor_page_lists_exactly_the_briefs_naming_it_newest_first(built_site: BuiltSite, actor_id: str):
    page = built_site.page(f"actors/{actor_id}/")
    expected = [url_of(p) for p in newest_first({p: m for p, m in BRIEFS.items() if actor_id in m["actors"]})]
    assert listed_briefs(page, "Briefs naming", f"actors/{actor_id}/") == expected
    assert page.find("h1").get_text(strip=True).startswith(ACTORS[actor_id]["name"])
    text = page.get_text(" ")
    for alias in ACTORS[actor_id].get("aliases", []):
        assert alias in text


@pytest.mark.parametrize("indicator_id", sorted(INDICATORS))
def test_indicator_page_lists_exactly_the_briefs_tracking_it(built_site: BuiltSite, indicator_id: str):
    page = built_site.page(f"indicators/{indicator_id}/")
    expected = [
        url_of(p) for p in newest_first({p: m for p, m in BRIEFS.items() if indicator_id in m.get("indicators", [])})
    ]
    assert listed_briefs(page, "Briefs tracking", f"indicators/{indicator_id}/") == expected
    text = page.get_text(" ")
    for signal in INDICATORS[indicator_id].get("signals", {}).get("advancing", []):
        assert " ".join(signal.split()) in " ".join(text.split())
    actor_links = {a["href"] for a in page.select("article a[href*='actors/']")}
    for actor_id in INDICATORS[indicator_id].get("actors", []):
        assert f"../../actors/{actor_id}/" in actor_links


@pytest.mark.parametrize("author_id", sorted(AUTHORS))
def test_author_page_lists_exactly_the_briefs_they_wrote_newest_first(built_site: BuiltSite, author_id: str):
    page = built_site.page(f"authors/{author_id}/")
    expected = [url_of(p) for p in newest_first({p: m for p, m in BRIEFS.items() if author_id in m["authors"]})]
    assert listed_briefs(page, "Briefs by", f"authors/{author_id}/") == expected
    assert page.find("h1").get_text(strip=True).startswith(AUTHORS[author_id]["name"])
    assert page.select_one(".entity-kind").get_text() == AUTHORS[author_id]["role"]
    assert " ".join(AUTHORS[author_id]["bio"].split()) in " ".join(page.get_text(" ").split())
    assert [a.get_text() for a in page.select(".md-path a")] == ["Briefs", "Authors"]


@pytest.mark.parametrize("region_id", sorted(REGIONS))
def test_region_page_lists_its_briefs_its_parent_the_regions_within_it_and_its_actors(
    built_site: BuiltSite, region_id: str
):
    page = built_site.page(f"regions/{region_id}/")
    region = REGIONS[region_id]
    about = newest_first({p: m for p, m in BRIEFS.items() if region_id in m.get("regions", [])})
    if about:
        assert listed_briefs(page, "Briefs about", f"regions/{region_id}/") == [url_of(p) for p in about]
    else:
        assert f"No published brief is about {region['name']} yet." in page.get_text()
    assert page.find("h1").get_text(strip=True).startswith(region["name"])
    kind = page.select_one(".entity-kind")
    assert [a["href"] for a in kind.find_all("a")] == ([f"../{region['parent']}/"] if region.get("parent") else [])
    within = sorted((i for i, r in REGIONS.items() if r.get("parent") == region_id), key=lambda i: REGIONS[i]["name"])
    shown = [a["href"] for a in page.select("article p a") if a.get("title") and a["href"].count("/") == 2]
    assert shown == [f"../{i}/" for i in within]
    actors = sorted(
        (ACTORS[i]["name"], f"../../actors/{i}/") for i, a in ACTORS.items() if a.get("region") == region_id
    )
    heading = next((h for h in page.find_all("h2") if h.get_text().startswith("Actors in")), None)
    if actors:
        assert sorted((a.get_text(), a["href"]) for a in heading.find_next("ul").find_all("a")) == actors
    else:
        assert heading is None
    assert [a.get_text() for a in page.select(".md-path a")] == ["Briefs", "Regions"]


def test_regions_index_lists_each_region_under_the_one_it_is_within(built_site: BuiltSite):
    page = built_site.page("regions/")
    for region_id, region in REGIONS.items():
        link = page.select_one(f".region-tree a[href='{region_id}/']")
        assert link.get_text() == region["name"]
        holder = link.find_parent("ul").find_parent("li")
        assert (holder.a["href"] if holder else None) == (f"{region['parent']}/" if region.get("parent") else None)


def test_an_actor_page_links_the_region_it_belongs_to(built_site: BuiltSite):
    for actor_id, actor in ACTORS.items():
        kind = built_site.page(f"actors/{actor_id}/").select_one(".entity-kind")
        links = [(a.get_text(), a["href"]) for a in kind.find_all("a")]
        assert links == (
            [(REGIONS[actor["region"]]["name"], f"../../regions/{actor['region']}/")] if actor.get("region") else []
        ), actor_id


def test_actor_page_counts_the_actors_named_alongside(built_site: BuiltSite):
    page = built_site.page("actors/qatar/")
    together = sum(1 for m in BRIEFS.values() if {"qatar", "iran"} <= set(m["actors"]))
    heading = next(h for h in page.find_all("h2") if h.get_text().startswith("Most often named alongside"))
    row = next(li for li in heading.find_next("ul").find_all("li") if li.a.get_text() == "Iran")
    assert row.get_text().endswith(f"{together} briefs")


@pytest.mark.parametrize("path", sorted(IN_ENGLISH), ids=lambda p: p.stem)
def test_brief_links_to_each_of_its_actors_and_indicators(built_site: BuiltSite, path: Path):
    meta = BRIEFS[path]
    page = built_site.page(url_of(path))
    header = page.select_one(".brief-meta dl")
    hrefs = {a["href"] for a in header.find_all("a")}
    for actor_id in meta["actors"]:
        assert f"../../../actors/{actor_id}/" in hrefs
    for indicator_id in meta.get("indicators", []):
        assert f"../../../indicators/{indicator_id}/" in hrefs
    header_text = header.get_text(" ")
    assert "min read" in page.select_one(".brief-byline").get_text()
    assert " ".join(page.select_one(".brief-standfirst").get_text().split()) == " ".join(meta["summary"].split())
    for tag in meta.get("tags", []):
        assert tag in header_text
    regions = [a for a in header.find_all("a") if "/regions/" in a["href"]]  # each region the brief is about
    assert [(a.get_text(), a["href"]) for a in regions] == [
        (REGIONS[i]["name"], f"../../../regions/{i}/") for i in meta.get("regions", [])
    ]
    byline = page.select(".brief-byline a.brief-byline__author")  # each author, linked to their page
    assert [(a.get_text(), a["href"]) for a in byline] == [
        (AUTHORS[i]["name"], f"../../../authors/{i}/") for i in meta.get("authors", [])
    ]
    assert page.select_one("time[datetime]")["datetime"] == meta["date"].isoformat()
    for source in meta.get("sources", []):
        assert page.find("a", href=source["url"]).get_text() == source["title"]
    assert page.find("meta", attrs={"name": "description"})["content"] == " ".join(meta["summary"].split())


def test_macro_links_in_the_text_carry_the_summary_as_tooltip(built_site: BuiltSite):
    page = built_site.page("briefs/2026/doha-indirect-talks/")
    body_links = page.select("a.entity-link--actor")
    assert body_links, "the brief's text links actors with {{ actor(...) }}"
    qatar = next(a for a in body_links if a["href"] == "../../../actors/qatar/")
    assert qatar["title"] == " ".join(ACTORS["qatar"]["summary"].split())


def test_drafts_appear_nowhere(built_site: BuiltSite):
    site = built_site.site
    for path, meta in DRAFTS.items():
        assert not (site / url_of(path)).exists()
        slug = path.stem
        for file in site.rglob("*"):
            if file.suffix in {".html", ".json", ".xml"}:
                text = file.read_text("utf-8")
                assert slug not in text and meta["title"] not in text, f"draft '{slug}' found in {file}"
        for url, record in search_records(site).items():
            text = json.dumps(record, ensure_ascii=False)
            assert slug not in text and meta["title"] not in text, f"draft '{slug}' found in the search record of {url}"


def test_home_page_lists_the_latest_briefs(built_site: BuiltSite):
    page = built_site.page("")
    titles = [a.get_text() for a in page.select(".brief-list__title a")]
    assert titles == [BRIEFS[p]["title"] for p in newest_first(BRIEFS)][:10]
    first = page.select_one(".brief-list li")
    newest = BRIEFS[newest_first(BRIEFS)[0]]
    assert newest["summary"].split()[0] in first.get_text()
    assert {a.get_text() for a in first.select(".brief-list__meta a")} == {ACTORS[a]["name"] for a in newest["actors"]}


def test_archive_lists_every_brief_by_month(built_site: BuiltSite):
    page = built_site.page("briefs/")
    months = {}
    for path in newest_first(BRIEFS):
        months.setdefault(BRIEFS[path]["date"].strftime("%B %Y"), []).append(url_of(path))
    headings = [h.get_text(strip=True).rstrip("¶") for h in page.select("article h2")]
    assert headings == list(months)
    for month, urls in months.items():
        assert listed_briefs(page, month, "briefs/") == urls


def test_actors_index_groups_actors_by_kind(built_site: BuiltSite):
    page = built_site.page("actors/")
    for kind, label in [
        ("state", "States"),
        ("person", "People"),
        ("institution", "Institutions"),
        ("organisation", "Organisations"),
        ("group", "Groups"),
    ]:
        members = {a["name"] for a in ACTORS.values() if a["kind"] == kind}
        if not members:
            continue
        heading = next(h for h in page.find_all("h2") if h.get_text().startswith(label))
        assert {a.get_text() for a in heading.find_next("ul").find_all("a")} == members


def test_listing_pages_reach_every_entity_which_stays_out_of_the_nav(built_site: BuiltSite):
    actors = {a["href"] for a in built_site.page("actors/").select("article a")}
    assert {f"{i}/" for i in ACTORS} <= actors
    indicators = {a["href"] for a in built_site.page("indicators/").select("article a")}
    assert {f"{i}/" for i in INDICATORS} <= indicators
    nav = built_site.page("about/").select_one("nav.md-nav--primary")
    nav_links = {a.get("href", "") for a in nav.find_all("a")}
    assert not any(re.search(r"(actors|indicators|briefs/\d{4})/[a-z]", href) for href in nav_links)
    assert {"Briefs", "Actors", "Indicators", "About"} <= {a.get_text(strip=True) for a in nav.find_all("a")}
    # Authors and regions: listed under Briefs in the menu, not tabs of their own, and linked from About.
    assert {f"{i}/" for i in AUTHORS} <= {a["href"] for a in built_site.page("authors/").select("article a")}
    assert {f"{i}/" for i in REGIONS} <= {a["href"] for a in built_site.page("regions/").select("article a")}
    assert not any(re.search(r"(authors|regions)/[a-z]", href) for href in nav_links)
    assert {"../authors/", "../regions/"} <= nav_links
    tabs = [a.get_text(strip=True) for a in built_site.page("about/").select("nav.md-tabs a")]
    assert "Authors" not in tabs and "Regions" not in tabs
    about = {a["href"] for a in built_site.page("about/").select("article a")}
    assert {"../authors/", "../regions/"} <= about


def test_the_authors_guide_stays_out_of_the_readers_way_but_within_reach(built_site: BuiltSite):
    """Not in the navigation nor its tabs, nor in search results, linked from About and every page's footer."""
    for path in ("", "about/", "briefs/2026/doha-indirect-talks/"):
        page = built_site.page(path)
        menus = page.select("nav.md-nav--primary a, nav.md-tabs a")
        assert menus and not [a for a in menus if "write-a-brief" in a["href"]], path
        assert page.select_one("footer a[href$='write-a-brief/']").get_text(strip=True) == "How to write a brief"
    assert built_site.page("about/").select_one("article a[href='../write-a-brief/']")
    records = search_records(built_site.site)
    assert "/about/" in records and "/write-a-brief/" not in records


def test_every_page_has_a_footer_with_about_the_feed_and_corrections(built_site: BuiltSite):
    for path in ("", "actors/qatar/", "briefs/2026/doha-indirect-talks/"):
        footer = built_site.page(path).select_one("footer.md-footer")
        links = {a.get_text(strip=True): a["href"] for a in footer.find_all("a")}
        depth = "../" * path.count("/")
        assert links == {
            "About": f"{depth}about/",
            "Atom feed": f"{depth}feed.xml",
            "How to write a brief": f"{depth}write-a-brief/",
            "Report a correction": "https://github.com/example-owner/briefings/issues/new?template=correction.yml",
        }
        assert "Material for MkDocs" not in footer.get_text()
    assert (ROOT / ".github/ISSUE_TEMPLATE/correction.yml").exists()


def test_pages_load_nothing_from_other_hosts(built_site: BuiltSite):
    assert_loads_nothing_from_other_hosts(built_site.site)


def test_edit_links_open_the_source_or_the_data_file_and_a_tag_page_has_none(built_site: BuiltSite):
    repo = "https://github.com/example-owner/briefings"
    brief = built_site.page("briefs/2026/doha-indirect-talks/")
    assert brief.select_one("a[rel=edit]")["href"] == f"{repo}/edit/main/docs/briefs/2026/doha-indirect-talks.md"
    actor = built_site.page("actors/qatar/")
    assert actor.select_one("a[rel=edit]")["href"] == f"{repo}/edit/main/data/actors.yml"
    indicator = built_site.page("indicators/talks-direct/")
    assert indicator.select_one("a[rel=edit]")["href"] == f"{repo}/edit/main/data/indicators.yml"
    # A tag is in the front matter of each brief that carries it: no one file to edit, and no link to a folder.
    for tags in (built_site.page("tags/"), built_site.page("tags/diplomacy/")):
        assert tags.select_one("h1") is not None and tags.select_one("a[rel=edit]") is None


NASTY = '<script>alert("x")</script> *bold* [link](https://example.org) {{ 1 + 1 }} & co'
NASTY_FRONT = NASTY.replace("{{ 1 + 1 }}", "{ 1 + 1 }")  # front matter may not hold template delimiters at all


def test_author_text_is_escaped_everywhere(project: Path, tmp_path: Path):
    actors = project / "data/actors.yml"
    actors.write_text(actors.read_text("utf-8").replace("name: Qatar\n", f"name: {json.dumps(NASTY)}\n", 1), "utf-8")
    brief = project / "docs/briefs/2026/doha-indirect-talks.md"
    text = brief.read_text("utf-8")
    title = re.search(r"^title: .*$", text, re.M).group(0)
    summary = re.search(r"^summary: .*$", text, re.M).group(0)
    brief.write_text(
        text.replace(title, f"title: {json.dumps(NASTY_FRONT)}").replace(
            summary, f"summary: {json.dumps(NASTY_FRONT)}"
        ),
        "utf-8",
    )
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.output
    for file in (tmp_path / "site").rglob("*.html"):
        html = file.read_text("utf-8")
        assert "<script>alert" not in html, file
    shown = {
        NASTY: [
            soup(tmp_path / "site/actors/qatar/index.html").find("h1"),
            soup(tmp_path / "site/briefs/2026/doha-indirect-talks/index.html").select_one(
                ".brief-meta dl a[href$='actors/qatar/']"
            ),
        ],
        NASTY_FRONT: [
            soup(tmp_path / "site/briefs/2026/doha-indirect-talks/index.html").find("h1"),
            soup(tmp_path / "site/index.html").select_one(
                ".brief-list__title a[href='briefs/2026/doha-indirect-talks/']"
            ),
            soup(tmp_path / "site/tags/mediation/index.html").select_one(
                ".brief-list__title a[href$='doha-indirect-talks/']"
            ),
        ],
    }
    for text, elements in shown.items():
        for element in elements:
            assert element.get_text().replace("¶", "").strip() == text
    page = soup(tmp_path / "site/briefs/2026/doha-indirect-talks/index.html")
    assert page.find("meta", attrs={"name": "description"})["content"] == NASTY_FRONT
    assert page.title.get_text().startswith(NASTY_FRONT)
    assert page.find("meta", property="og:title")["content"] == NASTY_FRONT
    json_ld = page.find("script", type="application/ld+json").string
    assert "<" not in json_ld and ">" not in json_ld and "&" not in json_ld  # nothing can close the script
    article = json.loads(json_ld)
    assert (article["headline"], article["description"]) == (NASTY_FRONT, NASTY_FRONT)
    assert NASTY in [actor["name"] for actor in article["about"]]


@pytest.mark.parametrize("path", BRIEFS, ids=lambda p: p.stem)
def test_brief_page_tells_link_previews_and_search_engines_its_dates_authors_and_actors(
    built_site: BuiltSite, path: Path
):
    meta = BRIEFS[path]
    page = built_site.page(url_of(path))
    og = {m["property"]: m["content"] for m in page.find_all("meta", property=True)}
    published = meta["date"].isoformat()
    modified = meta.get("updated", meta["date"]).isoformat()
    assert og["og:type"] == "article"
    assert og["og:title"] == meta["title"]
    assert og["og:description"] == meta["summary"]
    assert og["og:url"] == "http://127.0.0.1:8000/" + url_of(path)
    assert (og["article:published_time"], og["article:modified_time"]) == (published, modified)

    blocks = page.find_all("script", type="application/ld+json")
    assert len(blocks) == 1
    article = json.loads(blocks[0].string)
    assert article["@type"] == "AnalysisNewsArticle"
    assert article["headline"] == meta["title"]
    assert (article["datePublished"], article["dateModified"]) == (published, modified)
    assert [a["name"] for a in article["author"]] == [AUTHORS[i]["name"] for i in meta["authors"]]
    assert [(a["@type"], a["url"]) for a in article["author"]] == [
        ("Person", f"http://127.0.0.1:8000/authors/{i}/") for i in meta["authors"]
    ]
    assert [m["content"] for m in page.find_all("meta", property="article:author")] == [
        AUTHORS[i]["name"] for i in meta["authors"]
    ]
    assert [a["name"] for a in article["about"]] == [ACTORS[i]["name"] for i in meta["actors"]]
    assert article["url"] == og["og:url"]


def test_other_pages_are_described_as_pages_of_the_site(built_site: BuiltSite):
    for path, title in (("", "Briefings"), ("actors/qatar/", "Qatar"), ("about/", "About")):
        page = built_site.page(path)
        og = {m["property"]: m["content"] for m in page.find_all("meta", property=True)}
        assert (og["og:type"], og["og:title"], og["og:site_name"]) == ("website", title, "Briefings")
        assert og["og:url"] == "http://127.0.0.1:8000/" + path
        assert not page.find("script", type="application/ld+json")


def test_sitemap_dates_each_brief_by_its_last_update_and_nothing_by_the_build(built_site: BuiltSite):
    import gzip

    sitemap = (built_site.site / "sitemap.xml").read_bytes()
    assert gzip.decompress((built_site.site / "sitemap.xml.gz").read_bytes()) == sitemap
    import xml.etree.ElementTree as ET

    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    urls = ET.fromstring(sitemap).findall("s:url", ns)
    entries = [
        (u.findtext("s:loc", namespaces=ns).removeprefix("http://127.0.0.1:8000/"), u.findtext("s:lastmod", "", ns))
        for u in urls
    ]
    assert len(entries) == sitemap.count(b"<url>")
    by_language = {
        lang: {loc.removeprefix(lang): d for loc, d in entries if loc.startswith(lang)} for lang in ("fr/", "ar/")
    }
    lastmod = {loc: date for loc, date in entries if not loc.startswith(("fr/", "ar/"))}
    assert by_language == {"fr/": lastmod, "ar/": lastmod}  # every page in every language, dated alike
    assert {"", "about/", "actors/qatar/", "indicators/talks-direct/"} <= set(lastmod)
    assert {url: date for url, date in lastmod.items() if date} == {
        url_of(p): m.get("updated", m["date"]).isoformat() for p, m in BRIEFS.items()
    }


def test_atom_feed_lists_the_latest_published_briefs(built_site: BuiltSite):
    import feedparser

    feed = feedparser.parse((built_site.site / "feed.xml").read_bytes())
    assert not feed.bozo, feed.bozo_exception
    expected = newest_first(BRIEFS)[:20]
    assert [e.title for e in feed.entries] == [BRIEFS[p]["title"] for p in expected]
    for entry, path in zip(feed.entries, expected, strict=True):
        assert entry.link == "http://127.0.0.1:8000/" + url_of(path)
        assert (built_site.site / url_of(path) / "index.html").exists()
        assert entry.summary == " ".join(BRIEFS[path]["summary"].split())
        for folder in ("actors", "indicators", "mechanisms", "regions"):  # each entity the brief names, by its kind
            terms = {t.term for t in entry.tags if t.scheme == f"http://127.0.0.1:8000/{folder}/"}
            assert terms == set(BRIEFS[path].get(folder, [])), folder
        assert [(a.name, a.href) for a in entry.authors] == [  # its authors, with their pages, not categories
            (AUTHORS[i]["name"], f"http://127.0.0.1:8000/authors/{i}/") for i in BRIEFS[path]["authors"]
        ]
        assert not [t for t in entry.tags if "/authors/" in t.scheme]
    home = built_site.page("")
    assert home.find("link", rel="alternate", type="application/atom+xml")["href"] == "feed.xml"


def test_every_feed_entry_carries_its_briefs_full_text_with_every_address_absolute(built_site: BuiltSite):
    """In every feed (the site's, each topic's): the entry's text is the brief's as its page shows it, less
    the header, sanitised, and its links and images lead to the right place from a feed reader."""
    from xml.etree import ElementTree

    import feedparser
    from bs4 import BeautifulSoup

    atom = "{http://www.w3.org/2005/Atom}"
    home = "http://127.0.0.1:8000/"
    by_url = {home + url_of(p): p for p in BRIEFS}
    headings = {
        p: [h.get_text().rstrip("¶") for h in built_site.page(url_of(p)).select("article h2")] for p in IN_ENGLISH
    }
    assert all("What happened" in h for h in headings.values())
    # The default language's feeds (each other language's, under /<lang>/: test_languages_site.py).
    paths = sorted(
        p for p in built_site.site.rglob("feed.xml") if p.relative_to(built_site.site).parts[0] not in ("fr", "ar")
    )
    assert len(paths) > 30
    for path in paths:
        raw = path.read_bytes()
        assert not feedparser.parse(raw).bozo, path
        feed = ElementTree.fromstring(raw)
        assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == "en"
        for entry in feed.iter(f"{atom}entry"):
            brief = by_url[entry.find(f"{atom}id").text]
            if brief not in IN_ENGLISH:  # its entry in English is the note leading to it (test_lone_briefs.py)
                continue
            content = entry.find(f"{atom}content")
            assert content.get("type") == "html"
            text = BeautifulSoup(content.text, "html.parser")
            assert text.find("h1") is None and text.find("script") is None and text.select(".headerlink") == []
            assert text.select("a[title]") == []  # the site's tooltips stay on the site
            # The brief's own sections; where to read on next is the site's, not the brief's.
            assert [h.get_text() for h in text.find_all("h2")] == [h for h in headings[brief] if h != "Related briefs"]
            assert not text.select(".brief-related, .brief-sequence")
            # The header (standfirst, byline, lists of actors and tags) is the entry's summary, dates, authors
            # and categories: the text starts with the author's own.
            assert not text.select(".brief-standfirst, .brief-byline, .brief-meta")
            assert text.find("h2").get_text() == "What happened"
            for address in [a["href"] for a in text.find_all("a")] + [i["src"] for i in text.find_all("img")]:
                assert address.startswith(("https://", "http://", "mailto:")), (path, address)
                if address.startswith(home):  # a page of the site, or a place in one
                    target = address.removeprefix(home).partition("#")[0]
                    assert (built_site.site / target / "index.html").exists() or (built_site.site / target).is_file()
            assert entry.find(f"{atom}summary").text.startswith(" ".join(BRIEFS[brief]["summary"].split()))


@pytest.mark.parametrize(
    "folder, entity_id",
    [
        ("actors", "qatar"),
        ("indicators", "talks-direct"),
        ("mechanisms", "mediated-de-escalation"),
        *(("authors", i) for i in sorted(AUTHORS)),
        ("regions", "gulf"),
    ],
)
def test_every_actor_indicator_and_mechanism_can_be_followed_by_its_own_feed(
    built_site: BuiltSite, folder: str, entity_id: str
):
    """The page links its feed in its head and visibly ('Follow'); the feed, in the site's language, lists the
    briefs naming it, newest first, with their summaries and categories."""
    import feedparser

    page = built_site.page(f"{folder}/{entity_id}/")
    heads = [link["href"] for link in page.find_all("link", type="application/atom+xml")]
    assert heads == ["../../feed.xml", "feed.xml"]  # the site's, then its own
    follow = page.select_one("a.entity-follow")
    assert follow.get_text().startswith("Follow ") and follow["href"] == "feed.xml"
    raw = (built_site.site / folder / entity_id / "feed.xml").read_bytes()
    assert b'xml:lang="en"' in raw
    feed = feedparser.parse(raw)
    assert not feed.bozo, feed.bozo_exception
    expected = newest_first({p: m for p, m in BRIEFS.items() if entity_id in m.get(folder, [])})[:20]
    assert expected and [e.link for e in feed.entries] == ["http://127.0.0.1:8000/" + url_of(p) for p in expected]
    assert feed.feed.link == f"http://127.0.0.1:8000/{folder}/{entity_id}/"
    for entry, path in zip(feed.entries, expected, strict=True):
        assert entry.summary == " ".join(BRIEFS[path]["summary"].split())
        if folder == "authors":  # an entry's author, not its category
            assert f"http://127.0.0.1:8000/authors/{entity_id}/" in [a.href for a in entry.authors]
        else:
            assert entity_id in {t.term for t in entry.tags if t.scheme == f"http://127.0.0.1:8000/{folder}/"}


def test_every_tag_can_be_followed_by_its_own_feed(built_site: BuiltSite):
    import feedparser

    page = built_site.page("tags/")
    tags = sorted({t for m in BRIEFS.values() for t in m.get("tags", [])}, key=str.casefold)
    follows = page.select("a.entity-follow")
    assert [a.get_text() for a in follows] == [f"Follow “{tag}”" for tag in tags]
    for tag, link in zip(tags, follows, strict=True):
        feed = feedparser.parse((built_site.site / "tags" / link["href"]).read_bytes())
        assert not feed.bozo and feed.feed.title == f"Briefings: {tag}"
        expected = newest_first({p: m for p, m in BRIEFS.items() if tag in m.get("tags", [])})[:20]
        assert [e.link for e in feed.entries] == ["http://127.0.0.1:8000/" + url_of(p) for p in expected]


def test_every_tag_has_a_page_listing_its_briefs_which_their_headers_link_to(built_site: BuiltSite):
    """One page per tag, not one page of every tag: no page grows with the whole site."""
    from briefings.urls import tag_slug

    tags = sorted({t for m in BRIEFS.values() for t in m.get("tags", [])}, key=str.casefold)
    index = built_site.page("tags/")
    assert [a["href"] for a in index.select("a.tag-index__tag")] == [f"{tag_slug(tag)}/" for tag in tags]
    for tag in tags:
        page = built_site.page(f"tags/{tag_slug(tag)}/")
        assert page.find("h1").get_text().replace("¶", "").strip() == tag
        assert page.select_one("link[rel='alternate'][href='feed.xml']")  # its feed, for feed readers
        tagged = newest_first({p: m for p, m in BRIEFS.items() if tag in m.get("tags", [])})
        listed = [a["href"] for a in page.select(".brief-list__title a")]
        assert listed == ["../../" + url_of(p) for p in tagged]
        assert [a.get_text() for a in page.select(".md-path a")] == ["Briefs", "Tags"]
    brief = built_site.page("briefs/2026/doha-indirect-talks/")
    assert [a["href"] for a in brief.select("a.brief-meta__tag")] == [
        f"../../../tags/{tag}/" for tag in ("diplomacy", "mediation", "de-escalation")
    ]


def test_the_catalog_is_published_as_open_data_that_follows_its_schema(built_site: BuiltSite):
    """/data/catalog.json lists exactly the published briefs, at addresses the site serves, and every entity."""
    from urllib.parse import urlsplit

    import jsonschema

    data = json.loads((built_site.site / "data/catalog.json").read_text("utf-8"))
    schema = json.loads((built_site.site / "data/catalog.schema.json").read_text("utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema).validate(data)

    def built(url: str) -> Path:
        assert url.startswith("http://127.0.0.1:8000/"), url  # the site's configured address
        return built_site.site / urlsplit(url).path.strip("/") / "index.html"

    assert [b["title"] for b in data["briefs"]] == [BRIEFS[p]["title"] for p in newest_first(BRIEFS)]  # no drafts
    for brief, path in zip(data["briefs"], newest_first(BRIEFS), strict=True):
        assert built(brief["url"]) == built_site.site / url_of(path) / "index.html"
        assert brief["actors"] == BRIEFS[path]["actors"] and brief["date"] == BRIEFS[path]["date"].isoformat()
    mechanisms = yaml.safe_load((EXAMPLE / "data/mechanisms.yml").read_text("utf-8"))
    for folder, expected in (
        ("actors", ACTORS),
        ("indicators", INDICATORS),
        ("mechanisms", mechanisms),
        ("authors", AUTHORS),
        ("regions", REGIONS),
    ):
        assert [e["id"] for e in data[folder]] == sorted(expected)
        for entity in data[folder]:
            assert entity["name"] == expected[entity["id"]]["name"]
            assert built(entity["url"]).exists(), entity["url"]
    for brief, path in zip(data["briefs"], newest_first(BRIEFS), strict=True):  # ids, as the front matter lists them
        assert (brief["authors"], brief["regions"]) == (BRIEFS[path]["authors"], BRIEFS[path].get("regions", []))
    assert {r["id"]: r["parent_id"] for r in data["regions"]} == {i: r.get("parent") for i, r in REGIONS.items()}
    assert {a["id"]: a["role"] for a in data["authors"]} == {i: a["role"] for i, a in AUTHORS.items()}
    assert {a["id"]: a["region"] for a in data["actors"]} == {i: a.get("region") for i, a in ACTORS.items()}
    doha = next(b for b in data["briefs"] if b["url"].endswith("/doha-indirect-talks/"))
    assert doha["readings"] and all(r["indicator_id"] in INDICATORS for r in doha["readings"])


def test_a_topic_named_by_many_briefs_lists_the_latest_in_full_and_the_rest_by_month(
    project_in_english: Path, tmp_path: Path
):
    """An actor named in hundreds of briefs must not make a page of megabytes: the latest briefs are listed in
    full, earlier ones by month with title and date only, each brief exactly once. The archive likewise lists
    the months of the latest briefs in full and earlier months by title and date."""
    project = project_in_english
    from briefings.pages import LISTED_IN_FULL

    body = "\n\n".join(
        f"## {h}\n\nText."
        for h in (
            "What happened",
            "Who gains leverage",
            "What mechanism is operating",
            "Why it matters",
            "What to watch next",
        )
    )
    for n in range(40):
        path = project / f"docs/briefs/2025/many-{n:02d}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        date = f"2025-{1 + n % 12:02d}-{1 + n // 12:02d}"
        path.write_text(
            f"---\ntitle: Brief number {n}\ndate: {date}\nsummary: One of many.\nactors: [qatar]\n"
            f"mechanisms: [mediated-de-escalation]\n---\n\n{body}\n",
            "utf-8",
        )
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.output
    for url in ("actors/qatar/", "mechanisms/mediated-de-escalation/"):
        page = soup(tmp_path / "site" / url / "index.html")
        naming = sum(
            1
            for p in (project / "docs/briefs").rglob("*.md")
            if p.name != "index.md"
            and not is_translation(p)
            and not front_matter(p).get("draft")
            and (
                "qatar" in front_matter(p)["actors"]
                if url.startswith("actors")
                else "mediated-de-escalation" in front_matter(p).get("mechanisms", [])
            )
        )
        full = page.select(".brief-list .brief-list__title a")
        compact = page.select(".brief-history li a")
        assert len(full) == LISTED_IN_FULL and len(full) + len(compact) == naming
        linked = [a["href"] for a in full + compact]
        assert len(set(linked)) == len(linked)
        dates = [t["datetime"] for t in page.select(".brief-history li time")]
        assert dates == sorted(dates, reverse=True)  # still newest first
        assert page.select(".brief-history .brief-history__month")
    archive = soup(tmp_path / "site/briefs/index.html")
    published = sum(
        1
        for p in (project / "docs/briefs").rglob("*.md")
        if p.name != "index.md" and not is_translation(p) and not front_matter(p).get("draft")
    )
    full = archive.select(".brief-list:not(.brief-list--compact) .brief-list__title a")
    compact = archive.select(".brief-list--compact .brief-list__title a")
    assert LISTED_IN_FULL <= len(full) < LISTED_IN_FULL + 12 and len(full) + len(compact) == published  # by month
    assert not archive.select(".brief-list--compact .brief-list__meta")  # title and date only


def test_hand_written_pages_pass_through_the_sanitiser_too(project_in_english: Path, tmp_path: Path):
    project = project_in_english
    about = project / "docs/about.md"
    about.write_text(
        about.read_text("utf-8") + "\n<script>window.__xss = 1</script>\n\n"
        '<p onclick="window.__xss = 1">Still shown.</p>\n',
        "utf-8",
    )
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.output
    article = soup(tmp_path / "site/about/index.html").select_one("article")
    assert not article.find("script") and not article.select("[onclick]")
    assert "Still shown." in article.get_text()
