"""Odd paths and many files through the real command: links, loops, names given twice, scale.

Links never make a cluster read twice or a directory walked forever; each odd entry is one
line, or reads as what it points at. Thousands of tiny files (one cluster of many sources,
or many clusters of one or two) are read within a generous time limit.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.robustness.harness import (
    Outcome,
    assert_no_traceback,
    assert_one_line_error,
    run_factcheck,
)

TEXT = "About {n} troops were sent to Kuwait on Tuesday, officials said.\n"


def _cluster(directory: Path, sources: int = 2) -> Path:
    directory.mkdir(parents=True)
    for n in range(sources):
        (directory / f"s{n}.txt").write_text(TEXT.format(n=700 + n), encoding="utf-8")
    return directory


def _clusters_read(outcome: Outcome) -> list[str]:
    rows = [json.loads(line) for line in outcome.stdout.split("\n") if line]
    return sorted({str(r["cluster_id"]) for r in rows})


@pytest.fixture(scope="module")
def linked(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Outcome]:
    """A directory of clusters with links in it, and inputs named twice or through a link."""
    root = tmp_path_factory.mktemp("linked")
    archive = root / "archive"
    _cluster(archive / "c1")
    _cluster(archive / "c2")
    (archive / "z-again").symlink_to("c1")  # a second name for a cluster
    (archive / "z-parent").symlink_to(".")  # the directory that holds it
    (archive / "z-loop").symlink_to("z-loop")
    (archive / "c2" / "up").symlink_to("..")  # inside a cluster: not followed
    lone = _cluster(root / "lone")
    (root / "lone-link").symlink_to("lone")
    outcome = run_factcheck(
        "extract",
        archive,
        root / "lone-link",
        root / "lone",
        lone / ".." / "lone",
        "--format",
        "jsonl",
    )
    return root, outcome


@pytest.mark.input_class("dir-symlink-to-sibling")
def test_a_link_to_a_cluster_already_read_is_one_line_and_read_once(
    linked: tuple[Path, Outcome],
) -> None:
    root, outcome = linked
    line = assert_one_line_error(outcome, root / "archive" / "z-again")
    assert f"the same directory as {root / 'archive' / 'c1'} (a link): read once" in line
    assert _clusters_read(outcome) == ["c1", "c2", "lone"]


@pytest.mark.input_class("dir-symlink-loop")
def test_links_to_the_directory_itself_or_to_a_loop_are_not_walked(
    linked: tuple[Path, Outcome],
) -> None:
    _, outcome = linked
    assert outcome.seconds < 60
    assert not [e for e in outcome.error_lines if "z-parent" in e or "z-loop" in e or "up" in e]


@pytest.mark.input_class("input-symlink-to-directory")
def test_an_input_that_links_to_a_directory_reads_as_that_directory(
    linked: tuple[Path, Outcome],
) -> None:
    _, outcome = linked
    rows = [json.loads(line) for line in outcome.stdout.split("\n") if line]
    assert {r["source_id"] for r in rows if r["cluster_id"] == "lone"} == {"s0", "s1"}


@pytest.mark.input_class("input-named-twice")
def test_an_input_named_twice_is_read_once_and_said_so(linked: tuple[Path, Outcome]) -> None:
    root, outcome = linked
    again = [e for e in outcome.error_lines if "read once" in e and "lone" in e]
    assert again == [
        f"factcheck: error: {root / 'lone'}: the same as {root / 'lone-link'}: read once",
        f"factcheck: error: {root / 'lone' / '..' / 'lone'}: the same as "
        f"{root / 'lone-link'}: read once",
    ]
    assert len(outcome.error_lines) == 3, outcome.stderr


@pytest.mark.input_class("many-files-one-cluster")
def test_a_cluster_over_the_source_limit_is_one_line_and_reads_with_the_limit_raised(
    tmp_path: Path,
) -> None:
    event = _cluster(tmp_path / "event", sources=1001)
    refused = run_factcheck("extract", event, "--format", "jsonl", timeout=60)
    line = assert_one_line_error(refused, event)
    assert "1001 sources in one cluster, more than the limit of 1000: not checked" in line
    assert "--max-sources-per-cluster" in line and refused.stdout == ""
    outcome = run_factcheck(
        "extract", event, "--format", "jsonl", "--max-sources-per-cluster", "1001", timeout=300
    )
    assert_no_traceback(outcome)
    assert outcome.returncode == 0, outcome.stderr
    rows = [json.loads(line) for line in outcome.stdout.split("\n") if line]
    assert len({r["source_id"] for r in rows}) == 1001


@pytest.mark.input_class("many-cluster-directories")
def test_thousands_of_cluster_directories_are_checked(tmp_path: Path) -> None:
    for n in range(200):
        _cluster(tmp_path / "archive" / f"c{n:04d}", sources=1 + n % 2)
    out = tmp_path / "out"
    outcome = run_factcheck(
        "run", tmp_path / "archive", "--out", out, "--no-history", "--no-cache", timeout=300
    )
    assert_no_traceback(outcome)
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert report["summary"]["clusters"] == 200 and report["summary"]["sources"] == 300
    assert report["errors"] == []


@pytest.mark.input_class("gate-odd-sources")
def test_gate_names_each_odd_source_and_never_blocks(tmp_path: Path) -> None:
    sources = _cluster(tmp_path / "sources")
    os.mkfifo(sources / "pipe.txt")
    (sources / "loop.md").symlink_to("loop.md")
    (sources / "gone.txt").symlink_to("nowhere.txt")
    (tmp_path / "draft.md").write_text(TEXT.format(n=750), encoding="utf-8")
    outcome = run_factcheck("gate", tmp_path / "draft.md", "--against", sources, timeout=60)
    assert outcome.returncode == 2, outcome.stderr
    for name, says in [
        ("pipe.txt", "a named pipe (FIFO), not a text file"),
        ("loop.md", "a symbolic link loop"),
        ("gone.txt", "a broken symbolic link (its target nowhere.txt does not exist)"),
    ]:
        assert says in assert_one_line_error(outcome, sources / name)


@pytest.mark.input_class("gate-odd-draft")
def test_gate_names_a_draft_that_is_a_pipe_and_checks_the_others(tmp_path: Path) -> None:
    sources = _cluster(tmp_path / "sources")
    (tmp_path / "draft.md").write_text(TEXT.format(n=750), encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.txt")
    outcome = run_factcheck(
        "gate", tmp_path / "pipe.txt", tmp_path / "draft.md", "--against", sources, timeout=60
    )
    line = assert_one_line_error(outcome, tmp_path / "pipe.txt")
    assert "a named pipe (FIFO), not a text file" in line
    assert "1 draft" in outcome.stderr or "draft.md" in outcome.stdout, outcome.stderr


@pytest.mark.input_class("odd-file-names")
def test_file_names_with_controls_or_undecodable_bytes_are_named_and_reports_written(
    tmp_path: Path,
) -> None:
    names = _cluster(tmp_path / "names")
    (names / "a\x1bb.txt").write_text(TEXT.format(n=1), encoding="utf-8")
    (names / os.fsdecode(b"\xff.txt")).write_text(TEXT.format(n=2), encoding="utf-8")
    undecodable = _cluster(tmp_path / os.fsdecode(b"caf\xe9") / "event")
    out = tmp_path / "out"
    outcome = run_factcheck(
        "run",
        names,
        undecodable,
        "--out",
        out,
        "--no-history",
        "--no-cache",
        "--format",
        "json,sarif",
    )
    assert_no_traceback(outcome)
    assert outcome.returncode == 2
    assert len(outcome.error_lines) == 2, outcome.stderr
    assert f"{names}/a\\x1bb.txt: source id (the file name) 'a\\x1bb' contains a control" in (
        outcome.stderr
    )
    assert f"{names}/\\xff.txt: source id (the file name) '\\udcff' is not valid Unicode" in (
        outcome.stderr
    )
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    paths = {s["path"] for c in report["clusters"] for s in c["sources"]}
    assert f"{tmp_path}/caf\\xe9/event/s0.txt" in paths
    assert {c["cluster_id"] for c in report["clusters"]} == {"names", "event"}
