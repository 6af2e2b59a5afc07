"""Attribution classes of real news writing (issue #13), each in the project's own sentences:
wire typography (two apostrophes as a double quote, TeX marks, dash sign-offs) and speakers
that are never empty names (issue #10)."""

from __future__ import annotations

import pytest

import presslens


def only(text: str):
    quotes = presslens.extract_quotes(text)
    assert len(quotes) == 1, quotes
    return quotes[0]


def test_two_apostrophes_pair_as_a_double_quote():
    text = "''We will appeal the ruling,'' said Hollis Brandt, a lawyer for the county."
    q = only(text)
    assert q.text == "We will appeal the ruling,"
    assert (q.kind, q.speaker, q.cue.text) == ("direct", "Hollis Brandt", "said")


def test_two_apostrophes_then_inverted_cue_and_continuation():
    text = (
        "Tolls rose again. ''Nobody asked the drivers,'' Ms. Varga said. ''They pay for it.''"
    )
    quotes = presslens.extract_quotes(text)
    assert [q.text for q in quotes] == ["Nobody asked the drivers,", "They pay for it."]
    assert [q.speaker for q in quotes] == ["Varga", "Varga"]


def test_a_plural_possessive_before_two_apostrophes_is_no_quote():
    assert presslens.extract_quotes("The teachers'' union met on Monday.") == []


def test_tex_style_marks():
    q = only("``The bridge is safe,'' said Omar Reyes, the county engineer.")
    assert q.text == "The bridge is safe,"
    assert q.speaker == "Omar Reyes"


@pytest.mark.parametrize("dash", ["―", "—", "--", "–"])
def test_dash_sign_off_names_the_speaker(dash):
    text = f"“Our town deserves better than this.” {dash} Delia Okafor\n“Vote early.” {dash} Sam Rook."
    quotes = presslens.extract_quotes(text)
    assert [q.speaker for q in quotes] == ["Delia Okafor", "Sam Rook"]
    assert all(q.kind == "direct" for q in quotes)


@pytest.mark.parametrize(
    "text, name",
    [
        ("“We will win,” said W.", "W."),
        ("“Yes.” said A.", "A."),
        ("“Go home,” said J. K.", "J. K."),
        ("“Go home,” said Dr. J.", "J."),
        ("“We passed it,” said H.R.", "H.R."),
    ],
)
def test_speaker_is_never_an_empty_name(text, name):
    for q in presslens.extract_quotes(text):
        assert q.speaker is None or q.speaker.strip(), q
        assert q.speaker in (None, name)
    for s in presslens.speakers(text):
        assert s.name.strip()


def test_party_and_state_tag_between_name_and_cue():
    q = only("“The budget is a fantasy,” Sen. Orla Quimby (D-Ore.) said on the floor.")
    assert (q.speaker, q.mention.text, q.cue.text) == ("Orla Quimby", "Sen. Orla Quimby", "said")
    q = only("“We have the votes,” Rep. Ned Falk (R) said.")
    assert q.speaker == "Ned Falk"


@pytest.mark.parametrize(
    "text, mention, cue",
    [
        ("“The park will stay open to everyone,” the letter reads.", "the letter", "reads"),
        ("“The fee was never lawful,” the ruling said.", "the ruling", "said"),
        ("“Members will not cross the line,” the union wrote.", "the union", "wrote"),
        ("“Welcome to the final round,” the announcer said.", "the announcer", "said"),
        ("“Fees will rise in spring,” the committee reported.", "the committee", "reported"),
        ("“We regret the delay,” the organization wrote.", "the organization", "wrote"),
    ],
)
def test_documents_bodies_and_common_nouns_as_sources(text, mention, cue):
    q = only(text)
    assert (q.kind, q.mention.text, q.cue.text) == ("direct", mention, cue)
    assert q.speaker


def test_first_person_source():
    q = only("“Waste nothing,” my grandmother often said.")
    assert (q.mention.text, q.cue.text) == ("my grandmother", "said")


@pytest.mark.parametrize("verb", ["concluded", "commented", "stated", "scolded"])
def test_more_cue_verbs(verb):
    q = only(f"“The numbers do not add up,” Priya Nandan {verb}.")
    assert (q.speaker, q.cue.text) == ("Priya Nandan", verb)


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("“We expect a calm winter,” Harbor Authority spokeswoman Lena Voss said.", "Lena Voss"),
        ("“The lab will reopen,” City Hall press secretary Mona Reyes said.", "Mona Reyes"),
    ],
)
def test_words_before_the_name(text, speaker):
    assert only(text).speaker == speaker


def test_of_phrase_between_name_and_cue():
    text = "Tolls rose. “It was the least bad choice,” Mr. Okonjo of the Riverside Club said."
    q = only(text)
    assert (q.speaker, q.cue.text) == ("Okonjo", "said")


def test_kind_comes_from_form_when_nobody_is_named():
    text = "The river rose overnight.\n“We have never seen the water this high before.”\nCrews worked."
    q = only(text)
    assert (q.kind, q.speaker) == ("direct", None)


@pytest.mark.parametrize(
    "text",
    [
        "Her favorite novel is “A House of Many Winters.”",
        "The plan, known as “Operation Clean Slate,” starts in May.",
    ],
)
def test_terms_and_titles_are_scare_quotes(text):
    q = only(text)
    assert (q.kind, q.speaker) == ("scare", None)


@pytest.mark.parametrize(
    "text",
    [
        "Dana Reyes said on the program “Mornings with Dana” that the plan works.",
        "Dana Reyes told WKRN's “Mornings with Dana” that the plan works.",
        "Dana Reyes told WKRN's “News from the Valley” that the plan works.",
    ],
)
def test_a_show_title_keeps_its_minor_words_in_lower_case(text):
    # The lower-case words of a title are the headline ones ([title_minor] in grammar.txt).
    title = [q for q in presslens.extract_quotes(text) if q.text[0] in "MN"]
    assert [(q.kind, q.speaker) for q in title] == [("scare", None)]


def test_no_far_guess_when_no_attribution_is_near():
    text = (
        "Mayor Ines Calder opened the new bridge on Saturday. Traffic was light.\n"
        "Two cyclists crossed first.\n“This bridge changes how we get to work.”"
    )
    q = [q for q in presslens.extract_quotes(text) if q.text.startswith("This bridge")][0]
    assert q.speaker is None


def test_a_continuing_quote_keeps_its_speaker():
    text = "“We start on Monday,” said Tove Lind. “The work takes a year.”"
    assert [q.speaker for q in presslens.extract_quotes(text)] == ["Tove Lind", "Tove Lind"]


def test_marks_inside_markup_are_not_quotes():
    text = '<tweet pic="pic.example/x" author="kim">Big day.</tweet>\n“We are ready,” said Ana Pruitt.'
    quotes = presslens.extract_quotes(text)
    assert [(q.text, q.speaker) for q in quotes] == [("We are ready,", "Ana Pruitt")]


def test_wrong_way_curly_mark_opens_a_quote():
    text = "Readers wrote in.\n”The plan leaves renters behind.” ― Mira Solberg"
    q = only(text)
    assert (q.text, q.kind, q.speaker) == ("The plan leaves renters behind.", "direct", "Mira Solberg")
