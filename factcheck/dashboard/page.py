"""The dashboard page: consistency over runs, outlets, rules and kinds, the worst clusters.

One self-contained HTML file: inline CSS, SVG charts drawn in Python, no script, and a
Content-Security-Policy that forbids loading anything. Every text from the history (outlet
names, cluster ids, labels) is escaped.
"""

from __future__ import annotations

import pandas as pd

from factcheck import __version__
from factcheck.dashboard import svg
from factcheck.facts import SEVERITIES
from factcheck.report.html_cluster import cluster_fragment
from factcheck.report.html_text import escape

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
STYLE = """
:root { --ink:#1d1d1f; --muted:#5b5f66; --line:#d6d8dc; --panel:#f6f7f9; --link:#1a5fd0; }
* { box-sizing: border-box; }
body { margin:0; color:var(--ink); font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,
  Arial,sans-serif; overflow-wrap:break-word; }
header, main, footer { max-width:66rem; margin:0 auto; padding:0 1rem; }
h1 { font-size:1.6rem; margin:1rem 0 .25rem; }
h2 { font-size:1.25rem; margin:2rem 0 .5rem; padding-top:.5rem; border-top:3px solid var(--ink); }
.meta { color:var(--muted); font-size:.9rem; }
.cards { display:flex; flex-wrap:wrap; gap:.5rem; padding:0; list-style:none; }
.cards li { flex:1 1 8rem; padding:.5rem .75rem; background:var(--panel);
  border:1px solid var(--line); border-radius:.4rem; }
.cards .n { display:block; font-size:1.5rem; font-weight:700; }
.grid { display:grid; gap:1rem;
  grid-template-columns:repeat(auto-fit,minmax(min(100%,28rem),1fr)); }
figure { margin:0; padding:.5rem; border:1px solid var(--line); border-radius:.4rem; }
figcaption { font-weight:600; margin-bottom:.25rem; }
svg.chart { width:100%; height:auto; display:block; }
svg .grid { stroke:#e4e7ec; } svg .tick { font-size:12px; fill:#475467; }
svg .line { fill:none; stroke:#175cd3; stroke-width:2.5; } svg .dot { fill:#175cd3; }
.scroll { overflow-x:auto; max-width:100%; }
table { border-collapse:collapse; font-size:.9rem; }
th, td { border:1px solid var(--line); padding:.3rem .5rem; text-align:left; }
th { background:var(--panel); } td.num { text-align:right; font-variant-numeric:tabular-nums; }
a { color:var(--link); }
.heat { display:inline-block; height:.7rem; background:#b42318; vertical-align:middle; }
"""


def _value(history: pd.DataFrame, run_id: str, dimension: str, key: str, metric: str) -> float:
    rows = history[
        (history["run_id"] == run_id)
        & (history["dimension"] == dimension)
        & (history["key"] == key)
        & (history["metric"] == metric)
    ]
    return float(rows["value"].iloc[0]) if len(rows) else 0.0


def _runs(history: pd.DataFrame) -> pd.DataFrame:
    """One row per run, oldest first: run_id, started_at, label and the run-level metrics."""
    if history.empty:
        return pd.DataFrame(columns=["run_id", "started_at", "label"])
    totals = history[history["dimension"] == "run"]
    wide = totals.pivot_table(
        index=["run_id", "started_at", "label"], columns="metric", values="value", aggfunc="first"
    ).reset_index()
    return wide.sort_values(["started_at", "run_id"], ignore_index=True)


def _run_label(run: pd.Series) -> str:
    label = str(run["label"] or "")
    stamp = str(run["started_at"])[5:16].replace("T", " ")  # MM-DD HH:MM
    return label or stamp


def render_dashboard(history: pd.DataFrame, report_href: str | None = None) -> str:
    """The whole page for the history table (see :mod:`factcheck.history.store`)."""
    runs = _runs(history)
    parts = [_head(), "<header><h1>factcheck: consistency dashboard</h1>"]
    if runs.empty:
        parts.append('<p class="meta">No runs in the history yet: run <code>factcheck run</code>.'
                     "</p></header></body></html>\n")  # fmt: skip
        return "".join(parts)
    latest = runs.iloc[-1]
    latest_id = str(latest["run_id"])
    parts.append(
        f'<p class="meta">{len(runs):,} run{"s" if len(runs) != 1 else ""} in the history; '
        f"latest {escape(str(latest['started_at'])[:16].replace('T', ' '))} UTC"
        f"{' (' + escape(str(latest['label'])) + ')' if latest['label'] else ''}.</p></header>"
    )
    parts.append("<main>")
    parts.append(_cards(latest))
    parts.append(_over_runs(history, runs))
    parts.append(_latest(history, latest_id))
    parts.append(_outlet_pairs(history, latest_id))
    parts.append(_worst_clusters(history, latest_id, report_href))
    parts.append(_runs_table(runs))
    parts.append(f'</main><footer><p class="meta">factcheck {escape(__version__)}</p></footer>')
    parts.append("</body></html>\n")
    return "".join(parts)


def _head() -> str:
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>factcheck dashboard</title><style>{STYLE}</style></head><body>"
    )


def _get(run: pd.Series, metric: str) -> float:
    value = run.get(metric)
    return 0.0 if value is None or pd.isna(value) else float(value)


def _cards(latest: pd.Series) -> str:
    cards = [
        ("clusters", f"{_get(latest, 'clusters'):,.0f}"),
        ("sources", f"{_get(latest, 'sources'):,.0f}"),
        ("facts", f"{_get(latest, 'facts'):,.0f}"),
        ("multi-source facts in agreement", f"{_get(latest, 'agreement_share'):.1%}"),
        ("findings", f"{_get(latest, 'findings'):,.0f}"),
        ("input errors", f"{_get(latest, 'errors'):,.0f}"),
    ]
    if "validation_failed" in latest and not pd.isna(latest["validation_failed"]):
        failed = _get(latest, "validation_failed")
        cards.append(("table contracts", "failed" if failed else "met"))
    items = "".join(f'<li><span class="n">{v}</span>{escape(k)}</li>' for k, v in cards)
    return f'<h2>Latest run</h2><ul class="cards">{items}</ul>'


def _figure(caption: str, chart: str) -> str:
    return f"<figure><figcaption>{escape(caption)}</figcaption>{chart}</figure>"


def _over_runs(history: pd.DataFrame, runs: pd.DataFrame) -> str:
    labels = [_run_label(run) for _, run in runs.iterrows()]
    share = [_get(run, "agreement_share") for _, run in runs.iterrows()]
    layers = [
        (s, [_value(history, str(r), "severity", s, "findings") for r in runs["run_id"]])
        for s in SEVERITIES
    ]
    return (
        '<h2>Over runs</h2><div class="grid">'
        + _figure(
            "Multi-source facts in agreement",
            svg.line_chart("Share of multi-source facts in agreement", labels, share, top=1.0),
        )
        + _figure(
            "Findings by severity",
            svg.stacked_bars("Findings by severity", labels, layers, svg.SEVERITY_COLOURS),
        )
        + "</div>"
    )


def _breakdown(history: pd.DataFrame, run_id: str, dimension: str, metric: str) -> pd.Series:
    rows = history[
        (history["run_id"] == run_id)
        & (history["dimension"] == dimension)
        & (history["metric"] == metric)
    ]
    series = rows.set_index("key")["value"].astype(float)
    return series.sort_index().sort_values(ascending=False, kind="stable")


def _items(series: pd.Series) -> list[tuple[str, float]]:
    return [(str(k), float(v)) for k, v in series.items()]


def _latest(history: pd.DataFrame, run_id: str) -> str:
    by_rule = _breakdown(history, run_id, "rule", "findings")
    by_kind = _breakdown(history, run_id, "kind", "findings")
    facts = _breakdown(history, run_id, "kind", "facts")
    disagree = _breakdown(history, run_id, "kind", "disagreeing_facts")
    rate = [(k, float(disagree.get(k, 0.0)) / v) for k, v in _items(facts) if v]
    return (
        '<h2>Latest run: where the findings are</h2><div class="grid">'
        + _figure("Findings by rule", svg.horizontal_bars("Findings by rule", _items(by_rule)))
        + _figure(
            "Findings by claim kind",
            svg.horizontal_bars("Findings by claim kind", _items(by_kind)),
        )
        + _figure(
            "Facts in disagreement, by claim kind",
            svg.horizontal_bars(
                "Share of facts in disagreement by claim kind", rate, fmt=".1%", top=1.0
            ),
        )
        + "</div>"
    )


def _outlet_pairs(history: pd.DataFrame, run_id: str) -> str:
    shared = _breakdown(history, run_id, "outlet_pair", "shared_facts")
    disagree = _breakdown(history, run_id, "outlet_pair", "disagreeing_facts")
    rows = sorted(
        ((k, float(disagree.get(k, 0.0)), n) for k, n in _items(shared) if n),
        key=lambda r: (-r[1] / r[2], -r[2], r[0]),
    )
    body = "".join(
        f"<tr><td>{escape(pair)}</td><td class='num'>{n:,.0f}</td><td class='num'>{d:,.0f}</td>"
        f"<td class='num'>{d / n:.1%} <span class='heat' style='width:{4 * d / n:.2f}rem'>"
        "</span></td></tr>"
        for pair, d, n in rows
    )
    if not rows:
        body = "<tr><td colspan='4'>No fact is reported by two outlets.</td></tr>"
    return (
        "<h2>Disagreement by outlet pair (latest run)</h2><div class='scroll'><table>"
        "<thead><tr><th>outlets</th><th>facts both report</th><th>in disagreement</th>"
        f"<th>share</th></tr></thead><tbody>{body}</tbody></table></div>"
    )


def _worst_clusters(history: pd.DataFrame, run_id: str, report_href: str | None) -> str:
    rows = history[(history["run_id"] == run_id) & (history["dimension"] == "cluster")]
    table = rows.pivot_table(index="key", columns="metric", values="value", aggfunc="first")
    if table.empty:
        return "<h2>Worst clusters (latest run)</h2><p>No cluster has a finding.</p>"
    table = table.reindex(columns=[f"findings_{s}" for s in SEVERITIES], fill_value=0.0)
    table = table.sort_values(list(table.columns), ascending=False, kind="stable")
    body = []
    for cluster_id, counts in table.iterrows():
        name = escape(str(cluster_id))
        if report_href:
            href = escape(f"{report_href}#{cluster_fragment(str(cluster_id))}")
            name = f'<a href="{href}">{name}</a>'
        cells = "".join(f"<td class='num'>{counts[c]:,.0f}</td>" for c in table.columns)
        body.append(f"<tr><td>{name}</td>{cells}</tr>")
    heads = "".join(f"<th>{s}</th>" for s in SEVERITIES)
    return (
        "<h2>Worst clusters (latest run)</h2><div class='scroll'><table><thead><tr>"
        f"<th>cluster</th>{heads}</tr></thead><tbody>{''.join(body)}</tbody></table></div>"
    )


def _runs_table(runs: pd.DataFrame) -> str:
    columns = [
        ("clusters", ",.0f"), ("facts", ",.0f"), ("agreement_share", ".1%"),
        ("findings", ",.0f"), ("errors", ",.0f"), ("duration_s", ",.1f"),
    ]  # fmt: skip
    heads = "".join(f"<th>{escape(c.replace('_', ' '))}</th>" for c, _ in columns)
    body = []
    for _, run in runs.iloc[::-1].iterrows():
        cells = "".join(f"<td class='num'>{format(_get(run, c), f)}</td>" for c, f in columns)
        label = escape(str(run["label"] or ""))
        started = escape(str(run["started_at"])[:16].replace("T", " "))
        body.append(f"<tr><td>{started}</td><td>{label}</td>{cells}</tr>")
    return (
        "<h2>Runs</h2><div class='scroll'><table><thead><tr><th>started (UTC)</th><th>label</th>"
        f"{heads}</tr></thead><tbody>{''.join(body)}</tbody></table></div>"
    )
