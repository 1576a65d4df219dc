"""The languages the package declares (briefings/languages/<code>.yml), read by briefings.languages."""

from __future__ import annotations

import babel
import snowballstemmer

from briefings import languages
from briefings.model import HOUSE_HEADINGS


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
        assert lang.stemmer is None or lang.stemmer in snowballstemmer.algorithms()
    assert babel.Locale.parse(languages.language("ar").locale).character_order == "right-to-left"


def test_a_label_a_language_lacks_is_its_english():
    assert languages.language("en").label("Readings") == "Readings"
    assert languages.language("fa").label("a string no language lists") == "a string no language lists"


def test_every_string_the_templates_translate_is_translated_into_french_and_arabic():
    """Each `t("...")` of the page templates, and each string the 404 page looks up, has its French and Arabic
    (a string a language lacks would show in English)."""
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    texts = set()
    for template in (root / "briefings/templates/pages").iterdir():
        texts.update(re.findall(r'\bt\("((?:[^"\\]|\\.)*)"', template.read_text("utf-8")))
    texts.update(re.findall(r'labels\.get\("([^"]+)"', (root / "overrides/404.html").read_text("utf-8")))
    texts.update(("Advancing", "Steady", "Reversing", "Resolved", "Previous brief", "Next brief"))  # given as values
    assert len(texts) > 40
    for code in ("fr", "ar"):
        missing = sorted(text for text in texts if text not in languages.language(code).labels)
        assert not missing, (code, missing)
