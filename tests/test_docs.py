"""The README documents every command, option and output format (datasette's habit)."""

from __future__ import annotations

import argparse

import pytest

from factcheck.cli import build_parser
from factcheck.report import FORMATS as REPORT_FORMATS
from factcheck.tables import FORMATS as TABLE_FORMATS
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _commands(parser: argparse.ArgumentParser, prefix: str = "factcheck"):
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield f"{prefix} {name}", sub
                yield from _commands(sub, f"{prefix} {name}")


COMMANDS = list(_commands(build_parser()))
OPTIONS = sorted(
    {
        (command, option)
        for command, sub in COMMANDS
        for action in sub._actions
        for option in action.option_strings
        if option.startswith("--") and option != "--help"
    }
)


@pytest.mark.parametrize("command", [c for c, _ in COMMANDS])
def test_every_command_is_documented(command: str) -> None:
    assert command in README


@pytest.mark.parametrize(("command", "option"), OPTIONS)
def test_every_option_is_documented(command: str, option: str) -> None:
    assert f"`{option}" in README, f"{command} {option} is not in README.md"


@pytest.mark.parametrize("fmt", [*TABLE_FORMATS, *REPORT_FORMATS])
def test_every_output_format_is_documented(fmt: str) -> None:
    assert f"`{fmt}`" in README
