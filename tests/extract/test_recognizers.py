"""The quantity extractor on Recognizers-Text English specs: shares kept above floors.

Floors are the counts measured when the extractor last improved; a regression fails. The
NumberModel spec scores low by design: it expects bare spelled numbers ("sixteen") and word
fractions ("two thirds"), which the extractor does not take for claims on their own.
"""

from __future__ import annotations

import pytest

from tests.recognizers import MODELS, score

FLOORS = {
    "NumberModel.json": 53,
    "PercentModel.json": 13,
    "CurrencyModel.json": 111,
    "DimensionModel.json": 59,
    "AgeModel.json": 16,
    "TemperatureModel.json": 26,
    "NumberRangeModel.json": 23,
}


@pytest.mark.parametrize("model", list(MODELS))
def test_recognizers_share_stays_above_floor(model):
    result = score(model)
    print(f"\n{model}: {result.right}/{result.cases} right ({result.share:.1%})")
    assert result.right >= FLOORS[model]
