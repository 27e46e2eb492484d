"""date_consistency: sources place one event on different days.

A fact of this kind holds the date claims of one event across sources (alignment groups them
by the event dated). Each claim places the event: on one day (``2020-01-02``, or "on
Tuesday" resolved against the article's date), within a month or a year (``2019-12``), or
only on a weekday ("on Monday" in an article with no date). Two claims from different sources
conflict when no day fits both: different days, different weekdays ("Milley told reporters
Monday" against "Milley said on Thursday"), a day outside the other's month. A vaguer claim
that fits ("in December" against "December 31") agrees, and a relative expression without a
value ("this week", "last week", "a day after") places nothing, so it never conflicts.

Periods are not days: "since May" is compared only with other period starts ("since
October" conflicts with it; "at least since October" does not, it only bounds the start).
Claims outside the article's body and title (captions, bylines, datelines, credits) never
take part: they date photographs and articles, not the event.

Anti-pattern: "Militiamen attacked the embassy on Tuesday." / "Militiamen stormed the
embassy on Wednesday." Fix: check which day the attack took place and correct the outlet
that has it wrong; a time-zone difference (late Tuesday in Washington is Wednesday in
Baghdad) is what the ``tolerance_days`` parameter allows for.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from factcheck.facts import ClaimRow, Fact, Verdict
from factcheck.rules.kinds import Parameter, RuleKind
from factcheck.rules.kinds.date_values import WEEKDAYS, day_span, text_of, weekday_index
from factcheck.rules.kinds.source_names import short_names
from factcheck.text import CLAIM_ZONES

_SINCE = re.compile(r"\bsince\b", re.IGNORECASE)
_AT_LEAST = re.compile(r"\bat\s+least\b", re.IGNORECASE)

PARAMETERS = {
    "tolerance_days": Parameter(
        "integer",
        0,
        "Days two placements may differ by and still agree (1 allows for time zones: an "
        "attack late on Tuesday in Washington is early Wednesday in Baghdad).",
        {"minimum": 0, "maximum": 3660},
    ),
}


@dataclass(frozen=True)
class Placement:
    """When one claim places the event: a span of days and/or a weekday.

    ``first``/``last`` None means unbounded on that side (a weekday alone has neither);
    ``period`` marks the start of a period ("since May"), compared only with other periods.
    """

    first: date | None
    last: date | None
    weekday: int | None
    period: bool
    label: str

    @property
    def specificity(self) -> int:
        """0 for one day, 1 for a span of days, 2 for a weekday alone."""
        if self.first is not None and self.first == self.last:
            return 0
        return 1 if self.first is not None or self.last is not None else 2


def placement(claim: ClaimRow) -> Placement | None:
    """Where a date claim places its event, or None when it places nothing."""
    value = text_of(claim, "date_value")
    span = day_span(value)
    words = text_of(claim, "text") or ""
    if span is not None and _SINCE.search(words):
        bound = _AT_LEAST.search(words) is not None
        label = f"{'at least ' if bound else ''}since {value}"
        return Placement(None if bound else span[0], span[1], None, True, label)
    if span is not None:
        first, last = span
        if first != last:
            return Placement(first, last, None, False, str(value))
        day = first.weekday()
        return Placement(first, last, day, False, f"{WEEKDAYS[day]} {value}")
    weekday = weekday_index(claim)
    if weekday is None:
        return None
    return Placement(None, None, weekday, False, WEEKDAYS[weekday])


def compatible(a: Placement, b: Placement, tolerance: int = 0) -> bool:
    """Whether one day can satisfy both placements (within ``tolerance`` days)."""
    if a.period != b.period:
        return True
    slack = timedelta(days=tolerance)
    if a.first is not None and b.last is not None and a.first - slack > b.last:
        return False
    if b.first is not None and a.last is not None and b.first - slack > a.last:
        return False
    if a.weekday is None or b.weekday is None:
        return True
    distance = abs(a.weekday - b.weekday)
    return min(distance, 7 - distance) <= tolerance


Placed = tuple[ClaimRow, Placement]


def event_placements(fact: Fact) -> list[Placed]:
    """The date claims of the fact that place its event, from the body and title only."""
    placed: list[Placed] = []
    for claim in fact.claims:
        if claim.get("kind") != "date" or claim.get("zone") not in CLAIM_ZONES:
            continue
        where = placement(claim)
        if where is not None:
            placed.append((claim, where))
    return placed


def conflicting(placed: Sequence[Placed], tolerance: int) -> bool:
    """Whether two claims of different sources place the event on days that cannot agree."""
    for index, (claim, where) in enumerate(placed):
        for other, there in placed[index + 1 :]:
            differ = claim["source_id"] != other["source_id"]
            if differ and not compatible(where, there, tolerance):
                return True
    return False


def _same_group(a: Placement, b: Placement, tolerance: int) -> bool:
    return a.period == b.period and compatible(a, b, tolerance)


def _groups(placed: Sequence[Placed], tolerance: int) -> list[tuple[str, list[str]]]:
    """Placements grouped for the message: (label, short source names), in source order."""
    groups: list[tuple[Placement, list[str]]] = []
    for claim, where in sorted(placed, key=lambda p: p[1].specificity):
        source = str(claim["source_id"])
        home = next((g for g in groups if _same_group(g[0], where, tolerance)), None)
        if home is None:
            groups.append((where, [source]))
        elif source not in home[1]:
            home[1].append(source)
    names = short_names(s for _, sources in groups for s in sources)
    ordered = sorted(groups, key=lambda g: min(g[1]))
    return [(where.label, [names[s] for s in sorted(sources)]) for where, sources in ordered]


def event_name(fact: Fact, claims: Sequence[ClaimRow]) -> str:
    """The event the fact dates: its claims' most frequent ``event``, else the fact key."""
    events = Counter(e for c in claims if (e := text_of(c, "event")) is not None)
    return events.most_common(1)[0][0] if events else fact.key


def message(fact: Fact, placed: Sequence[Placed], tolerance: int) -> str:
    """ "Milley told reporters: Monday (000) vs Thursday (001, 002, 003)"."""
    sides = [f"{label} ({', '.join(sources)})" for label, sources in _groups(placed, tolerance)]
    return f"{event_name(fact, [c for c, _ in placed])}: {' vs '.join(sides)}"


def check(fact: Fact, parameters: Mapping[str, Any]) -> Iterator[Verdict]:
    """A conflict when sources place the fact's event on days that cannot agree."""
    tolerance = int(parameters.get("tolerance_days", PARAMETERS["tolerance_days"].default))
    placed = event_placements(fact)
    if conflicting(placed, tolerance):
        claims = tuple(claim for claim, _ in placed)
        yield Verdict("conflict", message(fact, placed, tolerance), claims)


KIND = RuleKind(
    name="date_consistency",
    claim_kind="date",
    summary="Sources place one event on different days.",
    check=check,
    parameters=PARAMETERS,
)
