"""How alike two claims from different sources are: the scores alignment joins them by.

Each score adds evidence that two claims speak of the same thing, and subtracts evidence
that they do not, on a scale where :data:`factcheck.align.JOIN_THRESHOLD` decides:

- anchors: the entities named near the claim (places, organisations, people), weighted by
  how rare they are in the cluster, so that a shared "Kuwait" counts and a shared "United
  States" (named everywhere) does not;
- time anchors: the date expressions in the claim's sentence ("since May", "this week");
- the governing verb, by groups of near-synonyms (send, dispatch, deploy);
- compatible values (intervals that overlap), as a weak hint only, so that a changed number
  is still aligned and reported;
- the wording around the claim, compared with rapidfuzz.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Any

from rapidfuzz import fuzz

from factcheck.conversions import dimension_of
from factcheck.facts import ClaimRow
from factcheck.outlets import KNOWN_OUTLETS

#: Characters before and after a quantity within which entity names anchor it.
ANCHOR_BEFORE, ANCHOR_AFTER = 150, 80
_PREDICATE_GROUPS = {
    "send": "send", "dispatch": "send", "deploy": "send", "order": "send", "move": "send",
    "airlift": "send", "redeploy": "send", "station": "send", "reinforce": "send",
    "kill": "kill", "die": "kill", "perish": "kill", "drown": "kill",
    "wound": "wound", "injure": "wound", "hurt": "wound", "hospitalize": "wound",
    "fire": "fire", "launch": "fire", "shell": "fire", "rocket": "fire",
    "arrest": "arrest", "detain": "arrest", "capture": "arrest", "seize": "arrest",
    "donate": "give", "pledge": "give", "promise": "give", "give": "give", "fund": "give",
}  # fmt: skip
_SPEECH = frozenset(
    "say tell add warn speak emphasize told said says added warned spoke emphasized "
    "announce announced claim claimed state stated".split()
)
_DIGITS = re.compile(r"[\d.,]+")
#: "a brigade of nearly 4,000": the number sizes a group, a different fact from a movement.
_CONTAINER = re.compile(
    r"\b(?:brigade|battalion|division|regiment|unit|force|contingent|group|crowd|fleet|"
    r"convoy|army|garrison|population|total|team|staff)\s+of\s+$",
    re.I,
)
_QUOTE_NOISE = re.compile(r"[\W_]+")


@dataclass
class Context:
    """What the cluster says around each claim: entity and date anchors, unit synonyms."""

    units: dict[str, str]
    anchor_weights: dict[str, float]
    #: source id -> (positions, names) of its entity claims, by position
    entities: dict[str, tuple[list[int], list[str]]] = field(default_factory=dict)
    #: (source id, sentence) -> names of the entity claims in that sentence
    sentence_entities: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    actors: set[str] = field(default_factory=set)  # names of people and organisations
    dates: dict[tuple[str, str], set[str]] = field(default_factory=dict)
    _memo: dict[tuple[str, str], Any] = field(default_factory=dict)

    def memo(self, what: str, row: ClaimRow, compute: Callable[[], Any]) -> Any:
        """A per-claim feature, computed once: pairs are many, claims are few."""
        key = (what, str(row["claim_id"]))
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]

    def unit_key(self, row: ClaimRow) -> str:
        """The block of a quantity: its dimension for convertible units (miles and
        kilometres meet), else its counted noun with synonyms (troop for soldier)."""
        unit = row.get("unit")
        if not isinstance(unit, str) or not unit:
            return ""
        dimension = dimension_of(unit)
        if dimension is not None:
            return dimension
        return self.units.get(unit.lower(), unit.lower())

    def anchors_near(self, row: ClaimRow) -> dict[str, float]:
        return dict(self.memo("near", row, lambda: self._anchors_near(row)))

    def _anchors_near(self, row: ClaimRow) -> dict[str, float]:
        start, end = int(row["start"]), int(row["end"])
        positions, names = self.entities.get(str(row["source_id"]), ([], []))
        first = bisect_left(positions, start - ANCHOR_BEFORE)
        last = bisect_right(positions, end + ANCHOR_AFTER)
        return {name: self.anchor_weights.get(name, 0.0) for name in names[first:last]}

    def anchors_in_sentence(self, row: ClaimRow) -> dict[str, float]:
        return dict(self.memo("sentence", row, lambda: self._anchors_in_sentence(row)))

    def _anchors_in_sentence(self, row: ClaimRow) -> dict[str, float]:
        names = self.sentence_entities.get((str(row["source_id"]), str(row.get("sentence"))), [])
        return {name: self.anchor_weights.get(name, 0.0) for name in names}

    def times(self, row: ClaimRow) -> set[str]:
        return self.dates.get((str(row["source_id"]), str(row.get("sentence"))), set())


def build_context(rows: Sequence[ClaimRow], synonyms: Mapping[str, Sequence[str]]) -> Context:
    """Index the cluster's entity and date claims by source, and weight entity names."""
    units = {variant.lower(): canonical.lower() for canonical, variants in synonyms.items()
             for variant in variants}  # fmt: skip
    counts: Counter[str] = Counter()
    entities: dict[str, list[tuple[int, str]]] = defaultdict(list)
    sentence_entities: dict[tuple[str, str], list[str]] = defaultdict(list)
    actors: set[str] = set()
    dates: dict[tuple[str, str], set[str]] = defaultdict(set)
    for row in rows:
        if row["kind"] == "entity":
            name = str(row.get("canonical") or row["text"])
            counts[name] += 1
            if row.get("entity_type") in ("person", "organisation"):
                actors.add(name)
            entities[str(row["source_id"])].append((int(row["start"]), name))
            sentence_entities[(str(row["source_id"]), str(row["sentence"]))].append(name)
        elif row["kind"] == "date":
            dates[(str(row["source_id"]), str(row["sentence"]))].add(_time_words(row))
    most = max(counts.values(), default=1)
    weights = {
        name: 0.0 if name.lower() in KNOWN_OUTLETS else 1.0 - count / most
        for name, count in counts.items()
    }  # a news agency cited by two sources says nothing about what they report
    by_position = {
        source: ([p for p, _ in ordered], [n for _, n in ordered])
        for source, found in entities.items()
        for ordered in [sorted(found, key=lambda e: e[0])]
    }
    return Context(
        units, weights, by_position, dict(sentence_entities), actors=actors, dates=dict(dates)
    )


def _time_words(row: ClaimRow) -> str:
    text = str(row["text"]).lower()
    return re.sub(r"^(?:on|in|at|earlier|later)\s+", "", text)


def _shared(left: Mapping[str, float], right: Mapping[str, float]) -> float:
    return max((left[name] for name in left.keys() & right.keys()), default=0.0)


def _wording(a: ClaimRow, b: ClaimRow, context: Context) -> float:
    left = context.memo("words", a, lambda: _sentence_words(a))
    right = context.memo("words", b, lambda: _sentence_words(b))
    return float(fuzz.ratio(left, right)) / 100


def _sentence_words(row: ClaimRow) -> str:
    """The sentence without numbers, its words sorted (what token_sort_ratio compares)."""
    return " ".join(sorted(_DIGITS.sub(" ", str(row.get("sentence") or "")).lower().split()))


def _is_container_size(row: ClaimRow) -> bool:
    sentence, text = str(row.get("sentence") or ""), str(row["text"])
    at = sentence.find(text)
    return at > 0 and bool(_CONTAINER.search(sentence[max(0, at - 40) : at]))


def _predicate(row: ClaimRow) -> str | None:
    lemma = row.get("predicate")
    return _PREDICATE_GROUPS.get(lemma, lemma) if isinstance(lemma, str) else None


def _intervals_overlap(a: ClaimRow, b: ClaimRow) -> bool:
    try:
        return float(a["low"]) <= float(b["high"]) and float(b["low"]) <= float(a["high"])
    except (TypeError, ValueError):
        return False


def quantity_score(a: ClaimRow, b: ClaimRow, context: Context) -> float:
    """Two quantities of one unit block: same thing counted?

    Without a shared rare anchor, shared date words or near-identical wording there is no
    evidence of one fact (two donors' gifts share a verb and a unit, not a fact): 0.
    """
    wording = _wording(a, b, context)
    anchor = _shared(context.anchors_near(a), context.anchors_near(b))
    left, right = _predicate(a), _predicate(b)
    subject = float(fuzz.token_set_ratio(str(a.get("subject") or ""), str(b.get("subject") or "")))
    same_action = bool(left and left == right and subject >= 80)
    if (
        anchor < 0.3
        and wording < 0.8
        and not same_action
        and not context.times(a) & context.times(b)
    ):
        return 0.0
    score = 0.35 * wording + 0.35 * anchor
    if left and right:
        score += 0.2 if left == right else -0.4
    times_a, times_b = context.times(a), context.times(b)
    if times_a & times_b:
        score += 0.2
    elif times_a and times_b:
        score -= 0.1
    # values that cannot both be true need more evidence of one fact than values that agree
    score += 0.15 if _intervals_overlap(a, b) else -0.2
    if _is_container_size(a) != _is_container_size(b):
        score -= 0.3
    return score + 0.1 * subject / 100


def date_score(a: ClaimRow, b: ClaimRow, context: Context) -> float:
    """Two date claims: do they date the same event? (The day itself is not compared.)

    Conservative on purpose, since a wrong join reports a false contradiction: the events
    must name the same actor ("Mark Esper said" and "Esper said"), or be worded alike.
    """
    actors_a = context.memo("actors", a, lambda: _actors(a, context))
    actors_b = context.memo("actors", b, lambda: _actors(b, context))
    if actors_a and actors_b and not actors_a & actors_b:
        return 0.0
    events = float(fuzz.token_set_ratio(str(a.get("event") or ""), str(b.get("event") or "")))
    wording = _wording(a, b, context)
    if events < 80:
        # one actor says and does many things on many days: the events must be alike
        # (sentence wording scores 0.4-0.6 for any two news sentences: no help here)
        return 0.0
    speech = _speech(a) and _speech(b)
    score = 0.5 if actors_a & actors_b else 0.0
    score += 0.3 * events / 100 + 0.2 * wording
    if speech:
        score += 0.1
    return score


def granularity(row: ClaimRow) -> str:
    """day, month, year, or relative: a year never dates the same thing as a weekday."""
    value = row.get("date_value")
    if isinstance(row.get("weekday"), str) or (isinstance(value, str) and len(value) == 10):
        return "day"
    if isinstance(value, str):
        return "month" if len(value) == 7 else "year"
    return "relative"


def _actors(row: ClaimRow, context: Context) -> set[str]:
    """The entities of the sentence that the event names: who did what then."""
    event = str(row.get("event") or "")
    return {
        name
        for name in context.anchors_in_sentence(row)
        if name in context.actors and name.split()[-1] in event
    }


def _speech(row: ClaimRow) -> bool:
    return bool(_SPEECH & set(str(row.get("event") or "").lower().split()))


def _quote_words(row: ClaimRow) -> list[str]:
    return list(_words_of_quote(str(row.get("quote") or row["text"])))


@lru_cache(maxsize=4096)
def _words_of_quote(quote: str) -> tuple[str, ...]:
    """Pairs are many, quotes are few: each is split once."""
    return tuple(w for w in _QUOTE_NOISE.split(quote.lower().replace("-", "")) if w)


def _normalised_quote(row: ClaimRow) -> str:
    return _joined_words_of_quote(str(row.get("quote") or row["text"]))


@lru_cache(maxsize=4096)
def _joined_words_of_quote(quote: str) -> str:
    return "".join(_words_of_quote(quote))


def quote_score(a: ClaimRow, b: ClaimRow, context: Context) -> float:
    """Two quotes of one speaker: the same words, or one a fragment of the other?

    Half the score is how much of the shorter quote the longer one holds (word by word),
    half how many words they share (up to 12), so that a long shared passage outranks a
    three-word fragment both contain.
    """
    left, right = _quote_words(a), _quote_words(b)
    if not left or not right:
        return 0.0
    if "".join(left) == "".join(right):
        return 1.0
    blocks = SequenceMatcher(None, left, right, autojunk=False).get_matching_blocks()
    shared = sum(block.size for block in blocks)
    return 0.5 * shared / min(len(left), len(right)) + 0.5 * min(shared, 12) / 12


def same_saying(a: ClaimRow, b: ClaimRow) -> bool:
    """Two claims of one source that may share a fact: a repeated number, a quote fragment."""
    if a["kind"] != b["kind"]:
        return False
    if a["kind"] == "quantity":
        return _values(a) == _values(b)
    if a["kind"] == "quote":
        left, right = _normalised_quote(a), _normalised_quote(b)
        return bool(left and right) and (left in right or right in left)
    return bool(a["claim_id"] == b["claim_id"])


def saying_key(row: ClaimRow) -> tuple[object, ...] | None:
    """What a claim says, as a key: claims of one source with equal keys say the same (and
    :func:`same_saying` holds for them); None when no other claim can say exactly the same."""
    if row["kind"] == "quantity":
        return ("quantity", *_values(row))
    if row["kind"] == "quote":
        words = _normalised_quote(row)
        return ("quote", words) if words else None
    return None


def _values(row: ClaimRow) -> tuple[object, ...]:
    return (row.get("value"), row.get("unit"))
