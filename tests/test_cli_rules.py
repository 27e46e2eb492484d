"""`factcheck rules list|explain|validate`: through ``main``, and once as the console script."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.rules.kinds import REGISTRY
from tests.conftest import ROOT
from tests.rules.rulefiles import TEST_KIND, VALID, rule_text, write
from tests.test_cli import run, run_script

PREFIX = "factcheck: error: "


@pytest.fixture(autouse=True)
def test_kind(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(REGISTRY, TEST_KIND.name, TEST_KIND)


@pytest.fixture
def valid(tmp_path: Path) -> Path:
    return write(tmp_path, "mine.yaml", VALID)


def test_list_prints_one_aligned_line_per_rule_sorted_by_code(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, valid: Path
) -> None:
    extra = write(tmp_path, "extra.yaml", "rules:\n" + rule_text("AB10", "short"))
    code, out, err = run(capsys, "rules", "list", "--rules", valid, "--rules", extra)
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        "AB10    warning  test_tolerance  short         A rule named short.",
        "TST101  error    test_tolerance  test-numbers  Numbers differ across sources.",
        "TST102  info     test_tolerance  test-words    Only one source says it.",
    ]


def test_rules_without_an_action_lists(capsys: pytest.CaptureFixture[str], valid: Path) -> None:
    code, out, _ = run(capsys, "rules", "--rules", valid)
    assert code == 0 and [line.split()[0] for line in out.splitlines()] == ["TST101", "TST102"]


def test_list_reads_the_rules_directory_by_default(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path / "rules", "a.yaml", "rules:\n" + rule_text("ZZ99", "default-rule"))
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(capsys, "rules", "list")
    assert code == 0 and out.split()[:2] == ["ZZ99", "warning"]


def test_explain_prints_everything_about_one_rule(
    capsys: pytest.CaptureFixture[str], valid: Path
) -> None:
    code, out, err = run(capsys, "rules", "explain", "tst101", "--rules", valid)
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        "TST101 test-numbers (error)",
        "  Numbers differ across sources.",
        "",
        "  Longer prose",
        "  over two lines.",
        "",
        "kind: test_tolerance",
        "  A rule kind that exists only in the tests.",
        "parameters:",
        "  tolerance = 0.05 (default 0.1): Relative difference still taken as agreement.",
        "  steps = 3 (default 3): How many steps.",
        '  mode = "strict" (default "strict"): How to compare.',
        "  hedges = true (default true): Whether hedges widen the interval.",
        "  units = [] (default []): Units to compare.",
        "examples:",
        "  agree (finds nothing):",
        "    - source 1: The army sent 750 troops.",
        "      source 2: The army sent 750 soldiers.",
        "  conflict (finds something):",
        "    - source 1: The army sent 750 troops.",
        "      source 2: The army sent 900 troops.",
        "      source 3: Troops arrived.",
        f"defined at: {valid}:5",
    ]


def test_explain_an_unknown_code_is_exit_2(capsys: pytest.CaptureFixture[str], valid: Path) -> None:
    code, out, err = run(capsys, "rules", "explain", "TST103", "--rules", valid)
    assert (code, out) == (2, "")
    assert err == (
        f"{PREFIX}unknown rule code 'TST103'; did you mean TST102? (see factcheck rules list)\n"
    )


def test_validate_says_ok_with_the_count(capsys: pytest.CaptureFixture[str], valid: Path) -> None:
    code, out, err = run(capsys, "rules", "validate", valid)
    assert (code, out, err) == (0, "ok: 2 rules in 1 file\n", "")


def test_validate_prints_every_problem_on_its_own_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, valid: Path
) -> None:
    broken = write(tmp_path, "broken.yaml", VALID.replace("severity: error", "severity: high"))
    bad_yaml = write(tmp_path, "bad.yaml", "rules:\n  - code: [X10\n")
    code, out, err = run(capsys, "rules", "validate", broken, bad_yaml, "--rules", valid)
    assert (code, out) == (2, "")
    assert err.splitlines() == [
        f"{PREFIX}{broken}:8: rule TST101: severity: 'high' is not one of error, warning, info",
        f"{PREFIX}{bad_yaml}:3: invalid YAML: expected ',' or ']', but got '<stream end>' "
        "(while parsing a flow sequence started at line 2)",
    ]


def test_validate_checks_codes_across_files(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, valid: Path
) -> None:
    other = write(tmp_path, "other.yaml", "rules:\n" + rule_text("TST102"))
    code, _, err = run(capsys, "rules", "validate", valid, other)
    assert code == 2
    assert err == f"{PREFIX}{other}:2: duplicate code TST102 (first at {valid}:20)\n"


def test_list_and_explain_stop_at_a_broken_file_with_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    broken = write(tmp_path, "broken.yaml", VALID.replace("kind: test_tolerance", "kind: nope"))
    for action in (["list"], ["explain", "TST101"]):
        code, out, err = run(capsys, "rules", *action, "--rules", broken)
        assert (code, out) == (2, "")
        assert err.startswith(f"{PREFIX}{broken}:7: rule TST101: unknown rule kind 'nope'")
        assert err.count("\n") == 1 and "(and 1 more: see factcheck rules validate)" in err


def test_a_missing_rules_path_is_exit_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "rules", "list", "--rules", tmp_path / "nope.yaml")
    assert (code, err) == (2, f"{PREFIX}{tmp_path}/nope.yaml: no such file or directory\n")


def test_the_console_script_lists_and_validates_the_builtin_rules(tmp_path: Path) -> None:
    listed = run_script("rules", "list", cwd=ROOT)
    assert listed.returncode == 0, listed.stderr.decode()
    lines = listed.stdout.decode().splitlines()
    assert lines and all(line.split()[1] in ("error", "warning", "info") for line in lines)
    validated = run_script("rules", "validate", cwd=ROOT)
    assert validated.stdout.decode().startswith(f"ok: {len(lines)} rules in ")
    broken = write(tmp_path, "broken.yaml", "rules:\n  - code: X10\n    kind: [\n")
    failed = run_script("rules", "validate", broken, cwd=tmp_path)
    assert failed.returncode == 2 and failed.stdout == b""
    assert failed.stderr.decode().count("\n") == 1
    assert failed.stderr.decode().startswith(f"{PREFIX}{broken}:4: invalid YAML:")
    assert b"Traceback" not in failed.stderr
