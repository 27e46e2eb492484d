"""The judgements of DESIGN.md ("What good looks like on the seeds"), checked end to end.

The seeds run through extraction, alignment and the built-in rules; the facts and findings
must say what a careful editor says about them. A second test changes one number, one name
and one quote in one seed and expects exactly three new findings, each pointing at the
changed text.
"""

from __future__ import annotations

from collections.abc import Iterable

import pytest

from factcheck.corpus import Cluster, Source
from factcheck.facts import Finding
from factcheck.pipeline import ClusterResult, check_cluster
from factcheck.rules.loader import load_rules
from factcheck.text import CLAIM_ZONES, iter_lines


@pytest.fixture(scope="module")
def result(seed_cluster: Cluster) -> ClusterResult:
    rules = load_rules()
    return check_cluster(seed_cluster, rules.rules, rules.synonyms)


def _facts_with(result: ClusterResult, kind: str, *texts: str) -> list:
    return [
        checked
        for checked in result.facts
        if checked.fact.kind == kind
        and all(any(t == c["text"] for c in checked.fact.claims) for t in texts)
    ]


def _evidence_texts(finding: Finding) -> set[str]:
    return {e.text for e in finding.evidence}


def test_kuwait_troops_are_one_fact_with_a_hedged_variance_not_an_error(result):
    (fact,) = _facts_with(result, "quantity", "750 soldiers", "roughly 700 soldiers")
    texts = sorted(c["text"] for c in fact.fact.claims)
    assert texts == sorted(
        ["750 soldiers", "750 troops", "750 troops", "roughly 700 soldiers",
         "several hundred Army paratroopers"]
    )  # fmt: skip
    assert fact.status == "variant"
    on_it = [f for f in result.findings if f.fact_id == fact.fact.fact_id]
    assert on_it and all(f.severity != "error" for f in on_it)


def test_kataeb_and_kataib_hezbollah_are_one_entity_in_two_spellings(result):
    (fact,) = [c for c in result.facts if c.fact.kind == "entity" and "Hezbollah" in c.fact.key]
    assert {c["text"] for c in fact.fact.claims} == {"Kataeb Hezbollah", "Kataib Hezbollah"}
    assert fact.status == "variant"
    (finding,) = [f for f in result.findings if f.fact_id == fact.fact.fact_id]
    assert _evidence_texts(finding) == {"Kataeb Hezbollah", "Kataib Hezbollah"}


def test_the_two_wordings_of_espers_quote_are_flagged(result):
    flagged = [
        f for f in result.findings
        if f.kind == "quote" and any("If we get word of attacks" in e.text for e in f.evidence)
    ]  # fmt: skip
    assert len(flagged) == 1
    sources = {e.source_id[:3] for e in flagged[0].evidence}
    assert "002" in sources and sources & {"001", "003"}


def test_3000_more_troops_and_a_brigade_of_4000_are_not_one_fact(result):
    for checked in result.facts:
        values = {c.get("value") for c in checked.fact.claims}
        assert not {3000.0, 4000.0} <= values


@pytest.mark.parametrize(
    "texts",
    [
        ("About 100 Marines", "about 100 Marines"),
        ("25 people",),
        ("Thirty-one rockets",),
        ("about 14,000 additional troops", "more than 14,000 troops"),
    ],
)
def test_agreements(result, texts):
    (fact,) = _facts_with(result, "quantity", *texts)
    assert len(fact.fact.sources) >= 2
    assert fact.status == "agree"


def test_nothing_from_captions_bylines_or_years(result, seed_cluster):
    zones = {
        s.source_id: [(a, b, z) for a, b, z in iter_lines(s.text)] for s in seed_cluster.sources
    }
    for finding in result.findings:
        for e in finding.evidence:
            (zone,) = [z for a, b, z in zones[e.source_id] if a <= e.start < b]
            assert zone in CLAIM_ZONES, (finding.message, e.text)
            assert e.text not in {"2019", "2020", "2016", "in 2020"}, finding.message


# --- one number, one name and one quote changed in one seed --------------------------------

CHANGES = (
    ("about 3,000 additional troops", "about 5,000 additional troops"),
    ("Joint Chiefs of Staff Mark Milley", "Joint Chiefs of Staff Mark Millie"),
    ("designed to inflict damage and kill", "designed to inflict damage and destroy"),
)  # fmt: skip


def _signatures(findings: Iterable[Finding]) -> set[tuple[str, frozenset[tuple[str, str]]]]:
    return {(f.rule, frozenset((e.source_id, e.text) for e in f.evidence)) for f in findings}


def test_three_changes_give_exactly_three_new_findings(seed_cluster, result):
    changed_id = "003_e9f666795fe02b3a"
    sources = []
    for source in seed_cluster.sources:
        text = source.text
        if source.source_id == changed_id:
            for old, new in CHANGES:
                assert text.count(old) == 1
                text = text.replace(old, new)
        sources.append(Source(source.source_id, source.cluster_id, text, source.path))
    rules = load_rules()
    changed = check_cluster(Cluster(seed_cluster.cluster_id, tuple(sources)), rules.rules,
                            rules.synonyms)  # fmt: skip
    new = _signatures(changed.findings) - _signatures(result.findings)
    new_findings = [f for f in changed.findings if _signatures([f]) <= new]
    assert len(new_findings) == 3, [f.message for f in new_findings]
    changed_text = next(s.text for s in sources if s.source_id == changed_id)
    spans = [
        (changed_text.index(new_words), changed_text.index(new_words) + len(new_words))
        for _, new_words in CHANGES
    ]
    covered = set()
    for finding in new_findings:
        hits = {
            i
            for e in finding.evidence
            if e.source_id == changed_id
            for i, (a, b) in enumerate(spans)
            if e.start < b and a < e.end
        }
        assert len(hits) == 1, (finding.message, [e.text for e in finding.evidence])
        covered |= hits
    assert covered == {0, 1, 2}
