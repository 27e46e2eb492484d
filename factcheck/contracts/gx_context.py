"""A quiet, offline great_expectations context: in memory, no analytics, no progress bars."""

from __future__ import annotations

import os
from functools import cache
from typing import Any

os.environ.setdefault("GX_ANALYTICS_ENABLED", "False")  # never phone home (no network at run time)

import great_expectations as gx
import pandas as pd
from great_expectations.data_context.types.base import (
    DataContextConfig,
    InMemoryStoreBackendDefaults,
    ProgressBarsConfig,
)


@cache
def _context() -> Any:
    config = DataContextConfig(
        analytics_enabled=False,
        progress_bars=ProgressBarsConfig(globally=False),
        store_backend_defaults=InMemoryStoreBackendDefaults(),
    )
    return gx.get_context(mode="ephemeral", project_config=config)


@cache
def _batch_definition(name: str) -> Any:
    source = _context().data_sources.add_pandas(f"factcheck-{name}")
    return source.add_dataframe_asset(name).add_batch_definition_whole_dataframe("whole")


def run_suite(name: str, frame: pd.DataFrame, expectations: list[Any]) -> Any:
    """Validate ``frame`` against ``expectations``; the great_expectations result."""
    suite = gx.ExpectationSuite(name=name, expectations=[e.copy() for e in expectations])
    batch = _batch_definition(name).get_batch(batch_parameters={"dataframe": frame})
    return batch.validate(suite, result_format={"result_format": "SUMMARY"})
