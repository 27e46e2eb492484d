"""Quantity extraction against the hand-checked gold file of the five seeds."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from tests.gold import load_gold, score

GOLD_FILE = Path(__file__).resolve().parent.parent / "gold" / "quantities.csv"
FLOOR = 0.95


def _gold() -> pd.DataFrame:
    return load_gold(GOLD_FILE)


def test_gold_file_offsets_match_the_seed_texts(seed_cluster):
    for row in _gold().itertuples(index=False):
        text = seed_cluster.source(row.source_id).text
        assert text[row.start : row.end] == row.text


def test_quantity_precision_and_recall_on_seeds(seed_claims):
    predicted = seed_claims[seed_claims["kind"] == "quantity"]
    scores = score(_gold(), predicted, ["value", "approx", "unit"])
    print("\n" + scores.line("quantities value+approx+unit (seeds)"))
    assert scores.precision >= FLOOR
    assert scores.recall >= FLOOR


def test_every_claim_span_is_its_text(seed_cluster, seed_claims):
    for row in seed_claims.itertuples(index=False):
        assert seed_cluster.source(row.source_id).text[row.start : row.end] == row.text


def test_no_quantity_from_captions_bylines_or_boilerplate(seed_claims):
    quantities = seed_claims[seed_claims["kind"] == "quantity"]
    assert set(quantities["zone"]) <= {"body", "title"}
    assert not quantities["text"].str.contains("2019|2020|REUTERS|2nd|82nd").any()
