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
that speaker's variants must include every gold surface variant (given as the mentions table).

End to end: the same quote-cluster scores for ``presslens.analyze(five articles).compare()``,
with predicted quotes matched to gold quotes by span overlap, and the speakers checked per gold
person (one row each, no false merges, expected name); see ``score_end_to_end``.

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
    """Corpus-style tables (quotes, speakers, mentions) from the gold files; the mentions are
    the gold surface-variant occurrences."""
    label = {}
    srows, mrows = [], []
    for canon, info in speakers_gold["speakers"].items():
        per_doc: dict = {}
        for form, counts in info["surface_variants"].items():
            for doc in counts:
                per_doc.setdefault(doc, []).append(form)
        for doc in sorted(set(info["quoted_in"]) | set(info["mentioned_in"])):
            forms = per_doc.get(doc, [])
            lab = article_label(canon, forms) if info["kind"] == "person" else canon
            label[(doc, canon)] = lab
            srows.append({"doc_id": doc, "outlet": OUTLETS[doc[:3]], "speaker": lab,
                          "n_quotes": info["quotes_per_doc"].get(doc, 0), "n_mentions": len(forms),
                          "descriptions": [], "compound": None, "_gold": canon})
            for start, end, text in info.get("occurrences", {}).get(doc, []):
                mrows.append({"doc_id": doc, "outlet": OUTLETS[doc[:3]], "speaker": lab,
                              "start": start, "end": end, "text": text})
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
    mdf = pd.DataFrame(mrows).sort_values(["doc_id", "start"], kind="stable")
    return pd.DataFrame(qrows), pd.DataFrame(srows), mdf.reset_index(drop=True)


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
    qdf, sdf, mdf = tables(quotes, speakers_gold)
    cmp = presslens.Comparison.from_tables(qdf, sdf.drop(columns=["_gold"]), mdf)
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
                if lab in row.variants or lab == row.name]
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


ARTICLES = ROOT / "examples" / "articles"


def end_to_end():
    """``presslens.analyze`` on the five articles (doc_id = file name) and its ``.compare()``."""
    paths = sorted(ARTICLES.glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in paths]
    corpus = presslens.analyze(texts, id=[p.name for p in paths],
                               outlet=[OUTLETS[p.name[:3]] for p in paths])
    return corpus, corpus.compare()


def match_quotes(pred, quotes):
    """Each predicted quote row -> the gold quote (index into ``quotes``) of the same document
    it overlaps most, or None."""
    by_doc: dict = {}
    for i, q in enumerate(quotes):
        by_doc.setdefault(q["doc"], []).append(i)
    out = []
    for doc, start, end in zip(pred["doc_id"], pred["start"], pred["end"]):
        best, best_ov = None, 0
        for i in by_doc.get(doc, []):
            ov = min(end, quotes[i]["end"]) - max(start, quotes[i]["start"])
            if ov > best_ov:
                best, best_ov = i, ov
        out.append(best)
    return out


def expected_name(canon: str) -> str:
    """The gold canonical name, or the fuller form the articles write (the ``name`` rule:
    the fullest name form; NYT's "Vladimir V. Putin" adds a middle initial)."""
    return {"Vladimir Putin": "Vladimir V. Putin"}.get(canon, canon)


def score_end_to_end(verbose: bool = False) -> dict:
    """Quote clusters and speakers of ``analyze(articles).compare()`` against the gold.

    Predicted quotes are matched to gold quotes by span overlap (most overlap in the same
    article); a predicted pair is two predicted quotes sharing a cluster, counted as a pair of
    their gold quotes (an unmatched quote makes the pair a false positive). Speakers: the gold
    speaker of each matched gold quote gives, per (article, gold speaker), the Comparison
    speaker_id of the predicted quotes; each gold speaker must be one row, no row two gold
    speakers, and the row's name the expected one."""
    quotes, shared, speakers_gold = load()
    corpus, cmp = end_to_end()
    gold, of = gold_pairs(quotes, shared)
    q = corpus.quotes
    gid = match_quotes(q, quotes)
    key = {(d, s): (g if g is not None else ("unmatched", d, s))
           for d, s, g in zip(q["doc_id"], q["start"], gid)}
    pred = set()
    for _, grp in cmp.quote_clusters.groupby("cluster_id"):
        members = {key[(d, s)] for d, s in zip(grp["doc_id"], grp["start"])}
        ints = sorted(m for m in members if isinstance(m, int))
        pred |= set(itertools.combinations(ints, 2))
        # Pairs with an unmatched quote are wrong by construction.
        n_other = len(members) - len(ints)
        pred |= {("x", m, o) for m in members for o in members
                 if not isinstance(m, int) and m != o and n_other}
    p, r = prf(gold, pred)
    gold_in_clusters = {i for pair in gold for i in pair}
    matched = {g for g in gid if g is not None}

    # Speakers: (doc, gold speaker) -> Comparison speaker_id of its matched quotes (majority).
    spk = cmp.speakers
    per_entry: dict = {}
    for g, x in zip(gid, cmp.quotes["speaker_id"]):
        if g is not None and quotes[g]["speaker"] is not None and not pd.isna(x):
            per_entry.setdefault((quotes[g]["doc"], quotes[g]["speaker"]), []).append(int(x))
    entry_sid = {k: max(set(v), key=v.count) for k, v in per_entry.items()}
    rows_of: dict = {}
    for (d, canon), x in entry_sid.items():
        rows_of.setdefault(canon, set()).add(x)
    one_row = {c: len(v) == 1 for c, v in rows_of.items()}
    owners: dict = {}
    for c, v in rows_of.items():
        for x in v:
            owners.setdefault(x, set()).add(c)
    false_merges = sorted(sorted(v) for v in owners.values() if len(v) > 1)
    names = {c: spk.loc[spk.speaker_id == next(iter(v)), "name"].iloc[0]
             for c, v in rows_of.items() if len(v) == 1}
    wrong_names = {c: n for c, n in names.items() if n != expected_name(c)}
    cross = [c for c, info in speakers_gold["speakers"].items() if len(info["quoted_in"]) > 1]
    have = want = 0
    for c, v in rows_of.items():
        if len(v) != 1:
            continue
        variants = set(spk.loc[spk.speaker_id == next(iter(v)), "variants"].iloc[0])
        gv = set(speakers_gold["speakers"][c]["surface_variants"])
        have += len(gv & variants)
        want += len(gv)
    res = {
        "cluster_precision": p, "cluster_recall": r, "pairs_gold": len(gold),
        "pairs_pred": len(pred), "quotes_pred": len(q), "quotes_matched": len(matched),
        "quotes_gold": len(quotes), "cluster_quotes_matched": len(gold_in_clusters & matched),
        "cluster_quotes_gold": len(gold_in_clusters),
        "speakers_found": len(rows_of), "speakers_gold": len(speakers_gold["speakers"]),
        "cross_article": cross, "cross_article_one_row": all(one_row.get(c) for c in cross),
        "one_row": one_row, "false_merges": false_merges, "names": names,
        "wrong_names": wrong_names, "variant_recall": have / want if want else 1.0,
    }
    if verbose:
        texts = {i: quotes[i]["text"] for i in range(len(quotes))}
        for pair in sorted(pred - gold, key=str):
            a, b = pair[-2], pair[-1]
            print("FP", of.get(a) if isinstance(a, int) else a, of.get(b) if isinstance(b, int)
                  else b, "|", texts.get(a, "")[:60], "|", texts.get(b, "")[:60])
        for a, b in sorted(gold - pred):
            print("FN", of.get(a), of.get(b), "|", texts[a][:60], "|", texts[b][:60])
        print(spk[["speaker_id", "name", "variants", "n_docs", "n_quotes"]].to_string())
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
    e = score_end_to_end(verbose="-v" in sys.argv)
    print("end to end (presslens.analyze(articles).compare()):")
    print(f"  quotes: {e['quotes_matched']} of {e['quotes_gold']} gold quotes matched by span "
          f"overlap ({e['quotes_pred']} predicted), {e['cluster_quotes_matched']} of "
          f"{e['cluster_quotes_gold']} clustered gold quotes")
    print(f"  quote clusters: pairwise precision {e['cluster_precision']:.3f} "
          f"recall {e['cluster_recall']:.3f} ({e['pairs_pred']} predicted pairs, "
          f"{e['pairs_gold']} gold pairs)")
    print(f"  speakers: {e['speakers_found']} of {e['speakers_gold']} gold speakers found, "
          f"cross-article speakers one row each: {e['cross_article_one_row']}, "
          f"false merges: {e['false_merges']}, wrong names: {e['wrong_names']}, "
          f"gold surface variants found: {e['variant_recall']:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
