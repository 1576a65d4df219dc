"""The scale benchmark (script/bench) still runs: its corpus passes the checker, its floor builds, and so does
the floor's pages as a Hugo site (the peer; Hugo from Debian's package, which script/hugo installs).

It times nothing: the figures come from `script/bench`, not from the tests.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from benchmarks import peer
from benchmarks.common import url_of
from benchmarks.floor import read_corpus
from benchmarks.measure import CommandFailed
from conftest import BIN, ROOT, briefings, copy_project, run


@pytest.fixture(scope="module")
def bench(tmp_path_factory) -> Path:
    """A folder with a tiny benchmark corpus (5 generated briefs) in corpus/ and its floor in floor/."""
    folder = tmp_path_factory.mktemp("bench")
    corpus, floor = folder / "corpus", folder / "floor"
    example = copy_project(folder / "example")  # the benchmark copies the shipped project; the test, its own
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
    written = run(sys.executable, "-m", "benchmarks.floor", corpus, "--out", floor, cwd=ROOT)
    assert written.returncode == 0, written.output
    return folder


def test_benchmark_corpus_passes_the_checker_and_its_floor_builds(bench: Path):
    corpus, floor = bench / "corpus", bench / "floor"
    generated = sorted(p.relative_to(corpus / "docs").as_posix() for p in (corpus / "docs/briefs").rglob("brief-*.md"))
    assert len(generated) == 5

    checked = briefings("check", cwd=corpus)
    assert checked.returncode == 0, checked.output
    assert "0 errors" in checked.stderr

    for page in [*generated, "index.md", "briefs/index.md", "actors/index.md", "indicators/index.md", "feed.xml"]:
        assert (floor / "docs" / page).is_file(), page
    assert "{{" not in (floor / "docs" / generated[0]).read_text("utf-8")

    built = run(BIN / "mkdocs", "build", "--strict", "--site-dir", floor / "site", cwd=floor)
    assert built.returncode == 0, built.output
    assert (floor / "site/search/search_index.json").is_file()


def test_the_floors_pages_build_with_hugo_a_page_for_each(bench: Path):
    assert peer.available(), "no hugo on the PATH: script/hugo (script/test and script/bench run it) installs it"
    site = peer.write_site(bench / "floor", bench / "hugo")
    built = peer.build(site)  # measured as the MkDocs builds are: the kernel's accounting of the hugo process
    assert built.seconds > 0 and built.peak_mib > 0 and built.cpu_seconds > 0
    public = site / peer.OUTPUT

    corpus = read_corpus(bench / "corpus")
    pages = [b.src for b in corpus.briefs] + [e.src for kind in corpus.entities.values() for e in kind.values()]
    assert len(corpus.briefs) >= 5 and corpus.entities["actor"] and corpus.entities["indicator"]
    for src in [*pages, "index.md", "briefs/index.md", "actors/index.md", "indicators/index.md", "tags/index.md"]:
        assert (public / url_of(src) / "index.html").is_file(), src
    assert (public / "feed.xml").read_bytes() == (bench / "floor/docs/feed.xml").read_bytes()

    # A brief's links to its actors and indicators lead to their pages' addresses.
    brief = corpus.briefs[0]
    html = (public / url_of(brief.src) / "index.html").read_text("utf-8")
    for kind in ("actor", "indicator"):
        for entity_id in brief.ids(kind):
            assert f'href="/{kind}s/{entity_id}/"' in html, (brief.src, kind, entity_id)
    # The briefs' list page links to every brief.
    listed = (public / "briefs/index.html").read_text("utf-8")
    assert all(f'href="/{url_of(b.src)}"' in listed for b in corpus.briefs)


def test_a_link_to_no_page_fails_the_hugo_build(bench: Path, tmp_path: Path):
    """As `mkdocs build --strict` does for the floor: the peer's links are checked, not left as they are."""
    assert peer.available(), "no hugo on the PATH: script/hugo (script/test and script/bench run it) installs it"
    site = peer.write_site(bench / "floor", tmp_path / "hugo")
    about = site / "content/about.md"
    about.write_text(about.read_text("utf-8") + "\n[Gone](actors/no-such-actor.md)\n", "utf-8")
    with pytest.raises(CommandFailed, match=r'about\.md: a link to "actors/no-such-actor\.md" names no page'):
        peer.build(site)
