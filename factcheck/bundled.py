"""Directories that ship beside the package (``seeds/``, ``rules/``), found the same way."""

from __future__ import annotations

from pathlib import Path

_PACKAGE_ROOT = Path(__file__).resolve().parent.parent


def bundled_dir(name: str) -> Path | None:
    """``name/`` in the working directory, else the one beside the package, else None."""
    for candidate in (Path(name), _PACKAGE_ROOT / name):
        if candidate.is_dir():
            return candidate
    return None
