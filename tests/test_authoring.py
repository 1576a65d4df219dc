"""The authors' tools: scaffolding, the checker's contract with editors and pre-commit, the live preview."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import jsonschema
import pytest
import yaml

from benchmarks.browsing import free_port
from conftest import (
    BIN,
    EXAMPLE,
    ROOT,
    Run,
    briefings_here,
    check_and_build,
    copy_project,
    fetch,
    front_matter,
    mkdocs_build,
    run,
    soup,
    start,
    wait_for,
)

pytestmark = pytest.mark.heavy  # scheduled first (conftest.py)

SCHEMAS = ROOT / "briefings/schemas"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """The example project in English only (conftest.in_one_language): the languages play no part in an author's
    tools, and its builds and previews have a third of the pages."""
    return copy_project(tmp_path / "project", one_language=True)


def test_new_brief_passes_check_and_builds_once_it_is_no_longer_a_draft(project: Path, tmp_path: Path):
    result = briefings_here(
        "new",
        "brief",
        "Airline routes as a test: the Gulf’s view",
        "--actor",
        "qatar",
        "--indicator",
        "airline-route-resumptions",
        cwd=project,
    )
    assert result.returncode == 0, result.output
    created = project / result.stdout.strip()
    assert created == project / f"docs/briefs/{dt.date.today().year}/airline-routes-as-a-test-the-gulfs-view.md"
    text = created.read_text("utf-8")
    assert f"date: {dt.date.today().isoformat()}" in text and "draft: true" in text
    for heading in (
        "What happened",
        "Who gains leverage",
        "What mechanism is operating",
        "Why it matters",
        "What to watch next",
    ):
        assert f"\n## {heading}\n" in text
    assert "{## " in text and '{{ actor("qatar") }}' in text  # macro examples, in a comment

    check = briefings_here("check", cwd=project)
    assert check.returncode == 0 and "error" not in check.stdout, check.output

    site = tmp_path / "site"
    assert mkdocs_build(project, site).returncode == 0
    assert not (site / "briefs" / str(dt.date.today().year) / created.stem).exists()  # a draft until ready

    # Published with the template's placeholders still in: an error from check and the build alike.
    created.write_text(text.replace("draft: true", "draft: false"), "utf-8")
    assert "TODO placeholder" in briefings_here("check", cwd=project).stdout
    assert mkdocs_build(project, site).returncode == 1
    written = re.sub(r"TODO: [^\n\"]*", "Written.", text.replace("draft: true", "draft: false"))
    created.write_text(written, "utf-8")
    build = mkdocs_build(project, site)
    assert build.returncode == 0, build.output
    page = soup(site / "briefs" / str(dt.date.today().year) / created.stem / "index.html")
    assert page.find("h1").get_text().startswith("Airline routes as a test: the Gulf’s view")
    assert page.select_one(".brief-meta dl a[href$='actors/qatar/']")


def test_new_actor_keeps_a_data_files_byte_order_mark_and_refuses_a_file_that_is_not_utf_8(project: Path):
    actors = project / "data/actors.yml"
    before = b"\xef\xbb\xbf" + actors.read_bytes()
    actors.write_bytes(before)
    added = briefings_here(
        "new", "actor", "gulf-shippers", "--name", "Gulf shippers", "--kind", "group", "--summary", "S.", cwd=project
    )
    assert added.returncode == 0, added.output
    after = actors.read_bytes()
    assert after.startswith(before) and after[len(before) :].decode("utf-8").startswith("gulf-shippers:\n")
    actors.write_bytes(after.replace(b"Gulf shippers", b"Gulf shippers \xff"))
    refused = briefings_here(
        "new", "actor", "ports", "--name", "Ports", "--kind", "group", "--summary", "S.", cwd=project
    )
    assert refused.returncode == 1 and "Traceback" not in refused.output
    assert "data/actors.yml:" in refused.stderr and "not UTF-8 text (byte 0xff)" in refused.stderr, refused.output
    assert b"ports:" not in actors.read_bytes()


def test_new_brief_without_actors_leaves_the_list_empty_and_refuses_unknown_ids(project: Path):
    result = briefings_here("new", "brief", "Placeholder actors", cwd=project)
    assert result.returncode == 0
    assert "\nactors: []  # ids from data/actors.yml\n" in (project / result.stdout.strip()).read_text("utf-8")
    assert briefings_here("check", cwd=project).returncode == 0  # a draft may be unfinished
    again = briefings_here("new", "brief", "Placeholder actors", cwd=project)
    assert again.returncode == 1 and "already exists" in again.stderr
    unknown = briefings_here("new", "brief", "Unknown", "--actor", "qatr", cwd=project)
    assert unknown.returncode == 1 and "did you mean 'qatar'?" in unknown.stderr


def test_new_actor_and_indicator_leave_the_rest_of_the_data_files_as_they_were(project: Path, tmp_path: Path):
    actors, indicators = project / "data/actors.yml", project / "data/indicators.yml"
    before = actors.read_text("utf-8"), indicators.read_text("utf-8")
    result = briefings_here(
        "new",
        "actor",
        "gulf-shippers",
        "--name",
        "Gulf shipping firms",
        "--kind",
        "group",
        "--summary",
        "Companies whose routes: a signal of risk.",
        "--alias",
        "Shippers",
        cwd=project,
    )
    assert result.returncode == 0, result.output
    result = briefings_here(
        "new",
        "indicator",
        "shipping-insurance",
        "--name",
        "Shipping insurance",
        "--summary",
        "Whether war-risk cover gets cheaper.",
        "--actor",
        "gulf-shippers",
        cwd=project,
    )
    assert result.returncode == 0, result.output
    after = actors.read_text("utf-8"), indicators.read_text("utf-8")
    assert after[0].startswith(before[0]) and after[1].startswith(before[1])  # comments and order untouched
    assert yaml.safe_load(after[0])["gulf-shippers"]["summary"] == "Companies whose routes: a signal of risk."
    check = briefings_here("check", cwd=project)
    assert check.returncode == 0
    assert "no brief names the actor 'gulf-shippers'" in check.stdout  # a warning until a brief names it
    assert mkdocs_build(project, tmp_path / "site").returncode == 0
    assert (tmp_path / "site/actors/gulf-shippers/index.html").exists()

    duplicate = briefings_here("new", "actor", "qatar", "--name", "Q", "--kind", "state", "--summary", "S", cwd=project)
    assert duplicate.returncode == 1 and "already has an actor 'qatar'" in duplicate.stderr
    bad = briefings_here("new", "indicator", "x", "--name", "X", "--summary", "S", "--actor", "nobody", cwd=project)
    assert bad.returncode == 1 and "unknown actor 'nobody'" in bad.stderr
    assert (actors.read_text("utf-8"), indicators.read_text("utf-8")) == after


@pytest.mark.parametrize(
    "name",
    [
        "brief",
        "page",
        "redirects",
        "actors",
        "indicators",
        "mechanisms",
        "authors",
        "regions",
        "catalog",
        "translations",
    ],
)
def test_schemas_are_valid_json_schema(name: str):
    schema = json.loads((SCHEMAS / f"{name}.schema.json").read_text("utf-8"))
    jsonschema.validators.validator_for(schema).check_schema(schema)


@pytest.mark.parametrize("name", sorted(p.stem for p in (EXAMPLE / "data").glob("*.yml")))
def test_the_example_projects_data_files_point_editors_at_their_schema(name: str):
    """As the shipped data files do (test_content.py), from where the example project sits."""
    first_line = (EXAMPLE / f"data/{name}.yml").read_text("utf-8").splitlines()[0]
    match = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first_line)
    assert match, first_line
    assert (EXAMPLE / "data" / match.group(1)).resolve() == SCHEMAS / f"{name}.schema.json"


def test_a_briefs_front_matter_accepts_the_field_of_every_entity_kind():
    """Each kind's field (`actors`, `mechanisms`...) is in brief.schema.json, which accepts no other field."""
    from briefings.kinds import KINDS

    schema = json.loads((SCHEMAS / "brief.schema.json").read_text("utf-8"))
    assert schema["additionalProperties"] is False
    for kind in KINDS:
        assert schema["properties"][kind.folder]["items"] == {"$ref": "#/$defs/id"}, kind.folder


def test_new_author_and_region_then_a_brief_by_that_author_about_that_region(project: Path, tmp_path: Path):
    authors, regions = project / "data/authors.yml", project / "data/regions.yml"
    before = authors.read_text("utf-8"), regions.read_text("utf-8")
    result = briefings_here(
        "new",
        "author",
        "a-writer",
        "--name",
        "A. Writer",
        "--role",
        "Analyst",
        "--bio",
        "Writes about shipping.",
        cwd=project,
    )
    assert result.returncode == 0, result.output
    result = briefings_here(
        "new",
        "region",
        "levant",
        "--name",
        "Levant",
        "--summary",
        "The eastern Mediterranean coast.",
        "--parent",
        "middle-east",
        cwd=project,
    )
    assert result.returncode == 0, result.output
    after = authors.read_text("utf-8"), regions.read_text("utf-8")
    assert after[0].startswith(before[0]) and after[1].startswith(before[1])
    assert yaml.safe_load(after[0])["a-writer"] == {
        "name": "A. Writer",
        "role": "Analyst",
        "bio": "Writes about shipping.",
    }
    assert yaml.safe_load(after[1])["levant"] == {
        "name": "Levant",
        "summary": "The eastern Mediterranean coast.",
        "parent": "middle-east",
    }
    # The parent is checked like any reference, with the same advice as a brief's ids.
    unknown = briefings_here(
        "new", "region", "x", "--name", "X", "--summary", "S.", "--parent", "Middle East", cwd=project
    )
    assert unknown.returncode == 1
    assert "unknown region 'Middle East': it is the name of 'middle-east'; write 'middle-east'" in unknown.stderr
    bad_actor = briefings_here(
        "new", "actor", "x", "--name", "X", "--kind", "group", "--summary", "S.", "--region", "levnt", cwd=project
    )
    assert bad_actor.returncode == 1 and "did you mean 'levant'?" in bad_actor.stderr
    assert (authors.read_text("utf-8"), regions.read_text("utf-8")) == after

    made = briefings_here(
        "new",
        "brief",
        "Ports of the Levant",
        "--actor",
        "qatar",
        "--author",
        "a-writer",
        "--region",
        "levant",
        cwd=project,
    )
    assert made.returncode == 0, made.output
    meta = front_matter(project / made.stdout.strip())
    assert (meta["authors"], meta["regions"]) == (["a-writer"], ["levant"])
    assert briefings_here("new", "brief", "T", "--author", "Writer", cwd=project).returncode == 1
    written = re.sub(r"TODO: [^\n\"]*", "Written.", (project / made.stdout.strip()).read_text("utf-8"))
    (project / made.stdout.strip()).write_text(written.replace("draft: true", "draft: false"), "utf-8")
    check = briefings_here("check", cwd=project)
    assert check.returncode == 0 and "a-writer" not in check.stdout and "levant" not in check.stdout, check.output
    build = mkdocs_build(project, tmp_path / "site")
    assert build.returncode == 0, build.output
    page = soup(tmp_path / "site/authors/a-writer/index.html")
    assert [a.get_text() for a in page.select(".brief-list__title a")] == ["Ports of the Levant"]
    levant = soup(tmp_path / "site/regions/levant/index.html")
    assert levant.select_one(".entity-kind a")["href"] == "../middle-east/"
    assert "Levant" in [
        a.get_text() for a in soup(tmp_path / "site/regions/middle-east/index.html").select("article p a")
    ]


def test_new_mechanism_and_a_brief_offering_the_new_fields(project: Path, tmp_path: Path):
    mechanisms = project / "data/mechanisms.yml"
    before = mechanisms.read_text("utf-8")
    result = briefings_here(
        "new",
        "mechanism",
        "commitment-device",
        "--name",
        "Commitment device",
        "--summary",
        "Rules fixed in advance: departures from them become visible.",
        "--alias",
        "procedural commitment",
        "--related",
        "gatekeeping",
        cwd=project,
    )
    assert result.returncode == 0, result.output
    after = mechanisms.read_text("utf-8")
    assert after.startswith(before)
    assert yaml.safe_load(after)["commitment-device"] == {
        "name": "Commitment device",
        "summary": "Rules fixed in advance: departures from them become visible.",
        "aliases": ["procedural commitment"],
        "related": ["gatekeeping"],
    }
    unknown = briefings_here(
        "new", "mechanism", "x", "--name", "X", "--summary", "S.", "--related", "gatekeepin", cwd=project
    )
    assert unknown.returncode == 1 and "unknown mechanism 'gatekeepin': did you mean 'gatekeeping'?" in unknown.stderr
    assert briefings_here("new", "brief", "T", "--mechanism", "brokerge", cwd=project).returncode == 1

    created = briefings_here(
        "new",
        "brief",
        "Commitments as devices",
        "--actor",
        "qatar",
        "--indicator",
        "talks-direct",
        "--mechanism",
        "commitment-device",
        cwd=project,
    )
    assert created.returncode == 0, created.output
    path = project / created.stdout.strip()
    text = path.read_text("utf-8")
    assert "\nmechanisms: [commitment-device]  # ids from data/mechanisms.yml\n" in text
    assert '{{ mechanism("commitment-device") }}' in text  # an example, in a comment
    assert "\n# leverage:\n" in text and "\n# readings:\n" in text  # offered, commented out
    assert briefings_here("check", cwd=project).returncode == 0

    # Uncommented, the offered fields are a valid brief, shown on its page once published.
    uncommented = re.sub(r"^# (leverage:|readings:|  )", r"\1", text, flags=re.M)
    written = re.sub(r"TODO: [^\n\"]*", "Written.", uncommented.replace("draft: true", "draft: false"))
    path.write_text(written, "utf-8")
    check = briefings_here("check", cwd=project)
    assert check.returncode == 0 and "error" not in check.stdout, check.output
    site = tmp_path / "site"
    assert mkdocs_build(project, site).returncode == 0
    page = soup(site / path.relative_to(project / "docs").with_suffix("") / "index.html")
    assert page.select_one(".brief-meta dl a[href$='mechanisms/commitment-device/']")
    assert [td.get_text() for td in page.find("h2", id="readings").find_next("table").select("tbody td")][:2] == [
        "Talks move from indirect to direct",
        "Steady",
    ]


def test_schemas_work_outside_the_project_too(tmp_path: Path):
    """An editor or another tool can validate with the schema files alone (check-jsonschema here)."""
    result = run(
        BIN / "check-jsonschema", "--schemafile", SCHEMAS / "actors.schema.json", EXAMPLE / "data/actors.yml", cwd=ROOT
    )
    assert result.returncode == 0, result.output
    bad = tmp_path / "actors.yml"
    bad.write_text("qatar:\n  name: Qatar\n  kind: country\n  summary: S.\n", "utf-8")
    result = run(BIN / "check-jsonschema", "--schemafile", SCHEMAS / "actors.schema.json", bad, cwd=ROOT)
    assert result.returncode == 1 and "country" in result.output


def test_pre_commit_hook_checks_the_whole_project_when_content_changes(project: Path):
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text("utf-8"))
    hook = next(h for repo in config["repos"] for h in repo["hooks"] if h["id"] == "briefings-check")
    assert hook["pass_filenames"] is False  # a renamed actor breaks briefs the commit does not touch
    files = re.compile(hook["files"])
    for changed in ("docs/briefs/2026/doha-indirect-talks.md", "docs/index.md", "data/actors.yml", "mkdocs.yml"):
        assert files.search(changed), changed
    assert not files.search("README.md")
    entry = hook["entry"].split()
    command = [str(BIN / "briefings") if entry[0].endswith("briefings") else entry[0], *entry[1:]]
    assert run(*command, cwd=project).returncode == 0
    actors = project / "data/actors.yml"
    actors.write_text(actors.read_text("utf-8").replace("\nqatar:\n", "\nqatar-state:\n"), "utf-8")
    broken = run(*command, cwd=project)
    assert broken.returncode == 1 and "docs/briefs/2026/doha-indirect-talks.md:" in broken.stdout


def test_contributing_and_the_site_page_state_the_same_contract():
    contributing = " ".join((ROOT / "CONTRIBUTING.md").read_text("utf-8").split())
    page = " ".join((ROOT / "docs/write-a-brief.md").read_text("utf-8").split())
    schema = json.loads((SCHEMAS / "brief.schema.json").read_text("utf-8"))
    for field in schema["required"]:
        assert f"`{field}`" in page
    for field in schema["properties"]:
        assert f"`{field}`" in page, f"'How to write a brief' does not document `{field}`"
    for command in (
        "briefings new brief",
        "briefings new actor",
        "briefings new indicator",
        "briefings new mechanism",
        "briefings list",
        "briefings check",
        "briefings move",
        "briefings rename",
        "briefings check --since",
        "briefings diff",
        "data/redirects.yml",
        "script/server",
    ):
        assert command in contributing and command in page, command
    for heading in (
        "What happened",
        "Who gains leverage",
        "What mechanism is operating",
        "Why it matters",
        "What to watch next",
    ):
        assert heading in contributing and heading in page


def test_live_preview_shows_drafts_and_rebuilds_when_data_changes(project: Path, tmp_path: Path):
    port = free_port()
    server = start(
        BIN / "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}", cwd=project, output=tmp_path / "serve.log"
    )
    try:
        base = f"http://127.0.0.1:{port}/"
        draft = wait_for(base + "briefs/2026/draft-mediator-terms/", "Draft")
        assert "the preview shows it, the published site does not" in draft
        actors = project / "data/actors.yml"
        actors.write_text(actors.read_text("utf-8").replace("name: Qatar\n", "name: Qatar (renamed)\n"), "utf-8")
        wait_for(base + "actors/qatar/", "Qatar (renamed)")

        # A save that breaks the build: the open page shows what is wrong, where, then recovers by itself.
        brief = project / "docs/briefs/2026/doha-indirect-talks.md"
        good = brief.read_text("utf-8")
        brief.write_text(good.replace('{{ actor("qatar") }}', '{{ actor("qatr") }}', 1), "utf-8")
        line = good[: good.index('{{ actor("qatar") }}')].count("\n") + 1
        shown = wait_for(base + "briefs/2026/doha-indirect-talks/", "The preview cannot be built")
        assert f"docs/briefs/2026/doha-indirect-talks.md:{line}:" in shown and "unknown actor" in shown
        assert "unknown actor" in fetch(base)  # whatever page is open
        brief.write_text(good, "utf-8")
        recovered = wait_for(base + "briefs/2026/doha-indirect-talks/", "Who gains leverage")
        assert "The preview cannot be built" not in recovered

        # A draft showing an image that does not exist: told on the open page too.
        draft_file = project / "docs/briefs/2026/draft-mediator-terms.md"
        good = draft_file.read_text("utf-8")
        draft_file.write_text(
            good.replace("\n## What happened\n", "\n## What happened\n\n![A map](map.png)\n", 1), "utf-8"
        )
        shown = wait_for(base + "briefs/2026/draft-mediator-terms/", "The preview cannot be built")
        assert (
            "docs/briefs/2026/draft-mediator-terms.md:" in shown
            and "map.png" in shown
            and "which does not exist" in shown
        )
        draft_file.write_text(good, "utf-8")
        wait_for(base + "briefs/2026/draft-mediator-terms/", "the preview shows it, the published site does not")
    finally:
        server.terminate()
        server.wait(timeout=20)


def test_a_corrected_brief_shows_its_corrections_and_how_to_cite_and_report_it(project: Path, tmp_path: Path):
    """Corrections show on the brief as dated notes and in its feed entry; "How to cite" gives a citation
    line; "Report a correction" opens the repository's form with the brief's address filled in."""
    from urllib.parse import parse_qs, urlsplit

    import feedparser

    path = project / "docs/briefs/2026/doha-indirect-talks.md"
    text = path.read_text("utf-8")
    correction = 'corrections:\n  - date: 2026-05-12\n    text: "An earlier version named the wrong <host> & city."\n'
    path.write_text(text.replace("\nsummary:", "\n" + correction + "summary:", 1), "utf-8")
    site = tmp_path / "site"
    build = mkdocs_build(project, site, env={"REPO_URL": "https://github.com/example-owner/briefings"})
    assert build.returncode == 0, build.output
    page = soup(site / "briefs/2026/doha-indirect-talks/index.html")
    url = "http://127.0.0.1:8000/briefs/2026/doha-indirect-talks/"

    note = page.select_one(".brief-corrections p")
    assert note.get_text() == "Correction, 12 May 2026: An earlier version named the wrong <host> & city."
    assert note.find("time")["datetime"] == "2026-05-12"
    cite = page.select_one(".brief-citation")
    assert cite.get_text() == (
        f"Briefings desk, ‘Indirect US–Iran talks in Doha keep escalation in check, for now’, "
        f"Briefings, 8 May 2026, {url}."
    )
    report = page.select_one(".brief-report a")
    form = urlsplit(report["href"])
    assert (form.netloc, form.path) == ("github.com", "/example-owner/briefings/issues/new")
    assert parse_qs(form.query) == {"template": ["correction.yml"], "page": [url]}
    issue_form = yaml.safe_load((ROOT / ".github/ISSUE_TEMPLATE/correction.yml").read_text("utf-8"))
    assert "page" in [field.get("id") for field in issue_form["body"]]

    entry = next(e for e in feedparser.parse((site / "feed.xml").read_bytes()).entries if e.link == url)
    assert "Correction, 2026-05-12: An earlier version named the wrong <host> & city." in entry.summary

    # Without a repository there is nowhere to report to: no link.
    build = mkdocs_build(project, site)
    assert build.returncode == 0, build.output
    assert soup(site / "briefs/2026/doha-indirect-talks/index.html").select_one(".brief-report") is None


def _checklist(text: str) -> list[str]:
    """The `- [ ]` items of a Markdown checklist, each joined onto one line."""
    items: list[str] = []
    for line in text.splitlines():
        if line.startswith("- [ ] "):
            items.append(line[len("- [ ] ") :].strip())
        elif items and line.startswith("      ") and line.strip():
            items[-1] += " " + line.strip()
        elif items and not line.strip():
            items.append("")  # a blank line ends the item
    return [item for item in items if item]


def test_the_pull_request_template_and_contributing_ask_the_same_questions_no_check_can_answer():
    template = _checklist((ROOT / ".github/PULL_REQUEST_TEMPLATE.md").read_text("utf-8"))
    contributing = (ROOT / "CONTRIBUTING.md").read_text("utf-8")
    section = contributing.split("## Review checklist", 1)[1].split("\n## ", 1)[0]
    assert template == _checklist(section)
    assert [item.split(":")[0] for item in template[:2]] == ["Sourcing", "Fairness"]
    assert any("phone width" in item for item in template)
    # What `briefings check` already enforces is not asked of a reviewer.
    for enforced in ("house heading", "front matter", "http", "TODO", "briefings check"):
        assert not any(enforced in item for item in template), enforced


def test_the_preview_does_not_warn_that_its_dirty_builds_are_inaccurate(caplog):
    """`script/server` runs `mkdocs serve --dirty`, whose builds the plugin keeps exact: once `mkdocs serve` has
    started the plugin, MkDocs' warning about dirty builds is filtered out, and only that one; its text is
    pinned to the installed MkDocs."""
    import ast
    import inspect
    import logging

    import mkdocs.commands.build

    from briefings.mkdocs.plugin import BriefingsPlugin
    from briefings.mkdocs.serve import BUILD_LOG, DIRTY_BUILD_WARNING, EXACT_DIRTY_BUILDS

    warned = [
        node.args[0].value
        for node in ast.walk(ast.parse(inspect.getsource(mkdocs.commands.build)))
        if isinstance(node, ast.Call)
        and getattr(node.func, "attr", "") == "warning"
        and node.args
        and isinstance(node.args[0], ast.Constant)
        and "'dirty' build" in str(node.args[0].value)
    ]
    assert warned == [DIRTY_BUILD_WARNING], "MkDocs changed its warning about dirty builds: update the preview's copy"
    assert BUILD_LOG is logging.getLogger(mkdocs.commands.build.__name__)

    def logged() -> list[str]:
        caplog.clear()
        with caplog.at_level(logging.WARNING, logger=BUILD_LOG.name):
            BUILD_LOG.warning(DIRTY_BUILD_WARNING)
            BUILD_LOG.warning("Another warning")
        return [record.getMessage() for record in caplog.records]

    BUILD_LOG.removeFilter(EXACT_DIRTY_BUILDS)
    try:
        BriefingsPlugin().on_startup(command="build", dirty=True)
        assert logged() == [DIRTY_BUILD_WARNING, "Another warning"]  # a build, not the preview
        for _ in range(2):  # a second start adds nothing
            BriefingsPlugin().on_startup(command="serve", dirty=True)
            assert logged() == ["Another warning"]
        assert BUILD_LOG.filters.count(EXACT_DIRTY_BUILDS) == 1
    finally:
        BUILD_LOG.removeFilter(EXACT_DIRTY_BUILDS)


def test_two_briefs_with_one_title_are_a_warning_from_check_and_the_build_alike(project: Path, tmp_path: Path):
    from briefings.loader import load_project
    from briefings.project import Project

    original = project / "docs/briefs/2026/doha-indirect-talks.md"
    title = front_matter(original)["title"]
    copy = project / "docs/briefs/2025/doha-again.md"
    copy.parent.mkdir()
    text = original.read_text("utf-8").replace(f"title: {title}", f"title: '  {title.upper()}  '")
    copy.write_text(text.replace("date: 2026-05-08", "date: 2025-05-08").replace("updated: 2026-05-12\n", ""), "utf-8")
    line = text.split("\n---\n")[0].splitlines().index(f"title: '  {title.upper()}  '") + 1

    problems = load_project(Project.at(project)).problems
    duplicates = [p for p in problems if "is also the title of" in p.message]
    assert [str(p) for p in duplicates] == [
        f"docs/briefs/2026/doha-indirect-talks.md:{line}:1: warning: the title '{title}' is also the title of "
        f"docs/briefs/2025/doha-again.md:{line}:1: give each brief a title of its own"
    ]
    both = check_and_build(project, tmp_path / "site", check_here=True)
    both.assert_agree()
    assert both.check.returncode == 0 and both.build.returncode == 0  # a warning: the site still builds
    assert str(duplicates[0]) in both.check_rows


def test_an_unknown_id_is_matched_against_ids_names_and_aliases_and_a_new_one_is_told_how_to_add_it(project: Path):
    from briefings.kinds import ACTOR, MECHANISM
    from briefings.project import Project
    from briefings.scaffold import data_entries

    known = data_entries(Project.at(project), ACTOR)
    assert ACTOR.unknown("qatr", known) == "unknown actor 'qatr': did you mean 'qatar'?"
    assert ACTOR.unknown("tehran", known) == "unknown actor 'tehran': did you mean 'iran'?"  # an alias
    assert ACTOR.unknown("trump", known) == "unknown actor 'trump': did you mean 'donald-trump'?"  # a word of its name
    for new in ("israel", "saudi-arabia", "houthis"):  # "israel" was once offered 'iran'
        assert ACTOR.unknown(new, known) == (
            f"unknown actor '{new}': add it with 'briefings new actor {new} --name …' or see 'briefings list actors'"
        )
    assert MECHANISM.unknown("brinkmanship", ["gatekeeping"]).endswith("or see 'briefings list mechanisms'")

    brief = project / "docs/briefs/2026/doha-indirect-talks.md"
    brief.write_text(brief.read_text("utf-8").replace("actors: [", "actors: [israel, ", 1), "utf-8")
    check = briefings_here("check", cwd=project)
    assert check.returncode == 1
    assert (
        "unknown actor 'israel': add it with 'briefings new actor israel --name …' or see 'briefings list actors'"
    ) in check.stdout


def _cli(project: Path, capsys, *args: str) -> Run:
    """The command line in this process, as an author would run it in `project`."""
    from briefings.cli import main

    returncode = main(["--root", str(project), *args])
    out = capsys.readouterr()
    return Run(returncode, out.out, out.err)


def test_list_finds_entries_by_id_name_or_alias_whatever_the_case_and_accents(project: Path, capsys):
    listed = _cli(project, capsys, "list", "actors")
    assert listed.returncode == 0
    rows = listed.stdout.splitlines()
    ids = list(yaml.safe_load((project / "data/actors.yml").read_text("utf-8")))
    assert [row.split()[0] for row in rows] == ids  # every actor, in the data file's order
    assert "qatar" in ids and any(re.fullmatch(r"qatar +Qatar", row) for row in rows)
    assert len({row.index(row.split()[1]) for row in rows}) == 1  # names aligned in one column

    actors = project / "data/actors.yml"
    actors.write_text(
        actors.read_text("utf-8").replace(
            "[Islamic Republic of Iran, Tehran]", "[Islamic Republic of Iran, Tehran, Téhéran]"
        ),
        "utf-8",
    )
    for words in (["TEHERAN"], ["tehran"], ["islamic", "REPUBLIC"], ["irAN"]):
        found = _cli(project, capsys, "list", "actors", *words)
        assert found.returncode == 0 and [row.split()[0] for row in found.stdout.splitlines()][0] == "iran", words
    only = _cli(project, capsys, "list", "actors", "state", "of", "qatar")  # every word, in any of its names
    assert only.stdout.split() == ["qatar", "Qatar"]
    for kind in ("indicators", "mechanisms"):
        assert _cli(project, capsys, "list", kind).returncode == 0
    assert _cli(project, capsys, "list", "mechanisms", "de-escalation").stdout.startswith("mediated-de-escalation")

    none = _cli(project, capsys, "list", "actors", "qatar", "houthis")
    assert none.returncode == 1 and none.stdout == ""
    assert "no actor in data/actors.yml matches 'qatar houthis'" in none.stderr


def test_new_indicator_writes_its_signals(project: Path, capsys):
    indicators = project / "data/indicators.yml"
    before = indicators.read_text("utf-8")
    added = _cli(
        project,
        capsys,
        "new",
        "indicator",
        "shipping-insurance",
        "--name",
        "Shipping insurance",
        "--summary",
        "Whether war-risk cover gets cheaper.",
        "--advancing",
        "Insurers cut war-risk premiums.",
        "--advancing",
        "Lloyd's lists fewer areas.",
        "--reversing",
        "Insurers withdraw cover: ships wait.",
        "--actor",
        "qatar",
    )
    assert added.returncode == 0, added.stderr
    after = indicators.read_text("utf-8")
    assert after.startswith(before)  # appended; comments and order untouched
    assert yaml.safe_load(after)["shipping-insurance"] == {
        "name": "Shipping insurance",
        "summary": "Whether war-risk cover gets cheaper.",
        "signals": {
            "advancing": ["Insurers cut war-risk premiums.", "Lloyd's lists fewer areas."],
            "reversing": ["Insurers withdraw cover: ships wait."],
        },
        "actors": ["qatar"],
    }
    one_way = _cli(
        project,
        capsys,
        "new",
        "indicator",
        "port-calls",
        "--name",
        "Port calls",
        "--summary",
        "S.",
        "--reversing",
        "Fewer calls.",
    )
    assert one_way.returncode == 0, one_way.stderr
    assert yaml.safe_load(indicators.read_text("utf-8"))["port-calls"]["signals"] == {"reversing": ["Fewer calls."]}
    check = briefings_here("check", cwd=project)
    assert check.returncode == 0 and "error" not in check.stdout, check.output


def test_new_brief_takes_its_file_name_from_slug(project: Path, capsys):
    made = _cli(
        project,
        capsys,
        "new",
        "brief",
        "A long title about the Doha talks",
        "--slug",
        "doha-talks-2",
        "--date",
        "2026-06-01",
        "--actor",
        "qatar",
    )
    assert made.returncode == 0, made.stderr
    assert made.stdout.strip() == "docs/briefs/2026/doha-talks-2.md"
    assert front_matter(project / made.stdout.strip())["title"] == "A long title about the Doha talks"
    again = _cli(project, capsys, "new", "brief", "Another", "--slug", "doha-talks-2", "--date", "2026-06-01")
    assert again.returncode == 1 and "docs/briefs/2026/doha-talks-2.md already exists" in again.stderr
    shipped = _cli(project, capsys, "new", "brief", "T", "--slug", "doha-indirect-talks", "--date", "2026-01-01")
    assert shipped.returncode == 1 and "already exists" in shipped.stderr
    for wrong in ("Doha-Talks", "doha_talks", "doha talks", "doha-talks.md", "-doha", "../doha", "doha--talks"):
        refused = _cli(project, capsys, "new", "brief", "T", f"--slug={wrong}")
        assert refused.returncode == 1, wrong
        assert refused.stderr == (
            f"briefings: '{wrong}' cannot be a brief's file name: use lowercase letters, "
            "digits and hyphens, e.g. --slug doha-talks\n"
        ), wrong
    assert sorted(p.name for p in (project / "docs/briefs").rglob("doha*") if p.name.count(".") == 1) == [
        "doha-indirect-talks.md",
        "doha-talks-2.md",
    ]
