"""Sentence splitting: accuracy on the gold fixtures, exact offsets, invariants, bad input."""

from __future__ import annotations

import importlib.util
import pickle

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import presslens
from presslens import Sentence, split_sentences, split_sentences_batch

from conftest import ROOT


def _load_scorer():
    spec = importlib.util.spec_from_file_location("score_sentences", ROOT / "scripts" / "score_sentences.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


scorer = _load_scorer()


def check_invariants(text: str, sents: list) -> None:
    """Sorted, disjoint, exact, trimmed, non-empty, and every non-space char covered."""
    last = 0
    for s in sents:
        assert isinstance(s, Sentence)
        assert last <= s.start < s.end <= len(text), (s, last)
        assert text[s.start:s.end] == s.text
        assert s.text == s.text.strip() and s.text
        assert text[last:s.start].strip() == "", f"uncovered {text[last:s.start]!r}"
        last = s.end
    assert text[last:].strip() == ""


# ------------------------------------------------------------------ accuracy


def test_gold_span_f1():
    rows = scorer.score_gold(scorer.presslens_spans)
    for doc, (p, r, f, tp, n_p, n_g) in rows.items():
        print(f"{doc:32} P={p:.4f} R={r:.4f} F1={f:.4f} ({tp}/{n_p}/{n_g})")
    assert rows["total"][2] >= 0.98


def test_golden_rules():
    passed, total, failures = scorer.score_rules(scorer.presslens_texts)
    print(f"golden rules {passed}/{total}")
    for f in failures:
        print("  failed:", f)
    assert total == 48
    assert passed >= 47


def test_offsets_exact_on_all_articles(articles):
    for name, text in articles.items():
        sents = split_sentences(text)
        assert len(sents) > 20, name
        check_invariants(text, sents)


@pytest.mark.parametrize(
    "text",
    [
        "Trump 😀 met Putin. 👍🏽 They talked. 🇺🇸 U.S. flags flew.",
        "Line one.\r\nLine two.\r\n\r\nLine three",
        "\u00a0Non-breaking\u00a0space. Next\u00a0one.\u00a0",
        "Lone \ud800 surrogate. Another \udfff one. \ud83d",
        "Cafe\u0301 au lait. Zoe\u0308 said so. n\u0303",
        "\u2003Em space.\u2009Thin space.\u3000Ideographic.",
        "“Quote.” Then ‘single.’ Then done…",
    ],
)
def test_offsets_exact_on_tricky_text(text):
    sents = split_sentences(text)
    assert len(sents) >= 2
    check_invariants(text, sents)


def test_expected_sentences_with_emoji_and_surrogates():
    text = "Hi 😀. Bye \ud800. End."
    assert [s.text for s in split_sentences(text)] == ["Hi 😀.", "Bye \ud800.", "End."]
    assert split_sentences("A.\r\nB.") == [Sentence(0, 2, "A."), Sentence(4, 6, "B.")]


# ------------------------------------------------------------------ properties

NEWSY = st.lists(
    st.sampled_from(
        [".", "!", "?", "…", "...", " ", "\n", "\r\n", "\u00a0", "“", "”", "’", "\"", "(", ")",
         "Mr", "U.S", "a.m", "A", "I", "b", "The", "word", "1", "2.", "•", "—", "@x", "é",
         "😀", "\u0301", "\ud800", "\x1c", "\t", "said", "Credit", "ANCHORAGE, Alaska"]
    ),
    max_size=60,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(), NEWSY))
def test_invariants_hold_on_any_text(text):
    check_invariants(text, split_sentences(text))


# ------------------------------------------------------------------ bad input


@pytest.mark.parametrize("bad", [None, b"bytes", 3, float("nan")])
def test_non_str_raises_type_error_naming_type(bad):
    with pytest.raises(TypeError, match=type(bad).__name__):
        split_sentences(bad)
    with pytest.raises(TypeError, match=type(bad).__name__):
        split_sentences_batch(["ok", bad])


def test_empty_and_blank():
    assert split_sentences("") == []
    assert split_sentences(" \n\u00a0\t") == []
    assert split_sentences_batch([]) == []
    assert split_sentences_batch(["", "A."]) == [[], [Sentence(0, 2, "A.")]]


@pytest.mark.parametrize("unit", ["“", ".", "Mr. ", "a"])
def test_linear_inputs_complete(unit):
    # 1 MB of one repeated unit (no timing assertion: speed is measured by the benchmark).
    text = unit * (1_000_000 // len(unit.encode()))
    sents = split_sentences(text)
    check_invariants(text, sents)


# ------------------------------------------------------------------ the Sentence type


def test_sentence_value_semantics():
    s = split_sentences("Mr. Smith left. He came back.")[1]
    assert (s.start, s.end, s.text) == (16, 29, "He came back.")
    assert s == Sentence(16, 29, "He came back.")
    assert s != Sentence(16, 29, "He came back!")
    assert s != (16, 29, "He came back.")
    assert hash(s) == hash(Sentence(16, 29, "He came back."))
    assert len(s) == 13
    assert repr(s) == "Sentence(16, 29, 'He came back.')"
    assert pickle.loads(pickle.dumps(s)) == s
    long = Sentence(0, 100, "x" * 100)
    assert len(repr(long)) < 100 and repr(long).endswith("…)")


# ------------------------------------------------------------------ batch


@pytest.mark.parametrize("n_threads", [None, 1, 2])
def test_batch_equals_per_text(articles, n_threads):
    texts = list(articles.values()) + ["", "One. Two.", "Lone \ud800. Next."]
    want = [split_sentences(t) for t in texts]
    assert split_sentences_batch(texts, n_threads=n_threads) == want
    assert split_sentences_batch(iter(texts), n_threads=n_threads) == want


def test_n_threads_must_be_a_positive_int():
    with pytest.raises(TypeError):
        split_sentences_batch(["a"], n_threads=float("nan"))
    with pytest.raises(ValueError, match="n_threads"):
        split_sentences_batch(["a"], n_threads=0)


def test_sentence_pickles_alone_and_keeps_offsets():
    article = "Intro words here. " * 5000 + "Mr. Smith left. He came back."
    s = split_sentences(article)[-1]
    data = pickle.dumps(s)
    assert len(data) < 200  # the sentence, not the whole article
    again = pickle.loads(data)
    assert (again.start, again.end, again.text) == (s.start, s.end, s.text)
    assert again == s and hash(again) == hash(s)
    assert article[again.start:again.end] == again.text


def test_sentences_of_str_subclass_and_untracked():
    import gc

    class Article(str):
        pass

    text = Article("Lone \ud800. Caf\u00e9 “quoted.” Done.")
    sents = split_sentences(text)
    check_invariants(text, sents)
    assert all(type(s.text) is str for s in sents)
    # Sentences cannot be in a reference cycle, so the cycle collector does not scan them.
    assert not any(gc.is_tracked(s) for s in sents)
    assert split_sentences_batch([text], n_threads=2) == [sents]


def test_long_non_ascii_text_converted_in_pieces():
    # Over 2**20 code points: read in pieces, with a lone surrogate right at a piece edge.
    unit = "Ça va “bien.” "
    text = unit * ((1 << 20) // len(unit)) + "\ud800 end. Fin."
    text = text[: 1 << 20] + "\udc00" + text[1 << 20 :]
    sents = split_sentences(text)
    check_invariants(text, sents)
    assert split_sentences_batch([text, "A. B."], n_threads=2) == [sents, split_sentences("A. B.")]


@pytest.mark.parametrize("n_threads", [1, 2, 3, None])
def test_batch_many_texts_in_order(articles, n_threads):
    base = list(articles.values()) + ["", "A.", "plain ascii. text here.", "Lone \ud800. Next."]
    texts = [t[: (i * 997) % (len(t) + 1)] for i, t in enumerate(base * 40)]
    want = [split_sentences(t) for t in texts]
    assert split_sentences_batch(texts, n_threads=n_threads) == want
