"""Facts built from real extracted claims, for the rule-kind unit tests.

Each source text goes through :func:`factcheck.extract.extract_claims` as one small cluster;
the rows of the claim table (``frame.to_dict("records")``) become one fact.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from factcheck.corpus import Cluster, Source
from factcheck.extract import extract_claims
from factcheck.facts import Fact, make_fact

CLUSTER = "case"


def claim_rows(
    sources: Mapping[str, str],
    published: Mapping[str, str] | None = None,
    kinds: list[str] | None = None,
) -> list[dict[str, Any]]:
    """The claim rows of a cluster of the given sources (source id -> text)."""
    dated = published or {}
    cluster = Cluster(
        CLUSTER,
        tuple(
            Source(sid, CLUSTER, text, f"<{sid}>", published=dated.get(sid))
            for sid, text in sources.items()
        ),
    )
    rows: list[dict[str, Any]] = extract_claims(cluster, kinds).to_dict("records")
    return rows


def fact_of(rows: list[dict[str, Any]], kind: str, key: str = "case") -> Fact:
    """One fact of all the given rows."""
    return make_fact(CLUSTER, kind, key, rows)


def date_fact(sources: Mapping[str, str], published: Mapping[str, str] | None = None) -> Fact:
    """One date fact of every date claim of the sources."""
    return fact_of(claim_rows(sources, published, ["date"]), "date")
