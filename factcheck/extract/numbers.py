"""Reading numbers written as digits, as words ("Thirty-one") and as vague amounts."""

from __future__ import annotations

import re

UNITS_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}  # fmt: skip
TENS_WORDS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
SCALE_WORDS = {
    "hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
}  # fmt: skip
#: Abbreviated scales written after digits ("$5bn", "1.2m", "40k").
SCALE_ABBREVIATIONS = {"k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12}

_UNIT = "|".join(sorted(UNITS_WORDS, key=len, reverse=True))
_TENS = "|".join(TENS_WORDS)
_SCALE = "|".join(SCALE_WORDS)
#: A number written in words: "one", "thirty-one", "two hundred and fifty", "three million".
WORD_NUMBER = (
    rf"(?:(?:{_TENS})(?:[- ](?:{_UNIT}))?|{_UNIT})"
    rf"(?:[ -](?:{_SCALE})(?:,? (?:and )?(?:(?:{_TENS})(?:[- ](?:{_UNIT}))?|{_UNIT}))?)*"
)
#: A number written in digits: "750", "14,000", "1.5", ".5", and simple fractions "10 1/2".
_FRACTION = r"[1-9]/(?:2|3|4|8|16)(?![\d/])"
DIGIT_NUMBER = rf"(?:\d+[ ])?{_FRACTION}|\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"

#: Vague amounts: phrase -> (low, value, high). The interval is what the wording allows; the
#: value is a representative reading, fixed here so that reports and gold files agree.
VAGUE_AMOUNTS: dict[str, tuple[float, float, float]] = {
    "a couple of": (2, 2, 3),
    "a few": (2, 3, 5),
    "a handful of": (3, 4, 6),
    "several": (3, 5, 9),
    "a dozen": (10, 12, 14),
    "dozens": (24, 50, 99),
    "scores": (40, 60, 99),
    "a few dozen": (24, 36, 60),
    "several dozen": (24, 50, 99),
    "a few hundred": (200, 300, 500),
    "several hundred": (200, 400, 999),
    "hundreds": (200, 400, 999),
    "a few thousand": (2000, 3000, 5000),
    "several thousand": (2000, 4000, 9999),
    "thousands": (2000, 4000, 9999),
    "tens of thousands": (20000, 40000, 99999),
    "hundreds of thousands": (200000, 400000, 999999),
    "millions": (2e6, 4e6, 9.99e6),
    "tens of millions": (2e7, 4e7, 9.99e7),
    "hundreds of millions": (2e8, 4e8, 9.99e8),
    "billions": (2e9, 4e9, 9.99e9),
}
#: Words that are amounts on their own: "a hundred", "a thousand", "a million".
ARTICLE_AMOUNTS = {"a hundred": 100.0, "a thousand": 1e3, "a million": 1e6, "a billion": 1e9}


def parse_digits(text: str) -> float:
    """``"14,000"`` -> 14000.0, ``"10 1/2"`` -> 10.5."""
    whole, _, fraction = text.replace(",", "").rpartition(" ") if "/" in text else ("", "", text)
    if "/" in fraction:
        numerator, denominator = fraction.split("/")
        return float(whole or 0) + int(numerator) / int(denominator)
    return float(text.replace(",", ""))


def parse_word_number(text: str) -> float | None:
    """``"Thirty-one"`` -> 31.0, ``"two hundred and fifty"`` -> 250.0; None if not a number."""
    total = 0.0
    current = 0.0
    seen = False
    for word in re.split(r"[\s-]+", text.lower().replace(",", " ")):
        if word == "and" or not word:
            continue
        if word in UNITS_WORDS:
            current += UNITS_WORDS[word]
        elif word in TENS_WORDS:
            current += TENS_WORDS[word]
        elif word == "hundred":
            current = (current or 1) * 100
        elif word in SCALE_WORDS:
            total += (current or 1) * SCALE_WORDS[word]
            current = 0
        else:
            return None
        seen = True
    return total + current if seen else None
