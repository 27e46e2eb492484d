"""``report.sarif``: the findings as SARIF 2.1.0, for code-scanning tools and CI annotations.

One run. ``tool.driver`` lists every rule of the run (code, name, summary, description as
text and Markdown help, default level, kind). Each finding is a result with the finding's
message, level (error, warning; info is SARIF's ``note``), one location per piece of
evidence (see :mod:`factcheck.report.sarif_locations`), its stable id as the partial
fingerprint ``factcheck/v1``, and its cluster, fact and status as properties. Input errors
are tool execution notifications, and the invocation is then not successful. Results are
written one cluster at a time, so a batch never holds them all.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import IO, Any

from factcheck.report.base import ReportFormat
from factcheck.report.run import RunRecords
from factcheck.report.sarif_locations import ClusterLocator, JsonlLines, artifact_location

SARIF_SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
LEVELS = {"error": "error", "warning": "warning", "info": "note"}  #: severity -> SARIF level
FINGERPRINT = "factcheck/v1"  #: the partialFingerprints key holding a finding's stable id
_RESULTS = "\x00results\x00"  # stands in for the streamed results array


def write(run: RunRecords, path: Path) -> None:
    """Stream the run as one SARIF log into ``path``."""
    rule_index = {rule["code"]: n for n, rule in enumerate(run.rules)}
    head, tail = _skeleton(run).split(json.dumps(_RESULTS), 1)
    last_line = head.rsplit("\n", 1)[1]
    indent = last_line[: len(last_line) - len(last_line.lstrip())]
    with path.open("w", encoding="utf-8", newline="") as stream:
        stream.write(head)
        _write_array(stream, _results(run, rule_index, Path.cwd()), indent)
        stream.write(tail)


def _skeleton(run: RunRecords) -> str:
    """The whole log as JSON text with a placeholder for the results."""
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": driver(run)},
                "invocations": [invocation(run.errors, Path.cwd())],
                "columnKind": "unicodeCodePoints",
                "newlineSequences": ["\r\n", "\n"],
                "results": _RESULTS,
                "properties": {"summary": run.summary, "fail_on": run.fail_on},
            }
        ],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


def _write_array(stream: IO[str], items: Iterator[dict[str, Any]], indent: str) -> None:
    stream.write("[")
    empty = True
    for item in items:
        stream.write("\n" if empty else ",\n")
        text = json.dumps(item, ensure_ascii=False, indent=2)
        stream.write("\n".join(indent + "  " + line for line in text.split("\n")))
        empty = False
    stream.write("]" if empty else "\n" + indent + "]")


def driver(run: RunRecords) -> dict[str, Any]:
    """``tool.driver``: the tool and every rule of the run."""
    return {
        "name": str(run.tool["name"]),
        "version": str(run.tool["version"]),
        "semanticVersion": str(run.tool["version"]),
        "rules": [rule_descriptor(rule) for rule in run.rules],
    }


def rule_descriptor(rule: Mapping[str, Any]) -> dict[str, Any]:
    """One rule as a SARIF reportingDescriptor."""
    summary, description = str(rule["summary"]), str(rule["description"])
    return {
        "id": rule["code"],
        "name": rule["name"],
        "shortDescription": {"text": summary},
        "fullDescription": {"text": description},
        "help": {"text": description, "markdown": help_markdown(summary, description)},
        "defaultConfiguration": {"level": LEVELS[rule["severity"]]},
        "properties": {"kind": rule["kind"], "origin": rule["origin"]},
    }


def help_markdown(summary: str, description: str) -> str:
    """The rule's help in Markdown: the summary in bold, then the description.

    An indented block right after a line ending in a colon ("Anti-pattern:") is example
    text and becomes a code block; other lines are kept as written.
    """
    out = [f"**{summary}**", ""]
    lines = description.splitlines()
    in_example = False
    for n, line in enumerate(lines):
        indented = line.startswith("  ")
        if in_example and not indented:
            out.append("")
            in_example = False
        elif indented and not in_example and n and _opens_example(lines[n - 1]):
            out.append("")
            in_example = True
        out.append("  " + line if in_example else line)
    return "\n".join(out)


def _opens_example(line: str) -> bool:
    return line.rstrip().endswith(":") and not line.lstrip().startswith("- ")


def invocation(errors: list[dict[str, Any]], cwd: Path) -> dict[str, Any]:
    """The run's invocation: successful unless inputs could not be read or checked."""
    notifications = []
    for error in errors:
        physical: dict[str, Any] = {"artifactLocation": artifact_location(error["path"], cwd)}
        if error.get("line"):
            physical["region"] = {"startLine": error["line"]}
        notifications.append(
            {
                "level": "error",
                "message": {"text": str(error["message"])},
                "locations": [{"physicalLocation": physical}],
                "properties": {"path": error["path"], "cluster_id": error["cluster_id"]},
            }
        )
    record: dict[str, Any] = {"executionSuccessful": not errors}
    if notifications:
        record["toolExecutionNotifications"] = notifications
    return record


def _results(run: RunRecords, rule_index: dict[str, int], cwd: Path) -> Iterator[dict[str, Any]]:
    jsonl = JsonlLines()
    for cluster in run.clusters():
        locator = ClusterLocator(cluster.record, cluster.texts, cwd, jsonl)
        for finding in cluster.record["findings"]:
            yield result(finding, cluster.record["cluster_id"], locator, rule_index)


def result(
    finding: Mapping[str, Any],
    cluster_id: str,
    locator: ClusterLocator,
    rule_index: Mapping[str, int],
) -> dict[str, Any]:
    """One finding as a SARIF result."""
    record: dict[str, Any] = {"ruleId": finding["rule"]}
    if finding["rule"] in rule_index:
        record["ruleIndex"] = rule_index[finding["rule"]]
    record["level"] = LEVELS[finding["severity"]]
    record["message"] = {"text": finding["message"]}
    record["locations"] = [locator.location(e) for e in finding["evidence"]]
    record["partialFingerprints"] = {FINGERPRINT: finding["id"]}
    record["properties"] = {
        "cluster_id": cluster_id,
        "fact_id": finding["fact_id"],
        "status": finding["status"],
        "kind": finding["kind"],
        "key": finding["key"],
        "severity": finding["severity"],
    }
    return record


FORMAT = ReportFormat("sarif", (("report.sarif", write),), "report.sarif: SARIF 2.1.0")
