"""The table writers registry (CSV, JSON Lines, Parquet) and atomic file writing."""

from __future__ import annotations

import io
import json
import os
import stat
from pathlib import Path

import pandas as pd
import pytest

from factcheck.atomic import write_text_atomic, write_with
from factcheck.claims import COLUMNS, Claim, claims_frame, empty_claims
from factcheck.tables import (
    BINARY_FORMATS,
    FORMATS,
    TEXT_FORMATS,
    table_to_csv,
    table_to_jsonl,
    write_table,
)


def sample_table() -> pd.DataFrame:
    base = {"cluster_id": "c", "source_id": "s", "kind": "quantity", "sentence": "S."}
    return claims_frame(
        [
            Claim(
                **base,
                start=0,
                end=10,
                text="750 troops",
                value=750.0,
                low=750.0,
                high=750.0,
                approx="=",
                unit="troop",
            ),
            Claim(
                **base,
                start=20,
                end=43,
                text="more than 14,000 “troops”",
                value=14000.0,
                low=14000.0,
                high=float("inf"),
                approx=">",
                hedge="more than",
                unit="troop",
            ),
        ]
    )


def umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def listing(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir())


# --- registry ------------------------------------------------------------------------------


def test_registry() -> None:
    assert FORMATS == ("csv", "jsonl", "parquet")
    assert {"csv": table_to_csv, "jsonl": table_to_jsonl} == TEXT_FORMATS
    assert list(BINARY_FORMATS) == ["parquet"]


@pytest.mark.parametrize("fmt", list(TEXT_FORMATS))
def test_text_format_to_stdout_and_to_file_are_the_same(tmp_path: Path, fmt: str) -> None:
    table = sample_table()
    stdout = io.StringIO()
    write_table(table, fmt, None, stdout=stdout)
    write_table(table, fmt, tmp_path / f"table.{fmt}")

    written = (tmp_path / f"table.{fmt}").read_bytes()
    assert written == stdout.getvalue().encode("utf-8")
    assert written.count(b"\n") == {"csv": 3, "jsonl": 2}[fmt]  # header + two rows; two rows
    assert b"\r" not in written


def test_default_stdout_is_the_current_sys_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    write_table(sample_table(), "jsonl", None)
    assert capsys.readouterr().out == table_to_jsonl(sample_table())


@pytest.mark.parametrize("encoding", ["ascii", "latin-1", "cp1252"])
def test_stdout_gets_utf8_whatever_its_encoding(encoding: str) -> None:
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding=encoding, newline="\r\n")
    write_table(sample_table(), "csv", None, stdout=stream)
    assert raw.getvalue() == table_to_csv(sample_table()).encode("utf-8")


def test_csv() -> None:
    text = table_to_csv(sample_table())
    lines = text.splitlines()
    assert lines[0] == ",".join(COLUMNS)
    back = pd.read_csv(io.StringIO(text))
    assert list(back.columns) == list(COLUMNS)
    assert back["text"].tolist() == ["750 troops", "more than 14,000 “troops”"]
    assert back["high"].tolist() == [750.0, float("inf")]
    assert back["start"].tolist() == [0, 20]
    assert back["hedge"].isna().tolist() == [True, False]


def test_jsonl() -> None:
    records = [json.loads(line) for line in table_to_jsonl(sample_table()).splitlines()]
    assert [list(r) for r in records] == [list(COLUMNS)] * 2
    second = records[1]
    assert second["high"] is None  # unbounded: JSON has no infinity
    assert second["low"] == 14000.0
    assert second["start"] == 20 and isinstance(second["start"], int)
    assert second["text"] == "more than 14,000 “troops”"
    assert records[0]["hedge"] is None
    assert records[0]["high"] == 750.0


def test_jsonl_keeps_non_ascii_text_readable() -> None:
    assert "“troops”" in table_to_jsonl(sample_table())


def test_jsonl_rows_stay_one_line_for_readers_that_split_at_unicode_breaks() -> None:
    texts = ["a\u2028b", "c\x85d\u2029e", "plain"]
    written = table_to_jsonl(pd.DataFrame({"text": texts}))
    lines = written.splitlines()
    assert len(lines) == 3
    assert [json.loads(line)["text"] for line in lines] == texts


def test_empty_table_in_each_text_format() -> None:
    assert table_to_csv(empty_claims()) == ",".join(COLUMNS) + "\n"
    assert table_to_jsonl(empty_claims()) == ""


def test_parquet_round_trip_keeps_values_and_dtypes(tmp_path: Path) -> None:
    table = sample_table()
    write_table(table, "parquet", tmp_path / "claims.parquet")

    back = pd.read_parquet(tmp_path / "claims.parquet")
    pd.testing.assert_frame_equal(back, table)
    assert listing(tmp_path) == ["claims.parquet"]


def test_parquet_needs_an_output_file() -> None:
    with pytest.raises(ValueError, match=r"^--format parquet is binary: give --output FILE$"):
        write_table(sample_table(), "parquet", None, stdout=io.StringIO())


@pytest.mark.parametrize("output", [None, "out.xml"])
def test_unknown_format_is_a_value_error(tmp_path: Path, output: str | None) -> None:
    target = None if output is None else tmp_path / output
    with pytest.raises(
        ValueError, match=r"^unknown table format 'xml' \(one of: csv, jsonl, parquet\)$"
    ):
        write_table(sample_table(), "xml", target, stdout=io.StringIO())
    assert listing(tmp_path) == []


# --- atomic writes -------------------------------------------------------------------------


def test_write_text_atomic_writes_exact_utf8_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "deep" / "er" / "out.txt"
    write_text_atomic(target, "a\r\nb\n“c”")

    assert target.read_bytes() == "a\r\nb\n“c”".encode()
    assert listing(target.parent) == ["out.txt"]


def test_new_file_gets_the_ordinary_permissions(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    write_text_atomic(target, "x\n")
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask()


def test_replaced_file_keeps_its_permissions(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    target.write_text("old\n", encoding="utf-8")
    target.chmod(0o640)

    write_text_atomic(target, "new\n")

    assert target.read_text(encoding="utf-8") == "new\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_failed_writer_leaves_the_old_file_and_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "out.parquet"
    target.write_bytes(b"old contents")

    def half_write(path: Path) -> None:
        path.write_bytes(b"half")
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError, match="disk full"):
        write_with(target, half_write)

    assert target.read_bytes() == b"old contents"
    assert listing(tmp_path) == ["out.parquet"]


def test_write_with_replaces_the_target(tmp_path: Path) -> None:
    target = tmp_path / "out.bin"
    target.write_bytes(b"old")
    write_with(target, lambda path: path.write_bytes(b"\x00new"))
    assert target.read_bytes() == b"\x00new"
    assert listing(tmp_path) == ["out.bin"]
