"""The scale benchmark (script/bench) still runs: its corpus passes the checker, its floor builds, and so does
the floor's pages as a Hugo site (the peer; Hugo from Debian's package, which script/hugo installs). The floor
and the peer have the project's pages in every language it is published in, or in one with `--languages one`.

It times nothing: the figures come from `script/bench`, not from the tests.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from benchmarks import peer
from benchmarks.common import read_config, site_languages, url_of
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


def test_the_floors_edit_to_preview_is_measured_on_the_saved_briefs_page(bench: Path, tmp_path: Path):
    """script/bench times plain Material's `mkdocs serve --dirty` on the floor in the default language (the pages
    the project's preview builds) with the same edits as the project's preview, on the saved brief's page (the
    floor's listings are static pages), and reports the two side by side."""
    from benchmarks import preview
    from benchmarks.floor import in_default_language
    from benchmarks.run import preview_figures, preview_lines

    others = in_each_language(bench / "corpus")[1:]
    floor = in_default_language(bench / "floor", tmp_path / "floor", [lang.strip("/") for lang in others])
    assert (floor / "docs/index.md").is_file() and not any((floor / "docs" / lang).exists() for lang in others)
    newest = read_corpus(bench / "corpus").briefs[0].src
    measured = preview.measure(floor, edits=1, timeout=60, startup_timeout=120, brief_page=newest)
    page = url_of(newest)
    assert measured.note == "" and len(measured.edits) == 1, measured
    assert all(edit.seconds is not None and list(edit.pages) == [page] for edit in measured.edits), measured
    assert "(benchmark edit 1 " in (floor / "docs" / measured.brief).read_text("utf-8")

    figures = preview_figures(measured)
    shown = "\n".join(
        preview_lines(
            {**figures, "floor": figures, "floor_ratio": 1.0, "sentence": figures, "sentence_floor_ratio": 0.5}
        )
    )
    median = figures["brief_page_median_seconds"]
    assert median is not None and f"the brief's page: median {median} s" in shown
    assert "project / floor, the brief's page: 1.00 x" in shown
    assert f"a sentence added, the title as it was (the brief's page): median {figures['median_seconds']} s" in shown
    assert "project / floor, a sentence added: 0.50 x" in shown


def test_the_previews_second_edit_adds_a_sentence_and_leaves_the_title(bench: Path, tmp_path: Path):
    """script/bench also times the save an author makes most, a sentence alone, which no page but the brief's
    shows: the edit leaves the front matter as it was."""
    from benchmarks.preview import edit_brief

    newest = read_corpus(bench / "corpus").briefs[0].src
    brief = tmp_path / "brief.md"
    brief.write_text((bench / "corpus/docs" / newest).read_text("utf-8"), "utf-8")
    front = brief.read_text("utf-8").split("\n---\n", 1)[0]
    title = edit_brief(brief, "benchmark edit 7", title=False)
    text = brief.read_text("utf-8")
    assert text.split("\n---\n", 1)[0] == front and title in front
    assert text.count("benchmark edit 7") == 1 and "A sentence added for the benchmark edit 7." in text
    assert edit_brief(brief, "benchmark edit 8") == f"{title} (benchmark edit 8)"


def in_each_language(corpus: Path) -> list[str]:
    """The URL prefix of each language the corpus is published in: '' for the default, 'fr/', 'ar/'..."""
    languages = site_languages(read_config(corpus))
    assert len(languages) > 1, "the example project is published in several languages"
    return ["", *(f"{lang}/" for lang in languages[1:])]


def test_the_floor_has_a_page_per_brief_in_each_language(bench: Path):
    corpus = read_corpus(bench / "corpus")
    site = bench / "floor/site"
    if not site.is_dir():  # built by the test above; built here when this test runs alone
        built = run(BIN / "mkdocs", "build", "--strict", "--site-dir", site, cwd=bench / "floor")
        assert built.returncode == 0, built.output
    for prefix in in_each_language(bench / "corpus"):
        for src in [b.src for b in corpus.briefs] + ["index.md", "actors/index.md", "tags/index.md"]:
            assert (site / prefix / url_of(src) / "index.html").is_file(), (prefix, src)
        assert (site / prefix / "feed.xml").is_file(), prefix


def test_the_floors_pages_build_with_hugo_a_page_for_each(bench: Path):
    assert peer.available(), "no hugo on the PATH: script/hugo (script/test and script/bench run it) installs it"
    site = peer.write_site(bench / "floor", bench / "hugo")
    built = peer.build(site)  # measured as the MkDocs builds are: the kernel's accounting of the hugo process
    assert built.seconds > 0 and built.peak_mib > 0 and built.cpu_seconds > 0
    public = site / peer.OUTPUT

    corpus = read_corpus(bench / "corpus")
    pages = [b.src for b in corpus.briefs] + [e.src for kind in corpus.entities.values() for e in kind.values()]
    assert len(corpus.briefs) >= 5 and corpus.entities["actor"] and corpus.entities["indicator"]
    for prefix in in_each_language(bench / "corpus"):
        for src in [*pages, "index.md", "briefs/index.md", "actors/index.md", "indicators/index.md", "tags/index.md"]:
            assert (public / prefix / url_of(src) / "index.html").is_file(), (prefix, src)
    assert (public / "feed.xml").read_bytes() == (bench / "floor/docs/feed.xml").read_bytes()

    # A brief's links to its actors and indicators lead to their pages' addresses.
    brief = corpus.briefs[0]
    html = (public / url_of(brief.src) / "index.html").read_text("utf-8")
    for kind in ("actor", "indicator"):
        for entity_id in brief.ids(kind):
            assert f'href="/{kind}s/{entity_id}/"' in html, (brief.src, kind, entity_id)
    # The briefs' list page links to every brief; in another language, to its page in that language.
    for prefix in in_each_language(bench / "corpus"):
        listed = (public / prefix / "briefs/index.html").read_text("utf-8")
        assert all(f'href="/{prefix}{url_of(b.src)}"' in listed for b in corpus.briefs), prefix


def test_a_link_to_no_page_fails_the_hugo_build(bench: Path, tmp_path: Path):
    """As `mkdocs build --strict` does for the floor: the peer's links are checked, not left as they are."""
    assert peer.available(), "no hugo on the PATH: script/hugo (script/test and script/bench run it) installs it"
    site = peer.write_site(bench / "floor", tmp_path / "hugo")
    about = site / "content/about.md"
    about.write_text(about.read_text("utf-8") + "\n[Gone](actors/no-such-actor.md)\n", "utf-8")
    with pytest.raises(CommandFailed, match=r'about\.md: a link to "actors/no-such-actor\.md" names no page'):
        peer.build(site)


def test_in_one_language_the_corpus_floor_and_peer_have_the_default_language_only(tmp_path: Path):
    """`script/bench --languages one`: the corpus without the i18n plugin and its translations, and so the floor
    (and the peer, which copies the floor's pages) without language folders."""
    corpus, floor = tmp_path / "corpus", tmp_path / "floor"
    example = copy_project(tmp_path / "example")
    languages = site_languages(read_config(example))
    assert len(languages) > 1 and list((example / "docs").rglob(f"*.{languages[1]}.md"))
    made = run(
        sys.executable, "-m", "benchmarks.corpus", "--briefs", "2", "--out", corpus, "--root", example,
        "--languages", "one", cwd=ROOT,
    )  # fmt: skip
    assert made.returncode == 0, made.output
    assert site_languages(read_config(corpus)) == []
    assert "i18n" not in (corpus / "mkdocs.yml").read_text("utf-8")
    assert not [p for lang in languages[1:] for p in (corpus / "docs").rglob(f"*.{lang}.md")]
    written = run(sys.executable, "-m", "benchmarks.floor", corpus, "--out", floor, cwd=ROOT)
    assert written.returncode == 0, written.output
    assert all((floor / "docs" / b.src).is_file() for b in read_corpus(corpus).briefs)
    assert not [lang for lang in languages if (floor / "docs" / lang).exists()]
