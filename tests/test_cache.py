"""The cache of cluster outputs: keys, generations, round trips, and entries gone bad.

Real files under ``tmp_path``; the seed cluster is checked once for the whole module.
"""

from __future__ import annotations

import dataclasses
import os
import shutil
import time
from pathlib import Path

import pandas as pd
import pytest

from factcheck.batch import check_one
from factcheck.cache import ClusterCache, cluster_key, code_fingerprint, rules_fingerprint
from factcheck.corpus import Cluster
from factcheck.report.run import ClusterOutput
from factcheck.rules.loader import load_rules
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def seed_output(seed_cluster: Cluster) -> ClusterOutput:
    rules = load_rules()
    output = check_one(seed_cluster, rules.rules, rules.synonyms)
    assert isinstance(output, ClusterOutput)
    return output


def with_source(cluster: Cluster, **changes: object) -> Cluster:
    first = dataclasses.replace(cluster.sources[0], **changes)
    return dataclasses.replace(cluster, sources=(first, *cluster.sources[1:]))


@pytest.mark.parametrize(
    "change",
    [
        {"text": "The army sent 751 troops."},
        {"source_id": "renamed"},
        {"outlet": "Another Wire"},
        {"title": "A title"},
        {"published": "2020-01-03"},
        {"url": "https://example.org/x"},
        {"path": "elsewhere/a.txt"},
    ],
    ids=lambda change: next(iter(change)),
)
def test_the_key_changes_with_any_source_content_or_metadata(
    seed_cluster: Cluster, change: dict[str, object]
) -> None:
    assert cluster_key(with_source(seed_cluster, **change)) != cluster_key(seed_cluster)


def test_the_key_changes_with_the_cluster_id_and_order_but_not_a_jsonl_line(
    seed_cluster: Cluster,
) -> None:
    key = cluster_key(seed_cluster)
    assert cluster_key(dataclasses.replace(seed_cluster, cluster_id="other")) != key
    reordered = dataclasses.replace(seed_cluster, sources=seed_cluster.sources[::-1])
    assert cluster_key(reordered) != key
    assert cluster_key(with_source(seed_cluster, line=42)) == key  # never in the output
    assert cluster_key(dataclasses.replace(seed_cluster)) == key


def copy_rules(tmp_path: Path) -> Path:
    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", rules)
    return rules


def test_the_fingerprint_changes_with_a_rule_file_and_nothing_else(tmp_path: Path) -> None:
    rules = copy_rules(tmp_path)
    before = rules_fingerprint(load_rules([rules]))
    assert rules_fingerprint(load_rules([rules])) == before

    numeric = rules / "numeric.yaml"
    numeric.write_text(numeric.read_text(encoding="utf-8") + "\n# a comment\n", encoding="utf-8")

    assert rules_fingerprint(load_rules([rules])) != before


def test_the_code_fingerprint_follows_the_code_but_not_formats_or_the_command_line(
    tmp_path: Path,
) -> None:
    package = tmp_path / "factcheck"
    (package / "report").mkdir(parents=True)
    (package / "align.py").write_text("A = 1\n", encoding="utf-8")
    (package / "report" / "run.py").write_text("R = 1\n", encoding="utf-8")
    for name in ("report/html.py", "cli_run.py", "progress.py"):
        (package / name).write_text("X = 1\n", encoding="utf-8")
    first = code_fingerprint(package)

    for name in ("report/html.py", "cli_run.py", "progress.py"):
        (package / name).write_text("X = 2\n", encoding="utf-8")
    assert code_fingerprint(package) == first
    (package / "report" / "run.py").write_text("R = 2\n", encoding="utf-8")
    second = code_fingerprint(package)
    assert second != first
    (package / "align.py").write_text("A = 2\n", encoding="utf-8")
    assert code_fingerprint(package) != second


def test_an_entry_round_trips_exactly(
    tmp_path: Path, seed_cluster: Cluster, seed_output: ClusterOutput
) -> None:
    cache = ClusterCache(tmp_path / "cache", "f" * 64)
    assert cache.get(seed_cluster) is None

    cache.put(seed_cluster, seed_output)
    back = cache.get(seed_cluster)

    assert back is not None
    assert back.record == seed_output.record
    assert back.texts == seed_output.texts
    pd.testing.assert_frame_equal(back.claims, seed_output.claims, check_exact=True)
    assert list(back.claims.dtypes) == list(seed_output.claims.dtypes)
    assert cache.get(with_source(seed_cluster, text="Changed.")) is None
    assert ClusterCache(tmp_path / "cache", "e" * 64).get(seed_cluster) is None  # other rules
    assert not list((tmp_path / "cache").rglob("*.tmp"))


def _garbage(path: Path) -> None:
    path.write_bytes(b"\x00\x01 not a cache entry")


def _truncated(path: Path) -> None:
    path.write_bytes(path.read_bytes()[:-100])


def _empty(path: Path) -> None:
    path.write_bytes(b"")


def _a_directory(path: Path) -> None:
    path.unlink()
    path.mkdir()


@pytest.mark.parametrize("spoil", [_garbage, _truncated, _empty, _a_directory])
def test_a_spoilt_entry_is_a_miss_and_is_replaced(
    tmp_path: Path, seed_cluster: Cluster, seed_output: ClusterOutput, spoil: object
) -> None:
    cache = ClusterCache(tmp_path / "cache", "f" * 64)
    cache.put(seed_cluster, seed_output)
    path = cache.path(seed_cluster)
    spoil(path)  # type: ignore[operator]

    assert cache.get(seed_cluster) is None
    assert cache.corrupt == 1
    if path.is_file():
        cache.put(seed_cluster, seed_output)
        assert cache.get(seed_cluster) is not None


def test_an_entry_of_another_cluster_put_in_its_place_is_a_miss(
    tmp_path: Path, seed_cluster: Cluster, seed_output: ClusterOutput
) -> None:
    cache = ClusterCache(tmp_path / "cache", "f" * 64)
    other = dataclasses.replace(seed_cluster, cluster_id="other")
    cache.put(other, seed_output)
    target = cache.path(seed_cluster)
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(cache.path(other), target)

    assert cache.get(seed_cluster) is None
    assert cache.corrupt == 1


def test_a_cache_that_cannot_be_written_warns_once_and_the_run_goes_on(
    tmp_path: Path,
    seed_cluster: Cluster,
    seed_output: ClusterOutput,
    capsys: pytest.CaptureFixture[str],
) -> None:
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the cache directory should be", encoding="utf-8")
    cache = ClusterCache(blocker, "f" * 64)

    cache.put(seed_cluster, seed_output)
    cache.put(seed_cluster, seed_output)

    assert capsys.readouterr().err.count("cannot write the cache") == 1
    assert cache.get(seed_cluster) is None


def test_prune_keeps_only_the_current_generation_and_foreign_files(
    tmp_path: Path, seed_cluster: Cluster, seed_output: ClusterOutput
) -> None:
    root = tmp_path / "cache"
    old, new = ClusterCache(root, "a" * 64), ClusterCache(root, "b" * 64)
    old.put(seed_cluster, seed_output)
    new.put(seed_cluster, seed_output)
    (root / "notes").mkdir()  # not a generation: left alone
    (root / "notes" / "mine.txt").write_text("mine", encoding="utf-8")

    new.prune()

    assert sorted(p.name for p in root.iterdir()) == ["notes", new.directory.name]
    assert old.get(seed_cluster) is None
    assert new.get(seed_cluster) is not None


def test_prune_removes_temporaries_a_killed_run_left_once_they_are_stale(
    tmp_path: Path, seed_cluster: Cluster, seed_output: ClusterOutput
) -> None:
    cache = ClusterCache(tmp_path / "cache", "c" * 64)
    cache.put(seed_cluster, seed_output)
    shard = cache.path(seed_cluster).parent
    stale, fresh = shard / ".x.pkl.z.abc.tmp", shard / ".y.pkl.z.def.tmp"
    for temporary in (stale, fresh):
        temporary.write_bytes(b"half-written")
    hours_ago = time.time() - 2 * 3600
    os.utime(stale, (hours_ago, hours_ago))

    cache.prune()

    assert not stale.exists() and fresh.exists()  # a fresh one may be a live write
    assert cache.get(seed_cluster) is not None
