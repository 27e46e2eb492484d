"""`factcheck extract`: in-process through ``main`` and as the installed console script."""

from __future__ import annotations

import io
import json
import os
import shutil
import stat
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest

from factcheck.claims import COLUMNS, KINDS
from factcheck.cli import main
from tests.conftest import SEEDS

SEED_QUANTITY_ROWS = 31
GOOD_TEXT = "Troops sent\n\nThe army sent 750 troops to Kuwait on Monday.\n"
PREFIX = "factcheck: error: "

Run = tuple[int, str, str]


def run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> Run:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def console_script() -> str:
    beside_python = Path(sys.executable).with_name("factcheck")
    found = str(beside_python) if beside_python.exists() else shutil.which("factcheck")
    assert found, "the factcheck console script is not installed"
    return found


def run_script(*argv: str | Path, cwd: Path, **env: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [console_script(), *map(str, argv)],
        cwd=cwd,
        capture_output=True,
        timeout=300,
        check=False,
        env={**os.environ, **env},
    )


def listing(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir())


def quantities(table: pd.DataFrame) -> pd.DataFrame:
    """The quantity rows: other kinds (dates of "on Monday", ...) are tested elsewhere."""
    return table[table["kind"] == "quantity"]


# --- the seeds -----------------------------------------------------------------------------


@pytest.mark.parametrize("cwd", ["repository", "elsewhere"])
def test_default_is_seeds_as_csv_on_stdout(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    seed_claims: pd.DataFrame,
    cwd: str,
) -> None:
    # from the repository root seeds/ is found there; elsewhere, beside the package
    monkeypatch.chdir(SEEDS.parent if cwd == "repository" else tmp_path)

    code, out, err = run(capsys, "extract")

    assert (code, err) == (0, "")
    table = pd.read_csv(io.StringIO(out))
    assert list(table.columns) == list(COLUMNS)
    assert len(table[table["kind"] == "quantity"]) == SEED_QUANTITY_ROWS
    assert set(table["kind"]) <= set(KINDS)
    assert set(table["cluster_id"]) == {"seeds"}
    expected = seed_claims
    assert table["claim_id"].tolist() == expected["claim_id"].tolist()
    assert table["start"].tolist() == expected["start"].tolist()
    assert table["text"].tolist() == expected["text"].tolist()
    troops = table[(table["source_id"] == "001_afea424f09279a13") & (table["start"] == 2906)]
    assert troops[["end", "text", "value", "approx"]].values.tolist() == [
        [2916, "750 troops", 750.0, "="]
    ]


def test_explicit_seeds_equal_the_default(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "extract", SEEDS) == run(capsys, "extract")


def test_jsonl(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "extract", SEEDS, "--format", "jsonl")

    assert (code, err) == (0, "")
    assert out.endswith("\n")
    every = [json.loads(line) for line in out.splitlines()]
    assert all(list(r) == list(COLUMNS) for r in every)
    records = [r for r in every if r["kind"] == "quantity"]
    assert len(records) == SEED_QUANTITY_ROWS
    open_ended = [r for r in records if r["approx"] in (">", ">=")]
    assert open_ended, "the seeds have 'more than' claims"
    assert [r["high"] for r in open_ended] == [None] * len(open_ended)
    assert all(isinstance(r["low"], float) for r in open_ended)
    more_than = {r["text"]: r["low"] for r in open_ended}
    assert more_than["more than 14,000 troops"] == 14000.0
    assert all(r["entity_type"] is None for r in records)


def test_parquet_to_a_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, seed_claims: pd.DataFrame
) -> None:
    output = tmp_path / "claims.parquet"

    code, out, err = run(capsys, "extract", SEEDS, "--format", "parquet", "--output", output)

    assert (code, out, err) == (0, "", "")
    back = pd.read_parquet(output)
    pd.testing.assert_frame_equal(back, seed_claims)
    assert listing(tmp_path) == ["claims.parquet"]


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_output_file_equals_stdout(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, fmt: str
) -> None:
    output = tmp_path / "sub" / f"claims.{fmt}"
    _, stdout_text, _ = run(capsys, "extract", SEEDS, "--format", fmt)

    code, out, err = run(capsys, "extract", SEEDS, "--format", fmt, "-o", output)

    assert (code, out, err) == (0, "", "")
    assert output.read_bytes() == stdout_text.encode("utf-8")
    assert listing(output.parent) == [f"claims.{fmt}"]
    assert stat.S_IMODE(output.stat().st_mode) == 0o666 & ~_umask()


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def test_parquet_without_output_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "extract", SEEDS, "--format", "parquet") == (
        2,
        "",
        PREFIX + "--format parquet is binary: give --output FILE\n",
    )


def test_unknown_format_is_rejected_by_the_parser(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["extract", str(SEEDS), "--format", "xml"])
    assert exit_info.value.code == 2
    assert "invalid choice: 'xml'" in capsys.readouterr().err


def test_latin_1_input_with_encoding_option(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (tmp_path / "event").mkdir()
    (tmp_path / "event" / "latin.txt").write_bytes(
        b"Caf\xe9 news\n\nThe army sent 750 troops to Kuwait on Monday.\n"
    )

    failed = run(capsys, "extract", tmp_path / "event")
    code, out, err = run(capsys, "extract", tmp_path / "event", "--encoding", "latin-1")

    assert failed[0] == 2
    assert failed[2].count("\n") == 1 and str(tmp_path / "event" / "latin.txt") in failed[2]
    assert (code, err) == (0, "")
    table = quantities(pd.read_csv(io.StringIO(out)))
    assert table[["source_id", "text"]].values.tolist() == [["latin", "750 troops"]]


# --- bad inputs ----------------------------------------------------------------------------

Build = Callable[[Path], tuple[list[Path], str]]


def _bad_file(data: bytes) -> Build:
    def build(root: Path) -> tuple[list[Path], str]:
        event = root / f"event-{root.name}"  # cluster ids are unique within one run
        event.mkdir()
        (event / "also-good.txt").write_text(GOOD_TEXT, encoding="utf-8")
        (event / "bad.txt").write_bytes(data)
        return [event], str(event / "bad.txt")

    return build


def _bad_jsonl_line(line: str, number: int) -> Build:
    def build(root: Path) -> tuple[list[Path], str]:
        lines = ['{"cluster_id": "j", "source_id": "a", "text": "About 100 Marines arrived."}']
        lines += [""] * (number - 2) + [line]  # blank lines count too
        (root / "docs.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
        return [root / "docs.jsonl"], f"{root / 'docs.jsonl'}:{number}"

    return build


def _dir_without_text(root: Path) -> tuple[list[Path], str]:
    (root / "notes").mkdir()
    (root / "notes" / "readme.md").write_text("Nothing.\n", encoding="utf-8")
    return [root / "notes"], str(root / "notes")


def _nonexistent(root: Path) -> tuple[list[Path], str]:
    return [root / "missing"], str(root / "missing")


BAD_INPUTS: dict[str, tuple[Build, str]] = {
    "empty-file": (_bad_file(b""), "empty file (no text)"),
    "whitespace-file": (_bad_file(b"  \n\t\n"), "empty file (no text)"),
    "binary-file": (
        _bad_file(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))),
        "binary file (a PNG image), not text",
    ),
    "latin-1-file": (
        _bad_file(b"caf\xe9\n"),
        "not valid UTF-8 (byte 0xe9 at offset 3, line 1); "
        "convert it to UTF-8 or pass --encoding (e.g. cp1252 or latin-1)",
    ),
    "dir-without-text": (_dir_without_text, "no text files (*.txt) in this directory or below it"),
    "jsonl-not-json": (
        _bad_jsonl_line("{not json", 3),
        "not valid JSON: Expecting property name enclosed in double quotes (column 2)",
    ),
    "jsonl-missing-text": (
        _bad_jsonl_line('{"cluster_id": "j", "source_id": "b"}', 2),
        "source 'b': 'text' must be a string, not null",
    ),
    "jsonl-missing-source-id": (
        _bad_jsonl_line('{"cluster_id": "j", "text": "Some text."}', 2),
        "missing or empty 'source_id'",
    ),
    "jsonl-duplicate-source-id": (
        _bad_jsonl_line('{"cluster_id": "j", "source_id": "a", "text": "Other text."}', 4),
        "duplicate source_id 'a' in cluster 'j'",
    ),
    "nonexistent-path": (_nonexistent, "no such file or directory"),
}


def _good_cluster(root: Path) -> Path:
    (root / "good-cluster").mkdir()
    (root / "good-cluster" / "good.txt").write_text(GOOD_TEXT, encoding="utf-8")
    return root / "good-cluster"


@pytest.mark.parametrize("case", list(BAD_INPUTS))
def test_bad_input_exit_2_one_line_and_good_inputs_still_written(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, case: str
) -> None:
    build, message = BAD_INPUTS[case]
    good = _good_cluster(tmp_path)
    bad_inputs, where = build(tmp_path)

    code, out, err = run(capsys, "extract", good, *bad_inputs)

    assert code == 2
    assert err.splitlines() == [f"{PREFIX}{where}: {message}"]
    table = pd.read_csv(io.StringIO(out))
    written = set(zip(table["cluster_id"], table["source_id"], table["text"], strict=True))
    assert ("good-cluster", "good", "750 troops") in written
    if case.endswith("-file"):
        assert (f"event-{tmp_path.name}", "also-good", "750 troops") in written
    if case.startswith("jsonl-"):
        assert ("j", "a", "About 100 Marines") in written


def test_every_bad_input_at_once_is_one_line_each(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    inputs: list[Path] = [_good_cluster(tmp_path)]
    expected = []
    for number, (name, (build, message)) in enumerate(BAD_INPUTS.items()):
        root = tmp_path / f"{number:02d}-{name}"
        root.mkdir()
        bad_inputs, where = build(root)
        for jsonl in (p for p in bad_inputs if p.suffix == ".jsonl" and p.exists()):
            # cluster ids are unique within one run: give each JSONL file its own
            jsonl.write_text(jsonl.read_text("utf-8").replace('"j"', f'"j{number}"'), "utf-8")
            message = message.replace("cluster 'j'", f"cluster 'j{number}'")
        inputs += bad_inputs
        expected.append(f"{PREFIX}{where}: {message}")

    code, out, err = run(capsys, "extract", *inputs)

    assert code == 2
    assert sorted(err.splitlines()) == sorted(expected)
    table = quantities(pd.read_csv(io.StringIO(out)))
    assert len(table) == 1 + 4 + 4  # good, four event dirs, four jsonl


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_when_every_input_is_bad_an_existing_output_is_left_untouched(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, fmt: str
) -> None:
    output = tmp_path / "out" / f"claims.{fmt}"
    output.parent.mkdir()
    output.write_bytes(b"previous run\n")
    before = output.stat()
    (tmp_path / "empty.txt").write_bytes(b"")

    inputs = [tmp_path / "empty.txt", tmp_path / "missing"]

    code, out, err = run(capsys, "extract", *inputs, "--format", fmt, "-o", output)

    assert (code, out) == (2, "")
    assert err.splitlines() == [
        f"{PREFIX}{tmp_path / 'missing'}: no such file or directory",
        f"{PREFIX}{tmp_path / 'empty.txt'}: empty file (no text)",
    ]
    assert output.read_bytes() == b"previous run\n"
    assert output.stat().st_mtime_ns == before.st_mtime_ns
    assert listing(output.parent) == [f"claims.{fmt}"]


def test_when_every_input_is_bad_nothing_goes_to_stdout(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert run(capsys, "extract", tmp_path / "missing") == (
        2,
        "",
        f"{PREFIX}{tmp_path / 'missing'}: no such file or directory\n",
    )


def test_output_replaces_an_existing_file_atomically(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    output = tmp_path / "claims.csv"
    output.write_text("old\n", encoding="utf-8")
    output.chmod(0o640)

    code, _, _ = run(capsys, "extract", _good_cluster(tmp_path), "-o", output)

    assert code == 0
    assert quantities(pd.read_csv(output))["text"].tolist() == ["750 troops"]
    assert stat.S_IMODE(output.stat().st_mode) == 0o640
    assert listing(tmp_path) == ["claims.csv", "good-cluster"]


def test_output_that_is_a_directory_is_an_error_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (tmp_path / "out").mkdir()
    code, _, err = run(capsys, "extract", _good_cluster(tmp_path), "-o", tmp_path / "out")
    assert code == 2
    assert len(err.splitlines()) == 1
    assert str(tmp_path / "out") in err


# --- the console script in a real process --------------------------------------------------


def test_console_script_default_seeds(tmp_path: Path, seed_claims: pd.DataFrame) -> None:
    result = run_script("extract", "--format", "jsonl", cwd=tmp_path)

    assert (result.returncode, result.stderr) == (0, b"")
    records = [json.loads(line) for line in result.stdout.decode("utf-8").splitlines()]
    assert len([r for r in records if r["kind"] == "quantity"]) == SEED_QUANTITY_ROWS
    assert [r["claim_id"] for r in records] == seed_claims["claim_id"].tolist()


def test_console_script_writes_utf8_even_to_an_ascii_stdout(tmp_path: Path) -> None:
    output = tmp_path / "claims.csv"
    to_file = run_script("extract", SEEDS, "-o", output, cwd=tmp_path)
    to_stdout = run_script("extract", SEEDS, cwd=tmp_path, PYTHONIOENCODING="ascii")

    assert (to_file.returncode, to_stdout.returncode, to_stdout.stderr) == (0, 0, b"")
    assert to_stdout.stdout == output.read_bytes()
    assert "“".encode() in to_stdout.stdout


def test_console_script_bad_and_good_inputs(tmp_path: Path) -> None:
    good = _good_cluster(tmp_path)
    (tmp_path / "docs.jsonl").write_text(
        '{"cluster_id": "j", "source_id": "a", "text": "About 100 Marines arrived."}\n{not json\n',
        encoding="utf-8",
    )

    result = run_script("extract", good, tmp_path / "docs.jsonl", tmp_path / "nope", cwd=tmp_path)

    assert result.returncode == 2
    assert result.stderr.decode("utf-8").splitlines() == [
        f"{PREFIX}{tmp_path / 'docs.jsonl'}:2: not valid JSON: "
        "Expecting property name enclosed in double quotes (column 2)",
        f"{PREFIX}{tmp_path / 'nope'}: no such file or directory",
    ]
    table = quantities(pd.read_csv(io.BytesIO(result.stdout)))
    assert table[["cluster_id", "text"]].values.tolist() == [
        ["good-cluster", "750 troops"],
        ["j", "About 100 Marines"],
    ]


def test_console_script_version(tmp_path: Path) -> None:
    result = run_script("--version", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (0, b"factcheck 0.1.0\n")


def test_kinds_option_selects_claim_kinds(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "extract", "--kinds", "quantity")
    assert code == 0
    assert set(pd.read_csv(io.StringIO(out))["kind"]) == {"quantity"}


def test_unknown_kind_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        run(capsys, "extract", "--kinds", "quantity,bogus")
    assert exited.value.code == 2
    assert "unknown claim kind bogus" in capsys.readouterr().err
