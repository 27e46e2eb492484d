"""Reading inputs into clusters of sources.

Input forms (see DESIGN.md): a directory of ``*.txt`` files is one cluster (cluster id = the
directory name, source id = the file stem); a directory without ``*.txt`` files but with
such subdirectories holds one cluster per subdirectory; ``*.txt`` files named directly form
one cluster named after their directory; a ``.jsonl`` file holds either one document per line
(``{"cluster_id", "source_id", "text"}`` plus optional ``outlet``, ``title``, ``published``,
``url``) or one cluster per line (``{"cluster_id", "documents": [...]}``).

Reading never stops at a bad input: :func:`read_inputs` yields every cluster it can read and
an :class:`~factcheck.errors.InputProblem` for everything it cannot.
"""

from __future__ import annotations

import hashlib
import json
from array import array
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from factcheck.decoding import DecodeFailure, decode_source
from factcheck.errors import InputProblem
from factcheck.outlets import detect_outlet

TEXT_SUFFIXES = (".txt",)
_OPTIONAL_FIELDS = ("outlet", "title", "published", "url")


@dataclass(frozen=True)
class Source:
    """One article: its text exactly as read, and where it came from."""

    source_id: str
    cluster_id: str
    text: str
    path: str
    outlet: str | None = None
    title: str | None = None
    published: str | None = None
    url: str | None = None
    line: int | None = None

    @property
    def chars(self) -> int:
        return len(self.text)

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(frozen=True)
class Cluster:
    """The sources that report one event."""

    cluster_id: str
    sources: tuple[Source, ...]
    path: str = ""

    def source(self, source_id: str) -> Source:
        for src in self.sources:
            if src.source_id == source_id:
                return src
        raise KeyError(source_id)


@dataclass
class _ClusterBuilder:
    cluster_id: str
    path: str
    sources: list[Source] = field(default_factory=list)
    seen: set[str] = field(default_factory=set)

    def add(self, source: Source) -> InputProblem | None:
        if source.source_id in self.seen:
            return InputProblem(
                source.path,
                f"duplicate source_id {source.source_id!r} in cluster {self.cluster_id!r}",
                source.line,
                self.cluster_id,
            )
        self.seen.add(source.source_id)
        self.sources.append(source)
        return None

    def build(self) -> Cluster:
        return Cluster(self.cluster_id, tuple(self.sources), self.path)


def read_inputs(
    inputs: Iterable[str | Path], encoding: str | None = None
) -> Iterator[Cluster | InputProblem]:
    """Yield each readable cluster, and a problem for each input that cannot be read.

    Cluster ids are unique in a run: a second cluster with an id already read (the same
    directory named twice, or ``a/0001`` and ``b/0001``) is a problem, not a merge.
    """
    first_path: dict[str, str] = {}
    for item in _read_all(inputs, encoding):
        if isinstance(item, Cluster):
            if item.cluster_id in first_path:
                yield InputProblem(
                    item.path,
                    f"cluster id {item.cluster_id!r} was already read from "
                    f"{first_path[item.cluster_id]}; cluster ids must be unique",
                    cluster_id=item.cluster_id,
                )
                continue
            first_path[item.cluster_id] = item.path
        yield item


def count_clusters(inputs: Iterable[str | Path]) -> int | None:
    """How many clusters the inputs hold when that is cheap to know, else None.

    Directories and text files are counted from their listings; a JSONL file would have to
    be read through, so any JSONL input makes the count unknown. Unreadable inputs count 0.
    """
    total = 0
    loose: set[Path] = set()
    for raw in inputs:
        path = Path(raw)
        if path.suffix == ".jsonl" and path.is_file():
            return None
        if path.is_file() and path.suffix in TEXT_SUFFIXES:
            loose.add(path.resolve().parent)
        elif path.is_dir():
            total += _count_directory(path)
    return total + len(loose)


def _count_directory(directory: Path) -> int:
    try:
        entries = _visible_entries(directory)
    except OSError:
        return 0
    if _text_files(entries):
        return 1
    return sum(1 for p in entries if p.is_dir() and _has_text_files(p))


def _read_all(
    inputs: Iterable[str | Path], encoding: str | None
) -> Iterator[Cluster | InputProblem]:
    loose: dict[Path, list[Path]] = {}  # loose text files, by the directory that names them
    for raw in inputs:
        path = Path(raw)
        if path.is_dir():
            yield from _read_directory(path, encoding)
        elif not path.exists():
            yield InputProblem(str(path), "no such file or directory")
        elif path.suffix == ".jsonl":
            yield from _read_jsonl(path)
        elif path.is_file() and path.suffix in TEXT_SUFFIXES:
            loose.setdefault(path.resolve().parent, []).append(path)
        else:
            yield InputProblem(str(path), "not a directory, a .txt file or a .jsonl file")
    for directory, files in loose.items():
        yield from _read_cluster(directory.name, files, str(files[0].parent), encoding)


def _read_directory(directory: Path, encoding: str | None) -> Iterator[Cluster | InputProblem]:
    try:
        entries = _visible_entries(directory)
    except OSError as exc:
        yield InputProblem(str(directory), f"cannot list directory: {exc.strerror}")
        return
    files = _text_files(entries)
    if files:
        yield from _read_cluster(directory.resolve().name, files, str(directory), encoding)
        return
    subdirs = [p for p in entries if p.is_dir() and _has_text_files(p)]
    if not subdirs:
        yield InputProblem(str(directory), "no text files (*.txt) in this directory or below it")
    for sub in subdirs:
        yield from _read_cluster(sub.name, _text_files(_visible_entries(sub)), str(sub), encoding)


def _visible_entries(directory: Path) -> list[Path]:
    """Sorted entries, without hidden ones (editor locks, macOS ``._*`` resource forks)."""
    return sorted(p for p in directory.iterdir() if not p.name.startswith("."))


def _text_files(entries: list[Path]) -> list[Path]:
    return [p for p in entries if p.suffix in TEXT_SUFFIXES and p.is_file()]


def _has_text_files(directory: Path) -> bool:
    try:
        return bool(_text_files(_visible_entries(directory)))
    except OSError:
        return False


def _read_cluster(
    cluster_id: str, files: list[Path], path: str, encoding: str | None
) -> Iterator[Cluster | InputProblem]:
    builder = _ClusterBuilder(cluster_id, path)
    for file in files:
        try:
            text = decode_source(file.read_bytes(), encoding)
        except DecodeFailure as exc:
            yield InputProblem(str(file), str(exc), None, cluster_id)
            continue
        except OSError as exc:
            yield InputProblem(str(file), f"cannot read: {exc.strerror or exc}", None, cluster_id)
            continue
        source = Source(file.stem, cluster_id, text, str(file), outlet=detect_outlet(text))
        problem = builder.add(source)
        if problem:
            yield problem
    if builder.sources:
        yield builder.build()


def _read_jsonl(path: Path) -> Iterator[Cluster | InputProblem]:
    """Stream a JSONL file cluster by cluster, never holding more than one cluster.

    A first pass checks every line and records, per cluster id, where its lines start (so
    a cluster's documents need not be contiguous); a second pass seeks to each cluster's
    lines and builds it. Memory is that index plus the largest cluster.
    """
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield InputProblem(str(path), f"cannot read: {exc.strerror or exc}")
        return
    with handle:
        index = _JsonlIndex()
        yield from index.build(handle, str(path))
        if not index.lines and not index.problems:
            yield InputProblem(str(path), "no documents in this JSONL file")
        for cluster_id, spots in index.lines.items():
            yield from _read_indexed_cluster(handle, str(path), cluster_id, spots)


@dataclass
class _JsonlIndex:
    """Where each cluster's lines start: cluster id -> [offset, line, offset, line, ...]."""

    lines: dict[str, array[int]] = field(default_factory=dict)
    problems: int = 0

    def build(self, handle: BinaryIO, path: str) -> Iterator[InputProblem]:
        """Check every line, index the good ones, yield a problem for each bad one."""
        offset = 0
        for number, raw in enumerate(handle, start=1):
            start, offset = offset, offset + len(raw)
            if not raw.strip():
                continue
            try:
                cluster_id, _ = _documents_of_record(_parse_json_line(raw))
            except ValueError as exc:
                self.problems += 1
                yield InputProblem(path, str(exc), number)
                continue
            self.lines.setdefault(cluster_id, array("q")).extend((start, number))


def _read_indexed_cluster(
    handle: BinaryIO, path: str, cluster_id: str, spots: array[int]
) -> Iterator[Cluster | InputProblem]:
    builder = _ClusterBuilder(cluster_id, path)
    for offset, number in zip(spots[::2], spots[1::2], strict=True):
        handle.seek(offset)
        try:
            found, documents = _documents_of_record(_parse_json_line(handle.readline()))
            if found != cluster_id:
                raise ValueError("line changed while the file was being read")
        except ValueError as exc:
            yield InputProblem(path, str(exc), number, cluster_id)
            continue
        for document in documents:
            problem = builder.add(_source_of_document(document, cluster_id, path, number))
            if problem:
                yield problem
    if builder.sources:
        yield builder.build()


def _parse_json_line(raw: bytes) -> dict[str, Any]:
    try:
        record = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise ValueError("line is not valid UTF-8") from None
    except json.JSONDecodeError as exc:
        raise ValueError(f"not valid JSON: {exc.msg} (column {exc.colno})") from None
    if not isinstance(record, dict):
        raise ValueError("expected a JSON object on this line")
    return record


def _documents_of_record(record: dict[str, Any]) -> tuple[str, list[dict[str, Any]]]:
    """The cluster id and the checked documents of one line (one document, or a cluster)."""
    cluster_id = _required_str(record, "cluster_id")
    if "documents" in record:
        docs = record["documents"]
        if not isinstance(docs, list) or not all(isinstance(d, dict) for d in docs):
            raise ValueError("'documents' must be a list of objects")
    else:
        docs = [record]
    for doc in docs:
        _check_document(doc)
    return cluster_id, docs


def _check_document(doc: dict[str, Any]) -> None:
    source_id = _required_str(doc, "source_id")
    text = doc.get("text")
    if not isinstance(text, str):
        raise ValueError(f"source {source_id!r}: 'text' must be a string")
    if not text.strip():
        raise ValueError(f"source {source_id!r}: empty text")
    for name in _OPTIONAL_FIELDS:
        value = doc.get(name)
        if value is not None and not isinstance(value, str):
            raise ValueError(f"source {source_id!r}: {name!r} must be a string")


def _source_of_document(doc: dict[str, Any], cluster_id: str, path: str, line: int) -> Source:
    """A checked document (see :func:`_check_document`) as a source."""
    text = doc["text"]
    extras = {name: doc.get(name) for name in _OPTIONAL_FIELDS}
    outlet = extras.pop("outlet") or detect_outlet(text)
    source_id = _required_str(doc, "source_id")
    return Source(source_id, cluster_id, text, path, outlet=outlet, line=line, **extras)


def _required_str(record: dict[str, Any], key: str) -> str:
    value = record.get(key)
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"missing or empty {key!r}")
    return value
