"""The frames the suites validate: each table plus the derived columns its checks read.

great_expectations checks columns one or two at a time, so what needs the source text or
another table is computed here into a column: ``source_chars`` (the source's length, null for
an unknown source), ``surface_matches`` (``text[start:end]`` equals the claim's ``text``),
``fact_known`` (a finding's fact exists) and ``claim_known`` (an evidence's claim exists).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import pandas as pd

from factcheck.report.run import ClusterReport

FINDING_COLUMNS = ("id", "cluster_id", "fact_id", "rule", "severity", "kind", "status")
EVIDENCE_COLUMNS = ("finding_id", "cluster_id", "claim_id", "source_id", "start", "end", "text")


def _surface(source: str | None, start: Any, end: Any, text: Any) -> bool:
    """Whether ``source[start:end]`` is ``text`` (False when anything is missing)."""
    if source is None or pd.isna(start) or pd.isna(end) or pd.isna(text):
        return False
    return bool(source[int(start) : int(end)] == text)


def _texts(clusters: Iterable[ClusterReport]) -> dict[tuple[str, str], str]:
    return {
        (str(c.record["cluster_id"]), source_id): text
        for c in clusters
        for source_id, text in c.texts.items()
    }


def claims_frame(claims: pd.DataFrame, clusters: Sequence[ClusterReport]) -> pd.DataFrame:
    """The claim table with ``source_chars`` and ``surface_matches``."""
    texts = _texts(clusters)
    keys = list(zip(claims["cluster_id"], claims["source_id"], strict=True))
    frame = claims.copy()
    frame["source_chars"] = pd.Series(
        [len(texts[k]) if k in texts else None for k in keys], dtype="Int64", index=frame.index
    )
    frame["surface_matches"] = pd.Series(
        [
            _surface(texts.get(k), s, e, t)
            for k, s, e, t in zip(keys, claims["start"], claims["end"], claims["text"], strict=True)
        ],
        dtype=bool,
        index=frame.index,
    )
    return frame


def findings_frame(clusters: Sequence[ClusterReport]) -> pd.DataFrame:
    """One row per finding, with ``n_evidence`` and ``fact_known``."""
    rows = []
    for cluster in clusters:
        facts = {f["fact_id"] for f in cluster.record["facts"]}
        for finding in cluster.record["findings"]:
            row = {c: finding.get(c) for c in FINDING_COLUMNS}
            row["cluster_id"] = cluster.record["cluster_id"]
            row["n_evidence"] = len(finding["evidence"])
            row["fact_known"] = finding.get("fact_id") in facts
            rows.append(row)
    columns = {**{c: "string" for c in FINDING_COLUMNS}, "n_evidence": "Int64", "fact_known": bool}
    return _typed(rows, columns)


def evidence_frame(clusters: Sequence[ClusterReport], claim_ids: Iterable[str]) -> pd.DataFrame:
    """One row per piece of a finding's evidence, with ``claim_known`` and ``surface_matches``."""
    known = set(claim_ids)
    rows = []
    for cluster in clusters:
        for finding in cluster.record["findings"]:
            for item in finding["evidence"]:
                row = {c: item.get(c) for c in EVIDENCE_COLUMNS}
                row["finding_id"] = finding["id"]
                row["cluster_id"] = cluster.record["cluster_id"]
                row["claim_known"] = item.get("claim_id") in known
                row["surface_matches"] = _surface(
                    cluster.texts.get(str(item.get("source_id"))),
                    item.get("start"), item.get("end"), item.get("text"),
                )  # fmt: skip
                rows.append(row)
    columns = {
        **{c: "string" for c in EVIDENCE_COLUMNS},
        "start": "Int64",
        "end": "Int64",
        "claim_known": bool,
        "surface_matches": bool,
    }
    return _typed(rows, columns)


def _typed(rows: list[dict[str, Any]], columns: Mapping[str, Any]) -> pd.DataFrame:
    data = {name: pd.Series([r.get(name) for r in rows], dtype=t) for name, t in columns.items()}
    return pd.DataFrame(data)
