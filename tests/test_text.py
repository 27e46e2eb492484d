"""Sentences with exact offsets, and the zone of each line, on the seeds and on small cases."""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.corpus import Cluster
from factcheck.text import CLAIM_ZONES, Sentence, iter_lines, line_zone, sentences, split_sentences
from tests.conftest import SEEDS

SEED_IDS = sorted(p.stem for p in SEEDS.glob("*.txt"))


@pytest.fixture
def seed_texts(seed_cluster: Cluster) -> dict[str, str]:
    return {source.source_id: source.text for source in seed_cluster.sources}


def split(line: str) -> list[str]:
    return [line[s:e] for s, e in split_sentences(line, 0, len(line))]


# --- offsets -------------------------------------------------------------------------------


@pytest.mark.parametrize("source_id", SEED_IDS)
def test_every_seed_sentence_has_exact_offsets(seed_texts: dict[str, str], source_id: str) -> None:
    text = seed_texts[source_id]
    found = sentences(text)

    assert len(found) > 20
    previous_end = 0
    for sentence in found:
        assert text[sentence.start : sentence.end] == sentence.text
        assert sentence.start >= previous_end
        assert sentence.text == sentence.text.strip()
        assert sentence.text
        assert "\n" not in sentence.text and "\r" not in sentence.text
        previous_end = sentence.end


def test_sentence_counts_and_zones_of_the_seeds(seed_texts: dict[str, str]) -> None:
    counts = {
        source_id: dict(Counter(s.zone for s in sentences(seed_texts[source_id])))
        for source_id in SEED_IDS
    }
    assert counts == {
        "000_edd6372c16f6ed30": {"title": 1, "body": 30},
        "001_afea424f09279a13": {
            "title": 1,
            "caption": 2,
            "byline": 1,
            "body": 25,
            "boilerplate": 3,
        },
        "002_9fabdbfc018b01bd": {"title": 1, "body": 23, "boilerplate": 1},
        "003_e9f666795fe02b3a": {"byline": 1, "caption": 8, "body": 21, "credit": 1},
        "004_60b090ac82928ee7": {"title": 1, "caption": 4, "body": 17, "boilerplate": 1},
    }


def test_line_zones_of_the_seeds(seed_texts: dict[str, str]) -> None:
    counts = {
        source_id: dict(Counter(zone for *_, zone in iter_lines(seed_texts[source_id])))
        for source_id in SEED_IDS
    }
    assert counts == {
        "000_edd6372c16f6ed30": {"title": 1, "body": 17},
        "001_afea424f09279a13": {
            "title": 1,
            "caption": 1,
            "byline": 1,
            "body": 21,
            "boilerplate": 3,
        },
        "002_9fabdbfc018b01bd": {"title": 1, "body": 14, "boilerplate": 1},
        "003_e9f666795fe02b3a": {"byline": 1, "caption": 4, "body": 18, "credit": 1},
        "004_60b090ac82928ee7": {"title": 1, "caption": 2, "body": 9, "boilerplate": 1},
    }


@pytest.mark.parametrize(
    ("source_id", "line_part", "zone"),
    [
        ("000_edd6372c16f6ed30", "Esper: US Prepared to Take ‘Preemptive’ Action", "title"),
        ("000_edd6372c16f6ed30", "VOA – PENTAGON – The U.S. is prepared", "body"),
        ("001_afea424f09279a13", "U.S. sees signs Iran or proxies may be planning", "title"),
        ("001_afea424f09279a13", "December 29, 2019. REUTERS/Tom Brenner", "caption"),
        ("001_afea424f09279a13", "Idrees Ali", "byline"),
        ("001_afea424f09279a13", "Subcribe to The Jewish Link Eblast", "boilerplate"),
        ("001_afea424f09279a13", "Please enter your comment!", "boilerplate"),
        ("001_afea424f09279a13", "Please enter your name here", "boilerplate"),
        ("001_afea424f09279a13", "“Thirty-one rockets aren’t designed", "body"),
        ("002_9fabdbfc018b01bd", "After Embassy Attack, U.S. Is Prepared", "title"),
        ("002_9fabdbfc018b01bd", "Source link", "boilerplate"),
        ("003_e9f666795fe02b3a", "By Idrees Ali", "byline"),
        ("003_e9f666795fe02b3a", "REUTERS/Khalid al-Mousily", "caption"),
        ("003_e9f666795fe02b3a", "General Mark Milley. REUTERS./", "caption"),
        ("003_e9f666795fe02b3a", "January 1, 2020. REUTERS/Jonathan Drake", "caption"),
        ("003_e9f666795fe02b3a", "(Reporting by Idrees Ali Editing by Chizu Nomiyama", "credit"),
        ("003_e9f666795fe02b3a", "WASHINGTON, Jan 2 (Reuters) –", "body"),
        ("004_60b090ac82928ee7", "US defense secretary’s claim follows an attempt", "title"),
        ("004_60b090ac82928ee7", "December 29, 2019. (Nicholas Kamm/AFP)", "caption"),
        ("004_60b090ac82928ee7", "As reported by The Times of Israel", "boilerplate"),
    ],
)
def test_zone_of_known_seed_lines(
    seed_texts: dict[str, str], source_id: str, line_part: str, zone: str
) -> None:
    text = seed_texts[source_id]
    zones = {zone for start, end, zone in iter_lines(text) if line_part in text[start:end]}
    assert zones == {zone}


def test_first_line_is_the_title_unless_it_is_a_byline(seed_texts: dict[str, str]) -> None:
    first_zones = {sid: next(iter_lines(seed_texts[sid]))[2] for sid in SEED_IDS}
    assert first_zones == {
        "000_edd6372c16f6ed30": "title",
        "001_afea424f09279a13": "title",
        "002_9fabdbfc018b01bd": "title",
        "003_e9f666795fe02b3a": "byline",
        "004_60b090ac82928ee7": "title",
    }


def test_claim_zones() -> None:
    assert frozenset({"body", "title"}) == CLAIM_ZONES


# --- lines and zones -----------------------------------------------------------------------


def test_iter_lines_skips_blank_lines_and_trims_spaces() -> None:
    text = "  Title here \r\n\r\n\u00a0\n\tBody line one.  \nLast"
    lines = [(s, e, text[s:e], z) for s, e, z in iter_lines(text)]
    assert lines == [
        (2, 12, "Title here", "title"),
        (20, 34, "Body line one.", "body"),
        (37, 41, "Last", "body"),
    ]


@pytest.mark.parametrize(
    ("line", "zone"),
    [
        # captions and photo credits
        ("A man walks past a wall. REUTERS/Tom Brenner", "caption"),
        ("Protesters in Baghdad. REUTERS/Khalid al-Mousily", "caption"),
        ("Officials at a briefing. REUTERS/Juan de la Cruz", "caption"),
        ("Esper speaks onstage. (Nicholas Kamm/AFP)", "caption"),
        ("Marines guard the embassy. (AP Photo/Khalid Mohammed)", "caption"),
        ("Smoke rises over the city. Photo: Hadi Mizban", "caption"),
        ("A crowd gathers (Getty Images)", "caption"),
        # credits and bylines
        ("(Reporting by Idrees Ali; Editing by David Gregorio)", "credit"),
        ("Additional reporting by Phil Stewart", "credit"),
        ("By Idrees Ali", "byline"),
        ("By Helene Cooper and Eric Schmitt", "byline"),
        ("Idrees Ali", "byline"),
        # boilerplate
        ("Please enter your comment!", "boilerplate"),
        ("Source link", "boilerplate"),
        ("Subscribe to our daily briefing", "boilerplate"),
        ("Subcribe to The Jewish Link Eblast", "boilerplate"),
        ("As reported by The Times of Israel", "boilerplate"),
        ("Sign up for our daily newsletter", "boilerplate"),
        ("Get the Morning Brief newsletter in your inbox", "boilerplate"),
        ("Related coverage:", "boilerplate"),
        ("Recommended for you", "boilerplate"),
        ("Advertisement", "boilerplate"),
        ("Copyright 2020 Reuters", "boilerplate"),
        ("© 2020 The Times of Israel", "boilerplate"),
        ("Comments", "boilerplate"),
        # a line holding only a date
        ("Thursday, January 2, 2020", "dateline"),
        ("2020-01-02", "dateline"),
        # reporting about the event stays in the body
        ("The Pentagon has deployed an additional 750 soldiers to Kuwait.", "body"),
        ("WASHINGTON — The United States military will strike.", "body"),
        ("The game has changed, Esper said.", "body"),
        # body lines that only look like boilerplate or captions
        ("Some 2,000 troops patrol the US/Mexico border.", "body"),
        ("Troops were sent to the US/Mexico border", "body"),
        ("The company said in its newsletter that 300 people were laid off.", "body"),
        ("Recommended doses were raised to 40 mg.", "body"),
        ("Copyright lawsuits rose by 12 percent last year.", "body"),
        ("Advertisement spending fell 5 percent in December.", "body"),
    ],
)
def test_line_zone(line: str, zone: str) -> None:
    assert line_zone(line, is_first=False) == zone


@pytest.mark.parametrize(
    ("line", "zone"),
    [
        ("Esper: US Prepared to Take Action", "title"),
        ("By Idrees Ali", "byline"),
        ("Please enter your comment!", "boilerplate"),
        ("January 2, 2020", "dateline"),
    ],
)
def test_line_zone_of_a_first_line(line: str, zone: str) -> None:
    assert line_zone(line, is_first=True) == zone


# --- sentence splitting --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("The U.S. is prepared to act.", ["The U.S. is prepared to act."]),
        (
            "U.S. Defense Secretary Mark Esper said so.",
            ["U.S. Defense Secretary Mark Esper said so."],
        ),
        ("Standing next to Mr. Esper, he spoke.", ["Standing next to Mr. Esper, he spoke."]),
        ("Defense Secretary Mark T. Esper said.", ["Defense Secretary Mark T. Esper said."]),
        ("It happened on Jan. 2 in Baghdad.", ["It happened on Jan. 2 in Baghdad."]),
        ("Gen. Mark A. Milley and Dr. Smith met.", ["Gen. Mark A. Milley and Dr. Smith met."]),
        ("They met at 5 p.m. Thursday.", ["They met at 5 p.m. Thursday."]),
        ("It was 3.5 percent.", ["It was 3.5 percent."]),
        (
            "He lives in the U.S. The next day he left.",
            ["He lives in the U.S.", "The next day he left."],
        ),
        (
            "Forces left the U.N. In Baghdad it was calm.",
            ["Forces left the U.N.", "In Baghdad it was calm."],
        ),
        ("One. Two! Three? Four.", ["One.", "Two!", "Three?", "Four."]),
        ("It rose in 2019. Then it fell.", ["It rose in 2019.", "Then it fell."]),
        ("The war ended. 750 troops left.", ["The war ended.", "750 troops left."]),
        (
            "“We know that for certain.” He said so.",
            ["“We know that for certain.”", "He said so."],
        ),
        ("“Be logical. … The people hate it.”", ["“Be logical. …", "The people hate it.”"]),
        ("He said: (Yes.) Then left.", ["He said: (Yes.)", "Then left."]),
        ("It was calm.   Then it was not.", ["It was calm.", "Then it was not."]),
        ("no final stop", ["no final stop"]),
        ("Ends with a lowercase word. and goes on", ["Ends with a lowercase word. and goes on"]),
    ],
)
def test_split_sentences(line: str, expected: list[str]) -> None:
    assert split(line) == expected


def test_split_sentences_offsets_are_into_the_whole_text() -> None:
    text = "Title\r\nFirst one. Second one.\r\n"
    start = text.index("First")
    end = text.index("\r\n", start)
    spans = list(split_sentences(text, start, end))
    assert spans == [(7, 17), (18, 29)]
    assert [text[s:e] for s, e in spans] == ["First one.", "Second one."]


def test_sentences_of_a_crlf_text() -> None:
    text = "A title\r\n\r\nBy Jane Doe\r\n\r\nHe said 750. Mr. Esper left.\r\nSource link\r\n"
    assert sentences(text) == [
        Sentence(0, 7, "A title", "title"),
        Sentence(11, 22, "By Jane Doe", "byline"),
        Sentence(26, 38, "He said 750.", "body"),
        Sentence(39, 54, "Mr. Esper left.", "body"),
        Sentence(56, 67, "Source link", "boilerplate"),
    ]


PIECES = st.sampled_from(
    [*"aZ7 .!?…\r\n\t\u00a0“”\"'()", "Mr. ", "U.S. ", "Jan. 2", " The ", "REUTERS/Tom", "By "]
)


@settings(max_examples=500, deadline=None)
@given(st.lists(PIECES, max_size=40).map("".join))
def test_offsets_hold_for_any_text(text: str) -> None:
    for sentence in sentences(text):
        assert text[sentence.start : sentence.end] == sentence.text
        assert sentence.text and sentence.text == sentence.text.strip()
        assert "\n" not in sentence.text and "\r" not in sentence.text
