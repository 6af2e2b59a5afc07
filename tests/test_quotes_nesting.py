"""Double quotation marks nested in double marks of the same style (issue #13, item 2): one
direct quote by the speaker containing one partial quote, for curly marks (either way round)
as for straight ones. Every text here is invented for the test."""

from __future__ import annotations

import pytest

import presslens


@pytest.mark.parametrize(
    "text",
    [
        "“The inspector called it “a failure of nerve” at the hearing,” Tomas Reyes said.",
        # Inner curly marks pointing the wrong way.
        "“The inspector called it ”a failure of nerve“ at the hearing,” Tomas Reyes said.",
        # Straight marks, as before.
        '"The inspector called it "a failure of nerve" at the hearing," Tomas Reyes said.',
    ],
)
def test_a_quote_in_a_quote_is_one_direct_quote_holding_one_partial(text):
    quotes = presslens.extract_quotes(text)
    outer, inner = quotes
    assert (outer.kind, outer.speaker, outer.cue.text) == ("direct", "Tomas Reyes", "said")
    assert outer.text.startswith("The inspector called it ") and outer.text.endswith("hearing,")
    assert (inner.kind, inner.speaker, inner.text) == ("partial", None, "a failure of nerve")
    assert outer.start < inner.start and inner.end < outer.end
    # One direct attribution by Reyes; its content holds the inner quote.
    atts = presslens.extract_attributions(text)
    assert [(a.kind, a.speaker) for a in atts] == [("direct", "Tomas Reyes")]
    assert atts[0].content.start < inner.start and inner.end < atts[0].content.end


def test_a_title_quoted_in_a_quote_stays_a_scare_quote():
    text = "“We all read “The Long Winter” in school,” said Mara Ilic."
    outer, inner = presslens.extract_quotes(text)
    assert (outer.kind, outer.speaker) == ("direct", "Mara Ilic")
    assert (inner.kind, inner.text) == ("scare", "The Long Winter")


def test_a_curly_quote_that_never_closes_is_not_a_nest():
    # The first mark never closes in its paragraph: only the inner pair is a quote, and the
    # next paragraph's opening mark does not continue the unclosed one.
    text = (
        "“The harbour will reopen, the port chief said of the “temporary” closure.\n\n"
        "“We expect ships by June,” she added."
    )
    got = [(q.kind, q.text) for q in presslens.extract_quotes(text)]
    assert got[0][1] == "temporary"
    assert got[1] == ("direct", "We expect ships by June,")
    assert len(got) == 2


def test_quotes_side_by_side_are_not_nested():
    text = "“We won,” Reyes said. “We will govern,” he added."
    assert [q.text for q in presslens.extract_quotes(text)] == ["We won,", "We will govern,"]
