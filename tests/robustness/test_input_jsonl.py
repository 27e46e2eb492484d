"""Odd JSONL lines through the real command: each bad line is one line naming file and line.

One file holds a bad line per input class between good ones, another is good but written
oddly (a byte-order mark, CRLF line ends, no final newline); both are read in one run under
a 64 kB source limit (so a JSONL line may be 4 MB), and every good document still comes out.
"""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest

from tests.robustness.harness import Outcome, assert_one_line_error, classed, run_factcheck

TEXT = "About 750 troops were sent to Kuwait on Tuesday, officials said."


def _doc(source_id: str, text: str = TEXT, cluster_id: str = "j", **extra: object) -> str:
    return json.dumps({"cluster_id": cluster_id, "source_id": source_id, "text": text, **extra})


#: input class -> (the bad line as written in the file, what its error line says)
BAD_LINES: dict[str, tuple[str, str]] = {
    "jsonl-lone-surrogate-text": (
        _doc("s1", "About 750 \ud800 troops"),
        "source 's1': 'text' is not valid Unicode: a lone surrogate (U+D800) at character 10",
    ),
    "jsonl-lone-surrogate-id": (
        _doc("s\udc80"),
        "source_id 's\\udc80' is not valid Unicode (a lone surrogate at character 1)",
    ),
    "jsonl-nul-in-id": (
        _doc("a\x00b"),
        "source_id 'a\\x00b' contains a control character (U+0000)",
    ),
    "jsonl-control-in-id": (
        _doc("s2", cluster_id="j\x1b[31m"),
        "cluster_id 'j\\x1b[31m' contains a control character (U+001B)",
    ),
    "jsonl-nul-in-text": (_doc("s3", "About\x00 750"), "a NUL character (U+0000) at character 5"),
    "jsonl-not-object": ('["cluster_id", "j"]', "expected a JSON object on this line, not a list"),
    "jsonl-non-string-field": (
        _doc("s4", title=["a", "list"]),
        "source 's4': 'title' must be a string, not a list",
    ),
    "jsonl-float-id": (
        json.dumps({"cluster_id": "j", "source_id": 1.5, "text": TEXT}),
        "'source_id' must be a string or a whole number, not a number",
    ),
    "jsonl-duplicate-source-id": (_doc("good1"), "duplicate source_id 'good1' in cluster 'j'"),
    "jsonl-text-over-size-limit": (
        _doc("big", "word " * 20_000),
        "source 'big': text of 97.7 kB is larger than the limit for one source (64 kB)",
    ),
    "jsonl-line-over-line-limit": (
        _doc("huge", "x" * (5 << 20)),
        "line longer than 4 MB (64 times --max-source-size): skipped unread",
    ),
    "jsonl-deeply-nested": ("[" * 100_000 + "]" * 100_000, "not valid JSON: nested too deeply"),
}

BAD_LINES_CASES = [classed(name) for name in BAD_LINES]
TRUNCATED = '{"cluster_id": "j", "source_id": "cut", "te'


@pytest.fixture(scope="module")
def jsonl_batch(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Outcome]:
    root = tmp_path_factory.mktemp("jsonl")
    bad = root / "bad.jsonl"
    lines = [_doc("good1")]  # good documents are named after their line
    for line, _ in BAD_LINES.values():
        lines.append(line)
        lines.append(_doc(f"good{len(lines) + 1}"))
    bad.write_bytes(("\n".join(lines) + "\n" + TRUNCATED).encode("utf-8", "surrogatepass"))
    odd = root / "odd.jsonl"
    body = "\r\n".join([_doc("a", cluster_id="k"), "", _doc("b", cluster_id="k")])
    odd.write_bytes(codecs.BOM_UTF8 + body.encode())
    many = root / "many.jsonl"  # more sources than the limit below
    documents = [{"source_id": f"m{n}", "text": TEXT} for n in range(21)]
    many.write_text(
        "".join(_doc(f"m{n}", cluster_id="many") + "\n" for n in range(21))
        + json.dumps({"cluster_id": "many-in-one-line", "documents": documents})
    )
    outcome = run_factcheck(
        "extract", bad, odd, many, "--format", "jsonl", "--max-source-size", "64k",
        "--max-sources-per-cluster", "20", timeout=120,
    )  # fmt: skip
    return bad, odd, outcome


def _line_of(name: str) -> int:
    return 2 + 2 * list(BAD_LINES).index(name)


@pytest.mark.parametrize("name", BAD_LINES_CASES)
def test_bad_jsonl_line_is_one_error_naming_file_and_line(
    jsonl_batch: tuple[Path, Path, Outcome], name: str
) -> None:
    bad, _, outcome = jsonl_batch
    errors = [e for e in outcome.error_lines if f"{bad}:{_line_of(name)}:" in e]
    assert len(errors) == 1, outcome.stderr
    assert BAD_LINES[name][1] in errors[0], errors[0]


@pytest.mark.input_class("jsonl-cluster-over-source-limit")
def test_a_cluster_over_the_source_limit_is_one_line(
    jsonl_batch: tuple[Path, Path, Outcome],
) -> None:
    bad, _, outcome = jsonl_batch
    lines = [e for e in outcome.error_lines if str(bad.parent / "many.jsonl") in e]
    assert len(lines) == 2, outcome.stderr
    for line, cluster in zip(lines, ["many", "many-in-one-line"], strict=True):
        assert f"cluster {cluster!r}: 21 sources in one cluster, more than the limit of 20" in line


@pytest.mark.input_class("jsonl-truncated-last-line")
def test_a_truncated_last_line_is_named(jsonl_batch: tuple[Path, Path, Outcome]) -> None:
    bad, _, outcome = jsonl_batch
    line = assert_one_line_error(outcome, f"{bad}:{2 + 2 * len(BAD_LINES)}")
    assert "not valid JSON: Unterminated string" in line


@pytest.mark.input_class("jsonl-bom-crlf-no-final-newline")
def test_every_good_document_is_read_around_the_bad_lines(
    jsonl_batch: tuple[Path, Path, Outcome],
) -> None:
    _, odd, outcome = jsonl_batch
    assert outcome.returncode == 2
    assert len(outcome.error_lines) == len(BAD_LINES) + 3, outcome.stderr
    assert not [e for e in outcome.error_lines if str(odd) in e]
    rows = [json.loads(line) for line in outcome.stdout.split("\n") if line]
    sources = {(r["cluster_id"], r["source_id"]) for r in rows}
    good = {("j", f"good{n}") for n in [1, *range(3, 2 * len(BAD_LINES) + 2, 2)]}
    assert sources == good | {("k", "a"), ("k", "b")}
    assert all(TEXT[int(r["start"]) : int(r["end"])] == r["text"] for r in rows)
