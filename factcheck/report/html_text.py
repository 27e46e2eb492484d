"""A source's text as HTML with the evidence of findings highlighted.

Spans may overlap or nest (a number inside a quote, two findings on one name), so the text is
cut at every span boundary and each piece is one ``<mark>`` listing every span over it,
styled by the most severe. Each span gets an empty anchor at its start, the target of the
finding's links; each mark links back to its most severe finding. Everything is escaped.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise

from factcheck.controls import pictured
from factcheck.report.view import severity_rank


@dataclass(frozen=True)
class Span:
    """One piece of evidence in a source's text, and the finding it belongs to."""

    start: int
    end: int
    anchor: str  #: id of this span's anchor (the target of the finding's links)
    finding: str  #: id of the finding's element (the target of the mark's link)
    severity: str
    title: str  #: what a reader sees on hover: rule, name, severity


def escape(text: object) -> str:
    """Text safe in HTML content and in quoted attributes, control characters pictured."""
    return html.escape(pictured(str(text)), quote=True)


def highlight(text: str, spans: Iterable[Span]) -> str:
    """``text`` escaped, with every span marked; overlapping spans are split into pieces."""
    valid = sorted(
        (s for s in spans if 0 <= s.start < s.end <= len(text)),
        key=lambda s: (s.start, -s.end, severity_rank(s.severity), s.anchor),
    )
    cuts = sorted({0, len(text), *(s.start for s in valid), *(s.end for s in valid)})
    parts: list[str] = []
    active: list[Span] = []
    pending = iter(valid)
    upcoming = next(pending, None)
    for start, end in pairwise(cuts):
        active = [s for s in active if s.end > start]
        while upcoming is not None and upcoming.start == start:
            parts.append(f'<span class="anchor" id="{escape(upcoming.anchor)}"></span>')
            active.append(upcoming)
            upcoming = next(pending, None)
        parts.append(_piece(text[start:end], active))
    return "".join(parts)


def _piece(text: str, over: Sequence[Span]) -> str:
    if not over:
        return escape(text)
    worst = min(over, key=lambda s: (severity_rank(s.severity), s.start, s.anchor))
    classes = f"hl sev-{escape(worst.severity)}" + (" multi" if len(over) > 1 else "")
    evidence = " ".join(escape(s.anchor) for s in over)
    title = "\n".join(dict.fromkeys(s.title for s in over))
    return (
        f'<mark class="{classes}" data-ev="{evidence}" title="{escape(title)}">'
        f'<a href="#{escape(worst.finding)}">{escape(text)}</a></mark>'
    )
