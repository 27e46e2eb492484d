"""The robustness suite: every test names the input class it tries (see README.md here)."""

from __future__ import annotations

import pytest


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "input_class(name): the row of tests/robustness/README.md this test tries",
    )
