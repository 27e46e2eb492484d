"""Batch runs end to end: engines, the cache, bad clusters, progress and interruption.

Real inputs (clusters cut from the seeds, a JSONL file), real ``factcheck run`` runs (in
this process, or as a subprocess for signals and progress), real worker processes and a
real Dask LocalCluster. Only the scheduling tests at the top use a toy engine, to observe
how many clusters are in flight.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from factcheck.batch import BatchStats, Result, run_batch
from factcheck.cli import main
from factcheck.corpus import Cluster, Source
from factcheck.errors import InputProblem
from factcheck.report import FORMATS
from factcheck.report.run import ClusterOutput
from tests.conftest import ROOT, SEEDS

SEED_FILES = sorted(SEEDS.glob("*.txt"))
LATIN_1 = b"caf\xe9 au lait, 750 troops\n"

# --- scheduling: input order, a bounded window ------------------------------------------


@dataclass
class _Toy:
    engine: ToyEngine
    cluster: Cluster
    number: int

    def done(self) -> bool:
        return self.engine.finishes(self.number)

    def result(self) -> Result:
        self.engine.outstanding -= 1
        return InputProblem(self.cluster.path, f"checked {self.cluster.cluster_id}")


class ToyEngine:
    """Records how many clusters are in flight at most; ``finishes(n)`` says when n is done."""

    def __init__(self, window: int, finishes: Callable[[int], bool]) -> None:
        self.window = window
        self.finishes = finishes
        self.submitted = self.outstanding = self.most = 0

    def submit(self, cluster: Cluster) -> _Toy:
        self.submitted += 1
        self.outstanding += 1
        self.most = max(self.most, self.outstanding)
        return _Toy(self, cluster, self.submitted - 1)


def toy_cluster(n: int) -> Cluster:
    return Cluster(f"c{n}", (Source("s", f"c{n}", "Text.", f"c{n}/s.txt"),), f"c{n}")


class Counted:
    """Input items, counting how many were read."""

    def __init__(self, items: list[Cluster | InputProblem]) -> None:
        self.items = items
        self.pulled = 0

    def __iter__(self) -> Iterator[Cluster | InputProblem]:
        for item in self.items:
            self.pulled += 1
            yield item


def paths(results: Iterable[Result]) -> list[str]:
    return [r.path for r in results if isinstance(r, InputProblem)]


def test_in_input_order_however_they_finish_and_never_more_than_the_window() -> None:
    items = [
        InputProblem(f"bad{n}", "unreadable") if n % 7 == 3 else toy_cluster(n) for n in range(40)
    ]
    # odd clusters finish at once, even ones never on their own (only when asked for)
    engine = ToyEngine(window=3, finishes=lambda n: n % 2 == 1)
    stats = BatchStats()

    results = list(run_batch(items, engine, stats=stats))

    assert paths(results) == [f"bad{n}" if n % 7 == 3 else f"c{n}" for n in range(40)]
    assert engine.most == engine.window
    assert (stats.computed, stats.cached, stats.failed) == (34, 0, 34)


def test_a_finished_cluster_is_handed_on_before_more_input_is_read() -> None:
    items = Counted([toy_cluster(n) for n in range(10)])
    results = run_batch(items, ToyEngine(window=3, finishes=lambda n: True))

    assert paths([next(results)]) == ["c0"]
    assert items.pulled == 1


def test_a_slow_cluster_does_not_let_what_follows_it_pile_up() -> None:
    problems: list[Cluster | InputProblem] = [InputProblem(f"bad{n}", "x") for n in range(30)]
    items = Counted([toy_cluster(0), *problems])
    results = run_batch(items, ToyEngine(window=3, finishes=lambda n: False))

    assert paths([next(results)]) == ["c0"]
    assert items.pulled == 2 * 3 + 1
    assert len(paths(results)) == 30


# --- a batch of small clusters through `factcheck run` ----------------------------------


def make_batch(root: Path) -> list[str]:
    """A directory of four clusters (one partly, one wholly unreadable) and a JSONL file."""
    batch = root / "batch"
    layout = {"a1": SEED_FILES[0:2], "b2": SEED_FILES[2:3], "c3": [], "d4": SEED_FILES[3:5]}
    for name, files in layout.items():
        (batch / name).mkdir(parents=True)
        for file in files:
            shutil.copyfile(file, batch / name / file.name)
    (batch / "b2" / "zz-latin1.txt").write_bytes(LATIN_1)
    (batch / "c3" / "only-latin1.txt").write_bytes(LATIN_1)
    texts = [path.read_text(encoding="utf-8") for path in SEED_FILES]
    lines = [
        json.dumps({"cluster_id": "j1", "source_id": "x", "text": texts[4]}),
        '{"cluster_id": "j2", "source_id": ',  # broken in the middle of the file
        json.dumps({"cluster_id": "j2", "documents": [{"source_id": "y", "text": texts[1]}]}),
        json.dumps({"cluster_id": "j1", "source_id": "z", "text": texts[0]}),
    ]
    jsonl = root / "docs.jsonl"
    jsonl.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return [str(batch), str(jsonl)]


CLUSTERS = ["a1", "b2", "d4", "j1", "j2"]


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    return make_batch(tmp_path_factory.mktemp("inputs"))


def run(*args: str) -> int:
    return main(["run", *args, "--progress", "none"])


def report_of(out: Path) -> dict:
    return json.loads((out / "report.json").read_text(encoding="utf-8"))


def files_of(out: Path) -> dict[str, bytes]:
    """The reports in ``out`` (not the cache, nor the run history, whose rows carry times)."""
    return {
        p.relative_to(out).as_posix(): p.read_bytes()
        for p in sorted(out.rglob("*"))
        if p.is_file() and not {".factcheck-cache", "history"} & set(p.relative_to(out).parts)
    }


def test_bad_clusters_in_the_middle_are_reported_and_the_others_kept(
    batch: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(*batch, "--out", str(tmp_path), "--no-cache") == 2

    report = report_of(tmp_path)
    assert [c["cluster_id"] for c in report["clusters"]] == CLUSTERS
    assert [len(c["sources"]) for c in report["clusters"]] == [2, 1, 2, 2, 1]
    errors = [(Path(e["path"]).name, e["cluster_id"], e.get("line")) for e in report["errors"]]
    assert errors == [
        ("zz-latin1.txt", "b2", None),
        ("only-latin1.txt", "c3", None),
        ("docs.jsonl", None, 2),
    ]
    err = capsys.readouterr().err
    assert err.count("factcheck: error: ") == 3
    assert "5 clusters, 8 sources" in err


ENGINES = {
    "jobs-1": ["--jobs", "1"],
    "jobs-2": ["--jobs", "2"],
    "dask-2": ["--engine", "dask", "--jobs", "2"],
}


def test_every_format_is_byte_identical_whatever_the_engine(
    batch: list[str], tmp_path: Path
) -> None:
    outputs = {}
    for name, options in ENGINES.items():
        out = tmp_path / name
        formats = ",".join(FORMATS)
        assert run(*batch, "--out", str(out), "--format", formats, "--no-cache", *options) == 2
        outputs[name] = files_of(out)

    reference = outputs["jobs-1"]
    assert "report.json" in reference
    assert [c["cluster_id"] for c in report_of(tmp_path / "jobs-1")["clusters"]] == CLUSTERS
    for name, files in outputs.items():
        assert files.keys() == reference.keys(), name
        for file, data in files.items():
            assert data == reference[file], f"{name}: {file} differs"


# --- the cache -----------------------------------------------------------------------------


def cache_line(err: str) -> str:
    """The last run's line on how many clusters were checked and taken from the cache."""
    return [line for line in err.splitlines() if "taken from the cache" in line][-1]


def test_a_rerun_takes_everything_from_the_cache_and_writes_the_same_bytes(
    batch: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    formats = ",".join(FORMATS)
    assert run(*batch, "--out", str(out), "--format", formats) == 2
    first = files_of(out)
    assert cache_line(capsys.readouterr().err).startswith(
        "factcheck: 5 clusters checked, 0 taken from the cache"
    )

    assert run(*batch, "--out", str(out), "--format", formats, "--jobs", "2") == 2
    assert cache_line(capsys.readouterr().err) == (
        f"factcheck: 0 clusters checked, 5 taken from the cache ({out / '.factcheck-cache'})"
    )
    assert files_of(out) == first

    entries = sorted((out / ".factcheck-cache").rglob("*.pkl.z"))
    assert len(entries) == 5
    entries[2].write_bytes(b"spoilt")
    assert run(*batch, "--out", str(out), "--format", formats) == 2
    assert cache_line(capsys.readouterr().err).endswith("; 1 unreadable cache entries replaced")
    assert files_of(out) == first


def test_a_changed_rule_file_checks_everything_again(
    batch: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", rules)
    cache = tmp_path / "cache"
    common = ["--out", str(tmp_path / "out"), "--rules", str(rules), "--cache", str(cache)]
    assert run(*batch, *common) == 2
    assert run(*batch, *common) == 2
    assert "0 clusters checked, 5 taken" in cache_line(capsys.readouterr().err)
    generation = sorted(p.name for p in cache.iterdir())

    numeric = rules / "numeric.yaml"
    numeric.write_text(numeric.read_text(encoding="utf-8") + "# reviewed\n", encoding="utf-8")
    assert run(*batch, *common) == 2

    assert "5 clusters checked, 0 taken" in cache_line(capsys.readouterr().err)
    assert len(generation) == 1
    assert [p.name for p in cache.iterdir()] != generation  # the old generation is gone
    assert len(list(cache.rglob("*.pkl.z"))) == 5


# --- progress and signals: `factcheck run` as a subprocess ---------------------------------


CLI = "import sys; from factcheck.cli import main; sys.exit(main())"


def factcheck(*args: str) -> list[str]:
    return [sys.executable, "-c", CLI, *args]


def test_progress_lines_when_stderr_is_not_a_terminal(batch: list[str], tmp_path: Path) -> None:
    done = subprocess.run(
        factcheck("run", batch[0], "--out", str(tmp_path), "--no-cache", "--progress", "lines"),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 2, done.stderr
    lines = [line for line in done.stderr.splitlines() if " clusters/s" in line]
    # four cluster directories, one of which holds no readable file
    assert [line.split(" clusters")[0] for line in lines] == [
        "factcheck: 1/4",
        "factcheck: 2/4",
        "factcheck: 3/4",
    ]
    assert "\r" not in done.stderr


def seed_copies(root: Path, count: int) -> Path:
    batch = root / "copies"
    for n in range(count):
        shutil.copytree(SEEDS, batch / f"copy-{n:02d}")
    return batch


def wait_for_cache_entries(cache: Path, process: subprocess.Popen[bytes]) -> int:
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline and process.poll() is None:
        entries = len(list(cache.rglob("*.pkl.z")))
        if entries:
            return entries
        time.sleep(0.02)
    raise AssertionError("no cluster was cached before the run ended")


@pytest.mark.parametrize(
    ("signum", "code", "jobs"),
    [(signal.SIGTERM, 143, "2"), (signal.SIGINT, 130, "1")],
    ids=["SIGTERM-processes", "SIGINT-in-process"],
)
def test_a_signal_stops_the_run_leaves_the_old_reports_and_a_rerun_resumes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], signum: int, code: int, jobs: str
) -> None:
    psutil = pytest.importorskip("psutil")
    batch = seed_copies(tmp_path, 12)
    out = tmp_path / "out"
    assert run(str(SEEDS), "--out", str(out), "--format", ",".join(FORMATS), "--no-cache") == 0
    old = files_of(out)
    process = subprocess.Popen(
        factcheck("run", str(batch), "--out", str(out), "--jobs", jobs, "--progress", "none"),
        stderr=subprocess.PIPE,
    )
    wait_for_cache_entries(out / ".factcheck-cache", process)
    workers = psutil.Process(process.pid).children(recursive=True)
    process.send_signal(signum)
    _, err = process.communicate(timeout=120)

    assert process.returncode == code, err.decode()
    assert f"interrupted by {signal.Signals(signum).name}: no report written" in err.decode()
    assert files_of(out) == old  # byte for byte, and no staging directory left behind
    assert not list(out.glob(".factcheck-staging-*"))
    assert not [w for w in workers if w.is_running() and w.status() != psutil.STATUS_ZOMBIE]
    cached = len(list((out / ".factcheck-cache").rglob("*.pkl.z")))
    assert 1 <= cached < 12

    assert run(str(batch), "--out", str(out)) == 0
    line = cache_line(capsys.readouterr().err)
    assert line.startswith(f"factcheck: {12 - cached} clusters checked, {cached} taken")
    assert len(report_of(out)["clusters"]) == 12


def test_scheduler_needs_the_dask_engine(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("--out", str(tmp_path), "--scheduler", "tcp://127.0.0.1:8786") == 2
    assert capsys.readouterr().err == "factcheck: error: --scheduler needs --engine dask\n"
    assert not (tmp_path / "report.json").exists()


@pytest.mark.parametrize("jobs", ["0", "two"])
def test_jobs_must_be_a_whole_number_of_at_least_one(
    jobs: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["run", "--jobs", jobs])
    assert exit_info.value.code == 2
    assert "--jobs" in capsys.readouterr().err


def test_outputs_are_whole_clusters_in_order(tmp_path: Path) -> None:
    """The public API: run_batch over the in-process engine gives ClusterOutputs."""
    from factcheck.batch import WorkerRules
    from factcheck.corpus import read_inputs
    from factcheck.engines import InProcessEngine
    from factcheck.rules.loader import load_rules

    make_batch(tmp_path)
    engine = InProcessEngine(WorkerRules.of(load_rules()))
    results = list(run_batch(read_inputs([tmp_path / "batch"]), engine))
    outputs = [r for r in results if isinstance(r, ClusterOutput)]
    assert [o.cluster_id for o in outputs] == ["a1", "b2", "d4"]
    assert os.path.basename(outputs[1].record["sources"][0]["path"]) == SEED_FILES[2].name
