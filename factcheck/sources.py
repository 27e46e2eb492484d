"""Sources and clusters, and what makes an id or a text unusable.

A :class:`Source` holds its text exactly as read; a :class:`Cluster` the sources of one event.
Ids become file names, report keys and SARIF locations, so they must be printable Unicode:
no control characters (a NUL, a newline) and no lone surrogates (undecodable bytes in a file
name, or a ``\\ud800`` escape in JSON). A text may hold control characters, but not NUL (binary
data) nor lone surrogates, which no report format can encode.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from factcheck.errors import InputProblem

_SURROGATE = re.compile("[\ud800-\udfff]")
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")


def id_problem(what: str, value: str) -> str | None:
    """Why ``value`` cannot be an id (``what`` says which), or None when it can."""
    if (bad := _SURROGATE.search(value)) is not None:
        return (
            f"{what} {value!r} is not valid Unicode (a lone surrogate at character {bad.start()})"
        )
    if (bad := _CONTROL.search(value)) is not None:
        return f"{what} {value!r} contains a control character (U+{ord(bad.group()):04X})"
    return None


def text_problem(text: str) -> str | None:
    """Why ``text`` cannot be a source's text, or None when it can."""
    if (nul := text.find("\x00")) >= 0:
        return f"a NUL character (U+0000) at character {nul}: binary data, not text"
    bad = _SURROGATE.search(text)
    if bad is None:
        return None
    return (
        f"not valid Unicode: a lone surrogate (U+{ord(bad.group()):04X}) at character "
        f"{bad.start()}; a \\ud800-\\udfff escape must be one half of a pair"
    )


@dataclass(frozen=True)
class Source:
    """One article: its text exactly as read, and where it came from."""

    source_id: str
    cluster_id: str
    text: str
    path: str
    outlet: str | None = None
    title: str | None = None
    published: str | None = None
    url: str | None = None
    line: int | None = None

    @property
    def chars(self) -> int:
        return len(self.text)

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(frozen=True)
class Cluster:
    """The sources that report one event."""

    cluster_id: str
    sources: tuple[Source, ...]
    path: str = ""

    def source(self, source_id: str) -> Source:
        for src in self.sources:
            if src.source_id == source_id:
                return src
        raise KeyError(source_id)


@dataclass
class ClusterBuilder:
    """The sources of one cluster as they are read; a second source with one id is a problem."""

    cluster_id: str
    path: str
    sources: list[Source] = field(default_factory=list)
    seen: set[str] = field(default_factory=set)

    def add(self, source: Source) -> InputProblem | None:
        if source.source_id in self.seen:
            return InputProblem(
                source.path,
                f"duplicate source_id {source.source_id!r} in cluster {self.cluster_id!r}",
                source.line,
                self.cluster_id,
            )
        self.seen.add(source.source_id)
        self.sources.append(source)
        return None

    def build(self) -> Cluster:
        return Cluster(self.cluster_id, tuple(self.sources), self.path)
