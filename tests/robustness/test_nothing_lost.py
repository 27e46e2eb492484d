"""Nothing lost: a run killed at any moment, or racing another run, never leaves a mix.

``--out`` starts with the complete reports of one cluster ("alpha"); a run of another
cluster ("beta") into it is killed with SIGKILL at moments spread over its whole life, and
stopped at each step of its publishing on purpose. Every time, each report file must be
byte for byte the old one or the new one, and once the journal is finished (by the next
run, or :func:`~factcheck.report.publish.recover`) the set is wholly old or wholly new.
Reports do not depend on the ``--out`` path, so reference runs give the exact bytes.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from factcheck.report.publish import (
    CRASH_AFTER_ENV,
    JOURNAL_NAME,
    STAGING_PREFIX,
    recover,
    staging_alive,
)
from tests.conftest import SEEDS
from tests.robustness.harness import run_factcheck

FORMATS = "json,md,html,sarif,junit,csv,parquet"
QUIET = ("--no-history", "--no-cache", "--progress", "none")
Snapshot = dict[str, bytes]


def snapshot(out: Path) -> Snapshot:
    """The report files in ``out`` (not the hidden working files), name -> bytes."""
    return {p.name: p.read_bytes() for p in out.iterdir() if p.is_file() and p.name[0] != "."}


def command(cluster: Path, out: Path, formats: str = FORMATS, *extra: str) -> list[str]:
    args = [str(cluster), "--out", str(out), "--format", formats, *extra]
    return [sys.executable, "-m", "factcheck.cli", "run", *args]


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Three clusters with different ids (so every report names its run)."""
    root = tmp_path_factory.mktemp("inputs")
    for name in ("alpha", "beta", "gamma"):
        shutil.copytree(SEEDS, root / name)
    (root / "gamma" / "004_60b090ac82928ee7.txt").unlink()  # different findings, too
    return root


@pytest.fixture(scope="module")
def references(inputs: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Snapshot]:
    """Each cluster's complete reports, from an uninterrupted run."""
    found = {}
    for name in ("alpha", "beta", "gamma"):
        out = tmp_path_factory.mktemp(f"reference-{name}")
        assert run_factcheck(*command(inputs / name, out)[3:], *QUIET).returncode in (0, 1)
        found[name] = snapshot(out)
    assert found["alpha"] != found["beta"] and set(found["alpha"]) == set(found["beta"])
    return found


def old_reports(tmp_path: Path, references: dict[str, Snapshot]) -> Path:
    out = tmp_path / "out"
    out.mkdir(parents=True)
    for name, data in references["alpha"].items():
        (out / name).write_bytes(data)
    return out


def assert_each_file_old_or_new(out: Path, old: Snapshot, new: Snapshot) -> None:
    now = snapshot(out)
    assert set(now) == set(old), sorted(set(now) ^ set(old))
    for name, data in now.items():
        assert data in (old[name], new[name]), f"{name} is neither the old nor the new file"


def assert_one_set(out: Path, old: Snapshot, new: Snapshot) -> str:
    now = snapshot(out)
    assert now in (old, new), "the reports mix two runs"
    return "old" if now == old else "new"


def leftovers(out: Path) -> list[str]:
    return sorted(p.name for p in out.iterdir() if p.name.startswith((STAGING_PREFIX, ".")))


@pytest.mark.input_class("killed-run")
def test_a_run_killed_at_any_moment_leaves_the_old_set_or_the_new(
    tmp_path: Path, inputs: Path, references: dict[str, Snapshot]
) -> None:
    old, new = references["alpha"], references["beta"]
    started = time.perf_counter()
    probe = old_reports(tmp_path / "probe", references)
    subprocess.run(command(inputs / "beta", probe, FORMATS, *QUIET), capture_output=True)
    duration = time.perf_counter() - started
    outcomes = []
    for step, share in enumerate((0.05, 0.3, 0.55, 0.75, 0.85, 0.92, 1.0)):
        out = old_reports(tmp_path / f"kill-{step}", references)
        process = subprocess.Popen(
            command(inputs / "beta", out, FORMATS, *QUIET),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(duration * share)
        process.send_signal(signal.SIGKILL)
        process.wait()
        assert_each_file_old_or_new(out, old, new)
        if not (out / JOURNAL_NAME).exists():
            assert_one_set(out, old, new)
        recover(out)
        outcomes.append(assert_one_set(out, old, new))
        assert leftovers(out) == []
    assert "old" in outcomes, outcomes  # the kills landed before the end ...
    assert outcomes[0] == "old"


@pytest.mark.input_class("killed-while-publishing")
@pytest.mark.parametrize("step", ["__journal__", "report.json", "report.sarif", "facts.parquet"])
def test_a_run_killed_while_publishing_is_finished_by_recover(
    tmp_path: Path, inputs: Path, references: dict[str, Snapshot], step: str
) -> None:
    old, new = references["alpha"], references["beta"]
    out = old_reports(tmp_path, references)
    env = {**os.environ, CRASH_AFTER_ENV: step}
    done = subprocess.run(command(inputs / "beta", out, FORMATS, *QUIET), env=env, check=False)
    assert done.returncode == -signal.SIGKILL
    journal = json.loads((out / JOURNAL_NAME).read_text(encoding="utf-8"))
    assert sorted(journal["names"]) == sorted(new)  # the journal lists the whole set
    assert_each_file_old_or_new(out, old, new)
    if step not in ("__journal__", "facts.parquet"):  # the first or the last file
        assert snapshot(out) not in (old, new)  # killed between two renames: a mix, for now
    assert recover(out)
    assert snapshot(out) == new
    assert leftovers(out) == []
    assert not recover(out)


@pytest.mark.input_class("killed-while-publishing")
def test_the_next_run_finishes_a_killed_publish_before_its_own(
    tmp_path: Path, inputs: Path, references: dict[str, Snapshot]
) -> None:
    out = old_reports(tmp_path, references)
    env = {**os.environ, CRASH_AFTER_ENV: "report.md"}
    subprocess.run(command(inputs / "beta", out, FORMATS, *QUIET), env=env, check=False)
    assert (out / JOURNAL_NAME).exists()
    outcome = run_factcheck("run", inputs / "gamma", "--out", out, "--format", "json", *QUIET)
    assert outcome.returncode in (0, 1), outcome.stderr
    assert "was killed while it moved its reports into place" in outcome.stderr
    assert snapshot(out) == {"report.json": references["gamma"]["report.json"]}
    assert leftovers(out) == []


@pytest.mark.input_class("killed-run")
def test_recover_removes_only_dead_runs_staging(tmp_path: Path) -> None:
    live, dead = tmp_path / f"{STAGING_PREFIX}live", tmp_path / f"{STAGING_PREFIX}dead"
    for staging in (live, dead):
        (staging / "claims").mkdir(parents=True)
        (staging / "clusters.jsonl").write_text("{}\n", encoding="utf-8")
    with staging_alive(live):  # another descriptor: flock sees it as another owner
        recover(tmp_path)
        assert live.is_dir() and not dead.exists()
    recover(tmp_path)
    assert not live.exists()


@pytest.mark.input_class("concurrent-runs")
def test_concurrent_runs_into_one_out_each_publish_a_whole_set(
    tmp_path: Path, inputs: Path, references: dict[str, Snapshot]
) -> None:
    out = old_reports(tmp_path, references)
    runs = [
        subprocess.Popen(
            command(inputs / name, out, FORMATS, "--progress", "none"),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        for name in ("beta", "gamma", "alpha")
    ]
    for process in runs:
        _, err = process.communicate(timeout=300)
        assert process.returncode in (0, 1), err.decode()
    assert snapshot(out) in references.values()
    assert leftovers(out) == [".factcheck-cache"]
    assert len(list((out / "history").glob("*.parquet"))) == 3  # every run was recorded
