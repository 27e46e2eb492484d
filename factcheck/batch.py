"""Many clusters: each checked on its own, results handed on in input order.

:func:`check_clusters` checks clusters one after the other in this process.
:func:`run_batch` hands them to an engine (this process, local worker processes, or Dask),
takes unchanged clusters from the cache, and yields the results in input order as they
come, with a bounded number in flight, so that a batch of any size holds only a window of
clusters in memory. A cluster that fails becomes a problem naming it; the batch goes on.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Protocol

from factcheck.corpus import Cluster
from factcheck.errors import InputProblem
from factcheck.pipeline import check_cluster
from factcheck.report.run import ClusterOutput
from factcheck.rules.engine import RuleLike
from factcheck.rules.model import Rule, RuleSet

if TYPE_CHECKING:
    from factcheck.cache import ClusterCache

Result = ClusterOutput | InputProblem


def check_one(
    cluster: Cluster,
    rules: Sequence[RuleLike],
    synonyms: Mapping[str, Sequence[str]] | None = None,
) -> Result:
    """One cluster's output, or the problem that stopped it."""
    try:
        return ClusterOutput.from_result(check_cluster(cluster, rules, synonyms))
    except Exception as exc:  # one bad cluster never ends the batch
        return failure(cluster, repr(exc))


def failure(cluster: Cluster, reason: str) -> InputProblem:
    """The problem reported for a cluster that could not be checked."""
    return InputProblem(cluster.path, f"cluster failed: {reason}", None, cluster.cluster_id)


def check_clusters(
    items: Iterable[Cluster | InputProblem],
    rules: Sequence[RuleLike],
    synonyms: Mapping[str, Sequence[str]] | None = None,
) -> Iterator[Result]:
    """Check every cluster in order; problems pass through unchanged."""
    for item in items:
        yield item if isinstance(item, InputProblem) else check_one(item, rules, synonyms)


@dataclass(frozen=True)
class WorkerRules:
    """The rules as they travel to a worker: plain, picklable data, sent once per worker.

    Unpickling this (about 13 kB) takes about 2 ms; reloading the rule files in each worker
    takes about 130 ms (schema checks included).
    """

    rules: tuple[Rule, ...]
    synonyms: dict[str, tuple[str, ...]] = field(hash=False)

    @classmethod
    def of(cls, ruleset: RuleSet) -> WorkerRules:
        rules = tuple(
            replace(rule, parameters=dict(rule.parameters), examples=dict(rule.examples))
            for rule in ruleset.rules
        )
        return cls(rules, dict(ruleset.synonyms))


#: What a worker runs for one cluster; :func:`check_task` unless a test gives another.
Task = Callable[[Cluster, WorkerRules], Result]


def check_task(cluster: Cluster, rules: WorkerRules) -> Result:
    """The worker's task: check one cluster with the rules it was given."""
    return check_one(cluster, rules.rules, rules.synonyms)


class Pending(Protocol):
    """A cluster handed to an engine."""

    def done(self) -> bool: ...
    def result(self) -> Result: ...


class Engine(Protocol):
    """Where clusters are checked; ``window`` is how many may be in flight at once."""

    window: int

    def submit(self, cluster: Cluster) -> Pending: ...


class Observer(Protocol):
    """Told of each cluster as it is handed on (a progress display)."""

    def advance(self) -> None: ...


@dataclass
class BatchStats:
    """How the clusters of a run were obtained."""

    computed: int = 0  #: handed to the engine (failures included)
    cached: int = 0  #: taken from the cache
    failed: int = 0  #: failed in the engine


@dataclass
class _Slot:
    """One input item waiting for its turn to be handed on."""

    cluster: Cluster | None
    ready: Result | None = None
    pending: Pending | None = None

    def is_ready(self) -> bool:
        return self.pending is None or self.pending.done()


def run_batch(
    items: Iterable[Cluster | InputProblem],
    engine: Engine,
    cache: ClusterCache | None = None,
    observer: Observer | None = None,
    stats: BatchStats | None = None,
) -> Iterator[Result]:
    """Every item's result in input order; problems from reading pass through unchanged.

    At most ``engine.window`` clusters are in the engine at once, and at most twice that
    many results wait for the ones before them, so memory stays bounded by the window.
    """
    stats = stats if stats is not None else BatchStats()
    slots: deque[_Slot] = deque()
    busy = 0
    for item in items:
        slot = _slot(item, engine, cache, stats)
        slots.append(slot)
        busy += slot.pending is not None
        while slots and (
            slots[0].is_ready() or busy >= engine.window or len(slots) > 2 * engine.window
        ):
            head = slots.popleft()
            busy -= head.pending is not None
            yield _hand_on(head, cache, observer, stats)
    while slots:
        yield _hand_on(slots.popleft(), cache, observer, stats)


def _slot(
    item: Cluster | InputProblem, engine: Engine, cache: ClusterCache | None, stats: BatchStats
) -> _Slot:
    if isinstance(item, InputProblem):
        return _Slot(None, ready=item)
    cached = cache.get(item) if cache is not None else None
    if cached is not None:
        stats.cached += 1
        return _Slot(item, ready=cached)
    stats.computed += 1
    return _Slot(item, pending=engine.submit(item))


def _hand_on(
    slot: _Slot, cache: ClusterCache | None, observer: Observer | None, stats: BatchStats
) -> Result:
    if slot.pending is None:
        assert slot.ready is not None
        result = slot.ready
    else:
        result = slot.pending.result()
        if isinstance(result, InputProblem):
            stats.failed += 1
        elif cache is not None and slot.cluster is not None:
            cache.put(slot.cluster, result)
    if slot.cluster is not None and observer is not None:
        observer.advance()
    return result
