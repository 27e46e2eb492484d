"""``report.md``: the findings as an editor reads them, in Markdown.

A summary (counts by severity and by rule), then for each cluster with findings each fact
with a warning or error, most severe first: the rule, the verdict, why, and the sources side
by side (wording and the kind's values). Findings at info level, usually many facts that one
source alone reports, follow as a compact list per rule so the warnings stand out. Article
text is escaped so that it cannot break a table or inject a link or HTML. Written cluster by
cluster; clusters without findings are listed by id at the end.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import IO, Any

from factcheck.controls import pictured
from factcheck.facts import SEVERITIES
from factcheck.report import view
from factcheck.report.base import ReportFormat
from factcheck.report.compare import Piece, marked_rows
from factcheck.report.run import RunRecords

# Every ASCII punctuation mark that can start or end inline Markdown (GitHub flavour:
# emphasis, code, links, HTML, entities, tables, strikethrough, math, headings), and those
# GitHub turns into links in plain text: "://" of a URL, "@" of a mention or an e-mail
# address, the "." after "www".
_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#!|~&$@]|:(?=//)|(?<=\bwww)\.)", re.IGNORECASE)


def escape(text: object, strip: bool = True) -> str:
    """Text that renders as itself inline: one line, Markdown punctuation backslash-escaped.

    Control characters are pictured (:func:`~factcheck.controls.pictured`), so that the file
    is inert on a terminal too.
    """
    line = re.sub(r"\s+", " ", pictured(str(text)))
    return _SPECIAL.sub(r"\\\1", line.strip() if strip else line)


def write(run: RunRecords, path: Path) -> None:
    """Stream the run's Markdown report into ``path``."""
    with path.open("w", encoding="utf-8", newline="\n") as out:
        out.write(summary(run))
        quiet: list[str] = []
        for cluster in run.clusters():
            if cluster.record["findings"]:
                out.write(cluster_section(cluster.record))
            else:
                quiet.append(str(cluster.record["cluster_id"]))
        if quiet:
            out.write(f"\n## Clusters without findings ({len(quiet):,})\n\n")
            out.write(", ".join(escape(c) for c in quiet) + "\n")
        if run.errors:
            _write_errors(out, run.errors)


def summary(run: RunRecords) -> str:
    """The heading and the run's counts: totals, findings by severity and by rule."""
    s = run.summary
    totals = " · ".join(
        view.plural(int(s[key]), key[:-1]) for key in ("clusters", "sources", "claims", "facts")
    )
    lines = [
        "# factcheck report",
        "",
        f"{escape(run.tool['name'])} {escape(run.tool['version'])} · {totals} · "
        f"{view.plural(int(s['findings']), 'finding')} "
        f"({view.severity_line(s['findings_by_severity'])})"
        + (f" · **{view.plural(int(s['errors']), 'input error')}**" if s["errors"] else ""),
        "",
        "## Summary",
        "",
        "| severity | findings |",
        "|---|---:|",
        *(f"| {sev} | {n:,} |" for sev, n in s["findings_by_severity"].items()),
        "",
    ]
    by_rule = view.rule_counts(run.findings())
    if by_rule:
        rules = {str(r["code"]): r for r in run.rules}
        lines += [
            "| rule | name | " + " | ".join(SEVERITIES) + " | what it finds |",
            "|---|---|" + "---:|" * len(SEVERITIES) + "---|",
        ]
        for code, counts in sorted(by_rule.items(), key=lambda item: _rule_order(*item)):
            rule = rules.get(code, {})
            lines.append(
                f"| {escape(code)} | {escape(rule.get('name', view.MISSING))} | "
                + "".join(f"{counts[sev]:,} | " for sev in SEVERITIES)
                + f"{escape(rule.get('summary', ''))} |"
            )
        lines.append("")
    statuses = ", ".join(f"{n:,} {k.replace('_', ' ')}" for k, n in s["facts_by_status"].items())
    lines += [f"Facts by status: {statuses}.", ""]
    return "\n".join(lines)


def _rule_order(code: str, counts: dict[str, int]) -> tuple[int, str]:
    """Rules whose findings are most severe first."""
    worst = next((n for n, sev in enumerate(SEVERITIES) if counts.get(sev)), len(SEVERITIES))
    return (worst, code)


def cluster_section(record: dict[str, Any]) -> str:
    """One cluster: its sources, its facts with warnings or errors, then its info findings."""
    sources = record["sources"]
    labels, outlets = view.source_labels(sources), view.outlets(sources)
    order = [str(s["source_id"]) for s in sources]
    counts = view.cluster_severities(record)
    loud, quiet = view.split_by_severity(view.facts_with_findings(record))
    lines = [
        f"\n## Cluster {escape(record['cluster_id'])}",
        "",
        f"{view.plural(len(sources), 'source')} · {view.plural(len(record['facts']), 'fact')} · "
        f"findings: {view.severity_line(counts)}",
        "",
        "| source | outlet | file | characters |",
        "|---|---|---|---:|",
        *(
            f"| {escape(labels[str(s['source_id'])])} | {escape(outlets[str(s['source_id'])])} "
            f"| {escape(s['path'])} | {int(s['chars']):,} |"
            for s in sources
        ),
        "",
    ]
    for n, group in enumerate(loud, 1):
        lines += _fact_block(n, group, order, labels, outlets)
    if quiet:
        lines += _info_list(quiet, order, labels, outlets)
    return "\n".join(lines)


def _fact_block(
    n: int,
    group: view.FactFindings,
    order: Sequence[str],
    labels: dict[str, str],
    outlets: dict[str, str],
) -> list[str]:
    fact = group.fact
    lines = [
        f"### {n}. {group.severity.upper()}: {escape(fact.get('key') or fact['fact_id'])}",
        "",
    ]
    for finding in group.findings:
        lines += [
            f"- **Verdict:** {escape(str(finding['status']).replace('_', ' '))} "
            f"({escape(finding['kind'])})",
            f"- **Rule:** {escape(finding['rule'])} {escape(finding['name'])}, "
            f"**{escape(finding['severity'])}**",
            f"- **Why:** {escape(finding['message'])}",
            f"- Finding id: {escape(finding['id'])}",
            "",
            *_evidence_table(finding, order, labels, outlets),
            "",
        ]
    return lines


def _evidence_table(
    finding: Mapping[str, Any],
    order: Sequence[str],
    labels: dict[str, str],
    outlets: dict[str, str],
) -> list[str]:
    kind = str(finding["kind"])
    headers = ("source", "outlet", "wording", *view.value_headers(kind))
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    for marked in marked_rows(view.evidence_rows(finding, order), kind):
        row = marked.row
        times = f" (×{len(row.occurrences)})" if len(row.occurrences) > 1 else ""
        values = [
            f"**{escape(v)}**" if differs else escape(v)
            for v, differs in zip(row.values, marked.differs, strict=True)
        ]
        cells = [
            escape(labels.get(row.source_id, row.source_id)),
            escape(outlets.get(row.source_id, view.MISSING)),
            "".join(
                _PIECE[p.how].format(escape(p.text, strip=False)) for p in marked.pieces
            ).strip()
            + times,
            *values,
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return lines


#: A word that differs from what most sources say in bold; words dropped struck through.
_PIECE = {"same": "{}", "diff": "**{}**", "drop": "~~{}~~ "}


def _marked_words(pieces: Iterable[Piece]) -> str:
    return "".join(_PIECE[p.how].format(escape(p.text, strip=False)) for p in pieces).strip()


def _info_list(
    groups: Iterable[view.FactFindings],
    order: Sequence[str],
    labels: dict[str, str],
    outlets: dict[str, str],
) -> list[str]:
    """Info findings, one line each, grouped by rule (FC501: what one source alone gives)."""
    by_rule: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for group in groups:
        for finding in group.findings:
            by_rule.setdefault((finding["rule"], finding["name"]), []).append(dict(finding))
    total = sum(len(found) for found in by_rule.values())
    lines = [f"### Info ({total:,})", ""]
    for (rule, name), found in sorted(by_rule.items()):
        lines += [f"**{escape(rule)} {escape(name)}** ({len(found):,}):", ""]
        for finding in sorted(found, key=lambda f: _info_order(f, order)):
            lines.append(f"- {_info_line(finding, order, labels, outlets)}")
        lines.append("")
    return lines


def _info_order(finding: dict[str, Any], order: Sequence[str]) -> tuple[Any, ...]:
    first = min(((order.index(e["source_id"]) if e["source_id"] in order else len(order),
                  e["start"]) for e in finding["evidence"]), default=(0, 0))  # fmt: skip
    return (finding["kind"], first, finding["key"])


def _info_line(
    finding: dict[str, Any], order: Sequence[str], labels: dict[str, str], outlets: dict[str, str]
) -> str:
    where = escape(view.context(finding))
    said = "; ".join(
        f"{_source_name(r.source_id, labels, outlets)}: "
        + (f"{where}: “{escape(r.wording)}”" if finding["kind"] == "quote"
           else f"“{escape(r.wording)}” ({where})")
        for r in view.evidence_rows(finding, order)
    )  # fmt: skip
    return f"{escape(finding['kind'])} · {said}"


def _source_name(source_id: str, labels: dict[str, str], outlets: dict[str, str]) -> str:
    """``000 (VOA)``, or ``002`` when the outlet is unknown."""
    outlet = outlets.get(source_id, view.MISSING)
    name = escape(labels.get(source_id, source_id))
    return name if outlet == view.MISSING else f"{name} ({escape(outlet)})"


def _write_errors(out: IO[str], errors: Sequence[dict[str, Any]]) -> None:
    out.write(f"\n## Input errors ({len(errors):,})\n\n")
    out.write("| file | line | cluster | message |\n|---|---:|---|---|\n")
    for error in errors:
        line = error.get("line")
        cells = (error["path"], view.MISSING if line is None else line, error["cluster_id"])
        out.write("| " + " | ".join(escape(c) for c in (*cells, error["message"])) + " |\n")


FORMAT = ReportFormat("md", (("report.md", write),), "report.md: findings for editors")
