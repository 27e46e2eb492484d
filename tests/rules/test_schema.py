"""The committed rule-file schema: valid, met by every built-in rule file, in step with the code."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft202012Validator

from factcheck.facts import SEVERITIES, STATUSES
from factcheck.rules.checks import SCHEMA_FILE, parameter_type_problem, rule_file_schema
from factcheck.rules.kinds import PARAMETER_TYPES, load_builtin_kinds
from factcheck.rules.model import FINDING_OUTCOMES, OUTCOMES
from tests.conftest import ROOT
from tests.rules.rulefiles import VALID

SCHEMA_PATH = ROOT / "factcheck" / "rules" / SCHEMA_FILE
BUILTIN_FILES = sorted((ROOT / "rules").glob("*.yaml"))


def test_the_schema_is_a_valid_draft_2020_12_schema() -> None:
    Draft202012Validator.check_schema(rule_file_schema())
    assert SCHEMA_PATH.is_file()


@pytest.mark.parametrize("path", BUILTIN_FILES, ids=lambda p: p.name)
def test_every_builtin_rule_file_meets_the_schema(path: Path) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    errors = [e.message for e in Draft202012Validator(rule_file_schema()).iter_errors(data)]
    assert errors == []


def test_the_documented_format_meets_the_schema() -> None:
    assert Draft202012Validator(rule_file_schema()).is_valid(yaml.safe_load(VALID))


def test_parameter_types_are_the_ones_the_schema_knows() -> None:
    assert tuple(_parameter_value()["type"]) == PARAMETER_TYPES


def test_every_registered_kind_declares_known_types_and_fitting_defaults() -> None:
    for kind in load_builtin_kinds().values():
        for name, parameter in kind.parameters.items():
            where = f"{kind.name}.{name}"
            assert parameter.type in _parameter_value()["type"], where
            assert parameter_type_problem(parameter, parameter.default) is None, where
            assert parameter.description.strip(), where


def test_severities_and_outcomes_match_the_findings_contract() -> None:
    rule = rule_file_schema()["$defs"]["rule"]["properties"]
    assert tuple(rule["severity"]["enum"]) == SEVERITIES
    examples = rule_file_schema()["$defs"]["examples"]
    assert tuple(examples["properties"]) == OUTCOMES == STATUSES
    finding = tuple(branch["required"][0] for branch in examples["anyOf"])
    assert finding == FINDING_OUTCOMES and examples["required"] == ["agree"]


def _parameter_value() -> dict[str, Any]:
    value: dict[str, Any] = rule_file_schema()["$defs"]["parameter_value"]
    return value
