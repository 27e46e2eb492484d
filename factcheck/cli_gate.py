"""``factcheck gate``: check drafts against their sources, for editors and CI.

Each DRAFT is checked on its own against every SOURCE (see :mod:`factcheck.gate`). The
draft's findings go to standard output one per line, compiler style
(``drafts/a.txt:12:5: error FC101 message``); findings a ``--baseline`` accepts are left
out. Reports are written through the report layer when ``--out`` or ``--format`` is given.
Exit codes: 2 for a usage, input or configuration error; else 1 when a finding not in the
baseline is at or above ``--fail-on`` (default ``warning``); else 0.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from factcheck.atomic import write_text_atomic
from factcheck.cli_common import (
    EXIT_ERROR,
    EXIT_FINDINGS,
    EXIT_OK,
    add_input_options,
    comma_list,
    input_limits,
    report_problem,
)
from factcheck.controls import visible
from factcheck.errors import InputError, InputProblem, UsageError
from factcheck.facts import SEVERITIES, Finding
from factcheck.gate import DraftCheck, check_draft, draft_facts, line_and_column
from factcheck.gate_baseline import baseline_text, read_baseline
from factcheck.gate_inputs import read_sources, read_text, text_files
from factcheck.input_files import real_path
from factcheck.report import FORMATS, write_reports
from factcheck.report.run import ClusterOutput, staged_run
from factcheck.rules.engine import at_or_above
from factcheck.rules.loader import load_rules
from factcheck.rules.model import RuleSet

FAIL_ON = ("error", "warning", "info", "never")
DEFAULT_OUT = "reports/gate"


def add_gate_command(commands: Any) -> None:
    """Add ``gate`` to the command parser."""
    gate = commands.add_parser("gate", help="check drafts against their sources (CI gate)")
    gate.add_argument("drafts", nargs="+", metavar="DRAFT", help="draft files (.txt, .md) or dirs")
    gate.add_argument(
        "--against", nargs="+", required=True, action="extend", metavar="SOURCE",
        help="source files (.txt, .md) or directories of them; repeatable",
    )  # fmt: skip
    gate.add_argument(
        "--rules", action="append", metavar="PATH",
        help="rule files or directories (repeatable; used instead of the built-in rules/)",
    )  # fmt: skip
    gate.add_argument(
        "--out", metavar="DIR",
        help=f"write reports here ({DEFAULT_OUT} when only --format is given; default: none)",
    )  # fmt: skip
    gate.add_argument(
        "--format", type=comma_list("format", FORMATS), metavar="FORMAT,...",
        help=f"report formats, comma-separated: {','.join(FORMATS)} (json when --out is given)",
    )  # fmt: skip
    gate.add_argument(
        "--fail-on", default="warning", choices=FAIL_ON,
        help="exit 1 when a finding not in the baseline is at least this severe (warning)",
    )  # fmt: skip
    gate.add_argument("--baseline", metavar="FILE", help="accepted finding ids (text or .json)")
    gate.add_argument(
        "--write-baseline", metavar="FILE", help="write every current finding's id here; exit 0"
    )
    add_input_options(gate)
    gate.set_defaults(handler=run_gate)


@dataclass
class _Outcome:
    """What the drafts gave: their checks, the problems, the accepted and the new findings."""

    problems: list[InputProblem] = field(default_factory=list)
    accepted: int = 0
    new: list[tuple[DraftCheck, list[Finding]]] = field(default_factory=list)

    @property
    def checks(self) -> list[DraftCheck]:
        return [checked for checked, _ in self.new]

    def new_findings(self) -> list[Finding]:
        return [f for _, found in self.new for f in found]


def run_gate(args: argparse.Namespace) -> int:
    rules = load_rules(args.rules)
    baseline = _baseline(args.baseline)
    drafts, problems = _draft_files(args.drafts)
    sources, source_problems = read_sources(
        args.against, args.encoding, [str(d) for d in drafts], input_limits(args)
    )
    if source_problems or not sources:
        nothing = InputProblem(" ".join(args.against), "no sources: every file named is a draft")
        for problem in source_problems or [nothing]:
            report_problem(problem)
        return EXIT_ERROR  # a draft checked against some of its sources would mislead
    outcome = _Outcome(problems=problems)
    for path in drafts:
        try:
            draft = read_text(path, path.stem, args.encoding, input_limits(args))
        except InputError as exc:
            report_problem(exc.problem)
            outcome.problems.append(exc.problem)
            continue
        checked = check_draft(draft, sources, rules.rules, rules.synonyms)
        fresh = [f for f in checked.findings if f.id not in baseline]
        outcome.accepted += len(checked.findings) - len(fresh)
        outcome.new.append((checked, fresh))
        _print_findings(checked, fresh)
    baseline_out = None  # not written over a bad draft: the ids it had accepted would be lost
    if args.write_baseline and not outcome.problems:
        baseline_out = _write_baseline(args.write_baseline, outcome.checks)
    written = _write_reports(args, outcome, rules)
    _print_summary(outcome, len(sources), written, baseline_out)
    if outcome.problems:
        return EXIT_ERROR
    if args.write_baseline:
        return EXIT_OK
    return EXIT_FINDINGS if at_or_above(outcome.new_findings(), args.fail_on) else EXIT_OK


def _baseline(path: str | None) -> frozenset[str]:
    if path is None:
        return frozenset()
    try:
        return read_baseline(path)
    except InputError as exc:
        raise UsageError(str(exc.problem)) from None


def _draft_files(paths: Sequence[str]) -> tuple[list[Path], list[InputProblem]]:
    drafts: list[Path] = []
    problems: list[InputProblem] = []
    seen: set[Path] = set()
    for item in text_files(paths):
        if isinstance(item, InputProblem):
            report_problem(item)
            problems.append(item)
        elif real_path(item) not in seen:
            seen.add(real_path(item))
            drafts.append(item)
    return drafts, problems


def finding_line(checked: DraftCheck, finding: Finding) -> str:
    """``path:line:col: severity CODE message`` at the finding's first draft evidence."""
    line, column = line_and_column(checked.draft.text, finding.evidence[0].start)
    message = " ".join(finding.message.split())
    where = f"{checked.draft.path}:{line}:{column}"
    return visible(f"{where}: {finding.severity} {finding.rule} {message}")


def _print_findings(checked: DraftCheck, findings: Iterable[Finding]) -> None:
    for finding in findings:
        print(finding_line(checked, finding))


def _write_baseline(path: str, checks: Iterable[DraftCheck]) -> str:
    entries = [(c.cluster_id, f) for c in checks for f in c.findings]
    try:
        write_text_atomic(path, baseline_text(entries))
    except OSError as exc:
        raise UsageError(f"{path}: cannot write: {exc.strerror or exc}") from None
    return path


def _write_reports(args: argparse.Namespace, outcome: _Outcome, rules: RuleSet) -> list[Path]:
    """Write the reports when asked for (``--out`` or ``--format``); the paths written."""
    if args.out is None and args.format is None:
        return []
    out = Path(args.out or DEFAULT_OUT)
    formats = args.format or ["json"]
    try:
        with staged_run(out) as writer:
            for checked, fresh in outcome.new:
                facts = draft_facts(checked.result)
                result = replace(checked.result, facts=facts, findings=fresh)
                writer.add(ClusterOutput.from_result(result))
            run = writer.finish(outcome.problems, rules.rules, args.fail_on)
            return write_reports(run, out, formats)
    except OSError as exc:
        raise UsageError(f"{out}: cannot write: {exc.strerror or exc}") from None


def _print_summary(
    outcome: _Outcome, sources: int, written: Sequence[Path], baseline_out: str | None
) -> None:
    found = outcome.new_findings()
    counts = ", ".join(f"{sum(f.severity == s for f in found)} {s}" for s in SEVERITIES)
    drafts = len(outcome.checks)
    parts = [
        f"factcheck gate: {drafts} draft{'s' * (drafts != 1)} against "
        f"{sources} source{'s' * (sources != 1)}",
        f"findings: {counts}",
        f"{outcome.accepted} accepted by the baseline",
    ]
    if baseline_out:
        parts.append(f"baseline written to {baseline_out}")
    if written:
        parts.append("wrote " + ", ".join(map(str, written)))
    print(visible("; ".join(parts)), file=sys.stderr)
