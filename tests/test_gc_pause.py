"""The quote and attribution calls pause Python's cyclic garbage collector while they build
their result objects (src/py/gc_pause.rs), and leave it as they found it."""

from __future__ import annotations

import gc

import pytest

import presslens

# 1,500 quotes with a speaker each: thousands of tracked objects built in one call.
TEXT = '"We will win," Jane Doe said. ' * 1500


def _calls():
    return {
        "extract_quotes": lambda: presslens.extract_quotes(TEXT),
        "extract_attributions": lambda: presslens.extract_attributions(TEXT),
        "speakers": lambda: presslens.speakers(TEXT),
        "extract_quotes_batch": lambda: presslens.extract_quotes_batch([TEXT, TEXT]),
        "extract_attributions_batch": lambda: presslens.extract_attributions_batch([TEXT, TEXT]),
        # What `Document` asks for its quotes, speakers and attributions (one analysis).
        "Document": lambda: presslens._core._quotes_speakers_attributions(TEXT),
    }


@pytest.fixture
def eager_collector():
    """The collector on, with a generation-0 pass due every 10 new objects, and a record of
    the passes that start."""
    was_enabled, thresholds = gc.isenabled(), gc.get_threshold()
    started: list[int] = []

    def record(phase, info):
        if phase == "start":
            started.append(info["generation"])

    gc.enable()
    gc.set_threshold(10, 10, 10)
    gc.callbacks.append(record)
    try:
        yield started
    finally:
        gc.callbacks.remove(record)
        gc.set_threshold(*thresholds)
        (gc.enable if was_enabled else gc.disable)()


@pytest.mark.parametrize("name", sorted(_calls()))
def test_no_collector_pass_while_the_objects_are_built(eager_collector, name):
    call = _calls()[name]
    gc.collect()
    eager_collector.clear()
    result = call()
    # Counted before anything else allocates: the first tracked object made after the call
    # (pytest's assertion code makes some) may start the pass that is due by then.
    passes = len(eager_collector)
    assert passes == 0, f"{name}: {passes} collector passes during the call"
    assert gc.isenabled()
    assert result
    # The same objects built by Python code do set the collector off: the record works.
    _ = [[i] for i in range(1000)]
    assert eager_collector


@pytest.mark.parametrize("name", sorted(_calls()))
def test_a_collector_turned_off_stays_off(name):
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        assert _calls()[name]()
        assert not gc.isenabled()
    finally:
        (gc.enable if was_enabled else gc.disable)()


def test_the_collector_is_back_on_after_an_error():
    assert gc.isenabled()
    with pytest.raises(TypeError):
        presslens.extract_attributions_batch([TEXT, 5])
    with pytest.raises(TypeError):
        presslens.extract_quotes(5)
    assert gc.isenabled()


def test_results_are_whole_with_the_collector_paused():
    quotes = presslens.extract_quotes(TEXT)
    assert len(quotes) == 1500
    assert {q.speaker for q in quotes} == {"Jane Doe"}
    attrs = presslens.extract_attributions_batch([TEXT])[0]
    assert len(attrs) == 1500 and all(a.quotes for a in attrs)
