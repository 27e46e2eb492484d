"""Date extraction against the hand-checked gold files: the seeds and WikiNews cluster M001.

Scored on mention + weekday + date_value (both exactly, empty equals only empty). The seeds
are the development set (floor 0.9); WikiNews M001 is the generalisation check, with its
floor at the figure measured when the extractor was written (precision and recall 1.000).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from factcheck.claims import claims_frame
from factcheck.corpus import Cluster, read_inputs
from factcheck.extract import extract_claims
from factcheck.extract.dates import date_claims
from factcheck.text import sentences
from tests.gold import load_gold, score

HERE = Path(__file__).resolve().parent.parent
SEED_GOLD = HERE / "gold" / "dates.csv"
WIKINEWS_GOLD = HERE / "gold" / "dates_wikinews.csv"
WIKINEWS = HERE / "data" / "wikinews" / "clusters.jsonl"
SEED_FLOOR = 0.9
WIKINEWS_FLOOR = 1.0
FIELDS = ["weekday", "date_value"]


def _gold(path: Path) -> pd.DataFrame:
    return load_gold(path)


def _predicted(cluster: Cluster) -> pd.DataFrame:
    return claims_frame(
        claim for source in cluster.sources for claim in date_claims(source, sentences(source.text))
    )


@pytest.fixture(scope="module")
def wikinews_cluster() -> Cluster:
    (cluster,) = [
        c for c in read_inputs([WIKINEWS]) if isinstance(c, Cluster) and c.cluster_id == "M001"
    ]
    return cluster


@pytest.mark.parametrize("gold_file", [SEED_GOLD, WIKINEWS_GOLD])
def test_gold_file_offsets_match_the_texts(
    gold_file: Path, seed_cluster: Cluster, wikinews_cluster: Cluster
) -> None:
    cluster = seed_cluster if gold_file == SEED_GOLD else wikinews_cluster
    for row in _gold(gold_file).itertuples(index=False):
        assert cluster.source(str(row.source_id)).text[row.start : row.end] == row.text


def test_date_precision_and_recall_on_seeds(seed_cluster: Cluster) -> None:
    scores = score(_gold(SEED_GOLD), _predicted(seed_cluster), FIELDS)
    print("\n" + scores.line("dates weekday+date_value (seeds)"))
    assert scores.precision >= SEED_FLOOR
    assert scores.recall >= SEED_FLOOR


def test_date_precision_and_recall_on_wikinews(wikinews_cluster: Cluster) -> None:
    scores = score(_gold(WIKINEWS_GOLD), _predicted(wikinews_cluster), FIELDS)
    print("\n" + scores.line("dates weekday+date_value (WikiNews M001)"))
    assert scores.precision >= WIKINEWS_FLOOR
    assert scores.recall >= WIKINEWS_FLOOR


def test_the_pipeline_carries_the_same_date_claims(seed_cluster: Cluster) -> None:
    table = extract_claims(seed_cluster, ["date"])
    direct = _predicted(seed_cluster)
    assert set(table["kind"]) == {"date"}
    assert sorted(table["claim_id"]) == sorted(direct["claim_id"])


def test_zones_agree_with_the_gold(seed_cluster: Cluster, wikinews_cluster: Cluster) -> None:
    for gold_file, cluster in ((SEED_GOLD, seed_cluster), (WIKINEWS_GOLD, wikinews_cluster)):
        predicted = _predicted(cluster)[["source_id", "start", "end", "zone"]].astype(str)
        gold = _gold(gold_file)[["source_id", "start", "end", "zone"]].astype(str)
        merged = gold.merge(predicted, on=["source_id", "start", "end"], suffixes=("", "_got"))
        assert (merged["zone"] == merged["zone_got"]).all()
        assert "boilerplate" not in set(predicted["zone"])
