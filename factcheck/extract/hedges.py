"""Hedges: the words around a number that set how exactly it is meant.

Each hedge maps to an ``approx`` code (``=`` exact, ``~`` approximate, ``>``, ``>=``,
``<``, ``<=``) and to the interval the wording allows:

- ``~`` about, roughly, around, approximately, some, an estimated, close to: +/-10%;
  nearly, almost, just under: from 10% below up to the number.
- ``>`` more than, over, above, upwards of, in excess of: from the number up (unbounded);
  ``>=`` at least, no fewer than: the same, number included.
- ``<`` fewer than, less than, under, below: from 0 up to the number;
  ``<=`` up to, at most, as many as, no more than: the same, number included.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

APPROXIMATE_SPREAD = 0.10


@dataclass(frozen=True)
class Hedge:
    """A hedge phrase and what it does to a number."""

    words: str
    approx: str
    shape: str  # "around", "below", "above", "ceiling"


_HEDGE_TABLE: tuple[tuple[str, str, str], ...] = (
    ("just under|just short of|nearly|almost|close to|just shy of", "~", "below"),
    (
        "about|roughly|around|approximately|approx\\.|some|an estimated|estimated|"
        "an approximate|circa|c\\.|in the region of|on the order of|or so",
        "~",
        "around",
    ),
    ("more than|over|above|upwards of|in excess of|exceeding|well over|just over", ">", "above"),
    ("at least|no fewer than|no less than|a minimum of|not less than", ">=", "above"),
    ("fewer than|less than|under|below", "<", "ceiling"),
    (
        "up to|at most|as many as|as much as|no more than|a maximum of|not more than",
        "<=",
        "ceiling",
    ),
)
_HEDGE_SHAPES = {}
_alternatives = []
for _words, _approx, _shape in _HEDGE_TABLE:
    for _phrase in _words.split("|"):
        _HEDGE_SHAPES[_phrase.replace("\\", "").lower()] = (_approx, _shape)
        _alternatives.append(_phrase.replace(" ", r"\s+"))
_alternatives.sort(key=len, reverse=True)
#: A hedge directly before a number (matched against the text that precedes it).
HEDGE_BEFORE = re.compile(rf"(?<![\w-])({'|'.join(_alternatives)})\s+$", re.I)


def hedge_for(words: str) -> Hedge:
    """The :class:`Hedge` for hedge words found in text ("More  than" -> ``>``)."""
    key = re.sub(r"\s+", " ", words.lower())
    approx, shape = _HEDGE_SHAPES[key]
    return Hedge(words, approx, shape)


def hedged_interval(hedge: Hedge | None, low: float, high: float) -> tuple[float, float]:
    """The interval a hedged amount allows; ``low``/``high`` are the unhedged bounds."""
    if hedge is None:
        return low, high
    # spreads are taken on the magnitude, so "about -1" allows [-1.1, -0.9]
    if hedge.shape == "around":
        return _tidy(low - abs(low) * APPROXIMATE_SPREAD), _tidy(
            high + abs(high) * APPROXIMATE_SPREAD
        )
    if hedge.shape == "below":
        return _tidy(low - abs(low) * APPROXIMATE_SPREAD), high
    if hedge.shape == "above":
        return low, math.inf
    return (0.0 if high >= 0 else -math.inf), high


def _tidy(value: float) -> float:
    """Drop binary noise: 110.00000000000001 -> 110.0."""
    return float(f"{value:.12g}")
