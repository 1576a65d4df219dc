"""Addresses never break: `briefings move`, `briefings rename`, the redirects they record and publish, and
`briefings check --since REF`, on copies of the project that are git repositories with two commits."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from benchmarks.browsing import serving
from conftest import BIN, PNG, briefings_here, commit, copy_project, git, mkdocs_build, run, soup, validate
from example import GULF


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A copy of the project as a git repository with its first commit."""
    project = copy_project(tmp_path / "project")
    git(project, "init", "-q", "-b", "main")
    commit(project, "The project as published")
    return project


def redirects(project: Path) -> dict:
    return yaml.safe_load((project / "data/redirects.yml").read_text("utf-8")) or {}


def files(project: Path) -> dict[str, bytes]:
    return {
        p.relative_to(project).as_posix(): p.read_bytes()
        for p in sorted(project.rglob("*"))
        if p.is_file() and ".git" not in p.parts
    }


def assert_clean(project: Path, since: str = "HEAD~1") -> None:
    result = briefings_here("check", "--since", since, cwd=project)
    assert result.returncode == 0 and result.stdout == "", result.output
    assert "Traceback" not in result.output


# -- moving a brief ------------------------------------------------------------------------------------------


def test_moving_a_brief_moves_its_file_rewrites_links_to_it_and_records_a_redirect(repo: Path):
    about = repo / "docs/about.md"
    about.write_text(
        about.read_text("utf-8") + "\nRead [the Gulf brief](briefs/2026/gulf-states-brokering-gains.md"
        '#why-it-matters) and <a href="briefs/2026/gulf-states-brokering-gains.md">this</a>.\n',
        "utf-8",
    )
    commit(repo, "A page links the brief")
    before = about.read_text("utf-8")

    moved = briefings_here("move", GULF, "docs/briefs/2025/gulf-gains.md", cwd=repo)
    assert moved.returncode == 0, moved.output
    assert not (repo / GULF).exists() and (repo / "docs/briefs/2025/gulf-gains.md").is_file()
    assert about.read_text("utf-8") == before.replace(
        "briefs/2026/gulf-states-brokering-gains.md", "briefs/2025/gulf-gains.md"
    )
    assert redirects(repo) == {"briefs/2026/gulf-states-brokering-gains/": "briefs/2025/gulf-gains/"}
    first_line = (repo / "data/redirects.yml").read_text("utf-8").splitlines()[0]  # the schema line is kept
    assert re.fullmatch(r"# yaml-language-server: \$schema=\S*/briefings/schemas/redirects\.schema\.json", first_line)
    commit(repo, "Move the Gulf brief")
    assert_clean(repo)


def test_moving_a_brief_with_images_moves_its_folder_and_the_links_into_it(repo: Path):
    folder = repo / "docs/briefs/2026/strait-map"
    folder.mkdir()
    text = (
        (repo / GULF)
        .read_text("utf-8")
        .replace(
            "## What happened\n",
            "## What happened\n\n![A map of the strait]"
            "(map.png)\n\nSee also [the Doha talks](../doha-indirect-talks.md).\n",
            1,
        )
    )
    (folder / "index.md").write_text(text.replace("title: ", "title: The strait map and ", 1), "utf-8")
    (folder / "map.png").write_bytes(PNG)
    about = repo / "docs/about.md"
    about.write_text(
        about.read_text("utf-8") + "\n[The map](briefs/2026/strait-map/index.md) "
        "![The strait](briefs/2026/strait-map/map.png)\n",
        "utf-8",
    )
    assert briefings_here("check", cwd=repo).returncode == 0
    commit(repo, "A brief with its own image")

    moved = briefings_here("move", "docs/briefs/2026/strait-map", "docs/briefs/2027/the-strait.md", cwd=repo)
    assert moved.returncode == 0, moved.output
    new = repo / "docs/briefs/2027/the-strait"
    assert (new / "index.md").is_file() and (new / "map.png").is_file() and not folder.exists()
    assert "(../../2026/doha-indirect-talks.md)" in (new / "index.md").read_text("utf-8")  # its own links follow
    assert "(map.png)" in (new / "index.md").read_text("utf-8")
    assert (
        "[The map](briefs/2027/the-strait/index.md) ![The strait](briefs/2027/the-strait/map.png)"
        in about.read_text("utf-8")
    )
    assert redirects(repo) == {"briefs/2026/strait-map/": "briefs/2027/the-strait/"}
    commit(repo, "Move it")
    assert_clean(repo)


def test_a_brief_moved_with_git_is_reported_with_the_command_that_records_its_redirect(repo: Path):
    git(repo, "mv", GULF, "docs/briefs/2026/gulf-gains.md")
    commit(repo, "Rename a brief's file")
    result = briefings_here("check", "--since", "HEAD~1", cwd=repo)
    assert result.returncode == 1
    assert (
        f"{GULF}:1:1: 'briefs/2026/gulf-states-brokering-gains/' was published at HEAD~1 and the site no longer "
        f"serves it"
    ) in result.stdout
    command = f"briefings move {GULF} docs/briefs/2026/gulf-gains.md"  # found by its title
    assert command in result.stdout
    assert briefings_here("check", cwd=repo).returncode == 0  # without --since, nothing is wrong
    fixed = briefings_here(*command.split()[1:], cwd=repo)
    assert fixed.returncode == 0, fixed.output
    assert redirects(repo) == {"briefs/2026/gulf-states-brokering-gains/": "briefs/2026/gulf-gains/"}
    commit(repo, "Redirect it")
    assert_clean(repo)


def test_moving_again_keeps_every_redirect_direct(repo: Path):
    assert briefings_here("move", GULF, "docs/briefs/2026/second.md", cwd=repo).returncode == 0
    assert briefings_here("move", "docs/briefs/2026/second.md", "docs/briefs/2026/third.md", cwd=repo).returncode == 0
    assert redirects(repo) == {
        "briefs/2026/gulf-states-brokering-gains/": "briefs/2026/third/",
        "briefs/2026/second/": "briefs/2026/third/",
    }
    back = briefings_here("move", "docs/briefs/2026/third.md", GULF, cwd=repo)
    assert back.returncode == 0, back.output
    assert redirects(repo) == {
        "briefs/2026/second/": "briefs/2026/gulf-states-brokering-gains/",
        "briefs/2026/third/": "briefs/2026/gulf-states-brokering-gains/",
    }
    commit(repo, "Moved and moved back")
    assert_clean(repo)


@pytest.mark.parametrize(
    "args, message",
    [
        (["docs/briefs/2026/nowhere.md", "docs/briefs/2026/x.md"], "no brief at docs/briefs/2026/nowhere.md"),
        ([GULF, "docs/briefs/2026/doha-indirect-talks.md"], "docs/briefs/2026/doha-indirect-talks.md already exists"),
        ([GULF, "docs/briefs/2026/Gulf Gains.md"], "use lowercase letters, digits and hyphens"),
        (["docs/about.md", "docs/briefs/2026/about.md"], "is not a brief's path"),
    ],
)
def test_move_refuses_clearly_and_changes_nothing(repo: Path, args: list[str], message: str):
    before = files(repo)
    result = briefings_here("move", *args, cwd=repo)
    assert result.returncode == 1 and message in result.stderr, result.output
    assert "Traceback" not in result.output
    assert files(repo) == before


# -- renaming an entity --------------------------------------------------------------------------------------


CRAFTED = """---\r
title: Quoting and comments\r
date: 2026-06-02\r
summary: "Every way of writing an id, kept as written."\r
actors: ["qatar", 'iran']  # the hosts first\r
indicators: [talks-direct]\r
leverage:\r
  gains:\r
    - qatar  # the host\r
readings:\r
  'talks-direct': steady\r
---\r
\r
## What happened\r
\r
The hosts in {{ actor('qatar', "the qatar hosts") }} and {{actor("iran")}} met; qatar-host stays.\r
{% raw %}{{ actor("qatar") }}{% endraw %} is shown as written.\r
\r
## Who gains leverage\r
\r
Text about {{ indicator("talks-direct") }}.\r
\r
## What mechanism is operating\r
\r
Text.\r
\r
## Why it matters\r
\r
Text; see [Qatar's page](../../actors/qatar.md) and [its feed](../../actors/qatar/feed.xml).\r
\r
## What to watch next\r
\r
Text.\r
"""


def test_rename_changes_the_id_everywhere_and_every_other_byte_stays(repo: Path, tmp_path: Path):
    (repo / "docs/briefs/2026/crafted.md").write_bytes(("\ufeff" + CRAFTED).encode("utf-8"))
    actors = repo / "data/actors.yml"
    actors.write_text(actors.read_text("utf-8").replace("qatar:\n", "qatar:  # qatar keeps its comment\n", 1), "utf-8")
    assert briefings_here("check", cwd=repo).returncode == 0, briefings_here("check", cwd=repo).output
    commit(repo, "A brief writing ids every way")
    before = files(repo)

    result = briefings_here("rename", "actor", "qatar", "state-of-qatar", cwd=repo)
    assert result.returncode == 0, result.output
    after = files(repo)
    expected = (
        CRAFTED.replace('["qatar"', '["state-of-qatar"')
        .replace("- qatar  #", "- state-of-qatar  #")
        .replace("actor('qatar'", "actor('state-of-qatar'")
        .replace("actors/qatar", "actors/state-of-qatar")
    )
    assert after["docs/briefs/2026/crafted.md"] == ("\ufeff" + expected).encode("utf-8")  # raw text, prose, CRLF kept
    assert after["data/actors.yml"] == before["data/actors.yml"].replace(
        b"\nqatar:  # qatar keeps", b"\nstate-of-qatar:  # qatar keeps"
    )
    changed = {path for path in after if after[path] != before.get(path)}
    assert "data/indicators.yml" in changed and "docs/briefs/2026/qatar-host-and-gatekeeper.md" in changed
    for path in changed - {"data/redirects.yml", "docs/briefs/2026/crafted.md"}:
        new_lines, old_lines = after[path].split(b"\n"), before[path].split(b"\n")
        assert len(new_lines) == len(old_lines), path
        for new, old in zip(new_lines, old_lines):  # every line changed only where the id was
            assert new == old or re.sub(rb"\bstate-of-qatar\b", b"qatar", new) == old, (path, new, old)
    assert redirects(repo) == {
        "actors/qatar/": "actors/state-of-qatar/",
        "actors/qatar/feed.xml": "actors/state-of-qatar/feed.xml",
    }
    commit(repo, "Rename qatar")
    assert_clean(repo)


@pytest.mark.parametrize(
    "kind, old, new",
    [
        ("actor", "oman", "sultanate-of-oman"),
        ("indicator", "talks-direct", "direct-talks"),
        ("mechanism", "gatekeeping", "access-control"),
    ],
)
def test_rename_works_alike_for_every_kind(repo: Path, kind: str, old: str, new: str):
    folder = {"actor": "actors", "indicator": "indicators", "mechanism": "mechanisms"}[kind]
    result = briefings_here("rename", kind, old, new, cwd=repo)
    assert result.returncode == 0, result.output
    data = yaml.safe_load((repo / f"data/{folder}.yml").read_text("utf-8"))
    assert new in data and old not in data
    for path in (repo / "docs/briefs").rglob("*.md"):  # (the authors' guide shows its examples as written)
        text = path.read_text("utf-8")
        assert f'("{old}")' not in text and f"[{old}," not in text and f" {old}]" not in text, path
    commit(repo, f"Rename {old}")
    assert_clean(repo)
    listed = briefings_here("list", folder, new, cwd=repo)
    assert listed.returncode == 0 and listed.stdout.startswith(new)


def test_rename_refuses_clearly_and_changes_nothing(repo: Path):
    before = files(repo)
    taken = briefings_here("rename", "actor", "qatar", "iran", cwd=repo)
    assert taken.returncode == 1 and "data/actors.yml already has an actor 'iran'" in taken.stderr
    unknown = briefings_here("rename", "actor", "qatr", "state-of-qatar", cwd=repo)
    assert unknown.returncode == 1 and "unknown actor 'qatr': did you mean 'qatar'?" in unknown.stderr
    invalid = briefings_here("rename", "mechanism", "gatekeeping", "Gate_Keeping", cwd=repo)
    assert invalid.returncode == 1 and "lowercase letters, digits and hyphens" in invalid.stderr
    for result in (taken, unknown, invalid):
        assert "Traceback" not in result.output
    assert files(repo) == before


def test_rename_and_move_change_nothing_when_a_file_cannot_be_read(repo: Path):
    (repo / "docs/notes.md").write_bytes(b"\xff\xfe not UTF-8\n")
    before = files(repo)
    for args in (["rename", "actor", "qatar", "state-of-qatar"], ["move", GULF, "docs/briefs/2026/gulf-gains.md"]):
        result = briefings_here(*args, cwd=repo)
        assert result.returncode == 1 and "docs/notes.md is not UTF-8 text" in result.stderr, result.output
        assert "Traceback" not in result.output
        assert files(repo) == before


def test_rename_changes_nothing_when_a_data_file_that_may_name_the_entity_cannot_be_read(repo: Path):
    """Renaming a region while data/actors.yml is malformed once renamed it everywhere else and left the actors
    placed in it under the old id."""
    actors = repo / "data/actors.yml"
    actors.write_text(actors.read_text("utf-8") + "\nbroken: [unclosed\n", "utf-8")
    before = files(repo)
    result = briefings_here("rename", "region", "north-america", "americas-north", cwd=repo)
    assert result.returncode == 1 and "data/actors.yml:" in result.stderr, result.output
    assert "fix it first" in result.stderr and "Traceback" not in result.output
    assert files(repo) == before


def test_an_id_changed_by_hand_is_reported_and_rename_finishes_the_job(repo: Path):
    actors = repo / "data/actors.yml"
    actors.write_text(actors.read_text("utf-8").replace("\noman:\n", "\nsultanate-of-oman:\n"), "utf-8")
    broken = briefings_here("check", cwd=repo)
    assert broken.returncode == 1 and "unknown actor 'oman'" in broken.stdout
    fixed = briefings_here("rename", "actor", "oman", "sultanate-of-oman", cwd=repo)
    assert fixed.returncode == 0, fixed.output
    commit(repo, "Oman's id")
    assert_clean(repo)


# -- check --since -------------------------------------------------------------------------------------------


def test_check_since_reports_every_lost_address_with_its_fix(repo: Path):
    actors = repo / "data/actors.yml"
    (repo / "docs/about.md").unlink()
    text = actors.read_text("utf-8")
    actors.write_text(text.replace("\noman:\n", "\nsultanate-of-oman:\n"), "utf-8")
    for path in [*(repo / "docs").rglob("*.md"), repo / "data/indicators.yml"]:
        path.write_text(re.sub(r"(?<![\w-])oman(?![\w-])", "sultanate-of-oman", path.read_text("utf-8")), "utf-8")
    assert briefings_here("check", cwd=repo).returncode == 0
    commit(repo, "Ids and pages changed by hand")
    result = briefings_here("check", "--since", "HEAD~1", cwd=repo)
    assert result.returncode == 1, result.output
    line = text[: text.index("\noman:\n") + 1].count("\n") + 1
    rows = result.stdout.splitlines()
    assert (
        f"data/actors.yml:{line}:1: 'actors/oman/' was published at HEAD~1 and the site no longer serves it: "
        "outside links to it now fail; record its new id with 'briefings rename actor oman sultanate-of-oman'"
    ) in rows, result.stdout
    assert any(row.startswith(f"data/actors.yml:{line}:1: 'actors/oman/feed.xml' was published") for row in rows)
    assert any(
        row.startswith("docs/about.md:1:1: 'about/' was published at HEAD~1")
        and "add a line 'about/: <new-address>/' to data/redirects.yml" in row
        for row in rows
    ), result.stdout
    annotations = briefings_here("check", "--format", "github", "--since", "HEAD~1", cwd=repo)
    assert "::error file=docs/about.md,line=1,col=1::'about/' was published" in annotations.stdout

    (repo / "data/redirects.yml").write_text("about/: briefs/\n", "utf-8")
    assert briefings_here("rename", "actor", "oman", "sultanate-of-oman", cwd=repo).returncode == 0
    assert_clean(repo)


def test_check_since_keeps_old_redirects(repo: Path):
    assert briefings_here("move", GULF, "docs/briefs/2026/gulf-gains.md", cwd=repo).returncode == 0
    commit(repo, "Move a brief")
    (repo / "data/redirects.yml").write_text("# emptied\n", "utf-8")
    commit(repo, "Drop its redirect")
    result = briefings_here("check", "--since", "HEAD~1", cwd=repo)
    assert result.returncode == 1
    assert (
        "data/redirects.yml:1:1: 'briefs/2026/gulf-states-brokering-gains/' was redirected to "
        "'briefs/2026/gulf-gains/' at HEAD~1 and no longer is: outside links to it now fail; put back the line "
        "'briefs/2026/gulf-states-brokering-gains/: briefs/2026/gulf-gains/'"
    ) in result.stdout


def test_check_since_leaves_drafts_out_of_what_was_published(repo: Path):
    draft = repo / "docs/briefs/2026/draft-mediator-terms.md"
    assert "draft: true" in draft.read_text("utf-8")
    draft.rename(draft.with_name("mediator-terms.md"))
    commit(repo, "A draft renamed: it was never published")
    assert_clean(repo)


def test_check_since_says_clearly_when_it_cannot_compare(repo: Path, tmp_path: Path):
    unknown = briefings_here("check", "--since", "no-such-branch", cwd=repo)
    assert unknown.returncode == 1 and "'no-such-branch' is not a revision of this repository" in unknown.stderr
    actors = repo / "data/actors.yml"
    actors.write_text(actors.read_text("utf-8") + "broken: [\n", "utf-8")
    commit(repo, "A broken data file")
    actors.write_text(actors.read_text("utf-8").replace("broken: [\n", ""), "utf-8")
    broken = briefings_here("check", "--since", "HEAD", cwd=repo)
    assert broken.returncode == 1
    assert (
        "the project at 'HEAD' has 1 error, 0 warnings, so the addresses it published cannot be read" in broken.stderr
    )
    assert "data/actors.yml:" in broken.stderr
    plain = copy_project(tmp_path / "plain")
    outside = briefings_here("check", "--since", "main", cwd=plain)
    assert outside.returncode == 1 and "is not in a git repository" in outside.stderr
    for result in (unknown, broken, outside):
        assert "Traceback" not in result.output


# -- the published redirects --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def moved_site(tmp_path_factory):
    """The project with a brief moved and an actor renamed, built for and served under a project path."""
    base = tmp_path_factory.mktemp("moved")
    project = copy_project(base / "project")
    assert briefings_here("move", GULF, "docs/briefs/2026/gulf-gains.md", cwd=project).returncode == 0
    assert briefings_here("rename", "actor", "qatar", "state-of-qatar", cwd=project).returncode == 0
    with serving(base / "site", "/briefings/") as server:
        result = mkdocs_build(project, base / "site", env={"SITE_URL": server.url})
        assert result.returncode == 0, result.output
        yield base / "site", server


def test_each_old_address_gets_a_page_that_sends_readers_on_relatively(moved_site):
    site, _ = moved_site
    page = soup(site / "briefs/2026/gulf-states-brokering-gains/index.html")
    assert page.find("link", rel="canonical")["href"] == "../gulf-gains/"
    assert page.find("meta", attrs={"http-equiv": "refresh"})["content"] == "0; url=../gulf-gains/"
    assert page.find("a")["href"] == "../gulf-gains/"
    assert page.find("meta", attrs={"name": "robots"}) is None  # a canonical link and noindex would contradict
    actor = soup(site / "actors/qatar/index.html")
    assert actor.find("a")["href"] == "../state-of-qatar/"
    old_feed, new_feed = site / "actors/qatar/feed.xml", site / "actors/state-of-qatar/feed.xml"
    assert old_feed.read_bytes() == new_feed.read_bytes()  # feed readers get the feed, which names its new address
    assert b"actors/state-of-qatar/feed.xml" in old_feed.read_bytes()
    sitemap = (site / "sitemap.xml").read_text("utf-8")
    assert "gulf-states-brokering-gains" not in sitemap and "actors/qatar/" not in sitemap


def test_each_language_s_old_address_sends_readers_on_in_that_language(moved_site):
    """Each language's build publishes the redirects in its folder: the page in the language (its `lang`, its
    direction, its text), leading to the new address in that language."""
    site, _ = moved_site
    english = soup(site / "briefs/2026/gulf-states-brokering-gains/index.html")
    assert (english.html["lang"], english.html.get("dir"), english.h1.text) == ("en", None, "This page has moved")
    shown = {
        "fr": ("Cette page a changé d'adresse", "Sa nouvelle adresse est "),
        "ar": ("نُقلت هذه الصفحة", "عنوانها الجديد هو "),
    }
    for code, (title, text) in shown.items():
        page = soup(site / code / "briefs/2026/gulf-states-brokering-gains/index.html")
        assert (page.html["lang"], page.html.get("dir")) == (code, "rtl" if code == "ar" else None)
        assert page.title.text == page.h1.text == title
        assert page.p.text == f"{text}../gulf-gains/."
        assert page.find("link", rel="canonical")["href"] == page.find("a")["href"] == "../gulf-gains/"
        assert (site / code / "briefs/2026/gulf-gains/index.html").is_file()  # where it leads, in the language
        assert soup(site / code / "actors/qatar/index.html").find("a")["href"] == "../state-of-qatar/"
        old_feed, new_feed = site / code / "actors/qatar/feed.xml", site / code / "actors/state-of-qatar/feed.xml"
        assert old_feed.read_bytes() == new_feed.read_bytes()  # the language's feed
        assert f'xml:lang="{code}"'.encode() in old_feed.read_bytes()


def test_redirect_pages_are_valid_html(moved_site):
    site, _ = moved_site
    pages = [site / "briefs/2026/gulf-states-brokering-gains/index.html", site / "actors/qatar/index.html"]
    pages += [site / code / "briefs/2026/gulf-states-brokering-gains/index.html" for code in ("fr", "ar")]
    assert validate(pages) == []


@pytest.mark.browser
def test_a_reader_following_an_old_address_lands_on_the_new_page(page, moved_site):
    _, server = moved_site
    page.goto(server.url + "briefs/2026/gulf-states-brokering-gains/")
    page.wait_for_url(server.url + "briefs/2026/gulf-gains/")
    assert "Gulf" in page.locator("h1").first.inner_text()
    page.goto(server.url + "actors/qatar/")
    page.wait_for_url(server.url + "actors/state-of-qatar/")
    assert page.locator("h1").first.inner_text().startswith("Qatar")


def test_the_command_line_is_documented():
    help_text = run(BIN / "briefings", "--help", cwd=Path.cwd()).stdout
    assert "move" in help_text and "rename" in help_text
