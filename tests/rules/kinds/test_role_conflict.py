"""role_conflict on facts of real extracted claims: one person, two titles."""

from __future__ import annotations

from typing import Any

import pandas as pd
import pytest

from factcheck.facts import Fact, make_fact
from factcheck.rules.kinds.role_conflict import KIND, Facet, conflicts, facets
from tests.rules.kinds.text_facts import claim_rows, fact_of

SAID = "said the troops would leave on Tuesday."
SPOKE = "spoke in Washington on Monday."


def person_fact(sources: dict[str, str], canonical: str) -> Fact:
    """The fact of every mention of one canonical entity in the sources."""
    rows = claim_rows(sources, kinds=["entity"])
    return fact_of([r for r in rows if r["canonical"] == canonical], "entity", canonical)


def conflicts_found(fact: Fact, params: dict[str, Any] | None = None) -> list[str]:
    """The messages of the conflict verdicts."""
    verdicts = KIND.check(fact, KIND.with_defaults(params or {}))
    return [v.message for v in verdicts if v.status == "conflict"]


def sources(*roles: str, name: str = "Mark Esper", rest: str = SAID) -> dict[str, str]:
    """One source per role: "<role> <name> <rest>"."""
    return {chr(ord("a") + n): f"{role} {name} {rest}" for n, role in enumerate(roles)}


CASES: list[tuple[str, dict[str, str], str, dict[str, Any], list[str]]] = [
    # (name, sources, canonical, parameters, expected conflict messages)
    (
        "two secretaries of different departments",
        sources("Defense Secretary", "Secretary of State"),
        "Mark Esper",
        {},
        ["Mark Esper: Defense Secretary (a) vs Secretary of State (b)"],
    ),
    (
        "a role worded more or less fully",
        sources("Defense Secretary", "U.S. Defense Secretary", "US Defense Secretary"),
        "Mark Esper",
        {},
        [],
    ),
    (
        "the complement form of the same office",
        sources("Defense Secretary", "Secretary of Defense"),
        "Mark Esper",
        {},
        [],
    ),
    (
        "a British spelling of the same office",
        sources("British Defence Secretary", "Secretary of Defense", name="Ben Wallace"),
        "Ben Wallace",
        {},
        [],
    ),
    (
        "a rank and an office are two facets of one person",
        {
            "a": "Gen. Mark A. Milley, chairman of the Joint Chiefs of Staff, said it failed.",
            "b": "Chairman of the Joint Chiefs of Staff Mark Milley said it failed.",
        },
        "Mark Milley",
        {},
        [],
    ),
    (
        "an honorific is not a role",
        {"a": f"Mr. Esper {SAID}", "b": f"Defense Secretary Mark Esper {SAID}"},
        "Mark Esper",
        {},
        [],
    ),
    (
        "a nationality is not a qualifier",
        sources(
            "Iranian Foreign Ministry spokesman",
            "Foreign Ministry spokesman",
            name="Abbas Mousavi",
            rest="said Iran would respond.",
        ),
        "Abbas Mousavi",
        {},
        [],
    ),
    (
        "two parties' senators",
        sources("Republican Senator", "Democratic Senator", name="Lindsey Graham", rest=SPOKE),
        "Lindsey Graham",
        {},
        ["Lindsey Graham: Republican Senator (a) vs Democratic Senator (b)"],
    ),
    (
        "a descriptive word is not a qualifier",
        {
            "a": "The strike killed senior Iranian commander Qasem Soleimani on Friday.",
            "b": "The strike killed Quds Force commander Qasem Soleimani on Friday.",
        },
        "Qasem Soleimani",
        {},
        [],
    ),
    (
        "spokesmen of two departments",
        sources(
            "Pentagon spokesman", "State Department spokesman", name="Jonathan Hoffman", rest=SPOKE
        ),
        "Jonathan Hoffman",
        {},
        ["Jonathan Hoffman: Pentagon spokesman (a) vs State Department spokesman (b)"],
    ),
    (
        "a deputy is not the office",
        sources("Deputy Prime Minister", "Prime Minister", name="Boris Johnson", rest=SPOKE),
        "Boris Johnson",
        {},
        ["Boris Johnson: Deputy Prime Minister (a) vs Prime Minister (b)"],
    ),
    (
        "a vice president is not the president",
        sources("Vice President", "President", name="Mike Pence", rest=SPOKE),
        "Mike Pence",
        {},
        ["Mike Pence: Vice President (a) vs President (b)"],
    ),
    (
        "an acting secretary is not the secretary",
        sources("Acting Defense Secretary", "Defense Secretary"),
        "Mark Esper",
        {},
        ["Mark Esper: Acting Defense Secretary (a) vs Defense Secretary (b)"],
    ),
    (
        "two general's ranks",
        sources("Brigadier General", "Major General", name="Hossein Salami", rest=SPOKE),
        "Hossein Salami",
        {},
        ["Hossein Salami: Brigadier General (a) vs Major General (b)"],
    ),
    (
        "a general's rank and the bare rank",
        sources("Brigadier General", "General", name="Hossein Salami", rest=SPOKE),
        "Hossein Salami",
        {},
        [],
    ),
    (
        "secretaries of two services",
        sources("Army Secretary", "Navy Secretary", name="Ryan McCarthy", rest=SPOKE),
        "Ryan McCarthy",
        {},
        ["Ryan McCarthy: Army Secretary (a) vs Navy Secretary (b)"],
    ),
    (
        "an appositive and a title before the name",
        {
            "a": "The strike killed Qasem Soleimani, commander of Iran's Quds Force, on Friday.",
            "b": "The strike killed Quds Force commander Qasem Soleimani on Friday.",
        },
        "Qasem Soleimani",
        {},
        [],
    ),
    (
        "different head nouns are not compared",
        sources("Prime Minister", "Foreign Secretary", name="Boris Johnson", rest=SPOKE),
        "Boris Johnson",
        {},
        [],
    ),
    (
        "two roles in one source are left alone by default",
        {
            "a": f"Defense Secretary Mark Esper {SAID} Later, Secretary of State Mark Esper left.",
            "b": f"Esper {SAID}",
        },
        "Mark Esper",
        {},
        [],
    ),
    (
        "two roles in one source when asked",
        {
            "a": f"Defense Secretary Mark Esper {SAID} Later, Secretary of State Mark Esper left.",
            "b": f"Esper {SAID}",
        },
        "Mark Esper",
        {"within_source": True},
        ["Mark Esper: Defense Secretary (a) vs Secretary of State (a)"],
    ),
    (
        "rank modifiers are a parameter",
        sources("Acting Defense Secretary", "Defense Secretary"),
        "Mark Esper",
        {"rank_modifiers": ["deputy"]},
        [],
    ),
]


@pytest.mark.parametrize(
    ("given", "canonical", "params", "expected"),
    [pytest.param(*case[1:], id=case[0]) for case in CASES],
)
def test_check(
    given: dict[str, str], canonical: str, params: dict[str, Any], expected: list[str]
) -> None:
    fact = person_fact(given, canonical)
    assert len(fact.sources) == len(given), "the extractor lost a mention"
    assert conflicts_found(fact, params) == expected


def test_conflict_evidence_is_the_conflicting_mentions() -> None:
    given = sources("Defense Secretary", "Secretary of State", "Secretary")
    verdicts = list(KIND.check(person_fact(given, "Mark Esper"), KIND.with_defaults({})))
    (verdict,) = verdicts
    assert [(c["source_id"], c["role"]) for c in verdict.claims] == [
        ("a", "Defense Secretary"),
        ("b", "Secretary of State"),
    ]


def test_compatible_roles_are_an_agree_verdict() -> None:
    given = sources("Defense Secretary", "U.S. Defense Secretary")
    (verdict,) = KIND.check(person_fact(given, "Mark Esper"), KIND.with_defaults({}))
    assert (verdict.status, verdict.message) == (
        "agree",
        "Mark Esper: compatible roles Defense Secretary (a, b)",
    )


def test_seeds_have_no_role_conflict(seed_claims: pd.DataFrame) -> None:
    """Esper (U.S./US Defense Secretary), Milley (General, chairman), Trump, Khamenei."""
    entities = seed_claims[seed_claims["kind"] == "entity"]
    found = [
        message
        for canonical, rows in entities.groupby("canonical")
        for message in conflicts_found(
            make_fact("seeds", "entity", str(canonical), rows.to_dict("records"))
        )
    ]
    assert found == []


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("U.S. Secretary of State", [Facet("secretary", frozenset({"state"}), frozenset())]),
        (
            "General, chairman of the Joint Chiefs of Staff",
            [
                Facet("general", frozenset(), frozenset()),
                Facet("chair", frozenset({"joint", "chief", "staff"}), frozenset()),
            ],
        ),
        (
            "Iranian Supreme Leader Ayatollah",
            [Facet("leader", frozenset({"supreme"}), frozenset())],
        ),
        ("Mr.", []),
        ("Gen.", [Facet("general", frozenset(), frozenset())]),
        (
            "Deputy Prime Minister",
            [Facet("prime minister", frozenset(), frozenset({"deputy"}))],
        ),
        ("Vice Admiral", [Facet("admiral", frozenset({"vice"}), frozenset())]),
    ],
)
def test_facets(role: str, expected: list[Facet]) -> None:
    assert facets(role, ["deputy", "vice"]) == expected


def test_conflicts_needs_a_shared_head() -> None:
    defense = Facet("secretary", frozenset({"defense"}), frozenset())
    state = Facet("secretary", frozenset({"state"}), frozenset())
    general = Facet("general", frozenset(), frozenset())
    assert conflicts(defense, state)
    assert not conflicts(defense, general)
    assert not conflicts(defense, Facet("secretary", frozenset(), frozenset()))
