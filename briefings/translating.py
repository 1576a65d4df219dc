"""Briefs in several languages, for authors: which file is in which language, and the translations older than
their original (`briefings check` warns). `briefings new brief --translate PATH --lang ar` starts a translation
(`scaffold.new_translation`).

A brief's text in another language sits beside it with the language's code before `.md`
(`doha-indirect-talks.ar.md` beside `doha-indirect-talks.md`, `index.ar.md` beside a folder brief's
`index.md`). A brief written first, or only, in another language is `slug.<code>.md`, its original; its
translations, the default language's `slug.md` included, say `translation_of: <code>` (briefings.originals).
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

from . import clock, languages
from .frontmatter import read_front_matter
from .originals import original_language, translation_of
from .problems import Problems
from .project import Project
from .sources import read_text
from .translations import split_language


@dataclass(frozen=True)
class BriefFile:
    """A brief's file as its name places it: the file name without its language and `.md`, and its language."""

    path: Path
    stem: str  # `doha-indirect-talks`, or `index` for a folder brief
    lang: str

    @classmethod
    def at(cls, path: Path) -> BriefFile:
        name, lang = split_language(path.name)  # the loader's reading of a file name
        return cls(path, name.removesuffix(".md"), lang or languages.DEFAULT)

    def beside(self, lang: str) -> Path:
        """The file of the same brief in language `lang`."""
        suffix = "" if lang == languages.DEFAULT else f".{lang}"
        return self.path.with_name(f"{self.stem}{suffix}.md")

    def in_languages(self) -> dict[str, Path]:
        """The files of this brief there are, by language, in the order of the declarations."""
        return {code: self.beside(code) for code in languages.declared() if self.beside(code).is_file()}

    @property
    def original(self) -> Path:
        """The brief's original, as `briefings.originals` says: the file in the default language unless it says
        `translation_of`, else the file in another language that does not (the first declared, if several do
        not: the check reports them), or this file if none."""
        files = self.in_languages()
        claims = {lang: translation_of(path) for lang, path in files.items()}
        return next((files[lang] for lang in original_language(claims)), self.path)

    @property
    def is_original(self) -> bool:
        return self.original == self.path


def older_translations(project: Project) -> Problems:
    """A warning for each translation of a brief older than its original: the original's `updated` (or `date`)
    is after the translation's `translated`, or, without it, after the day of the translation file's last
    commit in git (a file git does not have as committed is not judged)."""
    found = Problems()
    if not project.briefs_dir.is_dir():
        return found
    for path in sorted(project.briefs_dir.rglob("*.md")):
        brief = BriefFile.at(path)
        if brief.is_original:
            continue
        original, translation = _front(project, brief.original), _front(project, path)
        if original is None or translation is None:
            continue  # the check reports why it cannot read them
        changed = _day(original.value.get("updated")) or _day(original.value.get("date"))
        translated = _day(translation.value.get("translated"))
        since = f"was last brought up to date on {translated}" if translated else ""
        if translated is None and (translated := _last_commit_day(project, path)):
            since = f"has no 'translated' date and was last committed on {translated}"
        if changed and translated and changed > translated:
            rel, original_rel = project.relative(path), project.relative(brief.original)
            found.warning(
                translation.locate(("translated",)),
                f"this translation {since}, before its original {original_rel} was updated on {changed}: "
                f"bring {rel} up to date with it, then set 'translated: {clock_day()}'",
                causes=(original_rel,),
            )
    return found


def _front(project: Project, path: Path):
    problems = Problems()
    try:
        text = read_text(path, project.relative(path), problems)
    except OSError:
        return None
    if text is None:
        return None
    doc, _, _ = read_front_matter(text, project.relative(path), problems, required=True)
    return doc if doc is not None and not problems.errors else None


def _day(value: object) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def _last_commit_day(project: Project, path: Path) -> dt.date | None:
    """The day of the last commit of `path`, if git has it as committed (unchanged since)."""
    rel = os.path.relpath(path, project.root)
    try:
        changed = subprocess.run(
            ["git", "status", "--porcelain", "--", rel], cwd=project.root, capture_output=True, text=True
        )
        if changed.returncode != 0 or changed.stdout.strip():
            return None
        log = subprocess.run(
            ["git", "log", "-1", "--format=%cs", "--", rel], cwd=project.root, capture_output=True, text=True
        )
    except OSError:  # git is not installed
        return None
    return _day(log.stdout.strip()) if log.returncode == 0 else None


def clock_day() -> str:
    try:
        return clock.today().isoformat()
    except clock.ClockError:
        return "YYYY-MM-DD"
