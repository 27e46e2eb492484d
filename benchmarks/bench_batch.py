"""Benchmark: `factcheck run` over synthetic archives of 100, 1,000 and 10,000 clusters.

For each size it builds an archive (benchmarks/archive.py) in a temporary directory, then
runs the whole pipeline (every claim kind, alignment, the built-in rules, report.json) as
``factcheck run ARCHIVE --format json --out DIR`` in a subprocess, once per run mode:
``serial`` (one process), ``jobs2`` (``--jobs 2``), ``dask1`` / ``dask2`` (``--engine dask``
with one / two workers); modes whose options ``factcheck run --help`` does not list are
skipped, and ``--no-cache --progress none --no-history`` are passed when they exist. Each
mode also runs on a one-cluster archive, to measure its start-up (imports, workers).

Printed per run: clusters, sources, characters, wall seconds, clusters/s, characters/s,
milliseconds per cluster (and without the start-up), peak memory of the whole process tree
(benchmarks/proctree.py: /proc sampled every 0.1 s, PSS and RSS summed over the command and
all its workers), and the ratio of characters/s to bare ``quantulum3.parser.parse`` run in this
process, in the same invocation, on a seeded random sample of the archive's documents
(``--sample-chars``, 300,000 by default). Then time per cluster from one size to the next,
the speed-up of ``jobs2`` over ``serial`` and of ``dask2`` over ``dask1``, and the targets.

    python benchmarks/bench_batch.py [--sizes 100,1000,10000] [--runs serial,jobs2,dask1,dask2]
    python benchmarks/bench_batch.py --quick       # sizes 20,100; a 100,000-char sample
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import os
import random
import subprocess
import sys
import tempfile
import time
import warnings
from dataclasses import dataclass
from pathlib import Path

from common import ROOT

from benchmarks.archive import describe, write_archive
from benchmarks.proctree import TreeRun, run_measured

#: Run mode -> the options it adds, and the options that must be in `factcheck run --help`.
RUNS: dict[str, tuple[list[str], tuple[str, ...]]] = {
    "serial": ([], ()),
    "jobs2": (["--jobs", "2"], ("--jobs",)),
    "dask1": (["--engine", "dask", "--jobs", "1"], ("--engine", "--jobs")),
    "dask2": (["--engine", "dask", "--jobs", "2"], ("--engine", "--jobs")),
}
OPTIONAL = (["--no-cache"], ["--progress", "none"], ["--no-history"])
MB = 1024 * 1024


@dataclass(frozen=True)
class Measured:
    size: int
    run: str
    clusters: int
    sources: int
    chars: int
    result: TreeRun
    startup: float
    baseline: float  # bare quantulum3 characters per CPU second on this archive's sample
    report_sha256: str

    @property
    def chars_per_s(self) -> float:
        return self.chars / self.result.seconds

    @property
    def chars_per_cpu_s(self) -> float:
        return self.chars / self.result.cpu_seconds

    @property
    def ms_per_cluster(self) -> float:
        return 1000 * self.result.seconds / self.clusters

    @property
    def marginal_ms_per_cluster(self) -> float:
        return 1000 * max(self.result.seconds - self.startup, 0.0) / self.clusters


def run_help() -> str:
    command = [sys.executable, "-m", "factcheck.cli", "run", "--help"]
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


def factcheck_command(archive: Path, out: Path, run: str, help_text: str) -> list[str]:
    """The `factcheck run` command line of one run mode."""
    command = [sys.executable, "-m", "factcheck.cli", "run", str(archive), "--format", "json"]
    command += ["--out", str(out), "--fail-on", "never", *RUNS[run][0]]
    for option in OPTIONAL:
        if option[0] in help_text:
            command += option
    return command


def quantulum_rate(archive: Path, chars: int, args: argparse.Namespace) -> tuple[float, int]:
    """CPU-time characters per second of bare ``quantulum3.parser.parse`` on a sample.

    The sample: documents of the archive in a seeded random order, until ``--sample-chars``.
    Best of ``--rounds`` passes, timed in CPU seconds of this process (the machine may be
    shared; CPU time is what other processes disturb least).
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from quantulum3 import parser as q3

        rng = random.Random(args.seed)
        keep = min(1.0, 2 * args.sample_chars / chars)
        with archive.open(encoding="utf-8") as lines:
            texts = [json.loads(line)["text"] for line in lines if rng.random() < keep]
        rng.shuffle(texts)
        sample, total = [], 0
        for text in texts:
            if total >= args.sample_chars:
                break
            sample.append(text)
            total += len(text)
        q3.parse(sample[0])  # warm-up: the catalogue and classifier load once
        best = float("inf")
        for _ in range(args.rounds):
            started = time.process_time()
            for text in sample:
                q3.parse(text)
            best = min(best, time.process_time() - started)
        return total / best, total


def measure_size(
    size: int, runs: list[str], args: argparse.Namespace, help_text: str, work: Path
) -> list[Measured]:
    archive = write_archive(work / f"archive-{size}", size, args.seed)
    stats = archive.stats
    print(f"\narchive {size:,}: {describe(stats)}", flush=True)
    baseline, sample = quantulum_rate(archive.path, stats.chars, args)
    print(f"bare quantulum3.parser.parse: {baseline:,.0f} chars per CPU second on a sample of "
          f"{sample:,} chars, best of {args.rounds}", flush=True)  # fmt: skip
    measured = []
    for run in runs:
        out = work / f"out-{size}-{run}"
        result = run_measured(factcheck_command(archive.path, out, run, help_text), ROOT)
        if result.returncode not in (0, 1):
            print(f"{run}: exit {result.returncode}: {result.stderr.strip()[-500:]}")
        report = out / "report.json"
        digest = _sha256(report) if report.exists() else "missing"
        measured.append(Measured(size, run, stats.clusters, stats.sources, stats.chars,
                                 result, STARTUP[run], baseline, digest))  # fmt: skip
        print(row(measured[-1]), flush=True)
        summary = result.stderr.strip().splitlines()[-1:] or ["(no summary)"]
        print(f"    {summary[0]}", flush=True)
        if not args.keep:
            subprocess.run(["rm", "-rf", str(out)], check=False)
    digests = {m.report_sha256 for m in measured}
    print(f"report.json identical across {', '.join(runs)}: {'yes' if len(digests) == 1 else 'NO'}")
    return measured


STARTUP: dict[str, float] = {}


def measure_startup(runs: list[str], help_text: str, work: Path, args: argparse.Namespace) -> None:
    """Seconds each mode takes on a one-cluster archive (imports, catalogues, workers)."""
    archive = write_archive(work / "archive-1", 1, args.seed)
    for run in runs:
        command = factcheck_command(archive.path, work / "out-1", run, help_text)
        STARTUP[run] = min(run_measured(command, ROOT).seconds for _ in range(args.rounds))
    print("start-up (one cluster, best of {}): {}".format(
        args.rounds, ", ".join(f"{r} {s:.1f} s" for r, s in STARTUP.items())))  # fmt: skip


HEADER = (
    f"{'clusters':>8} {'run':>6} {'sources':>7} {'chars':>11} {'seconds':>8} {'cpu s':>7} "
    f"{'clus/s':>7} {'chars/s':>8} {'ms/clus':>8} {'-startup':>8} {'PSS MB':>7} {'RSS MB':>7} "
    f"{'x q3':>6} {'x q3 cpu':>8}"
)


def row(m: Measured) -> str:
    return (
        f"{m.clusters:8,} {m.run:>6} {m.sources:7,} {m.chars:11,} {m.result.seconds:8.1f} "
        f"{m.result.cpu_seconds:7.1f} {m.clusters / m.result.seconds:7.1f} "
        f"{m.chars_per_s:8,.0f} {m.ms_per_cluster:8.0f} {m.marginal_ms_per_cluster:8.0f} "
        f"{m.result.peak_pss / MB:7.0f} {m.result.peak_rss / MB:7.0f} "
        f"{m.chars_per_s / m.baseline:5.2f}x "
        f"{m.chars_per_cpu_s / m.baseline:7.2f}x"
    )


def summarise(results: list[Measured], cpus: int) -> None:
    print("\n" + HEADER)
    for m in results:
        print(row(m))
    print(
        "PSS MB / RSS MB: peak of the process tree's summed PSS (shared pages split between "
        "the processes sharing them) / summed RSS (shared pages counted in each), sampled every "
        "0.1 s; summed per-process RSS peaks (an upper bound): "
        + ", ".join(f"{m.clusters}/{m.run} {m.result.peak_hwm_sum / MB:.0f}" for m in results)
    )
    print(
        "time per cluster scaled by the quantulum3 rates: the growth times the ratio of the "
        "bare quantulum3 rates measured before each size (the machine's own drift)"
    )
    print(
        "x q3: chars per wall second of the full pipeline (start-up included) over bare "
        "quantulum3.parser.parse chars per CPU second on a sample of the same archive, in "
        "this invocation; x q3 cpu: the same with the pipeline's CPU seconds (all processes)"
    )
    by = {(m.run, m.size): m for m in results}
    sizes = sorted({m.size for m in results})
    for run in dict.fromkeys(m.run for m in results):
        steps = [
            f"{a:,}->{b:,}: {raw:.2f}x"
            + (f" (start-up excluded {excluded:.2f}x" if excluded else " (")
            + f"{', ' if excluded else ''}scaled by the quantulum3 rates {scaled:.2f}x)"
            for a, b in itertools.pairwise(sizes)
            if (run, a) in by and (run, b) in by
            for raw, excluded in [_growth(by[run, a], by[run, b])]
            for scaled in [raw * by[run, b].baseline / by[run, a].baseline]
        ]
        if steps:
            print(f"time per cluster, {run}: " + ", ".join(steps))
    for fast, slow in (("jobs2", "serial"), ("dask2", "dask1")):
        for size in sizes:
            if (slow, size) in by and (fast, size) in by:
                speedup = by[slow, size].result.seconds / by[fast, size].result.seconds
                print(f"speed-up {fast} over {slow} at {size:,}: {speedup:.2f}x")
    print(f"machine: {cpus} CPUs, load average {os.getloadavg()[0]:.1f} at the end")
    print_targets(results, by, sizes)


def _growth(a: Measured, b: Measured) -> tuple[float, float | None]:
    """Time per cluster at b over a: as measured, and without the start-up (None when the
    start-up, measured apart, is not below both runs: too noisy to subtract)."""
    raw = b.ms_per_cluster / a.ms_per_cluster
    if min(a.marginal_ms_per_cluster, b.marginal_ms_per_cluster) <= 0:
        return raw, None
    return raw, b.marginal_ms_per_cluster / a.marginal_ms_per_cluster


def print_targets(
    results: list[Measured], by: dict[tuple[str, int], Measured], sizes: list[int]
) -> None:
    """The issue's targets against the figures of this invocation."""
    largest = [m for m in results if m.size == sizes[-1]]
    best = max(largest, key=lambda m: m.chars_per_s)
    lines = [(f"full pipeline >= 2x bare quantulum3 chars/s ({best.run}, {best.clusters:,})",
              best.chars_per_s / best.baseline, 2.0, ">=")]  # fmt: skip
    if len(sizes) > 1:
        for run in dict.fromkeys(m.run for m in largest):
            a, b = by.get((run, sizes[-2])), by.get((run, sizes[-1]))
            if a and b:
                raw, excluded = _growth(a, b)
                what = "start-up excluded" if excluded else "start-up included"
                lines.append((f"time per cluster flat {sizes[-2]:,}->{sizes[-1]:,} ({run}, {what})",
                              excluded or raw, 1.1, "<="))  # fmt: skip
    peak = max(m.result.peak_pss for m in largest) / MB
    lines.append((f"peak memory (PSS) < 500 MB at {sizes[-1]:,}", peak, 500.0, "<"))
    if ("dask1", sizes[-1]) in by and ("dask2", sizes[-1]) in by:
        speedup = by["dask1", sizes[-1]].result.seconds / by["dask2", sizes[-1]].result.seconds
        lines.append((f"dask 2 workers >= 1.6x 1 worker ({sizes[-1]:,})", speedup, 1.6, ">="))
    print("\ntargets:")
    for name, value, target, op in lines:
        met = {">=": value >= target, "<=": value <= target, "<": value < target}[op]
        print(f"  {name}: {value:.3f} ({op} {target:g}) {'met' if met else 'NOT met'}")


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as file:
        while chunk := file.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="100,1000,10000", help="archive sizes in clusters")
    parser.add_argument("--runs", default=",".join(RUNS), help="run modes, comma-separated")
    parser.add_argument("--seed", type=int, default=0, help="archive and sample seed (0)")
    parser.add_argument("--sample-chars", type=int, default=300_000,
                        help="characters of the quantulum3 sample (300,000)")  # fmt: skip
    parser.add_argument("--rounds", type=int, default=2,
                        help="quantulum3 passes and start-up runs; best counts (2)")  # fmt: skip
    parser.add_argument("--quick", action="store_true", help="sizes 20,100; a small sample")
    parser.add_argument("--keep", type=Path, help="keep archives and reports in this directory")
    args = parser.parse_args(argv)
    if args.quick:
        args.sizes, args.sample_chars = "20,100", min(args.sample_chars, 100_000)
    help_text = run_help()
    runs = [r for r in args.runs.split(",") if all(o in help_text for o in RUNS[r][1])]
    skipped = [r for r in args.runs.split(",") if r not in runs]
    print(
        f"runs: {', '.join(runs)}" + (f" (not available: {', '.join(skipped)})" if skipped else "")
    )
    with tempfile.TemporaryDirectory(prefix="factcheck-bench-") as temp:
        work = (args.keep or Path(temp)).resolve()
        work.mkdir(parents=True, exist_ok=True)
        measure_startup(runs, help_text, work, args)
        results = []
        for size in (int(s) for s in args.sizes.split(",")):
            results += measure_size(size, runs, args, help_text, work)
    summarise(results, os.cpu_count() or 1)


if __name__ == "__main__":
    main()
