"""Line and column of a character offset, as editors and CI annotations count them.

Lines end at ``\\n`` (so ``\\r\\n`` too; a lone ``\\r`` does not end a line: SARIF's default
``newlineSequences``). Lines and columns start at 1; columns count Unicode code points, like
Python's string offsets. A column after the last character of a span is one past it.
"""

from __future__ import annotations

import re
from bisect import bisect_right

_NEWLINE = re.compile("\n")


class LineIndex:
    """Where each line of one text starts, to turn offsets into (line, column)."""

    def __init__(self, text: str) -> None:
        self.length = len(text)
        self.starts = [0, *(m.end() for m in _NEWLINE.finditer(text))]

    def position(self, offset: int) -> tuple[int, int]:
        """The 1-based (line, column) of ``offset`` (0 <= offset <= len(text))."""
        if not 0 <= offset <= self.length:
            raise ValueError(f"offset {offset} is outside the text (length {self.length})")
        line = bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1


def one_line(text: str) -> str:
    """``text`` with its line breaks and runs of blanks as single spaces (for a report line)."""
    return " ".join(text.split())
