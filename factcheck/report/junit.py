"""``report.junit.xml``: the checks as JUnit test results, for CI test-report views.

One ``<testsuite>`` per cluster (named by its id), one ``<testcase>`` per fact that several
sources report, and per fact with a finding even if one source reports it (so that no
finding is left out): named ``kind: key`` (with the fact id added when two facts of a
cluster share that name), class name the cluster id. A finding at or above the run's
``--fail-on`` is a ``<failure>`` (message = the finding's message, type = the rule code,
body = one line per piece of evidence, ``source_id:line:column: text``, positions in the
source's text); findings below it are listed in the case's ``<system-out>``. Input errors
are test cases with an ``<error>`` in a last suite, ``input errors``. Counts (``tests``,
``failures``: failure elements, ``errors``, ``skipped``) are on every suite and on the root.
Characters XML 1.0 cannot hold (control characters, lone surrogates) are dropped.
"""

from __future__ import annotations

import re
import shutil
import tempfile
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from factcheck.controls import pictured
from factcheck.facts import severities_at_or_above
from factcheck.report.base import ReportFormat
from factcheck.report.run import ClusterReport, RunRecords
from factcheck.report.text_positions import LineIndex, one_line

ERRORS_SUITE = "input errors"
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(text: object) -> str:
    """``text`` with the characters XML 1.0 forbids shown instead: control characters as
    their control pictures (:func:`~factcheck.controls.pictured`), the rest as U+FFFD."""
    return _NOT_XML.sub("\ufffd", pictured(str(text)))


@dataclass
class Counts:
    tests: int = 0
    failures: int = 0
    errors: int = 0

    def add(self, other: Counts) -> None:
        self.tests += other.tests
        self.failures += other.failures
        self.errors += other.errors

    def attributes(self) -> dict[str, str]:
        return {
            "tests": str(self.tests),
            "failures": str(self.failures),
            "errors": str(self.errors),
            "skipped": "0",
        }


def write(run: RunRecords, path: Path) -> None:
    """Stream the suites into a scratch file, then write the root with the totals."""
    total = Counts()
    with tempfile.TemporaryFile("w+", encoding="utf-8", dir=path.parent) as suites:
        for suite in _suites(run):
            total.add(_counts(suite))
            _write_element(suites, suite)
        suites.seek(0)
        counts = " ".join(f'{k}="{v}"' for k, v in total.attributes().items())
        with path.open("w", encoding="utf-8", newline="\n") as stream:
            stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
            stream.write(f'<testsuites name="factcheck" {counts}>\n')
            shutil.copyfileobj(suites, stream)
            stream.write("</testsuites>\n")


def _write_element(stream: IO[str], element: ET.Element) -> None:
    ET.indent(element, space="  ", level=1)
    stream.write("  " + ET.tostring(element, encoding="unicode") + "\n")


def _counts(suite: ET.Element) -> Counts:
    return Counts(int(suite.get("tests", 0)), int(suite.get("failures", 0)),
                  int(suite.get("errors", 0)))  # fmt: skip


def _suites(run: RunRecords) -> Iterator[ET.Element]:
    failing = frozenset(severities_at_or_above(run.fail_on))
    for cluster in run.clusters():
        yield cluster_suite(cluster, failing)
    if run.errors:
        yield errors_suite(run.errors)


def cluster_suite(cluster: ClusterReport, failing: frozenset[str]) -> ET.Element:
    """One cluster's suite: a case per multi-source fact or fact with findings."""
    record = cluster.record
    cluster_id = str(record["cluster_id"])
    by_fact: dict[str, list[Mapping[str, Any]]] = {}
    for finding in record["findings"]:
        by_fact.setdefault(str(finding["fact_id"]), []).append(finding)
    facts = [f for f in record["facts"] if len(f["sources"]) >= 2 or f["fact_id"] in by_fact]
    names = Counter(_case_name(f) for f in facts)
    counts = Counts()
    cases = []
    positions = _Positions(cluster.texts)
    for fact in facts:
        name = _case_name(fact)
        if names[name] > 1:
            name = f"{name} ({fact['fact_id']})"
        case = ET.Element("testcase", {"name": xml_text(name), "classname": xml_text(cluster_id)})
        findings = by_fact.get(str(fact["fact_id"]), [])
        below = []
        for finding in findings:
            if finding["severity"] in failing:
                _sub(case, "failure", _describe(finding, positions),
                     message=finding["message"], type=finding["rule"])  # fmt: skip
                counts.failures += 1
            else:
                below.append(f"{finding['rule']} ({finding['severity']}): {finding['message']}\n"
                             + _describe(finding, positions))  # fmt: skip
        if below:
            _sub(case, "system-out", "\n".join(below))
        cases.append(case)
    counts.tests = len(cases)
    suite = ET.Element("testsuite", {"name": xml_text(cluster_id), **counts.attributes()})
    suite.extend(cases)
    return suite


def _case_name(fact: Mapping[str, Any]) -> str:
    return f"{fact['kind']}: {fact['key']}"


def errors_suite(errors: list[dict[str, Any]]) -> ET.Element:
    """The input errors, each a test case in error."""
    counts = Counts(tests=len(errors), errors=len(errors))
    suite = ET.Element("testsuite", {"name": ERRORS_SUITE, **counts.attributes()})
    for error in errors:
        where = error["path"] if error.get("line") is None else f"{error['path']}:{error['line']}"
        case = ET.SubElement(suite, "testcase",
                             {"name": xml_text(where), "classname": ERRORS_SUITE})  # fmt: skip
        body = f"{where}: {error['message']}"
        if error.get("cluster_id"):
            body += f" (cluster {error['cluster_id']})"
        _sub(case, "error", body, message=error["message"], type="InputError")
    return suite


def _sub(parent: ET.Element, tag: str, text: str, **attributes: str) -> None:
    child = ET.SubElement(parent, tag, {k: xml_text(v) for k, v in attributes.items()})
    child.text = xml_text(text)


class _Positions:
    """Line and column of offsets in one cluster's sources."""

    def __init__(self, texts: Mapping[str, str]) -> None:
        self.texts = texts
        self.indexes: dict[str, LineIndex] = {}

    def where(self, source_id: str, start: int) -> str:
        text = self.texts.get(source_id)
        if text is None:
            return f"{source_id}:?:?"
        if source_id not in self.indexes:
            self.indexes[source_id] = LineIndex(text)
        line, column = self.indexes[source_id].position(start)
        return f"{source_id}:{line}:{column}"


def _describe(finding: Mapping[str, Any], positions: _Positions) -> str:
    """One line per piece of evidence: ``source_id:line:column: text``."""
    return "\n".join(
        f"{positions.where(str(e['source_id']), int(e['start']))}: {one_line(str(e['text']))}"
        for e in finding["evidence"]
    )


FORMAT = ReportFormat(
    "junit", (("report.junit.xml", write),), "report.junit.xml: JUnit XML test results"
)
