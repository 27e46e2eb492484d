"""How long the worst rule files under the size limit take to read, against the built-in rules.

A rule file is refused unread above 1 MiB (``MAX_RULE_FILE_BYTES``); below it, PyYAML's
pure-Python reader sets the cost. Each shape is written just under the limit and loaded
with :func:`factcheck.rules.loader.load_rules` in this process (best of ``--repeat``); the
ratio is to loading the built-in ``rules/`` directory, the baseline.

    python -m benchmarks.bench_rule_files [--repeat 3]
"""

from __future__ import annotations

import argparse
import contextlib
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from factcheck.errors import ConfigError
from factcheck.rules.loader import MAX_RULE_FILE_BYTES, default_rules_dir, load_rules

RULE = """\
  - code: {code}
    name: test-rule
    kind: single_source
    severity: info
    summary: Only one source.
    examples:
      agree: [["A b.", "A b."]]
      single_source: [["A b.", "C d."]]
"""
LIMIT = MAX_RULE_FILE_BYTES - 4096


def comments() -> str:
    return "rules:\n" + RULE.format(code="FC901") + ("# " + "x" * 78 + "\n") * (LIMIT // 81)


def long_scalar() -> str:
    text = "rules:\n" + RULE.format(code="FC901")
    return text.replace("Only one source.", "x" * (LIMIT - len(text)))


def many_rules() -> str:
    count = LIMIT // len(RULE.format(code="FC9999"))
    codes = (f"{'ABCD'[i // 10000]}{i % 10000:04d}" for i in range(count))
    return "rules:\n" + "".join(RULE.format(code=code) for code in codes)


def deep_nesting() -> str:
    return "rules: " + "[" * (LIMIT // 2) + "]" * (LIMIT // 2) + "\n"


SHAPES: dict[str, Callable[[], str]] = {
    "comments": comments,
    "one long scalar": long_scalar,
    "many rules": many_rules,
    "deep nesting (refused)": deep_nesting,
}


def best_of(repeat: int, paths: list[Path]) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        with contextlib.suppress(ConfigError):  # deep nesting is refused: its cost counts
            load_rules(paths)
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    baseline = best_of(args.repeat, [default_rules_dir()])
    print(f"baseline: built-in rules/ {baseline:.3f} s")
    with tempfile.TemporaryDirectory() as directory:
        for name, build in SHAPES.items():
            path = Path(directory) / "rules.yaml"
            path.write_text(build(), encoding="utf-8")
            size = path.stat().st_size
            seconds = best_of(args.repeat, [path])
            print(f"{name:24} {size / 2**20:5.2f} MiB {seconds:7.3f} s  x{seconds / baseline:,.0f}")


if __name__ == "__main__":
    main()
