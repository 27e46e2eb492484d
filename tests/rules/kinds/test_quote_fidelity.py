"""quote_fidelity on facts of real extracted quotes: one utterance, worded differently."""

from __future__ import annotations

from typing import Any

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.corpus import Cluster, Source
from factcheck.extract import extract_claims
from factcheck.facts import Fact, make_fact
from factcheck.rules.kinds.quote_fidelity import KIND, check, compare
from factcheck.rules.kinds.quote_words import wording

ESPER_002 = (
    "“If we get word of attacks, we will take pre-emptive action as well to protect American "
    "forces, protect American lives,” Mr. Esper said."
)
ESPER_001 = (
    "“If that happens then we will act and by the way, if we get word of attacks or some type "
    "indication, we will take preemptive action as well to protect American forces to protect "
    "American lives,” Esper said."
)
GAME = (
    "“The game has changed, and we’re prepared to do what is necessary to defend our "
    "personnel,” Esper said."
)


def quote_fact(sources: dict[str, str]) -> Fact:
    """One fact of every quote the sources hold (source id -> text), as alignment gives it."""
    cluster = Cluster("case", tuple(Source(s, "case", t, f"<{s}>") for s, t in sources.items()))
    rows: list[dict[str, Any]] = extract_claims(cluster, ["quote"]).to_dict("records")
    return make_fact("case", "quote", "case", rows)


CASES: list[tuple[str, dict[str, str], dict[str, Any], str | None, str | None]] = [
    # (name, sources, parameters, expected status of the one finding or None, words of its
    # message, after the sources; None: no finding)
    (
        "seed Esper: words dropped without an ellipsis",
        {"a": ESPER_001, "b": ESPER_002},
        {},
        "variant",
        "words dropped without an ellipsis: 'or some type indication', 'to' (in 'forces to "
        "protect')",
    ),
    ("the same words", {"a": GAME, "b": GAME}, {}, None, None),
    (
        "punctuation, case and straight marks",
        {
            "a": GAME,
            "b": "Esper said \"the game has changed and we're prepared to do what is "
            'necessary to defend our personnel."',
        },
        {},
        None,
        None,
    ),
    (
        "a contraction written out",
        {
            "a": GAME,
            "b": "“The game has changed, and we are prepared to do what is necessary to "
            "defend our personnel,” Esper said.",
        },
        {},
        None,
        None,
    ),
    (
        "a fragment of the longer quote",
        {"a": GAME, "b": "Esper warned that the “game has changed” for Iran."},
        {},
        None,
        None,
    ),
    (
        "hyphenation: pre-emptive and preemptive",
        {
            "a": "“We will take preemptive action,” Esper said.",
            "b": "“We will take pre-emptive action,” Esper said.",
        },
        {},
        None,
        None,
    ),
    (
        "a compound: buzz saw and buzzsaw",
        {
            "a": "Milley said attackers would run into a “buzzsaw.”",
            "b": "“Anyone who attempts to overrun that will run into a buzz saw,” Milley said.",
        },
        {},
        None,
        None,
    ),
    (
        "British and American spelling",
        {
            "a": "“Our defence of the region will not change,” Esper said.",
            "b": "“Our defense of the region will not change,” Esper said.",
        },
        {},
        None,
        None,
    ),
    (
        "an ellipsis marks the dropped words",
        {
            "a": ESPER_001,
            "b": "“If that happens then we will act … we will take preemptive action as well to "
            "protect American forces to protect American lives,” Esper said.",
        },
        {},
        None,
        None,
    ),
    (
        "an editor's words in brackets",
        {
            "a": "“They will pay a very big price,” Trump said.",
            "b": "“[Iran] will pay a very big price,” Trump said.",
        },
        {},
        None,
        None,
    ),
    (
        "a number in words and in digits",
        {
            "a": "“Thirty-one rockets aren’t designed as a warning shot,” Milley said.",
            "b": "“31 rockets aren’t designed as a warning shot,” Milley said.",
        },
        {},
        None,
        None,
    ),
    (
        "a word substituted",
        {
            "a": "“We are prepared to defend our personnel in the region,” Esper said.",
            "b": "“We are prepared to protect our personnel in the region,” Esper said.",
        },
        {},
        "variant",
        "words substituted: 'defend' vs 'protect'",
    ),
    (
        "a negation flipped",
        {
            "a": "“We will not take preemptive action in Iraq,” Esper said.",
            "b": "“We will take preemptive action in Iraq,” Esper said.",
        },
        {},
        "conflict",
        "negation flipped: 'will not' vs 'will'",
    ),
    (
        "a negation flipped in a contraction",
        {
            "a": "“Thirty-one rockets aren’t designed as a warning shot,” Milley said.",
            "b": "“Thirty-one rockets are designed as a warning shot,” Milley said.",
        },
        {},
        "conflict",
        "negation flipped: 'aren’t' vs 'are'",
    ),
    (
        "a number changed",
        {
            "a": "“Thirty-one rockets are not designed as a warning shot,” Milley said.",
            "b": "“Twenty-one rockets are not designed as a warning shot,” Milley said.",
        },
        {},
        "conflict",
        "number changed: 'Thirty-one' vs 'Twenty-one'",
    ),
    (
        "the last word of a fragment substituted",
        {"a": GAME, "b": "Esper warned that the “game has shifted” for Iran."},
        {},
        "variant",
        "words substituted: 'changed' vs 'shifted'",
    ),
    (
        "spelling variants count when asked",
        {
            "a": "“We will take preemptive action,” Esper said.",
            "b": "“We will take pre-emptive action,” Esper said.",
        },
        {"ignore_spelling_variants": False},
        "variant",
        "words substituted: 'preemptive' vs 'pre-emptive'",
    ),
    (
        "quotes that share too little are not compared",
        {"a": GAME, "b": "“They need to investigate the attacks and help us,” Esper said."},
        {},
        None,
        None,
    ),
    (
        "a rule that reports conflicts only skips a variant",
        {"a": ESPER_001, "b": ESPER_002},
        {"statuses": ["conflict"]},
        None,
        None,
    ),
]


@pytest.mark.parametrize(
    ("sources", "parameters", "status", "words"),
    [pytest.param(*case[1:], id=case[0]) for case in CASES],
)
def test_check(
    sources: dict[str, str], parameters: dict[str, Any], status: str | None, words: str | None
) -> None:
    fact = quote_fact(sources)
    assert len(fact.claims) == len(sources)
    verdicts = list(check(fact, KIND.with_defaults(parameters)))
    findings = [v for v in verdicts if v.status != "agree"]
    if status is None:
        assert findings == []
        return
    (finding,) = findings
    assert finding.status == status
    assert finding.message.endswith(f"): {words}"), finding.message
    assert {str(c["source_id"]) for c in finding.claims} == set(sources)


def test_three_sources_two_wordings() -> None:
    fact = quote_fact({"a": ESPER_001, "b": ESPER_002, "c": ESPER_001})
    (verdict,) = check(fact, KIND.with_defaults({}))
    assert verdict.message.startswith(
        "Esper quoted differently: 'If we get word of attacks, we will take pre-emptive "
        "action as well to protect American forces, protect American lives' (b) vs 'if we get "
        "word of attacks or some type indication, we will take preemptive action as well to "
        "protect American forces to protect American lives' (a, c): "
    )
    assert len(verdict.claims) == 3


def test_agreement_is_a_verdict() -> None:
    (verdict,) = check(quote_fact({"a": GAME, "b": GAME}), KIND.with_defaults({}))
    assert verdict.status == "agree"


def test_seed_esper_quote(seed_claims: pd.DataFrame) -> None:
    """DESIGN.md: Esper's "If we get word of attacks ..." in two wordings is flagged."""
    quotes = seed_claims[seed_claims["quote"].str.contains("word of attacks", na=False)]
    fact = make_fact("seeds", "quote", "Mark Esper", quotes.to_dict("records"))
    (verdict,) = check(fact, KIND.with_defaults({}))
    assert verdict.status == "variant"
    assert "(002) vs" in verdict.message and "(001, 003)" in verdict.message
    assert verdict.message.endswith("'or some type indication', 'to' (in 'forces to protect')")


@pytest.mark.parametrize(
    ("text", "norms"),
    [
        ("We’re prepared", ["we", "are", "prepared"]),
        ("aren't designed", ["are", "not", "designed"]),
        ("Thirty-one rockets", ["31", "rockets"]),
        ("two hundred and fifty men", ["250", "men"]),
        ("3 million people", ["3000000", "people"]),
        ("14,000 troops", ["14000", "troops"]),
        ("pre-emptive defence", ["preemptive", "defense"]),
        ("the U.S. embassy", ["the", "us", "embassy"]),
    ],
)
def test_wording_norms(text: str, norms: list[str]) -> None:
    assert wording(text).norms() == norms


def test_ellipsis_is_a_gap() -> None:
    quoted = wording("that is nothing new … we’ve seen this")
    assert quoted.gaps == frozenset({4})


def test_compare_fragment_has_no_difference() -> None:
    found = compare(wording("game has changed"), wording("The game has changed and we"), 0.5)
    assert found is not None and found.differences == ()


def test_compare_refuses_little_overlap() -> None:
    assert (
        compare(wording("the game has changed"), wording("they need to investigate"), 0.5) is None
    )


QUOTE_PIECES = [*"ab ’'-.,…[]0123456789", "not ", "two ", "We’re ", "hundred ", "and "]
QUOTE_TEXT = st.lists(st.sampled_from(QUOTE_PIECES), max_size=30).map("".join)


@settings(max_examples=200, deadline=None)
@given(QUOTE_TEXT, QUOTE_TEXT)
def test_any_two_quotes(x: str, y: str) -> None:
    """Any two wordings compare without error; a wording never differs from itself."""
    same = compare(wording(x), wording(x), 0.5)
    assert same is None or same.differences == ()
    found = compare(wording(x), wording(y), 0.0)
    if found is not None:
        for d in found.differences:
            assert 0 <= d.a[0] <= d.a[1] <= len(found.a.words)
            assert 0 <= d.b[0] <= d.b[1] <= len(found.b.words)
    rows = [
        {"claim_id": f"q{i}", "source_id": sid, "start": 0, "speaker": "Esper", "quote": q}
        for i, (sid, q) in enumerate([("a", x), ("b", y), ("c", pd.NA)])
    ]
    for verdict in check(make_fact("case", "quote", "k", rows), KIND.with_defaults({})):
        assert verdict.status in ("agree", "variant", "conflict")
