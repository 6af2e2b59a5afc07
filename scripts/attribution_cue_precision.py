#!/usr/bin/env python3
"""Precision of presslens's reported-speech predictions on newsdev, by cue word: for each cue
(lower case, as written), how many predictions of the chosen types match a gold attribution
(content overlap >= 0.5, one-to-one as in the scorer) and how many match nothing. Sorted by
spurious count, so a context rule or a lexicon change can be chosen where precision is lost.

    python scripts/attribution_cue_precision.py --train            # indirect, 840 train articles
    python scripts/attribution_cue_precision.py --types indirect,mixed --min 10

The articles are copyrighted: they are read at run time from ../shared/newsdev and only counts
are printed. Exits 0 when the folder is absent.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import attribution_errors as AE  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--train", action="store_true")
    ap.add_argument("--types", default="indirect")
    ap.add_argument("--min", type=int, default=8, help="only cues predicted at least this often")
    ap.add_argument("--top", type=int, default=50)
    args = ap.parse_args()
    loaded = AE.newsdev_predictions(args.train)
    if loaded is None:
        return 0
    scorer, path, docs, preds = loaded
    types = tuple(t for t in args.types.split(",") if t)
    _, spurious, _ = AE.analyse(scorer, {d["doc_id"]: d for d in docs}, preds, types)
    total = Counter()
    for d in docs:
        text = d["text"]
        for p in preds.get(d["doc_id"], []):
            if p.get("type") in types:
                cue = text[p["cue_start"]:p["cue_end"]].lower() if p["cue_start"] is not None else "-"
                total[cue] += 1
    bad = Counter(c for c, *_ in spurious)
    print(f"{path.name}: {sum(total.values())} predictions of {','.join(types)}, "
          f"{sum(bad.values())} spurious (unmatched, outside gold of other types)")
    print(f"{'cue':24s} {'pred':>6s} {'spur':>6s} {'prec':>6s}")
    rows = [(bad[c], c) for c in total if total[c] >= args.min]
    for n_bad, c in sorted(rows, reverse=True)[: args.top]:
        print(f"{c[:24]:24s} {total[c]:6d} {n_bad:6d} {100.0 * (1 - n_bad / total[c]):6.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
