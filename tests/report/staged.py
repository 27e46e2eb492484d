"""Helpers for the report-format tests: real staged runs of real cluster outputs."""

from __future__ import annotations

import copy
import json
from collections.abc import Iterable, Sequence
from functools import cache
from pathlib import Path

from factcheck.corpus import Cluster, read_inputs
from factcheck.errors import InputProblem
from factcheck.pipeline import check_cluster
from factcheck.report import write_reports
from factcheck.report.run import ClusterOutput, staged_run
from factcheck.rules.loader import RuleSet, load_rules
from tests.conftest import SEEDS


@cache
def rules() -> RuleSet:
    return load_rules()


@cache
def seed_output() -> ClusterOutput:
    """The seed cluster checked with the built-in rules (computed once)."""
    (cluster,) = [c for c in read_inputs([SEEDS]) if isinstance(c, Cluster)]
    return ClusterOutput.from_result(check_cluster(cluster, rules().rules, rules().synonyms))


def renamed(output: ClusterOutput, cluster_id: str) -> ClusterOutput:
    """A copy of a cluster output under another cluster id (a distinct cluster of a batch)."""
    record = copy.deepcopy(output.record)
    record["cluster_id"] = cluster_id
    claims = output.claims.copy()
    claims["cluster_id"] = cluster_id
    return ClusterOutput(record, dict(output.texts), claims)


def write_run(
    out: Path,
    outputs: Iterable[ClusterOutput],
    formats: Sequence[str],
    fail_on: str = "error",
    problems: Sequence[InputProblem] = (),
) -> Path:
    """Stage ``outputs`` and write ``formats`` into ``out`` through the report layer."""
    with staged_run(out) as writer:
        for output in outputs:
            writer.add(output)
        run = writer.finish(list(problems), rules().rules, fail_on)
        write_reports(run, out, formats)
    return out


def seeds_as_jsonl(path: Path, cluster_id: str = "seeds-jsonl") -> Path:
    """The seed articles as a JSONL file, one document per line (after a blank line)."""
    lines = [""]
    for file in sorted(SEEDS.glob("*.txt")):
        doc = {"cluster_id": cluster_id, "source_id": file.stem, "text": file.read_text("utf-8")}
        lines.append(json.dumps(doc, ensure_ascii=False))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
