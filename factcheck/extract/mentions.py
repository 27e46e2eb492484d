"""Entity mentions of one sentence: capitalised runs turned into names with roles and cues.

A run (see :mod:`factcheck.extract.names`) becomes a mention after titles are split off
(:mod:`factcheck.extract.roles`), leading demonyms dropped ("Iranian", unless the name ends
in a head word: "Islamic Revolutionary Guard Corps"), an ordinal or a law's year joined
("82nd Airborne Division", "Terrorism Act 2000") and post-nominal letters cut ("QC").
Context cues for the type (said/told, an age, "in"/"at" before) and pairs (an acronym in
parentheses, "also known as") are noted for the source-level pass in
:mod:`factcheck.extract.entities`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from factcheck.extract.gazetteer import Lexicon, key
from factcheck.extract.names import Token, find_runs, run_text, tokenize
from factcheck.extract.roles import appositive, person_like, role_word_before, split_title

_SPEECH_AFTER = re.compile(
    r"\s+(?:has\s+|had\s+|also\s+|later\s+)?(?:said|says|told|tells|added|adds|asked|stated"
    r"|explained|continued|claimed|wrote|writes|tweeted|insisted|argued|noted|warned|replied"
    r"|responded|announced|declared|admitted|testified|recalled|spoke|speaks)\b"
)
_SAID_BEFORE = re.compile(r"\b(?:said|says|told|according\s+to)\s+$")
_AGE_AFTER = re.compile(r",\s*\d{1,3}\s*,")
_PLACE_BEFORE = re.compile(
    r"\b(?:in|at|near|from|into|outside|across|toward|towards|via|through|throughout"
    r"|inside|around|to)\s+(?:the\s+)?$",
    re.I,
)
_PLACE_AFTER = re.compile(
    r"\s+(?:station|airport|area|areas|city|town|village|district|province|region|county"
    r"|street|road|square|jail|prison|base|neighbou?rhood|suburb|border|countryside)\b"
)
_IN_PLACE = re.compile(r",\s+(?:(?:north|south|east|west|central)(?:ern)?\s+)?")
_ORG_AFTER = re.compile(r" (?:police|army|navy|council|ministry|party)\b")
_COORDINATION = re.compile(r"(?:,\s*|\s+and\s+|,\s+and\s+|\s+or\s+)")
_ALIAS_AFTER = re.compile(
    r"\s*[,(]\s*(?:also\s+)?(?:known|named|called)\s+as\s+|\s*\(?(?:aka|a\.k\.a\.)\s+"
)
_ACRONYM_AFTER = re.compile(r"\s*\((?P<acronym>[A-Z][A-Za-z]*[A-Z])s?\)")
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)")
_YEAR = re.compile(r"(?:1[89]|20)\d\d")


@dataclass(slots=True)
class Mention:
    """A candidate entity mention; offsets are indices into ``sentence``."""

    sentence: str
    tokens: list[Token]
    start: int
    end: int
    role: str | None = None
    entity_type: str | None = None
    cue: str | None = None
    pair: str | None = None
    initial: bool = False
    title_case: bool = False
    in_role: bool = False
    extra: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.sentence[self.start : self.end]

    @property
    def key(self) -> str:
        return key(self.text)

    @property
    def words(self) -> list[Token]:
        return [t for t in self.tokens if t.name]


def make_mention(sentence: str, tokens: list[Token], i: int, j: int) -> Mention:
    """The mention spanning tokens ``[i, j)`` (the last one without its possessive)."""
    return Mention(sentence, tokens[i:j], tokens[i].start, tokens[j - 1].end)


def sentence_mentions(text: str, lex: Lexicon, headline: bool = False) -> list[Mention]:
    """Every candidate mention of one sentence, in order, with roles, cues and pairs.

    ``headline``: the sentence is an article's title, where title case may capitalise
    every longer word.
    """
    tokens = tokenize(text, lex)
    title_case = headline and _is_title_case(tokens)
    mentions: list[Mention] = []
    role_only: dict[int, str] = {}
    complement = (-1, -1)
    previous: tuple[int, int] = (-1, -1)
    for i, j in find_runs(text, tokens, lex):
        found = _run_mentions(text, tokens, (i, j), previous, mentions, role_only, lex)
        for mention in found:
            mention.initial = tokens[i].initial and mention.start == tokens[i].start
            mention.title_case = title_case
            inside = complement[0] <= i < complement[1]
            mention.in_role = inside and not _stands_alone(mention, lex)
            if mention.end == tokens[j - 1].end and (
                mention.entity_type == "person" or person_like(mention.tokens, lex)
            ):
                complement = _add_appositive(text, tokens, j, mention, lex) or complement
        mentions.extend(found)
        previous = (i, j)
    _pair_acronyms_and_aliases(text, mentions)
    _note_cues(text, mentions, lex)
    return [m for m in mentions if not m.in_role]


def _run_mentions(
    text: str, tokens: list[Token], run: tuple[int, int], previous: tuple[int, int],
    mentions: list[Mention], role_only: dict[int, str], lex: Lexicon,
) -> list[Mention]:  # fmt: skip
    i, j = run
    if tokens[i].standalone or lex.known_type(key(run_text(text, tokens, i, j))):
        mention = make_mention(text, tokens, i, j)
        mention.entity_type = lex.known_type(mention.key)
        return [mention]
    if j - i == 1 and j < len(tokens) and tokens[j].kind == "num":
        return []  # an identifier: "Type 22", "Flight 93"
    split = split_title(tokens, i, j, lex)
    if split is not None and split.name_start is None:
        role_only[j] = run_text(text, tokens, i, j)
        return _known_parts(text, tokens, i, split.first_title, lex)
    start = split.name_start if split is not None else _skip_demonyms(tokens, i, j, lex)
    if start is None or start >= j:
        return []
    mention = _trimmed(text, tokens, start, j, lex)
    roles = [run_text(text, tokens, i, start)] if split is not None else []
    if split is not None or person_like(mention.tokens, lex):
        before = _role_before(text, tokens, i, previous, mentions, role_only, lex)
        roles = [before, *roles] if before else roles
    if mention.role:
        roles.append(mention.role)
    if roles:
        mention.role = " ".join(roles)
        mention.entity_type = "person"
    return [mention]


def _skip_demonyms(tokens: list[Token], i: int, j: int, lex: Lexicon) -> int:
    """Drop leading demonyms unless the name ends in a head word ("Islamic State" is known)."""
    last = tokens[j - 1].key
    if last in lex.org_heads or last in lex.place_heads or last in lex.other_heads:
        return i
    while i < j and (lex.is_demonym(tokens[i].key) or not tokens[i].name):
        i += 1
    return i


def _trimmed(text: str, tokens: list[Token], i: int, j: int, lex: Lexicon) -> Mention:
    """Post-nominal letters cut ("QC"), an ordinal ("82nd") or a law's year joined."""
    role = None
    if j - i > 1 and tokens[j - 1].key in lex.postnominals:
        role = tokens[j - 1].text
        j -= 1
    last = tokens[j - 1].key
    if i > 0 and _ORDINAL.fullmatch(tokens[i - 1].key) and last in lex.org_heads:
        i -= 1
    year = j < len(tokens) and _YEAR.fullmatch(tokens[j].text)
    if last in lex.other_heads and year and text[tokens[j - 1].full_end : tokens[j].start] == " ":
        j += 1
    mention = make_mention(text, tokens, i, j)
    if _org_noun_after(text, tokens, i, j, lex):
        mention.tokens.append(tokens[j])
        mention.end = tokens[j].end  # "Metropolitan police"
        mention.entity_type = "organisation"
    if role:
        mention.role, mention.entity_type = role, "person"
    return mention


def _org_noun_after(text: str, tokens: list[Token], i: int, j: int, lex: Lexicon) -> bool:
    """An unlisted name followed by a lowercase organisation noun ("Metropolitan police")."""
    if j >= len(tokens) or tokens[j - 1].possessive:
        return False
    if not _ORG_AFTER.match(text, tokens[j - 1].end):
        return False
    name = key(run_text(text, tokens, i, j))
    words = [t.key for t in tokens[i:j]]
    if lex.known_type(name) or any(lex.is_demonym(w) or lex.known_type(w) for w in words):
        return False
    return words[-1] not in lex.org_heads and words[-1] not in lex.given_names


def _known_parts(text: str, tokens: list[Token], i: int, j: int, lex: Lexicon) -> list[Mention]:
    """Listed names among tokens ``[i, j)`` ("Pentagon" in "Pentagon Press Secretary")."""
    found = []
    for k in range(i, j):
        kind = lex.known_type(tokens[k].key) if tokens[k].name else None
        if kind and not tokens[k].possessive:
            mention = make_mention(text, tokens, k, k + 1)
            mention.entity_type = kind
            found.append(mention)
    return found


def _role_before(
    text: str, tokens: list[Token], i: int, previous: tuple[int, int],
    mentions: list[Mention], role_only: dict[int, str], lex: Lexicon,
) -> str | None:  # fmt: skip
    """A role stated just before a name: "spokesman", "Foreign Ministry spokesman",
    "Minister for London," (a role-only run and a comma)."""
    if i >= 2 and tokens[i - 1].text == "," and i - 1 in role_only:
        return role_only[i - 1]
    k = role_word_before(text, tokens, i, lex)
    if k is None:
        return None
    p_start, p_end = previous
    if p_end == k and text[tokens[p_end - 1].full_end : tokens[k].start] == " ":
        start = tokens[p_start].start
        mentions[:] = [m for m in mentions if m.start < start]  # the run is part of the role
        return text[start : tokens[k].end]
    return tokens[k].text


def _add_appositive(
    text: str, tokens: list[Token], j: int, mention: Mention, lex: Lexicon
) -> tuple[int, int] | None:
    """Add a role stated after the name; return the token range of the role phrase."""
    found = appositive(text, tokens, j, lex)
    if found is None:
        return None
    role, start, end = found
    mention.role = f"{mention.role}, {role}" if mention.role else role
    return start, end


def _stands_alone(mention: Mention, lex: Lexicon) -> bool:
    """A name that stays a mention inside a role phrase: listed, or with a head word."""
    last = mention.words[-1].key if mention.words else ""
    return bool(lex.known_type(mention.key)) or last in lex.org_heads or last in lex.place_heads


def _is_title_case(tokens: list[Token]) -> bool:
    """A headline in title case: most longer words capitalised."""
    words = [t for t in tokens if t.kind == "word" and len(t.text) > 3]
    capitalised = sum(1 for t in words if t.text[:1].isupper())
    return len(words) >= 3 and capitalised >= 0.75 * len(words)


def _pair_acronyms_and_aliases(text: str, mentions: list[Mention]) -> None:
    """ "Islamic Revolutionary Guard Corps (IRGC)", "Hussain Osman, also known as Hamdi Issac"."""
    by_start = {m.start: m for m in mentions}
    for mention in mentions:
        after = text[mention.end :]
        acronym = _ACRONYM_AFTER.match(after)
        if acronym and acronym.group("acronym").upper() == _initials(mention):
            other = by_start.get(mention.end + acronym.start("acronym"))
            if other is not None:
                other.pair = mention.text
            continue
        alias = _ALIAS_AFTER.match(after)
        other = by_start.get(mention.end + alias.end()) if alias else None
        if other is not None:
            other.pair = mention.text


def _place_follows(text: str, mention: Mention, following: list[Mention], lex: Lexicon) -> bool:
    """ "Luton station"; "Beeston, Leeds", "Barkingside, east London": in a known place."""
    if _PLACE_AFTER.match(text, mention.end):
        return True  # "Luton station"
    if not following or lex.known_type(following[0].key) != "place":
        return False
    return bool(_IN_PLACE.fullmatch(text[mention.end : following[0].start]))


def _initials(mention: Mention) -> str:
    return "".join(t.text[0] for t in mention.tokens if t.name and t.text[:1].isupper()).upper()


def _note_cues(text: str, mentions: list[Mention], lex: Lexicon) -> None:
    """Context cues for the type: said/told or an age (person), "in"/"at" (place), lists."""
    for n, mention in enumerate(mentions):
        before, after = text[: mention.start], text[mention.end :]
        said = _SPEECH_AFTER.match(after) or _SAID_BEFORE.search(before)
        if (said or _AGE_AFTER.match(after)) and person_like(mention.tokens, lex):
            mention.cue = "person"
        elif _PLACE_BEFORE.search(before) or _place_follows(text, mention, mentions[n + 1 :], lex):
            mention.cue = "place"
        if n and _COORDINATION.fullmatch(text[mentions[n - 1].end : mention.start]):
            mention.extra.append("coordinated")
