"""Progress of a batch on standard error: a bar on a terminal, plain lines in CI logs.

``--progress auto`` (the default) draws a bar when standard error is a terminal and prints
lines otherwise, but only for a run of more than one cluster, and only once it has lasted
2 seconds: a quick run (the seeds) prints nothing more than its summary line. ``bar`` and
``lines`` show progress from the start; ``none`` never does. Lines come every 10 seconds or
every tenth of the clusters, whichever is first.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import TextIO

MODES = ("auto", "bar", "lines", "none")
AUTO_DELAY = 2.0  #: seconds before ``auto`` shows anything
LINE_EVERY = 10.0  #: seconds between lines at most
LINE_STEP = 0.1  #: a line at least every tenth of the total
BAR_EVERY = 0.1  #: seconds between redraws of the bar
BAR_WIDTH = 24


class Progress:
    """Counts clusters as they are handed on and shows the count, the rate and time left."""

    def __init__(
        self,
        mode: str,
        total: int | None,
        stream: TextIO | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.total = total
        self.done = 0
        self.clock = clock
        self.started = clock()
        self.style, self.delay = _style(mode, total, self.stream)
        self._shown_at: float | None = None  #: when the last bar or line was shown
        self._shown_done = 0
        self._bar_drawn = False

    def advance(self) -> None:
        """One more cluster handed on."""
        self.done += 1
        now = self.clock()
        if self.style == "none" or now - self.started < self.delay:
            return
        if self.style == "bar":
            if self._shown_at is None or now - self._shown_at >= BAR_EVERY or self._finished():
                self._draw_bar(now)
        elif self._line_due(now):
            self._print_line(now)

    def interject(self, line: str) -> None:
        """Print a line of its own (an error), clearing the bar first; it is redrawn next time."""
        if self._bar_drawn:
            self.stream.write("\r\x1b[K")
            self._shown_at = None
        self.stream.write(line + "\n")
        self.stream.flush()

    def close(self) -> None:
        """End the display: finish the bar's line, or print a last line if lines were shown."""
        now = self.clock()
        if self._bar_drawn:
            if self._shown_done != self.done:
                self._draw_bar(now)
            self.stream.write("\n")
            self.stream.flush()
        elif self._shown_at is not None and self._shown_done != self.done:
            self._print_line(now)

    def _finished(self) -> bool:
        return self.total is not None and self.done >= self.total

    def _line_due(self, now: float) -> bool:
        if self._shown_at is None:
            return True
        step = max(1, int(self.total * LINE_STEP)) if self.total else None
        stepped = step is not None and self.done - self._shown_done >= step
        return stepped or now - self._shown_at >= LINE_EVERY or self._finished()

    def _print_line(self, now: float) -> None:
        self.stream.write(f"factcheck: {self._status(now)}\n")
        self.stream.flush()
        self._shown_at, self._shown_done = now, self.done

    def _draw_bar(self, now: float) -> None:
        bar = ""
        if self.total:
            filled = min(BAR_WIDTH, BAR_WIDTH * self.done // self.total)
            bar = f"[{'#' * filled}{'.' * (BAR_WIDTH - filled)}] "
        self.stream.write(f"\r{bar}{self._status(now)}\x1b[K")
        self.stream.flush()
        self._shown_at, self._shown_done, self._bar_drawn = now, self.done, True

    def _status(self, now: float) -> str:
        elapsed = max(now - self.started, 1e-9)
        rate = self.done / elapsed
        if not self.total:
            return f"{self.done} clusters, {rate:.2f} clusters/s, {_duration(elapsed)} elapsed"
        percent = 100 * self.done // self.total
        if self.done >= self.total:
            eta = f"done in {_duration(elapsed)}"
        elif rate:
            eta = f"about {_duration((self.total - self.done) / rate)} left"
        else:
            eta = "time left unknown"
        return f"{self.done}/{self.total} clusters ({percent}%), {rate:.2f} clusters/s, {eta}"


def _style(mode: str, total: int | None, stream: TextIO) -> tuple[str, float]:
    """What to show (``bar``, ``lines`` or ``none``) and after how many seconds."""
    if mode != "auto":
        return mode, 0.0
    if total is not None and total <= 1:
        return "none", 0.0
    return ("bar" if _is_terminal(stream) else "lines"), AUTO_DELAY


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _duration(seconds: float) -> str:
    seconds = round(seconds)
    if seconds < 60:
        return f"{seconds} s"
    minutes, seconds = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes} min {seconds:02d} s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d} min"
