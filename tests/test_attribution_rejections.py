"""The hidden rejection record (``presslens._core._attribution_rejections``): which cue words
the clause rules turned down, and why, for error-analysis scripts."""

from presslens import _core, extract_attributions


def test_a_cue_with_only_an_adjunct_after_it_is_recorded():
    text = "The mayor said on Monday."
    assert extract_attributions(text) == []
    rows = _core._attribution_rejections(text)
    assert [(s.start, s.end, s.text, why) for s, why in rows] == [(10, 14, "said", "adjunct_only")]


def test_offsets_are_str_indexes_and_found_attributions_are_not_recorded():
    text = "Señora Ruiz said the plan would fail. It was unclear who said."
    rows = _core._attribution_rejections(text)
    assert [(s.start, s.end, why) for s, why in rows] == [(57, 61, "no_content")]
    assert text[57:61] == "said"
    assert len(extract_attributions(text)) == 1
    assert _core._attribution_rejections("", nested=True) == []
