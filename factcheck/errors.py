"""Errors that reach the user as one line naming the file (and line)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from factcheck.controls import visible


@dataclass(frozen=True)
class InputProblem:
    """A problem with one input: the file, the line when known, and what is wrong."""

    path: str
    message: str
    line: int | None = None
    cluster_id: str | None = None

    def __str__(self) -> str:
        """One line for a terminal: control characters in the path or message escaped."""
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        return visible(f"{where}: {self.message}")


class InputError(Exception):
    """Raised for an input that cannot be read; carries an :class:`InputProblem`."""

    def __init__(self, problem: InputProblem) -> None:
        super().__init__(str(problem))
        self.problem = problem


class UsageError(Exception):
    """A wrong option or argument: exit code 2 with a one-line message."""


class ConfigError(UsageError):
    """A rule (configuration) file that cannot be used: exit code 2.

    Carries one :class:`InputProblem` per problem found, each naming the file and line; the
    message is the first of them, so that it stays one line wherever it is printed.
    """

    def __init__(self, problems: Sequence[InputProblem]) -> None:
        self.problems = tuple(problems)
        more = len(self.problems) - 1
        suffix = f" (and {more} more: see factcheck rules validate)" if more else ""
        super().__init__(f"{self.problems[0]}{suffix}")
