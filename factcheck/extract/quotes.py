"""Quote claims: words in quotation marks, who said them, with exact offsets.

Quotes come from ``body`` and ``title`` lines (see ``tests/gold/CONVENTIONS.md``). A quote
broken by its attribution ("The game has changed," Esper said, "and ...") is one claim from
the first opening mark to the last closing mark, its ``quote`` the parts joined by a space;
so is a quote running over paragraphs. A part that has an attribution of its own starts a new
claim. ``speaker`` is the name as written, resolved within the source to its fullest form
(:mod:`factcheck.extract.speakers`); empty when nobody is named. Not quotes: names in marks
after a dash (``- "Fiona"``: the speaker) and titles of things (``the "Yorkshire lass"
website``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from factcheck.claims import Claim
from factcheck.corpus import Source
from factcheck.extract.quote_marks import QuoteSpan, find_quotes
from factcheck.extract.speakers import Speakers
from factcheck.text import CLAIM_ZONES, Sentence, iter_lines

_WORK_NOUNS = frozenset(
    """website site blog weblog page book film movie song album show programme program series
    campaign column newspaper magazine channel documentary play podcast app brand hashtag
    account novel poem exhibition""".split()
)
_DASH_GAP = re.compile(r"\s*[-–—]+\s*")
_ATTRIBUTION_GAP = re.compile(r"[^\n]{1,120}?[,.:][ \t]*")
_NAME_WORDS = re.compile(r"[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,2}")
_WRAPPED = re.compile(r"^['‘](.*)['’]$", re.S)


def quote_claims(source: Source, sentences: list[Sentence]) -> Iterator[Claim]:
    """The quote claims of one source, in text order."""
    text = source.text
    lines = [(s, e, zone) for s, e, zone in iter_lines(text) if zone in CLAIM_ZONES]
    paragraphs = [(s, e) for s, e, _ in lines]
    spans = find_quotes(text, paragraphs)
    if not spans:
        return
    speakers = Speakers(text, sentences, paragraphs, spans)
    for quote in _merge(text, spans, speakers):
        words = quote_words(text, quote)
        if not words or _names_a_thing(text, quote, words):
            continue
        zone = next((z for s, e, z in lines if s <= quote.start < e), "body")
        speaker = speakers.attribute(quote, zone)
        speakers.remember(quote.start, speaker)
        sentence = speakers.sentence_at(quote.start)
        yield Claim(
            source.cluster_id,
            source.source_id,
            "quote",
            quote.start,
            quote.end,
            text[quote.start : quote.end],
            sentence.text if sentence else text[quote.start : quote.end],
            zone,
            speaker=speaker or None,
            quote=words,
        )


def quote_words(text: str, quote: QuoteSpan) -> str:
    """The quoted words: parts joined by a space, marks and a final comma dropped."""
    words = " ".join(part.strip() for part in quote.part_texts(text)).strip()
    wrapped = _WRAPPED.match(words)
    if wrapped:  # "'When I watched ... day.'": a quote inside marks of both kinds
        words = wrapped.group(1).strip()
    return words.rstrip(",").rstrip()


def _merge(text: str, spans: list[QuoteSpan], speakers: Speakers) -> Iterator[QuoteSpan]:
    """Join the parts of quotes broken by attribution; drop dash-attribution names."""
    i = 0
    while i < len(spans):
        quote = spans[i]
        while i + 1 < len(spans) and _continues(text, quote, spans[i + 1], speakers):
            following = spans[i + 1]
            quote = QuoteSpan(quote.parts + following.parts, quote.closed + following.closed)
            i += 1
        if i + 1 < len(spans) and _is_dash_name(text, quote, spans[i + 1]):
            i += 1
        yield quote
        i += 1


def _continues(text: str, first: QuoteSpan, second: QuoteSpan, speakers: Speakers) -> bool:
    """Whether ``second`` carries on ``first`` after an attribution ("X," he said, "Y")."""
    gap = text[first.end : second.start]
    if not _ATTRIBUTION_GAP.fullmatch(gap) or _DASH_GAP.match(gap):
        return False
    ends_clause = text[first.end - 2 : first.end - 1] == "," or gap.lstrip().startswith(",")
    if not ends_clause or speakers.right_after(first.end) is None:
        return False
    return speakers.right_after(second.end) is None


def _is_dash_name(text: str, quote: QuoteSpan, following: QuoteSpan) -> bool:
    """``"..." - "Fiona"``: the marked name after a dash is the speaker, not a quote."""
    if not _DASH_GAP.fullmatch(text[quote.end : following.start]):
        return False
    return bool(_NAME_WORDS.fullmatch(quote_words(text, following)))


def _names_a_thing(text: str, quote: QuoteSpan, words: str) -> bool:
    """``the "Yorkshire lass" website``: a title or name in marks, nobody quoted."""
    before = text[max(0, quote.start - 4) : quote.start]
    after = re.match(r"\s+([a-z]+)", text[quote.end : quote.end + 30])
    return (
        before.lower() == "the "
        and after is not None
        and after.group(1) in _WORK_NOUNS
        and len(words.split()) <= 5
        and not re.search(r"[.!?,;:]$", words)
    )
