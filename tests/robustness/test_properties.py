"""Properties of the extractors and the rule engine on arbitrary input (hypothesis).

tests/extract/ holds the properties of each extractor's own finder on short text; here every
registered extractor and the whole claim table run on text of every Unicode category
(control characters and marks included; lone surrogates never come out of decoding), and the
rule engine runs on whole clusters and on facts with arbitrary values (huge, infinite, NaN).
Examples are derandomised, so that CI sees the same cases on every run.
"""

from __future__ import annotations

import math
from typing import Any

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.claims import APPROX_CODES, KINDS, claim_id
from factcheck.corpus import Cluster, Source
from factcheck.extract import EXTRACTORS, extract_claims, source_claims
from factcheck.extract.calendar import WEEKDAYS
from factcheck.facts import Fact, make_fact
from factcheck.pipeline import ClusterResult, check_cluster
from factcheck.rules.engine import check_facts
from factcheck.rules.loader import load_rules

pytestmark = pytest.mark.input_class("text-arbitrary-unicode")


def examples(count: int) -> settings:
    """Derandomised settings with ``count`` examples, no deadline (CI machines vary)."""
    return settings(
        max_examples=count,
        deadline=None,
        derandomize=True,
        suppress_health_check=[HealthCheck.too_slow],
    )


RULES = load_rules()

#: Any character a decoded file can hold: every category but lone surrogates.
ANY_TEXT = st.text(st.characters(blacklist_categories=["Cs"]), max_size=300)
#: Pieces of news text, so that claims of every kind are actually found.
NEWS_PIECES = st.sampled_from(
    [
        "The Pentagon sent ", "about ", "more than ", "roughly ", "nearly ", "750 ", "3,000 ",
        "Thirty-one ", "a dozen ", "several hundred ", "troops ", "rockets ", "to Kuwait",
        " on Monday", " on Thursday", " Tuesday, ", "January 2, 2020", "Dec. 31 ", " in May",
        "Defense Secretary Mark T. Esper ", "Esper ", "Kataib Hezbollah ", "Kataeb Hezbollah ",
        " said", " told reporters", ", he said. ", '"', "“", "”", "‘", "’", "«", "»", "„",
        "'", "If we get word of attacks, we will take action", ". ", ".\n", "\n\n", ", ",
        "(", ")", "—", "1" * 400, "0." + "9" * 50, "1e999 ", "\u200f", "\x00", "\t",
    ]
)  # fmt: skip
NEWS_TEXT = st.lists(NEWS_PIECES, max_size=40).map("".join)
TEXT = st.one_of(ANY_TEXT, NEWS_TEXT)


def assert_claims_valid(claims: pd.DataFrame, texts: dict[str, str]) -> None:
    """Offsets on the claim's words, the sentence holds it, ids unique and as derived."""
    assert claims["claim_id"].is_unique
    for row in claims.to_dict("records"):
        text = texts[row["source_id"]]
        start, end = row["start"], row["end"]
        assert 0 <= start < end <= len(text)
        assert text[start:end] == row["text"]
        if row["kind"] == "quote":  # a quote may run over sentences and paragraphs
            assert row["sentence"] in text
        else:
            assert row["text"] in row["sentence"] and row["sentence"] in text
        expected = claim_id(row["cluster_id"], row["source_id"], row["kind"], start, end)
        assert row["claim_id"] == expected
        if row["kind"] == "quantity":
            assert math.isfinite(row["value"])
            assert not math.isnan(row["low"]) and not math.isnan(row["high"])


def _cluster(*texts: str) -> Cluster:
    return Cluster("c", tuple(Source(f"s{i}", "c", t, "mem") for i, t in enumerate(texts)))


@pytest.mark.parametrize("kind", list(EXTRACTORS))
@examples(100)
@given(text=TEXT)
def test_each_extractor_keeps_offsets_on_any_text(kind: str, text: str) -> None:
    source = Source("s", "c", text, "mem")
    claims = source_claims(source, [kind])
    assert all(c.kind == kind for c in claims)
    for claim in claims:
        assert 0 <= claim.start < claim.end <= len(text)
        assert text[claim.start : claim.end] == claim.text


@examples(40)
@given(texts=st.lists(TEXT, min_size=1, max_size=3))
def test_claim_table_is_valid_and_deterministic(texts: list[str]) -> None:
    cluster = _cluster(*texts)
    first = extract_claims(cluster)
    assert_claims_valid(first, {s.source_id: s.text for s in cluster.sources})
    pd.testing.assert_frame_equal(first, extract_claims(cluster))


@examples(40)
@given(texts=st.lists(NEWS_TEXT, min_size=2, max_size=3))
def test_order_of_sources_does_not_change_any_source_claims(texts: list[str]) -> None:
    cluster = _cluster(*texts)
    turned = Cluster("c", tuple(reversed(cluster.sources)))
    claims = extract_claims(cluster).sort_values("claim_id", ignore_index=True)
    reordered = extract_claims(turned).sort_values("claim_id", ignore_index=True)
    pd.testing.assert_frame_equal(claims, reordered)


def _findings(result: ClusterResult) -> list[tuple[str, str, str]]:
    return [(f.id, f.rule, f.fact_id) for f in result.findings]


@examples(30)
@given(texts=st.lists(NEWS_TEXT, min_size=1, max_size=3))
def test_rules_on_any_cluster_give_valid_and_repeatable_findings(texts: list[str]) -> None:
    cluster = _cluster(*texts)
    result = check_cluster(cluster, RULES.rules, RULES.synonyms)
    sources = {s.source_id: s.text for s in cluster.sources}
    for finding in result.findings:
        assert finding.evidence
        for evidence in finding.evidence:
            text = sources[evidence.source_id]
            assert 0 <= evidence.start < evidence.end <= len(text)
            assert text[evidence.start : evidence.end] == evidence.text
    claim_ids = sorted(result.claims["claim_id"])
    assert sorted(str(c["claim_id"]) for f in result.facts for c in f.fact.claims) == claim_ids
    again = check_cluster(cluster, RULES.rules, RULES.synonyms)
    assert _findings(again) == _findings(result)
    assert [f.fact.fact_id for f in again.facts] == [f.fact.fact_id for f in result.facts]


# --- facts with arbitrary values ------------------------------------------------------------

NUMBERS = st.one_of(
    st.sampled_from([math.inf, -math.inf, math.nan, 0.0, -0.0, 1e308, -1e308, 5e-324, 750.0]),
    st.none(),
    st.floats(allow_nan=True, allow_infinity=True),
)
WORDS = st.one_of(st.none(), st.text(max_size=30), st.sampled_from(["troop", "Esper", "km"]))
#: Units that convert into each other (the rounding slack of mixed units), and counted nouns.
REAL_UNITS = st.sampled_from(["kilometre", "mile", "metre", "troop", "dollar", "euro"])
UNITS = st.one_of(REAL_UNITS, WORDS)
DAYS = st.one_of(st.none(), st.sampled_from(["2020-01-02", "2019-12-31", "2020-01", "2020"]))


@st.composite
def claim_rows(
    draw: st.DrawFn, kind: str, source: int, units: st.SearchStrategy[str | None] = UNITS
) -> dict[str, Any]:
    """One claim-table row of ``kind`` with arbitrary values where the contract allows any."""
    text = draw(st.text(min_size=1, max_size=20))
    start = draw(st.integers(0, 10_000))
    source_id = f"s{source}"
    row: dict[str, Any] = {
        "claim_id": claim_id("c", source_id, kind, start, start + len(text)),
        "cluster_id": "c", "source_id": source_id, "kind": kind, "start": start,
        "end": start + len(text), "text": text, "sentence": text, "zone": "body",
        "value": draw(NUMBERS), "low": draw(NUMBERS), "high": draw(NUMBERS),
        "approx": draw(st.one_of(st.none(), st.sampled_from(APPROX_CODES))),
        "hedge": draw(WORDS), "unit": draw(units), "subject": draw(WORDS),
        "predicate": draw(WORDS), "entity_type": draw(WORDS), "canonical": draw(WORDS),
        "role": draw(WORDS), "date_value": draw(DAYS),
        "weekday": draw(st.one_of(st.none(), st.sampled_from(WEEKDAYS))),
        "event": draw(WORDS), "speaker": draw(WORDS), "quote": draw(WORDS),
    }  # fmt: skip
    return row


@st.composite
def facts(draw: st.DrawFn, quantities: bool = False) -> Fact:
    """A fact of any kind; or a quantity fact of real units, the values' hardest case."""
    kind = "quantity" if quantities else draw(st.sampled_from(KINDS))
    units = REAL_UNITS if quantities else UNITS
    sources = draw(st.lists(st.integers(0, 3), min_size=2 if quantities else 1, max_size=6))
    rows = [draw(claim_rows(kind, source, units)) for source in sources]
    unique = list({row["claim_id"]: row for row in rows}.values())
    return make_fact("c", kind, draw(st.text(max_size=10)), unique)


@examples(60)
@given(fact_list=st.lists(st.one_of(facts(), facts(quantities=True)), max_size=4))
def test_rule_engine_never_fails_on_any_values(fact_list: list[Fact]) -> None:
    checked, findings = check_facts(fact_list, RULES.rules)
    assert [c.fact for c in checked] == fact_list
    claims = {str(c["claim_id"]): c for f in fact_list for c in f.claims}
    for finding in findings:
        for evidence in finding.evidence:
            claim = claims[evidence.claim_id]
            assert (evidence.start, evidence.end, evidence.text) == (
                claim["start"], claim["end"], claim["text"],
            )  # fmt: skip
        values = [v for e in finding.evidence for _, v in e.values]  # JSON-ready: no NaN, inf
        assert not any(isinstance(v, float) and not math.isfinite(v) for v in values)
    again = check_facts(fact_list, RULES.rules)[1]
    assert [(f.id, f.message) for f in again] == [(f.id, f.message) for f in findings]
