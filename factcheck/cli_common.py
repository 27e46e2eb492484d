"""What the commands share: exit codes, the default input, reading inputs with error lines."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterable, Sequence

from factcheck.bundled import bundled_dir
from factcheck.corpus import Cluster, read_inputs
from factcheck.errors import InputProblem, UsageError

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


def read_clusters(
    inputs: Sequence[str], encoding: str | None
) -> tuple[list[Cluster], list[InputProblem]]:
    """Every readable cluster, and the problems (each already reported on stderr)."""
    clusters: list[Cluster] = []
    problems: list[InputProblem] = []
    for item in read_inputs(inputs, encoding):
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
