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
        # A date with slashes is one describing word, like any number.
        ("“The road will be fixed,” said 7/7 survivor Lea Moss.", "Lea Moss"),
        ("“The road will be fixed,” said 24/7 dispatcher Ivo Tamm.", "Ivo Tamm"),
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
    # One direct quote by Ada Quist holding one partial quote of words she quotes from someone
    # else (nobody we can name).
    text = '"She called it "a total mess" this morning," Ada Quist said.'
    assert spans(text) == [
        (1, 43, "direct", "Ada Quist", "Ada Quist"),
        (16, 28, "partial", None, None),
    ]
    assert text[1:43] == 'She called it "a total mess" this morning,'
    assert text[16:28] == "a total mess"


def test_a_term_in_double_quotes_inside_double_quotes_is_a_scare_quote():
    text = '"He keeps saying the word "Brexit" on air," Ada Quist said.'
    assert spans(text) == [
        (1, 42, "direct", "Ada Quist", "Ada Quist"),
        (27, 33, "scare", None, None),
    ]


def test_a_quote_over_a_line_break_inside_its_sentence_is_found():
    text = "“The ferry will run again\nby the summer,” said Ada Quist."
    [(start, end, kind, speaker, m)] = spans(text)
    assert (start, end) == (1, 40)
    assert text[start:end] == "The ferry will run again\nby the summer,"
    assert (kind, speaker) == ("direct", "Ada Quist")


def test_an_unclosed_mark_before_a_new_sentence_still_recovers():
    text = "“The ferry will run again.\nThe pier is “closed” today."
    assert [(s, e, k) for s, e, k, _, _ in spans(text)] == [(40, 46, "scare")]


# --- sources known by their place next to the cue, whatever their head noun ---


@pytest.mark.parametrize(
    "text, mention, speaker",
    [
        ("“Vote early and often,” the moderator said.", "the moderator", "moderator"),
        ("“Vote early and often,” said a Vermont Democrat.", "a Vermont Democrat", "Vermont Democrat"),
        ("“Vote early and often,” said the 71-year-old.", "the 71-year-old", "71-year-old"),
        ("“Vote early and often,” the guild said in a statement.", "the guild", "guild"),
        ("“Vote early and often,” I said.", "I", "I"),
    ],
)
def test_a_source_in_the_slot_after_the_quote(text, mention, speaker):
    [(start, end, kind, got_speaker, m)] = spans(text)
    assert (start, end, kind) == (1, 22, "direct")
    assert (m, got_speaker) == (mention, speaker)
    assert text.index(mention) == text.index(m)


@pytest.mark.parametrize(
    "text",
    [
        # The words after the determiner go on as a clause: no source in the slot.
        "“Vote early and often,” said the guild would reply.",
        "“Vote early and often,” the guild of bakers said.",
    ],
)
def test_no_slot_source_when_the_words_are_no_description(text):
    [(start, end, kind, speaker, m)] = spans(text)
    assert (start, end) == (1, 22)
    assert speaker is None


def test_the_next_quote_continues_the_source_found_in_the_slot():
    text = "“Vote early and often,” the moderator said. “The polls close at eight.”"
    quotes = spans(text)
    assert [(s, e) for s, e, *_ in quotes] == [(1, 22), (45, 70)]
    assert [q[3] for q in quotes] == ["moderator", "moderator"]


# --- a title in the attribution sentence does not break the chain of quotes ---


def test_a_title_quoted_in_the_attribution_does_not_break_the_continuation():
    text = (
        "“The bridge is safe,” Ada Quist said on WXQR’s “Morning Hour.” "
        "“We checked every bolt of it.”"
    )
    quotes = spans(text)
    assert [(s, e, k) for s, e, k, *_ in quotes] == [
        (1, 20, "direct"),
        (48, 61, "scare"),
        (64, 92, "direct"),
    ]
    assert [q[3] for q in quotes] == ["Ada Quist", None, "Ada Quist"]


# --- attribution across a paragraph break (round 3) ---


def test_a_paragraph_ending_in_said_and_a_colon_introduces_the_quote_below():
    text = "The harbor master spoke last.\n\nMara Lind told the council:\n\n“The pier opens in May.”"
    [(start, end, kind, speaker, m)] = spans(text)
    assert (start, end) == (61, 83)
    assert text[start:end] == "The pier opens in May."
    assert (kind, speaker, m) == ("direct", "Mara Lind", "Mara Lind")


@pytest.mark.parametrize(
    "intro",
    [
        "Mara Lind had more to say. It gets stranger:",  # no cue: the colon alone names nobody
        "Part of the hearing:",  # a heading, no verb before the medium noun
    ],
)
def test_a_paragraph_ending_in_a_colon_without_a_cue_names_nobody(intro):
    text = intro + "\n\n“The pier opens in May, and we paid for it ourselves.”"
    [(start, end, kind, speaker, m)] = spans(text)
    assert (start, end) == (len(intro) + 3, len(text) - 1)
    assert (speaker, m) == (None, None)


def test_the_following_statement_names_the_subject_not_the_statement():
    text = "Mayor Mara Lind issued the following statement:\n\n“Our thoughts are with the crew.”"
    [(start, end, kind, speaker, m)] = spans(text)
    assert (start, end) == (50, 81)
    assert text[start:end] == "Our thoughts are with the crew."
    assert (kind, speaker, m) == ("direct", "Mara Lind", "Mayor Mara Lind")


def test_a_quote_alone_in_its_paragraph_continues_the_quote_that_ends_the_one_before():
    text = (
        "“The pier is safe,” Mara Lind said on Tuesday.\n\n"
        "“We checked every bolt of it twice.”\n\n"
        "“And the ferry will run again by June.”"
    )
    assert spans(text) == [
        (1, 18, "direct", "Mara Lind", "Mara Lind"),
        (49, 83, "direct", "Mara Lind", "Mara Lind"),
        (87, 124, "direct", "Mara Lind", "Mara Lind"),
    ]
    assert text[87:124] == "And the ferry will run again by June."


@pytest.mark.parametrize(
    "text",
    [
        # A sentence about someone else ends the paragraph before.
        "“The pier is safe,” Mara Lind said. Then Tom Hale took the stage.\n\n“We checked every bolt.”",
        # A question: the next paragraph answers it, by someone else.
        "“Is the pier safe?” Mara Lind asked.\n\n“We checked every bolt of it twice.”",
        # Narration before, no quote: the subject of a sentence is no speaker.
        "Mara Lind walked to the pier on Tuesday.\n\n“We checked every bolt of it twice.”",
        # The quote shares its paragraph with narration: not standing alone.
        "“The pier is safe,” Mara Lind said.\n\n“We checked every bolt,” and the crowd cheered.",
    ],
)
def test_a_quote_alone_in_its_paragraph_takes_no_speaker_it_cannot_trust(text):
    quotes = spans(text)
    assert quotes[-1][3:] == (None, None)


def test_a_quoted_subheading_alone_in_its_paragraph_is_nobody_s_speech():
    text = "“The pier is safe,” Mara Lind said.\n\n‘A long winter.’\n\nThe ferry stopped."
    assert spans(text) == [
        (1, 18, "direct", "Mara Lind", "Mara Lind"),
        (38, 52, "scare", None, None),
    ]


# --- a surname that is also a title word; a titled name after role words ---


@pytest.mark.parametrize(
    "text, speaker, mention",
    [
        ("“The tide is late,” Mr. Bishop said.", "Bishop", "Mr. Bishop"),
        ("“The tide is late,” Ms. Singer, 54, told me.", "Singer", "Ms. Singer"),
        ("“The tide is late,” Dayton police Chief Lena Ruiz said Monday.", "Lena Ruiz", "Chief Lena Ruiz"),
        ("“The tide is late,” said Dayton police Chief Lena Ruiz.", "Lena Ruiz", "Chief Lena Ruiz"),
    ],
)
def test_the_speaker_after_a_title_or_role_words(text, speaker, mention):
    [(start, end, kind, got, m)] = spans(text)
    assert (start, end, kind) == (1, 18, "direct")
    assert text[start:end] == "The tide is late,"
    assert (got, m) == (speaker, mention)


def test_an_office_addressed_inside_a_quote_is_no_surname():
    text = "“Thank you, Mr. President,” she said."
    [(start, end, kind, speaker, m)] = spans(text)
    assert (start, end, kind, m) == (1, 26, "direct", "she")
