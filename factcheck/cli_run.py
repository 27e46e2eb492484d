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

from factcheck.atomic import write_text_atomic
from factcheck.cli_common import (
    EXIT_ERROR,
    EXIT_FINDINGS,
    EXIT_OK,
    comma_list,
    default_inputs,
    read_clusters,
    report_problem,
)
from factcheck.errors import InputProblem, UsageError
from factcheck.pipeline import ClusterResult, check_cluster
from factcheck.report import FORMATS
from factcheck.report.records import build_report
from factcheck.rules.engine import at_or_above
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
    clusters, problems = read_clusters(args.inputs or default_inputs(), args.encoding)
    results: list[ClusterResult] = []
    for cluster in clusters:
        try:
            results.append(check_cluster(cluster, rules.rules, rules.synonyms))
        except Exception as exc:  # one bad cluster never ends the batch
            problem = InputProblem(
                cluster.path, f"cluster failed: {exc!r}", None, cluster.cluster_id
            )
            report_problem(problem)
            problems.append(problem)
    report = build_report(results, problems)
    _write(report, Path(args.out), args.format)
    _print_summary(report, Path(args.out), args.format)
    if problems:
        return EXIT_ERROR
    findings = [f for r in results for f in r.findings]
    return EXIT_FINDINGS if at_or_above(findings, args.fail_on) else EXIT_OK


def _write(report: dict[str, Any], out: Path, formats: list[str]) -> None:
    for name in formats:
        filename, render = FORMATS[name]
        try:
            write_text_atomic(out / filename, render(report))
        except OSError as exc:
            raise UsageError(f"{out / filename}: cannot write: {exc.strerror or exc}") from None


def _print_summary(report: dict[str, Any], out: Path, formats: list[str]) -> None:
    s = report["summary"]
    severities = ", ".join(f"{n} {k}" for k, n in s["findings_by_severity"].items())
    files = ", ".join(str(out / FORMATS[name][0]) for name in formats)
    counts = ", ".join(
        f"{s[key]} {key if s[key] != 1 else key[:-1]}"
        for key in ("clusters", "sources", "claims", "facts")
    )
    print(f"factcheck: {counts}; findings: {severities}; wrote {files}", file=sys.stderr)
