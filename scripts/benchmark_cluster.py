"""Scale benchmark for presslens.cluster_quotes (build with `maturin develop --release`).

Synthetic quote lists of 10k, 100k and 1M quotes. Distinct remarks are made from the real
quotes and sentences of the five example articles by replacing about half of their words with
other words of the articles (a fifth of them long-tail names and numbers); each remark is then quoted 1 to ~40 times (heavy-tailed), every copy
edited the way outlets edit quotes: contractions (there is / there's), adjacent word swaps,
truncation to a fragment, punctuation and case. Each remark has a speaker (10% of copies have
none). Every size runs in its own process, so peak memory is per size.

Prints, per size: seconds, peak RSS of the process and its growth during the call, and the
pairwise precision/recall of same-cluster pairs against the remark each copy came from; then
the time growth factor 100k -> 1M.

    python scripts/benchmark_cluster.py [--sizes 10000,100000,1000000] [--threads 2]
"""

from __future__ import annotations

import argparse
import collections
import json
import pathlib
import random
import re
import resource
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


def one(n: int, threads: int) -> None:
    import presslens

    texts, sps, truth = make(n)
    before = rss_mb()
    t0 = time.perf_counter()
    ids = presslens.cluster_quotes(texts, sps, n_threads=threads)
    dt = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    p, r = pair_scores(ids, truth)
    print(json.dumps({"n": n, "seconds": dt, "peak_rss_mb": peak, "rss_before_mb": before,
                      "precision": p, "recall": r, "clusters": len(set(ids))}))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="10000,100000,1000000")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--one", type=int)
    a = ap.parse_args()
    if a.one:
        one(a.one, a.threads)
        return 0
    res = {}
    for n in [int(x) for x in a.sizes.split(",")]:
        out = subprocess.run([sys.executable, __file__, "--one", str(n), "--threads",
                              str(a.threads)], capture_output=True, text=True, check=True)
        r = json.loads(out.stdout.strip().splitlines()[-1])
        res[n] = r
        print(f"{n:>9,} quotes: {r['seconds']:8.2f} s  peak RSS {r['peak_rss_mb']:7.0f} MB "
              f"(+{r['peak_rss_mb'] - r['rss_before_mb']:.0f} MB during the call)  "
              f"pairwise P {r['precision']:.3f} R {r['recall']:.3f}  {r['clusters']:,} ids",
              flush=True)
    if 100_000 in res and 1_000_000 in res:
        g = res[1_000_000]["seconds"] / res[100_000]["seconds"]
        print(f"time growth 100k -> 1M: {g:.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
