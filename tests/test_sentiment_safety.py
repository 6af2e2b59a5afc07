"""The sentiment analyzer shared between threads, and custom valences at the extremes."""

import math
import threading

import pytest

import presslens
from presslens import SentimentIntensityAnalyzer

TEXTS = ["The results were good, very good!", "Not bad at all.", "A terrible, awful day."] * 20000


def test_update_lexicon_during_a_running_batch():
    sia = SentimentIntensityAnalyzer()
    want = SentimentIntensityAnalyzer().polarity_scores_columns(TEXTS, n_threads=1)
    result, errors = {}, []

    def batch():
        try:
            result.update(sia.polarity_scores_columns(TEXTS, n_threads=1))
        except Exception as e:  # noqa: BLE001 - the test reports it
            errors.append(e)

    worker = threading.Thread(target=batch)
    worker.start()
    edits = 0
    while worker.is_alive() or edits == 0:
        sia.update_lexicon({"good": -3.0 - edits % 2})  # used to raise "Already borrowed"
        sia.lexicon["awful"] = 2.0
        del sia.lexicon["awful"]
        edits += 1
    worker.join()
    assert not errors
    # The running batch scored with the lexicon it started with.
    assert result == want
    # Later calls see the edits.
    assert sia.polarity_scores("good")["compound"] < 0
    assert "awful" not in sia.lexicon


def test_scoring_from_many_threads_while_editing():
    sia = SentimentIntensityAnalyzer({"zzz": 2.0})
    errors = []

    def score():
        try:
            for _ in range(200):
                c = sia.polarity_scores("zzz")["compound"]
                assert c in (0.4588, -0.4588), c
        except Exception as e:  # noqa: BLE001
            errors.append(e)

    threads = [threading.Thread(target=score) for _ in range(4)]
    for t in threads:
        t.start()
    for i in range(200):
        sia.update_lexicon({"zzz": 2.0 if i % 2 else -2.0})
    for t in threads:
        t.join()
    assert not errors


@pytest.mark.parametrize("value", [1e101, -1e200, 1e200, 1e308, -1e308, math.inf, -math.inf, math.nan])
def test_out_of_range_valences_are_rejected(value, tmp_path):
    with pytest.raises(ValueError, match='valence of "zzz"'):
        SentimentIntensityAnalyzer({"zzz": value})
    sia = SentimentIntensityAnalyzer()
    with pytest.raises(ValueError, match='valence of "zzz"'):
        sia.update_lexicon({"qqqfine": 1.0, "zzz": value})
    with pytest.raises(ValueError, match='valence of "zzz"'):
        sia.lexicon["zzz"] = value
    assert "qqqfine" not in sia.lexicon  # nothing half-applied
    lex = tmp_path / "lex.txt"
    lex.write_text(f"good\t1.9\nzzz\t{value!r}\n", encoding="utf-8")
    with pytest.raises(ValueError, match="lex.txt"):
        SentimentIntensityAnalyzer(lex)


EXTREME_TEXTS = [
    "zzz",
    "ZZZ!!! zzz zzz very zzz",
    "not zzz but zzz",
    "zzz " * 5000 + "!!!",
    "zzz is good, yyy is bad",
    "yyy YYY yyy kind of yyy",
]


@pytest.mark.parametrize("value", [1e100, -1e100, 1e20, 4.0, -0.001, 0.0])
def test_accepted_extremes_stay_in_range(value):
    sia = SentimentIntensityAnalyzer({"zzz": value, "yyy": -value, "good": 1.9, "bad": -2.5})
    for text in EXTREME_TEXTS:
        s = sia.polarity_scores(text)
        assert all(math.isfinite(v) for v in s.values()), (text, s)
        assert -1.0 <= s["compound"] <= 1.0
        for k in ("neg", "neu", "pos"):
            assert 0.0 <= s[k] <= 1.0


@pytest.mark.parametrize("value", [1e100, -1e100, 1e20, 4.0, -0.001])
def test_accepted_extremes_match_vadersentiment(value):
    vader = pytest.importorskip("vaderSentiment.vaderSentiment")
    ref = vader.SentimentIntensityAnalyzer()
    ref.lexicon.update({"zzz": value, "yyy": -value})
    sia = SentimentIntensityAnalyzer()
    sia.update_lexicon({"zzz": value, "yyy": -value})
    for text in EXTREME_TEXTS:
        assert sia.polarity_scores(text) == ref.polarity_scores(text), text
