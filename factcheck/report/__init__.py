"""Reports: one module per output format, each writing files from the same run records.

:data:`FORMATS` maps a format name to its :class:`~factcheck.report.base.ReportFormat`: the
files it writes into ``--out`` and the function that writes each one from the
:class:`~factcheck.report.run.RunRecords` (the JSON contract of DESIGN.md, streamed). A run's
files are all rendered first, inside its staging directory, then moved into ``--out`` as one
set (:mod:`factcheck.report.publish`), so that ``--out`` never keeps some files of one run beside
others of another.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path

from factcheck.errors import UsageError
from factcheck.report import html, json_report, junit, markdown, sarif, tables_csv, tables_parquet
from factcheck.report.base import FileWriter, ReportFormat
from factcheck.report.publish import publish
from factcheck.report.run import RunRecords

#: A file that is not a report format: its name, and a function that writes it at a path.
Extra = tuple[str, Callable[[Path], None]]
#: Where a run's files are rendered, inside its staging directory, before they are published.
RENDERED_DIR = "publish"
#: Written beside the reports by ``run --validate`` (see :func:`render_reports`'s ``extra``).
VALIDATION_FILE = "validation.json"
#: The files a run may write besides its formats'.
EXTRA_FILES = (VALIDATION_FILE,)

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


def write_reports(
    run: RunRecords, out: Path, formats: Sequence[str], extra: Sequence[Extra] = ()
) -> list[Path]:
    """Write every file of every format (and ``extra``) into ``out`` as one set; the paths.

    The same as :func:`render_reports` then :func:`~factcheck.report.publish.publish`.
    """
    rendered, names = render_reports(run, formats, extra)
    return publish_rendered(rendered, out, names)


def all_report_files() -> list[str]:
    """Every file name a run can write into ``--out`` (each format's, and ``extra`` ones)."""
    return [*report_files(list(FORMATS)), *EXTRA_FILES]


def render_reports(
    run: RunRecords, formats: Sequence[str], extra: Sequence[Extra] = ()
) -> tuple[Path, list[str]]:
    """Write every file into the run's staging directory; that directory and the file names.

    ``extra`` adds files that are not a report format (``validation.json``): a name and a
    function that writes the file at the path it is given.
    """
    rendered = run.staging / RENDERED_DIR
    rendered.mkdir(exist_ok=True)
    writers: list[Extra] = [
        (name, partial(_write_one, writer, run))
        for fmt in formats
        for name, writer in FORMATS[fmt].files
    ]
    for name, write in [*writers, *extra]:
        try:
            write(rendered / name)
        except OSError as exc:
            raise UsageError(f"{run.staging}: cannot write {name}: {exc.strerror or exc}") from None
    return rendered, [name for name, _ in [*writers, *extra]]


def publish_rendered(rendered: Path, out: Path, names: Sequence[str]) -> list[Path]:
    """Move rendered files into ``out`` as one set (see :mod:`factcheck.report.publish`)."""
    try:
        return publish(rendered, out, names, retire=all_report_files())
    except OSError as exc:
        raise UsageError(f"{out}: cannot write the reports: {exc.strerror or exc}") from None


def _write_one(writer: FileWriter, run: RunRecords, path: Path) -> None:
    writer(run, path)
