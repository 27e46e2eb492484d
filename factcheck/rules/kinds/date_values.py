"""Reading date claims for the date rule kinds: ISO values as spans of days, named weekdays.

A date claim's ``date_value`` is ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY`` (see the claim
table in the README); here it becomes the first and last day it allows. ``weekday`` is the
weekday named or implied; :func:`named_weekday` tells a weekday the text writes ("on
Tuesday") from one only implied by a date ("January 2, 2020").
"""

from __future__ import annotations

import calendar
import re
from datetime import date

from factcheck.facts import ClaimRow

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
WEEKDAY_INDEX = {name.lower(): index for index, name in enumerate(WEEKDAYS)}
_ISO = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def text_of(claim: ClaimRow, column: str) -> str | None:
    """A string column of a claim row; None when missing, null or blank."""
    value = claim.get(column)
    return value if isinstance(value, str) and value.strip() else None


def day_span(value: str | None) -> tuple[date, date] | None:
    """The first and last day an ISO value allows ("2019-12" -> Dec 1 .. Dec 31)."""
    match = _ISO.fullmatch(value.strip()) if value else None
    if match is None:
        return None
    year = int(match.group(1))
    month, day = (int(g) if g else None for g in match.groups()[1:])
    try:
        if month is None:
            return date(year, 1, 1), date(year, 12, 31)
        if day is None:
            last = calendar.monthrange(year, month)[1]
            return date(year, month, 1), date(year, month, last)
        return date(year, month, day), date(year, month, day)
    except ValueError:
        return None


def full_day(claim: ClaimRow) -> date | None:
    """The one day a claim's ``date_value`` names, or None (no value, a month, a year)."""
    span = day_span(text_of(claim, "date_value"))
    return span[0] if span is not None and span[0] == span[1] else None


def weekday_index(claim: ClaimRow) -> int | None:
    """The claim's ``weekday`` as 0 (Monday) .. 6 (Sunday), or None."""
    name = text_of(claim, "weekday")
    return WEEKDAY_INDEX.get(name.strip().lower()) if name else None


def named_weekday(claim: ClaimRow) -> int | None:
    """The weekday the claim's own words name ("on Tue.", "Thursday's"), or None."""
    weekday = weekday_index(claim)
    text = text_of(claim, "text") or ""
    if weekday is None or not re.search(rf"\b{WEEKDAYS[weekday][:3]}", text, re.IGNORECASE):
        return None
    return weekday
