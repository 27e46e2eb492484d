"""``factcheck run``: check clusters with the rules and write the reports.

Reads the inputs (``seeds/`` by default), loads the rules (built-in ``rules/`` unless
``--rules`` is given), runs every cluster through the pipeline, writes each ``--format``
into ``--out`` atomically, prints a one-line summary on standard error, and sets the exit
code: 2 for input or configuration errors, else 1 when a finding is at or above
``--fail-on``, else 0. A cluster that fails is listed under ``errors`` and the run goes on.

Batch options: ``--jobs N`` worker processes, ``--engine dask [--scheduler ADDRESS]``, the
cache of cluster outputs (``--cache DIR``, ``--no-cache``), ``--progress``. Ctrl-C or SIGTERM
stops the run with exit code 130 or 143, leaving the previous reports as they were.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from factcheck.batch import BatchStats, WorkerRules, run_batch
from factcheck.cache import ClusterCache, rules_fingerprint
from factcheck.cli_common import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, comma_list, default_inputs
from factcheck.corpus import count_clusters, read_inputs
from factcheck.engines import ENGINES, open_engine
from factcheck.errors import InputProblem, UsageError
from factcheck.facts import SEVERITIES
from factcheck.interrupt import Interrupted, deferred, interruptible
from factcheck.progress import MODES as PROGRESS_MODES
from factcheck.progress import Progress
from factcheck.report import FORMATS, report_files, write_reports
from factcheck.report.run import RunRecords, staged_run
from factcheck.rules.loader import load_rules
from factcheck.rules.model import RuleSet

FAIL_ON = ("error", "warning", "info", "never")
DEFAULT_CACHE = ".factcheck-cache"  #: inside --out unless --cache names another directory


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
    add_batch_options(run)
    run.set_defaults(handler=run_check)


def add_batch_options(run: argparse.ArgumentParser) -> None:
    """Options for running many clusters: workers, engine, cache, progress."""
    run.add_argument(
        "--jobs", type=positive_int, default=1, metavar="N",
        help="worker processes (1: check in this process)",
    )  # fmt: skip
    run.add_argument("--engine", choices=ENGINES, default="local", help="where workers run (local)")
    run.add_argument(
        "--scheduler", metavar="ADDRESS", help="a running Dask scheduler (with --engine dask)"
    )
    run.add_argument(
        "--cache", metavar="DIR", help="cache of cluster outputs (<out>/.factcheck-cache)"
    )
    run.add_argument("--no-cache", action="store_true", help="check every cluster again")
    run.add_argument(
        "--progress", choices=PROGRESS_MODES, default="auto",
        help="progress on stderr: a bar on a terminal, lines otherwise (auto)",
    )  # fmt: skip


def positive_int(value: str) -> int:
    """An argparse type for a whole number of at least 1."""
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {number}")
    return number


def run_check(args: argparse.Namespace) -> int:
    if args.scheduler is not None and args.engine != "dask":
        raise UsageError("--scheduler needs --engine dask")
    rules = load_rules(args.rules)
    inputs = args.inputs or default_inputs()
    out = Path(args.out)
    cache = None if args.no_cache else _open_cache(args.cache, out, rules)
    stats = BatchStats()
    progress = Progress(args.progress, None if args.progress == "none" else count_clusters(inputs))
    state = _RunState()
    try:
        with interruptible():
            run = _check_and_write(args, inputs, rules, out, cache, stats, progress, state)
    except Interrupted as stop:
        _print_interruption(stop, out, cache, stats, state.written)
        return stop.exit_code
    if cache is not None:
        cache.prune()
        _print_cache(cache, stats)
    _print_summary(run.summary, out, args.format)
    if state.problems:
        return EXIT_ERROR
    return EXIT_FINDINGS if _fails(run.summary, args.fail_on) else EXIT_OK


@dataclass
class _RunState:
    problems: list[InputProblem] = field(default_factory=list)
    written: bool = False  #: the reports are in place


def _check_and_write(
    args: argparse.Namespace,
    inputs: list[str],
    rules: RuleSet,
    out: Path,
    cache: ClusterCache | None,
    stats: BatchStats,
    progress: Progress,
    state: _RunState,
) -> RunRecords:
    """Check every cluster, staging the outputs as they come, then write the reports."""
    try:
        with (
            open_engine(args.engine, args.jobs, WorkerRules.of(rules), args.scheduler) as engine,
            staged_run(out) as writer,
        ):
            try:
                items = read_inputs(inputs, args.encoding)
                for item in run_batch(items, engine, cache, progress, stats):
                    if isinstance(item, InputProblem):
                        progress.interject(f"factcheck: error: {item}")
                        state.problems.append(item)
                    else:
                        writer.add(item)
            finally:
                progress.close()
            with deferred():  # a signal now waits: the reports are all old or all new
                run = writer.finish(state.problems, rules.rules, args.fail_on)
                write_reports(run, out, args.format)
                state.written = True
            return run
    except OSError as exc:
        raise UsageError(f"{out}: cannot write: {exc.strerror or exc}") from None


def _open_cache(directory: str | None, out: Path, rules: RuleSet) -> ClusterCache:
    root = Path(directory) if directory is not None else out / DEFAULT_CACHE
    return ClusterCache(root, rules_fingerprint(rules))


def _print_cache(cache: ClusterCache, stats: BatchStats) -> None:
    """How many clusters were checked and how many came from the cache (when it matters)."""
    if stats.computed + stats.cached <= 1 and not stats.cached:
        return
    unreadable = f"; {cache.corrupt} unreadable cache entries replaced" if cache.corrupt else ""
    print(
        f"factcheck: {stats.computed} clusters checked, {stats.cached} taken from the cache "
        f"({cache.root}){unreadable}",
        file=sys.stderr,
    )


def _print_interruption(
    stop: Interrupted, out: Path, cache: ClusterCache | None, stats: BatchStats, written: bool
) -> None:
    if written:
        where = f"the reports in {out} were written before it stopped"
    else:
        where = f"no report written; {out} holds the previous run's reports"
    kept = (
        f"; clusters checked so far are in the cache ({cache.root}): run again to resume"
        if cache is not None
        else ""
    )
    print(f"factcheck: interrupted by {stop.name}: {where}{kept}", file=sys.stderr)


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
