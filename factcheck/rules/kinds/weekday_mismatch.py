"""weekday_mismatch: a weekday that does not match the date it goes with.

"Tuesday, January 2, 2020" names a Tuesday, but 2 January 2020 was a Thursday: one of the
two words is wrong, whatever other sources say. A source's named weekday is checked against
the days the same source gives in the fact: the date written beside it (the extractor gives
the weekday claim that date's value) and any other full date of that source in the fact.
A weekday only implied by a date ("January 2, 2020" -> Thursday) is never wrong, and a
weekday resolved against the article's own date always matches it, so findings come from
what the article writes. One source is enough: this kind works on single-source facts. Every
zone takes part (a wrong weekday in a photo caption is still wrong).

Anti-pattern: "Militiamen attacked the embassy on Tuesday, January 2." Fix: "on Tuesday,
December 31" (or "on Thursday, January 2"), whichever the reporting supports.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from datetime import date
from typing import Any

from factcheck.facts import ClaimRow, Fact, Verdict
from factcheck.rules.kinds import RuleKind
from factcheck.rules.kinds.date_values import WEEKDAYS, full_day, named_weekday


def _dated(claims: Sequence[ClaimRow], source: object) -> list[tuple[ClaimRow, date]]:
    """The source's claims in the fact that give one full day without naming a weekday."""
    found: list[tuple[ClaimRow, date]] = []
    for claim in claims:
        day = full_day(claim)
        if claim["source_id"] == source and day is not None and named_weekday(claim) is None:
            found.append((claim, day))
    return found


def mismatches(claim: ClaimRow, claims: Sequence[ClaimRow]) -> list[tuple[ClaimRow, date]]:
    """The days a claim's named weekday is set against that fall on another weekday.

    Each day comes with the claim that gives it (the weekday claim itself when the day is
    only its own value, e.g. a date written beside it but outside the fact).
    """
    weekday = named_weekday(claim)
    if weekday is None:
        return []
    days = _dated(claims, claim["source_id"])
    own = full_day(claim)
    if own is not None and all(day != own for _, day in days):
        days.append((claim, own))
    return [(other, day) for other, day in days if day.weekday() != weekday]


def message(claim: ClaimRow, wrong: Sequence[tuple[ClaimRow, date]]) -> str:
    """ "Tuesday (000), but 2020-01-02 was a Thursday"."""
    weekday = named_weekday(claim)
    named = WEEKDAYS[weekday] if weekday is not None else str(claim["text"])
    days = sorted({day for _, day in wrong})
    facts = "; ".join(f"{day.isoformat()} was a {WEEKDAYS[day.weekday()]}" for day in days)
    return f"{named} ({claim['source_id']}), but {facts}"


def check(fact: Fact, parameters: Mapping[str, Any]) -> Iterator[Verdict]:
    """A conflict for each named weekday that does not fall on its source's date."""
    claims = [c for c in fact.claims if c.get("kind") == "date"]
    for claim in claims:
        wrong = mismatches(claim, claims)
        if wrong:
            evidence = _unique([claim, *(other for other, _ in wrong)])
            yield Verdict("conflict", message(claim, wrong), evidence)


def _unique(claims: Sequence[ClaimRow]) -> tuple[ClaimRow, ...]:
    """The claims in order, each once (by claim id)."""
    return tuple({str(c["claim_id"]): c for c in claims}.values())


KIND = RuleKind(
    name="weekday_mismatch",
    claim_kind="date",
    summary="A weekday does not match the date it goes with.",
    check=check,
)
