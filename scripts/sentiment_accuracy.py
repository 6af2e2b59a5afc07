"""Accuracy of presslens sentiment on the ICWSM-2014 VADER ground-truth sets.

For each set: Pearson r of `compound` against the mean human rating, and the binary pos/neg F1
(macro-average of the positive and negative class F1; items rated exactly 0 left out; a text is
predicted positive when compound >= 0, as in the VADER paper). These equal vaderSentiment 3.3.2's
numbers because the scores are identical.

    python scripts/sentiment_accuracy.py [DIR] [--vader]

DIR defaults to tests/data/icwsm2014 (files `<set>_GroundTruth.txt`: id TAB mean TAB text,
CRLF line ends). --vader also scores with the vaderSentiment package, for comparison.
"""

from __future__ import annotations

import argparse
import math
import pathlib
from typing import Callable, Dict, List, Sequence, Tuple

import presslens

ROOT = pathlib.Path(__file__).resolve().parent.parent
SETS = ("tweets", "movieReviewSnippets", "amazonReviewSnippets", "nytEditorialSnippets")


def load_set(path: pathlib.Path) -> List[Tuple[float, str]]:
    """(mean human rating, text) pairs of one ground-truth file."""
    items = []
    data = path.read_text(encoding="utf-8")
    # Not splitlines(): texts may hold \x1c, \x85 or \u2028, which it also splits on.
    for line in data.split("\n"):
        line = line[:-1] if line.endswith("\r") else line
        if not line.strip():
            continue
        _id, mean, text = line.split("\t", 2)
        items.append((float(mean), text))
    return items


def pearson(xs: Sequence[float], ys: Sequence[float]) -> float:
    n = len(xs)
    mx, my = sum(xs) / n, sum(ys) / n
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys))
    sxx = sum((x - mx) ** 2 for x in xs)
    syy = sum((y - my) ** 2 for y in ys)
    return sxy / math.sqrt(sxx * syy)


def binary_f1(human: Sequence[float], compound: Sequence[float]) -> float:
    """Mean of positive-class and negative-class F1, human 0 ratings left out."""
    pairs = [(h > 0, c >= 0) for h, c in zip(human, compound) if h != 0]
    tp = sum(1 for t, p in pairs if t and p)
    fp = sum(1 for t, p in pairs if not t and p)
    fn = sum(1 for t, p in pairs if t and not p)
    tn = len(pairs) - tp - fp - fn

    def f1(a: int, b: int, c: int) -> float:
        return 2 * a / (2 * a + b + c) if a else 0.0

    return (f1(tp, fp, fn) + f1(tn, fn, fp)) / 2


def evaluate(
    directory: pathlib.Path, score: Callable[[List[str]], List[float]] | None = None
) -> Dict[str, Tuple[float, float, int]]:
    """{set: (pearson r, binary F1, n items)} for each set found in `directory`."""
    if score is None:

        def score(texts: List[str]) -> List[float]:
            return presslens.polarity_scores_columns(texts)["compound"]

    out = {}
    for name in SETS:
        path = pathlib.Path(directory) / f"{name}_GroundTruth.txt"
        if not path.exists():
            continue
        items = load_set(path)
        human = [h for h, _ in items]
        compound = score([t for _, t in items])
        out[name] = (pearson(compound, human), binary_f1(human, compound), len(items))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dir", nargs="?", default=str(ROOT / "tests" / "data" / "icwsm2014"))
    ap.add_argument("--vader", action="store_true", help="also score with vaderSentiment")
    args = ap.parse_args()
    ours = evaluate(pathlib.Path(args.dir))
    theirs = {}
    if args.vader:
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

        sia = SentimentIntensityAnalyzer()
        theirs = evaluate(
            pathlib.Path(args.dir),
            lambda texts: [sia.polarity_scores(t)["compound"] for t in texts],
        )
    header = f"{'set':<22} {'n':>6} {'pearson_r':>10} {'binary_F1':>10}"
    if theirs:
        header += f" {'vader_r':>8} {'vader_F1':>9}"
    print(header)
    for name, (r, f1, n) in ours.items():
        line = f"{name:<22} {n:>6} {r:>10.3f} {f1:>10.3f}"
        if name in theirs:
            line += f" {theirs[name][0]:>8.3f} {theirs[name][1]:>9.3f}"
        print(line)


if __name__ == "__main__":
    main()
