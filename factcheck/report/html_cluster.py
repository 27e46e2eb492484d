"""One cluster of ``report.html``: its sources, findings, agreement matrix and texts.

Facts with a warning or an error come first, most severe first, each with the sources side
by side; info findings follow, collapsed. The full texts, with the evidence highlighted and
linked to and from the findings, are shown only for clusters with a warning or an error:
that is where an editor reads them, and it keeps a batch of thousands of clusters small.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from factcheck.report import view
from factcheck.report.compare import Piece, marked_rows
from factcheck.report.html_matrix import matrix_section
from factcheck.report.html_text import Span, escape, highlight

Record = Mapping[str, Any]


@dataclass(frozen=True)
class Context:
    """What every part of one cluster's section needs: anchors, names, order."""

    prefix: str  #: the cluster's anchor, ``c0``: unique in the page even when ids repeat
    record: Record
    labels: Mapping[str, str]
    outlets: Mapping[str, str]
    order: Sequence[str]
    index: Mapping[str, int]  #: finding id -> its position in the cluster's findings
    texts_shown: bool

    def finding_anchor(self, finding: Record) -> str:
        return f"{self.prefix}-f{self.index[str(finding['id'])]}"

    def evidence_anchor(self, finding: Record, occurrence: int) -> str:
        return f"{self.finding_anchor(finding)}-e{occurrence}"

    def source_name(self, source_id: str) -> str:
        label = escape(self.labels.get(source_id, source_id))
        outlet = self.outlets.get(source_id, view.MISSING)
        return label if outlet == view.MISSING else f"{label} · {escape(outlet)}"


def cluster_fragment(cluster_id: str) -> str:
    """The cluster's anchor, which other pages link to (``report.html#cluster-...``)."""
    return f"cluster-{quote(cluster_id, safe='')}"


def cluster_anchor(cluster_id: str) -> str:
    """:func:`cluster_fragment`, escaped for an attribute."""
    return escape(cluster_fragment(cluster_id))


def cluster_section(number: int, record: Record, texts: Mapping[str, str]) -> str:
    """The HTML of one cluster that has findings."""
    sources = record["sources"]
    groups = view.facts_with_findings(record)
    loud, quiet = view.split_by_severity(groups)
    ctx = Context(
        prefix=f"c{number}",
        record=record,
        labels=view.source_labels(sources),
        outlets=view.outlets(sources),
        order=[str(s["source_id"]) for s in sources],
        index={str(f["id"]): n for n, f in enumerate(record["findings"])},
        texts_shown=bool(loud),
    )
    parts = [
        f'<section class="cluster" id="{ctx.prefix}">',
        f'<h2 id="{cluster_anchor(str(record["cluster_id"]))}">'
        f'Cluster <span class="id">{escape(record["cluster_id"])}</span></h2>',
        f'<p class="meta">{view.plural(len(sources), "source")} · '
        f"{view.plural(len(record['facts']), 'fact')} · findings: "
        f"{view.severity_line(view.cluster_severities(record))}</p>",
        _sources_table(ctx),
    ]
    if loud:
        parts.append("<h3>Findings</h3>")
        parts += [_fact_article(ctx, group) for group in loud]
    if quiet:
        parts.append(_info_details(ctx, quiet))
    parts.append(matrix_section(record, ctx.labels, ctx.outlets))
    if ctx.texts_shown:
        parts.append(_texts(ctx, texts))
    else:
        parts.append('<p class="note">Texts are shown for clusters with a warning or error.</p>')
    parts.append("</section>\n")
    return "\n".join(p for p in parts if p)


def _sources_table(ctx: Context) -> str:
    rows = "".join(
        f"<tr><td>{escape(ctx.labels[str(s['source_id'])])}</td>"
        f"<td>{escape(ctx.outlets[str(s['source_id'])])}</td>"
        f'<td class="id">{escape(s["path"])}</td><td class="num">{int(s["chars"]):,}</td></tr>'
        for s in ctx.record["sources"]
    )
    return (
        '<div class="scroll"><table class="sources"><thead><tr><th>source</th><th>outlet</th>'
        f'<th>file</th><th class="num">characters</th></tr></thead><tbody>{rows}</tbody>'
        "</table></div>"
    )


def _fact_article(ctx: Context, group: view.FactFindings) -> str:
    fact = group.fact
    parts = [
        f'<article class="finding {escape(group.severity)}">',
        f'<h4><span class="badge {escape(group.severity)}">{escape(group.severity)}</span> '
        f"{escape(fact.get('key') or fact['fact_id'])}</h4>",
    ]
    for finding in group.findings:
        parts += [
            f'<div class="one" id="{ctx.finding_anchor(finding)}">',
            f'<p class="why">{escape(finding["message"])}</p>',
            f'<p class="rule">{escape(finding["rule"])} {escape(finding["name"])} · '
            f"{escape(finding['severity'])} · verdict: "
            f"{escape(str(finding['status']).replace('_', ' '))} · {escape(finding['kind'])} · "
            f'<span class="id">{escape(finding["id"])}</span></p>',
            _evidence_table(ctx, finding),
            "</div>",
        ]
    parts.append("</article>")
    return "\n".join(parts)


def _evidence_table(ctx: Context, finding: Record) -> str:
    kind = str(finding["kind"])
    headers = ("source", "wording", *view.value_headers(kind))
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    rows = []
    for marked in marked_rows(view.evidence_rows(finding, ctx.order), kind):
        row = marked.row
        values = "".join(
            f'<td class="differs">{escape(v)}</td>' if differs else f"<td>{escape(v)}</td>"
            for v, differs in zip(row.values, marked.differs, strict=True)
        )
        rows.append(
            f"<tr><td>{_source_cell(ctx, row.source_id)}</td>"
            f'<td class="wording">{_wording(ctx, finding, row, marked.pieces)}</td>{values}</tr>'
        )
    return (
        f'<div class="scroll"><table class="evidence"><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )


def _source_cell(ctx: Context, source_id: str) -> str:
    """``000`` and, below it, the outlet when known."""
    label = escape(ctx.labels.get(source_id, source_id))
    outlet = ctx.outlets.get(source_id, view.MISSING)
    if outlet == view.MISSING:
        return label
    return f'{label}<span class="outlet">{escape(outlet)}</span>'


_PIECE = {
    "same": "{}",
    "diff": '<span class="diff">{}</span>',
    "drop": '<del class="drop" title="missing here">{}</del>',
}


def _wording(
    ctx: Context, finding: Record, row: view.EvidenceRow, pieces: Sequence[Piece] = ()
) -> str:
    """The wording, linked to its place in the text; ``x3`` with a link to each place."""
    words = "".join(_PIECE[p.how].format(escape(p.text)) for p in pieces) or escape(row.wording)
    if not ctx.texts_shown:
        return words
    first = ctx.evidence_anchor(finding, row.occurrences[0])
    text = f'<a class="words" href="#{first}">{words}</a>'
    if len(row.occurrences) > 1:
        links = " ".join(
            f'<a href="#{ctx.evidence_anchor(finding, o)}">{n}</a>'
            for n, o in enumerate(row.occurrences, 1)
        )
        text += f' <span class="meta">(×{len(row.occurrences)}: {links})</span>'
    return text


def _info_details(ctx: Context, groups: Sequence[view.FactFindings]) -> str:
    """Info findings, collapsed: one list per rule, one line per finding."""
    by_rule: dict[tuple[str, str], list[Record]] = {}
    for finding in (f for g in groups for f in g.findings):
        by_rule.setdefault((str(finding["rule"]), str(finding["name"])), []).append(finding)
    total = sum(len(found) for found in by_rule.values())
    summary = ", ".join(f"{escape(r)} {escape(n)} ({len(f):,})" for (r, n), f in by_rule.items())
    lists = []
    for (rule, name), found in sorted(by_rule.items()):
        found.sort(key=lambda f: (f["kind"], *_first_place(ctx, f)))
        items = "\n".join(_info_item(ctx, f) for f in found)
        lists.append(
            f'<h4><span class="badge info">{escape(rule)}</span> {escape(name)}</h4>\n'
            f"<ul>\n{items}\n</ul>"
        )
    return (
        f'<details class="infos"><summary>{view.plural(total, "info finding")}: {summary}'
        f"</summary>\n{''.join(lists)}</details>"
    )


def _first_place(ctx: Context, finding: Record) -> tuple[int, int]:
    places = [
        (ctx.order.index(e["source_id"]) if e["source_id"] in ctx.order else len(ctx.order),
         int(e["start"])) for e in finding["evidence"]
    ]  # fmt: skip
    return min(places, default=(0, 0))


def _info_item(ctx: Context, finding: Record) -> str:
    where = escape(view.context(finding))
    said = []
    for row in view.evidence_rows(finding, ctx.order):
        words = f"“{_wording(ctx, finding, row)}”"
        said.append(
            f"{ctx.source_name(row.source_id)}: "
            + (f"{where}: {words}" if finding["kind"] == "quote" else f"{words} ({where})")
        )
    return (
        f'<li id="{ctx.finding_anchor(finding)}">{escape(finding["kind"])} · {"; ".join(said)}</li>'
    )


def _texts(ctx: Context, texts: Mapping[str, str]) -> str:
    spans: dict[str, list[Span]] = {}
    for finding in ctx.record["findings"]:
        title = f"{finding['rule']} {finding['name']} ({finding['severity']})"
        for n, evidence in enumerate(finding["evidence"]):
            spans.setdefault(str(evidence["source_id"]), []).append(
                Span(
                    int(evidence["start"]),
                    int(evidence["end"]),
                    ctx.evidence_anchor(finding, n),
                    ctx.finding_anchor(finding),
                    str(finding["severity"]),
                    title,
                )
            )
    parts = [
        "<h3>Sources</h3>",
        '<p class="note legend">The evidence of each finding is marked in the text: '
        '<mark class="hl sev-error">error</mark> <mark class="hl sev-warning">warning</mark> '
        '<mark class="hl sev-info">info</mark>. A mark links to its finding; a finding\'s '
        "wording links to its place here.</p>",
    ]
    for n, source_id in enumerate(ctx.order):
        source = ctx.record["sources"][n]
        marked = highlight(texts.get(source_id, ""), spans.get(source_id, []))
        parts.append(
            f'<details class="source" open id="{ctx.prefix}-s{n}"><summary>'
            f'{ctx.source_name(source_id)} <span class="id">{escape(source["path"])}</span>'
            f'</summary><div class="text">{marked}</div></details>'
        )
    return "\n".join(parts)
