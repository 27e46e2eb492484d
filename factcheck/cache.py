"""A cache of cluster outputs, so that a rerun checks only what changed.

An entry is keyed by the content of its cluster (cluster id, path, and every source's id,
text and metadata) and lives in a *generation* directory named after a fingerprint of
everything else its output depends on: the rule files' bytes, the merged synonyms, the
factcheck version and the code that makes a cluster's output (not the report formats or the
command line), and the versions of the libraries that extract claims. A
changed rule, or an upgrade, starts a new generation, so everything is checked again; a
complete run then removes the other generations, so the cache holds one output per cluster
checked with the current rules.

Each entry is written atomically (zlib-compressed pickle of the report entry and the claim
table: about 47 kB for the five seed articles, against about 62 kB as Parquet plus JSON, and
ten times faster to write and read). An entry that cannot be read is ignored and replaced.
Pickles run code when read: keep the cache where only you can write.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import importlib.metadata
import json
import pickle
import shutil
import sys
import time
import zlib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pandas as pd

from factcheck import __version__
from factcheck.atomic import atomic_path
from factcheck.corpus import Cluster, Source
from factcheck.report.run import ClusterOutput
from factcheck.rules.model import RuleSet

MAGIC = b"factcheck-cache 1\n"
GENERATION_PREFIX = "rules-"
SUFFIX = ".pkl.z"
STALE_TEMPORARY_SECONDS = 3600.0  #: a temporary entry this old belongs to no live write
#: libraries whose version can change what is extracted or how tables are stored
LIBRARIES = ("quantulum3", "rapidfuzz", "pandas", "pyarrow")
#: source fields left out of the key: they never reach the output (a JSONL line number)
UNKEYED_FIELDS = frozenset({"line"})
_PACKAGE = Path(__file__).resolve().parent
#: the report modules that make what is cached; the formats are written from it afresh
CACHED_REPORT_CODE = frozenset({"report/records.py", "report/run.py"})
#: modules that run clusters but do not shape their output (nor do the ``cli*`` modules)
ORCHESTRATION = frozenset({"engines.py", "engine_dask.py", "progress.py", "interrupt.py"})


class ClusterCache:
    """Cluster outputs on disk under ``root``, for one rules fingerprint."""

    def __init__(self, root: Path, fingerprint: str) -> None:
        self.root = root
        self.directory = root / f"{GENERATION_PREFIX}{fingerprint[:24]}"
        self.corrupt = 0  #: entries found unreadable (and recomputed)
        self.writable = True

    def path(self, cluster: Cluster) -> Path:
        key = cluster_key(cluster)
        return self.directory / key[:2] / f"{key}{SUFFIX}"

    def get(self, cluster: Cluster) -> ClusterOutput | None:
        """The cached output of this exact cluster, or None (missing or unreadable)."""
        path = self.path(cluster)
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            return None
        except OSError:
            self.corrupt += 1
            return None
        try:
            return _decode(data, path.name.removesuffix(SUFFIX), cluster)
        except Exception:  # anything at all wrong with an entry: check the cluster again
            self.corrupt += 1
            return None

    def put(self, cluster: Cluster, output: ClusterOutput) -> None:
        """Store an output; a cache that cannot be written is a warning, then left alone."""
        if not self.writable:
            return
        path = self.path(cluster)
        key = path.name.removesuffix(SUFFIX)
        payload = pickle.dumps((key, output.record, output.claims), pickle.HIGHEST_PROTOCOL)
        try:
            with atomic_path(path) as temporary:
                temporary.write_bytes(MAGIC + zlib.compress(payload, 1))
        except OSError as exc:
            self.writable = False
            print(
                f"factcheck: warning: {self.root}: cannot write the cache "
                f"({exc.strerror or exc}); going on without it",
                file=sys.stderr,
            )

    def prune(self) -> None:
        """Remove the other generations (outputs made with other rules or another version).

        Temporary files that a killed run left half-written go too, once they are an hour old
        (a younger one may be a concurrent run's write in progress).
        """
        if not self.root.is_dir():
            return
        for entry in self.root.iterdir():
            if entry.name.startswith(GENERATION_PREFIX) and entry != self.directory:
                shutil.rmtree(entry, ignore_errors=True)
        now = time.time()
        for temporary in self.directory.glob("*/.*.tmp"):  # left by a killed run's writes
            with contextlib.suppress(OSError):
                if now - temporary.stat().st_mtime > STALE_TEMPORARY_SECONDS:
                    temporary.unlink()


def _decode(data: bytes, key: str, cluster: Cluster) -> ClusterOutput:
    if not data.startswith(MAGIC):
        raise ValueError("not a cache entry")
    stored_key, record, claims = pickle.loads(zlib.decompress(data[len(MAGIC) :]))
    if stored_key != key or not isinstance(record, dict) or not isinstance(claims, pd.DataFrame):
        raise ValueError("entry of another cluster")
    texts = {s.source_id: s.text for s in cluster.sources}
    return ClusterOutput(record, texts, claims)


def cluster_key(cluster: Cluster) -> str:
    """A hash of everything about a cluster that its output depends on."""
    digest = hashlib.sha256()
    _feed(digest, [cluster.cluster_id, cluster.path, len(cluster.sources)])
    for source in cluster.sources:
        _feed(digest, [getattr(source, name) for name in _KEYED_FIELDS])
    return digest.hexdigest()


_KEYED_FIELDS = [f.name for f in dataclasses.fields(Source) if f.name not in UNKEYED_FIELDS]


def rules_fingerprint(ruleset: RuleSet) -> str:
    """A hash of the rules' files and synonyms, factcheck's version and code, and libraries."""
    digest = hashlib.sha256()
    _feed(digest, [__version__, *(_library_version(name) for name in LIBRARIES)])
    for file in ruleset.files:
        digest.update(Path(file).read_bytes())
    synonyms = {k: list(v) for k, v in sorted(ruleset.synonyms.items())}
    digest.update(json.dumps(synonyms, sort_keys=True).encode())
    digest.update(code_fingerprint().encode())
    return digest.hexdigest()


def code_fingerprint(package: Path = _PACKAGE) -> str:
    """A hash of factcheck's own files, so an edited extractor is never served stale output."""
    digest = hashlib.sha256()
    for path in sorted(_package_files(package)):
        digest.update(path.relative_to(package).as_posix().encode() + b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _package_files(package: Path) -> Iterable[Path]:
    """Every file of the package but those that cannot change a cluster's output."""
    for path in package.rglob("*"):
        relative = path.relative_to(package).as_posix()
        if (
            path.is_file()
            and "__pycache__" not in path.parts
            and path.suffix not in (".pyc", ".tmp")
            and not (relative.startswith("report/") and relative not in CACHED_REPORT_CODE)
            and not relative.startswith("cli")
            and relative not in ORCHESTRATION
        ):
            yield path


def _library_version(name: str) -> str:
    try:
        return f"{name}={importlib.metadata.version(name)}"
    except importlib.metadata.PackageNotFoundError:
        return f"{name}=?"


def _feed(digest: Any, values: Iterable[object]) -> None:
    """Add values to a hash unambiguously (typed and length-prefixed)."""
    for value in values:
        data = b"N" if value is None else b"S" + str(value).encode("utf-8", "surrogatepass")
        digest.update(len(data).to_bytes(8, "little") + data)
