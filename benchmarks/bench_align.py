"""Benchmark: alignment and rules on one cluster of 10 to 100 sources.

The cluster is built from the five seeds and the thirty WikiNews documents, repeated with
fresh source ids until it has N sources. Claims are extracted once (not timed); alignment
and the built-in rules are timed, best of ``--rounds``. Prints seconds and the growth from
the smallest cluster, next to the growth in claims: blocking keeps the work near-linear
(pairs are only scored inside a block).

    python benchmarks/bench_align.py [--sizes 10,20,50,100] [--rounds 3]
"""

from __future__ import annotations

import argparse
import time

from common import ROOT, seed_texts, wikinews_documents


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="10,20,50,100", help="cluster sizes (sources)")
    parser.add_argument("--rounds", type=int, default=3, help="timed passes; the best counts")
    args = parser.parse_args(argv)
    from factcheck.align import align_claims
    from factcheck.corpus import Cluster, Source
    from factcheck.extract import extract_claims
    from factcheck.rules.engine import check_facts
    from factcheck.rules.loader import load_rules

    texts = seed_texts() + [text for _, _, text in wikinews_documents()]
    rules = load_rules([ROOT / "rules"])
    print(f"{'sources':>8} {'claims':>7} {'facts':>6} {'align s':>9} {'rules s':>9} "
          f"{'x time':>7} {'x claims':>9}")  # fmt: skip
    base: tuple[float, int] | None = None
    for size in (int(s) for s in args.sizes.split(",")):
        sources = tuple(
            Source(f"s{i:03d}", "bench", texts[i % len(texts)], "bench") for i in range(size)
        )
        claims = extract_claims(Cluster("bench", sources))
        best_align = best_rules = float("inf")
        for _ in range(args.rounds):
            started = time.perf_counter()
            facts = align_claims(claims, rules.synonyms)
            aligned = time.perf_counter()
            check_facts(facts, rules.rules)
            best_align = min(best_align, aligned - started)
            best_rules = min(best_rules, time.perf_counter() - aligned)
        total = best_align + best_rules
        base = base or (total, len(claims))
        print(
            f"{size:8} {len(claims):7} {len(facts):6} {best_align:9.3f} {best_rules:9.3f} "
            f"{total / base[0]:7.1f} {len(claims) / base[1]:9.1f}"
        )


if __name__ == "__main__":
    main()
