"""Snapshot every public function's output, and diff two snapshots: proof that a refactor
changes no output.

    python scripts/snapshot_outputs.py write before.jsonl.gz      # on the old build
    python scripts/snapshot_outputs.py write after.jsonl.gz       # on the new build
    python scripts/snapshot_outputs.py diff before.jsonl.gz after.jsonl.gz

Inputs: the five sample articles (examples/articles), the tests' own texts (sentence gold,
Golden Rules, the quote-style paragraphs, VADER reference sentences) and, when
``../shared/newsdev`` exists, its dev articles (``--train`` adds the 840 train articles). The
newsdev texts are read at run time and only their outputs are written to the snapshot file:
keep snapshots out of the repository (they contain article text).
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
import os
import pathlib
import sys
from typing import Any, Iterator

import presslens

ROOT = pathlib.Path(__file__).resolve().parent.parent


def _newsdev_dir() -> pathlib.Path:
    """``$PRESSLENS_NEWSDEV``, else ``../shared/newsdev`` (a worktree one level deeper looks one
    level up), as the scoring scripts find it."""
    env = os.environ.get("PRESSLENS_NEWSDEV")
    candidates = [pathlib.Path(env)] if env else []
    candidates += [ROOT.parent / "shared" / "newsdev", ROOT.parent.parent / "shared" / "newsdev"]
    return next((c for c in candidates if c.is_dir()), candidates[0])


NEWSDEV = _newsdev_dir()


def plain(x: Any) -> Any:
    """A JSON-able view of any presslens result: public attributes of objects, recursively."""
    if x is None or isinstance(x, (bool, int, float, str)):
        return x
    if isinstance(x, dict):
        return {str(k): plain(v) for k, v in x.items()}
    if isinstance(x, (list, tuple)):
        return [plain(v) for v in x]
    fields = {}
    for name in dir(x):
        if name.startswith("_"):
            continue
        value = getattr(x, name)
        if callable(value):
            continue
        fields[name] = plain(value)
    return {"__type__": type(x).__name__, **fields}


def _jsonl(path: pathlib.Path) -> Iterator[dict]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


def _style_paragraphs() -> list[str]:
    path = ROOT / "tests" / "test_quotes_styles.py"
    spec = importlib.util.spec_from_file_location("_styles", path)
    if spec is None or spec.loader is None:
        return []
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return [text for text, _ in getattr(module, "STYLES", [])]


def article_texts(train: bool) -> list[tuple[str, str]]:
    """(name, text) of every article-like input."""
    out = [(p.name, p.read_text(encoding="utf-8")) for p in sorted((ROOT / "examples" / "articles").glob("*.txt"))]
    for i, row in enumerate(_jsonl(ROOT / "tests" / "data" / "sentences_gold.jsonl")):
        if "text" in row:
            out.append((f"sentences_gold/{i}", row["text"]))
    rules = json.loads((ROOT / "tests" / "data" / "golden_rules_en.json").read_text(encoding="utf-8"))
    for i, rule in enumerate(rules if isinstance(rules, list) else rules.get("rules", [])):
        text = rule.get("text") or rule.get("input") if isinstance(rule, dict) else None
        if isinstance(text, str):
            out.append((f"golden/{i}", text))
    out += [(f"styles/{i}", t) for i, t in enumerate(_style_paragraphs())]
    splits = ["quotes_dev.jsonl"] + (["quotes_train.jsonl.gz"] if train else [])
    if not NEWSDEV.is_dir():
        # Say so: two snapshots taken with and without newsdev differ in size, not in outputs.
        print(f"note: {NEWSDEV} not found; snapshot without the newsdev articles", file=sys.stderr)
    for split in splits:
        path = NEWSDEV / split
        if path.exists():
            out += [(f"newsdev/{row['doc_id']}", row["text"]) for row in _jsonl(path)]
    return out


def records(train: bool) -> Iterator[dict]:
    articles = article_texts(train)
    texts = [t for _, t in articles]
    for name, text in articles:
        yield {"input": name, "fn": "split_sentences", "out": plain(presslens.split_sentences(text))}
        yield {"input": name, "fn": "extract_quotes", "out": plain(presslens.extract_quotes(text))}
        yield {"input": name, "fn": "speakers", "out": plain(presslens.speakers(text))}
        if hasattr(presslens, "extract_attributions"):
            yield {"input": name, "fn": "extract_attributions", "out": plain(presslens.extract_attributions(text))}
            try:
                nested = presslens.extract_attributions(text, nested=True)
            except TypeError:  # a build from before nested attributions
                nested = None
            if nested is not None:
                yield {"input": name, "fn": "extract_attributions(nested=True)", "out": plain(nested)}
        yield {"input": name, "fn": "sentence_sentiment", "out": plain(presslens.sentence_sentiment(text))}
        yield {"input": name, "fn": "polarity_scores", "out": plain(presslens.polarity_scores(text))}
    yield {"input": "*", "fn": "split_sentences_batch", "out": plain(presslens.split_sentences_batch(texts))}
    yield {"input": "*", "fn": "extract_quotes_batch", "out": plain(presslens.extract_quotes_batch(texts))}
    from presslens import _core

    yield {"input": "*", "fn": "analyze_columns", "out": plain(_core.analyze_columns(texts))}
    yield from _analyze_tables(texts)
    quotes = [q for t in texts for q in presslens.extract_quotes(t)]
    q_texts = [q.text for q in quotes]
    q_speakers = [q.speaker for q in quotes]
    yield {"input": "*", "fn": "cluster_quotes", "out": plain(presslens.cluster_quotes(q_texts, q_speakers))}
    yield {"input": "*", "fn": "quote_clusters", "out": plain(getattr(presslens, "cluster_members", presslens.quote_clusters)(q_texts, q_speakers))}
    names = [s.name for t in texts for s in presslens.speakers(t)]
    yield {"input": "*", "fn": "link_speakers", "out": plain(presslens.link_speakers(names))}
    vader = [row["text"] for row in _jsonl(ROOT / "tests" / "data" / "vader_reference.jsonl") if "text" in row]
    yield {"input": "vader_reference", "fn": "polarity_scores_batch", "out": plain(getattr(presslens, "polarity_scores_columns", presslens.polarity_scores_batch)(vader))}


def _analyze_tables(texts: list) -> Iterator[dict]:
    """Every table of ``presslens.analyze`` (when pandas is installed): dtypes and values."""
    if importlib.util.find_spec("pandas") is None:
        return
    corpus = presslens.analyze(texts, outlet=[f"outlet{i % 3}" for i in range(len(texts))])
    for name in ("documents", "sentences", "quotes", "speakers", "mentions", "attributions"):
        df = getattr(corpus, name)
        cols = {}
        for col in df.columns:
            values = df[col].astype(object).where(df[col].notna(), None).tolist()
            cols[col] = {"dtype": str(df[col].dtype), "values": plain(values)}
        yield {"input": "*", "fn": f"analyze.{name}", "out": cols}


def write(path: pathlib.Path, train: bool) -> None:
    n = 0
    with gzip.open(path, "wt", encoding="utf-8") as f:
        for rec in records(train):
            f.write(json.dumps(rec, ensure_ascii=False, sort_keys=True) + "\n")
            n += 1
    print(f"wrote {n} records to {path}")


def diff(a: pathlib.Path, b: pathlib.Path, show: int) -> int:
    left = {(r["input"], r["fn"]): r["out"] for r in _jsonl(a)}
    right = {(r["input"], r["fn"]): r["out"] for r in _jsonl(b)}
    keys = sorted(set(left) | set(right))
    differing = [k for k in keys if left.get(k, "<missing>") != right.get(k, "<missing>")]
    by_fn: dict[str, int] = {}
    for k in differing:
        by_fn[k[1]] = by_fn.get(k[1], 0) + 1
    print(f"{len(keys)} records compared, {len(differing)} differ")
    for fn, n in sorted(by_fn.items()):
        print(f"  {fn}: {n}")
    for k in differing[:show]:
        print(f"--- {k[0]} {k[1]}")
        print("  before:", json.dumps(left.get(k), ensure_ascii=False)[:600])
        print("  after: ", json.dumps(right.get(k), ensure_ascii=False)[:600])
    return 1 if differing else 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    w = sub.add_parser("write")
    w.add_argument("out", type=pathlib.Path)
    w.add_argument("--train", action="store_true", help="also the 840 newsdev train articles")
    d = sub.add_parser("diff")
    d.add_argument("before", type=pathlib.Path)
    d.add_argument("after", type=pathlib.Path)
    d.add_argument("--show", type=int, default=5)
    args = ap.parse_args(argv)
    if args.cmd == "write":
        write(args.out, args.train)
        return 0
    return diff(args.before, args.after, args.show)


if __name__ == "__main__":
    sys.exit(main())
