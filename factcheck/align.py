"""Alignment: grouping the claims of a cluster into facts, claims about the same thing.

Claims are first split into blocks by a key (quantities by counted noun or unit, with
synonyms; entities by canonical name; quotes by speaker; dates by claim zone), so that only
claims in one block are ever compared: a cluster of a hundred sources stays fast. Inside a
block, pairs from different sources are scored (:mod:`factcheck.alignment_scores`) and
joined greedily, best pair first, into groups; a group never takes two claims of one source
that say different things (a source reporting 750 and 3,000 troops reports two facts).
Every claim ends in exactly one fact; a claim no other source matches is a fact of its own.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence

import pandas as pd
import pyarrow as pa

from factcheck.alignment_scores import (
    Context,
    build_context,
    date_score,
    granularity,
    quantity_score,
    quote_score,
    same_saying,
    saying_key,
)
from factcheck.facts import ClaimRow, Fact, make_fact
from factcheck.text import CLAIM_ZONES

#: Pairs scoring at least this are joined (scores run from about -1 to 1).
JOIN_THRESHOLD = {"quantity": 0.5, "date": 0.5, "quote": 0.6}

Scorer = Callable[[ClaimRow, ClaimRow, Context], float]
_SCORERS: dict[str, Scorer] = {
    "quantity": quantity_score,
    "date": date_score,
    "quote": quote_score,
}


def align_claims(
    claims: pd.DataFrame, synonyms: Mapping[str, Sequence[str]] | None = None
) -> list[Fact]:
    """The facts of every cluster in the claim table, in a stable order."""
    facts: list[Fact] = []
    for cluster_id, frame in claims.groupby("cluster_id", sort=True):
        facts.extend(_align_cluster(str(cluster_id), _rows(frame), synonyms or {}))
    return facts


_FAST_DTYPES = (pd.StringDtype, pd.Int64Dtype, pd.Float64Dtype, pd.BooleanDtype)


def _rows(frame: pd.DataFrame) -> list[ClaimRow]:
    """The frame's rows as dicts, exactly as ``to_dict("records")`` gives them (missing
    values as None), built a column at a time when every column has a nullable dtype: to_dict
    boxes cell by cell, at four times the cost (Arrow turns a column to Python objects, NA to
    None)."""
    columns = [str(c) for c in frame.columns]
    if not all(isinstance(dtype, _FAST_DTYPES) for dtype in frame.dtypes):
        return [{str(k): v for k, v in r.items()} for r in frame.to_dict("records")]
    values = [pa.array(column.array).to_pylist() for _, column in frame.items()]
    return [dict(zip(columns, row, strict=True)) for row in zip(*values, strict=True)]


def _align_cluster(
    cluster_id: str, rows: list[ClaimRow], synonyms: Mapping[str, Sequence[str]]
) -> list[Fact]:
    context = build_context(rows, synonyms)
    facts: list[Fact] = []
    for (kind, key), block in sorted(_blocks(rows, context).items()):
        if kind in _SCORERS:
            scorer = _SCORERS[kind]

            def score(a: ClaimRow, b: ClaimRow, scorer: Scorer = scorer) -> float:
                return scorer(a, b, context)

            groups = _join(block, score, JOIN_THRESHOLD[kind])
        else:
            groups = [block]  # entities: one fact per canonical name
        for group in groups:
            facts.append(make_fact(cluster_id, kind, _fact_key(kind, key, group), group))
    return sorted(facts, key=lambda f: (f.kind, f.key, f.fact_id))


def _blocks(rows: Iterable[ClaimRow], context: Context) -> dict[tuple[str, str], list[ClaimRow]]:
    blocks: dict[tuple[str, str], list[ClaimRow]] = defaultdict(list)
    for row in rows:
        kind = str(row["kind"])
        if kind == "quantity":
            key = context.unit_key(row)
        elif kind == "entity":
            key = str(row.get("canonical") or row["text"])
        elif kind == "quote":
            key = str(row.get("speaker") or "")
        elif kind == "date":
            zone = row.get("zone")
            key = granularity(row) if zone in CLAIM_ZONES else f"zone:{zone}"
        else:
            key = ""
        blocks[(kind, key)].append(row)
    return blocks


#: Claims of one source in one block that are compared pair by pair. Real articles bring at
#: most about twenty (the seeds and WikiNews: 18); only machine-made or degenerate text brings
#: thousands, whose pairs would be counted in the billions.
MAX_PAIRED_PER_SOURCE = 100


def _join(
    block: list[ClaimRow], score: Callable[[ClaimRow, ClaimRow], float], threshold: float
) -> list[list[ClaimRow]]:
    """Greedy constrained grouping: best pairs first, never two different sayings of a source.

    Beyond a source's first :data:`MAX_PAIRED_PER_SOURCE` claims in the block, a claim joins
    the group of the first of them that says exactly the same (a repeat), or stands alone.
    """
    paired, repeats = _split_repeats(block)
    parent = {i: i for i in paired}
    members: dict[int, list[int]] = {i: [i] for i in paired}

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    pairs = []
    for n, i in enumerate(paired):
        for j in paired[n + 1 :]:
            if block[i]["source_id"] != block[j]["source_id"] or same_saying(block[i], block[j]):
                value = score(block[i], block[j])
                if value >= threshold:
                    pairs.append((-value, i, j))
    for _, i, j in sorted(pairs):
        a, b = root(i), root(j)
        if a == b or not _compatible(block, members[a], members[b]):
            continue
        parent[b] = a
        members[a] += members.pop(b)
    for i, like in repeats:
        if like is None:
            members[i] = [i]
        else:
            members[root(like)].append(i)
    return [[block[i] for i in sorted(group)] for group in members.values()]


def _split_repeats(block: list[ClaimRow]) -> tuple[list[int], list[tuple[int, int | None]]]:
    """The claims compared pair by pair, and the others each with the first compared claim of
    its source that says exactly the same (or None): one look-up each, whatever the count."""
    compared: Counter[object] = Counter()
    sayings: dict[tuple[object, object], int] = {}
    paired: list[int] = []
    repeats: list[tuple[int, int | None]] = []
    for i, row in enumerate(block):
        source, key = row["source_id"], saying_key(row)
        if compared[source] < MAX_PAIRED_PER_SOURCE:
            compared[source] += 1
            paired.append(i)
            if key is not None:
                sayings.setdefault((source, key), i)
        else:
            repeats.append((i, None if key is None else sayings.get((source, key))))
    return paired, repeats


def _compatible(block: list[ClaimRow], left: list[int], right: list[int]) -> bool:
    """No source may bring two claims that say different things into one fact."""
    for i in left:
        for j in right:
            same_source = block[i]["source_id"] == block[j]["source_id"]
            if same_source and not same_saying(block[i], block[j]):
                return False
    return True


def _fact_key(kind: str, block_key: str, group: list[ClaimRow]) -> str:
    """A readable key: the block key and, for quantities and dates, what the claims are about."""
    if kind == "entity":
        return block_key
    first = min(group, key=lambda c: (str(c["source_id"]), int(c["start"])))
    if kind == "quantity":
        about = first.get("subject") or first.get("predicate") or ""
        return f"{block_key}: {about}".strip(": ") if about else block_key
    if kind == "quote":
        words = str(first.get("quote") or "").split()
        return f"{block_key or 'unattributed'}: {' '.join(words[:8])}"
    return f"{block_key}: {first.get('event') or first['text']}"
