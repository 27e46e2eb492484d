"""What the reports for people show of a cluster, shared by Markdown and HTML.

Facts with findings, most severe first; each finding's evidence folded into one row per
source and wording (a name spelled the same way three times in one article is one row,
"x3"); the kind's values as short strings; source ids as an editor reads them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from factcheck.facts import SEVERITIES
from factcheck.rules.kinds.source_names import short_names

Record = Mapping[str, Any]

#: Lower is more severe.
SEVERITY_RANK = {severity: rank for rank, severity in enumerate(SEVERITIES)}
MISSING = "—"

#: For each claim kind, the value columns shown beside the wording: (header, evidence keys).
VALUE_COLUMNS: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = {
    "quantity": (
        ("value", ("value",)),
        ("low–high", ("low", "high")),
        ("hedge", ("hedge",)),
        ("unit", ("unit",)),
    ),
    "entity": (("canonical", ("canonical",)), ("type", ("entity_type",)), ("role", ("role",))),
    "date": (("date", ("date_value",)), ("weekday", ("weekday",)), ("event", ("event",))),
    "quote": (("speaker", ("speaker",)),),
}


@dataclass(frozen=True)
class FactFindings:
    """One fact and the findings on it; ``severity`` is the most severe of them."""

    fact: Record
    findings: tuple[Record, ...]

    @property
    def severity(self) -> str:
        return str(min((f["severity"] for f in self.findings), key=severity_rank))


@dataclass(frozen=True)
class EvidenceRow:
    """One source's wording of a fact: where it occurs (evidence indexes) and its values."""

    source_id: str
    wording: str
    values: tuple[str, ...]
    occurrences: tuple[int, ...]  #: indexes into the finding's evidence list


def severity_rank(severity: str) -> int:
    """Rank of a severity (0 is the most severe); unknown severities sort last."""
    return SEVERITY_RANK.get(severity, len(SEVERITY_RANK))


def facts_with_findings(record: Record) -> list[FactFindings]:
    """The cluster's facts that have findings: most severe first, then by rule and key."""
    by_fact: dict[str, list[Record]] = {}
    for finding in record["findings"]:
        by_fact.setdefault(str(finding["fact_id"]), []).append(finding)
    facts = {str(f["fact_id"]): f for f in record["facts"]}
    grouped = [
        FactFindings(
            facts.get(fact_id, {"fact_id": fact_id, "kind": found[0]["kind"], "key": ""}),
            tuple(sorted(found, key=_finding_order)),
        )
        for fact_id, found in by_fact.items()
    ]
    return sorted(
        grouped, key=lambda g: (severity_rank(g.severity), *_finding_order(g.findings[0]))
    )


def _finding_order(finding: Record) -> tuple[Any, ...]:
    first = min(((e["source_id"], e["start"]) for e in finding["evidence"]), default=("", 0))
    return (severity_rank(finding["severity"]), finding["rule"], finding["key"], first)


def split_by_severity(
    groups: Sequence[FactFindings], least: str = "warning"
) -> tuple[list[FactFindings], list[FactFindings]]:
    """(facts whose worst finding is at least ``least``, the rest)."""
    cut = severity_rank(least)
    return (
        [g for g in groups if severity_rank(g.severity) <= cut],
        [g for g in groups if severity_rank(g.severity) > cut],
    )


def value_headers(kind: str) -> tuple[str, ...]:
    return tuple(header for header, _ in VALUE_COLUMNS.get(kind, ()))


def evidence_rows(finding: Record, source_order: Sequence[str]) -> list[EvidenceRow]:
    """The finding's evidence, one row per source and wording, in the cluster's source order."""
    kind = str(finding["kind"])
    rows: dict[tuple[str, str, tuple[str, ...]], list[int]] = {}
    for index, evidence in enumerate(finding["evidence"]):
        key = (str(evidence["source_id"]), wording(kind, evidence), evidence_values(kind, evidence))
        rows.setdefault(key, []).append(index)
    position = {source: n for n, source in enumerate(source_order)}
    ordered = sorted(
        rows.items(), key=lambda item: (position.get(item[0][0], len(position)), item[1][0])
    )
    return [EvidenceRow(s, w, v, tuple(found)) for (s, w, v), found in ordered]


def wording(kind: str, evidence: Record) -> str:
    """What the source says: the quoted words for a quote, else the claim's surface text."""
    if kind == "quote" and evidence.get("quote"):
        return str(evidence["quote"])
    return str(evidence["text"])


def evidence_values(kind: str, evidence: Record) -> tuple[str, ...]:
    """The kind's values of one piece of evidence, as short strings (``—`` when missing)."""
    shown = []
    for header, keys in VALUE_COLUMNS.get(kind, ()):
        if header == "low–high":
            shown.append(interval(evidence.get("low"), evidence.get("high")))
        else:
            shown.append(value_text(evidence.get(keys[0])))
    return tuple(shown)


def value_text(value: Any) -> str:
    """A value as an editor reads it: 750 not 750.0, 14,000 with a separator."""
    if value is None or value == "":
        return MISSING
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, float) and value.is_integer():
        return f"{int(value):,}"
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, float):
        return f"{value:,.6g}" if abs(value) < 1e15 else f"{value:g}"
    return str(value)


def interval(low: Any, high: Any) -> str:
    """``630–770``; one number when low equals high; ``≥ 14,000`` when unbounded above."""
    if low is None and high is None:
        return MISSING
    if high is None:
        return f"≥ {value_text(low)}"
    if low is None:
        return f"≤ {value_text(high)}"
    if low == high:
        return value_text(low)
    return f"{value_text(low)}–{value_text(high)}"


def source_labels(sources: Iterable[Record]) -> dict[str, str]:
    """Short names for the cluster's sources, as findings' messages name them (``000``)."""
    return short_names(str(s["source_id"]) for s in sources)


def outlets(sources: Iterable[Record]) -> dict[str, str]:
    """Each source's outlet, or ``—`` when the input did not name one."""
    return {str(s["source_id"]): str(s.get("outlet") or MISSING) for s in sources}


def plural(count: int, word: str, many: str | None = None) -> str:
    """``1 fact``, ``2 facts``."""
    return f"{count:,} {word if count == 1 else (many or word + 's')}"


def severity_line(counts: Mapping[str, int]) -> str:
    """``0 error, 3 warning, 30 info`` in severity order."""
    return ", ".join(f"{counts.get(s, 0):,} {s}" for s in SEVERITIES)


def cluster_severities(record: Record) -> dict[str, int]:
    """The cluster's findings counted by severity, every severity present."""
    counts = dict.fromkeys(SEVERITIES, 0)
    for finding in record["findings"]:
        counts[finding["severity"]] = counts.get(finding["severity"], 0) + 1
    return counts


def rule_counts(findings: Iterable[Record]) -> dict[str, dict[str, int]]:
    """Findings counted by rule, then by severity (a rule may report below its severity)."""
    counts: dict[str, dict[str, int]] = {}
    for finding in findings:
        by_severity = counts.setdefault(str(finding["rule"]), dict.fromkeys(SEVERITIES, 0))
        by_severity[finding["severity"]] = by_severity.get(finding["severity"], 0) + 1
    return dict(sorted(counts.items()))


def context(finding: Record) -> str:
    """A few words that place a finding's claim: who is quoted, what is counted, what happened."""
    evidence = finding["evidence"][0] if finding["evidence"] else {}
    kind = finding["kind"]
    if kind == "quote":
        return str(evidence.get("speaker") or "unattributed")
    field = {"quantity": "subject", "date": "event", "entity": "canonical"}.get(kind, "")
    return str(evidence.get(field) or finding["key"])
