"""Opening one input file safely: regular files only, size checked first, never blocking.

A named pipe named ``x.txt`` would block a plain ``open`` until something writes to it, a
device or ``/dev/zero`` never ends, and a 2 GB dump would be read whole before anything
could complain. So a file is opened without blocking (``O_NONBLOCK``), checked to be a
regular file and within the size limit from ``fstat`` (on the open descriptor: no race with
a rename), and only then read, never more than the limit. Every reason a file cannot be
read becomes an :class:`UnreadableFile` whose message says what the path is instead.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from factcheck.input_limits import format_size

_KINDS = (
    (stat.S_ISDIR, "a directory"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)


class UnreadableFile(ValueError):
    """The path cannot be read as a text input; the message says why, in a few words."""


def read_limited(path: Path, max_bytes: int | None) -> bytes:
    """The whole content of the regular file at ``path``, at most ``max_bytes`` long."""
    with open_regular(path) as (handle, size):
        if max_bytes is not None and size > max_bytes:
            raise UnreadableFile(_too_large(size, max_bytes))
        try:
            data = handle.read() if max_bytes is None else handle.read(max_bytes + 1)
        except OSError as exc:
            raise UnreadableFile(f"cannot read: {exc.strerror or exc}") from None
    if max_bytes is not None and len(data) > max_bytes:  # grew, or a /proc file sized 0
        raise UnreadableFile(_too_large(len(data), max_bytes, known=False))
    return data


@contextmanager
def open_regular(path: Path) -> Iterator[tuple[BinaryIO, int]]:
    """An open binary handle on a regular file and its size; :class:`UnreadableFile` else."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise UnreadableFile(_open_failure(path, exc)) from None
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise UnreadableFile(f"{_kind(info.st_mode)}, not a text file")
        os.set_blocking(fd, True)
        yield handle, info.st_size


def path_text(path: Path | str) -> str:
    """The path as valid Unicode, to show and to write into reports: bytes of a file name
    that are not UTF-8 (which Python holds as lone surrogates) become ``\\xNN`` escapes."""
    text = str(path)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(text).decode("utf-8", "backslashreplace")
    return text


def real_path(path: Path) -> Path:
    """The path with every symbolic link resolved; a link loop gives its absolute path."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # RuntimeError: a link loop (Python 3.11)
        return path.absolute()


def is_link_loop(path: Path) -> bool:
    """Whether following ``path``'s symbolic links never ends."""
    try:
        path.resolve(strict=True)
    except RuntimeError:
        return True
    except OSError as exc:
        return exc.errno == errno.ELOOP
    return False


def _kind(mode: int) -> str:
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


def _open_failure(path: Path, exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "a symbolic link loop (the link leads back to itself)"
    if exc.errno == errno.ENOENT and path.is_symlink():
        return f"a broken symbolic link (its target {os.readlink(path)} does not exist)"
    if exc.errno == errno.ENXIO:
        return "a socket, not a text file"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "cannot read: permission denied"
    return f"cannot read: {exc.strerror or exc}"


def _too_large(size: int, limit: int, *, known: bool = True) -> str:
    what = format_size(size) if known else f"more than {format_size(limit)}"
    return (
        f"{what} is larger than the limit for one source ({format_size(limit)}); a source "
        "this big is usually a dump, not an article: split it, or raise --max-source-size"
    )
