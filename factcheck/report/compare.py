"""What differs between the sources' rows of a finding, so a reader sees it at a glance.

The reference is the wording (or the values) most sources give. Against it, a row's words
that differ are marked and the words it drops are shown struck through; case, punctuation
and hyphens do not count, nor do words before or after the part both give (a quote may
be a fragment of a longer one). For quantities and dates, the values that differ are marked.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from factcheck.report.view import EvidenceRow, value_headers

_WORD = re.compile(r"\w[\w'’-]*")
#: The value columns compared for each kind (the unit is left out: troops and soldiers
#: are synonyms the rules already accept).
COMPARED = {"quantity": ("value", "low–high", "hedge"), "date": ("date", "weekday")}


@dataclass(frozen=True)
class Piece:
    """A run of a row's wording: ``same``, ``diff`` (differs from the reference) or
    ``drop`` (the reference's words missing here; the text is theirs)."""

    text: str
    how: str


def reference(rows: Sequence[EvidenceRow], kind: str) -> EvidenceRow | None:
    """The row whose wording (or values, for numbers and dates) most sources share."""
    if not rows:
        return None
    keys = [_row_key(row, kind) for row in rows]
    sources: Counter[object] = Counter()
    for key in dict.fromkeys(zip(keys, (r.source_id for r in rows), strict=True)):
        sources[key[0]] += 1
    best = max(sources.values())
    return next(row for row, key in zip(rows, keys, strict=True) if sources[key] == best)


def _row_key(row: EvidenceRow, kind: str) -> object:
    if kind in COMPARED:
        return row.values
    return _keys(row.wording)


def _keys(text: str) -> tuple[str, ...]:
    return tuple(_key(m.group()) for m in _WORD.finditer(text))


def _key(word: str) -> str:
    return re.sub(r"[\W_]", "", word.casefold())


def differing_values(
    kind: str, reference_values: Sequence[str], values: Sequence[str]
) -> list[bool]:
    """For each value column, whether it differs from the reference and is compared."""
    compared = COMPARED.get(kind, ())
    headers = value_headers(kind)
    return [
        header in compared and value != ref
        for header, value, ref in zip(headers, values, reference_values, strict=True)
    ]


def word_diff(reference_text: str, text: str) -> list[Piece]:
    """``text`` in pieces: words that differ from the reference, words dropped from it."""
    ref_words = [m.group() for m in _WORD.finditer(reference_text)]
    matches = list(_WORD.finditer(text))
    matcher = SequenceMatcher(
        None, [_key(w) for w in ref_words], [_key(m.group()) for m in matches], autojunk=False
    )
    differs = [False] * len(matches)
    drops: dict[int, str] = {}
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        inside = j1 > 0 and j2 < len(matches) and i1 > 0 and i2 < len(ref_words)
        if tag == "replace" or (tag == "insert" and inside):
            differs[j1:j2] = [True] * (j2 - j1)
        elif tag == "delete" and inside:
            drops[j1] = " ".join(ref_words[i1:i2])
    return _pieces(text, matches, differs, drops)


def _pieces(
    text: str, matches: Sequence[re.Match[str]], differs: Sequence[bool], drops: dict[int, str]
) -> list[Piece]:
    pieces: list[Piece] = []
    at = 0
    for n, match in enumerate(matches):
        if n in drops:
            _add(pieces, text[at : match.start()], "same")
            pieces.append(Piece(drops[n], "drop"))
            at = match.start()
        if differs[n]:
            gap = text[at : match.start()]
            joined = pieces and pieces[-1].how == "diff" and not gap.strip()
            _add(pieces, gap, "diff" if joined else "same")
            _add(pieces, match.group(), "diff")
            at = match.end()
    _add(pieces, text[at:], "same")
    return pieces


def _add(pieces: list[Piece], text: str, how: str) -> None:
    if not text:
        return
    if pieces and pieces[-1].how == how:
        pieces[-1] = Piece(pieces[-1].text + text, how)
    else:
        pieces.append(Piece(text, how))


@dataclass(frozen=True)
class MarkedRow:
    """An evidence row with what differs from the reference marked."""

    row: EvidenceRow
    pieces: list[Piece]
    differs: list[bool]  #: per value column


def marked_rows(rows: Sequence[EvidenceRow], kind: str) -> list[MarkedRow]:
    """Every row against the reference: values for numbers and dates, else the words."""
    ref = reference(rows, kind)
    marked = []
    for row in rows:
        pieces, differs = [Piece(row.wording, "same")], [False] * len(row.values)
        if ref is not None and row is not ref:
            if kind in COMPARED:
                differs = differing_values(kind, ref.values, row.values)
            else:
                pieces = word_diff(ref.wording, row.wording)
        marked.append(MarkedRow(row, pieces, differs))
    return marked
