"""Data in several languages, in-process: each kind's `translations`, read, checked and seen in a language.

An entry's own fields are its text in the default language; `translations` give its name, summary, aliases
(an indicator's signals, an author's role and bio) in other declared languages, and what a language lacks
falls back to the default, saying so."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefings.datafiles import read_data_file
from briefings.kinds import BY_NAME
from briefings.loader import LoadCache, load_project
from briefings.model import InLanguage, Signals
from briefings.problems import Problems
from briefings.project import Project
from conftest import copy_project

ACTORS = """\
qatar:
  name: Qatar
  kind: state
  summary: A Gulf state that hosts
    the talks.
  aliases: [State of Qatar]
  translations:
    fr: {name: Qatar, summary: Un État du Golfe qui accueille les pourparlers.}
    ar:
      name: قطر
      summary: دولة خليجية تستضيف المحادثات.
      aliases: [دولة قطر]
"""


def read(kind: str, text: str) -> tuple[dict, Problems]:
    problems = Problems()
    entities, _, _ = read_data_file(BY_NAME[kind], text, f"data/{BY_NAME[kind].folder}.yml", problems)
    return entities, problems


def messages(problems: Problems) -> list[str]:
    return [str(problem) for problem in problems]


def test_an_actor_reads_in_each_language_and_falls_back_to_the_default_for_what_a_language_lacks():
    entities, problems = read("actor", ACTORS)
    assert messages(problems) == []
    qatar = entities["qatar"]
    assert qatar.languages == ("fr", "ar")
    assert qatar.name_in("ar") == InLanguage("قطر", False)
    assert qatar.summary_in("fr") == ("Un État du Golfe qui accueille les pourparlers.", False)
    assert qatar.aliases_in("ar") == (("دولة قطر",), False)
    # French gives no aliases: the English ones, said to be a fallback
    assert qatar.aliases_in("fr") == (("State of Qatar",), True)
    assert qatar.fallbacks("fr") == ("aliases",) and qatar.fallbacks("ar") == ()
    # a language with no translation at all falls back for everything; the default language never does
    assert qatar.name_in("fa") == ("Qatar", True)
    assert qatar.fallbacks("fa") == ("name", "summary", "aliases")
    assert qatar.summary_in("en") == ("A Gulf state that hosts the talks.", False)
    assert qatar.fallbacks("en") == ()
    text, fell_back = qatar.name_in("fr")  # a pair, as templates unpack it
    assert (text, fell_back) == ("Qatar", False)


def test_an_empty_field_of_the_default_language_is_no_fallback():
    entities, _ = read(
        "actor", "oman:\n  name: Oman\n  kind: state\n  summary: S.\n  translations:\n    fr: {name: Oman}\n"
    )
    assert entities["oman"].aliases_in("fr") == ((), False)
    assert entities["oman"].fallbacks("fr") == ("summary",)


def test_an_indicator_translates_its_signals_one_for_one_and_keeps_the_list_a_translation_leaves_out():
    entities, problems = read(
        "indicator",
        "talks:\n  name: Talks\n  summary: S.\n  signals:\n    advancing: [A meeting, A date]\n    reversing: [A walkout]\n"
        "  translations:\n    fr:\n      name: Pourparlers\n      signals:\n        advancing: [Une réunion, Une date]\n",
    )
    assert messages(problems) == []
    talks = entities["talks"]
    assert talks.signals_in("fr") == (Signals(("Une réunion", "Une date"), ("A walkout",)), True)
    assert talks.signals_in("ar") == (talks.signals, True)
    assert talks.summary_in("fr") == ("S.", True)
    assert talks.fallbacks("fr") == ("summary", "signals")


def test_an_author_translates_name_role_and_bio():
    entities, problems = read(
        "author",
        "desk:\n  name: Desk\n  role: Editorial team\n  bio: Edits.\n"
        "  translations:\n    fr: {role: Rédaction, bio: Édite.}\n",
    )
    assert messages(problems) == []
    desk = entities["desk"]
    assert desk.role_in("fr") == ("Rédaction", False) and desk.summary_in("fr") == ("Édite.", False)
    assert desk.name_in("fr") == ("Desk", True)
    assert desk.fallbacks("fr") == ("name",)


@pytest.mark.parametrize(
    "kind, entry, line, message",
    [
        (
            "actor",
            "translations:\n    fre: {name: Qatar}\n",
            6,
            "unknown language 'fre' in the translations of 'qatar': did you mean 'fr'?",
        ),
        ("actor", "translations:\n    French: {name: Qatar}\n", 6, "did you mean 'fr'?"),
        ("actor", "translations:\n    de: {name: Katar}\n", 6, "the languages are ar (العربية), fa (فارسی), fr"),
        ("actor", "translations:\n    en: {name: Qatar}\n", 6, "'en' is the default language"),
        ("actor", "translations:\n    fr: {nmae: Qatar}\n", 6, "unknown field 'nmae': did you mean 'name'?"),
        (
            "actor",
            "translations:\n    fr: {kind: state}\n",
            6,
            "unknown field 'kind': a translation gives only name, summary, aliases; 'kind' is the entry's own",
        ),
        ("actor", "translations:\n    fr: {}\n", 6, "'qatar.translations.fr' must not be empty"),
        ("actor", "translations:\n    fr:\n      name: ''\n", 7, "'qatar.translations.fr.name' must not be empty"),
        ("actor", "translations: [fr]\n", 5, "'qatar.translations' must be a mapping"),
        ("region", "translations:\n    fr: {aliases: [Q]}\n", 6, "a translation gives only name, summary"),
        ("mechanism", "translations:\n    ar: {signals: {advancing: [x]}}\n", 6, "unknown field 'signals'"),
    ],
)
def test_a_wrong_translation_is_an_error_at_its_line_saying_what_to_write(kind, entry, line, message):
    data_file = f"data/{BY_NAME[kind].folder}.yml"
    extra = "  kind: state\n" if kind == "actor" else ""
    entities, problems = read(kind, f"qatar:\n  name: Qatar\n{extra}  summary: S.\n  {entry}")
    if kind != "actor":  # the entry is a line shorter
        line -= 1
    rows = messages(problems)
    assert any(row.startswith(f"{data_file}:{line}:") and message in row for row in rows), rows
    assert "qatar" not in entities


@pytest.mark.parametrize(
    "signals, message",
    [
        ("advancing: [Une réunion]", "the 'fr' translation gives 1 'advancing' signal(s) where the indicator"),
        ("reversing: [Un départ]", "the indicator 'talks' has no 'reversing' signals to translate"),
    ],
)
def test_translated_signals_must_be_the_indicators_own(signals, message):
    _, problems = read(
        "indicator",
        "talks:\n  name: Talks\n  summary: S.\n  signals:\n    advancing: [A meeting, A date]\n"
        f"  translations:\n    fr:\n      signals:\n        {signals}\n",
    )
    rows = messages(problems)
    assert any(row.startswith("data/indicators.yml:9:") and message in row for row in rows), rows


def test_the_project_loads_translated_data_into_its_catalog(tmp_path: Path):
    project = copy_project(tmp_path / "project")
    actors = project / "data/actors.yml"
    text = actors.read_text("utf-8")
    assert "\noman:\n" in text  # (the example translates qatar itself)
    actors.write_text(
        text.replace("\noman:\n", "\noman:\n  translations:\n    ar: {name: عُمان}\n    fr: {name: Oman}\n", 1),
        "utf-8",
    )
    loaded = load_project(Project.at(project), cache=LoadCache())
    assert loaded.ok, [str(p) for p in loaded.problems]
    oman = loaded.catalog.entities["actors"]["oman"]
    assert oman.name_in("ar") == ("عُمان", False)
    assert oman.summary_in("ar").fallback
