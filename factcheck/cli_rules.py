"""``factcheck rules``: list the rules, explain one, validate rule files.

Each action reads the built-in ``rules/`` directory unless ``--rules PATH`` (repeatable)
names rule files or directories to use instead. A rule file that cannot be used is exit code
2 with one line per problem, naming the file and line.
"""

from __future__ import annotations

import argparse
import difflib
import json
import textwrap
from collections.abc import Iterator
from typing import Any

from factcheck.cli_common import EXIT_ERROR, EXIT_OK, report_problem
from factcheck.controls import visible
from factcheck.errors import ConfigError, UsageError
from factcheck.rules.kinds import REGISTRY
from factcheck.rules.loader import load_rules
from factcheck.rules.model import FINDING_OUTCOMES, Rule, RuleSet

_WIDTH = 100
_RULES_HELP = "rule file or directory of *.yaml, instead of the built-in rules/ (repeatable)"


def add_rules_command(commands: Any) -> None:
    """Add ``rules`` and its actions to the CLI's subparsers (``commands``)."""
    rules = commands.add_parser("rules", help="list, explain and validate rules")
    rules.add_argument(
        "--rules", action="append", dest="rules_first", metavar="PATH", help=_RULES_HELP
    )
    rules.set_defaults(handler=run_list)
    actions = rules.add_subparsers(dest="rules_action", metavar="ACTION")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--rules", action="append", metavar="PATH", help=_RULES_HELP)
    listing = actions.add_parser("list", parents=[common], help="one line per rule (default)")
    listing.set_defaults(handler=run_list)
    explain = actions.add_parser("explain", parents=[common], help="everything about one rule")
    explain.add_argument("code", metavar="CODE", help="a rule code, such as FC101")
    explain.set_defaults(handler=run_explain)
    validate = actions.add_parser(
        "validate", parents=[common], help="check rule files: 'ok: N rules' or the problems"
    )
    validate.add_argument("paths", nargs="*", metavar="PATH", help="rule files or directories")
    validate.set_defaults(handler=run_validate)


def _paths(args: argparse.Namespace) -> list[str]:
    return [*(args.rules_first or []), *(getattr(args, "rules", None) or [])]


def run_list(args: argparse.Namespace) -> int:
    """``factcheck rules list``: code, severity, kind, name and summary of each rule."""
    rules = sorted(load_rules(_paths(args) or None).rules, key=lambda rule: rule.code)
    rows = [(r.code, r.severity, r.kind, r.name, r.summary) for r in rules]
    widths = [max((len(row[i]) for row in rows), default=0) for i in range(4)]
    for row in rows:
        cells = [*(cell.ljust(w) for cell, w in zip(row, widths, strict=False)), row[4]]
        print(visible("  ".join(cells)))
    return EXIT_OK


def run_explain(args: argparse.Namespace) -> int:
    """``factcheck rules explain CODE``: summary, description, kind, parameters, examples."""
    ruleset = load_rules(_paths(args) or None)
    rule = ruleset.find(args.code)
    if rule is None:
        raise UsageError(_unknown_code(args.code, ruleset))
    print("\n".join(map(visible, explain_lines(rule))))
    return EXIT_OK


def run_validate(args: argparse.Namespace) -> int:
    """``factcheck rules validate PATH ...``: ``ok: N rules`` or every problem, exit 2."""
    paths = [*args.paths, *_paths(args)]
    try:
        ruleset = load_rules(paths or None)
    except ConfigError as exc:
        for problem in exc.problems:
            report_problem(problem)
        return EXIT_ERROR
    count, files = len(ruleset.rules), len(ruleset.files)
    print(f"ok: {count} rule{'s' * (count != 1)} in {files} file{'s' * (files != 1)}")
    return EXIT_OK


def explain_lines(rule: Rule) -> Iterator[str]:
    """The text of ``factcheck rules explain`` for one rule."""
    yield f"{rule.code} {rule.name} ({rule.severity})"
    yield f"  {rule.summary}"
    if rule.description:
        yield ""
        yield from (f"  {line}".rstrip() for line in rule.description.splitlines())
    kind = REGISTRY.get(rule.kind)  # load_rules has loaded the built-in kinds
    yield ""
    yield f"kind: {rule.kind}"
    if kind is not None:
        yield f"  {kind.summary}"
    yield "parameters:" if rule.parameters else "parameters: none"
    for name, value in rule.parameters.items():
        declared = kind.parameters.get(name) if kind else None
        default = f" (default {_json(declared.default)})" if declared else ""
        about = f": {declared.description}" if declared and declared.description else ""
        line = f"  {name} = {_json(value)}{default}{about}"
        yield textwrap.fill(line, width=_WIDTH, subsequent_indent="      ")
    yield "examples:"
    for outcome, examples in rule.examples.items():
        found = "finds something" if outcome in FINDING_OUTCOMES else "finds nothing"
        yield f"  {outcome} ({found}):"
        for example in examples:
            for number, text in enumerate(example):
                yield f"    {'-' if number == 0 else ' '} source {number + 1}: {text}"
    yield f"defined at: {rule.origin}"


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _unknown_code(code: str, ruleset: RuleSet) -> str:
    codes = [rule.code for rule in ruleset.rules]
    close = difflib.get_close_matches(code.upper(), codes, n=1)
    hint = f"; did you mean {close[0]}?" if close else ""
    return f"unknown rule code {code!r}{hint} (see factcheck rules list)"
