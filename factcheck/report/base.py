"""What a report format is: named files, each written by a function of the run's records."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from factcheck.report.run import RunRecords

#: Writes one report file from the run's records into the (temporary) path given.
FileWriter = Callable[[RunRecords, Path], None]


@dataclass(frozen=True)
class ReportFormat:
    """A format name, the files it writes into ``--out``, and a line for the help."""

    name: str
    files: tuple[tuple[str, FileWriter], ...]
    description: str
