"""An installed factcheck has every package, its built-in rules and its seeds."""

from __future__ import annotations

import tomllib

from factcheck import bundled
from tests.conftest import ROOT

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_every_package_is_listed():
    listed = set(PYPROJECT["tool"]["setuptools"]["packages"])
    found = {
        ".".join(p.parent.relative_to(ROOT).parts)
        for p in (ROOT / "factcheck").rglob("__init__.py")
    }
    assert found <= listed, f"add to pyproject.toml's packages: {sorted(found - listed)}"


def test_rules_and_seeds_ship_inside_the_package():
    dirs = PYPROJECT["tool"]["setuptools"]["package-dir"]
    assert dirs["factcheck.builtin_rules"] == "rules"
    assert dirs["factcheck.builtin_seeds"] == "seeds"
    data = PYPROJECT["tool"]["setuptools"]["package-data"]
    assert data["factcheck.builtin_rules"] == ["*.yaml"]
    assert data["factcheck.builtin_seeds"] == ["*.txt"]


def test_the_installed_copy_is_found_when_there_is_no_checkout(tmp_path, monkeypatch):
    installed = tmp_path / "site" / "factcheck"
    (installed / "builtin_rules").mkdir(parents=True)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(bundled, "_PACKAGE_ROOT", tmp_path / "nowhere")
    monkeypatch.setattr(bundled, "_INSTALLED", installed)
    assert bundled.bundled_dir("rules") == installed / "builtin_rules"
    assert bundled.bundled_dir("seeds") is None
