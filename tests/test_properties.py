"""Property tests over every public function (hypothesis).

Run at a modest example count by default (CI); for a long fuzzing run:

    PRESSLENS_HYPOTHESIS_PROFILE=long python -m pytest tests/test_properties.py

Properties: offsets exact (``text[start:end] == .text``), sentences ordered, disjoint, stripped
and covering every non-space character, batch == per call, pickle round trips, scores in their
ranges, and no exception but the documented ones (TypeError for a non-str).
"""

import math
import os
import pickle

import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

import presslens  # noqa: E402
from presslens import _core  # noqa: E402

settings.register_profile(
    "ci", max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "long", max_examples=5000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("PRESSLENS_HYPOTHESIS_PROFILE", "ci"))

# News-like pieces (quote marks, titles, initials, cues, line breaks) mixed with any code point,
# lone surrogates included.
PIECES = [
    " ", " ", "\n", "\n\n", "\t", ". ", "! ", "? ", ", ", ": ", "; ", "…", " — ", "-",
    "“", "”", '"', "‘", "’", "'", "«", "»", "(", ")", "said", " said ", "says", "told",
    "according to", "Mr.", "Dr.", "Sen.", "U.S.", "J.", "K.", "A.", "he", "she", "they",
    "Ann Lee", "Bob Smith", "the minister", "We will win", "good", "bad", "not", "very",
    "!!!", "3.5", "e.g.", "http://x.org/a.b", "é", "😀", "\u00a0", "\u2028", "\ud800", "\udfff",
]
text_piece = st.one_of(st.sampled_from(PIECES), st.text(max_size=4), st.characters())
TEXT = st.lists(text_piece, max_size=40).map("".join)
TEXTS = st.lists(TEXT, max_size=5)


def assert_span(text, start, end, got):
    assert 0 <= start <= end <= len(text)
    assert text[start:end] == got


@given(TEXT)
def test_sentences(text):
    sents = presslens.split_sentences(text)
    prev_end = 0
    covered = set()
    for s in sents:
        assert_span(text, s.start, s.end, s.text)
        assert s.start >= prev_end  # ordered, disjoint
        assert s.text and not s.text[0].isspace() and not s.text[-1].isspace()
        prev_end = s.end
        covered.update(range(s.start, s.end))
    for i, ch in enumerate(text):
        if not ch.isspace():
            assert i in covered, (i, ch)


@given(TEXT)
def test_quotes_and_speakers(text):
    quotes = presslens.extract_quotes(text)
    n_sentences = len(presslens.split_sentences(text))
    for q in quotes:
        assert_span(text, q.start, q.end, q.text)
        assert q.kind in ("direct", "partial", "scare")
        assert q.speaker is None or isinstance(q.speaker, str)
        for span in (q.mention, q.cue):
            if span is not None:
                assert_span(text, span.start, span.end, span.text)
        assert 0 <= q.sentence < max(n_sentences, 1)
    for sp in presslens.speakers(text):
        for m in sp.mentions:
            assert_span(text, m.start, m.end, m.text)
        for q in sp.quotes:
            assert q in quotes


def assert_scores(s):
    assert set(s) >= {"neg", "neu", "pos", "compound"}
    assert -1.0 <= s["compound"] <= 1.0
    for k in ("neg", "neu", "pos"):
        assert 0.0 <= s[k] <= 1.0


@given(TEXT)
def test_sentiment(text):
    assert_scores(presslens.polarity_scores(text))
    rows = presslens.sentence_sentiment(text)
    assert [(r["start"], r["end"], r["text"]) for r in rows] == [
        (s.start, s.end, s.text) for s in presslens.split_sentences(text)
    ]
    for r in rows:
        assert_scores(r)


@given(TEXTS, st.sampled_from([None, 1, 2]))
def test_batch_equals_per_call(texts, n_threads):
    assert presslens.split_sentences_batch(texts, n_threads=n_threads) == [
        presslens.split_sentences(t) for t in texts
    ]
    assert presslens.extract_quotes_batch(texts, n_threads=n_threads) == [
        presslens.extract_quotes(t) for t in texts
    ]
    per_call = [presslens.polarity_scores(t) for t in texts]
    assert presslens.polarity_scores_batch(texts, n_threads=n_threads) == per_call
    cols = presslens.polarity_scores_columns(texts, n_threads=n_threads)
    for k in ("neg", "neu", "pos", "compound"):
        assert cols[k] == [s[k] for s in per_call]


@given(TEXTS)
def test_tables(texts):
    cols = _core.analyze_columns(texts)
    for table in ("sentences", "quotes", "mentions"):
        c = cols[table]
        for d, start, end, got in zip(c["doc"], c["start"], c["end"], c["text"]):
            assert_span(texts[d], start, end, got)
    q = cols["quotes"]
    for d, start, end, got in zip(q["doc"], q["mention_start"], q["mention_end"], q["mention"]):
        if got is not None:
            assert_span(texts[d], start, end, got)
    assert cols["documents"]["n_quotes"] == [len(presslens.extract_quotes(t)) for t in texts]


@given(TEXT)
def test_pickle_round_trip(text):
    for s in presslens.split_sentences(text):
        assert pickle.loads(pickle.dumps(s)) == s
    for q in presslens.extract_quotes(text):
        assert pickle.loads(pickle.dumps(q)) == q
    for sp in presslens.speakers(text):
        assert pickle.loads(pickle.dumps(sp)) == sp


@given(st.lists(TEXT, max_size=12), st.data())
def test_comparison(texts, data):
    speakers = data.draw(st.lists(st.one_of(st.none(), TEXT), min_size=len(texts), max_size=len(texts)))
    ids = presslens.cluster_quotes(texts, speakers)
    assert len(ids) == len(texts)
    r = presslens.cluster_members(texts, speakers)
    for q, s, e in zip(r["quote"], r["start"], r["end"]):
        assert 0 <= s <= e <= len(texts[q])
    ids, names = presslens.link_speakers(texts)
    assert len(ids) == len(texts)
    assert all(0 <= i < len(names) for i in ids)


@given(st.floats(allow_nan=True, allow_infinity=True), TEXT)
def test_custom_valence_is_in_range_or_rejected(value, text):
    try:
        sia = presslens.SentimentIntensityAnalyzer({"zzz": value, "good": 1.9})
    except ValueError:
        assert not math.isfinite(value) or abs(value) > 1e100
        return
    assert_scores(sia.polarity_scores(text + " zzz ZZZ!"))
    assert pickle.loads(pickle.dumps(sia)).polarity_scores(text) == sia.polarity_scores(text)


NOT_STR = st.one_of(st.none(), st.integers(), st.floats(), st.binary(max_size=5), st.lists(st.integers(), max_size=2))


@given(NOT_STR)
def test_non_str_raises_type_error_only(bad):
    for fn in (presslens.split_sentences, presslens.extract_quotes, presslens.speakers,
               presslens.polarity_scores, presslens.sentence_sentiment):
        with pytest.raises(TypeError):
            fn(bad)
    for fn in (presslens.split_sentences_batch, presslens.extract_quotes_batch,
               presslens.polarity_scores_batch, presslens.polarity_scores_columns,
               presslens.cluster_quotes, presslens.cluster_members, presslens.link_speakers):
        with pytest.raises(TypeError):
            fn(["ok", bad])


@settings(max_examples=10)
@given(st.lists(TEXT, min_size=1, max_size=4))
def test_analyze_and_compare(texts):
    pytest.importorskip("pandas")
    corpus = presslens.analyze(texts, outlet=[f"O{i % 2}" for i in range(len(texts))])
    for row in corpus.sentences.itertuples():
        assert_span(texts[row.doc_id] if isinstance(row.doc_id, int) else texts[int(row.doc_id)], row.start, row.end, row.text)
    corpus.compare()
