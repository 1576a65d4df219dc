"""The geometry of an indicator's history of readings, drawn as an SVG chart by a page template.

Time runs left to right; each status has its row, the watched development's outcome (`resolved`) at the top
and `reversing` at the bottom. Every reading is one mark, and a line joins the marks in date order. All
coordinates are in the chart's own units (its `viewBox`), so the chart scales to any width.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from .model import READING_STATUSES, Reading

#: The rows of the chart, top to bottom.
ROWS = ("resolved", "advancing", "steady", "reversing")

WIDTH, HEIGHT = 360, 170
LEFT, RIGHT, TOP, BOTTOM = 78, 348, 14, 132  # the plotting area; status labels sit left of it, dates below
INSET = 12  # keeps the first and last marks off the plotting area's edges
TICK_SPACING = 44  # the least distance between two date labels of one year ("8 May"); wider with years


@dataclass(frozen=True)
class Row:
    y: float
    label: str


@dataclass(frozen=True)
class Mark:
    x: float
    y: float
    reading: Reading


@dataclass(frozen=True)
class Tick:
    x: float
    label: str  # in the default language; a page in another writes `date` in its own (templating.short_date)
    date: dt.date | None = None
    with_year: bool = False


@dataclass(frozen=True)
class ReadingChart:
    rows: tuple[Row, ...]
    marks: tuple[Mark, ...]  # in date order
    ticks: tuple[Tick, ...]
    width: int = WIDTH
    height: int = HEIGHT
    left: int = LEFT
    right: int = RIGHT
    bottom: int = BOTTOM

    @property
    def points(self) -> str:
        """The marks as the `points` of an SVG polyline."""
        return " ".join(f"{m.x},{m.y}" for m in self.marks)


def reading_chart(readings: Sequence[Reading]) -> ReadingChart:
    """The chart of `readings`, which are in date order."""
    step = (BOTTOM - TOP) / (len(ROWS) - 1)
    row_y = {status: round(TOP + n * step, 1) for n, status in enumerate(ROWS)}
    first, last = readings[0].date.toordinal(), readings[-1].date.toordinal()
    span = max(last - first, 1)

    def x(reading: Reading) -> float:
        if first == last:
            return (LEFT + RIGHT) / 2
        return round(LEFT + INSET + (reading.date.toordinal() - first) * (RIGHT - LEFT - 2 * INSET) / span, 1)

    marks = tuple(Mark(x(r), row_y[r.status], r) for r in readings)
    one_year = readings[0].date.year == readings[-1].date.year
    return ReadingChart(
        rows=tuple(Row(row_y[status], READING_STATUSES[status]) for status in ROWS),
        marks=marks,
        ticks=_ticks(marks, one_year),
    )


def _ticks(marks: tuple[Mark, ...], one_year: bool) -> tuple[Tick, ...]:
    """Date labels under the marks, leaving out any that would crowd the one before; the last always shows."""
    ticks: list[Tick] = []
    spacing = TICK_SPACING if one_year else TICK_SPACING * 3 / 2
    for mark in marks:
        date = mark.reading.date
        label = f"{date.day} {date:%b}" + ("" if one_year else f" {date:%Y}")
        if ticks and ticks[-1].x == mark.x:
            continue
        if ticks and mark.x - ticks[-1].x < spacing:
            if mark is not marks[-1]:
                continue
            ticks.pop()
        ticks.append(Tick(mark.x, label, date, not one_year))
    return tuple(ticks)
