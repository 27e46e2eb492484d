"""``factcheck dashboard``: the run history as one offline HTML page, and as a table.

Reads the history store (``reports/history`` by default, where ``factcheck run`` appends),
writes the dashboard atomically, and with ``--export`` the same metrics as CSV or Parquet.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from factcheck.atomic import write_text_atomic
from factcheck.cli_common import EXIT_ERROR, EXIT_OK
from factcheck.controls import visible
from factcheck.dashboard.page import render_dashboard
from factcheck.errors import UsageError
from factcheck.history.store import load_history
from factcheck.tables import write_table

EXPORTS = (".csv", ".parquet")


def add_dashboard_command(commands: Any) -> None:
    """Add ``dashboard`` to the command parser."""
    board = commands.add_parser("dashboard", help="write the run history as an HTML dashboard")
    board.add_argument(
        "--history", default="reports/history", metavar="PATH",
        help="history store written by factcheck run (reports/history)",
    )  # fmt: skip
    board.add_argument(
        "--out", default="reports/dashboard.html", metavar="FILE",
        help="the dashboard file (reports/dashboard.html)",
    )  # fmt: skip
    board.add_argument(
        "--export", metavar="FILE", help="also write the metrics table (.csv or .parquet)"
    )
    board.add_argument(
        "--report", metavar="PATH", help="report.html the worst clusters link to "
        "(default: report.html beside the history directory, when there is one)",
    )  # fmt: skip
    board.set_defaults(handler=run_dashboard)


def run_dashboard(args: argparse.Namespace) -> int:
    history_dir = Path(args.history)
    if not history_dir.is_dir():
        raise UsageError(f"{history_dir}: no run history here (factcheck run writes one)")
    export = Path(args.export) if args.export else None
    if export is not None and export.suffix not in EXPORTS:
        raise UsageError(f"{export}: --export writes {' or '.join(EXPORTS)} files")
    problems: list[str] = []
    history = load_history(history_dir, lambda path, why: problems.append(f"{path}: {why}"))
    for problem in problems:
        print(visible(f"factcheck: error: {problem}; skipped"), file=sys.stderr)
    out = Path(args.out)
    page = render_dashboard(history, _report_href(args.report, history_dir, out))
    try:
        write_text_atomic(out, page)
        if export is not None:
            write_table(history, export.suffix.removeprefix("."), export)
    except OSError as exc:
        raise UsageError(f"{exc.filename or out}: cannot write: {exc.strerror or exc}") from None
    runs = history["run_id"].nunique()
    wrote = f"{out}" + (f", {export}" if export is not None else "")
    print(visible(f"factcheck: dashboard of {runs} run{'s' if runs != 1 else ''}; wrote {wrote}"),
          file=sys.stderr)  # fmt: skip
    return EXIT_ERROR if problems else EXIT_OK


def _report_href(given: str | None, history: Path, out: Path) -> str | None:
    """The report's path relative to the dashboard, so the link works wherever both go."""
    report = Path(given) if given else history.parent / "report.html"
    if given is None and not report.exists():
        return None
    relative = os.path.relpath(report.resolve(), out.resolve().parent)
    return Path(relative).as_posix()
