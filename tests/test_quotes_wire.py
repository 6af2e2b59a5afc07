"""Wire copy's doubled apostrophes ('' … '') as double quotes, with single quotes nested
inside, and the '' that are no quote marks (inches, ditto marks). Hand-made sentences with
exact str offsets."""

from __future__ import annotations

import presslens


def _quotes(text):
    return [
        (q.start, q.end, q.text, q.kind, q.speaker, q.mention and q.mention.text,
         q.cue and q.cue.text)
        for q in presslens.extract_quotes(text)
    ]


def test_a_nested_single_quote_closing_with_the_double_one_keeps_the_tag():
    text = "Ann Lee spoke first. ''I told him, 'Not this year,''' she said."
    assert _quotes(text) == [
        (23, 51, "I told him, 'Not this year,'", "direct", "Ann Lee", "she", "said")
    ]
    assert text[23:51] == "I told him, 'Not this year,'"


def test_an_inverted_tag_after_the_nested_close():
    text = "''We sang 'Auld Lang Syne,''' said Tom Reed, the band's leader."
    q = presslens.extract_quotes(text)[0]
    assert (q.start, q.end, q.text) == (2, 27, "We sang 'Auld Lang Syne,'")
    assert (q.kind, q.speaker, q.cue.text) == ("direct", "Tom Reed", "said")


def test_the_plain_doubled_quote():
    text = "''Hello,'' she said, and Ann Lee smiled."
    q = presslens.extract_quotes(text)[0]
    assert (q.start, q.end, q.text, q.kind) == (2, 8, "Hello,", "direct")
    assert (q.mention.start, q.mention.end, q.cue.start, q.cue.end) == (11, 14, 15, 19)


def test_a_nested_quote_ending_after_a_full_stop_ends_the_sentence():
    # The next sentence's "said" is no tag for the quote: the lead-in's subject speaks.
    lead = "Tom Reed mocked the plan, saying, "
    for text, start, end, words in [
        (lead + "''The answer is 'Tax bad.''' Ann Lee said nothing.", 36, 60,
         "The answer is 'Tax bad.'"),
        (lead + "“The answer is ‘Tax bad.’” Ann Lee said nothing.", 35, 59,
         "The answer is ‘Tax bad.’"),
    ]:
        q = presslens.extract_quotes(text)[0]
        assert (q.start, q.end, q.text) == (start, end, words)
        assert text[start:end] == words
        assert (q.kind, q.speaker, q.mention.text, q.cue.text) == (
            "direct", "Tom Reed", "Tom Reed", "saying"
        )


def test_inches_and_ditto_marks_are_no_quotes():
    assert presslens.extract_quotes("The guard is 6'2'' and the center is 7'1'' tall.") == []
    assert presslens.extract_quotes("He sold 12'' records and 7'' singles at the fair.") == []
    assert presslens.extract_quotes("Red shirts  $4\nBlue  ''  $5\nGreen  ''  $6") == []
    text = "''He is 5'11'' and fast,'' the coach said."
    q = presslens.extract_quotes(text)[0]
    assert (q.start, q.end, q.text) == (2, 24, "He is 5'11'' and fast,")


def test_contractions_and_possessives_stay_apostrophes():
    text = "''We don't know the Joneses' plans,'' she said of the towns'' fund."
    qs = presslens.extract_quotes(text)
    assert [(q.start, q.end, q.text) for q in qs] == [(2, 35, "We don't know the Joneses' plans,")]
