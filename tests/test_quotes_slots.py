"""Sources known by their place next to a cue, whatever their head noun, in sentences written
for these tests."""

from __future__ import annotations

from conftest import quote_mentions


def test_a_description_before_a_cue_and_comma_is_the_speaker():
    text = "The harbor master said, “The ferry will not run.”"
    assert quote_mentions(text) == [(25, 48, "direct", 0, 17, "The harbor master")]
    text = "Another commenter wrote, “We all know how she feels.”"
    assert quote_mentions(text) == [(26, 52, "direct", 0, 17, "Another commenter")]


def test_a_thing_before_a_cue_and_colon_is_the_source():
    text = "Later the sign read: “We have closed for good.”"
    assert quote_mentions(text) == [(22, 46, "direct", 6, 14, "the sign")]


def test_a_title_after_a_noun_like_cue_is_no_speech():
    text = "One of his recent reads, “War and Peace,” is long."
    assert quote_mentions(text) == [(26, 40, "scare", None, None, None)]


def test_a_sign_off_on_the_line_after_a_quote_paragraph_names_its_speaker():
    text = "Intro line.\n\n“We will cut taxes for everyone.”\n\n- Ann Voss.\n\nVoss has said so before."
    assert quote_mentions(text) == [(14, 45, "direct", 50, 58, "Ann Voss")]
    text = "Intro line.\n\n“We will cut taxes for everyone.”\n\n— Voss, in May.\n\nMore."
    assert quote_mentions(text) == [(14, 45, "direct", 50, 54, "Voss")]


def test_a_dash_line_after_a_quote_inside_a_sentence_is_no_sign_off():
    text = "He called the plan “a total mess.”\n\n- Ann Voss.\n\nMore."
    assert quote_mentions(text) == [(20, 33, "partial", 0, 2, "He")]


def test_a_possessor_and_a_noun_by_the_cue_are_the_source():
    text = "“We have no comment,” Voss’s office said in a statement."
    assert quote_mentions(text) == [(1, 20, "direct", 22, 35, "Voss’s office")]
    text = "Voss’s office said, “We have no comment.”"
    assert quote_mentions(text) == [(21, 40, "direct", 0, 13, "Voss’s office")]


def test_an_unnamed_source_keeps_the_phrase_that_says_who_it_is():
    text = "“We have no deal,” said a person close to the mayor."
    assert quote_mentions(text) == [(1, 17, "direct", 24, 51, "a person close to the mayor")]
    text = "“We have no deal,” said one person with knowledge of the talks."
    assert quote_mentions(text) == [
        (1, 17, "direct", 24, 62, "one person with knowledge of the talks")
    ]
    text = "“No,” said a source involved in the talks, who spoke on condition of anonymity."
    assert quote_mentions(text) == [(1, 4, "direct", 11, 41, "a source involved in the talks")]


def test_an_of_phrase_ends_with_the_common_nouns_after_the_body():
    text = "“We will win this,” said Tom Reedy of the Ohio delegation."
    assert quote_mentions(text) == [(1, 18, "direct", 25, 57, "Tom Reedy of the Ohio delegation")]
    text = "“We will win this,” Tom Reedy of the Ohio delegation said."
    assert quote_mentions(text) == [(1, 18, "direct", 20, 52, "Tom Reedy of the Ohio delegation")]


def test_a_description_with_and_before_the_cue_is_one_source():
    text = "“We are ready,” the Ohio senator and former mayor said."
    assert quote_mentions(text) == [
        (1, 14, "direct", 16, 49, "the Ohio senator and former mayor")
    ]
