"""What the claim table, the findings table and the findings' evidence must satisfy.

Each suite is a list of great_expectations 1.x expectations, all of which work on pandas
(the tests make each one fail on a table corrupted for it). They read the frames built by
:mod:`factcheck.contracts.frames`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import great_expectations as gx

from factcheck.claims import APPROX_CODES, COLUMNS, KINDS, REQUIRED
from factcheck.facts import SEVERITIES
from factcheck.rules.engine import FINDING_STATUSES

E: Any = gx.expectations  # the expectation classes (not re-exported for type checkers)
ENTITY_TYPES = ("person", "organisation", "place", "other")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
ISO_DATE = r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$"  #: a year, a month or a day

_TYPES = {"string": "str", "Int64": "int64", "Float64": "float64"}


def claim_suite() -> list[Any]:
    """The claim table: columns and types, allowed values, intervals, offsets, unique ids."""
    return [
        E.ExpectTableColumnsToMatchOrderedList(
            column_list=[*COLUMNS, "source_chars", "surface_matches"]
        ),
        *(E.ExpectColumnValuesToBeOfType(column=c, type_=_TYPES[t]) for c, t in COLUMNS.items()),
        *(E.ExpectColumnValuesToNotBeNull(column=c) for c in REQUIRED),
        E.ExpectColumnValuesToBeUnique(column="claim_id"),
        E.ExpectColumnValuesToBeInSet(column="kind", value_set=list(KINDS)),
        E.ExpectColumnValuesToBeInSet(column="approx", value_set=list(APPROX_CODES)),
        E.ExpectColumnValuesToBeInSet(column="entity_type", value_set=list(ENTITY_TYPES)),
        E.ExpectColumnValuesToBeInSet(column="weekday", value_set=list(WEEKDAYS)),
        E.ExpectColumnValuesToMatchRegex(column="date_value", regex=ISO_DATE),
        _at_least("value", "low"),
        _at_least("high", "value"),
        E.ExpectColumnValuesToBeBetween(column="start", min_value=0),
        E.ExpectColumnPairValuesAToBeGreaterThanB(column_A="end", column_B="start"),
        E.ExpectColumnPairValuesAToBeGreaterThanB(
            column_A="source_chars", column_B="end", or_equal=True
        ),
        E.ExpectColumnValuesToBeInSet(column="surface_matches", value_set=[True]),
    ]


def finding_suite(rule_codes: Iterable[str]) -> list[Any]:
    """The findings table: unique ids, known rules, severities and verdicts, facts that exist."""
    return [
        E.ExpectColumnValuesToNotBeNull(column="id"),
        E.ExpectColumnValuesToBeUnique(column="id"),
        E.ExpectColumnValuesToBeInSet(column="rule", value_set=sorted(rule_codes)),
        E.ExpectColumnValuesToBeInSet(column="severity", value_set=list(SEVERITIES)),
        E.ExpectColumnValuesToBeInSet(column="status", value_set=list(FINDING_STATUSES)),
        E.ExpectColumnValuesToBeInSet(column="kind", value_set=list(KINDS)),
        E.ExpectColumnValuesToBeBetween(column="n_evidence", min_value=1),
        E.ExpectColumnValuesToBeInSet(column="fact_known", value_set=[True]),
    ]


def evidence_suite() -> list[Any]:
    """The findings' evidence: no orphan (every claim exists), offsets on the source text."""
    return [
        E.ExpectColumnValuesToNotBeNull(column="claim_id"),
        E.ExpectColumnValuesToBeInSet(column="claim_known", value_set=[True]),
        E.ExpectColumnValuesToBeBetween(column="start", min_value=0),
        E.ExpectColumnValuesToBeInSet(column="surface_matches", value_set=[True]),
    ]


def _at_least(greater: str, lesser: str) -> Any:
    """``greater >= lesser`` wherever both are present."""
    return E.ExpectColumnPairValuesAToBeGreaterThanB(
        column_A=greater, column_B=lesser, or_equal=True, ignore_row_if="either_value_is_missing"
    )
