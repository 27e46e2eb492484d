"""Writing a table (claims, and later facts and findings) as CSV, JSON Lines or Parquet.

A registry maps each format name to a writer, so adding a format is adding one entry.
Text formats are UTF-8, on standard output too. In JSON Lines, missing values are ``null``;
an unbounded ``high`` (``approx`` ``>`` or ``>=``) is ``null`` too, since JSON has no
infinity. CSV writes it as ``inf``.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

import pandas as pd

from factcheck.atomic import write_text_atomic, write_with
from factcheck.values import json_value

#: Characters that JSON leaves raw but ``str.splitlines`` (and other readers) break lines at.
_LINE_BREAKERS = str.maketrans({"\u2028": "\\u2028", "\u2029": "\\u2029", "\x85": "\\u0085"})


def table_to_jsonl(frame: pd.DataFrame) -> str:
    """One JSON object per row, keys in column order; each row is one line to any reader."""
    columns = list(frame.columns)
    lines = []
    for row in frame.itertuples(index=False, name=None):
        record = {c: json_value(v) for c, v in zip(columns, row, strict=True)}
        lines.append(json.dumps(record, ensure_ascii=False).translate(_LINE_BREAKERS))
    return "".join(line + "\n" for line in lines)


def table_to_csv(frame: pd.DataFrame) -> str:
    return str(frame.to_csv(index=False, lineterminator="\n"))


TEXT_FORMATS: dict[str, Callable[[pd.DataFrame], str]] = {
    "csv": table_to_csv,
    "jsonl": table_to_jsonl,
}
BINARY_FORMATS: dict[str, Callable[[pd.DataFrame, Path], None]] = {
    "parquet": lambda frame, path: frame.to_parquet(path, index=False),
}
FORMATS = (*TEXT_FORMATS, *BINARY_FORMATS)


def write_table(
    frame: pd.DataFrame, fmt: str, output: str | Path | None, stdout: TextIO | None = None
) -> None:
    """Write ``frame`` in format ``fmt`` to ``output`` (atomically), or to ``stdout``.

    ``stdout`` defaults to :data:`sys.stdout` as it is at call time, so redirections apply.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown table format {fmt!r} (one of: {', '.join(FORMATS)})")
    if fmt in TEXT_FORMATS:
        text = TEXT_FORMATS[fmt](frame)
        if output is None:
            _write_utf8(sys.stdout if stdout is None else stdout, text)
        else:
            write_text_atomic(output, text)
        return
    if output is None:
        raise ValueError(f"--format {fmt} is binary: give --output FILE")
    write_with(output, lambda path: BINARY_FORMATS[fmt](frame, path))


def _write_utf8(stream: TextIO, text: str) -> None:
    """Write ``text`` as the same UTF-8 bytes a file gets, whatever the stream's own encoding.

    A console or a pipe may be ASCII, Latin-1 or cp1252, which cannot hold every character
    of a news text; the table is data, so it is UTF-8 like the files ``--output`` writes.
    """
    buffer = getattr(stream, "buffer", None)
    if buffer is None:
        stream.write(text)
        return
    stream.flush()
    buffer.write(text.encode("utf-8"))
    buffer.flush()
