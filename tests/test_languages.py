"""The languages the package declares (briefings/languages/<code>.yml), read by briefings.languages."""

from __future__ import annotations

import babel
import Stemmer

from briefings import languages
from briefings.model import ACTOR_KINDS, HOUSE_HEADINGS
from briefings.search_text import KINDS, PAGES


def test_the_declared_languages_and_their_directions():
    declared = languages.declared()
    assert list(declared) == ["en", "ar", "fa", "fr"]  # the default first
    assert {code: lang.direction for code, lang in declared.items()} == {
        "en": "ltr",
        "ar": "rtl",
        "fa": "rtl",
        "fr": "ltr",
    }
    assert [lang.name for lang in declared.values()] == ["English", "العربية", "فارسی", "Français"]


def test_each_language_has_five_house_headings_and_english_is_the_house_structure():
    assert languages.language("en").headings == HOUSE_HEADINGS
    assert languages.language("ar").headings == (
        "ما الذي حدث",
        "من يكسب النفوذ",
        "ما الآلية الفاعلة",
        "لماذا يهمّ ذلك",
        "ما الذي ينبغي مراقبته",
    )
    assert languages.language("fa").headings[1] == "چه کسی اهرم به دست می\u200cآورد"  # with its zero-width non-joiner
    for lang in languages.declared().values():
        assert len(set(lang.headings)) == 5


def test_each_locale_is_one_babel_knows_and_each_stemmer_one_snowball_has():
    for lang in languages.declared().values():
        assert babel.Locale.parse(lang.locale).language == lang.code
        # PyStemmer's list: snowballstemmer 2.2's own `algorithms()` fails when PyStemmer is installed (it asks for
        # a function PyStemmer does not have); the index calls only its `stemmer()`.
        assert lang.stemmer is None or lang.stemmer in Stemmer.algorithms()
    assert babel.Locale.parse(languages.language("ar").locale).character_order == "right-to-left"


def test_a_label_a_language_lacks_is_its_english():
    assert languages.language("en").label("Readings") == "Readings"
    assert languages.language("fa").label("a string no language lists") == "a string no language lists"


def test_every_string_the_templates_translate_is_translated_into_french_and_arabic():
    """Each `t("...")` of the page templates and the redirect's page, and each string the 404 page and the footer
    look up, has its French and Arabic (a string a language lacks would show in English)."""
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    texts = set()
    templates = [*(root / "briefings/templates/pages").iterdir(), root / "briefings/templates/redirect.html"]
    for template in templates:  # Markdown, the chart's SVG, and a redirect's page
        text = template.read_text("utf-8")
        texts.update(re.findall(r'\bt\("((?:[^"\\]|\\.)*)"', text))
        texts.update(re.findall(r'\bcounted\([^,]+, "[^"]*", "([^"]*)"\)', text))  # a count: its plural's label
        blocks = re.findall(r"\{% filter translated(?:\([^)]*\))? %\}(.*?)\{% endfilter %\}", text, re.S)
        texts.update(" ".join(block.split()) for block in blocks)  # a paragraph: keyed with its lines joined
    for theme in ("404.html", "partials/copyright.html"):  # the theme's templates: the 404 page, the footer
        texts.update(re.findall(r"""labels\.get\(["']([^"']+)["']""", (root / "overrides" / theme).read_text("utf-8")))
    texts.update(("Advancing", "Steady", "Reversing", "Resolved", "Previous brief", "Next brief"))  # given as values
    texts.update(label for pair in ACTOR_KINDS.values() for label in pair)  # an actor's kind, a group of them
    search = (root / "overrides/partials/search.html").read_text("utf-8")  # its order and filters
    texts.update(re.findall(r'labels\.get\("([^"]+)"', search) + re.findall(r'"[a-z]+": "([^"]+)"', search))
    texts.update([*KINDS.values(), PAGES[1]])  # the kinds of page search filters by (briefings/search_text.py)
    assert len(texts) > 60
    for code in ("fr", "ar"):
        missing = sorted(text for text in texts if text not in languages.language(code).labels)
        assert not missing, (code, missing)


def test_a_count_is_in_the_language_s_numerals_and_plural_forms():
    """Counts through Babel: the number in the language's conventions, the label its plural rules choose."""
    en, fr, ar = (languages.language(code) for code in ("en", "fr", "ar"))
    assert [en.counted(n, "{count} brief", "{count} briefs") for n in (0, 1, 1234)] == [
        "0 briefs", "1 brief", "1234 briefs"
    ]  # fmt: skip
    assert [fr.counted(n, "{count} brief", "{count} briefs") for n in (0, 1, 2)] == ["0 note", "1 note", "2 notes"]
    assert fr.counted(1234, "{count} brief", "{count} briefs") == "1\u202f234 notes"  # a narrow no-break space
    forms = [ar.counted(n, "{count} brief", "{count} briefs") for n in (1, 2, 3, 11, 100)]
    assert forms == ["موجز واحد", "موجزان", "3 موجزات", "11 موجزًا", "100 موجز"]
    assert languages.number(1234, fr) == "1\u202f234" and languages.number(1234) == "1234"
