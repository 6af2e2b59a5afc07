"""Cross-outlet comparison: quote clusters and speakers against the gold fixtures, the
Comparison tables, HTML, plots, pickling and bad input."""

import importlib.util
import itertools
import pathlib
import pickle

import pytest

import presslens

pd = pytest.importorskip("pandas")

ROOT = pathlib.Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("score_compare", ROOT / "scripts" / "score_compare.py")
score_compare = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(score_compare)


@pytest.fixture(scope="module")
def gold():
    return score_compare.load()


@pytest.fixture(scope="module")
def tables(gold):
    quotes, _, speakers_gold = gold
    return score_compare.tables(quotes, speakers_gold)


@pytest.fixture(scope="module")
def cmp(tables):
    qdf, sdf, mdf = tables
    return presslens.Comparison.from_tables(qdf, sdf.drop(columns=["_gold"]), mdf)


@pytest.fixture(scope="module")
def scores():
    return score_compare.score()


# ---------------------------------------------------------------- accuracy (gold input)


def test_quote_clusters_pairwise_precision_and_recall(scores):
    assert scores["pairs_gold"] == 69
    assert scores["cluster_precision"] >= 0.9
    assert scores["cluster_recall"] >= 0.9


def test_single_id_api_is_usable_on_its_own(scores):
    assert scores["single_id_precision"] >= 0.85
    assert scores["single_id_recall"] >= 0.8


def test_variant_flag_matches_gold(scores):
    assert scores["variant_clusters"] >= 20
    assert scores["variant_agreement"] >= 0.9


def test_speakers_linked_across_articles(scores):
    assert scores["speaker_entries_resolved"]
    assert scores["speaker_pair_precision"] == 1.0
    assert scores["speaker_pair_recall"] == 1.0
    assert scores["speaker_missing_variants"] == []
    assert scores["n_speakers"] == scores["n_gold_speakers"] == 14


def test_speaker_names_are_fullest_forms(cmp):
    names = set(cmp.speakers["name"])
    for n in ["Donald Trump", "Vladimir V. Putin", "Volodymyr Zelenskyy", "Chris Murphy",
              "Robert O’Brien", "White House official", "senior Trump administration official"]:
        assert n in names
    row = cmp.speakers.set_index("name").loc["Volodymyr Zelenskyy"]
    assert {"Mr. Zelensky", "Zelenskyy", "President Volodymyr Zelensky"} <= set(row["variants"])
    assert row["variants"][0] == "Zelenskyy"  # most frequent first
    trump = cmp.speakers.set_index("name").loc["Donald Trump", "variants"]
    assert "the president" in trump and "The president" not in trump
    assert row["n_docs"] == 5 and row["n_outlets"] == 5
    assert cmp.speakers.set_index("name").loc["Donald Trump", "n_quotes"] == 65


# ---------------------------------------------------------------- the tables


def _cluster_of(cmp, needle):
    qc = cmp.quote_clusters
    ids = set(qc.loc[qc["part"].str.contains(needle, regex=False), "cluster_id"])
    assert len(ids) == 1, (needle, ids)
    return ids.pop()


def test_quote_clusters_columns_and_variants(cmp):
    qc = cmp.quote_clusters
    for c in ["cluster_id", "doc_id", "outlet", "quote", "start", "end", "text", "speaker_id",
              "cluster_text", "variant"]:
        assert c in qc.columns
    nodeal = qc[qc["cluster_id"] == _cluster_of(cmp, "until there is a deal")]
    assert nodeal["doc_id"].nunique() == 5
    assert nodeal["variant"].all()
    assert nodeal["cluster_text"].iloc[0].lower().startswith("there’s no deal until there’s")
    ceasefire = qc[qc["cluster_id"] == _cluster_of(cmp, "ceasefire rapidly")]
    assert len(ceasefire) == 3 and not ceasefire["variant"].any()


def test_long_quote_is_member_of_two_clusters(cmp):
    qc = cmp.quote_clusters
    long = qc[qc["text"].str.startswith("We look forward to dealing")]
    assert long["cluster_id"].nunique() == 2
    assert _cluster_of(cmp, "fantastic relationship") != _cluster_of(cmp, "some great progress")


def test_continuation_quote_joins_its_remark(cmp):
    qc = cmp.quote_clusters
    cid = _cluster_of(cmp, "open the way to peace")
    members = qc[qc["cluster_id"] == cid]
    assert members["text"].str.contains("would like to hope").any()
    assert members["outlet"].nunique() >= 3


def test_carried_and_coverage(cmp):
    car = cmp.carried()
    assert list(car.columns) == list(score_compare.OUTLETS.values())
    cid = _cluster_of(cmp, "ceasefire rapidly")
    assert car.loc[cid].tolist() == [True, True, False, False, True]
    cov = cmp.coverage
    for c in ["outlet", "speaker_id", "name", "n_quotes", "quoted_words", "share_of_quotes",
              "compound"]:
        assert c in cov.columns
    wsj = cov[cov["outlet"] == "The Wall Street Journal"].set_index("name")
    assert wsj.loc["Donald Trump", "n_quotes"] == 5
    assert wsj["share_of_quotes"].sum() == pytest.approx(1.0)
    assert cov.groupby("outlet")["n_quotes"].sum().sum() == 107


def test_diff_shows_word_changes(cmp):
    d = cmp.diff(_cluster_of(cmp, "until there is a deal"))
    s = str(d)
    assert "[-there’s-]" in s or "{+there is+}" in s or "[-there's-]" in s
    assert "is" in s
    with pytest.raises(KeyError):
        cmp.diff(10_000)


def test_html_escapes_everything():
    q = pd.DataFrame({
        "doc_id": ["a", "b"], "outlet": ["<b>X</b>", "Y & Z"], "quote": [0, 0],
        "start": [0, 0], "end": [40, 40],
        "text": ["<script>alert(1)</script> we will win this war", "<script>alert(1)</script> we’ll win this war"],
        "kind": ["direct", "direct"], "speaker": ["Jane <i>Doe</i>", "Jane Doe"],
        "mention": ["Doe", "Doe"], "compound": [0.0, 0.0],
    })
    c = presslens.Comparison.from_tables(q)
    assert len(c.quote_clusters) == 2
    h = c._repr_html_()
    assert "<script>" not in h and "&lt;script&gt;" in h
    assert "<b>X</b>" not in h and "<i>Doe</i>" not in h
    assert "<mark" in h  # the variant words are highlighted
    assert "<script>" not in c.diff(0)._repr_html_()


def test_pickle_round_trip(cmp):
    c2 = pickle.loads(pickle.dumps(cmp))
    pd.testing.assert_frame_equal(c2.quote_clusters, cmp.quote_clusters)
    pd.testing.assert_frame_equal(c2.speakers, cmp.speakers)
    assert repr(c2) == repr(cmp)


def test_plot_coverage(cmp):
    pytest.importorskip("matplotlib")
    import matplotlib

    matplotlib.use("Agg")
    ax = cmp.plot.coverage()
    assert ax.get_xlabel() == "n quotes"
    assert len(ax.get_yticklabels()) == 5
    with pytest.raises(ValueError):
        cmp.plot.coverage(value="nope")


def test_plot_without_matplotlib_names_the_extra(cmp, monkeypatch):
    import sys

    # None in sys.modules makes any import of the module fail, cached or not.
    monkeypatch.setitem(sys.modules, "matplotlib.pyplot", None)
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    with pytest.raises(ImportError, match=r"comparison.plot needs matplotlib: pip install presslens\[plot\]"):
        cmp.plot.coverage()


def test_missing_column_names_it(tables):
    qdf, _, _ = tables
    with pytest.raises(KeyError, match="kind"):
        presslens.Comparison.from_tables(qdf.drop(columns=["kind"]))


# ---------------------------------------------------------------- the Rust functions


def test_cluster_quotes_basic():
    texts = [
        "There’s no deal until there’s a deal.",
        "there is no deal until there is a deal,",
        "We will probably see you again very soon,",
        "We’ll probably see you again very soon.",
        "There’s no deal until there’s a deal.",
        "An unrelated sentence about the weather in Anchorage today.",
    ]
    ids = presslens.cluster_quotes(texts)
    assert ids[0] == ids[1] == ids[4]
    assert ids[2] == ids[3] != ids[0]
    assert ids[5] not in (ids[0], ids[2])
    sp = ["Donald Trump", "Mr. Trump", None, "Trump", "Vladimir Putin", None]
    ids = presslens.cluster_quotes(texts, sp, n_threads=1)
    assert ids[0] == ids[1] and ids[4] != ids[0]
    assert ids[2] == ids[3]


def test_cluster_quotes_partial_is_contained_not_similar():
    full = ("We had an extremely productive meeting and many points were agreed to, and there "
            "are just a very few that are left.")
    ids = presslens.cluster_quotes([full, "extremely productive,", "Many points were agreed to,"])
    assert ids[0] == ids[1] == ids[2]


def test_quote_clusters_offsets_are_code_points():
    texts = ["“Oooh, that’s an interesting one,” said the café. I’ve always had a fantastic relationship with him.",
             "I’ve always had a fantastic relationship with him,"]
    r = presslens.cluster_members(texts)
    (s, e), = [(s, e) for q, s, e in zip(r["quote"], r["start"], r["end"]) if q == 0]
    assert texts[0][s:e] == "I’ve always had a fantastic relationship with him."


def test_cluster_quotes_bad_input():
    with pytest.raises(TypeError, match="single str"):
        presslens.cluster_quotes("abc")
    with pytest.raises(TypeError, match=r"texts\[1\]"):
        presslens.cluster_quotes(["a", 3])
    with pytest.raises(ValueError, match="speakers"):
        presslens.cluster_quotes(["a", "b"], ["x"])
    with pytest.raises(TypeError, match=r"speakers\[0\]"):
        presslens.cluster_quotes(["a"], [5])
    with pytest.raises(ValueError, match="n_threads"):
        presslens.cluster_quotes(["a"], n_threads=0)
    assert presslens.cluster_quotes([]) == []
    assert presslens.cluster_quotes(["", "…", "a\ud800b"]) == [0, 1, 2]
    assert presslens.cluster_quotes(["x", "y"], [float("nan"), None]) == [0, 1]


def test_link_speakers():
    names = ["Volodymyr Zelenskyy", "Mr. Zelensky", "President Vladimir V. Putin",
             "Russian President Vladimir Putin", "Donald Trump", "Melania Trump", "Trump",
             "Sen. chris Murphy", "Sen. Chris Murphy", "a White House official",
             "a White House official"]
    ids, canon = presslens.link_speakers(names)
    assert ids[0] == ids[1] and canon[ids[0]] == "Volodymyr Zelenskyy"
    assert ids[2] == ids[3] and canon[ids[2]] == "Vladimir V. Putin"
    assert len({ids[4], ids[5], ids[6]}) == 3  # "Trump" alone could be either
    assert ids[7] == ids[8] and canon[ids[7]] == "Chris Murphy"
    assert ids[9] == ids[10]
    ids, canon = presslens.link_speakers(["Trump", "Putin"], [["President Donald Trump"], []])
    assert canon[ids[0]] == "Donald Trump"
    with pytest.raises(ValueError, match="variants"):
        presslens.link_speakers(["a"], [[], []])
    with pytest.raises(TypeError):
        presslens.link_speakers("Trump")


def test_pairwise_scoring_counts_multi_cluster_quotes(gold):
    quotes, shared, _ = gold
    pairs, of = score_compare.gold_pairs(quotes, shared)
    multi = [i for i, cs in of.items() if len(cs) > 1]
    assert multi, "some gold quotes belong to several clusters"
    assert all(len(c) == 2 for c in pairs)


# ---------------------------------------------------------------- end to end


@pytest.fixture(scope="module")
def e2e():
    return score_compare.score_end_to_end()


def test_end_to_end_quote_clusters_against_gold(e2e):
    """analyze(five articles).compare(): predicted quotes matched to gold quotes by span
    overlap, pairwise precision and recall of same-cluster pairs."""
    assert e2e["pairs_gold"] == 69
    assert e2e["cluster_quotes_matched"] == e2e["cluster_quotes_gold"] == 62
    assert e2e["cluster_precision"] >= 0.9
    assert e2e["cluster_recall"] >= 0.9


def test_end_to_end_speakers_against_gold(e2e):
    """Every gold speaker is found; each cross-article speaker is exactly one row; no row
    holds two gold speakers; names are the fullest forms in the majority spelling."""
    assert e2e["speakers_found"] == e2e["speakers_gold"] == 14
    assert sorted(e2e["cross_article"]) == [
        "Chris Murphy", "Donald Trump", "Vladimir Putin", "Volodymyr Zelenskyy"]
    assert e2e["cross_article_one_row"]
    assert all(e2e["one_row"].values())
    assert e2e["false_merges"] == []
    assert e2e["wrong_names"] == {}
    assert e2e["names"]["Volodymyr Zelenskyy"] == "Volodymyr Zelenskyy"  # not "Zelensky" (NYT, WSJ)
    assert e2e["names"]["Vladimir Putin"] == "Vladimir V. Putin"  # fullest: NYT's middle initial
    assert e2e["names"]["Samuel Charap"] == "Samuel Charap"
    assert e2e["variant_recall"] >= 0.75


@pytest.fixture(scope="module")
def corpus_cmp():
    return score_compare.end_to_end()


def test_end_to_end_variants_are_names_and_role_nouns(corpus_cmp):
    _, c = corpus_cmp
    sp = c.speakers.set_index("name")
    assert list(sp.columns) == ["speaker_id", "variants", "descriptions", "n_docs", "n_outlets",
                                "n_quotes"]
    trump = sp.loc["Donald Trump"]
    assert {"Trump", "Mr. Trump", "President Donald Trump", "the U.S. president"} <= set(
        trump["variants"])
    putin = sp.loc["Vladimir V. Putin"]
    assert {"President Vladimir V. Putin", "Mr. Putin", "the Russian leader"} <= set(
        putin["variants"])
    for row in c.speakers.itertuples(index=False):
        for v in row.variants:
            assert v.lower() not in {"he", "she", "him", "his", "her", "they"}, (row.name, v)
            assert len(v.split()) <= 8 and "," not in v, (row.name, v)
        assert not set(row.descriptions) & set(row.variants)
    charap = sp.loc["Samuel Charap"]
    assert "Rand Corporation" not in c.speakers["name"].tolist()
    assert any("Rand Corporation" in d for d in charap["descriptions"])
    zel = sp.loc["Volodymyr Zelenskyy"]
    assert {"Zelenskyy", "Mr. Zelensky"} <= set(zel["variants"]) and zel["n_outlets"] == 4


def test_corpus_compare_uses_the_mentions_table(corpus_cmp):
    corpus, c = corpus_cmp
    m = corpus.mentions
    assert list(m.columns) == ["doc_id", "outlet", "speaker", "start", "end", "text"]
    assert len(m) == corpus.speakers["n_mentions"].sum()
    # The role nouns come from the mentions table, not from the quotes' attribution mentions.
    assert "the U.S. president" not in set(corpus.quotes["mention"].dropna())
    assert "the U.S. president" in c.speakers.set_index("name").loc["Donald Trump", "variants"]
    # Without it, only attribution mentions are variants.
    bare = presslens.Comparison.from_tables(corpus.quotes, corpus.speakers)
    assert "the U.S. president" not in bare.speakers.set_index("name").loc["Donald Trump",
                                                                           "variants"]
    assert list(c.quotes["speaker_id"].notna()) == list(corpus.quotes["speaker"].notna())


def test_from_articles_is_analyze_compare(articles, corpus_cmp):
    _, c = corpus_cmp
    c2 = presslens.Comparison.from_articles(
        list(articles.values()), outlets=list(score_compare.OUTLETS.values()),
        doc_ids=list(articles))
    pd.testing.assert_frame_equal(c2.speakers, c.speakers)
    pd.testing.assert_frame_equal(c2.quote_clusters, c.quote_clusters)
    with pytest.raises(ValueError, match="same length"):
        presslens.Comparison.from_articles(["a", "b"], outlets=["x"])


def test_descriptions_never_name_a_speaker():
    q = pd.DataFrame({
        "doc_id": ["a", "b"], "outlet": ["X", "Y"], "quote": [0, 0], "start": [0, 0],
        "end": [10, 10], "text": ["We shall see what happens,", "Nothing is settled yet."],
        "kind": ["direct", "direct"], "speaker": ["Samuel Charap", "Samuel Charap"],
        "mention": ["Charap", "Mr. Charap"],
    })
    s = pd.DataFrame({
        "doc_id": ["a", "b"], "outlet": ["X", "Y"], "speaker": ["Samuel Charap"] * 2,
        "descriptions": [["a senior political scientist at Rand Corporation"],
                         ["an analyst with Rand Corporation"]],
    })
    m = pd.DataFrame({"doc_id": ["a", "a", "b"], "speaker": ["Samuel Charap"] * 3,
                      "text": ["Samuel Charap", "he", "Mr. Charap"]})
    c = presslens.Comparison.from_tables(q, s, m)
    (row,) = c.speakers.itertuples(index=False)
    assert row.name == "Samuel Charap"
    assert row.variants == ["Samuel Charap", "Mr. Charap"]
    assert row.descriptions == ["a senior political scientist at Rand Corporation",
                                "an analyst with Rand Corporation"]


def test_two_speakers_of_one_article_stay_apart():
    # One article quotes "Donald Trump" and, separately, "D. Trump" (say a namesake);
    # another article's "Donald Trump" may join either, never both.
    q = pd.DataFrame({
        "doc_id": ["a", "a", "b"], "outlet": ["X", "X", "Y"], "quote": [0, 1, 0],
        "start": [0, 50, 0], "end": [10, 60, 10],
        "text": ["One thing here.", "Another thing there.", "A third thing."],
        "kind": ["direct"] * 3, "speaker": ["Donald Trump", "D. Trump", "Donald Trump"],
        "mention": ["Trump", "Trump", "Trump"],
    })
    c = presslens.Comparison.from_tables(q)
    ids = c.quotes["speaker_id"].tolist()
    assert ids[0] != ids[1] and ids[0] == ids[2]
    ids, _ = presslens.link_speakers(["Donald Trump", "D. Trump"], docs=["a", "a"])
    assert ids[0] != ids[1]
    ids, _ = presslens.link_speakers(["Donald Trump", "D. Trump"], docs=["a", "b"])
    assert ids[0] == ids[1]
    with pytest.raises(ValueError, match="docs"):
        presslens.link_speakers(["a", "b"], docs=["x"])
    with pytest.raises(TypeError, match="docs"):
        presslens.link_speakers(["a"], docs=5)


def test_cluster_quotes_any_text_property():
    hyp = pytest.importorskip("hypothesis")
    st = pytest.importorskip("hypothesis.strategies")

    @hyp.settings(max_examples=200, deadline=None)
    @hyp.given(st.lists(st.text(max_size=60), max_size=12))
    def check(texts):
        ids = presslens.cluster_quotes(texts + texts)
        n = len(texts)
        assert len(ids) == 2 * n
        r = presslens.cluster_members(texts)
        for q, s, e in zip(r["quote"], r["start"], r["end"]):
            assert 0 <= s <= e <= len(texts[q])

    check()


@pytest.mark.parametrize(
    "texts",
    [
        ["“We won,” he said."],  # one quote, speaker unresolved (pd.NA speaker id)
        ["“We won,” he said.", "“We won,” he said again."],  # a cluster with no speakers
        ["“We won,” he said.", "“We won,” Ann Lee said.", "No quotes here."],
        [""],  # one empty document
        ["", "Plain text, nothing quoted."],  # no quotes anywhere
        ["Only one document with no quotes."],
    ],
)
def test_compare_survives_unattributed_empty_and_single_documents(texts):
    corpus = presslens.analyze(texts, outlet=[f"O{i}" for i in range(len(texts))])
    cmp = corpus.compare()
    assert len(cmp.quotes) == len(corpus.quotes)
    assert cmp.quotes["speaker_id"].dtype == "Int64"
    for frame in (cmp.speakers, cmp.quote_clusters, cmp.coverage, cmp.carried()):
        assert isinstance(frame, pd.DataFrame)
    assert cmp._repr_html_()
    unattributed = corpus.quotes["speaker"].isna()
    assert cmp.quotes.loc[unattributed, "speaker_id"].isna().all()
