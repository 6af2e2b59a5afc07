#!/usr/bin/env python3
"""Does a small learned contextual cue classifier find reporting cues the lexicon lacks?
Measured on newsdev (issue #14): a logistic regression over the features of a word in context,
fitted on the train split, scored on dev.

    python scripts/cue_model.py                    # fit on train, the train and dev tables
    python scripts/cue_model.py --new-only --l2 0.01
    python scripts/cue_model.py --gate             # lexicon cues the rules turn down
    python scripts/cue_model.py --tail             # and why the no-cue gold have no cue

Tokens: every lower-case word outside quotation marks (a quotation mark toggles, a line break
closes), of three letters or more, that is no function word (attribution_aux.txt,
attribution_stop.txt and a short list here). Label: the word lies inside a gold cue of any type
(attributions_*.jsonl "cue" spans).

Features (strings; none longer than two words, so no text can be read back from the weights):
  w=said            the word itself (words seen >= --min-word times on train, else w=?)
  suf=ed            its suffix class: ed / s / ing / ly / other
  p1=, p2=, n1=, n2= the forms of the words one and two before and after: a closed list of
                    frequent forms (the FORMS of this file), else a class: CAP (capitalised),
                    NUM, PUNCT, ED/ING/S/LY (a lower-case word by suffix), W (other words);
                    "^" / "$" at the sentence edges
  p2p1=, n1n2=      the two before / after together, as form classes only
  w_n1=, w_p1=      the word with the form of its neighbour (two words)
  pos=              the word's place in its sentence: 0, 1, 2-3, 4-7, 8+
  lex=              which classes of cue_verbs.txt the word has (none for the measured tokens)

Fit: logistic regression, plain numpy, Adagrad over shuffled minibatches (seed 0), L2;
features seen fewer than --min-feat times on train are dropped. With the same data the weights
are the same on every run (features sorted, shuffles seeded, weights rounded to 4 places).

Evaluation on dev, over the measured tokens that are no lexicon cue and no cue of any current
prediction (what the model would add; with --gate the lexicon cues no prediction uses): precision and recall of "is a cue" by score threshold,
and how many dev gold attributions that have no cue found today ("no cue" in
scripts/attribution_errors.py) the predictions at that threshold would touch.

Result (round 15, main 6a76667, defaults): 207592 train tokens, 39233 features. Dev, 20017
tokens no cue has yet (813 inside a gold cue; 468 gold attributions have no cue found):
  threshold 0.5: 157 predicted, P 49.7, 38 no-cue gold touched
  threshold 0.6:  67 predicted, P 56.7, 18 touched
  threshold 0.8:   9 predicted, P 66.7,  2 touched
(train, in-sample: 0.8 -> 114 predicted, P 89.5, 23 of 4486 no-cue gold touched). With
--new-only --l2 0.01: 0.6 -> 58, P 56.9, 16 touched; 0.8 -> 8, P 62.5, 1 touched. Nowhere near
the ~20 extra dev gold at precision >= 0.8 a model in the Rust pipeline would need to earn its
place: the missing cues are words whose uses as cue and not as cue share the same one- and
two-word contexts. As a gate for the lexicon cues the rules turn down (--gate, f969724: 1233
dev tokens, 216 inside a gold cue): 0.6 -> 54 predicted, P 68.5, 19 touched; 0.7 -> 30, P 70.0,
12; 0.8 -> 8, P 87.5, 4. Not enough either. No model was built.
The tail (--tail, f969724): of dev's 421 gold indirect with no cue found, 106 have a lexicon
word the rules turned down, 12 function words only, and 303 a first content word that is
inside a train gold cue in < 20 % of its train uses (126), 20-50 % (78), >= 50 % (17) or never
(82); 265 distinct first words, 236 of them once.

The articles are copyrighted: they are read at run time from ../shared/newsdev and only counts
(and feature weights over word forms) leave the script. Exits 0 when the folder is absent.
"""

from __future__ import annotations

import argparse
import math
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

TOKEN = re.compile(r"[A-Za-z][A-Za-z'’-]*|[0-9][0-9.,]*|\S")
SENTENCE_END = {".", "!", "?"}
# Function words beyond attribution_aux.txt / attribution_stop.txt: never a cue's head.
FUNCTION = set("""
the a an and or but of in on at by for with from to into onto over under about as than that
this these those there here then when while where which who whom whose what why how if whether
not no nor so too very also just only even still now often again already ever never
he she it they we you i him her them us me his its their our my your one ones
be is are was were been being am has have had do does did will would can could may might must
shall should said says""".split())
# Forms that keep their own name as a neighbour (p1/n1/...): the closed words of clause
# structure a cue's frame is made of.
FORMS = set("""
that to whether if the a an his her their its our he she they we i it you who which
has have had is was are were be been will would could also not , . : ; ( ) — – - “ ” " ' ^ $
and but as in on for of with about at by from after before when while said says told""".split())
SUBJECT_PRONOUNS = {"he", "she", "they", "we", "i", "it", "you", "who"}


def load_newsdev():
    """(score module, folder) or None when newsdev is absent."""
    from importlib.util import module_from_spec, spec_from_file_location

    spec = spec_from_file_location("score_attributions_newsdev", HERE / "score_attributions_newsdev.py")
    mod = module_from_spec(spec)
    spec.loader.exec_module(mod)
    folder = mod.newsdev_dir()
    if folder is None:
        return None
    return mod, folder


def lexicon_classes() -> dict[str, set[str]]:
    reported = {"clause", "object", "infinitive", "stance", "that", "noun"}
    out: dict[str, set[str]] = {}
    for line in (ROOT / "data/lexicon/cue_verbs.txt").read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        forms, _, cls = line.partition(":")
        got = set(cls.split()) & reported
        if got:
            for form in forms.split():
                out.setdefault(form, set()).update(got)
    return out


def word_list(name: str) -> set[str]:
    words = set()
    for line in (ROOT / "data/lexicon" / name).read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if line and not line.startswith("["):
            words.update(line.split())
    return words


def suffix(w: str) -> str:
    for s in ("ing", "ed", "ly"):
        if w.endswith(s):
            return s
    return "s" if w.endswith("s") and not w.endswith("ss") else "other"


def form(tok: str) -> str:
    """A neighbour's form: the word itself when it is in FORMS, else its class."""
    low = tok.lower()
    if low in FORMS:
        return low
    if tok[0].isdigit():
        return "NUM"
    if not tok[0].isalpha():
        return "PUNCT"
    if tok[0].isupper():
        return "CAP"
    return {"ing": "ING", "ed": "ED", "ly": "LY", "s": "S"}.get(suffix(low), "W")


def place(i: int) -> str:
    return "0" if i == 0 else "1" if i == 1 else "2" if i < 4 else "4" if i < 8 else "8"


def features(w: str, left: list[str], right: list[str], i: int, lex: str, vocab: set[str]) -> list[str]:
    """The feature strings of word `w` (lower case) whose sentence has `left` (nearest last)
    and `right` forms around it, `i` its index in the sentence (see the module docstring)."""
    p1, p2 = (left + ["^", "^"])[:2]
    n1, n2 = (right + ["$", "$"])[:2]
    wf = w if w in vocab else "?"
    return [
        "bias", f"w={wf}", f"suf={suffix(w)}", f"p1={p1}", f"p2={p2}", f"n1={n1}", f"n2={n2}",
        f"p2p1={p2}_{p1}", f"n1n2={n1}_{n2}", f"w_n1={wf}_{n1}", f"w_p1={wf}_{p1}",
        f"pos={place(i)}", f"lex={lex}",
        f"suf_n1={suffix(w)}_{n1}", f"suf_p1={suffix(w)}_{p1}",
    ]


def doc_tokens(text: str):
    """Per sentence: a list of (start, end, token, in_quote)."""
    sentences, cur = [], []
    quoted = False
    prev_end = 0
    for m in TOKEN.finditer(text):
        tok = m.group()
        if "\n" in text[prev_end:m.start()]:
            quoted = False
            if cur:
                sentences.append(cur)
                cur = []
        prev_end = m.end()
        if tok in ("“", "”", '"'):
            quoted = tok == "“" or (tok == '"' and not quoted)
            cur.append((m.start(), m.end(), tok, True))
            continue
        cur.append((m.start(), m.end(), tok, quoted))
        if tok in SENTENCE_END:
            sentences.append(cur)
            cur = []
    if cur:
        sentences.append(cur)
    return sentences


def examples(docs, preds, lex, skip, vocab, gate=False):
    """(features, label, already, doc index, start) per measured token; `already`: a lexicon
    cue or a cue of some prediction (with `gate`: anything but a lexicon cue no prediction
    uses, the words the rules turn down)."""
    out = []
    for di, d in enumerate(docs):
        text = d["text"]
        cue_spans = [(a, b) for g in d["attributions"] for a, b in g["cue"]]
        pred_spans = [(p["cue_start"], p["cue_end"]) for p in preds.get(d["doc_id"], [])
                      if p["cue_start"] is not None]
        for sent in doc_tokens(text):
            forms = [form(t) for _, _, t, _ in sent]
            for i, (s, e, tok, q) in enumerate(sent):
                low = tok.lower()
                if q or not tok[0].islower() or len(tok) < 3 or low in skip:
                    continue
                cls = lex.get(low)
                label = any(a <= s < b for a, b in cue_spans)
                used = any(a <= s < b for a, b in pred_spans)
                already = (cls is None or used) if gate else (cls is not None or used)
                feats = features(low, forms[:i][::-1], forms[i + 1:], i,
                                 "_".join(sorted(cls)) if cls else "none", vocab)
                out.append((feats, label, already, di, s))
    return out


def fit(rows, min_feat: int, epochs: int, l2: float, seed: int = 0):
    """Logistic regression weights {feature: weight} (numpy, Adagrad, deterministic)."""
    import numpy as np

    counts = Counter(f for feats, *_ in rows for f in feats)
    names = sorted(f for f, n in counts.items() if n >= min_feat)
    index = {f: k for k, f in enumerate(names)}
    idx = [[index[f] for f in feats if f in index] for feats, *_ in rows]
    y = np.array([float(r[1]) for r in rows])
    w = np.zeros(len(names))
    g2 = np.full(len(names), 1e-8)
    rng = np.random.default_rng(seed)
    lengths = np.array([len(i) for i in idx])
    flat = np.concatenate([np.array(i, dtype=np.int64) for i in idx])
    offsets = np.concatenate([[0], np.cumsum(lengths)])
    batch = 256
    for _ in range(epochs):
        order = rng.permutation(len(idx))
        for b0 in range(0, len(order), batch):
            sel = order[b0:b0 + batch]
            cols = np.concatenate([flat[offsets[r]:offsets[r + 1]] for r in sel])
            owner = np.repeat(np.arange(len(sel)), lengths[sel])
            z = np.bincount(owner, weights=w[cols], minlength=len(sel))
            p = 1.0 / (1.0 + np.exp(-z))
            err = p - y[sel]
            grad = np.bincount(cols, weights=err[owner], minlength=len(w))
            touched = np.unique(cols)
            grad[touched] += l2 * w[touched]
            g2[touched] += grad[touched] ** 2
            w[touched] -= 0.1 * grad[touched] / np.sqrt(g2[touched])
    return {f: round(float(v), 4) for f, v in zip(names, w) if abs(v) >= 1e-4}


def score(weights, feats) -> float:
    z = sum(weights.get(f, 0.0) for f in feats)
    return 1.0 / (1.0 + math.exp(-z))


def evaluate(name, rows, weights, docs, no_cue_ids, thresholds):
    """Print precision/recall over the rows no lexicon cue or prediction has, by threshold."""
    new = [(score(weights, f), lab, di, s) for f, lab, already, di, s in rows if not already]
    gold_new = sum(lab for _, lab, _, _ in new)
    n_no_cue = len({gid for spans in no_cue_ids.values() for gid, _ in spans})
    print(f"\n{name}: {len(new)} tokens measured, {gold_new} inside a gold cue; "
          f"{n_no_cue} gold attributions with no cue found")
    print(f"{'thr':>5s} {'pred':>6s} {'right':>6s} {'P':>6s} {'R':>6s} {'no-cue gold touched':>20s}")
    for thr in thresholds:
        hits = [(di, s) for p, lab, di, s in new if p >= thr]
        right = sum(1 for p, lab, _, _ in new if p >= thr and lab)
        touched = set()
        for di, s in hits:
            for gid, (a, b) in no_cue_ids.get(di, []):
                if a <= s < b:
                    touched.add(gid)
        print(f"{thr:5.2f} {len(hits):6d} {right:6d} {100 * right / max(len(hits), 1):6.1f} "
              f"{100 * right / max(gold_new, 1):6.1f} {len(touched):20d}")


def no_cue_spans(scorer, docs, preds):
    """{doc index: [(gold id, cue span)]} of the gold attributions (all types) with no cue found."""
    import attribution_errors as AE

    gold_docs = {d["doc_id"]: d for d in docs}
    missed, _, _ = AE.analyse(scorer, gold_docs, preds, ("direct", "indirect", "mixed"))
    by_doc = {d["doc_id"]: k for k, d in enumerate(docs)}
    out: dict[int, list] = {}
    for r, _, _, _, doc_id, g, _ in missed:
        if r == "no cue":
            out.setdefault(by_doc[doc_id], []).extend((id(g), tuple(c)) for c in g["cue"])
    return out


def tail(scorer, splits, lex, skip) -> None:
    """Why the gold indirect attributions with no cue found lack one, by their cue's first
    content word: a lexicon word the rules turned down, function words only, or a word by how
    often it lies inside a gold cue on train (all its uses outside quotes)."""
    import attribution_errors as AE

    gold, uses = Counter(), Counter()
    for d in splits["train"][0]:
        spans = [(a, b) for g in d["attributions"] for a, b in g["cue"]]
        for sent in doc_tokens(d["text"]):
            for s, _, tok, q in sent:
                if not q and tok[0].isalpha():
                    uses[tok.lower()] += 1
                    gold[tok.lower()] += any(a <= s < b for a, b in spans)
    for name, (docs, preds) in splits.items():
        gold_docs = {d["doc_id"]: d for d in docs}
        missed, _, _ = AE.analyse(scorer, gold_docs, preds, ("indirect",))
        why, heads = Counter(), Counter()
        for r, _, _, _, doc_id, g, _ in missed:
            if r != "no cue":
                continue
            text = gold_docs[doc_id]["text"]
            words = [m.group().lower() for a, b in g["cue"] for m in TOKEN.finditer(text, a, b)]
            content = [w for w in words if w[0].isalpha() and len(w) >= 3 and w not in skip]
            if any(w in lex for w in words):
                why["a lexicon word (turned down)"] += 1
                continue
            if not content:
                why["function words only"] += 1
                continue
            w = content[0]
            heads[w] += 1
            rate = gold[w] / max(uses[w], 1)
            why["never in a train gold cue" if not gold[w] else "train rate >= 0.5" if rate >= 0.5
                else "train rate 0.2-0.5" if rate >= 0.2 else "train rate < 0.2"] += 1
        print(f"\n{name}: {sum(why.values())} gold indirect with no cue found; {len(heads)} distinct "
              f"first words, {sum(1 for n in heads.values() if n == 1)} of them once")
        for k, n in why.most_common():
            print(f"  {n:5d}  {k}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--min-word", type=int, default=5, help="train uses for a word's own feature")
    ap.add_argument("--min-feat", type=int, default=3)
    ap.add_argument("--epochs", type=int, default=6)
    ap.add_argument("--l2", type=float, default=1e-3)
    ap.add_argument("--gate", action="store_true",
                    help="measure the lexicon cues the rules turn down instead (fit on those only)")
    ap.add_argument("--new-only", action="store_true",
                    help="fit on the tokens no lexicon cue or prediction has (the ones it would add)")
    ap.add_argument("--tail", action="store_true", help="also: why the no-cue gold lack a cue")
    args = ap.parse_args()
    loaded = load_newsdev()
    if loaded is None:
        print("newsdev not found (../shared/newsdev or $PRESSLENS_NEWSDEV): nothing to measure")
        return 0
    mod, folder = loaded
    scorer = mod.load_scorer(folder)
    lex = lexicon_classes()
    skip = FUNCTION | word_list("attribution_aux.txt") | word_list("attribution_stop.txt")
    splits = {}
    for name, file in (("train", "attributions_train.jsonl.gz"), ("dev", "attributions_dev.jsonl")):
        docs = mod.read_docs(folder / file)
        lines, _ = mod.predict(docs)
        preds = {line["doc_id"]: line["attributions"] for line in lines}
        splits[name] = (docs, preds)
    tdocs, tpreds = splits["train"]
    words = Counter(t.lower() for d in tdocs for s in doc_tokens(d["text"]) for _, _, t, q in s
                    if not q and t[0].islower())
    vocab = {w for w, n in words.items() if n >= args.min_word}
    train_rows = examples(tdocs, tpreds, lex, skip, vocab, args.gate)
    fitted = [r for r in train_rows if not r[2]] if args.new_only or args.gate else train_rows
    weights = fit(fitted, args.min_feat, args.epochs, args.l2)
    print(f"train: {len(train_rows)} tokens, {sum(r[1] for r in train_rows)} inside a gold cue; "
          f"{len(weights)} features kept")
    thresholds = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)
    for name in ("train", "dev"):
        docs, preds = splits[name]
        rows = train_rows if name == "train" else examples(docs, preds, lex, skip, vocab, args.gate)
        evaluate(name, rows, weights, docs, no_cue_spans(scorer, docs, preds), thresholds)
    if args.tail:
        tail(scorer, splits, lex, skip)
    return 0


if __name__ == "__main__":
    sys.exit(main())
