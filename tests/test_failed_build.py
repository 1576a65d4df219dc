"""A failed build leaves the last good site as it was, byte for byte, with nothing beside it.

The build writes into a temporary folder beside the site folder and puts it in place only once the engine
has accepted it, strict mode included. Each case starts from a good site, breaks the project in one way
(an error the check finds before anything is written, a warning that strict mode turns into a failure
only after every page is written, a template that fails halfway) and builds again, into a given folder
and into the project's site/ with the command `script/build` runs.
"""

from __future__ import annotations

import os
import shlex
import shutil
import signal
import stat
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from briefings.buildcache import CACHE_FOLDER
from briefings.publishing import REPLACED, STAGING, TRASH, tidy
from conftest import BIN, EXAMPLE, ROOT, TOOL_PARTS, BuiltSite, copy_project, mkdocs_build, run, start

pytestmark = pytest.mark.heavy  # scheduled first (conftest.py)

BRIEF = "docs/briefs/2026/doha-indirect-talks.md"


def snapshot(site: Path) -> dict[str, bytes | None]:
    """Every file's bytes and every folder (None) of a site, by path."""
    return {p.relative_to(site).as_posix(): None if p.is_dir() else p.read_bytes() for p in sorted(site.rglob("*"))}


def edit(path: str, old: str, new: str) -> Callable[[Path], None]:
    def make(project: Path) -> None:
        file = project / path
        text = file.read_text("utf-8")
        assert old in text
        file.write_text(text.replace(old, new, 1), "utf-8")

    return make


@dataclass(frozen=True)
class Breakage:
    name: str
    make: Callable[[Path], None]
    says: str  # what the failed build's output says


BREAKAGES = [
    Breakage(
        "an error found before anything is written",
        edit(BRIEF, "date: 2026-05-08", "date: 2026-05-32"),
        "'date' must be a real date",
    ),
    Breakage(
        "a warning of the engine's, which strict mode fails once every page is written",
        edit("mkdocs.yml", "  - About: about.md\n", "  - About: about.md\n  - Missing: missing.md\n"),
        "Aborted with 1 warnings in strict mode",
    ),
    Breakage(
        "a template that fails while pages are written",
        edit("overrides/main.html", "{% block extrahead %}", "{% block extrahead %}{{ page.no_such_method() }}"),
        "no_such_method",
    ),
]


@pytest.fixture
def good_site(built_site: BuiltSite) -> Path:
    """The last good site: the example project's, built once for the tests that read it (conftest.py)."""
    return built_site.site


def beside(site: Path) -> list[str]:
    return sorted(p.name for p in site.parent.iterdir() if p.name not in ("site", "project"))


@pytest.mark.parametrize("breakage", BREAKAGES, ids=lambda b: b.name)
def test_a_failed_build_leaves_the_last_good_site_intact(good_site: Path, tmp_path: Path, breakage: Breakage):
    site = tmp_path / "site"
    shutil.copytree(good_site, site)
    before = snapshot(site)
    project = copy_project(tmp_path / "project")
    breakage.make(project)
    result = mkdocs_build(project, site)
    assert result.returncode != 0 and breakage.says in result.output, result.output
    assert snapshot(site) == before
    assert beside(site) == [], "a temporary folder was left behind"


def test_a_good_build_replaces_the_site_with_a_folder_like_any_other(good_site: Path, tmp_path: Path):
    site = tmp_path / "site"
    shutil.copytree(good_site, site)
    (site / "stale.html").write_text("a page the last build had", "utf-8")
    project = copy_project(tmp_path / "project")
    edit("docs/about.md", "# About\n", "# About the site\n")(project)
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.output
    assert "About the site" in (site / "about/index.html").read_text("utf-8")
    assert not (site / "stale.html").exists()
    assert beside(site) == []
    # The last site went into the cache's trash, which a process of its own empties after the build returns.
    trash = project / CACHE_FOLDER / TRASH
    deadline = time.monotonic() + 60
    while list(trash.iterdir()) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert list(trash.iterdir()) == [], "the last site was not removed"
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(site.stat().st_mode) == 0o777 & ~umask, "the site folder is readable by whoever serves it"


def ended_process() -> int:
    """The id of a process that ran and has ended."""
    done = subprocess.Popen(["true"])
    done.wait()
    return done.pid


def test_the_folder_a_killed_build_wrote_to_goes_with_the_next_build(good_site: Path, tmp_path: Path):
    """A build killed outright (SIGKILL, the system out of memory: nothing of it runs again) leaves the folder it
    was writing to beside the site. The next build removes it, and leaves alone those of builds still running
    and those it cannot tell (not named after their build's process)."""
    site = tmp_path / "site"
    shutil.copytree(good_site, site)
    before = snapshot(site)
    project = copy_project(tmp_path / "project")
    killed = start(BIN / "mkdocs", "build", "--site-dir", site, cwd=project, output=tmp_path / "killed.log")
    pid = killed.process.pid if hasattr(killed, "process") else killed.pid
    deadline = time.monotonic() + 60
    while not list(tmp_path.glob(f"{STAGING}{pid}-*")) and time.monotonic() < deadline:
        time.sleep(0.01)
    os.kill(pid, signal.SIGKILL)
    killed.wait(timeout=30)  # (an ended process its parent has not waited for still has its id)
    [left] = list(tmp_path.glob(f"{STAGING}*"))
    assert left.name.startswith(f"{STAGING}{pid}-") and snapshot(site) == before
    running, unknown = tmp_path / f"{STAGING}{os.getpid()}-a1b2c3d4", tmp_path / f"{STAGING}a1b2c3d4"
    for folder in (running, unknown):
        folder.mkdir()
    edit("docs/about.md", "# About\n", "# About the site\n")(project)
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.output
    assert "About the site" in (site / "about/index.html").read_text("utf-8")
    assert [name for name in beside(site) if name != "killed.log"] == sorted([running.name, unknown.name])


def test_a_site_a_killed_build_had_taken_away_goes_back(tmp_path: Path):
    """Killed between taking the last site away and putting its own in place, a build leaves no site folder but
    the last site waiting beside it: the next build puts it back before it starts, so that a failed build then
    still leaves the last good site."""
    site, waiting = tmp_path / "site", tmp_path / f"{REPLACED}{ended_process()}-a1b2c3d4"
    (waiting / "site").mkdir(parents=True)
    (waiting / "site/index.html").write_text("the last good site", "utf-8")
    staged = tmp_path / f"{STAGING}{ended_process()}-a1b2c3d4"
    (staged / "index.html").parent.mkdir()
    (staged / "index.html").write_text("half a new site", "utf-8")
    tidy(site)
    assert (site / "index.html").read_text("utf-8") == "the last good site"
    assert beside(site) == []


def script_build_command() -> list[str]:
    """The command `script/build` runs once the virtualenv is set up, with this virtualenv's mkdocs."""
    line = next(line for line in (ROOT / "script/build").read_text("utf-8").splitlines() if line.startswith("exec "))
    program, *args = shlex.split(line)[1:]
    assert program == ".venv/bin/mkdocs" and args == ["build", "--strict", "$@"], line
    return [str(BIN / "mkdocs"), "build", "--strict"]


def test_script_build_replaces_the_site_only_when_the_build_succeeds(tmp_path: Path):
    project = copy_project(tmp_path / "project")
    command = script_build_command()
    good = run(*command, cwd=project)
    assert good.returncode == 0, good.output
    site = project / "site"
    before, cache = snapshot(site), snapshot(project / CACHE_FOLDER)
    for breakage in BREAKAGES:
        # only this breakage
        shutil.copytree(EXAMPLE / "docs", project / "docs", dirs_exist_ok=True)
        shutil.copytree(TOOL_PARTS["overrides"], project / "overrides", dirs_exist_ok=True)
        shutil.copy2(EXAMPLE / "mkdocs.yml", project / "mkdocs.yml")
        breakage.make(project)
        failed = run(*command, cwd=project)
        assert failed.returncode != 0 and breakage.says in failed.output, failed.output
        assert snapshot(site) == before, breakage.name
        assert snapshot(project / CACHE_FOLDER) == cache, breakage.name  # the build's cache too
        assert [p.name for p in project.iterdir() if p.name.startswith(".") and p.name != CACHE_FOLDER] == [], (
            breakage.name
        )
