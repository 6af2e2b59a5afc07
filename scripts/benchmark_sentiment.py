#!/usr/bin/env python3
"""Speed of presslens sentiment against vaderSentiment 3.3.2, same run, same sentences.

    python scripts/benchmark_sentiment.py [--repeat 5] [--limit N]

Texts: the 24,390 texts of tests/data/vader_reference.jsonl (tweets, review and editorial
snippets, article sentences, tricky cases; mean 100 characters). Benchmark a release build
(`maturin develop --release`). Every contender, vaderSentiment included, runs under the same
timing rule (``scripts/timing.py``, printed): an untimed warm-up on the first text, then
``--repeat`` timed runs over all the texts; ratios from the medians, best-run ratio in brackets.

Printed: per call (``polarity_scores(t)`` in a Python loop, a dict per text, as
vaderSentiment is used), batch on 1 and on 2 threads (``polarity_scores_columns``, four lists,
and ``polarity_scores_batch``, a dict per text), each as µs per text and as a ratio to
vaderSentiment; 2 threads over 1; and the machine's load, since thread scaling needs idle
cores. Because other processes on the cores distort wall time, the CPU time of all threads is
printed too, with 2 threads' CPU time over 1 thread's (the cost of going parallel) and the
voluntary context switches of a call (a thread put to sleep waiting for another). Next to
every figure, the state of the interconnect between the cores just before and after it was
timed: the round trip of a cache line between two threads (``_core._core_round_trip_ns()``),
"near" below 200 ns, "far" above (a virtual machine's host may place its two vCPUs either
way, and 2 threads scale less far apart). Before timing, every presslens result is checked
against vaderSentiment's.
The Rust core alone against the crates.io ports: ``cargo bench --bench sentiment``.

With ``--once MODE`` (``none``, ``call``, ``method`` (the analyzer's ``polarity_scores``),
``columns`` or ``batch``): after a warm-up on the first text, one untimed pass of that call over
the texts (one thread) and nothing else, for an instruction count per text (``valgrind
--tool=callgrind python scripts/benchmark_sentiment.py --once call --limit 5000``, minus a
``--once none`` run, divided by 5000). Start-up varies by a few million instructions between
runs (imports, BLAS threads): for a steadier figure compare ``--passes 2`` with ``--passes 1``
of the same mode (with ``OPENBLAS_NUM_THREADS=1``).
"""

from __future__ import annotations

import argparse
import json
import os
import pathlib
import statistics
import sys
from typing import Callable

import presslens

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from timing import Timing, measure, ratio, rule  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parent.parent


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--limit", type=int, default=0, help="use only the first N texts")
    ap.add_argument("--once", choices=["none", "call", "method", "columns", "batch"],
                    help="one untimed pass (for callgrind), no comparison")
    ap.add_argument("--passes", type=int, default=1,
                    help="with --once: this many passes (the cost of one pass is the "
                         "difference between runs with 2 and 1, same start-up)")
    args = ap.parse_args()

    with open(ROOT / "tests" / "data" / "vader_reference.jsonl", encoding="utf-8") as f:
        texts = [json.loads(line)["text"] for line in f if line.strip()]
    if args.limit:
        texts = texts[: args.limit]
    n = len(texts)
    mean_chars = sum(map(len, texts)) / max(n, 1)
    if args.once:
        once(args.once, texts, args.passes)
        return

    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer as VaderSIA

    vader = VaderSIA()

    # Same answers first.
    expected = [vader.polarity_scores(t) for t in texts]
    cols = presslens.polarity_scores_columns(texts, n_threads=1)
    got = [dict(zip(cols, v)) for v in zip(*cols.values())]
    mismatches = sum(1 for a, b in zip(expected, got) if a != b)
    mismatches += sum(1 for a, t in zip(expected, texts) if a != presslens.polarity_scores(t))

    first = texts[:1]
    vader_call, ours_call = vader.polarity_scores, presslens.polarity_scores
    contenders: dict[str, tuple[Callable[[], object], Callable[[], object]]] = {
        "vaderSentiment polarity_scores (loop)": (
            lambda: [vader_call(t) for t in texts], lambda: [vader_call(t) for t in first]),
        "presslens polarity_scores (loop)": (
            lambda: [ours_call(t) for t in texts], lambda: [ours_call(t) for t in first]),
    }
    batch_calls = {"columns": presslens.polarity_scores_columns,
                   "batch (dicts)": presslens.polarity_scores_batch}
    for label, call in batch_calls.items():
        for threads in (1, 2):
            contenders[f"presslens {label} n_threads={threads}"] = (
                lambda call=call, t=threads: call(texts, n_threads=t),
                lambda call=call, t=threads: call(first, n_threads=t))
    timings: dict[str, Timing] = {}
    # The interconnect state around each contender (see `interconnect`).
    states: dict[str, str] = {}
    for name, (fn, warm) in contenders.items():
        before = presslens._core._core_round_trip_ns()
        timings[name] = measure(fn, args.repeat, warmup=warm)
        states[name] = interconnect(before, presslens._core._core_round_trip_ns())

    print(f"texts: {n} (tests/data/vader_reference.jsonl, mean {mean_chars:.0f} chars); "
          f"results differing from vaderSentiment 3.3.2: {mismatches}")
    print(rule(args.repeat))
    base = timings["vaderSentiment polarity_scores (loop)"]
    print(f"{'contender':<40} {'median us/text':>15} {'best us/text':>13} {'CPU us/text':>12}  "
          f"x vaderSentiment")
    for name, t in timings.items():
        cpu = statistics.median(t.process_cpu)
        print(f"{name:<40} {1e6 * t.median / n:>15.3f} {1e6 * t.best / n:>13.3f} "
              f"{1e6 * cpu / n:>12.3f}  {ratio(base, t)}  [{states[name]}]")
    one, two = timings["presslens columns n_threads=1"], timings["presslens columns n_threads=2"]
    print(f"HEADLINE per call: {ratio(base, timings['presslens polarity_scores (loop)'])} "
          f"vaderSentiment; batch 1 thread: {ratio(base, one)}; batch 2 threads: "
          f"{ratio(base, two)}; 2 threads / 1 thread: {ratio(one, two)} "
          f"[2 threads timed with {states['presslens columns n_threads=2']}]")
    threads_report(texts, one, two)
    print(f"cores: {os.cpu_count()}, load average (1/5/15 min): "
          f"{tuple(round(x, 2) for x in os.getloadavg())} (other processes share the cores)")


# A cache line's round trip between two threads below this is "near", above "far" (this
# VM's two vCPUs measured 77-118 ns or 346-389 ns, and switch between the two now and then).
NEAR_NS = 200.0


def interconnect(before: float, after: float) -> str:
    """The interconnect state around a timing, from the round trip of a cache line between
    two threads (``_core_round_trip_ns``) just before and just after it: "near" or "far"
    (2 threads scale less when the two cores sit far apart: ~1.9x one thread near, ~1.7x
    far, same build), "changed" when it switched during the timing."""
    state = {True: "near", False: "far"}
    a, b = state[before < NEAR_NS], state[after < NEAR_NS]
    name = a if a == b else "changed"
    return f"cores {name}: round trip {before:.0f}/{after:.0f} ns"


def threads_report(texts: list[str], one: Timing, two: Timing) -> None:
    """What 2 threads cost beyond 1, in measures that other processes on the cores do not
    distort as much as wall time: the CPU time of all threads (median of the timed runs) and
    the times a thread went to sleep waiting for another (voluntary context switches, one
    more call each)."""
    cpu1, cpu2 = statistics.median(one.process_cpu), statistics.median(two.process_cpu)
    try:
        import resource  # Unix only
    except ImportError:
        resource = None
    switches: dict[int, object] = {1: "n/a", 2: "n/a"}
    for threads in (1, 2):
        if resource is not None:
            before = resource.getrusage(resource.RUSAGE_SELF).ru_nvcsw
            presslens.polarity_scores_columns(texts, n_threads=threads)
            switches[threads] = resource.getrusage(resource.RUSAGE_SELF).ru_nvcsw - before
    print(f"columns, 2 threads against 1: CPU time of all threads {cpu2 / cpu1:.2f}x "
          f"(at most {2 * cpu1 / cpu2:.2f}x faster on 2 idle cores); voluntary context "
          f"switches per call: {switches[1]} (1 thread), {switches[2]} (2 threads)")


def once(mode: str, texts: list[str], passes: int = 1) -> None:
    """`passes` passes of `mode` over `texts` after the same call on the first text (which
    pays the one-time costs, so a ``none`` run subtracts them)."""
    call = presslens.polarity_scores
    method = presslens.SentimentIntensityAnalyzer().polarity_scores
    batch = {"columns": presslens.polarity_scores_columns,
             "batch": presslens.polarity_scores_batch}
    for i, run in enumerate([texts[:1]] + [texts] * passes):
        if mode == "call":
            for t in run:
                call(t)
        elif mode == "method":
            for t in run:
                method(t)
        elif mode in batch:
            batch[mode](run, n_threads=1)
        else:
            # `none`: the warm-up of every mode, so each subtracts the same one-time costs.
            if i == 0:
                call(run[0])
                method(run[0])
                for f in batch.values():
                    f(run, n_threads=1)


if __name__ == "__main__":
    main()
