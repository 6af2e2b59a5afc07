"""One rule extends a source over the phrase that says who it is ("close to the union",
"involved in the talks"), whichever path found the source: a mention found in the text (a
known role noun, "aide") or the slot after the quote (any head noun, "pilot"). Sentences
written for these tests."""

from __future__ import annotations

from conftest import quote_mentions


def test_a_known_role_mention_extends_over_its_phrase():
    # "aide" is a role noun: the mention is found in the text and given its phrase.
    text = "“The strike is over,” said one aide close to the union."
    assert text[27:54] == "one aide close to the union"
    assert quote_mentions(text) == [(1, 20, "direct", 27, 54, "one aide close to the union")]
    text = "“The strike is over,” said one aide involved in the talks."
    assert quote_mentions(text) == [(1, 20, "direct", 27, 57, "one aide involved in the talks")]


def test_a_slot_source_extends_over_the_same_phrase():
    # "pilot" is in no role list: the source is read from the slot after the cue, and the
    # same phrase follows it.
    text = "“The strike is over,” said one Boston pilot close to the union."
    assert text[27:62] == "one Boston pilot close to the union"
    assert quote_mentions(text) == [
        (1, 20, "direct", 27, 62, "one Boston pilot close to the union")
    ]
    text = "“The strike is over,” said one Boston pilot involved in the talks."
    assert quote_mentions(text) == [
        (1, 20, "direct", 27, 65, "one Boston pilot involved in the talks")
    ]


def test_how_it_was_said_is_no_part_of_the_source():
    # "in" after a noun says how it was said, not who spoke: the rule stops at the noun.
    text = "“The strike is over,” said one aide in a statement."
    assert quote_mentions(text) == [(1, 20, "direct", 27, 35, "one aide")]


def test_a_phrase_before_the_cue_is_part_of_the_source():
    # The phrase may end at a strong cue as well as at the clause's end.
    text = "An aide close to the union said, “The strike is over.”"
    assert text[0:26] == "An aide close to the union"
    assert quote_mentions(text) == [(34, 53, "direct", 0, 26, "An aide close to the union")]
