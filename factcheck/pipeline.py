"""One cluster through the whole pipeline: claims, facts, rules, findings.

Each stage is a pure function of the one before; a cluster is the unit of work, so batches
can run clusters in any order, in parallel, or on other machines.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pandas as pd

from factcheck.align import align_claims
from factcheck.corpus import Cluster
from factcheck.extract import extract_claims
from factcheck.facts import Finding
from factcheck.rules.engine import CheckedFact, RuleLike, check_facts


@dataclass(frozen=True)
class ClusterResult:
    """Everything one cluster produced."""

    cluster: Cluster
    claims: pd.DataFrame
    facts: list[CheckedFact]
    findings: list[Finding]


def check_cluster(
    cluster: Cluster,
    rules: Sequence[RuleLike],
    synonyms: Mapping[str, Sequence[str]] | None = None,
) -> ClusterResult:
    """Extract, align and check one cluster."""
    claims = extract_claims(cluster)
    facts, findings = check_facts(align_claims(claims, synonyms), rules)
    return ClusterResult(cluster, claims, facts, findings)
