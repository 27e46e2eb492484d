"""Who said a quote: attribution cues, their speakers, and the last speaker of a source.

A *cue* is a speech verb ("said", "told", "added", "called"), a participle after a clause
("..., saying"), "according to", or a possessive speech noun ("Trump’s threat that"). Every
cue of a source is resolved once, in text order, to a speaker: the name before a finite verb
("Esper said", "Mr. Esper said", skipping appositives: "Tony Blair, who ..., said"), the name
after an inverted one ("said judge Astill"), the clause subject for a participle, a pronoun
resolved to the last named person ("he said"), or empty when the speaker is not named ("an
anonymous survivor says"). :class:`Speakers` then attributes each quote from the cue right
after it, the cue before it in its sentence, a cue later in its sentence, a colon that ends
the paragraph before it, and finally the subject of its sentence or the last named speaker.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from dataclasses import dataclass

from factcheck.extract.quote_marks import QuoteSpan
from factcheck.extract.speaker_lexicon import (
    FINITE_VERBS,
    NAMEISH,
    NOT_SUBJECT_START,
    PARTICIPLES,
    PRONOUNS,
    SKIPPED,
    SPEECH_NOUNS,
    SUBJECT_WORDS,
    TITLES,
)
from factcheck.extract.speaker_names import (
    Name,
    NameIndex,
    is_name_word,
    name_from_run,
    trailing_run,
)
from factcheck.extract.speaker_phrases import NameFinder
from factcheck.text import CLAIM_ZONES, Sentence

_CUE = re.compile(
    rf"(?<![\w-])(?:(?P<acc>according\s+to)|(?P<fin>{FINITE_VERBS})|(?P<part>{PARTICIPLES}))"
    r"(?![\w-])"
)
_POSSESSIVE = re.compile(rf"[’']s\s+(?:[\w’'-]+\s+){{0,4}}?(?:{SPEECH_NOUNS})\b")
_LABEL = re.compile(r"[*•·\s]*([A-Z][\w&.’'-]*(?:\s+[A-Z][\w&.’'-]*){0,4})\s*[-–—:]\s*")
_PRONOUN_REACH = 50  # events looked back over for "he said"
_FIRST_SEGMENT = re.compile(r"[\s,]*[A-Z][^,]{0,60},")
_MARKS = "\"'“”‘’„«»"


@dataclass(frozen=True)
class Cue:
    """An attribution cue and its resolved speaker (``""``: unnamed; ``None``: no cue)."""

    start: int
    end: int
    kind: str
    speaker: str | None = None
    person: bool = False


class Speakers:
    """Attributes the quotes of one source; build once per source, then ask per quote."""

    def __init__(
        self,
        text: str,
        sentences: list[Sentence],
        paragraphs: list[tuple[int, int]],
        quotes: list[QuoteSpan],
    ) -> None:
        self.text = text
        starts = {s.start for s in sentences}
        starts |= {s.start + 1 for s in sentences if text[s.start : s.start + 1] in _MARKS}
        self.names = NameIndex(text, starts)
        self.finder = NameFinder(text, self.names)
        self.sentences = [s for s in sentences if s.zone in CLAIM_ZONES]
        self._sentence_starts = [s.start for s in self.sentences]
        self.paragraphs = paragraphs
        self._paragraph_starts = [p[0] for p in paragraphs]
        self._parts = sorted(part for q in quotes for part in q.parts)
        self._part_starts = [p[0] for p in self._parts]
        self.events: list[tuple[int, str, bool]] = []
        self.cues: list[Cue] = []
        for sentence in self.sentences:
            self._read_sentence(sentence)
        self._cue_starts = [c.start for c in self.cues]

    # -- reading the source -------------------------------------------------------------
    def _read_sentence(self, sentence: Sentence) -> None:
        """Resolve the cues of one sentence; record named speakers and person subjects."""
        subject = self.finder.subject(sentence)
        if subject is not None and subject.person:
            self.events.append((sentence.start, self.names.fullest(subject).text, True))
        span = (self.text, sentence.start, sentence.end)
        found = [(m.start(), m.end(), m.lastgroup or "") for m in _CUE.finditer(*span)]
        found += [(m.start(), m.end(), "poss") for m in _POSSESSIVE.finditer(*span)]
        for start, end, kind in sorted(found):
            if self.inside_quote(start):
                continue
            name = self._resolve_cue(sentence, Cue(start, end, kind))
            if isinstance(name, Name):
                name = self.names.fullest(name)
            speaker = name.text if isinstance(name, Name) else name
            person = isinstance(name, Name) and name.person
            self.cues.append(Cue(start, end, kind, speaker, person))
            if speaker:
                self.events.append((start, speaker, person))

    def inside_quote(self, pos: int) -> bool:
        index = bisect_right(self._part_starts, pos) - 1
        return index >= 0 and self._parts[index][0] < pos < self._parts[index][1]

    def _resolve_cue(self, sentence: Sentence, cue: Cue) -> Name | str:
        finder = self.finder
        if cue.kind == "acc":
            return finder.name_after(cue.end, sentence.end) or ""
        if cue.kind == "poss":
            return (
                finder.name_ending(self.names.between(sentence.start, cue.start), cue.start) or ""
            )
        if cue.kind == "part":
            return self._participle_speaker(sentence, cue)
        agent = re.match(r"\s+by\s+", self.text[cue.end : sentence.end])
        if agent:
            by = finder.name_after(cue.end + agent.end(), sentence.end)
            if by is not None:
                return by
        toks = self.names.between(self._after_last_quote(sentence.start, cue.start), cue.start)
        while toks and (toks[-1].text.lower() in SKIPPED or toks[-1].text.endswith("ly")):
            toks.pop()
        if not any(t.text[0].isalnum() for t in toks):
            return finder.name_after(cue.end, sentence.end) or ""
        if toks[-1].text.lower() in PRONOUNS:
            return self._pronoun(toks[-1].text.lower(), cue.start)
        return finder.name_ending(toks, cue.start) or ""

    def _participle_speaker(self, sentence: Sentence, cue: Cue) -> Name | str:
        """ "Khan saying", or the speaker of the clause: "Esper said ..., warning that"."""
        toks = self.names.between(sentence.start, cue.start)
        run = trailing_run(toks)
        if run and self.finder.plausible(run, before_verb=True):
            return self.finder.make_name(run, toks) or ""
        for earlier in reversed(self.cues):
            if earlier.start < sentence.start:
                break
            if earlier.kind == "fin" and earlier.speaker:
                return Name(earlier.speaker, earlier.start, earlier.person)
        subject = self.finder.subject(sentence)
        return subject if subject is not None and subject.start < cue.start else ""

    def _after_last_quote(self, start: int, end: int) -> int:
        index = bisect_left(self._part_starts, end) - 1
        if index >= 0 and start <= self._parts[index][1] <= end:
            return self._parts[index][1]
        return start

    def _pronoun(self, word: str, position: int) -> Name | str:
        """ "he said": the last named person before it ("it said": the last organisation)."""
        wanted = PRONOUNS[word]
        for pos, speaker, person in reversed(self.events[-_PRONOUN_REACH:]):
            if pos < position and person == wanted:
                return Name(speaker, pos, person)
        return ""

    # -- attributing quotes ---------------------------------------------------------------
    def attribute(self, quote: QuoteSpan, zone: str) -> str:
        """The speaker of a quote (``""`` when nobody is named)."""
        for (_, end), closed in zip(quote.parts, quote.closed, strict=True):
            found = self.right_after(end) if closed else None
            if found is not None:
                return found
        for found in (self.label(quote.start), self.before(quote.start), self.later(quote.end)):
            if found is not None:
                return found
        found = self.after_colon(quote.start)
        if found is not None or zone == "title":
            return found or ""
        sentence = self.sentence_at(quote.start)
        if sentence is not None and sentence.start < quote.start:
            subject = self.finder.subject(sentence)
            if subject is not None and subject.start < quote.start:
                return self.names.fullest(subject).text
        return self.last_speaker(quote.start)

    def sentence_at(self, pos: int) -> Sentence | None:
        index = bisect_right(self._sentence_starts, pos) - 1
        if index >= 0 and pos < self.sentences[index].end:
            return self.sentences[index]
        return None

    def _name_text(self, name: Name | None) -> str | None:
        return self.names.fullest(name).text if name is not None else None

    def right_after(self, pos: int) -> str | None:
        """The speaker named right after a closing mark ("," Esper said; - "Fiona")."""
        sentence = self.sentence_at(max(pos - 1, 0))
        end = sentence.end if sentence else pos
        dash = re.match(r"\s*[-–—]+\s*[\"“]?", self.text[pos:end])
        if dash:
            return self._name_text(self.finder.name_after(pos + dash.end(), end))
        next_part = bisect_left(self._part_starts, pos)
        limit = min(end, self._parts[next_part][0]) if next_part < len(self._parts) else end
        index = bisect_left(self._cue_starts, pos)
        if index == len(self.cues) or self.cues[index].start >= limit:
            return None
        cue = self.cues[index]
        between = self.names.between(pos, cue.start)
        words = [t.text for t in between if t.text[0].isalnum()]
        if len(between) <= 12 and all(_nameish(t.text) for t in between):
            if words and not any(is_name_word(w) or w.lower() in SUBJECT_WORDS for w in words):
                return None  # '", and recalled': no subject of its own
            return cue.speaker
        commas = [t.text for t in between[1:]].count(",")
        if 0 < len(words) <= 4 and not commas and words[0].lower() not in NOT_SUBJECT_START:
            return cue.speaker  # '," one serviceman said'
        opening = _FIRST_SEGMENT.match(self.text, pos, cue.start)
        if opening and len(between) <= 40:  # '," Thorne Lay, professor of ..., said'
            return self._name_text(self.finder.name_after(pos, opening.end()))
        return None

    def label(self, pos: int) -> str | None:
        """A name that labels a quote at the start of its line: ``* AP - "..."``."""
        index = bisect_right(self._paragraph_starts, pos) - 1
        if index < 0:
            return None
        match = _LABEL.fullmatch(self.text, self.paragraphs[index][0], pos)
        if match is None:
            return None
        words = match.group(1).split()
        if not all(is_name_word(w) or w.lower() in TITLES for w in words):
            return None
        return self._name_text(name_from_run(words, match.start(1)))

    def before(self, pos: int) -> str | None:
        """The speaker of the last cue before ``pos`` in its sentence."""
        sentence = self.sentence_at(pos)
        if sentence is None:
            return None
        index = bisect_left(self._cue_starts, pos) - 1
        while index >= 0 and self.cues[index].start >= sentence.start:
            if self.cues[index].speaker is not None:
                return self.cues[index].speaker
            index -= 1
        return None

    def later(self, end: int) -> str | None:
        """A named speaker later in the sentence that ends the quote ("..., Esper said")."""
        sentence = self.sentence_at(max(end - 1, 0))
        if sentence is None:
            return None
        next_part = bisect_left(self._part_starts, end)
        limit = self._parts[next_part][0] if next_part < len(self._parts) else sentence.end
        index = bisect_left(self._cue_starts, end)
        while index < len(self.cues) and self.cues[index].start < min(limit, sentence.end):
            if self.cues[index].speaker:
                return self.cues[index].speaker
            index += 1
        return None

    def after_colon(self, pos: int) -> str | None:
        """The speaker of a paragraph that ends with a colon, for a quote opening the next."""
        starts = self._paragraph_starts
        index = bisect_left(starts, pos)
        if index == 0 or index == len(starts) or starts[index] != pos:
            return None
        start, end = self.paragraphs[index - 1]
        if not self.text[start:end].rstrip().endswith(":"):
            return None
        index = bisect_left(self._cue_starts, end) - 1
        while index >= 0 and self.cues[index].start >= start:
            if self.cues[index].speaker is not None:
                return self.cues[index].speaker
            index -= 1
        return ""

    def last_speaker(self, pos: int) -> str:
        index = bisect_left(self.events, (pos, "", False)) - 1
        return self.events[index][1] if index >= 0 else ""

    def remember(self, pos: int, speaker: str) -> None:
        """Record a quote's speaker, for later unattributed quotes."""
        if speaker:
            insort(self.events, (pos, speaker, False))


def _nameish(word: str) -> bool:
    lowered = word.lower()
    return (
        is_name_word(word)
        or lowered in NAMEISH
        or lowered in SUBJECT_WORDS
        or lowered in TITLES
        or word.endswith("ly")
    )
