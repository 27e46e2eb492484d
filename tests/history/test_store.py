"""The history store: one file per run, concurrent runs and interrupted writes lose nothing."""

from __future__ import annotations

import multiprocessing
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd

from factcheck.history.metrics import Metric
from factcheck.history.store import COLUMNS, append_run, history_frame, load_history, new_run_id

STARTED = datetime(2026, 11, 21, 12, 0, tzinfo=UTC)


def _frame(n: int) -> pd.DataFrame:
    started = STARTED.replace(minute=n)
    rows = [Metric("run", "", "clusters", float(n)), Metric("rule", "FC101", "findings", 2.0)]
    return history_frame(new_run_id(started), started, f"run {n}", rows)


def test_runs_come_back_oldest_first_with_their_rows(tmp_path: Path):
    for n in (3, 1, 2):
        append_run(tmp_path, _frame(n))
    history = load_history(tmp_path)
    assert list(history.columns) == list(COLUMNS)
    runs = history[history["metric"] == "clusters"]
    assert runs["value"].tolist() == [1.0, 2.0, 3.0]
    assert runs["label"].tolist() == ["run 1", "run 2", "run 3"]
    assert len(history) == 6


def test_an_empty_or_missing_store_reads_as_an_empty_table(tmp_path: Path):
    history = load_history(tmp_path / "nothing")
    assert history.empty and list(history.columns) == list(COLUMNS)


def test_a_damaged_file_is_skipped_and_a_temporary_one_ignored(tmp_path: Path):
    append_run(tmp_path, _frame(1))
    (tmp_path / "run-broken.parquet").write_bytes(b"not parquet")
    (tmp_path / ".run-x.parquet.123.tmp").write_bytes(b"half")  # an interrupted write
    history = load_history(tmp_path)
    assert history["run_id"].nunique() == 1


def _append_many(path: str, worker: int) -> None:
    for n in range(10):
        append_run(Path(path), _frame(worker * 10 + n))


def test_concurrent_runs_all_land(tmp_path: Path):
    context = multiprocessing.get_context("spawn")
    workers = [context.Process(target=_append_many, args=(str(tmp_path), w)) for w in range(3)]
    for process in workers:
        process.start()
    for process in workers:
        process.join(60)
        assert process.exitcode == 0
    history = load_history(tmp_path)
    assert history["run_id"].nunique() == 30
    assert not list(tmp_path.glob("*.tmp"))
