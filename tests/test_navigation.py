"""Where a reader stands and where to read on, in-process: the section and breadcrumbs of each page, the briefs
before and after a brief, the briefs related to it, and which preview pages these make depend on each other."""

from __future__ import annotations

import dataclasses
import datetime as dt
import gc
import time

import pytest

from briefings.catalog import RELATED_LIMIT, RELATED_WINDOW, Catalog
from briefings.loader import Changes
from briefings.model import Actor, Brief, Mechanism
from briefings.navigation import Crumb, place_of, section_of
from briefings.preview import pages_to_rebuild
from briefings.reuse import Fingerprints
from briefings.urls import BRIEFS_INDEX

ACTORS = {i: Actor(id=i, name=i.title(), kind="state", summary="S.") for i in ("qatar", "iran", "oman", "usa")}
MECHANISMS = {i: Mechanism(id=i, name=i.title(), summary="S.") for i in ("mediation", "deniability")}


def brief(day: int, actors=(), mechanisms=(), *, month: int = 6, title: str | None = None) -> Brief:
    slug = title.replace(" ", "-") if title else f"b{month:02d}{day:02d}"
    return Brief(
        src_uri=f"briefs/2026/{slug}.md",
        title=title or f"Brief {month}/{day}",
        date=dt.date(2026, month, day),
        summary="S.",
        named={"actors": tuple(actors), "indicators": (), "mechanisms": tuple(mechanisms)},
    )


def catalog(*briefs: Brief) -> Catalog:
    return Catalog(
        entities={"actors": ACTORS, "indicators": {}, "mechanisms": MECHANISMS, "authors": {}, "regions": {}},
        briefs=list(briefs),
    )


def titles(briefs) -> list[str]:
    return [b.title for b in briefs]


# -- sections and breadcrumbs ----------------------------------------------------------------------------------


def test_each_page_outside_the_navigation_belongs_to_the_section_of_its_folder():
    assert section_of("briefs/2026/doha.md") == BRIEFS_INDEX
    assert section_of("tags/index.md") == BRIEFS_INDEX  # the navigation lists Tags under Briefs
    assert section_of("actors/qatar.md") == "actors/index.md"
    assert section_of("indicators/talks.md") == "indicators/index.md"
    assert section_of("mechanisms/mediation.md") == "mechanisms/index.md"
    assert section_of("index.md") is None and section_of("about.md") is None
    # Authors and regions are ways of browsing briefs: under Briefs in the navigation, not tabs of their own.
    assert section_of("authors/index.md") == section_of("authors/a-writer.md") == BRIEFS_INDEX
    assert section_of("regions/index.md") == section_of("regions/gulf.md") == BRIEFS_INDEX


def test_a_brief_stands_under_its_month_of_the_archive_and_an_entity_under_its_kind():
    c = catalog(brief(3, ("qatar",), month=3))
    assert place_of(c, "briefs/2026/b0303.md").trail == (
        Crumb("Briefs", BRIEFS_INDEX),
        Crumb("March 2026", BRIEFS_INDEX, "march-2026"),
    )
    assert place_of(c, "actors/qatar.md").trail == (Crumb("Actors", "actors/index.md"),)
    assert place_of(c, "mechanisms/mediation.md").trail == (Crumb("Mechanisms", "mechanisms/index.md"),)
    assert place_of(c, "tags/index.md").trail == (Crumb("Briefs", BRIEFS_INDEX),)
    assert place_of(c, "authors/a-writer.md").trail == (
        Crumb("Briefs", BRIEFS_INDEX),
        Crumb("Authors", "authors/index.md"),
    )
    assert place_of(c, "regions/gulf.md").trail == (Crumb("Briefs", BRIEFS_INDEX), Crumb("Regions", "regions/index.md"))
    assert place_of(c, "regions/index.md").trail == (Crumb("Briefs", BRIEFS_INDEX),)
    assert place_of(c, "actors/index.md") is None and place_of(c, BRIEFS_INDEX) is None
    assert place_of(c, "about.md") is None


# -- previous and next -----------------------------------------------------------------------------------------


def test_previous_and_next_follow_the_dates_of_publication():
    first, second, third = brief(1), brief(10), brief(20)
    c = catalog(third, first, second)
    assert (c.previous_brief(first), c.next_brief(first)) == (None, second)
    assert (c.previous_brief(second), c.next_brief(second)) == (first, third)
    assert (c.previous_brief(third), c.next_brief(third)) == (second, None)


def test_drafts_left_out_of_the_site_are_nobody_s_neighbour():
    first, draft, last = brief(1), brief(10), brief(20)
    c = Catalog(
        entities={"actors": ACTORS, "indicators": {}, "mechanisms": MECHANISMS, "authors": {}, "regions": {}},
        briefs=[first, last],
        left_out=[draft],
    )
    assert c.next_brief(first) is last and c.previous_brief(last) is first


# -- related briefs --------------------------------------------------------------------------------------------


def test_related_briefs_share_the_most_a_mechanism_counting_twice_an_actor_ties_to_the_most_recent():
    subject = brief(15, ("qatar", "iran", "oman"), ("mediation",))
    c = catalog(
        subject,
        brief(1, ("qatar", "iran", "oman"), title="three actors"),  # 3
        brief(2, ("usa",), ("mediation",), title="the mechanism"),  # 2
        brief(3, ("qatar",), ("mediation",), title="an actor and the mechanism"),  # 3, more recent
        brief(4, ("qatar",), title="one actor, older"),  # 1
        brief(5, ("iran",), title="one actor, newer"),  # 1
        brief(6, ("usa",), ("deniability",), title="nothing shared"),
    )
    assert (
        titles(c.related_briefs(subject))
        == ["an actor and the mechanism", "three actors", "the mechanism", "one actor, newer"][:RELATED_LIMIT]
    )
    assert "nothing shared" not in titles(c.related_briefs(subject))


def test_a_brief_is_never_related_to_itself_and_one_sharing_nothing_has_none():
    alone, other = brief(1, ("usa",)), brief(2, ("qatar",))
    c = catalog(alone, other)
    assert c.related_briefs(alone) == [] and c.related_briefs(other) == []


def test_related_briefs_come_from_the_briefs_closest_in_time_naming_each_entity():
    """An actor named by many briefs adds only the `RELATED_WINDOW` nearest on each side as candidates."""
    many = [brief(1 + k % 28, ("qatar",), month=1 + k // 28, title=f"k{k}") for k in range(200)]
    c = catalog(*many)
    middle = many[100]
    candidates = c.related_candidates(middle)
    assert len(candidates) == 2 * RELATED_WINDOW
    assert {b.title for b in candidates} == {f"k{k}" for k in range(100 - RELATED_WINDOW, 101 + RELATED_WINDOW)} - {
        "k100"
    }
    assert titles(c.related_briefs(middle)) == [
        f"k{k}" for k in range(100 + RELATED_WINDOW, 100 + RELATED_WINDOW - RELATED_LIMIT, -1)
    ]


def test_related_briefs_take_time_linear_in_the_number_of_briefs():
    """Every brief names the same two actors: without a bound on candidates, the work would be quadratic."""

    def build(n: int) -> float:
        briefs = [
            brief(1 + k % 28, ("qatar", "iran"), ("mediation",), month=1 + k % 12, title=f"B{k}") for k in range(n)
        ]
        gc.disable()  # a collection's cost grows with every object alive, not with this work
        started = time.process_time()  # this process's time: what other processes do does not count
        c = catalog(*briefs)
        for b in c.briefs:
            c.related_briefs(b)
        elapsed = time.process_time() - started
        gc.enable()
        return elapsed

    build(500)  # warm up
    small, large = min(build(1000) for _ in range(2)), min(build(4000) for _ in range(2))
    assert large < small * 8, (small, large)  # 4x the briefs: well under the 16x of a quadratic ranking


# -- what a save makes the preview write again -----------------------------------------------------------------


def _rebuilt(before: list[Brief], after: list[Brief], changed: set[str]) -> set[str]:
    old, new = catalog(*before), catalog(*after)
    pages = pages_to_rebuild(
        Fingerprints(old, directory_urls=True, leave_out=set()),
        Fingerprints(new, directory_urls=True, leave_out=set()),
        Changes(frozenset(changed), False),
    )
    return {p for p in pages if p.startswith("briefs/2026/")}


def test_a_new_brief_makes_its_neighbours_show_it_as_previous_or_next():
    a, b, c = brief(1, ("usa",)), brief(10, ("oman",)), brief(20, ("iran",))
    new = brief(15, ("qatar",))
    assert _rebuilt([a, b, c], [a, b, new, c], {new.src_uri}) == {new.src_uri, b.src_uri, c.src_uri}
    # ... and a removed one makes its former neighbours show each other.
    assert _rebuilt([a, b, new, c], [a, b, c], {new.src_uri}) == {new.src_uri, b.src_uri, c.src_uri}


def test_a_brief_whose_title_changes_changes_the_briefs_it_is_related_to_and_no_other():
    # Briefs 1 to 6 share two actors among themselves, so that only 7 to 10 list the edited brief.
    related = [brief(day, ("qatar", "iran") if day <= 6 else ("qatar",), month=1) for day in range(1, 11)]
    unrelated = [brief(day, ("usa",), month=2) for day in range(1, 6)]
    edited = brief(20, ("qatar",), month=3)
    before = [*related, *unrelated, edited]
    retitled = dataclasses.replace(edited, title="A new title")
    after = [*related, *unrelated, retitled]
    c = catalog(*after)
    expected = {b.src_uri for b in related if retitled in c.related_briefs(b)}
    assert expected and len(expected) < len(related)
    neighbours = {unrelated[-1].src_uri}  # published just before it
    assert _rebuilt(before, after, {edited.src_uri}) == {edited.src_uri, *expected, *neighbours}


@pytest.mark.parametrize("seed", range(5))
def test_the_briefs_the_preview_writes_again_are_all_whose_related_or_neighbours_change(seed: int):
    """Against brute force: after a brief is added, the pages not written again show what they showed."""
    import random

    rng = random.Random(seed)
    actors, mechanisms = list(ACTORS), list(MECHANISMS)

    def random_brief(k: int) -> Brief:
        return brief(
            1 + k % 28,
            rng.sample(actors, rng.randint(1, 3)),
            rng.sample(mechanisms, rng.randint(0, 1)),
            month=1 + k % 12,
            title=f"B{k}",
        )

    before = [random_brief(k) for k in range(150)]
    new = random_brief(1000)
    old_catalog, new_catalog = catalog(*before), catalog(*before, new)
    rebuilt = _rebuilt(before, [*before, new], {new.src_uri})

    def shown(c: Catalog, b: Brief) -> list:
        return [(o.src_uri, o.title) for o in (*c.related_briefs(b), c.previous_brief(b), c.next_brief(b)) if o]

    changed = {b.src_uri for b in before if shown(old_catalog, b) != shown(new_catalog, b)}
    assert changed <= rebuilt
    assert len(rebuilt) < len(before) // 2
