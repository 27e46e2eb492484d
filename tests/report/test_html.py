"""report.html in a real headless Chromium (Debian's, through Playwright; see tests/browser.py).

The page must render, load nothing from the network, run no script from the articles, show
the evidence highlighted exactly, and fit a 375px phone without horizontal scrolling. These
tests fail, not skip, when Chromium or Playwright is missing: run ``.ci/run``. Screenshots of
the seeds' report are saved in ``tests/artifacts/`` (ignored by git) for a person to look at.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from factcheck.cli import main
from factcheck.report.html import CSP
from factcheck.report.html_text import Span, highlight
from tests import browser
from tests.conftest import SEEDS
from tests.report.test_markdown import EVIL_CLUSTER, EVIL_OUTLET, PAYLOAD, write_payload_seeds

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
VOID = {"meta", "br", "img", "input", "link", "hr", "wbr"}


def _run(out: Path, *inputs: str) -> tuple[Path, dict]:
    main(["run", *inputs, "--format", "html,json", "--out", str(out), "--fail-on", "never"])
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    return out / "report.html", report


@pytest.fixture(scope="module")
def seeds(tmp_path_factory) -> tuple[Path, dict]:
    return _run(tmp_path_factory.mktemp("seeds"), str(SEEDS))


@pytest.fixture(scope="module")
def evil(tmp_path_factory) -> tuple[Path, dict]:
    directory = tmp_path_factory.mktemp("evil")
    return _run(directory / "out", str(write_payload_seeds(directory)))


class _Tags(HTMLParser):
    """Collects ids, internal links, and checks that every element is closed in order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.ids: list[str] = []
        self.links: list[str] = []
        self.problems: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        if "id" in attributes:
            self.ids.append(str(attributes["id"]))
        if tag == "a" and attributes.get("href"):
            self.links.append(str(attributes["href"]))
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.problems.append(f"</{tag}> closes {self.stack[-1:]} ")
        else:
            self.stack.pop()


def _parse(html: str) -> _Tags:
    tags = _Tags()
    tags.feed(html)
    tags.close()
    return tags


# -- the file itself, without a browser ------------------------------------------------------


def test_the_page_is_well_formed_self_contained_and_every_link_lands(seeds):
    html = seeds[0].read_text(encoding="utf-8")
    tags = _parse(html)
    assert not tags.problems and tags.stack == []
    assert len(tags.ids) == len(set(tags.ids)), "duplicate ids"
    assert tags.links and all(link.startswith("#") for link in tags.links)
    assert {link[1:] for link in tags.links} <= set(tags.ids)
    assert f'<meta http-equiv="Content-Security-Policy" content="{CSP}">' in html
    assert "default-src 'none'" in CSP and "script" not in CSP
    assert not [t for t, a in tags.tags if t in ("script", "link", "img", "iframe", "object")]
    assert not re.search(r"url\(|@import|https?:|//[a-z]", html.split("</style>")[0])


@pytest.mark.parametrize(
    ("text", "spans", "pieces"),
    [
        ("abcdef", [(1, 4, "warning"), (2, 6, "info")],
         [("a", ""), ("b", "w"), ("cd", "w i"), ("ef", "i")]),
        ("abcdef", [(0, 6, "info"), (2, 3, "error")],
         [("ab", "i"), ("c", "i e"), ("def", "i")]),
        ("a<b>&\"c", [(1, 4, "warning")], [("a", ""), ("<b>", "w"), ("&\"c", "")]),
        ("abc", [(1, 1, "info"), (2, 9, "info")], [("abc", "")]),
    ],
)  # fmt: skip
def test_overlapping_and_nested_spans_are_split_into_balanced_pieces(text, spans, pieces):
    initials = {"warning": "w", "info": "i", "error": "e"}
    made = [Span(s, e, initials[sev], "f", sev, f"<{sev}>") for s, e, sev in spans]
    html = highlight(text, made)
    tags = _parse(f"<div>{html}</div>")
    assert not tags.problems and tags.stack == []
    assert _pieces(html) == pieces


class _Pieces(HTMLParser):
    """The text of highlighted HTML as (text, the data-ev of the mark around it) runs."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.mark: str | None = None
        self.runs: list[tuple[str, str]] = []

    def handle_starttag(self, tag, attrs):
        if tag == "mark":
            self.mark = str(dict(attrs)["data-ev"])

    def handle_endtag(self, tag):
        if tag == "mark":
            self.mark = None

    def handle_data(self, data):
        ev = self.mark or ""
        if self.runs and self.runs[-1][1] == ev:
            self.runs[-1] = (self.runs[-1][0] + data, ev)
        else:
            self.runs.append((data, ev))


def _pieces(html: str) -> list[tuple[str, str]]:
    parser = _Pieces()
    parser.feed(html)
    parser.close()
    return parser.runs


# -- in the browser ---------------------------------------------------------------------------


def test_the_page_renders_its_heading_and_findings(seeds):
    path, report = seeds
    with browser.open_page(path) as seen:
        page = seen.page
        assert page.locator("h1").inner_text() == "factcheck report"
        assert page.locator("h1").is_visible()
        findings = report["clusters"][0]["findings"]
        warnings = [f for f in findings if f["severity"] == "warning"]
        articles = page.locator("article.finding")
        assert articles.count() == len(warnings) == 3
        for finding in warnings:
            why = page.locator(".why", has_text=finding["message"][:60])
            assert why.count() == 1 and why.is_visible()
        assert page.locator("details.infos li").count() == len(findings) - len(warnings)
        assert page.locator("table.matrix").is_visible()
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "report-seeds-desktop.png"), full_page=True)
    assert seen.requests == [path.resolve().as_uri()] and seen.routed == []


def test_the_page_makes_no_network_request(evil):
    path, _ = evil
    with browser.open_page(path) as seen:
        seen.page.wait_for_timeout(300)  # anything lazy would have asked by now
        for anchor in seen.page.locator("mark a").all()[:5]:
            anchor.click()  # following the page's own links loads nothing either
    assert seen.requests == [path.resolve().as_uri()]
    assert seen.routed == []


def test_script_and_markup_in_articles_come_out_as_inert_text(evil):
    path, _ = evil
    with browser.open_page(path) as seen:
        page = seen.page
        assert page.evaluate("typeof window.__pwned") == "undefined"
        assert page.evaluate("document.scripts.length") == 0
        assert page.locator("img, [onerror], b, i").count() == 0
        text = page.locator("body").inner_text()
        assert '<script>window.__pwned=1</script> <img src=x onerror="window.__pwned=2">' in text
        assert '{"k": "</div>", "v": [1, 2]}' in text
        assert PAYLOAD in page.locator(".text").nth(2).inner_text()  # the whole source text
        assert EVIL_CLUSTER in text and EVIL_OUTLET in text
        esper = page.locator("article.finding", has_text="Mark Esper quoted differently")
        assert "<b>now</b>" in esper.inner_text()
    assert seen.dialogs == []


def test_the_highlighted_spans_are_visible_and_are_the_evidence(seeds):
    path, report = seeds
    cluster = report["clusters"][0]
    with browser.open_page(path) as seen:
        page = seen.page
        checked = 0
        for k, finding in enumerate(cluster["findings"]):
            for j, evidence in enumerate(finding["evidence"]):
                marks = page.locator(f'mark[data-ev~="c0-f{k}-e{j}"]')
                assert marks.count() >= 1, (finding["id"], j)
                assert "".join(marks.all_text_contents()) == evidence["text"]
                box = marks.first.bounding_box()
                assert box and box["width"] > 0 and box["height"] > 0
                severity = finding["severity"]
                assert marks.first.evaluate(
                    "(m, s) => m.classList.contains('sev-' + s) || m.classList.contains('multi')",
                    severity,
                )
                checked += 1
        assert checked == sum(len(f["evidence"]) for f in cluster["findings"])
        # a warning's mark is coloured differently from the page
        first = page.locator('mark.sev-warning[data-ev~="c0-f0-e0"]')
        assert first.evaluate("m => getComputedStyle(m).backgroundColor") != "rgba(0, 0, 0, 0)"


@pytest.mark.parametrize("which", ["seeds", "evil"])
def test_a_phone_wide_page_does_not_scroll_sideways(which, request):
    path, _ = request.getfixturevalue(which)
    with browser.open_page(path, width=375, height=812) as seen:
        page = seen.page
        width = page.evaluate("document.documentElement.clientWidth")
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        assert page.evaluate("document.body.scrollWidth") <= width
        if which == "seeds":
            ARTIFACTS.mkdir(exist_ok=True)
            page.screenshot(path=str(ARTIFACTS / "report-seeds-phone.png"), full_page=True)


def test_a_missing_browser_fails_and_says_to_run_ci(monkeypatch):
    monkeypatch.setattr(browser, "CHROMIUM", "/nonexistent/chromium")
    monkeypatch.setattr(browser.shutil, "which", lambda name: None)
    with pytest.raises(pytest.fail.Exception, match=r"\.ci/run"):
        browser.executable()


def test_texts_are_shown_only_for_clusters_with_a_warning_or_worse(tmp_path):
    quiet = tmp_path / "quiet"
    quiet.mkdir()
    (quiet / "a.txt").write_text("The army sent 300 troops to the border.\n", encoding="utf-8")
    (quiet / "b.txt").write_text("Officials met in the capital.\n", encoding="utf-8")
    path, report = _run(tmp_path / "out", str(SEEDS), str(quiet))
    assert [c["cluster_id"] for c in report["clusters"]] == ["seeds", "quiet"]
    assert {f["severity"] for f in report["clusters"][1]["findings"]} == {"info"}
    html = path.read_text(encoding="utf-8")
    seeds_part, quiet_part = html.split('<section class="cluster" id="c1">')
    assert 'class="text"' in seeds_part and 'class="text"' not in quiet_part
    assert "Texts are shown for clusters with a warning or error." in quiet_part
