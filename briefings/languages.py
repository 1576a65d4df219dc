"""The languages a site may be written in, each declared once in `briefings/languages/<code>.yml`.

A declaration says what the language's pages need of it: its name in itself (the language switcher), its
direction (`dir` on the page, and Material's right-to-left layout), its Babel locale (dates, numbers and
`og:locale`), its Snowball stemmer (search), the five house headings of a brief written in it, and the
project's own template strings in it (`labels`, keyed by their English text: a string it does not list is
shown in English).
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

#: The language of the site's root, of every brief written without a language suffix, and of the data files'
#: own values (what another language falls back to).
DEFAULT = "en"


@dataclass(frozen=True)
class Language:
    code: str
    name: str
    direction: str  # "ltr" or "rtl"
    locale: str  # a Babel locale: "fr_FR", "ar"
    stemmer: str | None  # a Snowball algorithm, or None: the language's words are not stemmed
    headings: tuple[str, ...]
    labels: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)  # text, or plural forms

    @property
    def rtl(self) -> bool:
        return self.direction == "rtl"

    @property
    def og_locale(self) -> str:
        """Open Graph's `og:locale`: language and territory, as `fr_FR` (a locale without a territory as is)."""
        return self.locale

    def written_in(self, other: Language) -> str:
        """A short note in this language saying a text is in `other` ("in English", "en anglais"): the label
        keyed by "in " and the other language's English name (Babel's), as a listing marks a brief it shows in
        another language than the page's."""
        return self.label(f"in {_english_name(other.locale)}")

    def name_of(self, code: str) -> str:
        """The language `code`'s name in this language, as Babel gives it: "Arabic", "arabe", "العربية"."""
        import babel  # only a site in several languages needs it

        return babel.Locale.parse(code).get_display_name(self.locale) or code

    def label(self, text: str, **values: object) -> str:
        """The template string `text` (its English) in this language, or `text` itself when it has none, with
        `values` put in its `{name}` places."""
        found = self.labels.get(text, text)
        found = found if isinstance(found, str) else found["other"]
        return found.format(**values) if values else found

    def counted(self, count: int, one: str, other: str) -> str:
        """`count` of something, as the English `one` or `other` says it ("{count} brief", "{count} briefs"), in
        this language: the count in its numerals (`number`), the label its plural rules choose. A language's
        label for `other` is a text, or its plural forms by Babel's names (`one`, `two`, `few`, `many`,
        `other`); a text stands for `other`, and `one`'s label for the count 1 (as in English)."""
        if self.code == DEFAULT:
            return (one if count == 1 else other).format(count=count)
        found = self.labels.get(other, other)
        if isinstance(found, str):
            text = self.labels.get(one, one) if count == 1 else found
        else:
            text = found.get(_plural_form(self.locale, count), found["other"])
        return text.format(count=number(count, self))


@functools.cache
def declared() -> dict[str, Language]:
    """Every language the package declares, by code, the default first."""
    folder = resources.files(__package__).joinpath("languages")
    codes = sorted((p.name[: -len(".yml")] for p in folder.iterdir() if p.name.endswith(".yml")), key=_default_first)
    return {code: _read(code, yaml.safe_load(folder.joinpath(f"{code}.yml").read_text("utf-8"))) for code in codes}


def language(code: str) -> Language:
    """The declared language `code` (a KeyError names the codes there are)."""
    languages = declared()
    if code not in languages:
        raise KeyError(f"no language '{code}': the languages are {', '.join(languages)}")
    return languages[code]


@functools.cache
def _english_name(locale: str) -> str:
    import babel

    return babel.Locale.parse(locale).get_language_name("en") or locale


def site_languages(config_file: Path) -> tuple[str, ...]:
    """The languages the site whose configuration is `config_file` (mkdocs.yml) is built in, the default first:
    those mkdocs-static-i18n's `languages` list with `build` not false, or the default alone without it."""
    try:
        return _languages_configured(config_file.read_text("utf-8"))
    except (OSError, UnicodeDecodeError):
        return (DEFAULT,)  # the engine reports what is wrong with it


@functools.lru_cache(maxsize=4)  # the preview reads the configuration again on every save: read as YAML once
def _languages_configured(text: str) -> tuple[str, ...]:
    try:
        config = yaml.load(text, Loader=_Configuration)
    except yaml.YAMLError:
        return (DEFAULT,)
    plugins = config.get("plugins") if isinstance(config, dict) else None
    i18n = next((p["i18n"] for p in plugins or () if isinstance(p, dict) and isinstance(p.get("i18n"), dict)), None)
    listed = [lang for lang in (i18n or {}).get("languages") or () if isinstance(lang, dict)]
    built = [str(lang.get("locale")) for lang in listed if lang.get("build", True) is not False]
    return tuple(
        sorted(set(built) | {DEFAULT}, key=lambda code: (code != DEFAULT, built.index(code) if code in built else 0))
    )


class _Configuration(yaml.SafeLoader):
    """mkdocs.yml as plain YAML: its tags (`!ENV`, `!!python/name:`) read as nothing."""


_Configuration.add_multi_constructor("!", lambda loader, suffix, node: None)
_Configuration.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def _default_first(code: str) -> tuple[bool, str]:
    return code != DEFAULT, code


def _read(code: str, data: dict) -> Language:
    headings = tuple(data["headings"])
    if len(headings) != 5 or data["direction"] not in {"ltr", "rtl"}:
        raise ValueError(f"briefings/languages/{code}.yml: five headings and a direction of ltr or rtl, please")
    return Language(
        code=code,
        name=data["name"],
        direction=data["direction"],
        locale=data["locale"],
        stemmer=data.get("stemmer"),
        headings=headings,
        labels=dict(data.get("labels") or {}),
    )


# -- dates in a language's conventions (Babel; the default language's as the site always wrote them) --------


def long_date(value: dt.date, language: Any = None) -> str:
    """A day as a reader of `language` (a briefings.languages.Language; None: the default's) writes it: 8 May
    2026, 8 mai 2026, ٨ مايو ٢٠٢٦ (Babel's long format in the language's locale)."""
    if language is None or language.code == DEFAULT:
        return f"{value.day} {value:%B %Y}"
    return _babel_date(value, "long", language.locale)


def month_name(value: dt.date, language: Any = None) -> str:
    """A month and its year, as a reader of `language` writes them: May 2026, mai 2026."""
    if language is None or language.code == DEFAULT:
        return f"{value:%B %Y}"
    return _babel_date(value, "LLLL y", language.locale)


def short_date(value: dt.date, with_year: bool, language: Any = None) -> str:
    """A day as a chart's axis shows it, with its year or not: 8 May, 8 mai 2026."""
    if language is None or language.code == DEFAULT:
        return f"{value.day} {value:%b}" + (f" {value:%Y}" if with_year else "")
    return _babel_date(value, "d MMM y" if with_year else "d MMM", language.locale)


def number(value: int, language: Any = None) -> str:
    """A number as a reader of `language` writes it (Babel's decimal format in its locale: 1 234 in French);
    in the default language as the site always wrote it."""
    if language is None or language.code == DEFAULT:
        return str(value)
    import babel.numbers  # only a site in another language needs it

    return babel.numbers.format_decimal(value, locale=language.locale)


@functools.cache
def _plural_form(locale: str, count: int) -> str:
    import babel

    return babel.Locale.parse(locale).plural_form(count)


@functools.lru_cache(maxsize=8192)
def _babel_date(value: dt.date, pattern: str, locale: str) -> str:
    """A day in Babel's `pattern` in `locale`, each worked out once: a listing shows the same days again and again,
    at some 20 microseconds each (a thousand briefs' archive in French, every save of a French preview)."""
    import babel.dates  # only a site in another language needs it

    return babel.dates.format_date(value, pattern, locale=locale)
