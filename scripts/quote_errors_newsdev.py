#!/usr/bin/env python3
"""List presslens' quote and speaker errors on newsdev, for finding classes of errors to fix.

Reads ``../shared/newsdev`` at run time (copyrighted news: the listing goes to the terminal,
never into the repository) and skips cleanly when it is absent. Matches predictions to gold
quotes with newsdev's own scorer (trimmed spans, overlap >= 0.5, one-to-one) and prints, per
error, the article id, the quote's start, a window of context and both speakers:

* ``fp``: a predicted direct quote no gold quote overlaps;
* ``fn``: a gold direct quote nothing predicted overlaps;
* ``wrong``: matched, both sides name a speaker, the head words differ;
* ``missing``: matched, gold names a speaker, presslens none;
* ``extra``: matched, presslens names a speaker, gold none.

Usage: python scripts/quote_errors_newsdev.py [--train] [--kind fp,fn,wrong,missing,extra]
       [--limit N] [--context C]
"""

from __future__ import annotations

import argparse
import collections
import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import score_newsdev  # noqa: E402  (same folder; shares the reader and the prediction)

KINDS = ("fp", "fn", "wrong", "missing", "extra")


def _window(text: str, start: int, end: int, context: int) -> str:
    left = text[max(0, start - context) : start]
    right = text[end : end + context]
    body = text[start:end]
    if len(body) > 160:
        body = body[:70] + " … " + body[-70:]
    return (left + "[[" + body + "]]" + right).replace("\n", "⏎")


def errors(scorer, doc: dict, pred: list) -> collections.abc.Iterator[tuple]:
    """(kind, gold quote or None, predicted quote or None) for each error of one article."""
    text = doc["text"]
    gold = doc.get("quotes", [])
    gt = [scorer.trim_span(text, q["start"], q["end"]) for q in gold]
    pt = [scorer.trim_span(text, q["start"], q["end"]) for q in pred]
    pairs = []
    for gi in range(len(gold)):
        for pi in range(len(pred)):
            r = scorer.overlap_ratio(gt[gi], pt[pi])
            if r >= 0.5:
                pairs.append((r, gi, pi))
    matched = scorer.greedy_match(pairs)
    direct = [q.get("kind") == "direct" for q in gold]
    for gi, g in enumerate(gold):
        if not direct[gi]:
            continue
        if gi not in matched:
            yield "fn", g, None
            continue
        p = pred[matched[gi]]
        _, head, _ = scorer.speaker_matches(g, p)
        if head:
            continue
        g_empty = not scorer.norm_str(g.get("speaker"))
        p_empty = not scorer.norm_str(p.get("speaker"))
        yield ("missing" if p_empty else "extra" if g_empty else "wrong"), g, p
    used = set(matched.values())
    for pi, p in enumerate(pred):
        if pi not in used:
            yield "fp", None, p


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--train", action="store_true", help="the 840 train articles instead of dev")
    ap.add_argument("--kind", default=",".join(KINDS), help="error kinds to list, comma-separated")
    ap.add_argument("--limit", type=int, default=400, help="at most N errors listed per kind")
    ap.add_argument("--context", type=int, default=90, help="characters shown either side")
    ap.add_argument("--newsdev", type=pathlib.Path, default=score_newsdev.NEWSDEV)
    a = ap.parse_args()
    if not (a.newsdev / "quotes_dev.jsonl").exists():
        print(f"newsdev not found at {a.newsdev}: skipping (it is not part of the repository)")
        return 0
    scorer = score_newsdev._scorer(a.newsdev)
    path = a.newsdev / ("quotes_train.jsonl.gz" if a.train else "quotes_dev.jsonl")
    docs = list(score_newsdev._jsonl(path))
    preds = score_newsdev.predict(docs)
    wanted = set(a.kind.split(","))
    counts: collections.Counter = collections.Counter()
    for doc, pred in zip(docs, preds):
        for kind, g, p in errors(scorer, doc, pred["quotes"]):
            counts[kind] += 1
            if kind not in wanted or counts[kind] > a.limit:
                continue
            q = g or p
            ctx = _window(doc["text"], q["start"], q["end"], a.context)
            gs = g.get("speaker") if g else "-"
            ps = p.get("speaker") if p else "-"
            print(f"{kind:7s} {doc['doc_id']}@{q['start']} gold={gs!r} ours={ps!r}\n    {ctx}")
    print("\n" + "  ".join(f"{k}={counts[k]}" for k in KINDS))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
