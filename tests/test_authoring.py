"""The authors' tools: scaffolding, the checker's contract with editors and pre-commit, the live preview."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
from pathlib import Path

import jsonschema
import pytest
import yaml

from conftest import BIN, EXAMPLE, ROOT, free_port, fetch, wait_for, briefings, mkdocs_build, run, soup

SCHEMAS = ROOT / "briefings/schemas"


def test_new_brief_passes_check_and_builds_once_it_is_no_longer_a_draft(project: Path, tmp_path: Path):
    result = briefings("new", "brief", "Airline routes as a test: the Gulf’s view", "--actor", "qatar",
                       "--indicator", "airline-route-resumptions", cwd=project)
    assert result.returncode == 0, result.output
    created = project / result.stdout.strip()
    assert created == project / f"docs/briefs/{dt.date.today().year}/airline-routes-as-a-test-the-gulfs-view.md"
    text = created.read_text("utf-8")
    assert f"date: {dt.date.today().isoformat()}" in text and "draft: true" in text
    for heading in ("What happened", "Who gains leverage", "What mechanism is operating", "Why it matters",
                    "What to watch next"):
        assert f"\n## {heading}\n" in text
    assert '{## ' in text and '{{ actor("qatar") }}' in text  # macro examples, in a comment

    check = briefings("check", cwd=project)
    assert check.returncode == 0 and "error" not in check.stdout, check.output

    site = tmp_path / "site"
    assert mkdocs_build(project, site).returncode == 0
    assert not (site / "briefs" / str(dt.date.today().year) / created.stem).exists()  # a draft until ready

    # Published with the template's placeholders still in: an error from check and the build alike.
    created.write_text(text.replace("draft: true", "draft: false"), "utf-8")
    assert "TODO placeholder" in briefings("check", cwd=project).stdout
    assert mkdocs_build(project, site).returncode == 1
    written = re.sub(r"TODO: [^\n\"]*", "Written.", text.replace("draft: true", "draft: false"))
    created.write_text(written, "utf-8")
    build = mkdocs_build(project, site)
    assert build.returncode == 0, build.output
    page = soup(site / "briefs" / str(dt.date.today().year) / created.stem / "index.html")
    assert page.find("h1").get_text().startswith("Airline routes as a test: the Gulf’s view")
    assert page.select_one(".brief-meta dl a[href$='actors/qatar/']")


def test_new_brief_without_actors_leaves_the_list_empty_and_refuses_unknown_ids(project: Path):
    result = briefings("new", "brief", "Placeholder actors", cwd=project)
    assert result.returncode == 0
    assert "\nactors: []  # ids from data/actors.yml\n" in (project / result.stdout.strip()).read_text("utf-8")
    assert briefings("check", cwd=project).returncode == 0  # a draft may be unfinished
    again = briefings("new", "brief", "Placeholder actors", cwd=project)
    assert again.returncode == 1 and "already exists" in again.stderr
    unknown = briefings("new", "brief", "Unknown", "--actor", "qatr", cwd=project)
    assert unknown.returncode == 1 and "did you mean 'qatar'?" in unknown.stderr


def test_new_actor_and_indicator_leave_the_rest_of_the_data_files_as_they_were(project: Path, tmp_path: Path):
    actors, indicators = project / "data/actors.yml", project / "data/indicators.yml"
    before = actors.read_text("utf-8"), indicators.read_text("utf-8")
    result = briefings("new", "actor", "gulf-shippers", "--name", "Gulf shipping firms", "--kind", "group",
                       "--summary", "Companies whose routes: a signal of risk.", "--alias", "Shippers", cwd=project)
    assert result.returncode == 0, result.output
    result = briefings("new", "indicator", "shipping-insurance", "--name", "Shipping insurance",
                       "--summary", "Whether war-risk cover gets cheaper.", "--actor", "gulf-shippers", cwd=project)
    assert result.returncode == 0, result.output
    after = actors.read_text("utf-8"), indicators.read_text("utf-8")
    assert after[0].startswith(before[0]) and after[1].startswith(before[1])  # comments and order untouched
    assert yaml.safe_load(after[0])["gulf-shippers"]["summary"] == "Companies whose routes: a signal of risk."
    check = briefings("check", cwd=project)
    assert check.returncode == 0
    assert "no brief names the actor 'gulf-shippers'" in check.stdout  # a warning until a brief names it
    assert mkdocs_build(project, tmp_path / "site").returncode == 0
    assert (tmp_path / "site/actors/gulf-shippers/index.html").exists()

    duplicate = briefings("new", "actor", "qatar", "--name", "Q", "--kind", "state", "--summary", "S", cwd=project)
    assert duplicate.returncode == 1 and "already has an actor 'qatar'" in duplicate.stderr
    bad = briefings("new", "indicator", "x", "--name", "X", "--summary", "S", "--actor", "nobody", cwd=project)
    assert bad.returncode == 1 and "unknown actor 'nobody'" in bad.stderr
    assert (actors.read_text("utf-8"), indicators.read_text("utf-8")) == after


@pytest.mark.parametrize("name", ["brief", "page", "actors", "indicators", "mechanisms"])
def test_schemas_are_valid_json_schema(name: str):
    schema = json.loads((SCHEMAS / f"{name}.schema.json").read_text("utf-8"))
    jsonschema.validators.validator_for(schema).check_schema(schema)


@pytest.mark.parametrize("name", ["actors", "indicators", "mechanisms"])
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


def test_new_mechanism_and_a_brief_offering_the_new_fields(project: Path, tmp_path: Path):
    mechanisms = project / "data/mechanisms.yml"
    before = mechanisms.read_text("utf-8")
    result = briefings("new", "mechanism", "commitment-device", "--name", "Commitment device",
                       "--summary", "Rules fixed in advance: departures from them become visible.",
                       "--alias", "procedural commitment", "--related", "gatekeeping", cwd=project)
    assert result.returncode == 0, result.output
    after = mechanisms.read_text("utf-8")
    assert after.startswith(before)
    assert yaml.safe_load(after)["commitment-device"] == {
        "name": "Commitment device", "summary": "Rules fixed in advance: departures from them become visible.",
        "aliases": ["procedural commitment"], "related": ["gatekeeping"],
    }
    unknown = briefings("new", "mechanism", "x", "--name", "X", "--summary", "S.", "--related", "gatekeepin", cwd=project)
    assert unknown.returncode == 1 and "unknown mechanism 'gatekeepin': did you mean 'gatekeeping'?" in unknown.stderr
    assert briefings("new", "brief", "T", "--mechanism", "brokerge", cwd=project).returncode == 1

    created = briefings("new", "brief", "Commitments as devices", "--actor", "qatar", "--indicator", "talks-direct",
                        "--mechanism", "commitment-device", cwd=project)
    assert created.returncode == 0, created.output
    path = project / created.stdout.strip()
    text = path.read_text("utf-8")
    assert "\nmechanisms: [commitment-device]  # ids from data/mechanisms.yml\n" in text
    assert '{{ mechanism("commitment-device") }}' in text  # an example, in a comment
    assert "\n# leverage:\n" in text and "\n# readings:\n" in text  # offered, commented out
    assert briefings("check", cwd=project).returncode == 0

    # Uncommented, the offered fields are a valid brief, shown on its page once published.
    uncommented = re.sub(r"^# (leverage:|readings:|  )", r"\1", text, flags=re.M)
    written = re.sub(r"TODO: [^\n\"]*", "Written.", uncommented.replace("draft: true", "draft: false"))
    path.write_text(written, "utf-8")
    check = briefings("check", cwd=project)
    assert check.returncode == 0 and "error" not in check.stdout, check.output
    site = tmp_path / "site"
    assert mkdocs_build(project, site).returncode == 0
    page = soup(site / path.relative_to(project / "docs").with_suffix("") / "index.html")
    assert page.select_one(".brief-meta dl a[href$='mechanisms/commitment-device/']")
    assert [td.get_text() for td in page.find("h2", id="readings").find_next("table").select("tbody td")][:2] == [
        "Talks move from indirect to direct", "Steady"]


def test_schemas_work_outside_the_project_too(tmp_path: Path):
    """An editor or another tool can validate with the schema files alone (check-jsonschema here)."""
    result = run(BIN / "check-jsonschema", "--schemafile", SCHEMAS / "actors.schema.json",
                 EXAMPLE / "data/actors.yml", cwd=ROOT)
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
    for command in ("briefings new brief", "briefings new actor", "briefings new indicator",
                    "briefings new mechanism", "briefings check", "script/server"):
        assert command in contributing and command in page, command
    for heading in ("What happened", "Who gains leverage", "What mechanism is operating", "Why it matters",
                    "What to watch next"):
        assert heading in contributing and heading in page


def test_live_preview_shows_drafts_and_rebuilds_when_data_changes(project: Path):
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen([str(BIN / "mkdocs"), "serve", "--dev-addr", f"127.0.0.1:{port}"],
                              cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
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
    finally:
        server.terminate()
        server.wait(timeout=20)


def test_a_corrected_brief_shows_its_corrections_and_how_to_cite_and_report_it(project: Path, tmp_path: Path):
    """Corrections show on the brief as dated notes and in its feed entry; "How to cite" gives a citation
    line; "Report a correction" opens the repository's form with the brief's address filled in."""
    import feedparser
    from urllib.parse import parse_qs, urlsplit

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
    assert cite.get_text() == (f"Briefings desk, ‘Indirect US–Iran talks in Doha keep escalation in check, for now’, "
                               f"Briefings, 8 May 2026, {url}.")
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
