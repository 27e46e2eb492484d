"""The report records: clusters, their sources, facts and findings, errors and a summary.

This is the JSON contract of DESIGN.md (``schema_version`` "1"), validated against
``report.schema.json`` in the tests. It holds no timestamps, so two runs over the same
inputs and rules give the same bytes.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

from factcheck import __version__
from factcheck.errors import InputProblem
from factcheck.facts import SEVERITIES, STATUSES, evidence_of
from factcheck.pipeline import ClusterResult

SCHEMA_VERSION = "1"


def build_report(
    results: Sequence[ClusterResult], errors: Iterable[InputProblem]
) -> dict[str, Any]:
    """The whole report of one run."""
    clusters = [_cluster(result) for result in results]
    error_records = [
        {"path": e.path, "cluster_id": e.cluster_id, "message": str(e.message)}
        | ({"line": e.line} if e.line is not None else {})
        for e in errors
    ]
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "factcheck", "version": __version__},
        "clusters": clusters,
        "errors": error_records,
        "summary": _summary(results, len(error_records)),
    }


def _cluster(result: ClusterResult) -> dict[str, Any]:
    sources = [
        {
            "source_id": s.source_id,
            "path": s.path,
            "outlet": s.outlet,
            "chars": s.chars,
            "sha256": s.sha256,
        }
        for s in result.cluster.sources
    ]
    facts = [
        {
            "fact_id": checked.fact.fact_id,
            "kind": checked.fact.kind,
            "key": checked.fact.key,
            "status": checked.status,
            "sources": list(checked.fact.sources),
            "claims": [evidence_of(c).record() for c in checked.fact.claims],
        }
        for checked in result.facts
    ]
    return {
        "cluster_id": result.cluster.cluster_id,
        "sources": sources,
        "facts": facts,
        "findings": [f.record() for f in result.findings],
    }


def _summary(results: Sequence[ClusterResult], errors: int) -> dict[str, Any]:
    findings = [f for r in results for f in r.findings]
    by_severity = Counter(f.severity for f in findings)
    by_status = Counter(c.status for r in results for c in r.facts)
    return {
        "clusters": len(results),
        "sources": sum(len(r.cluster.sources) for r in results),
        "claims": sum(len(r.claims) for r in results),
        "facts": sum(len(r.facts) for r in results),
        "findings": len(findings),
        "findings_by_severity": {s: by_severity.get(s, 0) for s in SEVERITIES},
        "facts_by_status": {s: by_status.get(s, 0) for s in STATUSES},
        "findings_by_rule": dict(sorted(Counter(f.rule for f in findings).items())),
        "errors": errors,
    }
