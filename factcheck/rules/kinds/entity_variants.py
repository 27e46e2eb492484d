"""entity_variants: sources spell one entity differently.

A fact of this kind holds every mention of one canonical entity across the cluster's
sources (alignment groups entity claims by ``canonical``). Each mention is reduced to a
spelling form: accents, case, periods, hyphens, apostrophes, a possessive, the articles
"the"/"al-"/"el-" and single letters (middle initials) aside, so "U.S." is "US", "Mark T.
Esper" is "Mark Esper" and "PENTAGON" is "Pentagon". Forms that are part of a fuller form
("Esper" of "Mark Esper") are not spellings of their own, nor is a plural ("Revolutionary
Guard" and "Revolutionary Guards"). Two full forms are two spellings when, beyond the words
they share, each word of one matches a word of the other that is spelled differently but
closely (``min_similarity``, words of ``min_word_length`` letters or more): "Kataeb
Hezbollah" and "Kataib Hezbollah". Forms without such a match are different names the
canonicaliser joined on purpose, not a finding: an alias ("America" and "United States"),
an acronym and its expansion ("IRGC"), "US" and "USA".

Anti-pattern: "Kataeb Hezbollah claimed the attack." / "Kataib Hezbollah claimed the
attack." Fix: pick one transliteration (the house style, or the one most sources use) and
use it throughout; the finding lists each spelling with the sources that use it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

from rapidfuzz import fuzz

from factcheck.facts import ClaimRow, Fact, Verdict
from factcheck.rules.kinds import Parameter, RuleKind
from factcheck.rules.kinds.entity_groups import Group, claims_of, contrast, group_by, value_of

PARAMETERS = {
    "min_similarity": Parameter(
        "number",
        0.7,
        "How alike (0 to 1, rapidfuzz ratio / 100) two differing words must be to count as "
        "two spellings of one word (Kataeb/Kataib 0.83, Kiev/Kyiv 0.75); less alike words "
        "are different names (an alias, an acronym), not a finding.",
        {"minimum": 0, "maximum": 1},
    ),
    "min_word_length": Parameter(
        "integer",
        4,
        "Words shorter than this never count as spellings of each other (US/USA).",
        {"minimum": 0},
    ),
    "ignore_case": Parameter(
        "boolean",
        True,
        "Compare without case. When false, McDonald and Mcdonald are two spellings; words "
        "written all in capitals (datelines, headlines) still match any case.",
    ),
    "ignore_accents": Parameter(
        "boolean",
        True,
        "Compare without accents and other diacritics (Qāsem and Qasem are one spelling).",
    ),
}

Form = tuple[str, ...]

_POSSESSIVE = re.compile(r"['’]s?$")
_APOSTROPHES = re.compile(r"['’‘`]")
_SEPARATORS = re.compile(r"[\s\-‐‑–]+")
_ARTICLES = frozenset(("the", "al", "el"))


def spelling_form(text: str, ignore_case: bool = True, ignore_accents: bool = True) -> Form:
    """The words a name is compared by: "Mark T. Esper's" -> ("mark", "esper")."""
    text = unicodedata.normalize("NFKC", text.strip())
    if ignore_accents:
        decomposed = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    text = _APOSTROPHES.sub("", _POSSESSIVE.sub("", text)).replace(".", "")
    words = [_cased(w, ignore_case) for w in _SEPARATORS.split(text) if w]
    kept = [w for w in words if w.lower() not in _ARTICLES and len(w) > 1]
    return tuple(kept or words)


def _cased(word: str, ignore_case: bool) -> str:
    if ignore_case:
        return word.lower()
    return word.title() if word.isupper() else word


def respelled(a: Form, b: Form, min_similarity: float = 0.7, min_length: int = 4) -> bool:
    """Whether two forms spell one name differently (see the module docstring)."""
    only_a = [w for w in a if not any(_same_word(w, v) for v in b)]
    only_b = [w for w in b if not any(_same_word(w, v) for v in a)]
    if not only_a or not only_b:
        return False  # the same words, or one form part of the other
    shorter, longer = sorted((only_a, only_b), key=len)
    pool = list(longer)
    for word in shorter:
        match = _closest(word, pool, min_similarity, min_length)
        if match is None:
            return False
        pool.remove(match)
    return True


def _same_word(x: str, y: str) -> bool:
    """One word, or its plural: "Guard" and "Guards", "Marine" and "Marines"."""
    return x == y or x + "s" == y or y + "s" == x


def _closest(word: str, pool: Sequence[str], min_similarity: float, min_length: int) -> str | None:
    """The word of the pool spelled most like ``word``, if close enough."""
    if len(word) < min_length:
        return None
    scored = [
        (fuzz.ratio(word.lower(), other.lower()) / 100, other)
        for other in pool
        if len(other) >= min_length
    ]
    best = max(scored, default=None)
    return best[1] if best is not None and best[0] >= min_similarity else None


def full_forms(forms: Iterable[Form]) -> list[Form]:
    """The forms that are not part of another form ("Esper" is part of "Mark Esper")."""
    distinct = sorted(set(forms))
    return [f for f in distinct if not any(set(f) < set(g) for g in distinct)]


def spellings(forms: Iterable[Form], min_similarity: float, min_length: int) -> list[list[Form]]:
    """The full forms in sets of two or more spellings of one name."""
    full = full_forms(forms)
    root = {f: f for f in full}

    def find(f: Form) -> Form:
        while root[f] != f:
            f = root[f]
        return f

    for n, a in enumerate(full):
        for b in full[n + 1 :]:
            if respelled(a, b, min_similarity, min_length):
                root[find(b)] = find(a)
    sets: dict[Form, list[Form]] = {}
    for f in full:
        sets.setdefault(find(f), []).append(f)
    return [s for s in sets.values() if len(s) > 1]


def _owner(form: Form, full: Sequence[Form]) -> Form | None:
    """The one full form a form is (part of), or None when it fits several or none."""
    owners = [f for f in full if set(form) <= set(f)]
    return owners[0] if len(owners) == 1 else None


def _forms(fact: Fact, ignore_case: bool, ignore_accents: bool) -> list[tuple[Form, ClaimRow]]:
    found = []
    for claim in fact.claims:
        text = value_of(claim, "text")
        if claim.get("kind", "entity") == "entity" and text:
            found.append((spelling_form(text, ignore_case, ignore_accents), claim))
    return found


def _spelling_groups(formed: list[tuple[Form, ClaimRow]], names: list[Form]) -> list[Group]:
    """One group per spelling: its full form's claims and those of the parts only it holds
    ("Soleimani" beside "Qasem Soleimani"), labelled by the full form as most often written."""
    items = []
    for form, claim in formed:
        owner = _owner(form, names)
        if owner is not None:
            items.append((owner, value_of(claim, "text") if form == owner else "", claim))
    groups = group_by(items)
    return [groups[f] for f in names if f in groups]


def check(fact: Fact, params: Mapping[str, Any]) -> Iterator[Verdict]:
    """A ``variant`` verdict for each name the fact's sources spell in more than one way."""
    formed = _forms(fact, bool(params["ignore_case"]), bool(params["ignore_accents"]))
    names = spellings(
        (f for f, _ in formed), float(params["min_similarity"]), int(params["min_word_length"])
    )
    for spelled in names:
        groups = _spelling_groups(formed, spelled)
        yield Verdict("variant", contrast(groups), claims_of(groups))
    if not names and len({c["source_id"] for _, c in formed}) > 1:
        name = Group(value_of(formed[0][1], "canonical") or fact.key, fact.claims)
        yield Verdict("agree", f"spelled alike: {name.describe()}", fact.claims)


KIND = RuleKind(
    name="entity_variants",
    claim_kind="entity",
    summary="Sources spell one entity differently (Kataeb Hezbollah / Kataib Hezbollah).",
    check=check,
    parameters=PARAMETERS,
)
