"""Progress on standard error: a bar on a terminal, lines in logs, nothing for quick runs.

A clock is passed in so that rates and times left are exact; the streams are real text
streams (one that says it is a terminal, one that does not).
"""

from __future__ import annotations

import io

import pytest

from factcheck.progress import Progress


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def advance(progress: Progress, clock: Clock, times: int, seconds: float) -> None:
    for _ in range(times):
        clock.now += seconds
        progress.advance()


def test_lines_every_tenth_of_the_total_with_rate_and_time_left() -> None:
    stream, clock = io.StringIO(), Clock()
    progress = Progress("lines", 20, stream, clock)

    advance(progress, clock, 20, 0.5)
    progress.close()

    lines = stream.getvalue().splitlines()
    assert lines[0] == "factcheck: 1/20 clusters (5%), 2.00 clusters/s, about 10 s left"
    assert lines[1] == "factcheck: 3/20 clusters (15%), 2.00 clusters/s, about 8 s left"
    assert lines[-1] == "factcheck: 20/20 clusters (100%), 2.00 clusters/s, done in 10 s"
    assert len(lines) == 11  # the first, then one every 2 clusters


def test_lines_every_ten_seconds_when_the_tenth_takes_longer() -> None:
    stream, clock = io.StringIO(), Clock()
    progress = Progress("lines", 1000, stream, clock)

    advance(progress, clock, 10, 3.0)  # 30 s, 1% of the total

    lines = stream.getvalue().splitlines()
    assert [line.split(" clusters")[0] for line in lines] == [
        "factcheck: 1/1000",
        "factcheck: 5/1000",
        "factcheck: 9/1000",
    ]
    assert lines[2].endswith("0.33 clusters/s, about 49 min 33 s left")


def test_the_last_count_is_shown_at_the_end() -> None:
    stream, clock = io.StringIO(), Clock()
    progress = Progress("lines", 1000, stream, clock)

    advance(progress, clock, 3, 1.0)
    progress.close()

    assert [line.split(" clusters")[0] for line in stream.getvalue().splitlines()] == [
        "factcheck: 1/1000",
        "factcheck: 3/1000",
    ]


def test_unknown_total_shows_the_count_and_the_rate() -> None:
    stream, clock = io.StringIO(), Clock()
    progress = Progress("lines", None, stream, clock)

    advance(progress, clock, 3, 20.0)
    progress.close()

    assert stream.getvalue().splitlines() == [
        "factcheck: 1 clusters, 0.05 clusters/s, 20 s elapsed",
        "factcheck: 2 clusters, 0.05 clusters/s, 40 s elapsed",
        "factcheck: 3 clusters, 0.05 clusters/s, 1 min 00 s elapsed",
    ]


def test_bar_redraws_one_line_and_ends_it() -> None:
    stream, clock = Terminal(), Clock()
    progress = Progress("bar", 4, stream, clock)

    advance(progress, clock, 4, 1.0)
    progress.close()

    text = stream.getvalue()
    assert text.endswith("\n") and text.count("\n") == 1
    frames = text.rstrip("\n").split("\r")[1:]
    assert len(frames) == 4  # one per cluster, the last not drawn twice
    assert frames[0] == "[######..................] 1/4 clusters (25%), 1.00 clusters/s, " \
        "about 3 s left\x1b[K"  # fmt: skip
    assert frames[-1].startswith("[########################] 4/4 clusters (100%)")


def test_an_error_line_clears_the_bar_first() -> None:
    stream, clock = Terminal(), Clock()
    progress = Progress("bar", 4, stream, clock)
    advance(progress, clock, 1, 1.0)

    progress.interject("factcheck: error: bad.txt: empty file (no text)")
    advance(progress, clock, 1, 1.0)

    assert "\r\x1b[Kfactcheck: error: bad.txt: empty file (no text)\n\r[############" in (
        stream.getvalue()
    )


@pytest.mark.parametrize(
    ("stream", "expected"),
    [(Terminal(), "\r[#"), (io.StringIO(), "factcheck: 2/3 clusters")],
    ids=["terminal", "log"],
)
def test_auto_shows_a_bar_on_a_terminal_and_lines_elsewhere_after_two_seconds(
    stream: io.StringIO, expected: str
) -> None:
    clock = Clock()
    progress = Progress("auto", 3, stream, clock)

    advance(progress, clock, 1, 1.5)
    assert stream.getvalue() == ""  # a quick run stays quiet

    advance(progress, clock, 1, 1.5)
    assert stream.getvalue().startswith(expected)


@pytest.mark.parametrize(("mode", "total"), [("auto", 1), ("auto", 0), ("none", 50)])
def test_quiet_for_one_cluster_and_when_asked(mode: str, total: int) -> None:
    stream, clock = Terminal(), Clock()
    progress = Progress(mode, total, stream, clock)

    advance(progress, clock, max(total, 1), 30.0)
    progress.close()

    assert stream.getvalue() == ""
