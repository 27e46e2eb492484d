"""Reading a ``.jsonl`` file of documents into clusters, line by line, naming each bad line.

A line holds one document (``{"cluster_id", "source_id", "text"}`` plus optional ``outlet``,
``title``, ``published``, ``url``) or one cluster (``{"cluster_id", "documents": [...]}``).
A UTF-8 byte-order mark, CRLF line ends, blank lines and a last line without a newline are
all fine. A line that is not a JSON object, has a missing or non-string field, an id with a
control character, a text with a lone surrogate (``"\\ud800"``) or a NUL, or a text larger
than the source limit is a problem naming its line; the other lines are still read. A line
longer than :attr:`~factcheck.input_limits.InputLimits.max_line_bytes` is skipped unread.
"""

from __future__ import annotations

import json
from array import array
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from factcheck.errors import InputProblem
from factcheck.input_files import UnreadableFile, open_regular, path_text
from factcheck.input_limits import JSONL_LINE_FACTOR, InputLimits, format_size
from factcheck.outlets import detect_outlet
from factcheck.sources import Cluster, ClusterBuilder, Source, id_problem, text_problem

_OPTIONAL_FIELDS = ("outlet", "title", "published", "url")
_SKIP_CHUNK = 1 << 20


def read_jsonl(path: Path, limits: InputLimits) -> Iterator[Cluster | InputProblem]:
    """Stream a JSONL file cluster by cluster, never holding more than one cluster.

    A first pass checks every line and records, per cluster id, where its lines start (so
    a cluster's documents need not be contiguous); a second pass seeks to each cluster's
    lines and builds it. Memory is that index plus the largest cluster.
    """
    shown = path_text(path)
    try:
        with open_regular(path) as (handle, _):
            index = _JsonlIndex(limits)
            yield from index.build(handle, shown)
            if not index.lines and not index.problems:
                yield InputProblem(shown, "no documents in this JSONL file")
            for cluster_id, spots in index.lines.items():
                if (too_many := limits.too_many_sources(len(spots) // 2)) is not None:
                    yield InputProblem(
                        shown, f"cluster {cluster_id!r}: {too_many}", None, cluster_id
                    )
                    continue  # one line per document: refused before it is read again
                yield from _read_indexed_cluster(handle, shown, cluster_id, spots, limits)
    except UnreadableFile as exc:
        yield InputProblem(shown, str(exc))


@dataclass
class _JsonlIndex:
    """Where each cluster's lines start: cluster id -> [offset, line, offset, line, ...]."""

    limits: InputLimits
    lines: dict[str, array[int]] = field(default_factory=dict)
    problems: int = 0

    def build(self, handle: BinaryIO, path: str) -> Iterator[InputProblem]:
        """Check every line, index the good ones, yield a problem for each bad one."""
        for number, start, raw in _bounded_lines(handle, self.limits.max_line_bytes):
            try:
                if raw is None:
                    raise ValueError(
                        f"line longer than {format_size(self.limits.max_line_bytes)} "
                        f"({JSONL_LINE_FACTOR} times --max-source-size): skipped unread; split "
                        "it, or raise the limit"
                    )
                if not raw.strip():
                    continue
                cluster_id, _ = _documents_of_record(_parse_json_line(raw), self.limits)
            except ValueError as exc:
                self.problems += 1
                yield InputProblem(path, str(exc), number)
                continue
            self.lines.setdefault(cluster_id, array("q")).extend((start, number))


def _bounded_lines(handle: BinaryIO, limit: int) -> Iterator[tuple[int, int, bytes | None]]:
    """``(number, offset, line)`` of each line; the line is None when longer than ``limit``.

    A line too long is skipped in chunks, so it is never held whole.
    """
    offset = 0
    number = 0
    while raw := handle.readline(limit + 1):
        number += 1
        start = offset
        offset += len(raw)
        if len(raw) <= limit or raw.endswith(b"\n"):
            yield number, start, raw
            continue
        while raw and not raw.endswith(b"\n"):
            raw = handle.readline(_SKIP_CHUNK)
            offset += len(raw)
        yield number, start, None


def _read_indexed_cluster(
    handle: BinaryIO, path: str, cluster_id: str, spots: array[int], limits: InputLimits
) -> Iterator[Cluster | InputProblem]:
    builder = ClusterBuilder(cluster_id, path)
    for offset, number in zip(spots[::2], spots[1::2], strict=True):
        handle.seek(offset)
        try:
            raw = handle.readline(limits.max_line_bytes + 1)
            found, documents = _documents_of_record(_parse_json_line(raw), limits)
            if found != cluster_id:
                raise ValueError("line changed while the file was being read")
        except ValueError as exc:
            yield InputProblem(path, str(exc), number, cluster_id)
            continue
        for document in documents:
            problem = builder.add(_source_of_document(document, cluster_id, path, number))
            if problem:
                yield problem
    too_many = limits.too_many_sources(len(builder.sources))
    if too_many is not None:
        yield InputProblem(path, f"cluster {cluster_id!r}: {too_many}", None, cluster_id)
    elif builder.sources:
        yield builder.build()


def _parse_json_line(raw: bytes) -> dict[str, Any]:
    try:
        record = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise ValueError(f"line is not valid UTF-8 (byte {exc.start + 1} of the line)") from None
    except json.JSONDecodeError as exc:
        raise ValueError(f"not valid JSON: {exc.msg} (column {exc.colno})") from None
    except RecursionError:
        raise ValueError("not valid JSON: nested too deeply") from None
    if not isinstance(record, dict):
        raise ValueError(f"expected a JSON object on this line, not {_json_type(record)}")
    return record


def _documents_of_record(
    record: dict[str, Any], limits: InputLimits
) -> tuple[str, list[dict[str, Any]]]:
    """The cluster id and the checked documents of one line (one document, or a cluster)."""
    cluster_id = _required_id(record, "cluster_id")
    if "documents" in record:
        docs = record["documents"]
        if not isinstance(docs, list) or not all(isinstance(d, dict) for d in docs):
            raise ValueError("'documents' must be a list of objects")
    else:
        docs = [record]
    for doc in docs:
        _check_document(doc, limits)
    return cluster_id, docs


def _check_document(doc: dict[str, Any], limits: InputLimits) -> None:
    source_id = _required_id(doc, "source_id")
    text = doc.get("text")
    if not isinstance(text, str):
        raise ValueError(f"source {source_id!r}: 'text' must be a string, not {_json_type(text)}")
    if not text.strip():
        raise ValueError(f"source {source_id!r}: empty text")
    size = _utf8_size(text, limits.max_source_bytes)
    if size > limits.max_source_bytes:
        raise ValueError(
            f"source {source_id!r}: text of {format_size(size)} is larger than the limit for one "
            f"source ({format_size(limits.max_source_bytes)}); raise --max-source-size"
        )
    if (reason := text_problem(text)) is not None:
        raise ValueError(f"source {source_id!r}: 'text' is {reason}")
    for name in _OPTIONAL_FIELDS:
        value = doc.get(name)
        if value is not None and not isinstance(value, str):
            raise ValueError(
                f"source {source_id!r}: {name!r} must be a string, not {_json_type(value)}"
            )
        if isinstance(value, str) and (reason := text_problem(value)) is not None:
            raise ValueError(f"source {source_id!r}: {name!r} is {reason}")


def _utf8_size(text: str, limit: int) -> int:
    """The UTF-8 length of ``text``, computed only when it could be near ``limit``."""
    if len(text) > limit or 4 * len(text) <= limit:
        return len(text)
    return len(text.encode("utf-8", "surrogatepass"))


def _source_of_document(doc: dict[str, Any], cluster_id: str, path: str, line: int) -> Source:
    """A checked document (see :func:`_check_document`) as a source."""
    text = doc["text"]
    extras = {name: doc.get(name) for name in _OPTIONAL_FIELDS}
    outlet = extras.pop("outlet") or detect_outlet(text)
    source_id = _required_id(doc, "source_id")
    return Source(source_id, cluster_id, text, path, outlet=outlet, line=line, **extras)


def _required_id(record: dict[str, Any], key: str) -> str:
    value = record.get(key)
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if value is not None and not isinstance(value, str):
        raise ValueError(f"{key!r} must be a string or a whole number, not {_json_type(value)}")
    if not value or not value.strip():
        raise ValueError(f"missing or empty {key!r}")
    if (reason := id_problem(key, value)) is not None:
        raise ValueError(reason)
    return value


def _json_type(value: object) -> str:
    names = {dict: "an object", list: "a list", str: "a string", bool: "true/false"}
    if value is None:
        return "null"
    if isinstance(value, int | float) and not isinstance(value, bool):
        return "a number"
    return names.get(type(value), type(value).__name__)
