"""Cluster-level canonical names: one name per entity across the sources of a cluster.

Entity mentions are grouped by their normalised name form (case, periods, hyphens and
apostrophes aside; aliases such as ``U.S.`` -> ``United States`` applied), then joined:
- an acronym with the expansion the text pairs it with ("Islamic Revolutionary Guard Corps
  (IRGC)"), or with the one organisation of the cluster whose initials it spells;
- a name "also known as" another, as the extractor noted;
- spelling variants (rapidfuzz), only with the same type and number of words, a high
  ratio, and every differing word itself close and starting with the same letter, so
  ``Kataeb Hezbollah`` ~ ``Kataib Hezbollah`` but not ``Iraq`` ~ ``Iran`` nor ``Hezbollah``
  ~ ``Kataib Hezbollah``; two names the word lists know apart are never joined;
- a person's surname alone (``Esper``, also from "Mr. Esper") or the end of a name
  (``Sidique Khan``) with the one full name it fits, in the same source first, then in the
  cluster; a first name alone only within its source (``Shahzad``);
- a bare name after a known place (``Underground`` and ``London Underground``).
Each group's canonical name is its most frequent full form (people: first and last name,
no middle initial); each group gets its most frequent type. Quote speakers are resolved with
the same groups. Deterministic: the same claims give the same names.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import replace

from rapidfuzz import fuzz

from factcheck.claims import Claim
from factcheck.extract.gazetteer import Lexicon, key, lexicon

_STRIP = re.compile(r"[.’'`]")
_INITIAL = re.compile(r"[A-Za-z]\.?")
_TYPE_ORDER = ("organisation", "place", "person", "other")  # ties: a listed kind first
_WORD_RATIO = 80.0
_NAME_RATIO = 85.0


def canonicalize(claims: Sequence[Claim]) -> list[Claim]:
    """The claims with one ``canonical`` (and ``entity_type``) per entity of each cluster,
    and quote speakers mapped to those names; other claims unchanged, order kept."""
    by_cluster: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        if claim.kind == "entity":
            by_cluster[claim.cluster_id].append(claim)
    resolvers = {cid: _Resolver(found, lexicon()) for cid, found in by_cluster.items()}
    result = []
    for claim in claims:
        resolver = resolvers.get(claim.cluster_id)
        if resolver is not None and claim.kind == "entity":
            group = resolver.group_of[id(claim)]
            name, kind = resolver.names[group], resolver.types[group]
            if (name, kind) != (claim.canonical, claim.entity_type):
                claim = replace(claim, canonical=name, entity_type=kind)
        elif resolver is not None and claim.kind == "quote" and claim.speaker:
            claim = replace(claim, speaker=resolver.speaker(claim.source_id, claim.speaker))
        result.append(claim)
    return result


def name_form(text: str) -> str:
    """The comparison form of a name: "Mark T. Esper" -> "mark esper", "U.S." -> "us"."""
    words = _STRIP.sub("", key(text).replace("-", " ")).split()
    if words and words[0] == "the" and len(words) > 1:
        words = words[1:]
    if len(words) > 2:
        words = [words[0]] + [w for w in words[1:-1] if len(w) > 1] + [words[-1]]
    return " ".join(words)


def _person_surface(text: str) -> str:
    """A person's name as written, without middle initials ("Mark A. Milley" -> "Mark Milley")."""
    words = text.split()
    if len(words) > 2:
        words = [words[0]] + [w for w in words[1:-1] if not _INITIAL.fullmatch(w)] + [words[-1]]
    return " ".join(words)


class _Union:
    """Union-find over name forms; the smallest form is each set's root (deterministic)."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, item: str) -> str:
        parent = self.parent.setdefault(item, item)
        if parent != item:
            parent = self.parent[item] = self.find(parent)
        return parent

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


class _Resolver:
    """The entity groups of one cluster and their canonical names and types."""

    def __init__(self, claims: list[Claim], lex: Lexicon) -> None:
        self.lex = lex
        self.sets = _Union()
        self.form: dict[int, str] = {}
        form_types: dict[str, Counter[str]] = defaultdict(Counter)
        for claim in claims:
            form = self._form(claim.text)
            self.form[id(claim)] = form
            self.sets.find(form)
            form_types[form][claim.entity_type or "other"] += 1
        self.form_type = {f: _top(c) for f, c in form_types.items()}
        self.people: dict[str, set[str]] = defaultdict(set)  # source ("" for all) -> full names
        for claim in claims:
            form = self.form[id(claim)]
            if claim.entity_type == "person" and " " in form:
                self.people[claim.source_id].add(form)
                self.people[""].add(form)
        self._join_pairs(claims)
        self._join_acronyms()
        self._join_variants()
        self._join_partial_names()
        self.group_of = {id(c): self._group(c) for c in claims}
        self.names, self.types = self._describe(claims)

    def _form(self, text: str) -> str:
        target = self.lex.aliases.get(key(text))
        return name_form(target if target is not None else text)

    def _join_pairs(self, claims: list[Claim]) -> None:
        """Acronyms and aliases the extractor paired in the text ("also known as")."""
        for claim in claims:
            if not claim.canonical:
                continue
            form, paired = self.form[id(claim)], self._form(claim.canonical)
            if paired != form and not set(form.split()) <= set(paired.split()):
                self.sets.find(paired)
                self.form_type.setdefault(paired, self.form_type[form])
                self.sets.union(form, paired)

    def _join_acronyms(self) -> None:
        """An acronym with the one multi-word organisation whose initials it spells."""
        initials: dict[str, set[str]] = defaultdict(set)
        for form, kind in self.form_type.items():
            words = [w for w in form.split() if w not in ("of", "the", "and", "for")]
            if kind == "organisation" and len(words) > 1:
                initials["".join(w[0] for w in words)].add(self.sets.find(form))
        for form, kind in list(self.form_type.items()):
            roots = initials.get(form, set())
            if " " not in form and kind == "organisation" and len(roots) == 1:
                self.sets.union(form, roots.pop())

    def _join_variants(self) -> None:
        """Spelling variants of one name, with the guards described in the module docstring."""
        buckets: dict[tuple[str, int, str], list[str]] = defaultdict(list)
        for form in sorted(self.form_type):
            words = form.split()
            if len(words) > 1 or self.form_type[form] != "person":
                buckets[(self.form_type[form], len(words), form[:1])].append(form)
        for forms in buckets.values():
            for n, a in enumerate(forms):
                for b in forms[n + 1 :]:
                    if self._variants(a, b):
                        self.sets.union(a, b)

    def _variants(self, a: str, b: str) -> bool:
        if self.lex.known_type(a) and self.lex.known_type(b):
            return False  # two listed names: "Austria" and "Australia"
        diffs = [(x, y) for x, y in zip(a.split(), b.split(), strict=True) if x != y]
        if len(diffs) > max(1, (len(a.split()) + 1) // 2):
            return False
        for x, y in diffs:
            if x[0] != y[0] or min(len(x), len(y)) < 4 or _extends(x, y):
                return False  # "Iraq"/"Iran" fail the ratio; "Niger"/"Nigeria" are two places
            if fuzz.ratio(x, y) < _WORD_RATIO:
                return False
        return fuzz.ratio(a, b) >= _NAME_RATIO

    def _join_partial_names(self) -> None:
        """ "Sidique Khan" with "Mohammed Sidique Khan"; "London Underground" or "British
        Royal Navy" with "Underground" or "Royal Navy" (a place or demonym before a name)."""
        people = self.people.get("", set())
        for form in sorted(self.form_type):
            words = form.split()
            if len(words) < 2:
                continue
            if self.form_type[form] == "person":
                fits = {self.sets.find(p) for p in people if p.endswith(" " + form)}
                if len(fits) == 1:
                    self.sets.union(form, fits.pop())
            elif self._qualified(words):
                self.sets.union(form, " ".join(words[1:]))

    def _qualified(self, words: list[str]) -> bool:
        """Is the name a known place or demonym before another name of the cluster?"""
        rest = " ".join(words[1:])
        kind = self.form_type.get(rest)
        if kind is None or kind == "person" or self.lex.known_type(" ".join(words)):
            return False
        if self.lex.known_type(rest) == "place":
            return False  # "Iran-Iraq" is not "Iraq"
        first = words[0]
        return bool(self.lex.known_type(first) == "place" or self.lex.is_demonym(first))

    def _group(self, claim: Claim) -> str:
        form = self.form[id(claim)]
        if claim.entity_type in ("person", "other") and " " not in form:
            return self._person_word(claim.source_id, form) or self.sets.find(form)
        return self.sets.find(form)

    def _person_word(self, source_id: str, word: str) -> str | None:
        """The group of the one full name a lone surname (or, in its source, first name) fits."""
        in_source, everywhere = self.people.get(source_id, set()), self.people.get("", set())
        for forms, position in ((in_source, -1), (in_source, 0), (everywhere, -1)):
            fits = {self.sets.find(f) for f in forms if f.split()[position] == word}
            if fits:
                return fits.pop() if len(fits) == 1 else None
        return None

    def _describe(self, claims: list[Claim]) -> tuple[dict[str, str], dict[str, str]]:
        """Each group's canonical name (most frequent full form) and type (most frequent)."""
        surfaces: dict[str, Counter[str]] = defaultdict(Counter)
        types: dict[str, Counter[str]] = defaultdict(Counter)
        for claim in claims:
            group = self.group_of[id(claim)]
            types[group][claim.entity_type or "other"] += 1
            surfaces[group][self._surface(claim)] += 1
        names = {g: _best_name(c) for g, c in surfaces.items()}
        return names, {g: _top(c) for g, c in types.items()}

    def _surface(self, claim: Claim) -> str:
        target = self.lex.aliases.get(key(claim.text))
        if target is not None:
            return target
        paired = claim.canonical and self._form(claim.canonical) != self.form[id(claim)]
        if paired and claim.canonical and claim.text.isupper() and " " not in claim.text:
            return claim.canonical  # an acronym: its expansion names the group
        text = _person_surface(claim.text) if claim.entity_type == "person" else claim.text
        return text.title() if text.isupper() and len(text) > 4 else text

    def speaker(self, source_id: str, speaker: str) -> str:
        """The canonical name of a quote's speaker as written ("Mr. Esper"), else unchanged."""
        words = speaker.split()
        titles = [n for n, w in enumerate(words) if word_is_title(w, self.lex)]
        if titles and titles[-1] + 1 < len(words):
            words = words[titles[-1] + 1 :]  # "Defense Secretary Mark Esper" -> "Mark Esper"
        if not words:
            return speaker
        form = self._form(" ".join(words))
        group = self._person_word(source_id, form) if " " not in form else None
        if group is None and form in self.sets.parent:
            group = self.sets.find(form)
        if group is None:
            fits = {self.sets.find(p) for p in self.people.get("", ()) if p.endswith(" " + form)}
            group = fits.pop() if len(fits) == 1 else None
        return self.names.get(group, speaker) if group else speaker


def word_is_title(word: str, lex: Lexicon) -> bool:
    """A title or role word that may stand before a speaker's name ("Mr.", "Gen.")."""
    return key(word).rstrip(".") in lex.titles or word in lex.roles


def _extends(x: str, y: str) -> bool:
    """One word is the other with more letters, other than a plural "s"."""
    short, long = sorted((x, y), key=len)
    return long.startswith(short) and long != short + "s"


def _top(counts: Counter[str]) -> str:
    return min(counts, key=lambda k: (-counts[k], _TYPE_ORDER.index(k) if k in _TYPE_ORDER else 9))


def _best_name(counts: Counter[str]) -> str:
    """The most frequent full form: names of several words before single words."""
    full = {n: c for n, c in counts.items() if " " in n} or dict(counts)
    return min(full, key=lambda n: (-full[n], -len(n), n))
