#!/usr/bin/env python3
"""Score sentence splitting on the gold fixtures.

* ``tests/data/sentences_gold.jsonl``: exact span match (code-point offsets) against the 377
  hand-checked sentences of the five sample articles; prints precision, recall and F1 per article
  and in total.
* ``tests/data/golden_rules_en.json``: the 48 English Golden Rules; a rule passes when the
  sentence texts, whitespace-normalised, equal ``expected`` (as in pySBD's benchmark).

Every splitter is scored twice, under the same rules: on each whole article ("whole text"),
and line by line ("per line": the article is cut at every line break and each line is split on
its own). The gold treats a line break as a sentence end (headlines, bylines and captions stand
alone), which presslens does itself; most peers were written for running prose and join lines,
so the per-line figure is the fair one for them, and both are printed.

Usage::

    python scripts/score_sentences.py            # presslens only
    python scripts/score_sentences.py --peers    # also pysbd, blingfire, sentencex, syntok
    python scripts/score_sentences.py -v         # also list every wrong span

The functions are imported by ``tests/test_sentences.py``.
"""

from __future__ import annotations

import argparse
import json
import pathlib
from typing import Callable, Iterable, Optional

ROOT = pathlib.Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
ARTICLES = ROOT / "examples" / "articles"

Spans = list[tuple[int, int]]
Splitter = Callable[[str], Spans]


def load_gold() -> list[tuple[str, str, Spans]]:
    """(doc, text, gold spans) for every article of the gold file."""
    out = []
    with open(DATA / "sentences_gold.jsonl", encoding="utf-8") as f:
        for line in f:
            if line.strip():
                d = json.loads(line)
                text = (ARTICLES / d["doc"]).read_text(encoding="utf-8")
                out.append((d["doc"], text, [tuple(s) for s in d["sentences"]]))
    return out


def load_rules() -> list[dict]:
    with open(DATA / "golden_rules_en.json", encoding="utf-8") as f:
        return json.load(f)


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score_gold(split: Splitter, verbose: bool = False) -> dict:
    """Per-article and total precision/recall/F1 of exact span matches."""
    rows = {}
    tp_all = np_all = ng_all = 0
    for doc, text, gold in load_gold():
        pred = split(text)
        g, p = set(gold), set(pred)
        tp = len(g & p)
        rows[doc] = prf(tp, len(p), len(g)) + (tp, len(p), len(g))
        tp_all, np_all, ng_all = tp_all + tp, np_all + len(p), ng_all + len(g)
        if verbose:
            for s, e in sorted(p - g):
                print(f"  {doc} extra : {text[s:e]!r}")
            for s, e in sorted(g - p):
                print(f"  {doc} missed: {text[s:e]!r}")
    rows["total"] = prf(tp_all, np_all, ng_all) + (tp_all, np_all, ng_all)
    return rows


def norm(s: str) -> str:
    return " ".join(s.split())


def score_rules(sentences: Callable[[str], list[str]]) -> tuple[int, int, list[tuple[int, str, list, list]]]:
    """(passed, total, failures) on the Golden Rules; a failure is (id, name, got, expected)."""
    rules = load_rules()
    failures = []
    for r in rules:
        got = [norm(s) for s in sentences(r["text"]) if norm(s)]
        want = [norm(s) for s in r["expected"]]
        if got != want:
            failures.append((r["id"], r["name"], got, want))
    return len(rules) - len(failures), len(rules), failures


# ------------------------------------------------------------------ splitters


def presslens_spans(text: str) -> Spans:
    import presslens

    return [(s.start, s.end) for s in presslens.split_sentences(text)]


def presslens_texts(text: str) -> list[str]:
    import presslens

    return [s.text for s in presslens.split_sentences(text)]


def align(text: str, sentences: Iterable[str]) -> Spans:
    """Map sentence strings back to trimmed spans of `text`, tolerating whitespace changes."""
    spans = []
    pos = 0
    n = len(text)
    for sent in sentences:
        chars = [c for c in sent if not c.isspace()]
        if not chars:
            continue
        i = pos
        while i < n and text[i].isspace():
            i += 1
        # Peers may drop characters; find the first char, then walk both strings.
        start = text.find(chars[0], i)
        if start < 0:
            continue
        j, k = start, 0
        while j < n and k < len(chars):
            if text[j].isspace():
                j += 1
            elif text[j] == chars[k]:
                j += 1
                k += 1
            else:
                break
        if k == len(chars):
            spans.append((start, j))
            pos = j
    return spans


def per_line(sentences: Callable[[str], list[str]]) -> Callable[[str], list[str]]:
    """The same splitter run on each line of the text on its own (a line break ends a
    sentence, as in the gold); the sentences of all lines, in order."""

    def split(text: str) -> list[str]:
        return [s for line in text.split("\n") if line.strip() for s in sentences(line)]

    return split


def peer_splitters() -> dict[str, tuple[Splitter, Callable[[str], list[str]]]]:
    """Peers that are importable: name -> (spans, texts)."""
    peers: dict = {}
    try:
        import pysbd

        seg = pysbd.Segmenter(language="en", clean=False)
        peers["pysbd"] = (lambda t: align(t, seg.segment(t)), seg.segment)
    except ImportError:
        print("(pysbd not installed)")
    try:
        import blingfire

        def bf(t: str) -> list[str]:
            return blingfire.text_to_sentences(t).split("\n") if t.strip() else []

        peers["blingfire"] = (lambda t: align(t, bf(t)), bf)
    except ImportError:
        print("(blingfire not installed)")
    try:
        import sentencex

        def sx(t: str) -> list[str]:
            return list(sentencex.segment("en", t))

        peers["sentencex"] = (lambda t: align(t, sx(t)), sx)
    except ImportError:
        print("(sentencex not installed)")
    try:
        from syntok import segmenter

        def sy(t: str) -> list[str]:
            out = []
            for para in segmenter.analyze(t):
                for sent in para:
                    out.append("".join(tok.spacing + tok.value for tok in sent))
            return out

        peers["syntok"] = (lambda t: align(t, sy(t)), sy)
    except ImportError:
        print("(syntok not installed)")
    return peers


def report(name: str, spans: Splitter, texts: Callable[[str], list[str]], per_article: bool,
           verbose: bool = False) -> tuple[float, int]:
    """Print the whole-text and per-line scores of one splitter; (whole-text F1, rules passed)."""
    rows = score_gold(spans, verbose=verbose)
    if per_article:
        print(f"{'article':32} {'P':>6} {'R':>6} {'F1':>6}  tp/pred/gold")
        for doc, (p, r, f, tp, n_p, n_g) in rows.items():
            print(f"{doc:32} {p:6.3f} {r:6.3f} {f:6.3f}  {tp}/{n_p}/{n_g}")
    p, r, f, *_ = rows["total"]
    passed, total, failures = score_rules(texts)
    by_line = per_line(texts)
    lp, lr, lf, *_ = score_gold(lambda t: align(t, by_line(t)))["total"]
    line_passed, _, _ = score_rules(by_line)
    print(f"{name}: gold span P={p:.4f} R={r:.4f} F1={f:.4f} (whole text), "
          f"P={lp:.4f} R={lr:.4f} F1={lf:.4f} (per line); "
          f"golden rules {passed}/{total} (whole text), {line_passed}/{total} (per line)")
    for rid, rname, got, want in failures:
        print(f"  rule {rid} failed ({rname}): got {got} expected {want}")
    return f, passed


def main(argv: Optional[list[str]] = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--peers", action="store_true", help="also score pysbd, blingfire, sentencex, syntok")
    ap.add_argument("-v", "--verbose", action="store_true", help="list wrong spans")
    args = ap.parse_args(argv)
    report("presslens", presslens_spans, presslens_texts, per_article=True, verbose=args.verbose)
    if args.peers:
        print()
        for name, (spans, texts) in peer_splitters().items():
            report(name, spans, texts, per_article=False)
        print("\nwhole text: each article split in one call; per line: each line split on its own "
              "(the gold ends a sentence at every line break). Golden-rule failures listed are "
              "whole-text ones.")


if __name__ == "__main__":
    main()
