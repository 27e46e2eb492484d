"""Scoring extracted claims against a hand-checked gold file.

A gold row and an extracted claim are paired when they come from the same source and their
spans overlap (each used at most once, nearest start first). A pair is a match when the
``fields`` are equal (values to 1e-6, empty equals empty) and the ``grouped`` fields agree as
groupings: each gold value (a canonical name, a speaker) is mapped one to one to the
predicted value most of its pairs carry, so the representative string chosen for an entity
does not matter, only which mentions are grouped together.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

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


def load_gold(path: Path) -> pd.DataFrame:
    """A gold CSV: text columns as strings (empty cells None), offsets int, ``value`` float."""
    frame = pd.read_csv(path, dtype=str, keep_default_na=False).replace({"": None})
    numeric = {"start": int, "end": int} | ({"value": float} if "value" in frame else {})
    return frame.astype(numeric)


def _empty(value: object) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and value != value)


def _equal(a: object, b: object) -> bool:
    if _empty(a) or _empty(b):
        return _empty(a) and _empty(b)
    if isinstance(a, float | int) and isinstance(b, float | int):
        return abs(float(a) - float(b)) < 1e-6
    return str(a) == str(b)


def _pairs(gold: pd.DataFrame, predicted: pd.DataFrame) -> list[tuple[dict, dict]]:
    used: set[int] = set()
    pairs = []
    by_source = {s: g.to_dict("index") for s, g in predicted.groupby("source_id")}
    for row in gold.to_dict("records"):
        candidates = by_source.get(row["source_id"], {})
        overlapping = [
            (abs(c["start"] - row["start"]), i)
            for i, c in candidates.items()
            if i not in used and c["end"] > row["start"] and c["start"] < row["end"]
        ]
        if overlapping:
            _, index = min(overlapping)
            used.add(index)
            pairs.append((row, candidates[index]))
    return pairs


def _group_mapping(pairs: list[tuple[dict, dict]], field: str) -> dict[str, object]:
    counts = Counter((str(g[field]), str(p[field])) for g, p in pairs if not _empty(g[field]))
    mapping: dict[str, object] = {}
    taken: set[str] = set()
    for (gold_value, predicted_value), _ in counts.most_common():
        if gold_value not in mapping and predicted_value not in taken:
            mapping[gold_value] = predicted_value
            taken.add(predicted_value)
    return mapping


def score(
    gold: pd.DataFrame,
    predicted: pd.DataFrame,
    fields: Sequence[str] = (),
    grouped: Sequence[str] = (),
) -> Scores:
    """Precision and recall of ``predicted`` claims against ``gold`` rows."""
    pairs = _pairs(gold, predicted)
    mappings = {field: _group_mapping(pairs, field) for field in grouped}
    matched = exact = 0
    for g, p in pairs:
        if not all(_equal(g[f], p[f]) for f in fields):
            continue
        if not all(
            (_empty(g[f]) and _empty(p[f])) or _equal(mappings[f].get(str(g[f])), p[f])
            for f in grouped
        ):
            continue
        matched += 1
        exact += g["start"] == p["start"] and g["end"] == p["end"]
    return Scores(len(gold), len(predicted), matched, exact)
