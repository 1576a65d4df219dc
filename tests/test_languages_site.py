"""The example site in several languages (issue #19): English at the root, French and Arabic under /fr/ and
/ar/, built by mkdocs-static-i18n with the briefings plugin. Asserts on the built HTML, feeds, search index,
sitemap and open data of the example project (`built_site`, built once for the session)."""

from __future__ import annotations

import datetime as dt
import json
import xml.etree.ElementTree as ET

import babel.dates
import pytest

from briefings import languages
from briefings.search import Stemmer, words
from conftest import BuiltSite, soup

DOHA = "briefs/2026/doha-indirect-talks/"
NOT_TRANSLATED = "briefs/2026/intermittent-flare-up-risk/"  # a published brief with no translation
#: A page of every kind, by its address in the default language.
EVERY_KIND = {
    "home": "",
    "brief": DOHA,
    "brief not translated": NOT_TRANSLATED,
    "briefs listing": "briefs/",
    "actor": "actors/qatar/",
    "actors": "actors/",
    "indicator": "indicators/talks-direct/",
    "indicators": "indicators/",
    "mechanism": "mechanisms/gatekeeping/",
    "mechanisms": "mechanisms/",
    "author": "authors/briefings-desk/",
    "region": "regions/gulf/",
    "tag": "tags/mediation/",
    "tags": "tags/",
    "hand-written page": "about/",
}
MATERIAL_SEARCH = {"en": "Search", "fr": "Rechercher", "ar": "بحث"}  # Material's own string, in each language


def page(site: BuiltSite, lang: str, path: str):
    return soup(site.site / ("" if lang == "en" else f"{lang}/") / path / "index.html")


@pytest.mark.parametrize("lang", ["fr", "ar"])
@pytest.mark.parametrize("kind", EVERY_KIND)
def test_every_page_kind_exists_in_the_language_with_its_lang_dir_alternates_and_switcher(
    built_site: BuiltSite, kind: str, lang: str
):
    path = EVERY_KIND[kind]
    html = page(built_site, lang, path)
    language = languages.language(lang)
    assert html.html["lang"] == lang
    assert html.body["dir"] == language.direction
    assert html.select_one(".md-search__input")["placeholder"] == MATERIAL_SEARCH[lang]
    # The page in every language: hreflang alternates and the switcher, each to the same page.
    depth = len(f"{lang}/{path}".strip("/").split("/"))
    expected = {
        "en": "../" * depth + path or "./",
        "fr": "../" * depth + f"fr/{path}",
        "ar": "../" * depth + f"ar/{path}",
    }
    expected[lang] = "./"
    alternates = {link["hreflang"]: link["href"] for link in html.select("link[hreflang]")}
    assert alternates == expected
    switcher = {a["hreflang"]: (a["href"], a.get_text(strip=True)) for a in html.select(".md-select__link")}
    assert switcher == {code: (expected[code], languages.language(code).name) for code in expected}
    locales = [m["content"] for m in html.select("meta[property='og:locale']")]
    assert locales == [language.og_locale]
    others = {m["content"] for m in html.select("meta[property='og:locale:alternate']")}
    assert others == {languages.language(c).og_locale for c in expected if c != lang}


def test_a_translated_brief_shows_its_translation_with_dates_and_labels_in_its_language(built_site: BuiltSite):
    for lang, title, heading in (
        ("fr", "À Doha, des pourparlers indirects", "Ce qui s'est passé"),
        ("ar", "محادثات غير مباشرة بين واشنطن وطهران", "ما الذي حدث"),
    ):
        html = page(built_site, lang, DOHA)
        language = languages.language(lang)
        assert html.h1.get_text().startswith(title)
        assert heading in [h.get_text(strip=True).rstrip("¶") for h in html.select("article h2")]
        day = html.select_one(".brief-byline time")
        assert day["datetime"] == "2026-05-08"
        assert day.get_text() == babel.dates.format_date(dt.date(2026, 5, 8), "long", locale=language.locale)
        # Its reading time is its own text's (about half the original's words: a minute, not two).
        assert language.label("{minutes} min read", minutes=1) in html.select_one(".brief-byline").get_text()
        assert html.select_one("#readings").get_text(strip=True).rstrip("¶") == language.label("Readings")
        statuses = [s.get_text() for s in html.select(".reading-status")]
        assert language.label("Steady") in statuses
        # The macros link to the entity's page in the language: same relative address, under /<lang>/.
        qatar = html.select_one("article a.entity-link--actor[href$='actors/qatar/']")
        assert qatar["href"] == "../../../actors/qatar/"
        # The judgement is the original's: the same readings, in the same order.
        english = page(built_site, "en", DOHA)
        assert [r["class"] for r in html.select(".reading-status")] == [
            r["class"] for r in english.select(".reading-status")
        ]
    assert "8 May 2026" in page(built_site, "en", DOHA).select_one(".brief-byline time").get_text()
    assert "2 min read" in page(built_site, "en", DOHA).select_one(".brief-byline").get_text()


def test_a_brief_not_translated_has_a_page_leading_to_the_original_and_is_listed(built_site: BuiltSite):
    for lang in ("fr", "ar"):
        html = page(built_site, lang, NOT_TRANSLATED)
        note = html.select_one(".brief-untranslated__note")
        assert (
            languages.language(lang).label("This brief has not been translated into this language yet.")
            in note.get_text()
        )
        original = note.a["href"]
        assert (built_site.site / lang / NOT_TRANSLATED / original / "index.html").resolve() == (
            built_site.site / NOT_TRANSLATED / "index.html"
        ).resolve()
        listing = page(built_site, lang, "briefs/")
        assert any(a["href"].endswith("intermittent-flare-up-risk/") for a in listing.select("article a"))


def test_entity_pages_and_listings_speak_the_language(built_site: BuiltSite):
    fr = page(built_site, "fr", "actors/qatar/")
    assert "Notes qui citent" in fr.get_text()
    assert fr.select_one(".leverage-table th").get_text() == "Date"
    ar = page(built_site, "ar", "indicators/talks-direct/")
    headers = [th.get_text() for th in ar.select(".reading-table th")]
    assert headers == ["التاريخ", "الحالة", "ملاحظة", "الموجز"]
    assert ar.select_one(".reading-chart__svg title").get_text().startswith("قراءات")
    assert page(built_site, "ar", "actors/").h1.get_text(strip=True).rstrip("¶") == "الفاعلون"


def test_listings_introductions_counts_and_tag_pages_speak_the_language(built_site: BuiltSite):
    actors = {lang: page(built_site, lang, "actors/") for lang in ("en", "fr", "ar")}
    assert "that the briefs name" in actors["en"].get_text()
    assert "Les États, personnes, institutions" in actors["fr"].get_text()
    assert "الدول والأشخاص والمؤسسات" in actors["ar"].get_text()
    counts = {lang: [c.get_text() for c in actors[lang].select(".entity-count")] for lang in actors}
    assert all(c.endswith(("brief)", "briefs)")) for c in counts["en"])
    assert all(c.endswith(("note)", "notes)")) for c in counts["fr"]) and "(1 note)" in counts["fr"]
    assert "(موجز واحد)" in counts["ar"] and not any("brief" in c for c in counts["ar"])
    tag = page(built_site, "fr", "tags/mediation/")
    assert "Notes portant le mot-clé « mediation », de la plus récente à la plus ancienne" in tag.get_text()
    assert tag.select_one(".entity-follow").get_text() == "Suivre « mediation »"
    tags = page(built_site, "ar", "tags/").select_one(".tag-index").get_text()
    assert "آخرها في" in tags or "موجز واحد في" in tags
    assert "brief" not in tags and "Follow" not in tags
    # Actor kinds, a region's page and search's filters.
    assert "États" in [h2.get_text(strip=True).rstrip("¶") for h2 in actors["fr"].select("h2")]
    assert page(built_site, "ar", "actors/qatar/").select_one(".entity-kind").get_text().startswith("دولة")
    region = page(built_site, "fr", "regions/gulf/")
    assert region.select_one(".entity-kind").get_text().startswith("Région")
    assert any(h2.get_text().startswith("Notes sur ") for h2 in region.select("h2"))
    narrow = page(built_site, "fr", "").select_one("[data-search-narrow]")
    assert narrow.select_one(".search-narrow__order").get_text(" ", strip=True).startswith("Ordre Pertinence")
    assert [s.get_text() for s in narrow.select("summary")][:2] == ["Type", "Année"]
    qatar = page(built_site, "fr", "actors/qatar/").get_text(" ")
    assert "Les notes qui ont jugé que Qatar avait gagné" in qatar and "judged" not in qatar
    desc = page(built_site, "fr", "indicators/talks-direct/").select_one("#reading-chart-desc").get_text()
    assert "relevés, du plus ancien au plus récent" in desc and " on " not in desc
    readings = page(built_site, "fr", "indicators/").select(".reading-summary")
    assert readings and not any(w in r.get_text() for r in readings for w in (" as of ", "Moved:", "No reading"))


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_signals_related_mechanisms_an_author_s_briefs_and_the_footer_speak_the_language_and_english_is_marked(
    built_site: BuiltSite, lang: str
):
    language = languages.language(lang)
    signals = page(built_site, lang, "indicators/talks-direct/").select_one("article").get_text(" ")
    assert language.label("what would show movement forward:") in signals
    assert "what would show" not in signals
    mechanism = page(built_site, lang, "mechanisms/gatekeeping/").select_one("article").get_text(" ")
    assert language.label("Related mechanisms:") in mechanism and "Related mechanisms" not in mechanism
    author = page(built_site, lang, "authors/briefings-desk/")
    assert language.label("Briefs by {name}", name="Briefings desk") in [
        h2.get_text().rstrip("¶") for h2 in author("h2")
    ]
    footer = page(built_site, lang, "about/").select_one(".site-footer__links")
    assert footer["aria-label"] == language.label("About this site")
    assert [a.get_text() for a in footer("a")] == [
        language.label(text) for text in ("About", "Atom feed", "How to write a brief", "Report a correction")
    ]
    # A brief not translated: its title, as its summary, is marked as the original's language.
    untranslated = page(built_site, lang, NOT_TRANSLATED)
    assert (untranslated.h1["lang"], untranslated.h1["dir"]) == ("en", "ltr")
    # So is a reading's note (the original's judgement, in its words), in a brief's table and an indicator's page.
    notes = [td for td in page(built_site, lang, DOHA).select("article td") if td.get("lang")]
    assert len(notes) == 3 and all((td["lang"], td["dir"]) == ("en", "ltr") for td in notes)
    assert "US officials and Iranian representatives" in notes[0].get_text()
    latest = page(built_site, lang, "indicators/talks-direct/").select_one(".reading-latest p[lang]")
    assert (latest["lang"], latest["dir"]) == ("en", "ltr")
    assert not page(built_site, "en", DOHA).select("article td[lang]")


@pytest.mark.parametrize(
    ("lang", "tabs"),
    [
        ("fr", ["Dernières notes", "Notes", "Acteurs", "Indicateurs", "Mécanismes", "À propos"]),
        ("ar", ["أحدث الموجزات", "الموجزات", "الفاعلون", "المؤشرات", "الآليات", "عن الموقع"]),
        ("en", ["Latest briefs", "Briefs", "Actors", "Indicators", "Mechanisms", "About"]),
    ],
)
def test_the_navigation_s_tabs_and_breadcrumbs_speak_the_language(built_site: BuiltSite, lang: str, tabs: list[str]):
    """A hand-written page not written in the language (About) goes by the navigation's title in it
    (nav_translations), not by its front matter's in English; one written in it (the home page, index.fr.md), by
    its own front matter's; in English, every page by its front matter's as always."""
    language = languages.language(lang)
    for path in ("", "about/", "actors/qatar/", DOHA):
        html = page(built_site, lang, path)
        assert [a.get_text(strip=True) for a in html.select(".md-tabs__link")] == tabs, path
    crumbs = [a.get_text(strip=True) for a in page(built_site, lang, DOHA).select(".md-path__link")]
    assert crumbs[0] == language.label("Briefs")
    assert crumbs[1] == languages.month_name(dt.date(2026, 5, 8), language)  # mai 2026
    assert [a.get_text(strip=True) for a in page(built_site, lang, "actors/qatar/").select(".md-path__link")] == [
        language.label("Actors")
    ]
    # The archive's translation in French (briefs/index.fr.md) is the section's page there, its crumbs' too.
    author = page(built_site, lang, "authors/briefings-desk/")
    assert [a.get_text(strip=True) for a in author.select(".md-path__link")] == [
        language.label("Briefs"),
        language.label("Authors"),
    ]
    assert author.select_one(".md-tabs__item--active").get_text(strip=True) == tabs[1]


@pytest.mark.parametrize(("lang", "title"), [("fr", "Dernières notes"), ("ar", "أحدث الموجزات")])
def test_a_hand_written_page_s_translation_is_the_page_in_its_language(built_site: BuiltSite, lang: str, title: str):
    """The home page's translation (`index.fr.md` beside `index.md`) is the home page in French: its title, text,
    tab and window's title, its macros' listings in the language linking the pages in it, its links too."""
    home = page(built_site, lang, "")
    assert home.h1.get_text().rstrip("¶") == title and home.title.get_text().startswith(title)
    assert home.select(".md-tabs__link")[0].get_text(strip=True) == title
    assert "Latest briefs" not in home.select_one("article").get_text()
    doha = next(a for a in home.select(".brief-list a") if a["href"].endswith(DOHA))
    assert doha["href"] == DOHA  # the brief's page in the language, beside the home page in it
    assert not doha.has_attr("lang")
    archive = next(a for a in home.select("article a") if a["href"].startswith("briefs/"))
    assert (built_site.site / lang / archive["href"] / "index.html").is_file()
    # The English home page is the English file's; the page's alternates lead to each other.
    assert page(built_site, "en", "").h1.get_text().rstrip("¶") == "Latest briefs"
    assert {link["hreflang"]: link["href"] for link in home.select("link[hreflang]")}["en"] == "../"


def test_the_404_page_exists_in_every_language_in_it(built_site: BuiltSite):
    for lang, title in (("en", "Page not found"), ("fr", "Page introuvable"), ("ar", "الصفحة غير موجودة")):
        html = soup(built_site.site / ("" if lang == "en" else lang) / "404.html")
        assert html.html["lang"] == lang
        assert html.h1.get_text() == title
        links = [a["href"] for a in html.select(".not-found__links a")]
        assert links[1] == ("/briefs/" if lang == "en" else f"/{lang}/briefs/")
        # Its language switcher leads to each language's home, not to whichever page was rendered last.
        switcher = [a["href"] for a in html.select(".md-select__link[hreflang]")]
        assert switcher == ["/", "/fr/", "/ar/"], lang


def test_the_sitemap_lists_every_page_in_every_language_with_its_alternates(built_site: BuiltSite):
    tree = ET.parse(built_site.site / "sitemap.xml")
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    urls = {u.find("s:loc", ns).text: u for u in tree.getroot().findall("s:url", ns)}
    home = min(urls, key=len)  # the home page's address
    for lang in ("", "fr/", "ar/"):
        assert home + lang + DOHA in urls
        assert home + lang + "actors/qatar/" in urls
    links = {x.get("hreflang"): x.get("href") for x in urls[home + "fr/" + DOHA].findall("x:link", ns)}
    assert links == {"en": home + DOHA, "fr": home + "fr/" + DOHA, "ar": home + "ar/" + DOHA}


def test_feeds_per_language_site_wide_and_per_entity(built_site: BuiltSite):
    for lang, title in (("fr", "À Doha, des pourparlers indirects"), ("ar", "محادثات غير مباشرة")):
        for feed in (f"{lang}/feed.xml", f"{lang}/actors/qatar/feed.xml"):
            root = ET.parse(built_site.site / feed).getroot()
            assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == lang
            titles = [
                e.findtext("{http://www.w3.org/2005/Atom}title")
                for e in root.iter("{http://www.w3.org/2005/Atom}entry")
            ]
            assert any(t.startswith(title) for t in titles), titles
            ids = [
                link.get("href") for link in root.iter("{http://www.w3.org/2005/Atom}link") if link.get("rel") == "self"
            ]
            assert ids and f"/{lang}/" in ids[0]
    english = ET.parse(built_site.site / "feed.xml").getroot()
    assert english.get("{http://www.w3.org/XML/1998/namespace}lang") == "en"


@pytest.mark.parametrize(("lang", "word"), [("fr", "pourparlers"), ("ar", "المحادثات")])
def test_search_has_an_index_per_language_stemmed_with_its_stemmer(built_site: BuiltSite, lang: str, word: str):
    folder = built_site.site / lang / "search"
    stem = Stemmer(lang)(words(word)[0])
    assert stem != words(word)[0]  # the language's stemmer is at work
    stems = {}
    for piece in (folder / "words").glob("*.json"):
        stems.update(json.loads(piece.read_text("utf-8"))["words"])
    assert word in stems[stem]  # the word is found by its stem
    search = page(built_site, lang, "").select_one("[data-briefings-search]")
    assert search["data-index"] == f"{lang}/search/"
    assert search["data-stemmer"] == languages.language(lang).stemmer
    records = [json.loads(p.read_text("utf-8")) for p in (folder / "pages").glob("*.json")]
    assert records and all(r["url"].startswith(f"{lang}/") for r in records)
    english = page(built_site, "en", "").select_one("[data-briefings-search]")
    assert not english.has_attr("data-index") and english["data-stemmer"] == "english"


@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_search_filters_by_kind_of_page_in_the_language(built_site: BuiltSite, lang: str):
    """The values of the filter `kind` (briefs, actors, …), which search.js shows as they are, are the language's
    (its labels, briefings/languages/<code>.yml), as the filters' own names are."""
    folder = built_site.site / (lang if lang != "en" else "") / "search/filters"
    kinds = {value: label for value, label, *_ in json.loads((folder / "kind.json").read_text("utf-8"))["values"]}
    english = {"brief": "Briefs", "actor": "Actors", "indicator": "Indicators", "mechanism": "Mechanisms"}
    english["page"] = "Pages"
    assert kinds == {value: languages.language(lang).label(label) for value, label in english.items()}
    if lang != "en":
        assert not set(kinds.values()) & set(english.values()) - {"Pages"}  # (French says "Pages" too)
    box = page(built_site, lang, "").select_one("[data-facet=kind] summary")
    assert box.get_text(strip=True) == languages.language(lang).label("Kind")


def test_the_open_data_lists_each_briefs_translations(built_site: BuiltSite):
    catalog = json.loads((built_site.site / "data/catalog.json").read_text("utf-8"))
    doha = next(b for b in catalog["briefs"] if b["url"].endswith(DOHA))
    assert [(t["lang"], t["url"].endswith(f"/{t['lang']}/{DOHA}")) for t in doha["translations"]] == [
        ("ar", True),
        ("fr", True),
    ]
    assert doha["translations"][1]["title"].startswith("À Doha")
    assert doha["translations"][1]["translated"] == "2026-05-12"
    untranslated = next(b for b in catalog["briefs"] if b["url"].endswith(NOT_TRANSLATED))
    assert untranslated["translations"] == []


# -- what the briefings plugin relies on of mkdocs-static-i18n 1.3.1 (briefings/multilingual.py) ---------------


def test_what_is_read_of_mkdocs_static_i18n_is_there():
    """Its plugin object's `default_language` and `build_languages` (properties), `current_language` (None until
    its first configuration) and `building` (false until it runs the other languages' builds), `extra_alternate` (the switcher to each language's home, set
    by its on_config); the priorities
    the briefings plugin's events are placed around (its generated files join after its `on_files`, its
    switcher after its `on_page_context`)."""
    from mkdocs_static_i18n.plugin import I18n

    i18n = I18n()
    assert (i18n.current_language, i18n.building) == (None, False)
    assert i18n.extra_alternate == {}  # then its switcher to each language's home (404 pages use it)
    assert isinstance(I18n.default_language, property) and isinstance(I18n.build_languages, property)
    assert I18n.on_files.mkdocs_priority == -100 and I18n.on_page_context.mkdocs_priority == 50


def test_a_page_s_title_before_it_is_read_is_the_one_the_navigation_gives_it(tmp_path):
    """What the briefings plugin's on_nav reads (after mkdocs-static-i18n translated the navigation's titles,
    `nav_translations`, by setting them): MkDocs's Page.title is None before the page is read unless the
    navigation named it, and a title set stays (the front matter's no longer counts)."""
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import File
    from mkdocs.structure.pages import Page

    (tmp_path / "docs").mkdir()
    (tmp_path / "docs/about.md").write_text("---\ntitle: About\n---\n\nText.\n", "utf-8")
    config = MkDocsConfig(config_file_path=str(tmp_path / "mkdocs.yml"))
    config.load_dict({"site_name": "x", "docs_dir": str(tmp_path / "docs")})
    assert not config.validate()[0]
    file = File("about.md", str(tmp_path / "docs"), str(tmp_path / "site"), True)
    assert Page(None, file, config).title is None
    listed = Page("About", file, config)
    listed.title = "À propos"  # as mkdocs-static-i18n translates it
    listed.read_source(config)
    assert (listed.meta["title"], listed.title) == ("About", "À propos")


def test_mkdocs_static_i18n_cannot_take_generated_files_so_they_join_after_it(tmp_path):
    """Why the briefings plugin adds its pages after mkdocs-static-i18n's on_files: that plugin reads every
    file as a file of the docs folder, and fails on one generated in memory (File.generated)."""
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import File, Files
    from mkdocs_static_i18n.plugin import I18n

    (tmp_path / "docs").mkdir()
    config = MkDocsConfig(config_file_path=str(tmp_path / "mkdocs.yml"))
    config.load_dict({"site_name": "x", "docs_dir": str(tmp_path / "docs")})
    assert not config.validate()[0]
    i18n = I18n()
    i18n.load_config({"languages": [{"locale": "en", "default": True}, {"locale": "fr"}]})
    i18n.current_language = "en"
    config.plugins._current_plugin = "briefings"  # as MkDocs sets it while a plugin's event runs
    with pytest.raises(TypeError):
        i18n.reconfigure_files(Files([File.generated(config, "actors/qatar.md", content="")]), config)


def test_the_languages_the_site_is_built_in_are_declared_with_the_same_names(built_site: BuiltSite):
    import yaml

    config = yaml.safe_load((built_site.project / "mkdocs.yml").read_text("utf-8").replace("!ENV", ""))
    i18n = next(p["i18n"] for p in config["plugins"] if isinstance(p, dict) and "i18n" in p)
    assert {lang["locale"]: lang["name"] for lang in i18n["languages"]} == {
        code: languages.language(code).name for code in ("en", "fr", "ar")
    }
    for lang in i18n["languages"][1:]:  # the navigation's titles, as the language's labels name the same pages
        language = languages.language(lang["locale"])
        shared = {title: name for title, name in lang["nav_translations"].items() if title in language.labels}
        assert shared == {title: language.labels[title] for title in shared}


def test_the_english_site_is_the_one_language_site_but_for_the_alternates_and_switcher(
    built_site: BuiltSite, tmp_path_factory
):
    """The example built in one language (no `i18n` plugin, no translations) and in three: every English page is
    the same once its links to the other languages (hreflang, og:locale, Material's language switcher) are taken
    out, and every English feed is the same."""
    from conftest import SITE_RECORD_ENV, copy_project, mkdocs_build

    base = tmp_path_factory.mktemp("one-language")
    project = copy_project(base / "project", one_language=True)
    result = mkdocs_build(project, base / "site", env=SITE_RECORD_ENV)
    assert result.returncode == 0, result.output

    def without_languages(path):
        page = soup(path)
        for found in page.select("link[hreflang], meta[property^='og:locale'], .md-header__option:has(.md-select)"):
            found.decompose()
        return " ".join(str(page).split())  # (the blank lines they stood on apart)

    one = base / "site"
    english = [p for p in one.rglob("*") if p.suffix in (".html", ".xml") and p.name != "sitemap.xml"]
    # The pages that show the brief written in French only (its note, listings, feeds) and the indexes that count
    # each entry's briefs are the multilingual site's own: test_lone_briefs.py asserts on them.
    lone, counting = "oman-second-channel", {f"{kind}/index.html" for kind in ("actors", "mechanisms", "regions")}
    counting |= {"authors/index.html", "tags/index.html"}
    english = [
        p
        for p in english
        if lone not in (built_site.site / p.relative_to(one)).read_text("utf-8")
        and p.relative_to(one).as_posix() not in counting
    ]
    assert len(english) > 80
    different = [
        p.relative_to(one).as_posix()
        for p in english
        if (
            without_languages(p) != without_languages(built_site.site / p.relative_to(one))
            if p.suffix == ".html"
            else p.read_bytes() != (built_site.site / p.relative_to(one)).read_bytes()
        )
    ]
    assert not different, different


#: Listings showing the brief not translated, each with the rows in the language's build to look at.
LISTINGS = ("", "briefs/", "actors/qatar/", "tags/military/", "regions/gulf/", DOHA)


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_a_brief_not_translated_is_listed_marked_as_english_with_a_note_in_the_language(
    built_site: BuiltSite, lang: str
):
    language = languages.language(lang)
    note = {"fr": "en anglais", "ar": "بالإنجليزية"}[lang]
    assert language.written_in(languages.language("en")) == note
    for path in LISTINGS:
        html = page(built_site, lang, path)
        rows = [a for a in html.select("article a") if a.get("href", "").endswith("intermittent-flare-up-risk/")]
        assert rows, path
        for a in rows:  # its title: marked English (right to left on an Arabic page), then the note
            assert a["lang"] == "en" and a.get("dir") == ("ltr" if language.rtl else None), (path, a)
            assert a.find_next_sibling("small", class_="brief-language").get_text() == f"({note})", path
        # A brief translated into the language is not marked.
        translated = [a for a in html.select("article a") if a.get("href", "").endswith("doha-indirect-talks/")]
        assert all(not a.has_attr("lang") and a.find_next_sibling("small") is None for a in translated), path
    # A listing in full marks its summary too.
    home = page(built_site, lang, "")
    row = next(li for li in home.select(".brief-list li") if "intermittent-flare-up-risk/" in li.a["href"])
    summary = row.select("span[lang]")[-1]
    assert summary["lang"] == "en" and summary.get_text().startswith(
        "Because neither side"
    )  # the brief's English summary
    assert not page(built_site, "en", "").select(".brief-list [lang], .brief-language")


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_a_brief_written_only_in_french_is_listed_marked_as_french_with_a_note(built_site: BuiltSite, lang: str):
    """In English and Arabic, the brief written in French only (oman-second-channel.fr.md) is listed with its
    French title and summary, marked `lang="fr"` (and `dir="ltr"` on an Arabic page), and a note saying so."""
    language = languages.language(lang)
    note = {"en": "in French", "ar": "بالفرنسية"}[lang]
    assert language.written_in(languages.language("fr")) == note
    for path in ("briefs/", "actors/oman/", "regions/gulf/", "mechanisms/back-channel-diplomacy/"):
        rows = [
            a for a in page(built_site, lang, path).select("article a") if a["href"].endswith("oman-second-channel/")
        ]
        assert rows, path
        for a in rows:
            assert a["lang"] == "fr" and a.get("dir") == ("ltr" if language.rtl else None), (path, a)
            assert a.find_next_sibling("small", class_="brief-language").get_text() == f"({note})", path
    oman = page(built_site, lang, "actors/oman/")
    row = next(li for li in oman.select(".brief-list li") if li.a["href"].endswith("oman-second-channel/"))
    assert row.select("span[lang]")[-1]["lang"] == "fr"
    # In French, its own language, it is listed as any brief is.
    french = [a for a in page(built_site, "fr", "briefs/").select("article a") if "oman-second-channel" in a["href"]]
    assert french and not any(a.has_attr("lang") or a.find_next_sibling("small") for a in french)
