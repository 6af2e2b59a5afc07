"""presslens.analyze -> Corpus tables: columns, dtypes, offsets, and agreement with the
per-object API (split_sentences, extract_quotes, speakers, polarity_scores)."""

import math
import pickle
import subprocess
import sys

import pytest

pd = pytest.importorskip("pandas")

import presslens  # noqa: E402
from presslens import _core, _tables  # noqa: E402
from presslens.corpus import Corpus  # noqa: E402
from test_table_dtypes import DTYPES, KINDS  # noqa: E402

TRICKY = [
    "Plain. Two sentences here.",
    "“Ça va,” dit-il. Émoji 😀 then “quoted words,” she said.\n\nNew paragraph!",
    "",
    "   \n\n  ",
    "Tab\tand CR\r\nline. And “more” text.",
]


def _paths():
    """The two ways the tables are built: Arrow buffers (pyarrow installed) and lists."""
    try:
        import pyarrow  # noqa: F401
    except ImportError:
        return ["lists"]
    return ["arrow", "lists"]


@pytest.fixture(scope="module", params=_paths())
def corpus(request, articles):
    names = sorted(articles)
    df = pd.DataFrame(
        {
            "text": [articles[n] for n in names] + TRICKY,
            "outlet": [f"outlet{i % 3}" for i in range(len(names) + len(TRICKY))],
        },
        index=[f"d{i}" for i in range(len(names) + len(TRICKY))],
    )
    saved = _tables.ARROW_COLUMNS
    _tables.ARROW_COLUMNS = request.param == "arrow"
    try:
        return df, presslens.analyze(df)
    finally:
        _tables.ARROW_COLUMNS = saved


def test_columns_are_the_documented_ones(corpus):
    _, c = corpus
    assert list(c.documents.columns) == [
        "doc_id", "outlet", "n_sentences", "n_quotes", "n_speakers", "compound"]
    assert list(c.sentences.columns) == [
        "doc_id", "sentence", "start", "end", "text", "neg", "neu", "pos", "compound"]
    assert list(c.quotes.columns) == [
        "doc_id", "outlet", "quote", "start", "end", "text", "kind", "speaker", "mention",
        "mention_start", "mention_end", "cue", "sentence", "neg", "neu", "pos", "compound"]
    assert list(c.speakers.columns) == [
        "doc_id", "outlet", "speaker", "n_quotes", "n_mentions", "n_direct", "n_indirect",
        "descriptions", "compound"]
    assert list(c.attributions.columns) == [
        "doc_id", "outlet", "attribution", "kind", "start", "end", "text", "speaker", "mention",
        "mention_start", "mention_end", "cue", "sentence", "nested_in", "neg", "neu", "pos",
        "compound"]
    text = str(pd.Series(["a"]).dtype)
    for table, dtypes in DTYPES.items():
        df = getattr(c, table)
        got = {col: str(df[col].dtype) for col in df.columns if col != "doc_id"}
        assert got == {col: text if d == "text" else d for col, d in dtypes.items()}, table
    for table, kinds in KINDS.items():
        assert list(getattr(c, table)["kind"].cat.categories) == kinds


def test_documents_keep_input_order_and_index(corpus):
    df, c = corpus
    assert c.documents["doc_id"].tolist() == df.index.tolist()
    assert c.documents["outlet"].tolist() == df["outlet"].tolist()
    assert len(c) == len(df)


def test_sentences_table_equals_split_sentences(corpus):
    df, c = corpus
    for doc_id, text in df["text"].items():
        rows = c.sentences[c.sentences["doc_id"] == doc_id]
        got = list(zip(rows["start"], rows["end"], rows["text"]))
        want = [(s.start, s.end, s.text) for s in presslens.split_sentences(text)]
        assert got == want
        assert rows["sentence"].tolist() == list(range(len(want)))
        for start, end, t in got:
            assert text[start:end] == t


def test_sentence_sentiment_equals_polarity_scores(corpus):
    _, c = corpus
    for row in c.sentences.head(300).itertuples():
        s = presslens.polarity_scores(row.text)
        assert (row.neg, row.neu, row.pos, row.compound) == (
            s["neg"], s["neu"], s["pos"], s["compound"])


def _same_speaker(table_name, alone_name):
    """The table's speaker is the article's own, or the full name the corpus gives for the
    surname the article alone has ("Trump" -> "Donald Trump")."""
    if table_name == alone_name:
        return True
    return (
        alone_name is not None and " " not in alone_name
        and table_name is not None and table_name.endswith(" " + alone_name)
    )  # fmt: skip


def test_quotes_table_equals_extract_quotes(corpus):
    df, c = corpus
    for doc_id, text in df["text"].items():
        rows = c.quotes[c.quotes["doc_id"] == doc_id]
        qs = presslens.extract_quotes(text)
        assert len(rows) == len(qs)
        for i, (row, q) in enumerate(zip(rows.itertuples(), qs)):
            assert row.quote == i
            assert (row.start, row.end, row.text, row.kind) == (q.start, q.end, q.text, q.kind)
            assert text[row.start:row.end] == row.text
            assert _same_speaker(None if pd.isna(row.speaker) else row.speaker, q.speaker)
            assert row.sentence == q.sentence
            if q.mention is None:
                assert pd.isna(row.mention) and pd.isna(row.mention_start)
            else:
                assert (row.mention, row.mention_start, row.mention_end) == (
                    q.mention.text, q.mention.start, q.mention.end)
            assert (None if pd.isna(row.cue) else row.cue) == (q.cue.text if q.cue else None)
            s = presslens.polarity_scores(q.text)
            assert (row.neg, row.neu, row.pos, row.compound) == (
                s["neg"], s["neu"], s["pos"], s["compound"])
            assert row.outlet == df.loc[doc_id, "outlet"]


def test_speakers_table_equals_speakers(corpus):
    df, c = corpus
    for doc_id, text in df["text"].items():
        rows = c.speakers[c.speakers["doc_id"] == doc_id]
        sps = presslens.speakers(text)
        assert all(_same_speaker(a, s.name) for a, s in zip(rows["speaker"], sps))
        # After the quoted speakers, those heard only in reported speech ("the ministry said").
        quoted = {s.name for s in sps}
        reported = []
        for a in presslens.extract_attributions(text):
            if a.speaker and a.speaker not in quoted and a.speaker not in reported:
                reported.append(a.speaker)
        extra = rows.iloc[len(sps):]
        assert len(extra) == len(reported)
        assert all(_same_speaker(a, r) for a, r in zip(extra["speaker"], reported))
        assert (extra["n_quotes"] == 0).all()
        rows = rows.iloc[: len(sps)]
        assert len(rows) == len(sps)
        assert rows["n_quotes"].tolist() == [len(s.quotes) for s in sps]
        assert rows["n_mentions"].tolist() == [len(s.mentions) for s in sps]
        assert rows["descriptions"].tolist() == [list(s.descriptions) for s in sps]
        for comp, s in zip(rows["compound"], sps):
            scores = [presslens.polarity_scores(q.text)["compound"] for q in s.quotes]
            if scores:
                assert comp == pytest.approx(sum(scores) / len(scores))
            else:
                assert math.isnan(comp)


def test_lone_surrogates_keep_exact_offsets():
    text = "Lone \ud800 surrogate. And “more” text, \udfff she said."
    c = presslens.analyze([text, "x"])
    assert c.sentences["text"].tolist()[: len(presslens.split_sentences(text))] == [
        s.text for s in presslens.split_sentences(text)]
    for row in c.sentences.itertuples():
        if row.doc_id == 0:
            assert text[row.start:row.end] == row.text


def test_document_counts_and_compound(corpus):
    df, c = corpus
    for row, text in zip(c.documents.itertuples(), df["text"]):
        sents = presslens.split_sentences(text)
        assert row.n_sentences == len(sents)
        assert row.n_quotes == len(presslens.extract_quotes(text))
        # Quoted speakers, and those heard only in reported speech ("the ministry said …").
        quoted = {sp.name for sp in presslens.speakers(text)}
        reported = {a.speaker for a in presslens.extract_attributions(text) if a.speaker} - quoted
        assert row.n_speakers == len(quoted) + len(reported)
        comps = [presslens.polarity_scores(s.text)["compound"] for s in sents]
        if comps:
            assert row.compound == pytest.approx(sum(comps) / len(comps))
        else:
            assert math.isnan(row.compound)
    assert c.documents["n_sentences"].sum() == len(c.sentences)
    assert c.documents["n_quotes"].sum() == len(c.quotes)
    assert c.documents["n_speakers"].sum() == len(c.speakers)


def test_document_view_matches_tables(corpus):
    df, c = corpus
    d = c.document("d1")
    assert d.doc_id == "d1" and d.outlet == df.loc["d1", "outlet"]
    assert d.text == df.loc["d1", "text"]
    assert d.sentences == presslens.split_sentences(d.text)
    assert d.quotes == presslens.extract_quotes(d.text)
    assert d.speakers == presslens.speakers(d.text)
    assert d.sentiment["compound"] == pytest.approx(
        c.documents.set_index("doc_id").loc["d1", "compound"])
    assert c.document(1).doc_id == "d1"
    assert c.document(-1).doc_id == c.documents["doc_id"].iloc[-1]
    with pytest.raises(IndexError):
        c.document(999)
    with pytest.raises(KeyError, match="nope"):
        c.document("nope")


def test_inputs_list_series_dataframe_agree(articles):
    texts = [articles[n] for n in sorted(articles)][:3]
    a = presslens.analyze(texts)
    s = pd.Series(texts, index=[10, 20, 30])
    b = presslens.analyze(s, outlet="X")
    d = presslens.analyze(pd.DataFrame({"body": texts, "id": ["a", "b", "c"], "src": ["p", "q", "r"]}),
                          text="body", id="id", outlet="src")
    assert a.documents["doc_id"].tolist() == [0, 1, 2]
    assert b.documents["doc_id"].tolist() == [10, 20, 30]
    assert b.documents["outlet"].tolist() == ["X"] * 3
    assert d.documents["doc_id"].tolist() == ["a", "b", "c"]
    assert d.documents["outlet"].tolist() == ["p", "q", "r"]
    for x in (b, d):
        for t in ("sentences", "quotes", "speakers"):
            left = getattr(a, t).drop(columns=["doc_id"] + (["outlet"] if t != "sentences" else []))
            right = getattr(x, t).drop(columns=["doc_id"] + (["outlet"] if t != "sentences" else []))
            pd.testing.assert_frame_equal(left, right)
    assert a.documents["outlet"].isna().all()


def test_missing_texts_keep_their_rows():
    s = pd.Series(["One. Two.", None, float("nan"), pd.NA, "Three."], index=list("abcde"))
    c = presslens.analyze(s)
    docs = c.documents.set_index("doc_id")
    assert docs.index.tolist() == list("abcde")
    assert docs.loc[["b", "c", "d"], ["n_sentences", "n_quotes", "n_speakers"]].to_numpy().sum() == 0
    assert docs.loc[["b", "c", "d"], "compound"].isna().all()
    assert set(c.sentences["doc_id"]) == {"a", "e"}
    assert c.document("b").text == "" and c.document("b").sentences == []


def test_missing_column_key_error_names_it_and_the_columns():
    df = pd.DataFrame({"body": ["x"], "src": ["y"]})
    with pytest.raises(KeyError) as e:
        presslens.analyze(df)
    assert "'text'" in str(e.value) and "body" in str(e.value) and "src" in str(e.value)
    with pytest.raises(KeyError, match="nope"):
        presslens.analyze(df, text="body", outlet="nope")
    with pytest.raises(KeyError, match="idcol"):
        presslens.analyze(df, text="body", id="idcol")


def test_non_str_value_type_error_names_the_label():
    with pytest.raises(TypeError, match=r"'row7'.*int"):
        presslens.analyze(pd.Series(["ok", 5], index=["row1", "row7"]))
    with pytest.raises(TypeError, match=r"index 1 .*bytes"):
        presslens.analyze(["ok", b"bytes"])
    with pytest.raises(TypeError, match="analyze_text"):
        presslens.analyze("a single string")
    with pytest.raises(ValueError, match="n_threads"):
        presslens.analyze(["x"], n_threads=0)


def test_empty_input_gives_typed_empty_tables():
    c = presslens.analyze([])
    full = presslens.analyze(["A “b” c. D."])
    for t in ("documents", "sentences", "quotes", "speakers", "mentions", "attributions"):
        e, f = getattr(c, t), getattr(full, t)
        assert len(e) == 0
        assert list(e.columns) == list(f.columns)
        assert (e.dtypes.drop("doc_id") == f.dtypes.drop("doc_id")).all()


# Per path: the Rust call and the chunk size it gets.
CALLS = {"lists": (_core, "analyze_columns", "CHUNK_CHARS"),
         "arrow": (_tables, "_arrow_add", "ARROW_CHUNK_CHARS")}
SIZES = {"lists": lambda n: n, "arrow": lambda n: (n, n)}


@pytest.mark.parametrize("path", _paths())
def test_chunks_give_the_same_tables(monkeypatch, articles, path):
    monkeypatch.setattr(_tables, "ARROW_COLUMNS", path == "arrow")
    module, func, size = CALLS[path]
    texts = [articles[n] for n in sorted(articles)] * 2
    whole = presslens.analyze(texts)
    calls = []
    real = getattr(module, func)
    monkeypatch.setattr(module, func, lambda t, *a: calls.append(len(t)) or real(t, *a))
    monkeypatch.setattr(_tables, size, SIZES[path](20_000))
    chunked = presslens.analyze(texts)
    assert len(calls) > 2 and sum(calls) == len(texts)
    for t in ("documents", "sentences", "quotes", "speakers", "mentions"):
        pd.testing.assert_frame_equal(getattr(whole, t), getattr(chunked, t))


@pytest.mark.parametrize("path", _paths())
def test_interrupt_stops_between_chunks_and_closes_the_bar(monkeypatch, articles, path):
    pytest.importorskip("tqdm")
    monkeypatch.setattr(_tables, "ARROW_COLUMNS", path == "arrow")
    module, func, size = CALLS[path]
    texts = [articles[n] for n in sorted(articles)] * 4
    seen = []
    real = getattr(module, func)

    def fake(t, *a):
        seen.append(len(t))
        if len(seen) == 2:
            raise KeyboardInterrupt
        return real(t, *a)

    monkeypatch.setattr(module, func, fake)
    monkeypatch.setattr(_tables, size, SIZES[path](10_000))
    with pytest.raises(KeyboardInterrupt):
        presslens.analyze(texts, progress=True)
    assert len(seen) == 2


def test_progress_bar_forced_on_and_off(capsys):
    pytest.importorskip("tqdm")
    presslens.analyze(["One. Two."] * 3, progress=True)
    assert "presslens" in capsys.readouterr().err
    presslens.analyze(["One. Two."] * 3, progress=False)
    presslens.analyze(["One. Two."] * 3)  # small job: no bar by default
    assert capsys.readouterr().err == ""


def test_build_tables_with_hand_made_columns():
    """The Python half with non-empty quotes: positions -> doc_id/outlet, nullable ints."""
    inputs = _tables.Inputs(
        ["a", None, "b"], pd.Index(["x", "y", "z"], name="doc_id"),
        pd.Series(["P", "Q", None], name="outlet"))
    scores = {"neg": [0.0], "neu": [1.0], "pos": [0.0], "compound": [0.5]}
    cols = {
        "documents": {"doc": [0, 2], "n_sentences": [1, 0], "n_quotes": [1, 0], "n_speakers": [1, 0],
                      "neg": [0.0, math.nan], "neu": [1.0, math.nan], "pos": [0.0, math.nan],
                      "compound": [0.5, math.nan]},
        "sentences": {"doc": [0], "sentence": [0], "start": [0], "end": [1], "text": ["a"], **scores},
        "quotes": {"doc": [2, 2], "quote": [0, 1], "start": [0, 0], "end": [1, 1], "text": ["b", "b"],
                   "kind": ["direct", "scare"], "speaker": ["Ann", None], "mention": ["she", None],
                   "mention_start": [3, None], "mention_end": [6, None], "cue": ["said", None],
                   "sentence": [0, 0], "neg": [0.0, 0.0], "neu": [1.0, 1.0], "pos": [0.0, 0.0],
                   "compound": [0.5, 0.0]},
        "speakers": {"doc": [2], "speaker": ["Ann"], "n_quotes": [1], "n_mentions": [2], "n_direct": [1], "n_indirect": [0],
                     "descriptions": [["a writer"]], "compound": [0.5]},
    }
    t = _tables.build_tables(inputs, cols)
    assert t["documents"]["n_quotes"].tolist() == [1, 0, 0]
    assert t["documents"]["doc_id"].tolist() == ["x", "y", "z"]
    assert t["quotes"]["doc_id"].tolist() == ["z", "z"]
    assert t["quotes"]["outlet"].isna().all()
    assert t["quotes"]["mention_start"].tolist()[0] == 3 and pd.isna(t["quotes"]["mention_start"][1])
    assert t["speakers"][["doc_id", "speaker", "n_mentions"]].values.tolist() == [["z", "Ann", 2]]
    assert t["speakers"]["descriptions"][0] == ["a writer"]
    assert t["sentences"]["doc_id"].tolist() == ["x"]


def test_analyze_columns_is_columnar(articles):
    cols = _core.analyze_columns([articles[n] for n in sorted(articles)], n_threads=2)
    assert set(cols) == {"documents", "sentences", "quotes", "speakers", "mentions", "attributions"}
    for table in cols.values():
        assert all(isinstance(v, list) for v in table.values())
        assert len({len(v) for v in table.values()}) == 1
    # Documents are the texts in order, so they carry no `doc` column; the other tables do.
    assert "doc" not in cols["documents"] and len(cols["documents"]["n_quotes"]) == len(articles)
    assert all("doc" in cols[t] for t in ("sentences", "quotes", "speakers", "mentions"))
    with pytest.raises(TypeError, match=r"texts\[1\]"):
        _core.analyze_columns(["ok", 3])
    with pytest.raises(TypeError, match="single str"):
        _core.analyze_columns("abc")


def test_corpus_and_document_pickle(corpus):
    _, c = corpus
    c2 = pickle.loads(pickle.dumps(c))
    assert isinstance(c2, Corpus)
    for t in ("documents", "sentences", "quotes", "speakers"):
        pd.testing.assert_frame_equal(getattr(c, t), getattr(c2, t))
    d = c.document(1)
    d2 = pickle.loads(pickle.dumps(d))
    assert (d2.text, d2.doc_id, d2.outlet) == (d.text, d.doc_id, d.outlet)
    assert d2.quotes == d.quotes and d2.sentences == d.sentences and d2.speakers == d.speakers
    assert repr(d2) == repr(d)


def _n_speaker_rows(text):
    """Quoted speakers and those heard only in reported speech: one speakers row each."""
    quoted = {sp.name for sp in presslens.speakers(text)}
    return len(quoted) + len({a.speaker for a in presslens.extract_attributions(text) if a.speaker} - quoted)


def test_series_accessor_keyed_by_index(articles):
    s = pd.Series([articles[n] for n in sorted(articles)][:2] + [None], index=["a", "b", "c"], name="t")
    s.index.name = "key"
    sents = s.presslens.sentences()
    assert sents.index.name == "key"
    assert set(sents.index) == {"a", "b"}
    assert len(sents) == sum(len(presslens.split_sentences(t)) for t in s[:2])
    assert len(s.presslens.quotes()) == sum(len(presslens.extract_quotes(t)) for t in s[:2])
    assert len(s.presslens.speakers()) == sum(_n_speaker_rows(t) for t in s[:2])
    senti = s.presslens.sentiment()
    assert senti.index.tolist() == ["a", "b", "c"]
    assert list(senti.columns) == ["neg", "neu", "pos", "compound"]
    assert senti.loc["a", "compound"] == pytest.approx(presslens.analyze_text(s["a"]).sentiment["compound"])
    assert senti.loc["c"].isna().all()


BLOCK = """
import sys
class Block:
    def find_spec(self, name, path=None, target=None):
        if name.split('.')[0] in {'pandas', 'tqdm', 'matplotlib', 'dask'}:
            raise ImportError('blocked ' + name)
sys.meta_path.insert(0, Block())
"""


def test_core_imports_without_optional_dependencies():
    code = BLOCK + """
import presslens
d = presslens.analyze_text("“Hi,” she said. Bye.")
assert len(d.sentences) >= 1 and 'compound' in d.sentiment
assert '<' in d._repr_html_()
try:
    presslens.analyze(["x"])
except ImportError as e:
    assert 'pip install presslens[pandas]' in str(e), e
else:
    raise SystemExit('no ImportError')
try:
    import presslens.dask as pdk
    pdk.analyze(None)
except ImportError as e:
    assert 'pip install presslens[dask]' in str(e), e
else:
    raise SystemExit('no ImportError for dask')
print('ok')
"""
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "ok"


def test_missing_extras_say_which_to_install():
    code = BLOCK.replace("'pandas', ", "") + """
import presslens
c = presslens.analyze(["One. Two."])
for call, extra in ((lambda: c.plot.speakers(), 'plot'),
                    (lambda: presslens.analyze(['x'], progress=True), 'progress')):
    try:
        call()
    except ImportError as e:
        assert f'pip install presslens[{extra}]' in str(e), e
    else:
        raise SystemExit('no ImportError for ' + extra)
presslens.analyze(['x'], progress=None)  # no tqdm, no bar, no error
print('ok')
"""
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "ok"


def test_progress_bar_appears_by_default_for_large_jobs(monkeypatch, capsys):
    pytest.importorskip("tqdm")
    monkeypatch.setattr(_tables, "AUTO_PROGRESS_CHARS", 10)
    presslens.analyze(["One. Two. Three."] * 3)
    assert "presslens" in capsys.readouterr().err


try:
    from hypothesis import given, settings, strategies as st
except ImportError:  # pragma: no cover
    given = None

if given is not None:
    ALPHABET = st.sampled_from(list("ab .!?\n“”‘’\"'é😀\u0301\t") + ["Mr.", "U.S.", " said"])

    @settings(max_examples=60, deadline=None)
    @given(st.lists(st.lists(ALPHABET, max_size=40).map("".join), max_size=4))
    def test_tables_agree_with_per_object_api_on_any_text(texts):
        c = presslens.analyze(texts)
        assert c.documents["n_sentences"].tolist() == [len(presslens.split_sentences(t)) for t in texts]
        for row in c.sentences.itertuples():
            assert texts[row.doc_id][row.start:row.end] == row.text
        for row in c.quotes.itertuples():
            assert texts[row.doc_id][row.start:row.end] == row.text
        assert c.quotes["text"].tolist() == [q.text for t in texts for q in presslens.extract_quotes(t)]


def test_mentions_table_offsets_and_counts(articles):
    names = sorted(articles)
    texts = [articles[n] for n in names] + ["“Hi,” said Zoë Ng. Ng, 30, left. “Bye,” she said."]
    c = presslens.analyze(texts, outlet="o")
    m = c.mentions
    assert list(m.columns) == ["doc_id", "outlet", "speaker", "start", "end", "text"]
    assert str(m["start"].dtype) == "int32" and (m["outlet"] == "o").all()
    for d, s, e, t in zip(m["doc_id"], m["start"], m["end"], m["text"]):
        assert texts[d][s:e] == t  # code-point offsets, also after the non-ASCII "ë"
    # One row per mention of each speaker, in text order within each document.
    counts = m.groupby(["doc_id", "speaker"]).size()
    sp = c.speakers.set_index(["doc_id", "speaker"])["n_mentions"]
    assert counts.reindex(sp.index, fill_value=0).tolist() == sp.tolist()
    assert (m.groupby("doc_id")["start"].diff().dropna() >= 0).all()
    last = m[m["doc_id"] == len(texts) - 1]
    assert last["text"].tolist() == ["Zoë Ng", "Ng", "she"]
    assert set(last["speaker"]) == {"Zoë Ng"}


def test_duplicate_text_columns_and_dicts_are_clear_errors():
    df = pd.DataFrame([["a", "b"]], columns=["text", "text"])
    with pytest.raises(ValueError, match="'text' appears 2 times"):
        presslens.analyze(df)
    with pytest.raises(TypeError, match="not a dict"):
        presslens.analyze({"a": "x"})
