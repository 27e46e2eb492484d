"""The editors' gate: a draft's claims checked against its sources.

A draft and its sources form one cluster, which goes through the whole pipeline (claims,
facts, rules). Of the findings, only the draft's problems are kept:

- a conflict or variant whose evidence holds a draft claim that no source claim of the same
  fact backs: a source claim *backs* a draft claim when the finding's rule, applied to the
  two alone, finds nothing. So a draft that follows one of two disagreeing sources ("750"
  where another says "roughly 700") is not at fault, and disagreements among the sources
  alone are left out;
- a single-source finding whose only source is the draft: a claim no source supports.

Each kept finding lists the draft's evidence first, so a report that points at the first
piece of evidence (a SARIF annotation, a compiler-style line) points into the draft.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import pandas as pd

from factcheck.align import align_claims
from factcheck.corpus import Cluster, Source
from factcheck.extract import extract_claims
from factcheck.facts import ClaimRow, Fact, Finding, make_fact
from factcheck.gate_markdown import blank_markdown, is_markdown
from factcheck.pipeline import ClusterResult
from factcheck.rules.engine import FINDING_STATUSES, CheckedFact, check_facts
from factcheck.rules.kinds import RuleKind, load_builtin_kinds
from factcheck.rules.model import Rule

DRAFT_ID = "draft"  #: the draft's source id in its cluster (no source may use it)


@dataclass(frozen=True)
class DraftCheck:
    """One draft checked: the cluster as checked, and the draft's findings in text order."""

    result: ClusterResult
    findings: tuple[Finding, ...]

    @property
    def draft(self) -> Source:
        return self.result.cluster.source(DRAFT_ID)

    @property
    def cluster_id(self) -> str:
        return self.result.cluster.cluster_id


def draft_cluster_id(path: str | Path) -> str:
    """The cluster id of a draft: its path relative to the working directory when inside it
    (``./drafts/../drafts/a.md`` and ``/repo/drafts/a.md`` run from ``/repo`` are both
    ``drafts/a.md``), else its absolute path.

    Finding ids derive from it, so a baseline holds as long as the gate runs from the same
    directory (the repository root, as in CI and pre-commit).
    """
    absolute = Path(os.path.abspath(path))
    try:
        return absolute.relative_to(Path.cwd()).as_posix()
    except ValueError:
        return absolute.as_posix()


def gate_cluster(draft: Source, sources: Sequence[Source]) -> Cluster:
    """The draft (as source :data:`DRAFT_ID`) and its sources, as one cluster."""
    cluster_id = draft_cluster_id(draft.path)
    members = [replace(draft, source_id=DRAFT_ID, cluster_id=cluster_id)]
    members += [replace(s, cluster_id=cluster_id) for s in sources]
    return Cluster(cluster_id, tuple(members), draft.path)


def check_draft(
    draft: Source,
    sources: Sequence[Source],
    rules: Sequence[Rule],
    synonyms: Mapping[str, Sequence[str]] | None = None,
) -> DraftCheck:
    """Check one draft against its sources with the rules; keep the draft's findings.

    Markdown files are read with their markup blanked out (:mod:`factcheck.gate_markdown`);
    each claim's ``text`` is then taken back from the file, so offsets and texts are the
    file's own.
    """
    cluster = gate_cluster(draft, sources)
    claims = _restore_texts(extract_claims(_as_prose(cluster)), cluster)
    facts, findings = check_facts(align_claims(claims, synonyms), rules)
    result = ClusterResult(cluster, claims, facts, findings)
    return DraftCheck(result, tuple(draft_findings(result, rules)))


def _as_prose(cluster: Cluster) -> Cluster:
    """The cluster with the markup of its Markdown members blanked out."""
    members = tuple(
        replace(s, text=blank_markdown(s.text)) if is_markdown(s.path) else s
        for s in cluster.sources
    )
    return replace(cluster, sources=members)


def _restore_texts(claims: pd.DataFrame, cluster: Cluster) -> pd.DataFrame:
    """Each claim's ``text`` as the file has it (a claim may span some blanked markup)."""
    texts = {s.source_id: s.text for s in cluster.sources if is_markdown(s.path)}
    if not texts or claims.empty:
        return claims
    claims = claims.copy()
    claims["text"] = [
        texts[source][start:end] if source in texts else text
        for source, start, end, text in zip(
            claims["source_id"], claims["start"], claims["end"], claims["text"], strict=True
        )
    ]
    return claims


def draft_findings(result: ClusterResult, rules: Sequence[Rule]) -> list[Finding]:
    """The findings that are the draft's problem, draft evidence first, in text order."""
    facts = {checked.fact.fact_id: checked.fact for checked in result.facts}
    by_code = {rule.code: rule for rule in rules}
    kinds = load_builtin_kinds()
    kept = [
        _draft_first(finding)
        for finding in result.findings
        if _is_drafts(finding, facts[finding.fact_id], by_code[finding.rule], kinds)
    ]
    return sorted(kept, key=lambda f: (f.evidence[0].start, f.evidence[0].end, f.rule, f.id))


def _is_drafts(finding: Finding, fact: Fact, rule: Rule, kinds: Mapping[str, RuleKind]) -> bool:
    if finding.status == "single_source":
        return all(e.source_id == DRAFT_ID for e in finding.evidence)
    in_draft = {e.claim_id for e in finding.evidence if e.source_id == DRAFT_ID}
    backers = [c for c in fact.claims if c["source_id"] != DRAFT_ID]
    drafts = [c for c in fact.claims if str(c["claim_id"]) in in_draft]
    return any(not _backed(claim, backers, fact, rule, kinds[rule.kind]) for claim in drafts)


def _backed(
    claim: ClaimRow, backers: Sequence[ClaimRow], fact: Fact, rule: Rule, kind: RuleKind
) -> bool:
    """Whether some source claim of the fact, alone with ``claim``, gives ``rule`` no finding."""
    for other in backers:
        pair = make_fact(fact.cluster_id, fact.kind, fact.key, (claim, other))
        if not any(v.status in FINDING_STATUSES for v in kind.check(pair, rule.parameters)):
            return True
    return False


def _draft_first(finding: Finding) -> Finding:
    """The finding with the draft's evidence first (in text order), the sources' after."""
    ordered = sorted(finding.evidence, key=lambda e: (e.source_id != DRAFT_ID, e.source_id))
    return replace(finding, evidence=tuple(ordered))


def draft_facts(result: ClusterResult) -> list[CheckedFact]:
    """The facts that hold a claim of the draft."""
    return [c for c in result.facts if DRAFT_ID in c.fact.sources]


def line_and_column(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column (in characters) of ``offset`` in ``text``."""
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("\n", 0, offset) + 1, offset - line_start + 1
