"""The private stage function behind scripts/benchmark_sentences.py measures the same work as
``split_sentences_batch(texts, n_threads=1)`` without the objects: it must find the same
sentences, or the benchmark's split of scan vs objects would be wrong."""

import pytest

import presslens
from presslens import _core

TEXTS = ["Dr. Lee spoke first. The U.S. team left at 5 p.m.", "", "“Go,” she said. Done!\nNext",
         "Une phrase é. “Bad news\ud800,” he said. It rained."]


def test_scan_finds_the_sentences_of_the_splitter():
    expected = sum(len(presslens.split_sentences(t)) for t in TEXTS)
    assert _core._split_sentences_stages(TEXTS, "scan") == expected
    assert _core._split_sentences_stages(TEXTS, "read") == 0


def test_bad_stage_and_bad_texts():
    with pytest.raises(ValueError, match="stage"):
        _core._split_sentences_stages(TEXTS, "objects")
    with pytest.raises(TypeError):
        _core._split_sentences_stages([b"bytes"], "scan")


@pytest.mark.parametrize("n_threads", [1, 2])
def test_one_thread_batch_matches_the_loop(n_threads):
    texts = TEXTS * 300
    assert presslens.split_sentences_batch(texts, n_threads=n_threads) == [
        presslens.split_sentences(t) for t in texts]
