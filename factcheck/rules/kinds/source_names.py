"""Source ids as an editor reads them in a finding's message."""

from __future__ import annotations

from collections.abc import Iterable


def short_names(source_ids: Iterable[str]) -> dict[str, str]:
    """``000_edd6372c16f6ed30`` -> ``000`` when the short names stay distinct, else the ids.

    Only the ids given are compared, so a message naming several sources of one fact shows
    short names; a message naming one source should show its full id.
    """
    ids = sorted(set(source_ids))
    short = {s: s.split("_", 1)[0] or s for s in ids}
    return short if len(set(short.values())) == len(short) else {s: s for s in ids}
