"""Reading many briefs: `briefings check` reads them in several processes (from `READ_APART_FROM` briefs, on
a machine with more than one processor); what it finds must be exactly what reading them one by one finds."""

from __future__ import annotations

import re
from pathlib import Path

from briefings import findings
from briefings.findings import READ_APART_FROM
from briefings.loader import load_project
from briefings.project import Project
from conftest import briefings, copy_project

MISTAKES = [
    (r"actors:\n", "actors:\n  - nobody-known\n"),  # an unknown actor
    (r"date: \S+", "date: 2026-13-40"),  # an impossible date
    (r"## Why it matters", "## Why it matter"),  # a misspelt house heading
    (r"\n\n", "\n\n<script>alert(1)</script>\n\n"),  # active content
    (r"title: ", "title: \n"),  # an empty title
]


def test_reading_briefs_in_several_processes_finds_what_reading_them_one_by_one_finds(tmp_path: Path, monkeypatch):
    project = copy_project(tmp_path / "project")
    model = (project / "docs/briefs/2026/doha-indirect-talks.md").read_text("utf-8")
    count = READ_APART_FROM + 40
    (project / "docs/briefs/2025").mkdir(exist_ok=True)
    for n in range(count):
        text = model
        if n % 7 == 0:
            pattern, replacement = MISTAKES[(n // 7) % len(MISTAKES)]
            text = re.sub(pattern, replacement, text, count=1)
        (project / f"docs/briefs/2025/copy-{n:03d}.md").write_text(text, "utf-8")

    checked = briefings("check", cwd=project)
    monkeypatch.setattr(findings, "processors_to_fork", lambda: 1)
    one_by_one = load_project(Project.at(project))

    reported = sorted(line for line in checked.stdout.splitlines() if re.match(r"^\S+:\d+:\d+: ", line))
    assert len(one_by_one.problems.errors) >= 20
    assert reported == sorted(str(problem) for problem in one_by_one.problems)
    assert checked.returncode == 1
    assert f"{one_by_one.files} files read" in checked.output
