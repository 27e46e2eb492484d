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
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

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
    builders: dict[str, _ClusterBuilder] = {}
    line_problems = 0
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield InputProblem(str(path), f"cannot read: {exc.strerror or exc}")
        return
    with handle:
        for number, raw in enumerate(handle, start=1):
            if not raw.strip():
                continue
            try:
                record = _parse_json_line(raw)
                for source in _sources_of_record(record, str(path), number):
                    builder = builders.setdefault(
                        source.cluster_id, _ClusterBuilder(source.cluster_id, str(path))
                    )
                    problem = builder.add(source)
                    if problem:
                        yield problem
            except ValueError as exc:
                line_problems += 1
                yield InputProblem(str(path), str(exc), number)
    if not builders and not line_problems:
        yield InputProblem(str(path), "no documents in this JSONL file")
    for builder in builders.values():
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


def _sources_of_record(record: dict[str, Any], path: str, line: int) -> list[Source]:
    cluster_id = _required_str(record, "cluster_id")
    if "documents" in record:
        docs = record["documents"]
        if not isinstance(docs, list) or not all(isinstance(d, dict) for d in docs):
            raise ValueError("'documents' must be a list of objects")
        return [_source_of_document(doc, cluster_id, path, line) for doc in docs]
    return [_source_of_document(record, cluster_id, path, line)]


def _source_of_document(doc: dict[str, Any], cluster_id: str, path: str, line: int) -> Source:
    source_id = _required_str(doc, "source_id")
    text = doc.get("text")
    if not isinstance(text, str):
        raise ValueError(f"source {source_id!r}: 'text' must be a string")
    if not text.strip():
        raise ValueError(f"source {source_id!r}: empty text")
    extras = {}
    for name in _OPTIONAL_FIELDS:
        value = doc.get(name)
        if value is not None and not isinstance(value, str):
            raise ValueError(f"source {source_id!r}: {name!r} must be a string")
        extras[name] = value
    outlet = extras.pop("outlet") or detect_outlet(text)
    return Source(source_id, cluster_id, text, path, outlet=outlet, line=line, **extras)


def _required_str(record: dict[str, Any], key: str) -> str:
    value = record.get(key)
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"missing or empty {key!r}")
    return value
