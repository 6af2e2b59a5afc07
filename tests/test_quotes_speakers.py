"""Speakers of direct quotes in news writing, round 14 (issue #14: the speaker users see), in
the project's own invented sentences with exact ``str`` offsets."""

from __future__ import annotations

import presslens
from conftest import quote_mentions


def speakers(text: str):
    """(quote start, quote end, kind, mention start, mention end, mention text) of each quote,
    with the offsets checked against the text."""
    return quote_mentions(text)


# --- "X of Y": the place or body a speaker is from belongs to the mention ---


def test_a_name_with_its_state_after_an_inverted_cue():
    t = "“We will not raise the fee,” said Senator Mara Quill of Vermont. “Not this year.”"
    assert speakers(t) == [
        (1, 27, "direct", 34, 63, "Senator Mara Quill of Vermont"),
        (66, 80, "direct", 34, 63, "Senator Mara Quill of Vermont"),
    ]


def test_a_name_with_its_institute_before_the_cue():
    t = "“Tariffs are a tax,” Ilse Brandt of the Harbor Policy Institute said on Monday."
    assert speakers(t) == [(1, 19, "direct", 21, 63, "Ilse Brandt of the Harbor Policy Institute")]


def test_said_of_a_topic_is_no_part_of_the_speaker():
    # "of" after the cue, not after the name: the topic is not the speaker.
    t = "“It is a bad bill,” Ed Moran said of the measure."
    assert speakers(t) == [(1, 18, "direct", 20, 28, "Ed Moran")]


# --- a description's head is the last of its role nouns ---


def test_a_description_ends_at_its_last_role_noun():
    # Without it the description stopped at "campaign" (before the cue: no speaker at all).
    t = "“Nobody told us,” a Lakeview campaign spokesman said."
    assert speakers(t) == [(1, 16, "direct", 18, 47, "a Lakeview campaign spokesman")]
    t = "“We will vote no,” the committee chairmen wrote."
    assert speakers(t) == [(1, 17, "direct", 19, 41, "the committee chairmen")]


def test_a_description_with_role_nouns_before_a_colon_cue():
    t = "A Lakeview campaign official said: “We will win.”"
    assert speakers(t) == [(36, 48, "direct", 0, 28, "A Lakeview campaign official")]


def test_a_description_keeps_its_to_or_for_phrase():
    t = "“The count is wrong,” said a longtime adviser to Mayor Ruth Okafor."
    assert speakers(t) == [(1, 20, "direct", 27, 66, "a longtime adviser to Mayor Ruth Okafor")]
    t = "A spokesman for the Delmont campaign said: “We are ready.”"
    assert speakers(t) == [(44, 57, "direct", 0, 36, "A spokesman for the Delmont campaign")]


# --- describing words before the name after the quote, opening with a mention of their own ---


def test_a_name_after_describing_words_that_open_with_a_mention():
    t = "“We should ease up,” Senate majority whip Dana Oyelaran said."
    assert speakers(t) == [(1, 19, "direct", 42, 55, "Dana Oyelaran")]
    t = "“Nothing is certain,” Democratic pollster Colm Reddy said."
    assert speakers(t) == [(1, 20, "direct", 42, 52, "Colm Reddy")]
    t = "“Costs will rise,” Lakeshore Institute’s Pia Nørgaard said at the forum."
    assert speakers(t) == [(1, 17, "direct", 41, 53, "Pia Nørgaard")]


# --- verbs of speaking news uses after a quote ---


def test_verbs_of_speaking_after_a_quote():
    t = "“The numbers are off again,” Rhea Solberg fumed."
    assert speakers(t) == [(1, 27, "direct", 29, 41, "Rhea Solberg")]
    t = "“They will lose the vote,” he surmised. “Maybe not.”"
    assert speakers(t) == [(1, 25, "direct", 27, 29, "he"), (41, 51, "direct", 27, 29, "he")]
    t = "“Sit down,” the sergeant barked."
    assert speakers(t) == [(1, 10, "direct", 12, 24, "the sergeant")]


def test_read_after_a_quote_names_the_sign_or_message():
    t = "“Vote no on Measure B,” read one sign."
    assert speakers(t) == [(1, 22, "direct", 29, 37, "one sign")]
    # A title after "read" stays a title.
    t = "She read “The Long Walk” twice."
    assert speakers(t) == [(10, 23, "scare", None, None, None)]


# --- a verb and its particle as the cue ("pointed out", "shot back", "went on") ---


def test_a_verb_with_its_particle_is_the_cue():
    t = "“The law says otherwise,” Nadia Ferreira pointed out."
    assert speakers(t) == [(1, 24, "direct", 26, 40, "Nadia Ferreira")]
    assert [q.cue.text for q in presslens.extract_quotes(t)] == ["pointed out"]
    t = "“Then hit them harder,” the coach shot back."
    assert speakers(t) == [(1, 22, "direct", 24, 33, "the coach")]
    t = "“Nobody listens,” Ivo Petrov went on. “Nobody ever did.”"
    assert speakers(t) == [(1, 16, "direct", 18, 28, "Ivo Petrov"), (39, 55, "direct", 18, 28, "Ivo Petrov")]


def test_went_on_about_is_no_cue():
    t = "Oma Reyes went on about “the rigged system” all night."
    assert [q.cue for q in presslens.extract_quotes(t)] == [None]


# --- a participle cue after a comma: the subject of the clause before it speaks ---


def test_a_participle_cue_takes_the_clause_subject():
    t = "Mayor Lin Osei criticised the governor over the flooding in Dunmore and Tarrow, saying, “It is a scandal.”"
    assert speakers(t) == [(89, 105, "direct", 0, 14, "Mayor Lin Osei")]
    t = "The senator thanked the crowd in Ohio, adding: “We will win here.”"
    assert speakers(t) == [(48, 65, "direct", 0, 11, "The senator")]


# --- before the quote, the clause's subject speaks, not the verb's object ---


def test_the_subject_not_the_object_before_a_cue():
    # Without it the speaker was the verb's object ("Dana Pruitt", "Lakeview").
    t = "The governor emailed Dana Pruitt on Friday saying: “The fight goes on.”"
    assert speakers(t) == [(52, 70, "direct", 0, 12, "The governor")]
    t = "Ted Marsh greeted the Lakeview crowd: “Hello again.”"
    assert speakers(t) == [(39, 51, "direct", 0, 9, "Ted Marsh")]


# --- a name after describing words after an inverted cue ---


def test_a_name_after_six_describing_words_or_before_when():
    t = "“No comment,” said Ruiz’s top foreign policy aide Ola Brandt."
    assert speakers(t) == [(1, 12, "direct", 50, 60, "Ola Brandt")]
    t = "“We will see,” said Ames constituent Lou Birch when asked about the vote."
    assert speakers(t) == [(1, 13, "direct", 37, 46, "Lou Birch")]


def test_manner_of_speaking_verbs_are_quote_cues():
    text = "During the debate, Voss cracked, “We will win this.”"
    assert quote_mentions(text) == [(34, 51, "direct", 19, 23, "Voss")]
    text = "“We will win this,” Voss beamed."
    assert quote_mentions(text) == [(1, 18, "direct", 20, 24, "Voss")]


def test_an_apposition_after_a_party_tag_still_reaches_the_cue():
    text = "“We are ready,” Rep. Ann Voss (R-Ohio), a panel member, said in an interview."
    assert quote_mentions(text) == [(1, 14, "direct", 16, 29, "Rep. Ann Voss")]
    text = "“We are ready,” Ann Voss (R), who leads the panel, said."
    assert quote_mentions(text) == [(1, 14, "direct", 16, 24, "Ann Voss")]


def test_sung_and_yelled_words_are_quotes_with_a_speaker():
    text = "“Did you shoot him?” she yells while moving along."
    assert quote_mentions(text) == [(1, 19, "direct", 21, 24, "she")]
    text = "“Come home soon,” Voss sings to the crowd."
    assert quote_mentions(text) == [(1, 16, "direct", 18, 22, "Voss")]


def test_pressing_and_remembering_verbs_are_quote_cues():
    text = "“Would you sign it?” Voss pressed. “Just say yes.”"
    assert quote_mentions(text) == [(1, 19, "direct", 21, 25, "Voss"), (36, 49, "direct", 21, 25, "Voss")]
    text = "“It was a mess,” remembered Tom Reedy, a former aide."
    assert quote_mentions(text) == [(1, 15, "direct", 28, 37, "Tom Reedy")]


def test_two_names_before_one_cue_are_one_speaker_span():
    text = "“We are ready,” Ann Voss and Tom Reedy wrote."
    assert quote_mentions(text) == [(1, 14, "direct", 16, 38, "Ann Voss and Tom Reedy")]


def test_two_names_after_an_inverted_cue_or_before_an_apposition_are_one_speaker_span():
    text = "“We are ready,” said Ann Voss and Tom Reedy."
    assert quote_mentions(text) == [(1, 14, "direct", 21, 43, "Ann Voss and Tom Reedy")]
    text = "“We are ready,” Ann Voss and Tom Reedy, both mayors, said."
    assert quote_mentions(text) == [(1, 14, "direct", 16, 38, "Ann Voss and Tom Reedy")]
