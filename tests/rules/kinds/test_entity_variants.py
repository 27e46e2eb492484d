"""entity_variants on facts of real extracted claims: one entity, several spellings."""

from __future__ import annotations

from typing import Any

import pandas as pd
import pytest

from factcheck.facts import Fact, make_fact
from factcheck.rules.kinds.entity_variants import KIND, respelled, spelling_form
from tests.rules.kinds.text_facts import claim_rows, fact_of

KATAEB = "The militia Kataeb Hezbollah said it would retaliate."
KATAIB = "The militia Kataib Hezbollah said it would retaliate."
TROOPS = "The Pentagon sent 750 troops to Kuwait on Tuesday."


def entity_fact(sources: dict[str, str], canonical: str) -> Fact:
    """The fact of every mention of one canonical entity in the sources."""
    rows = claim_rows(sources, kinds=["entity"])
    return fact_of([r for r in rows if r["canonical"] == canonical], "entity", canonical)


def findings(fact: Fact, params: dict[str, Any] | None = None) -> list[tuple[str, list[str]]]:
    """(message, evidence texts) of each variant verdict."""
    verdicts = KIND.check(fact, KIND.with_defaults(params or {}))
    return [
        (v.message, [str(c["text"]) for c in v.claims]) for v in verdicts if v.status != "agree"
    ]


CASES: list[tuple[str, dict[str, str], str, dict[str, Any], list[tuple[str, list[str]]]]] = [
    # (name, sources, canonical, parameters, expected (message, evidence texts))
    (
        "two transliterations of one militia",
        {"a": KATAEB, "b": KATAIB},
        "Kataeb Hezbollah",
        {},
        [
            (
                "Kataeb Hezbollah (a) vs Kataib Hezbollah (b)",
                ["Kataeb Hezbollah", "Kataib Hezbollah"],
            )
        ],
    ),
    (
        "each spelling with every source that uses it",
        {"a": KATAEB, "b": KATAIB, "c": KATAEB},
        "Kataeb Hezbollah",
        {},
        [
            (
                "Kataeb Hezbollah (a, c) vs Kataib Hezbollah (b)",
                ["Kataeb Hezbollah", "Kataib Hezbollah", "Kataeb Hezbollah"],
            )
        ],
    ),
    (
        "three spellings are one finding",
        {"a": KATAEB, "b": KATAIB, "c": KATAIB.replace("Hezbollah", "Hizbollah")},
        "Kataeb Hezbollah",
        {},
        [
            (
                "Kataeb Hezbollah (a) vs Kataib Hezbollah (b) vs Kataib Hizbollah (c)",
                ["Kataeb Hezbollah", "Kataib Hezbollah", "Kataib Hizbollah"],
            )
        ],
    ),
    (
        "a given name spelled two ways",
        {
            "a": "The talks were led by Sergei Lavrov in Moscow.",
            "b": "The talks were led by Sergey Lavrov in Moscow.",
        },
        "Sergei Lavrov",
        {},
        [("Sergei Lavrov (a) vs Sergey Lavrov (b)", ["Sergei Lavrov", "Sergey Lavrov"])],
    ),
    (
        "an old and a new spelling of a city",
        {
            "a": "Protesters gathered in Kiev on Sunday.",
            "b": "Protesters gathered in Kyiv on Sunday.",
        },
        "Kyiv",
        {},
        [("Kiev (a) vs Kyiv (b)", ["Kiev", "Kyiv"])],
    ),
    (
        "a doubled letter in a name (WikiNews M001)",
        {
            "a": "Police named the bomber as Hasib Hussain on Thursday.",
            "b": "Police named the bomber as Hassib Hussain on Thursday.",
        },
        "Hassib Hussain",
        {},
        [("Hasib Hussain (a) vs Hassib Hussain (b)", ["Hasib Hussain", "Hassib Hussain"])],
    ),
    (
        "a plural is not a spelling (WikiNews M002)",
        {
            "a": "The sailors were seized by the Iranian Revolutionary Guard on Friday.",
            "b": "The sailors were seized by the Iranian Revolutionary Guards on Friday.",
        },
        "Iranian Revolutionary Guards",
        {},
        [],
    ),
    (
        "a surname alone is not a spelling",
        {
            "a": "Defense Secretary Mark Esper said the troops would leave on Tuesday.",
            "b": "Esper said the troops would leave on Tuesday.",
        },
        "Mark Esper",
        {},
        [],
    ),
    (
        "a middle initial is not a spelling",
        {
            "a": "Defense Secretary Mark Esper said the troops would leave on Tuesday.",
            "b": "Defense Secretary Mark T. Esper said the troops would leave on Tuesday.",
        },
        "Mark Esper",
        {},
        [],
    ),
    (
        "a dateline in capitals is not a spelling",
        {"a": f"PENTAGON — {TROOPS}", "b": TROOPS},
        "Pentagon",
        {},
        [],
    ),
    (
        "capitals match any case even when case counts",
        {"a": f"PENTAGON — {TROOPS}", "b": TROOPS},
        "Pentagon",
        {"ignore_case": False},
        [],
    ),
    (
        "U.S., US and United States are one name",
        {
            "a": "The U.S. Embassy in Baghdad was attacked on Tuesday.",
            "b": "The US embassy in Baghdad was attacked on Tuesday.",
            "c": "The United States said its embassy in Baghdad was attacked on Tuesday.",
        },
        "United States",
        {},
        [],
    ),
    (
        "an alias is another name, not a spelling",
        {
            "a": "America sent 750 troops to Kuwait on Tuesday.",
            "b": "The United States sent 750 troops to Kuwait on Tuesday.",
        },
        "United States",
        {},
        [],
    ),
    (
        "an acronym beside its expansion",
        {
            "a": "The Islamic Revolutionary Guard Corps (IRGC) said it fired missiles.",
            "b": "The IRGC said it fired missiles.",
        },
        "Islamic Revolutionary Guard Corps",
        {},
        [],
    ),
    (
        "a possessive is not a spelling",
        {
            "a": "The United States blamed Kataib Hezbollah’s leaders for the attack.",
            "b": "The United States blamed Kataib Hezbollah for the attack.",
        },
        "Kataib Hezbollah",
        {},
        [],
    ),
    (
        "accents aside by default",
        {
            "a": "Officials said Qāsem Soleimani was killed in Baghdad.",
            "b": "Officials said Qasem Soleimani was killed in Baghdad.",
        },
        "Qasem Soleimani",
        {},
        [],
    ),
    (
        "accents count when asked",
        {
            "a": "Officials said Qāsem Soleimani was killed in Baghdad.",
            "b": "Officials said Qasem Soleimani was killed in Baghdad.",
        },
        "Qasem Soleimani",
        {"ignore_accents": False},
        [("Qāsem Soleimani (a) vs Qasem Soleimani (b)", ["Qāsem Soleimani", "Qasem Soleimani"])],
    ),
    (
        "a stricter similarity lets Kataeb and Kataib pass",
        {"a": KATAEB, "b": KATAIB},
        "Kataeb Hezbollah",
        {"min_similarity": 0.9},
        [],
    ),
]


@pytest.mark.parametrize(
    ("sources", "canonical", "params", "expected"),
    [pytest.param(*case[1:], id=case[0]) for case in CASES],
)
def test_check(
    sources: dict[str, str],
    canonical: str,
    params: dict[str, Any],
    expected: list[tuple[str, list[str]]],
) -> None:
    fact = entity_fact(sources, canonical)
    assert len(fact.sources) == len(sources), "the extractor lost a mention"
    assert findings(fact, params) == expected


def test_agreement_is_an_agree_verdict() -> None:
    fact = entity_fact({"a": TROOPS, "b": TROOPS}, "Pentagon")
    (verdict,) = KIND.check(fact, KIND.with_defaults({}))
    assert (verdict.status, verdict.message) == ("agree", "spelled alike: Pentagon (a, b)")


def test_one_source_says_nothing() -> None:
    assert list(KIND.check(entity_fact({"a": TROOPS}, "Pentagon"), KIND.with_defaults({}))) == []


def test_seeds_kataib_hezbollah(seed_claims: pd.DataFrame) -> None:
    """The seed situation: Kataeb in 000 and 004, Kataib in 001, 002 and 003."""
    rows = seed_claims[seed_claims["canonical"] == "Kataib Hezbollah"].to_dict("records")
    ((message, texts),) = findings(make_fact("seeds", "entity", "Kataib Hezbollah", rows))
    assert message == "Kataeb Hezbollah (000, 004) vs Kataib Hezbollah (001, 002, 003)"
    assert sorted(set(texts)) == ["Kataeb Hezbollah", "Kataib Hezbollah"]


def test_seeds_have_no_other_variant(seed_claims: pd.DataFrame) -> None:
    """Esper/Mark T. Esper, PENTAGON, U.S./US/America, IRGC: none is a spelling variant."""
    entities = seed_claims[seed_claims["kind"] == "entity"]
    found = [
        canonical
        for canonical, rows in entities.groupby("canonical")
        if findings(make_fact("seeds", "entity", str(canonical), rows.to_dict("records")))
    ]
    assert found == ["Kataib Hezbollah"]


@pytest.mark.parametrize(
    ("text", "form"),
    [
        ("Mark T. Esper", ("mark", "esper")),
        ("U.S.", ("us",)),
        ("PENTAGON", ("pentagon",)),
        ("Kataeb Hezbollah’s", ("kataeb", "hezbollah")),
        ("Abu Mahdi al-Muhandis", ("abu", "mahdi", "muhandis")),
        ("Qāsem", ("qasem",)),
    ],
)
def test_spelling_form(text: str, form: tuple[str, ...]) -> None:
    assert spelling_form(text) == form


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("Kataeb Hezbollah", "Kataib Hezbollah", True),
        ("Suleimani", "Qasem Soleimani", True),  # a part spelled differently
        ("Esper", "Mark Esper", False),  # a part
        ("IRGC", "Islamic Revolutionary Guard Corps", False),  # an acronym
        ("US", "USA", False),  # too short to be a spelling
        ("Royal Marine Base", "Royal Marines Base", False),  # a plural
        ("America", "United States", False),  # an alias
    ],
)
def test_respelled(a: str, b: str, expected: bool) -> None:
    assert respelled(spelling_form(a), spelling_form(b)) is expected
