"""Stopping a run cleanly on Ctrl-C (SIGINT) or SIGTERM.

Inside :func:`interruptible`, either signal raises :class:`Interrupted` in the main thread,
wherever it is, so that every ``finally`` runs: the staging directory is removed, the
workers are stopped, the reports of the previous run are left as they were. While
:func:`deferred` is active (the rendered reports being moved into place) a signal is held
until the block ends, so the reports are either all of the previous run or all of this one.
A SIGKILL cannot be held: :mod:`factcheck.report.publish` covers that case.
The exit code is 128 + the signal's number: 130 for SIGINT, 143 for SIGTERM.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

SIGNALS = (signal.SIGINT, signal.SIGTERM)


class Interrupted(BaseException):
    """The run was stopped by a signal; not an ``Exception``, so nothing swallows it."""

    def __init__(self, signum: int) -> None:
        self.signum = signum
        self.name = signal.Signals(signum).name
        super().__init__(self.name)

    @property
    def exit_code(self) -> int:
        return 128 + self.signum


class _State:
    deferring = False
    pending: int | None = None


def _handler(signum: int, frame: FrameType | None) -> None:
    if _State.deferring:
        _State.pending = _State.pending or signum
        return
    raise Interrupted(signum)


@contextmanager
def interruptible() -> Iterator[None]:
    """SIGINT and SIGTERM raise :class:`Interrupted` here (in the main thread only)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {sig: signal.signal(sig, _handler) for sig in SIGNALS}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        _State.deferring, _State.pending = False, None


@contextmanager
def deferred() -> Iterator[None]:
    """Hold signals until the block is done, then raise :class:`Interrupted` if one came."""
    _State.deferring = True
    try:
        yield
    finally:
        _State.deferring = False
    if _State.pending is not None:
        signum, _State.pending = _State.pending, None
        raise Interrupted(signum)
