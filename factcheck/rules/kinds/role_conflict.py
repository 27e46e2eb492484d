"""role_conflict: sources give one person two titles that cannot both be right.

A fact of this kind holds every mention of one canonical entity; the mentions that state a
role ("Defense Secretary Mark Esper", "Mark Milley, chairman of the Joint Chiefs of Staff")
are compared. A role is read as one or more facets (split at commas: "General, chairman of
the Joint Chiefs of Staff" is two), each a head noun (the last title word before any "of"/
"for": Secretary, President, Minister, spokesman, commander, General) with its qualifiers
(the other words, with "of ..." complements: "Defense" in "Defense Secretary" and in
"Secretary of Defense"). Places and nationalities ("U.S.", "US", "Iranian"), honorifics
(Mr., Sir, Ayatollah), articles, descriptive words ("top", "senior") and abbreviations
("Gen.") are read away, and plurals and British spellings ("Defence") are folded, so a role
worded more or less fully agrees; a party ("Republican", "Democratic") is a qualifier.

Two facets conflict only when they share a head noun and either neither's qualifiers
contain the other's ("Defense Secretary" against "Secretary of State"; "Brigadier General"
against "Major General") or one bears a rank modifier the other lacks ("Deputy Prime
Minister" against "Prime Minister"; ``rank_modifiers``). Facets with different heads are
compatible facets of one person ("General" and "chairman of the Joint Chiefs of Staff"),
so two different offices named by different nouns ("Prime Minister" and "Foreign
Secretary") are not caught: the rule prefers a missed conflict to a false one.

Anti-pattern: "Defense Secretary Mark Esper said ..." / "Secretary of State Mark Esper
said ...". Fix: check the person's title and correct the source that has it wrong.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import Any

from factcheck.extract.gazetteer import Lexicon, key, lexicon, word_key
from factcheck.facts import ClaimRow, Fact, Verdict
from factcheck.rules.kinds import Parameter, RuleKind
from factcheck.rules.kinds.entity_groups import Group, claims_of, contrast, group_by, value_of

PARAMETERS = {
    "rank_modifiers": Parameter(
        "array",
        ["deputy", "vice", "assistant", "associate", "acting", "interim", "former", "ex", "under"],
        "Words that make another office of the same head: a Deputy Prime Minister is not the "
        "Prime Minister. Vice Admiral and Air Vice Marshal are ranks, not deputies.",
        {"items": {"type": "string", "minLength": 1}},
    ),
    "within_source": Parameter(
        "boolean",
        False,
        "Also report two conflicting roles stated by the same source (by default only roles "
        "from different sources are compared; one article naming two roles usually means two "
        "times or two bodies).",
    ),
}

_ABBREVIATIONS = {
    "gen": "general", "lt": "lieutenant", "maj": "major", "brig": "brigadier",
    "col": "colonel", "capt": "captain", "cmdr": "commander", "adm": "admiral",
    "sgt": "sergeant", "cpl": "corporal", "pvt": "private", "gov": "governor",
    "sen": "senator", "rep": "representative", "pres": "president", "supt": "superintendent",
    "sec": "secretary", "amb": "ambassador", "dep": "deputy", "asst": "assistant",
}  # fmt: skip
_HEADS = {
    "spokesman": "spokesperson", "spokeswoman": "spokesperson", "chairman": "chair",
    "chairwoman": "chair", "chairperson": "chair", "premier": "prime minister",
    "congresswoman": "congressman",
}  # fmt: skip
_COMPOUNDS = frozenset(
    ("prime minister", "attorney general", "secretary general", "surgeon general",
     "inspector general", "solicitor general", "governor general", "chief executive",
     "chief justice")
)  # fmt: skip
_SPELLINGS = {"defence": "defense", "organisation": "organization", "labour": "labor"}
_RANK_NAMES = frozenset((("vice", "admiral"), ("vice", "marshal")))
_PARTIES = {
    "democrat": "democratic", "democratic": "democratic", "republican": "republican",
    "liberal": "liberal", "conservative": "conservative", "socialist": "socialist",
    "communist": "communist",
}  # fmt: skip
_DESCRIPTIVE = frozenset(
    ("top", "senior", "leading", "veteran", "powerful", "influential", "prominent", "longtime",
     "high", "ranking", "then", "current", "incumbent", "new", "newly", "outgoing")
)  # fmt: skip
_FILLERS = frozenset(("the", "a", "an", "of", "for", "and", "to", "at", "in", "on", "its"))
_IGNORED = _FILLERS | _DESCRIPTIVE
_COMPLEMENT = frozenset(("of", "for"))
_WORD = re.compile(r"[\w'’.]+")
_POSSESSIVE = re.compile(r"['’]s?$")
_PLACE_WORDS = 4  # the longest place name looked up among a role's words


@dataclass(frozen=True)
class Facet:
    """One reading of a role: head noun, qualifiers and rank modifiers (all normalised)."""

    head: str
    qualifiers: frozenset[str]
    ranks: frozenset[str]


def conflicts(a: Facet, b: Facet) -> bool:
    """Whether two facets name two offices of one head that cannot both be right."""
    if a.head != b.head:
        return False
    if a.ranks != b.ranks:
        return True
    return not (a.qualifiers <= b.qualifiers or b.qualifiers <= a.qualifiers)


def facets(role: str, modifiers: Sequence[str] = (), lex: Lexicon | None = None) -> list[Facet]:
    """The facets of a role as written: "General, chairman of the Joint Chiefs" -> two."""
    lex = lex or lexicon()
    found = (facet(part, modifiers, lex) for part in re.split(r"[,;]", role))
    return [f for f in found if f is not None]


def facet(phrase: str, modifiers: Sequence[str] = (), lex: Lexicon | None = None) -> Facet | None:
    """The facet of one role phrase, or None when it names no role ("Mr.", "Iranian")."""
    lex = lex or lexicon()
    words = role_words(phrase, lex)
    cut = next((i for i, w in enumerate(words) if w in _COMPLEMENT), len(words))
    heads = [i for i in range(cut) if _is_head(words[i], lex)]
    if not heads:
        return None
    at = heads[-1]
    head, rest = words[at], words[:at] + words[at + 1 :]
    if at > 0 and f"{words[at - 1]} {head}" in _COMPOUNDS:
        head, rest = f"{words[at - 1]} {head}", words[: at - 1] + words[at + 1 :]
    head = _HEADS.get(head, head)
    qualifiers = {_singular(_SPELLINGS.get(w, w)) for w in rest if w not in _IGNORED}
    ranks = {w for w in qualifiers if w in modifiers and (w, head) not in _RANK_NAMES}
    return Facet(head, frozenset(qualifiers - ranks), frozenset(ranks))


def role_words(phrase: str, lex: Lexicon) -> list[str]:
    """Lowercase words of a role, abbreviations expanded; honorifics and places left out."""
    words = []
    for token in _WORD.findall(phrase.replace("-", " ")):
        word = word_key(_POSSESSIVE.sub("", token))
        word = _ABBREVIATIONS.get(word.rstrip("."), word)
        words.append(_PARTIES.get(word, word))
    return [w for w in _without_places(words, lex) if w not in lex.honorifics]


def _without_places(words: list[str], lex: Lexicon) -> list[str]:
    """The words less place names ("U.S.", "United States", "Iran's") and nationalities
    ("Iranian"); a party ("Republican") stays: it tells two senators apart."""
    kept, i = [], 0
    while i < len(words):
        if lex.is_demonym(words[i]) and words[i] not in _PARTIES:
            i += 1
            continue
        for size in range(min(_PLACE_WORDS, len(words) - i), 0, -1):
            if lex.known_type(key(" ".join(words[i : i + size]))) == "place":
                i += size
                break
        else:
            kept.append(words[i])
            i += 1
    return kept


def _is_head(word: str, lex: Lexicon) -> bool:
    return (word in lex.titles and word not in lex.honorifics) or word in lex.roles


def _singular(word: str) -> str:
    """ "chiefs" -> "chief", "guards" -> "guard"; "affairs" -> "affair"; "boss" stays."""
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


Read = tuple[Facet, str, ClaimRow]


def _readings(fact: Fact, modifiers: Sequence[str]) -> list[Read]:
    """Every facet stated by the fact's claims, with its wording and claim."""
    lex, found = lexicon(), []
    for claim in fact.claims:
        for part in re.split(r"[,;]", value_of(claim, "role")):
            read = facet(part, modifiers, lex)
            if read is not None:
                found.append((read, part.strip(), claim))
    return found


def _clash(a: Facet, b: Facet, groups: Mapping[Facet, Group], within_source: bool) -> bool:
    if not conflicts(a, b):
        return False
    if within_source:
        return True
    return any(x != y for x in groups[a].sources for y in groups[b].sources)


def _conflicting_heads(
    groups: Mapping[Facet, Group], within_source: bool
) -> dict[str, list[Facet]]:
    """For each head with a conflict: the facets in at least one conflicting pair."""
    clashing: dict[str, list[Facet]] = {}
    for a, b in combinations(sorted(groups, key=repr), 2):
        if _clash(a, b, groups, within_source):
            found = clashing.setdefault(a.head, [])
            found.extend(f for f in (a, b) if f not in found)
    return clashing


def check(fact: Fact, params: Mapping[str, Any]) -> Iterator[Verdict]:
    """A ``conflict`` verdict for each head noun under which sources give incompatible roles."""
    readings = _readings(fact, [str(m).lower() for m in params["rank_modifiers"]])
    groups = group_by(readings)
    name = next((value_of(c, "canonical") for c in fact.claims if value_of(c, "canonical")), "")
    clashing = _conflicting_heads(groups, bool(params["within_source"]))
    for found in clashing.values():
        chosen = [groups[f] for f in found]
        yield Verdict("conflict", f"{name or fact.key}: {contrast(chosen)}", claims_of(chosen))
    if not clashing and len({c["source_id"] for _, _, c in readings}) > 1:
        agreed = contrast(groups.values(), "; ")
        yield Verdict(
            "agree", f"{name or fact.key}: compatible roles {agreed}", claims_of(groups.values())
        )


KIND = RuleKind(
    name="role_conflict",
    claim_kind="entity",
    summary="Sources give one person two titles that contradict (Defense Secretary / "
    "Secretary of State).",
    check=check,
    parameters=PARAMETERS,
)
