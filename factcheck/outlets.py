"""Naming the outlet of an article from what its text says about itself.

Signals, strongest first: a wire credit in the dateline ("WASHINGTON (Reuters) –",
"VOA – PENTAGON –"), an explicit attribution ("As reported by The Times of Israel"),
a reporting credit ("(Reporting by ...)" from a wire), and last the agency credited in
photo captions ("REUTERS/Tom Brenner"). Only names in :data:`KNOWN_OUTLETS` are returned,
so a city dateline such as "WASHINGTON —" is never taken for an outlet.
"""

from __future__ import annotations

import re

#: Canonical outlet name for each spelling seen in datelines and credits (lower-cased keys).
KNOWN_OUTLETS: dict[str, str] = {
    "reuters": "Reuters",
    "ap": "AP",
    "associated press": "AP",
    "the associated press": "AP",
    "afp": "AFP",
    "agence france-presse": "AFP",
    "voa": "VOA",
    "voice of america": "VOA",
    "bbc": "BBC",
    "bbc news": "BBC",
    "cnn": "CNN",
    "al jazeera": "Al Jazeera",
    "bloomberg": "Bloomberg",
    "upi": "UPI",
    "dpa": "dpa",
    "xinhua": "Xinhua",
    "tass": "TASS",
    "npr": "NPR",
    "wikinews": "Wikinews",
    "the times of israel": "The Times of Israel",
    "times of israel": "The Times of Israel",
    "the new york times": "The New York Times",
    "new york times": "The New York Times",
    "the washington post": "The Washington Post",
    "the guardian": "The Guardian",
    "the wall street journal": "The Wall Street Journal",
    "fox news": "Fox News",
    "cbs news": "CBS News",
    "nbc news": "NBC News",
    "abc news": "ABC News",
    "sky news": "Sky News",
    "euronews": "Euronews",
    "the independent": "The Independent",
    "the telegraph": "The Telegraph",
    "al arabiya": "Al Arabiya",
}

_NAME = r"[A-Z][\w.&'’-]*(?: (?:of |the |and )?[A-Z][\w.&'’-]*){0,4}"
_DASH = r"[–—-]"
_SIGNALS: tuple[re.Pattern[str], ...] = (
    re.compile(rf"^[A-Z][A-Z .,']*?(?:, \w{{3,9}}\.? \d{{1,2}})? \(({_NAME})\) ?{_DASH}", re.M),
    re.compile(rf"^({_NAME}) {_DASH} ", re.M),
    re.compile(rf"\b[Aa]s (?:first )?reported by ({_NAME})"),
    re.compile(rf"\(Reporting by [^)]*?\b({_NAME})\)"),
    re.compile(rf"\b({_NAME})\.?/[A-Z][\w.]*(?: [A-Z][\w.-]*){{0,3}}\)?\s*$", re.M),
    re.compile(rf"\([A-Z][\w.-]*(?: [A-Z][\w.-]*){{0,3}}/({_NAME})\)\s*$", re.M),
)


def detect_outlet(text: str) -> str | None:
    """Return the outlet named by the article's own text, or ``None``."""
    # Self-references sit near the top (dateline) or the bottom (credits, attributions).
    ends = text if len(text) <= 8000 else text[:5000] + "\n" + text[-3000:]
    for pattern in _SIGNALS:
        for match in pattern.finditer(ends):
            outlet = _known(match.group(1))
            if outlet:
                return outlet
    return None


def _known(candidate: str) -> str | None:
    name = candidate.strip(" .").lower()
    while name:
        if name in KNOWN_OUTLETS:
            return KNOWN_OUTLETS[name]
        if " " not in name:
            return None
        name = name.rsplit(" ", 1)[0]
    return None
