"""Entity extraction against the hand-checked gold files: the seeds and WikiNews M001.

Scored on mention and canonical grouping (``tests.gold.score``); the type is reported as an
accuracy over the mentions whose spans match. The WikiNews cluster is a generalisation check:
its floors are what the extractor measured when they were set, rounded down.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from factcheck.corpus import Cluster, read_inputs
from factcheck.extract import extract_claims
from tests.gold import Scores, load_gold, score

GOLD = Path(__file__).resolve().parent.parent / "gold"
WIKINEWS = Path(__file__).resolve().parent.parent / "data" / "wikinews" / "clusters.jsonl"
SEED_FLOOR = 0.9
WIKINEWS_PRECISION_FLOOR = 0.98
WIKINEWS_RECALL_FLOOR = 0.98


def _gold(name: str) -> pd.DataFrame:
    return load_gold(GOLD / name)


@pytest.fixture(scope="module")
def wikinews_claims() -> pd.DataFrame:
    (cluster,) = [
        c for c in read_inputs([WIKINEWS]) if isinstance(c, Cluster) and c.cluster_id == "M001"
    ]
    return extract_claims(cluster, ["entity"])


def _report(label: str, gold: pd.DataFrame, claims: pd.DataFrame) -> Scores:
    predicted = claims[claims["kind"] == "entity"]
    scores = score(gold, predicted, fields=[], grouped=["canonical"])
    spans = score(gold, predicted)
    typed = score(gold, predicted, fields=["entity_type"])
    print("\n" + scores.line(f"entities mention+canonical ({label})"))
    print(f"entity_type accuracy on matched spans ({label}): "
          f"{typed.matched / spans.matched:.3f} ({typed.matched}/{spans.matched})")  # fmt: skip
    return scores


def test_seed_gold_offsets(seed_cluster: Cluster) -> None:
    for row in _gold("entities.csv").itertuples(index=False):
        assert seed_cluster.source(str(row.source_id)).text[row.start : row.end] == row.text


def test_entities_on_seeds(seed_claims: pd.DataFrame) -> None:
    scores = _report("seeds", _gold("entities.csv"), seed_claims)
    assert scores.precision >= SEED_FLOOR
    assert scores.recall >= SEED_FLOOR


def test_entities_on_wikinews(wikinews_claims: pd.DataFrame) -> None:
    scores = _report("WikiNews M001", _gold("entities_wikinews.csv"), wikinews_claims)
    assert scores.precision >= WIKINEWS_PRECISION_FLOOR
    assert scores.recall >= WIKINEWS_RECALL_FLOOR


def test_entity_claims_only_from_body_and_title(seed_claims: pd.DataFrame) -> None:
    entities = seed_claims[seed_claims["kind"] == "entity"]
    assert set(entities["zone"]) <= {"body", "title"}
    assert not entities["text"].isin(["Tom Brenner", "Idrees Ali", "Mar-a-Lago", "AFP"]).any()
