"""Hostile input: one short quoted sentence repeated many times.

Every pass must stay linear in the text: a per-quote scan back to the start of the text or of
the paragraph, or a search over all quotes or mentions so far, would make these texts take
tens of seconds (20k quotes in one paragraph). No timing here: each test checks the result is
right and complete, so a quadratic pass shows up as a test that runs into CI's time limit.

All sentences here are written for these tests.
"""

import pytest

import presslens

N = 20_000


def _named(n: int) -> str:
    return "".join(f'"Yes," said Ann Lee{i}. ' for i in range(n))


# unit, repeats -> (quote kind, attribution kind or None, attribution source)
UNITS = {
    "tagged": ('"Yes," she said. ', "direct", "direct", "she"),
    "pronoun": ('"Yes," he said. ', "direct", "direct", "he"),
    "untagged": ('"Yes." ', "scare", None, None),
    "colon": ('He said: "No." ', "direct", "direct", "He"),
    "mixed": ('She said the plan was "bad". ', "partial", "mixed", "She"),
    "paragraphs": ('"Yes," she said.\n\n', "direct", "direct", "she"),
}


@pytest.mark.parametrize("name", sorted(UNITS))
def test_repeated_quote_complete(name):
    unit, kind, attr_kind, source = UNITS[name]
    text = unit * N
    qs = presslens.extract_quotes(text)
    assert len(qs) == N
    assert {q.kind for q in qs} == {kind}
    assert [q.sentence for q in qs[-2:]] == [N - 2, N - 1]
    last = qs[-1]
    assert text[last.start:last.end] == last.text
    attrs = presslens.extract_attributions(text)
    if attr_kind is None:
        assert attrs == []
        return
    assert len(attrs) == N
    assert {a.kind for a in attrs} == {attr_kind}
    assert {a.source.text for a in attrs} == {source}
    assert attrs[-1].content.end <= len(text)


def test_repeated_distinct_names_complete():
    text = _named(N)
    qs = presslens.extract_quotes(text)
    assert len(qs) == N
    assert [q.speaker for q in qs[:2]] == ["Ann Lee0", "Ann Lee1"]
    assert qs[-1].speaker == f"Ann Lee{N - 1}"
    assert len(presslens.speakers(text)) == N
    attrs = presslens.extract_attributions(text)
    assert len(attrs) == N and attrs[-1].source.text == f"Ann Lee{N - 1}"


def test_repeated_quote_tables_complete():
    corpus = presslens.analyze(['"Yes," she said. ' * N, _named(N)], progress=False)
    assert len(corpus.quotes) == 2 * N
    assert len(corpus.attributions) == 2 * N
    assert len(corpus.speakers) == N
