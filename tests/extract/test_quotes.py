"""Quote extraction: a table of small cases, and properties that hold for any text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.claims import Claim
from factcheck.corpus import Source
from factcheck.extract.quotes import quote_claims
from factcheck.text import sentences

TITLE = "Officials speak after the attack"


def _quotes(body: str, title: str = TITLE) -> list[Claim]:
    text = f"{title}\n\n{body}"
    source = Source("s1", "c1", text, "s1.txt")
    return list(quote_claims(source, sentences(text)))


def _rows(body: str, title: str = TITLE) -> list[tuple[str, str | None, str | None]]:
    return [(c.text, c.quote, c.speaker) for c in _quotes(body, title)]


CASES = [
    # -- marks and apostrophes ------------------------------------------------------------
    pytest.param(
        "Esper said: “We are ready.”",
        [("“We are ready.”", "We are ready.", "Esper")],
        id="curly-double-colon",
    ),
    pytest.param(
        'Esper said "we are ready."',
        [('"we are ready."', "we are ready.", "Esper")],
        id="straight-double",
    ),
    pytest.param(
        "Iran’s leader called it ‘a crime’.",
        [("‘a crime’", "a crime", None)],
        id="curly-single-unnamed-speaker",
    ),
    pytest.param(
        "Police described the raid as 'intelligence led'.",
        [("'intelligence led'", "intelligence led", "Police")],
        id="straight-single",
    ),
    pytest.param(
        "“We’re ready for Iran’s answer,” Esper said.",
        [("“We’re ready for Iran’s answer,”", "We’re ready for Iran’s answer", "Esper")],
        id="curly-apostrophes-inside",
    ),
    pytest.param(
        "Shi’ite militia leaders and Iran’s commanders were seen, Esper said.",
        [],
        id="apostrophes-only",
    ),
    pytest.param(
        "The survivors' petition at King's Cross showed 'chilling' footage, Blair said.",
        [("'chilling'", "chilling", "Blair")],
        id="straight-apostrophes-and-plural-possessive",
    ),
    pytest.param(
        'In the \'90s he told them "we won."',
        [('"we won."', "we won.", None)],
        id="decade-apostrophe",
    ),
    pytest.param('He wrote "" and left.', [], id="empty-quote"),
    # -- broken quotes --------------------------------------------------------------------
    pytest.param(
        "“The game has changed,” Esper said, “and we are prepared.”",
        [
            (
                "“The game has changed,” Esper said, “and we are prepared.”",
                "The game has changed, and we are prepared.",
                "Esper",
            )
        ],
        id="broken-by-attribution",
    ),
    pytest.param(
        "“This is not a warning,” Trump said. “It is a threat.”",
        [
            (
                "“This is not a warning,” Trump said. “It is a threat.”",
                "This is not a warning, It is a threat.",
                "Trump",
            )
        ],
        id="broken-across-sentences",
    ),
    pytest.param(
        '"He has been in custody," said Lawrence Greenspon, his lawyer. "The jury had '
        'difficulty," Greenspon told reporters. "Two were acquitted."',
        [
            ('"He has been in custody,"', "He has been in custody", "Lawrence Greenspon"),
            (
                '"The jury had difficulty," Greenspon told reporters. "Two were acquitted."',
                "The jury had difficulty, Two were acquitted.",
                "Lawrence Greenspon",
            ),
        ],
        id="own-attribution-starts-a-new-quote",
    ),
    pytest.param(
        "Photos showed graffiti saying, “No, No America” and “Soleimani is my leader,” "
        "referring to Qasem Soleimani.",
        [
            ("“No, No America”", "No, No America", None),
            ("“Soleimani is my leader,”", "Soleimani is my leader", None),
        ],
        id="two-slogans-joined-by-and",
    ),
    # -- paragraphs and unbalanced marks --------------------------------------------------
    pytest.param(
        "“We will act.\n\n“We will not wait,” Esper said.",
        [("“We will act.\n\n“We will not wait,”", "We will act. We will not wait", "Esper")],
        id="quote-over-paragraphs",
    ),
    pytest.param(
        "“We will act.\n\nMilley said it would be “nothing more.”",
        [("“nothing more.”", "nothing more.", "Milley")],
        id="unclosed-paragraph-dropped",
    ),
    pytest.param(
        "He left” and later Esper said “we won.”",
        [("“we won.”", "we won.", "Esper")],
        id="stray-closing-mark",
    ),
    pytest.param(
        "“We are “very confident” here, Milley said.",
        [("“very confident”", "very confident", "Milley")],
        id="stray-opening-mark",
    ),
    pytest.param(
        "“We will act,” Esper told reporters.\n\n“We will protect American lives.”",
        [
            ("“We will act,”", "We will act", "Esper"),
            ("“We will protect American lives.”", "We will protect American lives.", "Esper"),
        ],
        id="unattributed-paragraph-last-speaker",
    ),
    # -- partial quotes and speakers before -----------------------------------------------
    pytest.param(
        "Esper warned that the “game has changed” in the region.",
        [("“game has changed”", "game has changed", "Esper")],
        id="partial-quote",
    ),
    pytest.param(
        "Anyone who tries will run into a “buzzsaw,” Milley said.",
        [("“buzzsaw,”", "buzzsaw", "Milley")],
        id="partial-quote-trailing-comma",
    ),
    pytest.param(
        "Revolutionary Guards Commander Brigadier General Hossein Salami said: “We are not "
        "afraid.”",
        [("“We are not afraid.”", "We are not afraid.", "Hossein Salami")],
        id="titles-stripped-colon",
    ),
    pytest.param(
        "Milley said he is “very confident” the embassy is safe.",
        [("“very confident”", "very confident", "Milley")],
        id="said-he-is",
    ),
    pytest.param(
        "The Pentagon sent troops in what Esper called “a precaution.”",
        [("“a precaution.”", "a precaution.", "Esper")],
        id="called",
    ),
    pytest.param(
        'Prime Minister Tony Blair, who attended a memorial, said "This is a time of unity."',
        [('"This is a time of unity."', "This is a time of unity.", "Tony Blair")],
        id="relative-clause-skipped",
    ),
    pytest.param(
        "He condemned Donald Trump’s threat that Iran “will pay a big price.”",
        [("“will pay a big price.”", "will pay a big price.", "Donald Trump")],
        id="possessive-threat",
    ),
    pytest.param(
        "Ayatollah Ali Khamenei spoke on television. Khamenei responded to Trump, saying, "
        "“Be logical.”",
        [("“Be logical.”", "Be logical.", "Ali Khamenei")],
        id="participle-takes-the-subject",
    ),
    pytest.param(
        "Iraq considers the militias part of its “popular mobilization forces.” They fought "
        "for Iraq.",
        [("“popular mobilization forces.”", "popular mobilization forces.", "Iraq")],
        id="sentence-subject",
    ),
    pytest.param(
        "The footage was described by Teletext as 'chilling.'",
        [("'chilling.'", "chilling.", "Teletext")],
        id="passive-agent",
    ),
    pytest.param(
        "Scotland Yard says the practice run shows 'terrorist methodology'.",
        [("'terrorist methodology'", "terrorist methodology", "Scotland Yard")],
        id="organisation",
    ),
    # -- speakers after ---------------------------------------------------------------------
    pytest.param(
        "“We know it,” Chairman of the Joint Chiefs of Staff Mark Milley told reporters.",
        [("“We know it,”", "We know it", "Mark Milley")],
        id="after-with-role",
    ),
    pytest.param(
        'The judge, Sir Michael Astill, spoke. "You betrayed this country," said judge Astill.',
        [('"You betrayed this country,"', "You betrayed this country", "Michael Astill")],
        id="after-inverted",
    ),
    pytest.param(
        "The U.S. will take “preemptive” action, Defense Secretary Mark Esper said Thursday.",
        [("“preemptive”", "preemptive", "Mark Esper")],
        id="after-at-sentence-end",
    ),
    pytest.param(
        "The plaque was unveiled by the Minister for London, Tessa Jowell. It stands for "
        '"a unique grief" according to the Minister for London.',
        [('"a unique grief"', "a unique grief", "Tessa Jowell")],
        id="according-to-a-role",
    ),
    pytest.param(
        '"We are grateful," one serviceman said.',
        [('"We are grateful,"', "We are grateful", None)],
        id="unnamed-speaker-after",
    ),
    pytest.param(
        '"We need an inquiry." - "Fiona"',
        [('"We need an inquiry."', "We need an inquiry.", "Fiona")],
        id="dash-attribution",
    ),
    # -- pronouns and fullest names ---------------------------------------------------------
    pytest.param(
        "Defense Secretary Mark Esper spoke on Thursday.\n\n“We are ready,” he said.",
        [("“We are ready,”", "We are ready", "Mark Esper")],
        id="pronoun-to-last-person",
    ),
    pytest.param(
        "Mike Pompeo accused the leader and others he called “terrorists.”",
        [("“terrorists.”", "terrorists.", "Mike Pompeo")],
        id="pronoun-to-subject",
    ),
    pytest.param(
        "“We are ready,” he said.",
        [("“We are ready,”", "We are ready", None)],
        id="pronoun-without-antecedent",
    ),
    pytest.param(
        "Mark T. Esper arrived.\n\n“We will act,” Mr. Esper said.",
        [("“We will act,”", "We will act", "Mark Esper")],
        id="fullest-form",
    ),
    pytest.param(
        "The British government rejected calls.\n\nInstead, the government has offered a "
        '"narrative of events".',
        [('"narrative of events"', "narrative of events", "British government")],
        id="the-government",
    ),
    pytest.param(
        'Rachel North wrote a blog.\n\nWriting on her weblog, Ms North says:\n\n"They '
        "offered a 'narrative of what happened', as if we were children.\"",
        [
            (
                "\"They offered a 'narrative of what happened', as if we were children.\"",
                "They offered a 'narrative of what happened', as if we were children.",
                "Rachel North",
            )
        ],
        id="colon-paragraph-and-nested-quote",
    ),
    pytest.param(
        'An anonymous survivor, writing on the "Yorkshire lass" website, says:\n\n'
        "\"'I was haunted.'\"",
        [("\"'I was haunted.'\"", "I was haunted.", None)],
        id="title-of-a-thing-and-double-layer",
    ),
    pytest.param(
        'Blair said "This is a time of unity,", and recalled the efforts.',
        [('"This is a time of unity,"', "This is a time of unity", "Blair")],
        id="comma-after-closing-mark",
    ),
]


@pytest.mark.parametrize(("body", "expected"), CASES)
def test_quote_cases(body: str, expected: list[tuple[str, str, str | None]]) -> None:
    assert _rows(body) == expected


def test_title_quote_has_no_speaker() -> None:
    claims = _quotes("Esper spoke.", title="Esper: US Prepared to Take ‘Preemptive’ Action")
    assert [(c.text, c.zone, c.speaker) for c in claims] == [("‘Preemptive’", "title", None)]


def test_claim_fields() -> None:
    body = "Later, “The game has changed,” Esper said, “and we are ready.” More text."
    (claim,) = _quotes(body)
    text = f"{TITLE}\n\n{body}"
    assert claim.kind == "quote"
    assert text[claim.start : claim.end] == claim.text
    assert claim.sentence.startswith("Later, “The game")
    assert (claim.cluster_id, claim.source_id, claim.zone) == ("c1", "s1", "body")


def test_no_quotes_from_captions_or_boilerplate() -> None:
    body = (
        "Esper said “yes.”\n\nPlease enter your comment “here”\n\n"
        "Mark Esper speaks at the Pentagon “today”. REUTERS/Tom Brenner"
    )
    assert [c.text for c in _quotes(body)] == ["“yes.”"]


_PIECES = [*"ab AB.,:;-\n\"'“”‘’«»()—", "he said", "Esper", " said ", "the Minister of State"]
_ALPHABET = st.sampled_from(_PIECES)


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=80).map("".join))
def test_any_text_gives_valid_spans(body: str) -> None:
    text = f"{TITLE}\n\n{body}"
    for claim in _quotes(body):
        assert text[claim.start : claim.end] == claim.text
        assert claim.text[0] in "\"'“‘„«" and claim.quote
        assert claim.speaker is None or claim.speaker.strip()
