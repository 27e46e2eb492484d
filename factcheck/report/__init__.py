"""Reports: one module per output format, each rendering the same report records.

:data:`FORMATS` maps a format name to the file it writes and its ``render(report) -> str``;
the report is the dict built by :func:`factcheck.report.records.build_report` (the JSON
contract of DESIGN.md), so every format presents the same findings.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from factcheck.report import json_report

Render = Callable[[dict[str, Any]], str]

#: format name -> (file name written into --out, renderer)
FORMATS: dict[str, tuple[str, Render]] = {
    "json": ("report.json", json_report.render),
}
