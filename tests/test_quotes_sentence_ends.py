"""Where the quote pass ends a sentence, in sentences written for these tests."""

from __future__ import annotations

from conftest import quote_mentions


def test_a_quote_after_a_state_abbreviation_ending_the_sentence_goes_on_with_its_speaker():
    text = "“We will win,” said Tom Reedy, 40, of Dayton, Ore. “They know it.”"
    assert quote_mentions(text) == [
        (1, 13, "direct", 20, 29, "Tom Reedy"),
        (52, 65, "direct", 20, 29, "Tom Reedy"),
    ]


def test_a_quote_after_a_place_and_a_party_tag_abbreviation():
    text = "“No deal,” Reedy said at a rally in Salem, Ore. “Not this year.”"
    assert quote_mentions(text)[1] == (49, 63, "direct", 11, 16, "Reedy")
    text = "“No deal,” said Sen. Ann Voss, R-Ore. “Not this year.”"
    assert quote_mentions(text)[1] == (39, 53, "direct", 16, 29, "Sen. Ann Voss")


def test_a_title_abbreviation_before_a_nickname_ends_no_sentence():
    text = "“No deal,” said Ann Voss. Then Gov. “Red” Tillman spoke."
    assert quote_mentions(text)[1][2] == "scare"
