"""Values as JSON can hold them, shared by every writer of tables and reports."""

from __future__ import annotations

import math
from typing import Any

import pandas as pd


def json_value(value: Any) -> Any:
    """Missing, NaN and infinite -> None; numpy and pandas scalars -> plain Python values."""
    if value is None or value is pd.NA:
        return None
    if isinstance(value, float) and (math.isnan(value) or math.isinf(value)):
        return None
    return value.item() if hasattr(value, "item") else value
