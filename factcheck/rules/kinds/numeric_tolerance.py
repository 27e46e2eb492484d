"""numeric_tolerance: do the sources give the same number for one quantity fact?

Each claim allows an interval (README, "Quantities: conventions"): ``750`` allows [750, 750],
``roughly 700`` [630, 770], ``more than 14,000`` (14,000, inf), ``nearly 4,000`` [3,600,
4,000). Claims written the same way form one *reading* ("750" in three sources). Every pair
of readings is compared after unit conversion (:mod:`factcheck.conversions`) and tolerance:

- agree: the same number, whatever the hedges ("about 14,000" / "more than 14,000"), or two
  numbers within the tolerance;
- variant: different numbers that a hedge reconciles ("roughly 700" / 750, "several hundred"
  / 750), or a number on the open edge of a hedge ("nearly 4,000" / "4,000");
- conflict: intervals that do not meet ("750" / "900", "at least 124,000" / "121,000"), or
  that meet only where both wordings exclude the point ("fewer than 100" / "more than 100").

The fact gets the worst pair's status. Agreement is reported as an ``agree`` verdict (no
finding) so that a report can say why differing hedges were accepted. A fact whose claims
are in units of different dimensions (or different currencies) gets no verdict.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import Any

from factcheck.facts import ClaimRow, Fact, Verdict
from factcheck.rules.kinds import Parameter, RuleKind
from factcheck.rules.kinds.numeric_readings import Reading, readings_of

_RANK = {"agree": 0, "variant": 1, "conflict": 2}
_MAX_PAIRS = 3  # conflicting pairs spelled out in one message
_PLURAL = {"within the hedge": "within the hedges", "the hedges overlap": "within the hedges"}


@dataclass(frozen=True)
class Comparison:
    """How two readings of a fact relate: a status and the reason, in a few words."""

    first: Reading
    second: Reading
    status: str
    reason: str


def check(fact: Fact, params: Mapping[str, Any]) -> Iterator[Verdict]:
    """One verdict for a quantity fact: agree, variant or conflict (none if not comparable)."""
    readings = readings_of(fact.claims)
    if readings is None or sum(len(r.claims) for r in readings) < 2:
        return
    tolerance = (float(params["relative_tolerance"]), float(params["absolute_tolerance"]))
    pairs = [compare(a, b, tolerance) for a, b in combinations(readings, 2)]
    status = max((p.status for p in pairs), key=_RANK.__getitem__, default="agree")
    if status == "conflict":
        yield _conflict(fact, [p for p in pairs if p.status == "conflict"])
        return
    message = _summary(readings, [p for p in pairs if p.status == status])
    severity = str(params["variant_severity"]) if status == "variant" else None
    yield Verdict(status, message, _claims_of(fact, readings), severity)


def compare(a: Reading, b: Reading, tolerance: tuple[float, float]) -> Comparison:
    """Compare two readings: their intervals, their numbers, the tolerance allowed."""
    relative, absolute = tolerance
    rounding = a.slack + b.slack if a.unit != b.unit else 0.0  # only across units
    allowance = max(absolute, relative * max(abs(a.value), abs(b.value))) + rounding
    same = abs(a.value - b.value) <= allowance
    gap, both_open, one_open = _gap(a, b)
    if gap > allowance or (gap == 0 and allowance == 0 and both_open):
        return Comparison(a, b, "conflict", _conflict_reason(a, b, gap))
    if gap == 0 and allowance == 0 and one_open:
        return Comparison(a, b, "variant", "at the edge of the hedge")
    if same:
        return Comparison(a, b, "agree", _agree_reason(a, b))
    reason = "within the hedge" if a.exact or b.exact else "the hedges overlap"
    return Comparison(a, b, "variant", reason)


def _gap(a: Reading, b: Reading) -> tuple[float, bool, bool]:
    """The distance between two intervals (negative when they overlap), and whether the
    ends that meet are both open, or just one of them."""
    if b.low - a.high >= a.low - b.high:
        gap, ends = b.low - a.high, (a.high_open, b.low_open)
    else:
        gap, ends = a.low - b.high, (a.low_open, b.high_open)
    return gap, all(ends), any(ends) and not all(ends)


def _conflict_reason(a: Reading, b: Reading, gap: float) -> str:
    if a.exact and b.exact:
        return "different numbers"
    if a.exact or b.exact:
        return "outside the hedge"
    return "the hedges exclude each other" if gap == 0 else "the hedges do not overlap"


def _agree_reason(a: Reading, b: Reading) -> str:
    if a.converted or b.converted:
        return "the same amount in other units"
    if a.value == b.value:
        return "same number, different hedges"
    return "within tolerance"


def _conflict(fact: Fact, pairs: Sequence[Comparison]) -> Verdict:
    shown = [f"{_side(p.first)} vs {_side(p.second)}: {p.reason}" for p in pairs[:_MAX_PAIRS]]
    if len(pairs) > _MAX_PAIRS:
        shown.append(f"{len(pairs) - _MAX_PAIRS} more")
    readings = [r for p in pairs for r in (p.first, p.second)]
    return Verdict("conflict", "; ".join(shown), _claims_of(fact, readings))


def _summary(readings: Sequence[Reading], pairs: Sequence[Comparison]) -> str:
    sides = " vs ".join(_side(r) for r in readings)
    if not pairs:
        return f"{sides}: same number"
    reasons = [p.reason for p in pairs]
    if len(readings) > 2:  # several hedges at once: say it once
        reasons = [_PLURAL.get(r, r) for r in reasons]
    return f"{sides}: {'; '.join(dict.fromkeys(reasons))}"


def _side(reading: Reading) -> str:
    return f"{reading.label} ({', '.join(reading.sources)})"


def _claims_of(fact: Fact, readings: Sequence[Reading]) -> tuple[ClaimRow, ...]:
    """The claims of these readings, in the fact's order."""
    wanted = {str(c["claim_id"]) for r in readings for c in r.claims}
    return tuple(c for c in fact.claims if str(c["claim_id"]) in wanted)


KIND = RuleKind(
    name="numeric_tolerance",
    claim_kind="quantity",
    summary="Sources give the same number for a quantity, allowing for hedges and units.",
    check=check,
    parameters={
        "relative_tolerance": Parameter(
            "number",
            0.0,
            "Numbers this fraction apart count as the same (0.05 = 5%).",
            {"minimum": 0},
        ),
        "absolute_tolerance": Parameter(
            "number",
            0.0,
            "Numbers this far apart count as the same, in the fact's unit.",
            {"minimum": 0},
        ),
        "variant_severity": Parameter(
            "string",
            "warning",
            "Severity of a hedged variance: error, warning or info.",
            {"enum": ["error", "warning", "info"]},
        ),
    },
)
