#!/usr/bin/env python3
"""Score presslens quotes and speakers on newsdev: real election news it was not written on.

Reads ``../shared/newsdev`` (84 dev articles, 840 train articles, people's annotations and
their scorer ``score_quotes.py``) at run time; it is copyrighted text and is never copied into
the repository. Skips with a message (exit 0) when the folder is absent.

Runs ``presslens.extract_quotes`` on every article, writes the predictions in the scorer's
format (the speaker is the mention as written, with its offsets, as the gold has it), calls
the scorer on direct quotes (mixed gold quotes neither count for nor against) and on all
kinds, and prints the table of issue #13:

* quote span P / R / F1 (overlap, direct quotes);
* quote + speaker F1 (direct quotes, speaker head word right);
* speaker right, over the direct quotes found.

Usage: python scripts/score_newsdev.py [--train] [--errors N] [--pred-out PATH] [--full]
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
import pathlib
import sys
import tempfile
from typing import Iterator

ROOT = pathlib.Path(__file__).resolve().parent.parent
NEWSDEV = ROOT.parent / "shared" / "newsdev"


def _jsonl(path: pathlib.Path) -> Iterator[dict]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


def _scorer(folder: pathlib.Path):
    spec = importlib.util.spec_from_file_location("newsdev_score_quotes", folder / "score_quotes.py")
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load {folder / 'score_quotes.py'}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def predict(docs: list, all_kinds: bool = False) -> list:
    """One prediction line per article: quote spans and the speaker mention as written. Scare
    quotes (terms, titles, nicknames: nobody's speech) and headline quotes are left out unless
    `all_kinds`."""
    import presslens

    out = []
    for doc in docs:
        quotes = []
        for q in presslens.extract_quotes(doc["text"]):
            if q.kind in ("scare", "headline") and not all_kinds:
                # A term, title or nickname is not an attribution (gold has none); a headline
                # quote is in single marks, which the gold never annotates (and repeats the body).
                continue
            m = q.mention
            quotes.append(
                {
                    "start": q.start,
                    "end": q.end,
                    "kind": q.kind,
                    "speaker": m.text if m is not None else None,
                    "speaker_start": m.start if m is not None else None,
                    "speaker_end": m.end if m is not None else None,
                    "cue": q.cue.text if q.cue is not None else None,
                }
            )
        out.append({"doc_id": doc["doc_id"], "quotes": quotes})
    return out


def table(direct: dict, everything: dict, label: str) -> None:
    q = direct["quote_overlap"]
    qs = direct["quote+speaker_head"]
    s = direct["speaker_acc_on_matched"]
    qa = everything["quote_overlap"]
    qsa = everything["quote+speaker_head"]
    print(f"\n{label}: {direct['docs']} articles, {direct['gold_quotes']} direct gold quotes")
    print(f"| {'metric':58s} | value |")
    print(f"|{'-' * 60}|-------|")
    print(f"| {'direct quote span P / R / F1 (overlap)':58s} | "
          f"{q['P']:.3f} / {q['R']:.3f} / {q['F1']:.3f} |")
    print(f"| {'quote + speaker F1 (--kinds direct, speaker head word)':58s} | {qs['F1']:.3f} |")
    print(f"| {'quote + speaker F1 exact (--kinds direct)':58s} | "
          f"{direct['quote+speaker_exact']['F1']:.3f} |")
    print(f"| {'speaker right over direct quotes found (head)':58s} | {s['head'] * 100:.1f}% |")
    print(f"| {'all kinds: quote span F1 / quote + speaker F1':58s} | "
          f"{qa['F1']:.3f} / {qsa['F1']:.3f} |")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--train", action="store_true", help="also score the 840 train articles")
    ap.add_argument("--errors", type=int, default=0, help="print N sample errors of each type (dev)")
    ap.add_argument("--pred-out", type=pathlib.Path, help="keep the dev predictions here")
    ap.add_argument("--full", action="store_true", help="also print the scorer's own tables")
    ap.add_argument("--with-scare", action="store_true", help="also predict scare and headline quotes")
    ap.add_argument("--newsdev", type=pathlib.Path, default=NEWSDEV, help="newsdev folder")
    a = ap.parse_args()
    if not (a.newsdev / "quotes_dev.jsonl").exists():
        print(f"newsdev not found at {a.newsdev}: skipping (it is not part of the repository)")
        return 0
    scorer = _scorer(a.newsdev)
    splits = [("dev", a.newsdev / "quotes_dev.jsonl")]
    if a.train:
        splits.append(("train", a.newsdev / "quotes_train.jsonl.gz"))
    for name, path in splits:
        docs = list(_jsonl(path))
        pred = predict(docs, a.with_scare)
        with tempfile.TemporaryDirectory() as tmp:
            pred_path = pathlib.Path(tmp) / "pred.jsonl"
            if name == "dev" and a.pred_out:
                pred_path = a.pred_out
            with open(pred_path, "w", encoding="utf-8") as f:
                for line in pred:
                    f.write(json.dumps(line, ensure_ascii=False) + "\n")
            gold = scorer.load(path)
            predicted = scorer.load(pred_path)
        n_errors = a.errors if name == "dev" else 0
        direct = scorer.score(gold, predicted, 0.5, {"direct"}, n_errors)
        everything = scorer.score(gold, predicted, 0.5, None, 0)
        table(direct, everything, f"newsdev {name}")
        if a.full or n_errors:
            print(f"\n--- score_quotes.py --kinds direct ({name}) ---")
            scorer.print_table(direct)
        if a.full:
            print(f"\n--- score_quotes.py, all kinds ({name}) ---")
            scorer.print_table(everything)
    # Every attribution, reported speech included (issue #14): the same articles, scored by
    # newsdev's score_attributions.py through scripts/score_attributions_newsdev.py.
    sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
    import score_attributions_newsdev as attributions

    attr_scorer = attributions.load_scorer(a.newsdev)
    attr_args = argparse.Namespace(types="direct,indirect,mixed", errors=0)
    print("\n### attributions of every kind (direct, mixed, indirect): score_attributions.py")
    attributions.score_split(attr_scorer, a.newsdev / "attributions_dev.jsonl", attr_args)
    if a.train:
        attributions.score_split(attr_scorer, a.newsdev / "attributions_train.jsonl.gz", attr_args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
