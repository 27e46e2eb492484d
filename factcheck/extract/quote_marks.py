"""Quotation marks: which marks open and close quotes, and the stretches they delimit.

Curly marks say which way they face; straight ``"`` and ``'`` are read from their neighbours.
A ``’`` or ``'`` between letters is an apostrophe ("we’re", "King's", "Shi’ite"); one after a
word is a closing mark only while a single quote is open ("survivors' petition" is not).
Quotes nested inside another quote belong to it and are not reported on their own. A double
quote left open at the end of a paragraph continues when the next paragraph opens with a
mark (the news convention for a quote over several paragraphs); otherwise it is dropped,
and an unmatched closing mark is ignored, so one stray mark never hides the quotes after it:
the quotes inside an opening mark that never closes are reported on their own. Guillemets
nest inside curly quotes (and the other way round); a second opener of the same kind means
the first was never closed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

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
    guillemet: bool = False  # « nests inside “ and the other way round
    inner: list[QuoteSpan] = field(default_factory=list)  # quotes inside, while it is open


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
    return sorted(quotes, key=lambda quote: quote.start)


class _Stack:
    """The open marks of a paragraph, with the positions of the double ones and of those that
    make a quote an outer one kept on the side: a paragraph of a million stray openers is
    then paired in linear time, not by scanning the stack at every mark."""

    def __init__(self) -> None:
        self.marks: list[_Open] = []
        self._doubles: list[int] = []
        self._outer: list[int] = []  # double, or single but not straight

    def __bool__(self) -> bool:
        return bool(self.marks)

    def push(self, mark: _Open) -> None:
        if mark.double:
            self._doubles.append(len(self.marks))
        if mark.double or not mark.straight:
            self._outer.append(len(self.marks))
        self.marks.append(mark)

    def truncate(self, index: int) -> None:
        """Drop the marks from ``index`` on."""
        del self.marks[index:]
        for positions in (self._doubles, self._outer):
            while positions and positions[-1] >= index:
                positions.pop()

    def release(self, index: int, quotes: list[QuoteSpan]) -> None:
        """Drop the marks from ``index`` on as never closed: the quotes inside them stand on
        their own (inside the next outer mark still open, if any)."""
        dropped = self.marks[index:]
        self.truncate(index)
        self.hold([quote for mark in dropped for quote in mark.inner], quotes)

    def hold(self, found: list[QuoteSpan], quotes: list[QuoteSpan]) -> None:
        """Quotes inside the innermost outer mark wait for it to close; else they are found."""
        if self._outer:
            self.marks[self._outer[-1]].inner.extend(found)
        else:
            quotes.extend(found)

    def last_double(self) -> int | None:
        return self._doubles[-1] if self._doubles else None

    def has_outer(self) -> bool:
        return bool(self._outer)


def _pair_paragraph(
    text: str, start: int, end: int, carry: _Open | None, quotes: list[QuoteSpan]
) -> _Open | None:
    """Pair the marks of one paragraph; return a double quote left open at its end."""
    stack = _Stack()
    for match in _MARK.finditer(text, start, end):
        pos = match.start()
        kind = _classify(text, pos, start, end)
        if kind is None:
            continue
        double, role = kind
        if carry is not None:  # continues only when the paragraph opens with a mark
            if pos == start and double and role in (_OPEN, _TOGGLE):
                stack.push(_Open(pos, True, carried=carry.carried))
                carry = None
                continue
            carry = None
        mark = _Open(pos, double, straight=text[pos] == "'", guillemet=text[pos] in "«»")
        _apply(stack, mark, role, quotes)
    if stack and stack.marks[0].double:  # the quote may go on in the next paragraph
        bottom = stack.marks[0]
        return _Open(bottom.pos, True, carried=(*bottom.carried, (bottom.pos, end)))
    stack.release(0, quotes)  # a stray opener hides none of the quotes after it
    return None


def _apply(stack: _Stack, mark: _Open, role: int, quotes: list[QuoteSpan]) -> None:
    """Push an opening mark or pair a closing one."""
    pos = mark.pos
    if mark.double:
        open_index = stack.last_double()
        if role == _CLOSE or (role == _TOGGLE and open_index is not None):
            if open_index is not None:
                _close(stack, open_index, pos, quotes)
            return
        if open_index is not None and stack.marks[open_index].guillemet == mark.guillemet:
            stack.release(open_index, quotes)  # a second opening mark: the first never closed
        stack.push(mark)
        return
    if role == _OPEN:
        stack.push(mark)
    elif stack and not stack.marks[-1].double:
        _close(stack, len(stack.marks) - 1, pos, quotes)


def _close(stack: _Stack, index: int, pos: int, quotes: list[QuoteSpan]) -> None:
    opened = stack.marks[index]
    stack.truncate(index)  # quotes inside it are part of its words
    parts = (*opened.carried, (opened.pos, pos + 1))
    closed = (False,) * len(opened.carried) + (True,)
    stack.hold([QuoteSpan(parts, closed)], quotes)  # nested in an outer quote: held by it
