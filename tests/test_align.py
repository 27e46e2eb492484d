"""Alignment on small real clusters: which claims become one fact, and which stay apart."""

from __future__ import annotations

import pytest

from factcheck.align import align_claims
from factcheck.corpus import Cluster, Source
from factcheck.extract import extract_claims
from factcheck.facts import Fact
from factcheck.rules.loader import load_rules


def _facts(kind: str, *texts: str) -> list[Fact]:
    sources = tuple(Source(f"s{i}", "c", text, f"<s{i}>") for i, text in enumerate(texts))
    claims = extract_claims(Cluster("c", sources))
    return [f for f in align_claims(claims, load_rules().synonyms) if f.kind == kind]


def _groups(facts: list[Fact]) -> set[frozenset[tuple[str, str]]]:
    return {frozenset((str(c["source_id"]), str(c["text"])) for c in f.claims) for f in facts}


def test_a_source_reporting_two_numbers_reports_two_facts():
    # s0's 900 is close enough to s1's 750 to be joined, but s0's 750 is already there:
    # one fact never takes two different numbers of one source
    groups = _groups(_facts(
        "quantity",
        "The Pentagon sent 750 troops to Kuwait on Tuesday. The Pentagon sent 900 troops to "
        "Kuwait on Tuesday, officials said.",
        "The Pentagon sent 750 troops to Kuwait on Tuesday, officials said.",
    ))  # fmt: skip
    assert groups == {
        frozenset({("s0", "750 troops"), ("s1", "750 troops")}),
        frozenset({("s0", "900 troops")}),
    }


def test_the_size_of_a_brigade_is_not_a_movement_of_troops():
    # the values overlap (about 3,500 allows 3,150-3,850; nearly 4,000 allows 3,600-4,000)
    # and Kuwait anchors both: only the container ("a brigade of") keeps them apart
    groups = _groups(_facts(
        "quantity",
        "The United States sent about 3,500 troops to Kuwait on Tuesday, United States "
        "officials said.",
        "The troops in Kuwait are part of a brigade of nearly 4,000 soldiers, United States "
        "officials said, and the United States may send more.",
    ))  # fmt: skip
    assert groups == {
        frozenset({("s0", "about 3,500 troops")}),
        frozenset({("s1", "nearly 4,000 soldiers")}),
    }


def test_numbers_with_no_shared_context_are_two_facts():
    # same verb, overlapping values, but no shared place, date or wording: no evidence
    groups = _groups(_facts(
        "quantity",
        "Japan pledged about $500 million to Indonesia, its government said on Monday.",
        "Sweden has also pledged about $520 million for Sri Lanka, a statement said.",
    ))  # fmt: skip
    assert len(groups) == 2


def test_miles_and_kilometres_meet_in_one_fact():
    facts = _facts(
        "quantity",
        "The convoy drove 5 miles to the border on Monday.",
        "The convoy drove 8 kilometres to the border on Monday.",
    )
    assert _groups(facts) == {frozenset({("s0", "5 miles"), ("s1", "8 kilometres")})}


@pytest.mark.parametrize(
    ("second", "joined"),
    [
        ("Defense Secretary Mark Esper said on Monday that the game had changed.", True),
        ("President Donald Trump said on Monday that the game had changed.", False),
        # alike events, different people: one told reporters Thursday, the other Monday
        ("Mark Milley told reporters at the Pentagon on Monday that the game had changed.", False),
    ],
)
def test_dates_join_on_an_alike_event_by_the_same_person(second, joined):
    first = (
        "Mark Esper told reporters at the Pentagon on Thursday that the game had changed."
        if "Milley" in second
        else "Defense Secretary Mark Esper said on Thursday that the game had changed."
    )
    facts = _facts("date", first, second)
    assert (len(facts) == 1) is joined


def test_a_quote_fragment_joins_the_full_quote_of_its_speaker():
    facts = _facts(
        "quote",
        "“The game has changed and we are prepared to do what is necessary,” Mark Esper said.",
        "Defense Secretary Mark Esper warned that the “game has changed.”",
    )
    assert len(facts) == 1 and facts[0].sources == ("s0", "s1")
