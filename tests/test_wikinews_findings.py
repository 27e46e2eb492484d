"""The built-in rules on real clusters they were not written against: WikiNews M000-M002.

Every error and warning below was read and judged true by hand (spelling variants in the
sources, a hedged variance, a quote worded two ways). The test pins them, so that a change
that starts reporting false contradictions (unrelated numbers aligned, one person's
statements on different days taken for one event) fails here. Info findings (claims only
one source gives) are not pinned.
"""

from __future__ import annotations

import pytest

from factcheck.corpus import Cluster, read_inputs
from factcheck.pipeline import check_cluster
from factcheck.rules.loader import load_rules
from tests.conftest import ROOT

WIKINEWS = ROOT / "tests" / "data" / "wikinews" / "clusters.jsonl"
BLAIR = '"The quicker it is resolved, the easier it will be for all of us,"'
REVIEWED = {
    ("M000", "FC201", "warning", ("Sri Lanca", "Sri Lanka")),
    ("M001", "FC201", "warning", ("Hasib", "Hasib Hussain", "Hassib Hussain")),
    ("M001", "FC201", "warning", ("Mohammad Siddique Khan", "Mohammed Siddique Khan",
                                  "Mohammed Sidique Khan", "Sidique Khan")),
    ("M001", "FC201", "warning", ("Shahzad", "Shahzad Tanweer", "Shehzad Tanweer",
                                  "Shezhad Tanweer")),
    ("M001", "FC101", "warning", ("about 700", "approximately 700", "hundreds")),
    ("M002", "FC301", "warning", (BLAIR, '"easier for all of us."')),
}  # fmt: skip


@pytest.fixture(scope="module")
def findings() -> set[tuple[str, str, str, tuple[str, ...]]]:
    rules = load_rules()
    found = set()
    for cluster in read_inputs([WIKINEWS]):
        assert isinstance(cluster, Cluster)
        for f in check_cluster(cluster, rules.rules, rules.synonyms).findings:
            if f.severity != "info":
                texts = tuple(sorted({e.text for e in f.evidence}))
                found.add((f.cluster_id, f.rule, f.severity, texts))
    return found


def test_no_error_on_the_wikinews_clusters(findings):
    assert [f for f in findings if f[2] == "error"] == []


def test_the_warnings_are_the_reviewed_ones(findings):
    assert findings == REVIEWED
