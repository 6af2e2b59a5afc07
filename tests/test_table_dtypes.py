"""The tables' documented dtypes (docs/api/tables.md): int32 offsets and counts, categorical
``kind`` over fixed categories, the same for empty and full input and on both build paths; what
users do with them; the longest text the int32 offsets allow."""

import pytest

pd = pytest.importorskip("pandas")

import presslens  # noqa: E402
from presslens import _core, _tables  # noqa: E402

# The documented dtypes (docs/api/tables.md), "text" being pandas' own text dtype; doc_id takes
# the input's. Offsets, counts and numbers within a document are int32; `kind` is categorical.
_SCORES = {"neg": "float64", "neu": "float64", "pos": "float64", "compound": "float64"}
_QUOTE_LIKE = {
    "outlet": "text", "start": "int32", "end": "int32", "text": "text", "kind": "category",
    "speaker": "text", "mention": "text", "mention_start": "Int32", "mention_end": "Int32",
    "cue": "text", "sentence": "int32",
}  # fmt: skip
DTYPES = {
    "documents": {"outlet": "text", "n_sentences": "int32", "n_quotes": "int32",
                  "n_speakers": "int32", "compound": "float64"},
    "sentences": {"sentence": "int32", "start": "int32", "end": "int32", "text": "text",
                  **_SCORES},
    "quotes": {"quote": "int32", **_QUOTE_LIKE, **_SCORES},
    "speakers": {"outlet": "text", "speaker": "text", "n_quotes": "int32", "n_mentions": "int32",
                 "n_direct": "int32", "n_indirect": "int32", "descriptions": "object",
                 "compound": "float64"},
    "mentions": {"outlet": "text", "speaker": "text", "start": "int32", "end": "int32",
                 "text": "text"},
    "attributions": {"attribution": "int32", **_QUOTE_LIKE, "nested_in": "Int32", **_SCORES},
}  # fmt: skip
KINDS = {"quotes": ["direct", "headline", "partial", "scare"],
         "attributions": ["direct", "indirect", "mixed"]}


@pytest.mark.parametrize("arrow", [True, False])
def test_empty_and_full_input_have_the_documented_dtypes(arrow, monkeypatch):
    """The same dtypes for an empty input (Dask's meta), missing texts and real ones, from
    Arrow buffers and from lists; kind's categories are fixed, not taken from the data."""
    monkeypatch.setattr(_tables, "ARROW_COLUMNS", arrow)
    text = str(pd.Series(["a"]).dtype)
    for texts in ([], [None, ""], ["“Yes,” she said. He said taxes would rise."]):
        c = presslens.analyze(texts)
        for table, dtypes in DTYPES.items():
            df = getattr(c, table)
            got = {col: str(df[col].dtype) for col in df.columns if col != "doc_id"}
            assert got == {col: text if d == "text" else d for col, d in dtypes.items()}, table
            assert str(df["doc_id"].dtype) == "int64"
        for table, kinds in KINDS.items():
            assert list(getattr(c, table)["kind"].cat.categories) == kinds


def test_every_kind_of_the_core_is_a_category():
    """The categories come from the Rust core: every kind it gives has its code there."""
    assert list(_core.QUOTE_KINDS) == KINDS["quotes"]
    assert list(_core.ATTRIBUTION_KINDS) == KINDS["attributions"]
    text = ("HEADLINE: ‘Bold’ Move\n\n“We will win,” she said, calling it a “fair” fight. "
            "He said the “so-called” plan failed. Officials said taxes would rise.")
    c = presslens.analyze([text])
    got = {q.kind for q in presslens.extract_quotes(text)}
    assert c.quotes["kind"].astype(str).tolist() == [q.kind for q in presslens.extract_quotes(text)]
    assert got <= set(KINDS["quotes"]) and len(got) >= 2
    atts = presslens.extract_attributions(text)
    assert c.attributions["kind"].astype(str).tolist() == [a.kind for a in atts]


def test_int32_and_categorical_columns_work_as_users_use_them():
    """What users do with offsets, counts and kinds: slice the text, merge on offsets with
    int64 frames, group and count by kind, compare, sum, and write Parquet and CSV."""
    texts = ["“Yes,” she said. He said taxes would rise.", "Officials said the bridge would open."]
    c = presslens.analyze(texts)
    a, s = c.attributions, c.sentences
    for row in a.itertuples():
        assert texts[row.doc_id][row.start:row.end] == row.text
    # Merge on (doc_id, sentence) and on an int64 column of offsets.
    m = a.merge(s[["doc_id", "sentence", "start"]], on=["doc_id", "sentence"], suffixes=("", "_s"))
    assert len(m) == len(a)
    starts = pd.DataFrame({"start": a["start"].astype("int64")})
    assert len(a.merge(starts, on="start")) >= len(a)
    assert (a["kind"] == "indirect").sum() == 2 and a["kind"].isin(["direct"]).sum() == 1
    assert a.groupby("kind", observed=True).size().to_dict() == {"direct": 1, "indirect": 2}
    assert a.sort_values("kind")["kind"].astype(str).tolist() == ["direct", "indirect", "indirect"]
    assert int(c.documents["n_sentences"].sum()) == len(s)
    assert (s["end"] - s["start"]).min() > 0
    assert "indirect" in a.to_csv(index=False)
    pytest.importorskip("pyarrow")
    import io

    buf = io.BytesIO()
    a.to_parquet(buf)
    back = pd.read_parquet(io.BytesIO(buf.getvalue()))
    assert dict(back.dtypes) == dict(a.dtypes)
    pd.testing.assert_frame_equal(back, a)


def test_a_text_longer_than_the_int32_offsets_is_refused(monkeypatch):
    """Offsets are int32: analyze() refuses a text of more than 2**31 - 1 characters, naming
    it (checked here with a lower limit: such a text takes gigabytes)."""
    assert _tables.MAX_TEXT_CHARS == 2**31 - 1
    monkeypatch.setattr(_tables, "MAX_TEXT_CHARS", 10)
    presslens.analyze(["0123456789"])
    with pytest.raises(ValueError, match=r"index 'b' has 11 characters.*int32"):
        presslens.analyze(pd.Series(["ok", "01234567890"], index=["a", "b"]))


def test_dask_partitions_have_the_meta_dtypes():
    """Each partition's tables have the dtypes of the meta (made from an empty input): Dask
    concatenates them without a dtype change, categorical ``kind`` included."""
    dd = pytest.importorskip("dask.dataframe")
    import presslens.dask as pdask

    df = pd.DataFrame({"text": ["“Yes,” she said. He said taxes would rise.", "", "No quotes.",
                                "Officials said the bridge would open."]})  # fmt: skip
    dc = pdask.analyze(dd.from_pandas(df, npartitions=2))
    tables = dc.compute(scheduler="synchronous")
    for name, got in tables.items():
        assert dict(got.dtypes) == dict(getattr(dc, name).dtypes), name
    kinds = tables["attributions"]["kind"]
    assert kinds.astype(str).tolist() == ["direct", "indirect", "indirect"]
