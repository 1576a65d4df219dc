"""The live preview writes again only what a save changes, and what it serves is what a fresh build writes."""

from __future__ import annotations

import dataclasses
import gc
import os
import re
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import Page

from benchmarks.browsing import free_port
from briefings import Project, findings, load_project, loader, reuse
from briefings.export import render_catalog
from briefings.feed import SiteFeeds
from briefings.loader import LoadCache
from briefings.multilingual import LanguageBuild, served_language
from briefings.preview import Preview, QuietCollector, pages_to_rebuild
from briefings.reuse import Fingerprints
from briefings.site import Site
from briefings.translations import split_language
from briefings.urls import CATALOG_PATH
from conftest import BIN, fetch, mkdocs_build, run, start, wait_for
from launcher import Started

DOHA = "docs/briefs/2026/doha-indirect-talks.md"
OTHER_LANGUAGES = ("fr", "ar")  # the example's, besides English
SETTINGS = {"site_name": "Briefings"}  # the engine's configuration, as the plugin gives it (with the theme's, none)


def _edit(project: Path, path: str, old: str, new: str) -> None:
    file = project / path
    text = file.read_text("utf-8")
    assert old in text
    file.write_text(text.replace(old, new, 1), "utf-8")
    stat = file.stat()
    os.utime(file, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))  # a later save, whatever the clock


def _written(catalog) -> dict[str, str]:
    """Every generated page's Markdown."""
    site = Site(catalog)
    return {page.src_uri: site.markdown(page) for page in site.generated_pages()}


def _fingerprints(catalog) -> Fingerprints:
    return Fingerprints(catalog, directory_urls=True, leave_out=set())


def test_a_saved_brief_changes_its_page_the_pages_listing_it_and_nothing_else(project: Path):
    """Derived from the pages' fingerprints (briefings.reuse), checked against what is written: every generated
    page whose Markdown changes is written again, and the briefs that show the edited one, and not the rest."""
    cache = LoadCache()
    before = load_project(Project.at(project), preview=True, cache=cache)
    assert pages_to_rebuild(None, _fingerprints(before.catalog), before.changed) is None  # the first writes all
    written = _written(before.catalog)
    _edit(project, DOHA, "keep escalation in check", "keep escalation contained")
    after = load_project(Project.at(project), preview=True, cache=cache)
    assert after.changed.briefs == {"briefs/2026/doha-indirect-talks.md"} and not after.changed.anything_else
    pages = pages_to_rebuild(_fingerprints(before.catalog), _fingerprints(after.catalog), after.changed)
    # The preview's fingerprints borrow what the last ones worked out of each unchanged object: the same.
    lent = Fingerprints(after.catalog, directory_urls=True, leave_out=set(), previous=_fingerprints(before.catalog))
    assert lent.bases == _fingerprints(after.catalog).bases
    assert any(brief is b for b in before.catalog.briefs for brief in after.catalog.briefs)  # objects kept
    # And its catalog borrows the related briefs the last one worked out, when they derive from the same.
    borrowing = load_project(Project.at(project), preview=True, cache=cache).catalog
    assert [before.catalog.related_briefs(b) for b in before.catalog.briefs]
    borrowing.borrow_related(before.catalog)
    assert borrowing._related_briefs, "nothing borrowed"
    for b in after.catalog.briefs:
        assert [r.src_uri for r in borrowing.related_briefs(b)] == [r.src_uri for r in after.catalog.related_briefs(b)]
        assert all(r is borrowing.brief(r.src_uri) for r in borrowing.related_briefs(b))
    brief = after.catalog.brief("briefs/2026/doha-indirect-talks.md")
    named = {e.src_uri for folder in brief.named for e in after.catalog.named_by(brief, folder)}
    # Its title also shows on the briefs published just before and after it and on those it is related to.
    catalog = after.catalog
    showing = {
        b.src_uri
        for b in catalog.briefs
        if brief in (*catalog.related_briefs(b), catalog.next_brief(b), catalog.previous_brief(b))
    }
    assert showing and len(showing) < len(catalog.briefs) - 1
    tagged = {f"tags/{tag}/index.md" for tag in ("diplomacy", "mediation", "de-escalation")}  # its tags' pages
    rewritten = {src_uri for src_uri, text in _written(after.catalog).items() if written.get(src_uri) != text}
    assert rewritten <= pages, "a page whose Markdown changes is not written again"
    assert {"briefs/2026/doha-indirect-talks.md", *tagged, *named, *showing} <= pages
    assert "tags/index.md" not in pages  # its tags' counts and latest dates are as they were
    others = {b.src_uri for b in catalog.briefs} - showing - {brief.src_uri}
    assert others and not others & pages
    assert len(pages) < len(written) + len(catalog.briefs)

    _edit(project, "data/actors.yml", "name: Qatar\n", "name: State of Qatar\n")
    data = load_project(Project.at(project), preview=True, cache=cache)
    assert data.changed.anything_else
    assert pages_to_rebuild(_fingerprints(after.catalog), _fingerprints(data.catalog), data.changed) is None
    assert data.catalog.actors["qatar"].name == "State of Qatar"  # a changed data file is read again
    again = load_project(Project.at(project), preview=True, cache=cache)  # and an unchanged one is not
    assert again.catalog.actors["qatar"] is data.catalog.actors["qatar"] and not again.changed.anything_else


def test_a_hand_written_page_is_read_again_only_when_it_or_the_ids_change(project: Path, monkeypatch):
    """The preview's reading keeps what it found in each hand-written page (its problems, links and macro calls),
    as it does a brief's: a save of anything else reads none of them again."""
    read: list[str] = []
    anew = findings.page_findings
    monkeypatch.setattr(findings, "page_findings", lambda page, *a: read.append(page.src_uri) or anew(page, *a))
    cache = LoadCache()

    def reading() -> tuple[list[str], loader.Loaded]:
        read.clear()
        return read, load_project(Project.at(project), preview=True, cache=cache)

    first, loaded = reading()
    pages = loaded.catalog.pages
    assert set(first) == pages and "index.md" in loaded.templated and "feed.xml" in loaded.catalog.linked_outputs
    _edit(project, DOHA, "keep escalation in check", "keep escalation contained")
    again, saved = reading()
    assert again == [] and (saved.templated, saved.catalog.linked_outputs) == (
        loaded.templated,
        loaded.catalog.linked_outputs,
    )
    assert not saved.changed.anything_else
    _edit(project, "docs/about.md", "](feed.xml)", "](feeds.xml)")  # a link to no file
    again, broken = reading()
    assert again == ["about.md"] and broken.catalog is None  # (what changed is then unknown: None)
    (error,) = [str(p) for p in broken.problems.errors]
    assert error.startswith("docs/about.md:44:") and "feeds.xml" in error
    again, still = reading()  # the page's problems, from the cache
    assert again == [] and [str(p) for p in still.problems.errors] == [error]
    _edit(project, "docs/about.md", "](feeds.xml)", "](feed.xml)")
    _edit(project, "data/actors.yml", "\nqatar:\n", "\nqatar-state:\n")  # the ids its macros may name
    again, _ = reading()
    assert set(again) == pages


def test_a_new_title_of_the_brief_giving_an_indicators_latest_reading_leaves_the_indicators_index(project: Path):
    """The indicators' index shows each indicator's latest reading by its status and date, not the brief giving it
    (`pages.indicators.ReadingShown`): a new title of that brief writes the indicator's page again, which lists
    the brief, and not the index, which stays as it was."""
    cache = LoadCache()
    before = load_project(Project.at(project), preview=True, cache=cache)
    gulf = "briefs/2026/gulf-states-brokering-gains.md"
    assert before.catalog.latest_reading(before.catalog.indicators["talks-direct"]).brief.src_uri == gulf
    _edit(project, f"docs/{gulf}", "gain from brokering", "gain from mediating")
    after = load_project(Project.at(project), preview=True, cache=cache)
    pages = pages_to_rebuild(_fingerprints(before.catalog), _fingerprints(after.catalog), after.changed)
    assert gulf in pages and "indicators/talks-direct.md" in pages and "indicators/index.md" not in pages
    index = "indicators/index.md"
    assert _written(after.catalog)[index] == _written(before.catalog)[index]


def test_a_save_goes_through_only_the_pages_showing_the_briefs_it_changed(project: Path, monkeypatch):
    """The preview's fingerprints after a save that leaves the catalog arranged as it was (`Catalog.arrangement`)
    go through only the generated pages that showed the briefs that say something else and the pages of the briefs
    leading to them, and are those of every page; after a save that arranges it otherwise (a brief names another
    actor, or moves), through every page."""
    gone_through: list[str] = []
    briefs_gone_through: list[str] = []
    generated_pages, brief_inputs = Site.generated_pages, reuse.brief_inputs

    def counted(site: Site):
        for page in generated_pages(site):
            yield dataclasses.replace(
                page, context=lambda page=page: gone_through.append(page.src_uri) or page.context()
            )

    def brief_counted(catalog, brief):
        briefs_gone_through.append(brief.src_uri)
        return brief_inputs(catalog, brief)

    monkeypatch.setattr(Site, "generated_pages", counted)
    monkeypatch.setattr(reuse, "brief_inputs", brief_counted)
    cache = LoadCache()
    before = _fingerprints(load_project(Project.at(project), preview=True, cache=cache).catalog)
    doha = DOHA.removeprefix("docs/")
    for old, new in [
        ("title: Indirect US–Iran talks in Doha", "title: Doha's indirect US–Iran talks"),  # shown on many pages
        ("actors: [us-presidency, ", "actors: [oman, us-presidency, "),  # Oman's page now lists it
        ("date: 2026-", "date: 2025-"),  # it moves in every listing
    ]:
        _edit(project, DOHA, old, new)
        after = load_project(Project.at(project), preview=True, cache=cache)
        assert after.changed.briefs == {doha}
        gone_through.clear()
        briefs_gone_through.clear()
        reached = Fingerprints(after.catalog, directory_urls=True, leave_out=set(), previous=before)
        went, briefs_went = set(gone_through), set(briefs_gone_through)
        fresh = _fingerprints(after.catalog)
        assert reached.bases == fresh.bases and reached.bases != before.bases, new
        showing = {src_uri for src_uri, briefs in fresh.showing.items() if doha in briefs}
        leading = {src_uri for src_uri, briefs in fresh.leading.items() if doha in briefs}
        assert doha in leading and len(leading) > 1
        if new.startswith("title"):  # the catalog is arranged as it was
            assert after.catalog.arrangement() == before.arrangement
            assert went == showing and len(went) < len(fresh.showing) / 2, new
            assert briefs_went == leading and len(briefs_went) < len(fresh.leading), new
        else:
            assert went == set(fresh.showing) and showing < went, new
            assert briefs_went == set(fresh.leading) and leading < briefs_went, new
        before = reached


def test_each_language_writes_again_only_the_pages_a_save_changes_in_it(project: Path):
    """In a site in several languages each language's build has its own fingerprints: a save writes again, in
    each language, every generated page whose Markdown changes there, few of the others, and the pages the
    navigation lists that it has not seen written (their titles in the navigation come from the pages written)."""
    languages = ("en", "fr", "ar")
    preview = Preview()

    def rebuild(settings: dict = SETTINGS) -> dict[str, tuple[set[str] | None, dict[str, str]]]:
        preview.load(Project.at(project), settings, {})
        found = {}
        for lang in languages:
            build = LanguageBuild(lang, languages, again=lang != "en")
            site = preview.in_language(build, listed=["index.md", "about.md"])
            assert site.language.code == lang
            pages = {page.src_uri: site.markdown(page) for page in site.generated_pages()}
            every = [*pages, *site.catalog.pages, *(brief.src_uri for brief in site.catalog.briefs)]
            rewritten = {src_uri for src_uri in every if preview.rewrites(src_uri)}
            made = {CATALOG_PATH} & made_again(site, preview)  # the open data's catalog
            found[lang] = (preview.pages.rebuild, pages, rewritten | made)
        return found

    first = rebuild()
    assert all(rebuild is None for rebuild, _, _ in first.values())  # the first build writes everything
    gulf = "docs/briefs/2026/gulf-states-brokering-gains.md"  # a brief in English only, and a French translation
    _edit(project, gulf, "title: What Gulf states gain", "title: What Gulf states win")
    _edit(project, DOHA.replace(".md", ".fr.md"), "title: À Doha, des pourparlers", "title: À Doha, les pourparlers")
    second = rebuild()
    for lang in languages:
        rebuild_set, pages, rewritten = second[lang]
        assert rebuild_set is not None, lang
        changed = {src_uri for src_uri, text in pages.items() if first[lang][1].get(src_uri) != text}
        assert changed and changed <= rewritten, (lang, changed - rewritten)
        assert {"about.md", "index.md", "briefs/index.md"} <= rewritten, lang  # the archive lists the titles
        assert CATALOG_PATH in rewritten, lang  # so does the open data's catalog
        assert set(pages) - rewritten and {b.src_uri for b in preview.pages.site.catalog.briefs} - rewritten, lang
    # A sentence of a brief's text shows on its page only: the archive (a listing macro's) is not written again,
    # nor is the catalog made again.
    _edit(project, DOHA, "without meeting directly", "without ever meeting directly")
    third = rebuild()
    assert all(
        rebuild_set is not None and not {"briefs/index.md", CATALOG_PATH} & rewritten
        for rebuild_set, _, rewritten in third.values()
    )
    assert DOHA.removeprefix("docs/") in third["en"][2]
    # The French title shows on the French pages only; the English one on every language's pages.
    assert all("tags/mediation/index.md" in second[lang][0] for lang in languages)
    assert any("À Doha, les pourparlers" in text for text in second["fr"][1].values())
    assert not any("À Doha, les pourparlers" in text for text in second["ar"][1].values())
    assert all(any("Gulf states win" in text for text in second[lang][1].values()) for lang in languages)
    # A save that breaks the build shows its errors on every page: the next good save writes them all again.
    _edit(project, gulf, "title: What Gulf states win", "title: [What Gulf states win")
    assert all(rebuild is None for rebuild, _, _ in rebuild().values()) and not preview.loaded.ok
    _edit(project, gulf, "title: [What Gulf states win", "title: What Gulf states win")
    assert all(rebuild is None for rebuild, _, _ in rebuild().values()) and preview.loaded.ok
    _edit(project, gulf, "title: What Gulf states win", "title: What Gulf states gain")
    assert all(rebuild is not None for rebuild, _, _ in rebuild().values())
    # What every page depends on besides the briefs (site_inputs): a template of overrides/, mkdocs.yml, the
    # configuration's values. A save of any writes every page again, in every language.
    for path, old, new in [("overrides/main.html", "{#", "{# edited"), ("mkdocs.yml", "\n", "\n# a comment\n")]:
        _edit(project, path, old, new)
        assert all(rebuild is None for rebuild, _, _ in rebuild().values()), path
        assert all(rebuild is not None for rebuild, _, _ in rebuild().values()), path  # and then as before
    assert all(rebuild is None for rebuild, _, _ in rebuild({"site_name": "Renamed"}).values())
    assert all(rebuild is not None for rebuild, _, _ in rebuild({"site_name": "Renamed"}).values())


def test_a_save_writes_the_open_page_first_and_the_rest_in_the_rebuild_after(project: Path):
    """With a page open in the author's browser (`Preview.open_first`), a save that changes it and other pages
    writes the open page alone, and leaves the others and the open data to the next rebuild, which writes them
    even though nothing changed meanwhile: the two rebuilds write together what one writes without an open page,
    in whichever language the preview serves. A save whose pages are all open, or none of them, is one rebuild."""
    languages = ("en", "fr", "ar")
    brief, page = DOHA.removeprefix("docs/"), "briefs/2026/doha-indirect-talks/"

    def rebuild(preview: Preview, lang: str, opened: set[str] | None = None) -> set[str]:
        preview.open_first(opened)
        preview.load(Project.at(project), SETTINGS, {})
        build = LanguageBuild(lang, languages, again=False, only=True)
        site = preview.in_language(build)
        written = [p.relative_to(project / "docs").as_posix() for p in (project / "docs").rglob("*.md")]
        every = [*(page.src_uri for page in site.generated_pages()), *written]  # (translations' pages: `x.fr.md`)
        return {src_uri for src_uri in every if preview.rewrites(src_uri)} | made_again(site, preview)

    def pages(written: set[str]) -> set[str]:  # the pages (a page's translations are at its address)
        return {split_language(src_uri)[0] for src_uri in written if src_uri.endswith(".md")}

    # Each language's own title and text: the English brief's, and its French translation's.
    french = (DOHA.replace(".md", ".fr.md"), "title: À Doha, des pourparlers", "sans se rencontrer", "sans jamais")
    english = (DOHA, "title: Indirect US–Iran talks", "without meeting directly", "without ever")
    for lang, prefix, (source, title, sentence, words) in (("en", "", english), ("fr", "fr/", french)):
        at_once, open_first = Preview(), Preview()
        rebuild(at_once, lang), rebuild(open_first, lang, {prefix + page})  # the first writes everything
        _edit(project, source, title, f"{title} ({lang})")
        wanted = rebuild(at_once, lang)
        assert {brief, "index.md", "briefs/index.md"} <= pages(wanted) and CATALOG_PATH in wanted, lang
        first = rebuild(open_first, lang, {prefix + page, prefix + "about/"})  # about/: open, unchanged
        assert pages(first) == {brief} and CATALOG_PATH not in first and open_first.owes, lang
        second = rebuild(open_first, lang)
        assert first | second == wanted and brief not in pages(second) and not open_first.owes, lang
        # The home page open: it is written first (a listing macro's: it lists the brief), the brief's page after.
        _edit(project, source, f"({lang})", f"({lang}, again)")
        wanted = rebuild(at_once, lang)
        first = rebuild(open_first, lang, {prefix})
        assert pages(first) == {"index.md"} and open_first.owes, lang
        second = rebuild(open_first, lang, {prefix})  # (open, changed no more)
        assert first | second == wanted and "index.md" not in pages(second) and not open_first.owes, lang
        # A sentence: its page alone changes, open or not, in one rebuild.
        for opened in ({prefix + page}, {prefix + "about/"}):
            _edit(project, source, sentence, words)
            assert pages(rebuild(open_first, lang, opened)) == {brief} and not open_first.owes, (lang, opened)
            _edit(project, source, words, sentence)
            rebuild(open_first, lang)
    # What a rebuild left is written by the next whatever that one changes itself; a save that changes every page
    # (the configuration) writes everything at once, leaving nothing for later.
    preview = Preview()
    rebuild(preview, "en")
    _edit(project, DOHA, "title: Indirect", "title: The indirect")
    assert pages(rebuild(preview, "en", {page})) == {brief} and preview.owes
    _edit(project, "mkdocs.yml", "\n", "\n# a comment\n")
    rebuild(preview, "en", {page})
    assert preview.pages.rebuild is None and not preview.owes


def made_again(site: Site, preview: Preview) -> set[str]:
    """The open data a rebuild makes again, as the build asks the preview for it (`Site.outputs`): each output
    declares what it shows (briefings.outputs.LISTED_BRIEFS), and the preview says whether the save changed it."""
    data = site.data_files(site_name="", home="/", remember=True, wanted=preview.makes)
    return {path for path, text in data if text is not None}


def test_the_preview_makes_the_catalog_again_when_it_changes_and_only_then(project: Path):
    """The open data's catalog holds every brief's record and not its text: a sentence's save, for which the
    preview does not make it again (`Preview.makes`), leaves a fresh catalog as it was; a title's changes it."""
    preview = Preview()

    def rebuild() -> tuple[bool, str]:
        preview.load(Project.at(project), SETTINGS, {})
        site = preview.in_language(LanguageBuild("en", ("en",), again=False))
        return CATALOG_PATH in made_again(site, preview), render_catalog(
            site.catalog, site_name="", home_url="/", url_of=str
        )

    made, catalog = rebuild()
    assert made
    for old, new, changes in [
        ("without meeting directly", "without ever meeting directly", False),
        ("title: Indirect US–Iran talks in Doha", "title: Doha's indirect US–Iran talks", True),
        ("relying on facilitators", "relying on go-betweens", False),
    ]:
        _edit(project, DOHA, old, new)
        made, after = rebuild()
        assert (made, after != catalog) == (changes, changes), new
        catalog = after


def test_the_engine_is_told_only_of_the_files_a_rebuild_writes_or_a_page_links(project: Path):
    """The preview tells MkDocs of every page, of the files it writes again, and of the files pages link by their
    path (`Preview.lists`: MkDocs resolves the links of the pages it writes against the files it knows): not of
    another brief's citation files, nor of a feed no page links, which the preview writes itself."""
    preview = Preview()

    def listed() -> set[str]:
        preview.load(Project.at(project), SETTINGS, {})
        site = preview.in_language(LanguageBuild("en", ("en",), again=False))
        outputs = site.outputs(SiteFeeds(), remember=True, wanted=preview.makes)
        told = {output.path for output in outputs if preview.lists(output)}
        assert {page.src_uri for page in site.generated_pages()} <= told  # every page
        return told

    everything = listed()  # the first build writes every page and file: the feeds once quiet (`Preview.publish`)
    cites = {path for path in everything if path.endswith(("/cite.bib", "/cite.ris"))}
    assert len(cites) > 20 and {"feed.xml", CATALOG_PATH} <= everything and "actors/qatar/feed.xml" not in everything
    _edit(project, DOHA, "without meeting directly", "without ever meeting directly")
    after = listed()
    assert after & cites == {"briefs/2026/doha-indirect-talks/cite.bib", "briefs/2026/doha-indirect-talks/cite.ris"}
    # The home page links the site's feed, the about page the catalog (tests/fixtures/example/docs): both are known.
    assert {"feed.xml", CATALOG_PATH} <= after and "actors/qatar/feed.xml" not in after


_LIVERELOAD = re.compile(r"<script>\s*var livereload = function.*?</script>(?=\s*</body>)", re.S)  # serve's own


def _serve(project: Path, log: Path, *, dirty: bool = True, **env: str) -> tuple[Started | subprocess.Popen, str]:
    """`mkdocs serve --dirty` of `project` (`dirty` false: a plain `mkdocs serve`; with `env` besides this
    process's), what it prints written to `log`, and the address it serves at."""
    port = free_port()
    how = ["--dirty"] if dirty else []
    server = start(BIN / "mkdocs", "serve", *how, "--dev-addr", f"127.0.0.1:{port}", cwd=project, output=log, env=env)
    return server, f"http://127.0.0.1:{port}/"


def _served_otherwise(fresh: Path, base: str, pattern: str) -> tuple[int, list[str]]:
    """Of the files of the built site `fresh` matching `pattern` in the language the preview serves (not its 404
    page, which the server shows for any missing address), how many, and those that the preview at `base` serves
    otherwise (a page without the server's live-reload script)."""
    compared, different = 0, []
    for file in sorted(fresh.rglob(pattern)):
        rel = file.relative_to(fresh).as_posix()
        if rel.endswith("404.html") or rel.split("/")[0] in OTHER_LANGUAGES:
            continue
        url = base + ("" if rel == "index.html" else rel.removesuffix("index.html"))
        compared += 1
        if _LIVERELOAD.sub("", fetch(url)) != file.read_bytes().decode("utf-8"):
            different.append(rel)
    return compared, different


def test_the_served_preview_after_a_save_is_the_site_a_fresh_build_writes(project: Path, tmp_path: Path):
    (project / "docs/briefs/2026/draft-mediator-terms.md").unlink()  # drafts show in the preview only
    # A page the navigation lists by its own title, which no save writes again: the navigation of the pages a save
    # writes shows it as it was written.
    _edit(project, "mkdocs.yml", "  - About: about.md", "  - about.md")
    server, base = _serve(project, tmp_path / "serve.log")
    try:
        wait_for(base + "briefs/2026/doha-indirect-talks/", "keep escalation in check")
        sitemap = fetch(base + "sitemap.xml")
        _edit(project, DOHA, "keep escalation in check", "keep escalation contained")
        for page in ("briefs/2026/doha-indirect-talks/", "", "briefs/", "actors/qatar/", "tags/mediation/"):
            wait_for(base + page, "keep escalation contained")
        # A sentence of its text alone: its page changes, the pages listing it (home, archive) are left as they are.
        _edit(project, DOHA, "without meeting directly", "without ever meeting directly")
        wait_for(base + "briefs/2026/doha-indirect-talks/", "without ever meeting directly")
        # The sitemap lists every page as the build read it, and a save reads only the pages it writes: it is
        # written again with every page (Preview.writes_everything), as is the 404 page.
        assert fetch(base + "sitemap.xml") == sitemap
        # A new brief between two others: it is their next and previous, and related to briefs naming its actors.
        host = (project / "docs/briefs/2026/qatar-host-and-gatekeeper.md").read_text("utf-8")
        (project / "docs/briefs/2026/host-revisited.md").write_text(
            host.replace(
                "title: Qatar as host and gatekeeper of the Doha channel", "title: The host revisited"
            ).replace("date: 2026-05-27", "date: 2026-06-01"),
            "utf-8",
        )
        for page in (
            "briefs/2026/qatar-host-and-gatekeeper/",
            "briefs/2026/presidential-signalling-without-concessions/",
        ):
            wait_for(base + page, "The host revisited")
        # What every page depends on besides the briefs (site_inputs), saved under the preview: a template of
        # overrides/, then mkdocs.yml. Every page shows them, the site's name in its title.
        probe = '<meta name="x-probe" content="saved under the preview">'
        _edit(project, "overrides/main.html", "{% block extrahead %}", "{% block extrahead %}" + probe)
        wait_for(base + "briefs/2026/oman-second-channel/", probe)
        _edit(project, "mkdocs.yml", "site_name: Briefings\n", "site_name: The briefing desk\n")
        for page in ("about/", "briefs/2026/oman-second-channel/", "actors/oman/"):
            wait_for(base + page, " - The briefing desk</title>")

        # The pages written again resolve their links against every file they link (Preview.lists).
        assert "is not found among documentation files" not in (tmp_path / "serve.log").read_text("utf-8")

        fresh = tmp_path / "fresh"
        result = mkdocs_build(project, fresh, env={"SITE_URL": base}, strict=False)
        assert result.returncode == 0, result.output
        compared, different = _served_otherwise(fresh, base, "*.html")  # the preview serves English only
        assert compared > 30 and not different, different
        # The feeds carry every brief's text: the saved one's as edited, the others' as the first build rendered them.
        wait_for(base + "feed.xml", "The host revisited")  # written once the preview is quiet (Preview.publish)
        assert "keep escalation contained" in (fresh / "feed.xml").read_text("utf-8")
        compared, different = _served_otherwise(fresh, base, "feed.xml")
        assert compared > 10 and not different, different
        assert fetch(base + "sitemap.xml") == (fresh / "sitemap.xml").read_text("utf-8")
        # The open data's catalog, made again by the saves that change what it holds, not by a sentence's.
        assert fetch(base + "data/catalog.json") == (fresh / "data/catalog.json").read_text("utf-8")
        # Each brief's citation files: the saved brief's and the new brief's written, the others as they were.
        assert "keep escalation contained" in fetch(base + "briefs/2026/doha-indirect-talks/cite.bib")
        assert "The host revisited" in fetch(base + "briefs/2026/host-revisited/cite.ris")
        compared, different = _served_otherwise(fresh, base, "cite.*")
        assert compared > 20 and not different, different
        # The other languages are not built: neither their pages nor their feeds.
        for page in ("fr/", "ar/", "fr/briefs/2026/doha-indirect-talks/", "ar/feed.xml"):
            assert _status(base + page) == 404, page
    finally:
        server.terminate()
        server.wait(timeout=20)


def test_the_page_open_in_the_browser_shows_a_save_first_and_every_other_page_follows(
    project: Path, tmp_path: Path, page: Page
):
    """The brief's page open in Chromium: a save of its title (which the home page, the archive, its actors' and
    tags' pages show too) reloads it once it is written, before the others (open_first.OpenFirst); any other page asked
    for meanwhile comes once written, and the preview then serves what a fresh build writes."""
    (project / "docs/briefs/2026/draft-mediator-terms.md").unlink()  # drafts show in the preview only
    server, base = _serve(project, tmp_path / "serve.log")
    try:
        wait_for(base + "briefs/2026/doha-indirect-talks/", "without meeting directly")
        with page.expect_request(lambda request: "/livereload/" in request.url):  # it asks whether to reload
            page.goto(base + "briefs/2026/doha-indirect-talks/")
        _edit(project, DOHA, "title: Indirect US–Iran talks", "title: Saved, indirect US–Iran talks")
        page.wait_for_function("() => document.title.startsWith('Saved, indirect')", timeout=30_000)  # reloaded
        for other in ("", "briefs/", "actors/qatar/", "tags/mediation/"):  # at once: held until written
            assert "Saved, indirect" in fetch(base + other), other
        assert "the other pages the save changes follow" in (tmp_path / "serve.log").read_text("utf-8")
        fresh = tmp_path / "fresh"
        result = mkdocs_build(project, fresh, env={"SITE_URL": base}, strict=False)
        assert result.returncode == 0, result.output
        compared, different = _served_otherwise(fresh, base, "*.html")
        assert compared > 30 and not different, different
    finally:
        server.terminate()
        server.wait(timeout=20)


def test_a_plain_serve_writes_every_page_and_file_again_on_each_save(project: Path, tmp_path: Path):
    """Without `--dirty`, MkDocs empties the preview's folder before each rebuild: a save writes every page and
    file again (the citation files, the open data, the sitemap and the feeds of briefs it did not change too)."""
    (project / "docs/briefs/2026/draft-mediator-terms.md").unlink()  # drafts show in the preview only
    server, base = _serve(project, tmp_path / "serve.log", dirty=False)
    try:
        wait_for(base + "briefs/2026/doha-indirect-talks/", "without meeting directly")
        _edit(project, DOHA, "without meeting directly", "without ever meeting directly")  # a sentence of its text
        wait_for(base + "briefs/2026/doha-indirect-talks/", "without ever meeting directly")
        wait_for(base + "feed.xml", "without ever meeting directly")  # written once the preview is quiet
        fresh = tmp_path / "fresh"
        result = mkdocs_build(project, fresh, env={"SITE_URL": base}, strict=False)
        assert result.returncode == 0, result.output
        for pattern, least in (
            ("*.html", 30),
            ("feed.xml", 10),
            ("cite.*", 20),
            ("catalog*.json", 2),
            ("sitemap.xml", 1),
        ):
            compared, different = _served_otherwise(fresh, base, pattern)
            assert compared >= least and not different, (pattern, different)
    finally:
        server.terminate()
        server.wait(timeout=20)


def _status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def test_the_preview_serves_the_language_asked_for_at_its_usual_addresses(project: Path, tmp_path: Path):
    """`BRIEFINGS_PREVIEW_LANGUAGE=fr` (what `script/server --lang fr` sets): the French pages only, under /fr/ as
    published, the same as a fresh build's; a save of a French translation shows on its page."""
    (project / "docs/briefs/2026/draft-mediator-terms.md").unlink()  # drafts show in the preview only
    server, base = _serve(project, tmp_path / "serve.log", BRIEFINGS_PREVIEW_LANGUAGE="fr")
    try:
        doha = base + "fr/briefs/2026/doha-indirect-talks/"
        wait_for(doha, "des pourparlers indirects")
        _edit(
            project, DOHA.replace(".md", ".fr.md"), "title: À Doha, des pourparlers", "title: À Doha, les pourparlers"
        )
        for page in ("fr/briefs/2026/doha-indirect-talks/", "fr/", "fr/briefs/", "fr/actors/qatar/"):
            wait_for(base + page, "À Doha, les pourparlers")
        for page in ("", "briefs/2026/doha-indirect-talks/", "ar/"):  # neither English nor Arabic
            assert _status(base + page) == 404, page
        fresh = tmp_path / "fresh"
        result = mkdocs_build(project, fresh, env={"SITE_URL": base}, strict=False)
        assert result.returncode == 0, result.output
        french = [p for p in sorted((fresh / "fr").rglob("*.html")) if p.name != "404.html"]
        assert len(french) > 30
        different = [
            p
            for p in french
            if _LIVERELOAD.sub("", fetch(base + p.relative_to(fresh).as_posix())) != p.read_text("utf-8")
        ]
        assert not different, different
    finally:
        server.terminate()
        server.wait(timeout=20)
    output = (tmp_path / "serve.log").read_text("utf-8")
    assert "Previewing Français (fr) only, at /fr/; another language: script/server --lang en, --lang ar" in output


def test_an_unknown_preview_language_is_a_one_line_error_naming_the_languages_built(project: Path):
    result = run(
        BIN / "mkdocs",
        "serve",
        "--dirty",
        "--dev-addr",
        f"127.0.0.1:{free_port()}",
        cwd=project,
        env={"BRIEFINGS_PREVIEW_LANGUAGE": "de"},
    )
    assert result.returncode != 0 and "Traceback" not in result.output
    assert (
        "BRIEFINGS_PREVIEW_LANGUAGE: cannot preview the language 'de': the site is built in en, fr, ar; "
        "serve one of them (script/server --lang CODE)"
    ) in result.stderr


def test_the_preview_language_is_the_default_or_the_one_asked_for():
    assert served_language(None, ["en", "fr", "ar"]) == "en" and served_language("", ["en", "fr"]) == "en"
    assert served_language("ar", ["en", "fr", "ar"]) == "ar"
    with pytest.raises(ValueError, match="'de': the site is built in en, fr; serve one"):
        served_language("de", ["en", "fr"])


def test_the_previews_search_index_waits_for_quiet_and_a_rebuild_stops_it(tmp_path: Path, monkeypatch):
    """Search in the preview is brought up to date once the preview is quiet, in a new index swapped in whole;
    a rebuild that starts meanwhile stops it, leaving the index served as it was."""
    import threading
    import time

    from briefings.preview import PreviewIndex
    from briefings.search import SearchIndex
    from briefings.urls import SEARCH_FOLDER as FOLDER

    monkeypatch.setattr(PreviewIndex, "QUIET", 0.3)
    site = tmp_path / "site"
    index = SearchIndex()
    index.add("actors/qatar/", "<h1>Qatar</h1><p>A Gulf state.</p>", title="Qatar", meta={})
    preview = PreviewIndex()
    preview.update(index, site)
    assert not (site / FOLDER).exists()  # not before the preview has been quiet
    preview.wait()
    record = site / FOLDER / "pages/0.json"
    assert record.is_file() and not (site / PreviewIndex.NEXT).exists()
    written = record.stat().st_mtime_ns

    preview.update(index, site)
    preview.interrupt()  # a save before the preview was quiet: no run
    time.sleep(PreviewIndex.QUIET + 0.3)
    assert record.stat().st_mtime_ns == written

    # A run that is slow to finish (here a stand-in for a large site) is stopped by a rebuild.
    started = threading.Event()

    def slow(folder: Path, stop) -> int:
        folder.mkdir(parents=True)
        started.set()
        while not stop():
            time.sleep(0.01)
        return 0

    monkeypatch.setattr(index, "write", slow)
    preview.update(index, site)
    assert started.wait(10), "the run did not start"
    stopped = time.monotonic()
    preview.interrupt()
    assert time.monotonic() - stopped < 5
    assert record.stat().st_mtime_ns == written  # the served index, untouched
    assert not (site / PreviewIndex.NEXT).exists()


def test_the_collector_waits_for_the_preview_to_be_quiet(monkeypatch):
    monkeypatch.setattr(QuietCollector, "QUIET", 0.15)
    monkeypatch.setattr(QuietCollector, "LONGEST", 0.75)
    collector = QuietCollector()

    def enabled_after() -> float:
        """Seconds until the collector has run and the collection is on again (a full collection takes a moment)."""
        started = time.monotonic()
        while not gc.isenabled() and time.monotonic() - started < 10:
            time.sleep(0.01)
        return time.monotonic() - started

    try:
        collector.pause()  # a rebuild starts
        assert not gc.isenabled()
        collector.resume()  # and ends
        time.sleep(0.05)
        collector.pause()  # another save before the preview was quiet
        time.sleep(0.25)
        assert not gc.isenabled()  # the quiet time starts again from the end of the last rebuild
        collector.resume()
        assert 0.12 < enabled_after() < 10
        collector.pause()  # a rebuild that fails: no resume
        assert not gc.isenabled() and 0.7 < enabled_after() < 10

        collections: list[int] = []
        track = lambda phase, info: phase == "stop" and collections.append(info["generation"])
        gc.callbacks.append(track)
        try:
            started = time.monotonic()
            while time.monotonic() - started < 1.25:  # saves back to back, never quiet
                collector.pause()
                assert not gc.isenabled()
                time.sleep(0.1)  # the rebuild
                collector.resume()
                time.sleep(0.05)  # the next save
            assert 2 in collections, "saves back to back held off the collector for good"
            collector.stop()  # the preview ends right after a rebuild: collecting at once, no collection waiting
            assert gc.isenabled()
            collections.clear()
            gc.disable()  # as a command run next might (briefings check does): the stopped collector leaves it so
            time.sleep(QuietCollector.QUIET + 0.2)
            assert not gc.isenabled() and 2 not in collections

            preview = QuietCollector()  # a preview started with collecting off (by whatever runs it)
            preview.pause()
            preview.resume()
            time.sleep(QuietCollector.QUIET + 0.2)
            preview.pause()  # nor held off too long: never run by it
            time.sleep(QuietCollector.LONGEST + 0.2)
            preview.stop()
            assert not gc.isenabled() and 2 not in collections, "the collector turned on what it had not turned off"
        finally:
            gc.callbacks.remove(track)
    finally:
        gc.enable()


def test_the_previews_feeds_wait_for_quiet_and_a_rebuild_writes_those_left(project: Path, tmp_path: Path, monkeypatch):
    """The preview chooses the feeds a rebuild changes as it ends and writes them once it is quiet, before search
    (`Preview.publish`): a rebuild that starts meanwhile stops it, and the next writes those left too."""
    from briefings.feed import SiteFeeds
    from briefings.feed import feeds as feeds_of
    from briefings.preview import PreviewIndex
    from briefings.search import SearchIndex
    from briefings.urls import SEARCH_FOLDER as FOLDER

    catalog = load_project(Project.at(project), preview=True).catalog
    site, feeds, out = Site(catalog), SiteFeeds(), tmp_path / "site"
    feeds.plan(catalog, site.feed_site("Briefings", "", "http://127.0.0.1:8000/"))
    every = {feed.path for feed in feeds_of(catalog)}
    feeds.choose(out, lambda page: False)  # none written yet: each is chosen
    assert feeds.chosen is not None and set(feeds.chosen) == every
    assert not site.write_feeds(feeds, out, lang="en", stop=lambda: True) and not list(out.rglob("*.xml"))
    feeds.choose(out, lambda page: False)  # the next rebuild changes none: those left are still chosen
    assert set(feeds.chosen) == every

    written: list[bool] = []
    monkeypatch.setattr(PreviewIndex, "QUIET", 0.3)
    preview, index = PreviewIndex(), SearchIndex()
    index.add("actors/qatar/", "<h1>Qatar</h1><p>A Gulf state.</p>", title="Qatar", meta={})
    preview.update(index, out, first=lambda stop: written.append(site.write_feeds(feeds, out, lang="en")) or True)
    assert not written and not (out / FOLDER).exists()  # not before the preview has been quiet
    preview.wait()
    assert written == [True] and (out / FOLDER).is_dir()  # the feeds, then search
    assert {f.relative_to(out).as_posix() for f in out.rglob("*.xml")} >= every and not feeds.chosen
    feeds.choose(out, lambda page: False)
    assert not feeds.chosen  # every one written, none changed since
    preview.update(SearchIndex(), out, first=lambda stop: written.append(False) or False)
    preview.interrupt()  # a save before the preview was quiet
    assert written == [True]
