"""Mechanisms, leverage and readings on the example project's site, built with --strict.

Expectations are computed from the source files (front matter and data read with PyYAML), not from the code
under test.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
from collections import Counter, defaultdict
from pathlib import Path

import pytest
import yaml

from conftest import EXAMPLE, ROOT, BuiltSite, copy_project, listed_briefs, mkdocs_build, search_records, soup
from example import ACTORS, BRIEFS, IN_ENGLISH, INDICATORS, newest_first, url_of

MECHANISMS = yaml.safe_load((EXAMPLE / "data/mechanisms.yml").read_text("utf-8"))
STATUS_LABELS = {"advancing": "Advancing", "steady": "Steady", "reversing": "Reversing", "resolved": "Resolved"}


def long_date(date: dt.date) -> str:
    return f"{date.day} {date:%B %Y}"


def readings_in(meta: dict) -> list[tuple[str, str, str | None]]:
    """A brief's readings as (indicator, status, note), in its front matter's order."""
    return [
        (i, v, None) if isinstance(v, str) else (i, v["status"], v.get("note"))
        for i, v in meta.get("readings", {}).items()
    ]


def history() -> dict[str, list[tuple[dt.date, str, str | None, Path]]]:
    """Each indicator's readings in date order: (date, status, note, brief)."""
    dates = [m["date"] for m in BRIEFS.values() if m.get("readings")]
    assert len(dates) == len(set(dates)), "two briefs with readings on one date would make the order ambiguous"
    found = defaultdict(list)
    for path in sorted(BRIEFS, key=lambda p: BRIEFS[p]["date"]):
        for indicator_id, status, note in readings_in(BRIEFS[path]):
            found[indicator_id].append((BRIEFS[path]["date"], status, note, path))
    return found


HISTORY = history()


def brief_href(page_url: str, path: Path) -> str:
    """The relative link from the page at `page_url` to a brief, as the site writes it."""
    depth = page_url.strip("/").count("/") + 1 if page_url.strip("/") else 0
    return "../" * depth + url_of(path)


def test_the_example_content_uses_the_whole_model():
    assert all(m.get("mechanisms") for m in BRIEFS.values()), "every brief names its mechanisms"
    assert sum(1 for m in BRIEFS.values() if m.get("readings")) > len(BRIEFS) / 2, "most briefs record readings"
    assert sum(1 for readings in HISTORY.values() if len(readings) >= 3) >= 3
    assert any(r[-1][1] != r[-2][1] for r in HISTORY.values() if len(r) >= 2), "something moved"
    assert set(INDICATORS) - set(HISTORY), "an indicator without readings shows that state"
    assert any(m.get("leverage", {}).get("loses") for m in BRIEFS.values())
    assert all(
        m.get("related") or any(mid in o.get("related", []) for o in MECHANISMS.values())
        for mid, m in MECHANISMS.items()
    ), "every mechanism is related to another"


# -- mechanisms --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("mechanism_id", sorted(MECHANISMS))
def test_mechanism_page_lists_exactly_the_briefs_naming_it_and_the_actors_involved(
    built_site: BuiltSite, mechanism_id: str
):
    source = MECHANISMS[mechanism_id]
    url = f"mechanisms/{mechanism_id}/"
    page = built_site.page(url)
    naming = {p: m for p, m in BRIEFS.items() if mechanism_id in m.get("mechanisms", [])}
    assert naming, f"no published brief invokes '{mechanism_id}'"
    assert listed_briefs(page, "Briefs invoking", url) == [url_of(p) for p in newest_first(naming)]
    assert page.find("h1").get_text().rstrip("¶") == source["name"]
    text = " ".join(page.select_one("article").get_text(" ").split())
    assert " ".join(source["summary"].split()) in text
    for alias in source.get("aliases", []):
        assert alias in text
    related = set(source.get("related", [])) | {
        i for i, m in MECHANISMS.items() if mechanism_id in m.get("related", [])
    }
    related_line = next(p for p in page.select("article p") if p.get_text().startswith("Related mechanisms"))
    assert {a["href"] for a in related_line.find_all("a")} == {f"../{i}/" for i in related}

    counts = Counter(a for m in naming.values() for a in m["actors"])
    heading = page.find("h2", id="actors-most-often-involved")
    rows = [
        (li.a["href"], int(li.get_text().split(": ")[1].split()[0])) for li in heading.find_next("ul").find_all("li")
    ]
    assert dict(rows) == {f"../../actors/{a}/": n for a, n in counts.items()}
    assert [n for _, n in rows] == sorted(counts.values(), reverse=True)


def test_mechanisms_index_lists_every_mechanism_with_its_summary_and_number_of_briefs(built_site: BuiltSite):
    page = built_site.page("mechanisms/")
    items = page.select("article ul li")
    assert [li.a.get_text() for li in items] == sorted((m["name"] for m in MECHANISMS.values()), key=str.casefold)
    by_name = {m["name"]: (i, m) for i, m in MECHANISMS.items()}
    for li in items:
        mechanism_id, source = by_name[li.a.get_text()]
        n = sum(1 for m in BRIEFS.values() if mechanism_id in m.get("mechanisms", []))
        assert li.a["href"] == f"{mechanism_id}/"
        assert " ".join(source["summary"].split()) in li.get_text()
        assert li.select_one(".entity-count").get_text() == f"({n} {'brief' if n == 1 else 'briefs'})"


def test_search_finds_mechanisms_by_name_and_alias(built_site: BuiltSite):
    records = search_records(built_site.site)
    for mechanism_id, source in MECHANISMS.items():
        record = records[f"/mechanisms/{mechanism_id}/"]
        assert record["meta"]["title"] == source["name"]
        for alias in source.get("aliases", []):
            assert alias in record["content"]


def test_mechanisms_are_in_the_navigation_only_as_their_listing(built_site: BuiltSite):
    nav = built_site.page("about/").select_one("nav.md-nav--primary")
    hrefs = [a.get("href", "") for a in nav.find_all("a")]
    assert "../mechanisms/" in hrefs
    assert not any(re.search(r"mechanisms/[a-z]", href) for href in hrefs)


# -- briefs ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", sorted(IN_ENGLISH), ids=lambda p: p.stem)  # (its page at the root is the brief's)
def test_brief_header_names_its_mechanisms_and_whose_leverage_moved(built_site: BuiltSite, path: Path):
    meta = BRIEFS[path]
    header = built_site.page(url_of(path)).select_one(".brief-meta dl")
    shown = {dt_.get_text(): dt_.find_next_sibling("dd") for dt_ in header.find_all("dt")}
    expected = {
        "Mechanisms": [(MECHANISMS[i]["name"], f"../../../mechanisms/{i}/") for i in meta.get("mechanisms", [])],
        "Gains leverage": [
            (ACTORS[i]["name"], f"../../../actors/{i}/") for i in meta.get("leverage", {}).get("gains", [])
        ],
        "Loses leverage": [
            (ACTORS[i]["name"], f"../../../actors/{i}/") for i in meta.get("leverage", {}).get("loses", [])
        ],
    }
    for label, entities in expected.items():
        if entities:
            assert [(a.get_text(), a["href"]) for a in shown[label].find_all("a")] == entities
        else:
            assert label not in shown


@pytest.mark.parametrize("path", sorted(BRIEFS), ids=lambda p: p.stem)
def test_brief_shows_the_readings_it_records_after_what_to_watch_next(built_site: BuiltSite, path: Path):
    page = built_site.page(url_of(path))
    readings = readings_in(BRIEFS[path])
    heading = page.find("h2", id="readings")
    if not readings:
        assert heading is None
        return
    headings = [h.get_text().rstrip("¶") for h in page.select("article h2")]
    assert headings[headings.index("What to watch next") + 1] == "Readings"
    rows = [[td.get_text() for td in tr.find_all("td")] for tr in heading.find_next("table").select("tbody tr")]
    assert rows == [
        [INDICATORS[i]["name"], STATUS_LABELS[s], " ".join(n.split()) if n else "—"] for i, s, n in readings
    ]
    assert heading.find_next("table").select("tbody a")[0]["href"] == f"../../../indicators/{readings[0][0]}/"


def test_a_brief_written_before_mechanisms_and_readings_builds_unchanged(tmp_path: Path):
    """The HTML of a brief without the new fields is byte for byte what the site made of it before they
    existed: `article.html` was built from `brief.md` and the data beside it by the code before this change.
    Since authors and regions became ids (the fixture migrated like the content), its byline and its regions
    are links to their pages (the regions' row marked to stay in print): the only lines that changed."""
    fixture = ROOT / "tests/fixtures/written-before-mechanisms"
    project = copy_project(tmp_path / "project")
    for brief in (project / "docs/briefs").rglob("*.md"):
        if brief.name != "index.md":
            brief.unlink()
    shutil.copy(fixture / "brief.md", project / "docs/briefs/2026/written-before-mechanisms.md")
    for name in ("actors.yml", "indicators.yml"):
        shutil.copy(fixture / name, project / "data" / name)
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.output
    article = soup(tmp_path / "site/briefs/2026/written-before-mechanisms/index.html").select_one("article")
    for chrome in article.select(
        ":scope > .md-content__button, :scope > aside.md-source-file, :scope > .print-address"
    ):
        chrome.decompose()  # the theme's own buttons, footers and print line around the content
    article.attrs = {"class": article["class"]}  # and its marks for search (overrides/main.html)
    written = re.sub(r"(<article[^>]*>)\s+", "\\1\n", str(article))  # where the chrome was
    assert written + "\n" == (fixture / "article.html").read_text("utf-8")


# -- indicators --------------------------------------------------------------------------------------------------


def mark_readings(svg) -> list[tuple[dt.date, str]]:
    """The chart's marks, in document order, as the (date, status) their tooltips name."""
    found = []
    for mark in svg.select(".reading-chart__mark"):
        date_text, rest = mark.find("title").get_text().split(": ", 1)
        found.append((dt.datetime.strptime(date_text, "%d %B %Y").date(), rest.split(",")[0]))
    return found


@pytest.mark.parametrize("indicator_id", sorted(INDICATORS))
def test_indicator_page_shows_its_latest_reading_and_their_history(built_site: BuiltSite, indicator_id: str):
    url = f"indicators/{indicator_id}/"
    page = built_site.page(url)
    readings = HISTORY.get(indicator_id, [])
    latest = page.select_one(".reading-latest")
    if not readings:
        assert latest.get_text() == "No brief has recorded a reading of this indicator yet."
        assert page.select_one("svg[role=img]") is None and page.find("h2", id="readings") is None
        return
    date, status, note, path = readings[-1]
    text = " ".join(latest.get_text().split())
    assert text.startswith(f"Latest reading: {STATUS_LABELS[status]} on {long_date(date)}, in {BRIEFS[path]['title']}")
    assert latest.select_one("time")["datetime"] == date.isoformat()
    assert latest.find("a", string=BRIEFS[path]["title"])["href"] == brief_href(url, path)
    if note:
        assert " ".join(note.split()) in text
    # above everything else the page says about the indicator
    assert latest.find_previous("h2") is None

    svg = page.select_one("figure.reading-chart svg")
    assert mark_readings(svg) == [(d, STATUS_LABELS[s]) for d, s, _, _ in readings]
    xs = [float(m["cx"]) for m in svg.select(".reading-chart__mark")]
    assert xs == sorted(xs) and len(set(xs)) == len(xs), "one mark per reading, left to right in date order"

    table = page.find("h2", id="readings").find_next("table")
    rows = [[td.get_text() for td in tr.find_all("td")] for tr in table.select("tbody tr")]
    assert rows == [
        [long_date(d), STATUS_LABELS[s], " ".join(n.split()) if n else "—", BRIEFS[p]["title"]]
        for d, s, n, p in readings
    ]
    assert [a["href"] for a in table.select("tbody a")] == [brief_href(url, p) for _, _, _, p in readings]


def test_the_chart_is_labelled_scales_to_any_width_and_follows_the_colour_scheme(built_site: BuiltSite):
    indicator_id = max(HISTORY, key=lambda i: len(HISTORY[i]))
    name = INDICATORS[indicator_id]["name"]
    svg = built_site.page(f"indicators/{indicator_id}/").select_one("figure.reading-chart svg")
    assert svg["role"] == "img" and svg["width"] == "100%" and re.fullmatch(r"0 0 \d+ \d+", svg["viewbox"])
    names = [svg.find(id=i).get_text() for i in svg["aria-labelledby"].split()]
    assert name in names[0] and f"{len(HISTORY[indicator_id])} readings" in names[1]
    colours = {el.get(attr) for el in svg.find_all(True) for attr in ("fill", "stroke", "color") if el.get(attr)}
    assert colours <= {"currentColor", "none"}, colours
    assert not svg.find_all(style=True) and not svg.find_all("script")


def test_indicators_index_lists_the_most_recently_read_first_and_shows_what_moved(built_site: BuiltSite):
    page = built_site.page("indicators/")
    items = page.select("article ul li")

    def order(indicator_id: str) -> tuple:
        readings = HISTORY.get(indicator_id)
        newest = readings[-1] if readings else None
        return (newest is None, -newest[0].toordinal() if newest else 0, INDICATORS[indicator_id]["name"].casefold())

    assert [li.a["href"] for li in items] == [f"{i}/" for i in sorted(INDICATORS, key=order)]
    for li in items:
        readings = HISTORY.get(li.a["href"].strip("/"), [])
        summary = " ".join(li.select_one(".reading-summary").get_text().split())
        if not readings:
            assert summary.startswith("No reading yet")
        elif len(readings) >= 2 and readings[-1][1] != readings[-2][1]:
            before, after = STATUS_LABELS[readings[-2][1]], STATUS_LABELS[readings[-1][1]]
            assert summary.startswith(f"Moved: {before} → {after} on {long_date(readings[-1][0])}")
        else:
            assert summary.startswith(f"{STATUS_LABELS[readings[-1][1]]} as of {long_date(readings[-1][0])}")


def test_home_page_shows_what_moved(built_site: BuiltSite):
    moved = [(i, r[-2], r[-1]) for i, r in HISTORY.items() if len(r) >= 2 and r[-1][1] != r[-2][1]]
    moved.sort(
        key=lambda m: (-m[2][0].toordinal(), BRIEFS[m[2][3]]["title"].casefold(), INDICATORS[m[0]]["name"].casefold())
    )
    page = built_site.page("")
    items = page.select(".what-moved li")
    assert len(items) == len(moved[:5]) > 0
    for li, (indicator_id, before, after) in zip(items, moved):
        links = li.find_all("a")
        assert (links[0].get_text(), links[0]["href"]) == (
            INDICATORS[indicator_id]["name"],
            f"indicators/{indicator_id}/",
        )
        assert [s.get_text() for s in li.select(".reading-status")] == [
            STATUS_LABELS[before[1]],
            STATUS_LABELS[after[1]],
        ]
        assert li.select_one("time")["datetime"] == after[0].isoformat()
        assert (links[-1].get_text(), links[-1]["href"]) == (BRIEFS[after[3]]["title"], url_of(after[3]))
    full_list = page.find("a", string=re.compile("Every indicator"))
    assert full_list["href"] == "indicators/"


# -- leverage ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("actor_id", sorted(ACTORS))
def test_actor_page_shows_the_leverage_briefs_judged_it_to_gain_or_lose(built_site: BuiltSite, actor_id: str):
    url = f"actors/{actor_id}/"
    page = built_site.page(url)
    judgements, balance = [], 0
    for path in sorted(BRIEFS, key=lambda p: BRIEFS[p]["date"]):
        leverage = BRIEFS[path].get("leverage", {})
        for side, change in (("gains", 1), ("loses", -1)):
            if actor_id in leverage.get(side, []):
                balance += change
                judgements.append((path, side, balance))
    heading = page.find("h2", id="leverage")
    if not judgements:
        assert heading is None
        return
    signed = lambda n: f"+{n}" if n > 0 else f"−{-n}" if n < 0 else "0"
    rows = [[td.get_text() for td in tr.find_all("td")] for tr in heading.find_next("table").select("tbody tr")]
    assert rows == [
        [long_date(BRIEFS[p]["date"]), side.capitalize(), signed(b), BRIEFS[p]["title"]]
        for p, side, b in reversed(judgements)
    ]
    assert f"stands at {signed(balance)} (" in " ".join(heading.find_next("p").get_text().split())
    assert [a["href"] for a in heading.find_next("table").select("tbody a")] == [
        brief_href(url, p) for p, _, _ in reversed(judgements)
    ]
