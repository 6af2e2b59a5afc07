"""extract_attributions(nested=True): attributions inside other attributions' contents
("The mayor said the council told her that …"), each with ``nested_in``.

All sentences here are written for these tests.
"""

import pickle

from presslens import Attribution, extract_attributions, extract_attributions_batch

from test_attributions import check_offsets


def rows(text):
    attrs = extract_attributions(text, nested=True)
    check_offsets(text, attrs)
    return [(a.text, a.source.text if a.source else None, a.cue.text, a.nested_in) for a in attrs]


def test_outermost_only_by_default():
    text = "He said she said that the deal was off."
    (a,) = extract_attributions(text)
    assert a.source.text == "He" and a.text == "she said that the deal was off"
    assert a.nested_in is None


def test_two_levels_with_exact_offsets():
    text = "He said she said that the deal was off."
    assert rows(text) == [
        ("she said that the deal was off", "He", "said", None),
        ("that the deal was off", "she", "said", 0),
    ]
    inner = extract_attributions(text, nested=True)[1]
    assert (inner.start, inner.end) == (17, 38)
    assert (inner.source.start, inner.source.end) == (8, 11)
    assert (inner.cue.start, inner.cue.end) == (12, 16)


def test_three_levels():
    text = "Officials said the report found that voters believe the tax is unfair."
    assert rows(text) == [
        ("the report found that voters believe the tax is unfair", "Officials", "said", None),
        ("that voters believe the tax is unfair", "the report", "found", 0),
        ("the tax is unfair", "voters", "believe", 1),
    ]
    attrs = extract_attributions(text, nested=True)
    for a in attrs[1:]:
        outer = attrs[a.nested_in]
        assert outer.start <= a.cue.start and a.end <= outer.end


def test_depth_bound():
    text = ("Ana Ruiz said Ben Ode told her that Cy Lam said Dee Fox believed that Eve Kay said "
            "the tax is unfair.")  # fmt: skip
    got = rows(text)
    assert [r[3] for r in got] == [None, 0, 1, 2]
    assert got[-1] == ("that Eve Kay said the tax is unfair", "Dee Fox", "believed", 2)
    assert "Eve Kay" not in [r[1] for r in got]  # a fifth level is past the bound


def test_nested_pronoun_source_resolves_to_its_antecedent():
    text = "Lena Ortiz spoke first. Officials said she had warned that the roof would leak."
    attrs = extract_attributions(text, nested=True)
    check_offsets(text, attrs)
    inner = attrs[1]
    assert inner.source.text == "she" and inner.speaker == "Lena Ortiz"
    assert inner.text == "that the roof would leak" and inner.nested_in == 0


def test_nested_in_indexes_the_whole_list():
    text = "“The vote was close,” Leo Park said. He added that the clerk told him the count was fair."
    attrs = extract_attributions(text, nested=True)
    assert [a.kind for a in attrs] == ["direct", "indirect", "indirect"]
    assert [a.nested_in for a in attrs] == [None, None, 1]
    assert attrs[2].text == "the count was fair" and attrs[2].source.text == "the clerk"
    # Without nesting: the same outermost attributions.
    assert extract_attributions(text) == attrs[:2]


def test_hostile_chain_is_bounded():
    words = " ".join("she said that" if i % 2 == 0 else "he said" for i in range(5_000))
    text = "He said " + words + " the deal was off."
    attrs = extract_attributions(text, nested=True)
    assert [a.nested_in for a in attrs] == [None, 0, 1, 2]  # one per level, not one per cue
    check_offsets(text, attrs)


def test_long_sentence_with_many_cues_gives_at_most_one_per_cue():
    words = " ".join("officials said" if i % 7 == 0 else "wörd" for i in range(10_000))
    text = "The committee said that " + words + "."
    attrs = extract_attributions(text, nested=True)
    check_offsets(text, attrs)
    assert 1 < len(attrs) <= 2 + 10_000 // 7
    for a in attrs:
        assert a.nested_in is None or attrs[a.nested_in].start <= a.start


def test_batch_and_pickle_keep_nested_in():
    texts = ["The mayor said the council told her that the budget was short.", ""] * 3
    batch = extract_attributions_batch(texts, n_threads=2, nested=True)
    assert batch == [extract_attributions(t, nested=True) for t in texts]
    inner = batch[0][1]
    assert inner.nested_in == 0 and inner.text == "that the budget was short"
    assert pickle.loads(pickle.dumps(inner)).nested_in == 0
    assert pickle.loads(pickle.dumps(inner)) == inner
    outer = batch[0][0]
    rebuilt = Attribution(outer.content, outer.parts, outer.source, outer.speaker, outer.cue,
                          outer.kind, outer.quotes, outer.sentence)  # fmt: skip
    assert rebuilt == outer and rebuilt.nested_in is None
    assert extract_attributions_batch(texts) == [extract_attributions(t) for t in texts]


# --- tables, speakers, HTML, CLI, Dask -----------------------------------------------------

NESTED_TEXTS = [
    "Ana Ruiz said the council told her that the budget was short. “We will cope,” she added.",
    "Officials said the report found that voters believe the tax is unfair.",
    "The weather was mild.",
]


def test_attributions_table_has_nested_in():
    pytest = __import__("pytest")
    pd = pytest.importorskip("pandas")
    import presslens

    plain = presslens.analyze(NESTED_TEXTS).attributions
    assert str(plain["nested_in"].dtype) == "Int32" and plain["nested_in"].isna().all()
    t = presslens.analyze(NESTED_TEXTS, nested=True).attributions
    assert str(t["nested_in"].dtype) == "Int32"
    expected = []
    for doc, text in enumerate(NESTED_TEXTS):
        for i, a in enumerate(extract_attributions(text, nested=True)):
            expected.append((doc, i, a.start, a.end, a.text, a.nested_in))
    got = [tuple(None if pd.isna(v) else v for v in row)
           for row in t[["doc_id", "attribution", "start", "end", "text", "nested_in"]]
           .itertuples(index=False, name=None)]  # fmt: skip
    assert got == expected
    assert [r[5] for r in got] == [None, 0, None, None, 0, 1]


def test_attributions_table_nested_in_lists_and_arrow_agree(monkeypatch):
    pytest = __import__("pytest")
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    import presslens
    from presslens import _tables

    arrow = presslens.analyze(NESTED_TEXTS, nested=True)
    monkeypatch.setattr(_tables, "ARROW_COLUMNS", False)
    lists = presslens.analyze(NESTED_TEXTS, nested=True)
    pd.testing.assert_frame_equal(arrow.attributions, lists.attributions, check_dtype=False)
    assert str(lists.attributions["nested_in"].dtype) == "Int32"


def test_speakers_count_nested_attributions_when_asked():
    pytest = __import__("pytest")
    pytest.importorskip("pandas")
    import presslens

    plain = presslens.analyze(NESTED_TEXTS).speakers.set_index(["doc_id", "speaker"])
    nested = presslens.analyze(NESTED_TEXTS, nested=True).speakers.set_index(["doc_id", "speaker"])
    assert plain.loc[(0, "Ana Ruiz"), "n_indirect"] == 1
    assert nested.loc[(0, "Ana Ruiz"), "n_indirect"] == 1
    assert (0, "council") not in plain.index
    assert nested.loc[(0, "council"), "n_indirect"] == 1  # a voice heard only nested
    assert nested.loc[(1, "voters"), "n_indirect"] == 1


def test_html_nested_reported_speech_is_valid_markup():
    import html as html_lib
    import re

    import presslens

    text = NESTED_TEXTS[0]
    doc = presslens.analyze_text(text, nested=True)
    assert [a.nested_in for a in doc.attributions] == [None, 0, None]
    out = doc._repr_html_()
    body = out[out.index("council") - 200 :]
    # Balanced, never-crossing spans: a stack check over the tags.
    depth = 0
    for tag in re.findall(r"<(/?)span\b", out):
        depth += -1 if tag == "/" else 1
        assert depth >= 0
    assert depth == 0
    # The article text comes back once the tags are stripped.
    stripped = html_lib.unescape(re.sub(r"<[^>]+>", "", out))
    assert text in stripped
    assert "council (indirect, reported, nested)" in body
    assert "Ana Ruiz (indirect, reported)" in out
    assert "reported, nested" not in presslens.analyze_text(text)._repr_html_()


def test_cli_nested(tmp_path, capsys):
    pytest = __import__("pytest")
    pytest.importorskip("pandas")
    import json

    from presslens import cli

    (tmp_path / "a.txt").write_text(NESTED_TEXTS[1], encoding="utf-8")
    assert cli.main(["analyze", str(tmp_path), "--what", "attributions", "--format", "jsonl"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["nested_in"] for r in rows] == [None]
    args = ["analyze", str(tmp_path), "--what", "attributions", "--format", "jsonl", "--nested"]
    assert cli.main(args) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(r["mention"], r["nested_in"]) for r in rows] == [
        ("Officials", None), ("the report", 0), ("voters", 1)]  # fmt: skip


def test_dask_nested_equals_local():
    pytest = __import__("pytest")
    pd = pytest.importorskip("pandas")
    dd = pytest.importorskip("dask.dataframe")
    import presslens
    import presslens.dask

    df = pd.DataFrame({"text": NESTED_TEXTS})
    dc = presslens.dask.analyze(dd.from_pandas(df, npartitions=2), nested=True)
    got = dc.attributions.compute(scheduler="synchronous").reset_index(drop=True)
    local = presslens.analyze(df, nested=True).attributions
    pd.testing.assert_frame_equal(got, local, check_dtype=False)
    assert got["nested_in"].notna().sum() == 3
