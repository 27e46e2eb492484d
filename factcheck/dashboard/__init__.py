"""The data-quality dashboard: one static, offline HTML page drawn from the run history."""
