"""A table of quantity cases: what is a quantity, with which value, approx and unit."""

from __future__ import annotations

import math

import pytest

from factcheck.extract.quantities import find_quantities

INF = math.inf

# (sentence, [(surface, value, low, high, approx, unit)])
CASES = [
    ("The United States sent 750 troops to Kuwait.", [("750 troops", 750, 750, 750, "=", "troop")]),
    (
        "The roughly 700 soldiers are part of it.",
        [("roughly 700 soldiers", 700, 630, 770, "~", "soldier")],
    ),
    (
        "a brigade of nearly 4,000 soldiers",
        [("nearly 4,000 soldiers", 4000, 3600, 4000, "~", "soldier")],
    ),
    (
        "It has dispatched more than 14,000 troops.",
        [("more than 14,000 troops", 14000, 14000, INF, ">", "troop")],
    ),
    (
        "at least 124,000 people died",
        [("at least 124,000 people", 124000, 124000, INF, ">=", "person")],
    ),
    ("up to 3,000 troops could be sent", [("up to 3,000 troops", 3000, 0, 3000, "<=", "troop")]),
    ("fewer than 20 ships", [("fewer than 20 ships", 20, 0, 20, "<", "ship")]),
    ("almost 50 votes", [("almost 50 votes", 50, 45, 50, "~", "vote")]),
    ("some 300 people fled", [("some 300 people", 300, 270, 330, "~", "person")]),
    ("There were about a dozen attacks.", [("about a dozen attacks", 12, 9, 15.4, "~", "attack")]),
    (
        "Dozens of Iran-allied militiamen camped out.",
        [("Dozens of Iran-allied militiamen", 50, 24, 99, "~", "militiaman")],
    ),
    (
        "dispatching several hundred Army paratroopers",
        [("several hundred Army paratroopers", 400, 200, 999, "~", "paratrooper")],
    ),
    ("Thousands gathered outside.", [("Thousands", 4000, 2000, 9999, "~", "person")]),
    ("in which hundreds have been killed", [("hundreds", 400, 200, 999, "~", "person")]),
    (
        "tens of thousands of people marched",
        [("tens of thousands of people", 40000, 20000, 99999, "~", "person")],
    ),
    (
        "Thirty-one rockets aren't designed as a warning.",
        [("Thirty-one rockets", 31, 31, 31, "=", "rocket")],
    ),
    ("one official said", [("one official", 1, 1, 1, "=", "official")]),
    ("for two or three months now", [("two or three months", 2.5, 2, 3, "~", "month")]),
    (
        "between 2 and 3 million people",
        [("between 2 and 3 million people", 2.5e6, 2e6, 3e6, "~", "person")],
    ),
    ("a two-day standoff", [("two-day", 2, 2, 2, "=", "day")]),
    ("which covers more than 100 acres.", [("more than 100 acres", 100, 100, INF, ">", "acre")]),
    ("About 100 Marines based in Kuwait", [("About 100 Marines", 100, 90, 110, "~", "Marine")]),
    ("Japan promises 500,000,000 USD", [("500,000,000 USD", 5e8, 5e8, 5e8, "=", "dollar")]),
    ("a $2.5bn package", [("$2.5bn", 2.5e9, 2.5e9, 2.5e9, "=", "dollar")]),
    (
        "nearly 2 Billion U.S. dollars",
        [("nearly 2 Billion U.S. dollars", 2e9, 1.8e9, 2e9, "~", "dollar")],
    ),
    ("£ 8.10 million in fees", [("£ 8.10 million", 8.1e6, 8.1e6, 8.1e6, "=", "pound")]),
    ("3.5 million euros", [("3.5 million euros", 3.5e6, 3.5e6, 3.5e6, "=", "euro")]),
    ("prices rose 5% this year", [("5%", 5, 5, 5, "=", "percent")]),
    ("a 27 per cent rise", [("27 per cent", 27, 27, 27, "=", "percent")]),
    ("a quake 10 km from the coast", [("10 km", 10, 10, 10, "=", "kilometre")]),
    ("about ten miles long", [("about ten miles", 10, 9, 11, "~", "mile")]),
    ("winds of 120 km/h", [("120 km/h", 120, 120, 120, "=", "kilometre per hour")]),
    (
        "it was -5 degrees fahrenheit",
        [("-5 degrees fahrenheit", -5, -5, -5, "=", "degree fahrenheit")],
    ),
    ("more than 10 1/2 miles of cable", [("more than 10 1/2 miles", 10.5, 10.5, INF, ">", "mile")]),
    ("killing 25 people", [("25 people", 25, 25, 25, "=", "person")]),
    (
        "wounded several U.S. and Iraqi troops",
        [("several U.S. and Iraqi troops", 5, 3, 9, "~", "troop")],
    ),
    ("two of the soldiers were hurt", [("two of the soldiers", 2, 2, 2, "=", "soldier")]),
    ("The death toll rose to 121,000.", [("121,000", 121000, 121000, 121000, "=", None)]),
]
NOT_QUANTITIES = [
    "In his 2016 campaign, Trump promised it.",
    "the re-election campaign in 2020",
    "Mar-a-Lago on December 29, 2019.",
    "WASHINGTON, Jan 2 (Reuters) – said",
    "on Jan. 2 and 29 December",
    "at 3:30 p.m. and 10 am",
    "from the 82nd Airborne and the 2nd Battalion",
    "a C-17 transport aircraft and an F-35",
    "call 555-123-4567 now",
    "under Section 5 of the Act",
    "a 25-year-old man",
    "a U.S. contractor was killed",
    "less than a week after the attack",
    "including one blamed on Kataeb Hezbollah",
    "It was one of the worst attacks.",
    "He spoke two days after dispatching them.",
    "In the past several months they grew.",
    "three weeks ago",
    "the 1990s and the '80s",
    "go to www.example.com/page?id=305",
    "the two met in Paris",
    "123 Random Street",
    "on 9/11",
    "1988 sales rose",
]


@pytest.mark.parametrize(("sentence", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_quantity_cases(sentence, expected):
    found = [
        (sentence[q.start : q.end], q.value, q.low, q.high, q.approx, q.unit)
        for q in find_quantities(sentence)
    ]
    assert len(found) == len(expected), found
    for got, want in zip(found, expected, strict=True):
        assert got[0] == want[0]
        assert got[1:4] == pytest.approx(want[1:4])
        assert got[4:] == want[4:]


@pytest.mark.parametrize("sentence", NOT_QUANTITIES)
def test_not_quantities(sentence):
    assert [sentence[q.start : q.end] for q in find_quantities(sentence)] == []


@pytest.mark.parametrize(
    ("sentence", "subject", "predicate"),
    [
        ("The United States sent 750 troops to Kuwait this week.", "troops sent to Kuwait", "send"),
        (
            "The Pentagon has deployed an additional 750 soldiers to Kuwait.",
            "soldiers deployed to Kuwait",
            "deploy",
        ),
        ("About 100 Marines based in Kuwait were sent into Iraq.", "Marines sent", "send"),
        ("in which hundreds have been killed", "people killed", "kill"),
        ("Thirty-one rockets aren’t designed as a warning shot", "rockets designed", "design"),
        ("The air strikes, which killed 25 people, were retaliation.", "people killed", "kill"),
        ("a brigade of nearly 4,000 soldiers, all of whom", "soldiers", None),
    ],
)
def test_subject_and_predicate(sentence, subject, predicate):
    (q,) = find_quantities(sentence)
    assert (q.subject, q.predicate) == (subject, predicate)


@pytest.mark.parametrize(
    ("sentence", "low", "high"),
    [
        ("about -1", -1.1, -0.9),
        ("nearly -5 degrees", -5.5, -5),
        ("fewer than -5 degrees", -INF, -5),
        ("it fell about -20 degrees", -22, -18),
    ],
)
def test_hedges_on_negative_numbers_keep_low_below_high(sentence, low, high):
    (q,) = find_quantities(sentence)
    assert (q.low, q.high) == pytest.approx((low, high))
    assert q.low <= q.value <= q.high
