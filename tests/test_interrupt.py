"""Signals during a run: raised where the run is, held while the reports are written.

Real signals sent to this process (the handlers are installed only inside the blocks).
"""

from __future__ import annotations

import os
import signal
import time

import pytest

from factcheck.interrupt import Interrupted, deferred, interruptible


def send(signum: int) -> None:
    os.kill(os.getpid(), signum)
    time.sleep(0.05)  # the handler runs between bytecodes, at the latest here


@pytest.mark.parametrize(("signum", "code"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_a_signal_raises_interrupted_with_its_exit_code(signum: int, code: int) -> None:
    reached = False
    with pytest.raises(Interrupted) as stop, interruptible():
        send(signum)
        reached = True
    assert not reached
    assert (stop.value.exit_code, stop.value.name) == (code, signal.Signals(signum).name)
    assert not isinstance(stop.value, Exception)  # `except Exception` never swallows it


def test_a_signal_while_deferred_waits_for_the_block_to_finish() -> None:
    finished = False
    with pytest.raises(Interrupted) as stop, interruptible():
        with deferred():
            send(signal.SIGTERM)
            finished = True
        raise AssertionError("not reached: the held signal is raised as the block ends")
    assert finished
    assert stop.value.exit_code == 143


def test_the_previous_handlers_come_back() -> None:
    def mine(signum: int, frame: object) -> None: ...

    original = signal.signal(signal.SIGTERM, mine)
    try:
        with interruptible(), deferred():
            assert signal.getsignal(signal.SIGTERM) is not mine
        assert signal.getsignal(signal.SIGTERM) is mine
    finally:
        signal.signal(signal.SIGTERM, original)
