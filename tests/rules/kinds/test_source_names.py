"""Short source names in messages."""

from __future__ import annotations

import pytest

from factcheck.rules.kinds.source_names import short_names


@pytest.mark.parametrize(
    ("ids", "expected"),
    [
        (["000_edd6", "001_afea"], {"000_edd6": "000", "001_afea": "001"}),
        (["a", "b"], {"a": "a", "b": "b"}),
        (["reuters_1", "reuters_2"], {"reuters_1": "reuters_1", "reuters_2": "reuters_2"}),
        (["_x", "001_afea"], {"_x": "_x", "001_afea": "001"}),
        ([], {}),
    ],
)
def test_short_names(ids: list[str], expected: dict[str, str]) -> None:
    assert short_names(ids) == expected
