"""The metrics of one run, as tidy rows: ``dimension``, ``key``, ``metric``, ``value``.

Dimensions: ``run`` (key ``""``: clusters, sources, claims, facts, multi-source facts and the
share of them in agreement, findings, errors, duration, validation), ``severity``, ``rule``,
``kind`` (claim kind: facts, disagreeing facts, findings), ``outlet`` (findings whose evidence
cites it, facts it is in), ``outlet_pair`` (``"A | B"``: facts both report and how many of
those disagree), and ``cluster`` (the worst clusters of the run: findings by severity).
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from factcheck.facts import SEVERITIES
from factcheck.report.run import ClusterReport, RunRecords

DISAGREE = ("conflict", "variant")
WORST_CLUSTERS = 50  #: clusters kept in the ``cluster`` dimension, worst first
SEVERITY_WEIGHT = {"error": 100, "warning": 10, "info": 1}


@dataclass(frozen=True)
class Metric:
    dimension: str
    key: str
    metric: str
    value: float


class MetricsCounter:
    """Counts a run one cluster at a time."""

    def __init__(self) -> None:
        self.run: Counter[str] = Counter()
        self.counts: Counter[tuple[str, str, str]] = Counter()
        self.clusters: list[tuple[float, str, Counter[str]]] = []

    def add(self, cluster: ClusterReport) -> None:
        record = cluster.record
        outlets = {s["source_id"]: s["outlet"] or s["source_id"] for s in record["sources"]}
        self.run.update(clusters=1, sources=len(record["sources"]), facts=len(record["facts"]))
        for fact in record["facts"]:
            self._fact(fact, outlets)
        by_severity: Counter[str] = Counter()
        for finding in record["findings"]:
            self._finding(finding, outlets)
            by_severity[finding["severity"]] += 1
        score = sum(SEVERITY_WEIGHT[s] * n for s, n in by_severity.items())
        if score:
            self.clusters.append((score, str(record["cluster_id"]), by_severity))
            self.clusters.sort(key=lambda c: (-c[0], c[1]))
            del self.clusters[WORST_CLUSTERS:]

    def _fact(self, fact: Mapping[str, Any], outlets: Mapping[str, str]) -> None:
        kind, disagrees = fact["kind"], fact["status"] in DISAGREE
        self.counts["kind", kind, "facts"] += 1
        self.counts["kind", kind, "disagreeing_facts"] += disagrees
        names = sorted({outlets.get(s, s) for s in fact["sources"]})
        for name in names:
            self.counts["outlet", name, "facts"] += 1
        if len(fact["sources"]) < 2:
            return
        self.run["multi_source_facts"] += 1
        self.run["agreeing_facts"] += fact["status"] == "agree"
        for a, b in itertools.combinations(names, 2):
            self.counts["outlet_pair", f"{a} | {b}", "shared_facts"] += 1
            self.counts["outlet_pair", f"{a} | {b}", "disagreeing_facts"] += disagrees

    def _finding(self, finding: Mapping[str, Any], outlets: Mapping[str, str]) -> None:
        self.counts["kind", finding["kind"], "findings"] += 1
        for name in sorted(
            {outlets.get(e["source_id"], e["source_id"]) for e in finding["evidence"]}
        ):
            self.counts["outlet", name, "findings"] += 1

    def metrics(self, summary: Mapping[str, Any], extra: Mapping[str, float]) -> list[Metric]:
        """All rows: the run's totals (with ``extra``: duration, validation), then breakdowns."""
        multi = self.run["multi_source_facts"]
        totals = {
            "clusters": summary["clusters"],
            "sources": summary["sources"],
            "claims": summary["claims"],
            "facts": summary["facts"],
            "multi_source_facts": multi,
            "agreeing_facts": self.run["agreeing_facts"],
            "agreement_share": self.run["agreeing_facts"] / multi if multi else 1.0,
            "findings": summary["findings"],
            "errors": summary["errors"],
            **extra,
        }
        rows = [Metric("run", "", name, float(value)) for name, value in totals.items()]
        for severity, n in summary["findings_by_severity"].items():  # zeros too: charts line up
            self.counts["severity", severity, "findings"] = n
        for rule, n in summary["findings_by_rule"].items():
            self.counts["rule", rule, "findings"] = n
        rows += [Metric(d, k, m, float(v)) for (d, k, m), v in sorted(self.counts.items())]
        for _, cluster_id, by_severity in self.clusters:
            rows += [
                Metric("cluster", cluster_id, f"findings_{s}", float(by_severity[s]))
                for s in SEVERITIES
            ]
        return rows


def run_metrics(run: RunRecords, extra: Mapping[str, float] | None = None) -> list[Metric]:
    """The metrics of a finished run (one pass over its clusters)."""
    counter = MetricsCounter()
    for cluster in run.clusters():
        counter.add(cluster)
    return counter.metrics(run.summary, extra or {})


def metric_value(rows: Iterable[Metric], dimension: str, key: str, metric: str) -> float | None:
    """One value, or None when the run has no such row."""
    for row in rows:
        if (row.dimension, row.key, row.metric) == (dimension, key, metric):
            return row.value
    return None
