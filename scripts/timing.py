"""One timing rule for every benchmark script, applied to presslens and its peers alike.

Each contender is warmed up untimed on the first input (lazy loading, regex compilation,
caches), then timed over ``repeat`` runs on the same inputs; the scripts report the median and
the best run and compute ratios from the medians (the best-run ratio is printed beside it).
``rule()`` states this in each script's output.
"""

from __future__ import annotations

import statistics
import time
from dataclasses import dataclass
from typing import Callable, Optional


@dataclass
class Timing:
    runs: list  # wall seconds of each timed run
    thread_cpu: list  # CPU seconds of the calling thread, per run
    process_cpu: list  # CPU seconds of the whole process (all threads), per run

    @property
    def median(self) -> float:
        return statistics.median(self.runs)

    @property
    def best(self) -> float:
        return min(self.runs)


def rule(repeat: int) -> str:
    return (f"timing rule, the same for every contender: an untimed warm-up on the first input, "
            f"then {repeat} timed run(s) over the same inputs; median (best) wall seconds; "
            f"ratios from medians (best-run ratio in brackets)")


def measure(fn: Callable[[], object], repeat: int, warmup: Optional[Callable[[], object]] = None) -> Timing:
    """Wall time of ``repeat`` calls of ``fn``, after one untimed call of ``warmup``."""
    if repeat < 1:
        raise ValueError("repeat must be at least 1")
    if warmup is not None:
        warmup()
    t = Timing([], [], [])
    for _ in range(repeat):
        t0, c0, p0 = time.perf_counter(), time.thread_time(), time.process_time()
        fn()
        t.runs.append(time.perf_counter() - t0)
        t.thread_cpu.append(time.thread_time() - c0)
        t.process_cpu.append(time.process_time() - p0)
    return t


def ratio(slow: Timing, fast: Timing) -> str:
    """``slow / fast`` as "median× (best×)"."""
    return f"{slow.median / fast.median:,.1f}x ({slow.best / fast.best:,.1f}x)"
