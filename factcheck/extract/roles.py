"""Titles and roles around a person's name, kept out of the name's span.

Three places a role is stated: inside the capitalised run before the name ("U.S. Secretary
of State Mike Pompeo", "Revolutionary Guards Commander Brigadier General Hossein Salami"),
as a lowercase role noun before it ("Foreign Ministry spokesman Abbas Mousavi", "said judge
Astill"), and in an appositive after it ("Qasem Soleimani, commander of Iran's Quds Force").
Names inside a role phrase before the name are part of the role, not mentions.
"""

from __future__ import annotations

from dataclasses import dataclass

from factcheck.extract.gazetteer import Lexicon
from factcheck.extract.names import PARTICLES, Token

_ARTICLES = frozenset(("the", "a", "an"))
_ENDS_PHRASE = frozenset(',.;:)(—–!?“”"')


@dataclass(frozen=True)
class TitleSplit:
    """A run read as a role phrase: the name starts at ``name_start`` (``None``: no name)."""

    first_title: int
    name_start: int | None


def split_title(tokens: list[Token], i: int, j: int, lex: Lexicon) -> TitleSplit | None:
    """Where the title words of run ``[i, j)`` end and the name begins, if they do."""
    titles = [k for k in range(i, j) if _is_title(tokens[k], lex)]
    if not titles:
        return None
    for t in reversed(titles):
        start = _name_start(tokens, t, j, lex)
        if start is not None:
            return TitleSplit(titles[0], start)
    last = titles[-1]
    if last == j - 1 or tokens[last + 1].key in ("of", "for"):
        return TitleSplit(titles[0], None)  # a role with no name: "the Minister for London"
    return None  # a title word inside another name: "Justice Department", "Major League"


def _is_title(token: Token, lex: Lexicon) -> bool:
    """A title word, hyphenated ones by their last part ("Under-Secretary-General")."""
    if token.kind != "word" or token.possessive:
        return False
    return token.key in lex.titles or token.key.rpartition("-")[2] in lex.titles


def _name_start(tokens: list[Token], t: int, j: int, lex: Lexicon) -> int | None:
    k = t + 1
    if k >= j:
        return None
    if tokens[k].key not in ("of", "for"):
        return k if person_like(tokens[k:j], lex) else None
    if k + 1 >= j:
        return None
    first = k + 2 if tokens[k + 1].key == "the" else k + 1
    for m in range(first + 1, j):  # "Chairman of the Joint Chiefs of Staff Mark Milley"
        if tokens[m].key in lex.given_names and person_like(tokens[m:j], lex):
            return m
    tail = j
    while tail > first and tokens[tail - 1].name and tokens[tail - 1].key not in ("of", "for"):
        tail -= 1
    start = max(tail, first) + 1  # the complement keeps one word: "Secretary of State Pompeo"
    return start if start < j and person_like(tokens[start:j], lex) else None


def _names_a_person(tokens: list[Token], k: int, lex: Lexicon) -> bool:
    end = k + 1
    while end < len(tokens) and (tokens[end].name or tokens[end].key in ("of", "for", "the")):
        end += 1
    while end > k + 1 and not tokens[end - 1].name:
        end -= 1
    split = split_title(tokens, k, end, lex)
    return split is not None and split.name_start is not None


def person_like(tokens: list[Token], lex: Lexicon) -> bool:
    """Could these tokens be a person's name (no heads, places, connectors or titles)?"""
    if not tokens or not tokens[-1].name or all(t.key in lex.titles for t in tokens):
        return False
    for token in tokens:
        if not token.name:
            if token.key in PARTICLES and token.text.islower():
                continue
            return False
        k = token.key
        if k in lex.org_heads or k in lex.place_heads or k in lex.other_heads:
            return False
        if lex.known_type(k) or lex.is_demonym(k) or token.acronym or token.kind == "abbr":
            return False
    return True


def role_word_before(text: str, tokens: list[Token], i: int, lex: Lexicon) -> int | None:
    """Index of a lowercase role noun just before token ``i`` ("spokesman Abbas Mousavi",
    "the judge, Sir Michael Astill"), or ``None``."""
    k = i - 1
    if k >= 0 and tokens[k].text == ",":
        k -= 1
        if k < 1 or tokens[k - 1].key not in _ARTICLES:
            return None  # "the judge, Sir Michael Astill"; not "said the spokesman, Iran..."
    if k < 0 or tokens[k].kind != "word" or not tokens[k].text.islower():
        return None
    if tokens[k].key not in lex.roles or text[tokens[k].end : tokens[k + 1].start].strip(", "):
        return None
    return k


def appositive(text: str, tokens: list[Token], j: int, lex: Lexicon) -> tuple[str, int, int] | None:
    """The role in ", commander of Iran's Quds Force" after a name ending at token ``j``:
    (role text, the role phrase's token range)."""
    if j + 1 >= len(tokens) or tokens[j].text != ",":
        return None
    k = j + 1
    if tokens[k].key in _ARTICLES:
        k += 1
    if k < len(tokens) and tokens[k].possessive and tokens[k].name:
        k += 1  # "Lawrence Greenspon, Khawaja's lawyer"
    if k >= len(tokens) or tokens[k].kind != "word":
        return None
    word = tokens[k]
    if not (word.key in lex.roles or (word.name and word.key in lex.titles)):
        return None
    if word.name and _names_a_person(tokens, k, lex):
        return None  # "Prince Charles, the Duchess of Cornwall Camilla Bowles": two people
    end = k + 1
    while end < len(tokens) and tokens[end].text not in _ENDS_PHRASE:
        end += 1
    if end > k + 1 and tokens[k + 1].key not in ("of", "for") and not tokens[k + 1].name:
        end = k + 1  # "a spokesman said": only the role word
    return text[word.start : tokens[end - 1].end], k, end
