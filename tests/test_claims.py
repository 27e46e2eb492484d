"""The claim-table contract: columns, dtypes, stable ids, and validation of offsets."""

from __future__ import annotations

from typing import Any

import pandas as pd
import pytest

from factcheck.claims import (
    APPROX_CODES,
    COLUMNS,
    KINDS,
    REQUIRED,
    Claim,
    check_claims,
    claim_id,
    claims_frame,
    empty_claims,
)
from factcheck.corpus import Cluster
from factcheck.extract import extract_claims

TEXT = "The army sent 750 troops to Kuwait. About 100 Marines went too."
TEXTS = {("c", "s"): TEXT}


@pytest.fixture
def seed_texts(seed_cluster: Cluster) -> dict[tuple[str, str], str]:
    return {(seed_cluster.cluster_id, s.source_id): s.text for s in seed_cluster.sources}


def troops_claim(**changes: Any) -> Claim:
    fields: dict[str, Any] = {
        "cluster_id": "c",
        "source_id": "s",
        "kind": "quantity",
        "start": 14,
        "end": 24,
        "text": "750 troops",
        "sentence": "The army sent 750 troops to Kuwait.",
        "value": 750.0,
        "low": 750.0,
        "high": 750.0,
        "approx": "=",
        "unit": "troop",
        "predicate": "send",
    }
    fields.update(changes)
    return Claim(**fields)


def marines_claim() -> Claim:
    return troops_claim(
        start=36,
        end=53,
        text="About 100 Marines",
        sentence="About 100 Marines went too.",
        value=100.0,
        low=90.0,
        high=110.0,
        approx="~",
        hedge="About",
        unit="Marine",
        predicate="go",
    )


def dtypes(frame: pd.DataFrame) -> dict[str, str]:
    return {str(column): str(dtype) for column, dtype in frame.dtypes.items()}


# --- columns and dtypes --------------------------------------------------------------------


def test_contract_constants() -> None:
    assert KINDS == ("quantity", "entity", "date", "quote")
    assert APPROX_CODES == ("=", "~", ">", ">=", "<", "<=")
    assert list(COLUMNS)[: len(REQUIRED)] == list(REQUIRED)
    assert REQUIRED == (
        "claim_id",
        "cluster_id",
        "source_id",
        "kind",
        "start",
        "end",
        "text",
        "sentence",
    )


@pytest.mark.parametrize(
    "claims",
    [
        pytest.param([], id="empty"),
        pytest.param([troops_claim(), marines_claim()], id="claims"),
        pytest.param([troops_claim().record(), marines_claim().record()], id="mappings"),
        pytest.param([{"claim_id": "x", "kind": "quantity", "start": 1}], id="sparse-mapping"),
    ],
)
def test_claims_frame_has_the_contract_columns_and_dtypes_in_order(claims: list[Any]) -> None:
    frame = claims_frame(claims)
    assert list(frame.columns) == list(COLUMNS)
    assert dtypes(frame) == COLUMNS
    assert len(frame) == len(claims)


def test_empty_claims() -> None:
    frame = empty_claims()
    assert list(frame.columns) == list(COLUMNS)
    assert dtypes(frame) == COLUMNS
    assert len(frame) == 0


def test_claims_frame_values() -> None:
    frame = claims_frame([troops_claim(), marines_claim()])

    first = frame.iloc[0]
    assert first["claim_id"] == claim_id("c", "s", "quantity", 14, 24)
    assert (first["start"], first["end"], first["text"]) == (14, 24, "750 troops")
    assert first["zone"] == "body"
    assert first["value"] == 750.0
    assert first["unit"] == "troop"
    assert first["hedge"] is pd.NA
    assert frame["entity_type"].isna().all()
    assert frame["quote"].isna().all()
    assert frame["hedge"].tolist() == [pd.NA, "About"]
    assert frame["low"].tolist() == [750.0, 90.0]


def test_unbounded_high_is_kept_as_infinity() -> None:
    claim = troops_claim(approx=">", low=750.0, high=float("inf"), hedge="more than")
    frame = claims_frame([claim])
    assert frame["high"].iloc[0] == float("inf")


def test_claims_frame_from_mapping_keeps_only_contract_columns() -> None:
    record = {**troops_claim().record(), "debug": "dropped"}
    frame = claims_frame([record])
    assert "debug" not in frame.columns
    assert frame["text"].tolist() == ["750 troops"]


# --- claim ids -----------------------------------------------------------------------------


def test_claim_id_is_stable_across_runs() -> None:
    # a literal: the id must not change between runs, machines or Python versions
    assert claim_id("seeds", "001_afea424f09279a13", "quantity", 2906, 2916) == "q0290efce895645a"


def test_claim_id_shape_and_agreement() -> None:
    claim = troops_claim()
    expected = claim_id("c", "s", "quantity", 14, 24)
    assert claim.claim_id == expected
    assert claim.record()["claim_id"] == expected
    assert len(expected) == 16
    assert expected[0] == "q"
    assert claim_id("c", "s", "entity", 14, 24)[0] == "e"


@pytest.mark.parametrize(
    "other",
    [
        ("c", "s", "quantity", 14, 25),
        ("c", "s", "quantity", 13, 24),
        ("c", "t", "quantity", 14, 24),
        ("d", "s", "quantity", 14, 24),
        ("c", "s", "date", 14, 24),
        ("cs", "", "quantity", 14, 24),  # fields are separated, not concatenated
        ("c", "s", "quantity", 1, 424),
    ],
)
def test_claim_id_differs_when_anything_differs(other: tuple[str, str, str, int, int]) -> None:
    assert claim_id(*other) != claim_id("c", "s", "quantity", 14, 24)


def test_claim_ids_of_the_seeds_are_distinct_and_reproducible(seed_cluster: Cluster) -> None:
    first = extract_claims(seed_cluster)
    second = extract_claims(seed_cluster)
    assert first["claim_id"].is_unique
    assert first["claim_id"].tolist() == second["claim_id"].tolist()
    spans = list(zip(first["source_id"], first["start"], first["end"], first["kind"], strict=True))
    assert len(set(spans)) == len(first)


# --- validation ----------------------------------------------------------------------------


def test_seed_claim_table_keeps_the_contract(
    seed_claims: pd.DataFrame, seed_texts: dict[tuple[str, str], str]
) -> None:
    table = seed_claims
    assert len(table) > 0
    assert dtypes(table) == COLUMNS
    assert check_claims(table, seed_texts) == []


def test_corrupted_seed_offset_is_reported(
    seed_claims: pd.DataFrame, seed_texts: dict[tuple[str, str], str]
) -> None:
    table = seed_claims.copy()
    row = table.index[table["text"] == "750 troops"][0]
    table.loc[row, "start"] += 1

    assert check_claims(table, seed_texts) == [
        f"claim {table.loc[row, 'claim_id']}: text[start:end] is not the claim text"
    ]


def test_valid_synthetic_table() -> None:
    assert check_claims(claims_frame([troops_claim(), marines_claim()]), TEXTS) == []


def _table(**changes: Any) -> pd.DataFrame:
    frame = claims_frame([troops_claim(), marines_claim()])
    for column, value in changes.items():
        frame.loc[0, column] = value
    return frame


ID = claim_id("c", "s", "quantity", 14, 24)


@pytest.mark.parametrize(
    ("frame", "problems"),
    [
        pytest.param(
            _table(end=25), [f"claim {ID}: text[start:end] is not the claim text"], id="end"
        ),
        pytest.param(
            _table(text="751 troops"),
            [f"claim {ID}: text[start:end] is not the claim text"],
            id="text",
        ),
        pytest.param(
            _table(start=pd.NA),
            ["null values in required column 'start'", f"claim {ID}: null start, end or text"],
            id="null-start",
        ),
        pytest.param(
            # negative indices that still slice out "750 troops": offsets are never negative
            _table(start=14 - len(TEXT), end=24 - len(TEXT)),
            [f"claim {ID}: span [-49:-39] is outside the source text (length {len(TEXT)})"],
            id="negative",
        ),
        pytest.param(
            _table(start=20, end=10),
            [f"claim {ID}: span [20:10] is outside the source text (length {len(TEXT)})"],
            id="reversed",
        ),
        pytest.param(
            _table(start=60, end=70),
            [f"claim {ID}: span [60:70] is outside the source text (length {len(TEXT)})"],
            id="beyond-end",
        ),
        pytest.param(
            _table(source_id="other"),
            [f"claim {ID}: no source text for its cluster_id and source_id"],
            id="unknown-source",
        ),
        pytest.param(_table(kind="opinion"), ["unknown kinds ['opinion']"], id="kind"),
        pytest.param(_table(approx="about"), ["unknown approx codes ['about']"], id="approx"),
        pytest.param(
            _table(claim_id=claim_id("c", "s", "quantity", 36, 53)),
            ["duplicate claim_id values"],
            id="duplicate-id",
        ),
        pytest.param(
            _table(sentence=pd.NA),
            ["null values in required column 'sentence'"],
            id="null-sentence",
        ),
        pytest.param(
            _table().drop(columns=["zone", "quote"]),
            ["missing column 'zone'", "missing column 'quote'"],
            id="missing-columns",
        ),
    ],
)
def test_check_claims_reports_what_is_wrong(frame: pd.DataFrame, problems: list[str]) -> None:
    assert check_claims(frame, TEXTS) == problems
