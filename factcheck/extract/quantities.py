"""Quantity claims: numbers with their hedges, intervals, units or counted nouns.

The scanner reads every sentence of a claim zone (see :mod:`factcheck.text`) and keeps a
number only when it is a quantity: not a year, a calendar date, a clock time, an ordinal,
an identifier (phone, section or model number), an age adjective ("25-year-old"), a
relative date ("two days after", "last week": those belong to the date extractor), or the
article "a"/"an". Physical units and currencies come from quantulum3's catalogue
(:mod:`factcheck.extract.units`); for counts, the counted noun is the unit.
"""

from __future__ import annotations

import math
import re
import sys
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass

from factcheck.claims import Claim
from factcheck.corpus import Source
from factcheck.extract import phrases
from factcheck.extract.hedges import HEDGE_BEFORE, Hedge, hedge_for, hedged_interval
from factcheck.extract.lexicon import PAST_FORMS
from factcheck.extract.numbers import (
    ARTICLE_AMOUNTS,
    DIGIT_NUMBER,
    SCALE_ABBREVIATIONS,
    SCALE_WORDS,
    TENS_WORDS,
    UNITS_WORDS,
    VAGUE_AMOUNTS,
    WORD_NUMBER,
    parse_digits,
    parse_word_number,
)
from factcheck.extract.units import PREFIX_CURRENCIES, UnitMatch, match_unit
from factcheck.text import CLAIM_ZONES, MAX_CLAIMS_PER_SENTENCE, Sentence

_VAGUE = "|".join(re.escape(v).replace(r"\ ", r"\s+") for v in sorted(VAGUE_AMOUNTS, key=len)[::-1])
_ARTICLE = "|".join(a.replace(" ", r"\s+") for a in ARTICLE_AMOUNTS)
NUMBER = re.compile(
    rf"""(?P<currency>US\$|\$|€|£|¥)?\s?
    (?:(?<![\w-])(?P<vague>{_VAGUE})(?!\w)
      |(?<![\w-])(?P<article>{_ARTICLE})(?!\w)
      |(?<![\w.,/:])(?P<digits>{DIGIT_NUMBER})
      |(?<![\w-])(?P<words>{WORD_NUMBER})(?![\w]))
    (?:[\s-](?P<scale>hundred|thousand|million|billion|trillion)(?!\w)
      |(?P<abbr>bn|mn|mln|m|k|b|tn)(?![\w]))?""",
    re.I | re.X,
)
_RANGE_TAIL = re.compile(
    rf"\s*(?P<joint>-|–|—|to|or|and)\s*(?P<second>{DIGIT_NUMBER}|{WORD_NUMBER})(?![\w])"
    r"(?:[\s-](?P<scale>hundred|thousand|million|billion|trillion)(?!\w))?",
    re.I,
)
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
#: Spans whose numbers are never quantities: dates, times, phone numbers, IP addresses.
NOT_QUANTITY = re.compile(
    rf"""\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?(?!\d)
    |\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?:,?\s+\d{{4}})?
    |\b{_MONTH}\s+\d{{4}}\b
    |\b\d{{1,4}}[/.-]\d{{1,2}}[/.-]\d{{1,4}}\b|\b\d{{1,2}}/(?!(?:2|3|4|8|16)\b)\d{{1,2}}\b
    |\b\d{{1,2}}:\d{{2}}(?:\s?[ap]\.?m\.?)?(?!\d)|\b\d{{1,2}}\.\d{{2}}\s?[ap]\.?m\b
    |\b\d{{1,2}}\s?[ap]\.m\.|\b\d{{1,2}}\s?[ap]m\b
    |\b\d{{3,4}}\s?(?:GMT|UTC|hours|hrs)\b|\b\d{{1,2}}\s?o['’]clock
    |\+?\(?\d{{2,4}}\)?[\s.-]\d{{3,4}}[\s.-]\d{{3,4}}\b
    |\b\d{{1,3}}(?:\.\d{{1,3}}){{3}}\b
    |\b\d{{4}}s\b|['’]\d0s\b|\bhttps?://\S+|\bwww\.\S+""",
    re.I | re.X,
)
_IDENTIFIER_BEFORE = re.compile(
    r"(?:\b(?:No|Nos|Number|Section|Article|Resolution|Chapter|Flight|Route|Highway|Room|"
    r"Paragraph|Amendment|Phase|Category|Level|Model|Version|Boeing|Airbus|Windows|Apollo|"
    r"Channel|Gate|Terminal|Platform|Precinct|District|Ward|Bill|Box|page|pp?|vol|Proposition|"
    r"Prop|Interstate|Exit|Suite|Apt|Grade|Class|Stage|Game|Round|Act|Law|Code|Rule|Item|"
    r"Figure|Table|Protocol|Order|Decree|Regulation|Part)\.?\s+#?|[A-Za-z]-|[A-Za-z]|#)$"
)
_ORDINAL_AFTER = re.compile(r"(?:st|nd|rd|th)\b", re.I)
_AGE_ADJECTIVE = re.compile(r"-(?:year|month|week|day)s?-old\b", re.I)
_HYPHEN_UNIT = re.compile(r"-([A-Za-z]+)\b")
_RELATIVE_BEFORE = re.compile(
    r"\b(?:past|last|next|coming|previous|following|first|final|recent|within\s+the)\s+$", re.I
)
_RELATIVE_AFTER = re.compile(
    r"^\s*(?:ago|after|before|later|earlier|from\s+now|since|prior|beforehand|afterwards)\b",
    re.I,
)
_PARTITIVE_ONE = re.compile(r"^\s+(?:of|another|anothers?|by\s+one)\b", re.I)
_ONE_PRONOUN_BEFORE = re.compile(r"\b(?:no|the|any|each|every|this|that|which|some)\s+$", re.I)
_YEAR = re.compile(r"1[5-9]\d\d|20\d\d")
_NEGATIVE_BEFORE = re.compile(r"(?:[-−]|\bminus)\s?$", re.I)
# "from"/"between" just before a range: searched in a window, not the whole sentence before
_FROM_BEFORE = re.compile(r"\bfrom\s+$", re.I)
_BETWEEN_BEFORE = re.compile(r"\bbetween\s+$", re.I)
_RANGE_WORD_WINDOW = 40
_TIME_ENTITY = "time"


@dataclass(frozen=True)
class QuantityMatch:
    """A quantity found in a piece of text; offsets are relative to that text."""

    start: int
    end: int
    value: float
    low: float
    high: float
    approx: str
    hedge: str | None
    unit: str | None
    subject: str | None
    predicate: str | None
    dimension: str | None = None  # "count", or the unit's kind: "length", "currency", "time"...


@dataclass(frozen=True)
class _Amount:
    """The number itself: where it is, its value and the interval its wording allows."""

    start: int
    end: int
    value: float
    low: float
    high: float
    words: str | None  # words that make the amount vague: "several hundred", "or", "between"
    spelled: bool  # written in words, not digits
    vague: bool  # a vague amount or a range
    currency: str | None
    year_like: bool


def find_quantities(text: str) -> list[QuantityMatch]:
    """All quantities in ``text`` (a sentence, or any short text), left to right."""
    if not _may_hold_number(text):
        return []
    blocked = _Blocked(text)
    found: list[QuantityMatch] = []
    position = 0
    for match in NUMBER.finditer(text):
        if len(found) == MAX_CLAIMS_PER_SENTENCE:
            break
        number_start = match.start(_kind(match))
        if number_start < position or blocked.covers(number_start):
            continue
        quantity, consumed = _read_quantity(text, match)
        if quantity is not None:
            found.append(quantity)
        position = max(consumed, quantity.end if quantity else 0)
    return found


_DIGIT = re.compile(r"\d")
#: Characters that match ASCII letters under re.IGNORECASE: İ ı ſ and the Kelvin sign.
_CASE_FOLDING = re.compile("[\u0130\u0131\u017f\u212a]")
#: One word of every amount in words: a match of :data:`NUMBER` holds a digit or one of them.
_NUMBER_HINTS = tuple(
    sorted(
        {*UNITS_WORDS, *TENS_WORDS}
        | {max(phrase.split(), key=len) for phrase in [*VAGUE_AMOUNTS, *ARTICLE_AMOUNTS]}
    )
)


def _may_hold_number(text: str) -> bool:
    """False only when :data:`NUMBER` cannot match: scanning with it costs far more."""
    if _DIGIT.search(text) or _CASE_FOLDING.search(text):
        return True
    lower = text.lower()
    return any(word in lower for word in _NUMBER_HINTS)


def _has_digit(text: str) -> bool:
    """Any character ``str.isdigit`` takes ("²" too); the regex first, as it is quicker."""
    return bool(_DIGIT.search(text)) or (not text.isascii() and any(ch.isdigit() for ch in text))


class _Blocked:
    """The spans of :data:`NOT_QUANTITY` in a text, found only as far as they are asked for.

    ``finditer`` yields spans by their start, so the spans that can cover a position are all
    found once a span starts after it; the rest of the text is never scanned.
    """

    def __init__(self, text: str) -> None:
        self._spans: deque[tuple[int, int]] = deque()
        self._next = NOT_QUANTITY.finditer(text) if _has_digit(text) else iter(())
        self._reached = -1  # every span starting at or before this is in _spans

    def covers(self, position: int) -> bool:
        """Whether a span covers ``position``; positions must be asked in increasing order."""
        while self._reached < position:
            match = next(self._next, None)
            if match is None:
                self._reached = sys.maxsize
                break
            self._spans.append(match.span())
            self._reached = match.start()
        # spans do not overlap, so they end in the order they start: drop those left behind
        while self._spans and self._spans[0][1] <= position:
            self._spans.popleft()
        return any(a <= position < b for a, b in self._spans)


def _read_quantity(text: str, match: re.Match[str]) -> tuple[QuantityMatch | None, int]:
    """The quantity at ``match`` (or None), and how far the text was read."""
    amount = _amount(text, match)
    if amount is None or not _finite(amount) or _is_not_a_quantity(text, amount):
        return None, match.end()
    return _quantity(text, amount), amount.end


def _finite(amount: _Amount) -> bool:
    """False for numbers beyond a float ("1" written 400 times reads as infinity): no claim
    can be checked against them, and infinities and NaN would poison every comparison."""
    return all(math.isfinite(x) for x in (amount.low, amount.value, amount.high))


def _quantity(text: str, amount: _Amount) -> QuantityMatch | None:
    after = text[amount.end :]
    unit = _unit_after(after, amount)
    if (
        unit
        and unit.entity == "time"
        and _is_relative_date(text, amount.start, after[unit.length :])
    ):
        return None
    if unit is None and amount.currency:
        unit = UnitMatch(PREFIX_CURRENCIES[amount.currency], "currency", 0)
    phrase = None
    if unit is None:
        partitive_one = amount.spelled and amount.value == 1
        phrase = phrases.noun_phrase(after, skip_of=not partitive_one)
    end = amount.end + (unit.length if unit else phrase.end if phrase else 0)
    hedge, start = _hedge_before(text, amount.start)
    verb_before = phrases.predicate_before(text[:start])
    predicate = verb_before or phrases.predicate_after(text[:start], text[end:])
    if unit:
        unit_name: str | None = unit.name
    elif phrase:
        unit_name = phrases.counted_unit(phrase)
    elif predicate and predicate[0] in phrases.HUMAN_PREDICATES:
        unit_name = "person"
    else:
        unit_name = None
    if not _keep(text, amount, unit is not None, phrase, unit_name, verb_before is not None):
        return None
    low, high = hedged_interval(hedge, amount.low, amount.high)
    approx = hedge.approx if hedge else ("~" if amount.vague else "=")
    hedge_words = " ".join(w for w in (hedge.words if hedge else None, amount.words) if w)
    subject = _subject(text[end:], phrase, unit_name, unit is not None, predicate)
    dimension = unit.entity if unit else ("count" if unit_name else None)
    return QuantityMatch(
        start, end, amount.value, low, high, approx, hedge_words or None, unit_name, subject,
        predicate[0] if predicate else None, dimension,
    )  # fmt: skip


def _amount(text: str, match: re.Match[str]) -> _Amount | None:
    groups = match.groupdict()
    currency = groups["currency"]
    kind = _kind(match)
    start = match.start() if currency else match.start(kind)
    end = match.end()
    scale = SCALE_WORDS.get((groups["scale"] or "").lower(), 1.0)
    abbreviation = (groups["abbr"] or "").lower()
    if abbreviation:
        # "$5bn", "40k": a scale only after a currency or written onto the number
        if currency or match.start("abbr") == match.end(kind):
            scale = SCALE_ABBREVIATIONS[abbreviation]
        else:
            end = match.end(kind)
    if kind == "vague":
        words = re.sub(r"\s+", " ", groups["vague"].lower())
        low, value, high = (bound * scale for bound in VAGUE_AMOUNTS[words])
        return _Amount(start, end, value, low, high, groups["vague"], False, True, currency, False)
    if kind == "article":
        value = ARTICLE_AMOUNTS[re.sub(r"\s+", " ", groups["article"].lower())] * scale
        return _Amount(start, end, value, value, value, None, True, False, currency, False)
    raw = groups[kind]
    first = parse_digits(raw) if kind == "digits" else parse_word_number(raw)
    if first is None:
        return None
    ranged = _range(text, start, end, first, scale, kind)
    if ranged is not None:
        r_start, r_end, low, high, joint = ranged
        middle = (low + high) / 2
        return _Amount(
            r_start, r_end, middle, low, high, joint, kind == "words", True, currency, False
        )
    year_like = kind == "digits" and bool(_YEAR.fullmatch(raw)) and scale == 1.0 and not currency
    window = max(0, start - 6)
    sign = _NEGATIVE_BEFORE.search(text[window:start])
    if sign is not None:
        sign_at = window + sign.start()
        if sign_at == 0 or text[sign_at - 1] in " \t(":  # "-5", not "C-17" or "5-10"
            start, first = sign_at, -first
    value = first * scale
    return _Amount(
        start, end, value, value, value, None, kind == "words", False, currency, year_like
    )


VAGUE_WORDS = frozenset(VAGUE_AMOUNTS)


def _kind(match: re.Match[str]) -> str:
    return next(g for g in ("vague", "article", "digits", "words") if match.group(g))


def _range(
    text: str, start: int, end: int, first: float, scale: float, kind: str
) -> tuple[int, int, float, float, str] | None:
    """ "two or three", "5 to 10", "between 2 and 3 million": (start, end, low, high, joint)."""
    tail = _RANGE_TAIL.match(text, end)
    if tail is None:
        return None
    second_raw = tail.group("second")
    if second_raw[0].isdigit() != (kind == "digits"):
        return None
    second = parse_digits(second_raw) if kind == "digits" else parse_word_number(second_raw)
    joint = tail.group("joint").lower()
    window = max(0, start - _RANGE_WORD_WINDOW)
    if second is None or _FROM_BEFORE.search(text, window, start):
        return None  # "rose from 5 to 10" is a change, not a range
    if joint == "and":
        between = _BETWEEN_BEFORE.search(text, window, start)
        if between is None:
            return None
        start, joint = between.start(), "between"
    second_scale = SCALE_WORDS.get((tail.group("scale") or "").lower())
    if second_scale and scale == 1.0 and first < second:
        scale = second_scale  # "between 2 and 3 million"
    low, high = first * scale, second * (second_scale or scale)
    if not low < high or (_YEAR.fullmatch(second_raw) and _YEAR.fullmatch(str(int(first)))):
        return None
    return start, tail.end(), low, high, joint


def _is_not_a_quantity(text: str, amount: _Amount) -> bool:
    """Identifiers, ordinals and age adjectives."""
    after = text[amount.end :]
    if amount.currency is None and not amount.spelled and not amount.vague:
        if _IDENTIFIER_BEFORE.search(text[max(0, amount.start - 16) : amount.start]):
            return True
        if _ORDINAL_AFTER.match(after):
            return True
    return bool(_AGE_ADJECTIVE.match(after))


def _unit_after(after: str, amount: _Amount) -> UnitMatch | None:
    hyphenated = _HYPHEN_UNIT.match(after)
    if hyphenated:  # "two-day", "10-mile"
        unit = match_unit(after[1:], attached=True)
        return UnitMatch(unit.name, unit.entity, unit.length + 1) if unit else None
    if after.startswith((" of ", " of\n")) and amount.vague:  # "thousands of dollars"
        unit = match_unit(after[3:], attached=False)
        return UnitMatch(unit.name, unit.entity, unit.length + 3) if unit else None
    return match_unit(after, attached=bool(after) and not after[0].isspace())


def _is_relative_date(text: str, start: int, after_unit: str) -> bool:
    """ "two days after", "the past several months": dates, for the date extractor."""
    return bool(_RELATIVE_BEFORE.search(text[max(0, start - 30) : start])) or bool(
        _RELATIVE_AFTER.match(after_unit)
    )


def _hedge_before(text: str, start: int) -> tuple[Hedge | None, int]:
    window_start = max(0, start - 32)
    found = HEDGE_BEFORE.search(text[window_start:start])
    if found is None:
        return None, start
    return hedge_for(found.group(1)), window_start + found.start(1)


def _keep(
    text: str, amount: _Amount, has_unit: bool, phrase: phrases.NounPhrase | None,
    unit_name: str | None, has_verb_before: bool,
) -> bool:  # fmt: skip
    """Drop years, pronoun "one", and bare words that count nothing."""
    if has_unit:
        return True
    if amount.year_like and (phrase is None or not has_verb_before):
        return False  # "1988 sales", "the 2016 campaign"; but "sent 2000 troops"
    if phrase is not None and amount.value != 1 and not phrases.is_plural(phrase.head):
        return False  # "123 Random Street", "the 486 chip": a name, not a count
    if amount.spelled and amount.value == 1 and not amount.vague:
        before = text[max(0, amount.start - 12) : amount.start]
        after = text[amount.end :]
        if phrase is None or _PARTITIVE_ONE.match(after) or _ONE_PRONOUN_BEFORE.search(before):
            return False
    vague_words = re.sub(r"\s+", " ", (amount.words or "").lower())
    if (amount.spelled or vague_words in VAGUE_WORDS) and phrase is None:
        return unit_name == "person"  # "Thousands gathered"; but not "the two met"
    return True


def _subject(
    after: str, phrase: phrases.NounPhrase | None, unit_name: str | None, has_unit: bool,
    predicate: tuple[str, str] | None,
) -> str | None:  # fmt: skip
    """A few words on what is counted: "troops sent to Kuwait", "people killed"."""
    rest = after
    if phrase is not None:
        noun: str | None = " ".join(phrase.words)
    elif has_unit:
        of_phrase = re.match(r"\s+of\s+((?:the\s+)?[A-Za-z][\w'’-]*)", after)
        noun = of_phrase.group(1) if of_phrase else None
        rest = after[of_phrase.end() :] if of_phrase else after
    else:
        noun = "people" if unit_name == "person" else None
    past = predicate[1] if predicate and predicate[1].lower() in PAST_FORMS else None
    parts = [noun, past, phrases.prepositional_phrase(rest)]
    return " ".join(p for p in parts if p) or None


def quantity_claims(source: Source, sentences: list[Sentence]) -> Iterator[Claim]:
    """The quantity claims of one source, from the sentences of its claim zones."""
    for sentence in sentences:
        if sentence.zone not in CLAIM_ZONES:
            continue
        for q in find_quantities(sentence.text):
            start, end = sentence.start + q.start, sentence.start + q.end
            yield Claim(
                source.cluster_id, source.source_id, "quantity", start, end,
                source.text[start:end], sentence.text, sentence.zone, value=q.value, low=q.low,
                high=q.high, approx=q.approx, hedge=q.hedge, unit=q.unit, subject=q.subject,
                predicate=q.predicate,
            )  # fmt: skip
