"""The claim table: one row per claim, the contract every later stage reads.

Required columns for every kind come first; kind-specific columns are null where they do not
apply. ``zone`` (which part of the article the claim stands in) extends the contract.
Offsets are Python string indices into the source text: ``text[start:end]`` is ``text``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields
from typing import Any

import pandas as pd

KINDS = ("quantity", "entity", "date", "quote")
APPROX_CODES = ("=", "~", ">", ">=", "<", "<=")

#: Column name -> pandas dtype, in table order.
COLUMNS: dict[str, str] = {
    "claim_id": "string",
    "cluster_id": "string",
    "source_id": "string",
    "kind": "string",
    "start": "Int64",
    "end": "Int64",
    "text": "string",
    "sentence": "string",
    "zone": "string",
    # quantity
    "value": "Float64",
    "low": "Float64",
    "high": "Float64",
    "approx": "string",
    "hedge": "string",
    "unit": "string",
    "subject": "string",
    "predicate": "string",
    # entity
    "entity_type": "string",
    "canonical": "string",
    "role": "string",
    # date
    "date_value": "string",
    "weekday": "string",
    "event": "string",
    # quote
    "speaker": "string",
    "quote": "string",
}
REQUIRED = ("claim_id", "cluster_id", "source_id", "kind", "start", "end", "text", "sentence")


@dataclass(frozen=True)
class Claim:
    """One claim with its provenance; the fields beyond ``zone`` depend on ``kind``."""

    cluster_id: str
    source_id: str
    kind: str
    start: int
    end: int
    text: str
    sentence: str
    zone: str = "body"
    value: float | None = None
    low: float | None = None
    high: float | None = None
    approx: str | None = None
    hedge: str | None = None
    unit: str | None = None
    subject: str | None = None
    predicate: str | None = None
    entity_type: str | None = None
    canonical: str | None = None
    role: str | None = None
    date_value: str | None = None
    weekday: str | None = None
    event: str | None = None
    speaker: str | None = None
    quote: str | None = None

    @property
    def claim_id(self) -> str:
        return claim_id(self.cluster_id, self.source_id, self.kind, self.start, self.end)

    def record(self) -> dict[str, Any]:
        """The claim as a flat dict keyed by claim-table column (values are immutable)."""
        return {"claim_id": self.claim_id, **{name: getattr(self, name) for name in _FIELDS}}


_FIELDS = tuple(f.name for f in fields(Claim))


def claim_id(cluster_id: str, source_id: str, kind: str, start: int, end: int) -> str:
    """A stable id: the same cluster, source, kind and span give the same id on every run."""
    key = "\x1f".join((cluster_id, source_id, kind, str(start), str(end)))
    return kind[0] + hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:15]


def claims_frame(claims: Iterable[Claim | Mapping[str, Any]]) -> pd.DataFrame:
    """Build the claim table, with every contract column in order and typed."""
    items = list(claims)
    if all(isinstance(c, Claim) for c in items):  # the pipeline's case: read the fields
        values = {"claim_id": [c.claim_id for c in items]}  # type: ignore[union-attr]
        values |= {name: [getattr(c, name) for c in items] for name in _FIELDS}
    else:
        records = [c.record() if isinstance(c, Claim) else c for c in items]
        values = {column: [r.get(column) for r in records] for column in COLUMNS}
    dtypes: dict[str, Any] = COLUMNS  # pandas-stubs cannot type extension dtype names
    return pd.DataFrame(
        {column: pd.array(values[column], dtype=dtype) for column, dtype in dtypes.items()}
    )


def empty_claims() -> pd.DataFrame:
    """An empty claim table with the contract's columns and dtypes."""
    return claims_frame([])


def check_claims(frame: pd.DataFrame, texts: Mapping[tuple[str, str], str]) -> list[str]:
    """Return what is wrong with a claim table (empty when it keeps the contract).

    ``texts`` maps ``(cluster_id, source_id)`` to the source text, to check offsets.
    """
    problems = [f"missing column {c!r}" for c in COLUMNS if c not in frame.columns]
    if problems:
        return problems
    for column in REQUIRED:
        if frame[column].isna().any():
            problems.append(f"null values in required column {column!r}")
    if frame["claim_id"].duplicated().any():
        problems.append("duplicate claim_id values")
    bad_kind = set(frame["kind"].dropna()) - set(KINDS)
    if bad_kind:
        problems.append(f"unknown kinds {sorted(bad_kind)}")
    bad_approx = set(frame["approx"].dropna()) - set(APPROX_CODES)
    if bad_approx:
        problems.append(f"unknown approx codes {sorted(bad_approx)}")
    for row in frame.itertuples(index=False):
        source_text = texts.get((str(row.cluster_id), str(row.source_id)))
        problem = _offset_problem(row.start, row.end, row.text, source_text)
        if problem:
            problems.append(f"claim {row.claim_id}: {problem}")
    return problems


def _offset_problem(start: Any, end: Any, claim_text: Any, text: str | None) -> str | None:
    """What is wrong with one claim's span, or ``None``; nulls are reported, never sliced."""
    if text is None:
        return "no source text for its cluster_id and source_id"
    if pd.isna(start) or pd.isna(end) or pd.isna(claim_text):
        return "null start, end or text"
    if not 0 <= start <= end <= len(text):
        return f"span [{start}:{end}] is outside the source text (length {len(text)})"
    if text[start:end] != claim_text:
        return "text[start:end] is not the claim text"
    return None
