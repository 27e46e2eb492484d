"""Unit conversion within a dimension, and what counts as a measure."""

from __future__ import annotations

import pytest

from factcheck.conversions import convert, dimension_of, factor, is_measure


@pytest.mark.parametrize(
    ("value", "unit", "to", "expected"),
    [
        (5, "mile", "kilometre", 8.04672),
        (1, "square mile", "acre", 640),
        (2, "day", "hour", 48),
        (104, "degree fahrenheit", "degree Celsius", 40),
        (0, "degree Celsius", "kelvin", 273.15),
        (60, "mile per hour", "kilometre per hour", 96.56064),
        (3, "year", "month", 36),
        (2.5, "percent", "percentage point", 2.5),
        (40, "dollar", "dollar", 40),
    ],
)
def test_convert(value: float, unit: str, to: str, expected: float) -> None:
    assert convert(value, unit, to) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("unit", "to"),
    [
        ("dollar", "euro"),  # an exchange rate is not a constant
        ("pound", "kilogram"),  # "pound" is the currency
        ("month", "day"),  # a month has no fixed length
        ("mile", "hour"),
        ("troop", "soldier"),
    ],
)
def test_no_conversion_across_dimensions(unit: str, to: str) -> None:
    with pytest.raises(ValueError, match="cannot convert"):
        convert(1.0, unit, to)


@pytest.mark.parametrize(
    ("unit", "dimension", "measure"),
    [
        ("kilometre", "length", True),
        ("rupee", "currency:rupee", True),
        ("megawatt", "power", True),
        ("joule", None, True),  # in quantulum3's catalogue, not in the table
        ("troop", None, False),
        ("Marine", None, False),
        ("quarter", None, False),  # an everyday word, never a unit
    ],
)
def test_dimensions_and_measures(unit: str, dimension: str | None, measure: bool) -> None:
    assert (dimension_of(unit), is_measure(unit)) == (dimension, measure)


def test_factor_of_an_offset_scale() -> None:
    assert factor("degree fahrenheit", "degree Celsius") == pytest.approx(5 / 9)
    assert factor("mile", "mile") == 1.0
