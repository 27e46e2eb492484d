"""A run's metrics add up to its report, and each breakdown counts what it says."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factcheck.batch import check_clusters
from factcheck.corpus import Cluster, Source
from factcheck.history.metrics import metric_value, run_metrics
from factcheck.report.run import staged_run
from factcheck.rules.loader import load_rules


@pytest.fixture(scope="module")
def seed_metrics(seed_cluster, tmp_path_factory):
    rules = load_rules()
    out = tmp_path_factory.mktemp("run")
    with staged_run(out) as writer:
        for output in check_clusters([seed_cluster], rules.rules, rules.synonyms):
            writer.add(output)
        run = writer.finish([], rules.rules, "error")
        records = [c.record for c in run.clusters()]
        return run_metrics(run, {"duration_s": 2.5}), run.summary, records


def test_run_totals_are_the_report_summary(seed_metrics):
    rows, summary, _ = seed_metrics
    for name in ("clusters", "sources", "claims", "facts", "findings", "errors"):
        assert metric_value(rows, "run", "", name) == summary[name]
    assert metric_value(rows, "run", "", "duration_s") == 2.5
    for severity, n in summary["findings_by_severity"].items():
        assert metric_value(rows, "severity", severity, "findings") == n
    for rule, n in summary["findings_by_rule"].items():
        assert metric_value(rows, "rule", rule, "findings") == n


def test_agreement_share_counts_multi_source_facts(seed_metrics):
    rows, _, (record,) = seed_metrics
    multi = [f for f in record["facts"] if len(f["sources"]) > 1]
    agree = [f for f in multi if f["status"] == "agree"]
    assert metric_value(rows, "run", "", "multi_source_facts") == len(multi)
    share = metric_value(rows, "run", "", "agreement_share")
    assert share == pytest.approx(len(agree) / len(multi))
    assert 0 < len(agree) < len(multi)  # the seeds have both


def test_outlet_pairs_count_facts_both_report(seed_metrics):
    rows, _, (record,) = seed_metrics
    outlets = {s["source_id"]: s["outlet"] or s["source_id"] for s in record["sources"]}
    pair = "Reuters | VOA"
    both = [
        f for f in record["facts"]
        if {"Reuters", "VOA"} <= {outlets[s] for s in f["sources"]}
    ]  # fmt: skip
    disagree = [f for f in both if f["status"] in ("conflict", "variant")]
    assert metric_value(rows, "outlet_pair", pair, "shared_facts") == len(both) > 0
    assert metric_value(rows, "outlet_pair", pair, "disagreeing_facts") == len(disagree)


def test_worst_clusters_rank_by_severity(tmp_path: Path):
    rules = load_rules()
    calm = Cluster("calm", (Source("a", "calm", "Nothing was counted.\n", "a.txt"),))
    loud_texts = ("Officials said 750 troops were sent.\n", "They said 300 troops went.\n")
    loud = Cluster(
        "loud", tuple(Source(f"s{n}", "loud", t, f"s{n}.txt") for n, t in enumerate(loud_texts))
    )
    with staged_run(tmp_path) as writer:
        for output in check_clusters([calm, loud], rules.rules, rules.synonyms):
            writer.add(output)
        run = writer.finish([], rules.rules, "error")
        rows = run_metrics(run)
        loud_record = [c.record for c in run.clusters()][1]
    clusters = [r for r in rows if r.dimension == "cluster"]
    assert {r.key for r in clusters} == {"loud"}  # a cluster without findings is not listed
    for severity in ("error", "warning", "info"):
        n = sum(f["severity"] == severity for f in loud_record["findings"])
        assert metric_value(rows, "cluster", "loud", f"findings_{severity}") == n
    assert loud_record["findings"]
    assert json.dumps([r.value for r in rows])  # plain floats, ready for Parquet
