"""scripts/cue_model.py: its pieces on sentences written for this test, and a clean exit when
newsdev is absent."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import cue_model as C  # noqa: E402
import pytest  # noqa: E402


def test_quoted_words_are_marked_and_a_line_break_closes_a_quote():
    text = 'The mayor said "we will win" and left.\nA "stray mark\nThe aide agreed.'
    sents = C.doc_tokens(text)
    quoted = {tok: q for sent in sents for _, _, tok, q in sent}
    assert quoted["win"] and not quoted["left"] and not quoted["agreed"]
    assert [text[s:e] for s, e, _, _ in sents[0]][:3] == ["The", "mayor", "said"]


def test_features_name_at_most_two_words():
    vocab = {"hinted", "that"}
    feats = C.features("hinted", ["CAP", "the"], ["that", "W"], 2, "none", vocab)
    assert "w=hinted" in feats and "w_n1=hinted_that" in feats and "p2p1=the_CAP" in feats
    for f in feats:
        value = f.partition("=")[2]
        # Word forms are joined by "_"; suffix and place features name no second word.
        assert value.count("_") <= 1, f
    assert "w=?" in C.features("mused", [], [], 0, "none", vocab)


def test_fit_is_deterministic_and_learns_a_context():
    pytest.importorskip("numpy")
    rows = []
    for k in range(40):
        rows.append((["bias", "n1=that", f"w=v{k % 4}"], True, False, 0, k))
        rows.append((["bias", "n1=the", f"w=v{k % 4}"], False, False, 0, k))
    a = C.fit(rows, 1, 3, 1e-3)
    assert a == C.fit(rows, 1, 3, 1e-3)
    assert C.score(a, ["bias", "n1=that"]) > 0.5 > C.score(a, ["bias", "n1=the"])


def test_exits_cleanly_without_newsdev(tmp_path):
    scripts = tmp_path / "repo" / "scripts"
    scripts.mkdir(parents=True)
    for name in ("cue_model.py", "score_attributions_newsdev.py", "attribution_errors.py"):
        shutil.copy(ROOT / "scripts" / name, scripts / name)
    # The installed presslens, not the source tree (a wheel install has no extension there).
    env = {k: v for k, v in os.environ.items() if k not in ("PRESSLENS_NEWSDEV", "PYTHONPATH")}
    r = subprocess.run([sys.executable, str(scripts / "cue_model.py")], capture_output=True,
                       text=True, cwd=tmp_path, env=env)
    assert r.returncode == 0, r.stderr
    assert "newsdev not found" in r.stdout
