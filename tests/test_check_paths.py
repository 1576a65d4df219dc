"""`briefings check PATH`: the whole project is checked; shown are the problems in PATH and those it causes in
other files, with a count of the rest. A consequence is not reported while its cause stands."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from briefings.cli import main
from conftest import copy_project

ROW = re.compile(r"^(\S+?):\d+:\d+: (.*)$")

#: The id renamed from 'qatar' to 'state-of-qatar': 'qatar' is still its name (case aside), so the advice is the id.
RENAMED = "unknown actor 'qatar': it is the name of 'state-of-qatar'; write 'state-of-qatar'"


def check(project: Path, capsys, *paths: str) -> tuple[int, list[tuple[str, str]], str]:
    """Exit status, the (file, message) of each problem shown, and the summary line."""
    status = main(["--root", str(project), "check", *[str(project / p) for p in paths]])
    out, err = capsys.readouterr()
    rows = [(m.group(1), m.group(2)) for line in out.splitlines() if (m := ROW.match(line))]
    return status, rows, err.strip().splitlines()[-1]


@pytest.fixture
def renamed(tmp_path: Path, monkeypatch) -> Path:
    """The example project after an author renamed the actor `qatar` in data/actors.yml, and nothing else."""
    project = copy_project(tmp_path / "project")
    monkeypatch.chdir(project)
    actors = project / "data/actors.yml"
    actors.write_text(re.sub(r"(?m)^qatar:", "state-of-qatar:", actors.read_text("utf-8")), "utf-8")
    return project


def test_checking_a_data_file_shows_every_problem_it_causes_elsewhere(renamed: Path, capsys):
    everything, all_rows, _ = check(renamed, capsys)
    status, rows, summary = check(renamed, capsys, "data/actors.yml")
    assert everything == status == 1
    assert rows == all_rows  # every problem of the project comes from the rename
    files = {path for path, _ in rows}
    assert "data/indicators.yml" in files and sum(p.startswith("docs/briefs/") for p in files) >= 2
    assert all(RENAMED in message for _, message in rows)
    assert f"{len(rows)} errors, 0 warnings in or caused by data/actors.yml" in summary
    assert "elsewhere" not in summary


def test_checking_one_brief_shows_its_problems_and_counts_the_others(renamed: Path, capsys):
    _, all_rows, _ = check(renamed, capsys)
    brief = next(path for path, _ in all_rows if path.startswith("docs/briefs/"))
    status, rows, summary = check(renamed, capsys, brief)
    assert status == 1 and rows and {path for path, _ in rows} == {brief}
    others = len(all_rows) - len(rows)
    assert f"; {others} errors, 0 warnings elsewhere ('briefings check' lists them)" in summary


def test_a_folder_shows_the_problems_of_every_file_inside_it(renamed: Path, capsys):
    _, all_rows, _ = check(renamed, capsys)
    _, rows, _ = check(renamed, capsys, "docs/briefs")
    assert rows == [row for row in all_rows if row[0].startswith("docs/briefs/")]


def test_a_file_without_problems_passes_even_while_others_have_some(renamed: Path, capsys):
    status, rows, summary = check(renamed, capsys, "mkdocs.yml")
    assert (status, rows) == (0, [])
    assert summary.startswith("briefings check: 0 errors, 0 warnings in or caused by mkdocs.yml; ")


def test_a_path_that_does_not_exist_is_an_error_unless_problems_come_from_it(renamed: Path, capsys):
    status, rows, _ = check(renamed, capsys, "docs/briefs/2026/no-such-brief.md")
    assert status == 1 and rows == [("docs/briefs/2026/no-such-brief.md", "no such file: check the path")]


def test_a_leverage_entry_naming_a_removed_actor_reports_the_missing_actor_not_to_list_it(renamed: Path, capsys):
    """The author fixes the briefs' lists of actors; their leverage entries still name the old id."""
    for brief in (renamed / "docs/briefs").rglob("*.md"):
        text = brief.read_text("utf-8")
        fixed = re.sub(r"(?m)^(actors: \[.*)\bqatar\b", r"\1state-of-qatar", text)
        fixed = fixed.replace('actor("qatar"', 'actor("state-of-qatar"')
        brief.write_text(fixed, "utf-8")
    status, rows, _ = check(renamed, capsys)
    leverage = [(path, message) for path, message in rows if path.startswith("docs/")]
    assert status == 1 and leverage, rows
    for _, message in leverage:
        assert message == RENAMED
    status, rows, _ = check(renamed, capsys, "data/actors.yml")
    assert {path for path, _ in leverage} <= {path for path, _ in rows}


def test_removing_an_image_shows_the_pages_that_showed_it(tmp_path: Path, capsys, monkeypatch):
    project = copy_project(tmp_path / "project")
    monkeypatch.chdir(project)
    brief = next(p for p in sorted((project / "docs/briefs").rglob("*.md")) if p.name != "index.md")
    text = brief.read_text("utf-8")
    brief.write_text(text.replace("\n## What happened\n", "\n## What happened\n\n![A map](map.png)\n", 1), "utf-8")
    image = brief.parent / "map.png"
    image.write_bytes(b"\x89PNG\r\n\x1a\n")
    assert check(project, capsys)[0] == 0
    image.unlink()
    rel = image.relative_to(project).as_posix()
    status, rows, summary = check(project, capsys, rel)
    assert status == 1
    [(path, message)] = rows
    assert path == brief.relative_to(project).as_posix()
    assert message.startswith(f"the image 'map.png' leads to {rel}, which does not exist: ")
