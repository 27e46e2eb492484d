"""Checking a rule file's data: the committed JSON Schema, then the rule-kind registry.

Each check returns ``(line, message)`` pairs in file order; a message names the rule (by
code) and the field, and says what is wrong in words a rule author can act on.
"""

from __future__ import annotations

import difflib
import json
import math
from collections.abc import Iterable, Mapping
from functools import cache
from importlib import resources
from typing import Any

from jsonschema import Draft202012Validator, ValidationError
from jsonschema.exceptions import best_match

from factcheck.rules.kinds import Parameter, RuleKind
from factcheck.rules.yamlfile import Document, JsonPath

Problem = tuple[int, str]  #: a line and what is wrong there

SCHEMA_FILE = "rules.schema.json"
_TYPE_WORDS = {
    "number": "a number",
    "integer": "an integer",
    "string": "a string",
    "boolean": "a boolean",
    "array": "a list",
    "object": "a mapping",
    "null": "empty (null)",
}


@cache
def rule_file_schema() -> dict[str, Any]:
    """The committed JSON Schema of rule files (``factcheck/rules/rules.schema.json``)."""
    text = resources.files("factcheck.rules").joinpath(SCHEMA_FILE).read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


@cache
def _validator() -> Draft202012Validator:
    return Draft202012Validator(rule_file_schema())


def schema_problems(document: Document) -> list[Problem]:
    """Every way the document breaks the committed schema, by line."""
    problems: set[Problem] = set()
    for error in _validator().iter_errors(document.data):
        where = _where(error.absolute_path, document)
        for line, what in _explain(error, document):
            problems.add((line, f"{where}: {what}" if where else what))
    return sorted(problems)


def registry_problems(document: Document, kinds: Mapping[str, RuleKind]) -> list[Problem]:
    """Unknown rule kinds, and parameters the kind does not declare or types it does not take.

    Call it on a document that passed :func:`schema_problems`.
    """
    problems: list[Problem] = []
    for index, rule in enumerate(document.data["rules"]):
        path: JsonPath = ("rules", index)
        where = _where(path, document)
        kind = kinds.get(rule["kind"])
        if kind is None:
            line = document.line((*path, "kind"))
            problems.append((line, f"{where}: {_unknown('rule kind', rule['kind'], kinds)}"))
            continue
        for name, value in rule.get("parameters", {}).items():
            declared = kind.parameters.get(name)
            if declared is None:
                line = document.line((*path, "parameters", name), key=True)
                unknown = _unknown("parameter", name, kind.parameters, f" of kind {kind.name}")
                problems.append((line, f"{where}: {unknown}"))
            elif (wrong := parameter_type_problem(declared, value)) is not None:
                line = document.line((*path, "parameters", name))
                problems.append((line, f"{where}: parameters.{name}: {wrong}"))
    return problems


def parameter_type_problem(parameter: Parameter, value: Any) -> str | None:
    """Why ``value`` does not fit the parameter's JSON type, or None when it does."""
    if not Draft202012Validator({"type": parameter.type}).is_valid(value):
        return f"must be {_TYPE_WORDS.get(parameter.type, parameter.type)}, not {_type_of(value)}"
    if isinstance(value, float) and not math.isfinite(value):
        return f"must be a finite number, not {value}"
    error = best_match(Draft202012Validator(dict(parameter.limits)).iter_errors(value))
    if error is None:
        return None
    at = "".join(f"[{p}]" for p in error.absolute_path)
    return f"{at}: {_limit(error)}" if at else _limit(error)


def _limit(error: ValidationError) -> str:
    match error.validator:
        case "minimum":
            return f"must be at least {error.validator_value}, not {error.instance!r}"
        case "maximum":
            return f"must be at most {error.validator_value}, not {error.instance!r}"
    schema = error.schema if isinstance(error.schema, dict) else {}
    return _what(error, schema)


def _unknown(what: str, name: str, known: Iterable[str], of: str = "") -> str:
    names = sorted(known)
    close = difflib.get_close_matches(name, names, n=1)
    hint = f"; did you mean {close[0]!r}?" if close else ""
    listed = f" (known: {', '.join(names)})" if names else " (there are none)"
    return f"unknown {what} {name!r}{of}{hint}{listed}"


def _where(path: Iterable[str | int], document: Document) -> str:
    """``rule FC101: examples.agree[0]`` for a path into the document."""
    rest = tuple(path)
    head = ""
    if len(rest) >= 2 and rest[0] == "rules" and isinstance(rest[1], int):
        rule = document.data["rules"][rest[1]]
        code = rule.get("code") if isinstance(rule, dict) else None
        head = f"rule {code}" if isinstance(code, str) and code else f"rules[{rest[1]}]"
        rest = rest[2:]
    field = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in rest).lstrip(".")
    return ": ".join(part for part in (head, field) if part)


def _explain(error: ValidationError, document: Document) -> list[Problem]:
    """Lines and messages for one schema error (one per unknown key)."""
    path = tuple(error.absolute_path)
    schema = error.schema if isinstance(error.schema, dict) else {}
    if error.validator == "additionalProperties":
        allowed = schema.get("properties", {})
        instance: Any = error.instance
        extra = [key for key in instance if key not in allowed]
        return [
            (document.line((*path, key), key=True), _unknown("key", key, allowed)) for key in extra
        ]
    return [(document.line(path, key=True), _what(error, schema))]


def _what(error: ValidationError, schema: Mapping[str, Any]) -> str:
    """What is wrong, for one schema error."""
    value: Any = error.instance
    rule: Any = error.validator_value
    hint = f" ({schema['description']})" if "description" in schema else ""
    match error.validator:
        case "required":
            missing = [name for name in rule if name not in value]
            keys = "key" if len(missing) == 1 else "keys"
            return f"missing required {keys} {', '.join(map(repr, missing))}{hint}"
        case "anyOf" if all(list(branch) == ["required"] for branch in rule):
            names = ", ".join(name for branch in rule for name in branch["required"])
            return f"needs at least one of {names}{hint}"
        case "type":
            message = _type_message(value, [rule] if isinstance(rule, str) else list(rule))
            return message if "quotes" in message else message + hint
        case "enum":
            return f"{_short(value)} is not one of {', '.join(map(str, rule))}"
        case "pattern":
            shape = schema.get("description", f"of the form {rule}")
            return f"{_short(value)} is not {shape}"
        case "minLength":
            return "must not be empty"
        case "minItems":
            count = f"has {len(value)} item{'s' * (len(value) != 1)}" if value else "is empty"
            return f"{count}, needs at least {rule}{hint}"
        case "maxItems":
            return f"has {len(value)} items, at most {rule} allowed{hint}"
        case "uniqueItems":
            return "lists the same word twice"
    return str(error.message)


def _type_message(value: Any, expected: list[str]) -> str:
    if value is None and len(expected) > 2:
        return "has no value"
    words = " or ".join(_TYPE_WORDS.get(t, t) for t in expected)
    quote = "; put it in quotes" if expected == ["string"] and _is_scalar(value) else ""
    return f"must be {words}, not {_type_of(value)}{quote}"


def _short(value: Any, limit: int = 60) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 4] + "...'"


def _is_scalar(value: Any) -> bool:
    return value is not None and not isinstance(value, str | list | dict)


def _type_of(value: Any) -> str:
    if value is None:
        return _TYPE_WORDS["null"]
    if isinstance(value, bool | int | float):
        name = {bool: "boolean", int: "integer", float: "number"}[type(value)]
        return f"{_TYPE_WORDS[name]} ({value!r})"
    for python_type, name in ((str, "string"), (list, "array"), (dict, "object")):
        if isinstance(value, python_type):
            return _TYPE_WORDS[name]
    text = str(value)
    return f"a {type(value).__name__} ({text if len(text) <= 40 else text[:36] + '...'})"
