"""Engines: the same results in this process, in local worker processes and on Dask.

Real worker processes and a real dask.distributed LocalCluster (two worker processes, one
thread each). The tasks below stand in for the pipeline only to make one named cluster
raise or kill its worker; every other cluster goes through the real pipeline.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterator

import dask
import pandas as pd
import pytest

from factcheck.batch import Result, WorkerRules, check_task, run_batch
from factcheck.corpus import Cluster
from factcheck.engines import InProcessEngine, ProcessEngine, open_engine
from factcheck.errors import InputProblem, UsageError
from factcheck.report.run import ClusterOutput
from factcheck.rules.loader import load_rules


def fragile_task(cluster: Cluster, rules: WorkerRules) -> Result:
    """The pipeline, but cluster ``boom`` raises inside the worker."""
    if cluster.cluster_id == "boom":
        raise RuntimeError("boom in the worker")
    return check_task(cluster, rules)


def deadly_task(cluster: Cluster, rules: WorkerRules) -> Result:
    """The pipeline, but cluster ``die`` kills its worker process outright."""
    if cluster.cluster_id == "die":
        os._exit(3)
    return check_task(cluster, rules)


@pytest.fixture(scope="module")
def rules() -> WorkerRules:
    return WorkerRules.of(load_rules())


@pytest.fixture(scope="module")
def small_clusters(seed_cluster: Cluster) -> list[Cluster]:
    """Four one-article clusters cut from the seeds (quick to check)."""
    return [
        dataclasses.replace(seed_cluster, cluster_id=f"c{i}", sources=(source,))
        for i, source in enumerate(seed_cluster.sources[:4])
    ]


@pytest.fixture(scope="module")
def expected(small_clusters: list[Cluster], rules: WorkerRules) -> list[Result]:
    return list(run_batch(small_clusters, InProcessEngine(rules)))


def named(clusters: list[Cluster], index: int, cluster_id: str) -> list[Cluster]:
    """The clusters with one of them renamed (the one the task treats badly)."""
    renamed = dataclasses.replace(clusters[index], cluster_id=cluster_id)
    return [*clusters[:index], renamed, *clusters[index:]]


def assert_same(results: list[Result], expected: list[Result]) -> None:
    assert [type(r) for r in results] == [type(e) for e in expected]
    for got, want in zip(results, expected, strict=True):
        if isinstance(want, ClusterOutput):
            assert isinstance(got, ClusterOutput)
            assert got.record == want.record
            assert got.texts == want.texts
            pd.testing.assert_frame_equal(got.claims, want.claims, check_exact=True)
        else:
            assert got == want


def only_outputs(results: list[Result]) -> list[Result]:
    return [r for r in results if isinstance(r, ClusterOutput)]


def test_worker_processes_give_the_in_process_results_in_order(
    small_clusters: list[Cluster], rules: WorkerRules, expected: list[Result]
) -> None:
    with open_engine("local", 2, rules) as engine:
        assert isinstance(engine, ProcessEngine) and engine.window == 8
        results = list(run_batch(small_clusters, engine))
    assert_same(results, expected)


@pytest.mark.parametrize("jobs", [1, 2], ids=["in-process", "processes"])
def test_a_cluster_that_raises_fails_alone(
    small_clusters: list[Cluster], rules: WorkerRules, expected: list[Result], jobs: int
) -> None:
    with open_engine("local", jobs, rules, task=fragile_task) as engine:
        results = list(run_batch(named(small_clusters, 2, "boom"), engine))

    problem = results[2]
    assert isinstance(problem, InputProblem)
    assert problem.cluster_id == "boom"
    assert problem.message == "cluster failed: RuntimeError('boom in the worker')"
    assert_same(only_outputs(results), expected)


def test_a_worker_that_dies_fails_its_cluster_and_the_batch_goes_on(
    small_clusters: list[Cluster], rules: WorkerRules, expected: list[Result]
) -> None:
    clusters = named(small_clusters, 1, "die")
    with open_engine("local", 2, rules, task=deadly_task) as engine:
        results = list(run_batch(clusters, engine))
        after = list(run_batch(small_clusters[:1], engine))  # the engine still works

    problem = results[1]
    assert isinstance(problem, InputProblem)
    assert (problem.cluster_id, problem.path) == ("die", clusters[1].path)
    assert problem.message.startswith("cluster failed: its worker process died")
    assert_same(only_outputs(results), expected)
    assert_same(after, expected[:1])


def test_scheduler_without_dask_and_jobs_below_one_are_usage_errors(rules: WorkerRules) -> None:
    with pytest.raises(UsageError, match="--scheduler needs --engine dask"):
        open_engine("local", 2, rules, scheduler="tcp://127.0.0.1:8786").__enter__()
    with pytest.raises(UsageError, match="--jobs must be at least 1"):
        open_engine("local", 0, rules).__enter__()


# --- Dask -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def dask_scheduler() -> Iterator[str]:
    """A real LocalCluster of two worker processes, one thread each."""
    distributed = pytest.importorskip("distributed")
    from factcheck.engine_dask import LOCAL_CONFIG  # one task per worker thread at a time

    with (
        dask.config.set(LOCAL_CONFIG),
        distributed.LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            scheduler_kwargs={"dashboard_address": "127.0.0.1:0"},
        ) as cluster,
    ):
        yield cluster.scheduler_address


def test_dask_gives_the_in_process_results_in_order(
    small_clusters: list[Cluster], rules: WorkerRules, expected: list[Result], dask_scheduler: str
) -> None:
    clusters = named(small_clusters, 2, "boom")
    with open_engine("dask", 2, rules, scheduler=dask_scheduler, task=fragile_task) as engine:
        assert engine.window == 8  # four per worker thread
        results = list(run_batch(clusters, engine))

    problem = results[2]
    assert isinstance(problem, InputProblem) and problem.cluster_id == "boom"
    assert problem.message == "cluster failed: RuntimeError('boom in the worker')"
    assert_same(only_outputs(results), expected)


def test_a_dask_worker_that_dies_fails_its_cluster_and_the_batch_goes_on(
    small_clusters: list[Cluster], rules: WorkerRules, expected: list[Result], dask_scheduler: str
) -> None:
    # the scheduler retries the task on restarted workers (3 times by default), then gives up;
    # the rules reach the restarted workers too
    clusters = named(small_clusters, 1, "die")
    with open_engine("dask", 2, rules, scheduler=dask_scheduler, task=deadly_task) as engine:
        results = list(run_batch(clusters, engine))

    problem = results[1]
    assert isinstance(problem, InputProblem) and problem.cluster_id == "die", results
    assert problem.message.startswith("cluster failed: its worker process died")
    assert_same(only_outputs(results), expected)


def test_an_unreachable_scheduler_is_a_usage_error(
    rules: WorkerRules, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("factcheck.engine_dask.CONNECT_TIMEOUT", "1s")  # 10 s for users
    with (
        pytest.raises(UsageError, match=r"cannot reach the Dask scheduler at tcp://127\.0\.0\.1:9"),
        open_engine("dask", 1, rules, scheduler="tcp://127.0.0.1:9"),
    ):
        pass
