"""The table of input classes in README.md here is the suite's index: each row is tried."""

from __future__ import annotations

import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROW = re.compile(r"^\|\s*`([a-z0-9-]+)`\s*\|", re.MULTILINE)
MARK = re.compile(r"""input_class\(\s*["']([a-z0-9-]+)["']\s*\)""")


def table_classes() -> list[str]:
    return ROW.findall((HERE / "README.md").read_text(encoding="utf-8"))


def tested_classes() -> set[str]:
    return {m for p in HERE.glob("test_*.py") for m in MARK.findall(p.read_text("utf-8"))}


def test_every_row_of_the_table_has_a_test_and_every_test_a_row() -> None:
    rows = table_classes()
    assert len(rows) == len(set(rows)), "a class is listed twice"
    assert set(rows) == tested_classes()


def test_the_table_is_not_empty() -> None:
    assert len(table_classes()) >= 3
