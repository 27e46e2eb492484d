"""Reading inputs into clusters of sources.

Input forms (see DESIGN.md): a directory of ``*.txt`` files is one cluster (cluster id = the
directory name, source id = the file stem); a directory without ``*.txt`` files but with
such subdirectories holds one cluster per subdirectory; ``*.txt`` files named directly form
one cluster named after their directory; a ``.jsonl`` file holds documents or clusters, one
per line (:mod:`factcheck.corpus_jsonl`).

Reading never stops at a bad input: :func:`read_inputs` yields every cluster it can read and
an :class:`~factcheck.errors.InputProblem` for everything it cannot. Every ``*.txt`` entry
of a cluster directory is an input: one that is not a readable regular file (a directory, a
named pipe, a socket, a broken symbolic link, a link loop) is a problem, never silently left
out; files are read without blocking and within the size limit (:mod:`factcheck.input_files`).
Hidden entries (``.*``) are skipped. Subdirectories are followed one level only, and a
symbolic link to a directory already read (or to the directory holding it) is reported, not
read again.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from factcheck.corpus_jsonl import read_jsonl
from factcheck.decoding import DecodeFailure, check_encoding, decode_source
from factcheck.errors import InputProblem, UsageError
from factcheck.input_files import UnreadableFile, path_text, read_limited, real_path
from factcheck.input_limits import InputLimits
from factcheck.outlets import detect_outlet
from factcheck.sources import Cluster, ClusterBuilder, Source, id_problem

__all__ = ["TEXT_SUFFIXES", "Cluster", "Source", "count_clusters", "read_inputs"]

TEXT_SUFFIXES = (".txt",)


def read_inputs(
    inputs: Iterable[str | Path], encoding: str | None = None, limits: InputLimits | None = None
) -> Iterator[Cluster | InputProblem]:
    """Yield each readable cluster, and a problem for each input that cannot be read.

    Cluster ids are unique in a run: a second cluster with an id already read (the same
    directory named twice, or ``a/0001`` and ``b/0001``) is a problem, not a merge. An
    unusable ``encoding`` raises :class:`~factcheck.errors.UsageError` at once.
    """
    if encoding is not None:
        try:
            check_encoding(encoding)
        except DecodeFailure as exc:
            raise UsageError(f"--encoding: {exc}") from None
    return _unique_clusters(_Reader(encoding, limits or InputLimits()).read_all(inputs))


def _unique_clusters(items: Iterator[Cluster | InputProblem]) -> Iterator[Cluster | InputProblem]:
    first_path: dict[str, str] = {}
    for item in items:
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
            loose.add(real_path(path).parent)
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


class _Reader:
    """One run's reading: the encoding, the limits, and what was read already."""

    def __init__(self, encoding: str | None, limits: InputLimits) -> None:
        self.encoding = encoding
        self.limits = limits
        self.inputs_seen: dict[Path, str] = {}  #: each input's real path -> as it was named
        self.dirs_seen: dict[Path, str] = {}  #: each cluster directory's real path -> as named

    def read_all(self, inputs: Iterable[str | Path]) -> Iterator[Cluster | InputProblem]:
        loose: dict[Path, list[Path]] = {}  # loose text files, by the directory that names them
        for raw in inputs:
            path = Path(raw)
            real = real_path(path)
            if real in self.inputs_seen:
                first = self.inputs_seen[real]
                again = "named twice" if first == path_text(path) else f"the same as {first}"
                yield _problem(path, f"{again}: read once")
                continue
            self.inputs_seen[real] = path_text(path)
            if path.is_dir():
                yield from self._read_directory(path)
            elif not path.exists() and not path.is_symlink():
                yield _problem(path, "no such file or directory")
            elif path.suffix == ".jsonl":
                yield from read_jsonl(path, self.limits)
            elif path.suffix in TEXT_SUFFIXES:
                loose.setdefault(real.parent, []).append(path)
            else:
                yield _problem(path, "not a directory, a .txt file or a .jsonl file")
        for directory, files in loose.items():
            yield from self._read_cluster(directory.name, files, files[0].parent)

    def _read_directory(self, directory: Path) -> Iterator[Cluster | InputProblem]:
        try:
            entries = _visible_entries(directory)
        except OSError as exc:
            yield _problem(directory, f"cannot list directory: {exc.strerror or exc}")
            return
        if _text_files(entries):
            yield from self._read_cluster_directory(real_path(directory).name, entries, directory)
            return
        found = False
        for sub in (p for p in entries if p.is_dir()):
            try:
                sub_entries = _visible_entries(sub)
            except OSError as exc:
                yield _problem(sub, f"cannot list directory: {exc.strerror or exc}")
                continue
            if _text_files(sub_entries):
                found = True
                yield from self._read_subdirectory(directory, sub, sub_entries)
        if not found:
            yield _problem(directory, "no text files (*.txt) in this directory or below it")

    def _read_subdirectory(
        self, parent: Path, sub: Path, entries: list[Path]
    ) -> Iterator[Cluster | InputProblem]:
        real = real_path(sub)
        if real == real_path(parent) or real in real_path(parent).parents:
            yield _problem(sub, f"a symbolic link to {real}, which holds it: not followed")
            return
        yield from self._read_cluster_directory(sub.name, entries, sub)

    def _read_cluster_directory(
        self, cluster_id: str, entries: list[Path], directory: Path
    ) -> Iterator[Cluster | InputProblem]:
        """The cluster of a directory's ``*.txt`` files; one named so that is a directory is
        reported (it is neither a source nor, beside sources, a cluster)."""
        real = real_path(directory)
        if real in self.dirs_seen:
            yield _problem(
                directory, f"the same directory as {self.dirs_seen[real]} (a link): read once"
            )
            return
        self.dirs_seen[real] = path_text(directory)
        for odd in (p for p in entries if p.suffix in TEXT_SUFFIXES and p.is_dir()):
            yield _problem(odd, "a directory, not a text file: skipped")
        yield from self._read_cluster(cluster_id, _text_files(entries), directory)

    def _read_cluster(
        self, cluster_id: str, files: list[Path], directory: Path
    ) -> Iterator[Cluster | InputProblem]:
        reason = id_problem("cluster id (the directory name)", cluster_id)
        if reason is not None:
            yield _problem(directory, f"{reason}; rename it")
            return
        too_many = self.limits.too_many_sources(len(files))
        if too_many is not None:
            yield _problem(directory, too_many, cluster_id)
            return
        builder = ClusterBuilder(cluster_id, path_text(directory))
        for file in files:
            try:
                source = self._read_source(file, cluster_id)
            except (UnreadableFile, DecodeFailure) as exc:
                yield _problem(file, str(exc), cluster_id)
                continue
            problem = builder.add(source)
            if problem:
                yield problem
        if builder.sources:
            yield builder.build()

    def _read_source(self, file: Path, cluster_id: str) -> Source:
        text = decode_source(read_limited(file, self.limits.max_source_bytes), self.encoding)
        reason = id_problem("source id (the file name)", file.stem)
        if reason is not None:
            raise UnreadableFile(f"{reason}; rename it")
        return Source(file.stem, cluster_id, text, path_text(file), outlet=detect_outlet(text))


def _problem(path: Path, message: str, cluster_id: str | None = None) -> InputProblem:
    return InputProblem(path_text(path), message, None, cluster_id)


def _visible_entries(directory: Path) -> list[Path]:
    """Sorted entries, without hidden ones (editor locks, macOS ``._*`` resource forks)."""
    return sorted(p for p in directory.iterdir() if not p.name.startswith("."))


def _text_files(entries: list[Path]) -> list[Path]:
    """The ``*.txt`` entries that are not directories (unreadable ones included)."""
    return [p for p in entries if p.suffix in TEXT_SUFFIXES and not p.is_dir()]


def _has_text_files(directory: Path) -> bool:
    try:
        return bool(_text_files(_visible_entries(directory)))
    except OSError:
        return False
