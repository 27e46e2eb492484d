"""Checking clusters on dask.distributed: a local cluster, or a scheduler you already run.

Without an address, a ``LocalCluster`` of ``--jobs`` worker processes (one thread each) is
started for the run and closed after it. With ``--scheduler ADDRESS`` the run is a client
of that scheduler; its workers need the same factcheck installed. The rules are sent to
every worker once (scattered); each cluster is one task. A worker that dies is restarted by
its nanny and its task retried by the scheduler (``distributed.scheduler.allowed-failures``
times, 3 by default); a cluster that keeps killing workers is reported as failed and the run
goes on.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass

from distributed import Client, Future, LocalCluster
from distributed.scheduler import KilledWorker

from factcheck.batch import Result, Task, WorkerRules, check_task, failure
from factcheck.corpus import Cluster
from factcheck.engines import WINDOW_PER_WORKER, WORKER_DIED
from factcheck.errors import UsageError

CONNECT_TIMEOUT = "10s"


class DaskEngine:
    """Submits each cluster as a task to a dask.distributed client."""

    def __init__(self, client: Client, rules: WorkerRules, task: Task = check_task) -> None:
        self.client = client
        self.task = task
        threads = sum(w.get("nthreads", 1) for w in client.scheduler_info()["workers"].values())
        self.window = WINDOW_PER_WORKER * max(1, threads)
        self._rules = client.scatter(rules, broadcast=True, hash=False)
        self._futures: set[Future] = set()

    @classmethod
    @contextmanager
    def open(
        cls, jobs: int, rules: WorkerRules, scheduler: str | None, task: Task = check_task
    ) -> Iterator[DaskEngine]:
        with ExitStack() as stack:
            stack.enter_context(_quiet_logs())
            if scheduler is None:
                cluster = stack.enter_context(_local_cluster(jobs))
                client = stack.enter_context(Client(cluster))
            else:
                client = stack.enter_context(_connect(scheduler))
            engine = cls(client, rules, task)
            try:
                yield engine
            except BaseException:
                engine.cancel()
                raise

    def submit(self, cluster: Cluster) -> _Task:
        future = self.client.submit(_run, self.task, cluster, self._rules, pure=False)
        self._futures.add(future)
        return _Task(self, cluster, future)

    def cancel(self) -> None:
        """Forget every task still in flight (the run was interrupted)."""
        if self._futures:
            self.client.cancel(list(self._futures), force=True)
            self._futures.clear()


@dataclass
class _Task:
    engine: DaskEngine
    cluster: Cluster
    future: Future

    def done(self) -> bool:
        return bool(self.future.done())

    def result(self) -> Result:
        try:
            result: Result = self.future.result()
            return result
        except KilledWorker:
            return failure(self.cluster, WORKER_DIED)
        except Exception as exc:  # a task that raises, a result that cannot be read
            return failure(self.cluster, repr(exc))
        finally:
            self.engine._futures.discard(self.future)
            self.future.release()


def _run(task: Task, cluster: Cluster, rules: WorkerRules) -> Result:
    return task(cluster, rules)


@contextmanager
def _local_cluster(jobs: int) -> Iterator[LocalCluster]:
    cluster = LocalCluster(
        n_workers=jobs,
        threads_per_worker=1,
        processes=True,
        dashboard_address=None,
        # the scheduler's HTTP endpoints (health, metrics) on a free local port, never 8787
        scheduler_kwargs={"dashboard_address": "127.0.0.1:0"},
        silence_logs=logging.ERROR,
    )
    try:
        yield cluster
    finally:
        cluster.close()


@contextmanager
def _connect(address: str) -> Iterator[Client]:
    try:
        client = Client(address, timeout=CONNECT_TIMEOUT)
    except (OSError, TimeoutError, ValueError) as exc:
        raise UsageError(f"cannot reach the Dask scheduler at {address}: {exc}") from None
    try:
        yield client
    finally:
        client.close()


@contextmanager
def _quiet_logs() -> Iterator[None]:
    """Dask's warnings (a worker restarted, a task retried) would drown the run's own lines."""
    logger = logging.getLogger("distributed")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)
