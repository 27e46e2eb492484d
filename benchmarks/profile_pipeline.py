"""Profile: ``check_cluster`` over a synthetic archive, in this process, with cProfile.

Builds the archive (benchmarks/archive.py), reads it, warms the pipeline up on the first
cluster (imports, catalogues: start-up is not what this measures), clears the extractor
caches, then profiles every cluster through ``check_cluster`` and the report records
(``ClusterOutput.from_result``). Prints the total and the top functions by own time and by
cumulative time, and each stage's share (extract, align, rules, records).

    python benchmarks/profile_pipeline.py [--clusters 100] [--top 25] [--save FILE.prof]
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import tempfile
import time
from pathlib import Path

from common import ROOT

from benchmarks.archive import write_archive


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--clusters", type=int, default=100, help="archive size (100)")
    parser.add_argument("--seed", type=int, default=0, help="archive seed (0)")
    parser.add_argument("--top", type=int, default=25, help="functions listed per table")
    parser.add_argument("--save", type=Path, help="write the raw profile here")
    parser.add_argument("--no-profile", action="store_true", help="time only (no cProfile)")
    args = parser.parse_args(argv)
    from factcheck.corpus import Cluster, read_inputs
    from factcheck.extract import clear_caches
    from factcheck.pipeline import check_cluster
    from factcheck.report.run import ClusterOutput
    from factcheck.rules.loader import load_rules

    rules = load_rules([ROOT / "rules"])
    with tempfile.TemporaryDirectory() as temp:
        archive = write_archive(Path(temp), args.clusters, args.seed)
        clusters = [c for c in read_inputs([archive.path]) if isinstance(c, Cluster)]
    ClusterOutput.from_result(check_cluster(clusters[0], rules.rules, rules.synonyms))
    clear_caches()

    def work() -> None:
        for cluster in clusters:
            ClusterOutput.from_result(check_cluster(cluster, rules.rules, rules.synonyms))

    chars = archive.stats.chars
    if args.no_profile:
        started, cpu = time.perf_counter(), time.process_time()
        work()
        wall, cpu = time.perf_counter() - started, time.process_time() - cpu
        print(f"{len(clusters)} clusters, {chars:,} chars: {wall:.2f} s wall, {cpu:.2f} s CPU, "
              f"{chars / cpu:,.0f} chars per CPU second")  # fmt: skip
        return
    profile = cProfile.Profile()
    profile.runcall(work)
    if args.save:
        profile.dump_stats(args.save)
    stats = pstats.Stats(profile)
    total = stats.total_tt  # type: ignore[attr-defined]
    print(f"{len(clusters)} clusters, {chars:,} chars: {total:.2f} s under cProfile")
    stages = {
        "extract_claims": "extract",
        "align_claims": "align",
        "check_facts": "rules",
        "from_result": "records",
    }
    for (_, _, name), (_, _, _, cumulative, _) in stats.stats.items():  # type: ignore[attr-defined]
        if name in stages:
            print(f"  {stages[name]:8} {cumulative:7.2f} s  {cumulative / total:6.1%}")
    for key in ("tottime", "cumulative"):
        print(f"\ntop {args.top} by {key}:")
        stats.sort_stats(key).print_stats(args.top)


if __name__ == "__main__":
    main()
