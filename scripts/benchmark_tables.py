"""Speed and memory of `presslens.analyze` at corpus scale: MB/s end to end and peak memory per
MB of text, with and without pyarrow, and where the memory goes.

    python scripts/benchmark_tables.py [--scale 1 10] [--repeat 3] [--threads T]
                                       [--modes arrow lists no-pyarrow] [--examples]

Texts: newsdev's 840 train articles (``quotes_train.jsonl.gz`` in ``$PRESSLENS_NEWSDEV``, else
``../shared/newsdev``, or ``../../shared/newsdev`` from a worktree one level deeper; read at run
time; copyrighted, never copied anywhere), or with ``--examples`` (or when newsdev is absent)
the five example articles repeated to about the same size. ``--scale N`` repeats the texts N
times. "MB of text" is MB (10^6 bytes) of the texts' UTF-8.

Modes, each in a fresh child process so that peak memory is its own:

* ``arrow``: pyarrow installed; string columns built in Rust as Arrow buffers (the default);
* ``lists``: pyarrow installed, but the tables built from per-row Python lists (the path before
  Arrow columns; ``_tables.ARROW_COLUMNS = False``);
* ``no-pyarrow``: pyarrow unimportable (as after ``pip install presslens[pandas]``).

``MB/cpu-s`` is MB per CPU second of the whole process (all threads): on a busy machine wall
time says little, CPU time less so. The marginal memory between the smallest and largest
scale cancels fixed costs (libraries touched once, caches).

Timing rule, the same for every mode (printed): an untimed warm-up ``analyze`` of the first five
texts, then R timed runs of ``analyze`` on all texts; median and best wall seconds. Memory: the
child's resident set (RSS, which sees Rust and Arrow allocations that tracemalloc does not) is
measured after loading the texts and the warm-up; its peak during the first timed run (Linux
``VmHWM``, reset through ``/proc/self/clear_refs``) minus that baseline is the peak increment;
``kept`` is RSS with the Corpus alive after the run. The largest columns of the first run's
tables (``DataFrame.memory_usage(deep=True)``) are listed per mode, with each table's total; that
figure counts every buffer in full, also the zero pages (never written, so not resident) of
all-missing outlet columns and of ``nested_in`` without ``nested=True``.

Benchmark release builds only (``maturin develop --release``). Prints numbers, asserts nothing.
"""

from __future__ import annotations

import argparse
import gc
import gzip
import json
import os
import pathlib
import statistics
import subprocess
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent


def _newsdev_dir() -> pathlib.Path:
    """As ``scripts/snapshot_outputs.py`` finds it (a worktree one level deeper looks one level
    up): without this, a run from a worktree silently measured the example articles."""
    env = os.environ.get("PRESSLENS_NEWSDEV")
    candidates = [pathlib.Path(env)] if env else []
    candidates += [ROOT.parent / "shared" / "newsdev", ROOT.parent.parent / "shared" / "newsdev"]
    return next((c for c in candidates if c.is_dir()), candidates[0])


TRAIN = _newsdev_dir() / "quotes_train.jsonl.gz"
MODES = ("arrow", "lists", "no-pyarrow")


def load_texts(examples: bool) -> tuple[list, str]:
    if not examples and TRAIN.exists():
        with gzip.open(TRAIN, "rt", encoding="utf-8") as f:
            texts = [json.loads(line)["text"] for line in f if line.strip()]
        return texts, f"newsdev train ({len(texts)} articles)"
    arts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples" / "articles").glob("*.txt"))]
    size = sum(map(len, arts))
    texts = [arts[i % len(arts)] for i in range(max(len(arts), 3_900_000 * len(arts) // size))]
    return texts, f"examples/articles repeated ({len(texts)} articles)"


def rss() -> int:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def reset_peak() -> bool:
    try:
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")
        return True
    except OSError:
        return False


def peak() -> int:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    return 0


def child(a: argparse.Namespace) -> None:
    """One mode at one scale: prints one JSON line."""
    if a.mode == "no-pyarrow":
        sys.modules["pyarrow"] = None  # type: ignore[assignment]  # any import of it fails
    texts, _ = load_texts(a.examples)
    texts = texts * a.scale
    import presslens
    from presslens import _core, _tables

    if a.mode == "lists":
        _tables.ARROW_COLUMNS = False
    # Time spent in the Rust calls (analysis and column building) vs everything else.
    rust = [0.0]
    # The list path calls _core.analyze_columns per chunk; the Arrow path _tables._arrow_add
    # (into one _core.ArrowTables).
    for module, name in ((_core, "analyze_columns"), (_core, "analyze_arrow"), (_tables, "_arrow_add")):
        real = getattr(module, name, None)
        if real is not None:
            def timed(*args, _real=real, **kw):
                t0 = time.perf_counter()
                try:
                    return _real(*args, **kw)
                finally:
                    rust[0] += time.perf_counter() - t0
            setattr(module, name, timed)
    mb = sum(len(t.encode("utf-8", "surrogatepass")) for t in texts) / 1e6
    presslens.analyze(texts[:5], progress=False, n_threads=a.threads)  # warm-up, untimed
    runs, cpu, rust_s, peaks, kept = [], [], [], [], []
    columns: list = []
    for i in range(a.repeat):
        gc.collect()
        base = rss()
        can_peak = reset_peak()
        rust[0] = 0.0
        t0, c0 = time.perf_counter(), time.process_time()
        c = presslens.analyze(texts, progress=False, n_threads=a.threads)
        runs.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
        rust_s.append(rust[0])
        peaks.append((peak() - base) if can_peak else float("nan"))
        kept.append(rss() - base)
        if i == 0:
            for t in ("documents", "sentences", "quotes", "speakers", "mentions", "attributions"):
                df = getattr(c, t)
                for col, nbytes in df.memory_usage(deep=True, index=False).items():
                    columns.append((t, col, str(df[col].dtype), int(nbytes)))
        del c
    print(json.dumps({"mb": mb, "runs": runs, "cpu": cpu, "rust": rust_s, "peaks": peaks, "kept": kept,
                      "columns": columns}))


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--scale", type=int, nargs="+", default=[1, 10])
    p.add_argument("--repeat", type=int, default=3)
    p.add_argument("--threads", type=int, default=None)
    p.add_argument("--modes", nargs="+", choices=MODES, default=list(MODES))
    p.add_argument("--examples", action="store_true", help="the example articles, not newsdev")
    p.add_argument("--top", type=int, default=8, help="largest columns listed per mode")
    p.add_argument("--child", choices=MODES, dest="mode", help=argparse.SUPPRESS)
    a = p.parse_args()
    if a.mode:
        a.scale = a.scale[0]
        child(a)
        return
    _, what = load_texts(a.examples)
    print(f"texts: {what}; n_threads={a.threads or 'all cores'} on {os.cpu_count()} cores")
    print(f"timing rule, the same for every mode: an untimed warm-up on the first 5 texts, then "
          f"{a.repeat} timed run(s) of analyze() on all texts; median (best) wall seconds; memory "
          f"= peak RSS of the first timed run minus RSS before it, per MB of UTF-8 text")
    if hasattr(os, "getloadavg"):
        print(f"load average {os.getloadavg()[0]:.1f}")
    results = {}
    for scale in a.scale:
        for mode in a.modes:
            cmd = [sys.executable, __file__, "--child", mode, "--scale", str(scale),
                   "--repeat", str(a.repeat)] + (["--threads", str(a.threads)] if a.threads else []) \
                + (["--examples"] if a.examples else [])
            r = subprocess.run(cmd, capture_output=True, text=True)
            if r.returncode != 0:
                print(f"{mode} x{scale}: failed\n{r.stderr[-2000:]}")
                continue
            results[(mode, scale)] = json.loads(r.stdout.strip().splitlines()[-1])
    print(f"\n{'mode':12} {'scale':>5} {'MB':>6} {'median s':>9} {'best s':>8} {'MB/s':>12} "
          f"{'in Rust':>8} {'MB/cpu-s':>9} {'peak MB/MB':>11} {'kept MB/MB':>11}")
    for (mode, scale), r in results.items():
        med, best = statistics.median(r["runs"]), min(r["runs"])
        rust = statistics.median(r["rust"]) / med
        print(f"{mode:12} {scale:>5} {r['mb']:6.1f} {med:9.2f} {best:8.2f} "
              f"{r['mb'] / med:5.1f} ({r['mb'] / best:4.1f}) {rust:7.0%} "
              f"{r['mb'] / statistics.median(r['cpu']):9.1f} "
              f"{r['peaks'][0] / 1e6 / r['mb']:11.2f} {r['kept'][0] / 1e6 / r['mb']:11.2f}")
    for scale in a.scale:
        base = results.get(("lists", scale)) or results.get(("no-pyarrow", scale))
        new = results.get(("arrow", scale))
        if base and new:
            print(f"x{scale}: arrow vs {'lists' if ('lists', scale) in results else 'no-pyarrow'}: "
                  f"{statistics.median(base['runs']) / statistics.median(new['runs']):.2f}x faster "
                  f"(median), peak memory {new['peaks'][0] / base['peaks'][0]:.2f}x")
    if len(a.scale) >= 2:
        lo, hi = min(a.scale), max(a.scale)
        for mode in a.modes:
            r0, r1 = results.get((mode, lo)), results.get((mode, hi))
            if r0 and r1:
                extra = (r1["peaks"][0] - r0["peaks"][0]) / 1e6 / (r1["mb"] - r0["mb"])
                print(f"{mode}: marginal peak memory from x{lo} to x{hi}: {extra:.2f} MB per MB "
                      f"of text (fixed costs cancel)")
    for (mode, scale), r in results.items():
        if scale != a.scale[0]:
            continue
        total = sum(c[3] for c in r["columns"])
        print(f"\n{mode} x{scale}: tables hold {total / 1e6 / r['mb']:.2f} MB per MB of text; "
              f"largest columns (MB per MB of text):")
        for t, col, dtype, nbytes in sorted(r["columns"], key=lambda c: -c[3])[: a.top]:
            print(f"  {t + '.' + col:28} {dtype:32} {nbytes / 1e6 / r['mb']:6.2f}")
        per_table: dict = {}
        for t, _, _, nbytes in r["columns"]:
            per_table[t] = per_table.get(t, 0) + nbytes
        print("  per table: " + ", ".join(f"{t} {b / 1e6 / r['mb']:.2f}" for t, b in per_table.items()))


if __name__ == "__main__":
    main()
