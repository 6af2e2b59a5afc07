"""Cue verbs and titles added at run time (presslens.add_cue_verbs / add_titles).

Every sentence here is invented for these tests; the verb "zindle" and the title "Quorister"
are not English words, so only an addition can make them a cue or a title.
"""

from __future__ import annotations

import threading

import pytest

import presslens

QUOTE = 'The harbour will close at dawn. "We have no other choice," Ms. Varga zindled.'
REPORTED = "Ms. Varga zindled that the harbour would close at dawn."
TITLED = '"The bridge stays open," said Quorister Amalia Brant.'


@pytest.fixture(autouse=True)
def clean_additions():
    presslens.reset_lexicon_additions()
    yield
    presslens.reset_lexicon_additions()


def cues(text: str) -> list:
    return [q.cue.text if q.cue else None for q in presslens.extract_quotes(text)]


def zindle_attributions(text: str) -> list:
    return [a for a in presslens.extract_attributions(text) if a.cue and a.cue.text.startswith("zindl")]


def test_an_invented_verb_attributes_a_quote_only_after_it_is_added():
    assert cues(QUOTE) == [None]
    assert presslens.add_cue_verbs(["Zindle"]) == ["zindle", "zindles", "zindled", "zindling"]
    (quote,) = presslens.extract_quotes(QUOTE)
    assert quote.cue.text == "zindled"
    assert quote.speaker == "Varga"
    assert QUOTE[quote.cue.start : quote.cue.end] == "zindled"


def test_an_invented_verb_reports_speech_only_after_it_is_added():
    assert zindle_attributions(REPORTED) == []
    presslens.add_cue_verbs(["zindle"], usage="reported")
    (found,) = zindle_attributions(REPORTED)
    assert found.speaker == "Varga"
    assert "harbour would close" in found.text
    # Reported only: a quote does not take it as its cue.
    assert cues(QUOTE) == [None]


def test_quotes_usage_leaves_reported_speech_alone():
    presslens.add_cue_verbs(["zindle"], usage="quotes")
    assert cues(QUOTE) == ["zindled"]
    assert zindle_attributions(REPORTED) == []


def test_forms_as_written_without_inflect():
    assert presslens.add_cue_verbs(["Zindled"], inflect=False) == ["zindled"]
    assert cues(QUOTE) == ["zindled"]
    assert cues(QUOTE.replace("zindled", "zindles")) == [None]


def test_an_invented_title_is_stripped_from_the_speaker_only_after_it_is_added():
    assert presslens.extract_quotes(TITLED)[0].speaker == "Quorister Amalia Brant"
    assert presslens.add_titles(["Quorister."]) == ["quorister"]
    assert presslens.extract_quotes(TITLED)[0].speaker == "Amalia Brant"


def test_titles_count_when_names_are_linked_across_articles():
    names = ["Quorister Amalia Brant", "Brant"]
    presslens.add_titles(["quorister"])
    assert presslens.link_speakers(names) == ([0, 0], ["Amalia Brant"])


def test_analyze_and_batches_see_the_additions():
    texts = [QUOTE, TITLED] * 4
    presslens.add_cue_verbs(["zindle"])
    presslens.add_titles(["Quorister"])
    for quotes in presslens.extract_quotes_batch(texts, n_threads=2):
        assert quotes[0].cue is not None
    speakers = [qs[0].speaker for qs in presslens.extract_quotes_batch(texts, n_threads=2)]
    assert speakers == ["Varga", "Amalia Brant"] * 4
    pytest.importorskip("pandas")
    corpus = presslens.analyze(texts, progress=False)
    assert sorted(set(corpus.quotes["speaker"])) == ["Amalia Brant", "Varga"]


def test_additions_read_back_and_reset():
    presslens.add_cue_verbs(["zindle"], usage="quotes")
    presslens.add_titles(["Quorister"])
    assert presslens.lexicon_additions() == {
        "quote_cues": ["zindle", "zindled", "zindles", "zindling"],
        "reported_cues": [],
        "titles": ["quorister"],
    }
    presslens.reset_lexicon_additions()
    assert presslens.lexicon_additions() == {"quote_cues": [], "reported_cues": [], "titles": []}
    assert cues(QUOTE) == [None]


@pytest.mark.parametrize(
    ("words", "error", "match"),
    [
        ("zindle", TypeError, "not a single str"),
        (42, TypeError, "iterable of str"),
        (["zindle", 7], TypeError, r"words\[1\]"),
        ([b"zindle"], TypeError, "must be str"),
        ([""], ValueError, "empty"),
        (["   "], ValueError, "empty"),
        (["zin dle"], ValueError, "white space"),
        (["zindle\n"], ValueError, "white space"),
        (["z1ndle"], ValueError, "letters"),
        (["zindle!"], ValueError, "letters"),
        (["z" * 41], ValueError, "longer than 40"),
    ],
)
def test_bad_words_raise_clear_errors_and_add_nothing(words, error, match):
    with pytest.raises(error, match=match):
        presslens.add_cue_verbs(words)
    with pytest.raises(error, match=match):
        presslens.add_titles(words)
    assert presslens.lexicon_additions() == {"quote_cues": [], "reported_cues": [], "titles": []}


def test_unknown_usage_is_a_value_error():
    with pytest.raises(ValueError, match="'both', 'quotes' or 'reported'"):
        presslens.add_cue_verbs(["zindle"], usage="sometimes")


def test_too_many_words_is_a_value_error():
    with pytest.raises(ValueError, match="more than"):
        presslens.add_titles(["quorister"] * 10_001)
    assert presslens.lexicon_additions()["titles"] == []


def test_calls_in_other_threads_stay_whole_while_words_are_added():
    # Readers in four threads while the main thread adds and resets: each call sees the
    # lexicon either before or after an addition, never a failure or a half-made one.
    stop = threading.Event()
    seen: list = []
    errors: list = []

    def read():
        while not stop.is_set():
            try:
                seen.append(tuple(cues(QUOTE)))
            except Exception as e:  # pragma: no cover - the failure the test looks for
                errors.append(e)

    threads = [threading.Thread(target=read) for _ in range(4)]
    for t in threads:
        t.start()
    for _ in range(50):
        presslens.add_cue_verbs(["zindle"])
        presslens.reset_lexicon_additions()
    stop.set()
    for t in threads:
        t.join()
    assert not errors
    assert set(seen) <= {(None,), ("zindled",)}
