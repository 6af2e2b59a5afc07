"""“…,” it said (issue #13, item 3): an organisation or a document as the source through "it".
The mention is "it" as written; the speaker is the organisation or document when it is the
clear subject just before, else empty (a wrong name is worse than none). Every text here is
invented for the test."""

from __future__ import annotations

import pytest

import presslens


def only(text):
    (q,) = presslens.extract_quotes(text)
    return q


@pytest.mark.parametrize(
    "text, speaker",
    [
        ('The ministry issued a report on Monday. "Prices will rise," it said.', "ministry"),
        # A document as the subject, across a paragraph break.
        (
            "A report released by the council on Friday found the river polluted.\n\n"
            "“The water is unsafe to drink,” it said.",
            "report",
        ),
        # A person named in between is never "it".
        ('The company hired Ana Ruiz last year. "She will lead our work in Asia," it said.', "company"),
        ("The union wrote to members on Monday. “The strike will go on,” it added in the letter.", "union"),
    ],
)
def test_it_said_names_the_organisation_or_document(text, speaker):
    q = only(text)
    assert (q.kind, q.speaker, q.mention.text, q.cue.text) == ("direct", speaker, "it", q.cue.text)
    assert q.cue.text in ("said", "added")
    # The quote's attribution has "it" as its source and the same speaker, once.
    (a,) = [a for a in presslens.extract_attributions(text) if a.kind == "direct"]
    assert (a.kind, a.source.text, a.speaker) == ("direct", "it", speaker)


@pytest.mark.parametrize(
    "text",
    [
        # Only a person before: people are not "it".
        'Ana Ruiz spoke on Monday. "We will win," it said.',
        # The thing is an object, not the subject.
        'It also received a complaint from the staff. "Nothing has changed," it added.',
        # Two bodies joined: either may be meant.
        'The ministry and the agency met on Monday. "Prices will rise," it said.',
        # Nothing suitable in the sentence before.
        'The city council voted on Tuesday. The mayor was absent. "We acted for the town," it said.',
    ],
)
def test_it_said_without_a_clear_antecedent_has_no_speaker(text):
    q = only(text)
    assert (q.kind, q.speaker, q.mention.text, q.cue.text) == ("direct", None, "it", q.cue.text)
    # One attribution, by nobody named.
    (a,) = presslens.extract_attributions(text)
    assert (a.kind, a.source.text, a.speaker) == ("direct", "it", None)


def test_they_said_without_antecedent_is_one_attribution():
    text = 'Ana Ruiz spoke on Monday. "We will win," they said.'
    assert len(presslens.extract_attributions(text)) == 1


def test_it_without_a_speech_verb_is_no_source():
    text = 'The ministry issued a report on Monday. "Prices will rise," it is feared.'
    q = only(text)
    assert q.speaker is None and (q.mention is None or q.mention.text != "it")
