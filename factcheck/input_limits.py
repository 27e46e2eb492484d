"""How much one input may hold: the limits a run reads under, and sizes written with units.

A news article is a few kilobytes; a "source" of tens of megabytes is almost always a dump
(a whole archive, a log, a database export) named by mistake, and the pipeline's cost grows
faster than linearly with a source's length (see ``benchmarks/hostile_inputs.py``). So a
source larger than :data:`DEFAULT_MAX_SOURCE_BYTES` is an input error unless the limit is
raised (``--max-source-size``). The size of a text file is known from the file system before
it is read; a JSONL document's text is measured in UTF-8 bytes once its line is parsed, and
a JSONL line longer than :data:`JSONL_LINE_FACTOR` times the limit is skipped unread.

Alignment compares the claims of a cluster pairwise within blocks, so its cost grows with
the square of the sources that say the same kind of thing: a cluster of more than
:data:`DEFAULT_MAX_SOURCES` sources is refused, unread, unless the limit is raised
(``--max-sources-per-cluster``). News clusters have two to a few dozen sources.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: 1 MiB: about 170,000 words, thirty times a long-form feature.
DEFAULT_MAX_SOURCE_BYTES = 1 << 20

#: 1,000 sources of one sentence each take about 50 s to align; 10,000 would take hours.
DEFAULT_MAX_SOURCES = 1000

#: A JSONL line may be this many times the source limit: it may hold a whole cluster of
#: documents, and JSON escapes (``\\u00e9``) make text up to six times longer.
JSONL_LINE_FACTOR = 64

_UNITS = {"": 1, "k": 1 << 10, "m": 1 << 20, "g": 1 << 30}
_SIZE = re.compile(r"(\d+(?:\.\d+)?)\s*([kmg]?)(?:i?b)?", re.IGNORECASE)


@dataclass(frozen=True)
class InputLimits:
    """The limits one run reads its inputs under."""

    max_source_bytes: int = DEFAULT_MAX_SOURCE_BYTES
    max_sources: int = DEFAULT_MAX_SOURCES

    def too_many_sources(self, count: int) -> str | None:
        """Why a cluster of ``count`` sources is refused, or None when it is not."""
        if count <= self.max_sources:
            return None
        return (
            f"{count} sources in one cluster, more than the limit of {self.max_sources}: not "
            "checked (alignment grows with the square of the sources); split the cluster, or "
            "raise --max-sources-per-cluster"
        )

    @property
    def max_line_bytes(self) -> int:
        """The longest JSONL line read."""
        return JSONL_LINE_FACTOR * self.max_source_bytes


def parse_size(text: str) -> int:
    """Bytes from ``"512"``, ``"200k"``, ``"1.5MB"``, ``"2 GiB"`` (units are powers of 1024).

    Raise :class:`ValueError` naming the accepted forms for anything else or for zero.
    """
    match = _SIZE.fullmatch(text.strip())
    if match is None:
        raise ValueError(f"not a size: {text!r} (e.g. 500k, 5MB, 1G)")
    number = float(match.group(1)) * _UNITS[match.group(2).lower()]
    if number < 1:
        raise ValueError(f"a size must be at least 1 byte, not {text!r}")
    return int(number)


def format_size(size: int) -> str:
    """``1048576`` -> ``"1 MB"``, ``1536`` -> ``"1.5 kB"``: a size as the user would write it."""
    for unit, factor in (("GB", 1 << 30), ("MB", 1 << 20), ("kB", 1 << 10)):
        if size >= factor:
            return f"{size / factor:.1f}".removesuffix(".0") + f" {unit}"
    return f"{size} byte" + ("s" if size != 1 else "")
