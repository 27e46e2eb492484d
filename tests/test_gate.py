"""The editors' gate as a library: a draft written from the seeds, checked against them.

``tests/data/gate/faithful.txt`` is a news draft of 20 sentences (headline included) written
from the seeds; ``draft.txt`` is the same draft with one number, one name and one quote
changed and one sentence added that no source supports. The gate must report exactly those
four, each pointing into the draft, and nothing for the faithful draft, although the seeds
disagree among themselves on claims both drafts repeat.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from factcheck.corpus import Cluster, Source
from factcheck.errors import InputProblem
from factcheck.gate import (
    DRAFT_ID,
    DraftCheck,
    check_draft,
    draft_cluster_id,
    gate_cluster,
    line_and_column,
)
from factcheck.gate_inputs import read_sources, read_text, text_files
from factcheck.gate_markdown import blank_markdown
from factcheck.rules.loader import load_rules
from factcheck.text import sentences

GATE_DATA = Path(__file__).resolve().parent / "data" / "gate"

#: What draft.txt changes in faithful.txt: (old words, new words); old "" adds the sentence.
CHANGES = (
    ("which killed 25 people", "which killed 35 people"),
    ("Abbas Mousavi", "Abbas Moussavi"),
    ("strongly condemn this American crime", "strongly condemn this American aggression"),
    ("", " Oil prices rose 3 percent on the news."),
)
#: The findings draft.txt must give: (rule, the draft's text at the finding's location).
EXPECTED = {
    ("FC101", "35 people"),
    ("FC201", "Abbas Moussavi"),
    (
        "FC301",
        "“I and the government and the nation of Iran strongly condemn this American aggression,”",
    ),
    ("FC501", "3 percent"),
}


def _draft(name: str) -> Source:
    return read_text(GATE_DATA / name, name, None)


def _check(seed_cluster: Cluster, name: str) -> DraftCheck:
    rules = load_rules()
    return check_draft(_draft(name), seed_cluster.sources, rules.rules, rules.synonyms)


@pytest.fixture(scope="module")
def bad(seed_cluster: Cluster) -> DraftCheck:
    return _check(seed_cluster, "draft.txt")


@pytest.fixture(scope="module")
def faithful(seed_cluster: Cluster) -> DraftCheck:
    return _check(seed_cluster, "faithful.txt")


def test_the_draft_is_the_faithful_one_with_four_changes():
    faithful = (GATE_DATA / "faithful.txt").read_text(encoding="utf-8")
    draft = (GATE_DATA / "draft.txt").read_text(encoding="utf-8")
    anchor = "to the Middle East."
    for old, new in CHANGES:
        if old:
            assert faithful.count(old) == 1
            faithful = faithful.replace(old, new)
        else:
            faithful = faithful.replace(anchor, anchor + new, 1)
    assert faithful == draft
    assert 15 <= len(sentences(draft)) <= 25


def test_exactly_the_four_changes_are_reported(bad):
    text = bad.draft.text
    found = {(f.rule, text[f.evidence[0].start : f.evidence[0].end]) for f in bad.findings}
    assert found == EXPECTED
    assert len(bad.findings) == 4


def test_severities_a_conflict_is_an_error_an_unsupported_claim_is_info(bad):
    assert {f.rule: f.severity for f in bad.findings} == {
        "FC101": "error", "FC201": "warning", "FC301": "warning", "FC501": "info",
    }  # fmt: skip


def test_every_finding_starts_with_the_drafts_evidence_and_its_offsets_are_exact(bad):
    for finding in bad.findings:
        assert finding.evidence[0].source_id == DRAFT_ID
        for e in finding.evidence:
            source = bad.result.cluster.source(e.source_id)
            assert source.text[e.start : e.end] == e.text
    starts = [f.evidence[0].start for f in bad.findings]
    assert starts == sorted(starts)


def test_conflicts_name_the_sources_and_the_unsupported_claim_names_none(bad):
    by_rule = {f.rule: f for f in bad.findings}
    assert {e.source_id for e in by_rule["FC101"].evidence} > {DRAFT_ID}
    assert {e.source_id for e in by_rule["FC501"].evidence} == {DRAFT_ID}


def test_a_faithful_draft_gives_nothing(faithful):
    assert faithful.findings == ()


def test_disagreements_among_the_sources_are_not_the_drafts(faithful):
    # The draft repeats claims the seeds disagree on ("750 troops" beside "roughly 700",
    # "Kataib" beside "Kataeb", Esper's words as one outlet gives them): the cluster's
    # findings hold the draft's claims, but one source backs each of them.
    involving = {
        f.rule
        for f in faithful.result.findings
        if any(e.source_id == DRAFT_ID for e in f.evidence) and f.status != "single_source"
    }
    assert {"FC101", "FC201", "FC301"} <= involving
    sources_only = [
        f for f in faithful.result.findings if all(e.source_id != DRAFT_ID for e in f.evidence)
    ]
    assert sources_only  # the seeds' own findings (single-source claims among them)


def test_gate_cluster_puts_the_draft_first_under_its_own_id(seed_cluster):
    cluster = gate_cluster(_draft("faithful.txt"), seed_cluster.sources)
    assert cluster.sources[0].source_id == DRAFT_ID
    assert len(cluster.sources) == 1 + len(seed_cluster.sources)
    assert {s.cluster_id for s in cluster.sources} == {cluster.cluster_id}
    assert cluster.source(DRAFT_ID).path == str(GATE_DATA / "faithful.txt")


def test_draft_cluster_id_is_the_path_from_the_working_directory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert draft_cluster_id("./drafts/../drafts/a.md") == "drafts/a.md"
    assert draft_cluster_id(tmp_path / "drafts" / "a.md") == "drafts/a.md"
    outside = tmp_path.parent / "elsewhere.md"
    assert draft_cluster_id(outside) == outside.as_posix()


@pytest.mark.parametrize(
    ("text", "offset", "expected"),
    [
        ("abc", 0, (1, 1)),
        ("abc", 2, (1, 3)),
        ("ab\ncd", 3, (2, 1)),
        ("ab\ncd", 4, (2, 2)),
        ("ab\r\ncd\r\nef", 9, (3, 2)),
        ("\n\nx", 2, (3, 1)),
    ],
)
def test_line_and_column(text, offset, expected):
    assert line_and_column(text, offset) == expected


# --- reading drafts and sources ---------------------------------------------------------


def _write(path: Path, text: str = "The Pentagon sent 750 troops to Kuwait.\n") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_a_directory_stands_for_its_txt_and_md_files_in_name_order(tmp_path):
    for name in ("b.md", "a.txt", ".hidden.txt", "notes.rst", "sub/c.txt"):
        _write(tmp_path / name)
    assert [p.name for p in text_files([str(tmp_path)])] == ["a.txt", "b.md"]


@pytest.mark.parametrize(
    ("name", "message"),
    [("missing.txt", "no such file or directory"), ("x.rst", "not a text file")],
)
def test_paths_that_are_not_text_files_are_problems(tmp_path, name, message):
    if name.endswith(".rst"):
        _write(tmp_path / name)
    (problem,) = text_files([str(tmp_path / name)])
    assert isinstance(problem, InputProblem)
    assert problem.path == str(tmp_path / name) and message in problem.message


def test_sources_with_one_stem_or_named_draft_are_problems(tmp_path):
    _write(tmp_path / "x" / "wire.txt")
    _write(tmp_path / "y" / "wire.md")
    _write(tmp_path / "y" / "draft.txt")
    sources, problems = read_sources([str(tmp_path / "x"), str(tmp_path / "y")], None)
    assert [s.source_id for s in sources] == ["wire"]
    messages = {Path(p.path).name: p.message for p in problems}
    assert "reserved for the draft" in messages["draft.txt"]
    assert "also the id of" in messages["wire.md"] and "x/wire.txt" in messages["wire.md"]


def test_a_draft_is_never_its_own_source(tmp_path):
    draft = _write(tmp_path / "story.md")
    _write(tmp_path / "wire.txt")
    sources, problems = read_sources([str(tmp_path)], None, drafts=[str(draft)])
    assert [s.source_id for s in sources] == ["wire"] and not problems


def test_an_empty_source_is_a_problem_naming_it(tmp_path):
    empty = _write(tmp_path / "empty.txt", " \n")
    _, (problem,) = read_sources([str(empty)], None)
    assert problem.path == str(empty) and "empty" in problem.message
    assert os.fspath(empty) in str(problem)


# --- Markdown drafts --------------------------------------------------------------------


def test_a_markdown_draft_gives_the_same_four_at_the_files_offsets(seed_cluster):
    # draft.md is draft.txt with a heading, list items, a block quote, emphasis, and a link
    # around the misspelled spokesman's name, which would otherwise hide him as a speaker.
    checked = _check(seed_cluster, "draft.md")
    text = (GATE_DATA / "draft.md").read_text(encoding="utf-8")
    assert "[Abbas Moussavi](https://" in text and "**35 people**" in text
    found = {(f.rule, f.evidence[0].text) for f in checked.findings}
    assert found == EXPECTED
    for finding in checked.findings:
        for e in finding.evidence:
            if e.source_id == DRAFT_ID:
                assert text[e.start : e.end] == e.text
    claims = checked.result.claims
    for row in claims[claims["source_id"] == DRAFT_ID].itertuples():
        assert text[row.start : row.end] == row.text


@pytest.mark.parametrize(
    ("markdown", "prose"),
    [
        ("# Title #", "  Title  "),
        ("> quoted **35 people** here", "  quoted   35 people   here"),
        ("- About 100 Marines", "  About 100 Marines"),
        ("12. Item", "    Item"),
        ("see [Abbas Mousavi](u_v) said", "see  Abbas Mousavi       said"),
        ("*it* and ***both*** and _em_", " it  and    both    and  em "),
        ("snake_case, 2*3 = 6, $5 * 3", "snake_case, 2*3 = 6, $5 * 3"),
        ("`code` <b>bold</b>", " code     bold    "),
        ("| a | b |", "  a   b  "),
        ("[ref]: https://example.com", "                          "),
        ("```python", "         "),
        ("---", "   "),
        ("Plain prose, untouched.", "Plain prose, untouched."),
    ],
)
def test_blank_markdown_keeps_every_offset(markdown, prose):
    assert blank_markdown(markdown) == prose
    text = f"{markdown}\nnext line\r\n"
    blanked = blank_markdown(text)
    assert len(blanked) == len(text) and blanked.endswith("\nnext line\r\n")
