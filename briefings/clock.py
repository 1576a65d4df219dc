"""The day a build publishes for: a brief dated after it is scheduled, and left out until that day.

The one place the core reads the date. `SOURCE_DATE_EPOCH` (seconds since 1970-01-01 UTC, the reproducible
builds convention) sets it when present, so that a build, a check and a test can be run as of any day;
otherwise it is today's date in UTC, whatever the machine's time zone.
"""

from __future__ import annotations

import datetime as dt
import os

ENVIRONMENT_VARIABLE = "SOURCE_DATE_EPOCH"


class ClockError(ValueError):
    """`SOURCE_DATE_EPOCH` is set but is not a number of seconds."""


def today(environ: dict[str, str] | None = None) -> dt.date:
    """The day the site is built for, in UTC: `SOURCE_DATE_EPOCH`'s when set, else the clock's."""
    value = (os.environ if environ is None else environ).get(ENVIRONMENT_VARIABLE, "").strip()
    if not value:
        return dt.datetime.now(dt.UTC).date()
    try:
        return dt.datetime.fromtimestamp(int(value), dt.UTC).date()
    except (ValueError, OverflowError, OSError):
        raise ClockError(
            f"{ENVIRONMENT_VARIABLE} is '{value}', not a number of seconds since 1970-01-01: "
            "set it to one (e.g. $(date +%s)) or unset it"
        ) from None
