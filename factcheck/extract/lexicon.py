"""A small English lexicon for reading the words around a number: verbs and function words.

No tagger is downloaded: verbs common in news are listed with their irregular forms, and
the regular forms (-s, -ed, -ing) are generated. Words ending in -ed or -ing that are not
listed are still taken for verbs, with a best-effort lemma.
"""

from __future__ import annotations

from functools import lru_cache

_REGULAR_VERBS = """
accept accuse add airlift alert allocate announce arrest arrive ask assemble attack attempt
bar base block bomb borrow budget burn bury call camp capture carry cause charge claim clash
collect commit confirm contribute count cover crash damage declare deliver demand deny deploy
design destroy detain detonate die disappear dispatch displace donate double drown earmark earn
employ enlist equip estimate evacuate exceed expect explode export face fire force free fund
gather gain guard help hire hospitalize host house hurl identify import include increase
infect injure invade invest join jump kidnap kill land launch list live load lose march
mobilize move murder need number observe occupy offer open order organize pass perish plan
pledge post prepare promise protest provide pull push raise rally reach receive recover
recruit redeploy register reinforce release remain remove report request require rescue
reserve return riot rise rocket sack save schedule seize sentence serve shell ship sign
station stay supply support surge survive target test threaten total train transfer transport
travel treat triple use vaccinate visit vote want warn withdraw work wound
""".split()
_IRREGULAR_VERBS = """
send:sent arise:arose,arisen beat:beaten become:became begin:began,begun bring:brought
build:built buy:bought catch:caught choose:chose,chosen come:came cost cut deal:dealt
draw:drew,drawn drive:drove,driven fall:fell,fallen feed:fed fight:fought find:found
flee:fled fly:flew,flown forecast give:gave,given go:went,gone grow:grew,grown hang:hung
hit hold:held hurt keep:kept know:knew,known lay:laid lead:led leave:left lend:lent let
lie:lay,lain light:lit lose:lost make:made mean:meant meet:met overrun:overran pay:paid put
quit rise:rose,risen run:ran say:said see:saw,seen seek:sought sell:sold set shoot:shot
shut sink:sank,sunk speak:spoke,spoken spend:spent spread stand:stood steal:stole,stolen
strike:struck swear:swore,sworn take:took,taken teach:taught tear:tore,torn tell:told
think:thought throw:threw,thrown understand:understood wear:wore,worn win:won
withdraw:withdrew,withdrawn write:wrote,written
""".split()

#: Auxiliaries and copulas: never a predicate themselves.
AUXILIARIES = frozenset(
    """be is are was were been being am have has had having do does did done will would
    shall should can could may might must aren't isn't wasn't weren't haven't hasn't hadn't
    don't doesn't didn't won't wouldn't can't couldn't shouldn't 're 's 've 'd""".replace(
        "'", "’"
    ).split()
    + """aren't isn't wasn't weren't haven't hasn't hadn't don't doesn't didn't won't
    wouldn't can't couldn't shouldn't""".split()
)
#: Words that end a noun phrase: prepositions, conjunctions, determiners, pronouns, adverbs.
PHRASE_BREAKERS = frozenset(
    """of to in into on onto at from by for with without about against among between
    during after before since until through across over under near around toward towards
    per via than as and or but nor so yet that which who whom whose what when where while
    if because although though whether the a an this these those his her its their our my
    your he she it they we i you them us him me there here then also not only just even
    all both each every any some no more most less least such other another own same
    including included like unlike despite amid amidst within beyond upon now ago later
    earlier still already away apart apiece alone together respectively times""".split()
)
#: Prepositions: a number right after one stands in a prepositional phrase.
PREPOSITIONS = frozenset(
    """of to in into on onto at from by for with without about against among between
    during after before since until through across over under near around toward towards
    per via within beyond upon amid amidst despite like unlike""".split()
)
_E_STEMS = ("at", "iz", "ys", "uc", "ag", "rv", "ov", "iv", "ak", "ur", "ud", "ut", "ar", "bl")


def _regular_forms(lemma: str) -> list[str]:
    if lemma.endswith("e"):
        return [lemma + "s", lemma + "d", lemma[:-1] + "ing"]
    if lemma.endswith("y") and lemma[-2] not in "aeiou":
        return [lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"]
    if lemma.endswith(("s", "sh", "ch", "x", "z")):
        return [lemma + "es", lemma + "ed", lemma + "ing"]
    doubled = lemma + lemma[-1] if _doubles(lemma) else lemma
    return [lemma + "s", doubled + "ed", doubled + "ing"]


def _doubles(lemma: str) -> bool:
    vowels = "aeiou"
    return (
        len(lemma) <= 4
        and lemma[-1] not in vowels + "wxy"
        and lemma[-2] in vowels
        and lemma[-3] not in vowels
    )


def _build_forms() -> dict[str, str]:
    forms: dict[str, str] = {}
    for lemma in _REGULAR_VERBS:
        for form in [lemma, *_regular_forms(lemma)]:
            forms[form] = lemma
    for entry in _IRREGULAR_VERBS:
        lemma, _, irregular = entry.partition(":")
        for form in [lemma, *_regular_forms(lemma), *filter(None, irregular.split(","))]:
            forms.setdefault(form, lemma)
    forms.update({"killed": "kill", "rocketed": "rocket", "shelled": "shell"})
    return forms


VERB_FORMS = _build_forms()
#: Past forms that can stand before a noun in a subject ("troops sent to Kuwait").
PAST_FORMS = frozenset(
    form for form in VERB_FORMS if form.endswith("ed") or form != VERB_FORMS[form]
) - frozenset(f for f in VERB_FORMS if f.endswith(("ing", "s")) and not f.endswith("ed"))


@lru_cache(maxsize=8192)
def verb_lemma(word: str) -> str | None:
    """The lemma of a verb form ("dispatched" -> "dispatch"), or None if not a verb."""
    lower = word.lower()
    if lower in VERB_FORMS:
        return VERB_FORMS[lower]
    if len(lower) > 5 and lower.endswith("ed") and lower.isalpha():
        stem = lower[:-3] if lower.endswith("ied") else lower[:-2]
        if lower.endswith("ied"):
            return stem + "y"
        if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "ls":
            return stem[:-1]
        return stem + "e" if stem.endswith(_E_STEMS) else stem
    return None
