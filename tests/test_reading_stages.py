"""The stages `load_project` runs, each on its own, in-process: the docs folder and a file's text, front matter,
a data file and the references between entries, the schema, the rules of one brief, what reading one page finds,
a brief's original and translations, the rules across briefs."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from briefings import brief_rules, schema, site_rules
from briefings.datafiles import AnyId, check_references, read_data_file
from briefings.findings import brief_findings, page_findings
from briefings.frontmatter import read_front_matter
from briefings.kinds import BY_NAME, KINDS
from briefings.model import Brief
from briefings.originals import sort_brief_files
from briefings.problems import Location, Problems
from briefings.project import Project
from briefings.sources import Source, docs_folder, read_text
from briefings.translated_briefs import read_translation_page
from briefings.yamldoc import parse_yaml
from conftest import copy_project

DOHA = "briefs/2026/doha-indirect-talks"


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


def test_a_files_text_is_utf_8_its_byte_order_mark_dropped_and_a_bad_byte_placed_as_an_editor_counts(tmp_path: Path):
    path = tmp_path / "a.md"
    path.write_bytes(b"\xef\xbb\xbftitle: Caf\xc3\xa9\n")
    assert read_text(path, "a.md", Problems()) == "title: Café\n"
    for data, where, byte in [
        (b"\xef\xbb\xbfCaf\xc3\xa9 \xe9\n", "a.md:1:6", "0xe9"),  # after the mark and a letter of two bytes
        (b"one\ntwo \xff", "a.md:2:5", "0xff"),
    ]:
        path.write_bytes(data)
        problems = Problems()
        assert read_text(path, "a.md", problems) is None
        assert [str(p) for p in problems] == [
            f"{where}: not UTF-8 text (byte {byte}): save the file with the UTF-8 encoding"
        ]


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


def test_the_schema_reports_each_wrong_field_at_its_line():
    doc = parse_yaml("title: Talks\ndate: 8 May\nactors: qatar\nmood: calm\n", "b.md", Problems(), first_line=2)
    problems = Problems()
    assert schema.validate(doc, "brief", problems)
    assert [(p.location.line, p.message.split(":")[0].split(",")[0]) for p in problems] == [
        (2, "missing required field 'summary' (one or two sentences for listings"),
        (3, "'date' must be a real date written YYYY-MM-DD"),
        (4, "'actors' must be a list"),
        (5, "unknown field 'mood'"),
    ]
    assert not schema.validate(parse_yaml("title: About\n", "p.md", Problems()), "page", Problems())


def _known(project: Path) -> dict:
    """Every id the project's data files define, as the loader gives the pages to check."""
    return {
        kind.folder: read_data_file(kind, (project / kind.data_file).read_text("utf-8"), kind.data_file, Problems())[1]
        for kind in KINDS
    }


def _source(project: Path, src_uri: str) -> Source:
    return Source(project / "docs" / src_uri, f"docs/{src_uri}", src_uri)


def test_a_page_is_read_on_its_own_into_what_it_holds_and_what_is_wrong_with_it(tmp_path: Path):
    project = copy_project(tmp_path / "project")
    known = _known(project)
    read = brief_findings(_source(project, f"{DOHA}.md"), known, {})
    assert read.brief is not None and read.brief.src_uri == f"{DOHA}.md" and read.problems == ()
    assert read.templated and read.links is not None
    path = project / "docs" / f"{DOHA}.md"
    path.write_text(path.read_text("utf-8").replace("actors: [", "actors: [atlantis, ", 1), "utf-8")
    wrong = brief_findings(_source(project, f"{DOHA}.md"), known, {})
    assert [str(p).split(": ", 2)[:2] for p in wrong.problems][:1] == [
        [f"docs/{DOHA}.md:6:10", "unknown actor 'atlantis'"]
    ]
    path.write_bytes(b"---\ntitle: \xff\n")
    unreadable = brief_findings(_source(project, f"{DOHA}.md"), known, {})
    assert (unreadable.brief, unreadable.links) == (None, None) and "not UTF-8" in unreadable.problems[0].message

    about = page_findings(_source(project, "about.md"), known, {})
    assert about.brief is None and about.problems == () and about.links is not None
    shown = project / "docs/shown.md"
    shown.write_text('---\nrender_macros: false\n---\n\nWrite {{ actor("qatar") }}.\n', "utf-8")
    assert not page_findings(_source(project, "shown.md"), known, {}).templated
    shown.write_text('Write {{ actor("qatar") }}.\n', "utf-8")
    assert page_findings(_source(project, "shown.md"), known, {}).templated


def test_a_briefs_files_sort_into_its_original_and_translations_each_read_against_the_original(tmp_path: Path):
    project = copy_project(tmp_path / "project")
    pages = [_source(project, f"{DOHA}{suffix}.md") for suffix in ("", ".ar", ".fr", ".de")]
    problems = Problems()
    files = sort_brief_files(pages, ("en", "ar", "fr"), problems)
    assert [(o.page.src_uri, o.lang) for o in files.originals] == [(f"{DOHA}.md", "en")]
    assert [(t.page.src_uri, t.lang, t.original.page.src_uri) for t in files.translations] == [
        (f"{DOHA}.ar.md", "ar", f"{DOHA}.md"),
        (f"{DOHA}.fr.md", "fr", f"{DOHA}.md"),
    ]
    assert [p.location.path for p in problems] == [f"docs/{DOHA}.de.md"]  # a language the site is not built in

    french = files.translations[1]
    text = french.page.path.read_text("utf-8")
    read = read_translation_page(french, text, _known(project), {}, problems := Problems())
    assert read.translation is not None and read.translation.lang == "fr" and not problems.errors
    original = project / "docs" / f"{DOHA}.md"
    original.write_bytes(original.read_bytes().replace(b"\ntitle: ", b"\ntitle: \xe9", 1))
    unread = read_translation_page(french, text, _known(project), {}, problems := Problems())
    assert unread.translation is None and not problems  # the original's own reading reports it, once
