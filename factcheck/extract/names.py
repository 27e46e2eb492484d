"""Tokens and capitalised runs of a sentence: the raw material of entity mentions.

:func:`tokenize` splits a sentence into words (with offsets, a possessive ``'s`` noted and
kept out of the name), dotted abbreviations (``U.S.``), numbers and punctuation, and marks
which words may be part of a name. :func:`find_runs` groups name words into runs, joined
by connectors where a name continues ("Secretary of State", "Chairman of the Joint Chiefs
of Staff", "Osama bin Laden") and by a possessive only inside a name ("King's Cross").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from factcheck.extract.gazetteer import Lexicon, key, word_key

_TOKEN = re.compile(
    r"(?P<abbr>(?:[A-Z]\.){2,}(?:['’]s\b)?)"
    r"|(?P<word>[^\W\d_]\w*(?:[’'][^\W\d_]+|-\w+)*)"
    r"|(?P<num>\d+(?:[.,:]\d+)*(?:st|nd|rd|th)?)"
    r"|(?P<punct>[^\w\s])"
)
_POSSESSIVE = ("'s", "’s", "'S", "’S")
#: Words after which a trailing period belongs to the word ("Mr.", "Gen.", "St.").
_PERIOD_WORDS = frozenset(
    "mr mrs ms dr st gen lt col sgt capt cmdr adm maj sen rep gov pres supt insp prof rev jr "
    "sr co corp inc ltd bros mt ft pvt cpl calif fla mass conn ariz ill mich minn tenn okla "
    "no vs".split()
)
_OPENERS = frozenset("“\"‘'([—–-:;…")
#: Lowercase name particles that join two name words ("bin Laden", "van Gogh").
PARTICLES = frozenset("al el bin ibn abu de da di del van von der den du dos le la y".split())
_PREFIX_PARTICLES = frozenset("al el ad ash as at az an ar bin ibn abu abd ben".split())
_INNER_LOWER = frozenset("a de la le on upon en sur du des".split())
#: Words after which "of"/"for" continues a name ("Secretary of State", "Gulf of Oman").
_OF_EXTRA = frozenset("chiefs chief republic kingdom states isle isles bank house sea".split())


@dataclass(slots=True)
class Token:
    """One token of a sentence; offsets are sentence indices."""

    start: int
    end: int
    full_end: int
    text: str
    key: str
    kind: str
    name: bool = False
    initial: bool = False
    possessive: bool = False
    standalone: bool = False
    in_phrase: bool = False

    @property
    def acronym(self) -> bool:
        text = self.text
        return self.kind == "word" and len(text) >= 2 and text.isupper() and text.isalpha()


def tokenize(text: str, lex: Lexicon) -> list[Token]:
    """The tokens of one sentence, with name words marked and known phrases applied."""
    tokens: list[Token] = []
    after_opener = True
    consumed = 0
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup or "punct"
        start, end = match.span()
        if start < consumed:
            continue  # the period taken by "Mr." or an initial
        surface = match.group()
        if kind == "punct":
            tokens.append(Token(start, end, end, surface, surface, kind))
            after_opener = surface in _OPENERS
            continue
        if kind == "word" and surface.islower() and surface.isalpha():
            tokens.append(Token(start, end, end, surface, surface, kind, initial=after_opener))
        else:  # the common case above needs no further look
            if kind == "word" and text.startswith(".", end) and _takes_period(surface):
                end += 1
                surface += "."
            consumed = end
            tokens.extend(_word_tokens(start, end, surface, kind, after_opener, lex))
        after_opener = False
    _apply_phrases(tokens, lex)
    _given_names_that_are_dates(tokens, lex)
    return tokens


def _given_names_that_are_dates(tokens: list[Token], lex: Lexicon) -> None:
    """ "Jan Egeland", "June Carter": a month that is also a given name, before a surname."""
    for token, following in pairwise(tokens):
        if token.key in lex.time_words and token.key in lex.given_names and following.name:
            token.name = token.text[:1].isupper() and following.start == token.full_end + 1


def _takes_period(word: str) -> bool:
    return (len(word) == 1 and word.isupper()) or word.lower() in _PERIOD_WORDS


def _word_tokens(
    start: int, end: int, surface: str, kind: str, initial: bool, lex: Lexicon
) -> list[Token]:
    """One word as tokens: itself, or the known places inside a compound ("Iran-backed")."""
    possessive = kind != "num" and len(surface) > 2 and surface.endswith(_POSSESSIVE)
    name_end = end - 2 if possessive else end
    text = surface[: name_end - start]
    token = Token(start, name_end, end, text, word_key(text), kind, False, initial, possessive)
    if kind == "num":
        return [token]
    if "-" in text:
        if lex.known_type(token.key) or _hyphenated_name(text):
            token.name = True
            return [token]
        return _compound_parts(token, lex)
    token.name = _is_name_word(token, lex)
    return [token]


def _hyphenated_name(text: str) -> bool:
    """ "Fatayi-Williams", "al-Shaabi", "Mar-a-Lago", "Anti-Terrorism"; not "Iran-backed"."""
    parts = text.split("-")
    if parts[0].lower() in _PREFIX_PARTICLES and parts[1][:1].isupper():
        return True
    if not (parts[0][:1].isupper() and parts[-1][:1].isupper()):
        return False
    return all(p[:1].isupper() or p.lower() in _INNER_LOWER for p in parts)


def _compound_parts(token: Token, lex: Lexicon) -> list[Token]:
    """The known places and organisations inside a hyphenated compound, each on its own."""
    parts = []
    offset = token.start
    for part in token.text.split("-"):
        part_key = word_key(part)
        if part[:1].isupper() and lex.known_type(part_key) and not lex.is_demonym(part_key):
            end = offset + len(part)
            parts.append(Token(offset, end, end, part, part_key, "word", True, False))
            parts[-1].standalone = True
        offset += len(part) + 1
    return parts or [token]


def _is_name_word(token: Token, lex: Lexicon) -> bool:
    text = token.text
    if not text[:1].isupper() or text.rstrip("s") in lex.common_acronyms:
        return False
    if not text.isalpha() and any(c.isdigit() for c in text):
        return False  # "BA6634", "C-17": identifiers
    if len(token.text) == 2 and token.text[1] == ".":
        return True  # an initial: "Mark T. Esper"
    if token.acronym or token.kind == "abbr":
        return token.text not in lex.common_acronyms and token.text.rstrip("s") != "I"
    return token.key not in lex.not_names and token.key not in lex.time_words


def _apply_phrases(tokens: list[Token], lex: Lexicon) -> None:
    """Known multi-word names are name words throughout; holidays are not names at all."""
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token.kind == "punct" or not token.text[:1].isupper():
            i += 1
            continue
        kind, length = _phrase_at(tokens, i, lex)
        for t in tokens[i : i + length]:
            t.name = kind != "time"
            t.in_phrase = True
        i += max(length, 1)


def _phrase_at(tokens: list[Token], i: int, lex: Lexicon) -> tuple[str, int]:
    """The longest listed multi-word name starting at token ``i``: (its kind, its length)."""
    if tokens[i].key not in lex.phrase_starts:
        return "", 0
    best = ("", 0)
    keys = [_phrase_key(tokens[i])]
    for j in range(i + 1, min(len(tokens), i + 6)):
        keys.append(_phrase_key(tokens[j]))
        found = lex.phrases.get(tuple(keys))
        if found is not None:
            best = (found, j - i + 1)
    return best


def _phrase_key(token: Token) -> str:
    return token.key + "'s" if token.possessive else token.key


def find_runs(text: str, tokens: list[Token], lex: Lexicon) -> list[tuple[int, int]]:
    """Token index ranges ``[i, j)`` of capitalised runs (name words and their connectors)."""
    runs = []
    i, n = 0, len(tokens)
    while i < n:
        if not tokens[i].name:
            i += 1
            continue
        j = i + 1
        while j < n and not tokens[i].standalone:
            step = _continues(text, tokens, i, j, lex)
            if not step:
                break
            j += step
        runs.append((i, j))
        i = j
    return runs


def _continues(text: str, tokens: list[Token], i: int, j: int, lex: Lexicon) -> int:
    """How many tokens from ``j`` extend the run ``[i, j)``; 0 when it ends."""
    prev, nxt = tokens[j - 1], tokens[j]
    if prev.possessive:
        return 1 if _joins_possessive(text, tokens, i, j, lex) else 0
    if nxt.name and not nxt.standalone:
        return 1 if text[prev.full_end : nxt.start] == " " else 0
    if text[prev.full_end : nxt.start] != " " or j + 1 >= len(tokens):
        return 0
    if nxt.key in PARTICLES and tokens[j + 1].name and nxt.text.islower():
        return 2
    if nxt.key in ("of", "for") and _takes_of(prev.key, lex):
        k = j + 2 if tokens[j + 1].key == "the" and j + 2 < len(tokens) else j + 1
        if tokens[k].name and not tokens[k].standalone:
            return k - j + 1
    return 0


def _takes_of(word: str, lex: Lexicon) -> bool:
    return (
        word in lex.titles
        or word.rpartition("-")[2] in lex.titles
        or word in lex.org_heads
        or word in lex.place_heads
        or word in _OF_EXTRA
        or word in lex.other_heads
    )


def _joins_possessive(text: str, tokens: list[Token], i: int, j: int, lex: Lexicon) -> bool:
    """ "King's Cross", "St Paul's Cathedral": a possessive inside a name, not an owner."""
    prev, nxt = tokens[j - 1], tokens[j]
    if not nxt.name or nxt.standalone or text[prev.full_end : nxt.start] != " ":
        return False
    owner = [t.key for t in tokens[i:j]]
    saint = owner[0] in ("st", "saint")
    if saint:
        owner = owner[1:]
    if len(owner) != 1 or lex.known_type(prev.key):
        return False
    if prev.key in lex.given_names and not saint:
        return False
    if nxt.key in lex.place_heads or nxt.key in lex.org_heads:
        return True
    after = tokens[j + 1] if j + 1 < len(tokens) else None
    return after is None or not after.name


def run_text(text: str, tokens: list[Token], i: int, j: int) -> str:
    """The surface text of tokens ``[i, j)`` (the last one without its possessive)."""
    return text[tokens[i].start : tokens[j - 1].end]


def run_key(text: str, tokens: list[Token], i: int, j: int) -> str:
    return key(run_text(text, tokens, i, j))
