"""Date claims: absolute dates, weekdays and relative dates, resolved where the article allows.

Every zone but boilerplate yields date claims, each carrying its zone, so that dates in
captions and bylines stay apart from the dates of events. A mention gets a ``date_value``
only from what the article itself fixes: a date written in full, or a relative one resolved
against the article's reference date, which is ``Source.published`` when given, else the
article's own dateline (a dateline line such as "Tuesday, July 12, 2005", or a wire dateline
"WASHINGTON, Jan 2 (Reuters) –" with the year from the article's other full dates). Captions
never set the reference date. Conventions: ``tests/gold/CONVENTIONS.md``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from email.utils import parsedate_to_datetime
from itertools import pairwise

from factcheck.claims import Claim
from factcheck.corpus import Source
from factcheck.extract.calendar import (
    WEEKDAYS,
    Resolved,
    date_on_weekday,
    full_date,
    nearest_year,
    resolve,
    safe_date,
)
from factcheck.extract.datewords import Mention, find_mentions
from factcheck.extract.events import DATELINE_EVENT, event_phrase
from factcheck.text import Sentence

SKIPPED_ZONES = frozenset({"boilerplate"})
_ISO_PREFIX = re.compile(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})")
#: "WASHINGTON, Jan 2 (Reuters) –", "LONDON, July 7, 2005 (AP) -": place, date, credit, dash.
_WIRE_DATELINE = re.compile(
    r"[A-Z][A-Za-z.'’ -]{1,40},\s+(?P<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,?\s+\d{4})?)"
    r"\s*(?:\([^()]{1,40}\)\s*)?[-–—]"
)
_WEEKDAY_JOIN = re.compile(r",?\s*")
_WIRE_LINES = 8  # a wire dateline opens one of the article's first lines


def date_claims(source: Source, sentences: list[Sentence]) -> Iterator[Claim]:
    """The date claims of one source, from every zone except boilerplate."""
    found = [(s, find_mentions(s.text)) for s in sentences if s.zone not in SKIPPED_ZONES]
    reference = reference_date(source, found)
    for sentence, mentions in found:
        resolved = _join_weekdays(sentence.text, mentions, reference)
        for mention, (value, weekday) in zip(mentions, resolved, strict=True):
            start, end = sentence.start + mention.start, sentence.start + mention.end
            event = (
                DATELINE_EVENT
                if sentence.zone == "dateline"
                else event_phrase(sentence.text, mention.start, mention.end)
            )
            yield Claim(
                source.cluster_id, source.source_id, "date", start, end,
                source.text[start:end], sentence.text, sentence.zone, date_value=value,
                weekday=weekday, event=event,
            )  # fmt: skip


def _join_weekdays(text: str, mentions: list[Mention], reference: date | None) -> list[Resolved]:
    """Resolve every mention; a weekday written just before a date ("Tuesday, July 12, 2005",
    "Sunday, January 23") shares its value, the weekday choosing the year when none is
    written."""
    resolved = [resolve(m.when, reference) for m in mentions]
    for index, (mention, following) in enumerate(pairwise(mentions)):
        weekday, when = mention.when.weekday, following.when
        joined = _WEEKDAY_JOIN.fullmatch(text, mention.end, following.start) is not None
        if mention.when.rule != "weekday" or weekday is None or when.rule != "date" or not joined:
            continue
        day = full_date(when)
        if day is None and reference is not None and when.year is None:
            day = date_on_weekday(when.month or 0, when.day or 0, weekday, reference)
            if day is not None:
                resolved[index + 1] = (day.isoformat(), WEEKDAYS[day.weekday()])
        if day is not None:
            resolved[index] = (day.isoformat(), resolved[index][1])
    return resolved


def reference_date(source: Source, found: list[tuple[Sentence, list[Mention]]]) -> date | None:
    """The date the article speaks from: ``published``, else its dateline, else None."""
    if source.published:
        published = parse_published(source.published)
        if published is not None:
            return published
    for sentence, mentions in found:
        if sentence.zone == "dateline":
            for mention in mentions:
                day = full_date(mention.when)
                if day is not None:
                    return day
    return _opening_dateline(source.text, found)


def _opening_dateline(text: str, found: list[tuple[Sentence, list[Mention]]]) -> date | None:
    """A dateline opening one of the first lines: "WASHINGTON, Jan 2 (Reuters) –" (the year
    from the article's full dates), or a full date run into the first paragraph ("Saturday,
    March 26, 2005 Up to four times ...")."""
    line_starts = [(s, ms) for s, ms in found if _starts_line(text, s.start)]
    for sentence, mentions in line_starts[:_WIRE_LINES]:
        if sentence.zone == "caption":
            continue
        wire = _WIRE_DATELINE.match(sentence.text)
        if wire is not None:
            return _wire_date(wire.group("date"), found)
        if len(mentions) > 1 and mentions[0].start == 0 and mentions[0].when.rule == "weekday":
            day = full_date(mentions[1].when)
            if day is not None and _WEEKDAY_JOIN.fullmatch(
                sentence.text, mentions[0].end, mentions[1].start
            ):
                return day
    return None


def _starts_line(text: str, start: int) -> bool:
    line_start = max(text.rfind("\n", 0, start), text.rfind("\r", 0, start)) + 1
    return not text[line_start:start].strip()


def _wire_date(words: str, found: list[tuple[Sentence, list[Mention]]]) -> date | None:
    for mention in find_mentions(words):
        when = mention.when
        if when.rule != "date" or when.month is None or when.day is None:
            continue
        if when.year is not None:
            return safe_date(when.year, when.month, when.day)
        anchors = [d for _, ms in found for m in ms if (d := full_date(m.when)) is not None]
        return nearest_year(when.month, when.day, anchors)
    return None


def parse_published(text: str) -> date | None:
    """ "2020-01-02", "2020-01-02T10:00:00Z", "Thu, 02 Jan 2020 10:00:00 GMT", "January 2,
    2020"; None when the text is not a date."""
    iso = _ISO_PREFIX.match(text)
    if iso:
        return safe_date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
    try:
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError, OverflowError):
        pass
    for mention in find_mentions(text):
        day = full_date(mention.when)
        if day is not None:
            return day
    return None
