"""Loading rule files: the built-in ``rules/`` directory, or the files given with ``--rules``.

Built-in rules go through the same door as a user's: each file is read with line numbers,
checked against the committed JSON Schema and the rule-kind registry, and the rules of all
files are checked together for duplicate codes and clashing synonyms. Every problem is a
:class:`~factcheck.errors.InputProblem` naming the file and line, raised together as one
:class:`~factcheck.errors.ConfigError` (exit code 2).
"""

from __future__ import annotations

import codecs
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any

from factcheck.bundled import bundled_dir
from factcheck.errors import ConfigError, InputProblem, UsageError
from factcheck.rules.checks import registry_problems, schema_problems
from factcheck.rules.kinds import RuleKind, load_builtin_kinds
from factcheck.rules.model import OUTCOMES, Rule, RuleSet
from factcheck.rules.yamlfile import Document, LocatedError, read_document

RULE_FILE_SUFFIXES = (".yaml", ".yml")
#: Rule files larger than this are refused unread. The built-in ones are 50 KB together;
#: PyYAML and the schema check read about 100 KB of rules a second, so a file at the limit
#: takes about 3 s (benchmarks/bench_rule_files.py). More rules go in more files.
MAX_RULE_FILE_BYTES = 256 * 1024


def default_rules_dir() -> Path:
    """``rules/`` in the working directory, else the built-in rules beside the package."""
    rules = bundled_dir("rules")
    if rules is None:
        raise UsageError("no rules/ directory found; pass --rules PATH")
    return rules


def load_rules(
    paths: Sequence[str | Path] | None = None, *, kinds: Mapping[str, RuleKind] | None = None
) -> RuleSet:
    """Read, check and combine rule files; raise :class:`ConfigError` on any problem.

    ``paths`` are rule files or directories of ``*.yaml``/``*.yml`` files (read in name
    order); they replace the built-in ``rules/`` directory, which is the default. ``kinds``
    defaults to the registry with the built-in rule kinds loaded.
    """
    registry = load_builtin_kinds() if kinds is None else kinds
    files, problems = rule_files(paths or [default_rules_dir()])
    documents: list[tuple[str, Document]] = []
    for file in files:
        document, found = check_file(file, registry)
        problems += found
        if document is not None:
            documents.append((file, document))
    if problems:
        raise ConfigError(problems)
    rules = [rule for file, document in documents for rule in _rules(file, document, registry)]
    synonyms, problems = _merge_synonyms(documents)
    problems = _duplicate_codes(rules) + problems
    if problems:
        raise ConfigError(problems)
    return RuleSet(tuple(rules), MappingProxyType(synonyms), tuple(files))


def rule_files(paths: Sequence[str | Path]) -> tuple[list[str], list[InputProblem]]:
    """The rule files that ``paths`` name, each once, and problems with paths that name none."""
    files: list[str] = []
    problems: list[InputProblem] = []
    seen: set[Path] = set()
    for path in map(Path, paths):
        if path.is_dir():
            found = sorted(
                p
                for p in path.iterdir()
                if p.suffix in RULE_FILE_SUFFIXES and not p.name.startswith(".") and p.is_file()
            )
            if not found:
                problems.append(InputProblem(str(path), "no *.yaml rule files in this directory"))
        elif path.exists():
            found = [path]
        else:
            problems.append(InputProblem(str(path), "no such file or directory"))
            found = []
        for file in found:
            if file.resolve() not in seen:
                seen.add(file.resolve())
                files.append(str(file))
    return files, problems


def check_file(
    file: str, kinds: Mapping[str, RuleKind]
) -> tuple[Document | None, list[InputProblem]]:
    """One file read and checked on its own: the document if usable, and its problems."""
    try:
        document = read_document(_read_text(file))
    except LocatedError as exc:
        return None, [InputProblem(file, exc.message, exc.line)]
    except _Unreadable as exc:
        return None, [InputProblem(file, str(exc), exc.line)]
    if document.data is None:
        return None, [InputProblem(file, "empty rule file; expected a mapping with 'rules'", 1)]
    found = schema_problems(document) or registry_problems(document, kinds)
    problems = [InputProblem(file, message, line) for line, message in found]
    return (None if problems else document), problems


class _Unreadable(Exception):
    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.line = line


def _read_text(file: str) -> str:
    """The file's text: UTF-8 (a BOM allowed), at most :data:`MAX_RULE_FILE_BYTES`."""
    try:
        data = _read_bounded(file, MAX_RULE_FILE_BYTES + 1)
    except OSError as exc:
        raise _Unreadable(f"cannot read: {exc.strerror or exc}") from None
    if len(data) > MAX_RULE_FILE_BYTES:
        limit = MAX_RULE_FILE_BYTES // 1024
        raise _Unreadable(f"larger than {limit} KiB, the limit for one rule file; split it")
    if data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        raise _Unreadable("saved as UTF-16; save the rule file as UTF-8", 1)
    if b"\0" in data:
        raise _Unreadable(_zero_bytes(data), data.count(b"\n", 0, data.index(b"\0")) + 1)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise _Unreadable(f"not valid UTF-8 (byte 0x{data[exc.start]:02x})", line) from None


def _read_bounded(file: str, limit: int) -> bytes:
    """At most ``limit`` bytes of ``file``, without waiting to open it.

    A named pipe nobody writes to would block ``open`` forever: it is opened non-blocking,
    then read blocking (``--rules <(generate)`` still works). ``/dev/zero`` stops at the limit.
    """
    descriptor = os.open(file, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(descriptor, "rb") as stream:
        os.set_blocking(descriptor, True)
        return stream.read(limit)


def _zero_bytes(data: bytes) -> str:
    """What a file with zero bytes is: UTF-16 without a BOM, or not text at all."""
    head = data[:64]
    if len(head) > 1 and (not head[0::2].strip(b"\0") or not head[1::2].strip(b"\0")):
        return "looks like UTF-16 (every other byte is zero); save the rule file as UTF-8"
    return "a binary file (it holds zero bytes), not YAML text"


def _rules(file: str, document: Document, kinds: Mapping[str, RuleKind]) -> list[Rule]:
    return [
        _rule(entry, kinds[entry["kind"]], f"{file}:{document.line(('rules', index))}")
        for index, entry in enumerate(document.data["rules"])
    ]


def _rule(entry: Mapping[str, Any], kind: RuleKind, origin: str) -> Rule:
    examples = {
        outcome: tuple(tuple(texts) for texts in entry["examples"][outcome])
        for outcome in OUTCOMES
        if outcome in entry["examples"]
    }
    return Rule(
        code=entry["code"],
        name=entry["name"],
        kind=entry["kind"],
        severity=entry["severity"],
        summary=entry["summary"].strip(),
        description=entry.get("description", "").strip(),
        parameters=MappingProxyType(kind.with_defaults(entry.get("parameters", {}))),
        examples=MappingProxyType(examples),
        origin=origin,
    )


def _duplicate_codes(rules: Sequence[Rule]) -> list[InputProblem]:
    first: dict[str, Rule] = {}
    problems = []
    for rule in rules:
        if rule.code in first:
            file, line = rule.origin.rsplit(":", 1)
            message = f"duplicate code {rule.code} (first at {first[rule.code].origin})"
            problems.append(InputProblem(file, message, int(line)))
        first.setdefault(rule.code, rule)
    return problems


@dataclass
class _Synonyms:
    """Synonyms merged across files; each word belongs to one canonical unit."""

    groups: dict[str, list[str]]
    owner: dict[str, tuple[str, str]]  # word -> (its canonical unit, file:line)
    problems: list[InputProblem]

    def add(self, canonical: str, words: Sequence[tuple[str, int]], file: str) -> None:
        """Add a canonical unit and its variants, each word given with its line."""
        for word, line in words:
            owner, where = self.owner.setdefault(word, (canonical, f"{file}:{line}"))
            if owner != canonical:
                message = f"synonyms: {word!r} is already grouped under {owner!r} at {where}"
                self.problems.append(InputProblem(file, message, line))
            elif word != canonical and word not in self.groups.setdefault(canonical, []):
                self.groups[canonical].append(word)
        self.groups.setdefault(canonical, [])


def _merge_synonyms(
    documents: Sequence[tuple[str, Document]],
) -> tuple[dict[str, tuple[str, ...]], list[InputProblem]]:
    merged = _Synonyms({}, {}, [])
    for file, document in documents:
        for canonical, variants in document.data.get("synonyms", {}).items():
            path = ("synonyms", canonical)
            words = [(canonical, document.line(path, key=True))]
            words += [(word, document.line((*path, i))) for i, word in enumerate(variants)]
            merged.add(canonical, words, file)
    return {unit: tuple(words) for unit, words in merged.groups.items()}, merged.problems
