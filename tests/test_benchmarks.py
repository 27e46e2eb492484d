"""The batch benchmark: its synthetic archives are valid inputs with the changes they record,
and the benchmark command runs end to end on a tiny archive (no speed is asserted)."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest

from benchmarks.archive import CHANGE_KINDS, write_archive
from factcheck.corpus import Cluster, read_inputs

ROOT = Path(__file__).resolve().parent.parent


def _clusters(path: Path) -> list[Cluster]:
    items = list(read_inputs([path]))
    assert all(isinstance(item, Cluster) for item in items), items
    return [item for item in items if isinstance(item, Cluster)]


def _changes(out: Path) -> list[dict[str, object]]:
    lines = (out / "changes.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("archive")
    write_archive(out, 40, seed=0)
    return out


def test_archive_reads_as_the_clusters_and_sources_it_counts(archive: Path):
    clusters = _clusters(archive / "archive.jsonl")
    manifest = json.loads((archive / "manifest.json").read_text())
    assert [c.cluster_id for c in clusters] == [f"c{i:05d}" for i in range(40)]
    assert manifest["sources"] == sum(len(c.sources) for c in clusters)
    assert manifest["chars"] == sum(s.chars for c in clusters for s in c.sources)
    assert all(len(c.sources) >= 2 for c in clusters)
    assert 0 < manifest["distinct_sentences"] <= manifest["sentences"]


def test_every_recorded_change_is_in_the_text_at_its_offsets(archive: Path):
    texts = {
        (c.cluster_id, s.source_id): s.text
        for c in _clusters(archive / "archive.jsonl")
        for s in c.sources
    }
    changes = _changes(archive)
    assert {c["kind"] for c in changes} == set(CHANGE_KINDS)
    for change in changes:
        text = texts[str(change["cluster_id"]), str(change["source_id"])]
        start, end = int(str(change["start"])), int(str(change["end"]))
        assert text[start:end] == change["after"] != change["before"], change
    manifest = json.loads((archive / "manifest.json").read_text())
    assert sum(manifest["changes"].values()) == len(changes)


def test_sources_of_one_article_differ_from_cluster_to_cluster(archive: Path):
    by_source: dict[str, list[str]] = defaultdict(list)
    for cluster in _clusters(archive / "archive.jsonl"):
        for source in cluster.sources:
            by_source[source.source_id].append(source.text)
    repeated = [texts for texts in by_source.values() if len(texts) > 1]
    assert repeated  # some article is used by several clusters
    for texts in repeated:
        assert len(set(texts)) == len(texts)


def test_archives_are_deterministic_and_a_smaller_one_is_a_prefix(tmp_path: Path, archive: Path):
    write_archive(tmp_path / "again", 40, seed=0)
    write_archive(tmp_path / "small", 5, seed=0)
    write_archive(tmp_path / "other", 40, seed=1)
    full = (archive / "archive.jsonl").read_bytes()
    assert (tmp_path / "again" / "archive.jsonl").read_bytes() == full
    assert full.startswith((tmp_path / "small" / "archive.jsonl").read_bytes())
    assert (tmp_path / "other" / "archive.jsonl").read_bytes() != full


def test_directory_form_holds_the_same_documents(tmp_path: Path, archive: Path):
    write_archive(tmp_path, 40, seed=0, form="dirs")
    as_dirs = _clusters(tmp_path / "clusters")
    as_jsonl = _clusters(archive / "archive.jsonl")
    assert [(c.cluster_id, sorted((s.source_id, s.text) for s in c.sources)) for c in as_dirs] == [
        (c.cluster_id, sorted((s.source_id, s.text) for s in c.sources)) for c in as_jsonl
    ]


def test_benchmark_runs_end_to_end_and_its_changes_make_findings(tmp_path: Path):
    command = [
        sys.executable, str(ROOT / "benchmarks" / "bench_batch.py"), "--sizes", "2,3",
        "--runs", "serial", "--rounds", "1", "--sample-chars", "20000", "--keep", str(tmp_path),
    ]  # fmt: skip
    result = subprocess.run(command, capture_output=True, text=True, check=False, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    rows = [
        line.split() for line in lines if line.split()[:2] in (["2", "serial"], ["3", "serial"])
    ]
    assert len(rows) == 4  # each size: printed as it runs, then in the table
    assert "bare quantulum3.parser.parse" in result.stdout
    assert "distinct sentences of" in result.stdout
    assert "time per cluster, serial: 2->3:" in result.stdout
    assert "report.json identical across serial: yes" in result.stdout
    report = json.loads((tmp_path / "out-3-serial" / "report.json").read_text())
    changed = {
        (c["cluster_id"], c["source_id"], int(str(c["start"])))
        for c in _changes(tmp_path / "archive-3")
    }
    flagged = {
        (cluster["cluster_id"], e["source_id"], e["start"])
        for cluster in report["clusters"]
        for finding in cluster["findings"]
        if finding["severity"] != "info"
        for e in finding["evidence"]
    }
    assert changed & flagged  # a controlled change is reported at its very span
