"""What the benchmarks share: the repository root and the texts they run on."""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WIKINEWS = ROOT / "tests" / "data" / "wikinews" / "clusters.jsonl"
sys.path.insert(0, str(ROOT))


def seed_texts() -> list[str]:
    """The five seed articles, in file-name order."""
    return [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]


def wikinews_documents() -> list[tuple[str, str, str]]:
    """``(cluster_id, source_id, text)`` of the thirty WikiNews documents."""
    documents = []
    for line in WIKINEWS.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        for document in record["documents"]:
            documents.append((record["cluster_id"], document["source_id"], document["text"]))
    return documents
