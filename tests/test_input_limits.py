"""Sizes with units for --max-source-size, and how they are shown back."""

from __future__ import annotations

import pytest

from factcheck.input_limits import DEFAULT_MAX_SOURCE_BYTES, InputLimits, format_size, parse_size


@pytest.mark.parametrize(
    ("text", "size"),
    [
        ("512", 512),
        ("200k", 200 << 10),
        ("200KB", 200 << 10),
        ("1.5MB", 3 << 19),
        ("2 GiB", 2 << 30),
        ("5m", 5 << 20),
        (" 64kib ", 64 << 10),
    ],
)
def test_parse_size(text: str, size: int) -> None:
    assert parse_size(text) == size


@pytest.mark.parametrize("text", ["", "lots", "5TB", "-1MB", "0", "0.1", "1e6", "MB"])
def test_parse_size_refuses(text: str) -> None:
    with pytest.raises(ValueError, match="size"):
        parse_size(text)


@pytest.mark.parametrize(
    ("size", "shown"),
    [
        (1, "1 byte"),
        (1023, "1023 bytes"),
        (1536, "1.5 kB"),
        (1 << 20, "1 MB"),
        (50 << 20, "50 MB"),
    ],
)
def test_format_size(size: int, shown: str) -> None:
    assert format_size(size) == shown


def test_the_jsonl_line_limit_follows_the_source_limit() -> None:
    assert InputLimits().max_source_bytes == DEFAULT_MAX_SOURCE_BYTES == 1 << 20
    assert InputLimits(1000).max_line_bytes == 64_000
