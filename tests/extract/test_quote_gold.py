"""Quote extraction against the hand-checked gold files: the seeds and WikiNews cluster M001.

Scored on span and speaker (speakers compared as groupings, see ``tests/gold.py``), through
``extract_claims`` so that cluster-level canonical names apply to ``speaker``.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from factcheck.corpus import Cluster, read_inputs
from factcheck.extract import extract_claims
from tests.gold import load_gold, score

GOLD = Path(__file__).resolve().parent.parent / "gold"
WIKINEWS = Path(__file__).resolve().parent.parent / "data" / "wikinews" / "clusters.jsonl"
SEED_FLOOR = 0.9
#: Measured on M001 (precision 1.000, recall 1.000), rounded down: a generalisation check.
WIKINEWS_FLOOR = 1.0


def _gold(name: str) -> pd.DataFrame:
    return load_gold(GOLD / name)


@pytest.fixture(scope="module")
def wikinews_cluster() -> Cluster:
    (cluster,) = [
        c for c in read_inputs([WIKINEWS]) if isinstance(c, Cluster) and c.cluster_id == "M001"
    ]
    return cluster


@pytest.mark.parametrize("name", ["quotes.csv", "quotes_wikinews.csv"])
def test_gold_offsets_match_the_texts(name: str, seed_cluster: Cluster, wikinews_cluster: Cluster):
    cluster = seed_cluster if name == "quotes.csv" else wikinews_cluster
    for row in _gold(name).itertuples(index=False):
        assert cluster.source(row.source_id).text[row.start : row.end] == row.text


def test_quote_precision_and_recall_on_seeds(seed_claims: pd.DataFrame):
    predicted = seed_claims[seed_claims["kind"] == "quote"]
    scores = score(_gold("quotes.csv"), predicted, fields=[], grouped=["speaker"])
    print("\n" + scores.line("quotes span+speaker (seeds)"))
    assert scores.precision >= SEED_FLOOR
    assert scores.recall >= SEED_FLOOR


def test_quote_precision_and_recall_on_wikinews(wikinews_cluster: Cluster):
    claims = extract_claims(wikinews_cluster)
    predicted = claims[claims["kind"] == "quote"]
    scores = score(_gold("quotes_wikinews.csv"), predicted, fields=[], grouped=["speaker"])
    print("\n" + scores.line("quotes span+speaker (WikiNews M001)"))
    assert scores.precision >= WIKINEWS_FLOOR
    assert scores.recall >= WIKINEWS_FLOOR


def test_quote_claims_keep_the_contract(seed_cluster: Cluster, seed_claims: pd.DataFrame):
    quotes = seed_claims[seed_claims["kind"] == "quote"]
    assert set(quotes["zone"]) <= {"body", "title"}
    assert quotes["quote"].notna().all()
    for row in quotes.itertuples(index=False):
        text = seed_cluster.source(row.source_id).text
        assert text[row.start : row.end] == row.text
        assert text[row.start] in "“‘\"'" and text[row.end - 1] in "”’\"'"
        assert row.text.startswith(text[row.start]) and row.sentence in text
