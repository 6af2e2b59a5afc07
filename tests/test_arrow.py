"""Tables built from Arrow buffers (pyarrow installed) against the list path: the same values
and dtypes, column by column; the buffers themselves; the fallbacks; ``Corpus.to_arrow``."""

import json
import subprocess
import sys

import pytest

pd = pytest.importorskip("pandas")
pa = pytest.importorskip("pyarrow")
np = pytest.importorskip("numpy")

import presslens  # noqa: E402
from presslens import _core, _tables  # noqa: E402
from presslens.corpus import TABLES  # noqa: E402

# Our own sentences: surname-only speakers that the corpus completes, one the article itself
# keeps apart, non-ASCII text before offsets, empty and missing texts.
OWN = [
    "“We will rebuild the bridge by spring,” Mayor Ana Ruiz said on Monday. Ruiz added: “It is safe.”",
    "Ruiz said: “We will rebuild the bridge.” Critics were unconvinced, Mr. Okafor said.",
    "Émile Zoë Brun, 54, said the plan was “naïve”. “Ça suffit,” Brun told reporters. 😀 Done.",
    "",
    "Tom Okafor said the vote was close. “We lost,” said Okafor. Ruiz, he said, “did well.”",
    "Plain text without any quote at all. Another sentence follows here.",
]


def build(texts, arrow, **kw):
    saved = _tables.ARROW_COLUMNS
    _tables.ARROW_COLUMNS = arrow
    try:
        return presslens.analyze(texts, **kw)
    finally:
        _tables.ARROW_COLUMNS = saved


def assert_same_tables(a, b):
    for name in TABLES:
        left, right = getattr(a, name), getattr(b, name)
        assert list(left.columns) == list(right.columns), name
        for col in left.columns:
            assert str(left[col].dtype) == str(right[col].dtype), (name, col)
            pd.testing.assert_series_equal(left[col], right[col], check_exact=True, obj=f"{name}.{col}")


@pytest.fixture(scope="module")
def texts(articles):
    return [articles[n] for n in sorted(articles)] + OWN


def test_arrow_tables_equal_list_tables_column_by_column(texts):
    outlets = [f"outlet{i % 3}" for i in range(len(texts))]
    a = build(texts, True, outlet=outlets)
    b = build(texts, False, outlet=outlets)
    assert_same_tables(a, b)
    # The renaming across articles ran on both paths ("Ruiz" -> "Ana Ruiz").
    assert "Ana Ruiz" in set(a.quotes["speaker"].dropna()) and len(a.quotes) > 5


def test_arrow_tables_equal_with_known_people_series_and_missing_texts(texts):
    s = pd.Series(texts + [None, float("nan")], index=[f"k{i}" for i in range(len(texts) + 2)])
    known = {"Okafor": "Tom Okafor", "Brun": "Émile Zoë Brun"}
    assert_same_tables(build(s, True, known_people=known), build(s, False, known_people=known))


def test_many_arrow_chunks_give_the_same_tables(monkeypatch, texts):
    whole = build(texts * 3, False)
    monkeypatch.setattr(_tables, "ARROW_CHUNK_CHARS", (3_000, 3_000))
    calls = []
    real = _tables._arrow_add
    monkeypatch.setattr(_tables, "_arrow_add", lambda t, *a: calls.append(len(t)) or real(t, *a))
    chunked = build(texts * 3, True)
    assert len(calls) > 5
    assert_same_tables(whole, chunked)
    # The chunks grow one buffer per column in Rust.
    assert chunked.sentences["text"].array._pa_array.num_chunks == 1


def test_text_columns_hold_the_rust_buffers(texts):
    c = build(texts, True)
    col = c.sentences["text"]
    assert str(col.dtype) == str(pd.Series(["a"]).dtype)  # pandas' own text dtype
    if getattr(col.dtype, "storage", None) != "pyarrow":
        pytest.skip("pandas' text dtype here is not Arrow-backed")
    arrow = col.array._pa_array
    assert arrow.type == pa.large_string()
    data = sum(len(t.encode("utf-8")) for t in col)
    # One UTF-8 buffer and int64 offsets: nothing per value beyond 8 bytes.
    assert arrow.nbytes <= data + 8 * (len(col) + arrow.num_chunks) + len(col) // 8 + 64


def test_analyze_arrow_buffers_match_analyze_columns(texts):
    lists = _core.analyze_columns(texts)
    bufs = _core.analyze_arrow(texts)
    assert np.asarray(bufs["documents"].pop("doc")).tolist() == list(range(len(texts)))
    assert set(bufs) == set(lists)
    for table, cols in lists.items():
        assert set(bufs[table]) == set(cols), table
        for name, want in cols.items():
            got = bufs[table][name]
            if name in _tables._STRINGS:
                n, nulls, offsets, data, validity = got
                arr = pa.Array.from_buffers(pa.large_string(), n, [
                    None if validity is None else pa.foreign_buffer(validity.address, validity.size, validity),
                    pa.foreign_buffer(offsets.address, offsets.size, offsets),
                    pa.foreign_buffer(data.address, data.size, data)], null_count=nulls)
                assert arr.to_pylist() == want, (table, name)
            elif name in _tables._NULLABLE_INT:
                missing = np.asarray(got[1])
                # No values when every row is missing (nested_in here: nested=False).
                assert (got[0] is None) == bool(missing.all()), (table, name)
                values = np.zeros(len(missing), np.int32) if got[0] is None else np.asarray(got[0])
                assert (values.dtype, missing.dtype) == (np.int32, np.bool_)
                assert [None if m else int(v) for v, m in zip(values, missing)] == want
            elif name == "descriptions":
                assert got == want
            elif name == "kind":  # int8 codes into the table's sorted kinds
                codes = np.asarray(got)
                assert codes.dtype == np.int8, table
                assert [_tables._KINDS[table][k] for k in codes] == want
            else:
                kind = {"doc": np.int64}.get(name, np.int32 if name in _tables._INT else np.float64)
                values = np.asarray(got)
                assert values.dtype == kind and values.flags.writeable, (table, name)
                np.testing.assert_array_equal(values, np.asarray(want, dtype=kind))
    with pytest.raises(TypeError, match=r"texts\[1\]"):
        _core.analyze_arrow(["ok", 3])
    with pytest.raises(ValueError, match="n_threads"):
        _core.analyze_arrow(["ok"], n_threads=0)


def test_lone_surrogates_fall_back_to_exact_lists():
    texts = ["Lone \ud800 surrogate. And “more” text, \udfff she said.", "Fine “text,” he said."]
    assert _core.analyze_arrow(texts) is None
    assert _core.analyze_arrow(texts[1:]) is not None
    c = build(texts, True)
    assert_same_tables(c, build(texts, False))
    for row in c.sentences.itertuples():
        assert texts[row.doc_id][row.start:row.end] == row.text


def test_all_missing_columns_are_zero_pages_a_user_can_still_write(texts):
    # Without nested=True every nested_in is missing, and no text has an outlet: neither
    # column's values come from Rust rows (zero pages instead), yet they read and write as usual.
    a, b = build(texts, True), build(texts, False)
    assert_same_tables(a, b)
    t = a.attributions
    assert len(t) > 3 and t["nested_in"].isna().all() and t["outlet"].isna().all()
    t.loc[1, "nested_in"] = 0
    assert t["nested_in"].tolist()[:3] == [pd.NA, 0, pd.NA]
    assert a.attributions["nested_in"].notna().sum() == 1  # the frame's own column changed
    assert build(texts, True).attributions["nested_in"].isna().all()  # and nothing shared
    assert a.quotes["outlet"].isna().all() and a.mentions["outlet"].isna().all()


@pytest.mark.skipif(not hasattr(__import__("os"), "fork"), reason="needs os.fork")
def test_zero_pages_are_private_to_the_process():
    import os

    zeros = np.frombuffer(_tables._zero_pages(8 * 1000), dtype=np.int64)
    assert zeros.flags.writeable and not zeros.any()
    pid = os.fork()
    if pid == 0:  # the child writes its copy and leaves at once
        zeros[:] = 7
        os._exit(0)
    os.waitpid(pid, 0)
    assert not zeros.any()


def test_empty_inputs_give_the_same_typed_tables():
    assert_same_tables(build([], True), build([], False))
    assert_same_tables(build([None, ""], True), build([None, ""], False))


def test_object_text_dtype_when_pandas_default_is_object(monkeypatch, texts):
    """pandas < 3 keeps text in object columns: the Arrow path converts to the same."""
    monkeypatch.setattr(_tables, "_str_dtype", lambda pd: np.dtype(object))
    a, b = build(texts, True), build(texts, False)
    assert a.quotes["text"].dtype == object
    assert_same_tables(a, b)
    assert a.quotes["cue"].isna().sum() == b.quotes["cue"].isna().sum()


def test_to_arrow_shares_the_text_buffers(texts):
    c = build(texts, True)
    tables = c.to_arrow()
    assert set(tables) == set(TABLES)
    for name in TABLES:
        t = tables[name]
        df = getattr(c, name)
        assert t.column_names == list(df.columns) and t.num_rows == len(df)
    q = tables["quotes"]
    assert q.schema.field("text").type == pa.large_string()
    assert q.schema.field("start").type == pa.int32()
    assert q.schema.field("doc_id").type == pa.int64()
    assert q.schema.field("kind").type == pa.dictionary(pa.int8(), pa.large_string())
    assert q.schema.field("compound").type == pa.float64()
    assert q.column("text").to_pylist() == c.quotes["text"].tolist()
    assert q.column("mention_start").null_count == int(c.quotes["mention_start"].isna().sum())
    if getattr(c.sentences["text"].dtype, "storage", None) == "pyarrow":
        ours = c.sentences["text"].array._pa_array.chunk(0).buffers()[2].address
        assert tables["sentences"].column("text").chunk(0).buffers()[2].address == ours
    with pytest.raises(ValueError, match="no table 'nope'"):
        c.to_arrow("nope")


def test_polars_and_duckdb_read_to_arrow(texts):
    c = build(texts, True)
    pl = pytest.importorskip("polars")
    df = pl.from_arrow(c.to_arrow("quotes"))
    assert df["speaker"].to_list() == [None if pd.isna(s) else s for s in c.quotes["speaker"]]
    duckdb = pytest.importorskip("duckdb")
    sentences = c.to_arrow("sentences")  # noqa: F841  (DuckDB reads it by name)
    assert duckdb.sql("select count(*) from sentences").fetchall() == [(len(c.sentences),)]
    got = duckdb.sql("select text from sentences where sentence = 0 order by doc_id").fetchall()
    assert [t for (t,) in got] == c.sentences[c.sentences["sentence"] == 0]["text"].tolist()


NO_PYARROW = """
import json, sys
sys.modules['pyarrow'] = None  # any import of pyarrow fails, as without it installed
import presslens
texts = json.loads(sys.stdin.read())
c = presslens.analyze(texts)
out = {}
for name in ('documents', 'sentences', 'quotes', 'speakers', 'mentions', 'attributions'):
    df = getattr(c, name)
    out[name] = {col: [str(df[col].dtype), df[col].astype(object).where(df[col].notna(), None).tolist()]
                 for col in df.columns}
try:
    c.to_arrow()
except ImportError as e:
    out['to_arrow'] = str(e)
print(json.dumps(out))
"""


def test_without_pyarrow_the_tables_are_the_same(texts):
    r = subprocess.run([sys.executable, "-c", NO_PYARROW], input=json.dumps(texts),
                       capture_output=True, text=True)  # fmt: skip
    assert r.returncode == 0, r.stderr
    got = json.loads(r.stdout)
    assert "pip install presslens[arrow]" in got.pop("to_arrow")
    c = build(texts, True)
    for name in TABLES:
        df = getattr(c, name)
        for col in df.columns:
            dtype, values = got[name][col]
            want = df[col].astype(object).where(df[col].notna(), None).tolist()
            assert json.loads(json.dumps(want)) == values, (name, col)
            assert dtype == str(df[col].dtype), (name, col)


def test_all_missing_outlets_are_the_taken_column():
    """With no outlet given, every table's outlet column is made from zeroed buffers: it must
    equal the column ``take`` would give (dtype, values, name) and behave like it."""
    c = build(OWN * 3, arrow=True)
    str_dtype = pd.Series(["a"]).dtype
    for name in ("quotes", "speakers", "mentions", "attributions"):
        table = getattr(c, name)
        got = table["outlet"]
        assert len(table) > 0, name
        pd.testing.assert_series_equal(got, pd.Series([None] * len(table), dtype=str_dtype, name="outlet"))
        assert got.isna().all() and got.fillna("x").eq("x").all()


def test_range_index_doc_ids_come_from_the_positions(texts):
    """A RangeIndex's doc_ids are computed in the positions array itself: the right values,
    whatever its start and step, and the same as the list path's."""
    s = pd.Series(texts * 2, index=pd.RangeIndex(7, 7 + 3 * 2 * len(texts), 3))
    a, b = build(s, True), build(s, False)
    assert_same_tables(a, b)
    want = s.index.to_numpy()
    for name in ("sentences", "quotes", "mentions", "attributions"):
        df = getattr(a, name)
        assert df["doc_id"].dtype == np.int64
        assert set(df["doc_id"]) <= set(want)
    for row in a.sentences.itertuples():
        assert s.loc[row.doc_id][row.start:row.end] == row.text



def test_arrow_tables_take_positions_and_free_their_buffers_with_the_arrays(texts):
    t = _core.ArrowTables()
    assert t.add(texts[:2], [7, 3]) and t.add(texts[2:3], [9])
    with pytest.raises(ValueError, match="positions"):
        t.add(texts[:2], [1])
    cols = t.finish()
    with pytest.raises(ValueError, match="finish"):
        t.finish()
    with pytest.raises(ValueError, match="finish"):
        t.add(texts[:1], [0])
    assert np.asarray(cols["documents"]["doc"]).tolist() == [7, 3, 9]
    assert set(np.asarray(cols["sentences"]["doc"]).tolist()) == {7, 3, 9}
    # A numpy array over a buffer keeps it alive, and is writable.
    start = np.asarray(cols["sentences"]["start"])
    del cols
    start[0] = 5
    assert start[0] == 5 and start.base is not None
