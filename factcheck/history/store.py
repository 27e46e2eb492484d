"""The history store: one Parquet file per run in a directory, read back as one table.

Why Parquet files and not one DuckDB database: a run adds a file of its own, written to a
temporary name and renamed, so concurrent runs never write the same file and an interrupted
run leaves no partial row; there is no lock, no extra dependency, and any tool (pandas,
DuckDB, Spark, a BI tool) reads the directory as one dataset.

Columns (the exported schema, see the README): ``run_id`` (string), ``started_at`` (UTC,
ISO 8601 string), ``label`` (string, may be empty), ``dimension``, ``key``, ``metric``
(strings), ``value`` (float64).
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd

from factcheck.atomic import write_with
from factcheck.history.metrics import Metric

COLUMNS = {
    "run_id": "string",
    "started_at": "string",
    "label": "string",
    "dimension": "string",
    "key": "string",
    "metric": "string",
    "value": "float64",
}


def new_run_id(started: datetime) -> str:
    """Sortable by start time, unique across machines and processes."""
    stamp = started.astimezone(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    return f"{stamp}-{os.getpid()}-{uuid.uuid4().hex[:8]}"


def history_frame(
    run_id: str, started: datetime, label: str, rows: Iterable[Metric]
) -> pd.DataFrame:
    """One run's metrics as rows of the history table."""
    records = [(r.dimension, r.key, r.metric, r.value) for r in rows]
    stamp = started.astimezone(UTC).isoformat(timespec="seconds")
    frame = pd.DataFrame(records, columns=["dimension", "key", "metric", "value"])
    frame.insert(0, "label", label)
    frame.insert(0, "started_at", stamp)
    frame.insert(0, "run_id", run_id)
    return frame.astype(COLUMNS)


def append_run(history: Path, frame: pd.DataFrame) -> Path:
    """Add one run's rows to the store (a new file, written atomically)."""
    run_id = str(frame["run_id"].iloc[0]) if len(frame) else new_run_id(datetime.now(UTC))
    target = history / f"run-{run_id}.parquet"
    write_with(target, lambda path: frame.to_parquet(path, index=False))
    return target


def load_history(history: Path) -> pd.DataFrame:
    """Every run's rows, oldest run first; files that cannot be read are skipped."""
    frames = []
    for path in sorted(history.glob("run-*.parquet")):
        try:
            frames.append(pd.read_parquet(path))
        except (OSError, ValueError):  # a foreign or damaged file never hides the others
            continue
    if not frames:
        return pd.DataFrame({c: pd.Series(dtype=t) for c, t in COLUMNS.items()})
    table = pd.concat(frames, ignore_index=True).astype(COLUMNS)
    return table.sort_values(["started_at", "run_id"], kind="stable", ignore_index=True)
