"""Unbalanced and nested quotation marks: quotes still found, no hang, offsets valid.

A stray mark never hides the quotes after it, a quote left open is dropped at the end of its
paragraph, apostrophes inside words are no marks, and pairing stays linear in the marks even
for a paragraph of thousands of openers that never close.
"""

from __future__ import annotations

import pytest

from factcheck.corpus import Cluster, Source
from factcheck.extract import extract_claims
from factcheck.extract.quote_marks import find_quotes
from tests.robustness.test_text_hostile import assert_valid_claims

pytestmark = pytest.mark.input_class("text-quotes-unbalanced")

CASES = {
    "stray opener before a quote": ('He said “ nothing. Then: "We will act," Esper said.', 1),
    "stray closer before a quote": ("Fine” he said. “We will act,” Esper said.", 1),
    "quote mark at the very end": ("“We will act,” Esper said. And then “", 1),
    "quote over the whole text": ("“" + "We will act and act again. " * 50 + "”", 1),
    "opened and never closed": ("“" + "We will act. " * 50, 0),
    "nested kinds": ("“He told me ‘never « again » here’ today,” Esper said.", 1),
    "low-9 opener": ("„Wir handeln“, sagte Esper. “We will act,” he said.", 1),
    "guillemets": ("« Nous agirons », a dit Esper.", 1),
    "apostrophes inside words": ("It's the troops' choice, O'Neil's and we’re ’90s fans.", 0),
    "only marks": ("\"“”‘’«»„'" * 30, None),
    "a stray single opener": ('‘a "We will act," Esper said.', 1),
    "unbalanced singles then a quote": ("‘a " * 3000 + '"We will act," Esper said.', 1),
}


@pytest.mark.parametrize(("text", "quotes"), list(CASES.values()), ids=list(CASES))
def test_quotes_in_unbalanced_marks(text: str, quotes: int | None) -> None:
    claims = extract_claims(Cluster("c", (Source("s", "c", text, "mem"),)))
    assert_valid_claims(claims, {"s": text})
    found = claims[claims["kind"] == "quote"]
    if quotes is not None:
        assert len(found) == quotes, found[["text", "quote"]].to_dict("records")
    spans = find_quotes(text, [(0, len(text))])
    for span in spans:
        assert all(0 <= s < e <= len(text) for s, e in span.parts)


@pytest.mark.parametrize(
    "text",
    [
        'He said “ nothing. Then: "We will act," Esper said.',
        'It was ‘the end. "We will act," Esper said.',  # found: hidden by the stray ‘ before
        "‘a " * 3000 + '"We will act," Esper said.',
    ],
)
def test_the_quote_after_a_stray_mark_keeps_its_words_and_speaker(text: str) -> None:
    claims = extract_claims(Cluster("c", (Source("s", "c", text, "mem"),)))
    (quote,) = claims[claims["kind"] == "quote"].to_dict("records")
    assert (quote["quote"], quote["speaker"]) == ("We will act", "Esper")


def test_guillemets_nest_inside_curly_quotes() -> None:
    # found: « inside “ was read as a second opener, and only "again" was quoted
    text = "“He told me ‘never « again » here’ today,” Esper said."
    claims = extract_claims(Cluster("c", (Source("s", "c", text, "mem"),)))
    (quote,) = claims[claims["kind"] == "quote"].to_dict("records")
    assert (quote["start"], quote["speaker"]) == (0, "Esper")
    assert quote["quote"] == "He told me ‘never « again » here’ today"


def test_a_quote_running_over_every_paragraph() -> None:
    paragraphs = ["“We will act," + " and act" * 20] * 30
    text = "\n\n".join(paragraphs) + "”"
    claims = extract_claims(Cluster("c", (Source("s", "c", text, "mem"),)))
    assert_valid_claims(claims, {"s": text})
    (quote,) = claims[claims["kind"] == "quote"].to_dict("records")
    assert (quote["start"], quote["end"]) == (0, len(text))
