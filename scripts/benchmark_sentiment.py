"""Speed of presslens sentiment against vaderSentiment 3.3.2, same run, same sentences.

    python scripts/benchmark_sentiment.py [--repeat N] [--limit N]

Texts: the 24,390 texts of tests/data/vader_reference.jsonl (tweets, review and editorial
snippets, article sentences, tricky cases). Benchmark a release build (`maturin develop
--release`). Every method (vaderSentiment included) runs `--repeat` times over the same texts in one
process; prints the best and the median run of each as sentences/s and as a ratio to
vaderSentiment, the per-call ratio (a dict per text, like vaderSentiment) as the headline
with the batch figure beside it, and checks on the way that every presslens result equals
vaderSentiment's.
The Rust crates (`vader_sentiment` 0.1.1, `vader-parity` 0.1.0) are compared in
`cargo bench --bench sentiment`; their parity counts: `cargo run --release --example
sentiment_parity`.
"""

from __future__ import annotations

import argparse
import json
import os
import pathlib
import statistics
import time
from typing import Callable

import presslens

ROOT = pathlib.Path(__file__).resolve().parent.parent


def timed_runs(fn: Callable[[], object], repeat: int) -> list[float]:
    """Seconds of each of `repeat` runs of `fn`."""
    out = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--limit", type=int, default=0, help="use only the first N texts")
    args = ap.parse_args()

    with open(ROOT / "tests" / "data" / "vader_reference.jsonl", encoding="utf-8") as f:
        texts = [json.loads(line)["text"] for line in f if line.strip()]
    if args.limit:
        texts = texts[: args.limit]
    n = len(texts)
    mean_chars = sum(map(len, texts)) / max(n, 1)

    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer as VaderSIA

    vader = VaderSIA()
    ours = presslens.SentimentIntensityAnalyzer()

    # Same answers first (this is also vaderSentiment's warm-up).
    expected = [vader.polarity_scores(t) for t in texts]
    cols = presslens.polarity_scores_columns(texts, n_threads=1)
    got = [dict(zip(cols, v)) for v in zip(*cols.values())]
    mismatches = sum(1 for a, b in zip(expected, got) if a != b)

    # Every method, vaderSentiment included, gets the same texts and the same number of runs;
    # the figure is the best run, with the median beside it.
    methods: dict[str, Callable[[], object]] = {
        "vaderSentiment 3.3.2 polarity_scores (loop)": lambda: [
            vader.polarity_scores(t) for t in texts
        ],
        "presslens.polarity_scores (loop)": lambda: [presslens.polarity_scores(t) for t in texts],
        "SentimentIntensityAnalyzer (loop)": lambda: [ours.polarity_scores(t) for t in texts],
        "polarity_scores_columns 1 thread": lambda: presslens.polarity_scores_columns(
            texts, n_threads=1
        ),
        "polarity_scores_columns 2 threads": lambda: presslens.polarity_scores_columns(
            texts, n_threads=2
        ),
    }
    runs = {name: timed_runs(fn, args.repeat) for name, fn in methods.items()}
    best = {name: n / min(r) for name, r in runs.items()}
    median = {name: n / statistics.median(r) for name, r in runs.items()}

    base = "vaderSentiment 3.3.2 polarity_scores (loop)"
    per_call = "presslens.polarity_scores (loop)"
    one, two = "polarity_scores_columns 1 thread", "polarity_scores_columns 2 threads"
    print(f"texts: {n} (tests/data/vader_reference.jsonl, mean {mean_chars:.0f} chars)   "
          f"mismatches vs vaderSentiment: {mismatches}")
    print(f"rule: every method {args.repeat} runs over the same texts in this process; "
          "best run (median run)")
    print(f"HEADLINE per call (a dict per text, as vaderSentiment): "
          f"{best[per_call] / best[base]:.1f}x vaderSentiment "
          f"(median {median[per_call] / median[base]:.1f}x); "
          f"batch 1 thread {best[one] / best[base]:.1f}x (median {median[one] / median[base]:.1f}x)")
    print(f"{'method':<46} {'sentences/s':>12} {'x vader':>8} {'median/s':>12} {'x vader':>8} "
          f"{'us/text':>8}")
    for name in methods:
        print(f"{name:<46} {best[name]:>12,.0f} {best[name] / best[base]:>8.1f} "
              f"{median[name]:>12,.0f} {median[name] / median[base]:>8.1f} "
              f"{1e6 / best[name]:>8.2f}")
    print(f"2 threads / 1 thread: {best[two] / best[one]:.2f}x "
          f"(median {median[two] / median[one]:.2f}x)")
    # Thread scaling needs idle cores; say how busy the machine was.
    print(f"cores: {os.cpu_count()}, load average (1/5/15 min): {os.getloadavg()}")


if __name__ == "__main__":
    main()
