"""``report.json``: the report records as JSON, the contract outside tools read."""

from __future__ import annotations

import json
from typing import Any


def render(report: dict[str, Any]) -> str:
    """Pretty, stable JSON (keys in contract order, UTF-8 text kept as is)."""
    return json.dumps(report, ensure_ascii=False, indent=2) + "\n"
