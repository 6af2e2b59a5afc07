"""Headline quotes (issue #13, item 3): quotes in an article's headline are kind "headline",
not the body's scare quotes; the headline's source is kept as the speaker. Every text here is
invented for the test."""

from __future__ import annotations

import pytest

import presslens

BODY = (
    "\n\nThe city council of Harlow Bay met on Monday night to debate the budget. "
    "Mayor Ines Varga spoke first. “We cannot wait,” Varga said."
)


def kinds(text):
    return [(q.kind, q.speaker, q.text) for q in presslens.extract_quotes(text)]


@pytest.mark.parametrize(
    "headline, expected",
    [
        # Source, colon, quote: the source before the colon, up to the topic.
        ("Mayor on budget: ‘We cannot wait’", ("headline", "Mayor", "We cannot wait")),
        ("Ines Varga: ‘We Cannot Wait on the Budget’", ("headline", "Ines Varga", "We Cannot Wait on the Budget")),
        # Quote, comma, cue, source: a headline drops the article before the source.
        ("‘Enough is enough,’ says union chief", ("headline", "union chief", "Enough is enough,")),
        ("'Enough Is Enough,' Says Union Chief", ("headline", "Union Chief", "Enough Is Enough,")),
        # A quote set in the headline's sentence; the subject names the source.
        ("Council calls budget plan ‘a disaster’", ("headline", "Council", "a disaster")),
        # A title in a headline, nobody's speech: a headline quote without a speaker.
        ("Students stage ‘The Winter Orchard’ at Harlow Bay High", ("headline", None, "The Winter Orchard")),
        # Title Case with the full stop some sites add, single marks over a body in double ones.
        ("Varga Says Council Faces ‘Hard Choices.’", ("headline", "Varga", "Hard Choices.")),
        ("Varga warns of ‘hard choices’ in the budget.", ("headline", "Varga", "hard choices")),
    ],
)
def test_quotes_in_the_headline_are_headline_quotes(headline, expected):
    got = kinds(headline + BODY)
    assert got[0][0] == "headline"
    assert got[0][2] == expected[2]
    if expected[1] is None:
        assert got[0][1] is None
    else:
        assert got[0][1] is not None and expected[1].lower() in got[0][1].lower()
    # The body is read as before: its quote is direct and Varga's.
    assert got[-1] == ("direct", "Ines Varga", "We cannot wait,")


def test_a_kicker_and_a_headline_above_the_body():
    text = "BUDGET 2031\nMayor: ‘We Cannot Wait’" + BODY
    assert [k for k, _, _ in kinds(text)] == ["headline", "direct"]


def test_the_headline_source_is_not_carried_into_the_body():
    text = "Union chief: ‘We will strike’\n\n“The talks are over and the strike starts at dawn tomorrow.”"
    text += "\nThe union has four thousand members in the province, most of them nurses."
    got = presslens.extract_quotes(text)
    assert got[0].kind == "headline" and got[0].speaker is not None
    assert got[1].kind == "direct" and got[1].speaker is None


@pytest.mark.parametrize(
    "text",
    [
        # One line and nothing else: no body, so no headline (a quote like any other).
        "‘Enough is enough,’ says union chief",
        "'We cannot wait': mayor",
        # A lead paragraph in sentence case that ends like a sentence.
        "“We cannot wait,” Mayor Ines Varga said on Monday." + BODY,
        # Short lines only (a list of signed-off quotes): no body paragraph below.
        "“We won.” — Ada Lee\n“Vote early.” — Sam Rook.",
        # Bullets are not headlines.
        "- “We cannot wait” - Varga" + BODY,
    ],
)
def test_no_headline_without_a_title_line_and_a_body(text):
    assert all(q.kind != "headline" for q in presslens.extract_quotes(text))


def test_headline_kind_everywhere_a_user_sees_it():
    text = "Mayor on budget: ‘We cannot wait’" + BODY
    q = presslens.Quote(0, 3, "abc", "headline")
    assert q.kind == "headline"
    with pytest.raises(ValueError, match="headline"):
        presslens.Quote(0, 3, "abc", "title")
    # Batch and single calls agree.
    assert presslens.extract_quotes_batch([text], n_threads=1)[0] == presslens.extract_quotes(text)
    # A headline quote with its source is the headline's direct attribution.
    atts = [a for a in presslens.extract_attributions(text) if a.content.start < text.index("\n")]
    assert [(a.kind, a.source.text) for a in atts] == [("direct", "Mayor")]
    # The speaker is quoted in the headline.
    sp = {s.name: len(s.quotes) for s in presslens.speakers(text)}
    assert sp.get("Mayor") == 1


def test_headline_fragment_is_a_mixed_attribution():
    text = "Council calls budget plan ‘a disaster’" + BODY
    atts = [a for a in presslens.extract_attributions(text) if a.content.start < text.index("\n")]
    assert [(a.kind, a.source.text) for a in atts] == [("mixed", "Council")]


pd = pytest.importorskip("pandas")


def test_tables_compare_and_view():
    texts = ["Varga: ‘We Cannot Wait’" + BODY, "Budget fight looms in Harlow Bay" + BODY]
    corpus = presslens.analyze(pd.DataFrame({"text": texts, "outlet": ["Post", "Herald"]}))
    q = corpus.quotes
    assert q["kind"].tolist() == ["headline", "direct", "direct"]
    cmp = corpus.compare()
    # The comparison counts body quotes: Varga is quoted once by each outlet.
    row = cmp.speakers[cmp.speakers["name"] == "Ines Varga"].iloc[0]
    assert row["n_quotes"] == 2 and row["n_outlets"] == 2
    assert set(cmp.quote_clusters["quote"]) <= set(q.index[q["kind"] != "headline"]) | set(
        q["quote"][q["kind"] != "headline"]
    )
    html = corpus.document(0)._repr_html_()
    assert html.count("pl-headline") == 1 and "headline quote" in html
    html = corpus.document(1)._repr_html_()
    assert "pl-headline" not in html and "headline quote" not in html
