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
import time
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from factcheck.batch import BatchStats, Engine, WorkerRules, run_batch
from factcheck.cache import ClusterCache, rules_fingerprint
from factcheck.cli_common import (
    EXIT_CONTRACTS,
    EXIT_ERROR,
    EXIT_FINDINGS,
    EXIT_OK,
    add_input_options,
    comma_list,
    default_inputs,
    input_limits,
    positive_int,
)
from factcheck.controls import visible
from factcheck.corpus import count_clusters, read_inputs
from factcheck.engines import ENGINES, open_engine
from factcheck.errors import InputProblem, UsageError
from factcheck.facts import severities_at_or_above
from factcheck.history.record import record_run
from factcheck.interrupt import Interrupted, deferred, interruptible
from factcheck.progress import MODES as PROGRESS_MODES
from factcheck.progress import Progress
from factcheck.report import (
    FORMATS,
    VALIDATION_FILE,
    Extra,
    publish_rendered,
    render_reports,
    report_files,
)
from factcheck.report.publish import recover
from factcheck.report.run import RunRecords, RunWriter, staged_run
from factcheck.rules.loader import load_rules
from factcheck.rules.model import RuleSet

if TYPE_CHECKING:  # great_expectations (5 s to import) is loaded only by --validate
    from factcheck.contracts.validate import Validation

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
    add_input_options(run)
    add_batch_options(run)
    add_quality_options(run)
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


def add_quality_options(run: argparse.ArgumentParser) -> None:
    """Options for data-quality use: table contracts and the run history."""
    run.add_argument(
        "--validate", action="store_true",
        help="check the claim and findings tables with great_expectations (exit 3 on failure)",
    )  # fmt: skip
    run.add_argument(
        "--history", metavar="DIR", help="append this run's metrics here (<out>/history)"
    )
    run.add_argument("--no-history", action="store_true", help="do not record the run")
    run.add_argument("--label", default="", metavar="TEXT", help="the run's name in the history")


def run_check(args: argparse.Namespace) -> int:
    if args.scheduler is not None and args.engine != "dask":
        raise UsageError("--scheduler needs --engine dask")
    batch = _BatchRun(args, load_rules(args.rules))
    try:
        with interruptible():
            run = batch.check_and_write()
    except Interrupted as stop:
        batch.print_interruption(stop)
        return stop.exit_code
    batch.print_cache_line()
    _print_summary(run.summary, batch.out, batch.written_files)
    if batch.validation is not None:
        print(f"factcheck: {batch.validation.line()}", file=sys.stderr)
    if batch.problems:
        return EXIT_ERROR
    if batch.validation is not None and not batch.validation.success:
        return EXIT_CONTRACTS
    return EXIT_FINDINGS if _fails(run.summary, args.fail_on) else EXIT_OK


class _BatchRun:
    """One ``factcheck run``: its inputs, rules, cache, progress, and what happened so far."""

    def __init__(self, args: argparse.Namespace, rules: RuleSet) -> None:
        self.args = args
        self.rules = rules
        self.inputs = args.inputs or default_inputs()
        self.out = Path(args.out)
        if self.out.exists() and not self.out.is_dir():
            raise UsageError(f"{self.out}: --out must be a directory, and this is a file")
        self.cache = None if args.no_cache else _open_cache(args.cache, self.out, rules)
        total = None if args.progress == "none" else count_clusters(self.inputs)
        self.progress = Progress(args.progress, total)
        self.stats = BatchStats()
        self.problems: list[InputProblem] = []
        self.written = False  #: the reports are in place
        self.written_files = report_files(args.format)
        self.validation: Validation | None = None
        self.started = datetime.now(UTC)
        self.clock = time.perf_counter()

    def check_and_write(self) -> RunRecords:
        """Check every cluster, staging the outputs as they come, then write the reports."""
        args = self.args
        try:
            if recover(self.out):
                print(
                    visible(
                        f"factcheck: note: an earlier run into {self.out} was killed while it "
                        "moved its reports into place; finished that first"
                    ),
                    file=sys.stderr,
                )
            with (
                open_engine(
                    args.engine, args.jobs, WorkerRules.of(self.rules), args.scheduler
                ) as engine,
                staged_run(self.out) as writer,
            ):
                try:
                    self._stage(engine, writer)
                finally:
                    self.progress.close()
                run = writer.finish(self.problems, self.rules.rules, args.fail_on)
                if args.validate:
                    from factcheck.contracts.validate import validate_run

                    self.validation = validate_run(run)
                    run.summary["validation"] = self.validation.summary(VALIDATION_FILE)
                extra: list[Extra] = []
                if self.validation is not None:
                    extra.append((VALIDATION_FILE, partial(_save, self.validation)))
                rendered, names = render_reports(run, args.format, extra)
                with deferred():  # a signal now waits: the reports are all old or all new
                    publish_rendered(rendered, self.out, names)
                    self.written_files = names
                    self.written = True
                if not args.no_history:
                    history = Path(args.history) if args.history else self.out / "history"
                    duration = time.perf_counter() - self.clock
                    record_run(run, history, self.started, duration, args.label, self.validation)
        except OSError as exc:
            raise UsageError(f"{self.out}: cannot write: {exc.strerror or exc}") from None
        if self.cache is not None:
            self.cache.prune()
        return run

    def _stage(self, engine: Engine, writer: RunWriter) -> None:
        items = read_inputs(self.inputs, self.args.encoding, input_limits(self.args))
        for item in run_batch(items, engine, self.cache, self.progress, self.stats):
            if isinstance(item, InputProblem):
                self.progress.interject(f"factcheck: error: {item}")
                self.problems.append(item)
            else:
                writer.add(item)

    def print_cache_line(self) -> None:
        """How many clusters were checked and how many came from the cache (when it matters)."""
        cache, stats = self.cache, self.stats
        if cache is None or (stats.computed + stats.cached <= 1 and not stats.cached):
            return
        spoilt = f"; {cache.corrupt} unreadable cache entries replaced" if cache.corrupt else ""
        print(
            visible(
                f"factcheck: {stats.computed} clusters checked, {stats.cached} taken from the "
                f"cache ({cache.root}){spoilt}"
            ),
            file=sys.stderr,
        )

    def print_interruption(self, stop: Interrupted) -> None:
        if self.written:
            where = f"the reports in {self.out} were written before it stopped"
        else:
            where = f"no report written; {self.out} holds the previous run's reports"
        kept = ""
        if self.cache is not None:
            kept = f"; clusters checked so far are in the cache ({self.cache.root}): run again"
            kept += " to resume"
        print(visible(f"factcheck: interrupted by {stop.name}: {where}{kept}"), file=sys.stderr)


def _open_cache(directory: str | None, out: Path, rules: RuleSet) -> ClusterCache:
    root = Path(directory) if directory is not None else out / DEFAULT_CACHE
    return ClusterCache(root, rules_fingerprint(rules))


def _fails(summary: dict[str, Any], fail_on: str) -> bool:
    """Whether a finding is at least as severe as ``fail_on``."""
    counts = summary["findings_by_severity"]
    return any(counts[s] for s in severities_at_or_above(fail_on))


def _print_summary(summary: dict[str, Any], out: Path, written: list[str]) -> None:
    severities = ", ".join(f"{n} {k}" for k, n in summary["findings_by_severity"].items())
    files = ", ".join(str(out / name) for name in written)
    counts = ", ".join(
        f"{summary[key]} {key if summary[key] != 1 else key[:-1]}"
        for key in ("clusters", "sources", "claims", "facts")
    )
    print(visible(f"factcheck: {counts}; findings: {severities}; wrote {files}"), file=sys.stderr)


def _save(validation: Validation, path: Path) -> None:
    from factcheck.contracts.validate import write_validation

    write_validation(validation, path)
