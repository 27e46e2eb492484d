"""Entities, dates and quotes on held-out gold: four WikiNews M002 documents.

The gold files in tests/gold/heldout/ were written blind to the extractors, after they were
finished, and the extractors were not changed after the first measurement: these are the
generalisation figures. Floors are what was measured then (rounded down), so a regression
fails; an improvement may raise them.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from factcheck.corpus import Cluster, read_inputs
from factcheck.extract import extract_claims
from tests.gold import load_gold, score

HELDOUT = Path(__file__).resolve().parent.parent / "gold" / "heldout"
WIKINEWS = Path(__file__).resolve().parent.parent / "data" / "wikinews" / "clusters.jsonl"
SOURCES = ("M0021", "M0024", "M0025", "M0029")

#: kind -> (gold file, exact fields, grouped fields, precision floor, recall floor)
CASES = {
    "entity": ("entities_M002.csv", [], ["canonical"], 0.88, 0.95),
    "date": ("dates_M002.csv", ["weekday", "date_value"], [], 0.93, 0.62),
    "quote": ("quotes_M002.csv", [], ["speaker"], 0.76, 0.76),
}


@pytest.fixture(scope="module")
def claims() -> pd.DataFrame:
    (m002,) = [
        c for c in read_inputs([WIKINEWS]) if isinstance(c, Cluster) and c.cluster_id == "M002"
    ]
    cluster = Cluster("M002", tuple(s for s in m002.sources if s.source_id in SOURCES), m002.path)
    return extract_claims(cluster)


@pytest.mark.parametrize("kind", list(CASES))
def test_heldout_precision_and_recall(claims: pd.DataFrame, kind: str) -> None:
    name, fields, grouped, precision_floor, recall_floor = CASES[kind]
    gold = load_gold(HELDOUT / name)
    scores = score(gold, claims[claims["kind"] == kind], fields, grouped)
    print("\n" + scores.line(f"{kind} (held-out WikiNews M002)"))
    assert scores.precision >= precision_floor
    assert scores.recall >= recall_floor
