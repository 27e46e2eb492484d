"""What the commands share: exit codes, the default input, the input options, reading inputs."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterable, Sequence

from factcheck.bundled import bundled_dir
from factcheck.corpus import Cluster, read_inputs
from factcheck.decoding import DecodeFailure, check_encoding
from factcheck.errors import InputProblem, UsageError
from factcheck.input_limits import (
    DEFAULT_MAX_SOURCE_BYTES,
    DEFAULT_MAX_SOURCES,
    InputLimits,
    format_size,
    parse_size,
)

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
EXIT_CONTRACTS = 3  #: ``run --validate``: a table contract failed


def default_inputs() -> list[str]:
    """``seeds/`` in the working directory, else the seeds beside the package."""
    seeds = bundled_dir("seeds")
    if seeds is None:
        raise UsageError("no INPUT given and no seeds/ directory found")
    return [str(seeds)]


def report_problem(problem: InputProblem | str) -> None:
    """One line on standard error."""
    print(f"factcheck: error: {problem}", file=sys.stderr)


def add_input_options(command: argparse.ArgumentParser) -> None:
    """``--encoding`` and ``--max-source-size``, checked as the command line is parsed."""
    command.add_argument(
        "--encoding", metavar="NAME", type=encoding_name,
        help="encoding of the text files that are not UTF-8 and have no byte-order mark "
        "(e.g. cp1252, latin-1, utf-16-le)",
    )  # fmt: skip
    command.add_argument(
        "--max-source-size", metavar="SIZE", type=source_size, default=DEFAULT_MAX_SOURCE_BYTES,
        help=f"largest source read, e.g. 500k, 5MB ({format_size(DEFAULT_MAX_SOURCE_BYTES)})",
    )  # fmt: skip
    command.add_argument(
        "--max-sources-per-cluster", metavar="N", type=positive_int, default=DEFAULT_MAX_SOURCES,
        help=f"largest cluster checked, in sources ({DEFAULT_MAX_SOURCES})",
    )  # fmt: skip


def input_limits(args: argparse.Namespace) -> InputLimits:
    """The limits the input options set."""
    return InputLimits(args.max_source_size, args.max_sources_per_cluster)


def encoding_name(value: str) -> str:
    """An argparse type for a text encoding known to Python."""
    try:
        return check_encoding(value)
    except DecodeFailure as exc:
        raise argparse.ArgumentTypeError(
            f"{exc} (e.g. utf-8, cp1252, latin-1, utf-16-le)"
        ) from None


def positive_int(value: str) -> int:
    """An argparse type for a whole number of at least 1."""
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {number}")
    return number


def source_size(value: str) -> int:
    """An argparse type for a size with an optional unit (k, M, G; powers of 1024)."""
    try:
        return parse_size(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def read_clusters(
    inputs: Sequence[str], encoding: str | None, limits: InputLimits | None = None
) -> tuple[list[Cluster], list[InputProblem]]:
    """Every readable cluster, and the problems (each already reported on stderr)."""
    clusters: list[Cluster] = []
    problems: list[InputProblem] = []
    for item in read_inputs(inputs, encoding, limits):
        if isinstance(item, InputProblem):
            problems.append(item)
            report_problem(item)
        else:
            clusters.append(item)
    return clusters, problems


def comma_list(what: str, known: Iterable[str]) -> Callable[[str], list[str]]:
    """An argparse type for ``a,b,c`` whose items must be among ``known``."""
    allowed = list(known)

    def parse(value: str) -> list[str]:
        names = [n.strip() for n in value.split(",") if n.strip()]
        unknown = [n for n in names if n not in allowed]
        if unknown or not names:
            named = ", ".join(unknown) or repr(value)
            raise argparse.ArgumentTypeError(f"unknown {what} {named}; known: {', '.join(allowed)}")
        return names

    return parse
