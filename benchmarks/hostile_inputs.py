"""Benchmark: what big and many inputs cost through the real command (time and peak memory).

Each case runs ``factcheck`` in its own process, as a user would, and reports the wall time
and the peak resident memory of that process (``wait4``). The baseline is ``factcheck run``
on the five seeds (one cluster, 25 kB); every time is also given as a ratio to it.

Cases:
- ``big-refused``: a 50 MB source under the default limit: refused from its size, unread.
- ``big-extract-N`` / ``big-run-N``: one source of N MB (the seeds repeated) beside a seed,
  read with ``--max-source-size`` raised: how the pipeline's cost grows with one source's
  size; the figures justify the default limit (1 MB).
- ``jsonl-long-line``: a JSONL file whose one line is 100 MB: skipped unread, memory bounded.
- ``jsonl-big-text``: a 5 MB text in a JSONL line: refused once parsed.
- ``flat-default-limit-N``: one directory of N tiny files under the default limit of sources
  (refused at once above 1,000).
- ``flat-extract-N`` / ``flat-run-N``: the same with ``--max-sources-per-cluster N``: reading
  and extraction grow linearly, alignment faster than the square of N (the limit's reason).
- ``nested-run-N``: N cluster directories of one or two tiny files each.

    python -m benchmarks.hostile_inputs [--sizes 1,2,4] [--files 1000,10000] [--clusters 10000]
                                        [--only CASE ...] [--keep DIR]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TINY = "About {n} troops were sent to Kuwait on Tuesday, officials said. Source {i}.\n"


@dataclass(frozen=True)
class Measure:
    """One command's wall time, peak memory and exit code."""

    seconds: float
    peak_mb: float
    returncode: int
    stderr: str


def measure(*argv: str | Path) -> Measure:
    """Run ``factcheck ARGV`` in its own process; its time and peak resident memory."""
    started = time.perf_counter()
    with subprocess.Popen(
        [sys.executable, "-m", "factcheck.cli", *map(str, argv)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        cwd=ROOT,
    ) as process:
        assert process.stderr is not None
        stderr = process.stderr.read().decode("utf-8", "replace")
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - started
    return Measure(seconds, usage.ru_maxrss / 1024, process.returncode, stderr)


def seed_prose(size: int) -> str:
    """The five seeds repeated to ``size`` bytes (UTF-8), as a new source would read."""
    seeds = "\n\n".join(
        p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))
    )
    text = (seeds + "\n\n") * (size // len(seeds.encode()) + 1)
    return text.encode()[:size].decode("utf-8", "ignore")


def _big_cluster(root: Path, megabytes: float) -> Path:
    directory = root / f"big-{megabytes:g}mb"
    directory.mkdir()
    (directory / "big.txt").write_text(seed_prose(int(megabytes * (1 << 20))), encoding="utf-8")
    first_seed = sorted((ROOT / "seeds").glob("*.txt"))[0]
    (directory / "seed.txt").write_text(first_seed.read_text(encoding="utf-8"), encoding="utf-8")
    return directory


def _sparse(root: Path, megabytes: int) -> Path:
    directory = root / "dump"
    directory.mkdir()
    with (directory / "dump.txt").open("wb") as handle:
        handle.truncate(megabytes << 20)
    return directory


def _jsonl_line(root: Path, name: str, text_bytes: int) -> Path:
    path = root / f"{name}.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        handle.write('{"cluster_id": "c", "source_id": "s", "text": "')
        chunk = "words without any escapes in them " * 30_000
        written = 0
        while written < text_bytes:
            handle.write(chunk)
            written += len(chunk)
        handle.write('"}\n')
    return path


def _flat(root: Path, files: int) -> Path:
    directory = root / f"flat-{files}" / "event"
    directory.mkdir(parents=True)
    for i in range(files):
        (directory / f"s{i:05d}.txt").write_text(TINY.format(n=100 + i % 900, i=i))
    return directory


def _nested(root: Path, clusters: int) -> Path:
    archive = root / f"nested-{clusters}"
    for c in range(clusters):
        directory = archive / f"c{c:05d}"
        directory.mkdir(parents=True)
        for i in range(1 + c % 2):
            (directory / f"s{i}.txt").write_text(TINY.format(n=100 + (c + i) % 900, i=i))
    return archive


def cases(args: argparse.Namespace, root: Path) -> Iterator[tuple[str, Callable[[], Measure]]]:
    """``(name, run)`` for each case, the inputs built only when the case runs."""
    out = root / "out"
    quiet = ("--out", out, "--no-cache", "--no-history", "--progress", "none")
    yield "baseline-run-seeds", lambda: measure("run", ROOT / "seeds", *quiet)
    yield "big-refused-50mb", lambda: measure("extract", _sparse(root, 50))
    for mb in args.sizes:
        raised = ("--max-source-size", f"{mb + 1}MB")
        yield (
            f"big-extract-{mb:g}mb",
            lambda mb=mb, r=raised: measure("extract", _big_cluster(root / "x", mb), *r),
        )
        yield (
            f"big-run-{mb:g}mb",
            lambda mb=mb, r=raised: measure("run", _big_cluster(root / "r", mb), *r, *quiet),
        )
    yield "jsonl-long-line-100mb", lambda: measure("extract", _jsonl_line(root, "long", 100 << 20))
    yield "jsonl-big-text-5mb", lambda: measure("extract", _jsonl_line(root, "big", 5 << 20))
    for files in args.files:
        many = ("--max-sources-per-cluster", str(files))
        yield (
            f"flat-default-limit-{files}",
            lambda f=files: measure("extract", _flat(root / "f0", f)),
        )
        yield (
            f"flat-extract-{files}",
            lambda f=files, m=many: measure("extract", _flat(root / "fx", f), *m),
        )
        yield (
            f"flat-run-{files}",
            lambda f=files, m=many: measure("run", _flat(root / "fr", f), *m, *quiet),
        )
    for clusters in args.clusters:
        yield f"nested-run-{clusters}", lambda c=clusters: measure("run", _nested(root, c), *quiet)


def _numbers(text: str) -> list[float]:
    return [float(t) if "." in t else int(t) for t in text.split(",")]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--sizes", type=_numbers, default=[0.25, 0.5, 1], help="MB, comma-separated"
    )
    parser.add_argument("--files", type=_numbers, default=[1000], help="files in one cluster")
    parser.add_argument("--clusters", type=_numbers, default=[1000], help="cluster directories")
    parser.add_argument("--only", nargs="*", default=None, help="case names (prefixes) to run")
    parser.add_argument("--keep", type=Path, help="build the inputs here and keep them")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch:
        root = args.keep or Path(scratch)
        for sub in ("x", "r", "f0", "fx", "fr"):
            (root / sub).mkdir(parents=True, exist_ok=True)
        baseline = None
        print(f"{'case':24} {'seconds':>9} {'peak MB':>9} {'exit':>5} {'x baseline':>11}")
        for name, run in cases(args, root):
            if (
                args.only
                and not name.startswith("baseline")
                and not name.startswith(tuple(args.only))
            ):
                continue
            result = run()
            baseline = baseline or result.seconds
            print(
                f"{name:24} {result.seconds:9.2f} {result.peak_mb:9.0f} {result.returncode:5d} "
                f"{result.seconds / baseline:11.1f}",
                flush=True,
            )
            if result.returncode not in (0, 1):
                last = result.stderr.strip().splitlines()[-1:] or [""]
                print(f"{'':24} {last[0][:150]}", flush=True)


if __name__ == "__main__":
    main()
