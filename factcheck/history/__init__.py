"""Run history: each run's metrics, appended to a store under ``reports/``, read back tidy.

:mod:`.metrics` computes a run's metrics from its records (one streamed pass), :mod:`.store`
appends them as one Parquet file per run and reads the history back as one table.
"""
