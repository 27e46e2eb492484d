"""Loading rule files: valid files, and every kind of problem as one `file:line: message`."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.errors import ConfigError, UsageError
from factcheck.rules.kinds import REGISTRY
from factcheck.rules.loader import load_rules
from factcheck.rules.model import Rule
from factcheck.rules.yamlfile import MAX_DEPTH
from tests.rules.rulefiles import KINDS, TEST_KIND, VALID, rule_text, write


@pytest.fixture(autouse=True)
def test_kind(monkeypatch: pytest.MonkeyPatch) -> None:
    """The test-only kind is registered, so that the default ``kinds`` know it too."""
    monkeypatch.setitem(REGISTRY, TEST_KIND.name, TEST_KIND)


def problems(tmp_path: Path, *texts: str) -> list[str]:
    """The problems of rule files a.yaml, b.yaml, ... holding ``texts``, paths relative."""
    paths = [write(tmp_path, f"{chr(97 + i)}.yaml", text) for i, text in enumerate(texts)]
    with pytest.raises(ConfigError) as raised:
        load_rules(paths, kinds=KINDS)
    return [str(p).replace(f"{tmp_path}/", "") for p in raised.value.problems]


def test_a_valid_file_gives_rules_with_defaults_origins_and_synonyms(tmp_path: Path) -> None:
    path = write(tmp_path, "mine.yaml", VALID)
    ruleset = load_rules([path], kinds=KINDS)
    first, second = ruleset.rules
    assert first.code == "TST101" and first.name == "test-numbers"
    assert (first.kind, first.severity) == ("test_tolerance", "error")
    assert first.summary == "Numbers differ across sources."
    assert first.description == "Longer prose\nover two lines."
    assert dict(first.parameters) == {
        "tolerance": 0.05,
        "steps": 3,
        "mode": "strict",
        "hedges": True,
        "units": [],
    }
    assert first.examples["conflict"] == (
        ("The army sent 750 troops.", "The army sent 900 troops.", "Troops arrived."),
    )
    assert first.origin == f"{path}:5"
    assert second.origin == f"{path}:20" and second.description == ""
    assert list(second.examples) == ["agree", "single_source"]
    assert dict(ruleset.synonyms) == {"troop": ("soldier", "paratrooper")}
    assert ruleset.files == (str(path),)
    assert ruleset.find("tst102") is second and ruleset.find("TST999") is None


def test_rules_are_immutable_and_hashable(tmp_path: Path) -> None:
    rule = load_rules([write(tmp_path, "a.yaml", VALID)], kinds=KINDS).rules[0]
    with pytest.raises(AttributeError):
        rule.code = "X10"  # type: ignore[misc]
    with pytest.raises(TypeError):
        rule.parameters["tolerance"] = 1  # type: ignore[index]
    assert {rule: 1}[rule] == 1 and isinstance(rule, Rule)


def test_default_is_the_rules_directory_of_the_working_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path / "rules", "b.yaml", "rules:\n" + rule_text("TST202"))
    write(tmp_path / "rules", "a.yml", "rules:\n" + rule_text("TST201"))
    write(tmp_path / "rules", "notes.txt", "not a rule file")
    write(tmp_path / "rules", ".hidden.yaml", "{{{")
    monkeypatch.chdir(tmp_path)
    ruleset = load_rules()
    assert [r.code for r in ruleset.rules] == ["TST201", "TST202"]
    assert ruleset.files == ("rules/a.yml", "rules/b.yaml")


def test_paths_replace_the_default_and_extend_each_other(tmp_path: Path) -> None:
    builtin = write(tmp_path / "rules", "a.yaml", "rules:\n" + rule_text("TST201"))
    mine = write(tmp_path, "mine.yaml", "synonyms: {troop: [trooper]}\nrules:\n" + rule_text("X10"))
    ruleset = load_rules([builtin.parent, mine, builtin], kinds=KINDS)
    assert [r.code for r in ruleset.rules] == ["TST201", "X10"]
    assert ruleset.files == (str(builtin), str(mine))  # a file named twice is read once
    assert load_rules([mine], kinds=KINDS).files == (str(mine),)


def test_synonyms_merge_across_files(tmp_path: Path) -> None:
    a = write(tmp_path, "a.yaml", "synonyms: {troop: [soldier]}\nrules: []\n")
    b = write(
        tmp_path, "b.yaml", "synonyms: {troop: [soldier, trooper], km: [kilometre]}\nrules: []\n"
    )
    ruleset = load_rules([a, b], kinds=KINDS)
    assert dict(ruleset.synonyms) == {"troop": ("soldier", "trooper"), "km": ("kilometre",)}
    assert ruleset.rules == ()


ERRORS = [
    pytest.param(
        "summary: Numbers differ across sources.",
        "summary: [Numbers differ",
        [
            "10: invalid YAML: expected ',' or ']', but got ':' "
            "(while parsing a flow sequence started at line 9)"
        ],
        id="yaml-syntax",
    ),
    pytest.param(
        "    name: test-words",
        "    name: test-words\n\tkind: x",
        ["22: invalid YAML: found character '\\t' that cannot start any token"],
        id="yaml-tab",
    ),
    pytest.param(
        "synonyms:",
        "synonym:",
        ["2: unknown key 'synonym'; did you mean 'synonyms'? (known: rules, synonyms)"],
        id="unknown-top-key",
    ),
    pytest.param(
        "severity: error",
        "severty: error",
        [
            "5: rule TST101: missing required key 'severity'",
            "8: rule TST101: unknown key 'severty'; did you mean 'severity'? (known: code, "
            "description, examples, kind, name, parameters, severity, summary)",
        ],
        id="unknown-rule-key",
    ),
    pytest.param(
        "summary: Numbers differ across sources.",
        "summary: yes",
        ["9: rule TST101: summary: must be a string, not a boolean (True); put it in quotes"],
        id="wrong-type",
    ),
    pytest.param(
        "troop: [soldier, paratrooper]",
        "troop: soldier",
        ["3: synonyms.troop: must be a list, not a string (a list of one or more words)"],
        id="wrong-type-synonyms",
    ),
    pytest.param(
        "    summary: Numbers differ across sources.\n",
        "",
        ["5: rule TST101: missing required key 'summary'"],
        id="missing-key",
    ),
    pytest.param(
        "code: TST101",
        "code: tst-101",
        [
            "5: rule tst-101: code: 'tst-101' is not 1-4 capital letters then 2-4 digits, "
            "such as FC101"
        ],
        id="code-pattern",
    ),
    pytest.param(
        "severity: error",
        "severity: fatal",
        ["8: rule TST101: severity: 'fatal' is not one of error, warning, info"],
        id="severity",
    ),
    pytest.param(
        "summary: Only one source says it.",
        'summary: "Only one\\nsource."',
        ["24: rule TST102: summary: 'Only one\\nsource.' is not one line of text"],
        id="summary-two-lines",
    ),
    pytest.param(
        "kind: test_tolerance",
        "kind: test_tolerence",
        [
            "7: rule TST101: unknown rule kind 'test_tolerence'; did you mean 'test_tolerance'? "
            "(known: test_tolerance)"
        ],
        id="unknown-kind",
    ),
    pytest.param(
        "tolerance: 0.05",
        "tolerence: 0.05",
        [
            "14: rule TST101: unknown parameter 'tolerence' of kind test_tolerance; did you mean "
            "'tolerance'? (known: hedges, mode, steps, tolerance, units)"
        ],
        id="unknown-parameter",
    ),
    pytest.param(
        "tolerance: 0.05",
        "tolerance: five percent",
        ["14: rule TST101: parameters.tolerance: must be a number, not a string"],
        id="parameter-type",
    ),
    pytest.param(
        "tolerance: 0.05",
        "steps: 2.5",
        ["14: rule TST101: parameters.steps: must be an integer, not a number (2.5)"],
        id="parameter-integer",
    ),
    pytest.param(
        "tolerance: 0.05",
        "tolerance: .nan",
        ["14: rule TST101: parameters.tolerance: must be a finite number, not nan"],
        id="parameter-nan",
    ),
    pytest.param(
        "tolerance: 0.05",
        "tolerance:",
        ["14: rule TST101: parameters.tolerance: has no value"],
        id="parameter-empty",
    ),
    pytest.param(
        '    examples:\n      agree: [["Troops arrived.", "Troops came."]]\n'
        '      single_source: [["Troops arrived.", "It rained."]]\n',
        "",
        ["20: rule TST102: missing required key 'examples'"],
        id="examples-missing",
    ),
    pytest.param(
        '      single_source: [["Troops arrived.", "It rained."]]\n',
        "",
        [
            "25: rule TST102: examples: needs at least one of conflict, variant, single_source "
            "(agree, where the rule finds nothing, and an outcome where it finds something)"
        ],
        id="examples-nothing-found",
    ),
    pytest.param(
        '      agree: [["Troops arrived.", "Troops came."]]\n',
        "",
        [
            "25: rule TST102: examples: missing required key 'agree' "
            "(agree, where the rule finds nothing, and an outcome where it finds something)"
        ],
        id="examples-no-agree",
    ),
    pytest.param(
        '[["Troops arrived.", "Troops came."]]',
        '[["Troops arrived."]]',
        [
            "26: rule TST102: examples.agree[0]: has 1 item, needs at least 2 "
            "(2 or 3 source texts, one per source)"
        ],
        id="example-one-source",
    ),
    pytest.param(
        '[["Troops arrived.", "Troops came."]]',
        "[]",
        ["26: rule TST102: examples.agree: is empty, needs at least 1"],
        id="examples-empty",
    ),
    pytest.param(
        "agree: [[",
        "agreed: [[",
        [
            "25: rule TST102: examples: missing required key 'agree' (agree, where the rule "
            "finds nothing, and an outcome where it finds something)",
            "26: rule TST102: examples: unknown key 'agreed'; did you mean 'agree'? "
            "(known: agree, conflict, single_source, variant)",
        ],
        id="examples-unknown-outcome",
    ),
    pytest.param(
        "    severity: info\n",
        "    severity: info\n    severity: warning\n",
        ["24: duplicate key 'severity' (first at line 23)"],
        id="duplicate-key",
    ),
    pytest.param(
        "code: TST102",
        "code: TST101",
        ["20: duplicate code TST101 (first at a.yaml:5)"],
        id="duplicate-code",
    ),
    pytest.param(
        "  - code: TST102",
        "  - <<: {code: TST102}\n    code: TST103",
        ["20: YAML merge keys (<<) are not allowed"],
        id="merge-key",
    ),
    pytest.param(
        "troop: [soldier, paratrooper]",
        "troop: [soldier, soldier]",
        ["3: synonyms.troop: lists the same word twice"],
        id="synonym-twice",
    ),
]


@pytest.mark.parametrize(("old", "new", "expected"), ERRORS)
def test_each_problem_names_file_and_line(
    tmp_path: Path, old: str, new: str, expected: list[str]
) -> None:
    assert old in VALID
    assert problems(tmp_path, VALID.replace(old, new, 1)) == [f"a.yaml:{e}" for e in expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", "a.yaml:1: empty rule file; expected a mapping with 'rules'"),
        ("# only a comment\n", "a.yaml:1: empty rule file; expected a mapping with 'rules'"),
        (
            "- code: X10\n",
            "a.yaml:1: must be a mapping, not a list "
            "(a mapping with a 'rules' list and optional 'synonyms')",
        ),
        (
            "synonyms: {}\n",
            "a.yaml:1: missing required key 'rules' "
            "(a mapping with a 'rules' list and optional 'synonyms')",
        ),
        ("rules: {}\n", "a.yaml:1: rules: must be a list, not a mapping"),
        (
            "rules: []\n---\nrules: []\n",
            "a.yaml:2: invalid YAML: expected a single document in the stream, "
            "but found another document",
        ),
        (
            "rules: !!python/object:os.system []\n",
            "a.yaml:1: unsupported YAML tag !!python/object:os.system",
        ),
        ("rules: [!!binary aGk=]\n", "a.yaml:1: unsupported YAML tag !!binary"),
        ("rules: []\nx: 2020-13-45\n", "a.yaml:2: cannot read value: month must be in 1..12"),
        (
            "rules: []\n\x07\n",
            "a.yaml:2: invalid YAML: character #x0007: special characters are not allowed",
        ),
        ("? [a, b]\n: c\n", "a.yaml:1: a key must be a plain word, not a list or mapping"),
    ],
)
def test_file_level_problems(tmp_path: Path, text: str, expected: str) -> None:
    assert problems(tmp_path, text) == [expected]


def test_aliases_are_refused_before_they_expand(tmp_path: Path) -> None:
    laughs = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    laughs += [
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 9)}]" for i in range(8)
    ]
    text = "\n".join(laughs) + "\nrules: [*i]\n"
    started = time.perf_counter()
    found = problems(tmp_path, text)
    assert time.perf_counter() - started < 1.0
    assert found == [
        "a.yaml:2: YAML aliases (*a) are not allowed in rule files; write the value out"
    ]


def test_deep_nesting_is_refused(tmp_path: Path) -> None:
    text = "rules: " + "[" * 5000 + "]" * 5000 + "\n"
    assert problems(tmp_path, text) == [f"a.yaml:1: nested over {MAX_DEPTH} levels deep"]


def test_bytes_that_are_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_bytes(b"rules: []\n# caf\xe9\n")
    with pytest.raises(ConfigError) as raised:
        load_rules([path], kinds=KINDS)
    assert str(raised.value) == f"{path}:2: not valid UTF-8 (byte 0xe9)"


def test_paths_that_name_no_rule_file(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    with pytest.raises(ConfigError) as raised:
        load_rules([tmp_path / "missing.yaml", tmp_path / "empty"], kinds=KINDS)
    assert [str(p) for p in raised.value.problems] == [
        f"{tmp_path}/missing.yaml: no such file or directory",
        f"{tmp_path}/empty: no *.yaml rule files in this directory",
    ]


def test_no_rules_directory_is_a_usage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("factcheck.bundled._PACKAGE_ROOT", tmp_path / "nowhere")
    with pytest.raises(UsageError, match="no rules/ directory found; pass --rules PATH"):
        load_rules()


def test_duplicate_codes_across_files_name_both_places(tmp_path: Path) -> None:
    second = "# mine\nrules:\n" + rule_text("TST901") + rule_text("TST101")
    assert problems(tmp_path, VALID, second) == [
        "b.yaml:11: duplicate code TST101 (first at a.yaml:5)"
    ]


def test_a_word_belongs_to_one_canonical_unit(tmp_path: Path) -> None:
    second = "synonyms:\n  troop: [trooper]\n  army: [soldier]\n  paratrooper: [para]\nrules: []\n"
    assert problems(tmp_path, VALID, second) == [
        "b.yaml:3: synonyms: 'soldier' is already grouped under 'troop' at a.yaml:3",
        "b.yaml:4: synonyms: 'paratrooper' is already grouped under 'troop' at a.yaml:3",
    ]


def test_every_broken_file_is_reported_and_the_message_is_one_line(tmp_path: Path) -> None:
    found = problems(tmp_path, "rules: [", VALID.replace("severity: error", "severity: 1"))
    assert len(found) == 2 and found[0].startswith("a.yaml:1: invalid YAML")
    with pytest.raises(ConfigError) as raised:
        load_rules([tmp_path / "a.yaml", tmp_path / "b.yaml"], kinds=KINDS)
    message = str(raised.value)
    assert "\n" not in message and message.endswith("(and 1 more: see factcheck rules validate)")


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_any_edit_of_a_rule_file_loads_or_is_one_line_per_problem(
    tmp_path: Path, data: st.DataObject
) -> None:
    start = data.draw(st.integers(0, len(VALID)))
    end = data.draw(st.integers(start, min(len(VALID), start + 12)))
    insert = data.draw(st.text(alphabet="-:[]{}&*!|>'\"#\t\n ab1.,?%@`", max_size=6))
    path = write(tmp_path, "a.yaml", VALID[:start] + insert + VALID[end:])
    try:
        load_rules([path], kinds=KINDS)
    except ConfigError as exc:
        for problem in exc.problems:
            assert problem.path == str(path) and problem.line is not None
            assert "\n" not in str(problem)
