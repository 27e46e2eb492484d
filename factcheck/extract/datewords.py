"""Finding date mentions in a sentence: absolute dates, weekdays and relative expressions.

One precompiled pattern finds every candidate left to right; each alternative is a named
group, read by a small function into a :class:`~factcheck.extract.calendar.When` (what the
words say) and a span that follows ``tests/gold/CONVENTIONS.md``: ``on`` belongs to a
weekday (``on Thursday``), ``since`` to whatever it governs (``since at least October``),
``in`` to a lone month or year (``in July``, ``in 2020``), and absolute dates stand without
their preposition. Durations ("two days of protests", "for months"), clock times, ages and
"in years" are not mentions: nothing in the pattern reads them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from factcheck.extract.calendar import HOLIDAYS, MONTHS, VAGUE, WEEKDAY_INDEX, When
from factcheck.extract.numbers import TENS_WORDS, UNITS_WORDS, parse_word_number

_MONTH_NAMES = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
)
_MONTH = rf"(?:{_MONTH_NAMES}|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?)(?![\w-])"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\w|[.:,]\d)"
_YEAR = r"(?:1[6-9]\d\d|20\d\d)(?![\da-z_]|[.,:]\d)"  # "2005Through": glued text
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?!\w)"
_COUNT = "|".join([*sorted([*UNITS_WORDS, *TENS_WORDS], key=len, reverse=True), r"an?", r"\d{1,3}"])
_PART = r"(?:morning|afternoon|evening|night)"
_CLOSE = r"(?=\s*(?:[,.;:!?)—–\"”]|$))"  # the expression ends its phrase

DATE_PATTERN = re.compile(
    rf"""(?<![\w'’])
    (?P<pre>(?i:(?:at\s+least\s+)?since\s+(?:at\s+least\s+)?|in\s+|on\s+))?
    (?:(?P<anniv>(?i:this\s+day\s+(?:last\s+year|(?P<anniv_n>{_COUNT})\s+years?\s+ago))(?!\w))
    |(?P<offset>(?:(?i:(?:less|more|fewer)\s+than|nearly|almost|about|roughly|barely)\s+)?
        (?:(?P<off_n>(?i:{_COUNT}))\s+)?(?P<off_unit>(?i:day|week|month|year|decade)s?)\s+
        (?P<off_dir>(?i:ago|after|before|earlier|later|on{_CLOSE}))(?!\w))
    |(?P<md>(?P<md_m>{_MONTH})\s+(?P<md_d>{_DAY})(?:,?\s+(?P<md_y>{_YEAR}))?)
    |(?P<dm>(?<![\d.,:/-])(?P<dm_d>{_DAY})\s+(?:of\s+)?(?P<dm_m>{_MONTH})(?:,?\s+(?P<dm_y>{_YEAR}))?)
    |(?P<my>(?P<my_m>{_MONTH})\s+(?:of\s+)?(?P<my_y>{_YEAR}))
    |(?P<iso>(?<![\d.,:/-])(?P<iso_y>1[6-9]\d\d|20\d\d)(?P<sep>[-/.])(?P<iso_m>1[0-2]|0?[1-9])
        (?P=sep)(?P<iso_d>3[01]|[12]\d|0?[1-9])(?![\w/]|[.,:-]\d))
    |(?P<num>(?<![\d.,:/-])(?P<num_a>\d{{1,2}})/(?P<num_b>\d{{1,2}})(?:/(?P<num_y>\d{{4}}|\d{{2}}))?
        (?![\w/%]|[.,:]\d))
    |(?P<wd>(?:(?P<wd_rel>(?i:last|this|next|past))\s+)?(?P<wd_day>{_WEEKDAY})
        (?:\s+(?i:{_PART}|overnight)(?!\w))?)
    |(?P<hol>(?P<hol_name>New\s+Year['’]s\s+(?:Eve|Day)|Christmas\s+(?:Eve|Day)|Boxing\s+Day
        |Valentine['’]s\s+Day|Hallowe['’]?en)(?:,?\s+(?P<hol_y>{_YEAR}))?(?!\w))
    |(?P<deictic>(?i:(?:earlier|later)\s+today|today|tonight|last\s+night
        |(?:yesterday|tomorrow)(?:\s+{_PART})?|this\s+{_PART})(?!\w))
    |(?P<inday>(?i:(?:earlier|later)\s+in\s+the\s+(?P<inday_unit>day|week|month|year))(?!\w))
    |(?P<that>(?i:(?:earlier|later)\s+(?:that|the\s+same)\s+(?:day|week|month|year|{_PART}))
        (?!\w))
    |(?P<cal>(?i:(?:(?:earlier|later)\s+)?(?P<cal_rel>this|last|next|past)\s+
        (?P<cal_unit>week(?:end)?|month|year))(?!\w))
    |(?P<ana>(?i:the\s+(?:previous|following|next|same|prior)\s+(?:day|week(?:end)?|month|year
        |{_PART})|the\s+(?:day|night|week|month|year)\s+(?:before|after|earlier|later))(?!\w))
    |(?P<span>(?i:(?:in|over|during|within)\s+(?:the\s+(?:past|last|next|coming|previous|following)
        \s+(?:(?:few|several|couple\s+of|{_COUNT})\s+)?|recent\s+)(?:day|week|month|year|decade)s?)
        (?!\w))
    |(?P<anchored>(?i:on\s+(?:the|that)\s+(?:very\s+|same\s+|\w+['’]s\s+)?(?:day|{_PART})
        (?:\s+of\s+(?:the|that|his|her|their)\s+[a-z]+|{_CLOSE}))(?![\w-]))
    |(?P<weekend>(?i:(?:(?:over|during|at|on)\s+the\s+)?weekend)(?!\w))
    |(?P<mon>(?:{_MONTH_NAMES})(?![\w-]))
    |(?P<year>(?<![\d.,$£€#/-]){_YEAR})
    )""",
    re.X,
)

_BEFORE_MONTH = re.compile(
    rf"""(?:\b(?i:until|till|by|from|through|during|before|after|early|late|mid|between|of
    |around|last|next|this)[\s-]+|(?:{_MONTH_NAMES})\s+(?:and|or|to|through)\s+|[-–]\s*)$""",
    re.X,
)
_MONTH_SHIFT = re.compile(r"\b(?P<rel>(?i:last|next|this))\s+$")
_AND_MONTH_AFTER = re.compile(rf"\s+(?:and|or|to|through)\s+(?:{_MONTH_NAMES})\b")
_BEFORE_YEAR = re.compile(
    r"""(?:\b(?i:until|till|by|from|through|during|before|after|around|circa|early|late|mid
    |between|of|spring|summer|autumn|fall|winter)[\s-]+
    |\b(?:1[6-9]\d\d|20\d\d)\s*(?:and|or|to|-|–)\s*)$""",
    re.X,
)
_DETERMINER_BEFORE = re.compile(r"(?:\b(?:his|her|their|its|the|this|that|our|my|your)|['’]s)\s+$")
_LOWER_WORD_AFTER = re.compile(r"\s+[a-z][a-z-]+\b")
_PLURAL_NOUN_AFTER = re.compile(r"\s+[a-z]+s\b(?<!ss)")
_SPACES = re.compile(r"\s+")
_NAMED_DAY_BEFORE = re.compile(r"\b(?:Good|Black|Super|Ash|Holy|Palm|Easter|Maundy|Cyber)\s+$")
_NAMED_DAY_AFTER = re.compile(
    r"\s+(?:Times|Telegraph|Express|Mirror|Herald|Post|Mail|Star|Tribune|Independent|Sport"
    r"|Night\s+Live)\b"
)
_CAPITAL_WORD_BEFORE = re.compile(r"\b[A-Z][\w.]*\s+$")
_INDEFINITE_BEFORE = re.compile(r"\b(?i:a|an|every|each|any)\s+$")  # "on a Sunday morning"
_YEAR_AFTER_MONTH = re.compile(
    rf"(?:\s+(?:and|or|to|through)\s+(?:{_MONTH_NAMES}))?\s+(?i:(?P<rel>this|next|last)\s+year)\b"
)
_WINDOW = 40


@dataclass(frozen=True)
class Mention:
    """A date mention in a piece of text; offsets are relative to that text."""

    start: int
    end: int
    when: When


def _prefix(match: re.Match[str], group: str, keep: tuple[str, ...] = ()) -> int:
    """Where the mention starts: at its group, or at the prefix when that prefix belongs."""
    pre = match.group("pre")
    if pre is not None and pre.split()[0].lower() in (*keep, "since", "at"):
        return match.start("pre")
    return match.start(group)


def _month(name: str) -> int:
    return MONTHS[name.rstrip(".").lower()]


def _day(text: str) -> int:
    return int(text.rstrip("stndrh"))


def _count(word: str | None) -> int | None:
    if word is None:
        return None
    lower = word.lower()
    if lower in ("a", "an"):
        return 1
    if lower.isdigit():
        return int(lower)
    number = parse_word_number(lower)
    return int(number) if number is not None else None


def _read_md(text: str, m: re.Match[str]) -> Mention | None:
    year = int(m.group("md_y")) if m.group("md_y") else None
    when = When("date", year, _month(m.group("md_m")), _day(m.group("md_d")))
    return Mention(_prefix(m, "md"), m.end(), when)


def _read_dm(text: str, m: re.Match[str]) -> Mention | None:
    year = int(m.group("dm_y")) if m.group("dm_y") else None
    when = When("date", year, _month(m.group("dm_m")), _day(m.group("dm_d")))
    return Mention(_prefix(m, "dm"), m.end(), when)


def _read_my(text: str, m: re.Match[str]) -> Mention | None:
    when = When("month", int(m.group("my_y")), _month(m.group("my_m")))
    return Mention(_prefix(m, "my"), m.end(), when)


def _read_iso(text: str, m: re.Match[str]) -> Mention | None:
    when = When("date", int(m.group("iso_y")), int(m.group("iso_m")), int(m.group("iso_d")))
    return Mention(_prefix(m, "iso"), m.end(), when)


def _read_num(text: str, m: re.Match[str]) -> Mention | None:
    """ "1/8/2005", "7/7": day and month only when their order is certain; a date without
    a year ("7/7", "9/11") names an event and gets no value."""
    a, b = int(m.group("num_a")), int(m.group("num_b"))
    if not (1 <= a <= 31 and 1 <= b <= 31 and min(a, b) <= 12) or (a, b) == (24, 7):
        return None
    raw_year = m.group("num_y")
    if raw_year is None:
        if a < b and b in (2, 3, 4, 5, 6, 8, 10, 16):
            return None  # a fraction: "1/2", "3/4", "1/10"
        return Mention(_prefix(m, "num"), m.end(), VAGUE)
    year = int(raw_year) + (0 if len(raw_year) == 4 else 2000 if int(raw_year) < 50 else 1900)
    if a == b or (a > 12) != (b > 12):
        day, month = (a, b) if a > 12 or a == b else (b, a)
        return Mention(_prefix(m, "num"), m.end(), When("date", year, month, day))
    return Mention(_prefix(m, "num"), m.end(), VAGUE)


def _read_weekday(text: str, m: re.Match[str]) -> Mention | None:
    relation = (m.group("wd_rel") or "").lower()
    shift = {"last": -1, "past": -1, "next": 1}.get(relation, 0)
    weekday = WEEKDAY_INDEX[m.group("wd_day").lower()]
    start = m.start("wd")
    if _NAMED_DAY_BEFORE.search(text, max(0, start - 10), start) or _NAMED_DAY_AFTER.match(
        text, m.end()
    ):
        return None  # "Good Friday", "The Sunday Times": names, not days of the report
    indefinite = _INDEFINITE_BEFORE.search(text, max(0, start - 8), start) is not None
    when = When("vague" if indefinite else "weekday", weekday=weekday, shift=shift)
    return Mention(_prefix(m, "wd", ("on",)), m.end(), when)


def _read_holiday(text: str, m: re.Match[str]) -> Mention | None:
    name = _SPACES.sub(" ", m.group("hol_name").lower()).replace("’", "'")
    if name not in HOLIDAYS:
        return None
    year = int(m.group("hol_y")) if m.group("hol_y") else None
    return Mention(_prefix(m, "hol"), m.end(), When("date", year, *HOLIDAYS[name]))


def _read_deictic(text: str, m: re.Match[str]) -> Mention | None:
    start = m.start("deictic")
    if m.group("deictic") == "Today" and _CAPITAL_WORD_BEFORE.search(
        text, max(0, start - 20), start
    ):
        return None  # "USA Today", "Russia Today"
    words = m.group("deictic").lower()
    shift = -1 if words.startswith(("yesterday", "last")) else 1 if words[:3] == "tom" else 0
    return Mention(_prefix(m, "deictic"), m.end(), When("days", shift=shift))


def _read_in_the_day(text: str, m: re.Match[str]) -> Mention | None:
    rule = {"day": "days", "month": "months", "year": "years"}
    when = When(rule.get(m.group("inday_unit").lower(), "vague"))
    return Mention(_prefix(m, "inday"), m.end(), when)


def _read_calendar_unit(text: str, m: re.Match[str]) -> Mention | None:
    """ "last month" = the month before the reference month; week-level stays vague."""
    relation, unit = m.group("cal_rel").lower(), m.group("cal_unit").lower()
    shift = {"this": 0, "last": -1, "next": 1}.get(relation)
    if unit.startswith("week") or shift is None:
        when = VAGUE
    else:
        when = When("months" if unit == "month" else "years", shift=shift)
    return Mention(_prefix(m, "cal"), m.end(), when)


def _read_offset(text: str, m: re.Match[str]) -> Mention | None:
    """ "two days after" (anchored on an event: no value); "three days ago" (resolved)."""
    count = _count(m.group("off_n"))
    unit = m.group("off_unit").lower().rstrip("s")
    when = VAGUE
    if (
        m.group("off_dir").lower() == "ago"
        and count is not None
        and m.start("offset") == m.start("off_n")
    ):
        when = {"day": When("days", shift=-count), "year": When("years", shift=-count)}.get(
            unit, VAGUE
        )
    return Mention(_prefix(m, "offset"), m.end(), when)


def _read_anniversary(text: str, m: re.Match[str]) -> Mention | None:
    count = _count(m.group("anniv_n")) if m.group("anniv_n") else 1
    if count is None:
        return None
    return Mention(_prefix(m, "anniv", ("on",)), m.end(), When("anniversary", shift=-count))


def _read_month(text: str, m: re.Match[str]) -> Mention | None:
    """A month name alone dates something only after a preposition or beside another month:
    "in July", "since May", "in November and December", "last December"."""
    start = m.start("mon")
    before = text[max(0, start - _WINDOW) : start]
    pre = (m.group("pre") or "").lower()
    month = _month(m.group("mon"))
    in_year = _YEAR_AFTER_MONTH.match(text, m.end())
    if in_year:  # "between June and August this year"
        shift = {"last": -1, "next": 1}.get(in_year.group("rel").lower(), 0)
        return Mention(start, m.end(), When("month_of_year", None, month, shift=shift))
    shifted = _MONTH_SHIFT.search(before)
    if shifted:
        shift = {"last": -1, "next": 1}.get(shifted.group("rel").lower(), 0)
        when = When("month", None, month, shift=shift)
        return Mention(start - len(before) + shifted.start("rel"), m.end(), when)
    if pre and not pre.startswith("on"):
        paired = _AND_MONTH_AFTER.match(text, m.end()) is not None
        keep = ("since", "at") if paired else ("in",)
        return Mention(_prefix(m, "mon", keep), m.end(), When("month", None, month))
    if _BEFORE_MONTH.search(before) or text.startswith(("'s", "’s"), m.end()):
        return Mention(start, m.end(), When("month", None, month))
    return None


def _read_year(text: str, m: re.Match[str]) -> Mention | None:
    """A year dates something after a preposition ("in 2020", "since 2004") or as the
    modifier of a noun ("his 2016 campaign"); not in names ("Terrorism Act 2000")."""
    start, end = m.start("year"), m.end()
    before = text[max(0, start - _WINDOW) : start]
    when = When("year", int(m.group("year")))
    pre = (m.group("pre") or "").lower()
    if pre and not pre.startswith("on"):
        if _PLURAL_NOUN_AFTER.match(text, end):
            return None  # "in 2000 homes": a count
        return Mention(_prefix(m, "year", ("in",)), end, when)
    if _BEFORE_YEAR.search(before):
        return Mention(start, end, when)
    if _DETERMINER_BEFORE.search(before) and _LOWER_WORD_AFTER.match(text, end):
        return Mention(start, end, when)
    return None


def _read_vague(group: str) -> Callable[[str, re.Match[str]], Mention | None]:
    def read(text: str, m: re.Match[str]) -> Mention | None:
        return Mention(_prefix(m, group), m.end(), VAGUE)

    return read


_READERS: dict[str, Callable[[str, re.Match[str]], Mention | None]] = {
    "anniv": _read_anniversary,
    "offset": _read_offset,
    "md": _read_md,
    "dm": _read_dm,
    "my": _read_my,
    "iso": _read_iso,
    "num": _read_num,
    "wd": _read_weekday,
    "hol": _read_holiday,
    "deictic": _read_deictic,
    "inday": _read_in_the_day,
    "that": _read_vague("that"),
    "cal": _read_calendar_unit,
    "ana": _read_vague("ana"),
    "span": _read_vague("span"),
    "anchored": _read_vague("anchored"),
    "weekend": _read_vague("weekend"),
    "mon": _read_month,
    "year": _read_year,
}


def find_mentions(text: str) -> list[Mention]:
    """Every date mention in ``text`` (a sentence, or any short text), left to right."""
    found = []
    for match in DATE_PATTERN.finditer(text):
        group = match.lastgroup
        reader = _READERS.get(group or "")
        mention = reader(text, match) if reader else None
        if mention is not None and mention.end > mention.start:
            found.append(mention)
    return found
