"""A quote introduced by an "as X said" clause ("As the mayor put it, “…”"), round 14b, in the
project's own invented sentences with exact ``str`` offsets. After "as" the mention is the
cue's subject, not the object of a preposition; the quote is direct speech, not a scare quote."""

from __future__ import annotations

import presslens
from conftest import quote_mentions


def speakers(text: str):
    """(quote start, quote end, kind, mention text) of each quote, offsets checked."""
    return [(s, e, kind, m) for s, e, kind, _, _, m in quote_mentions(text)]


def test_as_a_name_said_then_the_quote():
    t = "The ferry ran late again. But, as Ms. Ortega said, “We have waited long enough.” So it goes."
    assert t[52:79] == "We have waited long enough."
    assert speakers(t) == [(52, 79, "direct", "Ms. Ortega")]


def test_as_a_description_put_it():
    t = "Fares rose twice. As the city manager put it, “Nobody rides a boat for the view.”"
    assert t[47:80] == "Nobody rides a boat for the view."
    assert speakers(t) == [(47, 80, "direct", "the city manager")]


def test_as_a_name_once_said_with_a_time_and_place_before_the_comma():
    t = "It was not new. As Tom Reyes once said in Tulsa last fall, “Every bridge is a promise.”"
    assert t[60:86] == "Every bridge is a promise."
    assert speakers(t) == [(60, 86, "direct", "Tom Reyes")]


def test_as_clause_followed_by_the_writers_own_words_is_not_a_direct_quote():
    # The first comma after the cue opens a stretch of the writer's words, not the quote:
    # the quote is part of a longer report, and "as" keeps its old reading.
    t = "Yet as Ana Kell noted, in the first year of the plan, “who would pay for it?” They did."
    assert [k for _, _, k, _ in speakers(t)] != ["direct"]


def test_as_before_a_role_word_is_still_a_comparison():
    # "such cities as Tulsa said" is rare; a mention after "as" with no cue right after it
    # stays an object ("served as mayor"), and the quote keeps the speaker before it.
    t = "Lena Ruiz, who served as mayor, said, “The budget is closed.”"
    assert t[39:60] == "The budget is closed."
    assert speakers(t) == [(39, 60, "direct", "Lena Ruiz")]


# --- "said one aide familiar with the talks": a phrase after the noun still names the source ---


def with_offsets(text: str):
    out = []
    for q in presslens.extract_quotes(text):
        m = q.mention
        out.append((q.start, q.end, q.kind, m.start if m else None, m.end if m else None, m.text if m else None))
        if m is not None:
            assert text[m.start : m.end] == m.text
    return out


def test_inverted_cue_source_with_a_familiar_with_phrase():
    t = "“It was never going to pass,” said one Democrat familiar with the talks."
    assert t[35:71] == "one Democrat familiar with the talks"
    assert with_offsets(t) == [(1, 28, "direct", 35, 71, "one Democrat familiar with the talks")]


def test_inverted_cue_source_phrase_ends_before_who():
    t = "“We start over,” said one Republican involved in the planning, who asked not to be named."
    assert t[22:61] == "one Republican involved in the planning"
    assert with_offsets(t) == [(1, 15, "direct", 22, 61, "one Republican involved in the planning")]


def test_a_phrase_after_a_thing_or_holding_a_verb_is_no_source():
    # "the video to its viewers": no person is named before "to"; a verb in the phrase
    # makes it a clause of its own.
    assert with_offsets("“Not again,” said the video to its viewers.")[0][5] is None
    t = "“Cut the budget,” said the Mayor of Elm will resign."
    assert all(m is None or "resign" not in m for *_, m in with_offsets(t))


def test_a_person_is_a_source_description():
    # "person" heads an unnamed source's description as "aide" does. (The phrase after it,
    # "with knowledge of …", is not yet part of the mention; the test pins only its start.)
    t = "“It was never going to pass,” said one person with knowledge of the talks."
    (q,) = with_offsets(t)
    assert q[:4] == (1, 28, "direct", 35)
    assert q[5] is not None and q[5].startswith("one person")
