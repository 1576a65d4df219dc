"""Problems found in briefs and data: what is wrong, where, and what to change."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Location:
    """A place in a file of the project: path relative to the project root, 1-based line and column."""

    path: str
    line: int = 1
    column: int = 1

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}"


class TextLines:
    """Where an offset in a text is, as a location in its file: found in logarithmic time, so that a text with
    many problems is not scanned again for each of them."""

    def __init__(self, text: str, path: str, first_line: int = 1):
        self.path = path
        self.first_line = first_line  # the file's line the text starts on
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def location(self, offset: int) -> Location:
        line = bisect_right(self.starts, offset)
        return Location(self.path, self.first_line + line - 1, offset - self.starts[line - 1] + 1)


@dataclass(frozen=True)
class Problem:
    location: Location
    message: str
    severity: Severity = Severity.ERROR
    causes: tuple[str, ...] = ()  # other files (relative to the project root) whose content makes it a problem

    def concerns(self, paths: Iterable[str]) -> bool:
        """Whether the problem is in one of `paths` (files or folders), or comes from one of them."""
        return any(_within(where, path) for where in (self.location.path, *self.causes) for path in paths)

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def __str__(self) -> str:
        label = "" if self.is_error else "warning: "
        return f"{self.location}: {label}{self.message}"

    def github(self) -> str:
        """The problem as a GitHub Actions workflow command, shown inline on a pull request."""
        loc = self.location
        return (
            f"::{self.severity.value} file={_gh_property(loc.path)},line={loc.line},col={loc.column}"
            f"::{_gh_data(self.message)}"
        )


def _within(where: str, path: str) -> bool:
    return where == path or where.startswith(path.rstrip("/") + "/")


def _gh_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _gh_property(text: str) -> str:
    return _gh_data(text).replace(":", "%3A").replace(",", "%2C")


@dataclass
class Problems:
    """Every problem found in one pass over the project, in file order."""

    items: list[Problem] = field(default_factory=list)

    def error(self, location: Location, message: str, causes: tuple[str, ...] = ()) -> None:
        self.items.append(Problem(location, message, Severity.ERROR, causes))

    def warning(self, location: Location, message: str, causes: tuple[str, ...] = ()) -> None:
        self.items.append(Problem(location, message, Severity.WARNING, causes))

    def extend(self, problems: Iterable[Problem]) -> None:
        self.items.extend(problems)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.items if p.is_error]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.items if not p.is_error]

    def sorted(self) -> list[Problem]:
        return sorted(self.items, key=lambda p: (p.location, p.message))

    def __iter__(self) -> Iterator[Problem]:
        return iter(self.sorted())

    def __len__(self) -> int:
        return len(self.items)

    def summary(self) -> str:
        e, w = len(self.errors), len(self.warnings)
        return f"{e} error{'s' * (e != 1)}, {w} warning{'s' * (w != 1)}"
