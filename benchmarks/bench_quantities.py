"""Benchmark: the quantity extractor against bare ``quantulum3.parser.parse``.

Both run in this one process on the same texts: the five seeds repeated, and the thirty
WikiNews documents from ``shared/data`` (when present). Each side is warmed up once, then
timed over ``--rounds`` passes; the best pass counts. The extractor's figure includes what
it does beyond quantulum3: zoning lines, splitting sentences, hedges, intervals, counted
nouns, subjects and predicates.

    python benchmarks/bench_quantities.py [--repeat 20] [--rounds 3]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import warnings
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WIKINEWS = ROOT.parent / "shared" / "data" / "wikinews-multiling2011" / "documents.jsonl"


def load_texts(repeat: int) -> list[str]:
    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    texts = seeds * repeat
    if WIKINEWS.exists():
        for line in WIKINEWS.read_text(encoding="utf-8").splitlines():
            for document in json.loads(line)["documents"]:
                texts.append("\n\n".join(document["text"]))
    return texts


def best_pass(
    work: Callable[[str], object], texts: list[str], rounds: int, reset: Callable[[], None]
) -> float:
    work(texts[0])  # warm-up: imports and catalogue loading
    best = float("inf")
    for _ in range(rounds):
        reset()  # no pass profits from caches filled by an earlier one
        started = time.perf_counter()
        for text in texts:
            work(text)
        best = min(best, time.perf_counter() - started)
    return best


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=20, help="times the seeds are repeated")
    parser.add_argument("--rounds", type=int, default=3, help="timed passes; the best counts")
    args = parser.parse_args(argv)

    sys.path.insert(0, str(ROOT))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from quantulum3 import parser as q3

    from factcheck.corpus import Source
    from factcheck.extract import lexicon, source_claims, units

    def reset() -> None:
        units._match_catalogue.cache_clear()
        units.singular.cache_clear()
        lexicon.verb_lemma.cache_clear()

    def ours(text: str) -> object:
        return source_claims(Source("bench", "bench", text, "bench"), kinds=["quantity"])

    all_texts = load_texts(args.repeat)
    wikinews = all_texts[5 * args.repeat :]
    print(f"best of {args.rounds} passes; extractor caches cleared before each pass")
    header = ("corpus", "texts", "chars", "quantulum3 c/s", "factcheck c/s", "ratio")
    print("{:24} {:>6} {:>9} {:>15} {:>14} {:>7}".format(*header))
    for name, texts in (("seeds x repeat + wikinews", all_texts), ("wikinews only", wikinews)):
        if not texts:
            continue
        chars = sum(len(t) for t in texts)
        ours_rate = chars / best_pass(ours, texts, args.rounds, reset)
        baseline_rate = chars / best_pass(q3.parse, texts, args.rounds, lambda: None)
        print(
            f"{name:24} {len(texts):6} {chars:9,} {baseline_rate:15,.0f} {ours_rate:14,.0f} "
            f"{ours_rate / baseline_rate:6.2f}x"
        )


if __name__ == "__main__":
    main()
