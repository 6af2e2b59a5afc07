"""presslens.dask on a real multi-process LocalCluster equals the local result."""

import pickle

import pytest

pd = pytest.importorskip("pandas")
dd = pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("dask.distributed")

import presslens  # noqa: E402
import presslens.dask as pdask  # noqa: E402

TABLES = ("documents", "sentences", "quotes", "speakers", "mentions", "attributions")


@pytest.fixture(scope="module")
def frame(articles):
    texts = [articles[n] for n in sorted(articles)]
    texts = texts + [None, "Short one. “Yes,” he said.", ""]
    return pd.DataFrame(
        {"text": texts, "id": [f"a{i}" for i in range(len(texts))],
         "outlet": [f"o{i % 3}" for i in range(len(texts))]},
        index=pd.Index(range(100, 100 + len(texts)), name="row"),
    )  # fmt: skip


def _same(got, want):
    pd.testing.assert_frame_equal(got.reset_index(drop=True), want.reset_index(drop=True))


def test_meta_matches_local_columns_and_dtypes(frame):
    ddf = dd.from_pandas(frame, npartitions=3)
    dc = pdask.analyze(ddf, text="text", id="id", outlet="outlet")
    # Dask holds the input's strings in its own dtype; the local reference is the same data.
    local = presslens.analyze(ddf.compute(), text="text", id="id", outlet="outlet")
    for t in TABLES:
        lazy = getattr(dc, t)
        assert isinstance(lazy, dd.DataFrame)
        assert list(lazy.columns) == list(getattr(local, t).columns)
        assert dict(lazy.dtypes) == dict(getattr(local, t).dtypes), t
    with pytest.raises(KeyError, match="body"):
        pdask.analyze(ddf, text="body")
    pickle.loads(pickle.dumps(dc))


def test_local_cluster_equals_local_result(frame):
    ddf = dd.from_pandas(frame, npartitions=4)
    with distributed.LocalCluster(processes=True, n_workers=2, threads_per_worker=1,
                                  dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:  # fmt: skip
        # Workers import presslens themselves (separate processes).
        versions = client.run(lambda: __import__("presslens").__version__)
        assert set(versions.values()) == {presslens.__version__}
        dc = pdask.analyze(ddf, text="text", id="id", outlet="outlet")
        got = dc.compute()
        no_id = pdask.analyze(ddf).documents.compute()
    local = presslens.analyze(ddf.compute(), text="text", id="id", outlet="outlet")
    for t in TABLES:
        _same(got[t], getattr(local, t))
    _same(no_id, presslens.analyze(ddf.compute()).documents)
    assert no_id["doc_id"].tolist() == frame.index.tolist()
    assert got["documents"]["doc_id"].tolist() == frame["id"].tolist()
