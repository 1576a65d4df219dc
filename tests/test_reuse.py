"""What each page's fingerprint covers (`briefings/reuse.py`), and what the build's key and the preview's stamp
cover (`briefings/site_inputs.py`), in-process: a change changes the fingerprint of every page that shows it, and
of no other page."""

from __future__ import annotations

import importlib.metadata
import marshal
import re
import shutil
from pathlib import Path

import jinja2
import pytest

from briefings import reuse, site_inputs
from briefings.catalog import Catalog
from briefings.in_language import catalog_in
from briefings.loader import load_project
from briefings.pages.brief import Publication, brief_markdown, page_context
from briefings.project import Project
from briefings.translations import split_language
from conftest import copy_project

BRIEF = "briefs/2026/doha-indirect-talks.md"
SETTINGS = {"site_url": "https://example.org/", "repo_url": None}
#: The example project's navigation (always rendered, never fingerprinted).
NAV = {"index.md", "about.md", "briefs/index.md", "tags/index.md", "authors/index.md", "regions/index.md"} | {
    f"{folder}/index.md" for folder in ("actors", "indicators", "mechanisms")
}


@pytest.fixture
def example(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


def fingerprints(project: Path) -> dict[str, str]:
    """Every page's fingerprint."""
    loaded = load_project(Project.at(project))
    assert loaded.ok, loaded.problems
    return dict(reuse.Fingerprints(loaded.catalog, directory_urls=True, leave_out=NAV).bases)


def key(project: Path, settings: dict = SETTINGS) -> str:
    return site_inputs.site_key(Project.at(project), settings)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), "utf-8")


def changed(before: dict[str, str], after: dict[str, str]) -> set[str]:
    return {page for page in before.keys() | after.keys() if before.get(page) != after.get(page)}


def test_every_brief_and_generated_page_has_a_fingerprint_but_those_the_navigation_lists(example):
    found = fingerprints(example)
    catalog = load_project(Project.at(example)).catalog
    assert {brief.src_uri for brief in catalog.briefs} <= found.keys()
    assert {"actors/qatar.md", "tags/diplomacy/index.md", "regions/gulf.md"} <= found.keys()
    assert not NAV & found.keys()
    assert fingerprints(example) == found  # the same project, the same fingerprints


def test_a_briefs_text_changes_its_page_and_no_other(example):
    """Other pages show a brief's record, not its text (its number of words is in its record)."""
    before = fingerprints(example)
    edit(example / "docs" / BRIEF, "without meeting directly", "without meeting openly")
    assert changed(before, fingerprints(example)) == {BRIEF}


def test_a_sentence_added_to_a_briefs_text_changes_its_page_and_no_other(example):
    """Other pages may show a brief's length as its reading time, which a sentence does not change (its page
    shows both: its text by its digest)."""
    before = fingerprints(example)
    edit(example / "docs" / BRIEF, "## What happened\n", "## What happened\n\nA sentence added to the brief.\n")
    assert changed(before, fingerprints(example)) == {BRIEF}


def test_a_briefs_reading_time_changes_the_pages_that_list_it(example):
    before = fingerprints(example)
    edit(example / "docs" / BRIEF, "## What happened\n", "## What happened\n\n" + "More words. " * 400 + "\n")
    assert {BRIEF, "actors/qatar.md", "tags/diplomacy/index.md", "regions/gulf.md"} <= changed(
        before, fingerprints(example)
    )


def test_no_template_shows_a_briefs_number_of_words():
    """A brief's fingerprint on other pages than its own holds its reading time, not its number of words
    (`Fingerprints.shown`): a template showing the number would not be written again when it changes."""
    templates = Path(site_inputs.PACKAGE) / "templates"
    reads_words = re.compile(r"\.words\b|\[\s*['\"]words['\"]\s*\]|attr\(\s*['\"]words['\"]")
    found = [
        path.name
        for path in sorted(templates.rglob("*"))
        if path.is_file() and reads_words.search(path.read_text("utf-8"))
    ]
    assert len(list(templates.rglob("*.md"))) > 20
    assert found == []


def test_a_briefs_title_changes_the_pages_that_show_it(example):
    before = fingerprints(example)
    edit(example / "docs" / BRIEF, "title: Indirect US–Iran talks", "title: Indirect talks")
    pages = changed(before, fingerprints(example))
    catalog = load_project(Project.at(example)).catalog
    brief = catalog.brief(BRIEF)
    neighbours = {b.src_uri for b in [catalog.previous_brief(brief), catalog.next_brief(brief)] if b}
    related = {b.src_uri for b in catalog.briefs if brief in catalog.related_briefs(b)}
    assert {BRIEF, "actors/qatar.md", "tags/diplomacy/index.md", *neighbours, *related} <= pages
    assert pages & {b.src_uri for b in catalog.briefs} == {BRIEF, *neighbours, *related}


def test_a_briefs_tags_change_its_page_and_the_tags_pages(example):
    before = fingerprints(example)
    edit(example / "docs" / BRIEF, "tags: [diplomacy, mediation, de-escalation]", "tags: [diplomacy, mediation]")
    pages = changed(before, fingerprints(example))
    assert {BRIEF, "tags/de-escalation/index.md"} <= pages


def test_a_generated_page_is_fingerprinted_with_what_its_template_is_given(example):
    """An actor's page lists the briefs naming it, which its page module gives its template (templates get no
    function of the catalog: the test below): a brief that starts naming the actor changes the page."""
    before = fingerprints(example)
    edit(example / "docs" / BRIEF, "regional-intermediaries]\nindicators", "regional-intermediaries, oman]\nindicators")
    pages = changed(before, fingerprints(example))
    assert {BRIEF, "actors/oman.md"} <= pages


def test_every_generated_pages_template_is_given_data_and_no_function(example):
    """A function in a template's context would show in the page's fingerprint as its name only (or, bound to
    the catalog, as the whole catalog: the page then changes with any brief)."""
    from briefings.site import Site

    catalog = load_project(Project.at(example)).catalog

    def functions(value, where: str):
        if callable(value) and not isinstance(value, type):
            yield where
        for key, item in (
            value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, (list, tuple)) else ()
        ):
            yield from functions(item, f"{where}[{key!r}]")

    pages = list(Site(catalog).generated_pages())
    assert len(pages) > 30 and any(page.src_uri == "regions/index.md" for page in pages)
    assert not [where for page in pages for where in functions(page.context(), page.src_uri)]


def test_a_briefs_page_is_given_its_page_context_and_nothing_else_of_the_catalog(example):
    """A brief's page's fingerprint is derived from what its templates are given (`pages.brief.inputs`), as a
    generated page's from its context: each template of the page is given its `page_context`, where it is
    published (the configuration's) and what those two give (the header's list of what it holds, the citation
    files' paths), and nothing else."""
    catalog = load_project(Project.at(example)).catalog
    brief = catalog.brief(BRIEF)
    given: list[tuple[str, dict]] = []

    def render(template: str, page: str, **context) -> str:
        given.append((template, context))
        return ""

    brief_markdown(catalog, render, brief, "Body.", Publication(url="/", site_name="Site"), block=lambda html: "")
    expected = page_context(catalog, brief)
    assert {template for template, _ in given} >= {"brief-header.md", "brief-related.md"}
    for template, context in given:
        assert context.keys() - expected.keys() <= {"publication", "contents", "citation_files"}, template
        assert all(context[name] == expected[name] for name in expected.keys() & context.keys()), template


def stamp(project: Path, settings: dict = SETTINGS, pages: set[str] | None = None) -> bytes:
    return site_inputs.site_stamp(Project.at(project), settings, pages=pages)


def test_the_key_and_the_previews_stamp_cover_the_site_wide_inputs(example):
    """The build's key (by content) and the preview's stamp (by size and time of change) change with the same
    inputs: what `site_inputs.site_files` goes through, and the configuration's values."""
    base, stamped = key(example), stamp(example)
    assert key(example) == base and stamp(example) == stamped
    pages = load_project(Project.at(example)).catalog.pages  # the preview's, as its catalog knows them
    assert stamp(example, pages=pages) == stamped
    assert [name for name, _ in site_inputs.site_files(Project.at(example), pages=pages)] == [
        name for name, _ in site_inputs.site_files(Project.at(example))
    ]
    edit(example / "docs" / BRIEF, "## What happened\n", "## What happened\n\nMore.\n")
    assert key(example) == base and stamp(example) == stamped, "a brief is not a site-wide input"
    for path, old, new in [
        ("mkdocs.yml", "site_name: Briefings", "site_name: Briefings!"),
        ("data/actors.yml", "name: Qatar", "name: State of Qatar"),
        ("overrides/main.html", "{#", "{# edited"),
        ("docs/about.md", "\n", "\n\nAn added line.\n"),
    ]:
        edit(example / path, old, new)
        assert key(example) != base and stamp(example) != stamped, path
        base, stamped = key(example), stamp(example)
    changed_settings = {**SETTINGS, "site_url": "https://example.com/"}  # set by the environment
    assert key(example, changed_settings) != base and stamp(example, changed_settings) != stamped
    (example / "macros" / "added.py").write_text("# a new module\n", "utf-8")
    assert key(example) != base and stamp(example) != stamped


def test_a_file_moved_from_one_site_folder_to_the_next_changes_the_key(example):
    """Each file is in the key by its path in the project: `macros/a.txt` is not `data/a.txt`, though each is
    the last of its folder's files or the first of the next folder's."""
    assert sorted(p.name for p in (example / "macros").iterdir() if p.is_file()) == ["__init__.py"]
    (example / "macros" / "a.txt").write_text("the same text", "utf-8")
    in_macros = key(example)
    (example / "macros" / "a.txt").rename(example / "data" / "a.txt")
    assert key(example) != in_macros


def test_the_key_and_the_stamp_cover_the_package_itself(example, tmp_path, monkeypatch):
    sources = {path.name for path in site_inputs.PACKAGE.rglob("*") if path.is_file()}
    assert {"reuse.py", "brief-header.md", "brief.schema.json"} <= sources
    package = tmp_path / "package"  # a copy of the package's templates, edited (not the package others run)
    shutil.copytree(site_inputs.PACKAGE / "templates", package / "templates")
    monkeypatch.setattr(site_inputs, "PACKAGE", package)
    stamped, coded = stamp(example), site_inputs.code_key()
    edit(package / "templates/pages/actor.md", "{#", "{# edited")
    assert stamp(example) != stamped and site_inputs.code_key() != coded


def test_the_key_covers_each_installed_package_s_name_and_version(tmp_path, monkeypatch):
    """The packages installed and their versions are part of the key, read from each one's metadata's headers (not
    its description)."""
    info = tmp_path / "briefings_probe-0.dist-info"
    info.mkdir()

    def installed(version: str) -> None:
        headers = f"Metadata-Version: 2.1\nName: Briefings-Probe\nVersion: {version}\n"
        (info / "METADATA").write_text(headers + "\nA description.\nVersion: 9\n", "utf-8")

    monkeypatch.syspath_prepend(str(tmp_path))
    installed("1.0")
    first = site_inputs.code_key()
    [probe] = [d for d in importlib.metadata.distributions() if d.name == "Briefings-Probe"]
    assert site_inputs._name_and_version(probe) == ("briefings-probe", "1.0")
    installed("2.0")
    assert site_inputs.code_key() != first
    installed("1.0")
    assert site_inputs.code_key() == first


def test_nav_paths_reads_mkdocs_nav():
    nav = [{"Home": "index.md"}, {"Briefs": ["briefs/index.md", {"Tags": "tags/index.md"}]}, "about.md"]
    assert set(site_inputs.nav_paths(nav)) == {"index.md", "briefs/index.md", "tags/index.md", "about.md"}


def test_the_language_a_listing_shows_a_brief_in_is_in_its_fingerprint(example, monkeypatch):
    """A brief not translated into the page's language is listed marked with its own: a translation that says
    just what the original does (same title, summary and length) still changes the pages listing it."""
    loaded = load_project(Project.at(example))
    assert loaded.ok and loaded.catalog is not None, loaded.problems
    languages = ("en", "fr", "ar")

    def french() -> dict[str, str]:
        found = reuse.Fingerprints(loaded.catalog, directory_urls=True, leave_out=NAV, lang="fr", languages=languages)
        return dict(found.bases)

    before = french()
    shown_in = Catalog.text_language
    monkeypatch.setattr(
        Catalog, "text_language", lambda self, brief: "ar" if brief.src_uri == BRIEF else shown_in(self, brief)
    )
    after = french()
    assert {"actors/qatar.md", "tags/diplomacy/index.md"} <= changed(before, after)
    # So do the pages of the briefs leading to it (related, previous, next): each marks it too.
    french_catalog = catalog_in(loaded.catalog, "fr")

    def leads_to(brief) -> set[str]:  # the briefs its page leads to: related, previous, next
        shown = page_context(french_catalog, brief)
        return {other.src_uri for other in [*shown["related"], shown["previous"], shown["next"]] if other}

    leading = {brief.src_uri for brief in french_catalog.briefs if BRIEF in leads_to(brief)}
    pages = {split_language(src_uri)[0] for src_uri in changed(before, after)}  # a page in French may be `x.fr.md`
    assert leading and leading <= pages, leading - pages


#: Edits after which a build takes what the last build's fingerprints recorded (`Fingerprints.record`), each as
#: (file in docs/, old, new): a text, a title, a translation's title, and the catalog's arrangement (tags).
LAST_BUILD_EDITS = {
    "a sentence": (BRIEF, "## What happened\n", "## What happened\n\nA sentence added to the brief.\n"),
    "a title": (BRIEF, "title: Indirect US–Iran talks", "title: Indirect talks"),
    "a translation's title": (BRIEF.replace(".md", ".fr.md"), "title: À Doha, des", "title: Des"),
    "tags": (BRIEF, "tags: [diplomacy, mediation, de-escalation]", "tags: [diplomacy, mediation]"),
}


@pytest.mark.parametrize("name", LAST_BUILD_EDITS)
def test_the_last_builds_record_gives_the_fingerprints_worked_out_anew(example, name):
    """A page that showed none of the briefs whose record changed keeps the last build's fingerprint, in a
    catalog arranged as it was; each page's fingerprint, and what the next build is given, is what the build
    works out without the record."""

    def fingerprints_with(last: dict | None = None) -> reuse.Fingerprints:
        loaded = load_project(Project.at(example))
        assert loaded.ok and loaded.catalog is not None, loaded.problems
        return reuse.Fingerprints(
            loaded.catalog, directory_urls=True, leave_out=NAV, lang="en", languages=("en", "fr", "ar"), last=last
        )

    def showing(record: dict) -> dict[str, set[int]]:
        return {page: set(briefs) for page, briefs in record["showing"].items()}

    record = marshal.loads(marshal.dumps(fingerprints_with().record()))  # as the cache's manifest keeps it
    path, old, new = LAST_BUILD_EDITS[name]
    edit(example / "docs" / path, old, new)
    fresh, recalled = fingerprints_with(), fingerprints_with(last=record)
    assert recalled.bases == fresh.bases
    assert (
        changed(record["bases"], fresh.bases) and not changed(record["bases"], fresh.bases) & recalled.recalled.keys()
    )
    if name == "tags":  # arranged otherwise: nothing recalled
        assert not recalled.recalled
    else:
        assert recalled.recalled and BRIEF not in recalled.recalled  # (a small site: most pages show it)
    again = recalled.record()
    assert again | {"showing": None} == fresh.record() | {"showing": None}
    assert showing(again) == showing(fresh.record())


class _CountedEnvironment(jinja2.Environment):
    """An environment counting the templates it compiles."""

    compiled = 0

    def _compile(self, source, filename):
        type(self).compiled += 1
        return super()._compile(source, filename)


@pytest.mark.parametrize("kept", ["in the process", "on disk"])
def test_a_template_copied_elsewhere_is_found_compiled_and_its_errors_name_its_own_file(kept, tmp_path):
    """The theme's templates' code is looked up by each template's name and source, not by where its file lies: a
    project copied or cloned elsewhere finds it compiled (a CI runner's checkout; each of the tests' projects), in the
    process or in the build's cache folder; a template whose source changed is compiled again; an error in a template
    names the file it lies in."""
    from briefings.cached_files import CompiledOnDisk
    from briefings.templating import CompiledTemplates

    def cache():
        return (
            CompiledTemplates() if kept == "in the process" else CompiledOnDisk(tmp_path / "cache", CompiledTemplates())
        )

    def environment(folder: str, bytecode_cache) -> jinja2.Environment:
        (tmp_path / folder).mkdir(exist_ok=True)
        (tmp_path / folder / "page.html").write_text("{{ 1 // value }}", "utf-8")
        return _CountedEnvironment(loader=jinja2.FileSystemLoader(tmp_path / folder), bytecode_cache=bytecode_cache)

    _CountedEnvironment.compiled = 0
    first = cache()
    assert environment("first", first).get_template("page.html").render(value=1) == "1"
    if kept == "on disk":
        first.save()  # as a build's cache is saved; the next build runs in another process
    copy = environment("copy", first if kept == "in the process" else cache()).get_template("page.html")
    assert _CountedEnvironment.compiled == 1
    assert copy.render(value=2) == "0" and copy.filename == str(tmp_path / "copy/page.html")
    assert copy.root_render_func.__code__.co_filename == copy.filename  # and so its blocks and macros
    with pytest.raises(ZeroDivisionError) as error:
        copy.render(value=0)
    assert error.traceback[-1].path == tmp_path / "copy/page.html"
    (tmp_path / "edited").mkdir()
    (tmp_path / "edited/page.html").write_text("{{ 2 // value }}", "utf-8")
    edited = _CountedEnvironment(loader=jinja2.FileSystemLoader(tmp_path / "edited"), bytecode_cache=first)
    assert edited.get_template("page.html").render(value=1) == "2" and _CountedEnvironment.compiled == 2
