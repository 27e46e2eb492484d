"""Odd files in a batch, through the real command: each works or is one line, and the rest go on.

One batch holds a cluster per odd file (the odd file beside a good one); ``factcheck extract``
reads it once, and each case checks its own line of stderr and that its good neighbour's
claims were still written. Text that must work is checked for valid offsets in the claim
table (``text[start:end]`` is the claim's text).
"""

from __future__ import annotations

import codecs
import json
import os
import socket
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.robustness.harness import (
    Outcome,
    assert_no_traceback,
    assert_one_line_error,
    classed,
    run_factcheck,
)

GOOD = "About 750 troops were sent to Kuwait on Tuesday, officials said.\n"
TEXT = "Roughly 700 soldiers arrived in Kuwait on Thursday, the Pentagon said.\n"


def _unreadable(path: Path) -> None:
    """A file that exists and cannot be read: /proc/self/mem gives EIO, even to root."""
    if os.geteuid() == 0:
        path.symlink_to("/proc/self/mem")
    else:
        path.write_text(TEXT, encoding="utf-8")
        path.chmod(0)


def _socket(path: Path) -> None:
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(path))


def _bytes(data: bytes) -> Callable[[Path], None]:
    return lambda path: path.write_bytes(data)


@dataclass(frozen=True)
class Odd:
    """An odd file ``x.txt`` made by ``make``, and the words its error line must hold."""

    make: Callable[[Path], None]
    says: str


PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10" + bytes(range(256))
LATIN = "Café owners said 750 troops came, “50” each.\n"

#: input class -> the odd file and what its one error line says
ODD_FILES: dict[str, Odd] = {
    "empty-file": Odd(_bytes(b""), "empty file (no text)"),
    "whitespace-file": Odd(_bytes(b" \n\t\r\n  \n"), "empty file (no text)"),
    "nul-bytes": Odd(_bytes(b"About 750 troops\x00\x01\x02 were sent."), "a NUL byte at offset"),
    "random-bytes": Odd(_bytes(bytes(range(256)) * 20), "a NUL byte at offset 0"),
    "png-file": Odd(_bytes(PNG), "binary file (a PNG image), not text"),
    "gzip-file": Odd(_bytes(b"\x1f\x8b\x08\x00" + bytes(200)), "gzip-compressed data"),
    "utf16-le-no-bom": Odd(
        _bytes(TEXT.encode("utf-16-le")), "looks like UTF-16-LE text without a byte-order mark"
    ),
    "utf16-be-no-bom": Odd(_bytes(TEXT.encode("utf-16-be")), "pass --encoding utf-16-be"),
    "latin-1-file": Odd(
        _bytes(LATIN.replace("“50”", "50").encode("latin-1")),
        "not valid UTF-8 (byte 0xe9 at offset 3, line 1)",
    ),
    "cp1252-file": Odd(_bytes(LATIN.encode("cp1252")), "pass --encoding (e.g. cp1252"),
    "unreadable-file": Odd(_unreadable, "cannot read:"),
    "directory-named-txt": Odd(lambda p: p.mkdir(), "a directory, not a text file"),
    "fifo-named-txt": Odd(os.mkfifo, "a named pipe (FIFO), not a text file"),
    "socket-named-txt": Odd(_socket, "a socket, not a text file"),
    "dangling-symlink": Odd(
        lambda p: p.symlink_to("missing.txt"),
        "a broken symbolic link (its target missing.txt does not exist)",
    ),
    "symlink-loop": Odd(
        lambda p: p.symlink_to(p.name), "a symbolic link loop (the link leads back to itself)"
    ),
    "control-characters-file": Odd(
        _bytes(bytes(range(1, 9)) * 10 + b"About 750 troops."), "binary file (mostly control"
    ),
}

ODD_FILES_CASES = [classed(name) for name in ODD_FILES]


@pytest.fixture(scope="module")
def odd_batch(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Outcome]:
    """A cluster per odd file, each beside a good file; extracted once."""
    root = tmp_path_factory.mktemp("odd")
    for name, odd in ODD_FILES.items():
        (root / name).mkdir()
        (root / name / "good.txt").write_text(GOOD, encoding="utf-8")
        odd.make(root / name / "x.txt")
    outcome = run_factcheck("extract", root, "--format", "jsonl", timeout=120)
    return root, outcome


def _claim_rows(outcome: Outcome) -> list[dict[str, object]]:
    return [json.loads(line) for line in outcome.stdout.split("\n") if line]


@pytest.mark.parametrize("name", ODD_FILES_CASES)
def test_odd_file_is_one_line_and_its_neighbour_is_still_read(
    odd_batch: tuple[Path, Outcome], name: str
) -> None:
    root, outcome = odd_batch
    line = assert_one_line_error(outcome, root / name / "x.txt")
    assert ODD_FILES[name].says in line, line
    clusters = {row["cluster_id"] for row in _claim_rows(outcome)}
    assert name in clusters, "the good file beside it was not read"


def test_the_odd_batch_has_one_error_line_per_odd_file(odd_batch: tuple[Path, Outcome]) -> None:
    _, outcome = odd_batch
    assert len(outcome.error_lines) == len(ODD_FILES), outcome.stderr
    assert {row["cluster_id"] for row in _claim_rows(outcome)} == set(ODD_FILES)


# --- texts that must work, with valid offsets ------------------------------------------------

CONTROLS = (
    "About 750 \x1b[31mtroops\x1b[0m were sent to Kuwait on Tuesday, officials said.\x07\n" * 3
)
BIDI = "\u202bAbout 750 troops\u202c were sent, said \u200fHezbollah\u200e \u2066(Kuwait)\u2069.\n"

#: input class -> the bytes of a file that must be read, and the text it must read as
WORKING_TEXTS: dict[str, tuple[bytes, str]] = {
    "utf8-bom": (codecs.BOM_UTF8 + GOOD.encode(), GOOD),
    "utf16-bom": (codecs.BOM_UTF16_LE + GOOD.encode("utf-16-le"), GOOD),
    "control-characters-text": (CONTROLS.encode(), CONTROLS),
    "bidi-controls": (BIDI.encode(), BIDI),
    "zero-width-characters": (
        "About\u200b 750\u200d troops\ufeff were sent to Ku\u200cwait on \u2060Tuesday.\n".encode(),
        "About\u200b 750\u200d troops\ufeff were sent to Ku\u200cwait on \u2060Tuesday.\n",
    ),
    "crlf-newlines": (GOOD.replace("\n", "\r\n").encode() * 2, GOOD.replace("\n", "\r\n") * 2),
    "lone-cr-newlines": (GOOD.replace("\n", "\r").encode() * 2, GOOD.replace("\n", "\r") * 2),
    "nel-and-line-separator": (
        "Troops.\u0085About 750 troops\u2028were sent\u2029to Kuwait on Tuesday.\u0085".encode(),
        "Troops.\u0085About 750 troops\u2028were sent\u2029to Kuwait on Tuesday.\u0085",
    ),
    "long-line-1mb": (
        (("the talks went on through the night " * 29_000)[:1_000_000] + GOOD.strip()).encode(),
        ("the talks went on through the night " * 29_000)[:1_000_000] + GOOD.strip(),
    ),
}

WORKING_TEXTS_CASES = [classed(name) for name in WORKING_TEXTS]


@pytest.fixture(scope="module")
def working_batch(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Outcome]:
    root = tmp_path_factory.mktemp("working")
    for name, (data, _) in WORKING_TEXTS.items():
        (root / name).mkdir()
        (root / name / "other.txt").write_text(TEXT, encoding="utf-8")
        (root / name / "x.txt").write_bytes(data)
    outcome = run_factcheck("extract", root, "--format", "jsonl", timeout=180)
    return root, outcome


@pytest.mark.parametrize("name", WORKING_TEXTS_CASES)
def test_odd_text_works_and_every_offset_points_at_the_claim(
    working_batch: tuple[Path, Outcome], name: str
) -> None:
    _, outcome = working_batch
    assert_no_traceback(outcome)
    assert outcome.returncode == 0, outcome.stderr
    text = WORKING_TEXTS[name][1]
    rows = [r for r in _claim_rows(outcome) if r["cluster_id"] == name and r["source_id"] == "x"]
    assert any(r["kind"] == "quantity" and "750" in str(r["text"]) for r in rows), rows
    for row in rows:
        start, end = int(str(row["start"])), int(str(row["end"]))
        assert text[start:end] == row["text"], row


def test_run_reports_each_odd_file_once_and_checks_every_cluster(
    odd_batch: tuple[Path, Outcome], tmp_path: Path
) -> None:
    root, _ = odd_batch
    out = tmp_path / "out"
    outcome = run_factcheck("run", root, "--out", out, "--no-history", "--no-cache")
    assert_no_traceback(outcome)
    assert outcome.returncode == 2
    assert len(outcome.error_lines) == len(ODD_FILES), outcome.stderr
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert sorted(e["path"] for e in report["errors"]) == sorted(
        str(root / name / "x.txt") for name in ODD_FILES
    )
    assert {c["cluster_id"] for c in report["clusters"]} == set(ODD_FILES)
