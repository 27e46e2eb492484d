"""Synthetic archives for the batch benchmark: N clusters built from real news texts.

Each cluster retells one of four real events (the five seeds; the three WikiNews clusters)
with a random subset of its sources, made different from every other cluster and given
findings to find:

- cluster-wide, so texts are not copies of each other: about half of the names that only
  ever appear capitalised (surnames, militias, towns) go through a consonant cipher drawn
  for the cluster (``Esper`` -> ``Ebrem``; spelling variants stay variants), and about half
  of the numbers are moved by up to 25%, both the same way in every source of the cluster;
- per source: body paragraphs dropped or two of them swapped;
- controlled changes, each in one source, recorded with their offsets in the final text:
  a number changed (``number``), a name spelled differently (``spelling``), a word of a
  quote replaced or dropped (``quote``), a weekday moved to the next day (``weekday``).

Cluster ``i`` depends only on ``(seed, i)``: archives are deterministic, and a smaller
archive is the prefix of a larger one.

    python -m benchmarks.archive OUT --clusters 1000 [--seed 0] [--form jsonl|dirs]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from functools import cache
from pathlib import Path

from benchmarks.common import ROOT, seed_texts, wikinews_documents
from factcheck.text import sentences

CHANGE_KINDS = ("number", "spelling", "quote", "weekday")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Sept Oct Nov Dec".split()
_CONSONANTS = "bcdfghklmnprstvz"

_CAPITALISED = re.compile(r"\b[A-Z][a-z]{3,}\b")
_MID_SENTENCE = r"(?<=[a-z,;:] ){}\b"
_NUMBER = re.compile(r"(?<![\w.,/:-])(?:\d{1,3}(?:,\d{3})+|\d{2,})(?![\w/:-]|[.,]\d)")
_AFTER_MONTH = re.compile(r"\b(?:{})[a-z]*\.?\s+$".format("|".join(_MONTHS)))
_WEEKDAY = re.compile(r"\b(?:{})\b".format("|".join(WEEKDAYS)))
_QUOTE = re.compile(r"“[^”\n]{30,400}”|\"[^\"\n]{30,400}\"")
_QUOTE_WORD = re.compile(r"(?<= )[a-z]{3,}(?= )")
_VOWEL_SWAP = {"a": "e", "e": "i", "i": "e", "o": "u", "u": "o"}
_SYNONYMS = {
    "very": "really", "know": "believe", "think": "believe", "will": "would", "can": "could",
    "must": "should", "big": "large", "people": "civilians", "help": "assist",
    "sufficient": "enough", "attacks": "strikes", "continue": "keep", "believe": "think",
}  # fmt: skip


@dataclass(frozen=True)
class Event:
    """One real event: its sources ``(source_id, text)`` and the words that may be renamed."""

    name: str
    sources: tuple[tuple[str, str], ...]
    renamable: tuple[str, ...]  # names, then plain words

    @property
    def pattern(self) -> re.Pattern[str]:
        return _alternation(self.renamable)


@cache
def _alternation(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"\b(?:{})\b".format("|".join(sorted(words, key=len, reverse=True))))


@dataclass(frozen=True)
class Document:
    cluster_id: str
    source_id: str
    text: str


@dataclass(frozen=True)
class Change:
    """A controlled change: ``text[start:end] == after`` in the document as written."""

    cluster_id: str
    source_id: str
    kind: str
    start: int
    end: int
    before: str
    after: str


@dataclass
class ArchiveStats:
    """What an archive holds; ``distinct_sentences`` counts sentence texts once each."""

    clusters: int = 0
    sources: int = 0
    chars: int = 0
    sentences: int = 0
    distinct_sentences: int = 0
    changes: dict[str, int] = field(default_factory=dict)
    paragraphs_dropped: int = 0
    paragraphs_swapped: int = 0


@dataclass(frozen=True)
class Archive:
    path: Path  # the input to give `factcheck run`
    stats: ArchiveStats


def seed_sources() -> list[tuple[str, str]]:
    return [(f"seed{i}", text) for i, text in enumerate(seed_texts())]


def load_events() -> list[Event]:
    """The four events: the seeds, and each WikiNews cluster."""
    groups: dict[str, list[tuple[str, str]]] = {"seeds": seed_sources()}
    for cluster_id, source_id, text in wikinews_documents():
        groups.setdefault(cluster_id, []).append((source_id, text))
    return [Event(name, tuple(docs), _renamable(docs)) for name, docs in groups.items()]


KEPT_WORDS = Path(__file__).with_name("kept_words.txt")


@cache
def _known_words(code: bool = True) -> frozenset[str]:
    """Words factcheck knows: its word lists, and with ``code`` the :data:`KEPT_WORDS` too."""
    words: set[str] = {w.lower() for w in WEEKDAYS}
    for path in sorted((ROOT / "factcheck" / "data").glob("*.txt")):
        words.update(w.lower() for w in re.findall(r"[A-Za-z]+", path.read_text("utf-8")))
    if code:
        lines = KEPT_WORDS.read_text("utf-8").splitlines()
        words.update(line for line in lines if line and not line.startswith("#"))
    return frozenset(words)


def refresh_kept_words() -> int:
    """Rewrite :data:`KEPT_WORDS`: the words (and stems) of the events that the extractors'
    code or the rule files name. A snapshot, so that speed work on the code (new comments)
    does not change the archives."""
    named: set[str] = set()
    for path in [*(ROOT / "factcheck" / "extract").glob("*.py"), *(ROOT / "rules").glob("*.yaml")]:
        named.update(w.lower() for w in re.findall(r"[A-Za-z]+", path.read_text("utf-8")))
    texts = [text for _, text in seed_sources()] + [t for _, _, t in wikinews_documents()]
    vocabulary = set(re.findall(r"[a-z]+", "\n".join(texts).lower()))
    kept = {v[:n] for v in vocabulary for n in range(4, len(v) + 1) if v[:n] in named}
    header = "# words of the seeds and WikiNews named by factcheck/extract or rules/: kept"
    KEPT_WORDS.write_text("\n".join([header, *sorted(kept)]) + "\n", "utf-8")
    return len(kept)


def _renamable(docs: list[tuple[str, str]]) -> tuple[str, ...]:
    """Names and plain words of an event that factcheck knows nothing particular about.

    Names: capitalised words never written in lower case and not in factcheck's word lists,
    seen at least once mid-sentence. Plain words: lower-case words of six letters or more
    that factcheck's code, word lists and rules do not name, do not start with such a word
    (``deploying``) and never follow a number (``acres``, ``troops``).
    """
    text = "\n".join(t for _, t in docs)
    known = _known_words()
    lower = set(re.findall(r"\b[a-z]+\b", text))
    listed = _known_words(code=False)
    names = {w for w in _CAPITALISED.findall(text) if w.lower() not in lower | listed}
    names = {w for w in names if re.search(_MID_SENTENCE.format(w), text)}
    counted = set(re.findall(r"\d\S*\s+(?:[a-z]+\s+)?([a-z]+)", text))
    stems = {w for w in known if len(w) >= 4}
    words = {
        w
        for w in lower - known - counted
        if len(w) >= 5 and not any(w[:n] in stems for n in range(4, len(w)))
    }
    return tuple(sorted(names)) + tuple(sorted(words))


def build_cluster(
    index: int, seed: int, events: list[Event]
) -> tuple[list[Document], list[Change], Counter[str]]:
    """Cluster ``index``: its documents, its controlled changes and counts of other edits."""
    rng = random.Random(f"{seed}:{index}")
    cluster_id = f"c{index:05d}"
    event = rng.choice(events)
    count = rng.randint(min(2, len(event.sources)), len(event.sources))
    chosen = sorted(rng.sample(range(len(event.sources)), count))
    edits: Counter[str] = Counter()
    texts = {}
    for i in chosen:
        source_id, text = event.sources[i]
        texts[source_id] = _shuffle_paragraphs(text, rng, edits)
    _rename(texts, event, rng)
    base = rng.random()
    texts = {sid: _move_numbers(t, base) for sid, t in texts.items()}
    planned = _plan_changes(texts, rng)
    documents, changes = [], []
    for source_id, text in texts.items():
        final, applied = _apply(text, planned.get(source_id, []))
        documents.append(Document(cluster_id, source_id, final))
        changes += [Change(cluster_id, source_id, *edit) for edit in applied]
    return documents, changes, edits


def _shuffle_paragraphs(text: str, rng: random.Random, edits: Counter[str]) -> str:
    lines = text.split("\n")
    body = [i for i, line in enumerate(lines) if line.strip()][1:]  # the title stays
    if len(body) >= 4 and rng.random() < 0.5:
        dropped = set(rng.sample(body, rng.randint(1, 2)))
        edits["paragraphs_dropped"] += len(dropped)
        lines = [line for i, line in enumerate(lines) if i not in dropped]
        body = [i for i, line in enumerate(lines) if line.strip()][1:]
    if len(body) >= 3 and rng.random() < 0.3:
        j = rng.randrange(len(body) - 1)
        a, b = body[j], body[j + 1]
        lines[a], lines[b] = lines[b], lines[a]
        edits["paragraphs_swapped"] += 1
    return "\n".join(lines)


def _rename(texts: dict[str, str], event: Event, rng: random.Random) -> None:
    """Rename about half of the renamable words in place, by a consonant cipher."""
    shuffled = "".join(rng.sample(_CONSONANTS, len(_CONSONANTS)))
    cipher = str.maketrans(_CONSONANTS + _CONSONANTS.upper(), shuffled + shuffled.upper())
    mapping = {w: w.translate(cipher) for w in event.renamable if rng.random() < 0.5}
    for source_id, text in texts.items():
        texts[source_id] = event.pattern.sub(lambda m: mapping.get(m.group(), m.group()), text)


def _numbers(text: str) -> Iterator[re.Match[str]]:
    """Numbers that count or measure: not years, not days of a month."""
    for match in _NUMBER.finditer(text):
        digits = match.group().replace(",", "")
        if len(digits) == 4 and 1900 <= int(digits) <= 2099:
            continue
        if _AFTER_MONTH.search(text, max(0, match.start() - 12), match.start()):
            continue
        yield match


def _moved(number: str, rng: random.Random, low: float, high: float) -> str:
    """``number`` scaled by a factor in [low, high], rounded as coarsely as it was written."""
    value = int(number.replace(",", ""))
    step = 10 ** min(len(str(value)) - len(str(value).rstrip("0")), len(str(value)) - 1)
    new = max(step, round(value * rng.uniform(low, high) / step) * step)
    if new == value:
        new += step
    return f"{new:,}" if "," in number else str(new)


def _move_numbers(text: str, base: float) -> str:
    """Move about half of the numbers, the same way in every source of the cluster.

    Whether and where a number moves is drawn from ``base`` (the cluster's) and the number.
    """
    out, last = [], 0
    for match in _numbers(text):
        local = random.Random(f"{base}:{match.group()}")
        if local.random() < 0.5:
            out += [text[last : match.start()], _moved(match.group(), local, 0.8, 1.25)]
            last = match.end()
    return "".join([*out, text[last:]])


Edit = tuple[str, int, int, str, str]  # kind, start, end, before, after (in the text before)


def _plan_changes(texts: dict[str, str], rng: random.Random) -> dict[str, list[Edit]]:
    """Choose the controlled changes: each kind with probability 0.6, at least one."""
    kinds = [k for k in CHANGE_KINDS if rng.random() < 0.6] or [rng.choice(CHANGE_KINDS)]
    planned: dict[str, list[Edit]] = {}
    for kind in kinds:
        source_id = rng.choice(sorted(texts))
        candidates = list(_CANDIDATES[kind](texts[source_id], rng))
        taken = planned.setdefault(source_id, [])
        free = [c for c in candidates if all(c[2] <= t[1] or c[1] >= t[2] for t in taken)]
        if free:
            taken.append(rng.choice(free))
    return planned


def _number_edits(text: str, rng: random.Random) -> Iterator[Edit]:
    first_line = text.find("\n")
    for match in _numbers(text):
        if match.start() > first_line:
            factor = (1.15, 1.6) if rng.random() < 0.5 else (0.6, 0.87)
            new = _moved(match.group(), rng, *factor)
            yield "number", match.start(), match.end(), match.group(), new


def _spelling_edits(text: str, rng: random.Random) -> Iterator[Edit]:
    for match in re.finditer(r"(?<=[a-z,] )[A-Z][a-z]{4,}\b", text):
        word = match.group()
        if word.lower() in _known_words(code=False) or word[:3] in _MONTHS:
            continue
        inner = [i for i in range(1, len(word) - 1) if word[i] in _VOWEL_SWAP]
        if inner:
            i = rng.choice(inner)
            new = word[:i] + _VOWEL_SWAP[word[i]] + word[i + 1 :]
        else:
            i = rng.randrange(1, len(word) - 1)
            new = word[: i + 1] + word[i:]  # a doubled letter
        yield "spelling", match.start(), match.end(), word, new


def _quote_edits(text: str, rng: random.Random) -> Iterator[Edit]:
    del rng  # every candidate is listed; the caller draws one
    for quote in _QUOTE.finditer(text):
        for word in _QUOTE_WORD.finditer(quote.group()):
            start, end = quote.start() + word.start(), quote.start() + word.end()
            if word.group() in _SYNONYMS:
                yield "quote", start, end, word.group(), _SYNONYMS[word.group()]
            else:  # the word dropped, with the space before it
                yield "quote", start - 1, end, " " + word.group(), ""


def _weekday_edits(text: str, rng: random.Random) -> Iterator[Edit]:
    del rng
    for match in _WEEKDAY.finditer(text):
        following = WEEKDAYS[(WEEKDAYS.index(match.group()) + 1) % 7]
        yield "weekday", match.start(), match.end(), match.group(), following


_CANDIDATES = {
    "number": _number_edits,
    "spelling": _spelling_edits,
    "quote": _quote_edits,
    "weekday": _weekday_edits,
}


def _apply(text: str, edits: list[Edit]) -> tuple[str, list[Edit]]:
    """The text with the edits made, and the edits with their spans in the new text."""
    parts, applied, last, shift = [], [], 0, 0
    for kind, start, end, before, after in sorted(edits, key=lambda e: e[1]):
        parts += [text[last:start], after]
        applied.append((kind, start + shift, start + shift + len(after), before, after))
        shift += len(after) - (end - start)
        last = end
    return "".join([*parts, text[last:]]), applied


def iter_clusters(
    clusters: int, seed: int = 0
) -> Iterator[tuple[list[Document], list[Change], Counter[str]]]:
    """Clusters ``0 .. clusters-1`` of the archive for ``seed``."""
    events = load_events()
    for index in range(clusters):
        yield build_cluster(index, seed, events)


def write_archive(out: Path, clusters: int, seed: int = 0, form: str = "jsonl") -> Archive:
    """Write the archive into ``out``: the input, ``changes.jsonl`` and ``manifest.json``.

    ``form`` is ``jsonl`` (``archive.jsonl``, one document per line, grouped by cluster) or
    ``dirs`` (``clusters/<cluster_id>/<source_id>.txt``).
    """
    out.mkdir(parents=True, exist_ok=True)
    stats, seen = ArchiveStats(), set()
    changed: Counter[str] = Counter()
    path = out / ("archive.jsonl" if form == "jsonl" else "clusters")
    with _Writer(path, form) as writer, (out / "changes.jsonl").open("w") as changes_file:
        for documents, changes, edits in iter_clusters(clusters, seed):
            stats.clusters += 1
            stats.paragraphs_dropped += edits["paragraphs_dropped"]
            stats.paragraphs_swapped += edits["paragraphs_swapped"]
            for document in documents:
                writer.write(document)
                stats.sources += 1
                stats.chars += len(document.text)
                for sentence in sentences(document.text):
                    stats.sentences += 1
                    seen.add(hashlib.blake2b(sentence.text.encode(), digest_size=8).digest())
            for change in changes:
                changed[change.kind] += 1
                changes_file.write(json.dumps(asdict(change), ensure_ascii=False) + "\n")
    stats.distinct_sentences = len(seen)
    stats.changes = {kind: changed[kind] for kind in CHANGE_KINDS}
    manifest = {"seed": seed, "form": form, "input": path.name, **asdict(stats)}
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n")
    return Archive(path, stats)


class _Writer:
    """Writes documents as JSONL lines or as text files in cluster directories."""

    def __init__(self, path: Path, form: str) -> None:
        if form not in ("jsonl", "dirs"):
            raise ValueError(f"unknown archive form {form!r}: jsonl or dirs")
        self.path, self.form = path, form

    def __enter__(self) -> _Writer:
        if self.form == "jsonl":
            self.file = self.path.open("w", encoding="utf-8")
        return self

    def write(self, document: Document) -> None:
        if self.form == "jsonl":
            self.file.write(json.dumps(asdict(document), ensure_ascii=False) + "\n")
        else:
            directory = self.path / document.cluster_id
            directory.mkdir(parents=True, exist_ok=True)
            (directory / f"{document.source_id}.txt").write_text(document.text, "utf-8")

    def __exit__(self, *exc: object) -> None:
        if self.form == "jsonl":
            self.file.close()


def describe(stats: ArchiveStats) -> str:
    """One line about an archive, for the benchmark's output."""
    changes = ", ".join(f"{n} {kind}" for kind, n in stats.changes.items())
    share = stats.distinct_sentences / max(stats.sentences, 1)
    return (
        f"{stats.clusters:,} clusters, {stats.sources:,} sources, {stats.chars:,} chars; "
        f"{stats.distinct_sentences:,} distinct sentences of {stats.sentences:,} ({share:.0%}); "
        f"changes: {changes}; paragraphs dropped {stats.paragraphs_dropped:,}, "
        f"swapped {stats.paragraphs_swapped:,}"
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out", type=Path, nargs="?", help="directory to write the archive into")
    parser.add_argument("--clusters", type=int, default=100, help="number of clusters (100)")
    parser.add_argument("--seed", type=int, default=0, help="random seed (0)")
    parser.add_argument("--form", choices=("jsonl", "dirs"), default="jsonl")
    parser.add_argument(
        "--refresh-kept-words", action="store_true", help="rewrite kept_words.txt, then stop"
    )
    args = parser.parse_args(argv)
    if args.refresh_kept_words:
        print(f"{KEPT_WORDS}: {refresh_kept_words()} words")
        return
    if args.out is None:
        parser.error("give the directory to write the archive into")
    archive = write_archive(args.out, args.clusters, args.seed, args.form)
    print(f"{archive.path}: {describe(archive.stats)}")


if __name__ == "__main__":
    main()
