"""The facts and findings tables: their columns, types, and rows read from a run.

Long tables a dashboard reads as they are (one row per fact, one per finding), written as
CSV (:mod:`factcheck.report.tables_csv`) and Parquet (:mod:`factcheck.report.tables_parquet`)
beside the claim table. Rows are produced one at a time from the staged run, in input order.

Facts: ``cluster_id, fact_id, kind, key, status, n_sources, sources, n_claims, claim_ids``.
Findings: ``id, cluster_id, fact_id, rule, name, severity, kind, key, status, message,
n_sources, sources, evidence`` (the evidence list as JSON text), then the first piece of
evidence on its own: ``first_source_id, first_start, first_end, first_text``.
``sources`` and ``claim_ids`` are lists (sorted source ids; claim ids in evidence order).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from itertools import islice
from typing import Any

import pyarrow as pa

from factcheck.report.run import RunRecords

ROWS_PER_GROUP = 50_000  #: rows per Parquet row group (and per batch written)

_STRINGS = pa.list_(pa.string())

FACT_COLUMNS: dict[str, pa.DataType] = {
    "cluster_id": pa.string(),
    "fact_id": pa.string(),
    "kind": pa.string(),
    "key": pa.string(),
    "status": pa.string(),
    "n_sources": pa.int64(),
    "sources": _STRINGS,
    "n_claims": pa.int64(),
    "claim_ids": _STRINGS,
}

FINDING_COLUMNS: dict[str, pa.DataType] = {
    "id": pa.string(),
    "cluster_id": pa.string(),
    "fact_id": pa.string(),
    "rule": pa.string(),
    "name": pa.string(),
    "severity": pa.string(),
    "kind": pa.string(),
    "key": pa.string(),
    "status": pa.string(),
    "message": pa.string(),
    "n_sources": pa.int64(),
    "sources": _STRINGS,
    "evidence": pa.string(),
    "first_source_id": pa.string(),
    "first_start": pa.int64(),
    "first_end": pa.int64(),
    "first_text": pa.string(),
}

#: The columns a findings row copies from the finding record as they are.
_FINDING_FIELDS = ("id", "cluster_id", "fact_id", "rule", "name", "severity", "kind", "key",
                   "status", "message")  # fmt: skip

#: Columns whose values are lists (JSON arrays in CSV).
LIST_COLUMNS = frozenset(
    name for columns in (FACT_COLUMNS, FINDING_COLUMNS) for name, t in columns.items()
    if t == _STRINGS
)  # fmt: skip


def schema(columns: Mapping[str, pa.DataType]) -> pa.Schema:
    """The Arrow schema of a table (the same for an empty run)."""
    return pa.schema([pa.field(name, kind) for name, kind in columns.items()])


def fact_rows(run: RunRecords) -> Iterator[dict[str, Any]]:
    """One row per fact, cluster by cluster."""
    for cluster in run.clusters():
        cluster_id = cluster.record["cluster_id"]
        for fact in cluster.record["facts"]:
            yield fact_row(cluster_id, fact)


def fact_row(cluster_id: str, fact: Mapping[str, Any]) -> dict[str, Any]:
    sources = sorted(str(s) for s in fact["sources"])
    claim_ids = [str(c["claim_id"]) for c in fact["claims"]]
    return {
        "cluster_id": cluster_id,
        "fact_id": fact["fact_id"],
        "kind": fact["kind"],
        "key": fact["key"],
        "status": fact["status"],
        "n_sources": len(sources),
        "sources": sources,
        "n_claims": len(claim_ids),
        "claim_ids": claim_ids,
    }


def finding_rows(run: RunRecords) -> Iterator[dict[str, Any]]:
    """One row per finding, in the order of the run."""
    for finding in run.findings():
        yield finding_row(finding)


def finding_row(finding: Mapping[str, Any]) -> dict[str, Any]:
    evidence = finding["evidence"]
    sources = sorted({str(e["source_id"]) for e in evidence})
    first = evidence[0] if evidence else {}
    return {
        **{name: finding[name] for name in _FINDING_FIELDS},
        "n_sources": len(sources),
        "sources": sources,
        "evidence": json.dumps(evidence, ensure_ascii=False),
        "first_source_id": first.get("source_id"),
        "first_start": first.get("start"),
        "first_end": first.get("end"),
        "first_text": first.get("text"),
    }


def batches(rows: Iterable[dict[str, Any]], size: int | None = None) -> Iterator[list[Any]]:
    """``rows`` in lists of at most ``size`` (:data:`ROWS_PER_GROUP` by default)."""
    size = size or ROWS_PER_GROUP
    iterator = iter(rows)
    while batch := list(islice(iterator, size)):
        yield batch
