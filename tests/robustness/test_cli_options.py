"""Odd option values: each is one line naming what is wrong, exit 2, and nothing written."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.engines import max_local_jobs
from tests.conftest import SEEDS
from tests.robustness.harness import assert_one_line_error, run_factcheck


@pytest.mark.input_class("bad-options")
def test_out_that_is_a_file_is_named_and_left_alone(tmp_path: Path) -> None:
    out = tmp_path / "reports"
    out.write_text("mine\n", encoding="utf-8")
    outcome = run_factcheck("run", SEEDS, "--out", out)
    assert "must be a directory" in assert_one_line_error(outcome, out)
    assert out.read_text(encoding="utf-8") == "mine\n"


@pytest.mark.input_class("bad-options")
def test_more_jobs_than_the_machine_can_use_is_refused_before_any_process_starts(
    tmp_path: Path,
) -> None:
    jobs = max_local_jobs() + 1
    outcome = run_factcheck("run", SEEDS, "--out", tmp_path / "out", "--jobs", jobs, timeout=60)
    assert outcome.returncode == 2 and f"--jobs {jobs}" in outcome.stderr
    assert f"at most {max_local_jobs()}" in outcome.stderr
    assert not (tmp_path / "out").exists()


@pytest.mark.input_class("bad-options")
@pytest.mark.parametrize(
    ("option", "value", "says"),
    [
        ("--format", "", "unknown format"),
        ("--format", "json,xml", "unknown format xml"),
        ("--jobs", "0", "at least 1"),
        ("--jobs", "many", "--jobs"),
        ("--fail-on", "fatal", "--fail-on"),
        ("--engine", "spark", "--engine"),
    ],
)
def test_bad_option_values_are_usage_errors(
    tmp_path: Path, option: str, value: str, says: str
) -> None:
    outcome = run_factcheck("run", SEEDS, "--out", tmp_path / "out", option, value)
    assert outcome.returncode == 2 and says in outcome.stderr, outcome.stderr
    assert "Traceback" not in outcome.stderr
    assert not (tmp_path / "out").exists()
