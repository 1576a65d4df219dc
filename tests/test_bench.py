"""The scale benchmark (script/bench) still runs: its corpus passes the checker and its floor builds.

It times nothing: the figures come from `script/bench`, not from the tests.
"""

from __future__ import annotations

import sys
from pathlib import Path

from conftest import BIN, ROOT, briefings, copy_project, run


def test_benchmark_corpus_passes_the_checker_and_its_floor_builds(tmp_path: Path):
    corpus, floor = tmp_path / "corpus", tmp_path / "floor"
    example = copy_project(tmp_path / "example")  # the benchmark copies the shipped project; the test, its own
    made = run(
        sys.executable,
        "-m",
        "benchmarks.corpus",
        "--briefs",
        "5",
        "--actors",
        "30",
        "--indicators",
        "15",
        "--out",
        corpus,
        "--root",
        example,
        cwd=ROOT,
    )
    assert made.returncode == 0, made.output
    generated = sorted(p.relative_to(corpus / "docs").as_posix() for p in (corpus / "docs/briefs").rglob("brief-*.md"))
    assert len(generated) == 5

    checked = briefings("check", cwd=corpus)
    assert checked.returncode == 0, checked.output
    assert "0 errors" in checked.stderr

    written = run(sys.executable, "-m", "benchmarks.floor", corpus, "--out", floor, cwd=ROOT)
    assert written.returncode == 0, written.output
    for page in [*generated, "index.md", "briefs/index.md", "actors/index.md", "indicators/index.md", "feed.xml"]:
        assert (floor / "docs" / page).is_file(), page
    assert "{{" not in (floor / "docs" / generated[0]).read_text("utf-8")

    built = run(BIN / "mkdocs", "build", "--strict", "--site-dir", floor / "site", cwd=floor)
    assert built.returncode == 0, built.output
    assert (floor / "site/search/search_index.json").is_file()
