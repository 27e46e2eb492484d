"""``--format csv``: ``claims.csv``, ``facts.csv`` and ``findings.csv``.

UTF-8, a header row, ``\\n`` line ends, fields quoted where needed (RFC 4180 quoting). A
missing value is an empty field; an unbounded ``high`` is ``inf``, as in ``factcheck
extract``. List columns (``sources``, ``claim_ids``) are JSON arrays (``["a", "b"]``), and
``evidence`` is JSON text, so no separator can clash with an id or a quote. Every file is
written as the run is read, part by part; an empty run gives the headers alone.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import pandas as pd

from factcheck.claims import COLUMNS
from factcheck.report.base import ReportFormat
from factcheck.report.run import RunRecords
from factcheck.report.tables_rows import (
    FACT_COLUMNS,
    FINDING_COLUMNS,
    LIST_COLUMNS,
    fact_rows,
    finding_rows,
)


def write_claims(run: RunRecords, path: Path) -> None:
    """The claim table, one staged part after another."""
    with path.open("w", encoding="utf-8", newline="") as stream:
        for n, part in enumerate(run.claims()):
            frame = pd.DataFrame(part)[list(COLUMNS)].astype(COLUMNS)
            frame.to_csv(stream, header=n == 0, index=False, lineterminator="\n")


def write_facts(run: RunRecords, path: Path) -> None:
    _write_rows(path, FACT_COLUMNS, fact_rows(run))


def write_findings(run: RunRecords, path: Path) -> None:
    _write_rows(path, FINDING_COLUMNS, finding_rows(run))


def csv_value(name: str, value: Any) -> Any:
    """A value as its CSV field: lists as JSON arrays, missing as empty."""
    if name in LIST_COLUMNS:
        return json.dumps(list(value), ensure_ascii=False)
    return "" if value is None else value


def _write_rows(path: Path, columns: Mapping[str, Any], rows: Iterable[dict[str, Any]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream, lineterminator="\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow([csv_value(name, row[name]) for name in columns])


FORMAT = ReportFormat(
    "csv",
    (("claims.csv", write_claims), ("facts.csv", write_facts), ("findings.csv", write_findings)),
    "claims.csv, facts.csv, findings.csv: the tables as CSV",
)
