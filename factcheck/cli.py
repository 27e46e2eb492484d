"""The command layer: parse options, call the library, print errors, set the exit code.

Exit codes: 0 success; 1 findings at or above ``--fail-on`` (for commands that check);
2 a usage, configuration or input error, with one line per problem on stderr naming the
file (and line). Readable inputs are still processed when others fail.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

import pandas as pd

from factcheck import __version__
from factcheck.claims import empty_claims
from factcheck.cli_common import (
    EXIT_ERROR,
    EXIT_OK,
    add_input_options,
    comma_list,
    default_inputs,
    input_limits,
    read_clusters,
)
from factcheck.cli_dashboard import add_dashboard_command
from factcheck.cli_gate import add_gate_command
from factcheck.cli_rules import add_rules_command
from factcheck.cli_run import add_run_command
from factcheck.controls import visible
from factcheck.errors import UsageError
from factcheck.extract import EXTRACTORS, extract_claims
from factcheck.tables import FORMATS, write_table


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="factcheck", description="Find where news sources reporting one event disagree."
    )
    parser.add_argument("--version", action="version", version=f"factcheck {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    extract = commands.add_parser("extract", help="write the claim table of the inputs")
    extract.add_argument("inputs", nargs="*", metavar="INPUT", help="directories, .txt or .jsonl")
    extract.add_argument("--format", choices=FORMATS, default="csv", help="table format (csv)")
    extract.add_argument("--output", "-o", metavar="FILE", help="write here instead of stdout")
    add_input_options(extract)
    extract.add_argument(
        "--kinds",
        metavar="KIND,...",
        type=comma_list("claim kind", EXTRACTORS),
        help=f"claim kinds to extract (default: all of {','.join(EXTRACTORS)})",
    )
    extract.set_defaults(handler=run_extract)
    add_run_command(commands)
    add_rules_command(commands)
    add_gate_command(commands)
    add_dashboard_command(commands)
    return parser


def run_extract(args: argparse.Namespace) -> int:
    if args.format not in ("csv", "jsonl") and args.output is None:
        raise UsageError(f"--format {args.format} is binary: give --output FILE")
    clusters, problems = read_clusters(
        args.inputs or default_inputs(), args.encoding, input_limits(args)
    )
    frames = [extract_claims(cluster, args.kinds) for cluster in clusters]
    table = pd.concat(frames, ignore_index=True) if frames else empty_claims()
    if clusters or not problems:
        try:
            write_table(table, args.format, args.output)
        except OSError as exc:
            raise UsageError(f"{args.output}: cannot write: {exc.strerror or exc}") from None
    return EXIT_ERROR if problems else EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.handler(args))
    except UsageError as exc:
        print(f"factcheck: error: {visible(str(exc))}", file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
