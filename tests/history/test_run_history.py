"""Three real batch runs with different rules: three runs in the history, each with its metrics.

And ``--validate``: the contracts' outcome is saved beside the reports, summarised in
report.json, recorded in the history, and a failed contract gives exit status 3.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import great_expectations as gx
import pytest

from factcheck.cli import main
from factcheck.contracts import suites
from factcheck.history.metrics import Metric, metric_value
from factcheck.history.store import load_history
from tests.conftest import ROOT, SEEDS


def _rules_dir(tmp: Path, files: list[str]) -> Path:
    folder = tmp / "-".join(f.removesuffix(".yaml") for f in files)
    folder.mkdir()
    for name in files:
        shutil.copy(ROOT / "rules" / name, folder / name)
    return folder


def _rows(history, run_id: str) -> list[Metric]:
    runs = history[history["run_id"] == run_id]
    return [Metric(r.dimension, r.key, r.metric, r.value) for r in runs.itertuples()]


@pytest.fixture(scope="module")
def three_runs(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("runs")
    history = tmp / "history"
    settings = [
        ("all rules", None),
        ("numbers only", ["numeric.yaml"]),
        ("no single-source", ["numeric.yaml", "entities.yaml", "quotes.yaml", "dates.yaml"]),
    ]
    reports = []
    for n, (label, files) in enumerate(settings):
        out = tmp / f"out{n}"
        argv = ["run", str(SEEDS), "--out", str(out), "--history", str(history)]
        argv += ["--label", label, "--fail-on", "never"]
        if files is not None:
            argv += ["--rules", str(_rules_dir(tmp, files))]
        if n == 0:
            argv.append("--validate")
        assert main(argv) == 0
        reports.append(json.loads((out / "report.json").read_text(encoding="utf-8")))
    return load_history(history), reports


def test_three_runs_three_rows_in_order(three_runs):
    history, _ = three_runs
    runs = history.drop_duplicates("run_id")
    assert runs["label"].tolist() == ["all rules", "numbers only", "no single-source"]


def test_each_run_has_its_own_metrics(three_runs):
    history, reports = three_runs
    run_ids = history.drop_duplicates("run_id")["run_id"].tolist()
    for run_id, report in zip(run_ids, reports, strict=True):
        rows, summary = _rows(history, run_id), report["summary"]
        for name in ("clusters", "sources", "claims", "facts", "findings", "errors"):
            assert metric_value(rows, "run", "", name) == summary[name], name
        recorded = {r.key: r.value for r in rows if r.dimension == "rule"}
        assert recorded == summary["findings_by_rule"]
        assert metric_value(rows, "run", "", "duration_s") > 0
    by_rule = [set(r["summary"]["findings_by_rule"]) for r in reports]
    assert by_rule[1] == {"FC101"} and "FC501" in by_rule[0] and "FC501" not in by_rule[2]


def test_validation_is_saved_summarised_and_recorded(three_runs, tmp_path):
    history, reports = three_runs
    first = history["run_id"].iloc[0]
    assert metric_value(_rows(history, first), "run", "", "validation_failed") == 0
    assert reports[0]["summary"]["validation"]["success"] is True
    assert "validation" not in reports[1]["summary"]  # only with --validate


def test_a_failed_contract_exits_3_and_is_saved(monkeypatch, tmp_path, capsys):
    strict = suites.claim_suite()
    strict.append(gx.expectations.ExpectColumnValuesToBeInSet(column="kind", value_set=["quote"]))
    monkeypatch.setattr(suites, "claim_suite", lambda: strict)
    out = tmp_path / "out"
    assert main(["run", str(SEEDS), "--out", str(out), "--validate", "--no-history"]) == 3
    saved = json.loads((out / "validation.json").read_text(encoding="utf-8"))
    assert saved["success"] is False and saved["failed"] == 1
    (failed,) = [o for o in saved["outcomes"] if not o["success"]]
    assert failed["columns"] == "kind" and failed["unexpected"] > 0
    assert "table contracts: 1 of" in capsys.readouterr().err
    assert not (out / "history").exists()
