"""Many clusters: each checked on its own, results handed on in input order.

:func:`check_clusters` turns the stream of inputs (clusters, and problems met while reading
them) into a stream of :class:`~factcheck.report.run.ClusterOutput` and problems. A cluster
that fails becomes a problem naming it; the batch goes on.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence

from factcheck.corpus import Cluster
from factcheck.errors import InputProblem
from factcheck.pipeline import check_cluster
from factcheck.report.run import ClusterOutput
from factcheck.rules.engine import RuleLike


def check_one(
    cluster: Cluster,
    rules: Sequence[RuleLike],
    synonyms: Mapping[str, Sequence[str]] | None = None,
) -> ClusterOutput | InputProblem:
    """One cluster's output, or the problem that stopped it."""
    try:
        return ClusterOutput.from_result(check_cluster(cluster, rules, synonyms))
    except Exception as exc:  # one bad cluster never ends the batch
        return InputProblem(cluster.path, f"cluster failed: {exc!r}", None, cluster.cluster_id)


def check_clusters(
    items: Iterable[Cluster | InputProblem],
    rules: Sequence[RuleLike],
    synonyms: Mapping[str, Sequence[str]] | None = None,
) -> Iterator[ClusterOutput | InputProblem]:
    """Check every cluster in order; problems pass through unchanged."""
    for item in items:
        yield item if isinstance(item, InputProblem) else check_one(item, rules, synonyms)
