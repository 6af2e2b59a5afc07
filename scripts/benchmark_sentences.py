#!/usr/bin/env python3
"""Benchmark sentence splitting: presslens vs pySBD, blingfire and sentencex.

Builds one corpus, the five sample articles of ``examples/articles`` repeated to at least
``--mb`` megabytes (UTF-8), and splits it one call per article with every splitter. Prints MB/s
and the ratios presslens / peer and batch(2 threads) / batch(1 thread). Build the extension with
``maturin develop --release`` first; peers that are not installed are skipped with a note
(``pip install pysbd blingfire sentencex``).

    python scripts/benchmark_sentences.py            # 8 MB
    python scripts/benchmark_sentences.py --mb 2     # quicker
"""

from __future__ import annotations

import argparse
import pathlib
import time
from typing import Callable, Optional

ROOT = pathlib.Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "examples" / "articles"


def corpus(mb: float) -> list[str]:
    arts = [p.read_text(encoding="utf-8") for p in sorted(ARTICLES.glob("*.txt"))]
    size = sum(len(a.encode()) for a in arts)
    reps = max(1, int(-(-mb * 1_000_000 // size)))
    return arts * reps


def best_of(fn: Callable[[], object], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def main(argv: Optional[list[str]] = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mb", type=float, default=8.0, help="corpus size in MB (default 8)")
    ap.add_argument("--repeat", type=int, default=3, help="best of N runs (fast splitters)")
    args = ap.parse_args(argv)

    texts = corpus(args.mb)
    mb = sum(len(t.encode()) for t in texts) / 1e6
    print(f"corpus: {len(texts)} articles, {mb:.2f} MB (the 5 sample articles repeated)")

    import presslens

    runs: dict[str, Callable[[], object]] = {
        "presslens split_sentences (loop)": lambda: [presslens.split_sentences(t) for t in texts],
        "presslens batch n_threads=1": lambda: presslens.split_sentences_batch(texts, n_threads=1),
        "presslens batch n_threads=2": lambda: presslens.split_sentences_batch(texts, n_threads=2),
    }
    slow = set()
    try:
        import blingfire

        runs["blingfire"] = lambda: [blingfire.text_to_sentences(t) for t in texts]
    except ImportError:
        print("note: blingfire not installed, skipped")
    try:
        import sentencex

        runs["sentencex"] = lambda: [list(sentencex.segment("en", t)) for t in texts]
    except ImportError:
        print("note: sentencex not installed, skipped")
    try:
        import pysbd

        seg = pysbd.Segmenter(language="en", clean=False)
        runs["pysbd"] = lambda: [seg.segment(t) for t in texts]
        slow.add("pysbd")
    except ImportError:
        print("note: pysbd not installed, skipped")

    rates: dict[str, float] = {}
    print(f"\n{'splitter':36} {'seconds':>9} {'MB/s':>9}")
    for name, fn in runs.items():
        secs = best_of(fn, 1 if name in slow else args.repeat)
        rates[name] = mb / secs
        print(f"{name:36} {secs:9.3f} {rates[name]:9.2f}", flush=True)

    loop = rates["presslens split_sentences (loop)"]
    print()
    for peer in ("sentencex", "blingfire", "pysbd"):
        if peer in rates:
            print(f"presslens (loop) / {peer:10} = {loop / rates[peer]:8.1f}x")
    b1, b2 = rates["presslens batch n_threads=1"], rates["presslens batch n_threads=2"]
    print(f"batch 2 threads / 1 thread     = {b2 / b1:8.2f}x")


if __name__ == "__main__":
    main()
