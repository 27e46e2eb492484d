"""Names of speakers: runs of capitalised words, titles stripped, resolved within a source.

"U.S. Defense Secretary Mark Esper" gives ``Mark Esper``; "General Mark A. Milley" gives
``Mark Milley`` (titles, roles and middle initials dropped); "Neil Flewitt QC" gives
``Neil Flewitt``. A run ending in an organisation word ("West Yorkshire Police", "Scotland
Yard", "Ministry of Defence") is kept whole. :class:`NameIndex` resolves a short form to the
fullest form of the same name in the source ("Esper" -> ``Mark Esper``, "Police" -> ``West
Yorkshire Police``, "the government" -> ``British government``).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from factcheck.extract.speaker_lexicon import (
    ORG_HEADS,
    PARTICLES,
    PLACE_HEADS,
    POSTNOMINALS,
    STOP_CAPS,
    TITLES,
)

_TOKEN = re.compile(r"[^\W\d_][\w’'.-]*|\d(?:[\w.,]*\w)?|[^\w\s]")
_INITIAL = re.compile(r"[A-Z]\.?")
_ABBREVIATION = re.compile(
    r"(?:[A-Za-z]\.){2,}|[A-Z]\.|(?:Mr|Mrs|Ms|Dr|Gen|Lt|Col|Sen|Rep|Gov|St|Jr|Sr|Prof|Rev|Capt"
    r"|Sgt|Adm|Maj|Mt|Ft|Cmdr|Brig|Cpl)\."
)
_SPECIAL_ENDS = frozenset("s’'.")
_PARTICLE_WORD = re.compile(r"(?:al|el|ad|as|ash|bin|ibn|abu)-[A-Z]")


class Token(NamedTuple):
    text: str
    start: int
    end: int
    last: bool = False  # a possessive or a sentence-final word: no name runs on past it
    possessive: bool = False


@dataclass(frozen=True)
class Name:
    """A name as written (titles stripped), its offset, and whether it names a person."""

    text: str
    start: int
    person: bool
    org: bool = False


def tokens(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Word and punctuation tokens of ``text[start:end]`` with offsets; ``’s`` split off."""
    result: list[Token] = []
    append = result.append
    for match in _TOKEN.finditer(text, start, len(text) if end is None else end):
        word, s = match.group(), match.start()
        if word[-1] not in _SPECIAL_ENDS or len(word) == 1:
            append(Token(word, s, s + len(word)))
            continue
        possessive = word.endswith(("’s", "'s")) and len(word) > 2
        if possessive:
            word = word[:-2]
        elif word[-1] in "’'":
            word, possessive = word[:-1], True
        last = possessive
        if word.endswith(".") and len(word) > 1 and not _ABBREVIATION.fullmatch(word):
            word, last = word[:-1], True
        append(Token(word, s, s + len(word), last, possessive))
    return result


@lru_cache(maxsize=8192)
def is_name_word(word: str) -> bool:
    """A capitalised word that can be part of a name (not "The", "Thursday", "He")."""
    if not word or not word[0].isupper():
        return bool(_PARTICLE_WORD.match(word))
    return word.lower() not in STOP_CAPS


def _joins(toks: list[Token], index: int) -> bool:
    """Whether ``of`` at ``index`` joins an organisation name: "Ministry of Defence"."""
    return (
        0 < index < len(toks) - 1
        and toks[index].text == "of"
        and toks[index - 1].text.lower() in ORG_HEADS
        and is_name_word(toks[index + 1].text)
    )


def trailing_run(toks: list[Token]) -> list[Token]:
    """The run of name words that ends ``toks`` (empty when the last token is no name)."""
    run: list[Token] = []
    for index in range(len(toks) - 1, -1, -1):
        tok = toks[index]
        inside = bool(run) and (tok.text in PARTICLES or _joins(toks, index))
        if not (is_name_word(tok.text) or inside) or (run and tok.last):
            break
        run.insert(0, tok)
    return run


def name_from_run(run: list[str], start: int, titled: bool = False) -> Name | None:
    """The name a run of capitalised words ends with: a person's (titles dropped) or an org's."""
    words = list(run)
    while words and words[-1].lower() in POSTNOMINALS:
        words.pop()
    if not words:
        return None
    if "of" in words or words[-1].lower() in ORG_HEADS or (len(words) == 1 and words[0].isupper()):
        while len(words) > 1 and (words[0].lower() in TITLES or words[0].lower() in STOP_CAPS):
            words.pop(0)
        return Name(" ".join(words), start, False, org=True)
    tail: list[str] = []
    for word in reversed(words):
        lowered = word.lower()
        if _INITIAL.fullmatch(word):
            continue
        if tail and (lowered in PLACE_HEADS or lowered in ORG_HEADS):
            break
        if lowered in TITLES or (word.isupper() and len(word) > 1) or "." in word[1:]:
            titled = titled or lowered in TITLES
            break
        tail.insert(0, word)
        if len([w for w in tail if w.lower() not in PARTICLES]) == 3:
            break
    while tail and tail[0].lower() in PARTICLES:
        tail.pop(0)
    if not tail:
        return None
    person = titled or (len(tail) >= 2 and tail[-1].lower() not in PLACE_HEADS)
    return Name(" ".join(tail), start, person)


class NameIndex:
    """The names of one source, to resolve short forms to the fullest form seen."""

    def __init__(self, text: str, sentence_starts: set[int]) -> None:
        self.text = text
        self.sentence_starts = sentence_starts
        self.mid_caps: set[str] = set()
        self._forms: dict[str, list[tuple[int, str, bool]]] = {}
        self._described: dict[str, list[tuple[int, str]]] = {}
        self.tokens = tokens(text)
        self._token_starts = [t.start for t in self.tokens]
        run: list[Token] = []
        for tok in self.tokens:
            if tok.start in sentence_starts:
                if run:
                    self._add_run(run)
                    run = []
            elif tok.text[:1].isupper():
                self.mid_caps.add(tok.text)
            if is_name_word(tok.text) or (run and tok.text in PARTICLES):
                run.append(tok)
                if not tok.last:
                    continue
            if run:
                self._add_run(run)
                run = []
        self._add_run(run)

    def _add_run(self, run: list[Token]) -> None:
        if not run or (len(run) == 1 and not self.plausible(run[0])):
            return
        name = name_from_run([t.text for t in run], run[0].start)
        if name is None or (len(name.text.split()) < 2 and not name.org):
            return
        key = name.text.split()[-1]
        self._forms.setdefault(key, []).append((name.start, name.text, name.person))

    def between(self, start: int, end: int) -> list[Token]:
        """The tokens of ``text[start:end]``, from the source's tokens when they fit."""
        i = bisect_left(self._token_starts, start)
        j = bisect_left(self._token_starts, end)
        if j > i and self.tokens[j - 1].end > end:
            return tokens(self.text, start, end)
        return self.tokens[i:j]

    def plausible(self, tok: Token) -> bool:
        """A lone capitalised word at a sentence start is a name only if seen mid-sentence."""
        return tok.start not in self.sentence_starts or tok.text in self.mid_caps

    def fullest(self, name: Name) -> Name:
        """The fullest form of ``name`` in the source: nearest before it, else first after."""
        words = name.text.split()
        forms = [
            form
            for form in self._forms.get(words[-1], ())
            if set(words) <= set(form[1].split()) and len(form[1].split()) > len(words)
        ]
        if not forms:
            return name
        index = bisect_left(forms, (name.start, "", False))
        _, text, person = forms[index - 1] if index else forms[0]
        return Name(text, name.start, name.person or person, name.org)

    def described(self, noun: str, position: int) -> str:
        """ "the government" -> the nearest "<Capitalised> government" in the source, or ""."""
        if noun not in self._described:
            pattern = re.compile(rf"\b((?:[A-Z][\w’'-]*[ \t]+){{1,3}}){re.escape(noun)}\b")
            found = []
            for match in pattern.finditer(self.text):
                words = [w for w in match.group(1).split() if w.lower() not in STOP_CAPS]
                if words:
                    found.append((match.start(), " ".join([*words, noun])))
            self._described[noun] = found
        found = self._described[noun]
        if not found:
            return ""
        index = bisect_left(found, (position, ""))
        return found[index - 1][1] if index else found[0][1]
