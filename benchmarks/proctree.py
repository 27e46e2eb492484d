"""Peak memory of a process tree (a command and every process it starts), read from /proc.

A thread samples the tree every ``interval`` seconds: it walks ``/proc/PID/task/*/children``
from the root and, for every process alive at that moment, reads ``Pss`` (proportional set
size, ``/proc/PID/smaps_rollup``) and ``VmRSS``. The largest sums are the tree's peaks.
PSS is the figure for a tree of workers: a page shared by N processes (forked workers share
the parent's imports) counts 1/N in each, so the sum is the memory the tree really holds.
The RSS sum counts shared pages once per process and errs high; it is reported beside.
``getrusage(RUSAGE_CHILDREN).ru_maxrss`` would not do: it is the largest *single*
descendant (over the caller's whole life), not processes that live at the same time.
A spike shorter than the interval can be missed; each process's own ``VmHWM`` (its
kernel-kept RSS peak) is kept too, and their sum bounds the RSS peak from above. CPU time is
the tree's too: ``RUSAGE_CHILDREN`` sums the user and system time of every descendant once
it is reaped, workers included. Linux only; nothing to install.
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
    peak_pss: int  # the largest sampled sum of Pss over the tree
    peak_rss: int  # the largest sampled sum of VmRSS over the tree
    peak_hwm_sum: int  # sum over processes of each one's VmHWM: an upper bound
    processes: int  # processes seen in the tree
    stderr: str


def _memory(pid: int) -> dict[str, int]:
    """``VmRSS``, ``VmHWM`` and ``Pss`` of a process in bytes (empty once it has ended)."""
    values = {}
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            key, _, rest = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                values[key] = int(rest.split()[0]) * 1024
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                values["Pss"] = int(line.split()[1]) * 1024
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
    peak_pss, peak_rss, hwm = 0, 0, {}
    done = threading.Event()

    def sample() -> None:
        nonlocal peak_pss, peak_rss
        while not done.is_set():
            pss = rss = 0
            for pid in _tree(process.pid):
                memory = _memory(pid)
                pss += memory.get("Pss", 0)
                rss += memory.get("VmRSS", 0)
                hwm[pid] = max(hwm.get(pid, 0), memory.get("VmHWM", 0))
            peak_pss, peak_rss = max(peak_pss, pss), max(peak_rss, rss)
            done.wait(interval)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, stderr = process.communicate()
    seconds = time.perf_counter() - started
    done.set()
    sampler.join()
    cpu = _children_cpu() - cpu_before
    return TreeRun(
        process.returncode, seconds, cpu, peak_pss, peak_rss, sum(hwm.values()), len(hwm), stderr
    )


def _children_cpu() -> float:
    """CPU seconds of every descendant reaped so far (workers are reaped by their parents)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime
