"""Calendar arithmetic for date claims: what a date mention means once a reference date is known.

A mention is parsed into a :class:`When` (what the words say: "last Thursday", "since May",
"July 7th 2005") and resolved against the article's reference date into a ``date_value``
(``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``) and a ``weekday``, following
``tests/gold/CONVENTIONS.md``: news looks back, so a weekday, a month or a day written without
a year takes the latest such one on or before the reference date. Nothing here raises on odd
input: impossible dates resolve to no value.
"""

from __future__ import annotations

import calendar as _stdlib_calendar
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

MONTHS: dict[str, int] = {
    name.lower(): number for number, name in enumerate(_stdlib_calendar.month_name) if name
}
MONTHS.update({name[:3].lower(): number for name, number in list(MONTHS.items())})
MONTHS["sept"] = 9
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
WEEKDAY_INDEX = {name.lower(): index for index, name in enumerate(WEEKDAYS)}
#: Fixed-date holidays: name (lowercase, straight apostrophe) -> (month, day).
HOLIDAYS: dict[str, tuple[int, int]] = {
    "new year's eve": (12, 31),
    "new year's day": (1, 1),
    "christmas eve": (12, 24),
    "christmas day": (12, 25),
    "boxing day": (12, 26),
    "valentine's day": (2, 14),
    "halloween": (10, 31),
    "hallowe'en": (10, 31),
}
#: A day or month written without a year resolves only this far back from the reference
#: date: older than half a year, the words most likely name an event of another year
#: ("the 7 July link", written in May 2007).
YEARLESS_WINDOW_DAYS = 183


@dataclass(frozen=True)
class When:
    """What a mention says about time, before any reference date is applied.

    ``rule`` picks the resolver: ``date`` (``year`` optional), ``month`` (``year`` optional;
    ``shift`` -1 for "last May", +1 for "next May"), ``month_of_year`` ("June ... this
    year": ``shift`` years from the reference), ``year``, ``weekday`` (``shift`` -1
    "last", +1 "next"), ``days`` / ``months`` / ``years`` (an offset ``shift`` from the
    reference: "yesterday", "last month", "last year"), ``anniversary`` ("this day last
    year"), and ``vague`` (no value: week-level, anchored on an event, or event names).
    """

    rule: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    shift: int = 0


VAGUE = When("vague")


def safe_date(year: int, month: int, day: int) -> date | None:
    """The date, or None when it does not exist (February 30)."""
    try:
        return date(year, month, day)
    except (ValueError, OverflowError):
        return None


def shift_days(day: date, days: int) -> date | None:
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return None


def shift_month(year: int, month: int, months: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + months
    return index // 12, index % 12 + 1


def iso_month(year: int, month: int) -> str | None:
    return f"{year:04d}-{month:02d}" if 1 <= year <= 9999 and 1 <= month <= 12 else None


def iso_year(year: int) -> str | None:
    return f"{year:04d}" if 1 <= year <= 9999 else None


def weekday_name(day: date) -> str:
    return WEEKDAYS[day.weekday()]


def latest_weekday(reference: date, weekday: int, shift: int = 0) -> date | None:
    """The latest ``weekday`` on or before ``reference``; strictly before (``shift`` -1) or
    the first strictly after (``shift`` +1)."""
    back = (reference.weekday() - weekday) % 7
    if shift < 0 and back == 0:
        back = 7
    if shift > 0:
        return shift_days(reference, (weekday - reference.weekday()) % 7 or 7)
    return shift_days(reference, -back)


def latest_day(reference: date, month: int, day: int) -> date | None:
    """The latest ``month``/``day`` on or before ``reference``, within the yearless window."""
    for year in (reference.year, reference.year - 1, reference.year - 2):
        candidate = safe_date(year, month, day)  # Feb 29 may need two years back
        if candidate is not None and candidate <= reference:
            close = (reference - candidate).days <= YEARLESS_WINDOW_DAYS
            return candidate if close else None
    return None


def latest_month(reference: date, month: int, shift: int = 0) -> tuple[int, int]:
    """The latest ``month`` on or before the reference month (strictly before or after with
    ``shift``)."""
    year = reference.year if month <= reference.month else reference.year - 1
    if shift < 0 and month == reference.month:
        year -= 1
    if shift > 0:
        year = reference.year if month > reference.month else reference.year + 1
    return year, month


Resolved = tuple[str | None, str | None]  # (date_value, weekday)


def _full(day: date | None) -> Resolved:
    return (day.isoformat(), weekday_name(day)) if day else (None, None)


def _date(when: When, reference: date | None) -> Resolved:
    if when.month is None or when.day is None:
        return None, None
    if when.year is not None:
        return _full(safe_date(when.year, when.month, when.day))
    return _full(latest_day(reference, when.month, when.day)) if reference else (None, None)


def _month(when: When, reference: date | None) -> Resolved:
    if when.month is None:
        return None, None
    if when.year is not None:
        return iso_month(when.year, when.month), None
    if reference is None:
        return None, None
    return iso_month(*latest_month(reference, when.month, when.shift)), None


def _month_of_year(when: When, reference: date | None) -> Resolved:
    if when.month is None or reference is None:
        return None, None
    return iso_month(reference.year + when.shift, when.month), None


def _year(when: When, reference: date | None) -> Resolved:
    return (iso_year(when.year) if when.year is not None else None), None


def _weekday(when: When, reference: date | None) -> Resolved:
    if when.weekday is None:
        return None, None
    name = WEEKDAYS[when.weekday]
    if reference is None:
        return None, name
    found = latest_weekday(reference, when.weekday, when.shift)
    return (found.isoformat() if found else None), name


def _days(when: When, reference: date | None) -> Resolved:
    return _full(shift_days(reference, when.shift)) if reference else (None, None)


def _months(when: When, reference: date | None) -> Resolved:
    if reference is None:
        return None, None
    return iso_month(*shift_month(reference.year, reference.month, when.shift)), None


def _years(when: When, reference: date | None) -> Resolved:
    return (iso_year(reference.year + when.shift), None) if reference else (None, None)


def _anniversary(when: When, reference: date | None) -> Resolved:
    if reference is None:
        return None, None
    return _full(safe_date(reference.year + when.shift, reference.month, reference.day))


def _vague(when: When, reference: date | None) -> Resolved:
    return None, None


_RESOLVERS: dict[str, Callable[[When, date | None], Resolved]] = {
    "date": _date,
    "month": _month,
    "month_of_year": _month_of_year,
    "year": _year,
    "weekday": _weekday,
    "days": _days,
    "months": _months,
    "years": _years,
    "anniversary": _anniversary,
    "vague": _vague,
}


def resolve(when: When, reference: date | None) -> Resolved:
    """``(date_value, weekday)`` of a mention; a named weekday is kept even without a value."""
    value, weekday = _RESOLVERS[when.rule](when, reference)
    if when.weekday is not None and when.rule != "weekday":
        weekday = WEEKDAYS[when.weekday]
    return value, weekday


def full_date(when: When) -> date | None:
    """The date a mention fixes by itself (written with its year), if any."""
    if when.rule == "date" and None not in (when.year, when.month, when.day):
        return safe_date(when.year or 0, when.month or 0, when.day or 0)
    return None


def date_on_weekday(month: int, day: int, weekday: int, reference: date) -> date | None:
    """ "Sunday, January 23" written without a year: the year, near the reference date, in
    which that day falls on that weekday."""
    found = []
    for year in (reference.year - 1, reference.year, reference.year + 1):
        candidate = safe_date(year, month, day)
        if candidate is not None and candidate.weekday() == weekday:
            distance = abs((candidate - reference).days)
            if distance <= YEARLESS_WINDOW_DAYS:
                found.append((distance, candidate))
    return min(found)[1] if found else None


def nearest_year(month: int, day: int, anchors: list[date]) -> date | None:
    """A yearless ``month``/``day`` placed in the year that brings it closest to a full date
    of the article ("WASHINGTON, Jan 2" beside "January 1, 2020" -> 2020-01-02)."""
    best: tuple[int, date] | None = None
    for anchor in anchors:
        for year in (anchor.year - 1, anchor.year, anchor.year + 1):
            candidate = safe_date(year, month, day)
            if candidate is None:
                continue
            distance = abs((candidate - anchor).days)
            if best is None or distance < best[0]:
                best = (distance, candidate)
    return best[1] if best else None
