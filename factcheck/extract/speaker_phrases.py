"""Finding the name in the phrase around a speech cue, and the named subject of a sentence.

Before a finite verb the speaker is the name that ends the clause ("Mr. Esper said"),
skipping appositives and relative clauses ("Tony Blair, who attended ..., said"); after an
inverted verb it is the first name that is not a modifier ("said judge Astill", but not
"said an Iranian foreign Ministry official"). A role with a definite article resolves
through the source ("according to the Minister for London" -> "Minister for London, Tessa
Jowell"), and so does a government or police force ("the government" -> "British
government").
"""

from __future__ import annotations

import re

from factcheck.extract.speaker_lexicon import (
    AFTER_NAME,
    COMMON_STARTS,
    DETERMINERS,
    INTRO,
    LOWER_ORGS,
    PREPOSITIONS,
    ROLE_LOWER,
    TITLES,
)
from factcheck.extract.speaker_names import (
    Name,
    NameIndex,
    Token,
    is_name_word,
    name_from_run,
    trailing_run,
)
from factcheck.text import Sentence

_MARKS = "\"'“”‘’„«»"


class NameFinder:
    """Names in the phrases of one source."""

    def __init__(self, text: str, names: NameIndex) -> None:
        self.text = text
        self.names = names
        self._subjects: dict[int, Name | None] = {}
        self._holders: dict[str, Name | None] = {}

    def plausible(self, run: list[Token], before_verb: bool = False) -> bool:
        """Whether a run is a name; a lone sentence-initial word right before a speech verb
        is one unless it looks like a plural or an indefinite ("Officials", "Everyone")."""
        if len(run) > 1 or self.names.plausible(run[0]):
            return True
        word = run[0].text
        return before_verb and not word.endswith("s") and word.lower() not in COMMON_STARTS

    def make_name(self, run: list[Token], toks: list[Token]) -> Name | None:
        """The name of ``run`` (a tail of ``toks``), flagged as a person after a role word."""
        index = next((i for i, t in enumerate(toks) if t is run[0]), 0)
        titled = index > 0 and toks[index - 1].text.lower() in ROLE_LOWER | TITLES
        return name_from_run([t.text for t in run], run[0].start, titled)

    # -- before a verb ----------------------------------------------------------------------
    def name_ending(self, toks: list[Token], position: int) -> Name | None:
        """The name that ends ``toks``, walking back over appositives ("X, who ..., said")."""
        if toks and toks[-1].text == "who":
            toks = toks[:-1]
        segments: list[list[Token]] = [[]]
        for tok in toks:
            if tok.text == ",":
                segments.append([])
            else:
                segments[-1].append(tok)
        if segments[-1]:
            found = self._segment_name(segments[-1], position)
            if found is not None or not _appositive(segments[-1]) or len(segments) < 2:
                return found
        for segment in reversed(segments[-4:-1]):
            if segment and not _appositive(segment):
                return self._segment_name(segment, position)
        return None

    def _segment_name(self, toks: list[Token], position: int) -> Name | None:
        """The name ending one comma-free stretch, unless it is a preposition's object."""
        if len(toks) > 1 and toks[-2].text.lower() == "the" and toks[-1].text in LOWER_ORGS:
            described = self.names.described(toks[-1].text, position)
            return Name(described, toks[-1].start, False, org=True) if described else None
        run = trailing_run(toks)
        if not run or not self.plausible(run, before_verb=True):
            return None
        name = self.make_name(run, toks)
        rest = toks[: len(toks) - len(run)]
        while rest and (rest[-1].text == "the" or rest[-1].possessive):
            rest = rest[:-1]  # "in Canada's Prairies", "of the London Bombings"
        after_preposition = bool(rest) and rest[-1].text in PREPOSITIONS
        if name is not None and after_preposition and len(run) == len(name.text.split()):
            return None
        return name

    # -- after a verb ---------------------------------------------------------------------
    def name_after(self, start: int, end: int, roles: bool = True) -> Name | None:
        """The name that opens ``text[start:end]``, past possessives, roles and modifiers;
        with ``roles``, a role phrase resolves to its holder ("the Minister for London")."""
        toks = self.names.between(start, min(end, start + 160))[:16]
        titled = False
        i = 0
        while i < len(toks):
            tok = toks[i]
            lowered = tok.text.lower()
            if tok.text in DETERMINERS or tok.text == ",":
                i += 1
            elif lowered in TITLES and i + 1 < len(toks) and toks[i + 1].text in ("for", "of"):
                return self._role_holder(toks[i:]) if roles else None
            elif lowered in ROLE_LOWER or (lowered in TITLES and not is_name_word(tok.text)):
                titled, i = True, i + 1
            elif is_name_word(tok.text):
                run = [tok]
                while not run[-1].last and i + len(run) < len(toks):
                    following = toks[i + len(run)]
                    if not is_name_word(following.text):
                        break
                    run.append(following)
                i += len(run)
                following_word = toks[i].text if i < len(toks) else ""
                modifier = following_word[:1].islower() and following_word not in AFTER_NAME
                if run[-1].possessive or modifier:
                    continue  # "Iran's ...", "an Iranian foreign Ministry official"
                return name_from_run([t.text for t in run], run[0].start, titled)
            else:
                return None
        return None

    def _role_holder(self, toks: list[Token]) -> Name | None:
        """Who holds a role named in the source: "Minister for London, Tessa Jowell"."""
        phrase: list[str] = []
        for tok in toks:
            if not (is_name_word(tok.text) or tok.text in ("for", "of", "the")):
                break
            phrase.append(tok.text)
        key = " ".join(phrase)
        if key not in self._holders:
            self._holders[key] = None
            for match in re.finditer(re.escape(key) + r",?\s+", self.text):
                name = self.name_after(match.end(), match.end() + 80, roles=False)
                if name is not None and name.person:
                    self._holders[key] = name
                    break
        return self._holders[key]

    # -- sentence subjects ----------------------------------------------------------------
    def subject(self, sentence: Sentence) -> Name | None:
        """The named subject of a sentence ("Iraq considers", "Mr. Esper, ..., said")."""
        if sentence.start not in self._subjects:
            self._subjects[sentence.start] = self._find_subject(sentence)
        return self._subjects[sentence.start]

    def _find_subject(self, sentence: Sentence) -> Name | None:
        toks = self.names.between(sentence.start, sentence.end)
        i = self._clause_start(toks)
        if i is None or i >= len(toks):
            return None
        if toks[i].text in ("The", "the") and i + 1 < len(toks):
            if toks[i + 1].text in LOWER_ORGS:
                described = self.names.described(toks[i + 1].text, sentence.start)
                return Name(described, toks[i].start, False, org=True) if described else None
            i += 1
        j = i
        while (
            j < len(toks)
            and not toks[j].last
            and (is_name_word(toks[j].text) or toks[j].text in ROLE_LOWER | {"of", "the", "for"})
        ):
            j += 1
        if j < len(toks) and toks[j].possessive:
            return None  # a possessive: "Kataeb Hezbollah’s leader"
        following = toks[j].text if j < len(toks) else ""
        if not (following in (",", "(") or following[:1].islower()):
            return None
        run = trailing_run(toks[i:j])
        if not run or not self.plausible(run) or run[-1] is not toks[j - 1]:
            return None
        return self.make_name(run, toks)

    def _clause_start(self, toks: list[Token]) -> int | None:
        """Index of the first word of the main clause, past a dateline or an intro phrase."""
        i = 0
        dashes = [k for k, t in enumerate(toks[:10]) if t.text in ("–", "—")]
        if dashes and all(not t.text[:1].islower() for t in toks[: dashes[-1]]):
            i = dashes[-1] + 1  # a dateline: "WASHINGTON (Reuters) –"
        if i < len(toks) and toks[i].text in _MARKS:
            return None
        if i < len(toks) and toks[i].text in ("But", "And", "So", "Yet"):
            i += 1
        first = toks[i].text if i < len(toks) else ""
        if first.lower() in INTRO or (
            first.endswith(("ing", "ed")) and first not in self.names.mid_caps
        ):
            commas = [k for k in range(i, len(toks)) if toks[k].text == ","]
            return commas[0] + 1 if commas else None
        return i


def _appositive(segment: list[Token]) -> bool:
    """A comma-delimited stretch that describes a name rather than naming a subject."""
    first = segment[0]
    return first.text[:1].islower() or first.possessive
