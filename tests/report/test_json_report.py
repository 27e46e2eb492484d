"""report.json: the contract of DESIGN.md, validated against the committed JSON Schema."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from factcheck.cli import main
from factcheck.pipeline import check_cluster
from factcheck.report.records import build_report
from factcheck.rules.loader import load_rules
from tests.conftest import SEEDS

SCHEMA = json.loads(
    (
        Path(__file__).resolve().parents[2] / "factcheck" / "report" / "report.schema.json"
    ).read_text()
)


def _validate(report: dict) -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    jsonschema.Draft202012Validator(SCHEMA).validate(report)


@pytest.fixture(scope="module")
def seed_report(seed_cluster) -> dict:
    rules = load_rules()
    return build_report([check_cluster(seed_cluster, rules.rules, rules.synonyms)], [])


def test_seed_report_validates_against_the_schema(seed_report):
    _validate(seed_report)
    assert seed_report["schema_version"] == "1"


def test_every_claim_and_evidence_keeps_its_offsets(seed_report, seed_cluster):
    cluster = seed_report["clusters"][0]
    records = [c for f in cluster["facts"] for c in f["claims"]]
    records += [e for f in cluster["findings"] for e in f["evidence"]]
    assert records
    for record in records:
        text = seed_cluster.source(record["source_id"]).text
        assert text[record["start"] : record["end"]] == record["text"]


def test_summary_counts_match_the_records(seed_report):
    cluster, summary = seed_report["clusters"][0], seed_report["summary"]
    assert summary["facts"] == len(cluster["facts"])
    assert summary["findings"] == len(cluster["findings"])
    assert sum(summary["findings_by_severity"].values()) == summary["findings"]
    assert sum(summary["facts_by_status"].values()) == summary["facts"]


def test_the_schema_rejects_a_broken_report(seed_report):
    broken = json.loads(json.dumps(seed_report))
    broken["clusters"][0]["findings"][0]["severity"] = "fatal"
    with pytest.raises(jsonschema.ValidationError):
        _validate(broken)
    del broken["summary"]
    with pytest.raises(jsonschema.ValidationError):
        _validate(broken)


def test_run_writes_a_valid_report_and_reruns_give_the_same_bytes(tmp_path, capsys):
    assert main(["run", str(SEEDS), "--out", str(tmp_path / "a")]) == 0
    assert main(["run", str(SEEDS), "--out", str(tmp_path / "b")]) == 0
    first = (tmp_path / "a" / "report.json").read_bytes()
    assert first == (tmp_path / "b" / "report.json").read_bytes()
    _validate(json.loads(first))
    assert "wrote" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("fail_on", "code"), [("error", 0), ("warning", 1), ("info", 1), ("never", 0)]
)
def test_fail_on_sets_the_exit_code(tmp_path, fail_on, code):
    # the seeds have warnings and infos but no error
    assert main(["run", str(SEEDS), "--out", str(tmp_path), "--fail-on", fail_on]) == code


def test_a_bad_input_is_exit_2_and_the_good_clusters_are_still_reported(tmp_path, capsys):
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_text("", encoding="utf-8")
    assert main(["run", str(SEEDS), str(bad), "--out", str(tmp_path / "out")]) == 2
    report = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    _validate(report)
    assert [c["cluster_id"] for c in report["clusters"]] == ["seeds"]
    assert report["errors"] == [
        {"path": str(bad / "empty.txt"), "cluster_id": "bad", "message": "empty file (no text)"}
    ]
    assert str(bad / "empty.txt") in capsys.readouterr().err


def test_a_bad_rules_file_is_exit_2_and_leaves_the_old_report(tmp_path, capsys):
    out = tmp_path / "out"
    out.mkdir()
    (out / "report.json").write_text("old", encoding="utf-8")
    rules = tmp_path / "bad.yaml"
    rules.write_text("rules:\n  - code: [\n", encoding="utf-8")
    assert main(["run", str(SEEDS), "--rules", str(rules), "--out", str(out)]) == 2
    assert (out / "report.json").read_text(encoding="utf-8") == "old"
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith(f"factcheck: error: {rules}:")


def test_an_unknown_format_is_a_usage_error_naming_it(capsys):
    with pytest.raises(SystemExit) as exited:
        main(["run", "--format", "json,bogus"])
    assert exited.value.code == 2
    assert "unknown format bogus; known: json" in capsys.readouterr().err


def test_the_streamed_report_is_byte_for_byte_the_in_memory_one(seed_cluster, tmp_path):
    from factcheck.batch import check_clusters
    from factcheck.report import write_reports
    from factcheck.report.json_report import render
    from factcheck.report.run import staged_run

    rules = load_rules()
    with staged_run(tmp_path) as writer:
        for output in check_clusters([seed_cluster, seed_cluster], rules.rules, rules.synonyms):
            writer.add(output)
        run = writer.finish([], rules.rules, "error")
        write_reports(run, tmp_path, ["json"])
    whole = build_report([check_cluster(seed_cluster, rules.rules, rules.synonyms)] * 2, [])
    assert (tmp_path / "report.json").read_text(encoding="utf-8") == render(whole)
    assert not list(tmp_path.glob(".factcheck-staging-*"))  # the staging is cleaned up


def test_an_empty_run_streams_valid_json(tmp_path):
    from factcheck.report import write_reports
    from factcheck.report.json_report import render
    from factcheck.report.run import staged_run

    with staged_run(tmp_path) as writer:
        run = writer.finish([], [], "error")
        write_reports(run, tmp_path, ["json"])
    assert (tmp_path / "report.json").read_text(encoding="utf-8") == render(build_report([], []))
