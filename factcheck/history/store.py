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
from collections.abc import Callable, Iterable
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


def load_history(
    history: Path, unreadable: Callable[[Path, str], None] | None = None
) -> pd.DataFrame:
    """Every run's rows, oldest run first.

    A file that cannot be read, is not a run's file, or repeats a run already read (a copy)
    is skipped (it never hides the others) and passed to ``unreadable`` with the reason.
    """
    frames = []
    seen: dict[str, str] = {}  # run id -> the file it was read from
    for path in sorted(history.glob("run-*.parquet")):
        try:
            frame = pd.read_parquet(path)
        except (OSError, ValueError) as exc:
            _tell(unreadable, path, f"cannot be read as Parquet ({exc})")
            continue
        missing = [c for c in COLUMNS if c not in frame.columns]
        if missing:
            _tell(unreadable, path, f"not a run's history file (missing: {', '.join(missing)})")
            continue
        runs = set(frame["run_id"].astype(str))
        copied = sorted(runs & set(seen))
        if copied:
            _tell(unreadable, path, f"run {copied[0]} was already read from {seen[copied[0]]}")
            continue
        seen.update(dict.fromkeys(runs, path.name))
        frames.append(frame[list(COLUMNS)])
    if not frames:
        return pd.DataFrame({c: pd.Series(dtype=t) for c, t in COLUMNS.items()})
    table = pd.concat(frames, ignore_index=True).astype(COLUMNS)
    return table.sort_values(["started_at", "run_id"], kind="stable", ignore_index=True)


def _tell(unreadable: Callable[[Path, str], None] | None, path: Path, reason: str) -> None:
    if unreadable is not None:
        unreadable(path, " ".join(reason.split()))
