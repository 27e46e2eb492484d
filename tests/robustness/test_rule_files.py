"""Broken and hostile rule files: exit 2 with one line naming the file (and line), no traceback.

Every case goes through ``factcheck rules validate`` in this process (the real command, real
files); the ones built to hurt the reader (size, nesting, aliases, tags, numbers that crash
a check) also go through ``run --rules``, ``gate --rules`` and ``rules validate`` in their own
process with a time limit (tests/robustness/harness.py).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from factcheck.cli import main
from tests.robustness.harness import assert_one_line_error, classed, run_factcheck

RULE = """\
  - code: {code}
    name: test-rule
    kind: {kind}
    severity: info
    summary: Only one source.{extra}
    examples:
      agree: [["A b.", "A b."]]
      single_source: [["A b.", "C d."]]
"""


def rule(code: str = "FC901", kind: str = "single_source", extra: str = "") -> str:
    """One rule entry (lines 2-9 when it is the file's first, after ``rules:``)."""
    return RULE.format(code=code, kind=kind, extra=extra)


VALID = "rules:\n" + rule()


def parameter(kind: str, name: str, value: str) -> str:
    """A file whose one rule of ``kind`` sets ``name: value`` (at line 8)."""
    return "rules:\n" + rule(kind=kind, extra=f"\n    parameters:\n      {name}: {value}")


def nested(depth: int) -> str:
    return "rules: " + "[" * depth + "]" * depth + "\n"


def laughs() -> str:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for name, previous in zip("bcdefghi", "abcdefgh", strict=True):
        lines.append(f"{name}: &{name} [{','.join([f'*{previous}'] * 9)}]")
    return "\n".join(lines) + "\nrules: []\n"


Content = str | bytes | Callable[[Path], None]

#: id -> (file content, line the error names or None for a whole-file problem, words it says)
BROKEN: dict[str, tuple[Content, int | None, str]] = {
    "yaml-unclosed-quote": ('rules:\n  - code: "FC901\n    name: x\n', 4, "quoted scalar"),
    "yaml-bad-indentation": ("rules:\n  - code: FC901\n   name: x\n", 3, "invalid YAML"),
    "yaml-tab-indentation": ("rules:\n\t- code: FC901\n", 2, "'\\t'"),
    "rules-unknown-key": (VALID.replace("info\n", "info\n    colour: red\n"), 6, "'colour'"),
    "rules-unknown-top-key": (VALID + "extra: 1\n", 10, "unknown key 'extra'"),
    "rules-wrong-type": (VALID.replace("severity: info", "severity: [info]"), 5, "not one of"),
    "rules-code-not-string": (VALID.replace("FC901", "901"), 2, "put it in quotes"),
    "rules-unknown-kind": (VALID.replace("single_source", "magic", 1), 4, "unknown rule kind"),
    "rules-duplicate-code": (VALID + rule(), 10, "duplicate code FC901"),
    "rules-not-a-mapping": ("- a\n- b\n", 1, "must be a mapping"),
    "yaml-alias-billion-laughs": (laughs(), 2, "aliases"),
    "yaml-merge-key-alias": ("b: &a {severity: info}\nrules:\n  - <<: *a\n", 3, "aliases"),
    "yaml-merge-key-inline": ("rules:\n  - <<: {severity: info}\n", 2, "merge keys"),
    "yaml-python-object-tag": ("rules: !!python/object:os.system {}\n", 1, "tag !!python/object"),
    "yaml-python-name-tag": ("rules:\n  - code: !!python/name:os.system\n", 2, "unsupported"),
    "yaml-custom-tag": ("rules:\n  - code: !mine FC901\n", 2, "unsupported YAML tag !mine"),
    "yaml-custom-tag-on-list": ("rules: !mine\n  - code: FC901\n", 1, "tag !mine"),
    "yaml-set-tag": (VALID.replace("Only one source.", "!!set {a, b}"), 6, "tag"),
    "yaml-binary-tag": (VALID.replace("Only one source.", "!!binary aGk="), 6, "tag !!binary"),
    "yaml-bad-timestamp": (VALID.replace("Only one source.", "2020-13-45"), 6, "month"),
    "yaml-complex-key": ("rules: []\n? {a: 1}\n: 2\n", 2, "plain word"),
    "yaml-duplicate-key": ("rules: []\nrules: []\n", 2, "duplicate key 'rules'"),
    "yaml-deep-flow-10000": (nested(10_000), 1, "nested over 32"),
    "yaml-deep-block-500": (
        "rules:\n" + "".join("  " * i + "-\n" for i in range(1, 500)),
        33,
        "nested over 32",
    ),
    "yaml-deep-mapping-10000": ("rules: " + "{a: " * 10_000 + "1" + "}" * 10_000, 1, "nested"),
    "yaml-multiple-documents": (VALID + "---\n" + VALID, 10, "single document"),
    "yaml-version-2": ("%YAML 2.0\n---\nrules: []\n", 1, "version 1"),
    "yaml-control-escape": ('rules: []\nsynonyms:\n  troop: ["a\\e[31mb"]\n', 3, "U+001B"),
    "yaml-lone-surrogate-escape": ('rules: []\nsynonyms:\n  "\\ud800": [x]\n', 3, "U+D800"),
    "yaml-raw-control-character": ("rules: []\n# \x01\n", 2, "#x0001"),
    "file-empty": ("", 1, "empty rule file"),
    "file-only-comments": ("# a comment\n# another\n", 1, "empty rule file"),
    "file-only-document-marker": ("---\n", 1, "empty rule file"),
    "file-over-size-limit": (VALID + ("# " + "x" * 1000 + "\n") * 300, None, "256 KiB"),
    "file-50mb": (lambda path: _big(path, 50 * 2**20), None, "256 KiB"),
    "file-latin-1": (VALID.replace("Only one", "Café").encode("latin-1"), 6, "not valid UTF-8"),
    "file-utf16-bom": (VALID.encode("utf-16"), 1, "UTF-16"),
    "file-utf16-no-bom": (VALID.encode("utf-16-le"), 1, "UTF-16"),
    "file-binary": (bytes(range(256)) * 4, 1, "binary"),
    "file-missing": (lambda path: None, None, "no such file"),
    "file-directory-without-yaml": (lambda path: path.mkdir(), None, "no *.yaml rule files"),
    "parameter-nan": (parameter("numeric_tolerance", "relative_tolerance", ".nan"), 8, "finite"),
    "parameter-inf": (parameter("numeric_tolerance", "absolute_tolerance", "-.inf"), 8, "finite"),
    "parameter-huge-integer": (
        parameter("date_consistency", "tolerance_days", "9" * 5000),
        8,
        "too large",
    ),
    "parameter-beyond-2-53": (
        parameter("date_consistency", "tolerance_days", str(2**53 + 1)),
        8,
        "too large",
    ),
    "parameter-out-of-range": (
        parameter("date_consistency", "tolerance_days", "1000000"),
        8,
        "at most 3660",
    ),
    "parameter-negative": (
        parameter("numeric_tolerance", "relative_tolerance", "-1"),
        8,
        "at least 0",
    ),
    "parameter-word-not-allowed": (
        parameter("quote_fidelity", "statuses", "[variant, nope]"),
        8,
        "'nope' is not one of",
    ),
    "parameter-unhashable-item": (parameter("single_source", "kinds", "[{a: 1}]"), 8, "one of"),
    "parameter-regex": (
        parameter("single_source", "pattern", "'(a+)+$'"),
        8,
        "unknown parameter 'pattern'",
    ),
}


def _big(path: Path, size: int) -> None:
    with path.open("w", encoding="utf-8") as stream:
        stream.write(VALID)
        line = "# " + "x" * 1022 + "\n"
        for _ in range(size // len(line)):
            stream.write(line)


def _write(path: Path, content: Content) -> Path:
    if callable(content):
        content(path)
    elif isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8", newline="")
    return path


@pytest.mark.parametrize("name", [classed(name) for name in BROKEN])
def test_a_broken_rule_file_is_one_line_naming_file_and_line(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    content, line, words = BROKEN[name]
    path = _write(tmp_path / "rules.yaml", content)
    assert main(["rules", "validate", str(path)]) == 2
    errors = capsys.readouterr().err.splitlines()
    assert len(errors) == 1, errors
    where = f"factcheck: error: {path}:{line}: " if line else f"factcheck: error: {path}: "
    assert errors[0].startswith(where), errors[0]
    assert words in errors[0], errors[0]


@pytest.mark.input_class("rules-duplicate-code-across-files")
def test_a_code_in_two_files_names_the_second_and_the_first(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = _write(tmp_path / "a.yaml", VALID)
    second = _write(tmp_path / "b.yaml", "# another team's rules\n" + VALID)
    assert main(["rules", "validate", str(tmp_path)]) == 2
    (error,) = capsys.readouterr().err.splitlines()
    assert error == f"factcheck: error: {second}:3: duplicate code FC901 (first at {first}:2)"


@pytest.mark.input_class("yaml-anchor-without-alias")
@pytest.mark.parametrize(
    "text",
    [
        pytest.param(VALID.replace("severity: info", "severity: &s info"), id="anchor"),
        pytest.param(
            '{"rules": [{"code": "FC901", "name": "test-rule", "kind": "single_source", '
            '"severity": "info", "summary": "S.", "examples": {"agree": [["A.", "B."]], '
            '"single_source": [["A.", "C."]]}}]}',
            id="json",
            marks=pytest.mark.input_class("file-json"),
        ),
        pytest.param(
            VALID.replace("Only one source.", "x" * 200_000),
            id="long-scalar",
            marks=pytest.mark.input_class("yaml-long-scalar"),
        ),
        pytest.param("\ufeff" + VALID, id="bom", marks=pytest.mark.input_class("file-utf8-bom")),
        pytest.param(
            parameter("numeric_tolerance", "relative_tolerance", "1e-3"),
            id="exponent",
            marks=pytest.mark.input_class("yaml-number-with-exponent"),
        ),
    ],
)
def test_unusual_but_harmless_rule_files_are_read(
    text: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Also 1e-3, which YAML 1.1 would read as text: a number, as in JSON and YAML 1.2."""
    path = _write(tmp_path / "rules.yaml", text)
    assert main(["rules", "validate", str(path)]) == 0
    assert capsys.readouterr().out == "ok: 1 rule in 1 file\n"


@pytest.mark.input_class("file-unbounded-device")
@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_a_device_that_never_ends_is_refused_after_the_limit(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["rules", "validate", "/dev/zero"]) == 2
    (error,) = capsys.readouterr().err.splitlines()
    assert error.startswith("factcheck: error: /dev/zero: larger than 256 KiB")


def _hostile_commands(rules: Path, tmp_path: Path) -> dict[str, tuple[str | Path, ...]]:
    (tmp_path / "a.txt").write_text("Militants fired 12 rockets on Tuesday.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Militants fired 15 rockets on Tuesday.\n", encoding="utf-8")
    a, b, out = tmp_path / "a.txt", tmp_path / "b.txt", tmp_path / "out"
    return {
        "run": ("run", a, b, "--out", out, "--rules", rules),
        "gate": ("gate", a, "--against", b, "--rules", rules),
        "validate": ("rules", "validate", rules),
    }


#: Files built to hurt the reader, each tried on ``run`` in its own process (the other
#: commands share the loader; billion laughs tries them all).
HOSTILE = ["yaml-deep-flow-10000", "file-50mb", "yaml-python-object-tag", "parameter-out-of-range"]


@pytest.mark.parametrize(
    ("name", "command"),
    [
        *(
            pytest.param("yaml-alias-billion-laughs", command, id=f"billion-laughs-{command}",
                         marks=pytest.mark.input_class("yaml-alias-billion-laughs"))
            for command in ("run", "gate", "validate")
        ),
        *(
            pytest.param(name, "run", id=f"{name}-run", marks=pytest.mark.input_class(name))
            for name in HOSTILE
        ),
    ],
)  # fmt: skip
def test_commands_refuse_a_hostile_rule_file_quickly(
    name: str, command: str, tmp_path: Path
) -> None:
    content, line, _ = BROKEN[name]
    rules = _write(tmp_path / "rules.yaml", content)
    outcome = run_factcheck(*_hostile_commands(rules, tmp_path)[command], timeout=60)
    assert_one_line_error(outcome, rules, line=line)
    assert outcome.seconds < 30, outcome.seconds
    assert not (tmp_path / "out").exists()


@pytest.mark.input_class("file-fifo-without-writer")
def test_a_named_pipe_nobody_writes_to_is_read_as_empty(tmp_path: Path) -> None:
    """Its own process: opening a FIFO with no writer would block forever."""
    fifo = tmp_path / "rules.yaml"
    os.mkfifo(fifo)
    outcome = run_factcheck("rules", "validate", fifo, timeout=30)
    assert "empty rule file" in assert_one_line_error(outcome, fifo, line=1)


@pytest.mark.input_class("parameter-extreme-but-allowed")
def test_the_largest_allowed_parameters_run_without_a_crash(tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    rules.mkdir()
    extremes = {
        "date_consistency": ("tolerance_days", "3660"),
        "numeric_tolerance": ("relative_tolerance", str(2**53)),
        "quote_fidelity": ("min_overlap", "0"),
        "entity_variants": ("min_word_length", str(2**53)),
    }
    for number, (kind, (name, value)) in enumerate(extremes.items()):
        text = parameter(kind, name, value).replace("FC901", f"FC90{number}")
        _write(rules / f"{kind}.yaml", text)
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text('Militants fired 12 rockets on Tuesday, "we will go" Kenneth McKenzie said.\n')
    b.write_text('Militants fired 15 rockets on Monday, "we will not go" Kenneth McKenzi said.\n')
    outcome = run_factcheck("run", a, b, "--rules", rules, "--out", tmp_path / "out")
    assert outcome.returncode in (0, 1), outcome.stderr
    assert os.path.exists(tmp_path / "out" / "report.json")


@pytest.mark.input_class("rules-text-bidi-and-markup")
def test_rule_texts_reach_the_terminal_inert(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Rule texts may hold any printable text; bidi controls are shown, not obeyed."""
    summary = "Sources \u202edisagree\u202c <script>x</script> \u2066[x](javascript:y)\u2069"
    text = VALID.replace("Only one source.", f'"{summary}"')
    path = _write(tmp_path / "rules.yaml", text + "    description: 'a \u2028 b'\n")
    for argv in (["rules", "explain", "FC901"], ["rules", "list"]):
        assert main([*argv, "--rules", str(path)]) == 0
        printed = capsys.readouterr().out
        assert "\\u202edisagree\\u202c <script>x</script>" in printed
        assert not {"\u202e", "\u2066", "\u2028"} & set(printed)
