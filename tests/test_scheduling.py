"""Scheduled briefs: a brief dated after the day of the build is published nowhere until that day, the preview
shows it marked, `check` lists it, and no published page may link it. The day comes from SOURCE_DATE_EPOCH
(briefings/clock.py), which these tests set."""

from __future__ import annotations

import datetime as dt
import gzip
import json
import re
from pathlib import Path

import pytest

from briefings import clock
from briefings.links import PageLinks, Published, Reference, resolve_links
from briefings.loader import load_project
from briefings.multilingual import LanguageBuild
from briefings.pages.brief import Publication
from briefings.preview import Preview
from briefings.problems import Location, Problems
from briefings.project import Project
from conftest import briefings_here, copy_project, mkdocs_build, search_records, soup

DAY = dt.date(2026, 12, 9)
SLUG = "zanzibar-scheduled-terms"
SRC = f"briefs/2026/{SLUG}.md"
#: A word of its title that no other page holds, to look for in every file of the site.
MARKER = "Zanzibarian"


def epoch(day: dt.date) -> str:
    return str(int(dt.datetime(day.year, day.month, day.day, 12, tzinfo=dt.UTC).timestamp()))


BEFORE = {clock.ENVIRONMENT_VARIABLE: epoch(DAY - dt.timedelta(days=1))}
ON_THE_DAY = {clock.ENVIRONMENT_VARIABLE: epoch(DAY)}


def add_scheduled_brief(project: Path) -> Path:
    """A copy of a published brief, retitled and dated DAY, with a reading and a leverage judgement of its own."""
    text = (project / "docs/briefs/2026/doha-indirect-talks.md").read_text("utf-8")
    text = re.sub(r"^title: .*$", f"title: {MARKER} terms for the Doha channel", text, count=1, flags=re.M)
    text = re.sub(r"^date: .*$", f"date: {DAY}", text, count=1, flags=re.M)
    text = re.sub(r"^updated: .*\n", "", text, flags=re.M)
    text = re.sub(r"^corrections:\n(?:  .*\n)+", "", text, flags=re.M)
    path = project / "docs" / SRC
    path.write_text(text, "utf-8")
    return path


@pytest.fixture
def scheduled(tmp_path: Path) -> Path:
    project = copy_project(tmp_path / "project")
    add_scheduled_brief(project)
    return project


def test_today_is_source_date_epoch_s_day_in_utc_else_the_clock_s():
    assert clock.today({"SOURCE_DATE_EPOCH": "1924991999"}) == dt.date(2030, 12, 31)  # 23:59:59 UTC
    assert clock.today({"SOURCE_DATE_EPOCH": "1924992000"}) == dt.date(2031, 1, 1)
    assert clock.today({}) == dt.datetime.now(dt.UTC).date()
    with pytest.raises(clock.ClockError, match="SOURCE_DATE_EPOCH is 'tomorrow'"):
        clock.today({"SOURCE_DATE_EPOCH": "tomorrow"})


def test_a_scheduled_brief_is_in_the_catalog_only_from_its_day(scheduled: Path, monkeypatch):
    monkeypatch.setenv(clock.ENVIRONMENT_VARIABLE, BEFORE[clock.ENVIRONMENT_VARIABLE])
    before = load_project(Project.at(scheduled))
    assert before.ok and not before.problems.errors, [str(p) for p in before.problems]
    catalog = before.catalog
    assert catalog.brief(SRC) is None and not catalog.publishes(SRC)
    assert [b.src_uri for b in catalog.left_out if not b.draft] == [SRC]
    assert [b.src_uri for b in catalog.scheduled()] == [SRC]
    assert before.scheduled == ((f"docs/{SRC}", DAY),)
    qatar = catalog.actors["qatar"]
    assert SRC not in {b.src_uri for b in catalog.briefs_naming(qatar)}
    assert all(r.brief.src_uri != SRC for i in catalog.indicators.values() for r in catalog.readings_of(i))
    assert all(j.brief.src_uri != SRC for a in catalog.actors.values() for j in catalog.leverage_of(a))
    assert all(SRC not in {b.src_uri for b in catalog.related_briefs(b)} for b in catalog.briefs)
    assert catalog.next_brief(catalog.briefs[0]) is None

    monkeypatch.setenv(clock.ENVIRONMENT_VARIABLE, ON_THE_DAY[clock.ENVIRONMENT_VARIABLE])
    on_the_day = load_project(Project.at(scheduled))
    assert on_the_day.ok and on_the_day.scheduled == ()
    catalog = on_the_day.catalog
    assert catalog.brief(SRC) is not None and catalog.publishes(SRC) and catalog.briefs[0].src_uri == SRC
    assert SRC in {b.src_uri for b in catalog.briefs_naming(catalog.actors["qatar"])}


def test_a_malformed_source_date_epoch_is_an_error_not_a_traceback(scheduled: Path):
    result = briefings_here("check", cwd=scheduled, env={"SOURCE_DATE_EPOCH": "soon"})
    assert result.returncode == 1 and "Traceback" not in result.output
    assert "SOURCE_DATE_EPOCH:1:1: SOURCE_DATE_EPOCH is 'soon', not a number of seconds" in result.stdout


def test_check_lists_what_is_scheduled_without_making_it_a_problem(scheduled: Path):
    draft = (scheduled / "docs" / SRC).read_text("utf-8").replace("\ndate:", "\ndraft: true\ndate:", 1)
    (scheduled / "docs/briefs/2026/later-draft.md").write_text(draft.replace(MARKER, "Drafted"), "utf-8")
    result = briefings_here("check", cwd=scheduled, env=BEFORE)
    assert result.returncode == 0, result.output
    assert f"docs/{SRC}: scheduled for {DAY}" in result.stderr.splitlines()
    assert "later-draft.md" not in result.output  # a draft is not scheduled, whatever its date
    assert "0 errors" in result.stderr and SLUG not in result.stdout
    on_the_day = briefings_here("check", cwd=scheduled, env=ON_THE_DAY)
    assert on_the_day.returncode == 0 and "scheduled for" not in on_the_day.output
    only_data = briefings_here("check", "data", cwd=scheduled, env=BEFORE)
    assert "scheduled for" not in only_data.output  # shown for the paths asked about


def _previewed(project: Path):
    """The project as the live preview reads it, and its site in the default language."""
    preview = Preview()
    return preview.load(Project.at(project), {}, {}), preview.in_language(LanguageBuild.of(None))


def test_the_preview_shows_a_scheduled_brief_marked_with_its_date(scheduled: Path, monkeypatch):
    monkeypatch.setenv(clock.ENVIRONMENT_VARIABLE, BEFORE[clock.ENVIRONMENT_VARIABLE])
    loaded, site = _previewed(scheduled)
    assert loaded.ok and site.catalog.brief(SRC) is not None and site.catalog.briefs[0].src_uri == SRC
    publication = Publication(url="http://127.0.0.1:8000/" + SRC[:-3] + "/", site_name="Briefings")
    page = site.brief_markdown(SRC, "Body.", publication=publication)
    assert '!!! warning "Scheduled for 9 December 2026"' in page
    assert "the published site leaves it out\n    until that day" in page
    other = site.brief_markdown("briefs/2026/doha-indirect-talks.md", "Body.", publication=publication)
    assert "Scheduled for" not in other

    monkeypatch.setenv(clock.ENVIRONMENT_VARIABLE, ON_THE_DAY[clock.ENVIRONMENT_VARIABLE])
    loaded, site = _previewed(scheduled)
    assert "Scheduled for" not in site.brief_markdown(SRC, "Body.", publication=publication)


def _site_text(site: Path) -> dict[str, str]:
    """Every file of a built site as text (the compressed sitemap decompressed)."""
    texts = {}
    for path in site.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            if path.suffix == ".gz":
                data = gzip.decompress(data)
            texts[path.relative_to(site).as_posix()] = data.decode("utf-8", "replace")
    return texts


def test_a_scheduled_brief_is_nowhere_in_the_built_site_until_its_day(scheduled: Path, tmp_path: Path):
    before = mkdocs_build(scheduled, tmp_path / "before", env=BEFORE)
    assert before.returncode == 0, before.output
    site = tmp_path / "before"
    assert not (site / f"briefs/2026/{SLUG}").exists()
    holding = sorted(
        rel for rel, text in _site_text(site).items() if SLUG in text or MARKER in text or MARKER.lower() in text
    )
    assert holding == []  # no page, listing, feed, sitemap, open data, search word or record names it
    catalog = json.loads((site / "data/catalog.json").read_text("utf-8"))
    assert SLUG not in {b["url"].rstrip("/").rsplit("/", 1)[-1] for b in catalog["briefs"]}
    assert not any(SLUG in url for url in search_records(site))

    after = mkdocs_build(scheduled, tmp_path / "after", env=ON_THE_DAY)
    assert after.returncode == 0, after.output
    site = tmp_path / "after"
    url = f"briefs/2026/{SLUG}/"
    page = soup(site / url / "index.html")
    assert page.find("h1").get_text().startswith(MARKER) and "Scheduled for" not in page.get_text()
    home = soup(site / "index.html")
    assert any(a["href"].rstrip("/").endswith(SLUG) for a in home.select("article a[href]"))
    assert SLUG in (site / "feed.xml").read_text("utf-8")
    assert SLUG in (site / "actors/qatar/feed.xml").read_text("utf-8")
    assert SLUG in (site / "sitemap.xml").read_text("utf-8")
    published = json.loads((site / "data/catalog.json").read_text("utf-8"))["briefs"]
    assert any(b["url"].rstrip("/").endswith(SLUG) for b in published)
    assert f"/{url}" in search_records(site)
    actor = soup(site / "actors/qatar/index.html")
    assert any(SLUG in a["href"] for a in actor.select(".brief-list__title a"))


def _published(unpublished: dict) -> Published:
    pages = {
        src: PageLinks((Reference(Location(f"docs/{src}", 3), target),)) if target else PageLinks()
        for src, target in (("a.md", "b.md"), ("b.md", "c.md"), ("c.md", "d.md"), ("d.md", "e.md"), ("e.md", None))
    }
    return Published(pages=pages, files=frozenset(), generated=frozenset(), unpublished=unpublished)


def test_a_page_may_link_only_what_is_published_by_its_own_day():
    """a (published) -> b (scheduled 9 Dec) -> c (scheduled 10 Dec) -> d (scheduled 10 Dec) -> e (draft)."""
    problems = Problems()
    resolve_links(
        _published({"b.md": DAY, "c.md": DAY + dt.timedelta(days=1), "d.md": DAY + dt.timedelta(days=1), "e.md": None}),
        problems,
    )
    errors = sorted(str(p) for p in problems.errors)
    assert errors == [
        "docs/a.md:3:1: the link 'b.md' leads to a brief scheduled for 2026-12-09, which the published site "
        "leaves out until that day: link to it once it is published",
        "docs/b.md:3:1: the link 'c.md' leads to a brief scheduled for 2026-12-10, after this brief's own day "
        "(2026-12-09): link to it once it is published, or schedule this brief for that day or later",
        "docs/d.md:3:1: the link 'e.md' leads to a draft, which the published site leaves out: link to it once "
        "it is published",
    ]
