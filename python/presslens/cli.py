"""``presslens analyze PATH...``: articles in, one table out (terminal, CSV, JSONL, Parquet)."""

from __future__ import annotations

import argparse
import pathlib
import sys
from typing import Optional, Sequence

from presslens._cli_input import TABLE_SUFFIXES, UsageError, load, same_file  # noqa: F401
from presslens._cli_output import VIEWS, Table, build_table, render_table, write  # noqa: F401

WHAT = ("quotes", "sentences", "speakers", "documents", "mentions", "attributions")


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
    a.add_argument("--nested", action="store_true",
                   help="attributions nested in others' contents are rows of the attributions table "
                        "(and count in speakers' n_direct/n_indirect)")
    a.add_argument("--threads", type=int, metavar="N", help="worker threads (default: all cores)")
    a.add_argument("--no-progress", action="store_true", help="never show a progress bar")
    a.add_argument("--max-article-mb", type=float, default=64.0, metavar="MB",
                   help="refuse a .txt article larger than this (default: 64)")  # fmt: skip
    return p


def run_analyze(args: argparse.Namespace) -> int:
    """Read the inputs, analyse them in chunks (Ctrl-C between chunks), write one table.

    Needs no optional package: tables are built from the Rust columns as plain rows, and only
    Parquet (in or out) needs pyarrow.
    """
    from presslens import _names, _tables

    if args.threads is not None:
        from presslens import _core

        try:
            _core._check_n_threads(args.threads)
        except ValueError as e:
            raise UsageError(f"--threads: {e}") from None
    if args.max_article_mb is not None and not args.max_article_mb > 0:
        raise UsageError("--max-article-mb must be positive")
    out = pathlib.Path(args.out) if args.out else None
    inputs = load(args, out)
    if out is not None and any(same_file(out, pathlib.Path(f)) for f in inputs.files):
        raise UsageError(f"{args.out}: is one of the inputs; write the output to another file")
    if args.format == "parquet" and out is None:
        raise UsageError("--format parquet needs --out FILE")
    progress = False if args.no_progress else (None if sys.stderr.isatty() else False)
    cols = _tables.run_columns(inputs.texts, progress=progress, n_threads=args.threads,
                               nested=args.nested)  # fmt: skip
    _names.resolve_speakers(cols)  # surnames completed across the inputs, as analyze() does
    table = build_table(args.what, inputs, cols)
    write(table, args.format, args.what, out, len(inputs.texts), sys.stdout)
    return 0


def _utf8_stdout() -> None:
    """Tables go out as UTF-8 (news text is full of curly quotes): a pipe or file on a system
    whose locale encoding is not UTF-8 (Windows' ANSI code page) would otherwise fail."""
    enc = (getattr(sys.stdout, "encoding", None) or "").lower().replace("-", "")
    if enc != "utf8" and hasattr(sys.stdout, "reconfigure"):
        try:
            sys.stdout.reconfigure(encoding="utf-8")
        except (ValueError, OSError):
            pass


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Entry point of ``presslens`` and ``python -m presslens``; returns the exit status.

    Examples:
        >>> main(["analyze", "examples/articles", "--what", "documents", "--format", "csv",
        ...       "--out", "documents.csv"])  # doctest: +SKIP
        0
    """
    _utf8_stdout()
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
        where = f"{e.filename}: " if e.filename else ""
        print(f"presslens: error: {where}{e.strerror or e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("presslens: interrupted", file=sys.stderr)
        return 130
