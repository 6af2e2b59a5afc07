"""Rare cues added in round 15 after scripts/cue_model.py's measurements: the [phrasal_cue] row
"(weigh*) in on|with" of attribution_grammar.txt (weighing in on a matter is a stance, a weigh-in
on the scales is not) and the rare verbs of rebuking, praising, loathing and pleading at the end
of cue_verbs.txt. Sentences written for this test.
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
        ("The governor chastised the council for the delay.", "the council for the delay", 23,
         "The governor", "chastised"),
        ("The coach extolled the discipline of her players.", "the discipline of her players",
         19, "The coach", "extolled"),
        ("The pastor implored lawmakers to reconsider the cuts.",
         "lawmakers to reconsider the cuts", 20, "The pastor", "implored"),
        ("Critics have demonized the union for years.", "the union for years", 23, "Critics",
         "demonized"),
        ("Many farmers despise the new toll.", "the new toll", 21, "Many farmers", "despise"),
    ],
)
def test_rare_cues_report_their_object(text, content, content_start, source, cue):
    attrs = extract_attributions(text)
    assert len(attrs) == 1, attrs
    a = attrs[0]
    assert (a.text, a.start, a.source.text, a.cue.text) == (content, content_start, source, cue)
    assert text[a.start : a.end] == a.text
    assert text[a.cue.start : a.cue.end] == a.cue.text


def test_weighing_in_on_the_scales_is_no_cue():
    assert extract_attributions("The boxer weighed in at 90 kilos on Friday.") == []
