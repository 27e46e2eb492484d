"""``report.html``: one self-contained page for editors, readable on a phone and a desktop.

Inline CSS and no script; a Content-Security-Policy forbids loading anything, so the page
works offline and article text can never run. The summary (counts by severity and by rule,
the clusters to read) comes first; then each cluster with findings, streamed one at a time
(see :mod:`factcheck.report.html_cluster`); clusters without findings are listed by id at
the end, then input errors.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from importlib.resources import files
from pathlib import Path
from typing import IO, Any

from factcheck.facts import SEVERITIES
from factcheck.report import view
from factcheck.report.base import ReportFormat
from factcheck.report.html_cluster import cluster_section
from factcheck.report.html_text import escape
from factcheck.report.run import RunRecords

#: Nothing may load: no script, image, font, frame, connection; only the inline style.
CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; base-uri 'none'; "
    "form-action 'none'"
)


def stylesheet() -> str:
    return files("factcheck.report").joinpath("report.css").read_text(encoding="utf-8")


def write(run: RunRecords, path: Path) -> None:
    """Stream the run's HTML report into ``path``."""
    with path.open("w", encoding="utf-8", newline="\n") as out:
        out.write(_head(run))
        out.write(_summary(run, _cluster_index(run)))
        quiet: list[str] = []
        for number, cluster in enumerate(run.clusters()):
            if cluster.record["findings"]:
                out.write(cluster_section(number, cluster.record, cluster.texts))
            else:
                quiet.append(str(cluster.record["cluster_id"]))
        if quiet:
            out.write(f"<h2>Clusters without findings ({len(quiet):,})</h2>\n<p>")
            out.write(", ".join(f'<span class="id">{escape(c)}</span>' for c in quiet))
            out.write("</p>\n")
        if run.errors:
            _write_errors(out, run.errors)
        out.write(_foot(run))


def _head(run: RunRecords) -> str:
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        '<meta name="referrer" content="no-referrer">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        "<title>factcheck report</title>\n"
        f"<style>\n{stylesheet()}</style>\n</head>\n<body>\n"
        "<header><h1>factcheck report</h1>\n"
        f'<p class="meta">{_totals(run)}</p></header>\n<main>\n'
    )


def _totals(run: RunRecords) -> str:
    s = run.summary
    counts = " · ".join(
        view.plural(int(s[key]), key[:-1]) for key in ("clusters", "sources", "claims", "facts")
    )
    return f"{escape(run.tool['name'])} {escape(run.tool['version'])} · {counts}"


def _cluster_index(run: RunRecords) -> list[tuple[int, str, dict[str, int]]]:
    """(number, id, counts by severity) of each cluster with findings, in input order."""
    return [
        (n, str(c.record["cluster_id"]), view.cluster_severities(c.record))
        for n, c in enumerate(run.clusters())
        if c.record["findings"]
    ]


def _summary(run: RunRecords, index: Sequence[tuple[int, str, dict[str, int]]]) -> str:
    s = run.summary
    cards = "".join(
        f'<li class="{sev}{"" if n else " zero"}"><span class="n">{n:,}</span>'
        f"{sev if n == 1 or sev == 'info' else sev + 's'}</li>"
        for sev, n in s["findings_by_severity"].items()
    )
    statuses = ", ".join(f"{n:,} {k.replace('_', ' ')}" for k, n in s["facts_by_status"].items())
    parts = [
        '<section id="summary">',
        f'<ul class="cards" aria-label="findings by severity">{cards}</ul>',
        f"<p>{view.plural(int(s['findings']), 'finding')} in "
        f"{view.plural(int(s['facts']), 'fact')}. Facts by status: {statuses}."
        + (f" <strong>{view.plural(int(s['errors']), 'input error')}</strong>: see the end."
           if s["errors"] else "")
        + "</p>",
        _rules_table(run),
        _contents(index),
        "</section>\n",
    ]  # fmt: skip
    return "\n".join(p for p in parts if p)


def _rules_table(run: RunRecords) -> str:
    counts = view.rule_counts(run.findings())
    if not counts:
        return ""
    rules = {str(r["code"]): r for r in run.rules}
    rows = []
    for code, by_severity in sorted(counts.items(), key=lambda item: _worst(*item)):
        rule = rules.get(code, {})
        found = " ".join(
            f'<span class="badge {s}">{n:,} {s}</span>' for s, n in by_severity.items() if n
        )
        rows.append(
            f'<tr><td><span class="id">{escape(code)}</span> '
            f'<span class="name">{escape(rule.get("name", view.MISSING))}</span>'
            f'<span class="summary">{escape(rule.get("summary", ""))}</span></td>'
            f'<td class="found">{found}</td></tr>'
        )
    return (
        "<h3>Findings by rule</h3>\n"
        '<div class="scroll"><table class="rules"><thead><tr><th>rule</th><th>findings</th>'
        f"</tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
    )


def _worst(code: str, counts: dict[str, int]) -> tuple[int, str]:
    return (next((n for n, s in enumerate(SEVERITIES) if counts.get(s)), len(SEVERITIES)), code)


def _contents(index: Iterable[tuple[int, str, dict[str, int]]]) -> str:
    items = [
        f'<li><a href="#c{n}">{escape(cluster_id)}</a>: {view.severity_line(counts)}</li>'
        for n, cluster_id, counts in index
    ]
    if not items:
        return ""
    return f"<h3>Clusters with findings</h3>\n<ul>{''.join(items)}</ul>"


def _write_errors(out: IO[str], errors: Sequence[dict[str, Any]]) -> None:
    rows = "".join(
        f'<tr><td class="id">{escape(e["path"])}</td>'
        f'<td class="num">{escape(e.get("line") or view.MISSING)}</td>'
        f"<td>{escape(e['cluster_id'])}</td><td>{escape(e['message'])}</td></tr>"
        for e in errors
    )
    out.write(
        f'<h2 id="errors">Input errors ({len(errors):,})</h2>\n<div class="scroll"><table>'
        '<thead><tr><th>file</th><th class="num">line</th><th>cluster</th><th>message</th>'
        f"</tr></thead><tbody>{rows}</tbody></table></div>\n"
    )


def _foot(run: RunRecords) -> str:
    return (
        f"</main>\n<footer>Written by {escape(run.tool['name'])} "
        f"{escape(run.tool['version'])}. This page loads nothing from the network.</footer>\n"
        "</body>\n</html>\n"
    )


FORMAT = ReportFormat(
    "html", (("report.html", write),), "report.html: one self-contained page for editors"
)
