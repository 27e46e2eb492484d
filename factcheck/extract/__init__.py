"""Claim extractors: one module per claim kind, each a pure function of a source's sentences.

:data:`EXTRACTORS` is the registry the pipeline reads: kind -> function taking a source and
its sentences and yielding :class:`~factcheck.claims.Claim` records.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Iterator

import pandas as pd

from factcheck.claims import Claim, claims_frame
from factcheck.corpus import Cluster, Source
from factcheck.extract import events, lexicon, units
from factcheck.extract.canonical import canonicalize
from factcheck.extract.dates import date_claims
from factcheck.extract.entities import entity_claims
from factcheck.extract.quantities import quantity_claims
from factcheck.extract.quotes import quote_claims
from factcheck.text import MAX_CLAIMS_PER_SENTENCE, Sentence, sentences

Extractor = Callable[[Source, list[Sentence]], Iterator[Claim]]

EXTRACTORS: dict[str, Extractor] = {
    "quantity": quantity_claims,
    "entity": entity_claims,
    "quote": quote_claims,
    "date": date_claims,
}


def source_claims(source: Source, kinds: Iterable[str] | None = None) -> list[Claim]:
    """Every claim of one source, for the given kinds (all registered kinds by default);
    at most :data:`~factcheck.text.MAX_CLAIMS_PER_SENTENCE` of a kind from one sentence."""
    split = sentences(source.text)
    chosen = EXTRACTORS if kinds is None else {k: EXTRACTORS[k] for k in kinds}
    claims: list[Claim] = []
    for extractor in chosen.values():
        claims.extend(extractor(source, split))
    return _capped(sorted(claims, key=lambda c: (c.start, c.end, c.kind)), split)


def _capped(claims: list[Claim], split: list[Sentence]) -> list[Claim]:
    """The claims (in text order) without those beyond the cap of their sentence and kind."""
    starts = [s.start for s in split]
    taken: Counter[tuple[str, int]] = Counter()
    kept = []
    for claim in claims:
        key = (claim.kind, bisect_right(starts, claim.start))
        taken[key] += 1
        if taken[key] <= MAX_CLAIMS_PER_SENTENCE:
            kept.append(claim)
    return kept


def extract_claims(cluster: Cluster, kinds: Iterable[str] | None = None) -> pd.DataFrame:
    """The claim table of one cluster; entity names and speakers canonical across it."""
    kinds = list(kinds) if kinds is not None else None
    claims = [c for source in cluster.sources for c in source_claims(source, kinds)]
    return claims_frame(canonicalize(claims))


def clear_caches() -> None:
    """Empty the extractors' memo caches (unit look-ups, singulars, verb lemmas).

    Results do not change; benchmarks call it so that no timed pass profits from another.
    """
    units.match_catalogue_cache_clear()
    units.singular.cache_clear()
    lexicon.verb_lemma.cache_clear()
    events.clear_caches()
