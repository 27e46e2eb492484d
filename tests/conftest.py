"""Shared fixtures: the seed cluster and its claim table, read once per session."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from factcheck.corpus import Cluster, read_inputs
from factcheck.extract import extract_claims

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GOLD = Path(__file__).resolve().parent / "gold"


@pytest.fixture(scope="session")
def seed_cluster() -> Cluster:
    (cluster,) = [c for c in read_inputs([SEEDS]) if isinstance(c, Cluster)]
    return cluster


@pytest.fixture(scope="session")
def seed_claims(seed_cluster: Cluster) -> pd.DataFrame:
    return extract_claims(seed_cluster)
