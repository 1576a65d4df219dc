"""A brief written first, or only, in another language (issue #19): `slug.fr.md` with no `slug.md` beside it is
the original; its translations, English included, say `translation_of: fr`; every language has a page for it.
The example project has one, `oman-second-channel.fr.md`, written in French only.

The loader and the catalog in this process; the built site (`built_site`) in every language it is built in;
the scaffold through the command line. The mistakes are rows of tests/test_author_mistakes.py."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from briefings import languages
from briefings.in_language import catalog_in
from briefings.kinds import generated_pages
from briefings.loader import load_project
from briefings.project import Project
from conftest import BuiltSite, briefings, soup

LONE = "docs/briefs/2026/oman-second-channel.fr.md"
ADDRESS = "briefs/2026/oman-second-channel/"
SRC_URI = "briefs/2026/oman-second-channel.md"
TITLE = "Oman, l'autre canal que tout hôte doit garder en vue"
ENGLISH_TITLE = "Oman, the other channel every host must keep in view"


def english_translation(project: Path) -> Path:
    """An English translation of the French brief, beside it, saying which language it translates."""
    headings = languages.language("en").headings
    body = "".join(f"## {heading}\n\nText.\n\n" for heading in headings)
    front = {"translation_of": "fr", "title": ENGLISH_TITLE, "summary": "A summary in English."}
    path = project / "docs/briefs/2026/oman-second-channel.md"
    path.write_text(f"---\n{yaml.safe_dump(front, allow_unicode=True)}---\n\n{body}", "utf-8")
    return path


def loaded(project: Path):
    result = load_project(Project.at(project))
    assert result.ok, [str(p) for p in result.problems.errors]
    return result.catalog


# -- the loader and the catalog ----------------------------------------------------------------------------------


def test_the_site_is_built_in_the_languages_mkdocs_yml_lists(project: Path):
    assert Project.at(project).languages == ("en", "fr", "ar")
    text = (project / "mkdocs.yml").read_text("utf-8")
    (project / "mkdocs.yml").write_text(text.replace("          build: true\n", "          build: false\n", 1), "utf-8")
    assert Project.at(project).languages == ("en", "ar")  # French is declared, but not built


def test_a_lone_brief_in_another_language_is_the_original_at_its_address_without_the_language(project: Path):
    catalog = loaded(project)
    brief = catalog.brief(SRC_URI)
    assert brief is not None and brief.title == TITLE
    assert brief.language == "fr" and brief.file_uri == "briefs/2026/oman-second-channel.fr.md"
    assert brief.defined_at.path == LONE
    assert catalog.translations_of(brief) == {} and catalog.languages_of(brief) == ("fr",)
    assert [b.src_uri for b in catalog.briefs].count(SRC_URI) == 1  # one brief, not a translation of nothing
    # Every other brief of the example is written in English.
    assert {b.language for b in catalog.briefs if b.src_uri != SRC_URI} == {"en"}


def test_each_language_without_a_file_of_it_has_its_page_generated(project: Path):
    catalog = loaded(project)
    for lang, generated in {"en": True, "fr": False, "ar": True}.items():
        here = catalog_in(catalog, lang)
        brief = here.brief(SRC_URI)
        assert here.is_translated(brief) is (lang == "fr")
        pages = {page.src_uri: page for page in generated_pages(here)}
        assert (SRC_URI in pages) is generated, lang
        if generated:
            context = pages[SRC_URI].context()
            assert context["brief"].title == TITLE
            assert [v["lang"] for v in context["versions"]] == ["fr"]
            assert pages[SRC_URI].edit_path == LONE
    # A brief written in English and not translated into French has the fallback file, mkdocs-static-i18n's.
    assert all(b.src_uri == SRC_URI for b in catalog_in(catalog, "fr").without_file() + catalog.without_file())


def test_an_english_translation_says_what_it_translates_and_is_the_english_text(project: Path):
    english_translation(project)
    catalog = loaded(project)
    brief = catalog.brief(SRC_URI)
    assert brief.language == "fr" and brief.title == TITLE  # the judgement and the original's text
    [translation] = catalog.translations_of(brief).values()
    assert (translation.lang, translation.src_uri, translation.original) == (
        "en",
        SRC_URI,
        SRC_URI,
    )
    english = catalog_in(catalog, "en")
    assert english.brief(SRC_URI).title == ENGLISH_TITLE and english.is_translated(english.brief(SRC_URI))
    assert catalog.languages_of(brief) == ("fr", "en")
    assert not english.without_file()
    # Arabic has neither file of it but English: mkdocs-static-i18n falls back to the English translation.
    assert not catalog_in(catalog, "ar").without_file()


def test_a_translation_into_arabic_of_the_french_original_and_the_note_in_english(project: Path):
    headings = languages.language("ar").headings
    body = "".join(f"## {heading}\n\nنص.\n\n" for heading in headings)
    front = "---\ntranslation_of: fr\ntitle: عُمان، القناة الأخرى\nsummary: ملخّص.\n---\n\n"
    (project / "docs/briefs/2026/oman-second-channel.ar.md").write_text(front + body, "utf-8")
    catalog = loaded(project)
    brief = catalog.brief(SRC_URI)
    assert catalog.languages_of(brief) == ("fr", "ar")
    [page] = [p for p in generated_pages(catalog_in(catalog, "en")) if p.src_uri == SRC_URI]
    assert [v["lang"] for v in page.context()["versions"]] == ["fr", "ar"]


def test_a_lone_brief_in_a_language_the_site_is_not_built_in_is_refused_naming_mkdocs_yml(project: Path):
    (project / "docs/briefs/2026/oman-second-channel.fr.md").rename(project / "docs/briefs/2026/oman.fa.md")
    result = load_project(Project.at(project))
    assert not result.ok
    [error] = result.problems.errors
    assert error.location.path == "docs/briefs/2026/oman.fa.md"
    assert "which the site is not built in" in error.message and "mkdocs.yml" in error.message


# -- the built site, in every language ---------------------------------------------------------------------------


def page(site: BuiltSite, lang: str, path: str):
    return soup(site.site / ("" if lang == "en" else f"{lang}/") / path / "index.html")


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_a_language_it_is_not_translated_into_has_a_page_saying_so_and_leading_to_the_original(
    built_site: BuiltSite, lang: str
):
    html = page(built_site, lang, ADDRESS)
    assert html.html["lang"] == lang
    assert html.select_one("article h1").get_text().strip().removesuffix("¶") == TITLE
    summary = html.select_one(".brief-untranslated")
    assert (summary["lang"], summary["dir"]) == ("fr", "ltr")
    note = html.select_one(".brief-untranslated__note")
    said = languages.language(lang).label("This brief has not been translated into this language yet.")
    assert said in note.get_text()
    link = note.select_one("a")
    assert link["hreflang"] == "fr"
    french = languages.language(lang).name_of("fr")  # "French", "الفرنسية"
    assert link.get_text() == languages.language(lang).label("Read the original, in {language}", language=french)
    target = (built_site.site / ("" if lang == "en" else f"{lang}/") / ADDRESS / link["href"]).resolve()
    assert target == (built_site.site / "fr" / ADDRESS).resolve()
    assert (target / "index.html").is_file()
    assert not html.select(".brief-byline")  # not the brief's page: a note
    # hreflang alternates and og:locale: the page in every language, its own the build's.
    alternates = {link["hreflang"] for link in html.select('link[rel~="alternate"][hreflang]')}
    assert alternates == {"en", "fr", "ar"}
    locale = html.select_one('meta[property="og:locale"]')["content"]
    assert locale == languages.language(lang).og_locale


def test_the_original_language_has_the_brief_itself(built_site: BuiltSite):
    html = page(built_site, "fr", ADDRESS)
    assert html.html["lang"] == "fr"
    assert html.select_one(".brief-standfirst") and html.select_one(".brief-byline")
    assert not html.select(".brief-untranslated__note")
    assert [h.get_text().strip().removesuffix("¶") for h in html.select("article h2")][:5] == list(
        languages.language("fr").headings
    )


@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
@pytest.mark.parametrize(
    "listing", ["briefs/", "tags/mediation/", "actors/oman/", "regions/gulf/", "mechanisms/back-channel-diplomacy/"]
)
def test_every_language_lists_it_as_it_lists_a_brief_not_translated(built_site: BuiltSite, lang: str, listing: str):
    html = page(built_site, lang, listing)
    titles = {a.get_text().strip() for a in html.select("a")}
    assert TITLE in titles, (lang, listing)


@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_feeds_search_and_open_data_have_it_in_every_language(built_site: BuiltSite, lang: str):
    folder = built_site.site / ("" if lang == "en" else lang)
    feed = (folder / "feed.xml").read_text("utf-8")
    entry = re.search(r"<entry>(?:(?!</entry>).)*oman-second-channel/(?:(?!</entry>).)*</entry>", feed, re.S)
    assert entry, lang
    marked = 'xml:lang="fr"' in entry.group(0)
    assert marked is (lang != "fr")  # its title and summary are the original's, in French
    data = json.loads((folder / "data/catalog.json").read_text("utf-8"))
    [record] = [b for b in data["briefs"] if b["url"].endswith(ADDRESS)]
    assert record["language"] == "fr" and record["title"] == TITLE
    pages = list((folder / "search/pages").glob("*.json"))
    assert any(ADDRESS in p.read_text("utf-8") for p in pages), lang


# -- the scaffold ------------------------------------------------------------------------------------------------


def test_new_brief_translate_into_english_writes_translation_of(project: Path):
    made = briefings("new", "brief", "--translate", LONE, "--lang", "en", cwd=project)
    assert made.returncode == 0, made.output
    assert made.stdout.strip() == "docs/briefs/2026/oman-second-channel.md"
    path = project / made.stdout.strip()
    meta = yaml.safe_load(path.read_text("utf-8").split("---\n")[1])
    assert meta["translation_of"] == "fr"
    text = path.read_text("utf-8")
    assert [line[3:] for line in text.splitlines() if line.startswith("## ")] == list(languages.language("en").headings)
    # Started, it is an English translation (its placeholders are its errors), not a second original.
    checked = briefings("check", cwd=project)
    assert checked.returncode == 1
    assert "TODO placeholder" in checked.stdout and "both claim" not in checked.stdout
    text = re.sub(r'title: "TODO[^"]*"', f'title: "{ENGLISH_TITLE}"', text)
    text = re.sub(r'summary: "TODO[^"]*"', 'summary: "A summary."', text)
    text = re.sub(r"^TODO: .*$", lambda _: 'Text naming {{ actor("qatar") }}.', text, flags=re.M)
    path.write_text(text, "utf-8")
    written = briefings("check", cwd=project)
    assert written.returncode == 0, written.output
    # A translation into Arabic says it translates the French original too.
    made = briefings("new", "brief", "--translate", LONE, "--lang", "ar", cwd=project)
    assert made.returncode == 0, made.output
    arabic = project / made.stdout.strip()
    assert yaml.safe_load(arabic.read_text("utf-8").split("---\n")[1])["translation_of"] == "fr"
    # The English file is a translation: it is not translated in turn.
    again = briefings(
        "new", "brief", "--translate", "docs/briefs/2026/oman-second-channel.md", "--lang", "ar", cwd=project
    )
    assert again.returncode == 1 and f"translate its original, {LONE}" in again.stderr


def test_a_translation_older_than_its_original_in_another_language_is_a_warning(project: Path):
    from briefings.translating import older_translations

    path = english_translation(project)
    text = path.read_text("utf-8").replace("translation_of: fr\n", "translated: 2026-05-01\ntranslation_of: fr\n")
    path.write_text(text, "utf-8")
    [warning] = older_translations(Project.at(project)).warnings
    assert warning.location.path == "docs/briefs/2026/oman-second-channel.md"
    assert f"before its original {LONE} was updated on 2026-05-04" in warning.message


def test_moving_a_brief_written_in_another_language_moves_its_files(project: Path):
    english_translation(project)
    moved = briefings("move", LONE, "docs/briefs/2026/oman-channel.fr.md", cwd=project)
    assert moved.returncode == 0, moved.output
    folder = project / "docs/briefs/2026"
    assert sorted(p.name for p in folder.glob("oman*")) == ["oman-channel.fr.md", "oman-channel.md"]
    assert "briefs/2026/oman-second-channel/: briefs/2026/oman-channel/" in (project / "data/redirects.yml").read_text(
        "utf-8"
    )
    assert loaded(project).brief("briefs/2026/oman-channel.md").language == "fr"
