"""report.md: the golden file of the seeds, escaping of article text, errors, quiet clusters.

The golden file is ``tests/report/golden/report.md``. After an intended change to the report,
regenerate it and read its diff before committing:

    FACTCHECK_UPDATE_GOLDEN=1 python -m pytest tests/report/test_markdown.py
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import mistune
import pytest

from factcheck.cli import main
from factcheck.report.markdown import escape
from tests.conftest import ROOT, SEEDS

GOLDEN = Path(__file__).parent / "golden" / "report.md"

#: Markup and script in article text, ids and outlet: every report must show it as text.
PAYLOAD = (
    '<script>window.__pwned=1</script> <img src=x onerror="window.__pwned=2"> '
    "| [click](javascript:alert(document.cookie)) `code` **bold** "
    '{"k": "</div>", "v": [1, 2]} &amp; ' + "W" * 300
)
EVIL_CLUSTER = 'evil "<i>cluster</i>" | [x](y)'
EVIL_OUTLET = "<b>Outlet</b> | [news](javascript:alert(window.name))"


def write_payload_seeds(directory: Path) -> Path:
    """The seeds as one JSONL cluster whose id, one outlet and texts carry payloads.

    Source 002's Esper quote (the evidence of a warning) gets markup inside it, and the same
    source ends with a quoted payload (a single-source info finding).
    """
    lines = []
    for n, path in enumerate(sorted(SEEDS.glob("*.txt"))):
        text = path.read_text(encoding="utf-8")
        record = {"cluster_id": EVIL_CLUSTER, "source_id": path.stem}
        if n == 2:
            text = text.replace(
                "If we get word of attacks,",
                "If we get word of attacks <b>now</b> | [x](javascript:alert(document.domain)),",
                1,
            )
            text += f"\n\n“{PAYLOAD}” Mr. Esper said.\n"
        if n == 4:
            record["outlet"] = EVIL_OUTLET
        lines.append(json.dumps({**record, "text": text}, ensure_ascii=False))
    target = directory / "evil.jsonl"
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return target


def _run_md(out: Path, *inputs: str) -> str:
    code = main(["run", *inputs, "--format", "md", "--out", str(out), "--fail-on", "never"])
    assert code in (0, 2)
    return (out / "report.md").read_text(encoding="utf-8")


def test_the_seed_report_matches_the_golden_file(tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)  # the report names files as given: seeds/...
    report = _run_md(tmp_path, "seeds")
    if os.environ.get("FACTCHECK_UPDATE_GOLDEN") == "1":
        GOLDEN.parent.mkdir(parents=True, exist_ok=True)
        GOLDEN.write_text(report, encoding="utf-8")
    assert report == GOLDEN.read_text(encoding="utf-8"), (
        "report.md changed; if intended, regenerate with FACTCHECK_UPDATE_GOLDEN=1 (see the "
        "module docstring) and read the diff"
    )


def test_warnings_come_first_and_infos_are_one_compact_list(tmp_path):
    report = _run_md(tmp_path, str(SEEDS))
    info = report.index("### Info (30)")
    titles = re.findall(r"^### \d+\. (\w+): (.*)$", report, flags=re.MULTILINE)
    assert [t[0] for t in titles] == ["WARNING"] * 3
    assert all(report.index(f"### 1. {t[0]}") < info for t in titles)
    assert "Kataeb Hezbollah (000, 004) vs Kataib Hezbollah (001, 002, 003)" in report
    assert len(re.findall(r"^- (quote|quantity) · ", report[info:], flags=re.MULTILINE)) == 30
    # the infos are not findings blocks of their own
    assert "**Rule:** FC501" not in report


def test_article_text_cannot_break_a_table_or_inject_markup(tmp_path):
    report = _run_md(tmp_path, str(write_payload_seeds(tmp_path)))
    assert "FC301" in report and "\\<b\\>" in report  # the payload sits inside a warning
    rendered = mistune.create_markdown(escape=False, plugins=["table", "strikethrough", "url"])(
        report
    )
    # Raw HTML would pass through this renderer: none may come from the article text.
    assert not re.search(r"<(script|img|b|i|a|div)\b", rendered)
    assert not re.search(r"href=.?javascript", rendered)
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in rendered
    assert "&lt;b&gt;Outlet&lt;/b&gt;" in rendered
    for table in re.findall(r"<table>.*?</table>", rendered, flags=re.DOTALL):
        header = len(re.findall(r"<th\b", table.split("</thead>")[0]))
        for row in re.findall(r"<tr>(.*?)</tr>", table.split("<tbody>")[1], flags=re.DOTALL):
            assert len(re.findall(r"<td\b", row)) == header, row


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("750 troops", "750 troops"),
        ("a | b", "a \\| b"),
        ("<script>", "\\<script\\>"),
        ("[x](javascript:y)", "\\[x\\](javascript:y)"),
        ("`code` *em* _u_ ~s~", "\\`code\\` \\*em\\* \\_u\\_ \\~s\\~"),
        ("$5 and $6", "\\$5 and \\$6"),
        ("&amp; # !", "\\&amp; \\# \\!"),
        ("back\\slash", "back\\\\slash"),
        ("two\nlines\r\n  here", "two lines here"),
    ],
)
def test_escape(text, expected):
    assert escape(text) == expected


def test_input_errors_and_clusters_without_findings_are_listed(tmp_path):
    bad, quiet = tmp_path / "bad", tmp_path / "quiet"
    bad.mkdir()
    quiet.mkdir()
    (bad / "empty.txt").write_text("", encoding="utf-8")
    (quiet / "a.txt").write_text("The weather was calm.\n", encoding="utf-8")
    report = _run_md(tmp_path / "out", str(SEEDS), str(bad), str(quiet))
    assert "## Clusters without findings (1)\n\nquiet\n" in report
    errors = report[report.index("## Input errors (1)") :]
    assert f"| {escape(bad / 'empty.txt')} | — | bad | empty file (no text) |" in errors
    assert report.index("## Cluster seeds") < report.index("## Input errors")
