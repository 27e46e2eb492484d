"""How far each pair of a cluster's sources agree: the facts both report, and how they differ.

A fact's status is about all its sources; a pair can agree inside a fact that is a variant
(two wires both say "750 troops" while a third says "roughly 700"). So for a pair, a fact
with a finding counts as agreement when both sources word it alike: the same values for a
quantity or date, the same spelling for an entity, the same words for a quote. Else it
counts under the fact's status (``variant`` or ``conflict``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

Record = Mapping[str, Any]
OUTCOMES = ("agree", "variant", "conflict")


@dataclass
class PairCounts:
    """Facts two sources both report, counted by how the pair stands on them."""

    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(OUTCOMES, 0))

    @property
    def shared(self) -> int:
        return sum(self.counts.values())

    @property
    def worst(self) -> str:
        """``conflict`` if any, else ``variant`` if any, else ``agree`` (or ``none`` shared)."""
        if not self.shared:
            return "none"
        return next(o for o in reversed(OUTCOMES) if self.counts[o])


def agreement_matrix(record: Record) -> dict[tuple[str, str], PairCounts]:
    """For each pair of the cluster's sources (in source order), the facts both report."""
    order = [str(s["source_id"]) for s in record["sources"]]
    position = {source: n for n, source in enumerate(order)}
    pairs = {(a, b): PairCounts() for a, b in combinations(order, 2)}
    for fact in record["facts"]:
        by_source: dict[str, set[Any]] = {}
        for claim in fact["claims"]:
            by_source.setdefault(str(claim["source_id"]), set()).add(_signature(fact, claim))
        present = sorted(by_source, key=lambda s: position.get(s, len(position)))
        for a, b in combinations(present, 2):
            outcome = _outcome(fact["status"], by_source[a] == by_source[b])
            pairs.setdefault((a, b), PairCounts()).counts[outcome] += 1
    return pairs


def facts_per_source(record: Record) -> dict[str, int]:
    """How many of the cluster's facts each source reports."""
    counts = {str(s["source_id"]): 0 for s in record["sources"]}
    for fact in record["facts"]:
        for source in fact["sources"]:
            counts[str(source)] = counts.get(str(source), 0) + 1
    return counts


def pair(pairs: Mapping[tuple[str, str], PairCounts], a: str, b: str) -> PairCounts:
    """The counts of a pair in either order."""
    return pairs.get((a, b)) or pairs.get((b, a)) or PairCounts()


def _outcome(status: str, alike: bool) -> str:
    if status in ("conflict", "variant") and not alike:
        return status
    return "agree"


def _signature(fact: Record, claim: Record) -> Any:
    """What must be equal for two sources to say the same thing about the fact."""
    kind = fact["kind"]
    if kind == "quantity":
        return (claim.get("value"), claim.get("low"), claim.get("high"))
    if kind == "date":
        return (claim.get("date_value"), claim.get("weekday"))
    if kind == "quote":
        return _words(claim.get("quote") or claim["text"])
    return _words(claim["text"])


def _words(text: str) -> tuple[str, ...]:
    return tuple(re.findall(r"\w+", text.casefold()))
