#!/usr/bin/env python3
"""Group the attributions ``presslens.extract_attributions`` misses (and the ones it invents) on
newsdev, by cue word, by sentence form and by why they were missed.

    python scripts/attribution_errors.py                    # dev, gold indirect
    python scripts/attribution_errors.py --train --types indirect,mixed
    python scripts/attribution_errors.py --show "no cue" --lemma believe --n 10
    python scripts/attribution_errors.py --train --nested  # with nested attributions

Why a gold attribution was missed (its best prediction is the one overlapping it most):
  no cue           no prediction's cue touches the gold cue and no prediction overlaps the content
  other cue        a prediction overlaps the content (< 0.5 or matched elsewhere), with another cue
  boundary         a prediction has the gold cue but its content overlaps < 0.5 (too long, too
                   short or shifted is printed with it)
  taken            a prediction overlaps >= 0.5 but the one-to-one matching gave it to another gold
Sentence forms come from the gold layout: preposed (source cue content), postposed (content ...
cue), inverted (cue source), according to, colon, noun cue (article or possessive before the
cue), no source, several sentences.

The articles are copyrighted: they are read at run time from ``../shared/newsdev`` and only
printed to the terminal; nothing is written to the repository. Exits 0 when the folder is absent.
"""

from __future__ import annotations

import argparse
import importlib.util
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _load(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


ARTICLE_BEFORE = re.compile(r"(?:\b(?:the|a|an|his|her|their|its|our|this|that)|['’]s)\s+$", re.I)


def form_of(text: str, g: dict) -> str:
    cue = g["cue_text"].strip().lower()
    if g["n_sentences"] > 1:
        return "several sentences"
    if cue.startswith("according"):
        return "according to"
    if cue == ":" or cue.endswith(":"):
        return "colon"
    if not g["source"]:
        return "no source"
    c0 = g["cue"][0][0] if g["cue"] else g["content_start"]
    if ARTICLE_BEFORE.search(text[max(0, c0 - 12):c0]):
        return "noun cue"
    s0 = g["source"][0][0]
    if c0 >= g["content_end"]:
        return "postposed" if s0 < c0 else "postposed inverted"
    if s0 > c0:
        return "inverted"
    if c0 > g["content_start"]:
        return "split content"
    return "preposed"


def boundary_kind(D, gh, ph) -> str:
    gi, gj = D.tok_range(*gh)
    pi, pj = D.tok_range(*ph)
    if pi <= gi and pj >= gj:
        return "too long"
    if pi >= gi and pj <= gj:
        return "too short"
    return "shifted"


def overlaps(span, frags) -> bool:
    return span is not None and any(a < span[1] and span[0] < b for a, b in frags)


def analyse(scorer, gold_docs, preds, types):
    missed = []  # (reason, detail, form, lemma, doc_id, gold, best_pred)
    spurious = []  # (cue word, doc_id, pred)
    n_gold = 0
    for doc_id in sorted(gold_docs):
        gd = gold_docs[doc_id]
        text = gd["text"]
        D = scorer.Doc(text)
        gold_all = gd["attributions"]
        gold = [g for g in gold_all if g["type"] in types]
        n_gold += len(gold)
        plist = [p for p in preds.get(doc_id, []) if p.get("type") in types]
        allp = preds.get(doc_id, [])
        pairs = []
        for gi, g in enumerate(gold):
            for pi, p in enumerate(plist):
                f = D.overlap_f1((g["content_start"], g["content_end"]),
                                 (p["content_start"], p["content_end"]))
                if f >= 0.5:
                    pairs.append((f, gi, pi))
        m = scorer.greedy_match(pairs)
        for gi, g in enumerate(gold):
            if gi in m:
                continue
            gh = (g["content_start"], g["content_end"])
            scored = [(D.overlap_f1(gh, (p["content_start"], p["content_end"])), p) for p in allp]
            best_f, best = max(scored, key=lambda x: x[0], default=(0.0, None))
            by_cue = [(f, p) for f, p in scored
                      if overlaps((p["cue_start"], p["cue_end"]) if p["cue_start"] is not None else None,
                                  g["cue"])]
            if best_f >= 0.5:
                reason, detail = "taken", ""
            elif by_cue:
                f, best = max(by_cue, key=lambda x: x[0])
                reason = "boundary"
                detail = boundary_kind(D, gh, (best["content_start"], best["content_end"]))
            elif best_f > 0:
                reason, detail = "other cue", ""
            else:
                reason, detail, best = "no cue", "", None
            missed.append((reason, detail, form_of(text, g), g.get("cue_lemma") or g["cue_text"].lower(),
                           doc_id, g, best))
        matched_p = set(m.values())
        for pi, p in enumerate(plist):
            if pi in matched_p:
                continue
            # An unmatched prediction inside a gold attribution of another type is "don't care".
            ph = (p["content_start"], p["content_end"])
            if any(D.contained(ph, (g["content_start"], g["content_end"])) >= 0.5
                   for g in gold_all if g["type"] not in types):
                continue
            cue = text[p["cue_start"]:p["cue_end"]].lower() if p["cue_start"] is not None else "-"
            spurious.append((cue, doc_id, p))
    return missed, spurious, n_gold


def table(title: str, counter: Counter, total: int, top: int) -> None:
    print(f"\n{title}")
    for key, n in counter.most_common(top):
        print(f"  {n:5d}  {100.0 * n / max(total, 1):5.1f}%  {key}")


def newsdev_predictions(train: bool, nested: bool = False):
    """(scorer module, path, newsdev docs, predictions by doc_id) for dev or train, or None when
    newsdev is absent (the message is printed)."""
    score_mod = _load("score_attributions_newsdev", HERE / "score_attributions_newsdev.py")
    folder = score_mod.newsdev_dir()
    if folder is None:
        print("newsdev not found (../shared/newsdev or $PRESSLENS_NEWSDEV): nothing to list")
        return None
    path = folder / ("attributions_train.jsonl.gz" if train else "attributions_dev.jsonl")
    docs = score_mod.read_docs(path)
    lines, _ = score_mod.predict(docs, nested)
    preds = {line["doc_id"]: line["attributions"] for line in lines}
    return score_mod.load_scorer(folder), path, docs, preds


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--train", action="store_true", help="the 840 train articles instead of dev")
    ap.add_argument("--types", default="indirect")
    ap.add_argument("--top", type=int, default=30)
    ap.add_argument("--show", default="", help="print examples of this reason (or 'spurious')")
    ap.add_argument("--form", default="", help="only examples of this form")
    ap.add_argument("--lemma", default="", help="only examples of this cue lemma / spurious cue")
    ap.add_argument("--n", type=int, default=15)
    ap.add_argument("--nested", action="store_true", help="extract_attributions(nested=True)")
    args = ap.parse_args()
    loaded = newsdev_predictions(args.train, args.nested)
    if loaded is None:
        return 0
    scorer, path, docs, preds = loaded
    gold_docs = {d["doc_id"]: d for d in docs}
    types = tuple(t for t in args.types.split(",") if t)
    missed, spurious, n_gold = analyse(scorer, gold_docs, preds, types)
    print(f"{path.name}: {n_gold} gold {','.join(types)}, {len(missed)} missed, "
          f"{len(spurious)} spurious predictions")
    table("missed by reason", Counter(f"{r} {d}".strip() for r, d, *_ in missed), len(missed), args.top)
    table("missed by form", Counter(f for _, _, f, *_ in missed), len(missed), args.top)
    table("missed by cue lemma", Counter(lem for _, _, _, lem, *_ in missed), len(missed), args.top)
    by = defaultdict(Counter)
    for r, _, f, lem, *_ in missed:
        by[r][f] += 1
    for r, c in by.items():
        table(f"'{r}' by form", c, sum(c.values()), 12)
    table("spurious by cue", Counter(c for c, *_ in spurious), len(spurious), args.top)
    if args.show:
        print(f"\nexamples: {args.show} {args.form} {args.lemma}")
        shown = 0
        if args.show == "spurious":
            for cue, doc_id, p in spurious:
                if args.lemma and cue != args.lemma:
                    continue
                text = gold_docs[doc_id]["text"]
                src = text[p["source_start"]:p["source_end"]] if p["source_start"] is not None else None
                print(f"- [{cue}] src={src!r}\n    {text[p['content_start']:p['content_end']][:220]!r}")
                shown += 1
                if shown >= args.n:
                    break
            return 0
        for r, d, f, lem, doc_id, g, best in missed:
            if r != args.show or (args.form and f != args.form) or (args.lemma and lem != args.lemma):
                continue
            text = gold_docs[doc_id]["text"]
            sent = text[max(0, g["content_start"] - 150):g["content_end"] + 30].replace("\n", " | ")
            print(f"- {f} / cue={g['cue_text']!r} src={g['source_text']!r} {d}")
            print(f"    gold: {text[g['content_start']:g['content_end']][:220]!r}")
            if best is not None:
                print(f"    pred: {text[best['content_start']:best['content_end']][:220]!r}")
            print(f"    ctx:  {sent[:400]!r}")
            shown += 1
            if shown >= args.n:
                break
    return 0


if __name__ == "__main__":
    sys.exit(main())
