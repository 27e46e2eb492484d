"""Unit conversion within a dimension: a small table of the units news writes.

Unit names are the claim table's (``kilometre``, ``square mile``, ``degree Celsius``,
``dollar``). Each unit has a dimension and a linear scale to the dimension's base unit
(``value * factor + offset``; the offset is for temperatures). Deliberate choices:

- Currencies convert only to themselves: each currency is its own dimension
  (``currency:dollar``), because an exchange rate is a fact of its own day, not a constant.
  ``pound`` is the currency (the claim table names pounds sterling ``pound`` and pounds of
  mass ``pound`` alike), so it never converts to kilograms.
- ``percent`` and ``percentage point`` share a scale: a change in a rate is reported both ways.
- Months, years, decades and centuries convert among themselves but not to days or weeks
  (a month has no fixed length); ``gallon`` is the US gallon, ``barrel`` the oil barrel.

Units outside the table are recognised as measures (rather than counted nouns) through the
quantity extractor's view of quantulum3's catalogue, loaded only when such a unit turns up.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from factcheck.extract.units import match_unit


@dataclass(frozen=True)
class Scale:
    """How one unit maps to its dimension's base unit: ``base = value * factor + offset``."""

    dimension: str
    factor: float
    offset: float = 0.0


_TABLE: dict[str, dict[str, float | tuple[float, float]]] = {
    "length": {
        "millimetre": 0.001, "centimetre": 0.01, "metre": 1.0, "kilometre": 1000.0,
        "inch": 0.0254, "foot": 0.3048, "yard": 0.9144, "mile": 1609.344,
        "nautical mile": 1852.0,
    },
    "area": {
        "square metre": 1.0, "square kilometre": 1e6, "hectare": 1e4, "acre": 4046.8564224,
        "square mile": 2589988.110336, "square foot": 0.09290304,
    },
    "volume": {
        "cubic centimetre": 1e-3, "millilitre": 1e-3, "litre": 1.0, "cubic metre": 1000.0,
        "gallon": 3.785411784, "barrel": 158.987294928,
    },
    "mass": {
        "milligram": 1e-6, "gram": 0.001, "kilogram": 1.0, "tonne": 1000.0,
        "short ton": 907.18474, "pound-mass": 0.45359237, "ounce": 0.028349523125,
    },
    "time": {
        "millisecond": 0.001, "second": 1.0, "minute": 60.0, "hour": 3600.0,
        "day": 86400.0, "week": 604800.0, "fortnight": 1209600.0,
    },
    "calendar": {"month": 1.0, "year": 12.0, "decade": 120.0, "century": 1200.0},
    "speed": {
        "metre per second": 1.0, "kilometre per hour": 1 / 3.6, "mile per hour": 0.44704,
        "knot": 1852 / 3600,
    },
    "power": {"watt": 1.0, "kilowatt": 1e3, "megawatt": 1e6, "gigawatt": 1e9},
    "energy": {"kilowatt hour": 1.0, "megawatt hour": 1e3, "gigawatt hour": 1e6},
    "temperature": {
        "degree Celsius": 1.0, "kelvin": (1.0, -273.15),
        "degree fahrenheit": (5 / 9, -32 * 5 / 9),
    },
    "ratio": {"percent": 1.0, "percentage point": 1.0},
}  # fmt: skip

#: Currencies the claim table names (each converts only to itself).
CURRENCIES = frozenset("dollar euro pound yen yuan rupee ruble rouble peso franc".split())


def _scales() -> dict[str, Scale]:
    scales: dict[str, Scale] = {}
    for dimension, units in _TABLE.items():
        for name, scale in units.items():
            factor, offset = scale if isinstance(scale, tuple) else (scale, 0.0)
            scales[name] = Scale(dimension, factor, offset)
    return scales


SCALES: dict[str, Scale] = _scales()


def scale_of(unit: str) -> Scale | None:
    """The scale of a unit in the table, or of a currency (to itself); None otherwise."""
    if unit in SCALES:
        return SCALES[unit]
    if unit in CURRENCIES or _catalogue_entity(unit) == "currency":
        return Scale(f"currency:{unit}", 1.0)
    return None


def dimension_of(unit: str) -> str | None:
    """``"mile"`` -> ``"length"``, ``"dollar"`` -> ``"currency:dollar"``; None if unknown."""
    scale = scale_of(unit)
    return scale.dimension if scale else None


def is_measure(unit: str) -> bool:
    """Whether a unit is a physical unit or a currency rather than a counted noun."""
    return scale_of(unit) is not None or _catalogue_entity(unit) is not None


def convert(value: float, unit: str, to: str) -> float:
    """``value`` in ``unit`` expressed in ``to``; ValueError across dimensions."""
    if unit == to:
        return value
    source, target = scale_of(unit), scale_of(to)
    if source is None or target is None or source.dimension != target.dimension:
        raise ValueError(f"cannot convert {unit!r} to {to!r}")
    base = value * source.factor + source.offset
    return (base - target.offset) / target.factor


def factor(unit: str, to: str) -> float:
    """How much one ``unit`` of difference is in ``to`` (for widths and tolerances)."""
    if unit == to:
        return 1.0
    return convert(1.0, unit, to) - convert(0.0, unit, to)


@lru_cache(maxsize=1024)
def _catalogue_entity(unit: str) -> str | None:
    """The quantulum3 entity of a unit name the quantity extractor would read as a unit."""
    if unit in CURRENCIES or unit in SCALES:
        return None
    found = match_unit(" " + unit, attached=False)
    if found is None or found.length != len(unit) + 1:
        return None
    return found.entity
