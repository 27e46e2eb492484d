"""Shared by the entity rule kinds: claim values, and claims grouped under one form.

Both entity kinds sort a fact's claims into groups (one spelling of a name, one reading of
a role), label each group with the words most of its claims use, and describe a
disagreement as the groups with their sources: "Kataeb Hezbollah (000, 004) vs Kataib
Hezbollah (001, 002, 003)".
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass
from typing import TypeVar

from pandas import NA

from factcheck.facts import ClaimRow
from factcheck.rules.kinds.source_names import short_names

K = TypeVar("K", bound=Hashable)


def value_of(claim: ClaimRow, column: str) -> str:
    """A claim's value as text; empty when missing (None, NA, NaN)."""
    value = claim.get(column)
    if value is None or value is NA or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value).strip()


@dataclass(frozen=True)
class Group:
    """Claims that share one form, labelled with the words most of them use."""

    label: str
    claims: tuple[ClaimRow, ...]

    @property
    def sources(self) -> tuple[str, ...]:
        return tuple(sorted({str(c["source_id"]) for c in self.claims}))

    def describe(self, names: Mapping[str, str] | None = None) -> str:
        """ "Kataib Hezbollah (001, 002)", with the sources' short names when given."""
        shown = [(names or {}).get(s, s) for s in self.sources]
        return f"{self.label} ({', '.join(shown)})"


def group_by(items: Iterable[tuple[K, str, ClaimRow]]) -> dict[K, Group]:
    """Claims grouped by key, from (key, words as written, claim) triples.

    A group's label is its most frequent wording (empty wordings aside); ties go to the one
    written first.
    """
    claims: dict[K, list[ClaimRow]] = defaultdict(list)
    wordings: dict[K, Counter[str]] = defaultdict(Counter)
    for key, words, claim in items:
        claims[key].append(claim)
        if words:
            wordings[key][words] += 1
    return {key: Group(_label(wordings[key]), tuple(claims[key])) for key in claims}


def _label(wordings: Counter[str]) -> str:
    top = max(wordings.values(), default=0)
    return next((words for words, count in wordings.items() if count == top), "")


def contrast(groups: Iterable[Group], joiner: str = " vs ") -> str:
    """ "A (000, 004) vs B (001)": the groups in order of their first source, the sources by
    their short names (``000`` for ``000_edd6372c16f6ed30``) when several are named."""
    ordered = sorted(groups, key=lambda g: (g.sources[:1], g.label))
    sources = {s for g in ordered for s in g.sources}
    names = short_names(sources) if len(sources) > 1 else {}
    return joiner.join(g.describe(names) for g in ordered)


def claims_of(groups: Iterable[Group]) -> tuple[ClaimRow, ...]:
    """Every claim of the groups, in source and text order."""
    found = [c for g in groups for c in g.claims]
    return tuple(sorted(found, key=lambda c: (str(c["source_id"]), int(c["start"]))))
