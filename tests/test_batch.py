"""The shared batch executor (src/py/batch.rs): chunked convert -> parallel work -> build.

Inputs cross the chunk limits (128 items, 2**15 code points per chunk) so results from
several chunks, built while the next chunk is worked on, must come back complete and in order.
"""

import pytest

import presslens
from presslens import _core

SMALL = [f"Item {i} is “good,” said Ann Lee. Next {i}." for i in range(5000)]
# Over one chunk's size on its own, with non-ASCII text and a lone surrogate.
BIG = ("Une phrase é. “Bad news\ud800,” he said. " * 40000)[: (1 << 20) + 123]


@pytest.mark.parametrize("n_threads", [None, 1, 2, 3])
def test_many_small_texts_in_order(n_threads):
    texts = SMALL[:4500]
    assert presslens.split_sentences_batch(texts, n_threads=n_threads) == [
        presslens.split_sentences(t) for t in texts
    ]
    per_call = [presslens.polarity_scores(t) for t in texts]
    assert presslens.polarity_scores_batch(texts, n_threads=n_threads) == per_call
    scores = presslens.polarity_scores_columns(texts, n_threads=n_threads)
    assert scores["compound"] == [s["compound"] for s in per_call]
    assert scores["neg"] == [s["neg"] for s in per_call]


@pytest.mark.parametrize("n_threads", [None, 1, 2])
def test_big_texts_between_small_ones(n_threads):
    texts = ["A. B.", BIG, "C said “x.”", BIG[:1000], ""]
    assert presslens.split_sentences_batch(texts, n_threads=n_threads) == [
        presslens.split_sentences(t) for t in texts
    ]
    assert presslens.extract_quotes_batch(texts, n_threads=n_threads) == [
        presslens.extract_quotes(t) for t in texts
    ]
    cols = _core.analyze_columns(texts, n_threads=n_threads)
    assert cols["documents"]["n_sentences"] == [len(presslens.split_sentences(t)) for t in texts]


def test_quotes_and_tables_over_many_chunks():
    texts = SMALL
    got = presslens.extract_quotes_batch(texts, n_threads=2)
    assert got == [presslens.extract_quotes(t) for t in texts]
    cols = _core.analyze_columns(texts, n_threads=2)
    assert cols["quotes"]["doc"] == [i for i, qs in enumerate(got) for _ in qs]


@pytest.mark.parametrize("n_threads", [None, 1, 2])
def test_bad_item_after_several_chunks_raises(n_threads):
    texts = SMALL + [5] + SMALL[:10]
    for fn in (presslens.split_sentences_batch, presslens.extract_quotes_batch, presslens.polarity_scores_batch,
               presslens.polarity_scores_columns):
        with pytest.raises(TypeError, match=r"texts\[5000\]"):
            fn(texts, n_threads=n_threads)


def test_generator_input_read_once():
    def gen():
        yield from SMALL[:5000]

    assert presslens.split_sentences_batch(gen(), n_threads=2) == [presslens.split_sentences(t) for t in SMALL]


class Reversed(list):
    """A list subclass that iterates in reverse: a batch must follow its __iter__."""

    def __iter__(self):
        return iter(self[::-1])


@pytest.mark.parametrize("n_threads", [1, 2])
def test_sentiment_batch_input_kinds(n_threads):
    # Lists and tuples are held as one tuple (copied in C); a list subclass, a generator and
    # other iterables are iterated like before. Over several chunks, with a non-ASCII text
    # and a lone surrogate in the middle.
    texts = SMALL[:300] + ["Très “bad”\ud800 news!", "GOOD :)"] + SMALL[300:600]
    want = [presslens.polarity_scores(t) for t in texts]
    for given in (texts, tuple(texts), (t for t in texts), dict.fromkeys(texts).keys()):
        assert presslens.polarity_scores_batch(given, n_threads=n_threads) == want
    rev = Reversed(texts)
    assert presslens.polarity_scores_batch(rev, n_threads=n_threads) == want[::-1]
    cols = presslens.polarity_scores_columns(rev, n_threads=n_threads)
    assert cols["compound"] == [s["compound"] for s in want[::-1]]
    with pytest.raises(TypeError, match=r"texts\[301\]"):
        presslens.polarity_scores_columns(tuple(texts[:301]) + (b"x",), n_threads=n_threads)
