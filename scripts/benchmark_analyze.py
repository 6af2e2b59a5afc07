"""How long `presslens.analyze` takes compared with the batch calls it is built on.

    python scripts/benchmark_analyze.py [--docs N] [--repeat R] [--threads T]

The corpus is the five example articles repeated to N documents; every contender gets all of
them, with the same ``n_threads``, under the same timing rule (``scripts/timing.py``, printed):
an untimed warm-up on the first article, then R timed runs; median and best run.

Contenders, each producing what the tables hold (sentences, quotes, and the VADER scores of
every sentence and quote):

* batch calls: ``split_sentences_batch`` + ``extract_quotes_batch`` + one
  ``polarity_scores_columns`` over all sentence and quote texts: what a user would write
  without ``analyze``;
* per-call sentiment: the same two batch calls, then ``polarity_scores`` called on each
  sentence and quote in a Python loop;
* ``presslens.analyze``: the tables as pandas DataFrames.

Benchmark release builds only (`maturin develop --release`). Prints numbers, asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import pathlib
import sys

import presslens

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from timing import measure, ratio, rule  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parent.parent


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--docs", type=int, default=2000)
    p.add_argument("--repeat", type=int, default=5)
    p.add_argument("--threads", type=int, default=None)
    a = p.parse_args()
    arts = [f.read_text(encoding="utf-8") for f in sorted((ROOT / "examples" / "articles").glob("*.txt"))]
    texts = [arts[i % len(arts)] for i in range(a.docs)]
    n_chars = sum(map(len, texts))
    n = a.threads

    def split_and_quotes(docs):
        return presslens.split_sentences_batch(docs, n), presslens.extract_quotes_batch(docs, n)

    def batch_calls(docs):
        sents, quotes = split_and_quotes(docs)
        spans = [s.text for doc in sents for s in doc] + [q.text for doc in quotes for q in doc]
        return sents, quotes, presslens.polarity_scores_columns(spans, n)

    def per_call_sentiment(docs):
        sents, quotes = split_and_quotes(docs)
        score = presslens.polarity_scores
        return sents, quotes, [score(s.text) for doc in sents for s in doc] + [
            score(q.text) for doc in quotes for q in doc
        ]

    def analyze(docs):
        return presslens.analyze(docs, progress=False, n_threads=n)

    c = analyze(texts)
    print(f"corpus: {a.docs} documents, {n_chars / 1e6:.1f} M chars, {len(c.sentences)} sentences, "
          f"{len(c.quotes)} quotes; n_threads={n or 'all cores'} for every contender")  # fmt: skip
    print(rule(a.repeat))
    if hasattr(os, "getloadavg"):
        print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    first = texts[:1]
    t_sq = measure(lambda: split_and_quotes(texts), a.repeat, warmup=lambda: split_and_quotes(first))
    t_batch = measure(lambda: batch_calls(texts), a.repeat, warmup=lambda: batch_calls(first))
    t_loop = measure(lambda: per_call_sentiment(texts), a.repeat, warmup=lambda: per_call_sentiment(first))
    t_an = measure(lambda: analyze(texts), a.repeat, warmup=lambda: analyze(first))
    rows = [
        ("split_sentences_batch + extract_quotes_batch", t_sq),
        ("  + polarity_scores_columns on every sentence and quote (batch calls)", t_batch),
        ("  + polarity_scores per sentence and quote (per call, Python loop)", t_loop),
        ("presslens.analyze (tables as DataFrames)", t_an),
    ]
    print(f"\n{'':70} {'median s':>9} {'best s':>9}")
    for label, t in rows:
        print(f"{label:70} {t.median:9.3f} {t.best:9.3f}")
    print(f"\nratio analyze / batch calls:                 {ratio(t_an, t_batch)}")
    print(f"ratio analyze / per-call sentiment:          {ratio(t_an, t_loop)}")
    print(f"ratio analyze / (split + quotes batch only): {ratio(t_an, t_sq)}")


if __name__ == "__main__":
    main()
