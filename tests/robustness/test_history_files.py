"""A run history with damaged, foreign and copied files: the dashboard names each, uses the rest."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

from tests.conftest import SEEDS
from tests.robustness.harness import assert_one_line_error, run_factcheck


@pytest.mark.input_class("history-damaged")
def test_damaged_foreign_and_copied_history_files_are_each_one_line(tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = run_factcheck("run", SEEDS, "--out", out, "--no-cache", "--progress", "none")
    assert first.returncode == 0, first.stderr
    history = out / "history"
    (good,) = history.glob("run-*.parquet")
    bad = {
        "truncated": history / "run-truncated.parquet",
        "foreign": history / "run-foreign.parquet",
        "copy": history / "run-zz-copy.parquet",
    }
    bad["truncated"].write_bytes(good.read_bytes()[:100])
    pd.DataFrame({"a": [1]}).to_parquet(bad["foreign"])
    shutil.copy(good, bad["copy"])
    board = tmp_path / "board.html"
    outcome = run_factcheck("dashboard", "--history", history, "--out", board)
    said = {name: assert_one_line_error(outcome, path) for name, path in bad.items()}
    assert "cannot be read as Parquet" in said["truncated"]
    assert "not a run's history file" in said["foreign"]
    assert f"already read from {good.name}" in said["copy"]
    assert "dashboard of 1 run;" in outcome.stderr
    assert "</html>" in board.read_text(encoding="utf-8")
