"""Alignment reads the claim table as rows a column at a time: the rows must be exactly
those of ``DataFrame.to_dict("records")``, value types included (NA as None)."""

from __future__ import annotations

import math

import pandas as pd

from factcheck.align import _rows


def _same(a: object, b: object) -> bool:
    if isinstance(a, float) and isinstance(b, float) and math.isnan(a):
        return math.isnan(b)
    return type(a) is type(b) and a == b


def test_rows_equal_to_dict_records_on_the_seed_claims(seed_claims: pd.DataFrame):
    expected = seed_claims.to_dict("records")
    rows = _rows(seed_claims)
    assert len(rows) == len(expected) == len(seed_claims)
    assert any(v is None for row in rows for v in row.values())  # missing values are there
    for row, record in zip(rows, expected, strict=True):
        assert list(row) == list(record)
        assert all(_same(row[k], record[k]) for k in row), (row, record)


def test_rows_of_a_table_with_other_dtypes_fall_back_to_to_dict():
    frame = pd.DataFrame({"claim_id": ["a", "b"], "start": [1, 2], "value": [1.5, float("nan")]})
    rows = _rows(frame)
    for row, record in zip(rows, frame.to_dict("records"), strict=True):
        assert all(_same(row[k], record[k]) for k in record)
    assert type(rows[0]["start"]) is int and math.isnan(rows[1]["value"])
