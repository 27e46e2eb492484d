"""Entity claims: names of people, organisations and places, rule-based and offline.

Per source, in three steps. (1) :func:`~factcheck.extract.mentions.sentence_mentions` finds
candidate mentions in every body and title sentence (capitalised runs, titles split off,
roles, cues). (2) Candidates whose capital may only mark a sentence start ("Militiamen",
"Recent U.S."), or a title-case headline ("Prevent Attacks"), are kept only when the source
uses the name elsewhere, the word lists know it, or its shape says so; capitalised common
phrases the source also writes in lowercase ("Public Inquiry") are dropped. (3) Each
mention gets a type (lists and head words, titles, given names, then context: said/told,
an age, "in"/"at", a list it stands in) and a first ``canonical``: the fullest form of the
name in the source. :func:`factcheck.extract.canonical.canonicalize` then groups names
across the sources of a cluster.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator

from factcheck.claims import Claim
from factcheck.corpus import Source
from factcheck.extract.gazetteer import Lexicon, key, lexicon
from factcheck.extract.mentions import Mention, make_mention, sentence_mentions
from factcheck.extract.roles import person_like
from factcheck.text import CLAIM_ZONES, Sentence

_LOWER_WORD = re.compile(r"(?<![\w’'-])[a-z][a-z]+(?![\w’'-])")
_INITIAL = re.compile(r"[A-Z]\.?")
_FACILITIES = frozenset(("station", "airport"))


def entity_claims(source: Source, sentences: list[Sentence]) -> Iterator[Claim]:
    """The entity claims of one source, from the sentences of its claim zones."""
    lex = lexicon()
    chosen = [s for s in sentences if s.zone in CLAIM_ZONES]
    found = [(s, sentence_mentions(s.text, lex, s.zone == "title")) for s in chosen]
    lower = frozenset(_LOWER_WORD.findall(source.text))
    candidates = [m for _, mentions in found for m in mentions]
    person_words = _person_words(candidates, lex)
    known = _known_keys(candidates)
    kept: list[tuple[Sentence, Mention]] = []
    for sentence, mentions in found:
        for mention in mentions:
            checked = _checked(mention, known, person_words, lower, lex)
            if checked is not None and checked.end > checked.start:
                kept.append((sentence, checked))
    _assign_types([m for _, m in kept], person_words, lex)
    names = _source_names([m for _, m in kept], lex)
    for sentence, mention in kept:
        start, end = sentence.start + mention.start, sentence.start + mention.end
        yield Claim(
            source.cluster_id, source.source_id, "entity", start, end, source.text[start:end],
            sentence.text, sentence.zone, entity_type=mention.entity_type,
            canonical=names.get(id(mention), mention.text), role=mention.role,
        )  # fmt: skip


def _intrinsic_type(mention: Mention, lex: Lexicon) -> str | None:
    """The type the name itself shows: lists, head words, titles, a given name."""
    if mention.entity_type:
        return mention.entity_type
    if mention.role:
        return "person"
    words = mention.words
    if not words:
        return None
    known = lex.known_type(mention.key)
    if known:
        return known
    first, last = words[0].key, _head(mention)
    if last in lex.other_heads or first in lex.other_prefixes:
        return "other"
    if last in lex.org_heads:
        return "organisation"
    if last in lex.place_heads or first in lex.place_prefixes:
        return "place"
    last = words[-1].key
    if len(words) > 1 and lex.known_type(last) == "organisation":
        return "organisation"  # "Kataeb Hezbollah"
    if len(words) > 1 and first in lex.given_names and person_like(mention.tokens, lex):
        return "person"
    if words[0].acronym:
        return "organisation"
    return None


def _head(mention: Mention) -> str:
    """The head word: the last, or the one before "of" ("Ministry of Defence")."""
    for n, token in enumerate(mention.tokens[1:], 1):
        if token.key in ("of", "for") and not token.name:
            return mention.tokens[n - 1].key
    return mention.words[-1].key


def _person_words(candidates: list[Mention], lex: Lexicon) -> frozenset[str]:
    """First and last words of the people the source names in full or with a title."""
    words: set[str] = set()
    for mention in candidates:
        if mention.title_case or not mention.words:
            continue
        kind = _intrinsic_type(mention, lex)
        shaped = len(mention.words) > 1 and person_like(mention.tokens, lex)
        sure = not mention.initial or mention.cue == "person"
        if kind == "person" or (kind is None and shaped and sure):
            words.update((mention.words[0].key, mention.words[-1].key))
    return frozenset(words)


def _known_keys(candidates: list[Mention]) -> frozenset[str]:
    """Names the source uses where a capital can only mean a name."""
    return frozenset(m.key for m in candidates if not m.initial and not m.title_case)


def _checked(
    mention: Mention, known: frozenset[str], person_words: frozenset[str],
    lower: frozenset[str], lex: Lexicon,
) -> Mention | None:  # fmt: skip
    """The mention as kept (possibly without a first or last word), or ``None``."""
    words = mention.words
    if not words:
        return None
    acronym = len(words) == 1 and words[0].acronym
    listed = bool(mention.entity_type or mention.role or mention.pair or acronym)
    if mention.title_case and not listed and mention.key not in known:
        first = words[0].key
        if first in known or first in person_words or lex.known_type(first):
            at = mention.tokens.index(words[0])
            return _trim(mention, at, at + 1)  # "US Forces" in a headline
        return None
    if mention.initial and not listed:
        initial = _checked_initial(mention, known, person_words, lower, lex)
        return None if initial is None else _without_facility(initial, known, lex)
    if not listed and not mention.cue and _common_phrase(mention, lower, lex):
        return None  # "Public Inquiry", when the source also writes "public inquiry"
    return _without_facility(mention, known, lex)


def _checked_initial(
    mention: Mention, known: frozenset[str], person_words: frozenset[str],
    lower: frozenset[str], lex: Lexicon,
) -> Mention | None:  # fmt: skip
    """A mention whose first word opens the sentence (or a quotation)."""
    first = mention.words[0]
    is_known = mention.key in known or first.key in person_words or bool(lex.known_type(first.key))
    if len(mention.words) == 1:
        if is_known:
            return mention
        plain = first.key not in lower and not _looks_common(first.text)
        person = first.key in lex.given_names or mention.cue == "person"
        return mention if plain and person else None
    if is_known or first.in_phrase or first.key in lex.given_names:
        return mention
    rest = key(mention.sentence[mention.words[1].start : mention.end])
    named = lex.known_type(rest) or (rest in known and rest not in person_words)
    if first.key in lower or _looks_common(first.text) or named:
        trimmed = _trim(mention, 1, len(mention.tokens))
        return trimmed if trimmed.words else None  # "Recent U.S. airstrikes"
    return mention


def _looks_common(word: str) -> bool:
    return word.endswith(("ly", "ing")) and len(word) > 5


def _common_phrase(mention: Mention, lower: frozenset[str], lex: Lexicon) -> bool:
    words = mention.words
    if _intrinsic_type(mention, lex) or words[-1].key in lex.org_heads:
        return False
    return all(w.key in lower for w in words)


def _without_facility(mention: Mention, known: frozenset[str], lex: Lexicon) -> Mention:
    """ "Luton Station" -> "Luton" when the place is known: the facility is not a new name."""
    words = mention.words
    if len(words) > 1 and words[-1].key in _FACILITIES:
        rest = key(mention.sentence[mention.start : words[-2].end])
        if rest in known or lex.known_type(rest) == "place":
            return _trim(mention, 0, mention.tokens.index(words[-2]) + 1)
    return mention


def _trim(mention: Mention, i: int, j: int) -> Mention:
    """The mention cut to its tokens ``[i, j)``, connectors at the edges dropped."""
    tokens = mention.tokens
    while i < j and not tokens[i].name:
        i += 1
    while j > i and not tokens[j - 1].name:
        j -= 1
    if i >= j:
        return _empty(mention)
    trimmed = make_mention(mention.sentence, tokens, i, j)
    trimmed.cue, trimmed.title_case = mention.cue, mention.title_case
    return trimmed


def _empty(mention: Mention) -> Mention:
    return Mention(mention.sentence, [], mention.start, mention.start)


def _assign_types(mentions: list[Mention], person_words: frozenset[str], lex: Lexicon) -> None:
    """Set ``entity_type`` on every mention, from the strongest cue available."""
    by_text: dict[str, str] = {}
    for mention in mentions:
        kind = _intrinsic_type(mention, lex)
        if kind is None and len(mention.words) == 1:
            word = mention.words[0].key
            kind = "person" if word in person_words or word in lex.given_names else None
        mention.entity_type = kind
        if kind:
            by_text.setdefault(mention.key, kind)
    previous: Mention | None = None
    for mention in mentions:
        if mention.entity_type is None:
            kind = by_text.get(key(mention.pair)) if mention.pair else mention.cue
            if kind is None and "coordinated" in mention.extra and previous is not None:
                kind = previous.entity_type if previous.sentence is mention.sentence else None
            mention.entity_type = kind or _default_type(mention, lex)
        previous = mention


def _default_type(mention: Mention, lex: Lexicon) -> str:
    """Two or three name-shaped words are most often a person; anything else is "other"."""
    words = mention.words
    if 2 <= len(words) <= 4 and person_like(mention.tokens, lex):
        return "person"
    return "other"


def _source_names(mentions: list[Mention], lex: Lexicon) -> dict[int, str]:
    """A first canonical name per mention: the fullest form of the name in the source."""
    full_people = _FullNames(
        {n for m in mentions if m.entity_type == "person" for n in [_person_name(m)] if " " in n}
    )
    surfaces = {m.key: m.text for m in mentions if not m.text.isupper()}
    names: dict[int, str] = {}
    for mention in mentions:
        names[id(mention)] = _source_name(mention, full_people, surfaces, lex)
    for mention in mentions:
        if mention.pair:
            names[id(mention)] = lex.aliases.get(key(mention.pair), mention.pair)
    return names


class _FullNames:
    """People's full names, found by their last or first word (each name costs one look-up,
    not a scan of every name in the source)."""

    def __init__(self, names: set[str]) -> None:
        self.by_last: dict[str, set[str]] = defaultdict(set)
        self.by_first: dict[str, set[str]] = defaultdict(set)
        for name in names:
            self.by_last[key(name.split()[-1])].add(name)
            self.by_first[key(name.split()[0])].add(name)


def _source_name(
    mention: Mention, full_people: _FullNames, surfaces: dict[str, str], lex: Lexicon
) -> str:
    if mention.key in lex.aliases:
        return lex.aliases[mention.key]
    if mention.entity_type != "person":
        return surfaces.get(mention.key, mention.text)
    name = _person_name(mention)
    if " " in name:
        return name
    matches = full_people.by_last.get(mention.key) or full_people.by_first.get(mention.key, set())
    return next(iter(matches)) if len(matches) == 1 else name


def _person_name(mention: Mention) -> str:
    """ "Mark T. Esper" -> "Mark Esper": a person's name without middle initials."""
    words = [t.text for t in mention.tokens]
    if len(words) > 2:
        words = [words[0]] + [w for w in words[1:-1] if not _INITIAL.fullmatch(w)] + [words[-1]]
    return " ".join(words)
