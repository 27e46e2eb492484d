"""Text built to make the extractors backtrack: every class extracts with valid offsets, and
the work grows about linearly with the size of the text (no hang, no quadratic blow-up).

The input classes are those of ``benchmarks/hostile_text.py``, which measures them at 1 MB;
here they run small, and a few of them at ``n`` and ``4n`` characters: four times the text
may cost at most eight times the CPU (quadratic work would cost sixteen times). Times are
CPU seconds of this process, the best of two runs, so that other work on the machine does not
count.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import pandas as pd
import pytest

from benchmarks.hostile_text import CLASSES, FAMILIES, cluster_of
from factcheck.corpus import Cluster, Source
from factcheck.extract import extract_claims
from factcheck.pipeline import check_cluster
from factcheck.rules.loader import load_rules
from factcheck.text import MAX_CLAIMS_PER_SENTENCE, MAX_SENTENCE, sentences
from tests.robustness.harness import assert_no_traceback, run_factcheck

SMALL = 6_000
#: One class of every family whose patterns once grew faster than the text, and the smaller
#: size it is measured at (cheap classes at a size where a quadratic term shows).
SCALED = {
    "sentence-no-full-stop": 6_000,
    "digits-spaces": 6_000,
    "dots": 10_000,
    "capitalised-letters": 6_000,
    "byline-like": 6_000,
    "weekdays-months": 6_000,
    "quotes-random": 6_000,
    "single-openers": 25_000,
}
#: Most CPU that four times the text may cost, as a multiple of the cost of the text.
MAX_GROWTH = 8.0


#: The row of the robustness table of each family of classes (written out, for its check).
FAMILY_MARKS = {
    "text-long-line": pytest.mark.input_class("text-long-line"),
    "text-no-sentence-end": pytest.mark.input_class("text-no-sentence-end"),
    "text-digit-runs": pytest.mark.input_class("text-digit-runs"),
    "text-one-character": pytest.mark.input_class("text-one-character"),
    "text-hedge-runs": pytest.mark.input_class("text-hedge-runs"),
    "text-dense-claims": pytest.mark.input_class("text-dense-claims"),
    "text-capitalised-runs": pytest.mark.input_class("text-capitalised-runs"),
    "text-quotes-unbalanced": pytest.mark.input_class("text-quotes-unbalanced"),
    "text-apostrophes": pytest.mark.input_class("text-apostrophes"),
    "text-brackets-unbalanced": pytest.mark.input_class("text-brackets-unbalanced"),
    "text-control-and-rtl": pytest.mark.input_class("text-control-and-rtl"),
    "text-huge-numbers": pytest.mark.input_class("text-huge-numbers"),
}


def _marked(names: list[str]) -> list[object]:
    return [pytest.param(n, marks=FAMILY_MARKS[FAMILIES[n]], id=n) for n in names]


def test_every_family_of_the_benchmark_has_its_row() -> None:
    assert set(FAMILIES.values()) - set(FAMILY_MARKS) == {"text-prose-baseline"}


def assert_valid_claims(claims: pd.DataFrame, texts: dict[str, str]) -> None:
    """Offsets inside the text and on the claim's words; the sentence holds the claim; ids
    unique."""
    assert claims["claim_id"].is_unique
    for row in claims.itertuples(index=False):
        text = texts[str(row.source_id)]
        start, end = int(row.start), int(row.end)  # type: ignore[call-overload]
        assert 0 <= start < end <= len(text), (start, end)
        assert text[start:end] == row.text
        if row.kind != "quote":  # a quote may run over paragraphs
            assert str(row.text) in str(row.sentence)


def _cpu(work: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(2):
        started = time.process_time()
        work()
        best = min(best, time.process_time() - started)
    return max(best, 1e-3)


def _alone(text: str) -> Cluster:
    return Cluster("hostile", (Source("hostile", "hostile", text, "mem"),))


@pytest.mark.parametrize("name", _marked([n for n in CLASSES if n != "prose"]))
def test_every_hostile_class_extracts_with_valid_offsets(name: str) -> None:
    text = CLASSES[name](SMALL)
    claims = extract_claims(_alone(text))
    assert_valid_claims(claims, {"hostile": text})


@pytest.mark.parametrize("name", _marked(list(SCALED)))
def test_extraction_grows_about_linearly(name: str) -> None:
    small, large = CLASSES[name](SCALED[name]), CLASSES[name](4 * SCALED[name])
    extract_claims(_alone(small))  # warm caches: the first call pays for the catalogues
    growth = _cpu(lambda: extract_claims(_alone(large))) / _cpu(
        lambda: extract_claims(_alone(small))
    )
    assert growth < MAX_GROWTH, f"{name}: 4x the text cost {growth:.1f}x the time"


@pytest.mark.parametrize("name", _marked(["numbers-with-units", "quotes-random"]))
def test_whole_pipeline_grows_about_linearly(name: str) -> None:
    rules = load_rules()

    def run(size: int) -> Callable[[], object]:
        hostile, seed = cluster_of(CLASSES[name](size), name).sources[:2]
        cluster = Cluster(name, (hostile, seed))
        return lambda: check_cluster(cluster, rules.rules, rules.synonyms)

    run(2_000)()
    growth = _cpu(run(32_000)) / _cpu(run(8_000))
    assert growth < MAX_GROWTH, f"{name}: 4x the text cost {growth:.1f}x the time"


@pytest.mark.input_class("text-no-sentence-end")
def test_a_long_run_without_sentence_end_is_cut_into_bounded_pieces() -> None:
    text = CLASSES["sentence-no-full-stop"](20_000) + " " + "x" * 2_500
    found = sentences(text)
    assert all(len(s.text) <= MAX_SENTENCE for s in found)
    assert all(text[s.start : s.end] == s.text == s.text.strip() for s in found)
    covered = "".join(text[s.start : s.end] for s in found)
    assert covered.replace(" ", "") == text.replace(" ", "")  # nothing but spaces left out


@pytest.mark.input_class("text-dense-claims")
def test_a_sentence_yields_at_most_the_cap_of_claims_per_kind() -> None:
    text = "They counted " + ", ".join(f"{n} km" for n in range(10, 90)) + "."
    assert len(text) < MAX_SENTENCE
    claims = extract_claims(_alone(text))
    assert (claims["kind"] == "quantity").sum() == MAX_CLAIMS_PER_SENTENCE
    assert_valid_claims(claims, {"hostile": text})


@pytest.mark.input_class("text-dense-claims")
def test_a_source_repeating_one_claim_thousands_of_times_still_aligns(tmp_path) -> None:
    rules = load_rules()
    text = " ".join(["The Pentagon sent 750 troops to Kuwait."] * 1000)
    result = check_cluster(cluster_of(text, "repeats"), rules.rules, rules.synonyms)
    hostile = result.claims[result.claims["source_id"] == "hostile"]
    in_facts = [c for f in result.facts for c in f.fact.claims if c["source_id"] == "hostile"]
    assert sorted(str(c["claim_id"]) for c in in_facts) == sorted(hostile["claim_id"])
    troops = [f for f in result.facts if "hostile" in f.fact.sources and f.fact.kind == "quantity"]
    assert len(troops) == 1, [f.fact.key for f in troops]  # every repeat joined one fact


@pytest.mark.input_class("text-dense-claims")
def test_the_command_checks_a_hostile_cluster_end_to_end(tmp_path) -> None:
    cluster = tmp_path / "hostile"
    cluster.mkdir()
    for name in ("digits-spaces", "quotes-random"):
        (cluster / f"{name}.txt").write_text(CLASSES[name](30_000), encoding="utf-8")
    outcome = run_factcheck("run", cluster, "--out", tmp_path / "out", "--format", "json",
                            timeout=240)  # fmt: skip
    assert_no_traceback(outcome)
    assert outcome.returncode in (0, 1), outcome.stderr
    assert (tmp_path / "out" / "report.json").exists()
