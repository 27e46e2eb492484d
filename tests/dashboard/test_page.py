"""The dashboard in a real headless Chromium: charts drawn, nothing loaded, text inert.

The history is made by real runs over the seeds (and a copy with a changed number, so the
runs differ); the screenshot is kept as a test artefact in ``tests/artifacts/``.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pandas as pd
import pytest

from factcheck.batch import check_clusters
from factcheck.cli import main
from factcheck.corpus import Cluster, Source
from factcheck.dashboard.page import render_dashboard
from factcheck.history.metrics import run_metrics
from factcheck.history.store import append_run, history_frame, load_history, new_run_id
from factcheck.report.run import staged_run
from factcheck.rules.loader import load_rules
from tests.browser import open_page, screenshot
from tests.conftest import ROOT

ARTIFACTS = ROOT / "tests" / "artifacts"
HOSTILE = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">'


def _hostile_copy(cluster: Cluster) -> Cluster:
    """The seeds with a hostile outlet name and cluster id, and one number changed."""
    first, *rest = cluster.sources
    changed = Source(
        first.source_id, HOSTILE, first.text.replace("750", "950"), first.path, outlet=HOSTILE
    )
    return Cluster(HOSTILE, (changed, *(Source(s.source_id, HOSTILE, s.text, s.path,
                                               outlet=s.outlet) for s in rest)))  # fmt: skip


@pytest.fixture(scope="module")
def history_dir(seed_cluster, tmp_path_factory) -> Path:
    rules = load_rules()
    history = tmp_path_factory.mktemp("history")
    started = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)
    for n, clusters in enumerate(([seed_cluster], [_hostile_copy(seed_cluster)], [seed_cluster])):
        out = tmp_path_factory.mktemp(f"run{n}")
        with staged_run(out) as writer:
            for output in check_clusters(clusters, rules.rules, rules.synonyms):
                writer.add(output)
            rows = run_metrics(writer.finish([], rules.rules, "error"), {"duration_s": 3.0 + n})
        when = started + timedelta(days=n)
        append_run(history, history_frame(new_run_id(when), when, HOSTILE if n == 1 else "", rows))
    return history


@pytest.fixture(scope="module")
def page_path(history_dir, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("board") / "dashboard.html"
    out.write_text(render_dashboard(load_history(history_dir), "report.html"), encoding="utf-8")
    return out


def test_the_page_draws_its_charts_and_loads_nothing(page_path: Path):
    with open_page(page_path) as seen:
        page = seen.page
        assert seen.requests == [page_path.resolve().as_uri()] and not seen.routed
        charts = page.locator("svg.chart")
        assert charts.count() == 5
        for n in range(charts.count()):
            chart = charts.nth(n)
            box = chart.bounding_box()
            assert box is not None and box["width"] > 200 and box["height"] > 30
            marks = chart.locator("rect, circle, polyline")
            assert marks.count() > 0, f"chart {n} is empty"
        dots = page.locator("svg.chart circle.dot")
        assert dots.count() == 3  # one per run on the agreement line
        assert page.locator("svg.chart polyline.line").count() == 1


def test_hostile_text_in_the_history_is_inert(page_path: Path):
    with open_page(page_path) as seen:
        assert seen.page.evaluate("window.__pwned") is None
        assert not seen.dialogs
        assert HOSTILE in seen.page.inner_text("body")  # shown as text
        link = seen.page.locator("table a").first
        assert link.get_attribute("href").startswith("report.html#cluster-")


def test_the_page_fits_a_phone(page_path: Path):
    with open_page(page_path, width=375) as seen:
        scroll = seen.page.evaluate("document.documentElement.scrollWidth")
        assert scroll <= 375


def test_screenshot_is_kept_as_an_artefact(page_path: Path):
    target = screenshot(page_path, ARTIFACTS / "dashboard.png")
    assert target.stat().st_size > 10_000


def test_worst_clusters_link_to_their_section_of_the_report(tmp_path: Path):
    out = tmp_path / "reports"
    assert main(["run", str(ROOT / "seeds"), "--out", str(out), "--format", "html"]) == 0
    page = out / "dashboard.html"
    assert main(["dashboard", "--history", str(out / "history"), "--out", str(page)]) == 0
    with open_page(page) as seen:  # (the helper loads one document only: no click through)
        href = seen.page.locator("table a").first.get_attribute("href")
    assert href == "report.html#cluster-seeds"
    with open_page(out / "report.html") as seen:
        target = seen.page.locator("#cluster-seeds")
        assert target.is_visible() and "seeds" in target.inner_text()


def test_the_command_writes_the_dashboard_and_the_export(history_dir: Path, tmp_path: Path):
    out, export = tmp_path / "board.html", tmp_path / "metrics.csv"
    argv = ["dashboard", "--history", str(history_dir), "--out", str(out)]
    assert main([*argv, "--export", str(export)]) == 0
    assert "<svg" in out.read_text(encoding="utf-8")
    assert export.read_text(encoding="utf-8").startswith("run_id,started_at,label,dimension,")
    parquet = tmp_path / "metrics.parquet"
    assert main([*argv, "--export", str(parquet)]) == 0
    pd.testing.assert_frame_equal(pd.read_parquet(parquet), load_history(history_dir))
    assert main([*argv, "--export", str(tmp_path / "metrics.xlsx")]) == 2
    assert main(["dashboard", "--history", str(tmp_path / "none"), "--out", str(out)]) == 2
