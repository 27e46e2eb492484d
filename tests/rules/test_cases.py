"""Every rule kind's YAML cases (tests/rules/cases/*.yaml, format in tests/rules/CASES.md).

Each case's sources go through the real pipeline (extraction, alignment, the one rule at the
top of its file) and must produce exactly the expected findings.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml

from factcheck.corpus import Cluster, Source
from factcheck.pipeline import check_cluster
from factcheck.rules.loader import load_rules

CASES = Path(__file__).resolve().parent / "cases"


@dataclass(frozen=True)
class CaseRule:
    code: str
    name: str
    kind: str
    severity: str
    parameters: dict[str, Any] = field(default_factory=dict)


def _cases() -> list[Any]:
    params = []
    for path in sorted(CASES.glob("*.yaml")):
        spec = yaml.safe_load(path.read_text(encoding="utf-8"))
        rule = CaseRule(kind=spec["kind"], **{k: v for k, v in spec["rule"].items()})
        for case in spec["cases"]:
            params.append(pytest.param(rule, case, id=f"{path.stem}: {case['name']}"))
    return params


def _outcome(status: str, evidence: list[str]) -> tuple[str, tuple[str, ...]]:
    return status, tuple(sorted(evidence))


@pytest.mark.parametrize(("rule", "case"), _cases())
def test_rule_case(rule: CaseRule, case: dict[str, Any]) -> None:
    sources = tuple(Source(sid, "case", text, f"<{sid}>") for sid, text in case["sources"].items())
    result = check_cluster(Cluster("case", sources), [rule], load_rules().synonyms)
    messages = "\n".join(f.message for f in result.findings)
    found = {_outcome(f.status, [e.text for e in f.evidence]): f for f in result.findings}
    found_counts = Counter(
        _outcome(f.status, [e.text for e in f.evidence]) for f in result.findings
    )
    expected = Counter(_outcome(e["status"], e["evidence"]) for e in case["expect"])
    assert found_counts == expected, messages
    for entry in case["expect"]:
        if "severity" in entry:  # checked where the case names one
            finding = found[_outcome(entry["status"], entry["evidence"])]
            assert finding.severity == entry["severity"], messages
