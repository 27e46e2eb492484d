"""Each expectation of the table contracts passes on the seeds and fails on its corruption.

A great_expectations expectation that cannot fail on pandas (some are SQL or Spark only)
would be a check that checks nothing: every expectation the suites use is listed here with a
corruption made for it, and the test fails if one is added without such a case.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

import pandas as pd
import pytest

from factcheck.batch import check_one
from factcheck.contracts.validate import Validation, validate_tables
from factcheck.report.run import ClusterOutput, ClusterReport
from factcheck.rules.loader import load_rules

Tables = tuple[pd.DataFrame, list[ClusterReport]]
Corruption = Callable[[pd.DataFrame, list[ClusterReport]], None]


@pytest.fixture(scope="module")
def seed_tables(seed_cluster) -> Tables:
    rules = load_rules()
    output = check_one(seed_cluster, rules.rules, rules.synonyms)
    assert isinstance(output, ClusterOutput)
    return output.claims, [ClusterReport(output.record, output.texts)]


@pytest.fixture(scope="module")
def codes() -> list[str]:
    return [r.code for r in load_rules().rules]


def _validate(tables: Tables, codes: list[str]) -> Validation:
    return validate_tables(tables[0], tables[1], codes)


def _row(claims: pd.DataFrame, kind: str, column: str | None = None) -> Any:
    rows = claims.index[claims["kind"] == kind]
    if column is not None:
        rows = [r for r in rows if not pd.isna(claims.at[r, column])]
    return rows[0]


def _finding(clusters: list[ClusterReport]) -> dict[str, Any]:
    return clusters[0].record["findings"][0]


def _set(column: str, kind: str, value: Any, where: str | None = None) -> Corruption:
    def corrupt(claims: pd.DataFrame, clusters: list[ClusterReport]) -> None:
        claims.at[_row(claims, kind, where or column), column] = value

    return corrupt


def _retype(column: str, dtype: str) -> Corruption:
    def corrupt(claims: pd.DataFrame, clusters: list[ClusterReport]) -> None:
        claims[column] = claims[column].astype(dtype)

    return corrupt


def _quantity_bound(column: str, shift: float) -> Corruption:
    def corrupt(claims: pd.DataFrame, clusters: list[ClusterReport]) -> None:
        row = _row(claims, "quantity", "value")
        claims.at[row, column] = claims.at[row, "value"] + shift

    return corrupt


def _claims_do(action: Callable[[pd.DataFrame], None]) -> Corruption:
    return lambda claims, clusters: action(claims)


def _finding_set(key: str, value: Any) -> Corruption:
    return lambda claims, clusters: _finding(clusters).__setitem__(key, value)


def _evidence_set(key: str, value: Any) -> Corruption:
    return lambda claims, clusters: _finding(clusters)["evidence"][0].__setitem__(key, value)


def _duplicate_claim_id(claims: pd.DataFrame) -> None:
    claims.at[claims.index[1], "claim_id"] = claims.at[claims.index[0], "claim_id"]


def _swap_columns(claims: pd.DataFrame) -> None:
    names = list(claims.columns)
    names[1], names[2] = names[2], names[1]
    claims.columns = pd.Index(names)


def _end_at_start(claims: pd.DataFrame) -> None:
    claims.at[claims.index[0], "end"] = claims.at[claims.index[0], "start"]


def _end_past_text(claims: pd.DataFrame) -> None:
    claims.at[claims.index[0], "end"] = 10**7


def _retype_object(column: str) -> Corruption:
    def corrupt(claims: pd.DataFrame, clusters: list[ClusterReport]) -> None:
        claims[column] = pd.Series([7] * len(claims), dtype="int64", index=claims.index)

    return corrupt


def _duplicate_finding(claims: pd.DataFrame, clusters: list[ClusterReport]) -> None:
    findings = clusters[0].record["findings"]
    findings[1]["id"] = findings[0]["id"]


STRING_COLUMNS = (
    "claim_id", "cluster_id", "source_id", "kind", "text", "sentence", "zone", "approx", "hedge",
    "unit", "subject", "predicate", "entity_type", "canonical", "role", "date_value", "weekday",
    "event", "speaker", "quote",
)  # fmt: skip

CASES: dict[tuple[str, str, str], Corruption] = {
    ("claims", "expect_table_columns_to_match_ordered_list", "table"): _claims_do(_swap_columns),
    **{
        ("claims", "expect_column_values_to_be_of_type", c): _retype_object(c)
        for c in STRING_COLUMNS
    },
    ("claims", "expect_column_values_to_be_of_type", "start"): _retype("start", "float64"),
    ("claims", "expect_column_values_to_be_of_type", "end"): _retype("end", "float64"),
    **{
        ("claims", "expect_column_values_to_be_of_type", c): _retype(c, "string")
        for c in ("value", "low", "high")
    },
    **{
        ("claims", "expect_column_values_to_not_be_null", c): _set(c, "entity", pd.NA, "text")
        for c in ("claim_id", "cluster_id", "source_id", "kind", "start", "end", "text", "sentence")
    },
    ("claims", "expect_column_values_to_be_unique", "claim_id"): _claims_do(_duplicate_claim_id),
    ("claims", "expect_column_values_to_be_in_set", "kind"): _set("kind", "entity", "person"),
    ("claims", "expect_column_values_to_be_in_set", "approx"): _set("approx", "quantity", "about"),
    ("claims", "expect_column_values_to_be_in_set", "entity_type"): _set(
        "entity_type", "entity", "thing"
    ),
    ("claims", "expect_column_values_to_be_in_set", "weekday"): _set("weekday", "date", "Tuesdy"),
    ("claims", "expect_column_values_to_match_regex", "date_value"): _set(
        "date_value", "date", "Jan 2"
    ),
    ("claims", "expect_column_pair_values_a_to_be_greater_than_b", "value,low"): _quantity_bound(
        "low", 1.0
    ),
    ("claims", "expect_column_pair_values_a_to_be_greater_than_b", "high,value"): _quantity_bound(
        "high", -1.0
    ),
    ("claims", "expect_column_values_to_be_between", "start"): _set("start", "entity", -1),
    ("claims", "expect_column_pair_values_a_to_be_greater_than_b", "end,start"): _claims_do(
        _end_at_start
    ),
    ("claims", "expect_column_pair_values_a_to_be_greater_than_b", "source_chars,end"): _claims_do(
        _end_past_text
    ),
    ("claims", "expect_column_values_to_be_in_set", "surface_matches"): _set(
        "text", "quote", "words never said"
    ),
    ("findings", "expect_column_values_to_not_be_null", "id"): _finding_set("id", None),
    ("findings", "expect_column_values_to_be_unique", "id"): _duplicate_finding,
    ("findings", "expect_column_values_to_be_in_set", "rule"): _finding_set("rule", "FC999"),
    ("findings", "expect_column_values_to_be_in_set", "severity"): _finding_set(
        "severity", "fatal"
    ),
    ("findings", "expect_column_values_to_be_in_set", "status"): _finding_set("status", "agree"),
    ("findings", "expect_column_values_to_be_in_set", "kind"): _finding_set("kind", "number"),
    ("findings", "expect_column_values_to_be_between", "n_evidence"): _finding_set("evidence", []),
    ("findings", "expect_column_values_to_be_in_set", "fact_known"): _finding_set("fact_id", "f0"),
    ("evidence", "expect_column_values_to_not_be_null", "claim_id"): _evidence_set(
        "claim_id", None
    ),
    ("evidence", "expect_column_values_to_be_in_set", "claim_known"): _evidence_set(
        "claim_id", "q000000000000000"
    ),
    ("evidence", "expect_column_values_to_be_between", "start"): _evidence_set("start", -3),
    ("evidence", "expect_column_values_to_be_in_set", "surface_matches"): _evidence_set(
        "text", "not what it says"
    ),
}


def test_the_seeds_meet_every_expectation(seed_tables, codes):
    validation = _validate(seed_tables, codes)
    assert validation.success, validation.line()
    assert validation.record()["failed"] == 0


def test_every_expectation_in_use_has_a_corruption_case(seed_tables, codes):
    used = {(o.suite, o.expectation, o.columns) for o in _validate(seed_tables, codes).outcomes}
    assert used == set(CASES)


@pytest.mark.parametrize("key", list(CASES), ids=["/".join(k) for k in CASES])
def test_each_expectation_fails_on_its_corruption(seed_tables, codes, key):
    claims = seed_tables[0].copy()
    clusters = copy.deepcopy(seed_tables[1])
    CASES[key](claims, clusters)
    validation = _validate((claims, clusters), codes)
    failed = {(o.suite, o.expectation, o.columns) for o in validation.failed}
    assert key in failed, f"{key} did not fail; failed: {sorted(failed)}"
    assert not validation.success
