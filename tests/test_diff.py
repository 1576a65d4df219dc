"""`briefings diff REF`, on copies of the project that are git repositories with two commits: one table of
edits, each with the lines the summary must hold. The command runs through its own function in this process
(`briefings_here`); the comparison alone: tests/test_changes.py."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from conftest import GIT_ENV, briefings_here, commit, copy_project, git
from example import GULF

#: 2026-11-01: the example's brief of 2026-11-12 is scheduled, its briefs up to 2026-10-29 published.
DAY = {"SOURCE_DATE_EPOCH": "1793491200"}
MILITARY = "docs/briefs/2026/military-redeployments-what-they-mean.md"
DOHA = "docs/briefs/2026/doha-indirect-talks.md"


def diff(project: Path, *args: str):
    return briefings_here("diff", *args, cwd=project, env={**GIT_ENV, **DAY})


def briefings_ok(project: Path, *args: str) -> None:
    result = briefings_here(*args, cwd=project, env=DAY)
    assert result.returncode == 0, result.output


def edit(project: Path, path: str, old: str, new: str) -> None:
    file = project / path
    text = file.read_text("utf-8")
    assert old in text, f"{old!r} is not in {path}"
    file.write_text(text.replace(old, new, 1), "utf-8")


def cut(project: Path, path: str, start: str) -> None:
    """Remove the end of a file, from `start` on (an entry appended last)."""
    file = project / path
    text = file.read_text("utf-8")
    assert start in text, f"{start!r} is not in {path}"
    file.write_text(text[: text.index(start) + 1], "utf-8")


def copy_brief(project: Path, slug: str, title: str, date: str) -> None:
    text = (project / MILITARY).read_text("utf-8")
    text = re.sub(r"^title: .*$", f"title: {title}", text, count=1, flags=re.M)
    text = re.sub(r"^date: .*$", f"date: {date}", text, count=1, flags=re.M)
    (project / f"docs/briefs/2026/{slug}.md").write_text(text, "utf-8")


NEW_ACTOR = [
    "new",
    "actor",
    "saudi-arabia",
    "--name",
    "Saudi Arabia",
    "--kind",
    "state",
    "--summary",
    "A Gulf state whose airspace and ports matter to any settlement.",
]


@dataclass
class Case:
    name: str
    change: Callable[[Path], None]
    expected: list[str]
    before: Callable[[Path], None] | None = None  # made before the first commit
    absent: list[str] = field(default_factory=list)


CASES = [
    Case(
        "a brief added",
        lambda p: copy_brief(p, "new-brief", "A new brief on the talks", "2026-10-30"),
        [
            "### Briefs added (1)",
            "| A new brief on the talks | `briefs/2026/new-brief/` | 2026-10-30 |",
        ],
    ),
    Case(
        "its text changed",
        lambda p: edit(p, GULF, "## Who gains leverage\n", "## Who gains leverage\n\nTwo more words.\n"),
        [
            "### Briefs changed (1)",
            "| What Gulf states gain from brokering US–Iran contact | `briefs/2026/gulf-states-brokering-gains/` | "
            "text (283 → 286 words) |",
        ],
    ),
    Case(
        "its title changed",
        lambda p: edit(p, GULF, "title: What Gulf states gain", "title: What Gulf *hosts* gain"),
        [
            "| What Gulf \\*hosts\\* gain from brokering US–Iran contact | `briefs/2026/gulf-states-brokering-gains/` | "
            "title: What Gulf states gain from brokering US–Iran contact → What Gulf \\*hosts\\* gain from brokering "
            "US–Iran contact |",
        ],
    ),
    Case(
        "its date changed",
        lambda p: edit(p, GULF, "date: 2026-10-08", "date: 2026-10-09"),
        [
            "| What Gulf states gain from brokering US–Iran contact | `briefs/2026/gulf-states-brokering-gains/` | "
            "date: 2026-10-08 → 2026-10-09 |",
        ],
    ),
    Case(
        "removed",
        lambda p: (p / MILITARY).unlink(),
        [
            "### Briefs removed (1)",
            "| What military redeployments would and would not mean | `briefs/2026/military-redeployments-what-they-mean/` |",
            "### Errors from the check (1)",
            f"{MILITARY}:1:1: 'briefs/2026/military-redeployments-what-they-mean/' was published at HEAD~1 and the site "
            "no longer serves it: outside links to it now fail; record where it went with 'briefings move "
            f"{MILITARY} docs/briefs/<year>/<new-slug>.md'",
            "### Readings that move (1)",
            "| Troop redeployments | Steady | not read | no published brief reads it now |",
        ],
    ),
    Case(
        "moved with briefings move",
        lambda p: briefings_ok(p, "move", MILITARY, "docs/briefs/2026/redeployments.md"),
        [
            "### Briefs moved (1)",
            "| What military redeployments would and would not mean | `briefs/2026/military-redeployments-what-they-mean/` "
            "| `briefs/2026/redeployments/` | nothing else |",
            "### Redirects added (1)",
            "| `briefs/2026/military-redeployments-what-they-mean/` | `briefs/2026/redeployments/` |",
        ],
        absent=["### Briefs added", "### Briefs removed", "### Errors", "### Leverage", "### Readings"],
    ),
    Case(
        "a reading changed",
        lambda p: edit(p, GULF, "talks-direct:\n    status: steady", "talks-direct:\n    status: advancing"),
        [
            "### Readings that move (1)",
            "| Talks move from indirect to direct | Steady | Advancing | What Gulf states gain from brokering US–Iran "
            "contact (`briefs/2026/gulf-states-brokering-gains/`) |",
            "| What Gulf states gain from brokering US–Iran contact | `briefs/2026/gulf-states-brokering-gains/` | readings |",
        ],
    ),
    Case(
        "leverage added",
        lambda p: edit(p, MILITARY, "readings:\n", "leverage:\n  gains: [qatar]\nreadings:\n"),
        [
            "### Leverage judgements added (1)",
            "| Qatar | gains leverage | What military redeployments would and would not mean "
            "(`briefs/2026/military-redeployments-what-they-mean/`) |",
        ],
    ),
    Case(
        "an actor added",
        lambda p: briefings_ok(p, *NEW_ACTOR),
        [
            "### Actors added (1)",
            "| Saudi Arabia | `saudi-arabia` | `actors/saudi-arabia/` |",
        ],
    ),
    Case(
        "an actor renamed with briefings rename",
        lambda p: briefings_ok(p, "rename", "actor", "oman", "sultanate-of-oman"),
        [
            "### Actors renamed (1)",
            "| Oman | `actors/oman/` | `actors/sultanate-of-oman/` | nothing else |",
            "### Redirects added (2)",
            "| `actors/oman/feed.xml` | `actors/sultanate-of-oman/feed.xml` |",
        ],
        absent=["### Actors added", "### Actors removed", "### Indicators changed", "### Errors"],
    ),
    Case(
        "an actor's name changed",
        lambda p: edit(p, "data/actors.yml", "name: Oman\n", "name: Sultanate of Oman\n"),
        [
            "### Actors changed (1)",
            "| Sultanate of Oman | `actors/oman/` | name: Oman → Sultanate of Oman |",
        ],
    ),
    Case(
        "an actor removed",
        lambda p: cut(p, "data/actors.yml", "\nsaudi-arabia:\n"),
        [
            "### Actors removed (1)",
            "| Saudi Arabia | `actors/saudi-arabia/` |",
            "data/actors.yml:",  # its page and feed were published: the error says how to keep them
        ],
        before=lambda p: briefings_ok(p, *NEW_ACTOR),
        absent=["### Actors added"],
    ),
    Case(
        "a scheduled brief",
        lambda p: copy_brief(p, "coming-up", "A brief coming up", "2026-11-20"),
        [
            "### Briefs scheduled (1)",
            "| A brief coming up | 2026-11-20 | `briefs/2026/coming-up/` |",
        ],
        absent=["### Briefs added"],
    ),
    Case(
        "a redirect added",
        lambda p: (p / "data/redirects.yml").write_text("about-us/: about/\n", "utf-8"),
        [
            "### Redirects added (1)",
            "| `about-us/` | `about/` |",
        ],
    ),
    Case(
        "an error introduced",
        lambda p: edit(p, DOHA, "actors: [us-presidency,", "actors: [qatr, us-presidency,"),
        [
            "### Errors from the check (1)",
            f"{DOHA}:6:10: unknown actor 'qatr': did you mean 'qatar'?",
            "What the change does for readers is shown once the check finds no error.",
        ],
    ),
]


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    project = copy_project(tmp_path / "project")
    git(project, "init", "-q", "-b", "main")
    return project


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_each_edit_shows_in_the_summary(repo: Path, case: Case):
    if case.before:
        case.before(repo)
    commit(repo, "Before")
    case.change(repo)
    commit(repo, case.name)
    result = diff(repo, "HEAD~1")
    assert result.returncode == 0, result.output
    assert "Traceback" not in result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "## What this change does for readers, compared with `HEAD~1`"
    for line in case.expected:
        assert line in lines if not line.endswith(":") else any(row.startswith(line) for row in lines), (
            f"{line!r} not in:\n{result.stdout}"
        )
    for line in case.absent:
        assert not any(row.startswith(line) for row in lines), f"{line!r} in:\n{result.stdout}"


def test_the_working_tree_counts_not_only_commits(repo: Path):
    """Compared with a revision, the project as it is on disk: what an author sees before committing."""
    commit(repo, "Before")
    assert diff(repo, "HEAD").stdout == "Nothing changes for readers compared with `HEAD`.\n"
    copy_brief(repo, "uncommitted", "Not yet committed", "2026-10-30")
    assert "| Not yet committed | `briefs/2026/uncommitted/` | 2026-10-30 |" in diff(repo, "HEAD").stdout


def test_a_revision_it_cannot_compare_with_is_said_clearly(repo: Path, tmp_path: Path):
    commit(repo, "Before")
    unknown = diff(repo, "no-such-branch")
    assert unknown.returncode == 2 and unknown.stdout == ""
    assert unknown.stderr.startswith(
        "briefings diff no-such-branch: 'no-such-branch' is not a revision of this repository"
    )
    edit(repo, "data/actors.yml", "\noman:\n", "\noman: [\n")
    commit(repo, "A broken data file")
    edit(repo, "data/actors.yml", "\noman: [\n", "\noman:\n")
    broken = diff(repo, "HEAD")
    assert broken.returncode == 2
    assert "the project at 'HEAD' has 1 error, 0 warnings, so what it published cannot be read" in broken.stderr
    outside = briefings_here("diff", "main", cwd=copy_project(tmp_path / "plain"), env=DAY)
    assert outside.returncode == 2 and "is not in a git repository" in outside.stderr
    for result in (unknown, broken, outside):
        assert "Traceback" not in result.output
