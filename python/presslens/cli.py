"""``presslens analyze PATH...``: articles in, one table out (terminal, CSV, JSONL, Parquet)."""

from __future__ import annotations

import argparse
import csv
import json
import pathlib
import shutil
import sys
from typing import Any, Optional, Sequence

TABLE_SUFFIXES = {".csv", ".tsv", ".jsonl", ".ndjson", ".parquet", ".pq"}
WHAT = ("quotes", "sentences", "speakers", "documents", "mentions")

# Terminal view per table: (column, header, fixed width or None for "the rest").
VIEWS = {
    "quotes": [("outlet", "outlet", 14), ("speaker", "speaker", 20), ("kind", "kind", 7),
               ("compound", "sent.", 6), ("text", "quote", None)],
    "sentences": [("doc_id", "doc", 16), ("sentence", "#", 4), ("compound", "sent.", 6),
                  ("text", "sentence", None)],
    "speakers": [("outlet", "outlet", 16), ("speaker", "speaker", 28), ("n_quotes", "quotes", 6),
                 ("n_mentions", "mentions", 8), ("compound", "sent.", 6),
                 ("descriptions", "descriptions", None)],
    "mentions": [("outlet", "outlet", 16), ("speaker", "speaker", 28), ("start", "start", 7),
                 ("text", "mention", None)],
    "documents": [("doc_id", "doc", 28), ("outlet", "outlet", 18), ("n_sentences", "sentences", 9),
                  ("n_quotes", "quotes", 6), ("n_speakers", "speakers", 8),
                  ("compound", "sent.", 6)],
}  # fmt: skip


class UsageError(Exception):
    """A problem with the command line or the input files: one line, exit status 2."""


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="presslens",
        description="News articles to structured evidence: quotes, speakers, sentiment.",
    )
    from presslens import __version__

    p.add_argument("--version", action="version", version=f"presslens {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    a = sub.add_parser(
        "analyze",
        help="analyse articles and print or write one table",
        description=(
            "Analyse .txt articles (files or folders of them) or a CSV/TSV/JSONL/Parquet file "
            "with a text column, and print or write one table. A .txt file's outlet is its "
            "file name stem, unless its folder has a sources.csv with columns 'file' and "
            "'outlet'."
        ),
    )
    a.add_argument("paths", nargs="+", metavar="PATH", help=".txt file, folder, or table file")
    a.add_argument("--format", choices=("table", "csv", "jsonl", "parquet"), default="table",
                   help="output format (default: a table for the terminal)")  # fmt: skip
    a.add_argument("--out", metavar="FILE", help="write to FILE instead of standard output")
    a.add_argument("--what", choices=WHAT, default="quotes", help="which table (default: quotes)")
    a.add_argument("--text-column", default="text", metavar="COL",
                   help="text column of table files (default: text)")  # fmt: skip
    a.add_argument("--id-column", metavar="COL", help="id column of table files")
    a.add_argument("--outlet-column", metavar="COL",
                   help="outlet column of table files (default: 'outlet' if present)")  # fmt: skip
    a.add_argument("--threads", type=int, metavar="N", help="worker threads (default: all cores)")
    a.add_argument("--no-progress", action="store_true", help="never show a progress bar")
    return p


def _sources(folder: pathlib.Path) -> dict:
    """file name -> outlet from an optional sources.csv next to the articles."""
    path = folder / "sources.csv"
    if not path.is_file():
        return {}
    with open(path, newline="", encoding="utf-8") as f:
        rows = csv.DictReader(f)
        if not rows.fieldnames or not {"file", "outlet"} <= set(rows.fieldnames):
            return {}
        return {r["file"]: r["outlet"] for r in rows if r.get("file") and r.get("outlet")}


def _read_txt(path: pathlib.Path, sources: dict) -> dict:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise UsageError(f"{path}: not UTF-8 text") from None
    return {"doc_id": path.name, "outlet": sources.get(path.name, path.stem), "text": text}


def _read_table(path: pathlib.Path, args: argparse.Namespace, pd: Any) -> Any:
    suffix = path.suffix.lower()
    try:
        if suffix == ".csv":
            df = pd.read_csv(path)
        elif suffix == ".tsv":
            df = pd.read_csv(path, sep="\t")
        elif suffix in (".jsonl", ".ndjson"):
            df = pd.read_json(path, lines=True)
        else:
            df = pd.read_parquet(path)
    except ImportError as e:
        raise UsageError(f"{path}: reading Parquet needs pyarrow: pip install pyarrow ({e})") from None
    except Exception as e:  # noqa: BLE001 - any parse failure is the user's file, say so in one line
        raise UsageError(f"{path}: cannot read {suffix[1:].upper()} ({type(e).__name__}: {e})") from None
    cols = list(df.columns)
    for option, col in (("--text-column", args.text_column), ("--id-column", args.id_column),
                        ("--outlet-column", args.outlet_column)):  # fmt: skip
        if col is not None and col not in df.columns:
            raise UsageError(f"{path}: no column {col!r} ({option}); columns are: {', '.join(map(str, cols))}")
    out = pd.DataFrame({"text": df[args.text_column]})
    out["doc_id"] = df[args.id_column] if args.id_column else range(len(df))
    outlet_col = args.outlet_column or ("outlet" if "outlet" in df.columns else None)
    out["outlet"] = df[outlet_col] if outlet_col else path.stem
    # Non-str cells (numbers in a text column) are the file's problem: keep them as text.
    out["text"] = out["text"].map(lambda v: v if isinstance(v, str) or pd.isna(v) else str(v))
    return out


def load(args: argparse.Namespace, pd: Any) -> Any:
    """All inputs as one DataFrame with doc_id, outlet and text."""
    tables = []
    txt_rows = []
    for raw in args.paths:
        path = pathlib.Path(raw)
        if not path.exists():
            raise UsageError(f"{raw}: no such file or directory")
        if path.is_dir():
            files = sorted(p for p in path.iterdir() if p.suffix.lower() == ".txt" and p.is_file())
            if not files:
                raise UsageError(f"{raw}: folder has no .txt files")
            sources = _sources(path)
            txt_rows.extend(_read_txt(p, sources) for p in files)
        elif path.suffix.lower() == ".txt":
            txt_rows.append(_read_txt(path, _sources(path.parent)))
        elif path.suffix.lower() in TABLE_SUFFIXES:
            tables.append((path, _read_table(path, args, pd)))
        else:
            raise UsageError(
                f"{raw}: unsupported file type (use .txt, a folder of .txt, .csv, .tsv, .jsonl or .parquet)"
            )
    frames = []
    if txt_rows:
        frames.append(pd.DataFrame(txt_rows, columns=["doc_id", "outlet", "text"]))
    for path, f in tables:
        if len(tables) + bool(txt_rows) > 1:
            # Row ids of different files would clash: qualify them with the file name.
            f["doc_id"] = [f"{path.name}:{v}" for v in f["doc_id"]]
        frames.append(f)
    df = pd.concat(frames, ignore_index=True)
    df["doc_id"] = df["doc_id"].astype(str)
    return df


def _cell(v: Any) -> str:
    if isinstance(v, float):
        return "" if v != v else f"{v:+.2f}"
    if isinstance(v, (list, tuple)):
        return "; ".join(map(str, v))
    if v is None:
        return ""
    try:
        import pandas as pd

        if pd.isna(v):
            return ""
    except (ImportError, TypeError, ValueError):
        pass
    return " ".join(str(v).split())


def _fit(s: str, width: int) -> str:
    return s if len(s) <= width else s[: max(width - 1, 0)] + "…"


def render_table(df: Any, what: str, width: Optional[int] = None) -> str:
    """A plain-text table sized to the terminal: fixed columns, the long one truncated."""
    width = width or shutil.get_terminal_size((120, 24)).columns
    view = VIEWS[what]
    fixed = sum(w for _, _, w in view if w) + 2 * (len(view) - 1)
    rest = max(width - fixed, 20)
    widths = [w or rest for _, _, w in view]
    rows = [[_cell(v) for v in r] for r in df[[c for c, _, _ in view]].itertuples(index=False)]
    # Shrink fixed columns to their content where it is narrower.
    for j, (_, header, w) in enumerate(view):
        if w:
            widths[j] = min(w, max([len(header)] + [len(r[j]) for r in rows]))
    if view[-1][2] is None:
        widths[-1] = max(width - sum(widths[:-1]) - 2 * (len(view) - 1), 20)
    right = {"compound", "n_quotes", "n_mentions", "n_sentences", "n_speakers", "sentence",
             "start"}

    def line(cells: list) -> str:
        out = []
        for (col, _, _), w, c in zip(view, widths, cells):
            c = _fit(c, w)
            out.append(c.rjust(w) if col in right else c.ljust(w))
        return "  ".join(out).rstrip()

    lines = [line([h for _, h, _ in view]), "  ".join("─" * w for w in widths)]
    lines += [line(r) for r in rows]
    return "\n".join(lines)


def _flat(df: Any) -> Any:
    """Lists (speaker descriptions) as '; '-joined text for CSV."""
    if "descriptions" in df.columns:
        df = df.copy()
        df["descriptions"] = df["descriptions"].map(lambda v: "; ".join(v))
    return df


def _plain(v: Any) -> Any:
    """A JSON value: numpy scalars to Python, missing to None, lists kept."""
    if isinstance(v, (list, tuple)):
        return list(v)
    if hasattr(v, "item"):
        v = v.item()
    if v is None or (isinstance(v, float) and v != v):
        return None
    try:
        import pandas as pd

        if v is pd.NA or v is pd.NaT:
            return None
    except ImportError:
        pass
    return v


def _records(df: Any):
    cols = list(df.columns)
    for row in df.itertuples(index=False, name=None):
        yield {c: _plain(v) for c, v in zip(cols, row)}


def write(df: Any, args: argparse.Namespace, n_docs: int) -> None:
    fmt, out = args.format, args.out
    if fmt == "parquet":
        if not out:
            raise UsageError("--format parquet needs --out FILE")
        try:
            df.to_parquet(out, index=False)
        except ImportError:
            raise UsageError("writing Parquet needs pyarrow: pip install pyarrow") from None
        return
    if fmt == "csv":
        text = _flat(df).to_csv(index=False)
    elif fmt == "jsonl":
        text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in _records(df))
    else:
        width = 160 if out else None
        text = render_table(df, args.what, width)
        text += f"\n({len(df)} {args.what}"
        text += ")\n" if args.what == "documents" else f" from {n_docs} document{'s' * (n_docs != 1)})\n"
    if out:
        with open(out, "w", encoding="utf-8", newline="") as f:
            f.write(text)
    else:
        sys.stdout.write(text)


def run_analyze(args: argparse.Namespace) -> int:
    try:
        import pandas as pd
    except ImportError:
        raise UsageError("the command line needs pandas: pip install presslens[pandas]") from None
    from presslens.corpus import analyze

    df = load(args, pd)
    if args.threads is not None and args.threads < 1:
        raise UsageError("--threads must be at least 1")
    progress = False if args.no_progress else (None if sys.stderr.isatty() else False)
    corpus = analyze(df, text="text", id="doc_id", outlet="outlet", progress=progress,
                     n_threads=args.threads)  # fmt: skip
    write(getattr(corpus, args.what), args, len(corpus))
    return 0


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Entry point of ``presslens`` and ``python -m presslens``; returns the exit status.

    Examples:
        >>> main(["analyze", "examples/articles", "--what", "documents", "--format", "csv",
        ...       "--out", "documents.csv"])  # doctest: +SKIP
        0
    """
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(sys.stderr)
        return 2
    try:
        return run_analyze(args)
    except UsageError as e:
        print(f"presslens: error: {e}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    except OSError as e:
        print(f"presslens: error: {e.filename or ''}: {e.strerror or e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("presslens: interrupted", file=sys.stderr)
        return 130
