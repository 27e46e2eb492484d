"""Record a finished run in the history store: its metrics, duration and validation."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from factcheck.history.metrics import run_metrics
from factcheck.history.store import append_run, history_frame, new_run_id
from factcheck.report.run import RunRecords

if TYPE_CHECKING:  # great_expectations is imported only when a run validates
    from factcheck.contracts.validate import Validation


def record_run(
    run: RunRecords,
    history: Path,
    started: datetime,
    duration_s: float,
    label: str = "",
    validation: Validation | None = None,
) -> Path:
    """Append the run's metrics to ``history``; the file written."""
    extra = {"duration_s": round(duration_s, 3)}
    if validation is not None:
        extra["validation_expectations"] = len(validation.outcomes)
        extra["validation_failed"] = len(validation.failed)
    rows = run_metrics(run, extra)
    return append_run(history, history_frame(new_run_id(started), started, label, rows))
