"""``factcheck gate`` through the real command line: lines, exit codes, baselines, reports.

The draft with four planted errors (``tests/data/gate/draft.txt``, see tests/test_gate.py)
and its faithful twin are checked against the seeds from inside ``tests/data/gate``, so the
drafts are named ``draft.txt`` and ``faithful.txt`` as in the committed baseline.
"""

from __future__ import annotations

import json
import re
import shutil
import tomllib
from pathlib import Path

import jsonschema
import pytest
import yaml

from factcheck.cli import build_parser, main
from factcheck.report import FORMATS
from tests.conftest import ROOT, SEEDS

GATE_DATA = Path(__file__).resolve().parent / "data" / "gate"
LINE = re.compile(
    r"(?P<path>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<severity>error|warning|info) "
    r"(?P<rule>[A-Z]{1,4}\d{2,4}) (?P<message>\S.*)"
)
#: (rule, severity, the draft's words at the reported line and column)
EXPECTED = {
    ("FC101", "error", "35 people"),
    ("FC201", "warning", "Abbas Moussavi"),
    ("FC301", "warning", "“I and the government and the nation of Iran strongly condemn"),
    ("FC501", "info", "3 percent"),
}
REPORT_SCHEMA = json.loads((ROOT / "factcheck" / "report" / "report.schema.json").read_text())


@pytest.fixture(autouse=True)
def _in_gate_data(monkeypatch):
    monkeypatch.chdir(GATE_DATA)


def gate(capsys, *argv: str) -> tuple[int, list[str], str]:
    """Run ``factcheck gate``; the exit code, stdout lines and stderr."""
    code = main(["gate", *argv])
    captured = capsys.readouterr()
    return code, captured.out.splitlines(), captured.err


def _offset(text: str, line: int, column: int) -> int:
    return sum(len(x) + 1 for x in text.split("\n")[: line - 1]) + column - 1


def test_the_draft_gives_exactly_its_four_findings_and_exit_1(capsys):
    code, lines, err = gate(capsys, "draft.txt", "--against", str(SEEDS))
    assert code == 1
    text = (GATE_DATA / "draft.txt").read_text(encoding="utf-8")
    found = set()
    for line in lines:
        match = LINE.fullmatch(line)
        assert match, line
        assert match["path"] == "draft.txt"
        at = _offset(text, int(match["line"]), int(match["col"]))
        words = next(w for r, s, w in EXPECTED if r == match["rule"])
        assert text[at:].startswith(words), (line, text[at : at + 40])
        found.add((match["rule"], match["severity"], words))
    assert found == EXPECTED and len(lines) == 4
    assert err.strip() == (
        "factcheck gate: 1 draft against 5 sources; findings: 1 error, 2 warning, 1 info; "
        "0 accepted by the baseline"
    )


def test_a_faithful_draft_passes_silently(capsys):
    code, lines, err = gate(capsys, "faithful.txt", "--against", str(SEEDS))
    assert (code, lines) == (0, [])
    assert "0 error, 0 warning, 0 info" in err


def test_the_committed_baseline_accepts_the_four(capsys):
    args = ("draft.txt", "--against", str(SEEDS), "--baseline", "baseline.txt")
    code, lines, err = gate(capsys, *args)
    assert (code, lines) == (0, [])
    assert "4 accepted by the baseline" in err


def test_write_baseline_writes_every_id_and_reading_it_back_accepts_them(capsys, tmp_path):
    written = tmp_path / "accepted.txt"
    args = ("draft.txt", "--against", str(SEEDS), "--out", str(tmp_path / "r"))
    code, lines, err = gate(capsys, *args, "--write-baseline", str(written))
    assert code == 0 and len(lines) == 4 and f"baseline written to {written}" in err
    report = json.loads((tmp_path / "r" / "report.json").read_text(encoding="utf-8"))
    ids = {f["id"] for f in report["clusters"][0]["findings"]}
    entries = [x.split("#")[0].strip() for x in written.read_text().splitlines()]
    assert sorted(e for e in entries if e) == sorted(ids) and len(ids) == 4
    assert gate(capsys, *args[:3], "--baseline", str(written))[:2] == (0, [])
    # A report.json serves as a baseline too.
    report_path = str(tmp_path / "r" / "report.json")
    assert gate(capsys, *args[:3], "--baseline", report_path)[0] == 0


def test_a_bad_draft_leaves_the_baseline_file_as_it_was(capsys, tmp_path):
    kept = tmp_path / "accepted.txt"
    kept.write_text("FC101-479b454d0a60  # accepted last week\n")
    argv = ("draft.txt", "missing.md", "--against", str(SEEDS), "--write-baseline", str(kept))
    code, lines, err = gate(capsys, *argv)
    assert code == 2 and len(lines) == 4 and "missing.md: no such file" in err
    assert kept.read_text() == "FC101-479b454d0a60  # accepted last week\n"
    assert "baseline written" not in err


def test_no_source_left_is_an_error(capsys, tmp_path):
    shutil.copy(GATE_DATA / "draft.txt", tmp_path / "draft.txt")
    code, lines, err = gate(capsys, str(tmp_path / "draft.txt"), "--against", str(tmp_path))
    assert (code, lines) == (2, [])
    assert f"factcheck: error: {tmp_path}: no sources" in err


def test_a_partial_baseline_and_fail_on(capsys, tmp_path):
    code, lines, _ = gate(capsys, "draft.txt", "--against", str(SEEDS))
    error_line = next(x for x in lines if " error FC101 " in x)
    baseline = tmp_path / "b.txt"
    committed = (GATE_DATA / "baseline.txt").read_text(encoding="utf-8").splitlines()
    number = next(x.split()[0] for x in committed if x.startswith("FC101"))
    baseline.write_text(f"# accepted\n{number}  # the number\n")
    code, lines, err = gate(
        capsys, "draft.txt", "--against", str(SEEDS), "--baseline", str(baseline)
    )
    assert code == 1 and len(lines) == 3 and error_line not in lines
    assert "1 accepted by the baseline" in err
    args = ("draft.txt", "--against", str(SEEDS), "--baseline", str(baseline))
    assert gate(capsys, *args, "--fail-on", "error")[0] == 0  # only warnings and an info left
    assert gate(capsys, "draft.txt", "--against", str(SEEDS), "--fail-on", "never")[0] == 0
    assert gate(capsys, "faithful.txt", "--against", str(SEEDS), "--fail-on", "info")[0] == 0


def test_reports_hold_each_draft_its_findings_and_exact_offsets(capsys, tmp_path):
    out = tmp_path / "reports"
    args = ("draft.txt", "faithful.txt", "--against", str(SEEDS), "--out", str(out))
    code, lines, err = gate(capsys, *args)
    assert code == 1 and len(lines) == 4 and f"wrote {out / 'report.json'}" in err
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(REPORT_SCHEMA).validate(report)
    bad, good = report["clusters"]
    assert (bad["cluster_id"], good["cluster_id"]) == ("draft.txt", "faithful.txt")
    assert bad["sources"][0] == {**bad["sources"][0], "source_id": "draft", "path": "draft.txt"}
    assert len(bad["findings"]) == 4 and good["findings"] == []
    texts = {"draft": (GATE_DATA / "draft.txt").read_text(encoding="utf-8")}
    texts |= {p.stem: p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt")}
    for finding in bad["findings"]:
        assert finding["evidence"][0]["source_id"] == "draft"
        for e in finding["evidence"]:
            assert texts[e["source_id"]][e["start"] : e["end"]] == e["text"]
    assert all("draft" in fact["sources"] for fact in bad["facts"])
    assert report["summary"]["findings_by_severity"] == {"error": 1, "warning": 2, "info": 1}


@pytest.mark.skipif("sarif" not in FORMATS, reason="no SARIF format registered")
def test_sarif_annotations_point_at_the_drafts_lines(capsys, tmp_path):
    from tests.report.test_sarif import validate

    args = ("draft.txt", "--against", str(SEEDS), "--format", "sarif", "--out", str(tmp_path))
    _, lines, _ = gate(capsys, *args)
    log = json.loads((tmp_path / "report.sarif").read_text(encoding="utf-8"))
    validate(log)
    printed = {(m["rule"], int(m["line"]), int(m["col"])) for m in map(LINE.fullmatch, lines) if m}
    results = log["runs"][0]["results"]
    annotated = set()
    for result in results:
        first = result["locations"][0]["physicalLocation"]
        assert first["artifactLocation"]["uri"].endswith("draft.txt")
        region = first["region"]
        annotated.add((result["ruleId"], region["startLine"], region["startColumn"]))
    assert annotated == printed and len(results) == 4


def test_format_alone_writes_into_reports_gate_and_nothing_unasked(capsys, tmp_path, monkeypatch):
    shutil.copy(GATE_DATA / "faithful.txt", tmp_path / "faithful.txt")
    monkeypatch.chdir(tmp_path)
    assert gate(capsys, "faithful.txt", "--against", str(SEEDS))[0] == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["faithful.txt"]
    assert gate(capsys, "faithful.txt", "--against", str(SEEDS), "--format", "json")[0] == 0
    assert sorted(p.name for p in (tmp_path / "reports" / "gate").iterdir()) == ["report.json"]


def test_a_draft_inside_the_source_directory_is_not_its_own_source(capsys, tmp_path):
    for path in SEEDS.glob("*.txt"):
        shutil.copy(path, tmp_path / path.name)
    shutil.copy(GATE_DATA / "draft.txt", tmp_path / "story.md")
    code, lines, err = gate(capsys, str(tmp_path / "story.md"), "--against", str(tmp_path))
    assert code == 1 and len(lines) == 4 and "against 5 sources" in err
    assert all(line.startswith(f"{tmp_path / 'story.md'}:") for line in lines)


@pytest.mark.parametrize(
    ("argv", "named"),
    [
        (["missing.txt", "--against", "SEEDS"], "missing.txt: no such file or directory"),
        (["draft.txt", "--against", "nowhere"], "nowhere: no such file or directory"),
        (["EMPTY", "--against", "SEEDS"], "empty.txt: empty file"),
        (["draft.txt", "--against", "SEEDS", "--baseline", "BADBASE"], "bad.txt:2: not a finding"),
        (["draft.txt", "--against", "SEEDS", "--baseline", "nobase.txt"], "nobase.txt: cannot"),
        (["draft.txt", "--against", "SEEDS", "NAMED_DRAFT"], "draft.txt: the source id 'draft'"),
        (["draft.txt", "--against", "SEEDS", "--rules", "BADRULES"], "rules.yaml:2: invalid YAML"),
        (["notes.rst", "--against", "SEEDS"], "notes.rst: not a text file"),
    ],
)  # fmt: skip
def test_input_errors_are_exit_2_with_one_line_naming_the_file(capsys, tmp_path, argv, named):
    (tmp_path / "empty.txt").write_text("\n \n")
    (tmp_path / "bad.txt").write_text("# ok\nFC101-xyz\n")
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "draft.txt").write_text("The Pentagon sent 750 troops to Kuwait.\n")
    (tmp_path / "rules.yaml").write_text("rules: [\n")
    (tmp_path / "notes.rst").write_text("text\n")
    replace = {
        "SEEDS": str(SEEDS), "EMPTY": str(tmp_path / "empty.txt"),
        "BADBASE": str(tmp_path / "bad.txt"), "NAMED_DRAFT": str(tmp_path / "src"),
        "BADRULES": str(tmp_path / "rules.yaml"), "notes.rst": str(tmp_path / "notes.rst"),
    }  # fmt: skip
    code, lines, err = gate(capsys, *(replace.get(a, a) for a in argv))
    assert code == 2 and lines == []
    errors = [x for x in err.splitlines() if x.startswith("factcheck: error: ")]
    assert len(errors) == 1 and named in errors[0], err


def test_no_against_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["gate", "draft.txt"])
    assert exc.value.code == 2
    assert "--against" in capsys.readouterr().err


# --- pre-commit -----------------------------------------------------------------------------


def test_the_pre_commit_hook_names_the_console_script_and_a_real_command():
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "factcheck-gate" and hook["language"] == "python"
    assert hook["pass_filenames"] is True
    script, command = hook["entry"].split()
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["scripts"]
    assert scripts[script] == "factcheck.cli:main"
    assert build_parser().parse_args([command, "d.md", "--against=s/"]).command == "gate"
    files = re.compile(hook["files"])
    assert files.search("drafts/story.md") and files.search("story.txt")
    assert not files.search("factcheck/cli.py")


def test_the_example_pre_commit_config_runs_the_gate_as_pre_commit_would(capsys):
    """pre-commit runs ``entry + args + file names``: the example's args must leave the file
    names to be drafts (hence ``--against=DIR``) and parse as gate options."""
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    config = yaml.safe_load((GATE_DATA / "pre-commit-config.yaml").read_text(encoding="utf-8"))
    (used,) = [h for repo in config["repos"] for h in repo["hooks"] if h["id"] == hook["id"]]
    assert re.search(used["files"], "drafts/story.md") and not re.search(used["files"], "x.md")
    args = [a.replace("sources/", str(SEEDS)) for a in used["args"]]
    argv = hook["entry"].split()[1:] + args + ["draft.txt", "faithful.txt"]
    assert main(argv) == 1
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 4 and all(x.startswith("draft.txt:") for x in out)
