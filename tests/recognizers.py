"""Scoring the quantity extractor on Microsoft Recognizers-Text English specs (MIT).

A case counts as right when the extractor finds exactly the expected quantities: the same
values (and, for units, currencies, percentages, ages and temperatures, the same unit after
normalising names such as "Kilometer" -> "kilometre"). Run as a script to print the table:
``python tests/recognizers.py``.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from factcheck.extract.quantities import find_quantities

SPECS = Path(__file__).parent / "data" / "recognizers-text"
#: spec file -> the quantity dimensions that spec is about (None: every quantity), and
#: whether the unit is compared as well as the value. A currency spec is not scored on the
#: counts the extractor also finds in the same sentence, and so on.
MODELS: dict[str, tuple[frozenset[str] | None, bool]] = {
    "NumberModel.json": (None, False),
    "PercentModel.json": (frozenset({"dimensionless"}), True),
    "CurrencyModel.json": (frozenset({"currency"}), True),
    "DimensionModel.json": (
        frozenset({"length", "area", "volume", "mass", "speed", "data storage", "energy"}),
        True,
    ),
    "AgeModel.json": (frozenset({"time"}), True),
    "TemperatureModel.json": (frozenset({"temperature"}), True),
    "NumberRangeModel.json": (None, False),
}
_UNIT_SPELLING = [
    (r"meter", "metre"), (r"liter", "litre"), (r"^metric ton$", "tonne"),
    (r"^pound$", "pound-mass"), (r"^c$", "degree celsius"), (r"^f$", "degree fahrenheit"),
    (r"^united states dollar$", "dollar"), (r"^british pound$", "pound"), (r"^pence$", "penny"),
    (r"^percentage$", "percent"),
]  # fmt: skip


@dataclass(frozen=True)
class Score:
    model: str
    cases: int
    right: int
    supported_cases: int
    supported_right: int

    @property
    def share(self) -> float:
        return self.right / self.cases if self.cases else 0.0

    @property
    def supported_share(self) -> float:
        return self.supported_right / self.supported_cases if self.supported_cases else 0.0


def normalise_unit(name: str | None) -> str | None:
    if name is None:
        return None
    unit = name.lower()
    for pattern, replacement in _UNIT_SPELLING:
        unit = re.sub(pattern, replacement, unit)
    if " " in unit and unit.split()[-1] in {"dollar", "yen", "rupee", "franc", "peso", "yuan"}:
        unit = unit.split()[-1]
    return unit


def _expected_value(result: dict) -> tuple[float, ...] | None:
    raw = str(result["Resolution"].get("value", ""))
    numbers = re.findall(r"-?\d+(?:\.\d+)?(?:E[+-]?\d+)?", raw, re.I)
    if result["TypeName"] == "numberrange":
        return tuple(float(n) for n in numbers) or None
    return (float(numbers[0]),) if numbers else None


def _case_right(
    case: dict, dimensions: frozenset[str] | None, with_unit: bool, is_range: bool
) -> bool:
    expected = Counter()
    for result in case.get("Results", []):
        value = _expected_value(result)
        if value is None:
            return False
        unit = normalise_unit(result["Resolution"].get("unit")) if with_unit else None
        if result["TypeName"] == "percentage":
            unit = "percent"
        expected[(value, unit)] += 1
    found = Counter()
    for q in find_quantities(case["Input"]):
        if dimensions is not None and q.dimension not in dimensions:
            continue
        value = (q.low, q.high) if is_range and q.low != q.high else (q.value,)
        found[
            (tuple(round(v, 6) for v in value), normalise_unit(q.unit) if with_unit else None)
        ] += 1
    expected = Counter({(tuple(round(v, 6) for v in k[0]), k[1]): n for k, n in expected.items()})
    return found == expected


def score(model: str) -> Score:
    cases = json.loads((SPECS / model).read_text(encoding="utf-8-sig"))
    dimensions, with_unit = MODELS[model]
    is_range = model.startswith("NumberRange")
    right = supported = supported_right = 0
    for case in cases:
        ok = _case_right(case, dimensions, with_unit, is_range)
        right += ok
        if "python" not in case.get("NotSupported", "").lower():
            supported += 1
            supported_right += ok
    return Score(model, len(cases), right, supported, supported_right)


def main() -> None:
    print(f"{'spec':28} {'cases':>6} {'right':>6} {'share':>7}   {'supported':>9} {'share':>7}")
    for model in MODELS:
        s = score(model)
        print(
            f"{model:28} {s.cases:6} {s.right:6} {s.share:7.1%}   "
            f"{s.supported_cases:9} {s.supported_share:7.1%}"
        )


if __name__ == "__main__":
    main()
