"""Baselines: the finding ids a team has accepted, so the gate fails only on new findings.

A baseline file is either text, one finding id per line (``FC101-1a2b3c4d5e6f``), where
``#`` starts a comment (a whole line or the rest of one) and blank lines are skipped; or a
``report.json`` (recognised by its ``.json`` suffix), whose findings' ids are all accepted.
Ids carry no offsets (see :func:`factcheck.facts.finding_id`), so an edit elsewhere in a
draft keeps them. :func:`baseline_text` writes the text form, each id with a comment saying
which draft and finding it accepts.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from factcheck.controls import visible
from factcheck.errors import InputError, InputProblem
from factcheck.facts import Finding

#: A finding id: the rule code, a dash, twelve hex digits.
ID_PATTERN = re.compile(r"[A-Z]{1,4}[0-9]{2,4}-[0-9a-f]{12}")
_HEADER = (
    "# factcheck gate baseline: accepted findings, one id per line ('#' starts a comment).\n"
    "# Written by 'factcheck gate --write-baseline'; read with '--baseline'.\n"
)
_SHOWN = 100  # characters of a finding's message in its comment


def read_baseline(path: str | Path) -> frozenset[str]:
    """The accepted ids; raise :class:`InputError` naming the file (and line) on a problem."""
    path = Path(path)
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        raise _error(path, f"cannot read baseline: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise _error(path, "baseline is not valid UTF-8") from None
    if path.suffix == ".json":
        return _ids_of_report(path, text)
    return _ids_of_text(path, text)


def _ids_of_text(path: Path, text: str) -> frozenset[str]:
    ids = set()
    for number, line in enumerate(text.splitlines(), start=1):
        entry = line.split("#", 1)[0].strip()
        if not entry:
            continue
        if not ID_PATTERN.fullmatch(entry):
            message = f"not a finding id: {entry!r} (expected e.g. FC101-1a2b3c4d5e6f)"
            raise _error(path, message, number)
        ids.add(entry)
    return frozenset(ids)


def _ids_of_report(path: Path, text: str) -> frozenset[str]:
    try:
        report = json.loads(text)
    except json.JSONDecodeError as exc:
        raise _error(path, f"not valid JSON: {exc.msg}", exc.lineno) from None
    clusters = report.get("clusters") if isinstance(report, dict) else None
    if not isinstance(clusters, list):
        raise _error(path, "not a factcheck report.json (no 'clusters' list)")
    ids = set()
    for cluster in clusters:
        for finding in _findings(cluster):
            if not isinstance(finding.get("id"), str):
                raise _error(path, "a finding without an 'id' string")
            ids.add(finding["id"])
    return frozenset(ids)


def _findings(cluster: Any) -> list[dict[str, Any]]:
    findings = cluster.get("findings", []) if isinstance(cluster, dict) else None
    if not isinstance(findings, list) or not all(isinstance(f, dict) for f in findings):
        return []
    return findings


def _error(path: Path, message: str, line: int | None = None) -> InputError:
    return InputError(InputProblem(str(path), message, line))


def baseline_text(findings: Iterable[tuple[str, Finding]]) -> str:
    """The text baseline accepting these (cluster id, finding) pairs, sorted, one id a line."""
    lines: dict[str, str] = {}
    for cluster_id, finding in findings:
        message = " ".join(finding.message.split())
        if len(message) > _SHOWN:
            message = message[: _SHOWN - 1].rstrip() + "…"
        comment = visible(f"{cluster_id}: {message}")  # a comment line, nothing that acts
        lines.setdefault(finding.id, f"{finding.id}  # {comment}\n")
    return _HEADER + "".join(lines[key] for key in sorted(lines))
