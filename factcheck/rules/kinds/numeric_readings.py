"""Readings of a quantity fact: the distinct ways its sources write the number.

A :class:`Reading` is one wording ("roughly 700") with the interval it allows, in the fact's
reference unit, and the claims and sources that use it. Helper of :mod:`numeric_tolerance`.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from pandas import isna

from factcheck.conversions import convert, factor, is_measure, scale_of
from factcheck.extract.hedges import hedge_for
from factcheck.extract.numbers import VAGUE_AMOUNTS
from factcheck.facts import ClaimRow
from factcheck.rules.kinds.source_names import short_names

#: Rounding allowed when a number was converted from other units: half a unit of its last
#: significant digit ("480 km" for 300 miles = 482.8 km), at most this fraction of it.
MAX_ROUNDING = 0.05


@dataclass(frozen=True)
class Reading:
    """One wording of the fact's number, its interval and the claims that use it."""

    label: str  # "roughly 700", "several hundred", "5 miles (= 8.05 kilometre)"
    unit: str | None
    value: float  # in the fact's reference unit, as are low, high and slack
    low: float
    high: float
    low_open: bool
    high_open: bool
    exact: bool
    slack: float  # rounding allowed against a reading in other units
    converted: bool
    claims: tuple[ClaimRow, ...]
    sources: tuple[str, ...]  # short source names, in order


@dataclass(frozen=True)
class _Units:
    reference: str | None
    mixed: bool  # claims in several units of one dimension, converted to ``reference``


def readings_of(claims: Sequence[ClaimRow]) -> list[Reading] | None:
    """The readings of a fact's claims, most widely used first; None if units clash."""
    usable = [c for c in claims if _number(c.get("value")) is not None]
    units = _units_of(usable)
    if units is None:
        return None
    names = short_names(str(c["source_id"]) for c in usable)
    groups: dict[tuple[Any, ...], list[ClaimRow]] = {}
    for claim in usable:
        groups.setdefault(_key(claim, units), []).append(claim)
    readings = [_reading(group, units, names) for group in groups.values()]
    return sorted(readings, key=lambda r: (-len(r.sources), -len(r.claims)))


def _units_of(claims: Sequence[ClaimRow]) -> _Units | None:
    """The unit to compare in; None when the claims' units cannot be compared."""
    units = [u for c in claims if (u := _text(c.get("unit")))]
    distinct = set(units)
    if len(distinct) <= 1:
        return _Units(units[0] if units else None, False)
    scales = [scale_of(u) for u in distinct]
    if all(scales) and len({s.dimension for s in scales if s}) == 1:
        return _Units(Counter(units).most_common(1)[0][0], True)
    if any(is_measure(u) for u in distinct):
        return None
    return _Units(None, False)  # counted nouns that alignment took for one thing


def _key(claim: ClaimRow, units: _Units) -> tuple[Any, ...]:
    unit = _text(claim.get("unit")) if units.mixed else None
    numbers = (_number(claim.get(k)) for k in ("value", "low", "high"))
    return (_label(claim, units.mixed), unit, *numbers, _text(claim.get("approx")))


def _reading(group: list[ClaimRow], units: _Units, names: dict[str, str]) -> Reading:
    claim = group[0]
    unit = _text(claim.get("unit"))
    value, low, high, approx = _interval(claim)
    scale = 1.0
    converted = bool(units.mixed and unit and unit != units.reference)
    if converted and unit and units.reference:
        value, low, high = (convert(x, unit, units.reference) for x in (value, low, high))
        scale = factor(unit, units.reference)
    label = _label(claim, units.mixed)
    if converted:
        label = f"{label} (= {format_number(value)} {units.reference})"
    sources = tuple(dict.fromkeys(names[str(c["source_id"])] for c in group))
    return Reading(
        label=label,
        unit=unit if units.mixed else None,
        value=value,
        low=low,
        high=high,
        low_open=approx == ">",
        high_open=approx == "<" or (approx == "~" and _below(claim) and high == value),
        exact=approx == "=" and low == high,
        slack=_rounding(_number(claim.get("value")) or 0.0) * scale if units.mixed else 0.0,
        converted=converted,
        claims=tuple(group),
        sources=tuple(sorted(sources)),
    )


def _interval(claim: ClaimRow) -> tuple[float, float, float, str]:
    """Value, low, high and approx code of a claim (missing bounds filled in)."""
    value = _number(claim.get("value")) or 0.0
    approx = _text(claim.get("approx")) or "="
    low = _number(claim.get("low"))
    high = _number(claim.get("high"))
    if low is None:
        low = 0.0 if approx in ("<", "<=") else value
    if high is None:
        high = math.inf if approx in (">", ">=") else value
    return value, low, high, approx


def _label(claim: ClaimRow, mixed: bool) -> str:
    """How an editor would write the number: "roughly 700", "several hundred", "750"."""
    text = " ".join(str(claim["text"]).split())
    if mixed:
        return text
    words = " ".join((_text(claim.get("hedge")) or "").lower().split())
    prefix = _hedge_prefix(words)
    rest = words[len(prefix) :].strip()
    if rest and rest not in VAGUE_AMOUNTS:
        return text  # a range ("two or three people", "20-30"): the text says it best
    amount = rest or format_number(_number(claim.get("value")) or 0.0)
    return f"{prefix} {amount}".strip()


def _hedge_prefix(words: str) -> str:
    """The hedge phrase ("about", "more than") that starts the hedge words, or ""."""
    split = words.split()
    for count in range(len(split), 0, -1):
        candidate = " ".join(split[:count])
        try:
            hedge_for(candidate)
        except KeyError:
            continue
        return candidate
    return ""


def _below(claim: ClaimRow) -> bool:
    """Whether the hedge puts the number just out of reach ("nearly", "almost")."""
    prefix = _hedge_prefix((_text(claim.get("hedge")) or "").lower())
    return bool(prefix) and hedge_for(prefix).shape == "below"


def _rounding(value: float) -> float:
    """Half a unit of the last significant digit, capped at :data:`MAX_ROUNDING`."""
    if value == 0 or not math.isfinite(value):
        return 0.0
    exponent = Decimal(repr(abs(value))).normalize().as_tuple().exponent
    place = 10.0 ** int(exponent)
    return min(0.5 * place, MAX_ROUNDING * abs(value))


def format_number(value: float) -> str:
    """``14000.0`` -> ``"14,000"``, ``8.04672`` -> ``"8.05"``, ``2.5e6`` -> ``"2.5 million"``."""
    for scale, word in ((1e9, "billion"), (1e6, "million")):
        if abs(value) >= scale:
            return f"{_plain(value / scale)} {word}"
    return _plain(value)


def _plain(value: float) -> str:
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def _number(value: Any) -> float | None:
    """A claim's number as a float; None when missing (None, NA, NaN)."""
    if isinstance(value, bool) or isna(value):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(number) else number


def _text(value: Any) -> str | None:
    """A claim's string value; None when missing."""
    if isna(value):
        return None
    text = str(value).strip()
    return text or None
