"""Cross-outlet quote clusters and coverage tables, and the word keys they compare by.

Internal to :mod:`presslens.compare`: a quote's words are folded to comparison keys (case,
apostrophe style and punctuation aside), continuation quotes are joined into one remark, and
the Rust ``cluster_members`` groups remarks that several outlets carry.
"""

from __future__ import annotations

import difflib
import re
from typing import Any, Optional

from presslens import _optional, _tables
from presslens._core import cluster_members

_WORD = re.compile(r"[\w][\w’'ʼ.\-]*[\w]|[\w]")
# A continuation quote: “…,” Putin said, “and open the way …” is one remark in two entries.
_CONTINUATION_GAP = 200


def _toks(text: str) -> list[tuple[str, str]]:
    """Whitespace tokens as written, each with its comparison key (case, apostrophe style and
    punctuation folded); tokens of punctuation alone are left out."""
    out = []
    for tok in (text or "").split():
        key = " ".join(_WORD.findall(tok)).lower().replace("’", "'").replace("ʼ", "'")
        if key:
            out.append((tok, key))
    return out


def _words(text: str) -> list[str]:
    """Comparison keys of a text's words."""
    return [k for _, k in _toks(text)]


def _is_missing(x: Any) -> bool:
    """None, NaN, pd.NA or NaT: a missing cell of any pandas column type (``Int64`` speaker
    ids hold ``pd.NA``), the same rule as the tables use."""
    if x is None or (isinstance(x, float) and x != x):
        return True
    return _tables._is_missing(x, _optional.pandas())


def _diff_ops(ref: str, text: str) -> list[tuple[str, list[str], list[str]]]:
    """difflib opcodes over word keys, carrying the words as written."""
    a, b = _toks(ref), _toks(text)
    sm = difflib.SequenceMatcher(a=[k for _, k in a], b=[k for _, k in b], autojunk=False)
    return [
        (op, [w for w, _ in a[i1:i2]], [w for w, _ in b[j1:j2]])
        for op, i1, i2, j1, j2 in sm.get_opcodes()
    ]


def _differs(ops: list[tuple[str, list[str], list[str]]]) -> bool:
    """True when two renderings use different words for the part both quote. Words that only
    one side has at either edge are "quoted more or less", not a different wording."""
    inner = list(ops)
    while inner and inner[0][0] in ("insert", "delete"):
        inner.pop(0)
    while inner and inner[-1][0] in ("insert", "delete"):
        inner.pop()
    return any(op != "equal" for op, _, _ in inner)


def _units(spoken: Any) -> tuple[list[str], list[Optional[str]], list[list[tuple[int, int, int]]]]:
    """Join continuation quotes into one text per remark-bearing unit.

    Returns unit texts, unit speakers and, per unit, ``(row, offset, length)`` of each quote.
    """
    texts: list[str] = []
    sps: list[Optional[str]] = []
    parts: list[list[tuple[int, int, int]]] = []
    order = spoken.sort_values(["doc_id", "start"], kind="stable") if len(spoken) else spoken
    prev = None
    for row, doc, start, end, text, sp, kind in zip(
        order.index, order["doc_id"], order["start"], order["end"], order["text"],
        order["speaker_id"], order["kind"],
    ):
        text = "" if _is_missing(text) else str(text)
        sp = None if _is_missing(sp) else f"#{int(sp)}"
        # Only direct quotes continue each other: partial quotes are the writer's sentence.
        cont = (
            kind == "direct"
            and prev is not None
            and prev[3] == "direct"
            and prev[0] == doc
            and sp is not None
            and prev[1] == sp
            and 0 <= start - prev[2] <= _CONTINUATION_GAP
            and text[:1].islower()
            and texts[-1].rstrip()[-1:] in (",", "—", "–", "-", ":", ";")
        )
        if cont:
            off = len(texts[-1]) + 1
            texts[-1] = texts[-1] + " " + text
            parts[-1].append((row, off, len(text)))
        else:
            texts.append(text)
            sps.append(sp)
            parts.append([(row, 0, len(text))])
        prev = (doc, sp, end, kind)
    return texts, sps, parts


def _reference(parts: list[str]) -> str:
    """The most common wording (case and punctuation aside); ties go to the longest."""
    count: dict[tuple[str, ...], int] = {}
    for p in parts:
        k = tuple(_words(p))
        count[k] = count.get(k, 0) + 1
    return max(parts, key=lambda p: (count[tuple(_words(p))], len(_words(p)), p))


def _cluster(pd: Any, spoken: Any, n_threads: Optional[int]) -> Any:
    cols = ["cluster_id", "doc_id", "outlet", "quote", "start", "end", "text", "speaker_id",
            "part", "cluster_text", "variant"]
    texts, sps, parts = _units(spoken)
    r = cluster_members(texts, sps, n_threads=n_threads)
    rows = []
    seen = set()
    for cid, unit, s, e in zip(r["cluster"], r["quote"], r["start"], r["end"]):
        for row, off, n in parts[unit]:
            a, b = max(s, off), min(e, off + n)
            if a >= b or (cid, row) in seen:
                continue
            seen.add((cid, row))
            rows.append((cid, row, texts[unit][a:b]))
    if not rows:
        return pd.DataFrame(columns=cols)
    src = spoken.loc[[row for _, row, _ in rows]]
    out = pd.DataFrame(
        {
            "cluster_id": [c for c, _, _ in rows],
            "doc_id": src["doc_id"].to_numpy(),
            "outlet": src["outlet"].to_numpy(),
            "quote": src["quote"].to_numpy(),
            "start": src["start"].to_numpy(),
            "end": src["end"].to_numpy(),
            "text": src["text"].to_numpy(),
            "speaker_id": src["speaker_id"].to_numpy(),
            "part": [p for _, _, p in rows],
        }
    )
    # A unit whose quotes all fell into one doc's single quote is no longer a cluster.
    out = out[out.groupby("cluster_id")["cluster_id"].transform("size") >= 2]
    refs, variant = {}, {}
    for cid, grp in out.groupby("cluster_id", sort=False):
        ref = _reference(list(grp["part"]))
        refs[cid] = ref
        variant[cid] = any(_differs(_diff_ops(ref, p)) for p in grp["part"])
    out["cluster_text"] = out["cluster_id"].map(refs)
    out["variant"] = out["cluster_id"].map(variant).astype(bool)
    # Renumber densely, in order of the clusters' first appearance.
    first = {c: i for i, c in enumerate(dict.fromkeys(out["cluster_id"]))}
    out["cluster_id"] = out["cluster_id"].map(first)
    out["speaker_id"] = out["speaker_id"].astype("Int64")
    return out.sort_values(["cluster_id", "doc_id", "start"], kind="stable").reset_index(drop=True)[cols]


def _coverage(pd: Any, spoken: Any, names: list[str]) -> Any:
    cols = ["outlet", "speaker_id", "name", "n_quotes", "quoted_words", "share_of_quotes",
            "compound"]
    q = spoken[spoken["speaker_id"].notna()].copy()
    if q.empty:
        return pd.DataFrame(columns=cols)
    q["_words"] = [len(_words(t)) if not _is_missing(t) else 0 for t in q["text"]]
    if "compound" not in q.columns:
        q["compound"] = float("nan")
    g = q.groupby(["outlet", "speaker_id"], sort=True)
    cov = g.agg(n_quotes=("text", "size"), quoted_words=("_words", "sum"),
                compound=("compound", "mean")).reset_index()
    total = spoken.groupby("outlet")["text"].size()
    cov["share_of_quotes"] = cov["n_quotes"] / cov["outlet"].map(total)
    cov["name"] = [names[int(i)] for i in cov["speaker_id"]]
    cov["speaker_id"] = cov["speaker_id"].astype("Int64")
    return cov[cols]
