"""Cluster-level canonical names: grouping, its guards, speakers and determinism."""

from __future__ import annotations

import random

import pytest

from factcheck.claims import Claim
from factcheck.corpus import Cluster, Source
from factcheck.extract import extract_claims
from factcheck.extract.canonical import canonicalize, name_form

PER, ORG, LOC, OTH = "person", "organisation", "place", "other"


def entity(source: str, text: str, kind: str, canonical: str | None = None, at: int = 0) -> Claim:
    return Claim("c", source, "entity", at, at + len(text), text, text, "body",
                 entity_type=kind, canonical=canonical or text)  # fmt: skip


def names(claims: list[Claim]) -> dict[tuple[str, str], str]:
    """(source, text) -> canonical after canonicalisation."""
    return {(c.source_id, c.text): c.canonical or "" for c in canonicalize(claims)}


def grouped(claims: list[Claim]) -> list[set[str]]:
    """The groups of mention texts that share a canonical name."""
    groups: dict[str, set[str]] = {}
    for claim in canonicalize(claims):
        groups.setdefault(claim.canonical or "", set()).add(claim.text)
    return sorted(groups.values(), key=sorted)


@pytest.mark.parametrize(
    ("mentions", "expected"),
    [
        pytest.param(
            [
                ("a", "Kataeb Hezbollah", ORG),
                ("b", "Kataib Hezbollah", ORG),
                ("c", "Kataib Hezbollah", ORG),
                ("d", "Hezbollah", ORG),
            ],
            [{"Hezbollah"}, {"Kataeb Hezbollah", "Kataib Hezbollah"}],
            id="spelling-variants-but-not-a-longer-name",
        ),
        pytest.param(
            [("a", "Iraq", LOC), ("b", "Iran", LOC), ("c", "Tehran", LOC)],
            [{"Iran"}, {"Iraq"}, {"Tehran"}],
            id="iraq-is-not-iran",
        ),
        pytest.param(
            [
                ("a", "Niger", LOC),
                ("b", "Nigeria", LOC),
                ("c", "Austria", LOC),
                ("d", "Australia", LOC),
            ],
            [{"Australia"}, {"Austria"}, {"Niger"}, {"Nigeria"}],
            id="close-listed-places-stay-apart",
        ),
        pytest.param(
            [
                ("a", "Mark Esper", PER),
                ("b", "Mark T. Esper", PER),
                ("b", "Esper", PER),
                ("c", "Esper", PER),
            ],
            [{"Mark Esper", "Mark T. Esper", "Esper"}],
            id="esper-full-middle-initial-surname",
        ),
        pytest.param(
            [
                ("a", "U.S.", LOC),
                ("b", "US", LOC),
                ("c", "United States", LOC),
                ("d", "America", LOC),
                ("e", "Washington", LOC),
            ],
            [{"America", "U.S.", "US", "United States"}, {"Washington"}],
            id="united-states-aliases-but-not-washington",
        ),
        pytest.param(
            [
                ("a", "Waheed Mahmood", PER),
                ("a", "Shujah Mahmood", PER),
                ("b", "Hasib Hussain", PER),
                ("c", "Hassib Hussain", PER),
            ],
            [{"Hasib Hussain", "Hassib Hussain"}, {"Shujah Mahmood"}, {"Waheed Mahmood"}],
            id="same-surname-different-people",
        ),
        pytest.param(
            [
                ("a", "Mohammed Sidique Khan", PER),
                ("b", "Mohammad Siddique Khan", PER),
                ("c", "Sidique Khan", PER),
            ],
            [{"Mohammad Siddique Khan", "Mohammed Sidique Khan", "Sidique Khan"}],
            id="variants-and-the-end-of-a-name",
        ),
        pytest.param(
            [("a", "Islamic Revolutionary Guard Corps", ORG), ("b", "IRGC", ORG)],
            [{"IRGC", "Islamic Revolutionary Guard Corps"}],
            id="acronym-by-initials",
        ),
        pytest.param(
            [
                ("a", "London Underground", LOC),
                ("b", "Underground", LOC),
                ("c", "Iran-Iraq", OTH),
                ("c", "Iraq", LOC),
            ],
            [{"Iran-Iraq"}, {"Iraq"}, {"London Underground", "Underground"}],
            id="a-place-before-a-name",
        ),
    ],
)
def test_grouping(mentions: list[tuple[str, str, str]], expected: list[set[str]]) -> None:
    claims = [entity(s, t, k, at=n) for n, (s, t, k) in enumerate(mentions)]
    assert grouped(claims) == expected


def test_canonical_is_the_most_frequent_full_form() -> None:
    claims = [entity("a", "Kataeb Hezbollah", ORG), entity("b", "Kataib Hezbollah", ORG),
              entity("c", "Kataib Hezbollah", ORG), entity("d", "Esper", PER),
              entity("d", "Mark T. Esper", PER, at=9), entity("e", "PENTAGON", ORG),
              entity("f", "Pentagon", ORG), entity("g", "US", LOC)]  # fmt: skip
    found = names(claims)
    assert found[("a", "Kataeb Hezbollah")] == "Kataib Hezbollah"
    assert found[("d", "Esper")] == found[("d", "Mark T. Esper")] == "Mark Esper"
    assert found[("e", "PENTAGON")] == "Pentagon"
    assert found[("g", "US")] == "United States"


def test_acronym_paired_in_the_text_names_its_expansion() -> None:
    claims = [entity("a", "IRGC", ORG, canonical="Islamic Revolutionary Guard Corps"),
              entity("b", "Islamic Revolutionary Guard Corps", ORG)]  # fmt: skip
    assert set(names(claims).values()) == {"Islamic Revolutionary Guard Corps"}


def test_surname_resolves_in_its_own_source_first() -> None:
    claims = [entity("a", "Tony Blair", PER), entity("a", "Blair", PER, at=20),
              entity("b", "Ian Blair", PER), entity("b", "Blair", PER, at=20),
              entity("c", "Blair", PER)]  # fmt: skip
    found = names(claims)
    assert found[("a", "Blair")] == "Tony Blair"
    assert found[("b", "Blair")] == "Ian Blair"
    assert found[("c", "Blair")] == "Blair"  # two Blairs in the cluster: left as written


def test_first_name_resolves_only_in_its_source() -> None:
    claims = [entity("a", "Shahzad Tanweer", PER), entity("a", "Shahzad", PER, at=30),
              entity("b", "Anthony Garcia", PER), entity("c", "Anthony", PER)]  # fmt: skip
    found = names(claims)
    assert found[("a", "Shahzad")] == "Shahzad Tanweer"
    assert found[("c", "Anthony")] == "Anthony"


def test_unknown_word_that_is_a_surname_joins_the_person() -> None:
    claims = [entity("a", "George W. Bush", PER), entity("b", "Bush", OTH)]
    assert names(claims)[("b", "Bush")] == "George Bush"
    assert {c.entity_type for c in canonicalize(claims)} == {PER}


def test_type_is_the_group_majority() -> None:
    claims = [entity("a", "Kirkuk", LOC), entity("b", "Kirkuk", LOC), entity("c", "Kirkuk", OTH)]
    assert {c.entity_type for c in canonicalize(claims)} == {LOC}


@pytest.mark.parametrize(
    ("speaker", "expected"),
    [("Esper", "Mark Esper"), ("Mr. Esper", "Mark Esper"), ("Mark T. Esper", "Mark Esper"),
     ("Defense Secretary Mark Esper", "Mark Esper"), ("Gen. Milley", "Mark Milley"),
     ("Ms. Nobody", "Ms. Nobody"), ("Iran", "Iran")],
)  # fmt: skip
def test_quote_speakers_take_the_canonical_name(speaker: str, expected: str) -> None:
    quote = Claim("c", "b", "quote", 50, 60, "“...”", "s", speaker=speaker, quote="...")
    claims = [entity("a", "Mark T. Esper", PER), entity("a", "Mark Milley", PER, at=20),
              entity("b", "Esper", PER), entity("b", "Iran", LOC, at=10), quote]  # fmt: skip
    (resolved,) = [c for c in canonicalize(claims) if c.kind == "quote"]
    assert resolved.speaker == expected


def test_other_kinds_and_order_are_kept() -> None:
    quantity = Claim("c", "a", "quantity", 0, 10, "750 troops", "s", value=750.0)
    claims = [quantity, entity("a", "U.S.", LOC, at=20)]
    result = canonicalize(claims)
    assert result[0] is quantity
    assert result[1].canonical == "United States"


def test_deterministic_whatever_the_order() -> None:
    claims = [entity(s, t, k, at=n) for n, (s, t, k) in enumerate([
        ("a", "Shahzad Tanweer", PER), ("b", "Shehzad Tanweer", PER), ("c", "Shezhad Tanweer", PER),
        ("d", "Tanweer", PER), ("e", "Kings Cross", LOC), ("f", "King's Cross", LOC),
        ("f", "King's Cross", LOC), ("g", "Kataeb Hezbollah", ORG), ("h", "Kataib Hezbollah", ORG),
    ])]  # fmt: skip
    expected = names(claims)
    for seed in range(5):
        shuffled = claims[:]
        random.Random(seed).shuffle(shuffled)
        assert names(shuffled) == expected
    assert len(set(expected.values())) == 3
    assert expected[("f", "King's Cross")] == "King's Cross"


def test_clusters_are_kept_apart() -> None:
    one = entity("a", "Blair", PER)
    other = Claim("d", "x", "entity", 0, 9, "Tony Blair", "s", entity_type=PER, canonical="x")
    result = canonicalize([entity("a", "Ian Blair", PER, at=9), one, other])
    assert result[1].canonical == "Ian Blair"


def test_name_form() -> None:
    assert name_form("Mark T. Esper") == "mark esper"
    assert name_form("U.S.") == "us"
    assert name_form("King’s Cross") == name_form("Kings Cross")
    assert name_form("Al-Qaeda") == name_form("Al Qaeda")


def test_extract_claims_canonicalises_the_cluster() -> None:
    sources = (
        Source("a", "k", "x\n\nDefense Secretary Mark Esper spoke in Baghdad.", "a.txt"),
        Source("b", "k", "x\n\nLater, Mr. Esper said the Kataeb Hezbollah group struck.", "b.txt"),
        Source("c", "k", "x\n\nThe Kataib Hezbollah group, Esper said, was to blame.", "c.txt"),
    )
    table = extract_claims(Cluster("k", sources), ["entity"])
    found = dict(zip(table["text"], table["canonical"], strict=True))
    assert found["Esper"] == found["Mark Esper"] == "Mark Esper"
    assert found["Kataeb Hezbollah"] == found["Kataib Hezbollah"]
    assert found["Baghdad"] == "Baghdad"
