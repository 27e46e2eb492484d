"""Reading a YAML rule file into plain data that remembers the line of every key and value.

PyYAML's safe loader composes the node tree (which keeps marks); we turn it into dicts,
lists and scalars ourselves, so that every problem found later can name its line. Aliases
(``*name``) are refused: a rule file is short and hand-written, and aliases are what a file
built to explode in size ("billion laughs") is made of. Duplicate keys, merge keys (``<<``),
tags other than the plain mapping, list and scalar ones, nesting deeper than
:data:`MAX_DEPTH` and whole numbers beyond :data:`MAX_INTEGER` are refused too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

MAX_DEPTH = 32
#: Largest whole number a rule file may hold: what a float (and JSON) holds exactly, 2**53.
MAX_INTEGER = 2**53
JsonPath = tuple[str | int, ...]  #: keys and indexes from the document root to a value

_MAP_TAG = "tag:yaml.org,2002:map"
_SEQ_TAG = "tag:yaml.org,2002:seq"
_MERGE_TAG = "tag:yaml.org,2002:merge"
_INT_TAG = "tag:yaml.org,2002:int"
_YAML_TAG = "tag:yaml.org,2002:"
#: Scalars a rule file may hold: what JSON holds, and dates (refused later, by type, with a
#: hint to quote them); binary, sets and language-specific tags are refused here.
_SCALAR_TAGS = tuple(
    _YAML_TAG + name for name in ("str", "int", "float", "bool", "null", "timestamp")
)
_UNWANTED = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


class LocatedError(Exception):
    """A problem at one line of a YAML text."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(f"{line}: {message}")
        self.line = line
        self.message = message


@dataclass(frozen=True)
class Document:
    """Plain data read from YAML, with the line of each value and of each mapping key."""

    data: Any
    value_lines: dict[JsonPath, int]
    key_lines: dict[JsonPath, int]

    def line(self, path: Iterable[str | int], *, key: bool = False) -> int:
        """The line of the value (or the key) at ``path``, else of its nearest ancestor."""
        path = tuple(path)
        if key and path in self.key_lines:
            return self.key_lines[path]
        while path not in self.value_lines and path:
            path = path[:-1]
        return self.value_lines.get(path, 1)


class _Loader(yaml.SafeLoader):
    """A safe loader whose composer refuses aliases and deep nesting."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.depth = 0

    def compose_node(self, parent: Node | None, index: int) -> Node | None:
        event = self.peek_event()  # type: ignore[no-untyped-call]
        if isinstance(event, yaml.AliasEvent):
            raise LocatedError(
                _line(event.start_mark),
                f"YAML aliases (*{event.anchor}) are not allowed in rule files; "
                "write the value out",
            )
        self.depth += 1
        try:
            if self.depth > MAX_DEPTH:
                raise LocatedError(_line(event.start_mark), f"nested over {MAX_DEPTH} levels deep")
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


# YAML 1.1 reads 1e-3 and 1.5e3 as text (its floats need a dot and a signed exponent);
# rule authors write numbers as JSON and YAML 1.2 do, so those are numbers here too.
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^[-+]?[0-9][0-9_]*(?:\.[0-9_]*)?[eE][-+]?[0-9]+$"),
    list("-+0123456789"),
)


def read_document(text: str) -> Document:
    """Parse one YAML document; raise :class:`LocatedError` for anything unusable."""
    try:
        return _compose(text)
    except yaml.MarkedYAMLError as exc:
        line = _line(exc.problem_mark or exc.context_mark)
        raise LocatedError(line, _yaml_message(exc)) from None
    except yaml.reader.ReaderError as exc:  # a control character: no mark, a position
        line = text.count("\n", 0, exc.position) + 1
        message = f"invalid YAML: character #x{exc.character:04x}: {exc.reason}"
        raise LocatedError(line, message) from None


def _compose(text: str) -> Document:
    loader = _Loader(text)
    try:
        root = loader.get_single_node()
        document = Document(None, {(): 1}, {})
        if root is not None:
            data = _Reader(loader, document).read(root, ())
            document = Document(data, document.value_lines, document.key_lines)
        return document
    finally:
        loader.dispose()


class _Reader:
    """Turns a node tree into plain data, filling a document's line tables."""

    def __init__(self, loader: _Loader, document: Document) -> None:
        self.loader = loader
        self.document = document

    def read(self, node: Node, path: JsonPath) -> Any:
        self.document.value_lines[path] = _line(node.start_mark)
        if isinstance(node, MappingNode):
            _expect_tag(node, _MAP_TAG)
            return self.mapping(node, path)
        if isinstance(node, SequenceNode):
            _expect_tag(node, _SEQ_TAG)
            return [self.read(item, (*path, i)) for i, item in enumerate(node.value)]
        line = _line(node.start_mark)
        _expect_tag(node, *_SCALAR_TAGS)
        try:
            value = self.loader.construct_object(node)
        except (ValueError, OverflowError) as exc:  # 2020-13-45, or 5,000 digits
            if node.tag == _INT_TAG:
                raise LocatedError(line, _too_large(str(node.value))) from None
            raise LocatedError(line, f"cannot read value: {exc}") from None
        if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_INTEGER:
            raise LocatedError(line, _too_large(str(node.value)))
        if isinstance(value, str):
            _check_characters(value, line)
        return value

    def mapping(self, node: MappingNode, path: JsonPath) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = _key(key_node)
            line = _line(key_node.start_mark)
            if key in result:
                first = self.document.key_lines[(*path, key)]
                raise LocatedError(line, f"duplicate key {key!r} (first at line {first})")
            self.document.key_lines[(*path, key)] = line
            result[key] = self.read(value_node, (*path, key))
        return result


def _key(node: Node) -> str:
    if not isinstance(node, ScalarNode):
        raise LocatedError(
            _line(node.start_mark), "a key must be a plain word, not a list or mapping"
        )
    if node.tag == _MERGE_TAG:
        raise LocatedError(_line(node.start_mark), "YAML merge keys (<<) are not allowed")
    _check_characters(str(node.value), _line(node.start_mark))
    return str(node.value)


def _check_characters(text: str, line: int) -> None:
    """Refuse control characters (but tab and newline) and halves of UTF-16 pairs.

    Only a YAML escape (``"\\e"``, ``"\\x1b"``, ``"\\ud800"``) puts them into a string; no
    report or terminal should receive them from a rule file.
    """
    bad = _UNWANTED.search(text)
    if bad is not None:
        code = ord(bad.group())
        what = "half of a UTF-16 pair" if 0xD800 <= code <= 0xDFFF else "control character"
        raise LocatedError(line, f"{what} U+{code:04X} in a string; rule texts are plain text")


def _too_large(written: str) -> str:
    shown = written if len(written) <= 24 else f"{written[:20]}... ({len(written)} characters)"
    return f"number {shown} is too large: whole numbers must lie within -2**53..2**53"


def _expect_tag(node: Node, *tags: str) -> None:
    if node.tag not in tags:
        shown = node.tag.replace(_YAML_TAG, "!!", 1)
        raise LocatedError(_line(node.start_mark), f"unsupported YAML tag {shown}")


def _line(mark: Any) -> int:
    return int(mark.line) + 1 if mark is not None else 1


def _yaml_message(exc: yaml.MarkedYAMLError) -> str:
    problem, context = exc.problem, exc.context
    if problem and context and context.startswith("while "):
        if exc.context_mark is None:
            return f"invalid YAML: {problem}"
        return f"invalid YAML: {problem} ({context} started at line {_line(exc.context_mark)})"
    return f"invalid YAML: {', '.join(p for p in (context, problem) if p) or 'cannot parse'}"
