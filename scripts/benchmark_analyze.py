"""How long `presslens.analyze` takes compared with the batch calls it is built on.

    python scripts/benchmark_analyze.py [--docs N] [--repeat R] [--threads T]

The corpus is the five example articles repeated to N documents. "Batch calls" are what a
user would run without `analyze`: split_sentences_batch + extract_quotes_batch, plus
polarity_scores on every sentence and quote (the per-sentence sentiment the tables hold).
Benchmark release builds only (`maturin develop --release`). Prints numbers, asserts nothing.
"""

from __future__ import annotations

import argparse
import pathlib
import time

import presslens

ROOT = pathlib.Path(__file__).resolve().parent.parent


def best(f, repeat):
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        f()
        times.append(time.perf_counter() - t0)
    return min(times)


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--docs", type=int, default=2000)
    p.add_argument("--repeat", type=int, default=3)
    p.add_argument("--threads", type=int, default=None)
    a = p.parse_args()
    arts = [f.read_text(encoding="utf-8") for f in sorted((ROOT / "examples" / "articles").glob("*.txt"))]
    texts = [arts[i % len(arts)] for i in range(a.docs)]
    n_chars = sum(map(len, texts))
    n = a.threads

    def split_and_quotes():
        return presslens.split_sentences_batch(texts, n), presslens.extract_quotes_batch(texts, n)

    def batch():
        sents, quotes = split_and_quotes()
        score = presslens.polarity_scores
        for doc in sents:
            for s in doc:
                score(s.text)
        for doc in quotes:
            for q in doc:
                score(q.text)

    def analyze():
        return presslens.analyze(texts, progress=False, n_threads=n)

    c = analyze()
    print(f"corpus: {a.docs} documents, {n_chars / 1e6:.1f} M chars, {len(c.sentences)} sentences, "
          f"{len(c.quotes)} quotes; threads: {n or 'all'}; best of {a.repeat}")  # fmt: skip
    t_sq = best(split_and_quotes, a.repeat)
    t_batch = best(batch, a.repeat)
    t_an = best(analyze, a.repeat)
    print(f"split_sentences_batch + extract_quotes_batch:          {t_sq:8.3f} s")
    print(f"  + polarity_scores per sentence and quote (batch):   {t_batch:8.3f} s")
    print(f"presslens.analyze (tables as DataFrames):             {t_an:8.3f} s")
    print(f"ratio analyze / batch calls: {t_an / t_batch:.2f}")
    print(f"ratio analyze / (split + quotes batch only): {t_an / t_sq:.2f}")


if __name__ == "__main__":
    main()
