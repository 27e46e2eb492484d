"""``report.json``: the report records as JSON, the contract outside tools read.

Written one cluster at a time, yet byte for byte what ``json.dumps(report, indent=2)`` gives
for the whole report, so a batch of any size never holds the document in memory.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import IO, Any

from factcheck.report.base import ReportFormat
from factcheck.report.run import RunRecords


def render(report: dict[str, Any]) -> str:
    """The whole report (already in memory) as pretty, stable JSON."""
    return json.dumps(report, ensure_ascii=False, indent=2) + "\n"


def write(run: RunRecords, path: Path) -> None:
    """Stream the run's report into ``path``."""
    with path.open("w", encoding="utf-8", newline="") as stream:
        stream.write("{\n")
        _member(stream, "schema_version", run.schema_version)
        _member(stream, "tool", run.tool)
        stream.write('  "clusters": [')
        for n, cluster in enumerate(run.clusters()):
            stream.write(",\n" if n else "\n")
            stream.write(_indented(cluster.record, "    "))
        stream.write("\n  ],\n" if not _empty(run) else "],\n")
        _member(stream, "errors", run.errors)
        _member(stream, "summary", run.summary, last=True)
        stream.write("}\n")


def _empty(run: RunRecords) -> bool:
    return int(run.summary["clusters"]) == 0


def _member(stream: IO[str], key: str, value: Any, last: bool = False) -> None:
    stream.write(f"  {json.dumps(key)}: {_indented(value, '  ').lstrip()}")
    stream.write("\n" if last else ",\n")


def _indented(value: Any, prefix: str) -> str:
    text = json.dumps(value, ensure_ascii=False, indent=2)
    return "\n".join(prefix + line for line in text.split("\n"))


FORMAT = ReportFormat("json", (("report.json", write),), "report.json: the JSON contract")
