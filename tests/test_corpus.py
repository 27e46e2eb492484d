"""Reading inputs into clusters: every input form, encodings, outlets, and bad inputs.

Every test writes real files under ``tmp_path``; nothing is mocked.
"""

from __future__ import annotations

import codecs
import hashlib
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from factcheck.corpus import Cluster, Source, read_inputs
from factcheck.decoding import DecodeFailure, decode_source
from factcheck.errors import InputProblem, UsageError
from factcheck.outlets import detect_outlet
from tests.conftest import SEEDS

GOOD_TEXT = "Troops sent\n\nThe army sent 750 troops to Kuwait on Monday.\n"


def read_all(
    *inputs: str | Path, encoding: str | None = None
) -> tuple[list[Cluster], list[InputProblem]]:
    clusters: list[Cluster] = []
    problems: list[InputProblem] = []
    for item in read_inputs(inputs, encoding):
        if isinstance(item, InputProblem):
            problems.append(item)
        else:
            clusters.append(item)
    return clusters, problems


def write_jsonl(path: Path, *records: object) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def ids(cluster: Cluster) -> list[str]:
    return [s.source_id for s in cluster.sources]


# --- directories -------------------------------------------------------------------------


def test_directory_of_text_files_is_one_cluster(tmp_path: Path) -> None:
    event = tmp_path / "event-1"
    event.mkdir()
    (event / "b.txt").write_text("Second source.\n", encoding="utf-8")
    (event / "a.txt").write_text("First source.\n", encoding="utf-8")
    (event / "notes.md").write_text("not a source\n", encoding="utf-8")
    (event / ".hidden.txt").write_text("an editor's lock file\n", encoding="utf-8")

    clusters, problems = read_all(event)

    assert problems == []
    [cluster] = clusters
    assert cluster.cluster_id == "event-1"
    assert cluster.path == str(event)
    assert ids(cluster) == ["a", "b"]
    assert [s.text for s in cluster.sources] == ["First source.\n", "Second source.\n"]
    assert [s.path for s in cluster.sources] == [str(event / "a.txt"), str(event / "b.txt")]
    assert {s.cluster_id for s in cluster.sources} == {"event-1"}
    assert cluster.source("b").text == "Second source.\n"
    with pytest.raises(KeyError):
        cluster.source("notes")


def test_directory_of_directories_is_one_cluster_each(tmp_path: Path) -> None:
    batch = tmp_path / "batch"
    for cluster_id, names in {"c2": ["z", "y"], "c1": ["x"]}.items():
        (batch / cluster_id).mkdir(parents=True)
        for name in names:
            (batch / cluster_id / f"{name}.txt").write_text(f"Text of {name}.\n", encoding="utf-8")
    (batch / "no-text").mkdir()
    (batch / "no-text" / "readme.md").write_text("nothing here\n", encoding="utf-8")
    (batch / ".git").mkdir()
    (batch / ".git" / "junk.txt").write_text("hidden\n", encoding="utf-8")

    clusters, problems = read_all(batch)

    assert problems == []
    assert [c.cluster_id for c in clusters] == ["c1", "c2"]
    assert [ids(c) for c in clusters] == [["x"], ["y", "z"]]
    assert [c.path for c in clusters] == [str(batch / "c1"), str(batch / "c2")]
    assert clusters[1].source("y").cluster_id == "c2"


def test_hidden_files_inside_cluster_subdirectories_are_skipped(tmp_path: Path) -> None:
    # macOS leaves "._name" resource forks (binary) beside every file it copies.
    sub = tmp_path / "batch" / "c1"
    sub.mkdir(parents=True)
    (sub / "a.txt").write_text("Real text.\n", encoding="utf-8")
    (sub / "._a.txt").write_bytes(b"\x00\x05\x16\x07\x00\x02\x00\x00Mac OS X        ")

    clusters, problems = read_all(tmp_path / "batch")

    assert problems == []
    assert [ids(c) for c in clusters] == [["a"]]


def test_loose_text_files_form_one_cluster_named_after_their_directory(tmp_path: Path) -> None:
    event = tmp_path / "event"
    event.mkdir()
    for name in ("b", "a"):
        (event / f"{name}.txt").write_text(f"Text {name}.\n", encoding="utf-8")

    clusters, problems = read_all(event / "b.txt", event / "a.txt")

    assert problems == []
    [cluster] = clusters
    assert cluster.cluster_id == "event"
    assert ids(cluster) == ["b", "a"]  # in the order given


def test_loose_text_files_from_two_directories_are_two_clusters(tmp_path: Path) -> None:
    for name in ("first", "second"):
        (tmp_path / name).mkdir()
        (tmp_path / name / f"{name}-source.txt").write_text("Text.\n", encoding="utf-8")

    clusters, problems = read_all(
        tmp_path / "first" / "first-source.txt", tmp_path / "second" / "second-source.txt"
    )

    assert problems == []
    assert [(c.cluster_id, ids(c)) for c in clusters] == [
        ("first", ["first-source"]),
        ("second", ["second-source"]),
    ]


def test_mixed_inputs_come_through_in_order(tmp_path: Path) -> None:
    (tmp_path / "dir-cluster").mkdir()
    (tmp_path / "dir-cluster" / "d.txt").write_text("Dir text.\n", encoding="utf-8")
    jsonl = write_jsonl(
        tmp_path / "docs.jsonl", {"cluster_id": "j", "source_id": "s", "text": "J."}
    )

    clusters, problems = read_all(tmp_path / "dir-cluster", jsonl)

    assert problems == []
    assert [c.cluster_id for c in clusters] == ["dir-cluster", "j"]


# --- JSON Lines ----------------------------------------------------------------------------


def test_jsonl_one_document_per_line_groups_by_cluster_id(tmp_path: Path) -> None:
    path = write_jsonl(
        tmp_path / "docs.jsonl",
        {
            "cluster_id": "c1",
            "source_id": "s1",
            "text": "WASHINGTON (Reuters) – Text one.",
            "title": "Title one",
            "published": "2020-01-02",
            "url": "https://example.org/1",
        },
        {"cluster_id": "c2", "source_id": "s1", "text": "Text two.", "outlet": "Wire Co"},
        {"cluster_id": "c1", "source_id": "s2", "text": "Text three.\r\nSecond line."},
    )

    clusters, problems = read_all(path)

    assert problems == []
    assert [(c.cluster_id, ids(c)) for c in clusters] == [("c1", ["s1", "s2"]), ("c2", ["s1"])]
    first = clusters[0].source("s1")
    assert first == Source(
        source_id="s1",
        cluster_id="c1",
        text="WASHINGTON (Reuters) – Text one.",
        path=str(path),
        outlet="Reuters",  # detected from the dateline
        title="Title one",
        published="2020-01-02",
        url="https://example.org/1",
        line=1,
    )
    assert clusters[1].source("s1").outlet == "Wire Co"  # given, not detected
    assert clusters[0].source("s2").text == "Text three.\r\nSecond line."
    assert clusters[0].source("s2").line == 3
    assert clusters[0].source("s2").title is None


def test_jsonl_one_cluster_per_line(tmp_path: Path) -> None:
    path = write_jsonl(
        tmp_path / "clusters.jsonl",
        {
            "cluster_id": "event-a",
            "documents": [
                {"source_id": "x", "text": "X text.", "url": "https://example.org/x"},
                {"source_id": "y", "text": "LONDON (AP) — Y text."},
            ],
        },
        {"cluster_id": "event-b", "documents": [{"source_id": "z", "text": "Z text."}]},
        {"cluster_id": "event-a", "source_id": "w", "text": "A late document for event-a."},
    )

    clusters, problems = read_all(path)

    assert problems == []
    assert [(c.cluster_id, ids(c)) for c in clusters] == [
        ("event-a", ["x", "y", "w"]),
        ("event-b", ["z"]),
    ]
    assert clusters[0].source("x").url == "https://example.org/x"
    assert clusters[0].source("y").outlet == "AP"
    assert [s.line for s in clusters[0].sources] == [1, 1, 3]


def test_jsonl_numeric_ids_become_strings_and_blank_lines_are_skipped(tmp_path: Path) -> None:
    path = tmp_path / "docs.jsonl"
    path.write_text('\n{"cluster_id": 7, "source_id": 3, "text": "Text."}\n   \n', encoding="utf-8")

    clusters, problems = read_all(path)

    assert problems == []
    assert [(c.cluster_id, ids(c), c.sources[0].line) for c in clusters] == [("7", ["3"], 2)]


# --- encodings and newlines ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        pytest.param(codecs.BOM_UTF8 + "Café.\nÉté.".encode(), "Café.\nÉté.", id="utf-8-bom"),
        pytest.param(
            codecs.BOM_UTF16_LE + "Kataib\r\nHezbollah “750”".encode("utf-16-le"),
            "Kataib\r\nHezbollah “750”",
            id="utf-16-le-bom",
        ),
        pytest.param(
            codecs.BOM_UTF16_BE + "Kataib\nHezbollah".encode("utf-16-be"),
            "Kataib\nHezbollah",
            id="utf-16-be-bom",
        ),
        pytest.param(b"Title\r\n\r\nBody one.\r\n", "Title\r\n\r\nBody one.\r\n", id="crlf"),
        pytest.param(b"Old Mac\rlines\r", "Old Mac\rlines\r", id="cr"),
        pytest.param(b"No final newline", "No final newline", id="no-newline"),
        pytest.param("Tab\tand “quotes” – dash".encode(), "Tab\tand “quotes” – dash", id="utf-8"),
    ],
)
def test_text_is_decoded_exactly(tmp_path: Path, data: bytes, expected: str) -> None:
    (tmp_path / "event").mkdir()
    (tmp_path / "event" / "source.txt").write_bytes(data)

    clusters, problems = read_all(tmp_path / "event")

    assert problems == []
    source = clusters[0].sources[0]
    assert source.text == expected
    assert source.chars == len(expected)
    assert source.sha256 == hashlib.sha256(expected.encode("utf-8")).hexdigest()


@pytest.mark.parametrize(
    ("encoding", "data", "expected"),
    [
        ("latin-1", b"caf\xe9 au lait\r\n", "café au lait\r\n"),
        ("cp1252", b"\x93quoted\x94 \x96 dash", "“quoted” – dash"),
        ("utf-8", codecs.BOM_UTF8 + b"with BOM", "with BOM"),
        ("latin-1", codecs.BOM_UTF8 + b"x", "x"),  # a byte-order mark wins
        ("cp1252", "“valid” UTF-8".encode(), "“valid” UTF-8"),  # so does valid UTF-8
        ("utf-16-le", "Marines".encode("utf-16-le"), "Marines"),  # NULs: not UTF-8
    ],
)
def test_named_encoding(tmp_path: Path, encoding: str, data: bytes, expected: str) -> None:
    (tmp_path / "event").mkdir()
    (tmp_path / "event" / "source.txt").write_bytes(data)

    clusters, problems = read_all(tmp_path / "event", encoding=encoding)

    assert problems == []
    assert clusters[0].sources[0].text == expected


@pytest.mark.parametrize(
    ("encoding", "message"),
    [
        ("no-such-codec", "unknown encoding 'no-such-codec'"),
        ("base64", "'base64' is not a text encoding"),
        ("rot13", "'rot13' is not a text encoding"),
    ],
)
def test_unusable_encoding_stops_before_reading_anything(
    tmp_path: Path, encoding: str, message: str
) -> None:
    (tmp_path / "event").mkdir()
    (tmp_path / "event" / "source.txt").write_bytes(b"text")

    with pytest.raises(UsageError, match=f"^--encoding: {message}$"):
        read_inputs([tmp_path / "event"], encoding=encoding)


def test_latin_1_file_needs_the_encoding_option(tmp_path: Path) -> None:
    (tmp_path / "event").mkdir()
    (tmp_path / "event" / "source.txt").write_bytes(b"Line one.\ncaf\xe9\n")

    _, problems = read_all(tmp_path / "event")
    clusters, problems_latin = read_all(tmp_path / "event", encoding="latin-1")

    assert [p.message for p in problems] == [
        "not valid UTF-8 (byte 0xe9 at offset 13, line 2); "
        "convert it to UTF-8 or pass --encoding (e.g. cp1252 or latin-1)"
    ]
    assert problems_latin == []
    assert clusters[0].sources[0].text == "Line one.\ncafé\n"


# --- outlets -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source_id", "outlet"),
    [
        ("000_edd6372c16f6ed30", "VOA"),
        ("001_afea424f09279a13", "Reuters"),
        ("002_9fabdbfc018b01bd", None),
        ("003_e9f666795fe02b3a", "Reuters"),
        ("004_60b090ac82928ee7", "The Times of Israel"),
    ],
)
def test_outlet_of_each_seed(source_id: str, outlet: str | None) -> None:
    clusters, problems = read_all(SEEDS)
    assert problems == []
    assert clusters[0].source(source_id).outlet == outlet


def test_seeds_read_as_one_cluster() -> None:
    clusters, problems = read_all(SEEDS)
    assert problems == []
    assert [(c.cluster_id, len(c.sources)) for c in clusters] == [("seeds", 5)]
    assert [s.chars for s in clusters[0].sources] == [3607, 4284, 3654, 4320, 2759]


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        ("LONDON (AP) — Police said on Monday ...", "AP"),
        ("WASHINGTON — The United States military ...", None),
        ("WASHINGTON, Jan 2 (Reuters) – U.S. Defense Secretary ...", "Reuters"),
        ("BEIRUT, Jan. 3 (AFP) - Lebanese officials ...", "AFP"),
        ("Headline here\n\nNEW YORK (CNN) — Markets fell ...", "CNN"),
        ("VOA – PENTAGON – The U.S. is prepared ...", "VOA"),
        ("PARIS (The Associated Press) — ...", "AP"),
        ("Body text.\n\nAs reported by The Times of Israel", "The Times of Israel"),
        ("A caption of a man walking. REUTERS/Tom Brenner\n\nBody.", "Reuters"),
        ("A caption of a man walking. (Nicholas Kamm/AFP)\n\nBody.", "AFP"),
        ("Body mentions Reuters and AP in passing, but has no credit.", None),
        ("BAGHDAD (Iraqi News Agency) — An unknown agency is not named.", None),
        ("", None),
    ],
)
def test_detect_outlet(text: str, outlet: str | None) -> None:
    assert detect_outlet(text) == outlet


def test_outlet_credit_near_the_end_of_a_long_article_is_found() -> None:
    text = (
        "Title\n\n" + "Filler sentence about nothing.\n" * 400 + "As reported by Voice of America"
    )
    assert len(text) > 8000
    assert detect_outlet(text) == "VOA"


# --- bad inputs ----------------------------------------------------------------------------

PNG_BYTES = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10" + bytes(range(256))


def _bad_file_in_cluster(data: bytes) -> Callable[[Path], tuple[list[Path], Path, int | None]]:
    def build(root: Path) -> tuple[list[Path], Path, int | None]:
        (root / "event").mkdir()
        (root / "event" / "good.txt").write_text(GOOD_TEXT, encoding="utf-8")
        (root / "event" / "zbad.txt").write_bytes(data)
        return [root / "event"], root / "event" / "zbad.txt", None

    return build


def _empty_dir(root: Path) -> tuple[list[Path], Path, int | None]:
    (root / "notes").mkdir()
    (root / "notes" / "readme.md").write_text("No text files here.\n", encoding="utf-8")
    return [root / "notes"], root / "notes", None


def _jsonl(*lines: str, bad_line: int) -> Callable[[Path], tuple[list[Path], Path, int | None]]:
    def build(root: Path) -> tuple[list[Path], Path, int | None]:
        path = root / "docs.jsonl"
        path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
        return [path], path, bad_line

    return build


def _missing(name: str) -> Callable[[Path], tuple[list[Path], Path, int | None]]:
    def build(root: Path) -> tuple[list[Path], Path, int | None]:
        return [root / name], root / name, None

    return build


def _duplicate_loose_file(root: Path) -> tuple[list[Path], Path, int | None]:
    (root / "loose").mkdir()
    (root / "loose" / "a.txt").write_text("Loose text.\n", encoding="utf-8")
    return [root / "loose" / "a.txt", root / "loose" / "a.txt"], root / "loose" / "a.txt", None


def _unsupported_file(root: Path) -> tuple[list[Path], Path, int | None]:
    (root / "notes.md").write_text("# Notes\n", encoding="utf-8")
    return [root / "notes.md"], root / "notes.md", None


GOOD_DOC = '{"cluster_id": "j", "source_id": "a", "text": "About 100 Marines arrived."}'

#: name -> (builder of the bad input, expected message)
BAD_INPUTS: dict[str, tuple[Callable[[Path], tuple[list[Path], Path, int | None]], str]] = {
    "empty-file": (_bad_file_in_cluster(b""), "empty file (no text)"),
    "whitespace-file": (_bad_file_in_cluster(b" \n\t\r\n  \n"), "empty file (no text)"),
    "bom-only-file": (_bad_file_in_cluster(codecs.BOM_UTF8), "empty file (no text)"),
    "binary-file": (
        _bad_file_in_cluster(PNG_BYTES),
        "binary file (a PNG image), not text",
    ),
    "control-characters": (
        _bad_file_in_cluster(b"\x01\x02\x03\x04\x05\x06\x07\x08abc"),
        "binary file (mostly control characters), not text",
    ),
    "bom-then-latin-1": (
        _bad_file_in_cluster(codecs.BOM_UTF8 + b"caf\xe9\n"),
        "not valid UTF-8 (byte 0xe9 at offset 6, line 1); "
        "despite its UTF-8 byte-order mark: convert it to UTF-8",
    ),
    "latin-1-file": (
        _bad_file_in_cluster(b"caf\xe9 au lait\n"),
        "not valid UTF-8 (byte 0xe9 at offset 3, line 1); "
        "convert it to UTF-8 or pass --encoding (e.g. cp1252 or latin-1)",
    ),
    "dir-without-text": (_empty_dir, "no text files (*.txt) in this directory or below it"),
    "jsonl-not-json": (
        _jsonl(GOOD_DOC, "", "{not json", bad_line=3),
        "not valid JSON: Expecting property name enclosed in double quotes (column 2)",
    ),
    "jsonl-not-object": (
        _jsonl(GOOD_DOC, '["a", "list"]', bad_line=2),
        "expected a JSON object on this line, not a list",
    ),
    "jsonl-missing-text": (
        _jsonl(GOOD_DOC, '{"cluster_id": "j", "source_id": "b"}', bad_line=2),
        "source 'b': 'text' must be a string, not null",
    ),
    "jsonl-empty-text": (
        _jsonl(GOOD_DOC, '{"cluster_id": "j", "source_id": "b", "text": " \\n "}', bad_line=2),
        "source 'b': empty text",
    ),
    "jsonl-missing-source-id": (
        _jsonl(GOOD_DOC, '{"cluster_id": "j", "text": "Text."}', bad_line=2),
        "missing or empty 'source_id'",
    ),
    "jsonl-missing-cluster-id": (
        _jsonl(GOOD_DOC, '{"source_id": "b", "text": "Text."}', bad_line=2),
        "missing or empty 'cluster_id'",
    ),
    "jsonl-bad-optional-field": (
        _jsonl(
            GOOD_DOC, '{"cluster_id": "j", "source_id": "b", "text": "T.", "url": 5}', bad_line=2
        ),
        "source 'b': 'url' must be a string, not a number",
    ),
    "jsonl-documents-not-list": (
        _jsonl(GOOD_DOC, '{"cluster_id": "k", "documents": {"source_id": "b"}}', bad_line=2),
        "'documents' must be a list of objects",
    ),
    "jsonl-duplicate-source-id": (
        _jsonl(GOOD_DOC, GOOD_DOC.replace("About 100", "Some 90"), bad_line=2),
        "duplicate source_id 'a' in cluster 'j'",
    ),
    "duplicate-loose-file": (_duplicate_loose_file, "named twice: read once"),
    "nonexistent-dir": (_missing("no-such-dir"), "no such file or directory"),
    "nonexistent-jsonl": (_missing("no-such.jsonl"), "no such file or directory"),
    "nonexistent-txt": (_missing("no-such.txt"), "no such file or directory"),
    "unsupported-file": (_unsupported_file, "not a directory, a .txt file or a .jsonl file"),
}


@pytest.mark.parametrize("case", list(BAD_INPUTS))
def test_bad_input_is_one_problem_and_good_inputs_still_come_through(
    tmp_path: Path, case: str
) -> None:
    build, message = BAD_INPUTS[case]
    (tmp_path / "good-cluster").mkdir()
    (tmp_path / "good-cluster" / "good.txt").write_text(GOOD_TEXT, encoding="utf-8")
    bad_inputs, bad_path, bad_line = build(tmp_path)

    clusters, problems = read_all(tmp_path / "good-cluster", *bad_inputs)

    assert [(p.path, p.line, p.message) for p in problems] == [(str(bad_path), bad_line, message)]
    where = str(bad_path) if bad_line is None else f"{bad_path}:{bad_line}"
    assert str(problems[0]) == f"{where}: {message}"
    read = {(c.cluster_id, s.source_id) for c in clusters for s in c.sources}
    assert ("good-cluster", "good") in read
    # the good parts of a partly bad input come through too
    if case in ("empty-file", "binary-file", "latin-1-file", "whitespace-file"):
        assert ("event", "good") in read
    if case.startswith("jsonl-"):
        assert ("j", "a") in read


def test_jsonl_with_only_bad_lines_reports_each_line_once(tmp_path: Path) -> None:
    path = tmp_path / "docs.jsonl"
    path.write_text('{"cluster_id": "c"}\n{oops\n', encoding="utf-8")

    clusters, problems = read_all(path)

    assert clusters == []
    assert [(p.line, p.message) for p in problems] == [
        (1, "missing or empty 'source_id'"),
        (2, "not valid JSON: Expecting property name enclosed in double quotes (column 2)"),
    ]


@pytest.mark.parametrize("content", [b"", b"\n\n  \n"])
def test_empty_jsonl_is_one_problem(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "docs.jsonl"
    path.write_bytes(content)

    clusters, problems = read_all(path)

    assert clusters == []
    assert problems == [InputProblem(str(path), "no documents in this JSONL file")]


def test_jsonl_line_that_is_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "docs.jsonl"
    path.write_bytes(
        b'{"cluster_id": "c", "source_id": "a", "text": "ok"}\n'
        b'{"cluster_id": "c", "source_id": "b", "text": "caf\xe9"}\n'
    )

    clusters, problems = read_all(path)

    assert [(p.line, p.message) for p in problems] == [
        (2, "line is not valid UTF-8 (byte 51 of the line)")
    ]
    assert [ids(c) for c in clusters] == [["a"]]


def test_cluster_whose_every_file_is_bad_yields_no_cluster(tmp_path: Path) -> None:
    (tmp_path / "event").mkdir()
    (tmp_path / "event" / "a.txt").write_bytes(b"")
    (tmp_path / "event" / "b.txt").write_bytes(b"\xff\xfe\xfd")

    clusters, problems = read_all(tmp_path / "event")

    assert clusters == []
    assert [(Path(p.path).name, p.cluster_id) for p in problems] == [
        ("a.txt", "event"),
        ("b.txt", "event"),
    ]


def test_a_cluster_id_read_twice_is_a_problem_not_a_duplicate(tmp_path: Path) -> None:
    for parent in ("a", "b"):
        cluster = tmp_path / parent / "0001"
        cluster.mkdir(parents=True)
        (cluster / "s1.txt").write_text("The army sent 750 troops.", encoding="utf-8")
    items = list(read_inputs([tmp_path / "a" / "0001", tmp_path / "b" / "0001"]))
    clusters = [i for i in items if isinstance(i, Cluster)]
    problems = [i for i in items if isinstance(i, InputProblem)]
    assert [c.path for c in clusters] == [str(tmp_path / "a" / "0001")]
    assert len(problems) == 1
    assert str(problems[0]).startswith(str(tmp_path / "b" / "0001") + ": cluster id '0001'")


# --- what undecodable bytes look like ------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "says"),
    [
        ("Грозный — город, 750 человек.".encode("utf-16-le"), "looks like UTF-16-LE text"),
        ("Грозный — город, 750 человек.".encode("utf-16-be"), "looks like UTF-16-BE text"),
        ("About 750 troops.".encode("utf-16-le"), "pass --encoding utf-16-le"),
        (b"ab\x00cd", "binary file (a NUL byte at offset 2), not text"),  # too short to tell
        (bytes(64), "binary file (a NUL byte at offset 0), not text"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "binary file (a PDF document), not text"),
        (b"PK\x03\x04\x14\x00", "binary file (a ZIP archive (or a .docx/.xlsx/.odt document))"),
        (b"SQLite format 3\x00\x10\x00", "binary file (an SQLite database), not text"),
        (b"text\n" + b"\x00" * 3, "binary file (a NUL byte at offset 5), not text"),
    ],
)
def test_undecodable_bytes_are_named_for_what_they_look_like(data: bytes, says: str) -> None:
    with pytest.raises(DecodeFailure) as failure:
        decode_source(data)
    assert says in str(failure.value)


def test_a_nul_far_into_a_file_is_still_binary() -> None:
    with pytest.raises(DecodeFailure, match="a NUL byte at offset 100000"):
        decode_source(b"a" * 100_000 + b"\x00")
