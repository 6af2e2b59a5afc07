#!/usr/bin/env python3
"""Score ``presslens.extract_attributions`` on newsdev (PolNeAR dev, 84 articles) with its scorer.

    python scripts/score_attributions_newsdev.py            # dev
    python scripts/score_attributions_newsdev.py --train    # the 840 train articles as well
    python scripts/score_attributions_newsdev.py --errors 20 --types indirect
    python scripts/score_attributions_newsdev.py --nested --train   # with nested attributions
    python scripts/score_attributions_newsdev.py --nested --max-depth 1

With ``--nested`` it also prints what the nested attributions (``nested_in`` not None) add: how
many were predicted and how many more gold attributions match with them than without them.

The articles are copyrighted: they are read at run time from ``../shared/newsdev`` (or
``$PRESSLENS_NEWSDEV``) and nothing from them is written into the repository; predictions go to
a temporary file. When the folder is absent the script says so and exits 0.

Rules were developed on the train split and checked on dev; PolNeAR's test split is never read.
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
import os
import sys
import tempfile
import time
from pathlib import Path

import presslens

ROOT = Path(__file__).resolve().parent.parent


def newsdev_dir() -> Path | None:
    env = os.environ.get("PRESSLENS_NEWSDEV")
    # ../shared/newsdev from the repository; a worktree one level deeper looks one level up.
    candidates = [Path(env)] if env else []
    candidates += [ROOT.parent / "shared" / "newsdev", ROOT.parent.parent / "shared" / "newsdev"]
    return next((c for c in candidates if (c / "score_attributions.py").is_file()), None)


def load_scorer(folder: Path):
    spec = importlib.util.spec_from_file_location("score_attributions", folder / "score_attributions.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def read_docs(path: Path) -> list[dict]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def depth(attrs, i: int) -> int:
    """How many attributions hold attribution ``i`` (0 for an outermost one)."""
    d = 0
    while attrs[i].nested_in is not None:
        i = attrs[i].nested_in
        d += 1
    return d


def predict(docs: list[dict], nested: bool = False, max_depth: int | None = None) -> tuple[list[dict], float]:
    t0 = time.perf_counter()
    found = presslens.extract_attributions_batch([d["text"] for d in docs], nested=nested)
    elapsed = time.perf_counter() - t0
    lines = []
    for d, attrs in zip(docs, found):
        preds = []
        for i, a in enumerate(attrs):
            text = d["text"]
            level = depth(attrs, i)
            if max_depth is not None and level > max_depth:
                continue
            assert text[a.start : a.end] == a.text  # exact str offsets
            src, cue = a.source, a.cue
            preds.append(
                {
                    "content_start": a.start,
                    "content_end": a.end,
                    "source_start": src.start if src else None,
                    "source_end": src.end if src else None,
                    "source_text": src.text if src else None,
                    "cue_start": cue.start if cue else None,
                    "cue_end": cue.end if cue else None,
                    "type": a.kind,
                    "depth": level,
                }
            )
        lines.append({"doc_id": d["doc_id"], "attributions": preds})
    return lines, elapsed


def score_split(scorer, gold_path: Path, args) -> dict:
    docs = read_docs(gold_path)
    lines, elapsed = predict(docs, getattr(args, "nested", False), getattr(args, "max_depth", None))
    gold = scorer.load_gold(str(gold_path))
    types = tuple(t for t in args.types.split(",") if t)
    res = run_scorer(scorer, gold, lines, types, args.errors)
    n_chars = sum(len(d["text"]) for d in docs)
    print(f"\n=== {gold_path.name}: {len(docs)} articles, {n_chars} chars, "
          f"extract_attributions_batch {elapsed:.3f} s")
    scorer.print_report(res)
    # What the nested attributions add: the same predictions without them, scored again.
    outer = [{**line, "attributions": [p for p in line["attributions"] if p["depth"] == 0]}
             for line in lines]
    n_nested = sum(len(l["attributions"]) - len(o["attributions"]) for l, o in zip(lines, outer))
    if n_nested:
        base = run_scorer(scorer, gold, outer, types, 0)
        gained = res["content_overlap"]["tp"] - base["content_overlap"]["tp"]
        cs_gained = res["end_to_end"]["content+source"]["tp"] - base["end_to_end"]["content+source"]["tp"]
        cued = nested_on_gold_cues(gold, lines)
        print(f"nested: {n_nested} predicted, {cued} on a gold cue of any type "
              f"({100 * cued / n_nested:.2f} %), {gained} more gold matched "
              f"(precision {100 * gained / n_nested:.2f}), {cs_gained} more with source; "
              f"content F1 {base['content_overlap']['f1']:.2f} -> {res['content_overlap']['f1']:.2f}, "
              f"c+s F1 {base['end_to_end']['content+source']['f1']:.2f} -> "
              f"{res['end_to_end']['content+source']['f1']:.2f}")
    return res


def nested_on_gold_cues(gold: dict, lines: list[dict]) -> int:
    """How many nested predictions have a cue that overlaps the cue of a gold attribution."""
    n = 0
    for line in lines:
        cues = [c for g in gold.get(line["doc_id"], {}).get("attributions", []) for c in g["cue"]]
        for p in line["attributions"]:
            if p["depth"] and p["cue_start"] is not None:
                n += any(a < p["cue_end"] and p["cue_start"] < b for a, b in cues)
    return n


def run_scorer(scorer, gold, lines: list[dict], types: tuple, n_errors: int) -> dict:
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
        for line in lines:
            f.write(json.dumps(line) + "\n")
        pred_path = f.name
    try:
        return scorer.score(gold, scorer.load_pred(pred_path), types, 0.5, n_errors, False)
    finally:
        os.unlink(pred_path)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--train", action="store_true", help="also score the 840 train articles")
    ap.add_argument("--types", default="direct,indirect,mixed")
    ap.add_argument("--errors", type=int, default=0, metavar="N")
    ap.add_argument("--nested", action="store_true",
                    help="extract_attributions(nested=True): also attributions inside contents")
    ap.add_argument("--max-depth", type=int, default=None, metavar="N",
                    help="drop attributions nested deeper than N (0: outermost only)")
    args = ap.parse_args()
    folder = newsdev_dir()
    if folder is None:
        print("newsdev not found (../shared/newsdev or $PRESSLENS_NEWSDEV): nothing to score")
        return 0
    scorer = load_scorer(folder)
    score_split(scorer, folder / "attributions_dev.jsonl", args)
    if args.train:
        score_split(scorer, folder / "attributions_train.jsonl.gz", args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
