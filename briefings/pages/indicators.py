"""The indicators index (`indicators/`), the most recently read first, and a page for every indicator
(`indicators/<id>/`) with its latest reading and their history, as a chart and a table."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from ..chart import reading_chart
from ..urls import entity_feed_path
from . import GeneratedPage, Kind, counts, history

if TYPE_CHECKING:
    from ..catalog import Catalog
    from ..model import Indicator, Reading


def pages(catalog: Catalog, kind: Kind) -> Iterable[GeneratedPage]:
    yield GeneratedPage(kind.index_uri, "indicators.md", partial(_index, catalog), kind.data_file)
    for indicator in catalog.indicators.values():
        yield GeneratedPage(indicator.src_uri, "indicator.md", partial(_context, catalog, indicator), kind.data_file)


@dataclass(frozen=True)
class ReadingShown:
    """What the index shows of a reading: its status and its date, not the brief that gives it (whose title and
    text the index does not show: a save of that brief leaves the index as it was)."""

    status: str
    label: str
    date: dt.date

    @classmethod
    def of(cls, reading: Reading | None) -> ReadingShown | None:
        return cls(reading.status, reading.label, reading.date) if reading is not None else None


def _index(catalog: Catalog) -> dict:
    indicators = catalog.indicators_by_reading()
    moved = {indicator.id: catalog.movement(indicator) for indicator in indicators}
    return dict(
        indicators=indicators,
        latest_readings={indicator.id: ReadingShown.of(catalog.latest_reading(indicator)) for indicator in indicators},
        # each indicator's latest change of status, if any: the readings before and after it
        movements={
            key: m and {"before": ReadingShown.of(m.before), "after": ReadingShown.of(m.after)}
            for key, m in moved.items()
        },
        counts=counts(catalog, indicators),
    )


def _context(catalog: Catalog, indicator: Indicator) -> dict:
    readings = catalog.readings_of(indicator)
    return dict(
        indicator=indicator,
        feed=entity_feed_path(indicator),
        **history(catalog, catalog.briefs_naming(indicator)),
        actors=[catalog.actors[i] for i in indicator.actor_ids],
        readings=readings,
        latest=catalog.latest_reading(indicator),
        movement=catalog.movement(indicator),
        chart=reading_chart(readings) if readings else None,
    )
