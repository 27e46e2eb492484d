"""date_consistency on facts of real extracted date claims: one event, different days."""

from __future__ import annotations

from datetime import date

import pytest

from factcheck.rules.kinds.date_consistency import KIND, Placement, compatible
from tests.rules.kinds.text_facts import date_fact

ATTACK = "Militiamen attacked the U.S. embassy in Baghdad"
DATED = "2020-01-02"  # a Thursday: "Tuesday" resolves to 2019-12-31

CASES = [
    # (name, sources, published, tolerance_days, the sides the message sets against each
    # other, or None for no finding)
    (
        "same weekday",
        {"a": f"{ATTACK} on Tuesday.", "b": "Militiamen stormed the embassy Tuesday."},
        {},
        0,
        None,
    ),
    (
        "Monday against Thursday",
        {
            "a": "Milley told reporters Monday that the strikes were justified.",
            "b": "Milley told reporters on Thursday that the strikes were justified.",
            "c": "Milley told reporters Thursday that the strikes were justified.",
        },
        {},
        0,
        "Monday (a) vs Thursday (b, c)",
    ),
    (
        "weekday that fits the date",
        {"a": f"{ATTACK} on Tuesday.", "b": f"{ATTACK} on December 31, 2019."},
        {},
        0,
        None,
    ),
    (
        "weekday that does not fit the date",
        {"a": f"{ATTACK} on Wednesday.", "b": f"{ATTACK} on December 31, 2019."},
        {},
        0,
        "Wednesday (a) vs Tuesday 2019-12-31 (b)",
    ),
    (
        "two different dates",
        {"a": f"{ATTACK} on December 31, 2019.", "b": f"{ATTACK} on January 1, 2020."},
        {},
        0,
        "Tuesday 2019-12-31 (a) vs Wednesday 2020-01-01 (b)",
    ),
    (
        "this week is vaguer but compatible",
        {"a": f"{ATTACK} earlier this week.", "b": f"{ATTACK} on Tuesday."},
        {},
        0,
        None,
    ),
    (
        "last week places nothing",
        {"a": f"{ATTACK} last week.", "b": f"{ATTACK} on Tuesday.", "c": f"{ATTACK} on Tuesday."},
        {},
        0,
        None,
    ),
    (
        "a month holds the day",
        {"a": f"{ATTACK} in December.", "b": f"{ATTACK} on December 31, 2019."},
        {"a": DATED},
        0,
        None,
    ),
    (
        "a day outside the month",
        {"a": f"{ATTACK} in November.", "b": f"{ATTACK} on December 31, 2019."},
        {"a": DATED},
        0,
        "2019-11 (a) vs Tuesday 2019-12-31 (b)",
    ),
    (
        "yesterday resolved against the article's date",
        {"a": f"{ATTACK} yesterday.", "b": f"{ATTACK} on Tuesday."},
        {"a": DATED},
        0,
        "Wednesday 2020-01-01 (a) vs Tuesday (b)",
    ),
    (
        "one day apart within a tolerance of one",
        {"a": f"{ATTACK} on Tuesday.", "b": f"{ATTACK} on Wednesday."},
        {},
        1,
        None,
    ),
    (
        "two days apart beyond a tolerance of one",
        {"a": f"{ATTACK} on Tuesday.", "b": f"{ATTACK} on Thursday."},
        {},
        1,
        "Tuesday (a) vs Thursday (b)",
    ),
    (
        "a caption date never takes part",
        {
            "a": f"Embassy attack\n{ATTACK} on Tuesday.\n"
            "Protesters outside the embassy in Baghdad, Iraq January 2, 2020. "
            "REUTERS/Thaier al-Sudani",
            "b": f"{ATTACK} on Tuesday.",
        },
        {},
        0,
        None,
    ),
    (
        "one source alone never conflicts with itself",
        {"a": f"{ATTACK} on Tuesday. {ATTACK} on Wednesday."},
        {},
        0,
        None,
    ),
    (
        "the same weekday in articles a week apart",
        {"a": f"{ATTACK} on Tuesday.", "b": f"{ATTACK} on Tuesday."},
        {"a": DATED, "b": "2020-01-09"},
        0,
        "Tuesday 2019-12-31 (a) vs Tuesday 2020-01-07 (b)",
    ),
    (
        "periods that start in different months",
        {
            "a": "Attacks on bases have continued since May.",
            "b": "Attacks on bases have continued since October.",
        },
        {"a": DATED, "b": DATED},
        0,
        "since 2019-05 (a) vs since 2019-10 (b)",
    ),
    (
        "at least since only bounds the start",
        {
            "a": "Attacks on bases have continued since May.",
            "b": "Attacks on bases have continued at least since October.",
        },
        {"a": DATED, "b": DATED},
        0,
        None,
    ),
    (
        "a period start is not a day",
        {"a": "Attacks on bases have continued since May.", "b": f"{ATTACK} on Tuesday."},
        {"a": DATED},
        0,
        None,
    ),
]


@pytest.mark.parametrize(
    ("sources", "published", "tolerance", "expected"),
    [pytest.param(*case[1:], id=case[0]) for case in CASES],
)
def test_date_consistency(
    sources: dict[str, str], published: dict[str, str], tolerance: int, expected: str | None
) -> None:
    fact = date_fact(sources, published)
    verdicts = list(KIND.check(fact, KIND.with_defaults({"tolerance_days": tolerance})))
    if expected is None:
        assert verdicts == []
    else:
        (verdict,) = verdicts
        assert verdict.status == "conflict"
        assert verdict.message.endswith(f": {expected}")
        assert verdict.severity is None  # the rule's own severity


def test_message_names_the_event_and_the_sources_shortly() -> None:
    fact = date_fact(
        {
            "000_edd6": "Milley told reporters Monday that the strikes were justified.",
            "001_afea": "Milley told reporters on Thursday that the strikes were justified.",
            "002_9fab": "Milley told reporters Thursday that the strikes were justified.",
            "003_e9f6": "On Thursday, Milley told reporters that the strikes were justified.",
        }
    )
    (verdict,) = KIND.check(fact, KIND.with_defaults({}))
    assert verdict.message == "Milley told reporters: Monday (000) vs Thursday (001, 002, 003)"


def test_evidence_is_every_placed_claim_of_the_body() -> None:
    fact = date_fact(
        {
            "a": f"Embassy attack\n{ATTACK} on Monday.\n"
            "Protesters outside the embassy, January 2, 2020. REUTERS/Thaier al-Sudani",
            "b": f"{ATTACK} on Tuesday, after a quiet week.",
            "c": f"{ATTACK} earlier this week.",
        }
    )
    (verdict,) = KIND.check(fact, KIND.with_defaults({}))
    assert [(c["source_id"], c["text"]) for c in verdict.claims] == [
        ("a", "on Monday"),
        ("b", "on Tuesday"),
    ]


def test_defaults() -> None:
    assert KIND.claim_kind == "date"
    assert KIND.with_defaults({}) == {"tolerance_days": 0}


def _day(value: date) -> Placement:
    return Placement(value, value, value.weekday(), False, value.isoformat())


@pytest.mark.parametrize(
    ("a", "b", "tolerance", "expected"),
    [
        (_day(date(2019, 12, 31)), _day(date(2019, 12, 31)), 0, True),
        (_day(date(2019, 12, 31)), _day(date(2020, 1, 1)), 0, False),
        (_day(date(2019, 12, 31)), _day(date(2020, 1, 1)), 1, True),
        (
            Placement(None, None, 6, False, "Sunday"),
            Placement(None, None, 0, False, "Monday"),
            1,
            True,
        ),
        (
            Placement(None, None, 0, False, "Monday"),
            Placement(None, None, 3, False, "Thursday"),
            2,
            False,
        ),
        (
            Placement(None, None, 0, False, "Monday"),
            Placement(None, None, 3, False, "Thursday"),
            3,
            True,
        ),
    ],
)
def test_compatible(a: Placement, b: Placement, tolerance: int, expected: bool) -> None:
    assert compatible(a, b, tolerance) is expected
    assert compatible(b, a, tolerance) is expected
