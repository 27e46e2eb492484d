"""Scoring extracted claims against a hand-checked gold file.

A gold row and an extracted claim match when they come from the same source, their spans
overlap, and the compared fields are equal (values compared to 1e-6). Each gold row and each
claim is used at most once.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd


@dataclass(frozen=True)
class Scores:
    gold: int
    predicted: int
    matched: int
    exact_spans: int

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    def line(self, label: str) -> str:
        return (
            f"{label}: precision {self.precision:.3f} ({self.matched}/{self.predicted}), "
            f"recall {self.recall:.3f} ({self.matched}/{self.gold}), "
            f"exact spans {self.exact_spans}/{self.matched}"
        )


def _equal(a: object, b: object) -> bool:
    if pd.isna(a) and pd.isna(b):  # type: ignore[arg-type]
        return True
    if isinstance(a, float) or isinstance(b, float):
        try:
            return abs(float(a) - float(b)) < 1e-6  # type: ignore[arg-type]
        except (TypeError, ValueError):
            return False
    return a == b


def score(gold: pd.DataFrame, predicted: pd.DataFrame, fields: Sequence[str]) -> Scores:
    """Match predicted rows to gold rows on source, overlapping span and ``fields``."""
    used: set[int] = set()
    matched = exact = 0
    by_source = {s: g for s, g in predicted.groupby("source_id")}
    for row in gold.itertuples(index=False):
        candidates = by_source.get(row.source_id)
        if candidates is None:
            continue
        for index, claim in candidates.iterrows():
            if index in used or claim["end"] <= row.start or claim["start"] >= row.end:
                continue
            if all(_equal(getattr(row, f), claim[f]) for f in fields):
                used.add(index)
                matched += 1
                exact += claim["start"] == row.start and claim["end"] == row.end
                break
    return Scores(len(gold), len(predicted), matched, exact)
