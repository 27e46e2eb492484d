"""Reading archives cluster by cluster: JSONL is streamed, never loaded whole.

Real files under ``tmp_path``; memory is measured with :mod:`tracemalloc` while iterating.
"""

from __future__ import annotations

import json
import tracemalloc
from pathlib import Path

import pytest

from factcheck.corpus import Cluster, count_clusters, read_inputs
from factcheck.errors import InputProblem
from tests.conftest import SEEDS


def write_lines(path: Path, records: list[object]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def doc(cluster_id: str, source_id: str, text: str = "The army sent 750 troops.") -> dict:
    return {"cluster_id": cluster_id, "source_id": source_id, "text": text}


def test_documents_of_a_cluster_need_not_be_contiguous(tmp_path: Path) -> None:
    path = write_lines(
        tmp_path / "docs.jsonl",
        [doc("b", "b1"), doc("a", "a1"), doc("b", "b2"), doc("c", "c1"), doc("a", "a2")],
    )

    items = list(read_inputs([path]))

    assert all(isinstance(i, Cluster) for i in items)
    clusters = [i for i in items if isinstance(i, Cluster)]
    assert [(c.cluster_id, [(s.source_id, s.line) for s in c.sources]) for c in clusters] == [
        ("b", [("b1", 1), ("b2", 3)]),
        ("a", [("a1", 2), ("a2", 5)]),
        ("c", [("c1", 4)]),
    ]


def test_a_bad_line_in_the_middle_is_reported_and_the_clusters_around_it_are_read(
    tmp_path: Path,
) -> None:
    path = tmp_path / "docs.jsonl"
    lines = [json.dumps(doc("a", "a1")), "{broken", json.dumps(doc("b", "b1"))]
    path.write_text("\n".join([*lines, json.dumps(doc("a", "a2"))]) + "\n", encoding="utf-8")

    items = list(read_inputs([path]))

    problems = [i for i in items if isinstance(i, InputProblem)]
    assert [(p.line, p.message.split(":")[0]) for p in problems] == [(2, "not valid JSON")]
    clusters = [i for i in items if isinstance(i, Cluster)]
    assert [(c.cluster_id, len(c.sources)) for c in clusters] == [("a", 2), ("b", 1)]


def test_a_duplicate_source_in_a_later_line_names_its_line(tmp_path: Path) -> None:
    path = write_lines(
        tmp_path / "docs.jsonl", [doc("a", "s"), doc("b", "s"), doc("a", "s", "Other text.")]
    )

    items = list(read_inputs([path]))

    problems = [i for i in items if isinstance(i, InputProblem)]
    assert [(p.line, p.cluster_id, p.message) for p in problems] == [
        (3, "a", "duplicate source_id 's' in cluster 'a'")
    ]
    first = next(i for i in items if isinstance(i, Cluster))
    assert first.source("s").text == "The army sent 750 troops."  # the first one wins


def _archive(path: Path, clusters: int, per_cluster: int, one_line_per_cluster: bool) -> Path:
    """A JSONL archive of distinct ~5 kB articles, documents of a cluster interleaved."""
    body = "The Pentagon sent 750 troops to Kuwait on Monday, officials said. " * 75
    with path.open("w", encoding="utf-8") as out:
        for c in range(clusters):
            texts = [f"Report {c}-{s}. {body}" for s in range(per_cluster)]
            docs = [{"source_id": f"s{s}", "text": text} for s, text in enumerate(texts)]
            if one_line_per_cluster:
                out.write(json.dumps({"cluster_id": f"c{c}", "documents": docs}) + "\n")
            else:
                # the first half of every cluster first, then the second half
                for d in docs[: per_cluster // 2]:
                    out.write(json.dumps({"cluster_id": f"c{c}", **d}) + "\n")
        if not one_line_per_cluster:
            for c in range(clusters):
                for s in range(per_cluster // 2, per_cluster):
                    text = f"Report {c}-{s}. {body}"
                    out.write(json.dumps(doc(f"c{c}", f"s{s}", text)) + "\n")
    return path


@pytest.mark.parametrize("one_line_per_cluster", [False, True], ids=["documents", "clusters"])
def test_memory_is_bounded_by_the_largest_cluster_not_the_file(
    tmp_path: Path, one_line_per_cluster: bool
) -> None:
    path = _archive(tmp_path / "archive.jsonl", 200, 4, one_line_per_cluster)
    size = path.stat().st_size
    largest_cluster = 4 * 5_000 * 2  # four articles, as str and as the line's bytes

    tracemalloc.start()
    try:
        count = sources = 0
        for item in read_inputs([path]):
            assert isinstance(item, Cluster)
            count += 1
            sources += len(item.sources)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    assert (count, sources) == (200, 800)
    assert size > 4_000_000
    assert peak < 5 * largest_cluster < size / 20, f"peak {peak:,} bytes for a {size:,}-byte file"


def test_count_clusters_of_directories_and_text_files(tmp_path: Path) -> None:
    batch = tmp_path / "batch"
    for name in ("c1", "c2", "c3"):
        (batch / name).mkdir(parents=True)
        (batch / name / "a.txt").write_text("Text.\n", encoding="utf-8")
    (batch / "empty").mkdir()
    loose = tmp_path / "loose"
    loose.mkdir()
    for name in ("x", "y"):
        (loose / f"{name}.txt").write_text("Text.\n", encoding="utf-8")

    assert count_clusters([batch]) == 3
    assert count_clusters([batch, SEEDS, loose / "x.txt", loose / "y.txt"]) == 5
    assert count_clusters([tmp_path / "missing"]) == 0
    jsonl = write_lines(tmp_path / "docs.jsonl", [doc("a", "a1")])
    assert count_clusters([batch, jsonl]) is None
