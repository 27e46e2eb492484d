"""Entity mentions, sentence by sentence: spans, types, roles and what is not a mention."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.corpus import Source
from factcheck.extract.entities import entity_claims
from factcheck.text import Sentence, sentences

PER, ORG, LOC, OTH = "person", "organisation", "place", "other"

#: (sentence, [(mention as written, type, role or None), ...]) in reading order.
CASES: list[tuple[str, list[tuple[str, str, str | None]]]] = [
    # titles and honorifics stay out of the span and go into the role
    (
        "The U.S. is prepared to act, Defense Secretary Mark Esper said Thursday.",
        [("U.S.", LOC, None), ("Mark Esper", PER, "Defense Secretary")],
    ),
    (
        "U.S. Secretary of State Mike Pompeo accused the group.",
        [("Mike Pompeo", PER, "U.S. Secretary of State")],
    ),
    (
        "Chairman of the Joint Chiefs of Staff Mark Milley told reporters Monday.",
        [("Mark Milley", PER, "Chairman of the Joint Chiefs of Staff")],
    ),
    (
        "In a speech, Iranian Supreme Leader Ayatollah Ali Khamenei denounced the attacks.",
        [("Ali Khamenei", PER, "Iranian Supreme Leader Ayatollah")],
    ),
    (
        "Earlier on Thursday, Revolutionary Guards Commander Brigadier General Hossein Salami "
        "said they were not afraid.",
        [("Hossein Salami", PER, "Revolutionary Guards Commander Brigadier General")],
    ),
    ("“The game has changed,” Mr. Esper said.", [("Esper", PER, "Mr.")]),
    ("President Trump said on Tuesday that he did not want war.", [("Trump", PER, "President")]),
    (
        "Defense Secretary Mark T. Esper said the Iraqi government was not doing enough.",
        [("Mark T. Esper", PER, "Defense Secretary")],
    ),
    # lowercase roles before the name absorb the capitalised words before them
    (
        "Iranian Foreign Ministry spokesman Abbas Mousavi criticized American officials.",
        [("Abbas Mousavi", PER, "Iranian Foreign Ministry spokesman")],
    ),
    ("The wreath was laid by mayor Ken Livingstone.", [("Ken Livingstone", PER, "mayor")]),
    # appositive roles after the name
    (
        "Standing next to him, General Mark A. Milley, the chairman of the Joint Chiefs of "
        "Staff, emphasized the message.",
        [("Mark A. Milley", PER, "General, chairman of the Joint Chiefs of Staff")],
    ),
    (
        "It was Qasem Soleimani, commander of Iran’s Quds Force, an elite wing of the "
        "Islamic Revolutionary Guard Corps (IRGC).",
        [
            ("Qasem Soleimani", PER, "commander of Iran’s Quds Force"),
            ("Iran", LOC, None),
            ("Quds Force", ORG, None),
            ("Islamic Revolutionary Guard Corps", ORG, None),
            ("IRGC", ORG, None),
        ],
    ),
    (
        "“He's been in custody,” said Lawrence Greenspon, Khawaja's lawyer.",
        [("Lawrence Greenspon", PER, "lawyer"), ("Khawaja", PER, None)],
    ),
    (
        "The judge, Sir Michael Astill, criticised the men.",
        [("Michael Astill", PER, "judge Sir")],
    ),
    ("Neil Flewitt QC claimed it was the case.", [("Neil Flewitt", PER, "QC")]),
    (
        "The UN Under-Secretary-General for Humanitarian Affairs Jan Egeland said so.",
        [("Jan Egeland", PER, "UN Under-Secretary-General for Humanitarian Affairs")],
    ),
    # a role with no name names nobody; a place before it is still a mention
    ("The Duchess of Cornwall left a floral tribute.", []),
    (
        "Each column was unveiled, according to the Minister for London.",
        [],
    ),
    (
        "US defense secretary’s claim follows an attack on the US embassy in Baghdad.",
        [("US", LOC, None), ("US", LOC, None), ("Baghdad", LOC, None)],
    ),
    # possessives stay outside the span; a possessive inside a name stays in
    (
        "Later, Pompeo accused Kataeb Hezbollah’s leader of orchestrating the assault.",
        [("Pompeo", OTH, None), ("Kataeb Hezbollah", ORG, None)],
    ),
    ("They met at King's Cross station.", [("King's Cross", LOC, None)]),
    ("The bells of St Paul's Cathedral tolled.", [("St Paul's Cathedral", LOC, None)]),
    # demonyms, compounds of demonyms, weekdays, months and holidays are not mentions
    (
        "Iranian-backed demonstrators left on Wednesday, and Iraqi and American troops stayed.",
        [],
    ),
    (
        "He condemned Trump’s New Year’s Eve threat and the Shi’ite militia in November.",
        [("Trump", OTH, None)],
    ),
    # a known place inside a hyphenated compound is a mention of the place
    (
        "Those troops were sent after an Iran-sponsored militia struck the Tehran-backed group.",
        [("Iran", LOC, None), ("Tehran", LOC, None)],
    ),
    # sentence-initial capitals: common words dropped, known names kept
    ("Militiamen and their supporters attacked the embassy compound.", []),
    ("Pompeo accused the group; Milley agreed.", []),  # nothing says these are names
    (
        "Recent U.S. airstrikes targeting Kataeb Hezbollah led to a standoff.",
        [
            ("U.S.", LOC, None),
            ("Kataeb Hezbollah", ORG, None),
        ],
    ),
    ("Photos of the embassy compound showed graffiti.", []),
    # common capitalised nouns are not names: Marines, Embassy
    (
        "About 100 Marines were sent to the U.S. Embassy in Baghdad.",
        [("U.S.", LOC, None), ("Baghdad", LOC, None)],
    ),
    # organisations by head word, ordinals joined, acronyms
    (
        "The Pentagon ordered paratroopers from the 82nd Airborne Division stationed at "
        "Fort Bragg, N.C., to Kuwait.",
        [
            ("Pentagon", ORG, None),
            ("82nd Airborne Division", ORG, None),
            ("Fort Bragg", LOC, None),
            ("N.C.", LOC, None),
            ("Kuwait", LOC, None),
        ],
    ),
    (
        "The State Department warned citizens, according to two Defense Department officials.",
        [("State Department", ORG, None), ("Defense Department", ORG, None)],
    ),
    (
        "VOA – PENTAGON – The Pentagon continues to see indications.",
        [
            ("VOA", ORG, None),
            ("PENTAGON", ORG, None),
            ("Pentagon", ORG, None),
        ],
    ),
    # laws and events are "other"; a law's year joins it
    (
        "Warrants were issued under the Terrorism Act 2000 after the Second World War ended.",
        [("Terrorism Act 2000", OTH, None), ("Second World War", OTH, None)],
    ),
    # places by context: "in", lists, "X, Y"
    (
        "Houses were searched in the Burley, Beeston and Holbeck areas.",
        [("Burley", LOC, None), ("Beeston", LOC, None), ("Holbeck", LOC, None)],
    ),
    (
        "He lives in Barkingside, east London, with his family.",
        [("Barkingside", LOC, None), ("London", LOC, None)],
    ),
    # people by shape and context: a given name, an age, said/told
    (
        "The five convicted are Omar Khyam, 25, and Anthony Garcia, 24, of Barkingside.",
        [("Omar Khyam", PER, None), ("Anthony Garcia", PER, None), ("Barkingside", OTH, None)],
    ),
    (
        "“It is a threat,” Greenspon told CTV News.",
        [("Greenspon", PER, None), ("CTV News", ORG, None)],
    ),
    # an identifier is not a name
    ("The sailors came from the Type 22 frigate.", []),
    # an acronym that names nothing
    ("The suspects were caught on CCTV at 08:30 BST.", []),
]


def _mentions(text: str, zone: str = "body") -> list[tuple[str, str, str | None]]:
    source = Source("s", "c", text, "s.txt")
    claims = entity_claims(source, [Sentence(0, len(text), text, zone)])
    return [(c.text, c.entity_type or "", c.role) for c in claims]


@pytest.mark.parametrize(("sentence", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_sentence_mentions(sentence: str, expected: list[tuple[str, str, str | None]]) -> None:
    assert _mentions(sentence) == expected


def test_spans_are_the_source_text() -> None:
    text = "Title line\n\nDefense Secretary Mark Esper said Iran’s proxies were to blame."
    source = Source("s", "c", text, "s.txt")
    claims = list(entity_claims(source, sentences(text)))
    assert [c.text for c in claims] == ["Mark Esper", "Iran"]
    assert all(text[c.start : c.end] == c.text for c in claims)
    assert all(c.kind == "entity" and c.sentence in text for c in claims)


def test_only_body_and_title_lines() -> None:
    assert _mentions("U.S. Defense Secretary Mark Esper speaks in Palm Beach.", "caption") == []
    assert _mentions("Reporting by Idrees Ali", "credit") == []


def test_title_case_headline_keeps_only_known_names() -> None:
    text = (
        "Esper: US Prepared to Take ‘Preemptive’ Action to Prevent Attacks on US Forces\n\n"
        "Defense Secretary Mark Esper said so."
    )
    source = Source("s", "c", text, "s.txt")
    found = [(c.text, c.zone) for c in entity_claims(source, sentences(text))]
    assert found == [("Esper", "title"), ("US", "title"), ("US", "title"), ("Mark Esper", "body")]


def test_canonical_first_guess_is_the_fullest_form_in_the_source() -> None:
    text = "x\n\nDefense Secretary Mark T. Esper spoke. Later Esper left for the U.S. base."
    source = Source("s", "c", text, "s.txt")
    names = {c.text: c.canonical for c in entity_claims(source, sentences(text))}
    assert names == {"Mark T. Esper": "Mark Esper", "Esper": "Mark Esper", "U.S.": "United States"}


def test_acronym_in_parentheses_takes_its_expansion() -> None:
    text = "x\n\nIt is a wing of the Islamic Revolutionary Guard Corps (IRGC) abroad."
    source = Source("s", "c", text, "s.txt")
    names = {c.text: c.canonical for c in entity_claims(source, sentences(text))}
    assert names["IRGC"] == "Islamic Revolutionary Guard Corps"


def test_also_known_as_pairs_two_names() -> None:
    text = "x\n\nThe suspect, Hussain Osman, also known as Hamdi Issac, has arrived in London."
    source = Source("s", "c", text, "s.txt")
    names = {c.text: c.canonical for c in entity_claims(source, sentences(text))}
    assert names["Hamdi Issac"] == "Hussain Osman"


_WORDS = (
    "Mr. Esper said , of the for Secretary State General Mark A. U.S. U.K.'s Iran’s Kataeb "
    "Hezbollah’s ( IRGC ) Islamic Revolutionary Guard Corps also known as spokesman Foreign "
    "Ministry “ ” \" ' ; : King's Cross St Paul's judge Sir QC 82nd Division Act 2000 Type 22 "
    "al-Shaabi bin Laden Iran-backed Prime Minister Duchess Cornwall chairman lawyer Khawaja's "
    "in at Chiefs Staff The A I . — Ayatollah Ali ’s 's - Station London Underground Fort 25"
).split()


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=30), st.booleans())
def test_any_word_salad_gives_well_formed_claims(words: list[str], headline: bool) -> None:
    line = " ".join(words)
    text = f"{line}\n\n{line}" if headline else f"x\n\n{line}"
    claims = list(entity_claims(Source("s", "c", text, "s.txt"), sentences(text)))
    for claim in claims:
        assert claim.text and text[claim.start : claim.end] == claim.text
        assert claim.entity_type in (PER, ORG, LOC, OTH)
        assert claim.canonical
