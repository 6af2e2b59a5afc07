#!/usr/bin/env python3
"""Classify the content-boundary errors of ``presslens.extract_attributions`` on newsdev, and
score boundary rules before writing them in Rust.

    python scripts/attribution_bounds.py                 # train (rules are developed there)
    python scripts/attribution_bounds.py --dev           # dev (validation only)
    python scripts/attribution_bounds.py --try-rules     # also score the what-if rules below

A boundary error is a gold attribution and a prediction, both left unmatched by the scorer's
one-to-one matching (token-overlap F1 >= 0.5), that still overlap: they are paired greedily by
overlap and classed as too long (the gold content inside the prediction), too short (the
prediction inside the gold) or shifted; by whether the prediction has the gold's cue; and by
where the cue stands (preposed: content after the cue; postposed: content before it; mid: the
cue inside the content's hull). For the same-cue errors it prints the token class where the
gold stops inside a too-long prediction, and where the prediction stops inside the gold.
``--try-rules`` rescores the predictions with each what-if rule (a regex cut or extension of
preposed contents, see RULES): the content F1, content+source F1 and indirect precision it would
give, so a rule is measured in seconds before it is written as a tokenizer-level rule.

Only counts and token classes (punctuation, words from a fixed list of function words, "CAP",
"other") are printed: nothing from the copyrighted articles, read at run time from
``../shared/newsdev``. Exits 0 when the folder is absent.
"""

from __future__ import annotations

import argparse
import importlib.util
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
WORD = re.compile(r"\w+(?:[\u2019'\-]\w+)*|[^\w\s]")
FUNCTION_WORDS = set(
    """and but or so because while although though when if after before since as until unless
    that which who whom what where how why whether than in on at by for with from to of about
    during over under into against without through including the a an his her their its this
    these those he she they we i it you said says say told was were is are has have had will
    would could can should may might must""".split()
)
SAY = set(
    """said says say saying told tells telling added adds adding wrote writes stated states
    explained explains argued argues noted notes insisted insists claimed claims""".split()
)


def _load(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def token_class(tok: str) -> str:
    """A token as printable class: punctuation and function words as themselves, else CAP/other."""
    low = tok.lower()
    if not tok[:1].isalnum():
        return tok
    if low in FUNCTION_WORDS:
        return low
    if tok[:1].isdigit():
        return "NUM"
    return "CAP" if tok[:1].isupper() else "other"


def next_class(text: str, i: int) -> str:
    m = WORD.search(text, i)
    return token_class(m.group(0)) if m else "<end>"


def unmatched_pairs(sc, doc: dict, preds: list[dict]):
    """(gold, prediction) pairs left unmatched at 0.5 that still overlap, greedily by overlap."""
    D = sc.Doc(doc["text"])
    gold = doc["attributions"]
    pairs = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(preds):
            f = D.overlap_f1((g["content_start"], g["content_end"]), (p["content_start"], p["content_end"]))
            if f > 0:
                pairs.append((f, gi, pi))
    matched = sc.greedy_match([x for x in pairs if x[0] >= 0.5])
    used_p = set(matched.values())
    rest = [x for x in pairs if x[1] not in matched and x[2] not in used_p]
    for gi, pi in sc.greedy_match(rest).items():
        yield D, gold[gi], preds[pi]


def classify(sc, docs: list[dict], lines: list[dict]) -> None:
    kinds, gold_stops, pred_stops = Counter(), Counter(), Counter()
    for doc, line in zip(docs, lines):
        text = doc["text"]
        for D, g, p in unmatched_pairs(sc, doc, line["attributions"]):
            gs, ge, ps, pe = g["content_start"], g["content_end"], p["content_start"], p["content_end"]
            gi, gj = D.tok_range(gs, ge)
            pi, pj = D.tok_range(ps, pe)
            kind = "long" if pi <= gi and gj <= pj else "short" if gi <= pi and pj <= gj else "shifted"
            cue = p["cue_start"] is not None
            same = cue and any(a < p["cue_end"] and p["cue_start"] < b for a, b in g["cue"])
            where = ("postposed" if cue and p["cue_start"] >= pe else
                     "preposed" if cue and p["cue_end"] <= ps else "mid" if cue else "no cue")
            kinds[(kind, "same cue" if same else "other cue", where)] += 1
            if not same or where != "preposed":
                continue
            say = p["cue_end"] and WORD.findall(text[p["cue_start"]:p["cue_end"]].lower() or "x")[-1] in SAY
            verb = "say-verb" if say else "other verb"
            if kind == "long" and abs(gi - pi) <= 1 and abs(gj - pj) > 1:
                gold_stops[(verb, next_class(text, ge))] += 1
            if kind == "short" and abs(gi - pi) <= 1 and abs(gj - pj) > 1:
                pred_stops[(verb, next_class(text, pe), f"gold sentences {min(g['n_sentences'], 2)}")] += 1
    print(f"boundary errors: {sum(kinds.values())}")
    for k, v in kinds.most_common():
        print(f"  {v:5d}  {' / '.join(k)}")
    print("same cue, preposed, same start, too long: where the gold stops (cue, next token)")
    for k, v in gold_stops.most_common(25):
        print(f"  {v:5d}  {' / '.join(k)}")
    print("same cue, preposed, same start, too short: where the prediction stops")
    for k, v in pred_stops.most_common(25):
        print(f"  {v:5d}  {' / '.join(k)}")


SENTENCE_END = re.compile(r"[.!?][\"”’]?\s+(?=[\"“]?[A-Z])|\n")


def cut_at(pattern: str, say: bool | None = None):
    """A what-if rule: a preposed content ends before the first match of `pattern` in it."""
    rx = re.compile(pattern)

    def rule(text, s, e, cue):
        if say is not None and (cue in SAY) != say:
            return None
        m = rx.search(text, s, e)
        return m.start() if m else None

    return rule


def extend_over(pattern: str, say: bool | None = None):
    """A what-if rule: a preposed content followed by `pattern` goes on to the next comma,
    semicolon or dash, or to the sentence end."""
    rx = re.compile(pattern)

    def rule(text, s, e, cue):
        if say is not None and (cue in SAY) != say:
            return None
        m = rx.match(text, e)
        if not m:
            return None
        se = SENTENCE_END.search(text, e)
        end = se.start() if se else len(text)
        c = re.search(r"[,;—]", text[m.end():end])
        return -(m.end() + c.start() if c else end)  # negative: an extension to that offset

    return rule


MEDIUM = "statement|interview|post|tweet|email|letter|speech|op-ed|memo|release|video|message|remarks"
DAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
# Measured on train before round 11's bounds work: none of these gains on both splits.
RULES = {
    "cut: time phrase (on Monday, last week)": cut_at(rf",? (on|last|this) ({DAYS}|week|month|year|night)\b"),
    "cut: medium (in a statement)": cut_at(rf" (in|on|at|during) (a|an|the|his|her|their) ({MEDIUM})\b"),
    "cut: dash": cut_at(r" (—|--|–) "),
    "cut: , and + subject + finite verb (say verbs)": cut_at(
        r",\s(?:and|but)\s(?:the|a|an|his|her|their|[A-Z][\w'’.-]*)(?:\s[\w'’.-]+){0,4}?\s"
        r"(?:has|have|had|is|are|was|were|will|would|could|can|did|does)\b", True),
    "extend: over ', the ...' (other verbs)": extend_over(r",\s(the|a|an)\b", False),
    "extend: over ', who/which'": extend_over(r",\s(who|which)\b"),
    "extend: over 'at/during the' (act adjunct)": extend_over(r"\s+(at|during) (the|a|an|his|her|their)\b"),
    "extend: over ', because/while/when ...' (say verbs)": extend_over(
        r",\s(while|when|although|because|after|before|since|if)\b", True),
}


def apply_rule(rule, docs: list[dict], lines: list[dict]) -> tuple[list[dict], int]:
    out, n = [], 0
    for doc, line in zip(docs, lines):
        text, preds = doc["text"], []
        for p in line["attributions"]:
            p = dict(p)
            if p["cue_start"] is not None and p["cue_end"] <= p["content_start"]:
                words = WORD.findall(text[p["cue_start"]:p["cue_end"]].lower())
                to = rule(text, p["content_start"], p["content_end"], words[-1] if words else "")
                if to is not None:
                    end = abs(to)
                    while end > p["content_start"] and (text[end - 1].isspace() or text[end - 1] in ",;:-—."):
                        end -= 1
                    if (to < 0 and end > p["content_end"]) or (to >= 0 and p["content_start"] < end < p["content_end"]):
                        p["content_end"] = end
                        n += 1
            preds.append(p)
        out.append({**line, "attributions": preds})
    return out, n


def try_rules(S, sc, gold_path: Path, docs: list[dict], lines: list[dict]) -> None:
    gold = sc.load_gold(str(gold_path))

    def row(name, ls, n):
        r = S.run_scorer(sc, gold, ls, ("direct", "indirect", "mixed"), 0)
        ri = S.run_scorer(sc, gold, ls, ("indirect",), 0)
        print(f"  {name:55s} {n:5d} changed  content F1 {r['content_overlap']['f1']:6.2f}  "
              f"c+s F1 {r['end_to_end']['content+source']['f1']:6.2f}  "
              f"indirect P {ri['content_overlap']['p']:6.2f}")

    print("what-if rules (preposed contents only):")
    row("as built", lines, 0)
    for name, rule in RULES.items():
        row(name, *apply_rule(rule, docs, lines))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dev", action="store_true", help="dev instead of train (validation only)")
    ap.add_argument("--try-rules", action="store_true", help="also score the what-if rules")
    args = ap.parse_args()
    S = _load("score_attributions_newsdev", HERE / "score_attributions_newsdev.py")
    folder = S.newsdev_dir()
    if folder is None:
        print("newsdev not found (../shared/newsdev or $PRESSLENS_NEWSDEV): nothing to classify")
        return 0
    sc = S.load_scorer(folder)
    path = folder / ("attributions_dev.jsonl" if args.dev else "attributions_train.jsonl.gz")
    docs = S.read_docs(path)
    lines, _ = S.predict(docs)
    classify(sc, docs, lines)
    if args.try_rules:
        try_rules(S, sc, path, docs, lines)
    return 0


if __name__ == "__main__":
    sys.exit(main())
