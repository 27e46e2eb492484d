"""Run the table contracts over a run, part by part, and sum the outcomes up.

A batch's claim table comes in parts (each holding whole clusters, see
:meth:`~factcheck.report.run.RunRecords.chunks`); every part is validated with the clusters
it holds, so memory stays bounded by a part. Ids are checked for uniqueness within a part;
claim ids embed the cluster id, and cluster ids are unique across a run.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from factcheck.contracts import frames, suites
from factcheck.contracts.gx_context import run_suite
from factcheck.report.run import ClusterReport, RunRecords

EXAMPLES = 5  #: unexpected values kept per expectation


@dataclass
class Outcome:
    """One expectation over the whole run: rows checked, rows that failed, a few examples."""

    suite: str
    expectation: str
    columns: str
    success: bool = True
    checked: int = 0
    unexpected: int = 0
    examples: list[str] = field(default_factory=list)


@dataclass
class Validation:
    """The contracts' verdict on one run."""

    outcomes: list[Outcome]

    @property
    def success(self) -> bool:
        return all(o.success for o in self.outcomes)

    @property
    def failed(self) -> list[Outcome]:
        return [o for o in self.outcomes if not o.success]

    def record(self) -> dict[str, Any]:
        """As saved in ``validation.json``."""
        return {
            "success": self.success,
            "expectations": len(self.outcomes),
            "failed": len(self.failed),
            "outcomes": [asdict(o) for o in self.outcomes],
        }

    def summary(self, file: str) -> dict[str, Any]:
        """What the report's ``summary`` says of the validation."""
        return {
            "success": self.success,
            "expectations": len(self.outcomes),
            "failed": len(self.failed),
            "file": file,
        }

    def line(self) -> str:
        """A one-line summary for standard error."""
        if self.success:
            return f"table contracts: all {len(self.outcomes)} expectations met"
        worst = "; ".join(
            f"{o.suite}: {o.expectation}({o.columns}) failed on {o.unexpected} rows"
            for o in self.failed[:3]
        )
        return f"table contracts: {len(self.failed)} of {len(self.outcomes)} failed: {worst}"


class _Tally:
    def __init__(self) -> None:
        self.outcomes: dict[tuple[str, str, str], Outcome] = {}

    def add(self, suite: str, result: Any) -> None:
        for item in result.results:
            config = item.expectation_config
            kwargs = config.kwargs
            columns = (
                ",".join(str(kwargs[k]) for k in ("column", "column_A", "column_B") if k in kwargs)
                or "table"
            )
            key = (suite, config.type, columns)
            outcome = self.outcomes.setdefault(key, Outcome(suite, config.type, columns))
            details = item.result or {}
            outcome.success &= bool(item.success)
            outcome.checked += int(details.get("element_count", 0) or 0)
            outcome.unexpected += int(details.get("unexpected_count", 0) or 0)
            if item.exception_info.get("raised_exception"):
                outcome.examples.append(str(item.exception_info.get("exception_message")))
            for value in details.get("partial_unexpected_list") or []:
                if len(outcome.examples) < EXAMPLES:
                    outcome.examples.append(repr(value))
            if not item.success and "observed_value" in details and not outcome.examples:
                outcome.examples.append(f"observed {details['observed_value']!r}")


def validate_chunk(
    claims: pd.DataFrame, clusters: Sequence[ClusterReport], rule_codes: Iterable[str]
) -> list[tuple[str, Any]]:
    """The great_expectations results of the three suites on one part of a run."""
    codes = list(rule_codes)
    claim_frame = frames.claims_frame(claims, clusters)
    return [
        ("claims", run_suite("claims", claim_frame, suites.claim_suite())),
        ("findings", run_suite("findings", frames.findings_frame(clusters),
                               suites.finding_suite(codes))),
        ("evidence", run_suite("evidence", frames.evidence_frame(clusters, claims["claim_id"]),
                               suites.evidence_suite())),
    ]  # fmt: skip


def validate_tables(
    claims: pd.DataFrame, clusters: Sequence[ClusterReport], rule_codes: Iterable[str]
) -> Validation:
    """Validate one claim table with the clusters it belongs to."""
    tally = _Tally()
    for suite, result in validate_chunk(claims, clusters, rule_codes):
        tally.add(suite, result)
    return Validation(list(tally.outcomes.values()))


def validate_run(run: RunRecords) -> Validation:
    """Validate every part of the run's claim table and findings."""
    tally = _Tally()
    codes = [r["code"] for r in run.rules]
    for claims, clusters in run.chunks():
        for suite, result in validate_chunk(claims, clusters, codes):
            tally.add(suite, result)
    return Validation(list(tally.outcomes.values()))


def write_validation(validation: Validation, path: Path) -> None:
    """Save the outcomes as JSON (the caller makes the write atomic)."""
    text = json.dumps(validation.record(), ensure_ascii=False, indent=2) + "\n"
    path.write_text(text, encoding="utf-8")
