"""The docs folder: every Markdown page in it, and its other files, found once, in order; and a file's text.

Links out of the project are refused, and so is any file the site would publish as it is unless a browser
only ever shows it (`safety.STATIC_SUFFIXES`), and any text that is not UTF-8.
"""

from __future__ import annotations

import codecs
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from . import safety
from .problems import Location, Problems
from .project import Project

#: A brief's file name (or its folder's, with `.md`): it becomes its address.
BRIEF_FILE_NAME = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*\.md$")


@dataclass(frozen=True)
class Source:
    """A Markdown page of the docs folder."""

    path: Path
    rel: str  # relative to the project root
    src_uri: str  # relative to the docs folder

    @property
    def is_brief(self) -> bool:
        """A brief is a page of briefs/<year>/: a file of its own (`slug.md`) or a folder holding it with its
        images (`slug/index.md`), published at the same address."""
        parts = self.src_uri.split("/")
        return parts[0] == "briefs" and (
            len(parts) == 3 and parts[2] != "index.md" or len(parts) == 4 and parts[3] == "index.md"
        )

    @property
    def slug(self) -> str:
        """A brief's name in its address: its file's name, or its folder's."""
        return self.src_uri.split("/")[2].removesuffix(".md")


def docs_folder(project: Project, problems: Problems) -> tuple[list[Source], dict[str, str]]:
    """Every page of the docs folder, and its other files (path inside it -> path relative to the root)."""
    docs = project.docs_dir
    pages: list[Source] = []
    files: dict[str, str] = {}
    if not docs.is_dir():
        problems.error(Location(project.relative(docs)), "missing docs folder")
        return pages, files
    # A file's path as messages show it (`Project.relative`): the docs folder's, worked out once, and its own in it.
    folder = (project.relative(docs) + "/").removeprefix("./") if docs.is_relative_to(project.root) else None
    for path, inside in _walk(project, docs, "", set(), problems):
        shown = folder + inside if folder is not None else project.relative(path)
        if path.suffix == ".md":
            pages.append(Source(path, shown, inside))
        elif path.suffix.lower() not in safety.STATIC_SUFFIXES:
            problems.error(Location(shown), safety.static_file_message(path.suffix))
        else:
            files[inside] = shown
    return pages, files


def _walk(
    project: Project, folder: Path, inside: str, seen: set[Path], problems: Problems
) -> Iterator[tuple[Path, str]]:
    """Each file under `folder` (`inside` the docs folder, as a path with forward slashes: "" for the docs folder
    itself), in order: its path, and its path inside the docs folder."""
    real = folder.resolve()
    if real in seen:
        return
    seen.add(real)
    for entry in sorted(os.scandir(folder), key=lambda e: e.name):
        if entry.name.startswith("."):
            continue  # not published
        path = Path(entry.path)
        if entry.is_symlink() and not project.contains(path):
            problems.error(
                Location(project.relative(path)),
                "a link to a file outside the project: the site publishes only files of the project; "
                "copy the file in or remove the link",
            )
            continue
        name = f"{inside}/{entry.name}" if inside else entry.name
        if entry.is_dir():
            yield from _walk(project, path, name, seen, problems)
        elif entry.is_file():
            yield path, name


def read_text(path: Path, rel: str, problems: Problems) -> str | None:
    """The text of the file at `path` (`rel`, relative to the project root); None, and the first byte that is not
    UTF-8 reported, if it is not UTF-8 text. A byte-order mark, as some Windows editors write, is dropped."""
    data = path.read_bytes()
    start = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    try:
        return data[start:].decode("utf-8")
    except UnicodeDecodeError as exc:
        bad = start + exc.start
        line_start = max(data.rfind(b"\n", 0, bad) + 1, start)
        before = data[line_start:bad].decode("utf-8", errors="replace")  # the column as an editor counts it
        problems.error(
            Location(rel, data.count(b"\n", 0, bad) + 1, len(before) + 1),
            f"not UTF-8 text (byte 0x{data[bad]:02x}): save the file with the UTF-8 encoding",
        )
        return None
