"""weekday_mismatch on facts of real extracted date claims: a weekday against its own date."""

from __future__ import annotations

import pytest

from factcheck.rules.kinds.weekday_mismatch import KIND
from tests.rules.kinds.text_facts import date_fact

ATTACK = "Militiamen attacked the embassy"
CAPTION = "Protesters outside the embassy in Baghdad, Iraq, {}. REUTERS/Thaier al-Sudani"

CASES = [
    # (name, sources, published, expected verdicts as (message, evidence texts))
    (
        "a weekday written beside a date of another weekday",
        {"a": f"{ATTACK} on Tuesday, January 2, 2020."},
        {},
        [("Tuesday (a), but 2020-01-02 was a Thursday", ["on Tuesday", "January 2, 2020"])],
    ),
    ("a weekday that fits its date", {"a": f"{ATTACK} on Thursday, January 2, 2020."}, {}, []),
    ("the day before, right", {"a": f"{ATTACK} on Tuesday, December 31, 2019."}, {}, []),
    ("a date alone implies its weekday", {"a": f"{ATTACK} on January 2, 2020."}, {}, []),
    ("a weekday alone", {"a": f"{ATTACK} on Tuesday."}, {}, []),
    (
        "a weekday resolved against the article's date",
        {"a": f"{ATTACK} on Tuesday."},
        {"a": "2020-01-02"},
        [],
    ),
    (
        "a yearless date the weekday fits",
        {"a": "Protesters withdrew on Wednesday, Jan 1."},
        {"a": "2020-01-02"},
        [],
    ),
    (
        "only the wrong source of two",
        {
            "a": f"{ATTACK} on Tuesday, January 2, 2020.",
            "b": f"{ATTACK} on Thursday, January 2, 2020.",
        },
        {},
        [("Tuesday (a), but 2020-01-02 was a Thursday", ["on Tuesday", "January 2, 2020"])],
    ),
    (
        "a wrong weekday in a photo caption",
        {"a": f"Embassy attack\n{ATTACK}.\n{CAPTION.format('Tuesday, January 2, 2020')}"},
        {},
        [("Tuesday (a), but 2020-01-02 was a Thursday", ["Tuesday", "January 2, 2020"])],
    ),
    (
        "a weekday against a date of the same source elsewhere in the fact",
        {"a": f"{ATTACK} on Tuesday. The attack on December 30, 2019 was condemned."},
        {},
        [("Tuesday (a), but 2019-12-30 was a Monday", ["on Tuesday", "December 30, 2019"])],
    ),
    (
        "a weekday against another source's date is not this kind's finding",
        {"a": f"{ATTACK} on Tuesday.", "b": f"{ATTACK} on December 30, 2019."},
        {},
        [],
    ),
]


@pytest.mark.parametrize(
    ("sources", "published", "expected"),
    [pytest.param(*case[1:], id=case[0]) for case in CASES],
)
def test_weekday_mismatch(
    sources: dict[str, str],
    published: dict[str, str],
    expected: list[tuple[str, list[str]]],
) -> None:
    fact = date_fact(sources, published)
    verdicts = list(KIND.check(fact, KIND.with_defaults({})))
    assert [(v.message, [c["text"] for c in v.claims]) for v in verdicts] == expected
    assert all(v.status == "conflict" and v.severity is None for v in verdicts)


def test_one_verdict_per_wrong_weekday() -> None:
    fact = date_fact(
        {"a": f"{ATTACK} on Tuesday, January 2, 2020. Troops left on Monday, January 2, 2020."}
    )
    messages = [v.message for v in KIND.check(fact, {})]
    assert messages == [
        "Tuesday (a), but 2020-01-02 was a Thursday",
        "Monday (a), but 2020-01-02 was a Thursday",
    ]


def test_kind() -> None:
    assert KIND.claim_kind == "date"
    assert KIND.with_defaults({}) == {}
