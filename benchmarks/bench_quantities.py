"""Benchmark: the quantity extractor against bare ``quantulum3.parser.parse``.

Both run in this one process on the same texts: the five seeds repeated, and the thirty
WikiNews documents (``tests/data/wikinews``). Each side is warmed up once, then
timed over ``--rounds`` passes; the best pass counts. The extractor's figure includes what
it does beyond quantulum3: zoning lines, splitting sentences, hedges, intervals, counted
nouns, subjects and predicates.

    python benchmarks/bench_quantities.py [--repeat 20] [--rounds 3]
"""

from __future__ import annotations

import argparse
import time
import warnings
from collections.abc import Callable

from common import seed_texts, wikinews_documents


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

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from quantulum3 import parser as q3

    from factcheck.corpus import Source
    from factcheck.extract import clear_caches, source_claims

    def ours(text: str) -> object:
        return source_claims(Source("bench", "bench", text, "bench"), kinds=["quantity"])

    wikinews = [text for _, _, text in wikinews_documents()]
    all_texts = seed_texts() * args.repeat + wikinews
    print(f"best of {args.rounds} passes; extractor caches cleared before each pass")
    header = ("corpus", "texts", "chars", "quantulum3 c/s", "factcheck c/s", "ratio")
    print("{:24} {:>6} {:>9} {:>15} {:>14} {:>7}".format(*header))
    for name, texts in (("seeds x repeat + wikinews", all_texts), ("wikinews only", wikinews)):
        chars = sum(len(t) for t in texts)
        ours_rate = chars / best_pass(ours, texts, args.rounds, clear_caches)
        baseline_rate = chars / best_pass(q3.parse, texts, args.rounds, lambda: None)
        print(
            f"{name:24} {len(texts):6} {chars:9,} {baseline_rate:15,.0f} {ours_rate:14,.0f} "
            f"{ours_rate / baseline_rate:6.2f}x"
        )


if __name__ == "__main__":
    main()
