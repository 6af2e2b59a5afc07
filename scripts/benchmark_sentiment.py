"""Speed of presslens sentiment against vaderSentiment 3.3.2, same run, same sentences.

    python scripts/benchmark_sentiment.py [--repeat N] [--limit N]

Texts: the 24,390 texts of tests/data/vader_reference.jsonl (tweets, review and editorial
snippets, article sentences, tricky cases). Benchmark a release build (`maturin develop
--release`). Prints sentences/s for each way of calling and its ratio to vaderSentiment, and
checks on the way that every presslens result equals vaderSentiment's.
The Rust crates (`vader_sentiment` 0.1.1, `vader-parity` 0.1.0) are compared in
`cargo bench --bench sentiment`; their parity counts: `cargo run --release --example
sentiment_parity`.
"""

from __future__ import annotations

import argparse
import json
import os
import pathlib
import time
from typing import Callable

import presslens

ROOT = pathlib.Path(__file__).resolve().parent.parent


def best_rate(fn: Callable[[], object], n_items: int, repeat: int) -> float:
    """Items per second of the fastest of `repeat` runs."""
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return n_items / best


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

    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer as VaderSIA

    vader = VaderSIA()
    ours = presslens.SentimentIntensityAnalyzer()

    # Same answers first (this is also vaderSentiment's warm-up).
    expected = [vader.polarity_scores(t) for t in texts]
    cols = presslens.polarity_scores_columns(texts, n_threads=1)
    got = [dict(zip(cols, v)) for v in zip(*cols.values())]
    mismatches = sum(1 for a, b in zip(expected, got) if a != b)

    rates = {}
    rates["vaderSentiment 3.3.2 (loop)"] = best_rate(
        lambda: [vader.polarity_scores(t) for t in texts], n, 1
    )
    rates["presslens.polarity_scores (loop)"] = best_rate(
        lambda: [presslens.polarity_scores(t) for t in texts], n, args.repeat
    )
    rates["SentimentIntensityAnalyzer (loop)"] = best_rate(
        lambda: [ours.polarity_scores(t) for t in texts], n, args.repeat
    )
    rates["polarity_scores_columns 1 thread"] = best_rate(
        lambda: presslens.polarity_scores_columns(texts, n_threads=1), n, args.repeat
    )
    rates["polarity_scores_columns 2 threads"] = best_rate(
        lambda: presslens.polarity_scores_columns(texts, n_threads=2), n, args.repeat
    )

    base = rates["vaderSentiment 3.3.2 (loop)"]
    one = rates["polarity_scores_columns 1 thread"]
    print(f"texts: {n}   mismatches vs vaderSentiment: {mismatches}")
    print(f"{'method':<36} {'sentences/s':>14} {'x vader':>9}")
    for name, r in rates.items():
        print(f"{name:<36} {r:>14,.0f} {r / base:>9.1f}")
    print(f"2 threads / 1 thread: {rates['polarity_scores_columns 2 threads'] / one:.2f}x")
    # Thread scaling needs idle cores; say how busy the machine was.
    print(f"cores: {os.cpu_count()}, load average (1/5/15 min): {os.getloadavg()}")


if __name__ == "__main__":
    main()
