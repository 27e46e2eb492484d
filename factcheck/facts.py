"""Facts, evidence and findings: what alignment and the rules produce.

A :class:`Fact` is a group of claims from one cluster, usually from several sources, about
the same thing. A rule kind looks at a fact and returns :class:`Verdict` records; the engine
turns the verdicts that disagree into :class:`Finding` records with the rule's code and
severity. Evidence keeps the provenance of every claim: source id and offsets.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from factcheck.values import json_value

ClaimRow = Mapping[str, Any]  #: one row of the claim table, as a mapping of column -> value

STATUSES = ("agree", "conflict", "variant", "single_source")
SEVERITIES = ("error", "warning", "info")  #: most severe first


def severities_at_or_above(threshold: str) -> tuple[str, ...]:
    """The severities at least as severe as ``threshold`` (``never``: none), a ``--fail-on``."""
    if threshold not in SEVERITIES:
        return ()
    return SEVERITIES[: SEVERITIES.index(threshold) + 1]


#: The claim columns an evidence record carries, beyond its provenance, for each claim kind.
EVIDENCE_VALUES: dict[str, tuple[str, ...]] = {
    "quantity": ("value", "low", "high", "approx", "hedge", "unit", "subject", "predicate"),
    "entity": ("entity_type", "canonical", "role"),
    "date": ("date_value", "weekday", "event"),
    "quote": ("speaker", "quote"),
}


def _digest(*parts: object) -> str:
    key = "\x1f".join(str(p) for p in parts)
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(frozen=True)
class Fact:
    """Claims from one cluster that speak about the same thing."""

    fact_id: str
    cluster_id: str
    kind: str
    key: str
    claims: tuple[ClaimRow, ...]

    @property
    def sources(self) -> tuple[str, ...]:
        return tuple(sorted({str(c["source_id"]) for c in self.claims}))


def make_fact(cluster_id: str, kind: str, key: str, claims: Iterable[ClaimRow]) -> Fact:
    """A fact with a stable id derived from its cluster, kind, key and claim ids."""
    ordered = tuple(sorted(claims, key=lambda c: (str(c["source_id"]), int(c["start"]))))
    fact_id = "f" + _digest(cluster_id, kind, key, *(c["claim_id"] for c in ordered))[:15]
    return Fact(fact_id, cluster_id, kind, key, ordered)


@dataclass(frozen=True)
class Evidence:
    """One claim as evidence: where it is, what it says, and its kind-specific values."""

    claim_id: str
    source_id: str
    start: int
    end: int
    text: str
    values: tuple[tuple[str, Any], ...]

    def record(self) -> dict[str, Any]:
        return {
            "source_id": self.source_id,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "claim_id": self.claim_id,
            **dict(self.values),
        }


def evidence_of(claim: ClaimRow) -> Evidence:
    """The evidence record of one claim-table row."""
    names = EVIDENCE_VALUES.get(str(claim["kind"]), ())
    return Evidence(
        str(claim["claim_id"]),
        str(claim["source_id"]),
        int(claim["start"]),
        int(claim["end"]),
        str(claim["text"]),
        tuple((name, json_value(claim.get(name))) for name in names),
    )


@dataclass(frozen=True)
class Verdict:
    """What one rule kind says about one fact: a status, a reason, and the claims in point.

    ``severity`` overrides the rule's severity for this verdict (a hedged variance may be
    reported more gently than a contradiction).
    """

    status: str
    message: str
    claims: tuple[ClaimRow, ...] = ()
    severity: str | None = None


@dataclass(frozen=True)
class Finding:
    """A disagreement a rule found in one fact, with its evidence."""

    id: str
    rule: str
    name: str
    severity: str
    kind: str
    key: str
    message: str
    evidence: tuple[Evidence, ...]
    cluster_id: str
    fact_id: str
    status: str  # the verdict: conflict, variant or single_source (extends the contract)

    def record(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "rule": self.rule,
            "name": self.name,
            "severity": self.severity,
            "kind": self.kind,
            "key": self.key,
            "message": self.message,
            "status": self.status,
            "fact_id": self.fact_id,
            "evidence": [e.record() for e in self.evidence],
        }


def finding_id(rule: str, cluster_id: str, key: str, evidence: Iterable[Evidence]) -> str:
    """A stable fingerprint: rule, cluster, fact key and the evidence's sources and words.

    Offsets are left out on purpose, so that an edit elsewhere in an article does not change
    the id under which a CI baseline accepted the finding.
    """
    parts = sorted(f"{e.source_id}\x1e{e.text}" for e in evidence)
    return rule + "-" + _digest(rule, cluster_id, key, *parts)[:12]
