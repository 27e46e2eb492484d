"""report.junit.xml: parsed back with junitparser; counts, failures and escaping."""

from __future__ import annotations

import copy
from collections import Counter
from pathlib import Path

import pytest
from junitparser import Error, Failure, JUnitXml

from factcheck.errors import InputProblem
from factcheck.report.junit import xml_text
from factcheck.report.run import ClusterOutput
from factcheck.report.text_positions import one_line
from tests.report.staged import renamed, seed_output, write_run

SEED_FINDINGS = Counter({"warning": 3, "info": 30})  # and no error
MULTI_SOURCE_FACTS = 42  # of 129 facts of the seeds; 30 single-source facts have a finding


def _write(tmp_path: Path, outputs, fail_on: str = "error", problems=()) -> JUnitXml:
    out = write_run(tmp_path, outputs, ["junit"], fail_on, problems)
    return JUnitXml.fromfile(str(out / "report.junit.xml"))


def _failures(xml: JUnitXml) -> list[Failure]:
    return [r for suite in xml for case in suite for r in case.result if isinstance(r, Failure)]


@pytest.mark.parametrize(
    ("fail_on", "failures"), [("error", 0), ("warning", 3), ("info", 33), ("never", 0)]
)
def test_seed_counts_follow_fail_on(tmp_path, fail_on, failures):
    xml = _write(tmp_path, [seed_output()], fail_on)
    (suite,) = list(xml)
    assert suite.name == "seeds"
    facts_with_findings = {f["fact_id"] for f in seed_output().record["findings"]}
    multi = [f for f in seed_output().record["facts"] if len(f["sources"]) >= 2]
    assert len(multi) == MULTI_SOURCE_FACTS
    assert suite.tests == len({f["fact_id"] for f in multi} | facts_with_findings) == 72
    assert (xml.tests, xml.failures, xml.errors) == (72, failures, 0)
    assert (suite.failures, suite.errors) == (failures, 0)
    assert len(_failures(xml)) == failures
    written = (xml.tests, xml.failures, xml.errors, suite.tests, suite.failures)
    xml.update_statistics()  # junitparser's own count of the cases agrees
    assert (xml.tests, xml.failures, xml.errors, suite.tests, suite.failures) == written


def test_warning_failures_name_rule_message_and_evidence_positions(tmp_path):
    xml = _write(tmp_path, [seed_output()], "warning")
    record, texts = seed_output().record, seed_output().texts
    warnings = {f["rule"]: f for f in record["findings"] if f["severity"] == "warning"}
    failures = _failures(xml)
    assert {f.type for f in failures} == {"FC101", "FC201", "FC301"}
    for failure in failures:
        finding = warnings[failure.type]
        assert failure.message == finding["message"]
        lines = failure.text.split("\n")
        assert len(lines) == len(finding["evidence"])
        for line, evidence in zip(lines, finding["evidence"], strict=True):
            source_id, row, column, shown = line.split(":", 3)
            assert source_id == evidence["source_id"]
            text_lines = texts[source_id].split("\n")
            offset = sum(len(x) + 1 for x in text_lines[: int(row) - 1]) + int(column) - 1
            assert offset == evidence["start"]
            assert shown == " " + one_line(evidence["text"])


def test_findings_below_fail_on_go_to_system_out(tmp_path):
    xml = _write(tmp_path, [seed_output()], "warning")
    (suite,) = list(xml)
    outs = [case.system_out for case in suite if case.system_out]
    assert len(outs) == 30 and all(o.startswith("FC501 (info): only ") for o in outs)
    failing = [case for case in suite if case.result]
    assert all(not case.system_out for case in failing)


def test_case_names_are_stable_unique_and_classed_by_cluster(tmp_path):
    first = [(c.name, c.classname) for s in _write(tmp_path / "a", [seed_output()]) for c in s]
    again = [(c.name, c.classname) for s in _write(tmp_path / "b", [seed_output()]) for c in s]
    assert first == again
    assert len({name for name, _ in first}) == len(first)
    assert {classname for _, classname in first} == {"seeds"}
    assert ("entity: Kataib Hezbollah", "seeds") in first
    # a name that two facts share carries the fact id
    assert any(name.endswith(")") and "(f" in name for name, _ in first)


def test_a_batch_has_a_suite_per_cluster_and_root_totals(tmp_path):
    outputs = [renamed(seed_output(), f"cluster-{n}") for n in range(3)]
    problems = [InputProblem("in/bad.jsonl", "not valid JSON", 4, None),
                InputProblem("in/x", "empty file (no text)", None, "x")]  # fmt: skip
    xml = _write(tmp_path, outputs, "warning", problems)
    suites = list(xml)
    assert [s.name for s in suites] == ["cluster-0", "cluster-1", "cluster-2", "input errors"]
    assert (xml.tests, xml.failures, xml.errors) == (3 * 72 + 2, 9, 2)
    errors = [r for case in suites[-1] for r in case.result if isinstance(r, Error)]
    assert [e.message for e in errors] == ["not valid JSON", "empty file (no text)"]
    assert [c.name for c in suites[-1]] == ["in/bad.jsonl:4", "in/x"]


def test_markup_is_escaped_and_forbidden_characters_shown(tmp_path):
    seed = seed_output()
    record = copy.deepcopy(seed.record)
    finding = next(f for f in record["findings"] if f["rule"] == "FC201")
    finding["message"] = 'A <b>&amp; "quoted"\x00\x01\x1b\ufffe message ]]> end'
    finding["evidence"][0]["text"] = "Kataeb\x01 Hezbollah </failure><x>"
    texts = dict(seed.texts)
    xml = _write(tmp_path, [ClusterOutput(record, texts, seed.claims)], "warning")
    failure = next(f for f in _failures(xml) if f.type == "FC201")
    assert failure.message == 'A <b>&amp; "quoted"\u2400\u2401\u241b\ufffd message ]]> end'
    assert failure.text.split("\n")[0].endswith(": Kataeb\u2401 Hezbollah </failure><x>")


def test_xml_text_keeps_what_xml_allows():
    allowed = "tab\t nl\n cr\r é 😀 \ud7ff \ue000 \ufffd"
    assert xml_text(allowed) == allowed
    shown = xml_text("\x00a\x08b\x0c\x1fc\x7f\x9b\ufffe\uffff\udc00")
    assert shown == "\u2400a\u2408b\u240c\u241fc\u2421\ufffd\ufffd\ufffd\ufffd"


def test_an_empty_run_is_an_empty_valid_document(tmp_path):
    xml = _write(tmp_path, [])
    assert (xml.tests, xml.failures, xml.errors, len(list(xml))) == (0, 0, 0, 0)
