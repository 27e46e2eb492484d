"""Checking clusters on dask.distributed: a local cluster, or a scheduler you already run.

Without an address, a ``LocalCluster`` of ``--jobs`` worker processes (one thread each) is
started for the run and closed after it. With ``--scheduler ADDRESS`` the run is a client
of that scheduler; its workers need the same factcheck installed. The rules reach every
worker once, through a worker plugin that also sets up workers restarted or added during the
run (scattered data would be lost with the workers holding it); each cluster is one task.
A worker that dies is restarted by
its nanny and its task retried by the scheduler (``distributed.scheduler.allowed-failures``
times, 3 by default); a cluster that keeps killing workers is reported as failed and the run
goes on.
"""

from __future__ import annotations

import contextlib
import logging
import pickle
import signal
import uuid
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass

import dask
from distributed import Client, Future, LocalCluster
from distributed.diagnostics.plugin import WorkerPlugin
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
        self.rules_name = f"factcheck-rules-{uuid.uuid4().hex}"
        payload = pickle.dumps(rules, protocol=pickle.HIGHEST_PROTOCOL)
        client.register_plugin(RulesPlugin(self.rules_name, payload), name=self.rules_name)
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
                client.register_plugin(LeaveInterruptsToTheRun(), name="factcheck-interrupts")
            else:
                client = stack.enter_context(_connect(scheduler))
            engine = cls(client, rules, task)
            try:
                yield engine
            except BaseException:
                engine.cancel()
                raise
            finally:
                engine.client.unregister_worker_plugin(engine.rules_name)

    def submit(self, cluster: Cluster) -> _Task:
        future = self.client.submit(_run, self.task, cluster, self.rules_name, pure=False)
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


#: in each worker: the rules of each run it serves, by plugin name
_WORKER_RULES: dict[str, WorkerRules] = {}


class RulesPlugin(WorkerPlugin):  # type: ignore[misc]
    """Gives each worker the run's rules once, as it starts (or restarts)."""

    def __init__(self, name: str, payload: bytes) -> None:
        self.name = name
        self.payload = payload

    def setup(self, worker: object) -> None:
        _WORKER_RULES[self.name] = pickle.loads(self.payload)

    def teardown(self, worker: object) -> None:
        _WORKER_RULES.pop(self.name, None)


class LeaveInterruptsToTheRun(WorkerPlugin):  # type: ignore[misc]
    """In the workers of the run's own LocalCluster: ignore Ctrl-C, which reaches the whole
    process group; the run stops them itself (without a traceback from each)."""

    def setup(self, worker: object) -> None:
        with contextlib.suppress(ValueError):  # only possible in the main thread
            signal.signal(signal.SIGINT, signal.SIG_IGN)


def _run(task: Task, cluster: Cluster, rules_name: str) -> Result:
    return task(cluster, _WORKER_RULES[rules_name])


#: one task per worker thread at a time: when a worker dies, only the cluster it was
#: checking is suspected (Dask counts every task assigned to a dying worker against it)
LOCAL_CONFIG = {"distributed.scheduler.worker-saturation": 1.0}


@contextmanager
def _local_cluster(jobs: int) -> Iterator[LocalCluster]:
    with dask.config.set(LOCAL_CONFIG):
        cluster = _start_local_cluster(jobs)
    try:
        yield cluster
    finally:
        cluster.close()


def _start_local_cluster(jobs: int) -> LocalCluster:
    return LocalCluster(
        n_workers=jobs,
        threads_per_worker=1,
        processes=True,
        dashboard_address=None,
        # the scheduler's HTTP endpoints (health, metrics) on a free local port, never 8787
        scheduler_kwargs={"dashboard_address": "127.0.0.1:0"},
        silence_logs=logging.CRITICAL,
    )


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
    """Dask's logs (a worker restarted, a task retried or failed) would drown the run's own
    lines; a failed cluster is reported by the run itself."""
    logger = logging.getLogger("distributed")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        logger.setLevel(level)
