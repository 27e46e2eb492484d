"""Sentences with exact offsets, and the zone of each line (body, caption, byline, ...).

Offsets are Python string indices into the source text exactly as read, so that
``text[sentence.start:sentence.end] == sentence.text``. A sentence never crosses a line
break: news paragraphs are lines, and captions and bylines are lines of their own.

Zones tell reporting about the event (``body``, ``title``) from lines that are not:
``caption`` (photo captions and credits), ``byline``, ``credit`` (reporting and editing
credits), ``boilerplate`` (comment prompts, "Source link", newsletter prompts, attributions)
and ``dateline`` (a line holding only a date). Claim extractors read :data:`CLAIM_ZONES`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

CLAIM_ZONES = frozenset({"body", "title"})


@dataclass(frozen=True)
class Sentence:
    """A sentence of a source: its span, its text and the zone of its line."""

    start: int
    end: int
    text: str
    zone: str


_BOILERPLATE = re.compile(
    r"""^(?:please\ enter\ your\b|source\ link\b|subs?c?ribe\b|sign\ up\b|click\ here\b
    |read\ more\b|advertisement:?$|follow\ us\b|share\ this\b|as\ (?:first\ )?reported\ by\b
    |related(?:\ (?:articles|coverage|stories))?:?$
    |recommended(?:\ (?:for\ you|stories|articles|reading|videos?))?:?$
    |copyright\ (?:©|\(c\)|\d{4})|©
    |all\ rights\ reserved|this\ article\ (?:was\ )?(?:originally\ )?(?:appeared|published)
    |(?:get|receive)\ (?:our|the)\ .*newsletter
    |(?:\S+\ ){0,4}newsletters?\b|.*\bnewsletters?\W*$|comments?\b:?$)""",
    re.I | re.X,
)
_CREDIT = re.compile(
    r"^\(?(?:additional\ )?(?:reporting|writing|editing|compiled|translated|produced)\ by\b",
    re.I | re.X,
)
_BYLINE = re.compile(
    r"^(?:by\s+)?[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3}"
    r"(?:\s*(?:,|and)\s*[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3})*\s*$"
)
_EXPLICIT_BYLINE = re.compile(r"^by\s+[A-Z]", re.I)
_PHOTO_CREDIT = re.compile(
    r"""(?:\b[A-Z]{2,}\.?/\s?    # REUTERS/Tom Brenner, REUTERS/Khalid al-Mousily
    (?:[A-Z][\w.'-]*(?:\s(?:[A-Z][\w.'-]*|[a-z]{1,3}-[\w.'-]*|[a-z]{1,3}(?=\s))){0,3})?\s*$
    |\([^()]{0,60}/\s?[A-Z][\w .'-]{1,40}\)\s*$                          # (Nicholas Kamm/AFP)
    |\((?:AP|AFP|Reuters)\ Photo\b[^)]*\)\s*$
    |\b(?:Photo(?:graph)?s?|Image|Picture|Credit)\s*(?:by|:)\s.{0,80}$
    |\bGetty\ Images\s*\)?\s*$)""",
    re.X,
)
_DATE_ONLY = re.compile(
    r"^(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
    r"(?:(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December)\s+\d{1,2},?\s+\d{4}|\d{4}[-/]\d{1,2}[-/]\d{1,2})\s*$"
)


def line_zone(line: str, is_first: bool) -> str:
    """Classify one line (a paragraph) of an article."""
    stripped = line.strip()
    if _BOILERPLATE.match(stripped):
        return "boilerplate"
    if _CREDIT.match(stripped):
        return "credit"
    if _PHOTO_CREDIT.search(stripped):
        return "caption"
    if _DATE_ONLY.match(stripped):
        return "dateline"
    if _EXPLICIT_BYLINE.match(stripped) and _BYLINE.match(stripped):
        return "byline"
    if is_first:
        return "title"
    if _BYLINE.match(stripped) and len(stripped) < 60 and not stripped.endswith("."):
        return "byline"
    return "body"


def iter_lines(text: str) -> Iterator[tuple[int, int, str]]:
    """Yield ``(start, end, zone)`` for every non-blank line; ``end`` excludes the newline."""
    first = True
    for match in re.finditer(r"[^\r\n]+", text):
        if not match.group().strip():
            continue
        start, end = match.span()
        # trim surrounding spaces so spans start and end on visible characters
        start += len(match.group()) - len(match.group().lstrip())
        end -= len(match.group()) - len(match.group().rstrip())
        zone = line_zone(text[start:end], first)
        first = False
        yield start, end, zone


_ABBREVIATIONS = frozenset(
    """mr mrs ms dr gen lt col sgt capt cmdr adm maj sen rep gov pres supt insp st jr sr
    prof rev hon fr inc corp co ltd bros no nos vs etc approx est dept univ ave blvd mt ft
    jan feb mar apr jun jul aug sep sept oct nov dec e.g i.e a.m p.m""".split()
)
_SENTENCE_STARTERS = frozenset(
    """the a an he she it they we i in on at but and this that these those his her its their
    there as after before when while if since on for with by from meanwhile however""".split()
)
# A run of marks is tried once, from its first mark, and never given back: on a line of a
# million dots the scan stays linear.
_BOUNDARY = re.compile(r"""(?<![.!?…])[.!?…]++["”’')\]]*+(?=\s+["“‘'(\[]?[A-Z0-9])""")
#: The longest sentence the extractors are given. Longer runs without a sentence end (no real
#: sentence is near it: the longest of the seeds and WikiNews is 450) are cut into pieces at a
#: space, so that work per sentence, and the sentence stored with every claim, stay bounded.
MAX_SENTENCE = 1000
#: The most claims of one kind taken from one sentence (the seeds and WikiNews: 11).
MAX_CLAIMS_PER_SENTENCE = 50


def split_sentences(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Yield sentence spans within ``text[start:end]`` (one line)."""
    line = text[start:end]
    begin = 0
    for match in _BOUNDARY.finditer(line):
        if _is_false_boundary(line, match.start(), match.end()):
            continue
        yield from _bounded(line, start, begin, match.end())
        begin = _skip_spaces(line, match.end())
    if begin < len(line):
        yield from _bounded(line, start, begin, len(line))


def _bounded(line: str, offset: int, begin: int, end: int) -> Iterator[tuple[int, int]]:
    """``line[begin:end]`` (which starts on a visible character) in pieces of at most
    :data:`MAX_SENTENCE`, cut at the last space of a piece's second half, else anywhere."""
    while end - begin > MAX_SENTENCE:
        limit = begin + MAX_SENTENCE
        cut = next(
            (i for i in range(limit, begin + MAX_SENTENCE // 2, -1) if line[i].isspace()), None
        )
        if cut is None:
            yield offset + begin, offset + limit
            begin = limit
            continue
        piece_end = cut
        while line[piece_end - 1].isspace():
            piece_end -= 1
        yield offset + begin, offset + piece_end
        begin = _skip_spaces(line, cut)
    if begin < end:
        yield offset + begin, offset + end


def _skip_spaces(line: str, position: int) -> int:
    while position < len(line) and line[position].isspace():
        position += 1
    return position


_WORD_BEFORE = re.compile(r"[\w.]+$")
_WORD_AFTER = re.compile(r"\s+[\"“‘'(\[]?(\w+)")
_LOOK_AROUND = 64  # characters read on each side: slicing whole lines made long lines quadratic


def _is_false_boundary(line: str, mark: int, after: int) -> bool:
    if line[mark] != ".":
        return False
    word_match = _WORD_BEFORE.search(line, max(0, mark - _LOOK_AROUND), mark)
    word = word_match.group() if word_match else ""
    next_word = _WORD_AFTER.match(line, after, after + _LOOK_AROUND)
    following = next_word.group(1).lower() if next_word else ""
    if word.lower() in _ABBREVIATIONS:
        return True
    if len(word) == 1 and word.isupper():  # an initial: "Mark T. Esper"
        return True
    if re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", word):  # U.S, N.C, U.N: end only before a starter
        return following not in _SENTENCE_STARTERS
    return False


def sentences(text: str) -> list[Sentence]:
    """All sentences of a source, in order, each with the zone of its line."""
    result = []
    for line_start, line_end, zone in iter_lines(text):
        for s, e in split_sentences(text, line_start, line_end):
            result.append(Sentence(s, e, text[s:e], zone))
    return result
