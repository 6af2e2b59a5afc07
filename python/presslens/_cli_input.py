"""The command line's inputs, read without pandas: .txt articles (files or folders), CSV/TSV,
JSONL and (with pyarrow) Parquet tables.

Only regular files are read (a FIFO or a link to a device is refused, never opened), an article
larger than the size limit is refused, and every error names its file.
"""

from __future__ import annotations

import csv
import json
import os
import pathlib
import stat
import sys
from typing import Any, Optional

TABLE_SUFFIXES = {".csv", ".tsv", ".jsonl", ".ndjson", ".parquet", ".pq"}


class UsageError(Exception):
    """A problem with the command line or the input files: one line, exit status 2."""


class Inputs:
    """Parallel lists: doc_id (str), outlet (str or None), text (str or None when missing)."""

    def __init__(self) -> None:
        self.doc_ids: list[str] = []
        self.outlets: list[Optional[str]] = []
        self.texts: list[Optional[str]] = []
        self.files: set[str] = set()  # every input file read, as a resolved path

    def add(self, doc_id: str, outlet: Optional[str], text: Optional[str]) -> None:
        self.doc_ids.append(doc_id)
        self.outlets.append(outlet)
        self.texts.append(text)


def same_file(a: pathlib.Path, b: pathlib.Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _regular(path: pathlib.Path) -> os.stat_result:
    """stat() following links; refuse anything but a regular file (FIFO, device, socket)."""
    try:
        st = path.stat()
    except OSError as e:
        raise UsageError(f"{path}: {e.strerror or e}") from None
    if not stat.S_ISREG(st.st_mode):
        raise UsageError(f"{path}: not a regular file")
    return st


def _read_bytes(path: pathlib.Path, limit: Optional[int]) -> bytes:
    st = _regular(path)
    if limit is not None and st.st_size > limit:
        raise UsageError(
            f"{path}: {st.st_size:,} bytes is over the {limit:,}-byte limit for one article "
            "(raise it with --max-article-mb)"
        )
    try:
        with open(path, "rb") as f:
            data = f.read() if limit is None else f.read(limit + 1)
    except OSError as e:
        raise UsageError(f"{path}: {e.strerror or e}") from None
    if limit is not None and len(data) > limit:  # the file grew while we read it
        raise UsageError(f"{path}: over the {limit:,}-byte limit for one article")
    return data


def _decode(path: pathlib.Path, data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise UsageError(f"{path}: not UTF-8 text (byte {e.start})") from None


def sources(folder: pathlib.Path) -> dict:
    """file name -> outlet from an optional sources.csv next to the articles."""
    path = folder / "sources.csv"
    if not path.exists():
        return {}
    text = _decode(path, _read_bytes(path, None))
    try:
        rows = csv.DictReader(text.splitlines())
        fields = rows.fieldnames or []
        if not {"file", "outlet"} <= set(fields):
            raise UsageError(f"{path}: needs the columns 'file' and 'outlet'; it has: {', '.join(fields)}")
        return {r["file"]: r["outlet"] for r in rows if r.get("file") and r.get("outlet")}
    except csv.Error as e:
        raise UsageError(f"{path}: not valid CSV ({e})") from None


def _add_txt(inputs: Inputs, path: pathlib.Path, outlets: dict, limit: Optional[int]) -> None:
    text = _decode(path, _read_bytes(path, limit))
    inputs.files.add(str(path.resolve()))
    inputs.add(path.name, outlets.get(path.name, path.stem), text)


def _cell_text(v: Any) -> Optional[str]:
    """A table cell as text; None (or a float NaN) is missing, numbers become text."""
    if v is None or (isinstance(v, float) and v != v):
        return None
    return v if isinstance(v, str) else str(v)


def _table_rows(path: pathlib.Path) -> tuple[list[str], list[dict]]:
    """Column names and rows (dicts) of a CSV/TSV/JSONL/Parquet file."""
    suffix = path.suffix.lower()
    _regular(path)
    if suffix in (".parquet", ".pq"):
        try:
            import pyarrow.parquet as pq
        except ImportError:
            raise UsageError(f"{path}: reading Parquet needs pyarrow: pip install pyarrow") from None
        try:
            table = pq.read_table(path)
        except Exception as e:  # noqa: BLE001 - any parse failure is the user's file
            raise UsageError(f"{path}: cannot read PARQUET ({type(e).__name__}: {e})") from None
        return list(table.column_names), table.to_pylist()
    text = _decode(path, _read_bytes(path, None))
    if suffix in (".jsonl", ".ndjson"):
        rows, names = [], {}
        for n, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as e:
                raise UsageError(f"{path}: line {n}: cannot read JSONL ({e.msg})") from None
            if not isinstance(row, dict):
                raise UsageError(f"{path}: line {n}: not a JSON object")
            names.update(dict.fromkeys(row))
            rows.append(row)
        return list(names), rows
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    try:
        reader = csv.DictReader(text.splitlines(keepends=True), delimiter="\t" if suffix == ".tsv" else ",")
        rows = list(reader)
        return list(reader.fieldnames or []), rows
    except csv.Error as e:
        raise UsageError(f"{path}: cannot read {suffix[1:].upper()} ({e})") from None


def _add_table(inputs: Inputs, path: pathlib.Path, args: Any, qualify: bool) -> None:
    names, rows = _table_rows(path)
    for option, col in (("--text-column", args.text_column), ("--id-column", args.id_column),
                        ("--outlet-column", args.outlet_column)):  # fmt: skip
        if col is not None and col not in names:
            raise UsageError(f"{path}: no column {col!r} ({option}); columns are: {', '.join(map(str, names))}")
    outlet_col = args.outlet_column or ("outlet" if "outlet" in names else None)
    inputs.files.add(str(path.resolve()))
    for i, row in enumerate(rows):
        doc_id = _cell_text(row.get(args.id_column)) if args.id_column else None
        doc_id = str(i) if doc_id is None else doc_id
        outlet = _cell_text(row.get(outlet_col)) if outlet_col else path.stem
        inputs.add(f"{path.name}:{doc_id}" if qualify else doc_id, outlet or None,
                   _cell_text(row.get(args.text_column)))  # fmt: skip


def load(args: Any, out: Optional[pathlib.Path] = None) -> Inputs:
    """All inputs, in command-line order; ``out`` (the output file) is never read as input."""
    limit = None if args.max_article_mb is None else int(args.max_article_mb * 1024 * 1024)
    paths = [pathlib.Path(raw) for raw in args.paths]
    for raw, path in zip(args.paths, paths):
        if not os.path.lexists(path):
            raise UsageError(f"{raw}: no such file or directory")
        if not path.is_dir() and path.suffix.lower() != ".txt" and path.suffix.lower() not in TABLE_SUFFIXES:
            raise UsageError(
                f"{raw}: unsupported file type (use .txt, a folder of .txt, .csv, .tsv, .jsonl or .parquet)"
            )
    n_tables = sum(p.suffix.lower() in TABLE_SUFFIXES and not p.is_dir() for p in paths)
    has_txt = any(p.is_dir() or p.suffix.lower() == ".txt" for p in paths)
    qualify = n_tables + has_txt > 1  # row ids of different files would clash
    inputs = Inputs()
    for raw, path in zip(args.paths, paths):
        if path.is_dir():
            files = sorted(
                p for p in path.iterdir()
                if p.suffix.lower() == ".txt" and not p.is_dir()
                and not (out is not None and same_file(p, out))
            )  # fmt: skip
            if not files:
                raise UsageError(f"{raw}: folder has no .txt files")
            outlets = sources(path)
            for p in files:
                _add_txt(inputs, p, outlets, limit)
        elif path.suffix.lower() == ".txt":
            _add_txt(inputs, path, sources(path.parent), limit)
        else:
            _add_table(inputs, path, args, qualify)
    return inputs
