"""The catalog's indexes of readings, leverage and mechanisms, and the chart's geometry, in-process."""

from __future__ import annotations

import datetime as dt
import json
import re

import jinja2
import markdown
import pytest

from briefings.catalog import Catalog
from briefings.chart import ROWS, reading_chart
from briefings.model import READING_STATUSES, Actor, Brief, Indicator, Leverage, Mechanism, Reading
from briefings.site import Site
from briefings.templating import PageTemplates
from conftest import ROOT

ACTORS = {i: Actor(id=i, name=i.title(), kind="state", summary="S.") for i in ("qatar", "iran", "oman")}
INDICATORS = {
    i: Indicator(id=i, name=name, summary="S.")
    for i, name in (("talks", "Talks"), ("fire", "Exchanges of fire"), ("terms", "Terms"), ("quiet", "Quiet"))
}
MECHANISMS = {
    "mediation": Mechanism(id="mediation", name="Mediation", summary="S.", related_ids=("gatekeeping",)),
    "gatekeeping": Mechanism(id="gatekeeping", name="Gatekeeping", summary="S."),
    "deniability": Mechanism(id="deniability", name="Deniability", summary="S.", related_ids=("mediation",)),
}


def brief(day: int, *, readings=(), gains=(), loses=(), actors=("qatar",), mechanisms=(), title=None) -> Brief:
    """A brief published on `day` June 2026; readings as (indicator, status) pairs."""
    return Brief(
        src_uri=f"briefs/2026/b{day:02d}.md",
        title=title or f"Brief of {day} June",
        date=dt.date(2026, 6, day),
        summary="S.",
        named={"actors": tuple(actors), "indicators": tuple(i for i, _ in readings), "mechanisms": tuple(mechanisms)},
        leverage=Leverage(tuple(gains), tuple(loses)),
        readings=tuple(Reading(i, status) for i, status in readings),
    )


def catalog(*briefs: Brief) -> Catalog:
    entities = {"actors": ACTORS, "indicators": INDICATORS, "mechanisms": MECHANISMS}
    return Catalog(entities={"authors": {}, "regions": {}, **entities}, briefs=list(briefs))


# Given out of order on purpose: the catalog orders them.
BRIEFS = [
    brief(
        20,
        readings=[("talks", "steady"), ("fire", "reversing")],
        gains=["iran"],
        loses=["qatar"],
        actors=("qatar", "iran"),
    ),
    brief(
        1,
        readings=[("talks", "steady"), ("fire", "advancing")],
        gains=["qatar"],
        mechanisms=("mediation",),
        actors=("qatar", "iran"),
    ),
    brief(
        10,
        readings=[("talks", "advancing"), ("terms", "steady")],
        gains=["qatar"],
        mechanisms=("mediation", "gatekeeping"),
        actors=("qatar", "oman"),
    ),
    brief(15, readings=[("terms", "steady")], loses=["qatar"], mechanisms=("mediation",)),
]


def test_a_brief_binds_its_readings_to_itself():
    b = BRIEFS[0]
    assert [(r.indicator_id, r.status, r.brief, r.date) for r in b.readings] == [
        ("talks", "steady", b, dt.date(2026, 6, 20)),
        ("fire", "reversing", b, dt.date(2026, 6, 20)),
    ]
    assert b.readings[1].label == "Reversing"


def test_readings_of_an_indicator_are_in_date_order_and_the_latest_is_the_newest():
    c = catalog(*BRIEFS)
    talks = INDICATORS["talks"]
    assert [(r.date.day, r.status) for r in c.readings_of(talks)] == [(1, "steady"), (10, "advancing"), (20, "steady")]
    assert (c.latest_reading(talks).date.day, c.latest_reading(talks).status) == (20, "steady")
    assert c.readings_of(INDICATORS["quiet"]) == [] and c.latest_reading(INDICATORS["quiet"]) is None


def test_what_moved_lists_exactly_the_indicators_whose_last_two_readings_differ_latest_first():
    c = catalog(*BRIEFS)
    moved = c.what_moved()
    # talks: advancing -> steady (20th); fire: advancing -> reversing (20th); terms: steady -> steady; quiet: none
    assert [(m.indicator.id, m.before.status, m.after.status, m.after.date.day) for m in moved] == [
        ("fire", "advancing", "reversing", 20),
        ("talks", "advancing", "steady", 20),
    ]
    assert [m.indicator.id for m in c.what_moved(1)] == ["fire"]
    assert c.movement(INDICATORS["terms"]) is None and c.movement(INDICATORS["quiet"]) is None


def test_what_moved_puts_the_latest_change_first():
    c = catalog(
        brief(1, readings=[("talks", "steady"), ("fire", "steady")]),
        brief(5, readings=[("fire", "advancing")]),
        brief(9, readings=[("talks", "resolved")]),
    )
    assert [(m.indicator.id, m.after.date.day) for m in c.what_moved()] == [("talks", 9), ("fire", 5)]


def test_indicators_are_listed_the_most_recently_read_first_and_the_unread_last():
    c = catalog(*BRIEFS)
    assert [i.id for i in c.indicators_by_reading()] == ["fire", "talks", "terms", "quiet"]


def test_leverage_of_an_actor_runs_in_date_order_with_its_balance():
    c = catalog(*BRIEFS)
    qatar = [(j.brief.date.day, j.gained, j.balance) for j in c.leverage_of(ACTORS["qatar"])]
    assert qatar == [(1, True, 1), (10, True, 2), (15, False, 1), (20, False, 0)]
    assert [(j.brief.date.day, j.gained, j.balance) for j in c.leverage_of(ACTORS["iran"])] == [(20, True, 1)]
    assert c.leverage_of(ACTORS["oman"]) == []


def test_related_mechanisms_are_related_both_ways_and_actors_involved_are_counted():
    c = catalog(*BRIEFS)
    assert [m.id for m in c.related_mechanisms(MECHANISMS["mediation"])] == ["deniability", "gatekeeping"]
    assert [m.id for m in c.related_mechanisms(MECHANISMS["gatekeeping"])] == ["mediation"]
    involved = [(a.id, n) for a, n in c.actors_involved(MECHANISMS["mediation"])]
    assert involved == [("qatar", 3), ("iran", 1), ("oman", 1)]
    assert [b.date.day for b in c.briefs_naming(MECHANISMS["mediation"])] == [15, 10, 1]
    assert c.actors_involved(MECHANISMS["deniability"]) == []


def test_drafts_left_out_of_the_site_count_nowhere():
    draft = brief(25, readings=[("terms", "advancing")], gains=["oman"])
    c = Catalog(
        entities={"actors": ACTORS, "indicators": INDICATORS, "mechanisms": MECHANISMS, "authors": {}, "regions": {}},
        briefs=list(BRIEFS),
        left_out=[draft],
    )
    assert c.movement(INDICATORS["terms"]) is None
    assert c.leverage_of(ACTORS["oman"]) == []


def test_the_catalog_indexes_many_briefs_in_linear_time():
    """Doubling the briefs about doubles the work: no index compares every brief with every other."""
    import gc
    import time

    def build(n: int) -> float:
        briefs = [
            brief(
                1 + k % 28,
                title=f"B{k}",
                readings=[("talks", ("steady", "advancing")[k % 2])],
                gains=["qatar"],
                mechanisms=("mediation",),
            )
            for k in range(n)
        ]
        gc.disable()  # a collection's cost grows with every object alive, not with this work
        started = time.process_time()  # this process's time: what other processes do does not count
        c = catalog(*briefs)
        c.what_moved(), c.leverage_of(ACTORS["qatar"]), c.indicators_by_reading()
        elapsed = time.process_time() - started
        gc.enable()
        return elapsed

    build(2000)  # warm up
    small, large = min(build(4000) for _ in range(3)), min(build(16000) for _ in range(3))
    assert large < small * 8, (small, large)  # 4x the briefs: well under the 16x of a quadratic index


# -- the chart -------------------------------------------------------------------------------------------------


def test_the_chart_has_one_mark_per_reading_left_to_right_in_date_order_on_its_status_row():
    c = catalog(*BRIEFS)
    chart = reading_chart(c.readings_of(INDICATORS["talks"]))
    xs = [m.x for m in chart.marks]
    assert [m.reading.date.day for m in chart.marks] == [1, 10, 20]
    assert xs == sorted(xs) and chart.left <= xs[0] and xs[-1] <= chart.right
    row = {r.label: r.y for r in chart.rows}
    assert [row[m.reading.label] for m in chart.marks] == [row["Steady"], row["Advancing"], row["Steady"]]
    assert [r.label for r in chart.rows] == [READING_STATUSES[s] for s in ROWS]
    assert chart.points == " ".join(f"{m.x},{m.y}" for m in chart.marks)
    # the gaps between marks follow the gaps between dates (9 days, then 10)
    assert (xs[2] - xs[1]) / (xs[1] - xs[0]) == pytest.approx(10 / 9, rel=0.02)


def test_a_single_reading_sits_in_the_middle_and_date_labels_never_crowd():
    single = reading_chart([BRIEFS[3].readings[0]])
    assert single.marks[0].x == (single.left + single.right) / 2 and len(single.ticks) == 1
    crowded = [brief(d, readings=[("talks", "steady")]).readings[0] for d in range(1, 29)]
    chart = reading_chart(crowded)
    assert len(chart.marks) == 28
    gaps = [b.x - a.x for a, b in zip(chart.ticks, chart.ticks[1:])]
    assert gaps and min(gaps) >= 44
    assert chart.ticks[-1].label == "28 Jun"  # the latest date is always labelled


def test_the_statuses_are_one_vocabulary_in_the_model_and_the_schema():
    schema = json.loads((ROOT / "briefings/schemas/brief.schema.json").read_text("utf-8"))
    assert schema["$defs"]["status"]["enum"] == list(READING_STATUSES) and set(ROWS) == set(READING_STATUSES)


def test_a_brief_s_author_names_and_the_regions_within_each_other():
    from briefings.model import Author, Region

    writer = Author(id="a-writer", name="A. Writer", role="Analyst", summary="Writes.")
    editor = Author(id="b-editor", name="B. Editor", role="Editor", summary="Edits.")
    middle_east = Region(id="middle-east", name="Middle East", summary="S.")
    gulf = Region(id="gulf", name="Gulf", summary="S.", parent_id="middle-east")
    levant = Region(id="levant", name="Levant", summary="S.", parent_id="middle-east")
    written = Brief(
        src_uri="briefs/2026/w.md",
        title="W",
        date=dt.date(2026, 6, 1),
        summary="S.",
        named={"actors": ("qatar",), "authors": ("b-editor", "a-writer"), "regions": ("gulf",)},
    )
    c = Catalog(
        entities={
            "actors": ACTORS,
            "indicators": INDICATORS,
            "mechanisms": MECHANISMS,
            "authors": {a.id: a for a in (writer, editor)},
            "regions": {r.id: r for r in (gulf, middle_east, levant)},
        },
        briefs=[written],
    )
    assert c.author_names(written) == ["B. Editor", "A. Writer"]  # in the front matter's order
    assert written.authors == ("b-editor", "a-writer") and written.regions == ("gulf",)
    assert c.briefs_naming(gulf) == [written] and c.briefs_naming(middle_east) == []
    assert c.region_roots() == [middle_east] and c.subregions(middle_east) == [gulf, levant]
    assert c.subregions(gulf) == []


def test_what_moved_writes_each_movement_as_an_item_of_its_own():
    """A template's link ending a line keeps the line break after it (the page lists each movement apart)."""
    c = catalog(*BRIEFS)
    html = markdown.markdown(
        Site(c).render("what-moved.md", "index.md", movements=c.what_moved()), extensions=["md_in_html"]
    )
    items = re.findall(r"<li>.*?</li>", html, re.S)
    assert len(items) == 2 and all(item.count("<time") == 1 for item in items)
    assert html.rstrip().endswith("Every indicator, the most recently read first</a></p>")


def test_templates_get_what_they_show_in_their_context_and_nothing_from_globals():
    """The environment of page templates holds Jinja's own globals and the filters, nothing of the catalog: a
    template's inputs are its context (worked out by its page module or macro), `href` and `page`."""
    assert set(PageTemplates().env.globals) == set(jinja2.Environment().globals)
    with pytest.raises(jinja2.UndefinedError):
        PageTemplates().render("latest.md", "index.md")  # `listed` is the macro's to give
