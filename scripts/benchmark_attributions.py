#!/usr/bin/env python3
"""Speed of `presslens.analyze` with attributions, against the batch calls it is built on and
against textacy + spaCy, on the same articles.

    python scripts/benchmark_attributions.py [--copies 20] [--repeat 5]

The corpus is the five example articles repeated ``--copies`` times. Every contender gets the
same articles on one thread, under the same timing rule (``scripts/timing.py``, printed): an
untimed warm-up on the first article, then ``--repeat`` timed runs over the whole corpus;
median and best run, ratios from the medians.

* batch calls: ``split_sentences_batch`` + ``extract_attributions_batch`` (quotes and reported
  speech) + one ``polarity_scores_columns`` over every sentence, quote and attribution content:
  what the tables hold, without ``analyze``;
* ``presslens.analyze``: the tables (attributions included) as pandas DataFrames;
* textacy ``direct_quotations`` + spaCy ``en_core_web_sm`` (``ner`` disabled), one article at a
  time: the peer (it finds direct quotes only; reported speech it does not attempt).

Benchmark a release build only (`maturin develop --release`). Prints numbers, asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import pathlib
import sys

import presslens

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from benchmark_quotes import load_textacy, textacy_quotes  # noqa: E402
from timing import measure, ratio, rule  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parent.parent


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--copies", type=int, default=20)
    p.add_argument("--repeat", type=int, default=5)
    a = p.parse_args()
    arts = [f.read_text(encoding="utf-8") for f in sorted((ROOT / "examples" / "articles").glob("*.txt"))]
    texts = arts * a.copies
    first = texts[:1]
    n = 1

    def batch_calls(docs):
        sents = presslens.split_sentences_batch(docs, n)
        attrs = presslens.extract_attributions_batch(docs, n)
        spans = [s.text for doc in sents for s in doc]
        spans += [q.text for doc in attrs for x in doc for q in x.quotes]
        spans += [" ".join(p.text for p in x.parts) for doc in attrs for x in doc]
        return sents, attrs, presslens.polarity_scores_columns(spans, n)

    def analyze(docs):
        return presslens.analyze(docs, progress=False, n_threads=n)

    c = analyze(texts)
    print(f"corpus: {len(texts)} documents ({len(arts)} articles x {a.copies}), "
          f"{sum(map(len, texts)) / 1e6:.2f} M chars, {len(c.attributions)} attributions; 1 thread")
    print(rule(a.repeat))
    if hasattr(os, "getloadavg"):
        print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    t_batch = measure(lambda: batch_calls(texts), a.repeat, warmup=lambda: batch_calls(first))
    t_an = measure(lambda: analyze(texts), a.repeat, warmup=lambda: analyze(first))
    rows = [("batch calls (split + attributions + polarity_scores_columns)", t_batch),
            ("presslens.analyze (tables as DataFrames, attributions included)", t_an)]
    nlp_ex, note = load_textacy()
    t_tx = None
    if nlp_ex is not None:
        t_tx = measure(lambda: [textacy_quotes(nlp_ex, t) for t in texts], a.repeat,
                       warmup=lambda: [textacy_quotes(nlp_ex, t) for t in first])  # fmt: skip
        rows.append((f"textacy direct_quotations + spaCy {note.split(' ')[0]}", t_tx))
    print(f"\n{'':70} {'median s':>9} {'best s':>9}")
    for label, t in rows:
        print(f"{label:70} {t.median:9.3f} {t.best:9.3f}")
    print(f"\nratio analyze / batch calls:     {ratio(t_an, t_batch)}")
    if t_tx is not None:
        print(f"ratio textacy+spaCy / analyze:   {ratio(t_tx, t_an)}")
    else:
        print(f"textacy: skipped — {note}")


if __name__ == "__main__":
    main()
