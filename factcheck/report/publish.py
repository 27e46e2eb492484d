"""Putting a run's report files into ``--out`` as one set: the old set or the new, never a mix.

Every file of a run is first rendered inside the run's staging directory (which lives in
``--out``, so a rename never crosses file systems). :func:`publish` then moves them into
place under an exclusive lock on ``--out``, with a journal written first: a run killed
halfway through the renames leaves the journal, and the next command that publishes into
or recovers that directory finishes the renames before anything else (:func:`recover`).
The lock also serialises concurrent runs into one ``--out``: each publishes its whole set
in turn, so the directory ends with the complete set of whichever run published last.

A staging directory is locked the same way while its run is alive; :func:`recover` removes
the staging directories of runs that died (killed, or the machine stopped) and left them.
The locks are ``flock`` locks on the directories themselves (no lock files): the kernel
drops them when a process dies, however it dies.
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from factcheck.atomic import write_text_atomic

JOURNAL_NAME = ".factcheck-publish.json"  #: the renames of a publish in progress
STAGING_PREFIX = ".factcheck-staging-"  #: a run's staging directory inside ``--out``
#: Set to a file name to make :func:`publish` kill its own process right after renaming it
#: (``__journal__``: right after writing the journal), so that tests can stop a publish at a
#: chosen step with a real SIGKILL.
CRASH_AFTER_ENV = "FACTCHECK_TEST_CRASH_AFTER"


def publish(
    rendered: Path, out: Path, names: Sequence[str], retire: Sequence[str] = ()
) -> list[Path]:
    """Move ``rendered/<name>`` onto ``out/<name>`` for every name, as one step; the targets.

    ``rendered`` must lie inside ``out`` (in the run's staging directory). Files named in
    ``retire`` (an earlier run's reports in formats this run did not write) are removed in
    the same step, so that ``out`` holds one run's set.
    """
    journal = out / JOURNAL_NAME
    source = rendered.resolve().relative_to(out.resolve())  # mkdtemp may make it absolute
    retired = [n for n in retire if n not in names]
    with out_lock(out):
        _finish_interrupted(out)
        record = {"from": str(source), "names": list(names), "retire": retired}
        write_text_atomic(journal, json.dumps(record, ensure_ascii=False))
        _sync_directory(out)
        _crash_point("__journal__")
        targets = _move_all(out / source, out, names)
        _retire(out, retired)
        _sync_directory(out)
        journal.unlink()
        _sync_directory(out)
    return targets


def recover(out: Path) -> bool:
    """Finish a publish that a crash interrupted and remove dead runs' staging directories.

    Whether there was a publish to finish.
    """
    if not out.is_dir():
        return False
    with out_lock(out):
        finished = _finish_interrupted(out)
        for staging in sorted(out.glob(f"{STAGING_PREFIX}*")):
            if staging.is_dir() and not _is_alive(staging):
                shutil.rmtree(staging, ignore_errors=True)
    return finished


@contextmanager
def out_lock(out: Path) -> Iterator[None]:
    """Hold the exclusive publishing lock of ``out`` (waiting for another run to finish)."""
    out.mkdir(parents=True, exist_ok=True)
    with _locked(out, blocking=True):
        yield


@contextmanager
def staging_alive(staging: Path) -> Iterator[None]:
    """Mark ``staging`` as owned by a live run for as long as the block lasts."""
    with _locked(staging, blocking=True):
        yield


def _is_alive(staging: Path) -> bool:
    """Whether the run that owns ``staging`` still holds it."""
    try:
        with _locked(staging, blocking=False):
            return False
    except BlockingIOError:
        return True
    except OSError:  # gone already
        return False


@contextmanager
def _locked(directory: Path, blocking: bool) -> Iterator[None]:
    """An exclusive ``flock`` on the directory itself (no lock file left behind)."""
    descriptor = os.open(directory, os.O_RDONLY | os.O_DIRECTORY)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX if blocking else fcntl.LOCK_EX | fcntl.LOCK_NB)
        yield
    finally:
        os.close(descriptor)  # closing the last descriptor releases the lock


def _finish_interrupted(out: Path) -> bool:
    """Complete the renames of a journal left by a run that died while publishing."""
    journal = out / JOURNAL_NAME
    try:
        record = json.loads(journal.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return False
    except (OSError, ValueError):  # a journal is written atomically: this is not ours
        journal.unlink(missing_ok=True)
        return False
    rendered = out / str(record.get("from", ""))
    names = [n for n in record.get("names", []) if _plain(n) and (rendered / n).is_file()]
    if out.resolve() in rendered.resolve().parents:  # never follow a journal out of ``out``
        _move_all(rendered, out, names, crash=False)
        _retire(out, [n for n in record.get("retire", []) if _plain(n)])
    _sync_directory(out)
    journal.unlink(missing_ok=True)
    return True


def _move_all(rendered: Path, out: Path, names: Sequence[str], crash: bool = True) -> list[Path]:
    targets = []
    for name in names:
        target = out / name
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(rendered / name, target)
        targets.append(target)
        if crash:
            _crash_point(name)
    return targets


def _plain(name: object) -> bool:
    """Whether a journal's file name stays inside ``out`` (a name, not a path)."""
    return isinstance(name, str) and name not in ("", ".", "..") and "/" not in name


def _retire(out: Path, names: Sequence[str]) -> None:
    for name in names:
        (out / name).unlink(missing_ok=True)


def _sync_directory(directory: Path) -> None:
    """Make the renames in ``directory`` durable (they survive a power cut)."""
    descriptor = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _crash_point(step: str) -> None:
    if os.environ.get(CRASH_AFTER_ENV) == step:
        os.kill(os.getpid(), 9)
