"""The built-in rules document themselves: code, name, severity, summary and examples.

As in sqlfluff and datasette: a rule without its documentation, or missing from the README,
fails a test.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from factcheck.rules.loader import load_rules
from factcheck.rules.model import FINDING_OUTCOMES
from tests.conftest import ROOT

BUILTIN = ROOT / "rules"


def _entries() -> list[Any]:
    params = []
    for path in sorted(BUILTIN.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for entry in data.get("rules") or []:
            code = entry.get("code", "?") if isinstance(entry, dict) else "?"
            params.append(pytest.param(entry, id=f"{path.name}:{code}"))
    return params


ENTRIES = _entries()


def test_the_builtin_rules_load() -> None:
    if not ENTRIES:
        pytest.skip("no built-in rule files yet")
    ruleset = load_rules([BUILTIN])
    assert [Path(f).name for f in ruleset.files] == sorted(p.name for p in BUILTIN.glob("*.yaml"))


@pytest.mark.parametrize("entry", ENTRIES)
def test_every_builtin_rule_documents_itself(entry: dict[str, Any]) -> None:
    for key in ("code", "name", "severity", "summary"):
        assert isinstance(entry.get(key), str) and entry[key].strip(), key
    examples = entry.get("examples") or {}
    assert examples.get("agree"), "an example where the rule finds nothing (agree)"
    assert any(examples.get(o) for o in FINDING_OUTCOMES), "an example where it finds something"
    for outcome, cases in examples.items():
        for texts in cases:
            assert 2 <= len(texts) <= 3 and all(t.strip() for t in texts), outcome


@pytest.mark.parametrize("entry", ENTRIES)
def test_every_builtin_rule_is_in_the_readme(entry: dict[str, Any]) -> None:
    assert entry["code"] in (ROOT / "README.md").read_text(encoding="utf-8")
