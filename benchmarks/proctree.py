"""Peak memory of a process tree (a command and every process it starts), read from /proc.

A thread samples the tree every ``interval`` seconds: it walks ``/proc/PID/task/*/children``
from the root and sums ``VmRSS`` of every process alive at that moment. The largest sum is
the tree's peak. This is the figure that matters for a run with worker processes: the
memory the machine needs while they all live. ``getrusage(RUSAGE_CHILDREN).ru_maxrss``
is not: it reports the largest *single* descendant (and over the caller's whole life).
Two limits: a spike shorter than the interval can be missed (each process's own ``VmHWM``,
its kernel-kept peak, is recorded too, and their sum bounds the tree's peak from above);
and pages shared between processes (fork, shared libraries) are counted once per process,
so the sum errs high, never low. CPU time is the tree's too: ``RUSAGE_CHILDREN`` sums the
user and system time of every descendant once it is reaped, workers included. Linux only;
nothing to install.
"""

from __future__ import annotations

import resource
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class TreeRun:
    """A finished command: exit code, wall seconds, memory peaks in bytes, its output."""

    returncode: int
    seconds: float
    cpu_seconds: float  # user + system time of the whole tree (getrusage of reaped children)
    peak_rss: int  # the largest sampled sum of VmRSS over the tree
    peak_hwm_sum: int  # sum over processes of each one's VmHWM: an upper bound
    processes: int  # processes seen in the tree
    stderr: str


def _status(pid: int) -> dict[str, int]:
    values = {}
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            key, _, rest = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                values[key] = int(rest.split()[0]) * 1024
    except (OSError, ValueError, IndexError):
        pass  # the process ended between listing and reading
    return values


def _tree(root: int) -> list[int]:
    pids, todo = [], [root]
    while todo:
        pid = todo.pop()
        pids.append(pid)
        try:
            for task in Path(f"/proc/{pid}/task").iterdir():
                todo += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            continue
    return pids


def run_measured(command: list[str], cwd: Path, interval: float = 0.1) -> TreeRun:
    """Run ``command`` in ``cwd`` to the end, sampling its process tree's memory."""
    cpu_before = _children_cpu()
    started = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    peak, hwm = 0, {}
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            total = 0
            for pid in _tree(process.pid):
                status = _status(pid)
                total += status.get("VmRSS", 0)
                hwm[pid] = max(hwm.get(pid, 0), status.get("VmHWM", 0))
            peak = max(peak, total)
            done.wait(interval)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, stderr = process.communicate()
    seconds = time.perf_counter() - started
    done.set()
    sampler.join()
    cpu = _children_cpu() - cpu_before
    return TreeRun(process.returncode, seconds, cpu, peak, sum(hwm.values()), len(hwm), stderr)


def _children_cpu() -> float:
    """CPU seconds of every descendant reaped so far (workers are reaped by their parents)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime
