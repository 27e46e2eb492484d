"""Encodings and sizes through the real command: what ``--encoding`` and ``--max-source-size`` do.

``--encoding`` names the encoding of the files that are neither marked (a byte-order mark)
nor valid UTF-8, so a cluster mixing UTF-8 and cp1252 files reads right. The size limit is
checked from the file system before a file is read.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.robustness.harness import (
    Outcome,
    assert_no_traceback,
    assert_one_line_error,
    run_factcheck,
)

UTF8 = "“Roughly 700” soldiers arrived in Kuwait on Thursday — the Pentagon said.\n"
CP1252 = "Café owners said “750” troops were sent to Kuwait on Tuesday.\n"
LE = "About 750 troops were sent to Kuwait on Tuesday, officials said.\n"


def _rows(outcome: Outcome) -> list[dict[str, object]]:
    return [json.loads(line) for line in outcome.stdout.split("\n") if line]


def _offsets_hold(outcome: Outcome, texts: dict[tuple[str, str], str]) -> None:
    rows = [r for r in _rows(outcome) if (r["cluster_id"], r["source_id"]) in texts]
    assert {(r["cluster_id"], r["source_id"]) for r in rows} == set(texts)
    for row in rows:
        text = texts[str(row["cluster_id"]), str(row["source_id"])]
        assert text[int(str(row["start"])) : int(str(row["end"]))] == row["text"], row


@pytest.mark.input_class("mixed-encodings")
def test_a_cluster_mixing_utf8_and_cp1252_reads_right_with_the_encoding_named(
    tmp_path: Path,
) -> None:
    (tmp_path / "mixed").mkdir()
    (tmp_path / "mixed" / "a.txt").write_text(UTF8, encoding="utf-8")
    (tmp_path / "mixed" / "b.txt").write_bytes(CP1252.encode("cp1252"))
    outcome = run_factcheck(
        "extract", tmp_path / "mixed", "--format", "jsonl", "--encoding", "cp1252"
    )
    assert_no_traceback(outcome)
    assert outcome.returncode == 0, outcome.stderr
    _offsets_hold(outcome, {("mixed", "a"): UTF8, ("mixed", "b"): CP1252})


@pytest.mark.input_class("utf16-no-bom-with-encoding")
def test_utf16_without_bom_reads_with_the_encoding_it_was_told_to_pass(tmp_path: Path) -> None:
    (tmp_path / "wide").mkdir()
    (tmp_path / "wide" / "a.txt").write_bytes(LE.encode("utf-16-le"))
    (tmp_path / "wide" / "b.txt").write_text(UTF8, encoding="utf-8")
    outcome = run_factcheck(
        "extract", tmp_path / "wide", "--format", "jsonl", "--encoding", "utf-16-le"
    )
    assert outcome.returncode == 0, outcome.stderr
    _offsets_hold(outcome, {("wide", "a"): LE, ("wide", "b"): UTF8})


@pytest.mark.input_class("invalid-encoding-name")
def test_an_unusable_encoding_is_refused_before_anything_is_read(tmp_path: Path) -> None:
    name = "no-such-codec"
    (tmp_path / "event").mkdir()
    for n in range(3):
        (tmp_path / "event" / f"s{n}.txt").write_text(LE, encoding="utf-8")
    outcome = run_factcheck(
        "run", tmp_path / "event", "--out", tmp_path / "out", "--encoding", name
    )
    assert_no_traceback(outcome)
    errors = [line for line in outcome.stderr.splitlines() if ": error: " in line]
    assert outcome.returncode == 2 and len(errors) == 1, outcome.stderr
    assert f"--encoding: {name!r}" in errors[0] or f"encoding {name!r}" in errors[0], errors
    assert not (tmp_path / "out").exists()


@pytest.fixture(scope="module")
def sized(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Outcome]:
    """A 50 MB sparse file and a 100 kB article, read under a 64 kB limit."""
    root = tmp_path_factory.mktemp("sized")
    for name in ("dump", "long"):
        (root / name).mkdir()
        (root / name / "good.txt").write_text(LE, encoding="utf-8")
    with (root / "dump" / "x.txt").open("wb") as sparse:
        sparse.truncate(50 << 20)  # all NULs: read, it would be called binary
    filler = "the talks went on through the night and into the morning " * 1800
    (root / "long" / "x.txt").write_text(filler + LE, encoding="utf-8")
    outcome = run_factcheck("extract", root, "--format", "jsonl", "--max-source-size", "64k")
    return root, outcome


@pytest.mark.input_class("source-over-size-limit")
def test_a_50_mb_source_is_refused_from_its_size_without_reading_it(
    sized: tuple[Path, Outcome],
) -> None:
    root, outcome = sized
    line = assert_one_line_error(outcome, root / "dump" / "x.txt")
    assert "50 MB is larger than the limit for one source (64 kB)" in line
    assert "--max-source-size" in line
    assert outcome.seconds < 60
    assert {r["cluster_id"] for r in _rows(outcome)} == {"dump", "long"}


@pytest.mark.input_class("source-over-size-limit")
def test_a_source_over_the_limit_reads_when_the_limit_is_raised(
    sized: tuple[Path, Outcome],
) -> None:
    root, outcome = sized
    assert "100.3 kB is larger" in assert_one_line_error(outcome, root / "long" / "x.txt")
    raised = run_factcheck(
        "extract", root / "long", "--format", "jsonl", "--max-source-size", "1MB"
    )
    assert raised.returncode == 0, raised.stderr
    assert {r["source_id"] for r in _rows(raised)} == {"good", "x"}


@pytest.mark.input_class("bad-size-option")
def test_a_bad_size_is_a_usage_error(tmp_path: Path) -> None:
    outcome = run_factcheck("extract", tmp_path, "--max-source-size", "5TB")
    assert outcome.returncode == 2, outcome.stderr
    assert "argument --max-source-size: not a size: '5TB' (e.g. 500k, 5MB, 1G)" in outcome.stderr
    assert_no_traceback(outcome)
