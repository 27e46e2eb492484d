"""single_source: a claim only one source makes, which an editor may want confirmed.

Not a disagreement: an informational finding for a fact that only one source supports. Only
the claim kinds in ``kinds`` are reported, by default quantities and quotes, the claims an
editor would check: every article names people and places and dates things the others do
not, so single-source entities and dates are mostly noise. Only claims from an article's
body and title count (a fact made only of caption or byline dates is not a claim about the
event). ``ignore_titles`` drops facts whose claims are all in a headline: off by default,
since a headline's claim is the outlet's most prominent one.

The kind reads ``claim_kind`` "any": the engine applies it to facts of every claim kind.
A cluster of one source makes every fact single-source; the rule says so for each.

Anti-pattern: one wire reports "750 troops", no other source gives a number. Fix: confirm the
figure with a second source, or attribute it ("according to a Pentagon official").
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from factcheck.claims import KINDS as CLAIM_KINDS
from factcheck.facts import Fact, Verdict
from factcheck.rules.kinds import Parameter, RuleKind
from factcheck.text import CLAIM_ZONES

PARAMETERS = {
    "kinds": Parameter(
        "array",
        ["quantity", "quote"],
        "Claim kinds to report (quantity, quote, entity, date); entities and dates alone are "
        "mostly noise.",
        {"items": {"enum": list(CLAIM_KINDS)}},
    ),
    "ignore_titles": Parameter(
        "boolean", False, "Skip facts whose claims all stand in a headline."
    ),
}
_SHOWN = 80  # characters of a claim's text shown in the message
_QUOTE_MARKS = "“‘\"'"


def _param(parameters: Mapping[str, Any], name: str) -> Any:
    return parameters.get(name, PARAMETERS[name].default)


def _shown(text: str) -> str:
    """The claim's words on one line, cut short, in quotation marks unless it has its own."""
    text = " ".join(text.split())
    text = text if len(text) <= _SHOWN else text[: _SHOWN - 1].rstrip() + "…"
    return text if text[:1] in _QUOTE_MARKS else f"“{text}”"


def check(fact: Fact, parameters: Mapping[str, Any]) -> Iterator[Verdict]:
    """A ``single_source`` verdict when one source alone supports a fact of a listed kind."""
    if fact.kind not in _param(parameters, "kinds"):
        return
    claims = tuple(c for c in fact.claims if c.get("zone", "body") in CLAIM_ZONES)
    sources = sorted({str(c["source_id"]) for c in claims})
    if len(sources) != 1:
        return
    if _param(parameters, "ignore_titles") and all(c.get("zone") == "title" for c in claims):
        return
    texts = "; ".join(dict.fromkeys(_shown(str(c["text"])) for c in claims))
    yield Verdict("single_source", f"only {sources[0]} reports this {fact.kind}: {texts}", claims)


KIND = RuleKind(
    name="single_source",
    claim_kind="any",
    summary="A claim that only one source makes.",
    check=check,
    parameters=PARAMETERS,
)
