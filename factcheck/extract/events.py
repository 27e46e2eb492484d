"""What happened at a date: a few words (subject, verb, object) from the clause around it.

Rule-based like :mod:`factcheck.extract.phrases`: the clause is the stretch between
punctuation marks that holds the date; when it has no verb ("On Wednesday, Khamenei
condemned ...", "In his 2016 campaign, Trump promised ..."), the next clauses, then the
previous one, are read instead. The verb is the one nearest the date; the subject is the
few words before it (or the sentence's subject, as in "..., then withdrew on Wednesday"),
the object the few words after it, up to the date.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache

from factcheck.extract.lexicon import AUXILIARIES, PHRASE_BREAKERS, verb_lemma

DATELINE_EVENT = "article dated"
_TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|[A-Za-z][\w'’.-]*\w|[A-Za-z]|\d[\d,.]*\d|\d|[^\w\s]")
_CLAUSE_MARKS = frozenset(',;:—–()[]"“”‘’…!?')
_PRONOUNS = frozenset("he she it they we i you".split())
_OBJECT_WORDS = frozenset(
    "the a an its their his her our this these those about more than nearly some".split()
)
_MAX_SUBJECT = 3
_MAX_OBJECT = 4
_NEXT_CLAUSES = 2

Token = tuple[int, int, str]


@lru_cache(maxsize=4)
def _tokens(text: str) -> tuple[Token, ...]:
    """The tokens of a sentence, read once for all the dates it holds."""
    return tuple((m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text))


@lru_cache(maxsize=4)
def _bounds(tokens: tuple[Token, ...]) -> tuple[list[int], list[int]]:
    """Where the tokens start and end: both in increasing order, as tokens do not overlap."""
    return [t[0] for t in tokens], [t[1] for t in tokens]


@lru_cache(maxsize=4)
def _first_verb(tokens: tuple[Token, ...]) -> int | None:
    return next((i for i, t in enumerate(tokens) if _is_verb(t[2])), None)


def clear_caches() -> None:
    """Forget the sentences read last (results do not change)."""
    for cached in (_tokens, _bounds, _first_verb):
        cached.cache_clear()


def _clause(tokens: tuple[Token, ...], index: int) -> tuple[int, int]:
    """Token range [lo, hi) of the clause holding token ``index``."""
    lo = index
    while lo > 0 and tokens[lo - 1][2] not in _CLAUSE_MARKS:
        lo -= 1
    hi = index + 1
    while hi < len(tokens) and tokens[hi][2] not in _CLAUSE_MARKS:
        hi += 1
    return lo, hi


def _is_verb(word: str) -> bool:
    lower = word.lower()
    return word[:1].islower() and lower not in AUXILIARIES and verb_lemma(lower) is not None


def _nearest_verb(tokens: tuple[Token, ...], lo: int, hi: int, first: int, last: int) -> int | None:
    before = [i for i in range(lo, min(first, hi)) if _is_verb(tokens[i][2])]
    if before:
        return before[-1]
    return next((i for i in range(max(last + 1, lo), hi) if _is_verb(tokens[i][2])), None)


def _neighbour_verb(tokens: tuple[Token, ...], lo: int, hi: int) -> tuple[int, int, int] | None:
    """A verb in the next clauses, else the previous clause: (verb, lo, hi)."""
    start = hi
    for _ in range(_NEXT_CLAUSES):
        while start < len(tokens) and tokens[start][2] in _CLAUSE_MARKS:
            start += 1
        if start >= len(tokens):
            break
        n_lo, n_hi = _clause(tokens, start)
        verb = _nearest_verb(tokens, n_lo, n_hi, n_lo, n_lo - 1)
        if verb is not None:
            return verb, n_lo, n_hi
        start = n_hi
    end = lo - 1
    while end > 0 and tokens[end][2] in _CLAUSE_MARKS:
        end -= 1
    if end > 0:
        p_lo, p_hi = _clause(tokens, end)
        verb = _nearest_verb(tokens, p_lo, p_hi, p_hi, p_hi)
        if verb is not None:
            return verb, p_lo, p_hi
    verb = _first_verb(tokens)
    return (verb, *_clause(tokens, verb)) if verb is not None else None


def _walk_back(tokens: tuple[Token, ...], lo: int, stop: int) -> list[str]:
    """Up to a few subject words ending at token ``stop`` (inclusive), reading leftwards."""
    words: list[str] = []
    index = stop
    while index >= lo and len(words) <= _MAX_SUBJECT:
        word = tokens[index][2]
        lower = word.lower()
        pronoun = lower in _PRONOUNS and not words
        if not (lower in AUXILIARIES or pronoun or lower not in PHRASE_BREAKERS):
            break
        if not word[0].isalnum():
            break
        words.insert(0, word)
        index -= 1
    if len(words) > 2 and all(w[0].isupper() for w in words):
        words = words[-2:]  # "Defense Secretary Mark Esper" -> "Mark Esper"
    return words[-_MAX_SUBJECT:]


def _object(tokens: tuple[Token, ...], verb: int, stop: int) -> list[str]:
    words: list[str] = []
    for _, _, word in tokens[verb + 1 : stop]:
        lower = word.lower()
        stops = (lower in PHRASE_BREAKERS and lower not in _OBJECT_WORDS) or lower in AUXILIARIES
        if stops or not word[0].isalnum() or len(words) >= _MAX_OBJECT:
            break
        words.append(word)
    while words and words[-1].lower() in _OBJECT_WORDS:
        words.pop()
    return words


def _sentence_subject(tokens: tuple[Token, ...], stop: int) -> list[str]:
    for index, (_, _, word) in enumerate(tokens[:stop]):
        if _is_verb(word) or word.lower() in AUXILIARIES:
            subject = _walk_back(tokens, 0, index - 1)
            return [w for w in subject if w.lower() not in AUXILIARIES][-2:]
    return []


def event_phrase(sentence: str, start: int, end: int) -> str | None:
    """A few words on what happened at the date ``sentence[start:end]``; None if none."""
    tokens = _tokens(sentence)
    starts, ends = _bounds(tokens)
    first, last = bisect_right(ends, start), bisect_left(starts, end) - 1
    if first > last:  # no token overlaps the date
        return None
    lo, hi = _clause(tokens, first)
    hi = max(hi, _clause(tokens, last)[1])
    verb = _nearest_verb(tokens, lo, hi, first, last)
    if verb is None:
        found = _neighbour_verb(tokens, lo, hi)
        if found is None:
            words = [w for _, _, w in tokens[last + 1 : hi] if w[0].isalnum()][:_MAX_OBJECT]
            return " ".join(words) or None
        verb, lo, hi = found
    subject = _walk_back(tokens, max(lo, last + 1), verb - 1) if verb > last else []
    if not subject:
        subject = _walk_back(tokens, lo, min(verb, first) - 1)
    if not subject:
        subject = _sentence_subject(tokens, lo)
    stop = first if first > verb else hi
    return " ".join([*subject, tokens[verb][2], *_object(tokens, verb, stop)])
