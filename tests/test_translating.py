"""Authors' commands for briefs in several languages: a translation started from its original, a brief written
in another language with a file name made from its title, and translations older than their original."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from pathlib import Path

import pytest
import yaml

from briefings import languages
from briefings.project import Project
from briefings.translating import older_translations
from conftest import Run, briefings, front_matter

ORIGINAL = "docs/briefs/2026/doha-indirect-talks.md"
CALL = re.compile(r"\{\{ (?:actor|indicator|mechanism|author|region)\([^()]*\) \}\}")


def _cli(project: Path, capsys, *args: str) -> Run:
    """The command line in this process, as an author would run it in `project` (paths from there)."""
    from briefings.cli import main

    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(project)
        returncode = main(["--root", str(project), *args])
    out = capsys.readouterr()
    return Run(returncode, out.out, out.err)


@pytest.fixture
def project(project: Path) -> Path:
    """The example project without the translations it ships of the brief these tests translate."""
    for translation in (project / "docs/briefs/2026").glob("doha-indirect-talks.*.md"):
        translation.unlink()
    return project


def headings(text: str) -> list[str]:
    return [line[3:] for line in text.splitlines() if line.startswith("## ")]


@pytest.mark.parametrize("lang", ["ar", "fr", "fa"])
def test_new_brief_translate_starts_the_translation_beside_its_original(project: Path, lang: str):
    made = briefings("new", "brief", "--translate", ORIGINAL, "--lang", lang, cwd=project)
    assert made.returncode == 0, made.output
    assert made.stdout.strip() == f"docs/briefs/2026/doha-indirect-talks.{lang}.md"
    original = (project / ORIGINAL).read_text("utf-8")
    text = (project / made.stdout.strip()).read_text("utf-8")

    meta, source = front_matter(project / made.stdout.strip()), front_matter(project / ORIGINAL)
    # Text only: the title and summary to write, the original's sources (same addresses, same order) with their
    # titles to translate, the day it was brought up to date; nothing the original decides.
    assert set(meta) == {"title", "summary", "sources", "translated"}
    assert meta["title"].startswith("TODO") and meta["summary"].startswith("TODO")
    assert meta["sources"] == source["sources"]
    assert meta["translated"] == dt.date.today()
    assert f"# The original's title: {source['title']}" in text  # beside the field, to translate from

    # The language's five headings, in order, and the original's macro calls listed for reuse, in the section
    # where the original makes them.
    assert headings(text) == list(languages.language(lang).headings)
    assert sorted(set(CALL.findall(text))) == sorted(set(CALL.findall(original)))
    what_happened = text.split("\n## ")[1]
    assert '{{ actor("qatar") }}' in what_happened and "{{ indicator(" not in what_happened


def test_a_translation_lists_the_originals_corrections_to_translate(project: Path):
    brief = project / ORIGINAL
    brief.write_text(
        brief.read_text("utf-8").replace(
            "\nsummary:", "\ncorrections:\n  - date: 2026-06-20\n    text: The talks' venue was wrong.\nsummary:", 1
        ),
        "utf-8",
    )
    made = briefings("new", "brief", "--translate", ORIGINAL, "--lang", "fr", cwd=project)
    assert made.returncode == 0, made.output
    assert front_matter(project / made.stdout.strip())["corrections"] == [
        {"date": dt.date(2026, 6, 20), "text": "The talks' venue was wrong."}
    ]


def test_a_translation_is_started_from_a_folder_brief_and_from_an_original_in_another_language(project: Path):
    folder = project / "docs/briefs/2026/doha-talks-map"
    folder.mkdir()
    (folder / "index.md").write_text((project / ORIGINAL).read_text("utf-8"), "utf-8")
    made = briefings(
        "new", "brief", "--translate", "docs/briefs/2026/doha-talks-map/index.md", "--lang", "ar", cwd=project
    )
    assert made.returncode == 0, made.output
    assert made.stdout.strip() == "docs/briefs/2026/doha-talks-map/index.ar.md"

    persian = project / "docs/briefs/2026/doha-talks-fa.fa.md"
    original = (project / ORIGINAL).read_text("utf-8")
    for english, farsi in zip(languages.language("en").headings, languages.language("fa").headings):
        original = original.replace(f"## {english}\n", f"## {farsi}\n")
    persian.write_text(original, "utf-8")
    made = briefings("new", "brief", "--translate", persian, "--lang", "fr", cwd=project)
    assert made.returncode == 0, made.output
    text = (project / made.stdout.strip()).read_text("utf-8")
    assert headings(text) == list(languages.language("fr").headings)
    assert '{{ actor("qatar") }}' in text.split("\n## ")[1]  # the sections found by their Persian headings
    assert f'section "{languages.language("fa").headings[0]}"' in text


def test_new_brief_in_another_language_is_an_original_named_from_its_title(project: Path):
    title = "گفت‌وگوهای غیرمستقیم در دوحه"
    made = briefings("new", "brief", "--lang", "fa", title, "--actor", "qatar", "--date", "2026-06-01", cwd=project)
    assert made.returncode == 0, made.output
    assert made.stdout.strip() == "docs/briefs/2026/gftwgwhay-ghyrmstqym-dr-dwhh.fa.md"
    path = project / made.stdout.strip()
    meta = front_matter(path)
    assert (meta["title"], meta["date"], meta["actors"], meta["draft"]) == (title, dt.date(2026, 6, 1), ["qatar"], True)
    assert headings(path.read_text("utf-8")) == list(languages.language("fa").headings)

    arabic = briefings(
        "new", "brief", "--lang", "ar", "محادثات غير مباشرة في الدوحة", "--date", "2026-06-01", cwd=project
    )
    assert arabic.stdout.strip() == "docs/briefs/2026/mhadthat-ghyr-mbashra-fy-aldwha.ar.md", arabic.output
    # the same slug in another language is the same brief: not a second original
    again = briefings(
        "new", "brief", "--lang", "fr", "Mhadthat ghyr mbashra fy aldwha", "--date", "2026-06-01", cwd=project
    )
    assert again.returncode == 1
    assert "docs/briefs/2026/mhadthat-ghyr-mbashra-fy-aldwha.ar.md already exists" in again.stderr


@pytest.mark.parametrize(
    "title, slug",
    [
        ("Straße nach Doha", "strasse-nach-doha"),
        ("Les médiateurs d’Oman à Genève", "les-mediateurs-doman-a-geneve"),
        ("Łódź, Ærø and Œuvres", "lodz-aero-and-oeuvres"),
        ("قطر وسيط بين واشنطن وطهران", "qtr-wsyt-byn-washntn-wthran"),
        ("مُحادَثات ٢٠٢٦", "mhadthat-2026"),  # vowel marks dropped, Arabic-Indic digits written as digits
    ],
)
def test_a_file_name_is_transliterated_from_a_title_in_latin_or_arabic_script(project: Path, capsys, title, slug):
    made = _cli(project, capsys, "new", "brief", title, "--date", "2026-06-01")
    assert made.returncode == 0, made.stderr
    assert made.stdout.strip() == f"docs/briefs/2026/{slug}.md"


def test_a_title_with_no_letter_to_name_the_file_from_asks_for_slug(project: Path, capsys):
    for title in ("Ελλάδα και Κατάρ", "?!", "🙂"):
        refused = _cli(project, capsys, "new", "brief", "--lang", "fr", title)
        assert refused.returncode == 1, title
        assert "give one with --slug, e.g. --slug doha-talks" in refused.stderr
    named = _cli(project, capsys, "new", "brief", "--lang", "fr", "Ελλάδα", "--slug", "hellas", "--date", "2026-06-01")
    assert named.stdout.strip() == "docs/briefs/2026/hellas.fr.md", named.stderr


@pytest.mark.parametrize(
    "args, message",
    [
        (["--translate", ORIGINAL, "--lang", "arabic"], "unknown language 'arabic' in --lang: did you mean 'ar'?"),
        (["--translate", ORIGINAL, "--lang", "de"], "the languages are en (English), ar (العربية), fa (فارسی), fr"),
        (["--translate", ORIGINAL], "say which language to translate into: --lang fr"),
        (["--translate", ORIGINAL, "--lang", "en"], f"{ORIGINAL} is written in English (en) already"),
        (["Title", "--translate", ORIGINAL, "--lang", "ar"], "leave out 'Title'"),
        (["--translate", ORIGINAL, "--lang", "ar", "--actor", "qatar"], "leave out --actor"),
        (["--translate", "docs/briefs/2026/nothing.md", "--lang", "ar"], "docs/briefs/2026/nothing.md: no such brief"),
        (["--translate", "docs/about.md", "--lang", "ar"], "docs/about.md: no such brief"),
        (["--lang", "farsi", "Title"], "unknown language 'farsi' in --lang: did you mean 'fa'?"),
        ([], 'give the brief\'s title: briefings new brief "Title of the brief"'),
    ],
)
def test_new_brief_refuses_what_it_cannot_start_saying_what_to_do(project: Path, capsys, args, message):
    before = sorted(p.name for p in (project / "docs").rglob("*.md"))
    refused = _cli(project, capsys, "new", "brief", *args)
    assert refused.returncode == 1 and message in refused.stderr, refused.stderr
    assert sorted(p.name for p in (project / "docs").rglob("*.md")) == before


def test_a_translation_is_not_translated_again_nor_started_twice(project: Path, capsys):
    assert _cli(project, capsys, "new", "brief", "--translate", ORIGINAL, "--lang", "ar").returncode == 0
    again = _cli(project, capsys, "new", "brief", "--translate", ORIGINAL, "--lang", "ar")
    assert again.returncode == 1
    assert "docs/briefs/2026/doha-indirect-talks.ar.md already exists: edit it" in again.stderr
    of_translation = _cli(
        project, capsys, "new", "brief", "--translate", ORIGINAL.replace(".md", ".ar.md"), "--lang", "fr"
    )
    assert of_translation.returncode == 1
    assert f"is itself a translation: translate its original, {ORIGINAL}" in of_translation.stderr


def test_an_original_that_is_not_utf_8_is_refused_as_check_reports_it_and_one_with_a_byte_order_mark_is_not(
    project: Path, capsys
):
    original = project / ORIGINAL
    text = original.read_bytes()
    original.write_bytes(b"\xef\xbb\xbf" + text)  # as some Windows editors save it
    assert _cli(project, capsys, "new", "brief", "--translate", ORIGINAL, "--lang", "fr").returncode == 0
    original.write_bytes(text.replace(b"\ntitle: ", b"\ntitle: \xe9", 1))  # Latin-1, not UTF-8
    refused = _cli(project, capsys, "new", "brief", "--translate", ORIGINAL, "--lang", "ar")
    assert refused.returncode == 1 and "Traceback" not in refused.stderr
    assert f"{ORIGINAL}:2:8: not UTF-8 text (byte 0xe9)" in refused.stderr, refused.stderr
    assert not original.with_name("doha-indirect-talks.ar.md").exists()


def _translation(project: Path, lang: str, translated: str | None) -> Path:
    path = project / ORIGINAL.replace(".md", f".{lang}.md")
    meta = {"title": "Titre", "summary": "Résumé."} | ({"translated": translated} if translated else {})
    path.write_text(f"---\n{yaml.safe_dump(meta, allow_unicode=True)}---\n\nTexte.\n", "utf-8")
    return path


def _set_original(project: Path, date: str, updated: str | None = None) -> None:
    """The original's `date`, and its `updated` (none if not given)."""
    brief = project / ORIGINAL
    text = re.sub(r"\nupdated: \S+", "", brief.read_text("utf-8"), count=1)
    text = re.sub(r"\ndate: \S+", f"\ndate: {date}" + (f"\nupdated: {updated}" if updated else ""), text, count=1)
    brief.write_text(text, "utf-8")


def test_a_translation_older_than_its_original_is_a_warning_naming_both_files(project: Path):
    date = front_matter(project / ORIGINAL)["updated"]  # the original's last update
    _translation(project, "fr", str(date))  # brought up to date on that day
    _translation(project, "ar", "2026-01-01")  # before it
    assert [str(p) for p in older_translations(Project.at(project))] == [
        f"docs/briefs/2026/doha-indirect-talks.ar.md:4:1: warning: this translation was last brought up to date on "
        f"2026-01-01, before its original {ORIGINAL} was updated on {date}: bring "
        f"docs/briefs/2026/doha-indirect-talks.ar.md up to date with it, then set 'translated: "
        f"{dt.date.today().isoformat()}'"
    ]
    _set_original(project, "2026-05-08", updated="2026-12-30")  # the original updated since: both are older
    warned = [str(p) for p in older_translations(Project.at(project))]
    assert [row.split(":")[0] for row in warned] == [
        "docs/briefs/2026/doha-indirect-talks.ar.md",
        "docs/briefs/2026/doha-indirect-talks.fr.md",
    ]
    assert all(f"before its original {ORIGINAL} was updated on 2026-12-30" in row for row in warned)


def _about(problems, path: Path) -> list:
    return [p for p in problems if p.location.path == path.relative_to(path.parents[3]).as_posix()]


def test_without_a_translated_date_a_translation_is_as_old_as_its_last_commit(project: Path):
    git = ["git", "-c", "user.name=T", "-c", "user.email=t@example.org"]
    subprocess.run(["git", "init", "-q"], cwd=project, check=True)
    path = _translation(project, "fr", None)
    assert _about(older_translations(Project.at(project)), path) == []  # not committed: git cannot tell its age
    subprocess.run([*git, "add", "-A"], cwd=project, check=True)
    day = "2026-03-01T12:00:00+00:00"
    env = {"GIT_AUTHOR_DATE": day, "GIT_COMMITTER_DATE": day, "PATH": "/usr/bin:/bin"}
    subprocess.run([*git, "commit", "-qm", "Content"], cwd=project, check=True, env=env)
    _set_original(project, "2026-02-01")
    assert _about(older_translations(Project.at(project)), path) == []  # committed after the original's day
    _set_original(project, "2026-02-01", updated="2026-04-01")
    (warning,) = _about(older_translations(Project.at(project)), path)
    assert warning.location.path == "docs/briefs/2026/doha-indirect-talks.fr.md"
    assert warning.message.startswith(
        f"this translation has no 'translated' date and was last committed on 2026-03-01, before its original "
        f"{ORIGINAL} was updated on 2026-04-01"
    )
    path.write_text(path.read_text("utf-8") + "Plus.\n", "utf-8")  # being edited: not judged
    assert _about(older_translations(Project.at(project)), path) == []


def test_a_started_translation_is_an_error_until_written_and_then_passes_check(project: Path):
    made = briefings("new", "brief", "--translate", ORIGINAL, "--lang", "ar", cwd=project)
    path = project / made.stdout.strip()
    rel = made.stdout.strip()
    unwritten = briefings("check", cwd=project)
    assert unwritten.returncode == 1
    rows = unwritten.stdout.splitlines()
    title_line = next(n for n, line in enumerate(path.read_text("utf-8").splitlines(), 1) if line.startswith("title:"))
    assert any(
        row.startswith(f"{rel}:{title_line}:") and "title still holds a TODO placeholder" in row for row in rows
    ), rows
    assert any("it is published with its original" in row for row in rows)

    text = path.read_text("utf-8")
    text = re.sub(r'title: "TODO[^"]*"', "title: محادثات الدوحة", text)
    text = re.sub(r'summary: "TODO[^"]*"', "summary: ملخّص المحادثات.", text)
    calls = iter(CALL.findall((project / ORIGINAL).read_text("utf-8")))
    text = re.sub(r"^TODO: .*$", lambda _: "نصّ القسم " + " ".join(c for c, _ in zip(calls, range(9))), text, flags=re.M)
    path.write_text(text, "utf-8")
    written = briefings("check", cwd=project)
    assert written.returncode == 0, written.output
    assert written.stdout == ""


def test_check_warns_of_a_translation_older_than_its_original_naming_both_files(project: Path):
    brief = "docs/briefs/2026/qatar-host-and-gatekeeper.md"
    translation = brief.replace(".md", ".fr.md")
    assert (project / translation).is_file()
    text = (project / translation).read_text("utf-8").replace("\n---\n", "\ntranslated: 2026-05-27\n---\n", 1)
    (project / translation).write_text(text, "utf-8")
    assert briefings("check", cwd=project).stdout == ""
    original = project / brief
    original.write_text(
        original.read_text("utf-8").replace("\nsummary:", "\nupdated: 2026-06-02\nsummary:", 1), "utf-8"
    )
    checked = briefings("check", cwd=project)
    assert checked.returncode == 0, checked.output  # a warning, not an error
    (row,) = checked.stdout.splitlines()
    assert row.startswith(f"{translation}:")
    assert f"warning: this translation was last brought up to date on 2026-05-27, before its original {brief}" in row
    assert "1 warning" in checked.stderr
    only = briefings("check", brief, cwd=project)  # the original's change causes it
    assert translation in only.stdout


def test_moving_a_brief_moves_its_translations_with_it(project: Path):
    old, new = "docs/briefs/2026/qatar-host-and-gatekeeper", "docs/briefs/2025/qatar-as-host"
    translated = {p.name for p in (project / "docs/briefs/2026").glob("qatar-host-and-gatekeeper.*.md")}
    assert translated == {"qatar-host-and-gatekeeper.ar.md", "qatar-host-and-gatekeeper.fr.md"}
    clash = project / f"{new}.fr.md"
    clash.parent.mkdir(parents=True)
    clash.write_text("---\ntitle: T\n---\n", "utf-8")
    refused = briefings("move", f"{old}.md", f"{new}.md", cwd=project)
    assert refused.returncode == 1
    assert f"{new}.fr.md already exists: move or remove it before its brief" in refused.stderr
    assert (project / f"{old}.md").is_file() and (project / f"{old}.ar.md").is_file()
    clash.unlink()

    moved = briefings("move", f"{old}.md", f"{new}.md", cwd=project)
    assert moved.returncode == 0, moved.output
    for lang in ("ar", "fr"):
        assert f"moved {old}.{lang}.md to {new}.{lang}.md" in moved.stdout
        assert not (project / f"{old}.{lang}.md").exists() and (project / f"{new}.{lang}.md").is_file()
    checked = briefings("check", cwd=project)
    assert checked.returncode == 0 and checked.stdout == "", checked.output


def test_list_finds_entries_by_their_names_and_aliases_in_any_language(project: Path, capsys):
    actors = project / "data/actors.yml"
    actors.write_text(
        actors.read_text("utf-8")
        + "bahrain:\n  name: Bahrain\n  kind: state\n  summary: S.\n"
        + "  translations:\n    ar: {name: البحرين, aliases: [مملكة البحرين]}\n    fr: {name: Bahreïn}\n",
        "utf-8",
    )
    for words in (["البحرين"], ["مملكة", "البحرين"], ["bahrein"]):
        found = _cli(project, capsys, "list", "actors", *words)
        assert found.returncode == 0 and found.stdout.split() == ["bahrain", "Bahrain"], words
    nothing = _cli(project, capsys, "list", "actors", "موريتانيا")  # a word in another script matches as written
    assert nothing.returncode == 1 and nothing.stdout == ""
