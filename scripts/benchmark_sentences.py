#!/usr/bin/env python3
"""Benchmark sentence splitting: presslens vs pySBD, blingfire, sentencex and syntok.

Builds one corpus, the five sample articles of ``examples/articles`` repeated to at least
``--mb`` megabytes (UTF-8), and splits it one call per article with every splitter, all under
the same rule (``scripts/timing.py``, printed): the same articles, an untimed warm-up on the
first article, then ``--repeat`` timed runs each; median and best run. Prints MB/s and the
ratios presslens / peer and batch(2 threads) / batch(1 thread), and where one thread's time goes:
reading the strs (to UTF-8), the bytes scan (split + code-point offsets, no objects) and making
the ``Sentence`` objects and lists (the rest). Build the extension with
``maturin develop --release`` first; peers that are not installed are skipped with a note
(``pip install ".[bench]"``).

    python scripts/benchmark_sentences.py            # 2 MB, 5 runs each (pySBD takes ~1 min)
    python scripts/benchmark_sentences.py --mb 0.5 --repeat 3     # quicker
    python scripts/benchmark_sentences.py --mb 20 --peers sentencex  # 2 threads on 20 MB
"""

from __future__ import annotations

import argparse
import statistics
import os
import pathlib
import sys
from typing import Callable, Optional

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from timing import Timing, measure, ratio, rule  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "examples" / "articles"


def corpus(mb: float) -> list[str]:
    arts = [p.read_text(encoding="utf-8") for p in sorted(ARTICLES.glob("*.txt"))]
    size = sum(len(a.encode()) for a in arts)
    reps = max(1, int(-(-mb * 1_000_000 // size)))
    return arts * reps


def splitters(wanted: set[str]) -> dict[str, Callable[[str], object]]:
    """Peer name -> split one text into a list of sentences (Python objects), as presslens does;
    only the peers in ``wanted``."""

    def blingfire_split():
        import blingfire

        # blingfire returns one string with a sentence per line: the list costs a split.
        return lambda t: blingfire.text_to_sentences(t).split("\n")

    def sentencex_split():
        import sentencex

        return lambda t: list(sentencex.segment("en", t))

    def syntok_split():
        from syntok import segmenter

        return lambda t: [list(p) for p in segmenter.analyze(t)]

    def pysbd_split():
        import pysbd

        return pysbd.Segmenter(language="en", clean=False).segment

    found: dict[str, Callable[[str], object]] = {}
    for name, make in (("blingfire", blingfire_split), ("sentencex", sentencex_split),
                       ("syntok", syntok_split), ("pysbd", pysbd_split)):
        if name not in wanted:
            continue
        try:
            found[name] = make()
        except ImportError:
            print(f"note: {name} not installed, skipped")
    return found


def main(argv: Optional[list[str]] = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mb", type=float, default=2.0, help="corpus size in MB (default 2)")
    ap.add_argument("--repeat", type=int, default=5, help="timed runs per splitter (default 5)")
    ap.add_argument("--peers", default="blingfire,sentencex,syntok,pysbd",
                    help="comma-separated peers to time (default: all four; '' for none)")
    args = ap.parse_args(argv)
    wanted = {p for p in args.peers.split(",") if p}

    texts = corpus(args.mb)
    mb = sum(len(t.encode()) for t in texts) / 1e6
    print(f"corpus: {len(texts)} articles, {mb:.2f} MB (the 5 sample articles repeated); "
          f"every splitter gets all of them, one call per article")
    print(rule(args.repeat))
    if hasattr(os, "getloadavg"):
        print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores (a busy machine skews MB/s)")

    import presslens
    from presslens import _core

    first = texts[:1]
    runs: dict[str, tuple[Callable[[], object], Callable[[], object]]] = {
        "presslens split_sentences (loop)": (
            lambda: [presslens.split_sentences(t) for t in texts],
            lambda: [presslens.split_sentences(t) for t in first],
        ),
        "presslens batch n_threads=1": (
            lambda: presslens.split_sentences_batch(texts, n_threads=1),
            lambda: presslens.split_sentences_batch(first, n_threads=1),
        ),
        "presslens batch n_threads=2": (
            lambda: presslens.split_sentences_batch(texts, n_threads=2),
            lambda: presslens.split_sentences_batch(first, n_threads=2),
        ),
        # The parts of one thread's batch without the objects (same articles, same rule).
        "  part: read strs (to UTF-8)": (
            lambda: _core._split_sentences_stages(texts, "read"),
            lambda: _core._split_sentences_stages(first, "read"),
        ),
        "  part: read + bytes scan": (
            lambda: _core._split_sentences_stages(texts, "scan"),
            lambda: _core._split_sentences_stages(first, "scan"),
        ),
    }
    for name, split in splitters(wanted).items():
        runs[name] = ((lambda s=split: [s(t) for t in texts]), (lambda s=split: [s(t) for t in first]))

    timings: dict[str, Timing] = {}
    # CPU MB/s: the same runs by the calling thread's CPU time (median), which a busy machine
    # skews far less than the wall clock (for 2 threads it leaves out the other thread's work).
    print(f"\n{'splitter':36} {'median s':>9} {'best s':>9} {'MB/s':>9} {'CPU MB/s':>9}")
    for name, (fn, warm) in runs.items():
        t = timings[name] = measure(fn, args.repeat, warmup=warm)
        cpu = statistics.median(t.thread_cpu)
        print(f"{name:36} {t.median:9.3f} {t.best:9.3f} {mb / t.median:9.2f} {mb / cpu:9.2f}",
              flush=True)

    read, scan = timings["  part: read strs (to UTF-8)"], timings["  part: read + bytes scan"]
    whole = timings["presslens batch n_threads=1"]
    print("\none thread's batch, where the time goes (medians; wall, then calling-thread CPU):")
    for label, pick in (("wall", lambda t: t.median),
                        ("CPU", lambda t: statistics.median(t.thread_cpu))):
        r, s_, w = pick(read), pick(scan), pick(whole)
        parts = [("read strs", r), ("bytes scan", s_ - r), ("objects", w - s_)]
        print(f"  {label:4}: " + ", ".join(f"{k} {v * 1e3:.2f} ms ({v / w:.0%})" for k, v in parts)
              + f" of {w * 1e3:.2f} ms")

    loop = timings["presslens split_sentences (loop)"]
    print("\nspeed ratios, presslens (one call per article, 1 thread) / peer, same articles:")
    for peer in ("sentencex", "blingfire", "syntok", "pysbd"):
        if peer in timings:
            print(f"  presslens (loop) / {peer:10} = {ratio(timings[peer], loop)}")
    b1, b2 = timings["presslens batch n_threads=1"], timings["presslens batch n_threads=2"]
    print(f"  batch 2 threads / 1 thread     = {ratio(b1, b2)}")
    # On a shared machine the wall clock hides what 2 free cores would give; CPU times say it.
    # Only the calling thread can read the strs and make the objects (it holds the GIL); the
    # bytes scan is shared by all threads, the calling one included. So 2 threads take at least
    # max(serial part, all the CPU / 2).
    cpu = lambda t: statistics.median(t.thread_cpu)  # noqa: E731
    p1, p2 = statistics.median(b1.process_cpu), statistics.median(b2.process_cpu)
    serial = cpu(read) + max(cpu(whole) - cpu(scan), 0.0)
    ceiling = p1 / max(serial, p1 / 2)
    bound = p1 / max(serial, p2 / 2)
    print(
        f"2 threads on 2 free cores (CPU s, medians): one thread {p1:.4f}; the serial part (read "
        f"strs + objects) {serial:.4f} ({serial / p1:.0%}) caps 2 threads at {ceiling:.2f}x; "
        f"2 threads use {p2:.4f} in all ({p2 / p1 - 1:+.0%}) -> at most {bound:.2f}x"
    )

if __name__ == "__main__":
    main()
