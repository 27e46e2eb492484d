"""Engines that check clusters: this process, local worker processes, or Dask.

:func:`open_engine` is what ``factcheck run`` uses: ``--jobs 1`` checks clusters in this
process, ``--jobs N`` in N local worker processes, ``--engine dask`` on dask.distributed
(see :mod:`factcheck.engine_dask`). Each engine hands back, for every cluster, its output
or the problem that stopped it, never an exception: a worker process that dies is replaced,
and the cluster it was checking is tried once more on its own before it is reported.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import signal
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from factcheck.batch import Engine, Result, Task, WorkerRules, check_task, failure
from factcheck.corpus import Cluster, Source
from factcheck.errors import UsageError
from factcheck.pipeline import check_cluster

ENGINES = ("local", "dask")
WINDOW_PER_WORKER = 4  #: clusters in flight per worker: enough to keep it busy, no more
WORKER_DIED = "its worker process died while checking it (killed, or out of memory?)"


@contextmanager
def open_engine(
    name: str, jobs: int, rules: WorkerRules, scheduler: str | None = None, task: Task = check_task
) -> Iterator[Engine]:
    """The engine for ``--engine name --jobs N [--scheduler ADDRESS]``, closed afterwards.

    On an interruption (an exception, Ctrl-C) its workers are stopped at once.
    """
    if jobs < 1:
        raise UsageError(f"--jobs must be at least 1, not {jobs}")
    if scheduler is not None and name != "dask":
        raise UsageError("--scheduler needs --engine dask")
    if scheduler is None and jobs > max_local_jobs():
        raise UsageError(
            f"--jobs {jobs} is more worker processes than this machine can use "
            f"({os.cpu_count() or 1} CPUs): at most {max_local_jobs()}"
        )
    if name == "dask":
        from factcheck.engine_dask import DaskEngine  # dask is imported only when used

        with DaskEngine.open(jobs, rules, scheduler, task) as engine:
            yield engine
    elif jobs == 1:
        yield InProcessEngine(rules, task)
    else:
        with ProcessEngine.open(jobs, rules, task) as engine:
            yield engine


def max_local_jobs() -> int:
    """The most local worker processes ``--jobs`` may ask for: 4 per CPU (each takes memory)."""
    return 4 * (os.cpu_count() or 1)


class InProcessEngine:
    """Checks each cluster in this process, when its result is asked for."""

    window = 1

    def __init__(self, rules: WorkerRules, task: Task = check_task) -> None:
        self.rules = rules
        self.task = task

    def submit(self, cluster: Cluster) -> _Deferred:
        return _Deferred(self, cluster)


@dataclass
class _Deferred:
    engine: InProcessEngine
    cluster: Cluster

    def done(self) -> bool:
        return False

    def result(self) -> Result:
        try:
            return self.engine.task(self.cluster, self.engine.rules)
        except Exception as exc:  # a task that raises fails its cluster only
            return failure(self.cluster, repr(exc))


class ProcessEngine:
    """Checks clusters in ``jobs`` local worker processes, each given the rules once."""

    def __init__(self, jobs: int, rules: WorkerRules, task: Task = check_task) -> None:
        self.jobs = jobs
        self.window = WINDOW_PER_WORKER * jobs
        self.task = task
        self._payload = pickle.dumps(rules, protocol=pickle.HIGHEST_PROTOCOL)
        self._context = _context()
        self._pool = self._new_pool(jobs)

    @classmethod
    @contextmanager
    def open(
        cls, jobs: int, rules: WorkerRules, task: Task = check_task
    ) -> Iterator[ProcessEngine]:
        warm_up(rules)  # forked workers start with the extractors' tables loaded
        engine = cls(jobs, rules, task)
        try:
            yield engine
        except BaseException:
            engine.stop()
            raise
        engine.close()

    def submit(self, cluster: Cluster) -> _InPool:
        return _InPool(self, cluster, self._pool, self._pool.submit(_run, self.task, cluster))

    def retry_alone(self, cluster: Cluster, broken: ProcessPoolExecutor) -> Result:
        """Check a cluster whose pool broke, in a pool of its own, so a crash names it."""
        if broken is self._pool:
            broken.shutdown(wait=False, cancel_futures=True)
            self._pool = self._new_pool(self.jobs)
        alone = self._new_pool(1)
        try:
            return alone.submit(_run, self.task, cluster).result()
        except BrokenProcessPool:
            return failure(cluster, WORKER_DIED)
        except Exception as exc:
            return failure(cluster, repr(exc))
        finally:
            alone.shutdown(wait=True, cancel_futures=True)

    def close(self) -> None:
        self._pool.shutdown(wait=True)

    def stop(self) -> None:
        """Stop the workers now, whatever they are doing (the run was interrupted)."""
        processes = getattr(self._pool, "_processes", None) or {}  # no public way before 3.14
        for process in list(processes.values()):
            if process.is_alive():
                process.terminate()
        self._pool.shutdown(wait=True, cancel_futures=True)

    def _new_pool(self, workers: int) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            workers, self._context, initializer=_start_worker, initargs=(self._payload,)
        )


@dataclass
class _InPool:
    engine: ProcessEngine
    cluster: Cluster
    pool: ProcessPoolExecutor
    future: Future[Result]

    def done(self) -> bool:
        return self.future.done()

    def result(self) -> Result:
        try:
            return self.future.result()
        except BrokenProcessPool:
            return self.engine.retry_alone(self.cluster, self.pool)
        except Exception as exc:  # a task that raises, a result that cannot be unpickled
            return failure(self.cluster, repr(exc))


def _context() -> Any:
    """Fork where there is fork: workers start at once, with this process's warm tables."""
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


_WORKER_RULES: WorkerRules | None = None


def _start_worker(payload: bytes) -> None:
    """In each worker: take the rules once; leave Ctrl-C and SIGTERM to the main process."""
    global _WORKER_RULES
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _WORKER_RULES = pickle.loads(payload)


def _run(task: Task, cluster: Cluster) -> Result:
    assert _WORKER_RULES is not None, "worker started without rules"
    return task(cluster, _WORKER_RULES)


WARM_UP_TEXT = (
    "WASHINGTON (Reuters) - The Pentagon sent 750 troops to Kuwait on Monday, Jan. 2, 2020, "
    'Defense Secretary Mark Esper said. "We will respond," he said on Tuesday.'
)


def warm_up(rules: WorkerRules) -> None:
    """Check a tiny cluster, so the extractors' tables (seconds to load) are loaded."""
    sources = tuple(
        Source(name, "warm-up", WARM_UP_TEXT.replace("750", value), name)
        for name, value in (("a", "750"), ("b", "about 700"))
    )
    check_cluster(Cluster("warm-up", sources), rules.rules, rules.synonyms)
