"""The table of input classes in README.md here is the suite's index: each row is tried."""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest

HERE = Path(__file__).resolve().parent
ROW = re.compile(r"^\|\s*`([a-z0-9-]+)`\s*\|", re.MULTILINE)


def table_classes() -> list[str]:
    return ROW.findall((HERE / "README.md").read_text(encoding="utf-8"))


def _classes_of(marks: Iterable[Any]) -> Iterator[str]:
    for mark in marks:
        if mark.name == "input_class":
            yield mark.args[0]
        elif mark.name == "parametrize":
            for value in mark.args[1]:
                if isinstance(value, type(pytest.param(None))):
                    yield from _classes_of(value.marks)


def marked_classes() -> set[str]:
    """The classes every test of the suite is marked with (parametrised cases included)."""
    found: set[str] = set()
    for path in HERE.glob("test_*.py"):
        module = importlib.import_module(f"tests.robustness.{path.stem}")
        marks = getattr(module, "pytestmark", [])
        found.update(_classes_of(marks if isinstance(marks, list) else [marks]))
        for name, test in vars(module).items():
            if name.startswith("test_") and callable(test):
                found.update(_classes_of(getattr(test, "pytestmark", [])))
    return found


def test_every_row_of_the_table_has_a_test_and_every_test_a_row() -> None:
    rows = table_classes()
    assert len(rows) == len(set(rows)), "a class is listed twice"
    tested = marked_classes()
    assert sorted(set(rows) - tested) == [], "rows without a test"
    assert sorted(tested - set(rows)) == [], "tests without a row"


def test_the_table_is_not_empty() -> None:
    assert len(table_classes()) >= 100
