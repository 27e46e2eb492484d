"""Quotation marks: which marks open and close quotes, and the stretches they delimit.

Curly marks say which way they face; straight ``"`` and ``'`` are read from their neighbours.
A ``’`` or ``'`` between letters is an apostrophe ("we’re", "King's", "Shi’ite"); one after a
word is a closing mark only while a single quote is open ("survivors' petition" is not).
Quotes nested inside another quote belong to it and are not reported on their own. A double
quote left open at the end of a paragraph continues when the next paragraph opens with a
mark (the news convention for a quote over several paragraphs); otherwise it is dropped,
and an unmatched closing mark is ignored, so one stray mark never hides the quotes after it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

_MARK = re.compile(r"[\"'“”„‟‘’«»]")
_OPEN, _CLOSE, _TOGGLE, _CLOSE_OR_APOS = range(4)
_OPENER_BEFORE = frozenset(" \t([{—–-/“‘\"'«")
_CLOSER_AFTER = frozenset(" \t.,;:!?)]}—–-”’\"'»…")


@dataclass(frozen=True)
class QuoteSpan:
    """One quote: its parts (several when it runs over paragraphs), marks included."""

    parts: tuple[tuple[int, int], ...]
    closed: tuple[bool, ...]  # whether each part ends on its own closing mark

    @property
    def start(self) -> int:
        return self.parts[0][0]

    @property
    def end(self) -> int:
        return self.parts[-1][1]

    def part_texts(self, text: str) -> list[str]:
        """The words of each part, without the marks."""
        return [
            text[s + 1 : e - 1] if closed else text[s + 1 : e]
            for (s, e), closed in zip(self.parts, self.closed, strict=True)
        ]


@dataclass
class _Open:
    pos: int
    double: bool
    straight: bool = False  # a straight ' that may be an apostrophe after all
    carried: tuple[tuple[int, int], ...] = ()  # parts from earlier paragraphs


def _classify(text: str, pos: int, start: int, end: int) -> tuple[bool, int] | None:
    """(is_double, role) of the mark at ``pos``, or ``None`` for an apostrophe."""
    char = text[pos]
    before = text[pos - 1] if pos > start else " "
    after = text[pos + 1] if pos + 1 < end else " "
    if char in "“„‟«":
        return True, _OPEN
    if char in "”»":
        return True, _CLOSE
    if char == '"':
        if before in _OPENER_BEFORE and not after.isspace():
            return True, _OPEN
        if after in _CLOSER_AFTER:
            return True, _CLOSE
        return True, _TOGGLE
    if before.isalnum() and after.isalnum():
        return None  # we’re, King's, Shi’ite
    if after.isdigit():
        return None  # ’90s, '05
    if char == "‘":
        return False, _OPEN
    if after.isalnum():
        if char == "'" and before in _OPENER_BEFORE:
            return False, _OPEN  # 'chilling', or an apostrophe ('90s) that never closes
        return None  # ’Tis, ’90s
    return False, _CLOSE_OR_APOS


def find_quotes(text: str, paragraphs: Sequence[tuple[int, int]]) -> list[QuoteSpan]:
    """Every top-level quote in the given paragraphs (``(start, end)`` spans, in order)."""
    quotes: list[QuoteSpan] = []
    carry: _Open | None = None
    for start, end in paragraphs:
        carry = _pair_paragraph(text, start, end, carry, quotes)
    return quotes


def _pair_paragraph(
    text: str, start: int, end: int, carry: _Open | None, quotes: list[QuoteSpan]
) -> _Open | None:
    """Pair the marks of one paragraph; return a double quote left open at its end."""
    stack: list[_Open] = []
    for match in _MARK.finditer(text, start, end):
        pos = match.start()
        kind = _classify(text, pos, start, end)
        if kind is None:
            continue
        double, role = kind
        if carry is not None:  # continues only when the paragraph opens with a mark
            if pos == start and double and role in (_OPEN, _TOGGLE):
                stack.append(_Open(pos, True, carried=carry.carried))
                carry = None
                continue
            carry = None
        _apply(stack, _Open(pos, double, straight=text[pos] == "'"), role, quotes)
    if stack and stack[0].double:
        bottom = stack[0]
        return _Open(bottom.pos, True, carried=(*bottom.carried, (bottom.pos, end)))
    return None


def _apply(stack: list[_Open], mark: _Open, role: int, quotes: list[QuoteSpan]) -> None:
    """Push an opening mark or pair a closing one."""
    pos = mark.pos
    if mark.double:
        open_index = next((i for i in range(len(stack) - 1, -1, -1) if stack[i].double), None)
        if role == _CLOSE or (role == _TOGGLE and open_index is not None):
            if open_index is not None:
                _close(stack, open_index, pos, quotes)
            return
        if open_index is not None:  # a second opening mark: the first was never closed
            del stack[open_index:]
        stack.append(mark)
        return
    if role == _OPEN:
        stack.append(mark)
    elif stack and not stack[-1].double:
        _close(stack, len(stack) - 1, pos, quotes)


def _close(stack: list[_Open], index: int, pos: int, quotes: list[QuoteSpan]) -> None:
    opened = stack[index]
    del stack[index:]
    if any(o.double or not o.straight for o in stack):
        return  # nested in an outer quote: part of its words
    parts = (*opened.carried, (opened.pos, pos + 1))
    closed = (False,) * len(opened.carried) + (True,)
    quotes.append(QuoteSpan(parts, closed))
