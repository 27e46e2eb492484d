"""Reading the gate's drafts and sources: text files (``.txt``, ``.md``) or directories of them.

A directory stands for its own text files (not its subdirectories; hidden files skipped), in
name order. A source's id is its file stem, the draft's is :data:`~factcheck.gate.DRAFT_ID`:
two sources with one stem, or a source named ``draft``, are input errors, as are missing,
empty, binary and undecodable files, and ``*.txt``/``*.md`` entries that are not readable
regular files (named pipes, sockets, broken links; read without blocking, see
:mod:`factcheck.input_files`) or larger than the source limit (``--max-source-size``).
Texts are kept exactly as read (offsets index the file);
Markdown markup is blanked out only for extraction (:mod:`factcheck.gate_markdown`).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

from factcheck.decoding import DecodeFailure, decode_source
from factcheck.errors import InputError, InputProblem
from factcheck.gate import DRAFT_ID
from factcheck.input_files import (
    UnreadableFile,
    is_link_loop,
    path_text,
    read_limited,
    real_path,
)
from factcheck.input_limits import InputLimits
from factcheck.outlets import detect_outlet
from factcheck.sources import Source, id_problem

GATE_SUFFIXES = (".txt", ".md")


def text_files(paths: Sequence[str]) -> Iterator[Path | InputProblem]:
    """Each text file the paths name (a directory: its own text files), or a problem."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(
                p
                for p in path.iterdir()
                if p.suffix in GATE_SUFFIXES and not p.name.startswith(".") and not p.is_dir()
            )
            if not found:
                yield InputProblem(path_text(raw), "no text files (*.txt, *.md) in this directory")
            yield from (_checked(p) for p in found)
        elif not path.exists() and not path.is_symlink():
            yield InputProblem(path_text(raw), "no such file or directory")
        elif path.suffix not in GATE_SUFFIXES:
            yield InputProblem(path_text(raw), "not a text file (.txt or .md) or a directory")
        else:
            yield _checked(path)


def _checked(path: Path) -> Path | InputProblem:
    """The path, or a problem when it is a link loop (which nothing could resolve)."""
    if is_link_loop(path):
        return InputProblem(path_text(path), "a symbolic link loop (the link leads back to itself)")
    return path


def read_text(
    path: Path, source_id: str, encoding: str | None, limits: InputLimits | None = None
) -> Source:
    """One file as a source; raise :class:`InputError` naming the file when it cannot be."""
    limit = (limits or InputLimits()).max_source_bytes
    try:
        text = decode_source(read_limited(path, limit), encoding)
    except (DecodeFailure, UnreadableFile) as exc:
        raise InputError(InputProblem(path_text(path), str(exc))) from None
    return Source(source_id, "", text, path_text(path), outlet=detect_outlet(text))


def read_sources(
    paths: Sequence[str],
    encoding: str | None,
    drafts: Sequence[str] = (),
    limits: InputLimits | None = None,
) -> tuple[list[Source], list[InputProblem]]:
    """The sources the paths name, and every problem with them.

    A file named among ``drafts`` is skipped (a draft is never a source, so ``--against``
    may name a directory that holds the drafts too), as is a file named twice.
    """
    sources: list[Source] = []
    problems: list[InputProblem] = []
    first: dict[str, str] = {}
    seen = {real_path(Path(d)) for d in drafts}
    for item in text_files(paths):
        if isinstance(item, InputProblem):
            problems.append(item)
            continue
        if real_path(item) in seen:
            continue
        seen.add(real_path(item))
        problem = _id_problem(item, first)
        if problem is not None:
            problems.append(problem)
            continue
        try:
            sources.append(read_text(item, item.stem, encoding, limits))
        except InputError as exc:
            problems.append(exc.problem)
    too_many = (limits or InputLimits()).too_many_sources(len(sources))
    if too_many is not None:
        problems.append(InputProblem(" ".join(paths), too_many))
    return sources, problems


def _id_problem(path: Path, first: dict[str, str]) -> InputProblem | None:
    source_id = path.stem
    if source_id == DRAFT_ID:
        return InputProblem(
            path_text(path),
            f"the source id {DRAFT_ID!r} is reserved for the draft; rename the file",
        )
    if (reason := id_problem("source id (the file name)", source_id)) is not None:
        return InputProblem(path_text(path), f"{reason}; rename it")
    if source_id in first:
        return InputProblem(
            path_text(path),
            f"source id {source_id!r} (the file stem) is also the id of {first[source_id]}; "
            "rename one of them",
        )
    first[source_id] = path_text(path)
    return None
