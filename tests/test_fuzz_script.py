"""scripts/fuzz_texts.py: a short run passes, texts are reproducible from (seed, index), and its
checks do fail on a wrong span (so a clean run means something)."""

import importlib.util
import sys
from pathlib import Path

import pytest

import presslens

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "fuzz_texts.py"


@pytest.fixture(scope="module")
def fuzz():
    spec = importlib.util.spec_from_file_location("fuzz_texts", SCRIPT)
    mod = importlib.util.module_from_spec(spec)
    sys.modules["fuzz_texts"] = mod
    spec.loader.exec_module(mod)
    return mod


def test_a_short_run_finds_nothing(fuzz, capsys):
    assert fuzz.main(["--seeds", "0", "--texts", "60", "--chunk", "25", "--threads", "2"]) == 0
    assert "60 texts, 1 seeds: 0 failures" in capsys.readouterr().out


def test_texts_depend_only_on_seed_and_index(fuzz):
    maker = fuzz.TextMaker(fuzz.load_lexicon())
    again = fuzz.TextMaker(fuzz.load_lexicon())
    assert [maker.text(3, i) for i in range(20)] == [again.text(3, i) for i in range(20)]
    assert maker.text(3, 5) != maker.text(4, 5)
    # The word lists are the project's own: cue verbs (not their classes) and titles.
    lex = fuzz.load_lexicon()
    assert "said" in lex["cue_verbs"] and "quote_weak" not in lex["cue_verbs"]
    assert "mr" in lex["titles:person"]


def test_the_span_check_fails_on_a_wrong_span(fuzz):
    text = "Officials said the talks failed."
    assert fuzz.check_span(text, presslens.Span(15, 31, "the talks failed"), "ok") == []
    assert fuzz.check_span(text, presslens.Span(15, 31, "the talks faile"), "x")  # wrong text
    assert fuzz.check_span(text, presslens.Span(15, 99, "the talks failed."), "x")  # past end
    part = presslens.Span(0, 9, "Officials")
    hull = presslens.Span(15, 31, "the talks failed", parts=[part])
    assert fuzz.check_span(text, hull, "x")  # a part outside its hull


def test_a_wrong_quote_from_the_library_is_reported(fuzz, monkeypatch):
    # Feed the checker a fabricated bad quote through the function it calls: the run fails
    # and names the seed and index.
    bad = presslens.Quote(0, 3, "Nop", kind="scare")
    monkeypatch.setattr(presslens, "extract_quotes", lambda text: [bad])
    lines = []
    failures = fuzz.run([0], 2, out=lambda *a, **k: lines.append(" ".join(map(str, a))))
    assert failures and all(seed == 0 for seed, _, _ in failures)
    assert any("quotes[0]" in msg for _, _, msg in failures)
    assert any(line.startswith("FAIL seed 0 index") for line in lines)
