"""The registry of rule kinds: name -> :class:`RuleKind`.

A rule kind is one small module that defines ``KIND = RuleKind(...)``: which claim kind it
checks, its parameters (with types, defaults and documentation) and a ``check`` function
from a fact and the rule's parameters to verdicts. A rule in YAML instantiates a kind with a
code, a severity and parameter values. Built-in kinds are listed in :data:`BUILTIN_MODULES`
and registered exactly as a plugin's would be, through :func:`register`.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from factcheck.facts import Fact, Verdict

Check = Callable[[Fact, Mapping[str, Any]], Iterable[Verdict]]

#: JSON types a parameter may take, as named in rule files and their JSON Schema.
PARAMETER_TYPES = ("number", "integer", "string", "boolean", "array", "object")


@dataclass(frozen=True)
class Parameter:
    """One parameter of a rule kind.

    ``limits`` is JSON Schema for the values the check can use beyond their ``type`` (a
    range, the words a list may hold); the loader refuses other values with the file's line.
    """

    type: str
    default: Any
    description: str
    limits: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class RuleKind:
    """A kind of check: the claim kind it reads, its parameters and its check function."""

    name: str
    claim_kind: str
    summary: str
    check: Check
    parameters: Mapping[str, Parameter] = field(default_factory=dict)

    def with_defaults(self, values: Mapping[str, Any]) -> dict[str, Any]:
        """Parameter values for one rule: the rule's own, else the kind's defaults."""
        return {name: values.get(name, p.default) for name, p in self.parameters.items()}


REGISTRY: dict[str, RuleKind] = {}

#: Modules of the built-in rule kinds, each defining ``KIND``.
BUILTIN_MODULES: tuple[str, ...] = (
    "factcheck.rules.kinds.numeric_tolerance",
    "factcheck.rules.kinds.date_consistency",
    "factcheck.rules.kinds.weekday_mismatch",
    "factcheck.rules.kinds.single_source",
    "factcheck.rules.kinds.quote_fidelity",
    "factcheck.rules.kinds.entity_variants",
    "factcheck.rules.kinds.role_conflict",
)


def register(kind: RuleKind) -> RuleKind:
    """Add a rule kind to the registry (a second kind of the same name is an error)."""
    if kind.name in REGISTRY and REGISTRY[kind.name] is not kind:
        raise ValueError(f"rule kind {kind.name!r} is registered twice")
    REGISTRY[kind.name] = kind
    return kind


def load_builtin_kinds() -> dict[str, RuleKind]:
    """Import and register every built-in rule kind; return the registry."""
    for module in BUILTIN_MODULES:
        register(importlib.import_module(module).KIND)
    return REGISTRY
