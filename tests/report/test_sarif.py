"""report.sarif: valid SARIF 2.1.0, and every location points at its evidence text."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

import jsonschema
import pytest

from factcheck.cli import main
from factcheck.report.sarif import help_markdown
from factcheck.report.sarif_locations import artifact_location
from tests.conftest import SEEDS
from tests.report.staged import renamed, seed_output, seeds_as_jsonl, write_run

SCHEMA_PATH = Path(__file__).resolve().parents[1] / "data" / "schemas" / "sarif-schema-2.1.0.json"
SHARED_SCHEMA = Path(__file__).resolve().parents[3] / "shared" / "schemas" / SCHEMA_PATH.name
SCHEMA = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


def validate(log: dict[str, Any]) -> None:
    """Validate against the official schema, in the draft its ``$schema`` names."""
    validator = jsonschema.validators.validator_for(SCHEMA)
    validator.check_schema(SCHEMA)
    validator(SCHEMA, format_checker=jsonschema.FormatChecker()).validate(log)


def _read(out: Path, name: str = "report.sarif") -> dict[str, Any]:
    return json.loads((out / name).read_text(encoding="utf-8"))


def _file_text(location: dict[str, Any]) -> str:
    """The located file's text as the tool reads it (UTF-8, byte-order mark not counted)."""
    artifact = location["physicalLocation"]["artifactLocation"]
    uri = artifact["uri"]
    path = Path(unquote(urlparse(uri).path)) if uri.startswith("file:") else Path(unquote(uri))
    return path.read_bytes().decode("utf-8-sig")


def _text_at(text: str, region: dict[str, Any]) -> str:
    """The text between (startLine, startColumn) and (endLine, endColumn), recomputed."""
    lines = text.split("\n")

    def offset(line: int, column: int) -> int:
        return sum(len(x) + 1 for x in lines[: line - 1]) + column - 1

    start = offset(region["startLine"], region["startColumn"])
    return text[start : offset(region["endLine"], region["endColumn"])]


def _located_texts(log: dict[str, Any]) -> int:
    """Check every location with columns against its file; return how many there were."""
    checked = 0
    for result in log["runs"][0]["results"]:
        for location in result["locations"]:
            region = location["physicalLocation"].get("region", {})
            if "startColumn" not in region:
                continue
            text = _file_text(location)
            evidence = location["message"]["text"].split(": ", 1)[1]
            assert _text_at(text, region) == evidence == region["snippet"]["text"]
            start = region["charOffset"]
            assert text[start : start + region["charLength"]] == evidence
            props = location["properties"]
            assert (props["start"], props["end"]) == (start, start + region["charLength"])
            checked += 1
    return checked


@pytest.fixture(scope="module")
def seeds_out(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("sarif-seeds")
    assert main(["run", str(SEEDS), "--format", "json,sarif", "--out", str(out)]) == 0
    return out


@pytest.fixture(scope="module")
def mixed_out(tmp_path_factory) -> Path:
    """Seeds with CRLF, a byte-order mark and astral characters; the seeds as JSONL with a
    bad line; a directory with an empty file: one run with findings and errors."""
    base = tmp_path_factory.mktemp("sarif-mixed")
    variant = base / "ünïcode seeds"
    variant.mkdir()
    for n, file in enumerate(sorted(SEEDS.glob("*.txt"))):
        text = file.read_text(encoding="utf-8")
        if n == 0:
            text = "🛰️ 𝐍𝐞𝐰𝐬 𝔣𝔢𝔢𝔡\n" + text.replace("\n", "\r\n")
        if n == 1:
            text = text.replace("Kataib", "\U0001f600 Kataib", 1)
        bom = b"\xef\xbb\xbf" if n == 2 else b""
        (variant / file.name).write_bytes(bom + text.encode("utf-8"))
    jsonl = seeds_as_jsonl(base / "seeds.jsonl")
    with jsonl.open("a", encoding="utf-8") as stream:
        stream.write("{not json\n")
    bad = base / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_text("", encoding="utf-8")
    out = base / "out"
    inputs = [str(variant), str(jsonl), str(bad)]
    assert main(["run", *inputs, "--format", "json,sarif", "--out", str(out)]) == 2
    return out


def test_uri_formats_are_really_checked():
    # jsonschema checks uri-reference only with rfc3986-validator (the test extra) installed
    assert not jsonschema.FormatChecker().conforms("seeds/a b.txt", "uri-reference")
    with pytest.raises(jsonschema.ValidationError):
        validate({"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}},
                  "artifacts": [{"location": {"uri": "a b"}}]}]})  # fmt: skip


def test_the_schema_copy_is_the_shared_schema():
    if not SHARED_SCHEMA.exists():
        pytest.skip(f"{SHARED_SCHEMA} is not here (a clone without shared/)")
    assert SCHEMA_PATH.read_bytes() == SHARED_SCHEMA.read_bytes()


def test_seed_log_is_valid_sarif_with_one_result_per_finding(seeds_out):
    log, report = _read(seeds_out), _read(seeds_out, "report.json")
    validate(log)
    (run,) = log["runs"]
    findings = report["clusters"][0]["findings"]
    assert [r["partialFingerprints"]["factcheck/v1"] for r in run["results"]] == [
        f["id"] for f in findings
    ]
    assert [r["message"]["text"] for r in run["results"]] == [f["message"] for f in findings]
    assert [len(r["locations"]) for r in run["results"]] == [len(f["evidence"]) for f in findings]
    levels = [r["level"] for r in run["results"]]
    assert levels.count("warning") == 3 and levels.count("note") == 30
    assert run["columnKind"] == "unicodeCodePoints"
    assert run["invocations"] == [{"executionSuccessful": True}]
    assert run["results"][0]["properties"]["cluster_id"] == "seeds"


def test_rules_are_described_and_results_point_at_them(seeds_out):
    (run,) = _read(seeds_out)["runs"]
    rules = run["tool"]["driver"]["rules"]
    assert run["tool"]["driver"]["name"] == "factcheck"
    assert {r["id"] for r in rules} >= {"FC101", "FC201", "FC301", "FC501"}
    by_id = {r["id"]: r for r in rules}
    assert by_id["FC101"]["defaultConfiguration"]["level"] == "error"
    assert by_id["FC501"]["defaultConfiguration"]["level"] == "note"
    assert by_id["FC201"]["properties"]["kind"] == "entity_variants"
    for rule in rules:
        assert rule["shortDescription"]["text"] and rule["help"]["markdown"]
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]


def test_every_seed_location_points_at_the_evidence_text(seeds_out):
    log = _read(seeds_out)
    for result in log["runs"][0]["results"]:
        for location in result["locations"]:
            uri = location["physicalLocation"]["artifactLocation"]["uri"]
            assert not uri.startswith("file:")  # the seeds are under the working directory
    assert _located_texts(log) == sum(len(r["locations"]) for r in log["runs"][0]["results"])


def test_crlf_bom_and_astral_characters_keep_positions_right(mixed_out):
    log = _read(mixed_out)
    validate(log)
    results = [r for r in log["runs"][0]["results"]
               if r["properties"]["cluster_id"] == "ünïcode seeds"]  # fmt: skip
    assert results
    locations = [loc for r in results for loc in r["locations"]]
    located = [loc for loc in locations if "startColumn" in loc["physicalLocation"]["region"]]
    assert {loc["properties"]["source_id"] for loc in located} == {
        f.stem for f in SEEDS.glob("*.txt")
    }
    assert "%C3%BCn%C3%AFcode%20seeds/" in located[0]["physicalLocation"]["artifactLocation"]["uri"]
    assert _located_texts(log) >= len(located)


def test_jsonl_sources_are_located_at_their_line(mixed_out, tmp_path):
    log = _read(mixed_out)
    results = [r for r in log["runs"][0]["results"]
               if r["properties"]["cluster_id"] == "seeds-jsonl"]  # fmt: skip
    assert len(results) == 33
    for result in results:
        for location in result["locations"]:
            physical = location["physicalLocation"]
            assert physical["region"].keys() == {"startLine"}  # the whole line, no column
            lines = _file_text(location).split("\n")
            doc = json.loads(lines[physical["region"]["startLine"] - 1])
            props = location["properties"]
            assert doc["source_id"] == props["source_id"]
            assert location["logicalLocations"][0]["fullyQualifiedName"] == (
                f"seeds-jsonl/{props['source_id']}"
            )
            evidence = location["message"]["text"].split(": ", 1)[1]
            assert doc["text"][props["start"] : props["end"]] == evidence


def test_input_errors_are_notifications_and_the_run_did_not_succeed(mixed_out):
    (invocation,) = _read(mixed_out)["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is False
    notes = invocation["toolExecutionNotifications"]
    assert len(notes) == 2 and {n["level"] for n in notes} == {"error"}
    by_uri = {n["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]: n for n in notes}
    jsonl = next(n for uri, n in by_uri.items() if uri.endswith("seeds.jsonl"))
    assert jsonl["locations"][0]["physicalLocation"]["region"] == {"startLine": 7}
    assert jsonl["message"]["text"].startswith("not valid JSON")
    empty = next(n for uri, n in by_uri.items() if uri.endswith("bad/empty.txt"))
    assert empty["message"]["text"] == "empty file (no text)"


def test_an_empty_run_and_a_batch_are_valid(tmp_path):
    validate(_read(write_run(tmp_path / "empty", [], ["sarif"])))
    outputs = [renamed(seed_output(), f"c{n}") for n in range(3)]
    log = _read(write_run(tmp_path / "batch", outputs, ["sarif"]))
    validate(log)
    clusters = [r["properties"]["cluster_id"] for r in log["runs"][0]["results"]]
    assert clusters == sorted(clusters) and len(clusters) == 99


def test_reruns_give_the_same_bytes(tmp_path):
    first = write_run(tmp_path / "a", [seed_output()], ["sarif"]) / "report.sarif"
    second = write_run(tmp_path / "b", [seed_output()], ["sarif"]) / "report.sarif"
    assert first.read_bytes() == second.read_bytes()


def test_a_path_outside_the_working_directory_is_a_file_uri(tmp_path, monkeypatch):
    inside, outside = tmp_path / "work", tmp_path / "elsewhere"
    inside.mkdir()
    monkeypatch.chdir(inside)
    assert artifact_location(str(inside / "a b" / "é.txt"), inside) == {
        "uri": "a%20b/%C3%A9.txt",
        "uriBaseId": "%SRCROOT%",
    }
    assert artifact_location("rel/x.txt", inside)["uri"] == "rel/x.txt"
    assert artifact_location(str(outside / "x#1.txt"), inside) == {
        "uri": (outside / "x#1.txt").as_uri()
    }
    assert (outside / "x#1.txt").as_uri().endswith("/elsewhere/x%231.txt")


def test_help_markdown_turns_examples_into_code_blocks():
    description = (
        "Compares numbers.\n\n- conflict: intervals\n  that do not meet.\n\n"
        "Anti-pattern:\n  A: 750 troops.\n  B: 900 troops.\nFix: use one figure."
    )
    assert help_markdown("Numbers differ.", description) == (
        "**Numbers differ.**\n\nCompares numbers.\n\n- conflict: intervals\n  that do not meet."
        "\n\nAnti-pattern:\n\n    A: 750 troops.\n    B: 900 troops.\n\nFix: use one figure."
    )
