#!/usr/bin/env python3
"""Score presslens quote extraction against the hand-annotated gold (tests/data/quotes_gold.jsonl).

Matching: a predicted quote matches a gold quote of the same article when their spans overlap
by at least 50% of the longer one (one-to-one, greedy by overlap). Printed:

* quote spans (direct + partial) P/R/F1, direct-only F1, scare F1;
* kind correct (% of matched gold quotes, all kinds);
* canonical speaker correct (% of all direct + partial gold quotes);
* quote+speaker F1 (a match counts only with the right speaker);
* mention and cue accuracy (% of matched direct + partial gold quotes).

Usage: python scripts/score_quotes.py [--verbose] [--corpus] [--gold PATH] [--articles DIR]
"""

from __future__ import annotations

import argparse
import json
import pathlib
import sys
from typing import Callable, Optional

ROOT = pathlib.Path(__file__).resolve().parent.parent


def overlap(a: tuple, b: tuple) -> float:
    inter = min(a[1], b[1]) - max(a[0], b[0])
    if inter <= 0:
        return 0.0
    return inter / max(a[1] - a[0], b[1] - b[0], 1)


def match(gold: list, pred: list) -> list:
    """One-to-one (gold index, pred index) pairs with >= 50% overlap, best overlap first."""
    cands = []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            o = overlap((g["start"], g["end"]), (p["start"], p["end"]))
            if o >= 0.5:
                cands.append((o, i, j))
    cands.sort(reverse=True)
    used_g, used_p, out = set(), set(), []
    for _, i, j in cands:
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            out.append((i, j))
    return out


def f1(tp: int, n_pred: int, n_gold: int) -> tuple:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def presslens_predict(text: str) -> list:
    import presslens

    out = []
    for q in presslens.extract_quotes(text):
        out.append(
            {
                "start": q.start,
                "end": q.end,
                "text": q.text,
                "kind": q.kind,
                "speaker": q.speaker,
                "mention": q.mention.text if q.mention else None,
                "mention_start": q.mention.start if q.mention else None,
                "cue": q.cue.text if q.cue else None,
            }
        )
    return out


def corpus_predictor(texts: list, **analyze_kwargs) -> Callable[[str], list]:
    """Predictions from one ``presslens.analyze`` over all ``texts`` (names resolved across the
    corpus), looked up per article text: the quotes table's rows in the same form as
    ``presslens_predict``."""
    import pandas as pd

    import presslens

    def na(v: object) -> bool:
        return v is None or bool(pd.isna(v))

    quotes = presslens.analyze(texts, **analyze_kwargs).quotes
    by_doc: dict = {i: [] for i in range(len(texts))}
    for r in quotes.itertuples():
        missing = na(r.mention)
        by_doc[r.doc_id].append(
            {
                "start": r.start, "end": r.end, "text": r.text, "kind": r.kind,
                "speaker": None if na(r.speaker) else r.speaker,
                "mention": None if missing else r.mention,
                "mention_start": None if missing else int(r.mention_start),
                "cue": None if na(r.cue) else r.cue,
            }
        )
    by_text = {t: by_doc[i] for i, t in enumerate(texts)}
    return lambda text: by_text[text]


def score(
    predict: Callable[[str], list],
    gold_path: pathlib.Path,
    articles: pathlib.Path,
    verbose: bool = False,
    kinds_known: bool = True,
) -> dict:
    docs = [json.loads(line) for line in open(gold_path, encoding="utf-8") if line.strip()]
    c = dict(
        tp=0, n_pred=0, n_gold=0, d_tp=0, d_pred=0, d_gold=0, s_tp=0, s_pred=0, s_gold=0,
        kind_ok=0, matched=0, spk_ok=0, qs_tp=0, ment_ok=0, cue_ok=0, dp_matched=0,
    )
    for d in docs:
        text = (articles / d["doc"]).read_text(encoding="utf-8")
        gold = d["quotes"]
        pred = predict(text)
        for p in pred:
            assert text[p["start"]:p["end"]] == p["text"], "offsets are not exact"
        pairs = match(gold, pred)
        gdp = [i for i, g in enumerate(gold) if g["kind"] != "scare"]
        pdp = [j for j, p in enumerate(pred) if p["kind"] != "scare"]
        c["n_gold"] += len(gdp)
        c["n_pred"] += len(pdp)
        c["d_gold"] += sum(g["kind"] == "direct" for g in gold)
        c["d_pred"] += sum(p["kind"] == "direct" for p in pred)
        c["s_gold"] += sum(g["kind"] == "scare" for g in gold)
        c["s_pred"] += sum(p["kind"] == "scare" for p in pred)
        c["s_pred_nonspeech"] = 0
        seen_g = set()
        for i, j in pairs:
            g, p = gold[i], pred[j]
            seen_g.add(i)
            c["matched"] += 1
            c["kind_ok"] += g["kind"] == p["kind"]
            if g["kind"] != "scare" and p["kind"] != "scare":
                c["tp"] += 1
                c["qs_tp"] += g["speaker"] == p["speaker"]
            if g["kind"] == "direct" and p["kind"] == "direct":
                c["d_tp"] += 1
            if g["kind"] == "scare" and p["kind"] == "scare":
                c["s_tp"] += 1
            if g["kind"] != "scare":
                c["dp_matched"] += 1
                c["spk_ok"] += g["speaker"] == p["speaker"]
                c["ment_ok"] += (g["mention"], g["mention_start"]) == (
                    p["mention"], p["mention_start"])
                c["cue_ok"] += g["cue"] == p["cue"]
            bad = g["kind"] != p["kind"] or (g["kind"] != "scare" and (
                g["speaker"] != p["speaker"] or g["mention_start"] != p["mention_start"]
                or g["cue"] != p["cue"]))
            if verbose and bad:
                print(f"  {d['doc'][:3]} @{g['start']} {g['text'][:50]!r}\n"
                      f"      gold {g['kind']:7} {g['speaker']!s:22} m={g['mention']!r}@{g['mention_start']} cue={g['cue']!r}\n"
                      f"      pred {p['kind']:7} {p['speaker']!s:22} m={p['mention']!r}@{p['mention_start']} cue={p['cue']!r}")
        if verbose:
            matched_p = {j for _, j in pairs}
            for i, g in enumerate(gold):
                if i not in seen_g:
                    print(f"  {d['doc'][:3]} MISSED {g['kind']} @{g['start']} {g['text'][:60]!r}")
            for j, p in enumerate(pred):
                if j not in matched_p:
                    print(f"  {d['doc'][:3]} EXTRA  {p['kind']} @{p['start']} {p['text'][:60]!r}")
    P, R, F = f1(c["tp"], c["n_pred"], c["n_gold"])
    _, _, DF = f1(c["d_tp"], c["d_pred"], c["d_gold"])
    _, _, SF = f1(c["s_tp"], c["s_pred"], c["s_gold"])
    _, _, QSF = f1(c["qs_tp"], c["n_pred"], c["n_gold"])
    res = {
        "span_p": P, "span_r": R, "span_f1": F, "direct_f1": DF, "scare_f1": SF,
        "kind_acc": c["kind_ok"] / max(c["matched"], 1),
        "speaker_acc": c["spk_ok"] / max(c["n_gold"], 1),
        "quote_speaker_f1": QSF,
        "mention_acc": c["ment_ok"] / max(c["dp_matched"], 1),
        "cue_acc": c["cue_ok"] / max(c["dp_matched"], 1),
        "n_gold": c["n_gold"], "n_pred": c["n_pred"], "matched": c["matched"],
    }
    return res


def print_table(name: str, r: dict, kinds: bool = True) -> None:
    print(f"{name}")
    print(f"  quote spans (direct+partial)  P={r['span_p']:.3f} R={r['span_r']:.3f} F1={r['span_f1']:.3f}"
          f"   (gold {r['n_gold']}, predicted {r['n_pred']})")
    print(f"  direct-only F1                {r['direct_f1']:.3f}")
    if kinds:
        print(f"  scare F1                      {r['scare_f1']:.3f}")
        print(f"  kind correct (of matched)     {r['kind_acc']:.1%}  ({r['matched']} matched)")
    print(f"  canonical speaker correct     {r['speaker_acc']:.1%}  (of all direct+partial gold)")
    print(f"  quote+speaker F1              {r['quote_speaker_f1']:.3f}")
    print(f"  mention correct               {r['mention_acc']:.1%}  (of matched direct+partial)")
    print(f"  cue correct                   {r['cue_acc']:.1%}  (of matched direct+partial)")


def main(argv: Optional[list] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=pathlib.Path, default=ROOT / "tests" / "data" / "quotes_gold.jsonl")
    ap.add_argument("--articles", type=pathlib.Path, default=ROOT / "examples" / "articles")
    ap.add_argument("--verbose", "-v", action="store_true", help="print every disagreement")
    ap.add_argument("--corpus", action="store_true",
                    help="predict with one presslens.analyze() over all gold articles "
                         "(speaker names resolved across the corpus) instead of per article")
    args = ap.parse_args(argv)
    predict = presslens_predict
    if args.corpus:
        docs = [json.loads(line) for line in open(args.gold, encoding="utf-8") if line.strip()]
        texts = [(args.articles / d["doc"]).read_text(encoding="utf-8") for d in docs]
        predict = corpus_predictor(texts)
    r = score(predict, args.gold, args.articles, verbose=args.verbose)
    print_table("presslens on " + str(args.gold.relative_to(ROOT) if args.gold.is_relative_to(ROOT) else args.gold), r)
    return 0


if __name__ == "__main__":
    sys.exit(main())
