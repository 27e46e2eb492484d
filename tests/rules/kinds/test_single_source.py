"""single_source on facts of real extracted claims: what only one source says."""

from __future__ import annotations

from typing import Any

import pytest

from factcheck.facts import Fact
from factcheck.rules.kinds.single_source import KIND
from tests.rules.kinds.text_facts import claim_rows, fact_of

TROOPS = "The Pentagon sent 750 troops to Kuwait on Tuesday."
QUOTE = "“The game has changed,” Esper said."
CAPTION = (
    "Protesters outside the embassy in Baghdad, Iraq January 1, 2020. REUTERS/Thaier al-Sudani"
)


def fact_from(sources: dict[str, str], kind: str) -> Fact:
    """One fact of every claim of ``kind`` in the sources."""
    return fact_of([r for r in claim_rows(sources) if r["kind"] == kind], kind)


CASES: list[tuple[str, dict[str, str], str, dict[str, Any], str | None]] = [
    # (name, sources, claim kind of the fact, parameters, expected message or None)
    (
        "a number only one source gives",
        {"a": TROOPS},
        "quantity",
        {},
        "only a reports this quantity: “750 troops”",
    ),
    (
        "a number two sources give",
        {"a": TROOPS, "b": "The Pentagon sent 750 troops to Kuwait."},
        "quantity",
        {},
        None,
    ),
    (
        "a quote only one source has, shown in its own marks",
        {"a": QUOTE},
        "quote",
        {},
        "only a reports this quote: “The game has changed,”",
    ),
    ("an entity alone is noise by default", {"a": TROOPS}, "entity", {}, None),
    ("a date alone is noise by default", {"a": TROOPS}, "date", {}, None),
    (
        "dates when the rule asks for them",
        {"a": TROOPS},
        "date",
        {"kinds": ["date"]},
        "only a reports this date: “on Tuesday”",
    ),
    (
        "a caption date is not a claim about the event",
        {"a": f"Embassy attack\nThe embassy was attacked.\n{CAPTION}"},
        "date",
        {"kinds": ["date"]},
        None,
    ),
    (
        "a headline's number by default",
        {"a": "Pentagon sends 750 troops to Kuwait"},
        "quantity",
        {},
        "only a reports this quantity: “750 troops”",
    ),
    (
        "a headline's number when headlines are ignored",
        {"a": "Pentagon sends 750 troops to Kuwait"},
        "quantity",
        {"ignore_titles": True},
        None,
    ),
    (
        "a headline and body of one source are still one source",
        {"a": f"Pentagon sends 750 troops to Kuwait\n{TROOPS}"},
        "quantity",
        {"ignore_titles": True},
        "only a reports this quantity: “750 troops”",
    ),
    ("no kinds listed", {"a": TROOPS}, "quantity", {"kinds": []}, None),
]


@pytest.mark.parametrize(
    ("sources", "kind", "parameters", "expected"),
    [pytest.param(*case[1:], id=case[0]) for case in CASES],
)
def test_single_source(
    sources: dict[str, str], kind: str, parameters: dict[str, Any], expected: str | None
) -> None:
    fact = fact_from(sources, kind)
    verdicts = list(KIND.check(fact, KIND.with_defaults(parameters)))
    if expected is None:
        assert verdicts == []
    else:
        (verdict,) = verdicts
        assert (verdict.status, verdict.message, verdict.severity) == (
            "single_source",
            expected,
            None,
        )
        assert {c["source_id"] for c in verdict.claims} == set(fact.sources)


def test_a_long_quote_is_cut_short() -> None:
    words = " ".join(["word"] * 40)
    fact = fact_from({"a": f"“{words},” Esper said."}, "quote")
    (verdict,) = KIND.check(fact, {})
    assert verdict.message.endswith("…") and len(verdict.message) < 120


def test_defaults() -> None:
    assert KIND.claim_kind == "any"
    assert KIND.with_defaults({}) == {"kinds": ["quantity", "quote"], "ignore_titles": False}
