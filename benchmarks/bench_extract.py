"""Benchmark: extraction time per 1,000 characters, kind by kind and all kinds together.

Runs every registered claim kind alone, then all of them through ``extract_claims`` (which
adds the cluster-level canonicalisation), on the same texts: the five seeds repeated and the
thirty WikiNews documents. Prints milliseconds per 1,000 characters and the ratio to the
quantity extractor alone. Best of ``--rounds`` passes; extractor caches cleared before each.

    python benchmarks/bench_extract.py [--repeat 20] [--rounds 3]
"""

from __future__ import annotations

import argparse
import time
from collections import defaultdict

from common import seed_texts, wikinews_documents


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=20, help="times the seeds are repeated")
    parser.add_argument("--rounds", type=int, default=3, help="timed passes; the best counts")
    args = parser.parse_args(argv)
    from factcheck.corpus import Cluster, Source
    from factcheck.extract import EXTRACTORS, clear_caches, extract_claims, source_claims

    seeds = seed_texts()
    clusters = [
        Cluster(f"seeds-{n}", tuple(Source(f"s{i}", f"seeds-{n}", t, "seeds")
                                    for i, t in enumerate(seeds)))
        for n in range(args.repeat)
    ]  # fmt: skip
    by_cluster: dict[str, list[Source]] = defaultdict(list)
    for cluster_id, source_id, text in wikinews_documents():
        by_cluster[cluster_id].append(Source(source_id, cluster_id, text, "wikinews"))
    clusters += [Cluster(cluster_id, tuple(s)) for cluster_id, s in by_cluster.items()]
    chars = sum(s.chars for c in clusters for s in c.sources)

    def timed(work: object) -> float:
        best = float("inf")
        for _ in range(args.rounds):
            clear_caches()
            started = time.perf_counter()
            for cluster in clusters:
                work(cluster)  # type: ignore[operator]
            best = min(best, time.perf_counter() - started)
        return best * 1000 / (chars / 1000)  # ms per 1,000 characters

    extract_claims(clusters[0])  # warm-up: imports and catalogue loading
    print(f"{len(clusters)} clusters, {chars:,} characters; best of {args.rounds} passes")
    print(f"{'kinds':28} {'ms / 1,000 chars':>17} {'x quantity alone':>17}")
    rows = {}
    for kind in EXTRACTORS:
        rows[kind] = timed(lambda c, k=kind: [source_claims(s, [k]) for s in c.sources])
    rows["all kinds (extract_claims)"] = timed(extract_claims)
    for name, ms in rows.items():
        print(f"{name:28} {ms:17.3f} {ms / rows['quantity']:17.2f}")


if __name__ == "__main__":
    main()
