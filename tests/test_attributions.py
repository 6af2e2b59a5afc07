"""extract_attributions: every form of reported speech, exact str offsets, hostile input.

All sentences here are written for these tests.
"""

import pickle

import pytest

import presslens
from presslens import Attribution, extract_attributions, extract_attributions_batch


def check_offsets(text, attrs):
    for a in attrs:
        spans = [a.content, *a.parts] + [s for s in (a.source, a.cue) if s is not None]
        for s in spans:
            assert text[s.start : s.end] == s.text
        assert a.start == a.content.start and a.end == a.content.end and a.text == a.content.text
        assert a.parts[0].start == a.start and a.parts[-1].end == a.end
        for q in a.quotes:
            assert a.start <= q.start and q.end <= a.end


def one(text):
    attrs = extract_attributions(text)
    check_offsets(text, attrs)
    assert len(attrs) == 1, attrs
    a = attrs[0]
    return a.text, (a.source.text if a.source else None), (a.cue.text if a.cue else None), a.kind


@pytest.mark.parametrize(
    "text, expected",
    [
        # NP cue (that) CLAUSE
        ("The mayor said that the bridge would reopen in May.",
         ("that the bridge would reopen in May", "The mayor", "said", "indirect")),
        ("Ms. Okafor argued the budget was too small.",
         ("the budget was too small", "Ms. Okafor", "argued", "indirect")),
        ("The union warned that the strike could last for weeks.",
         ("that the strike could last for weeks", "The union", "warned", "indirect")),
        ("The coach told reporters the team had played badly.",
         ("the team had played badly", "The coach", "told", "indirect")),
        ("The council plans to raise parking fees next year.",
         ("to raise parking fees next year", "The council", "plans", "indirect")),
        # CLAUSE, NP cue
        ("The talks failed, he said on Tuesday.", ("The talks failed", "he", "said", "indirect")),
        ("Prices will rise again next year, said Maria Lopez, an economist at the bank.",
         ("Prices will rise again next year", "Maria Lopez", "said", "indirect")),
        # according to
        ("According to officials, the talks will resume on Friday.",
         ("the talks will resume on Friday", "officials", "According to", "indirect")),
        ("The factory will close in June, according to a company filing.",
         ("The factory will close in June", "a company filing", "according to", "indirect")),
        # NP's claim that
        ("Parents were angered by the governor's claim that the schools were safe.",
         ("that the schools were safe", "governor's", "claim", "indirect")),
        # colon form
        ("City council: new stadium will not be built",
         ("new stadium will not be built", "City council", ":", "indirect")),
        # in a statement
        ("The ministry said in a statement that no one was hurt.",
         ("that no one was hurt", "The ministry", "said in a statement", "indirect")),
        # passive and no-source forms
        ("The senator was quoted as saying the vote was rigged.",
         ("the vote was rigged", "The senator", "quoted as saying", "indirect")),
        ("It is believed that the painting was stolen in 1990.",
         ("that the painting was stolen in 1990", None, "is believed", "indirect")),
        # organisations and documents as sources
        ("A new report found that rents rose by a third.",
         ("that rents rose by a third", "A new report", "found", "indirect")),
        ("In a survey released Monday, most voters opposed the new tax.",
         ("most voters opposed the new tax", "a survey released Monday", "In", "indirect")),
    ],
)
def test_forms(text, expected):
    assert one(text) == expected


def test_parenthetical_source_gives_two_parts():
    text = "The new rules, the regulator said, will take effect in March."
    (a,) = extract_attributions(text)
    check_offsets(text, [a])
    assert [p.text for p in a.parts] == ["The new rules", "will take effect in March"]
    assert a.source.text == "the regulator"


def test_shared_source_with_adding():
    text = "The mayor said the budget was balanced, adding that taxes would not rise."
    attrs = extract_attributions(text)
    check_offsets(text, attrs)
    assert [a.text for a in attrs] == ["the budget was balanced", "that taxes would not rise"]
    assert [a.source.text for a in attrs] == ["The mayor", "The mayor"]


def test_pronoun_source_is_resolved_like_quote_speakers():
    text = "Angela Brandt runs the clinic. She said the waiting list had doubled."
    (a,) = extract_attributions(text)
    assert a.source.text == "She" and a.speaker == "Angela Brandt"


def test_direct_quote_is_one_attribution_matching_extract_quotes():
    text = "“We will rebuild,” Mayor Ana Ruiz said. “It will take years.”"
    (a,) = extract_attributions(text)
    check_offsets(text, [a])
    assert a.kind == "direct" and a.speaker == "Ana Ruiz"
    assert [p.text for p in a.parts] == ["“We will rebuild,”", "“It will take years.”"]
    assert a.quotes == presslens.extract_quotes(text)


def test_mixed_holds_its_partial_quote():
    text = "The judge said the request was “plainly absurd” and denied it."
    (a,) = extract_attributions(text)
    check_offsets(text, [a])
    assert a.kind == "mixed"
    assert [q.text for q in a.quotes] == ["plainly absurd"]
    assert a.text == "the request was “plainly absurd” and denied it"


def test_nested_reporting_is_one_outermost_attribution():
    text = "He said she said that the deal was off."
    (a,) = extract_attributions(text)
    assert a.source.text == "He" and a.text == "she said that the deal was off"


@pytest.mark.parametrize("text", ["", " ", "He said.", "said", ", said", "According to", "told", "“”", "...", "\n\n"])
def test_no_content(text):
    attrs = extract_attributions(text)
    check_offsets(text, attrs)
    assert all(a.text for a in attrs)
    assert extract_attributions("He said.") == []


def test_nouns_are_not_cues():
    assert extract_attributions("The terrorist attacks in the capital shocked the region.") == []
    assert extract_attributions("State officials met on Monday to review the plan.") == []


def test_long_sentence_linear_and_exact():
    words = " ".join("officials said" if i % 7 == 0 else "wörd" for i in range(10_000))
    text = "The committee said that " + words + "."
    attrs = extract_attributions(text)
    check_offsets(text, attrs)
    assert len(attrs) == 1 and attrs[0].end == len(text) - 1


def test_offsets_are_code_points_with_astral_chars_and_surrogates():
    text = "😀 Die Ärztin 🎉 said the clinic was “très bien” today. 😀 Officials said the café closed."
    attrs = extract_attributions(text)
    check_offsets(text, attrs)
    assert [a.kind for a in attrs] == ["mixed", "indirect"]
    lone = "Officials said the \ud800 plan failed."
    attrs = extract_attributions(lone)
    check_offsets(lone, attrs)
    assert attrs[0].text == "the \ud800 plan failed"


def test_type_errors():
    with pytest.raises(TypeError):
        extract_attributions(b"He said it.")
    with pytest.raises(TypeError):
        extract_attributions(None)
    with pytest.raises(TypeError):
        extract_attributions_batch(["ok", 3])
    with pytest.raises(ValueError):
        extract_attributions_batch(["ok"], n_threads=0)


def test_batch_equals_single_and_pickles():
    texts = [
        "The mayor said the bridge would reopen in May. “It will take years,” she added.",
        "",
        "According to officials, the talks will resume on Friday.",
    ] * 5
    batch = extract_attributions_batch(texts, n_threads=2)
    assert batch == [extract_attributions(t) for t in texts]
    a = batch[0][0]
    assert isinstance(a, Attribution)
    assert pickle.loads(pickle.dumps(a)) == a
    assert "kind=\"indirect\"" in repr(a)
