"""``n_threads``: accepted values, clear errors, and no threads left behind."""

import pathlib
import time

import pytest

import presslens
from presslens import _core

BATCH_CALLS = [
    lambda texts, n: presslens.split_sentences_batch(texts, n_threads=n),
    lambda texts, n: presslens.extract_quotes_batch(texts, n_threads=n),
    lambda texts, n: presslens.polarity_scores_batch(texts, n_threads=n),
    lambda texts, n: presslens.SentimentIntensityAnalyzer().polarity_scores_batch(texts, n_threads=n),
    lambda texts, n: presslens.cluster_quotes(texts, n_threads=n),
    lambda texts, n: presslens.cluster_members(texts, n_threads=n),
    lambda texts, n: presslens.polarity_scores_columns(texts, n_threads=n),
    lambda texts, n: presslens.link_speakers(texts, n_threads=n),
    lambda texts, n: _core.analyze_columns(texts, n_threads=n),
]
TEXTS = ["“We will win,” said Ann Lee. It was good.", "Bob Smith said “no.”"]


class Index:
    """An integer-like object (as numpy integers are): accepted through __index__."""

    def __init__(self, n):
        self.n = n

    def __index__(self):
        return self.n


@pytest.mark.parametrize("call", BATCH_CALLS)
def test_accepts_any_integer(call):
    want = call(TEXTS, None)
    for n in (1, 2, Index(2), _core.MAX_THREADS):
        assert call(TEXTS, n) == want


def test_accepts_numpy_integers():
    np = pytest.importorskip("numpy")
    assert presslens.split_sentences_batch(TEXTS, n_threads=np.int64(2)) == presslens.split_sentences_batch(TEXTS)


@pytest.mark.parametrize("call", BATCH_CALLS)
@pytest.mark.parametrize("bad", [True, False, 0, -1, -(10**30), _core.MAX_THREADS + 1, 10**30])
def test_rejects_bools_and_out_of_range(call, bad):
    with pytest.raises(ValueError, match="n_threads"):
        call(TEXTS, bad)


@pytest.mark.parametrize("call", BATCH_CALLS)
@pytest.mark.parametrize("bad", [2.0, "2", [2]])
def test_rejects_non_integers(call, bad):
    with pytest.raises(TypeError, match="n_threads"):
        call(TEXTS, bad)


def test_too_many_names_the_limit():
    with pytest.raises(ValueError, match=f"n_threads=100000 is more than the maximum of {_core.MAX_THREADS}"):
        presslens.split_sentences_batch(TEXTS, n_threads=100000)


def test_analyze_checks_n_threads():
    with pytest.raises(ValueError, match="n_threads"):
        presslens.analyze(TEXTS, n_threads=True)
    assert len(presslens.analyze(TEXTS, n_threads=Index(1)).quotes) == 2


def _threads():
    status = pathlib.Path("/proc/self/status")
    for line in status.read_text().splitlines():
        if line.startswith("Threads:"):
            return int(line.split()[1])
    raise AssertionError("no Threads line")


@pytest.mark.skipif(not pathlib.Path("/proc/self/status").exists(), reason="needs /proc")
def test_thread_count_stays_flat_over_varying_n_threads():
    sizes = list(range(1, _core.MAX_THREADS + 1))
    texts = TEXTS * 50
    presslens.extract_quotes_batch(texts)  # the global pool exists from here on
    before = _threads()
    peak = before
    for i in range(100):
        n = sizes[i % len(sizes)]
        presslens.extract_quotes_batch(texts, n_threads=n)
        presslens.cluster_quotes(texts, n_threads=n)
        peak = max(peak, _threads())
    # Pools of evicted sizes exit their threads shortly after they are dropped.
    deadline = time.monotonic() + 10
    while _threads() > before + 2 * _core.MAX_THREADS and time.monotonic() < deadline:
        time.sleep(0.05)
    # At most two cached pools (never more than MAX_THREADS threads each) beyond the baseline;
    # one pool per size would keep 1 + 2 + ... + MAX_THREADS threads.
    assert _threads() <= before + 2 * _core.MAX_THREADS
    assert peak <= before + 4 * _core.MAX_THREADS


def test_core_round_trip_is_a_positive_finite_time():
    import math

    ns = _core._core_round_trip_ns()
    assert isinstance(ns, float) and math.isfinite(ns) and ns > 0
