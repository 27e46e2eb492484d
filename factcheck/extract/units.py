"""Units: physical units and currencies from quantulum3's catalogue, and counted nouns.

quantulum3's unit catalogue supplies the names, surfaces ("kilometres", "square miles") and
symbols ("km", "%", "$") of physical units and currencies. Its catalogue also holds plain
English words that are rarely units in news ("set", "point", "won", "mark"); those are
never read as units. Symbols written apart from the number ("5 km") are read only from a
short list of unambiguous ones; attached to it ("5km", "200lbs") any catalogue symbol of an
allowed kind counts.
"""

from __future__ import annotations

import re
import sys
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

#: quantulum3 entities that make a unit; other catalogue entries are ignored.
UNIT_ENTITIES = frozenset(
    """length area volume mass time currency temperature speed energy power force pressure
    data storage frequency acceleration fuel economy electric potential""".split()
)
_NOT_UNITS = frozenset(
    """set sets bit bits cup cups won rand rands real reais mark marks point points bar bars
    pel nit ell dot dots tex rad mil gal lux are ares chain chains line lines hand hands
    block blocks unit units head heads drop drops shot shots sheet sheets round rounds gross
    score scores span spans step steps turn turns cycle cycles quarter quarters section
    sections grain grains stone stones pinch dash ream reams cord cords league leagues
    fathom fathoms rod rods perch perches bolt bolts gill gills peck pecks slug slugs
    tick ticks shake shakes jiffy jiffies moment moments record records""".split()
)
_SPACED_SYMBOLS = frozenset(
    """km cm mm mi ft yd kg lb lbs oz mg ml kW MW GW kWh MWh GWh TWh mph kph km/h kmh
    °C °F ha sq GB MB TB Hz kHz MHz GHz USD EUR GBP JPY CNY INR""".split()
)
#: Symbols missing from the catalogue, mapped to catalogue unit names.
_SYMBOL_ALIASES = {
    "km/h": "kilometre per hour", "kmh": "kilometre per hour", "kph": "kilometre per hour",
    "m/s": "metre per second", "km2": "square kilometre", "km²": "square kilometre",
    "m2": "square metre", "m²": "square metre", "sq": "square mile",
}  # fmt: skip
_CURRENCY_NAMES = {
    "United States dollar": "dollar",
    "pound sterling": "pound",
    "euro": "euro",
    "Japanese yen": "yen",
    "renminbi": "yuan",
}
PREFIX_CURRENCIES = {"$": "dollar", "US$": "dollar", "€": "euro", "£": "pound", "¥": "yen"}
_PERCENT_WORDS = re.compile(r"(?:\s?%|\s?(?:percent(?:age)?s?|per\s+cent|pct)\b)", re.I)
_TEMPERATURE = re.compile(
    r"\s?(?:°|deg(?:ree)?s?\.?)\s?(?:(?P<c>c|celsius|celcius|centigrade)|(?P<f>f|fahrenheit|farenheit))\b"
    r"|\s?(?P<c2>celsius|celcius|centigrade)\b|\s?(?P<f2>fahrenheit|farenheit)\b",
    re.I,
)
_DOLLAR_WORDS = re.compile(r"\s(?:U\.S\.|US|American)\s+dollars?\b")
_KEEP_FINAL_S = frozenset("axis basis thesis oasis emphasis hypothesis tennis chassis".split())


@dataclass(frozen=True)
class UnitMatch:
    """A unit found after a number: its normalised name, its kind and the characters used."""

    name: str
    entity: str
    length: int


@cache
def _catalogue() -> Any:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with _inflect_unchecked():
            from quantulum3 import load

            return load.units("en_US")


@contextmanager
def _inflect_unchecked() -> Iterator[None]:
    """Import inflect (which quantulum3's catalogue uses for plurals) without run-time checks.

    inflect decorates its engine with typeguard's ``@typechecked``, which re-parses and
    recompiles inflect's whole source once per decorated method: about 5 seconds of every
    process's start, workers included. The checks only guard the types of inflect's own
    arguments, so inflect is imported with the decorator as a no-op, as ``python -O`` would;
    the catalogue built is the same (test_units.py compares it with a checked import).
    """
    try:
        import typeguard
    except ImportError:  # pragma: no cover - inflect without typeguard: nothing to skip
        yield
        return
    if "inflect" in sys.modules:
        yield
        return
    checked = typeguard.typechecked
    typeguard.typechecked = _unchecked
    try:
        yield
    finally:
        typeguard.typechecked = checked


def _unchecked(target: Any = None, **_: Any) -> Any:
    """``@typechecked`` and ``@typechecked(...)`` as no-ops."""
    return target if target is not None else (lambda function: function)


def unit_name(unit: Any) -> str:
    """The normalised name of a quantulum3 unit ("United States dollar" -> "dollar")."""
    if unit.entity.name == "currency":
        name: str = unit.name
        return _CURRENCY_NAMES.get(name, name.split()[-1].lower())
    if unit.name == "percentage":
        return "percent"
    return str(unit.name)


def _allowed(units: set[Any]) -> Any | None:
    for unit in sorted(units, key=lambda u: u.name):
        if unit.entity.name in UNIT_ENTITIES:
            return unit
    return None


_WORD = re.compile(r"\s*([A-Za-z°µ][\w°µ/.²³-]*)")


def match_unit(after: str, attached: bool) -> UnitMatch | None:
    """Find a unit at the start of ``after`` (the text right after a number)."""
    percent = _PERCENT_WORDS.match(after)
    if percent:
        return UnitMatch("percent", "dimensionless", percent.end())
    temperature = _TEMPERATURE.match(after)
    if temperature:
        celsius = temperature.group("c") or temperature.group("c2")
        name = "degree Celsius" if celsius else "degree fahrenheit"
        return UnitMatch(name, "temperature", temperature.end())
    dollars = _DOLLAR_WORDS.match(after)
    if dollars:
        return UnitMatch("dollar", "currency", dollars.end())
    return _match_catalogue(after[:60], attached)


@lru_cache(maxsize=4096)
def _match_catalogue(after: str, attached: bool) -> UnitMatch | None:
    catalogue = _catalogue()
    words = []
    position = 0
    for _ in range(3):
        word = _WORD.match(after, position)
        if not word or (position == 0 and attached != (word.start(1) == 0)):
            break
        bare = word.group(1).rstrip(".")
        words.append((bare, word.start(1) + len(bare)))
        position = word.end()
    for count in range(len(words), 0, -1):
        phrase = " ".join(w for w, _ in words[:count])
        end = words[count - 1][1]
        if count == 1 and phrase.lower() in _NOT_UNITS:
            return None
        unit = _allowed(catalogue.surfaces_lower.get(phrase.lower(), set()))
        if unit is None and count == 1 and (attached or phrase in _SPACED_SYMBOLS):
            unit = _allowed(catalogue.symbols.get(phrase, set()))
        if unit is None and count == 1 and phrase in _SYMBOL_ALIASES:
            unit = catalogue.names.get(_SYMBOL_ALIASES[phrase])
        if unit is not None:
            return UnitMatch(unit_name(unit), unit.entity.name, end)
    return None


_IRREGULAR_SINGULARS = {
    "people": "person", "men": "man", "women": "woman", "children": "child", "feet": "foot",
    "teeth": "tooth", "mice": "mouse", "geese": "goose", "lives": "life", "wives": "wife",
    "knives": "knife", "thieves": "thief", "halves": "half", "leaves": "leaf",
    "buses": "bus", "gases": "gas", "crises": "crisis", "analyses": "analysis",
    "casualties": "casualty",
}  # fmt: skip
INVARIANT_PLURALS = frozenset(
    """series species sheep deer aircraft personnel police staff news headquarters
    crossroads means barracks fish offspring livestock cattle""".split()
)


@lru_cache(maxsize=8192)
def singular(noun: str) -> str:
    """The singular of a counted noun, keeping its capitalisation ("Marines" -> "Marine")."""
    lower = noun.lower()
    if lower.rpartition("-")[2] in INVARIANT_PLURALS or len(lower) < 3:
        return noun
    if lower in _IRREGULAR_SINGULARS:
        return _same_case(noun, _IRREGULAR_SINGULARS[lower])
    if lower.endswith("men") and len(lower) > 4:
        return noun[:-3] + "man"
    if lower.endswith("ies") and len(lower) > 4:
        return noun[:-3] + "y"
    if lower.endswith(("sses", "xes", "zes", "ches", "shes")):
        return noun[:-2]
    if lower.endswith("s") and not lower.endswith(("ss", "us")) and lower not in _KEEP_FINAL_S:
        return noun[:-1]
    return noun


def _same_case(original: str, replacement: str) -> str:
    return replacement.capitalize() if original[:1].isupper() else replacement


def match_catalogue_cache_clear() -> None:
    """Empty the memo of catalogue look-ups (see :func:`factcheck.extract.clear_caches`)."""
    _match_catalogue.cache_clear()
