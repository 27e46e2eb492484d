"""The records of one run, staged on disk as clusters finish, read back by the formats.

A batch never holds every cluster: each :class:`ClusterOutput` goes to a staging directory
as soon as it is ready (``clusters.jsonl``, ``findings.jsonl`` and ``claims/part-*.parquet``),
and :class:`RunRecords` streams them back, so every report format is written from files,
one cluster at a time. The staging directory lives inside ``--out`` and is removed when the
run ends; the reports are rendered inside it, then published into ``--out`` as one set
(:mod:`factcheck.report.publish`).
"""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import pandas as pd

from factcheck.claims import empty_claims
from factcheck.errors import InputProblem
from factcheck.pipeline import ClusterResult
from factcheck.report.publish import STAGING_PREFIX, staging_alive
from factcheck.report.records import (
    SCHEMA_VERSION,
    TOOL,
    SummaryCounter,
    cluster_record,
    error_record,
)
from factcheck.rules.model import Rule

CLAIMS_PER_PART = 50_000  #: claim rows buffered before a Parquet part is written
#: Cluster tables buffered before a part is written: a small table costs tens of kB however
#: few its rows, so an archive of tiny clusters must not wait for CLAIMS_PER_PART rows.
FRAMES_PER_PART = 500


@dataclass(frozen=True)
class ClusterOutput:
    """What one cluster contributes to the reports; plain data, so it crosses processes.

    ``record`` is the cluster's entry of ``report.json``; ``texts`` maps each source id to
    its text (for the formats that show the articles); ``claims`` is its claim table.
    """

    record: dict[str, Any]
    texts: dict[str, str]
    claims: pd.DataFrame = field(repr=False)

    @classmethod
    def from_result(cls, result: ClusterResult) -> ClusterOutput:
        texts = {s.source_id: s.text for s in result.cluster.sources}
        return cls(cluster_record(result), texts, result.claims)

    @property
    def cluster_id(self) -> str:
        return str(self.record["cluster_id"])


@dataclass(frozen=True)
class ClusterReport:
    """One cluster as the formats read it: its report entry and its sources' texts."""

    record: dict[str, Any]
    texts: dict[str, str]


def rule_record(rule: Rule) -> dict[str, Any]:
    """What a report needs to know of a rule (SARIF's rule metadata, the README's help)."""
    return {
        "code": rule.code,
        "name": rule.name,
        "kind": rule.kind,
        "severity": rule.severity,
        "summary": rule.summary,
        "description": rule.description,
        "origin": rule.origin,
    }


class RunRecords:
    """A finished run, read back from its staging directory."""

    def __init__(self, staging: Path) -> None:
        self.staging = staging
        meta = json.loads((staging / "run.json").read_text(encoding="utf-8"))
        self.schema_version: str = meta["schema_version"]
        self.tool: dict[str, Any] = meta["tool"]
        self.summary: dict[str, Any] = meta["summary"]
        self.errors: list[dict[str, Any]] = meta["errors"]
        self.rules: list[dict[str, Any]] = meta["rules"]
        self.fail_on: str = meta["fail_on"]

    def clusters(self) -> Iterator[ClusterReport]:
        """Every cluster in input order, one at a time."""
        for line in _lines(self.staging / "clusters.jsonl"):
            entry = json.loads(line)
            yield ClusterReport(entry["record"], entry["texts"])

    def chunks(self) -> Iterator[tuple[pd.DataFrame, list[ClusterReport]]]:
        """Each claim part with the clusters whose claims it holds (parts hold whole clusters).

        Clusters without claims come with the part before them (or the first part).
        """
        entries = (json.loads(line) for line in _lines(self.staging / "clusters.jsonl"))
        pending = next(entries, None)
        for part in self.claims():
            group: list[ClusterReport] = []
            rows = 0
            while pending is not None and (rows < len(part) or not pending["claims"]):
                rows += pending["claims"]
                group.append(ClusterReport(pending["record"], pending["texts"]))
                pending = next(entries, None)
            yield part, group
        rest = [ClusterReport(e["record"], e["texts"]) for e in _rest(pending, entries)]
        if rest:
            yield empty_claims(), rest

    def findings(self) -> Iterator[dict[str, Any]]:
        """Every finding record, with its ``cluster_id`` first."""
        for line in _lines(self.staging / "findings.jsonl"):
            yield json.loads(line)

    def claims(self) -> Iterator[pd.DataFrame]:
        """The claim table in parts (at least one part, perhaps empty), in input order."""
        parts = sorted((self.staging / "claims").glob("part-*.parquet"))
        if not parts:
            yield empty_claims()
        for part in parts:
            yield pd.read_parquet(part)


def _rest(first: dict[str, Any] | None, more: Iterator[dict[str, Any]]) -> Iterator[Any]:
    if first is not None:
        yield first
        yield from more


def _lines(path: Path) -> Iterator[str]:
    with path.open(encoding="utf-8") as stream:
        for line in stream:
            if line.strip():
                yield line


class RunWriter:
    """Stages cluster outputs as they come; :meth:`finish` gives the :class:`RunRecords`."""

    def __init__(self, staging: Path) -> None:
        self.staging = staging
        (staging / "claims").mkdir(parents=True, exist_ok=True)
        self._clusters: IO[str] = (staging / "clusters.jsonl").open("w", encoding="utf-8")
        self._findings: IO[str] = (staging / "findings.jsonl").open("w", encoding="utf-8")
        self._claims: list[pd.DataFrame] = []
        self._buffered = 0
        self._parts = 0
        self.summary = SummaryCounter()

    def add(self, output: ClusterOutput) -> None:
        """Stage one cluster."""
        entry = {"record": output.record, "texts": output.texts, "claims": len(output.claims)}
        self._clusters.write(json.dumps(entry, ensure_ascii=False) + "\n")
        for finding in output.record["findings"]:
            row = {"cluster_id": output.cluster_id, **finding}
            self._findings.write(json.dumps(row, ensure_ascii=False) + "\n")
        self.summary.add(output.record, len(output.claims))
        if len(output.claims):
            self._claims.append(output.claims)
            self._buffered += len(output.claims)
            if self._buffered >= CLAIMS_PER_PART or len(self._claims) >= FRAMES_PER_PART:
                self._flush_claims()

    def finish(
        self, errors: Sequence[InputProblem], rules: Sequence[Rule], fail_on: str
    ) -> RunRecords:
        """Close the staged files and write the run's summary; the run can then be read."""
        self._flush_claims()
        self._clusters.close()
        self._findings.close()
        error_records = [error_record(e) for e in errors]
        meta = {
            "schema_version": SCHEMA_VERSION,
            "tool": dict(TOOL),
            "summary": self.summary.result(len(error_records)),
            "errors": error_records,
            "rules": [rule_record(r) for r in rules],
            "fail_on": fail_on,
        }
        (self.staging / "run.json").write_text(
            json.dumps(meta, ensure_ascii=False), encoding="utf-8"
        )
        return RunRecords(self.staging)

    def close(self) -> None:
        """Close the staged files without finishing (the run was abandoned)."""
        self._clusters.close()
        self._findings.close()

    def _flush_claims(self) -> None:
        if not self._claims:
            return
        part = self.staging / "claims" / f"part-{self._parts:05d}.parquet"
        pd.concat(self._claims, ignore_index=True).to_parquet(part, index=False)
        self._parts += 1
        self._claims, self._buffered = [], 0


@contextmanager
def staged_run(out: Path) -> Iterator[RunWriter]:
    """A :class:`RunWriter` staging into a fresh directory inside ``out``, removed afterwards."""
    out.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=out))
    try:
        with staging_alive(staging):
            writer = RunWriter(staging)
            try:
                yield writer
            finally:
                writer.close()
    finally:
        shutil.rmtree(staging, ignore_errors=True)
