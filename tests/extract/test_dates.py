"""A table of date cases: what is a date mention, its span, its value and its weekday."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.corpus import Source
from factcheck.extract import EXTRACTORS
from factcheck.extract.dates import date_claims, parse_published
from factcheck.extract.events import event_phrase
from factcheck.text import sentences

REF = "2020-01-02"  # a Thursday
Row = tuple[str, str | None, str | None]  # (surface, date_value, weekday)


def dates(text: str, published: str | None = None) -> list[Row]:
    source = Source("s", "c", text, "s.txt", published=published)
    return [(c.text, c.date_value, c.weekday) for c in date_claims(source, sentences(text))]


# (text, published, [(surface, date_value, weekday)])
CASES: list[tuple[str, str | None, list[Row]]] = [
    # absolute dates: a written year fixes the value, with or without a reference date
    ("It began on January 2, 2020, he said", None, [("January 2, 2020", "2020-01-02", "Thursday")]),
    ("the July 7, 2005 bombings", None, [("July 7, 2005", "2005-07-07", "Thursday")]),
    ("victims of the July 7th 2005 attacks", None, [("July 7th 2005", "2005-07-07", "Thursday")]),
    ("the 11 March 2004 Madrid bombings", None, [("11 March 2004", "2004-03-11", "Thursday")]),
    ("A law dated 2005/01/08 applies", None, [("2005/01/08", "2005-01-08", "Saturday")]),
    ("He spoke on Dec. 29.", REF, [("Dec. 29", "2019-12-29", "Sunday")]),
    ("He spoke on Dec. 29.", None, [("Dec. 29", None, None)]),
    ("He left on 29 December.", REF, [("29 December", "2019-12-29", "Sunday")]),
    ("Jan 2 was quiet", REF, [("Jan 2", "2020-01-02", "Thursday")]),
    ("He entered Britain in June 2005.", None, [("June 2005", "2005-06", None)]),
    ("He faces a campaign in 2020.", None, [("in 2020", "2020", None)]),
    ("In his 2016 campaign, Trump promised", None, [("2016", "2016", None)]),
    ("the bombing in 1988 and the war", None, [("in 1988", "1988", None)]),
    (
        "attacks in November and December",
        REF,
        [("November", "2019-11", None), ("December", "2019-12", None)],
    ),
    ("Since May, the United States has sent", REF, [("Since May", "2019-05", None)]),
    ("a campaign, at least since October.", REF, [("at least since October", "2019-10", None)]),
    ("a campaign since at least October", None, [("since at least October", None, None)]),
    ("attacks in July", "2005-09-22", [("in July", "2005-07", None)]),
    ("Trump's New Year's Eve threat", REF, [("New Year's Eve", "2019-12-31", "Tuesday")]),
    ("Trump’s New Year’s Eve threat", None, [("New Year’s Eve", None, None)]),
    ("the tsunami of Boxing Day 2004", None, [("Boxing Day 2004", "2004-12-26", "Sunday")]),
    # weekdays: the latest such day on or before the reference date
    ("Esper said Thursday.", None, [("Thursday", None, "Thursday")]),
    ("Esper said on Thursday.", REF, [("on Thursday", "2020-01-02", "Thursday")]),
    ("They attacked the compound Tuesday", REF, [("Tuesday", "2019-12-31", "Tuesday")]),
    ("strikes on Sunday against bases", REF, [("on Sunday", "2019-12-29", "Sunday")]),
    ("at Thursday's briefing", REF, [("Thursday", "2020-01-02", "Thursday")]),
    ("On Wednesday morning, Marines fired", None, [("On Wednesday morning", None, "Wednesday")]),
    ("Earlier on Thursday, Salami said", None, [("on Thursday", None, "Thursday")]),
    (
        "overnight on Tuesday, a day after",
        REF,
        [("on Tuesday", "2019-12-31", "Tuesday"), ("a day after", None, None)],
    ),
    ("people who saw him last Thursday", REF, [("last Thursday", "2019-12-26", "Thursday")]),
    ("women were at home on a Sunday morning", REF, [("Sunday morning", None, "Sunday")]),
    (
        "Tuesday, July 12, 2005",
        None,
        [("Tuesday", "2005-07-12", "Tuesday"), ("July 12, 2005", "2005-07-12", "Tuesday")],
    ),
    (
        "They will gather on Sunday, January 5, to raise money",
        REF,
        [("on Sunday", "2020-01-05", "Sunday"), ("January 5", "2020-01-05", "Sunday")],
    ),
    # relative dates: resolved against the reference date to the day, month or year
    ("Police searched houses today", REF, [("today", "2020-01-02", "Thursday")]),
    ("Yesterday, a video was broadcast", REF, [("Yesterday", "2020-01-01", "Wednesday")]),
    ("The raids began this morning", REF, [("this morning", "2020-01-02", "Thursday")]),
    (
        "Other events are planned for later in the day",
        REF,
        [("later in the day", "2020-01-02", "Thursday")],
    ),
    ("Last month a video was shown", REF, [("Last month", "2019-12", None)]),
    ("The vote was three days ago", REF, [("three days ago", "2019-12-30", "Monday")]),
    (
        "On this day last year, bombs exploded",
        REF,
        [("On this day last year", "2019-01-02", "Wednesday")],
    ),
    (
        "between June and August this year",
        REF,
        [("June", "2020-06", None), ("August", "2020-08", None), ("this year", "2020", None)],
    ),
    # week-level, vague or anchored on an event: a mention without a value
    ("A contractor was killed last week", REF, [("last week", None, None)]),
    ("troops sent earlier this week", REF, [("earlier this week", None, None)]),
    ("could be sent in the coming days", REF, [("in the coming days", None, None)]),
    ("reported missing the previous week", REF, [("the previous week", None, None)]),
    ("He spoke two days after dispatching troops", REF, [("two days after", None, None)]),
    ("It comes less than a week after the attack", REF, [("less than a week after", None, None)]),
    ("arrested just one week after the attacks", REF, [("one week after", None, None)]),
    ("mass protests in recent months", REF, [("in recent months", None, None)]),
    ("In the past several months, militias", REF, [("In the past several months", None, None)]),
    ("The trial took place over the past year", REF, [("over the past year", None, None)]),
    ("deadly weekend US airstrikes", REF, [("weekend", None, None)]),
    ("seen on camera on the day of the blasts", REF, [("on the day of the blasts", None, None)]),
    ("One year on, London remembers", REF, [("One year on", None, None)]),
    # a day written without a year more than half a year back names an event
    ("the 7 July link", "2007-05-01", [("7 July", None, None)]),
    ("London remembers 7/7 victims", REF, [("7/7", None, None)]),
    # not dates: durations, clock times, ages, "in years", names, modal "may"
    ("Hurled rocks during two days of protests", REF, []),
    ("a two-day standoff", REF, []),
    ("we've seen this for two or three months now", REF, []),
    ("protesting the government for months", REF, []),
    ("The raids began at 6:30am BST and at 15:30", REF, []),
    ("The 18 year old and a 25-year-old man", REF, []),
    ("one of the worst attacks in years", REF, []),
    ("warrants under the Terrorism Act 2000 and the 2001 Anti-Terrorism Act", REF, []),
    ("Iran may be planning attacks, Theresa May said", REF, []),
    ("twenty minutes before the explosions", REF, []),
    ("sent 2000 troops; three quarters, 3/4 of them", REF, []),
    ("The Sunday Times and USA Today wrote on Good Friday", REF, []),
    ("Recent U.S. airstrikes", REF, []),
]


@pytest.mark.parametrize(("text", "published", "expected"), CASES)
def test_date_cases(text: str, published: str | None, expected: list[Row]) -> None:
    assert dates(text, published) == expected


ARTICLE = (
    "Police search houses in Leeds\n\n"
    "Tuesday, July 12, 2005\n\n"
    "Police searched six houses today. The blasts on Thursday killed 52.\n\n"
    "A man walks in Leeds, July 11, 2005. REUTERS/John Smith\n\n"
    "By Jane Doe\n\n"
    "Please enter your comment! Posted January 3, 2020\n"
)


def test_zones_are_carried_and_boilerplate_is_skipped() -> None:
    source = Source("s", "c", ARTICLE, "s.txt")
    found = [(c.text, c.zone, c.date_value) for c in date_claims(source, sentences(ARTICLE))]
    assert found == [
        ("Tuesday", "dateline", "2005-07-12"),
        ("July 12, 2005", "dateline", "2005-07-12"),
        ("today", "body", "2005-07-12"),
        ("on Thursday", "body", "2005-07-07"),
        ("July 11, 2005", "caption", "2005-07-11"),
    ]


def test_captions_never_set_the_reference_date() -> None:
    text = "Headline\n\nA man, January 1, 2020. REUTERS/John Smith\n\nEsper said on Thursday.\n"
    assert dates(text)[-1] == ("on Thursday", None, "Thursday")


def test_wire_dateline_takes_its_year_from_the_articles_full_dates() -> None:
    text = (
        "Headline\n\nA cleric in Baghdad, Iraq January 2, 2020. REUTERS/Khalid al-Mousily\n\n"
        "WASHINGTON, Jan 2 (Reuters) – Esper said on Tuesday that troops left.\n"
    )
    assert dates(text)[1:] == [
        ("Jan 2", "2020-01-02", "Thursday"),
        ("on Tuesday", "2019-12-31", "Tuesday"),
    ]


def test_published_is_the_reference_before_the_dateline() -> None:
    text = "Headline\n\nTuesday, July 12, 2005\n\nPolice searched six houses today.\n"
    assert dates(text, "2020-01-02T10:00:00Z")[-1] == ("today", "2020-01-02", "Thursday")


@pytest.mark.parametrize(
    ("published", "iso"),
    [
        ("2020-01-02", "2020-01-02"),
        ("2020-01-02T10:00:00+00:00", "2020-01-02"),
        ("Thu, 02 Jan 2020 10:00:00 GMT", "2020-01-02"),
        ("January 2, 2020", "2020-01-02"),
        ("2020-02-30", None),
        ("soon", None),
        ("", None),
    ],
)
def test_parse_published(published: str, iso: str | None) -> None:
    parsed = parse_published(published)
    assert (parsed.isoformat() if parsed else None) == iso


@pytest.mark.parametrize(
    ("sentence", "date", "words"),
    [
        ("Militiamen attacked the embassy compound Tuesday, wrecking it.", "Tuesday",
         "attacked the embassy compound"),
        ("Esper said on Thursday there were indications.", "on Thursday", "Esper said"),
        ("On Wednesday, Khamenei condemned U.S. attacks.", "On Wednesday", "Khamenei condemned"),
        ("The United States sent 750 troops to Kuwait this week.", "this week",
         "United States sent 750 troops"),
    ],
)  # fmt: skip
def test_event_is_a_few_words_of_the_clause(sentence: str, date: str, words: str) -> None:
    start = sentence.index(date)
    assert words in (event_phrase(sentence, start, start + len(date)) or "")


def test_registered_as_the_date_extractor() -> None:
    assert EXTRACTORS["date"] is date_claims


@settings(max_examples=300, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list("0123456789/-.,:' \nMayJunlyTuesdaynowkbfrgi(R)–")),
        max_size=80,
    ),
    st.sampled_from([None, REF, "0001-01-01", "9999-12-31", "nonsense"]),
)
def test_never_raises_and_spans_are_the_text(text: str, published: str | None) -> None:
    source = Source("s", "c", text, "s.txt", published=published)
    for claim in date_claims(source, sentences(text)):
        assert text[claim.start : claim.end] == claim.text
        assert claim.zone != "boilerplate"


@pytest.mark.parametrize("published", ["0001-01-01", "9999-12-31"])
def test_calendar_edges_do_not_raise(published: str) -> None:
    text = "Yesterday and tomorrow, last month, next year, on Monday, Dec. 31 and three days ago"
    assert len(dates(text, published)) == 7
