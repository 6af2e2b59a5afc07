"""Quote classes of real news writing, round 2 of issue #13, each in the project's own invented
sentences with exact ``str`` offsets: describing words before a speaker's name, multi-paragraph
quotes, transcripts, nested straight quotes, quotes over a line break, headline quotes."""

from __future__ import annotations

import pytest

import presslens


def spans(text: str):
    """(start, end, kind, speaker, mention text) of every quote, with the offsets checked."""
    out = []
    for q in presslens.extract_quotes(text):
        assert text[q.start : q.end] == q.text
        if q.mention is not None:
            assert text[q.mention.start : q.mention.end] == q.mention.text
        out.append((q.start, q.end, q.kind, q.speaker, q.mention.text if q.mention else None))
    return out


# --- describing words between the cue and the name ("said council clerk Mary Odell") ---


@pytest.mark.parametrize(
    "text, mention",
    [
        ("“The road will be fixed,” said council clerk Mary Odell.", "Mary Odell"),
        ("“The road will be fixed,” said the retired banker Tom Hale.", "Tom Hale"),
        ("“The road will be fixed,” said Democratic pollster Ines Varo.", "Ines Varo"),
        ("“The road will be fixed,” town council clerk Mary Odell said.", "Mary Odell"),
        ("“The road will be fixed,” longtime farmer Ed Brule told reporters.", "Ed Brule"),
        ("“The road will be fixed,” said harbor master Ann Pike (D), who runs it.", "Ann Pike"),
    ],
)
def test_describing_words_before_the_name_after_the_cue(text, mention):
    [(start, end, kind, speaker, m)] = spans(text)
    assert (start, end, kind) == (1, 24, "direct")
    assert m == mention and speaker == mention


@pytest.mark.parametrize(
    "text",
    [
        # A preposition, a pronoun or a conjunction in the run: no such source; no guess.
        "“The road will be fixed,” said on Tuesday Mary Odell.",
        "“The road will be fixed,” said but Mary Odell.",
        "“The road will be fixed,” she said to clerk Mary Odell.",
    ],
)
def test_a_run_that_is_not_a_description_names_nobody_after_the_cue(text):
    [(start, end, kind, speaker, m)] = spans(text)
    assert (start, end) == (1, 24)
    assert speaker != "Mary Odell"


# --- a quote over paragraphs: each reopens with a mark, only the last closes ---


def test_a_quote_over_paragraphs_is_one_quote_with_one_speaker():
    text = (
        "The mayor ended her speech.\n\n"
        "“We rebuilt the pier. We paid for it ourselves.\n\n"
        "“And we will rebuild the school,” Mayor Ines Varo said.\n"
    )
    [(start, end, kind, speaker, m)] = spans(text)
    assert (start, end) == (30, 110)
    assert text[start:end].endswith("“And we will rebuild the school,")
    assert (kind, speaker, m) == ("direct", "Ines Varo", "Mayor Ines Varo")


def test_an_excerpt_in_straight_marks_keeps_the_curly_quotes_inside_it():
    # Paragraphs of a quoted excerpt open with a straight mark and never close; a curly quote
    # in the next paragraph is no continuation of it.
    text = '"The pier opened in May.\n\n“It was worth it,” she said.'
    quotes = spans(text)
    assert (27, 43, "direct") == quotes[-1][:3]
    assert quotes[-1][4] == "she"


# --- transcripts: speaker labels, stage directions ---


TRANSCRIPT = (
    "Part of the interview:\n\n"
    '"HOST: Will you run again?\n\n'
    '"MARLOWE: I have not decided.\n\n'
    '"But I will decide by spring.\n\n'
    '"(CROSSTALK.)\n\n'
    '"SEN. DUVAL: Thank you, both."'
)


def test_transcript_turns_are_quotes_by_their_label_and_stage_directions_are_none():
    assert spans(TRANSCRIPT) == [
        # "HOST" is a role, not a name: no speaker rather than a guess.
        (31, 50, "direct", None, None),
        (62, 112, "direct", "MARLOWE", "MARLOWE"),
        (142, 158, "direct", "Duval", "SEN. DUVAL"),
    ]
    assert TRANSCRIPT[62:112] == "I have not decided.\n\n\"But I will decide by spring."


# --- nested straight double quotes; a quote over a line break ---


def test_straight_double_quotes_nested_in_straight_double_quotes():
    text = '"She called it "a total mess" this morning," Ada Quist said.'
    [(start, end, kind, speaker, m)] = spans(text)
    assert (start, end) == (1, 43)
    assert text[start:end] == 'She called it "a total mess" this morning,'
    assert (kind, speaker, m) == ("direct", "Ada Quist", "Ada Quist")


def test_a_quote_over_a_line_break_inside_its_sentence_is_found():
    text = "“The ferry will run again\nby the summer,” said Ada Quist."
    [(start, end, kind, speaker, m)] = spans(text)
    assert (start, end) == (1, 40)
    assert text[start:end] == "The ferry will run again\nby the summer,"
    assert (kind, speaker) == ("direct", "Ada Quist")


def test_an_unclosed_mark_before_a_new_sentence_still_recovers():
    text = "“The ferry will run again.\nThe pier is “closed” today."
    assert [(s, e, k) for s, e, k, _, _ in spans(text)] == [(40, 46, "scare")]
