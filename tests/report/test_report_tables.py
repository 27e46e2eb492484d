"""claims/facts/findings as CSV and Parquet: round trips, offsets, types, the empty run."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow.parquet as pq
import pytest

from factcheck.claims import COLUMNS
from factcheck.report.run import ClusterOutput
from factcheck.report.tables_rows import FACT_COLUMNS, FINDING_COLUMNS, schema
from tests.report.staged import renamed, seed_output, write_run

TABLES = ("claims", "facts", "findings")
LISTS = ("sources", "claim_ids")
INTS = ("n_sources", "n_claims", "first_start", "first_end")


def _expected_facts(outputs: list[ClusterOutput]) -> list[dict[str, Any]]:
    rows = []
    for output in outputs:
        for fact in output.record["facts"]:
            rows.append({
                "cluster_id": output.cluster_id, "fact_id": fact["fact_id"],
                "kind": fact["kind"], "key": fact["key"], "status": fact["status"],
                "n_sources": len(fact["sources"]), "sources": sorted(fact["sources"]),
                "n_claims": len(fact["claims"]),
                "claim_ids": [c["claim_id"] for c in fact["claims"]],
            })  # fmt: skip
    return rows


def _expected_findings(outputs: list[ClusterOutput]) -> list[dict[str, Any]]:
    rows = []
    for output in outputs:
        for f in output.record["findings"]:
            first = f["evidence"][0] if f["evidence"] else {}
            rows.append({
                "id": f["id"], "cluster_id": output.cluster_id, "fact_id": f["fact_id"],
                "rule": f["rule"], "name": f["name"], "severity": f["severity"],
                "kind": f["kind"], "key": f["key"], "status": f["status"],
                "message": f["message"],
                "n_sources": len({e["source_id"] for e in f["evidence"]}),
                "sources": sorted({e["source_id"] for e in f["evidence"]}),
                "evidence": f["evidence"], "first_source_id": first.get("source_id"),
                "first_start": first.get("start"), "first_end": first.get("end"),
                "first_text": first.get("text"),
            })  # fmt: skip
    return rows


def _records(frame: pd.DataFrame, from_csv: bool) -> list[dict[str, Any]]:
    """Rows as plain Python values: lists decoded, evidence parsed, NA as None."""
    rows = []
    for row in frame.astype(object).where(frame.notna(), None).to_dict("records"):
        for name in LISTS:
            if name in row:
                row[name] = json.loads(row[name]) if from_csv else list(row[name])
        if "evidence" in row:
            row["evidence"] = json.loads(row["evidence"])
        rows.append({k: int(v) if v is not None and k in INTS else v
                     for k, v in row.items()})  # fmt: skip
    return rows


def _read(out: Path, table: str, fmt: str) -> pd.DataFrame:
    if fmt == "parquet":
        return pd.read_parquet(out / f"{table}.parquet")
    if table == "claims":
        return pd.read_csv(out / "claims.csv", dtype=COLUMNS, keep_default_na=False,
                           na_values=[""])  # fmt: skip
    return pd.read_csv(out / f"{table}.csv", dtype=str, keep_default_na=False, na_values=[""])


@pytest.fixture(scope="module")
def batch(tmp_path_factory) -> tuple[Path, list[ClusterOutput]]:
    """Three clusters, the claims staged in several parts (several Parquet row groups)."""
    outputs = [renamed(seed_output(), f"c{n}") for n in range(3)]
    out = tmp_path_factory.mktemp("tables")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("factcheck.report.run.CLAIMS_PER_PART", 1)  # a part per cluster
        patch.setattr("factcheck.report.tables_rows.ROWS_PER_GROUP", 100)
        write_run(out, outputs, ["csv", "parquet"])
    return out, outputs


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_claims_round_trip(batch, fmt):
    out, outputs = batch
    expected = pd.concat([o.claims for o in outputs], ignore_index=True)[list(COLUMNS)]
    pd.testing.assert_frame_equal(_read(out, "claims", fmt), expected.astype(COLUMNS))


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_claim_rows_keep_their_offsets(batch, fmt):
    out, outputs = batch
    texts = {o.cluster_id: o.texts for o in outputs}
    claims = _read(out, "claims", fmt)
    assert len(claims) == 3 * 386
    for row in claims.itertuples(index=False):
        assert texts[row.cluster_id][row.source_id][row.start : row.end] == row.text


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_facts_and_findings_round_trip(batch, fmt):
    out, outputs = batch
    facts = _records(_read(out, "facts", fmt), fmt == "csv")
    assert facts == _expected_facts(outputs) and len(facts) == 3 * 129
    findings = _records(_read(out, "findings", fmt), fmt == "csv")
    assert findings == _expected_findings(outputs) and len(findings) == 3 * 33


def test_parquet_is_typed_and_written_in_row_groups(batch):
    out, _ = batch
    assert pq.read_schema(out / "facts.parquet").equals(schema(FACT_COLUMNS))
    assert pq.read_schema(out / "findings.parquet").equals(schema(FINDING_COLUMNS))
    claims = pq.ParquetFile(out / "claims.parquet")
    assert claims.metadata.num_rows == 3 * 386 and claims.metadata.num_row_groups == 3
    assert pq.ParquetFile(out / "facts.parquet").metadata.num_row_groups == 4  # 387 rows
    facts = pd.read_parquet(out / "facts.parquet")
    assert str(facts["n_sources"].dtype) == "int64"


def test_csv_lists_are_json_arrays(batch):
    out, _ = batch
    first = (out / "facts.csv").read_text(encoding="utf-8").split("\n")[1]
    assert ',"[""' in first and first.endswith('""]"')


def test_awkward_text_survives_csv(tmp_path):
    seed = seed_output()
    record = copy.deepcopy(seed.record)
    record["findings"][0]["message"] = 'comma, "quotes",\r\nCRLF and\nnewline; =1+1 ☃'
    record["facts"][0]["key"] = 'line\rbreak, "x"'
    record["findings"][1]["evidence"] = []  # no first evidence: empty fields, null in Parquet
    output = ClusterOutput(record, seed.texts, seed.claims)
    out = write_run(tmp_path, [output], ["csv", "parquet"])
    for fmt in ("csv", "parquet"):
        findings = _records(_read(out, "findings", fmt), fmt == "csv")
        assert findings == _expected_findings([output])
        assert findings[1]["first_start"] is None and findings[1]["n_sources"] == 0
        assert _records(_read(out, "facts", fmt), fmt == "csv") == _expected_facts([output])


def test_an_empty_run_gives_headers_and_schemas(tmp_path):
    out = write_run(tmp_path, [], ["csv", "parquet"])
    for table, columns in (("claims", COLUMNS), ("facts", FACT_COLUMNS),
                           ("findings", FINDING_COLUMNS)):  # fmt: skip
        assert (out / f"{table}.csv").read_text(encoding="utf-8") == ",".join(columns) + "\n"
        frame = pd.read_parquet(out / f"{table}.parquet")
        assert list(frame.columns) == list(columns) and len(frame) == 0
    empty_claims = pd.read_parquet(out / "claims.parquet")
    assert {c: str(t) for c, t in empty_claims.dtypes.items()} == {
        c: str(t) for c, t in _read(out, "claims", "csv").dtypes.items()
    }
    assert pq.read_schema(out / "findings.parquet").equals(schema(FINDING_COLUMNS))
    assert str(pd.read_parquet(out / "facts.parquet")["n_claims"].dtype) == "int64"


def test_many_small_clusters_are_staged_in_parts_of_a_bounded_number_of_tables(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Tiny clusters never reach CLAIMS_PER_PART rows: parts close at FRAMES_PER_PART tables."""
    from factcheck.report.run import RunWriter

    monkeypatch.setattr("factcheck.report.run.FRAMES_PER_PART", 2)
    outputs = [renamed(seed_output(), f"c{n}") for n in range(5)]
    writer = RunWriter(tmp_path)
    for output in outputs:
        writer.add(output)
        assert len(writer._claims) < 2  # never more tables held than the limit
    run = writer.finish([], [], "error")
    parts = sorted((tmp_path / "claims").glob("part-*.parquet"))
    assert len(parts) == 3
    expected = pd.concat([o.claims for o in outputs], ignore_index=True)
    pd.testing.assert_frame_equal(pd.concat(list(run.claims()), ignore_index=True), expected)
