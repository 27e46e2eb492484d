"""Directories that ship beside the package (``seeds/``, ``rules/``), found the same way."""

from __future__ import annotations

from pathlib import Path

_PACKAGE_ROOT = Path(__file__).resolve().parent.parent


_INSTALLED = Path(__file__).resolve().parent  #: holds builtin_rules/, builtin_seeds/ when installed


def bundled_dir(name: str) -> Path | None:
    """``name/`` in the working directory, else the one beside the package (a checkout), else
    the copy installed inside the package (``factcheck/builtin_<name>``), else None."""
    for candidate in (Path(name), _PACKAGE_ROOT / name, _INSTALLED / f"builtin_{name}"):
        if candidate.is_dir():
            return candidate
    return None
