"""Score cross-outlet comparison against the gold fixtures.

Input: the gold quotes (tests/data/quotes_gold.jsonl: texts, kinds, mentions) with each
article's own name for every speaker (the fullest name form that article uses, e.g.
"Russian President Vladimir Putin", "President Volodymyr Zelensky", "Sen. chris Murphy"), plus
every surface form the article uses (speakers_gold.json), as Corpus tables would give them.

Quote clusters, pairwise over quote entries: a gold pair is two quotes that share at least
one gold cluster (shared_quotes_gold.json; a quote can be in several clusters), a predicted pair
two quotes that share at least one predicted cluster (Comparison.quote_clusters). Precision =
|gold ∩ predicted| / |predicted|, recall = |gold ∩ predicted| / |gold|. The same is printed for
the single-id `presslens.cluster_quotes` (where a quote carrying two remarks joins them).

Speakers: every (article, gold speaker) entry must land in one Comparison speaker with the
other entries of the same gold speaker (recall) and with no entry of another (precision), and
that speaker's variants must include every gold surface variant.

    python scripts/score_compare.py [-v]
"""

from __future__ import annotations

import itertools
import json
import pathlib
import sys

import pandas as pd

import presslens

ROOT = pathlib.Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
OUTLETS = {
    "000": "Peninsula Clarion (NYT)",
    "001": "NBC News",
    "002": "The New York Times",
    "003": "The Wall Street Journal",
    "004": "NOTUS",
}


def load():
    quotes = []
    with open(DATA / "quotes_gold.jsonl", encoding="utf-8") as f:
        for line in f:
            if line.strip():
                r = json.loads(line)
                for q in r["quotes"]:
                    quotes.append(dict(q, doc=r["doc"]))
    shared = json.loads((DATA / "shared_quotes_gold.json").read_text(encoding="utf-8"))
    speakers = json.loads((DATA / "speakers_gold.json").read_text(encoding="utf-8"))
    return quotes, shared, speakers


def article_label(canonical: str, variants: list) -> str:
    """The fullest form one article uses for a speaker: what a per-article extractor reports."""
    last = canonical.split()[-1][:5].lower()
    named = [v for v in variants if last in v.lower()]
    return max(named, key=len) if named else canonical


def tables(quotes, speakers_gold):
    """Corpus-style tables (issue-5 columns) from the gold files."""
    label = {}
    srows = []
    for canon, info in speakers_gold["speakers"].items():
        per_doc: dict = {}
        for form, counts in info["surface_variants"].items():
            for doc in counts:
                per_doc.setdefault(doc, []).append(form)
        for doc in set(info["quoted_in"]) | set(info["mentioned_in"]):
            forms = per_doc.get(doc, [])
            lab = article_label(canon, forms) if info["kind"] == "person" else canon
            label[(doc, canon)] = lab
            srows.append({"doc_id": doc, "outlet": OUTLETS[doc[:3]], "speaker": lab,
                          "n_quotes": info["quotes_per_doc"].get(doc, 0), "n_mentions": len(forms),
                          "descriptions": [f for f in forms if f != lab], "compound": None,
                          "_gold": canon})
    qrows = []
    n_in_doc: dict = {}
    for q in quotes:
        i = n_in_doc.get(q["doc"], 0)
        n_in_doc[q["doc"]] = i + 1
        sc = presslens.polarity_scores(q["text"])
        qrows.append({
            "doc_id": q["doc"], "outlet": OUTLETS[q["doc"][:3]], "quote": i,
            "start": q["start"], "end": q["end"], "text": q["text"], "kind": q["kind"],
            "speaker": label.get((q["doc"], q["speaker"])) if q["speaker"] else None,
            "mention": q["mention"], "mention_start": q["mention_start"],
            "mention_end": q["mention_end"], "cue": q["cue"], "sentence": 0,
            "neg": sc["neg"], "neu": sc["neu"], "pos": sc["pos"], "compound": sc["compound"],
        })
    return pd.DataFrame(qrows), pd.DataFrame(srows)


def gold_pairs(quotes, shared):
    idx = {(q["doc"], q["start"], q["end"]): i for i, q in enumerate(quotes)}
    pairs, of = set(), {}
    for c in shared:
        ids = sorted(idx[(m["doc"], m["start"], m["end"])] for m in c["members"])
        pairs |= set(itertools.combinations(ids, 2))
        for i in ids:
            of.setdefault(i, []).append(c["id"])
    return pairs, of


def prf(gold: set, pred: set):
    tp = len(gold & pred)
    return tp / len(pred) if pred else 1.0, tp / len(gold) if gold else 1.0


def score(verbose: bool = False) -> dict:
    quotes, shared, speakers_gold = load()
    qdf, sdf = tables(quotes, speakers_gold)
    cmp = presslens.Comparison.from_tables(qdf, sdf.drop(columns=["_gold"]))
    gold, of = gold_pairs(quotes, shared)
    pos = {(d, s): i for i, (d, s) in enumerate(zip(qdf["doc_id"], qdf["start"]))}
    pred = set()
    for _, grp in cmp.quote_clusters.groupby("cluster_id"):
        members = sorted({pos[(d, s)] for d, s in zip(grp["doc_id"], grp["start"])})
        pred |= set(itertools.combinations(members, 2))
    p, r = prf(gold, pred)
    ids = presslens.cluster_quotes(list(qdf["text"]), list(qdf["speaker"]))
    single = {(a, b) for a, b in itertools.combinations(range(len(ids)), 2) if ids[a] == ids[b]}
    p1, r1 = prf(gold, single)

    # Variant flags of predicted clusters that match a gold cluster (by best overlap).
    gvar = {c["id"]: c["variant"] for c in shared}
    agree = total = 0
    for _, grp in cmp.quote_clusters.groupby("cluster_id"):
        members = {pos[(d, s)] for d, s in zip(grp["doc_id"], grp["start"])}
        votes: dict = {}
        for m in members:
            for g in of.get(m, []):
                votes[g] = votes.get(g, 0) + 1
        if votes:
            g = max(votes, key=votes.get)
            total += 1
            agree += bool(grp["variant"].iloc[0]) == gvar[g]

    # Speakers.
    entry_pid = {}
    for doc, lab, canon in zip(sdf["doc_id"], sdf["speaker"], sdf["_gold"]):
        hits = [row.speaker_id for row in cmp.speakers.itertuples()
                if lab in row.variants]
        entry_pid[(doc, canon)] = hits
    ok_entries = all(len(h) == 1 for h in entry_pid.values())
    ent = [(k, h[0]) for k, h in entry_pid.items() if h]
    sp_gold = {(a, b) for (a, pa), (b, pb) in itertools.combinations(ent, 2) if a[1] == b[1]}
    sp_pred = {(a, b) for (a, pa), (b, pb) in itertools.combinations(ent, 2) if pa == pb}
    sp_p, sp_r = prf(sp_gold, sp_pred)
    missing_variants = []
    for canon, info in speakers_gold["speakers"].items():
        pids = {h[0] for (d, c), h in entry_pid.items() if c == canon and h}
        for pid in pids:
            have = set(cmp.speakers.loc[cmp.speakers.speaker_id == pid, "variants"].iloc[0])
            missing_variants += [(canon, v) for v in info["surface_variants"] if v not in have]

    res = {
        "cluster_precision": p, "cluster_recall": r, "pairs_gold": len(gold),
        "pairs_pred": len(pred), "single_id_precision": p1, "single_id_recall": r1,
        "variant_agreement": agree / total if total else 1.0, "variant_clusters": total,
        "speaker_pair_precision": sp_p, "speaker_pair_recall": sp_r,
        "speaker_entries_resolved": ok_entries, "speaker_missing_variants": missing_variants,
        "n_speakers": len(cmp.speakers), "n_gold_speakers": len(speakers_gold["speakers"]),
    }
    if verbose:
        texts = list(qdf["text"])
        for a, b in sorted(pred - gold):
            print("FP", of.get(a), of.get(b), "|", texts[a][:60], "|", texts[b][:60])
        for a, b in sorted(gold - pred):
            print("FN", of.get(a), of.get(b), "|", texts[a][:60], "|", texts[b][:60])
        print(cmp.speakers[["speaker_id", "name", "n_docs", "n_quotes"]].to_string())
    return res


def main() -> int:
    res = score(verbose="-v" in sys.argv)
    print(f"quote clusters (Comparison): pairwise precision {res['cluster_precision']:.3f} "
          f"recall {res['cluster_recall']:.3f} ({res['pairs_pred']} predicted pairs, "
          f"{res['pairs_gold']} gold pairs)")
    print(f"cluster_quotes single ids:   pairwise precision {res['single_id_precision']:.3f} "
          f"recall {res['single_id_recall']:.3f}")
    print(f"variant flag agrees with gold on {res['variant_agreement']:.3f} of "
          f"{res['variant_clusters']} matched clusters")
    print(f"speakers: {res['n_speakers']} linked (gold {res['n_gold_speakers']}), pairwise "
          f"precision {res['speaker_pair_precision']:.3f} recall {res['speaker_pair_recall']:.3f}, "
          f"every entry resolved: {res['speaker_entries_resolved']}, "
          f"missing variants: {res['speaker_missing_variants']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
