"""Scale benchmark for presslens.cluster_quotes (build with `maturin develop --release`).

Synthetic quote lists of 10k, 100k and 1M quotes. Distinct remarks are made from the real
quotes and sentences of the five example articles by replacing about half of their words with
other words of the articles (a fifth of them long-tail names and numbers); each remark is then quoted 1 to ~40 times (heavy-tailed), every copy
edited the way outlets edit quotes: contractions (there is / there's), adjacent word swaps,
truncation to a fragment, punctuation and case. Each remark has a speaker (10% of copies have
none). Every size runs in its own process, so peak memory is per size.

Prints, per size: seconds (best and median of `--repeat` runs), peak RSS of the process and
its growth during the calls (the baseline is the RSS once the input lists are built: a
million Python strs are ~0.37 GB of their own, so the total peak and the increment over the
baseline are both printed), and the pairwise precision/recall of same-cluster pairs against
the remark each copy came from, beside the same figures for exact grouping of normalised text
(the floor; no peer library clusters quotes into remarks); then the time growth factor
100k -> 1M. Then `link_speakers` and `cluster_quotes` on many different people who share one
surname (the case that was quadratic).

    python scripts/benchmark_compare.py [--sizes 10000,100000,1000000] [--threads 2] [--repeat 3]
"""

from __future__ import annotations

import argparse
import collections
import json
import pathlib
import random
import re
import resource
import statistics
import subprocess
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
WORD = re.compile(r"\w[\w’']*|[^\w\s]")
CONTRACT = [("there is", "there’s"), ("we will", "we’ll"), ("I am", "I’m"), ("do not", "don’t"),
            ("it is", "it’s"), ("we have", "we’ve"), ("is not", "isn’t"), ("I will", "I’ll")]


def base_texts() -> list[str]:
    out = []
    with open(ROOT / "tests" / "data" / "quotes_gold.jsonl", encoding="utf-8") as f:
        for line in f:
            out += [q["text"] for q in json.loads(line)["quotes"] if len(q["text"].split()) >= 4]
    for p in sorted((ROOT / "examples" / "articles").glob("*.txt")):
        text = p.read_text(encoding="utf-8")
        out += [s for s in re.split(r"(?<=[.!?])\s+", text) if 6 <= len(s.split()) <= 60]
    return out


def make(n: int, seed: int = 7) -> tuple[list[str], list, list[int]]:
    rng = random.Random(seed)
    bases = base_texts()
    vocab = sorted({w for b in bases for w in re.findall(r"[A-Za-z]{3,}", b)})
    # News has a long tail of names, places and numbers; the five articles alone are too few
    # words to keep a million remarks apart, so a fifth of the replacements come from it.
    syll = ["ka", "lo", "ven", "mar", "tik", "so", "ber", "gra", "dan", "ov", "ski", "ton",
            "ell", "ra", "mi", "zu", "pe", "hal", "dor", "in", "us", "ak", "le", "wen"]

    def tail_word() -> str:
        if rng.random() < 0.3:
            return str(rng.randint(2, 99_999))
        return "".join(rng.choice(syll) for _ in range(rng.randint(2, 4))).capitalize()

    speakers = [f"{rng.choice(['Anna', 'Boris', 'Carla', 'Dmitri', 'Elena', 'Frank', 'Grace'])} "
                f"{rng.choice(vocab).capitalize()}{i}" for i in range(2000)]
    texts, sps, truth = [], [], []
    remark = 0
    while len(texts) < n:
        words = rng.choice(bases).split()
        words = [(tail_word() if rng.random() < 0.2 else rng.choice(vocab))
                 if rng.random() < 0.5 else w for w in words]
        original = " ".join(words)
        speaker = rng.choice(speakers)
        copies = min(int(rng.paretovariate(1.2)), 40)
        for _ in range(copies):
            t = original
            if rng.random() < 0.3:
                a, b = rng.choice(CONTRACT)
                t = t.replace(a, b) if rng.random() < 0.5 else t.replace(b, a)
            ws = t.split()
            if rng.random() < 0.2 and len(ws) > 3:
                i = rng.randrange(len(ws) - 1)
                ws[i], ws[i + 1] = ws[i + 1], ws[i]
            if rng.random() < 0.25 and len(ws) > 8:
                k = rng.randint(len(ws) // 2, len(ws) - 1)
                ws = ws[:k] if rng.random() < 0.5 else ws[-k:]
            t = " ".join(ws)
            if rng.random() < 0.3:
                t = t.rstrip(".,!?") + rng.choice([",", ".", "", "!"])
            if rng.random() < 0.1:
                t = t.lower()
            texts.append(t)
            sps.append(None if rng.random() < 0.1 else speaker)
            truth.append(remark)
            if len(texts) >= n:
                break
        remark += 1
    return texts, sps, truth


def pair_scores(pred: list[int], truth: list[int]) -> tuple[float, float]:
    """Pairwise precision and recall from the contingency counts (no pair enumeration)."""
    c2 = lambda k: k * (k - 1) // 2  # noqa: E731
    both = sum(c2(v) for v in collections.Counter(zip(pred, truth)).values())
    p = sum(c2(v) for v in collections.Counter(pred).values())
    g = sum(c2(v) for v in collections.Counter(truth).values())
    return (both / p if p else 1.0), (both / g if g else 1.0)


def rss_mb() -> float:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def exact_groups(texts: list[str]) -> list[int]:
    """The floor any method must beat: quotes equal after lower-casing and dropping
    punctuation share an id (a dict lookup per quote)."""
    ids: dict[str, int] = {}
    return [ids.setdefault(" ".join(re.findall(r"\w+", t.lower())), len(ids)) for t in texts]


def timed(fn, repeat: int) -> tuple[float, float, object]:
    """Best and median seconds of `repeat` runs, and the last result."""
    times, out = [], None
    for _ in range(repeat):
        out = None  # the previous run's result is not part of this run's peak memory
        t0 = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t0)
    return min(times), statistics.median(times), out


def one(n: int, threads: int, repeat: int) -> None:
    import presslens

    texts, sps, truth = make(n)
    before = rss_mb()
    best, med, ids = timed(lambda: presslens.cluster_quotes(texts, sps, n_threads=threads), repeat)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    p, r = pair_scores(ids, truth)
    fbest, fmed, fids = timed(lambda: exact_groups(texts), repeat)
    fp, fr = pair_scores(fids, truth)
    print(json.dumps({"n": n, "seconds": best, "median": med, "peak_rss_mb": peak,
                      "rss_before_mb": before, "precision": p, "recall": r,
                      "clusters": len(set(ids)), "floor_seconds": fbest, "floor_median": fmed,
                      "floor_precision": fp, "floor_recall": fr}))


def surname_names(n: int) -> list[str]:
    """`n` different people called Smith: distinct first names, any two at least two edits
    apart (so none is a variant of another)."""
    out = []
    for i in range(n):
        letters = "".join(chr(97 + (i // 26 ** k) % 26) for k in range(4))
        out.append(f"{letters.upper()}{letters} Smith")
    return out


def shared_surname(n: int, threads: int, repeat: int) -> None:
    import presslens

    names = surname_names(n)
    lbest, lmed, linked = timed(lambda: presslens.link_speakers(names), repeat)
    texts = [f"The budget vote number {i} was a long day for {name.split()[0]}'s county"
             for i, name in enumerate(names)]
    cbest, cmed, _ = timed(lambda: presslens.cluster_quotes(texts, names, n_threads=threads),
                           repeat)
    people = len(set(linked if isinstance(linked, list) else linked[0]))
    print(json.dumps({"n": n, "link_seconds": lbest, "link_median": lmed, "people": people,
                      "cluster_seconds": cbest, "cluster_median": cmed}))


def run_child(args: list[str]) -> dict:
    out = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True,
                         check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="10000,100000,1000000")
    ap.add_argument("--surname-sizes", default="10000,100000",
                    help="names sharing one surname, for link_speakers and cluster_quotes")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--one", type=int)
    ap.add_argument("--surname", type=int)
    a = ap.parse_args()
    if a.one:
        one(a.one, a.threads, a.repeat)
        return 0
    if a.surname:
        shared_surname(a.surname, a.threads, a.repeat)
        return 0
    print(f"rule: every method {a.repeat} runs on the same quotes, one process per size; "
          f"best run (median run); n_threads={a.threads}. No peer library clusters quotes into "
          "remarks: the floor is exact grouping of normalised text (a Python dict).")
    res = {}
    for n in [int(x) for x in a.sizes.split(",") if x]:
        r = run_child(["--one", str(n), "--threads", str(a.threads), "--repeat", str(a.repeat)])
        res[n] = r
        print(f"{n:>9,} quotes: cluster_quotes {r['seconds']:7.2f} s ({r['median']:.2f})  "
              f"peak RSS {r['peak_rss_mb']:6.0f} MB "
              f"(+{r['peak_rss_mb'] - r['rss_before_mb']:.0f} MB)  "
              f"pairwise P {r['precision']:.3f} R {r['recall']:.3f}  {r['clusters']:,} ids | "
              f"exact floor {r['floor_seconds']:6.2f} s ({r['floor_median']:.2f}) "
              f"P {r['floor_precision']:.3f} R {r['floor_recall']:.3f}", flush=True)
    if 100_000 in res and 1_000_000 in res:
        g = res[1_000_000]["seconds"] / res[100_000]["seconds"]
        print(f"time growth 100k -> 1M: {g:.1f}x")
    for n in [int(x) for x in a.surname_sizes.split(",") if x]:
        r = run_child(["--surname", str(n), "--threads", str(a.threads), "--repeat",
                       str(a.repeat)])
        print(f"{n:>9,} different people named Smith: link_speakers {r['link_seconds']:.2f} s "
              f"({r['link_median']:.2f}), {r['people']:,} people; cluster_quotes with them as "
              f"speakers {r['cluster_seconds']:.2f} s ({r['cluster_median']:.2f})", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
