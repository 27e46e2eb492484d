"""Running rules over facts: verdicts become findings, and each fact gets a status.

A rule applies to the facts of its kind's claim kind (``any`` applies to every fact). A
``conflict``, ``variant`` or ``single_source`` verdict is a finding with the rule's code,
name and severity (or the verdict's own severity). A fact's status is the strongest verdict
it received: ``conflict``, then ``variant``; otherwise ``single_source`` when one source
alone supports it, else ``agree``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from factcheck.facts import (
    Fact,
    Finding,
    Verdict,
    evidence_of,
    finding_id,
    severities_at_or_above,
)
from factcheck.rules.kinds import RuleKind, load_builtin_kinds

FINDING_STATUSES = ("conflict", "variant", "single_source")


class RuleLike(Protocol):
    """What the engine needs of a rule (see :class:`factcheck.rules.model.Rule`)."""

    @property
    def code(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def severity(self) -> str: ...
    @property
    def parameters(self) -> Mapping[str, Any]: ...


@dataclass(frozen=True)
class CheckedFact:
    """A fact and the status its verdicts gave it."""

    fact: Fact
    status: str


def check_facts(
    facts: Iterable[Fact],
    rules: Sequence[RuleLike],
    kinds: Mapping[str, RuleKind] | None = None,
) -> tuple[list[CheckedFact], list[Finding]]:
    """Apply every rule to every fact of its claim kind."""
    registry = kinds if kinds is not None else load_builtin_kinds()
    prepared = [
        (rule, registry[rule.kind], registry[rule.kind].with_defaults(rule.parameters))
        for rule in rules
    ]  # parameters resolved once per run, not once per fact
    checked: list[CheckedFact] = []
    findings: list[Finding] = []
    for fact in facts:
        statuses: list[str] = []
        for rule, kind, parameters in prepared:
            if kind.claim_kind not in (fact.kind, "any"):
                continue
            for verdict in kind.check(fact, parameters):
                statuses.append(verdict.status)
                if verdict.status in FINDING_STATUSES:
                    findings.append(_finding(fact, rule, verdict))
        checked.append(CheckedFact(fact, fact_status(fact, statuses)))
    return checked, findings


def fact_status(fact: Fact, verdicts: Iterable[str]) -> str:
    """The strongest verdict: conflict, variant; else single_source or agree."""
    given = set(verdicts)
    for status in ("conflict", "variant"):
        if status in given:
            return status
    return "single_source" if len(fact.sources) < 2 else "agree"


def _finding(fact: Fact, rule: RuleLike, verdict: Verdict) -> Finding:
    evidence = tuple(evidence_of(claim) for claim in (verdict.claims or fact.claims))
    return Finding(
        id=finding_id(rule.code, fact.cluster_id, fact.key, evidence),
        rule=rule.code,
        name=rule.name,
        severity=verdict.severity or rule.severity,
        kind=fact.kind,
        key=fact.key,
        message=verdict.message,
        evidence=evidence,
        cluster_id=fact.cluster_id,
        fact_id=fact.fact_id,
        status=verdict.status,
    )


def at_or_above(findings: Iterable[Finding], threshold: str) -> list[Finding]:
    """The findings whose severity is at least ``threshold`` (``never``: none)."""
    failing = severities_at_or_above(threshold)
    return [f for f in findings if f.severity in failing]
