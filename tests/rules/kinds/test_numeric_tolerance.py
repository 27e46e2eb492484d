"""numeric_tolerance on facts of real extracted claims: hedges, tolerances, units."""

from __future__ import annotations

from typing import Any

import pandas as pd
import pytest

from factcheck.facts import Fact
from factcheck.rules.kinds import load_builtin_kinds
from factcheck.rules.kinds.numeric_readings import format_number, short_names
from factcheck.rules.kinds.numeric_tolerance import KIND
from tests.rules.kinds.text_facts import claim_rows, fact_of


def quantity_fact(sources: dict[str, str], texts: tuple[str, ...] = ()) -> Fact:
    """One fact of the sources' quantity claims (only those whose text is in ``texts``)."""
    rows = claim_rows(sources, kinds=["quantity"])
    return fact_of([r for r in rows if not texts or r["text"] in texts], "quantity")


KUWAIT = {
    "000_edd6": "The Army deployed 750 soldiers to Kuwait. The 750 soldiers left Friday.",
    "001_afea": "The Pentagon sent 750 troops to Kuwait.",
    "002_9fab": "Roughly 700 soldiers from the 82nd Airborne were dispatched to Kuwait.",
    "003_e9f6": "The Pentagon sent 750 troops to Kuwait.",
    "004_60b0": "The Pentagon dispatched several hundred Army paratroopers to Kuwait.",
}
KUWAIT_CLAIMS = ("750 soldiers", "750 troops", "Roughly 700 soldiers")

Case = tuple[str, dict[str, str], dict[str, Any], str | None, str | None]
CASES: list[Case] = [
    # (name, sources, parameters, expected status or None for no verdict, message)
    (
        "seeds: 750 three times, roughly 700, several hundred",
        {k: v for k, v in KUWAIT.items() if k != "000_edd6"},
        {},
        "variant",
        "750 (001, 003) vs roughly 700 (002) vs several hundred (004): within the hedges",
    ),
    (
        "seeds: about 14,000 against more than 14,000",
        {
            "a": "The U.S. has sent about 14,000 additional troops since May.",
            "b": "The U.S. has dispatched more than 14,000 troops to the region since May.",
        },
        {},
        "agree",
        "about 14,000 (a) vs more than 14,000 (b): same number, different hedges",
    ),
    (
        "seeds: 25 against 25",
        {"a": "Protesters said 25 people were killed.", "b": "The strikes killed 25 people."},
        {},
        "agree",
        "25 (a, b): same number",
    ),
    (
        "seeds: 31 against Thirty-one",
        {"a": "Thirty-one rockets hit the base.", "b": "31 rockets hit the base."},
        {},
        "agree",
        "31 (a, b): same number",
    ),
    (
        "seeds: about 100 Marines against 100 Marines",
        {"a": "About 100 Marines were sent.", "b": "The Pentagon sent 100 Marines."},
        {},
        "agree",
        "about 100 (a) vs 100 (b): same number, different hedges",
    ),
    (
        "two exact numbers that differ",
        {"a": "The Pentagon sent 750 troops.", "b": "The Pentagon sent 900 troops."},
        {},
        "conflict",
        "750 (a) vs 900 (b): different numbers",
    ),
    (
        "a number below an at-least bound",
        {"a": "At least 124,000 people fled.", "b": "Officials said 121,000 people fled."},
        {},
        "conflict",
        "at least 124,000 (a) vs 121,000 (b): outside the hedge",
    ),
    (
        "about 3,000 and nearly 4,000 do not overlap (alignment keeps them apart)",
        {"a": "About 3,000 troops may follow.", "b": "The brigade has nearly 4,000 troops."},
        {},
        "conflict",
        "about 3,000 (a) vs nearly 4,000 (b): the hedges do not overlap",
    ),
    (
        "more than and fewer than the same number",
        {"a": "More than 100 people died.", "b": "Fewer than 100 people died."},
        {},
        "conflict",
        "more than 100 (a) vs fewer than 100 (b): the hedges exclude each other",
    ),
    (
        "nearly 4,000 against 4,000: on the edge of the hedge",
        {"a": "The brigade has nearly 4,000 soldiers.", "b": "The brigade has 4,000 soldiers."},
        {},
        "variant",
        "nearly 4,000 (a) vs 4,000 (b): at the edge of the hedge",
    ),
    (
        "roughly 700 against 750: within the hedge",
        {"a": "The Pentagon sent 750 troops.", "b": "Roughly 700 troops were sent."},
        {},
        "variant",
        "750 (a) vs roughly 700 (b): within the hedge",
    ),
    (
        "thousands against 5,000",
        {"a": "Thousands of people gathered.", "b": "About 5,000 people gathered."},
        {},
        "variant",
        "thousands (a) vs about 5,000 (b): the hedges overlap",
    ),
    (
        "hundreds against 25",
        {"a": "Hundreds of people were killed.", "b": "The strikes killed 25 people."},
        {},
        "conflict",
        "hundreds (a) vs 25 (b): outside the hedge",
    ),
    (
        "up to 40 against 35",
        {"a": "Up to 40 people were hurt.", "b": "The attack hurt 35 people."},
        {},
        "variant",
        "up to 40 (a) vs 35 (b): within the hedge",
    ),
    (
        "a relative tolerance of 5% accepts 780 for 750",
        {"a": "The Pentagon sent 750 troops.", "b": "The Pentagon sent 780 troops."},
        {"relative_tolerance": 0.05},
        "agree",
        "750 (a) vs 780 (b): within tolerance",
    ),
    (
        "an absolute tolerance of 10 rejects 761 for 750",
        {"a": "The Pentagon sent 750 troops.", "b": "The Pentagon sent 761 troops."},
        {"absolute_tolerance": 10},
        "conflict",
        "750 (a) vs 761 (b): different numbers",
    ),
    (
        "a tolerance closes the edge of a hedge",
        {"a": "The brigade has nearly 4,000 soldiers.", "b": "The brigade has 4,000 soldiers."},
        {"relative_tolerance": 0.01},
        "agree",
        "nearly 4,000 (a) vs 4,000 (b): same number, different hedges",
    ),
    (
        "miles and kilometres: the same distance",
        {"a": "The convoy drove 5 miles.", "b": "The convoy drove 8 kilometres."},
        {},
        "agree",
        "5 miles (a) vs 8 kilometres (= 4.97 mile) (b): the same amount in other units",
    ),
    (
        "miles and kilometres: a different distance",
        {"a": "The convoy drove 5 miles.", "b": "The convoy drove 10 kilometres."},
        {},
        "conflict",
        "5 miles (a) vs 10 kilometres (= 6.21 mile) (b): different numbers",
    ),
    (
        "a converted figure rounded to tens",
        {"a": "The plane flew 300 miles.", "b": "The plane flew 480 km."},
        {},
        "agree",
        "300 miles (a) vs 480 km (= 298.26 mile) (b): the same amount in other units",
    ),
    (
        "no rounding allowance between two figures in the same unit",
        {
            "a": "The plane flew 300 miles.",
            "b": "The plane flew 310 miles.",
            "c": "It flew 480 km.",
        },
        {},
        "conflict",
        "300 miles (a) vs 310 miles (b): different numbers; "
        "310 miles (b) vs 480 km (= 298.26 mile) (c): different numbers",
    ),
    (
        "Celsius and Fahrenheit",
        {"a": "Temperatures hit 40 degrees Celsius.", "b": "It was 104 degrees Fahrenheit."},
        {},
        "agree",
        "40 degrees Celsius (a) vs 104 degrees Fahrenheit (= 40 degree Celsius) (b): "
        "the same amount in other units",
    ),
    (
        "dollars and euros are never compared",
        {"a": "The plan costs $2.5 million.", "b": "The plan costs 2.5 million euros."},
        {},
        None,
        None,
    ),
    (
        "troops and miles are never compared",
        {"a": "The Pentagon sent 750 troops.", "b": "The base is 20 miles away."},
        {},
        None,
        None,
    ),
    ("one claim alone", {"a": "The Pentagon sent 750 troops."}, {}, None, None),
]


@pytest.mark.parametrize(
    ("sources", "parameters", "status", "message"),
    [pytest.param(*case[1:], id=case[0]) for case in CASES],
)
def test_numeric_tolerance(
    sources: dict[str, str], parameters: dict[str, Any], status: str | None, message: str | None
) -> None:
    fact = quantity_fact(sources)
    verdicts = list(KIND.check(fact, KIND.with_defaults(parameters)))
    if status is None:
        assert verdicts == []
        return
    (verdict,) = verdicts
    assert (verdict.status, verdict.message) == (status, message)
    assert verdict.severity == ("warning" if status == "variant" else None)


def test_claims_from_one_source_are_listed_once() -> None:
    fact = quantity_fact(KUWAIT, KUWAIT_CLAIMS)
    (verdict,) = KIND.check(fact, KIND.with_defaults({}))
    assert verdict.message == "750 (000, 001, 003) vs roughly 700 (002): within the hedge"
    assert len(verdict.claims) == 5


def test_variant_severity_is_a_parameter() -> None:
    fact = quantity_fact({"a": "They sent 750 troops.", "b": "They sent several hundred troops."})
    (verdict,) = KIND.check(fact, KIND.with_defaults({"variant_severity": "info"}))
    assert (verdict.status, verdict.severity) == ("variant", "info")


def test_a_conflict_names_only_the_disagreeing_claims() -> None:
    fact = quantity_fact(
        {
            "a": "About 750 troops went.",
            "b": "The Army sent 750 troops.",
            "c": "It sent 700 troops.",
        }
    )
    (verdict,) = KIND.check(fact, KIND.with_defaults({}))
    assert verdict.status == "conflict"
    assert verdict.message == "750 (b) vs 700 (c): different numbers"
    assert sorted(c["text"] for c in verdict.claims) == ["700 troops", "750 troops"]


def test_claims_read_back_from_a_table_with_missing_values() -> None:
    rows = claim_rows({"a": "More than 100 people died.", "b": "Officials said 120 died."})
    frame = pd.DataFrame([r for r in rows if r["kind"] == "quantity"])
    frame["high"] = frame["high"].where(frame["high"] != float("inf"))  # JSON Lines: null
    fact = fact_of(frame.astype(object).where(frame.notna(), None).to_dict("records"), "q")
    (verdict,) = KIND.check(fact, KIND.with_defaults({}))
    assert verdict.status == "variant"


def test_registered_as_a_builtin_kind() -> None:
    assert load_builtin_kinds()["numeric_tolerance"] is KIND
    assert KIND.claim_kind == "quantity"
    assert KIND.with_defaults({}) == {
        "relative_tolerance": 0.0,
        "absolute_tolerance": 0.0,
        "variant_severity": "warning",
    }


@pytest.mark.parametrize(
    ("ids", "expected"),
    [
        (["000_edd6", "001_afea"], {"000_edd6": "000", "001_afea": "001"}),
        (["a_1", "a_2"], {"a_1": "a_1", "a_2": "a_2"}),
        (["a", "b"], {"a": "a", "b": "b"}),
    ],
)
def test_short_names(ids: list[str], expected: dict[str, str]) -> None:
    assert short_names(ids) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [(14000.0, "14,000"), (8.04672, "8.05"), (2.5e6, "2.5 million"), (3e9, "3 billion")],
)
def test_format_number(value: float, expected: str) -> None:
    assert format_number(value) == expected
