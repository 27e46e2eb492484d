"""Benchmark: extraction time per 1,000 characters, kind by kind and all kinds together.

Runs every registered claim kind alone, then all of them through ``extract_claims`` (which
adds the cluster-level canonicalisation), on the same texts: the five seeds repeated and the
thirty WikiNews documents. Prints milliseconds per 1,000 characters and the ratio to the
quantity extractor alone. Best of ``--rounds`` passes; extractor caches cleared before each.

    python benchmarks/bench_extract.py [--repeat 20] [--rounds 3]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WIKINEWS = ROOT / "tests" / "data" / "wikinews" / "clusters.jsonl"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=20, help="times the seeds are repeated")
    parser.add_argument("--rounds", type=int, default=3, help="timed passes; the best counts")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    from factcheck.corpus import Cluster, Source, read_inputs
    from factcheck.extract import EXTRACTORS, extract_claims, lexicon, source_claims, units

    (seeds,) = [c for c in read_inputs([ROOT / "seeds"]) if isinstance(c, Cluster)]
    clusters = [
        Cluster(f"seeds-{n}", tuple(Source(s.source_id, f"seeds-{n}", s.text, s.path)
                                    for s in seeds.sources))
        for n in range(args.repeat)
    ]  # fmt: skip
    for line in WIKINEWS.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        cluster_id = record["cluster_id"]
        clusters.append(
            Cluster(cluster_id, tuple(Source(d["source_id"], cluster_id, d["text"], "wikinews")
                                      for d in record["documents"]))
        )  # fmt: skip
    chars = sum(s.chars for c in clusters for s in c.sources)

    def reset() -> None:
        units._match_catalogue.cache_clear()
        units.singular.cache_clear()
        lexicon.verb_lemma.cache_clear()

    def timed(work: object) -> float:
        best = float("inf")
        for _ in range(args.rounds):
            reset()
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
