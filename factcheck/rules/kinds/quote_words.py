"""The words of a quote, normalised for comparing wordings (a helper of ``quote_fidelity``).

A :class:`Wording` is the quote's words in order, each with its span in the quoted text, a
normal form and what stands after it (a clause or sentence break). Case, punctuation, curly
or straight apostrophes and contractions ("we’re" = "we are", "aren't" = "are not") never
count; numbers compare by value ("Thirty-one" = "31", "3 million" = "3,000,000"). With
``spelling`` on, hyphenation ("pre-emptive" = "preemptive") and British spellings
("defence" = "defense") do not count either. An ellipsis is kept as a gap between words,
and words in square brackets are marked as an editor's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from factcheck.extract.numbers import (
    SCALE_WORDS,
    TENS_WORDS,
    UNITS_WORDS,
    parse_digits,
    parse_word_number,
)

NEGATIONS = frozenset("not no never nor neither none nobody nothing nowhere".split())
#: Contracted forms that stand for either of two words: "it's" is "it is" or "it has".
AMBIGUOUS = {"'s": frozenset({"is", "has"}), "'d": frozenset({"would", "had"})}

_PIECE = re.compile(
    r"(?P<ellipsis>…|\.[ \u00a0]?\.[ \u00a0]?\.)"
    r"|(?P<bracket>[\[\]])"
    r"|(?P<abbr>(?:[A-Za-z]\.){2,})"
    r"|(?P<digits>\d+(?:[.,]\d+)*)"
    r"|(?P<percent>%)"
    r"|(?P<word>\w+(?:['’‘\-‑–]\w+)*)"
)
_ELLIPSIS = re.compile(r"…|\.[ \u00a0]?\.[ \u00a0]?\.")
_CLAUSE_BREAK = re.compile(r"[,;:.!?—–]|\s-\s")
_SENTENCE_BREAK = re.compile(r"[.!?]")
_NUMBER_WORDS = frozenset(UNITS_WORDS) | frozenset(TENS_WORDS) | frozenset(SCALE_WORDS)
_SUFFIX_CONTRACTIONS = {"'re": "are", "'ve": "have", "'ll": "will", "'m": "am"}
_NOT_STEMS = {"won": "will", "can": "can", "shan": "shall", "ai": "am"}
_S_PRONOUNS = frozenset("it that there here what who he she where how".split())
#: British endings -> American, for words of six letters or more ("defence", "colour").
_BRITISH = (
    ("isation", "ization"),
    ("ising", "izing"),
    ("ised", "ized"),
    ("ise", "ize"),
    ("yse", "yze"),
    ("ence", "ense"),
    ("our", "or"),
    ("ours", "ors"),
    ("oured", "ored"),
    ("tre", "ter"),
    ("lled", "led"),
    ("lling", "ling"),
    ("ogue", "og"),
    ("amme", "am"),
)


@dataclass(frozen=True)
class Word:
    """One word of a quote: its normal form and where it stands in the quoted text."""

    norm: str
    start: int
    end: int
    clause_end: bool = False  # a comma, colon, dash or full stop follows
    sentence_end: bool = False  # a full stop, question or exclamation mark follows
    sentence_start: bool = False
    capital: bool = False
    editorial: bool = False  # inside [square brackets]
    number: float | None = None

    @property
    def negation(self) -> bool:
        return self.norm in NEGATIONS


@dataclass(frozen=True)
class Wording:
    """The words of one quote; ``gaps`` holds i where an ellipsis stands before word i."""

    text: str
    words: tuple[Word, ...]
    gaps: frozenset[int]

    def norms(self) -> list[str]:
        return [w.norm for w in self.words]

    def surface(self, lo: int, hi: int) -> str:
        """The quoted text of words lo..hi-1, as written."""
        return self.text[self.words[lo].start : self.words[hi - 1].end] if hi > lo else ""


_Piece = tuple[
    str, int, int, bool, bool, float | None
]  # norm, start, end, capital, editorial, number


@lru_cache(maxsize=64)
def wording(text: str, spelling: bool = True) -> Wording:
    """The normalised words of a quote's text.

    Memoised for a few recent quotes: the rules of one fact (FC301 and FC302 share a kind)
    read the same quotes one after the other; a wording is immutable.
    """
    pieces: list[_Piece] = []
    gaps: set[int] = set()
    bracketed = False
    for match in _PIECE.finditer(text):
        kind = match.lastgroup
        if kind == "ellipsis":
            gaps.add(len(pieces))
        elif kind == "bracket":
            bracketed = match.group() == "["
        else:
            pieces.extend(_words(match, kind or "word", bracketed, spelling))
    return Wording(text, tuple(_join_numbers(text, _mark_breaks(text, pieces))), frozenset(gaps))


def _words(match: re.Match[str], kind: str, editorial: bool, spelling: bool) -> list[_Piece]:
    """The word(s) one piece stands for: a contraction is two words."""
    start, end, surface = match.start(), match.end(), match.group()
    if kind == "digits":
        return [(surface, start, end, False, editorial, _digits(surface))]
    if kind == "percent":
        return [("percent", start, end, False, editorial, None)]
    if kind == "abbr":
        return [(surface.replace(".", "").lower(), start, end, True, False, None)]
    capital = surface[:1].isupper()
    return [
        (norm, start, end, capital, editorial, None) for norm in _normal_forms(surface, spelling)
    ]


def _digits(surface: str) -> float | None:
    try:
        return parse_digits(surface)
    except ValueError:
        return None


@lru_cache(maxsize=8192)
def _normal_forms(surface: str, spelling: bool) -> tuple[str, ...]:
    """``"We’re"`` -> ("we", "are"); ``"Pre-emptive"`` -> ("preemptive",) with spelling on."""
    word = surface.lower().replace("’", "'").replace("‘", "'").strip("'")
    word = word.replace("‑", "-").replace("–", "-")
    if _is_number_word(word):
        return (word,)
    forms = _uncontract(word)
    if spelling:
        forms = [_american(f.replace("-", "")) for f in forms]
    return tuple(forms)


def _uncontract(word: str) -> list[str]:
    if word == "cannot":
        return ["can", "not"]
    if word == "let's":
        return ["let", "us"]
    if word.endswith("n't"):
        stem = word[:-3]
        return [_NOT_STEMS.get(stem, stem), "not"]
    head, _, tail = word.rpartition("'")
    if head and "'" + tail in _SUFFIX_CONTRACTIONS:
        return [head, _SUFFIX_CONTRACTIONS["'" + tail]]
    if head and (tail == "d" or (tail == "s" and head in _S_PRONOUNS)):
        return [head, "'" + tail]
    return [word]


_BRITISH_ENDINGS = tuple(british for british, _ in _BRITISH)


def _american(word: str) -> str:
    if len(word) < 6:
        return word
    if word.endswith(_BRITISH_ENDINGS):
        for british, american in _BRITISH:
            if word.endswith(british):
                return word[: -len(british)] + american
    return word.replace("judgement", "judgment")


def _is_number_word(word: str) -> bool:
    if "-" not in word:
        return word in _NUMBER_WORDS
    return all(part in _NUMBER_WORDS for part in word.split("-"))


def _mark_breaks(text: str, pieces: list[_Piece]) -> list[Word]:
    """The words, marked where a clause or a sentence ends after them or starts with them."""
    marked: list[Word] = []
    after_sentence = True
    last = len(pieces) - 1
    for i, (norm, start, end, capital, editorial, number) in enumerate(pieces):
        following = text[end : pieces[i + 1][1]] if i < last else text[end:]
        if following == " ":  # the usual gap: no break
            sentence_end = clause_end = False
        else:
            following = _ELLIPSIS.sub(" ", following)
            sentence_end = bool(_SENTENCE_BREAK.search(following))
            clause_end = sentence_end or bool(_CLAUSE_BREAK.search(following))
        marked.append(
            Word(norm, start, end, clause_end, sentence_end, after_sentence, capital, editorial,
                 number)
        )  # fmt: skip
        after_sentence = sentence_end
    return marked


def _join_numbers(text: str, words: list[Word]) -> list[Word]:
    """One word per number: "thirty-one", "two hundred and fifty", "3 million"."""
    joined: list[Word] = []
    i = 0
    while i < len(words):
        j = _number_run_end(words, i)
        if j == i:
            joined.append(words[i])
            i += 1
            continue
        value = _run_value(text, words[i:j])
        run = words[i:j]
        norm = f"{value:.15g}" if value is not None else " ".join(w.norm for w in run)
        joined.append(replace(run[-1], norm=norm, start=run[0].start, number=value))
        joined[-1] = replace(joined[-1], sentence_start=run[0].sentence_start)
        i = j
    return joined


def _number_run_end(words: list[Word], i: int) -> int:
    """The end of the number that starts at word i (i itself when none starts there)."""
    if words[i].number is None and not _is_number_word(words[i].norm):
        return i
    j = i + 1
    while j < len(words) and not words[j - 1].clause_end and _continues_number(words, i, j):
        j += 1
    return j


def _continues_number(words: list[Word], i: int, j: int) -> bool:
    """Whether word j goes on with the number started at word i."""
    norm = words[j].norm
    if words[i].number is not None:  # digits take only scales: "3 million"
        return norm in SCALE_WORDS
    if norm == "and":  # "two hundred and fifty"
        after_scale = words[j - 1].norm in SCALE_WORDS
        return after_scale and j + 1 < len(words) and _is_number_word(words[j + 1].norm)
    return _is_number_word(norm)


def _run_value(text: str, run: list[Word]) -> float | None:
    if run[0].number is not None:
        value = run[0].number
        for word in run[1:]:
            value *= SCALE_WORDS[word.norm]
        return value
    return parse_word_number(text[run[0].start : run[-1].end])


def merge_compounds(words: Wording, vocabulary: set[str]) -> Wording:
    """Join two or three adjacent words written as one word in ``vocabulary``: "buzz saw"."""
    merged: list[Word] = []
    starts: list[int] = []  # old index of each merged word's first word
    i = 0
    while i < len(words.words):
        size = _compound_size(words.words, i, vocabulary)
        run = words.words[i : i + size]
        word = run[0]
        if size > 1:
            word = replace(run[-1], norm="".join(w.norm for w in run), start=run[0].start)
            word = replace(word, sentence_start=run[0].sentence_start, capital=run[0].capital)
        merged.append(word)
        starts.append(i)
        i += size
    gaps = frozenset(sum(1 for s in starts if s < g) for g in words.gaps)
    return Wording(words.text, tuple(merged), gaps)


def _compound_size(words: tuple[Word, ...], i: int, vocabulary: set[str]) -> int:
    for size in (3, 2):
        run = words[i : i + size]
        if len(run) < size or any(w.number is not None or w.clause_end for w in run[:-1]):
            continue
        if "".join(w.norm for w in run) in vocabulary and all(w.norm.isalpha() for w in run):
            return size
    return 1
