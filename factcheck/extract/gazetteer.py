"""The entity extractor's word lists, read once from ``factcheck/data/*.txt``.

Each list is a plain text file (see ``factcheck/data/README.md``). Lookups use :func:`key`:
lowercase, straight apostrophes, single spaces. Multi-word names are also indexed by their
token keys (:attr:`Lexicon.phrases`) so a scanner can match them token by token.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

_SPACES = re.compile(r"\s+")
_PHRASE_TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|[^\W_][\w'’.-]*[\w.]|[^\W_]|&")


@lru_cache(maxsize=8192)
def key(text: str) -> str:
    """The lookup key of a name: lowercase, straight apostrophes, single spaces."""
    return _SPACES.sub(" ", text.replace("’", "'").replace("‘", "'")).strip().lower()


def word_key(text: str) -> str:
    """The key of one word, without a trailing period ("Mr." -> "mr"; "U.S." keeps its own)."""
    word = text.lower()
    if "’" in word or "‘" in word:
        word = word.replace("’", "'").replace("‘", "'")
    if word.endswith(".") and word.count(".") == 1:
        word = word[:-1]
    return word


def phrase_keys(text: str) -> tuple[str, ...]:
    """Token keys of a multi-word name, split the way sentences are tokenised."""
    return tuple(word_key(t) for t in _PHRASE_TOKEN.findall(text))


def _lines(name: str) -> list[str]:
    text = files("factcheck").joinpath("data", name).read_text(encoding="utf-8")
    return [s for line in text.splitlines() if (s := line.strip()) and not s.startswith("#")]


def _keys(name: str) -> frozenset[str]:
    return frozenset(word_key(line) for line in _lines(name))


def _marked(name: str, mark: str) -> tuple[frozenset[str], frozenset[str]]:
    """Keys of a list split by a leading mark: (unmarked, marked)."""
    lines = _lines(name)
    plain = frozenset(word_key(s) for s in lines if not s.startswith(mark))
    marked = frozenset(word_key(s[1:]) for s in lines if s.startswith(mark))
    return plain, marked


@dataclass(frozen=True)
class Lexicon:
    """Every word list the entity extractor reads, as sets of keys."""

    places: frozenset[str]
    organisations: frozenset[str]
    aliases: dict[str, str]  # variant key -> canonical name as written
    org_heads: frozenset[str]
    place_heads: frozenset[str]
    place_prefixes: frozenset[str]
    other_heads: frozenset[str]
    other_prefixes: frozenset[str]
    titles: frozenset[str]
    honorifics: frozenset[str]
    roles: frozenset[str]
    postnominals: frozenset[str]
    given_names: frozenset[str]
    demonyms: frozenset[str]
    time_words: frozenset[str]
    not_names: frozenset[str]
    common_acronyms: frozenset[str]
    phrases: dict[tuple[str, ...], str]
    phrase_starts: frozenset[str]

    def known_type(self, name_key: str) -> str | None:
        """``place`` or ``organisation`` for a listed name or alias, else ``None``."""
        if name_key in self.places:
            return "place"
        if name_key in self.organisations:
            return "organisation"
        target = self.aliases.get(name_key)
        if target is not None and key(target) != name_key:
            return self.known_type(key(target))
        return None

    def is_demonym(self, word: str) -> bool:
        """ "Iranian", "Iraqis", "Americans", "Londoners" (a known place + -ers)."""
        if word in self.demonyms or (word.endswith("s") and word[:-1] in self.demonyms):
            return True
        for suffix in ("ers", "er", "is"):
            if word.endswith(suffix) and word[: -len(suffix)] in self.places:
                return True
        return False


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The word lists, read once per process."""
    places = _keys("places.txt")
    organisations = _keys("organisations.txt")
    aliases = {}
    for line in _lines("aliases.txt"):
        variant, _, canonical = line.partition("\t")
        aliases[word_key(variant)] = canonical.strip()
    place_heads, place_prefixes = _marked("place_heads.txt", ">")
    other_heads, other_prefixes = _marked("other_heads.txt", ">")
    titles, honorifics = _marked("titles.txt", "*")
    time_words = _keys("time_words.txt")
    phrases: dict[tuple[str, ...], str] = {}
    for kind, names in (("time", time_words), ("place", places), ("organisation", organisations)):
        for name in names:
            tokens = phrase_keys(name)
            if len(tokens) > 1:
                phrases[tokens] = kind
    for variant in aliases:
        tokens = phrase_keys(variant)
        if len(tokens) > 1 and tokens not in phrases:
            phrases[tokens] = "alias"
    return Lexicon(
        places=places,
        organisations=organisations,
        aliases=aliases,
        org_heads=_keys("org_heads.txt"),
        place_heads=place_heads,
        place_prefixes=place_prefixes,
        other_heads=other_heads,
        other_prefixes=other_prefixes,
        titles=titles | honorifics,
        honorifics=honorifics,
        roles=_keys("roles.txt"),
        postnominals=_keys("postnominals.txt"),
        given_names=_keys("given_names.txt"),
        demonyms=_keys("demonyms.txt"),
        time_words=time_words,
        not_names=_keys("not_names.txt"),
        common_acronyms=frozenset(_lines("common_acronyms.txt")),
        phrases=phrases,
        phrase_starts=frozenset(tokens[0] for tokens in phrases),
    )
