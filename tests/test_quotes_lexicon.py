"""The shared word lists (data/lexicon/*.txt) reach every stage: one cue list for the sentence
splitter and the quote finder, one title list with its abbreviation rules. Sentences are the
project's own."""

from __future__ import annotations

import pathlib

import presslens
from conftest import ROOT

LEXICON = ROOT / "data" / "lexicon"


def test_every_lexicon_file_has_a_header():
    files = sorted(LEXICON.glob("*.txt"))
    assert len(files) >= 10
    for path in files:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# "), path.name


def test_any_reporting_cue_keeps_a_question_and_its_speaker_together():
    # "argued" is a quote cue; the splitter reads the same list.
    text = "“Why would we wait?” Dana Whitlow argued. The board voted anyway."
    sents = [s.text for s in presslens.split_sentences(text)]
    assert sents == ["“Why would we wait?” Dana Whitlow argued.", "The board voted anyway."]


def test_an_abbreviated_title_needs_its_period():
    # "Gen" without a period is a given name; "Gen." is the title.
    q = presslens.extract_quotes("“The harbour stays open,” Gen Okabe said on Friday.")
    assert q[0].speaker == "Gen Okabe"
    q = presslens.extract_quotes("“The harbour stays open,” Gen. Ruth Okabe said on Friday.")
    assert q[0].speaker == "Ruth Okabe"


def test_plural_titles_are_titles():
    q = presslens.extract_quotes(
        "Two senators spoke. “We will block it,” said Sens. Marta Delgado of the committee."
    )
    assert q[0].speaker == "Marta Delgado"


def test_lower_case_state_in_a_party_tag():
    q = presslens.extract_quotes("“The vote is a mistake,” Sen. Paul Ardent, D-conn., said.")
    assert q[0].speaker == "Paul Ardent"
