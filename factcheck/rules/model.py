"""Rules as loaded from rule files: immutable records the engine and the CLI read."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

#: The outcomes a rule's examples are grouped by, in the order they are shown.
OUTCOMES = ("agree", "conflict", "variant", "single_source")
#: Outcomes under which a rule reports a finding; ``agree`` is the one where it finds nothing.
FINDING_OUTCOMES = ("conflict", "variant", "single_source")

Example = tuple[str, ...]  #: the texts of two or three sources


@dataclass(frozen=True)
class Rule:
    """One rule: a rule kind instantiated with a code, a severity, parameters and docs.

    ``parameters`` holds every parameter of the kind: the rule's own values, else the
    kind's defaults. ``origin`` is ``"file:line"`` of the rule in its rule file.
    """

    code: str
    name: str
    kind: str
    severity: str
    summary: str
    description: str
    parameters: Mapping[str, Any] = field(hash=False)
    examples: Mapping[str, tuple[Example, ...]] = field(hash=False)
    origin: str


@dataclass(frozen=True)
class RuleSet:
    """The rules of one or more rule files, with their unit synonyms merged.

    ``synonyms`` maps a canonical unit to its variants (``troop -> (soldier, ...)``);
    ``files`` lists the files read, in order.
    """

    rules: tuple[Rule, ...]
    synonyms: Mapping[str, tuple[str, ...]] = field(hash=False)
    files: tuple[str, ...]

    def find(self, code: str) -> Rule | None:
        """The rule with this code (case-insensitive), or None."""
        wanted = code.strip().upper()
        return next((rule for rule in self.rules if rule.code == wanted), None)
