"""``factcheck run``: check clusters with the rules and write the reports.

Reads the inputs (``seeds/`` by default), loads the rules (built-in ``rules/`` unless
``--rules`` is given), runs every cluster through the pipeline, writes each ``--format``
into ``--out`` atomically, prints a one-line summary on standard error, and sets the exit
code: 2 for input or configuration errors, else 1 when a finding is at or above
``--fail-on``, else 0. A cluster that fails is listed under ``errors`` and the run goes on.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from factcheck.batch import check_clusters
from factcheck.cli_common import (
    EXIT_ERROR,
    EXIT_FINDINGS,
    EXIT_OK,
    comma_list,
    default_inputs,
    report_problem,
)
from factcheck.corpus import read_inputs
from factcheck.errors import InputProblem, UsageError
from factcheck.facts import SEVERITIES
from factcheck.report import FORMATS, report_files, write_reports
from factcheck.report.run import staged_run
from factcheck.rules.loader import load_rules

FAIL_ON = ("error", "warning", "info", "never")


def add_run_command(commands: Any) -> None:
    """Add ``run`` to the command parser."""
    run = commands.add_parser("run", help="check the inputs and write discrepancy reports")
    run.add_argument("inputs", nargs="*", metavar="INPUT", help="directories, .txt or .jsonl")
    run.add_argument(
        "--rules", action="append", metavar="PATH", help="rule files or directories "
        "(repeatable; used instead of the built-in rules/)",
    )  # fmt: skip
    run.add_argument("--out", default="reports", metavar="DIR", help="report directory (reports)")
    run.add_argument(
        "--format", default="json", type=comma_list("format", FORMATS), metavar="FORMAT,...",
        help=f"report formats, comma-separated: {','.join(FORMATS)} (json)",
    )  # fmt: skip
    run.add_argument(
        "--fail-on", default="error", choices=FAIL_ON,
        help="exit 1 when a finding is at least this severe (error)",
    )  # fmt: skip
    run.add_argument("--encoding", metavar="NAME", help="read text files in this encoding")
    run.set_defaults(handler=run_check)


def run_check(args: argparse.Namespace) -> int:
    rules = load_rules(args.rules)
    inputs = args.inputs or default_inputs()
    out = Path(args.out)
    problems: list[InputProblem] = []
    try:
        with staged_run(out) as writer:
            for item in check_clusters(read_inputs(inputs, args.encoding), rules.rules,
                                       rules.synonyms):  # fmt: skip
                if isinstance(item, InputProblem):
                    report_problem(item)
                    problems.append(item)
                else:
                    writer.add(item)
            run = writer.finish(problems, rules.rules, args.fail_on)
            write_reports(run, out, args.format)
    except OSError as exc:
        raise UsageError(f"{out}: cannot write: {exc.strerror or exc}") from None
    _print_summary(run.summary, out, args.format)
    if problems:
        return EXIT_ERROR
    return EXIT_FINDINGS if _fails(run.summary, args.fail_on) else EXIT_OK


def _fails(summary: dict[str, Any], fail_on: str) -> bool:
    """Whether a finding is at least as severe as ``fail_on``."""
    if fail_on == "never":
        return False
    counts = summary["findings_by_severity"]
    return any(counts[s] for s in SEVERITIES[: SEVERITIES.index(fail_on) + 1])


def _print_summary(summary: dict[str, Any], out: Path, formats: list[str]) -> None:
    severities = ", ".join(f"{n} {k}" for k, n in summary["findings_by_severity"].items())
    files = ", ".join(str(out / name) for name in report_files(formats))
    counts = ", ".join(
        f"{summary[key]} {key if summary[key] != 1 else key[:-1]}"
        for key in ("clusters", "sources", "claims", "facts")
    )
    print(f"factcheck: {counts}; findings: {severities}; wrote {files}", file=sys.stderr)
