"""Quote fidelity: one speaker's words, quoted differently by different sources.

A fact holds the quotes that render one utterance; a partial quote may be a fragment of a
longer one. Wordings are compared pairwise with a word-level diff (:mod:`difflib`) over the
stretch they share, so a fragment ("game has changed" inside "The game has changed and we
are prepared ...") is never a finding, nor are words outside the shared stretch. Inside it:

- a flipped negation ("will not" / "will") or a changed number ("750" / "700") changes what
  the speaker said: ``conflict``;
- words substituted ("defend" / "protect") or dropped without an ellipsis ("if we get word
  of attacks or some type indication" / "if we get word of attacks"): ``variant``.

Never a finding: punctuation, case, curly or straight apostrophes, contractions, numbers in
words or digits, words dropped where an ellipsis stands, words in [square brackets] (an
editor's), and with ``ignore_spelling_variants`` hyphenation and compounds ("pre-emptive",
"buzz saw"), British spellings ("defence") and one-letter variants of names ("Kataeb").

Anti-pattern: ``“If we get word of attacks, we will take pre-emptive action”`` where the
speaker said "if we get word of attacks or some type indication, we will take preemptive
action". Fix: quote the words as said, or mark the cut: "if we get word of attacks … we
will take preemptive action".
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from itertools import combinations
from typing import Any

from rapidfuzz import fuzz

from factcheck.facts import ClaimRow, Fact, Verdict
from factcheck.rules.kinds import Parameter, RuleKind
from factcheck.rules.kinds.quote_words import AMBIGUOUS, Word, Wording, merge_compounds, wording
from factcheck.rules.kinds.source_names import short_names

Op = tuple[str, int, int, int, int]  #: a difflib opcode: tag, i1, i2, j1, j2

_EDGE_WORDS = 2  # a quote's last (first) words compared with the other's when this short
_CLAUSE_WORDS = 8  # an excerpt runs to a clause break this near the difference ...
_CONTEXT_WORDS = 5  # ... else this many words either side
_NAME_SIMILARITY = 80.0  # rapidfuzz ratio for one-letter variants of names
_LABELS = {
    "negation": "negation flipped",
    "number": "number changed",
    "dropped": "words dropped without an ellipsis",
    "substituted": "words substituted",
}
_CONFLICTS = frozenset({"negation", "number"})


@dataclass(frozen=True)
class Difference:
    """One difference: its category and the word ranges it covers in each wording."""

    category: str  # negation, number, dropped, substituted
    a: tuple[int, int]
    b: tuple[int, int]


@dataclass(frozen=True)
class Comparison:
    """Two wordings, the stretch of each they share, and the differences inside it."""

    a: Wording
    b: Wording
    region_a: tuple[int, int]
    region_b: tuple[int, int]
    differences: tuple[Difference, ...]

    def swapped(self) -> Comparison:
        diffs = tuple(Difference(d.category, d.b, d.a) for d in self.differences)
        return Comparison(self.b, self.a, self.region_b, self.region_a, diffs)

    def dropped_from(self, side: str) -> int:
        """How many words one wording ('a' or 'b') lacks without an ellipsis."""
        other = "b" if side == "a" else "a"
        drops = [d for d in self.differences if d.category == "dropped"]
        return sum(_size(getattr(d, other)) for d in drops if _size(getattr(d, side)) == 0)


@dataclass(frozen=True)
class _Group:
    """Claims whose quotes have the same normalised words."""

    wording: Wording
    claims: tuple[ClaimRow, ...]

    @property
    def sources(self) -> tuple[str, ...]:
        return tuple(sorted({str(c["source_id"]) for c in self.claims}))


def check(fact: Fact, params: Mapping[str, Any]) -> list[Verdict]:
    """Compare every two wordings of the fact's quote; one verdict per differing pair."""
    spelling = bool(params.get("ignore_spelling_variants", True))
    min_overlap = float(params.get("min_overlap", 0.5))
    statuses = set(params.get("statuses", ("variant", "conflict")))
    groups = _groups(fact.claims, spelling)
    verdicts: list[Verdict] = []
    compared = any(len(g.sources) > 1 for g in groups)
    for first, second in combinations(groups, 2):
        if len(set(first.sources) | set(second.sources)) < 2:
            continue
        found = compare(first.wording, second.wording, min_overlap, spelling)
        compared = compared or found is not None
        if found is not None and found.differences:
            verdicts.append(_verdict(fact, first, second, found))
    if compared and not verdicts:
        return [Verdict("agree", "the quote is worded alike", fact.claims)]
    return [v for v in verdicts if v.status in statuses]


def _groups(claims: Sequence[ClaimRow], spelling: bool) -> list[_Group]:
    by_words: dict[tuple[str, ...], list[ClaimRow]] = {}
    words: dict[tuple[str, ...], Wording] = {}
    for claim in claims:
        quote = claim.get("quote")
        quoted = wording(quote if isinstance(quote, str) else "", spelling)
        key = tuple(quoted.norms())
        by_words.setdefault(key, []).append(claim)
        words.setdefault(key, quoted)
    return [_Group(words[k], tuple(c)) for k, c in by_words.items() if k]


def compare(a: Wording, b: Wording, min_overlap: float, spelling: bool = True) -> Comparison | None:
    """The differences between two wordings, or None when they share too little to compare.

    They are compared when at least ``min_overlap`` of the shorter one's words are found, in
    order, in the other.
    """
    if spelling:
        a, b = merge_compounds(a, set(b.norms())), merge_compounds(b, set(a.norms()))
    matcher = SequenceMatcher(None, a.norms(), b.norms(), autojunk=False)
    ops: list[Op] = [_as_equal(op, a, b, spelling) for op in matcher.get_opcodes()]
    equal = [k for k, op in enumerate(ops) if op[0] == "equal"]
    shorter = min(len(a.words), len(b.words))
    matched = sum(op[2] - op[1] for op in ops if op[0] == "equal")
    if not equal or matched < min_overlap * shorter:
        return None
    inner = ops[equal[0] : equal[-1] + 1]
    lead = _edge(ops[0], a, b, leading=True) if equal[0] > 0 else None
    trail = _edge(ops[-1], a, b, leading=False) if equal[-1] < len(ops) - 1 else None
    compared = [o for o in (lead, *inner, trail) if o is not None]
    diffs = [d for o in compared if (d := _difference(o, a, b, spelling)) is not None]
    region_a = (compared[0][1], compared[-1][2])
    region_b = (compared[0][3], compared[-1][4])
    return Comparison(a, b, region_a, region_b, tuple(diffs))


def _as_equal(op: Op, a: Wording, b: Wording, spelling: bool) -> Op:
    """A replacement of words by equivalent words is no change."""
    tag, i1, i2, j1, j2 = op
    if tag == "replace" and _equivalent(a.words[i1:i2], b.words[j1:j2], spelling):
        return ("equal", i1, i2, j1, j2)
    return op


def _equivalent(xs: Sequence[Word], ys: Sequence[Word], spelling: bool) -> bool:
    if spelling and "".join(x.norm for x in xs) == "".join(y.norm for y in ys):
        return True
    return len(xs) == len(ys) and all(
        _same_word(x, y, spelling) for x, y in zip(xs, ys, strict=True)
    )


def _same_word(x: Word, y: Word, spelling: bool) -> bool:
    if (
        x.norm == y.norm
        or y.norm in AMBIGUOUS.get(x.norm, ())
        or x.norm in AMBIGUOUS.get(y.norm, ())
    ):
        return True
    return spelling and _name_variant(x) and _name_variant(y) and _close(x.norm, y.norm)


def _name_variant(word: Word) -> bool:
    """A capitalised word inside a sentence, long enough for a spelling variant."""
    return word.capital and not word.sentence_start and len(word.norm) >= 5 and word.norm.isalpha()


def _close(x: str, y: str) -> bool:
    return fuzz.ratio(x, y) >= _NAME_SIMILARITY


def _edge(op: Op, a: Wording, b: Wording, leading: bool) -> Op | None:
    """The first (last) words of one quote against the other's, when both quotes go on.

    Only the few words next to the shared stretch are compared, and only within a sentence:
    what one source quotes beyond the other is not a difference.
    """
    tag, i1, i2, j1, j2 = op
    size = min(i2 - i1, j2 - j1)
    if tag != "replace" or size > _EDGE_WORDS:
        return None
    if leading:
        cut: Op = ("replace", i2 - size, i2, j2 - size, j2)
        broken = a.words[i2 - 1].sentence_end or b.words[j2 - 1].sentence_end
    else:
        cut = ("replace", i1, i1 + size, j1, j1 + size)
        broken = a.words[i1 - 1].sentence_end or b.words[j1 - 1].sentence_end
    return None if broken else cut


def _difference(op: Op, a: Wording, b: Wording, spelling: bool) -> Difference | None:
    """What one opcode is: a flipped negation, a changed number, a substitution, a drop."""
    tag, i1, i2, j1, j2 = op
    xs, ys = a.words[i1:i2], b.words[j1:j2]
    if tag == "equal" or _elided(op, a, b) or _editorial(xs) or _editorial(ys):
        return None
    if spelling and _equivalent(xs, ys, spelling):
        return None
    numbers_x = sorted(w.number for w in xs if w.number is not None)
    numbers_y = sorted(w.number for w in ys if w.number is not None)
    if xs and ys and numbers_x != numbers_y:
        category = "number"
    elif sum(w.negation for w in xs) != sum(w.negation for w in ys):
        category = "negation"
    else:
        category = "substituted" if xs and ys else "dropped"
    return Difference(category, (i1, i2), (j1, j2))


def _elided(op: Op, a: Wording, b: Wording) -> bool:
    """Whether an ellipsis marks the words one wording lacks."""
    _, i1, i2, j1, j2 = op
    if i2 - i1 <= j2 - j1:
        return any(g in a.gaps for g in range(i1, i2 + 1))
    return any(g in b.gaps for g in range(j1, j2 + 1))


def _editorial(words: Sequence[Word]) -> bool:
    return bool(words) and all(w.editorial for w in words)


def _size(span: tuple[int, int]) -> int:
    return span[1] - span[0]


def _verdict(fact: Fact, first: _Group, second: _Group, found: Comparison) -> Verdict:
    """One verdict; the wording that lacks words comes first in the message."""
    if found.dropped_from("b") > found.dropped_from("a"):
        first, second, found = second, first, found.swapped()
    conflict = any(d.category in _CONFLICTS for d in found.differences)
    ids = short_names(fact.sources)
    ids_a = ", ".join(ids[s] for s in first.sources)
    ids_b = ", ".join(ids[s] for s in second.sources)
    excerpt_a, excerpt_b = _excerpts(found)
    message = (
        f"{_subject(fact)}: '{excerpt_a}' ({ids_a}) vs '{excerpt_b}' ({ids_b}): "
        f"{_describe(found, ids_a, ids_b)}"
    )
    return Verdict("conflict" if conflict else "variant", message, first.claims + second.claims)


def _subject(fact: Fact) -> str:
    names = [str(c["speaker"]) for c in fact.claims if _present(c.get("speaker"))]
    return f"{names[0]} quoted differently" if names else "A quote worded differently"


def _present(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _excerpts(found: Comparison) -> tuple[str, str]:
    """The stretch of each wording around the differences, with clause context."""
    windows: list[tuple[int, int, int, int]] = []
    for d in found.differences:
        a_lo, a_hi = _window(found.a.words, d.a, found.region_a)
        b_lo, b_hi = _window(found.b.words, d.b, found.region_b)
        if windows and (a_lo <= windows[-1][1] + 2 or b_lo <= windows[-1][3] + 2):
            last = windows.pop()
            a_lo, b_lo = min(a_lo, last[0]), min(b_lo, last[2])
            a_hi, b_hi = max(a_hi, last[1]), max(b_hi, last[3])
        windows.append((a_lo, a_hi, b_lo, b_hi))
    excerpt_a = " … ".join(found.a.surface(w[0], w[1]) for w in windows)
    excerpt_b = " … ".join(found.b.surface(w[2], w[3]) for w in windows)
    return excerpt_a, excerpt_b


def _window(
    words: Sequence[Word], span: tuple[int, int], region: tuple[int, int]
) -> tuple[int, int]:
    lo, hi = span
    return _left(words, lo, region[0]), _right(words, hi, region[1])


def _left(words: Sequence[Word], lo: int, floor: int) -> int:
    for n in range(1, _CLAUSE_WORDS + 1):
        if lo - n <= floor:
            return floor
        if words[lo - n - 1].clause_end:
            return lo - n
    return max(floor, lo - _CONTEXT_WORDS)


def _right(words: Sequence[Word], hi: int, ceiling: int) -> int:
    for n in range(1, _CLAUSE_WORDS + 1):
        if hi + n >= ceiling:
            return ceiling
        if words[hi + n - 1].clause_end:
            return hi + n
    return min(ceiling, hi + _CONTEXT_WORDS)


def _describe(found: Comparison, ids_a: str, ids_b: str) -> str:
    """The differences by category, most serious first: "words dropped ...: 'x', 'y'"."""
    both_drop = found.dropped_from("a") > 0 and found.dropped_from("b") > 0
    parts = []
    for category, label in _LABELS.items():
        items = [
            _item(found, d, ids_a, ids_b, both_drop)
            for d in found.differences
            if d.category == category
        ]
        if items:
            parts.append(f"{label}: {', '.join(items)}")
    return "; ".join(parts)


def _item(found: Comparison, d: Difference, ids_a: str, ids_b: str, both_drop: bool) -> str:
    if d.category == "dropped":
        lacking_a = _size(d.a) == 0
        has, span = (found.b, d.b) if lacking_a else (found.a, d.a)
        where = f" (missing from {ids_a if lacking_a else ids_b})" if both_drop else ""
        return f"'{has.surface(*span)}'{_in_context(has, span)}{where}"
    a_span, b_span = _with_neighbour(d.a, found.a), _with_neighbour(d.b, found.b)
    if _size(d.a) and _size(d.b):
        a_span, b_span = d.a, d.b
    return f"'{found.a.surface(*a_span)}' vs '{found.b.surface(*b_span)}'"


def _in_context(words: Wording, span: tuple[int, int]) -> str:
    """`` (in 'forces to protect')`` for a single dropped word, which alone says little."""
    if _size(span) != 1:
        return ""
    lo, hi = max(span[0] - 1, 0), min(span[1] + 1, len(words.words))
    return f" (in '{words.surface(lo, hi)}')"


def _with_neighbour(span: tuple[int, int], words: Wording) -> tuple[int, int]:
    """A span widened by the word before it (or after it, at the start of a quote)."""
    lo, hi = span
    return (lo - 1, hi) if lo > 0 else (lo, min(hi + 1, len(words.words)))


KIND = RuleKind(
    name="quote_fidelity",
    claim_kind="quote",
    summary="One speaker's quote worded differently across sources.",
    check=check,
    parameters={
        "min_overlap": Parameter(
            "number",
            0.5,
            "Share of the shorter quote's words that must be found, in order, in the other "
            "for the two to be compared as one utterance (0 to 1).",
            {"minimum": 0, "maximum": 1},
        ),
        "ignore_spelling_variants": Parameter(
            "boolean",
            True,
            "Treat hyphenation and compounds (pre-emptive/preemptive, buzz saw/buzzsaw), "
            "British and American spellings and one-letter variants of names as the same "
            "word.",
        ),
        "statuses": Parameter(
            "array",
            ["variant", "conflict"],
            "Verdicts this rule reports: 'variant' (words substituted or dropped without an "
            "ellipsis), 'conflict' (a negation flipped or a number changed).",
            {"items": {"enum": ["variant", "conflict"]}},
        ),
    },
)
