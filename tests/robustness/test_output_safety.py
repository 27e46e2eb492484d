"""Hostile article text comes out inert in every format, and nothing is written outside --out.

One cluster of hostile articles (tests/robustness/hostile.py), as a directory and as JSONL,
goes through ``run`` (every format), ``gate``, ``extract`` and ``dashboard``, each in its own
process. Then: the HTML runs nothing in a real browser, the Markdown renders to no link or
raw HTML, JSON, CSV and Parquet keep the exact text, JUnit parses as XML 1.0, SARIF
validates, no terminal line carries a raw control character, and every file created lies in
the directories the commands were given.
"""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import mistune
import pandas as pd
import pytest

from factcheck.controls import pictured, visible
from tests import browser
from tests.report.test_sarif import validate as validate_sarif
from tests.robustness import hostile
from tests.robustness.harness import Outcome, assert_no_traceback, run_factcheck

FORMATS = "json,md,html,sarif,junit,csv,parquet"
#: The gate's --out, and its draft: names a terminal would obey (a title, a colour).
GATE = "gate\x1b]0;t\x07"
DRAFT = "draft\x1b[31m.txt"
#: Characters that act on a terminal: ESC, BEL, CR, C0/C1 controls, separators, bidi.
ACTING = set("\x01\x07\x0b\x1b\r\x85\x9b\u2028\u2029\u202e")


@dataclass
class Hostile:
    """The tree the commands ran in, what each printed, and the files they created."""

    root: Path
    base: Path  #: every directory the commands were given lies in here
    outcomes: dict[str, Outcome]
    created: list[Path]

    def out(self, *parts: str) -> Path:
        return self.base.joinpath(*parts)


def _files(root: Path) -> set[Path]:
    return {p for p in root.rglob("*") if p.is_file() or p.is_symlink()}


@pytest.fixture(scope="module")
def hostile_run(tmp_path_factory: pytest.TempPathFactory) -> Hostile:
    root = tmp_path_factory.mktemp("hostile")
    base = root / "two" / "deep"  # so that "../../x" from any directory lands inside root
    inputs = base / "in"
    cluster = hostile.write_directory(inputs)
    jsonl = hostile.write_jsonl(inputs)
    bad = hostile.write_bad_inputs(inputs)
    (cwd := base / "cwd").mkdir()
    original = next(cluster.glob("src`*"))
    sources = [str(p) for p in sorted(cluster.iterdir()) if p != original]
    draft = inputs / DRAFT
    draft.write_bytes(original.read_bytes())
    before = _files(root)
    outcomes = {
        "run": run_factcheck(
            "run", cluster, jsonl, *bad, "--out", base / "out", "--format", FORMATS,
            "--cache", base / "cache", "--history", base / "history", cwd=cwd,
        ),
        "gate": run_factcheck(
            "gate", draft, "--against", *sources, "--out", base / GATE,
            "--format", FORMATS, cwd=cwd,
        ),
        "extract": run_factcheck("extract", cluster, jsonl, cwd=cwd),
        "extract-jsonl": run_factcheck(
            "extract", jsonl, "--format", "jsonl", "--output", base / "claims.jsonl", cwd=cwd
        ),
        "dashboard": run_factcheck(
            "dashboard", "--history", base / "history", "--out", base / "dash" / "board.html",
            "--export", base / "dash" / "metrics.csv", "--report", base / "out" / "report.html",
            cwd=cwd,
        ),
    }  # fmt: skip
    return Hostile(root, base, outcomes, sorted(_files(root) - before))


@pytest.mark.input_class("hostile-ids-path-traversal")
def test_nothing_is_written_outside_the_directories_given(hostile_run: Hostile) -> None:
    given = {"out", "cache", "history", GATE, "dash", "claims.jsonl"}
    outside = [
        p for p in hostile_run.created if p.relative_to(hostile_run.base).parts[0] not in given
    ]
    assert outside == []
    assert not list(hostile_run.root.rglob("escape")), "a cluster id's ../ was followed"
    assert list(hostile_run.out("cwd").iterdir()) == []
    history = [p.name for p in hostile_run.created if p.parent == hostile_run.out("history")]
    assert len(history) == 1 and history[0].startswith("run-")


@pytest.mark.input_class("hostile-text-terminal")
def test_no_command_prints_an_acting_character(hostile_run: Hostile) -> None:
    for name, outcome in hostile_run.outcomes.items():
        assert_no_traceback(outcome)
        printed = outcome.stderr + ("" if name == "extract" else outcome.stdout)
        assert not ACTING & set(printed), (name, sorted(ACTING & set(printed)))
    run = hostile_run.outcomes["run"]
    assert run.returncode == 2  # the bad inputs, each on its own line; the rest is reported
    assert len(run.error_lines) == 2, run.stderr
    assert any("\\x1b[31m" in line for line in run.error_lines)  # shown, not obeyed
    gate = hostile_run.outcomes["gate"]
    assert gate.returncode == 1 and "FC302" in gate.stdout
    assert gate.stdout.startswith(str(hostile_run.base / "in" / "draft\\x1b[31m.txt:"))
    assert "gate\\x1b]0;t\\x07" in gate.stderr


@pytest.mark.input_class("hostile-text-extract-stdout")
def test_extract_writes_the_claim_table_faithfully_to_stdout(hostile_run: Hostile) -> None:
    """The CSV on stdout is data for a program: the article's characters exactly."""
    rows = list(csv.DictReader(io.StringIO(hostile_run.outcomes["extract"].stdout)))
    texts = _article_texts()
    assert rows and all(
        texts[(r["cluster_id"], r["source_id"])][int(r["start"]) : int(r["end"])] == r["text"]
        for r in rows
    )
    assert any("\x1b[31m" in r["sentence"] for r in rows)


def _article_texts() -> dict[tuple[str, str], str]:
    texts = {
        (hostile.DIRECTORY_NAME, stem): text
        for stem, text in zip(hostile.FILE_STEMS, hostile.ARTICLES, strict=True)
    }
    texts.update(
        ((hostile.JSONL_CLUSTER_ID, source_id), text)
        for source_id, text in zip(hostile.JSONL_SOURCE_IDS, hostile.ARTICLES, strict=True)
    )
    texts["bad", "fine"] = hostile.ARTICLES[1]  # its cluster's other file is refused
    return texts


@pytest.mark.input_class("hostile-text-json")
@pytest.mark.parametrize("directory", ["out", GATE])
def test_json_keeps_every_id_and_evidence_text_exactly(
    hostile_run: Hostile, directory: str
) -> None:
    report = json.loads(hostile_run.out(directory, "report.json").read_text(encoding="utf-8"))
    texts = _article_texts()
    evidence = [
        (cluster["cluster_id"], e)
        for cluster in report["clusters"]
        for finding in cluster["findings"]
        for e in finding["evidence"]
    ]
    assert evidence
    if directory == "out":
        ids = {(c["cluster_id"], s["source_id"]) for c in report["clusters"] for s in c["sources"]}
        assert ids == set(texts)
        for cluster_id, e in evidence:
            assert texts[(cluster_id, e["source_id"])][e["start"] : e["end"]] == e["text"]
        outlets = [s["outlet"] or "" for c in report["clusters"] for s in c["sources"]]
        assert hostile.OUTLET in outlets


@pytest.mark.input_class("hostile-text-csv-parquet")
@pytest.mark.parametrize("table", ["claims", "facts", "findings"])
def test_csv_and_parquet_hold_the_same_exact_text(hostile_run: Hostile, table: str) -> None:
    """Faithful data: formula-looking cells (=, +, -, @) are kept as written, not prefixed."""
    parquet = pd.read_parquet(hostile_run.out("out", f"{table}.parquet"))
    text = hostile_run.out("out", f"{table}.csv").read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert len(rows) == len(parquet)
    for column in ("cluster_id", "source_id", "text", "sentence", "message", "first_text"):
        if column in parquet:
            assert [r[column] for r in rows] == [
                "" if v is None or v is pd.NA else str(v) for v in parquet[column]
            ]
    if table == "claims":
        texts = _article_texts()
        for row in parquet.itertuples():
            assert texts[(row.cluster_id, row.source_id)][row.start : row.end] == row.text
        assert any(s.startswith(hostile.FORMULA) for s in parquet["sentence"])


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


MARKDOWN_TAGS = {"h1", "h2", "h3", "h4", "p", "table", "thead", "tbody", "tr", "th", "td",
                 "ul", "li", "strong", "em", "code", "br", "del"}  # fmt: skip


@pytest.mark.input_class("hostile-text-markdown")
@pytest.mark.parametrize("directory", ["out", GATE])
def test_markdown_renders_no_link_image_or_raw_html(hostile_run: Hostile, directory: str) -> None:
    source = hostile_run.out(directory, "report.md").read_text(encoding="utf-8")
    assert not ACTING & set(source)
    render = mistune.create_markdown(escape=False, plugins=["table", "strikethrough", "url"])
    html = str(render(source))
    parser = _Tags()
    parser.feed(html)
    assert {tag for tag, _ in parser.tags} <= MARKDOWN_TAGS, html
    alignments = [{}, {"style": "text-align:right"}]  # the report's own numeric columns
    assert all(attrs in alignments for _, attrs in parser.tags), html
    assert "src&quot;&amp;&lt;b&gt;1" in html  # a source id with markup, shown as text
    if directory == "out":
        assert "&lt;script&gt;alert(&quot;c&quot;)&lt;/script&gt;" in html  # the JSONL cluster id
        assert pictured("\x1b[31m") in html  # in an outlet


@pytest.mark.input_class("hostile-text-junit")
@pytest.mark.parametrize("directory", ["out", GATE])
def test_junit_is_well_formed_xml_with_the_markup_as_text(
    hostile_run: Hostile, directory: str
) -> None:
    data = hostile_run.out(directory, "report.junit.xml").read_bytes()
    root = ET.fromstring(data)  # expat: XML 1.0, refuses forbidden characters
    names = {suite.get("name") for suite in root.iter("testsuite")}
    if directory == "out":
        assert {hostile.DIRECTORY_NAME, hostile.JSONL_CLUSTER_ID} <= names
    texts = " ".join(e.text or "" for e in root.iter() if e.tag in ("failure", "system-out"))
    assert 'src"&<b>1:' in texts  # a source id with markup, as text


@pytest.mark.input_class("hostile-text-sarif")
@pytest.mark.parametrize("directory", ["out", GATE])
def test_sarif_validates_and_points_only_at_the_input_files(
    hostile_run: Hostile, directory: str
) -> None:
    log = json.loads(hostile_run.out(directory, "report.sarif").read_text(encoding="utf-8"))
    validate_sarif(log)
    uris = {
        location["physicalLocation"]["artifactLocation"]["uri"]
        for result in log["runs"][0]["results"]
        for location in result["locations"]
    }
    assert uris and all(uri.startswith(hostile_run.out("in").as_uri()) for uri in uris)


#: Every element the report and the dashboard are built of; the article adds none.
PAGE_TAGS = {
    *"html head meta title style body header main footer section article nav div p span".split(),
    *"h1 h2 h3 h4 a mark table thead tbody tr th td details summary ul ol li del".split(),
    *"figure figcaption svg g rect circle line polyline path text tspan small strong".split(),
}


def _inert_page(path: Path, must_show: list[str]) -> None:
    with browser.open_page(path) as seen:
        page = seen.page
        page.wait_for_timeout(200)
        for anchor in page.locator("mark a").all()[:3]:
            anchor.click()
        state: dict[str, Any] = page.evaluate(
            """() => ({
                scripts: document.scripts.length,
                images: document.images.length,
                hostile: document.querySelectorAll('img, iframe, textarea, b, summary:not(.infos'
                    + ' > summary):not(.source > summary), [onerror], [onmouseover]').length,
                hrefs: [...document.querySelectorAll('[href]')].map(e => e.getAttribute('href')),
                tags: [...new Set([...document.querySelectorAll('*')].map(e => e.localName))],
                styled: document.querySelectorAll('body [style]:not(.heat)').length,
                url: location.href,
                text: document.body.innerText,
            })"""
        )
    assert seen.dialogs == [] and seen.routed == []
    assert seen.requests == [path.resolve().as_uri()]
    assert state["url"].split("#")[0] == path.resolve().as_uri()
    assert (state["scripts"], state["images"], state["hostile"], state["styled"]) == (0, 0, 0, 0)
    assert set(state["tags"]) <= PAGE_TAGS, set(state["tags"]) - PAGE_TAGS
    for href in state["hrefs"]:  # the page's own anchors, or the report beside it
        assert href.startswith("#") or href.startswith("../out/report.html#"), href
    for text in must_show:
        assert text in state["text"]
    assert "\x1b" not in state["text"]


@pytest.mark.input_class("hostile-text-html")
def test_html_reports_and_dashboard_run_nothing_in_a_browser(hostile_run: Hostile) -> None:
    shown = ["<script>alert(1)</script>", hostile.JSONL_CLUSTER_ID, pictured("\x1b[31m")]
    _inert_page(hostile_run.out("out", "report.html"), shown)
    _inert_page(hostile_run.out(GATE, "report.html"), shown[2:])
    _inert_page(hostile_run.out("dash", "board.html"), [hostile.JSONL_CLUSTER_ID])


@pytest.mark.input_class("hostile-text-terminal")
def test_visible_escapes_every_acting_character() -> None:
    shown = visible("a\x1b[31mb\x07c\rd\ne\u202ef\u2028g\x9bh\ud800\tz")
    assert shown == "a\\x1b[31mb\\x07c\\x0dd\\x0ae\\u202ef\\u2028g\\x9bh\\ud800\tz"
    assert pictured("\x00\x1b\x7f\x85\t\n\r") == "\u2400\u241b\u2421\ufffd\t\n\r"


@pytest.mark.input_class("hostile-text-terminal")
def test_a_baseline_and_the_summary_line_show_no_acting_character(
    hostile_run: Hostile, tmp_path: Path
) -> None:
    """The gate's baseline comments quote finding messages; run's last line names --out."""
    inputs = hostile_run.base / "in"
    cluster = next(p for p in inputs.iterdir() if p.is_dir())
    sources = [p for p in sorted(cluster.iterdir()) if not p.name.startswith("src`")]
    baseline = tmp_path / "baseline.txt"
    gate = run_factcheck(
        "gate", inputs / DRAFT, "--against", *sources, "--write-baseline", baseline
    )
    assert_no_traceback(gate)
    written = baseline.read_text(encoding="utf-8")
    assert "#" in written and not ACTING & set(written), sorted(ACTING & set(written))
    out = tmp_path / "out\x1b[2J\x07"
    run = run_factcheck("run", cluster, "--out", out, "--no-history")
    assert_no_traceback(run)
    assert "out\\x1b[2J\\x07" in run.stderr and not ACTING & set(run.stderr)
