"""The source-by-source agreement matrix of one cluster, as an HTML table.

Each cell: the facts both sources report, how many of them the pair words alike, and the
rest by kind of difference (see :mod:`factcheck.report.agreement`). A cluster of many
sources gets a list of the pairs that differ most instead, so the page stays small.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from factcheck.report.agreement import PairCounts, agreement_matrix, facts_per_source, pair
from factcheck.report.html_text import escape

MAX_MATRIX_SOURCES = 30  #: above this, the pairs that differ most are listed instead
MAX_PAIRS_LISTED = 50
NOTE = (
    '<p class="note">Each cell: of the facts both sources report, how many they word alike; '
    "below, how many differ (a variant: the same thing in another form or hedge; a conflict: "
    "both cannot be true). On the diagonal: the facts each source reports.</p>"
)


def matrix_section(
    record: Mapping[str, Any], labels: Mapping[str, str], outlets: Mapping[str, str]
) -> str:
    """The heading, a note on how to read it, and the matrix (or the list of pairs)."""
    sources = [str(s["source_id"]) for s in record["sources"]]
    if len(sources) < 2:
        return ""
    pairs = agreement_matrix(record)
    body = (
        _matrix(sources, pairs, facts_per_source(record), labels, outlets)
        if len(sources) <= MAX_MATRIX_SOURCES
        else _pair_list(pairs, labels)
    )
    return f'<h3>Agreement between sources</h3>\n{NOTE}\n<div class="scroll">{body}</div>\n'


def _matrix(
    sources: list[str],
    pairs: Mapping[tuple[str, str], PairCounts],
    own: Mapping[str, int],
    labels: Mapping[str, str],
    outlets: Mapping[str, str],
) -> str:
    head = "".join(f'<th scope="col">{escape(labels.get(s, s))}</th>' for s in sources)
    rows = [f'<table class="matrix"><thead><tr><th></th>{head}</tr></thead><tbody>']
    for a in sources:
        cells = []
        for b in sources:
            if a == b:
                cells.append(
                    f'<td class="m-self" title="{escape(labels.get(a, a))}: facts reported">'
                    f'<span class="share">{own.get(a, 0):,}</span>'
                    '<span class="how">facts</span></td>'
                )
            else:
                cells.append(_cell(labels.get(a, a), labels.get(b, b), pair(pairs, a, b)))
        rows.append(f'<tr><th scope="row">{_name(a, labels, outlets)}</th>{"".join(cells)}</tr>')
    rows.append("</tbody></table>")
    return "\n".join(rows)


def _name(source: str, labels: Mapping[str, str], outlets: Mapping[str, str]) -> str:
    outlet = outlets.get(source, "—")
    label = escape(labels.get(source, source))
    return label if outlet == "—" else f'{label}<span class="outlet">{escape(outlet)}</span>'


def _cell(a: str, b: str, counts: PairCounts) -> str:
    if not counts.shared:
        return f'<td class="m-none" title="{escape(a)} and {escape(b)}: no fact in common">—</td>'
    c = counts.counts
    differ = [f"{c[o]:,} {o}" for o in ("conflict", "variant") if c[o]]
    title = (
        f"{a} and {b}: {counts.shared:,} facts both report; {c['agree']:,} alike, "
        f"{c['variant']:,} variant, {c['conflict']:,} conflict"
    )
    return (
        f'<td class="m-{counts.worst}" title="{escape(title)}">'
        f'<span class="share">{c["agree"]:,}/{counts.shared:,}</span>'
        f'<span class="how">{escape(", ".join(differ) or "alike")}</span></td>'
    )


def _pair_list(pairs: Mapping[tuple[str, str], PairCounts], labels: Mapping[str, str]) -> str:
    ranked = sorted(
        ((a, b, p) for (a, b), p in pairs.items() if p.shared),
        key=lambda t: (-t[2].counts["conflict"], -t[2].counts["variant"], t[0], t[1]),
    )[:MAX_PAIRS_LISTED]
    rows = [
        '<table class="pairs"><thead><tr><th>source</th><th>source</th>'
        '<th class="num">both report</th><th class="num">alike</th>'
        '<th class="num">variant</th><th class="num">conflict</th></tr></thead><tbody>'
    ]
    for a, b, p in ranked:
        c = p.counts
        rows.append(
            f'<tr class="m-{p.worst}"><td>{escape(labels.get(a, a))}</td>'
            f'<td>{escape(labels.get(b, b))}</td><td class="num">{p.shared:,}</td>'
            f'<td class="num">{c["agree"]:,}</td><td class="num">{c["variant"]:,}</td>'
            f'<td class="num">{c["conflict"]:,}</td></tr>'
        )
    rows.append("</tbody></table>")
    return "\n".join(rows)
