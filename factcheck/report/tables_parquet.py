"""``--format parquet``: ``claims.parquet``, ``facts.parquet`` and ``findings.parquet``.

Typed columns: the claim table with the dtypes of :data:`factcheck.claims.COLUMNS`, and the
facts and findings tables with the Arrow types of :mod:`factcheck.report.tables_rows`
(list columns as ``list<string>``, ``evidence`` as JSON text). Written with a
``ParquetWriter``: one row group per staged claims part, and per batch of facts or
findings, so a batch run never holds a table whole. An empty run gives files with the full
schema and no rows.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from factcheck.claims import COLUMNS, empty_claims
from factcheck.report.base import ReportFormat
from factcheck.report.run import RunRecords
from factcheck.report.tables_rows import (
    FACT_COLUMNS,
    FINDING_COLUMNS,
    batches,
    fact_rows,
    finding_rows,
    schema,
)

CLAIMS_SCHEMA = pa.Schema.from_pandas(empty_claims(), preserve_index=False)


def write_claims(run: RunRecords, path: Path) -> None:
    """The claim table, one row group per staged part."""
    with pq.ParquetWriter(path, CLAIMS_SCHEMA) as writer:
        for part in run.claims():
            if len(part):
                frame = pd.DataFrame(part)[list(COLUMNS)].astype(COLUMNS)
                writer.write_table(
                    pa.Table.from_pandas(frame, schema=CLAIMS_SCHEMA, preserve_index=False)
                )


def write_facts(run: RunRecords, path: Path) -> None:
    _write_rows(path, schema(FACT_COLUMNS), fact_rows(run))


def write_findings(run: RunRecords, path: Path) -> None:
    _write_rows(path, schema(FINDING_COLUMNS), finding_rows(run))


def _write_rows(path: Path, table_schema: pa.Schema, rows: Iterable[dict[str, Any]]) -> None:
    with pq.ParquetWriter(path, table_schema) as writer:
        for batch in batches(rows):
            writer.write_table(pa.Table.from_pylist(batch, schema=table_schema))


FORMAT = ReportFormat(
    "parquet",
    (
        ("claims.parquet", write_claims),
        ("facts.parquet", write_facts),
        ("findings.parquet", write_findings),
    ),
    "claims.parquet, facts.parquet, findings.parquet: the tables as Parquet",
)
