"""Running factcheck as a user does (its own process) and checking how it failed.

Every robustness test runs the real command in a subprocess with a time limit, so a hang, a
crash of the interpreter or a traceback is seen exactly as a user would see it.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

#: Exit code for a usage, configuration or input error (DESIGN.md).
EXIT_INPUT = 2


@dataclass(frozen=True)
class Outcome:
    """What one command did: its exit code, its output and how long it took."""

    returncode: int
    stdout: str
    stderr: str
    seconds: float

    @property
    def error_lines(self) -> list[str]:
        return [line for line in self.stderr.splitlines() if line.startswith("factcheck: error:")]


def run_factcheck(
    *argv: str | Path, cwd: Path | None = None, timeout: float = 120, **env: str
) -> Outcome:
    """Run ``factcheck ARGV`` in a fresh interpreter; fail the test if it hangs."""
    started = time.perf_counter()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "factcheck.cli", *map(str, argv)],
            cwd=cwd,
            capture_output=True,
            timeout=timeout,
            check=False,
            env={**os.environ, **env},
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"factcheck {' '.join(map(str, argv))} took more than {timeout} s")
    return Outcome(
        done.returncode,
        done.stdout.decode("utf-8", "replace"),
        done.stderr.decode("utf-8", "replace"),
        time.perf_counter() - started,
    )


def classed(name: str) -> Any:
    """A parametrised case named ``name``, marked as trying the input class of that name."""
    return pytest.param(name, id=name, marks=pytest.mark.input_class(name))


def assert_no_traceback(outcome: Outcome) -> None:
    """Whatever happened, the user saw messages, not a Python traceback."""
    assert "Traceback (most recent call last)" not in outcome.stderr, outcome.stderr
    assert outcome.returncode in (0, 1, EXIT_INPUT), (outcome.returncode, outcome.stderr)


def assert_one_line_error(outcome: Outcome, path: str | Path, *, line: int | None = None) -> str:
    """Exit 2 and exactly one error line, naming ``path`` (and ``line``); the line is returned."""
    assert_no_traceback(outcome)
    assert outcome.returncode == EXIT_INPUT, (outcome.returncode, outcome.stderr)
    errors = [e for e in outcome.error_lines if str(path) in e]
    assert len(errors) == 1, outcome.stderr
    if line is not None:
        assert f"{path}:{line}:" in errors[0], errors[0]
    return errors[0]
