"""Numbers with thousands of digits: no exception, and every value a float can hold.

Python refuses ``int()`` of more than 4,300 digits and ``float()`` reads anything beyond
about 1.8e308 as infinity; a number no float can hold is no quantity (nothing can be checked
against it), and the claim table never holds an infinite or NaN value.
"""

from __future__ import annotations

import math

import pytest

from factcheck.corpus import Cluster, Source
from factcheck.extract import extract_claims
from factcheck.extract.quantities import find_quantities
from factcheck.pipeline import check_cluster
from factcheck.rules.loader import load_rules
from tests.robustness.harness import assert_no_traceback, run_factcheck
from tests.robustness.test_text_hostile import assert_valid_claims

pytestmark = pytest.mark.input_class("text-huge-numbers")

HUGE = {
    "5000 ones": "1" * 5000 + " troops were sent.",
    "grouped thousands": "1," + ",".join(["000"] * 2000) + " troops were sent.",
    "10^400 written out": "1" + "0" * 400 + " dollars were pledged.",
    "exponent": "1e999 troops and 1E-999 rockets were counted.",
    "5000 decimals": "0." + "9" * 5000 + " percent of voters.",
    "scale past a float": "9" * 300 + " trillion dollars and " + "9" * 305 + "bn euros.",
    "words past a float": "one " + "hundred " * 200 + "troops arrived.",
    "range to a huge number": "between 5 and " + "9" * 400 + " troops",
    "hedged near the limit": "about " + "9" * 308 + " troops",
}


@pytest.mark.parametrize("text", list(HUGE.values()), ids=list(HUGE))
def test_huge_numbers_give_finite_values_or_no_quantity(text: str) -> None:
    for q in find_quantities(text):
        assert math.isfinite(q.value) and q.low <= q.value <= q.high
        assert not math.isnan(q.low) and not math.isnan(q.high)
    claims = extract_claims(Cluster("c", (Source("s", "c", text, "mem"),)))
    assert_valid_claims(claims, {"s": text})
    quantities = claims[claims["kind"] == "quantity"]
    assert all(math.isfinite(v) for v in quantities["value"])


def test_a_number_beyond_a_float_is_no_quantity_and_one_below_is_kept() -> None:
    assert find_quantities("1" * 400 + " troops") == []
    (kept,) = find_quantities("1" * 300 + " troops")
    assert kept.value == pytest.approx(float("1" * 300)) and kept.unit == "troop"


def test_huge_numbers_against_ordinary_ones_through_the_rules() -> None:
    rules = load_rules()
    texts = ["The Pentagon sent 750 troops to Kuwait.", *HUGE.values()]
    cluster = Cluster("c", tuple(Source(f"s{i}", "c", t, "mem") for i, t in enumerate(texts)))
    result = check_cluster(cluster, rules.rules, rules.synonyms)
    for finding in result.findings:
        for value in (v for e in finding.evidence for _, v in e.values):
            assert not isinstance(value, float) or math.isfinite(value)


def test_the_command_reads_a_file_of_huge_numbers(tmp_path) -> None:
    cluster = tmp_path / "numbers"
    cluster.mkdir()
    (cluster / "huge.txt").write_text("\n\n".join(HUGE.values()), encoding="utf-8")
    (cluster / "plain.txt").write_text("The Pentagon sent 750 troops.\n", encoding="utf-8")
    outcome = run_factcheck("run", cluster, "--out", tmp_path / "out", "--format", "json,csv")
    assert_no_traceback(outcome)
    assert outcome.returncode in (0, 1), outcome.stderr
    assert "Infinity" not in (tmp_path / "out" / "report.json").read_text(encoding="utf-8")
