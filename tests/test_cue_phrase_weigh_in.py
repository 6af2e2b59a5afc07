"""The [phrasal_cue] row "(weigh*) in on|with" of attribution_grammar.txt: weighing in on a
matter is taking a stance on it; a weigh-in on the scales is not. Sentences written for this test.
"""

import pytest

from presslens import extract_attributions


@pytest.mark.parametrize(
    "text, content, content_start, source, cue",
    [
        ("Several governors weighed in on the dispute over the pipeline.",
         "on the dispute over the pipeline", 29, "Several governors", "weighed in"),
        ("The union weighed in with a sharp rebuke of the plan.",
         "with a sharp rebuke of the plan", 21, "The union", "weighed in"),
        ("The senator is weighing in on the tax bill.", "on the tax bill", 27, "The senator",
         "weighing in"),
    ],
)
def test_weighing_in_on_a_matter_is_a_stance(text, content, content_start, source, cue):
    attrs = extract_attributions(text)
    assert len(attrs) == 1, attrs
    a = attrs[0]
    assert (a.text, a.start, a.source.text, a.cue.text) == (content, content_start, source, cue)
    assert text[a.start : a.end] == a.text
    assert text[a.cue.start : a.cue.end] == a.cue.text


def test_weighing_in_on_the_scales_is_no_cue():
    assert extract_attributions("The boxer weighed in at 90 kilos on Friday.") == []
