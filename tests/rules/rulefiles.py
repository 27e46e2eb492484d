"""A test-only rule kind and a valid rule file, for the loader and `factcheck rules` tests."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from factcheck.facts import Fact, Verdict
from factcheck.rules.kinds import Parameter, RuleKind


def _never(fact: Fact, parameters: Mapping[str, Any]) -> Iterable[Verdict]:
    return ()


TEST_KIND = RuleKind(
    name="test_tolerance",
    claim_kind="quantity",
    summary="A rule kind that exists only in the tests.",
    check=_never,
    parameters={
        "tolerance": Parameter("number", 0.1, "Relative difference still taken as agreement."),
        "steps": Parameter("integer", 3, "How many steps."),
        "mode": Parameter("string", "strict", "How to compare."),
        "hedges": Parameter("boolean", True, "Whether hedges widen the interval."),
        "units": Parameter("array", [], "Units to compare."),
    },
)
KINDS = {TEST_KIND.name: TEST_KIND}

# Line numbers matter: the error tests name them.
VALID = """\
# Rules for the tests.
synonyms:
  troop: [soldier, paratrooper]
rules:
  - code: TST101
    name: test-numbers
    kind: test_tolerance
    severity: error
    summary: Numbers differ across sources.
    description: |
      Longer prose
      over two lines.
    parameters:
      tolerance: 0.05
    examples:
      agree:
        - ["The army sent 750 troops.", "The army sent 750 soldiers."]
      conflict:
        - ["The army sent 750 troops.", "The army sent 900 troops.", "Troops arrived."]
  - code: TST102
    name: test-words
    kind: test_tolerance
    severity: info
    summary: Only one source says it.
    examples:
      agree: [["Troops arrived.", "Troops came."]]
      single_source: [["Troops arrived.", "It rained."]]
"""


def write(directory: Path, name: str, text: str) -> Path:
    """Write ``text`` (UTF-8) to ``directory/name`` and return the path."""
    path = directory / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def rule_text(code: str, name: str = "test-rule", kind: str = TEST_KIND.name) -> str:
    """One more rule entry (to append under ``rules:``)."""
    return f"""\
  - code: {code}
    name: {name}
    kind: {kind}
    severity: warning
    summary: A rule named {name}.
    examples:
      agree: [["a", "b"]]
      conflict: [["a", "c"]]
"""
