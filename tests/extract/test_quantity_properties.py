"""Properties of the quantity extractor on arbitrary text: no exception, valid offsets."""

from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.corpus import Source
from factcheck.extract import source_claims
from factcheck.extract.quantities import find_quantities

NEWSY = st.lists(
    st.sampled_from(
        [*"0123456789 ,.-/%$£€:;()\"“”'’\n", "about ", "more than ", "troops", "two",
        "hundred", "a dozen", "million", "km", "percent", "Thirty-one ", "between ", " and ",
        " or ", "killed ", "Jan ", "2019", "REUTERS/", "By ", "several "]
    ),
    max_size=60,
).map("".join)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=300), NEWSY))
def test_find_quantities_never_raises_and_spans_are_in_text(text):
    for q in find_quantities(text):
        assert 0 <= q.start < q.end <= len(text)
        assert q.low <= q.value <= q.high or (math.isinf(q.high) and q.low <= q.value)
        assert q.approx in {"=", "~", ">", ">=", "<", "<="}


@settings(max_examples=150, deadline=None)
@given(st.one_of(st.text(min_size=1, max_size=400), NEWSY))
def test_source_claims_keep_provenance_and_are_deterministic(text):
    source = Source("s", "c", text, "mem")
    first = source_claims(source)
    assert first == source_claims(source)
    for claim in first:
        assert text[claim.start : claim.end] == claim.text
        assert claim.sentence in text
