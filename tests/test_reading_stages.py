"""The stages `load_project` runs, each on its own, in-process: the docs folder, front matter, a data file and
the references between entries, the rules of one brief, the rules across briefs."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from briefings import brief_rules, site_rules
from briefings.datafiles import AnyId, check_references, read_data_file
from briefings.frontmatter import read_front_matter
from briefings.kinds import BY_NAME
from briefings.model import Brief
from briefings.problems import Location, Problems
from briefings.project import Project
from briefings.sources import docs_folder
from briefings.yamldoc import parse_yaml


def messages(problems: Problems) -> list[str]:
    return [str(p) for p in problems]


def test_the_docs_folder_gives_pages_and_files_and_refuses_what_it_may_not_publish(tmp_path: Path):
    docs = tmp_path / "docs"
    (docs / "briefs/2026/talks").mkdir(parents=True)
    (docs / "index.md").write_text("# Home\n")
    (docs / "briefs/2026/talks/index.md").write_text("---\n---\n")
    (docs / "briefs/2026/talks/map.png").write_bytes(b"png")
    (docs / "page.html").write_text("<script></script>")
    (docs / ".hidden.md").write_text("")
    (docs / "outside.md").symlink_to(tmp_path.parent)
    problems = Problems()
    pages, files = docs_folder(Project.at(tmp_path), problems)
    assert [(p.src_uri, p.is_brief) for p in pages] == [("briefs/2026/talks/index.md", True), ("index.md", False)]
    assert pages[0].slug == "talks" and files == {"briefs/2026/talks/map.png": "docs/briefs/2026/talks/map.png"}
    assert [p.location.path for p in problems] == ["docs/outside.md", "docs/page.html"]


def test_front_matter_is_data_never_a_template():
    problems = Problems()
    doc, body, line = read_front_matter("---\ntitle: Talks {{ 7*7 }}\n---\nText.\n", "a.md", problems, required=True)
    assert (doc.value, body, line) == ({"title": "Talks {{ 7*7 }}"}, "Text.\n", 4)
    assert messages(problems) == [
        "a.md:2:1: 'title' contains '{{': front matter may not contain {{, {% or {##, "
        "which the site would read as a template; reword it"
    ]
    missing = Problems()
    assert read_front_matter("Text.\n", "b.md", missing, required=True)[0] is None and len(missing) == 1
    assert read_front_matter("Text.\n", "c.md", Problems(), required=False) == (None, "Text.\n", 1)


def test_an_unreadable_data_file_lets_every_reference_pass_and_entries_name_no_unknown_id():
    regions = BY_NAME["region"]
    problems = Problems()
    entities, ids, doc = read_data_file(regions, "gulf: [unclosed\n", "data/regions.yml", problems)
    assert (entities, doc) == ({}, None) and isinstance(ids, AnyId) and "anything" in ids and len(problems) == 1
    text = (
        "gulf:\n  name: Gulf\n  summary: S.\n  parent: levant\nlevant:\n  name: Levant\n  summary: S.\n  parent: gulf\n"
    )
    problems = Problems()
    entities, ids, doc = read_data_file(regions, text, "data/regions.yml", problems)
    assert set(entities) == {"gulf", "levant"} and not problems
    check_references(regions, doc, entities, {"regions": ids}, problems)
    assert messages(problems) == [
        "data/regions.yml:4:3: the region 'gulf' ends up within itself (gulf → levant → gulf): change one 'parent'",
        "data/regions.yml:8:3: the region 'levant' ends up within itself (levant → gulf → levant): change one 'parent'",
    ]


def test_the_rules_of_one_brief_each_report_at_their_place():
    doc = parse_yaml(
        "actors: [qatar, nobody]\nleverage:\n  gains: [qatar, iran]\n  loses: [qatar]\n",
        "b.md",
        Problems(),
        first_line=2,
    )
    known = {kind.folder: {"qatar": ("Qatar",), "iran": ("Iran",)} for kind in BY_NAME.values()}
    problems = Problems()
    listed = brief_rules.check_listed(doc, known, problems)
    brief_rules.check_judgements(doc, listed, known, problems)
    assert messages(problems) == [
        "b.md:2:17: unknown actor 'nobody': add it with 'briefings new actor nobody --name …' or see "
        "'briefings list actors'",
        "b.md:4:18: 'leverage.gains' names the actor 'iran', which the brief's 'actors' does not list: add it to 'actors'",
        "b.md:5:11: 'qatar' is in both 'leverage.gains' and 'leverage.loses': a brief judges that an actor gains or "
        "loses leverage, not both; remove it from one of them",
    ]
    headings = Problems()
    brief_rules.check_headings("## What happened\n\n## Why it matter\n", "b.md", 10, headings)
    assert any("'## Why it matter' is misspelt: did you mean '## Why it matters'?" in m for m in messages(headings))


def test_the_rules_across_briefs_see_every_brief():
    def brief(name: str, title: str, tags: tuple[str, ...], day: int) -> Brief:
        return Brief(
            src_uri=f"briefs/2026/{name}.md",
            title=title,
            date=dt.date(2026, 5, day),
            summary="S.",
            named={},
            tags=tags,
            source=Location(f"docs/briefs/2026/{name}.md"),
        )

    briefs = [brief("a", "Talks", ("De-escalation",), 1), brief("b", "talks", ("de escalation",), 2)]
    problems = Problems()
    site_rules.check_tags(briefs, problems)
    site_rules.check_titles(briefs, problems)
    assert messages(problems) == [
        "docs/briefs/2026/b.md:1:1: the tag 'de escalation' is another spelling of 'De-escalation', used by other "
        "briefs: use 'De-escalation'",
        "docs/briefs/2026/b.md:1:1: warning: the title 'talks' is also the title of docs/briefs/2026/a.md:1:1: "
        "give each brief a title of its own",
    ]
