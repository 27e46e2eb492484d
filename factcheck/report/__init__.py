"""Reports: one module per output format, each writing files from the same run records.

:data:`FORMATS` maps a format name to its :class:`~factcheck.report.base.ReportFormat`: the
files it writes into ``--out`` and the function that writes each one from the
:class:`~factcheck.report.run.RunRecords` (the JSON contract of DESIGN.md, streamed). Every
file is written atomically: a temporary file beside it, then a rename.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from pathlib import Path

from factcheck.atomic import write_with
from factcheck.errors import UsageError
from factcheck.report import html, json_report, junit, markdown, sarif, tables_csv, tables_parquet
from factcheck.report.base import FileWriter, ReportFormat
from factcheck.report.run import RunRecords

FORMATS: dict[str, ReportFormat] = {
    fmt.name: fmt
    for fmt in (
        json_report.FORMAT,
        markdown.FORMAT,
        html.FORMAT,
        sarif.FORMAT,
        junit.FORMAT,
        tables_csv.FORMAT,
        tables_parquet.FORMAT,
    )
}


def report_files(formats: Sequence[str]) -> list[str]:
    """The file names the formats write, in order."""
    return [name for fmt in formats for name, _ in FORMATS[fmt].files]


def write_reports(run: RunRecords, out: Path, formats: Sequence[str]) -> list[Path]:
    """Write every file of every format into ``out``, each atomically; the paths written."""
    written: list[Path] = []
    for fmt in formats:
        for name, writer in FORMATS[fmt].files:
            target = out / name
            try:
                write_with(target, partial(_write_one, writer, run))
            except OSError as exc:
                raise UsageError(f"{target}: cannot write: {exc.strerror or exc}") from None
            written.append(target)
    return written


def _write_one(writer: FileWriter, run: RunRecords, path: Path) -> None:
    writer(run, path)
