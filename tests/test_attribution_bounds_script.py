"""scripts/attribution_bounds.py prints token classes, never article words, and applies what-if
boundary rules to prediction offsets as documented (sentences written for this test)."""

import importlib.util
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "attribution_bounds.py"


@pytest.fixture(scope="module")
def bounds():
    spec = importlib.util.spec_from_file_location("attribution_bounds", SCRIPT)
    mod = importlib.util.module_from_spec(spec)
    sys.modules["attribution_bounds"] = mod
    spec.loader.exec_module(mod)
    return mod


def test_token_class_hides_content_words(bounds):
    assert bounds.token_class("Harbourview") == "CAP"
    assert bounds.token_class("turbines") == "other"
    assert bounds.token_class("1987") == "NUM"
    assert bounds.token_class("In") == "in"
    assert bounds.token_class(",") == ","


def test_rules_cut_and_extend_preposed_contents(bounds):
    text = "The mayor said the ferry would run in a statement on Friday, and the port agreed."
    content = (15, text.index(","))
    doc = {"text": text}
    pred = {"content_start": content[0], "content_end": content[1], "cue_start": 10, "cue_end": 14}
    line = {"doc_id": "x", "attributions": [pred]}
    cut = bounds.cut_at(r" in a statement\b")
    (out,), n = bounds.apply_rule(cut, [doc], [line])
    got = out["attributions"][0]
    assert n == 1 and text[got["content_start"]:got["content_end"]] == "the ferry would run"
    ext = bounds.extend_over(r",\s(and)\b")
    (out,), n = bounds.apply_rule(ext, [doc], [line])
    got = out["attributions"][0]
    assert n == 1 and text[got["content_start"]:got["content_end"]].endswith("the port agreed")
    assert pred["content_end"] == content[1]  # the input is left as it was
