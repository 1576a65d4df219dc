"""A build that reuses the last build's pages (briefings/buildcache.py) is the site a build without the cache
writes, byte for byte, whatever the author changed: each row of the table changes a copy of the example
project that has been built once, builds it again with its cache, builds it without into another folder, and
compares every file. A failed build leaves the last site and the cache as they were."""

from __future__ import annotations

import marshal
import os
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from briefings.buildcache import CACHE_FOLDER, MANIFEST, SEARCH, WITHOUT_CACHE
from conftest import ROOT, briefings, copy_project, mkdocs_build

pytestmark = pytest.mark.heavy  # scheduled first (conftest.py)

BRIEF = "docs/briefs/2026/doha-indirect-talks.md"
TRANSLATION = "docs/briefs/2026/doha-indirect-talks.fr.md"  # the example site is in English, French and Arabic
#: A brief whose page shows nothing of BRIEF's text.
UNTOUCHED = "briefs/2026/presidential-signalling-without-concessions/index.html"
EDITED = "briefs/2026/doha-indirect-talks/index.html"
TRANSLATED = "fr/briefs/2026/doha-indirect-talks/index.html"  # TRANSLATION's page
IN_ARABIC = "ar/briefs/2026/doha-indirect-talks/index.html"
OTHER_TRANSLATED = "fr/briefs/2026/qatar-host-and-gatekeeper/index.html"  # another brief's translation
LISTING = "actors/qatar/index.html"  # lists BRIEF
CITED = "briefs/2026/doha-indirect-talks/cite.bib"  # BRIEF's citation: its title, date and authors, not its text
CATALOG = "fr/data/catalog.json"  # every brief's record (its reading time, not its text)
SEARCHED = "ar/search/pages/0.json"  # the search record of the home page in Arabic
DAY = {"SOURCE_DATE_EPOCH": "1924992000", "REPO_URL": "https://github.com/example-owner/briefings"}  # 2031-01-01


def files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def assert_same_site(built: Path, clean: Path) -> None:
    first, second = files(built), files(clean)
    only_built, only_clean = sorted(first.keys() - second.keys()), sorted(second.keys() - first.keys())
    differ = sorted(name for name in first.keys() & second.keys() if first[name] != second[name])
    assert (only_built, only_clean, differ) == ([], [], []), (
        f"the incremental build differs from a clean one: only in it {only_built}, only in the clean build "
        f"{only_clean}, different {differ}"
    )


def versions(folder: Path, version: str) -> dict[str, str]:
    """An environment in which one more package is installed, at `version` (an upgrade, for the build's key)."""
    info = folder / version / "briefings_probe-0.dist-info"
    info.mkdir(parents=True, exist_ok=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: briefings-probe\nVersion: {version}\n", "utf-8")
    return {**DAY, "PYTHONPATH": str(folder / version)}


def build_once(base: Path, *, one_language: bool) -> tuple[Path, Path]:
    project = copy_project(base / "project", one_language=one_language)
    result = mkdocs_build(project, base / "site", env=versions(base / "packages", "1.0"))
    assert result.returncode == 0, result.output
    assert (project / CACHE_FOLDER / MANIFEST).is_file()
    return project, base / "packages"


@pytest.fixture(scope="session")
def built_once(tmp_path_factory) -> tuple[Path, Path]:
    """The example project built once, with its cache (copied by each row)."""
    return build_once(tmp_path_factory.mktemp("incremental"), one_language=False)


@pytest.fixture(scope="session")
def built_once_in_english(tmp_path_factory) -> tuple[Path, Path]:
    """The same, in English only (`IN_ONE_LANGUAGE`)."""
    return build_once(tmp_path_factory.mktemp("incremental-en"), one_language=True)


def edit(relative: str, old: str, new: str) -> Callable[[Path], None]:
    def change(project: Path) -> None:
        path = project / relative
        text = path.read_text("utf-8")
        assert old in text, (relative, old)
        path.write_text(text.replace(old, new, 1), "utf-8")

    return change


def new_brief(project: Path) -> None:
    text = (project / BRIEF).read_text("utf-8").replace("title: Indirect US–Iran talks", "title: Direct talks", 1)
    (project / "docs/briefs/2026/direct-talks-in-doha.md").write_text(text, "utf-8")


def move_brief(project: Path) -> None:
    moved = briefings("move", BRIEF, "docs/briefs/2026/doha-talks.md", cwd=project)
    assert moved.returncode == 0, moved.output


def delete_brief(project: Path) -> None:
    (project / "docs/briefs/2026/intermittent-flare-up-risk.md").unlink()


def new_translation(project: Path) -> None:
    headings = ["Ce qui s'est passé", "Qui gagne en influence", "Quel mécanisme est à l'œuvre"]
    headings += ["Pourquoi c'est important", "Ce qu'il faut surveiller"]
    body = "".join(f"## {heading}\n\nUne phrase.\n\n" for heading in headings)
    text = f"---\ntitle: Sans engagements fermes, les accrochages restent possibles\nsummary: Un résumé.\n---\n\n{body}"
    (project / "docs/briefs/2026/intermittent-flare-up-risk.fr.md").write_text(text, "utf-8")


#: A brief written only in French: its page in English and Arabic is a note the site generates.
LONE = "docs/briefs/2026/oman-second-channel.fr.md"


def lone_translated(lang: str, headings: list[str]) -> Callable[[Path], None]:
    """A translation into `lang` of the brief written in French, which says so (`translation_of: fr`)."""

    def change(project: Path) -> None:
        body = "".join(f"## {heading}\n\nText.\n\n" for heading in headings)
        front = "title: Oman, the other channel\nsummary: A summary.\ntranslation_of: fr\n"
        name = "oman-second-channel.md" if lang == "en" else f"oman-second-channel.{lang}.md"
        (project / "docs/briefs/2026" / name).write_text(f"---\n{front}---\n\n{body}", "utf-8")

    return change


def delete_translation(project: Path) -> None:
    (project / TRANSLATION).unlink()


def new_entry(project: Path) -> None:
    with (project / "data/mechanisms.yml").open("a", encoding="utf-8") as data:
        data.write("quiet-channel:\n  name: Quiet channel\n  summary: A line kept open between adversaries.\n")


#: Edits to what a page shows: the build renders again the pages that show it, reuses the others, and the site is a
#: clean build's.
EDITS = {
    "text": edit(BRIEF, "## What happened\n", "## What happened\n\nOne more sentence, added.\n"),
    "text's length": edit(BRIEF, "## What happened\n", "## What happened\n\n" + "More words. " * 400 + "\n"),
    "title": edit(BRIEF, "title: Indirect US–Iran talks", "title: Indirect talks"),
    "date": edit(BRIEF, "date: 2026-05-08", "date: 2026-05-10"),
    "actors": edit(BRIEF, "regional-intermediaries]\nindicators", "regional-intermediaries, oman]\nindicators"),
    "readings": edit(BRIEF, "  talks-direct:\n    status: steady", "  talks-direct:\n    status: reversing"),
    "leverage": edit(BRIEF, "gains: [qatar, regional-intermediaries, us-presidency]", "gains: [qatar]"),
    "tags": edit(BRIEF, "tags: [diplomacy, mediation, de-escalation]", "tags: [diplomacy, talks]"),
    # Every language's build has the same source paths: what the cache keeps is each language's own.
    "translation's text": edit(
        TRANSLATION, "## Ce qui s'est passé\n", "## Ce qui s'est passé\n\nUne phrase de plus.\n"
    ),
    "translation's title": edit(TRANSLATION, "title: À Doha, des pourparlers", "title: À Doha, des échanges"),
    "original's data in its translations": edit(
        BRIEF, "note: US officials and Iranian", "note: American officials and Iranian"
    ),
    "new translation": new_translation,
    # A brief written in French only: the notes in English and Arabic show its title and lead to it.
    "lone brief's text": edit(LONE, "## Ce qui s'est passé\n", "## Ce qui s'est passé\n\nUne phrase de plus.\n"),
    "lone brief's title": edit(LONE, "title: Oman, l'autre canal", "title: Oman, le second canal"),
    "lone brief translated into English": lone_translated(
        "en",
        ["What happened", "Who gains leverage", "What mechanism is operating", "Why it matters", "What to watch next"],
    ),
    "lone brief translated into Arabic": lone_translated(
        "ar", ["ما الذي حدث", "من يكسب النفوذ", "ما الآلية الفاعلة", "لماذا يهمّ ذلك", "ما الذي ينبغي مراقبته"]
    ),
    "deleted translation": delete_translation,
    "new brief": new_brief,
    "renamed brief": move_brief,
    "deleted brief": delete_brief,
}
#: Edits to what every page depends on (the build's key): the build reuses nothing, so it is a clean build (the
#: same code, the cache only read and saved); the key's parts are unit-tested in test_reuse.py.
SITE_WIDE = {
    "actor's name": edit("data/actors.yml", "name: Qatar\n", "name: State of Qatar\n"),
    "data translation": edit(
        "data/actors.yml", "    fr:\n      name: Qatar\n", "    fr:\n      name: L'État du Qatar\n"
    ),
    "new data entry": new_entry,
    "template": edit("overrides/main.html", "{% block", "<!-- edited -->{% block"),
    "mkdocs.yml": edit("mkdocs.yml", "copyright: Example content", "copyright: Edited example content"),
    "package upgrade": lambda project: None,  # built with another version of a package installed
}


#: The rows in which the languages play no part (a brief's fields) run on the example in English only
#: (conftest.in_one_language: a third of the pages, less than half the time); the others on the three languages,
#: with at least one row of each kind of change the cache treats differently: a brief's text (its page alone), a
#: new and a deleted brief (pages in every language), a renamed one (a redirect: a site-wide input), a
#: translation, a site-wide input (a data translation).
IN_ONE_LANGUAGE = {"text's length", "title", "date", "actors", "readings", "leverage", "tags"}
IN_ONE_LANGUAGE |= {"actor's name", "new data entry", "template", "mkdocs.yml", "package upgrade"}


@pytest.fixture
def built(request, name) -> tuple[Path, Path]:
    """The built example a row starts from: in English only for a row in `IN_ONE_LANGUAGE`."""
    return request.getfixturevalue("built_once_in_english" if name in IN_ONE_LANGUAGE else "built_once")


def cached(project: Path, page: str) -> Path:
    """The file the cache keeps of the page built as `page` (its path in the site), or of the output there (a
    brief's citation files, the open data: by the digest of its content)."""
    manifest = marshal.loads((project / CACHE_FOLDER / MANIFEST).read_bytes())
    if page in manifest["outputs"]:
        return project / CACHE_FOLDER / "outputs" / manifest["outputs"][page]
    [entry] = [entry for entry in manifest["pages"].values() if entry["dest"] == page]
    return project / CACHE_FOLDER / "pages" / entry["fingerprint"]


def copy_built(built_once: tuple[Path, Path], destination: Path) -> Path:
    project, _ = built_once
    shutil.copytree(project, destination, symlinks=True)
    return destination


def build(project: Path, site: Path, packages: Path, version: str = "1.0", **env: str):
    result = mkdocs_build(project, site, env={**versions(packages, version), **env})
    assert result.returncode == 0, result.output
    # One line per language's build: "Reused 12 of 40 pages and 30 of 33 data files in fr".
    counts = [line.partition("Reused ")[2].split() for line in result.output.splitlines() if "Reused " in line]
    return sum(int(c[0]) for c in counts), sum(int(c[2]) for c in counts)  # pages reused, of how many


#: Rows that render again the pages on the left and reuse those on the right (the cached file itself, a hard link).
WATCHED = {
    # A translation's page shows nothing of its original's text; the original's, nothing of the translation's.
    # Other pages show a brief's length as its reading time, which one sentence does not change.
    # What the core generates whole (the open data, the citation files, the search index's files) is the last
    # build's file where the same.
    "text": ({EDITED}, {UNTOUCHED, TRANSLATED, IN_ARABIC, OTHER_TRANSLATED, LISTING, CITED, CATALOG, SEARCHED}),
    "text's length": ({EDITED, LISTING}, {UNTOUCHED, CITED}),
    "title": ({EDITED, CITED, CATALOG.removeprefix("fr/")}, set()),
    "translation's text": ({TRANSLATED}, {UNTOUCHED, EDITED, IN_ARABIC, OTHER_TRANSLATED}),
    # The judgement is the original's: each language's page shows it.
    "original's data in its translations": ({EDITED, TRANSLATED, IN_ARABIC}, {UNTOUCHED, OTHER_TRANSLATED}),
}


@pytest.mark.parametrize("name", EDITS)
def test_an_incremental_build_is_a_clean_build(name, built, tmp_path):
    project = copy_built(built, tmp_path / "project")
    rendered, reused_pages = WATCHED.get(name, (set(), set()))
    before = {page: cached(project, page).stat().st_ino for page in rendered | reused_pages}
    EDITS[name](project)
    reused, pages = build(project, tmp_path / "incremental", built[1])
    # Moving a brief records a redirect in data/redirects.yml: a site-wide input.
    assert (reused == 0) if name == "renamed brief" else (0 < reused < pages)
    manifest = (project / CACHE_FOLDER / MANIFEST).read_bytes()
    assert build(project, tmp_path / "clean", built[1], **{WITHOUT_CACHE: "1"})[0] == 0
    assert (project / CACHE_FOLDER / MANIFEST).read_bytes() == manifest  # nor saved without it
    assert_same_site(tmp_path / "incremental", tmp_path / "clean")
    for page in rendered:  # an edited page was rendered; another is the cached file itself (a hard link)
        assert (tmp_path / "incremental" / page).stat().st_ino != before[page], page
    for page in reused_pages:
        assert (tmp_path / "incremental" / page).stat().st_ino == before[page], page
        assert cached(project, page).stat().st_ino == before[page], page  # and so is the new cache's


@pytest.mark.parametrize("name", SITE_WIDE)
def test_a_site_wide_change_reuses_no_page_and_builds_a_clean_build(name, built, tmp_path):
    """What the cache keeps whatever the site's key (the loader's reading of each brief, for the same code; the
    theme's templates as compiled, by their source) is still used: the site must be a clean build's all the same.
    The row of mkdocs.yml builds the clean site with the plugin's option `cache: false` instead of the variable."""
    project = copy_built(built, tmp_path / "project")
    SITE_WIDE[name](project)
    version = "2.0" if name == "package upgrade" else "1.0"
    assert build(project, tmp_path / "incremental", built[1], version)[0] == 0
    manifest = (project / CACHE_FOLDER / MANIFEST).read_bytes()
    if name == "mkdocs.yml":
        edit("mkdocs.yml", "\n  - briefings\n", "\n  - briefings:\n      cache: false\n")(project)
        assert build(project, tmp_path / "clean", built[1], version)[0] == 0
    else:
        assert build(project, tmp_path / "clean", built[1], version, **{WITHOUT_CACHE: "1"})[0] == 0
    assert (project / CACHE_FOLDER / MANIFEST).read_bytes() == manifest  # without the cache, nothing is saved
    assert_same_site(tmp_path / "incremental", tmp_path / "clean")


def test_each_language_s_search_index_is_kept_and_only_the_pieces_an_edit_changes_are_made_anew(built_once, tmp_path):
    """The cache keeps the search index of every language (`SEARCH`): after an edit to a brief and to its French
    translation, each language's build starts from its own last index, indexes again the pages it renders, makes
    anew only the pieces of words whose pages changed, and writes again only the files that changed; every index
    is a clean build's."""
    project = copy_built(built_once, tmp_path / "project")
    languages = ("en", "fr", "ar")
    assert all((project / CACHE_FOLDER / SEARCH.format(language=code)).is_file() for code in languages)
    edit(BRIEF, "## What happened\n", "## What happened\n\nA zeppelin, added.\n")(project)
    edit(TRANSLATION, "## Ce qui s'est passé\n", "## Ce qui s'est passé\n\nUn dirigeable, ajouté.\n")(project)
    result = mkdocs_build(project, tmp_path / "incremental", env=versions(built_once[1], "1.0"))
    assert result.returncode == 0, result.output
    restored = re.findall(r"Search: the last build's index restored in (\w+)", result.output)
    written = r"Search: (\d+) pages, (\d+) of (\d+) pieces of words made anew, (\d+) files kept in (\w+)"
    found = re.findall(written, result.output)
    made = {code: (int(made), int(pieces)) for _, made, pieces, _, code in found}
    assert sorted(restored) == sorted(made) == sorted(languages), result.output
    assert all(pieces > 20 for _, pieces in made.values()), made
    # The pages' records that did not change, and the pieces of words no edit touched, are the last build's files
    # (`SearchIndex.keep`): all but the edited page's record (none in Arabic) and the pieces made anew.
    kept = {code: int(kept) - int(pages) - (int(pieces) - int(anew)) for pages, anew, pieces, kept, code in found}
    assert kept == {"en": -1, "fr": -1, "ar": 0}, result.output
    assert 0 < made["en"][0] <= 5 and 0 < made["fr"][0] <= 5 and made["ar"][0] <= 5, made  # the edited pages' words
    assert build(project, tmp_path / "clean", built_once[1], **{WITHOUT_CACHE: "1"})[0] == 0
    assert_same_site(tmp_path / "incremental", tmp_path / "clean")
    assert (tmp_path / "clean/fr/search/words/di.json").read_text("utf-8").count('"dirigeable"') == 1


def test_script_build_without_cache_sets_the_variable_and_hands_every_other_argument_to_mkdocs(tmp_path):
    """`script/build --without-cache` is the variable the table's clean builds set (`WITHOUT_CACHE`); shown here
    with a stand-in for MkDocs that prints what it was given."""
    (tmp_path / "script").mkdir()
    shutil.copy2(ROOT / "script/build", tmp_path / "script/build")
    for stand_in, text in [("script/setup", ""), (".venv/bin/mkdocs", f'echo "${{{WITHOUT_CACHE}:-}}|$*"')]:
        (tmp_path / stand_in).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / stand_in).write_text(f"#!/bin/sh\n{text}\n", "utf-8")
        (tmp_path / stand_in).chmod(0o755)
    env = {key: value for key, value in os.environ.items() if key != WITHOUT_CACHE}
    for args, printed in [
        (["--without-cache", "--site-dir", "out"], "1|build --strict --site-dir out"),
        (["--site-dir", "out"], "|build --strict --site-dir out"),
    ]:
        done = subprocess.run([tmp_path / "script/build", *args], capture_output=True, text=True, env=env, check=True)
        assert done.stdout.strip() == printed


def test_the_open_data_an_edit_does_not_change_is_taken_from_the_last_build(built_once, tmp_path):
    """A brief's citation files show what its page shows, the catalog what the listings show of every brief, as
    the outputs declare it (`briefings.outputs.Wanted`). After an edit to one brief's text, a build makes again
    that brief's citation files in English only (its page in French is its translation's, in Arabic a note, and
    neither changed), and the catalog's schema (which shows nothing that changes) in each language; the rest,
    the catalog included, is the last build's file (`BuildCache.makes`). The site is a clean build's."""
    project = copy_built(built_once, tmp_path / "project")
    edit(BRIEF, "## What happened\n", "## What happened\n\nOne more sentence, added.\n")(project)
    result = mkdocs_build(project, tmp_path / "incremental", env=versions(built_once[1], "1.0"))
    assert result.returncode == 0, result.output
    reused = r"Reused \d+ of \d+ pages and (\d+) of (\d+) data files in (\w+)"
    made = {code: int(of) - int(kept) for kept, of, code in re.findall(reused, result.output)}
    assert made == {"en": 3, "fr": 1, "ar": 1}, result.output
    assert build(project, tmp_path / "clean", built_once[1], **{WITHOUT_CACHE: "1"})[0] == 0
    assert_same_site(tmp_path / "incremental", tmp_path / "clean")


def test_a_failed_build_leaves_the_site_and_the_cache_as_they_were(built_once, tmp_path):
    project = copy_built(built_once, tmp_path / "project")
    shutil.copytree(built_once[0].parent / "site", tmp_path / "site")
    site, cache = files(tmp_path / "site"), files(project / CACHE_FOLDER)
    edit(BRIEF, "## What happened\n", '## What happened\n\n{{ actor("no-such-actor") }}\n')(project)
    failed = mkdocs_build(project, tmp_path / "site", env=versions(built_once[1], "1.0"))
    assert failed.returncode != 0
    assert files(tmp_path / "site") == site
    assert files(project / CACHE_FOLDER) == cache
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".site-")]
    assert not [p.name for p in project.iterdir() if p.name.startswith(CACHE_FOLDER + ".")]


def test_the_engine_copies_a_reused_page_and_checks_no_anchor_of_it(tmp_path):
    """What `ReusedPage` relies on in MkDocs 1.6, pinned: the engine reads and renders only documentation pages,
    copies every other file with `copy_file`, resolves links by source path to a file's `url`, skips the anchors
    of a file without `page`, and stamps the compressed sitemap with the pages it rendered only (which
    `CachedBuild.finish` stamps again)."""
    import inspect

    from mkdocs.commands import build
    from mkdocs.structure.files import File, Files
    from mkdocs.structure.pages import Page

    from briefings.mkdocs.cached_pages import ReusedPage

    source = " ".join(inspect.getsource(Files.copy_static_files).split())
    assert "if not file.is_documentation_page() and inclusion(file.inclusion): file.copy_file(dirty)" in source
    source = " ".join(inspect.getsource(Page.validate_anchor_links).split())
    assert "page = to_file.page if page is None: continue" in source
    source = " ".join(inspect.getsource(build._build_theme_template).split())
    assert "pages=[f.page for f in files.documentation_pages() if f.page is not None]" in source

    (tmp_path / "cached.html").write_text("<p>the last build's page</p>", "utf-8")
    page = File("briefs/2026/a.md", str(tmp_path / "docs"), str(tmp_path / "site"), use_directory_urls=True)
    reused = ReusedPage(page, tmp_path / "cached.html")
    files = Files([reused])
    assert files.get_file_from_path("briefs/2026/a.md") is reused and reused.url == "briefs/2026/a/"
    assert files.documentation_pages() == [] and reused.page is None
    files.copy_static_files()
    built = tmp_path / "site/briefs/2026/a/index.html"
    assert built.read_text("utf-8") == "<p>the last build's page</p>"
    assert built.stat().st_ino == (tmp_path / "cached.html").stat().st_ino  # linked, not copied


def test_a_build_with_a_package_s_metadata_added_to_its_path_is_forked_but_not_one_with_a_module(tmp_path):
    """The table's builds see another version of a package (`versions`) through PYTHONPATH, which the tests' command
    server may fork (launcher.can_run: nothing already imported can differ); a folder holding a module may not."""
    import os

    from launcher import can_run

    env = {**os.environ, **versions(tmp_path, "1.0")}
    assert can_run(env)
    (tmp_path / "1.0" / "probe.py").write_text("", "utf-8")
    assert not can_run(env)
    assert not can_run({**os.environ, "PYTHONPATH": str(tmp_path / "missing")})
