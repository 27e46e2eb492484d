"""The report records: clusters, their sources, facts and findings, errors and a summary.

This is the JSON contract of DESIGN.md (``schema_version`` "1"), validated against
``report.schema.json`` in the tests. It holds no timestamps, so two runs over the same
inputs and rules give the same bytes. :func:`cluster_record` turns one cluster's result into
its entry; :class:`SummaryCounter` adds entries up one at a time, so a batch never holds
every cluster to count them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from factcheck import __version__
from factcheck.errors import InputProblem
from factcheck.facts import SEVERITIES, STATUSES, evidence_of
from factcheck.pipeline import ClusterResult

SCHEMA_VERSION = "1"
TOOL = {"name": "factcheck", "version": __version__}


def build_report(
    results: Sequence[ClusterResult], errors: Iterable[InputProblem]
) -> dict[str, Any]:
    """The whole report of one run, in memory (a batch streams it instead)."""
    clusters = [cluster_record(result) for result in results]
    error_records = [error_record(e) for e in errors]
    summary = SummaryCounter()
    for result, record in zip(results, clusters, strict=True):
        summary.add(record, len(result.claims))
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": dict(TOOL),
        "clusters": clusters,
        "errors": error_records,
        "summary": summary.result(len(error_records)),
    }


def error_record(problem: InputProblem) -> dict[str, Any]:
    """An entry of ``errors``: path, cluster id, message, and the line when known."""
    record: dict[str, Any] = {
        "path": problem.path,
        "cluster_id": problem.cluster_id,
        "message": str(problem.message),
    }
    if problem.line is not None:
        record["line"] = problem.line
    return record


def cluster_record(result: ClusterResult) -> dict[str, Any]:
    """One entry of ``clusters``: sources, facts with their claims, findings."""
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


class SummaryCounter:
    """The ``summary`` of a report, counted one cluster record at a time."""

    def __init__(self) -> None:
        self.clusters = self.sources = self.claims = self.facts = 0
        self.by_severity: Counter[str] = Counter()
        self.by_status: Counter[str] = Counter()
        self.by_rule: Counter[str] = Counter()

    def add(self, record: Mapping[str, Any], claims: int) -> None:
        """Count one cluster entry, which came from ``claims`` claims."""
        self.clusters += 1
        self.sources += len(record["sources"])
        self.claims += claims
        self.facts += len(record["facts"])
        self.by_status.update(f["status"] for f in record["facts"])
        self.by_severity.update(f["severity"] for f in record["findings"])
        self.by_rule.update(f["rule"] for f in record["findings"])

    def result(self, errors: int) -> dict[str, Any]:
        return {
            "clusters": self.clusters,
            "sources": self.sources,
            "claims": self.claims,
            "facts": self.facts,
            "findings": sum(self.by_severity.values()),
            "findings_by_severity": {s: self.by_severity.get(s, 0) for s in SEVERITIES},
            "facts_by_status": {s: self.by_status.get(s, 0) for s in STATUSES},
            "findings_by_rule": dict(sorted(self.by_rule.items())),
            "errors": errors,
        }
