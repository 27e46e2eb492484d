"""The words around a number: the counted noun, the governing verb, and a short subject.

Rule-based on purpose (no tagger to download): a noun phrase after the number runs until a
function word, punctuation, an auxiliary or a past participle, and ends at its first plural
noun; the verb is found to the left ("sent 750 troops") or, for a subject, to the right
("hundreds have been killed").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck.extract.lexicon import (
    AUXILIARIES,
    PAST_FORMS,
    PHRASE_BREAKERS,
    PREPOSITIONS,
    verb_lemma,
)
from factcheck.extract.units import INVARIANT_PLURALS, singular

_TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|[A-Za-z][\w'’.-]*[\w]|[A-Za-z]|\d[\d,.]*|[^\w\s]")
_DETERMINERS = frozenset(
    "the a an its their his her this these those our your additional extra another further "
    "new more some other".split()
)
_PREPOSITIONS = frozenset(
    "to into in from on at near across for against inside outside toward towards".split()
)
#: Verbs whose implicit subject is people: "hundreds have been killed", "Thousands gathered".
HUMAN_PREDICATES = frozenset(
    """kill die injure wound gather protest march flee evacuate rescue arrest detain displace
    rally attend vote riot camp survive perish drown strike hospitalize kidnap""".split()
)
_MAX_NOUN_WORDS = 5


@dataclass(frozen=True)
class NounPhrase:
    """The noun phrase after a number: its words, its head, and where it ends."""

    words: tuple[str, ...]
    head: str
    end: int  # offset just after the head, relative to the text searched


def _tokens(text: str) -> list[re.Match[str]]:
    return list(_TOKEN.finditer(text))


def is_plural(word: str) -> bool:
    return singular(word) != word or word.lower() in INVARIANT_PLURALS | {"people"}


def _is_past_participle(word: str) -> bool:
    lower = word.lower()
    return lower in PAST_FORMS or (lower.endswith("ed") and verb_lemma(lower) is not None)


def noun_phrase(after: str, skip_of: bool = False) -> NounPhrase | None:
    """The counted noun phrase at the start of ``after`` (the text after a number)."""
    tokens = _tokens(after[:120])
    index = 0
    if skip_of and tokens and tokens[0].group().lower() == "of":
        index = 1
        while index < len(tokens) and tokens[index].group().lower() in _DETERMINERS:
            index += 1
    words: list[re.Match[str]] = []
    while index < len(tokens) and len(words) < _MAX_NOUN_WORDS:
        token = tokens[index]
        word = token.group()
        lower = word.lower()
        if lower in {"and", "or"} and words and _joins_modifiers(words[-1].group(), tokens, index):
            index += 1
            continue
        if not word[0].isalpha() or lower in PHRASE_BREAKERS or lower in AUXILIARIES:
            break
        if len(word) == 1:  # "5 m away": a lone letter is a symbol, not a counted noun
            break
        if _is_past_participle(word) and not word[0].isupper():
            break
        words.append(token)
        if is_plural(word):  # the head of a counted phrase is its first plural noun
            break
        index += 1
    while words and not re.search(r"[a-z]", words[-1].group()):
        words.pop()  # "U.S." alone is a modifier, not a counted noun
    if not words:
        return None
    head = words[-1]
    text_words = tuple(after[words[0].start() : head.end()].split())
    return NounPhrase(text_words, head.group(), head.end())


def _joins_modifiers(previous: str, tokens: list[re.Match[str]], index: int) -> bool:
    """ "U.S. and Iraqi troops": the conjunction joins modifiers, not two counted nouns."""
    if is_plural(previous) or index + 1 >= len(tokens):
        return False
    following = tokens[index + 1].group()
    return following[0].isalpha() and following.lower() not in PHRASE_BREAKERS


def counted_unit(phrase: NounPhrase) -> str:
    """The counted noun in singular: lowercase unless it is a proper noun ("Marine")."""
    head = singular(phrase.head)
    return head if head[:1].isupper() and head[1:].islower() else head.lower()


def predicate_before(before: str) -> tuple[str, str] | None:
    """A verb shortly before the number: ``(lemma, surface)``, e.g. "has deployed an extra"."""
    tokens = _tokens(before[-80:])
    skipped = 0
    for token in reversed(tokens):
        word = token.group()
        lower = word.lower()
        if lower in _DETERMINERS and skipped < 3:
            skipped += 1
            continue
        lemma = verb_lemma(lower)
        if lemma and lower not in AUXILIARIES and not word[0].isupper():
            return lemma, word
        return None
    return None


def predicate_after(before: str, after: str) -> tuple[str, str] | None:
    """The verb of which the counted phrase is the subject ("have been killed").

    A quantity inside a prepositional phrase ("in two days of protests") is no subject.
    """
    previous = _tokens(before[-20:])
    if previous and previous[-1].group().lower() in PREPOSITIONS:
        return None
    tokens = _tokens(after[:100])
    first_verb: tuple[str, str] | None = None
    saw_auxiliary = False
    for position, token in enumerate(tokens[:8]):
        word = token.group()
        lower = word.lower()
        if not word[0].isalpha() or (lower in _PREPOSITIONS and position == 0):
            break
        if lower in AUXILIARIES:
            saw_auxiliary = True
            continue
        lemma = verb_lemma(lower) if not word[0].isupper() else None
        if lemma and saw_auxiliary:
            return lemma, word
        if lemma and first_verb is None and (position == 0 or _is_past_participle(word)):
            first_verb = (lemma, word)
        if saw_auxiliary:
            break
    return first_verb


def prepositional_phrase(after: str) -> str | None:
    """A short place or goal phrase right after the noun: "to Kuwait", "to the Middle East"."""
    tokens = _tokens(after[:80])
    if not tokens or tokens[0].group().lower() not in _PREPOSITIONS:
        return None
    kept = [tokens[0]]
    for token in tokens[1:4]:
        word = token.group()
        proper = word[0].isupper() and word[0].isalpha()
        if kept[-1].group()[0].isupper() and len(kept) > 1 and not proper:
            break  # "to Kuwait this week": the place ends the phrase
        if word.lower() in _DETERMINERS or proper:
            kept.append(token)
            continue
        if word[0].isalpha() and word.lower() not in PHRASE_BREAKERS and verb_lemma(word) is None:
            kept.append(token)
        break
    if len(kept) < 2 or kept[-1].group().lower() in _DETERMINERS:
        return None
    return after[kept[0].start() : kept[-1].end()]
