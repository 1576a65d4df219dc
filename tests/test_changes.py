"""`briefings.changes`: two catalogs compared in-process, and the comparison as Markdown, escaped for where
each value lands. (`briefings diff REF` on git repositories: tests/test_diff.py.)"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

import markdown
import pytest

from briefings.catalog import Catalog
from briefings.changes import compare
from briefings.changes_markdown import MAX_ROWS, code, fenced, text
from briefings.changes_markdown import markdown as summary
from briefings.kinds import KINDS, EntityKind
from briefings.model import Actor, Brief, Indicator, Leverage, Mechanism, Reading
from briefings.problems import Location, Problem

ACTORS = {i: Actor(id=i, name=i.title(), kind="state", summary="S.") for i in ("qatar", "iran", "oman")}
INDICATORS = {"talks": Indicator(id="talks", name="Talks", summary="S.")}
MECHANISMS = {"mediation": Mechanism(id="mediation", name="Mediation", summary="S.")}


def brief(
    slug: str,
    day: int = 1,
    *,
    title: str | None = None,
    text_digest: str = "t",
    words: int = 100,
    readings=(),
    gains=(),
    draft: bool = False,
) -> Brief:
    return Brief(
        src_uri=f"briefs/2026/{slug}.md",
        title=title or slug.replace("-", " ").capitalize(),
        date=dt.date(2026, 6, day),
        summary="S.",
        named={"actors": ("qatar",), "indicators": ("talks",)},
        leverage=Leverage(tuple(gains)),
        readings=tuple(Reading("talks", status) for status in readings),
        draft=draft,
        text_digest=text_digest,
        words=words,
    )


def catalog(
    *briefs: Brief,
    redirects: dict | None = None,
    entities: dict | None = None,
    left_out=(),
    today: dt.date | None = None,
) -> Catalog:
    kinds = {kind.folder: {} for kind in KINDS}
    kinds.update({"actors": dict(ACTORS), "indicators": dict(INDICATORS), "mechanisms": dict(MECHANISMS)})
    for folder, found in (entities or {}).items():
        kinds[folder] = found
    return Catalog(
        entities=kinds, briefs=list(briefs), left_out=list(left_out), today=today, redirects=dict(redirects or {})
    )


def entity(kind: EntityKind, entity_id: str, **values):
    """An entity of any kind, made as its data file's entry is: from the values of its required options."""
    required = {
        o.field: [value] if o.many else value
        for o in kind.options
        if o.required
        for value in [o.choices[0] if o.choices else f"{entity_id} {o.field}"]
    }
    required["name"] = entity_id.title()
    return kind.build(entity_id, kind.entry({**required, **values}), Location(kind.data_file))


# -- the comparison ----------------------------------------------------------------------------------------


def test_the_same_catalog_changes_nothing_and_says_so_in_one_line():
    before, after = catalog(brief("a")), catalog(brief("a"))
    changes = compare(before, after)
    assert not changes
    assert summary(changes, "origin/main") == "Nothing changes for readers compared with `origin/main`.\n"


def test_briefs_added_removed_and_changed_in_text_title_and_date():
    before = catalog(brief("kept"), brief("retitled"), brief("redated"), brief("gone"))
    after = catalog(
        brief("kept", text_digest="other", words=120),
        brief("retitled", title="New title"),
        brief("redated", day=2),
        brief("new", day=3),
    )
    changes = compare(before, after)
    assert [c.brief.src_uri for c in changes.added] == ["briefs/2026/new.md"]
    assert [c.brief.src_uri for c in changes.removed] == ["briefs/2026/gone.md"]
    edits = {c.brief.src_uri: [(e.field, e.before, e.after) for e in c.edits] for c in changes.changed}
    assert edits == {
        "briefs/2026/kept.md": [("text", 100, 120)],
        "briefs/2026/retitled.md": [("title", "Retitled", "New title")],
        "briefs/2026/redated.md": [("date", dt.date(2026, 6, 1), dt.date(2026, 6, 2))],
    }
    text_ = summary(changes, "main")
    assert "### Briefs added (1)\n" in text_ and "### Briefs removed (1)\n" in text_
    assert "| Kept | `briefs/2026/kept/` | text (100 → 120 words) |" in text_
    assert "| New title | `briefs/2026/retitled/` | title: Retitled → New title |" in text_
    assert "| Redated | `briefs/2026/redated/` | date: 2026-06-01 → 2026-06-02 |" in text_


def test_a_move_is_a_removed_address_that_a_redirect_sends_to_an_added_one():
    before = catalog(brief("old-slug"), brief("dropped"))
    after = catalog(brief("new-slug", title="Old slug"), redirects={"briefs/2026/old-slug/": "briefs/2026/new-slug/"})
    changes = compare(before, after)
    assert [(c.before.src_uri, c.after.src_uri) for c in changes.moved] == [
        ("briefs/2026/old-slug.md", "briefs/2026/new-slug.md")
    ]
    assert not changes.added
    assert [c.brief.src_uri for c in changes.removed] == ["briefs/2026/dropped.md"]
    assert "| Old slug | `briefs/2026/old-slug/` | `briefs/2026/new-slug/` | nothing else |" in summary(changes, "main")
    assert changes.redirects == (("briefs/2026/old-slug/", "briefs/2026/new-slug/"),)


def test_a_brief_that_becomes_a_folder_keeps_its_address_and_has_not_moved():
    folder = dataclasses.replace(brief("a"), src_uri="briefs/2026/a/index.md")
    assert not compare(catalog(brief("a")), catalog(folder))


def test_a_draft_is_not_for_readers_until_it_is_published():
    draft = brief("draft", draft=True)
    assert not compare(catalog(brief("a"), left_out=[draft]), catalog(brief("a"), left_out=[draft]))
    published = compare(catalog(left_out=[draft]), catalog(brief("draft")))
    assert [c.brief.src_uri for c in published.added] == ["briefs/2026/draft.md"]


def test_briefs_scheduled_and_for_when():
    today = dt.date(2026, 6, 10)
    later = dataclasses.replace(brief("later"), date=dt.date(2026, 6, 20))
    changes = compare(catalog(today=today), catalog(left_out=[later], today=today))
    assert changes.scheduled == (later,)
    assert "| Later | 2026-06-20 | `briefs/2026/later/` |" in summary(changes, "main")
    assert not compare(catalog(left_out=[later], today=today), catalog(left_out=[later], today=today))
    put_off = dataclasses.replace(later, date=dt.date(2026, 6, 25))
    assert compare(catalog(left_out=[later], today=today), catalog(left_out=[put_off], today=today)).scheduled


def test_readings_that_move_say_the_status_before_and_after_and_as_of_which_brief():
    before = catalog(brief("first", 1, readings=["steady"]))
    after = catalog(brief("first", 1, readings=["steady"]), brief("second", 5, readings=["advancing"]))
    changes = compare(before, after)
    [move] = changes.readings
    assert (move.indicator.id, move.before.status, move.after.status) == ("talks", "steady", "advancing")
    assert move.after.brief.src_uri == "briefs/2026/second.md"
    assert "| Talks | Steady | Advancing | Second (`briefs/2026/second/`) |" in summary(changes, "main")
    same = catalog(brief("first", 1, readings=["steady"]), brief("second", 5, readings=["steady"]))
    assert not compare(before, same).readings  # read again, standing where it stood


def test_leverage_judgements_added_and_kept_across_a_move():
    before = catalog(brief("a", gains=["qatar"]))
    after = catalog(brief("a", gains=["qatar", "iran"]))
    changes = compare(before, after)
    assert [(item.actor.id, item.judgement.gained) for item in changes.leverage] == [("iran", True)]
    assert "| Iran | gains leverage | A (`briefs/2026/a/`) |" in summary(changes, "main")
    moved = catalog(brief("b", title="A", gains=["qatar"]), redirects={"briefs/2026/a/": "briefs/2026/b/"})
    assert not compare(before, moved).leverage


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.name)
def test_entities_of_every_kind_added_changed_renamed_and_removed(kind: EntityKind):
    kept, renamed, gone = entity(kind, "kept"), entity(kind, "old-id"), entity(kind, "gone")
    before = catalog(entities={kind.folder: {e.id: e for e in (kept, renamed, gone)}})
    after = catalog(
        entities={
            kind.folder: {
                e.id: e
                for e in (
                    entity(kind, "kept", name="Kept again"),
                    dataclasses.replace(renamed, id="new-id"),
                    entity(kind, "added"),
                )
            }
        },
        redirects={f"{kind.folder}/old-id/": f"{kind.folder}/new-id/"},
    )
    changes = compare(before, after)
    [found] = [kc for kc in changes.kinds if kc.kind is kind]
    assert [c.entity.id for c in found.added] == ["added"]
    assert [(c.entity.id, [e.field for e in c.edits]) for c in found.changed] == [("kept", ["name"])]
    assert [(c.before.id, c.after.id) for c in found.renamed] == [("old-id", "new-id")]
    assert [c.entity.id for c in found.removed] == ["gone"]
    markdown_ = summary(changes, "main")
    for part in ("added", "changed", "renamed", "removed"):
        assert f"### {kind.title} {part} (1)\n" in markdown_
    assert f"| Added | `added` | `{kind.folder}/added/` |" in markdown_
    assert f"| Kept again | `{kind.folder}/kept/` | name: Kept → Kept again |" in markdown_
    assert f"| Old-Id | `{kind.folder}/old-id/` | `{kind.folder}/new-id/` | nothing else |" in markdown_


def test_an_entity_renamed_is_no_change_of_the_briefs_and_entities_naming_it():
    before = catalog(
        brief("a", gains=["oman"], readings=["steady"]),
        entities={
            "actors": {**ACTORS},
            "indicators": {"talks": dataclasses.replace(INDICATORS["talks"], actor_ids=("oman",))},
        },
    )
    renamed = {
        **{i: a for i, a in ACTORS.items() if i != "oman"},
        "sultanate": dataclasses.replace(ACTORS["oman"], id="sultanate"),
    }
    after_brief = dataclasses.replace(
        brief("a", gains=["sultanate"], readings=["steady"]), named={"actors": ("qatar",), "indicators": ("talks",)}
    )
    after = catalog(
        after_brief,
        redirects={"actors/oman/": "actors/sultanate/"},
        entities={
            "actors": renamed,
            "indicators": {"talks": dataclasses.replace(INDICATORS["talks"], actor_ids=("sultanate",))},
        },
    )
    changes = compare(before, after)
    assert not changes.changed and not changes.leverage
    [actors] = [kc for kc in changes.kinds if kc.kind.folder == "actors"]
    assert [(c.before.id, c.after.id) for c in actors.renamed] == [("oman", "sultanate")]
    assert not any(kc.changed for kc in changes.kinds)


def test_entity_changes_name_the_fields_and_show_a_new_name():
    before = catalog()
    after = catalog(
        entities={
            "actors": {
                **ACTORS,
                "qatar": dataclasses.replace(ACTORS["qatar"], name="State of Qatar", region="Gulf", aliases=("Doha",)),
            }
        }
    )
    assert "| State of Qatar | `actors/qatar/` | name: Qatar → State of Qatar; aliases; region |" in summary(
        compare(before, after), "main"
    )


def test_long_parts_are_capped():
    many = [brief(f"b{n:02d}", n % 28 + 1) for n in range(MAX_ROWS + 5)]
    markdown_ = summary(compare(catalog(), catalog(*many)), "main")
    assert f"### Briefs added ({MAX_ROWS + 5})\n" in markdown_
    assert markdown_.count("| `briefs/2026/b") == MAX_ROWS
    assert "\nand 5 more\n" in markdown_


def test_errors_are_listed_and_stop_the_comparison():
    errors = [
        Problem(Location("docs/briefs/2026/a.md", 3, 10), f"unknown actor 'qatr{n}': did you mean 'qatar'?")
        for n in range(MAX_ROWS + 2)
    ]
    markdown_ = summary(None, "main", errors)
    assert f"### Errors from the check ({MAX_ROWS + 2})\n" in markdown_
    assert "docs/briefs/2026/a.md:3:10: unknown actor 'qatr0': did you mean 'qatar'?\n" in markdown_
    assert "and 2 more: run 'briefings check' for every one" in markdown_
    assert "shown once the check finds no error" in markdown_


# -- escaping ----------------------------------------------------------------------------------------------

HOSTILE = "A | B *bold* _it_ [link](https://example.org) <img src=x onerror=alert(1)> `code` $x$ ~~s~~\nline # 2"


def render(markdown_: str) -> str:
    return markdown.markdown(markdown_, extensions=["tables"])


def test_author_text_lands_in_a_cell_as_written():
    escaped = text(HOSTILE)
    assert "\n" not in escaped
    html = render(f"| Brief |\n| --- |\n| {escaped} |\n")
    assert html.count("<td>") == 1
    for tag in ("<a", "<img", "<em", "<strong", "<code", "<del"):
        assert tag not in html, tag
    # Python-Markdown leaves the backslash before `$` and `~` (GitHub's maths and strikethrough), which GitHub's
    # CommonMark removes like any other escape of punctuation.
    cell = re.sub(r"\\([$~])", r"\1", re.search(r"<td>(.*)</td>", html, re.S).group(1))
    assert cell == (
        "A | B *bold* _it_ [link](https://example.org) &lt;img src=x onerror=alert(1)&gt; `code` $x$ ~~s~~ line # 2"
    )


def test_a_hostile_title_keeps_the_table_whole():
    hostile = brief("hostile", title=HOSTILE)
    html = render(summary(compare(catalog(), catalog(hostile)), "main"))
    [row] = re.findall(r"<tr>\s*<td>.*?</tr>", html, re.S)
    assert row.count("<td>") == 3
    assert "<a " not in html and "<img" not in html


def test_long_text_is_cut_and_control_characters_dropped():
    assert text("x" * 500).endswith("…") and len(text("x" * 500)) == 160
    assert text("a\x00b\x1b[31mc\r\nd") == "ab\\[31mc d"


def test_code_falls_back_to_text_when_it_would_break():
    assert code("briefs/2026/a/") == "`briefs/2026/a/`"
    assert code("a`b|c") == "a\\`b\\|c"
    assert summary(compare(catalog(), catalog(brief("a"))), "x`y").startswith(
        "## What this change does for readers, compared with x\\`y\n"
    )


def test_messages_are_fenced_by_more_backticks_than_they_hold():
    assert fenced(["a ```` b", "c\nd"]) == ["`````text", "a ```` b", "c d", "`````"]
    assert fenced(["plain"]) == ["```text", "plain", "```"]
