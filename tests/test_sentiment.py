"""VADER sentiment: exact parity with vaderSentiment 3.3.2, batch, custom lexicons, bad input."""

import json
import math
import pathlib
import pickle
import sys

import pytest

import presslens
from conftest import DATA, load_jsonl

KEYS = ("neg", "neu", "pos", "compound")
SCRIPTS = pathlib.Path(__file__).resolve().parent.parent / "scripts"


@pytest.fixture(scope="module")
def reference():
    rows = load_jsonl("vader_reference.jsonl")
    assert len(rows) == 24_390
    return rows


def _mismatches(rows, results):
    # repr() compares the exact float, sign of zero included (-0.0 is in the reference).
    return [
        (r["set"], r["text"][:80], res, {k: r[k] for k in KEYS})
        for r, res in zip(rows, results)
        if any(repr(res[k]) != repr(r[k]) for k in KEYS)
    ]


def test_reference_parity_per_call(reference):
    results = [presslens.polarity_scores(r["text"]) for r in reference]
    bad = _mismatches(reference, results)
    assert not bad, f"{len(bad)} of {len(reference)} rows differ, e.g. {bad[:3]}"


def test_reference_parity_batch(reference):
    texts = [r["text"] for r in reference]
    for n in (1, 2, None):
        cols = presslens.polarity_scores_columns(texts, n_threads=n)
        assert set(cols) == set(KEYS)
        assert all(len(cols[k]) == len(texts) for k in KEYS)
        results = [dict(zip(KEYS, vals)) for vals in zip(*(cols[k] for k in KEYS))]
        bad = _mismatches(reference, results)
        assert not bad, f"n_threads={n}: {len(bad)} rows differ, e.g. {bad[:3]}"
        # The batch shape: one dict per text, the same numbers.
        assert presslens.polarity_scores_batch(texts, n_threads=n) == results


def test_analyzer_is_drop_in(reference):
    sia = presslens.SentimentIntensityAnalyzer()
    rows = reference[::50]
    bad = _mismatches(rows, [sia.polarity_scores(r["text"]) for r in rows])
    assert not bad
    assert sia.lexicon["good"] == 1.9
    assert len(sia.lexicon) == 7506


def test_known_example():
    assert presslens.polarity_scores("VADER is smart, handsome, and funny.") == {
        "neg": 0.0,
        "neu": 0.254,
        "pos": 0.746,
        "compound": 0.8316,
    }


def test_each_call_returns_its_own_dict_in_vader_key_order():
    # The dicts are copies of one template: editing a result must not leak into the next one,
    # and a neutral text (the template's own values) gets a fresh dict too.
    for text in ("", "The table is brown.", "I love it", "I hate it", "not bad at ALL!!"):
        first = presslens.polarity_scores(text)
        assert tuple(first) == KEYS
        expected = dict(first)
        first["neg"], first["extra"] = 99.0, 1
        del first["compound"]
        again = presslens.polarity_scores(text)
        assert again == expected and tuple(again) == KEYS and again is not first
    rows = presslens.polarity_scores_batch(["", "", "I love it"], n_threads=1)
    rows[0]["neu"] = -1.0
    assert rows[1] == {"neg": 0.0, "neu": 0.0, "pos": 0.0, "compound": 0.0}
    assert presslens.polarity_scores("") == rows[1]


def test_batch_makes_a_dataframe():
    pd = pytest.importorskip("pandas")
    df = pd.DataFrame(presslens.polarity_scores_columns(["good", "bad", ""]))
    assert list(df.columns) == list(KEYS)
    assert pd.DataFrame(presslens.polarity_scores_batch(["good", "bad", ""])).equals(df)
    assert df["compound"].tolist() == [0.4404, -0.5423, 0.0]


@pytest.mark.parametrize("text", ["", " ", "\t\n  \u3000", "\x1c\x1f"])
def test_empty_and_whitespace(text):
    assert presslens.polarity_scores(text) == dict.fromkeys(KEYS, 0.0)


@pytest.mark.parametrize("bad", [None, 3, b"good", ["good"]])
def test_non_str_raises_type_error(bad):
    with pytest.raises(TypeError, match=type(bad).__name__):
        presslens.polarity_scores(bad)
    with pytest.raises(TypeError, match=type(bad).__name__):
        presslens.SentimentIntensityAnalyzer().polarity_scores(bad)
    with pytest.raises(TypeError):
        presslens.polarity_scores_batch(["ok", bad])


def test_polarity_scores_takes_exactly_one_text():
    # Both entry points are one-argument builtins (METH_O): no tuple per call.
    import inspect

    sia = presslens.SentimentIntensityAnalyzer()

    class Sub(presslens.SentimentIntensityAnalyzer):
        pass

    for f in (presslens.polarity_scores, sia.polarity_scores, Sub().polarity_scores):
        assert str(inspect.signature(f)) == "(text, /)"
        assert f("not bad") == presslens.polarity_scores("not bad")
        for args, kwargs in [((), {}), (("a", "b"), {}), ((), {"text": "a"})]:
            with pytest.raises(TypeError):
                f(*args, **kwargs)
    # The method applies to analyzers only.
    with pytest.raises(TypeError, match="SentimentIntensityAnalyzer"):
        presslens.SentimentIntensityAnalyzer.polarity_scores(3, "good")
    assert presslens.polarity_scores.__module__ == "presslens._core"


def test_batch_rejects_single_str_and_zero_threads():
    with pytest.raises(TypeError):
        presslens.polarity_scores_batch("good")
    with pytest.raises(ValueError):
        presslens.polarity_scores_batch(["good"], n_threads=0)


def test_lone_surrogates_do_not_crash():
    assert presslens.polarity_scores("good \ud800 day")["compound"] == 0.4404


class _Str(str):
    """A str subclass: scored like the str it holds."""


def test_batch_texts_of_every_kind_score_like_single_calls():
    # Batches read each text's UTF-8 in place; texts that cannot be (lone surrogates) take the
    # repairing path. Over several chunks (more than 4096 items), both shapes, 1 and 2 threads.
    kinds = ["Good day!", "bad \ud800 news :(", _Str("NOT great, but OK"), "", "café ☃ GREAT",
             "x" * 5000 + " awful"]
    texts = [kinds[i % len(kinds)] + f" {i}" for i in range(9000)]
    want = [presslens.polarity_scores(t) for t in texts]
    for n_threads in (1, 2):
        assert presslens.polarity_scores_batch(texts, n_threads=n_threads) == want
        cols = presslens.polarity_scores_columns(texts, n_threads=n_threads)
        assert list(cols) == ["neg", "neu", "pos", "compound"]
        assert [dict(zip(cols, v)) for v in zip(*cols.values())] == want
    assert presslens.polarity_scores(_Str("good")) == presslens.polarity_scores("good")


def test_batch_keeps_order_over_chunks_of_every_size():
    # Chunks end after 128 texts or 32 KB: texts long enough to end a chunk alone, runs of
    # short ones, empty ones; each thread claims chunks as it goes, and every result must
    # still land in its own place, on 1 to 3 threads, both shapes.
    words = ["good", "bad", "great", "awful", "fine", "sad", "ok"]
    texts = [f"{'very ' * (i // 7 % 4)}{words[i % 7]} {i}" for i in range(1500)]
    texts[3] = "What a wonderful, happy day! " * 1200
    texts[640] = "This is a terrible, awful mess. " * 1100
    texts[641] = ""
    texts[1499] = "So GOOD " * 5000
    want = [presslens.polarity_scores(t) for t in texts]
    for n_threads in (1, 2, 3):
        assert presslens.polarity_scores_batch(texts, n_threads=n_threads) == want
        cols = presslens.polarity_scores_columns(texts, n_threads=n_threads)
        assert [dict(zip(cols, v)) for v in zip(*cols.values())] == want


def test_batch_bad_item_names_its_position():
    texts = ["fine"] * 5000 + [b"bytes"]
    for call in (presslens.polarity_scores_batch, presslens.polarity_scores_columns):
        with pytest.raises(TypeError, match=r"texts\[5000\].*bytes"):
            call(texts, n_threads=2)


def test_custom_lexicon_file(tmp_path):
    p = tmp_path / "lex.txt"
    p.write_text("zorblax\t3.1\t0.5\t[3, 3]\ngood\t-1.0\n", encoding="utf-8")
    sia = presslens.SentimentIntensityAnalyzer(lexicon=p)
    assert sia.polarity_scores("zorblax")["compound"] > 0
    assert sia.polarity_scores("good")["compound"] < 0
    assert sia.lexicon == {"zorblax": 3.1, "good": -1.0}
    # str path too
    assert presslens.SentimentIntensityAnalyzer(str(p)).lexicon == sia.lexicon


def test_custom_lexicon_file_errors_name_file_line_reason(tmp_path):
    p = tmp_path / "bad.txt"
    p.write_text("good\t1.0\nbad\tnot-a-number\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad\.txt.*line 2.*not a number"):
        presslens.SentimentIntensityAnalyzer(lexicon=p)
    p.write_text("good\t1.0\n\nnotabs\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"line 3"):
        presslens.SentimentIntensityAnalyzer(lexicon=str(p))
    with pytest.raises(ValueError, match="cannot read"):
        presslens.SentimentIntensityAnalyzer(lexicon=tmp_path / "missing.txt")


def test_custom_lexicon_mapping_and_emoji():
    sia = presslens.SentimentIntensityAnalyzer(lexicon={"great": 2.0}, emoji_lexicon={"☃": "great"})
    assert sia.polarity_scores("☃")["compound"] == sia.polarity_scores("great")["compound"] > 0
    assert sia.polarity_scores("good")["compound"] == 0.0


def test_update_lexicon_is_all_or_nothing():
    sia = presslens.SentimentIntensityAnalyzer()
    before = sia.polarity_scores("zorblax is good")
    with pytest.raises(ValueError, match="oops"):
        sia.update_lexicon({"zorblax": 2.0, "oops": "high"})
    with pytest.raises(ValueError, match="nanword"):
        sia.update_lexicon({"zorblax": 2.0, "nanword": math.nan})
    assert sia.polarity_scores("zorblax is good") == before
    sia.update_lexicon({"zorblax": 2.0, "good": 0.5})
    assert sia.lexicon["zorblax"] == 2.0 and sia.lexicon["good"] == 0.5
    assert sia.polarity_scores("zorblax is good") != before
    # the module-level default is untouched
    assert presslens.polarity_scores("good")["compound"] == 0.4404


def test_pickle_round_trip():
    sia = presslens.SentimentIntensityAnalyzer()
    sia.update_lexicon({"zorblax": 2.5})
    back = pickle.loads(pickle.dumps(sia))
    for t in ["zorblax!", "not good 😁", "GREAT but awful"]:
        assert back.polarity_scores(t) == sia.polarity_scores(t)


def test_sentence_sentiment_offsets_and_scores(articles):
    for text in list(articles.values())[:2]:
        rows = presslens.sentence_sentiment(text)
        sents = presslens.split_sentences(text)
        assert len(rows) == len(sents)
        for r, s in zip(rows, sents):
            assert (r["start"], r["end"], r["text"]) == (s.start, s.end, s.text)
            assert text[r["start"] : r["end"]] == r["text"]
            assert {k: r[k] for k in KEYS} == presslens.polarity_scores(r["text"])


def test_accuracy_matches_vader_published_numbers():
    sys.path.insert(0, str(SCRIPTS))
    try:
        import sentiment_accuracy
    finally:
        sys.path.pop(0)
    table = sentiment_accuracy.evaluate(DATA / "icwsm2014")
    got = {name: round(r, 3) for name, (r, _f1, _n) in table.items()}
    assert got == {
        "tweets": 0.872,
        "movieReviewSnippets": 0.427,
        "amazonReviewSnippets": 0.590,
        "nytEditorialSnippets": 0.503,
    }
    f1 = {name: round(f, 3) for name, (_r, f, _n) in table.items()}
    assert f1 == {
        "tweets": 0.954,
        "movieReviewSnippets": 0.605,
        "amazonReviewSnippets": 0.661,
        "nytEditorialSnippets": 0.629,
    }


def test_lexicon_edits_in_place_like_vadersentiment():
    sia = presslens.SentimentIntensityAnalyzer()
    text = "The summit was blorft."
    assert sia.polarity_scores(text)["compound"] == 0.0
    assert "blorft" not in sia.lexicon
    sia.lexicon.update({"blorft": -1.5})
    assert sia.lexicon["blorft"] == -1.5
    assert sia.polarity_scores(text)["compound"] < 0
    sia.lexicon["blorft"] = 2.0
    assert sia.polarity_scores(text)["compound"] > 0
    del sia.lexicon["blorft"]
    assert sia.polarity_scores(text)["compound"] == 0.0
    with pytest.raises(KeyError):
        del sia.lexicon["no-such-token"]
    with pytest.raises(ValueError):
        sia.lexicon.update({"good": "very"})
    # a rejected update leaves the lexicon as it was
    assert sia.lexicon["good"] == presslens.SentimentIntensityAnalyzer().lexicon["good"]
    assert isinstance(sia.lexicon.copy(), dict)
    clone = pickle.loads(pickle.dumps(sia))
    assert type(clone) is type(sia) and clone.lexicon == sia.lexicon


def test_score_floats_are_shared_and_survive_their_results():
    # Every score is a multiple of 1/10,000 in [-1, 1]; each such value's float is made once
    # and shared by every result (a batch then allocates no floats). Results being dropped
    # must not free the shared floats: values stay exact over many rounds.
    texts = ["I love it", "I hate it", "not bad at ALL!!", "", "VADER is smart, handsome, and funny."]
    expected = [presslens.polarity_scores(t) for t in texts]
    for _ in range(200):
        cols = presslens.polarity_scores_columns(texts * 3, n_threads=1)
        rows = presslens.polarity_scores_batch(texts * 3, n_threads=1)
        del cols, rows
    cols = presslens.polarity_scores_columns(texts * 2, n_threads=1)
    n = len(texts)
    for k in KEYS:
        assert all(type(v) is float for v in cols[k])
        assert cols[k][:n] == [e[k] for e in expected]
        assert all(cols[k][i] is cols[k][i + n] for i in range(n)), k
    one, two = presslens.polarity_scores("I love it"), presslens.polarity_scores("I love it")
    assert all(one[k] is two[k] for k in KEYS)
