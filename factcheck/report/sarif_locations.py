"""Where a piece of evidence is, in SARIF terms: a file, a region in it, and a source name.

A source read from a text file is located in that file: the region's lines and columns
(code points, lines ending at ``\\n``) and ``charOffset``/``charLength`` are computed from
the text as read, so they point at exactly the evidence text (a UTF-8 byte-order mark is
not a character of the text and is not counted).

A source read from a JSONL file has no file of its own, and its offsets count characters
of the decoded ``text`` value, not of the JSON line that holds it escaped. Its location is
the JSONL file with a region of the whole line that holds the document (found by cluster
id, source id and the SHA-256 of the text, so it is never another document's line), and no
column, offset or snippet; the offsets into the document's text are in the location's
``properties`` (``start``, ``end``). When the line cannot be found (the file changed or is
gone), the location names the file alone. Every location also has a logical location
``cluster_id/source_id`` and a message with the evidence text.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import quote

from factcheck.report.text_positions import LineIndex

SRCROOT = "%SRCROOT%"  #: the uriBaseId of relative paths: the directory the run started in

_JsonlKey = tuple[str, str, str]  # cluster_id, source_id, sha256 of the text


def artifact_location(path: str, cwd: Path) -> dict[str, Any]:
    """A file's artifactLocation: relative to ``cwd`` when inside it, else a file: URI."""
    absolute = Path(path).absolute()
    try:
        relative = absolute.relative_to(cwd)
    except ValueError:
        return {"uri": absolute.as_uri()}
    return {"uri": quote(relative.as_posix(), safe="/"), "uriBaseId": SRCROOT}


def text_region(index: LineIndex, text: str, start: int, end: int) -> dict[str, Any]:
    """The region of ``text[start:end]``: lines, columns, offsets and the snippet."""
    start_line, start_column = index.position(start)
    end_line, end_column = index.position(end)
    return {
        "startLine": start_line,
        "startColumn": start_column,
        "endLine": end_line,
        "endColumn": end_column,
        "charOffset": start,
        "charLength": end - start,
        "snippet": {"text": text[start:end]},
    }


class JsonlLines:
    """The line of each document in the JSONL inputs, read once per file when first asked."""

    def __init__(self) -> None:
        self._files: dict[str, dict[_JsonlKey, int]] = {}

    def line(self, path: str, cluster_id: str, source_id: str, sha256: str) -> int | None:
        """The 1-based line of the document, or ``None`` when no line holds that text."""
        if path not in self._files:
            self._files[path] = _index_jsonl(Path(path))
        return self._files[path].get((cluster_id, source_id, sha256))


def _index_jsonl(path: Path) -> dict[_JsonlKey, int]:
    index: dict[_JsonlKey, int] = {}
    try:
        with path.open("rb") as stream:
            for number, raw in enumerate(stream, start=1):
                for key in _documents_of_line(raw):
                    index.setdefault(key, number)
    except OSError:
        pass
    return index


def _documents_of_line(raw: bytes) -> list[_JsonlKey]:
    """The documents of one JSONL line (one document, or a cluster of ``documents``)."""
    try:
        record = json.loads(raw.decode("utf-8-sig"))
    except ValueError:
        return []
    if not isinstance(record, dict):
        return []
    cluster_id = str(record.get("cluster_id"))
    documents = record.get("documents", [record])
    keys = []
    for doc in documents if isinstance(documents, list) else []:
        if isinstance(doc, dict) and isinstance(doc.get("text"), str):
            digest = hashlib.sha256(doc["text"].encode("utf-8", "surrogatepass")).hexdigest()
            keys.append((cluster_id, str(doc.get("source_id")), digest))
    return keys


class ClusterLocator:
    """Builds the SARIF locations of one cluster's evidence."""

    def __init__(
        self,
        record: Mapping[str, Any],
        texts: Mapping[str, str],
        cwd: Path,
        jsonl: JsonlLines,
    ) -> None:
        self.cluster_id = str(record["cluster_id"])
        self.sources = {str(s["source_id"]): s for s in record["sources"]}
        self.texts = texts
        self.cwd = cwd
        self.jsonl = jsonl
        self._indexes: dict[str, LineIndex] = {}

    def location(self, evidence: Mapping[str, Any]) -> dict[str, Any]:
        """One evidence record as a SARIF location."""
        source_id, start, end = str(evidence["source_id"]), evidence["start"], evidence["end"]
        location: dict[str, Any] = {}
        physical = self._physical(source_id, int(start), int(end))
        if physical:
            location["physicalLocation"] = physical
        location["logicalLocations"] = [
            {
                "name": source_id,
                "fullyQualifiedName": f"{self.cluster_id}/{source_id}",
                "kind": "resource",
            }
        ]
        location["message"] = {"text": f"{source_id}: {evidence['text']}"}
        location["properties"] = {
            "source_id": source_id,
            "claim_id": evidence.get("claim_id"),
            "start": start,
            "end": end,
        }
        return location

    def _physical(self, source_id: str, start: int, end: int) -> dict[str, Any] | None:
        source = self.sources.get(source_id)
        if source is None:
            return None
        path = str(source["path"])
        physical: dict[str, Any] = {"artifactLocation": artifact_location(path, self.cwd)}
        if path.endswith(".jsonl"):
            line = self.jsonl.line(path, self.cluster_id, source_id, str(source["sha256"]))
            if line is not None:
                physical["region"] = {"startLine": line}
            return physical
        text = self.texts.get(source_id)
        if text is not None:
            physical["region"] = text_region(self._index(source_id, text), text, start, end)
        return physical

    def _index(self, source_id: str, text: str) -> LineIndex:
        if source_id not in self._indexes:
            self._indexes[source_id] = LineIndex(text)
        return self._indexes[source_id]
