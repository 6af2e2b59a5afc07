"""The command line's outputs, written without pandas: tables as rows straight from the Rust
columns, rendered for the terminal or written as CSV, JSONL or (with pyarrow) Parquet.

A file output is written to a temporary file in the target's folder and renamed into place
only when complete, so a failed run (full disk, Ctrl-C) never leaves a truncated file or
truncates an existing one, and an output that is a symlink is replaced, not followed.
"""

from __future__ import annotations

import csv
import io
import json
import math
import os
import pathlib
import re
import shutil
import tempfile
from typing import Any, Callable, Iterable, Iterator, Optional

from presslens import _tables
from presslens._cli_input import Inputs, UsageError

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
    "attributions": [("outlet", "outlet", 14), ("speaker", "speaker", 20), ("kind", "kind", 8),
                     ("cue", "cue", 12), ("compound", "sent.", 6), ("text", "content", None)],
    "documents": [("doc_id", "doc", 28), ("outlet", "outlet", 18), ("n_sentences", "sentences", 9),
                  ("n_quotes", "quotes", 6), ("n_speakers", "speakers", 8),
                  ("compound", "sent.", 6)],
}  # fmt: skip
RIGHT_ALIGNED = {"compound", "n_quotes", "n_mentions", "n_sentences", "n_speakers", "sentence", "start"}
COLUMNS = {
    "documents": _tables.DOCUMENT_COLUMNS,
    "sentences": _tables.SENTENCE_COLUMNS,
    "quotes": _tables.QUOTE_COLUMNS,
    "speakers": _tables.SPEAKER_COLUMNS,
    "mentions": _tables.MENTION_COLUMNS,
    "attributions": _tables.ATTRIBUTION_COLUMNS,
}
_SURROGATE = re.compile("[\ud800-\udfff]")


class Table:
    """One output table as rows of plain Python values (None where missing)."""

    def __init__(self, columns: list, rows: list) -> None:
        self.columns = columns
        self.rows = rows

    def __len__(self) -> int:
        return len(self.rows)

    @classmethod
    def from_frame(cls, df: Any) -> "Table":
        return cls(list(df.columns), [tuple(r) for r in df.itertuples(index=False, name=None)])


def build_table(what: str, inputs: Inputs, cols: dict) -> Table:
    """The ``what`` table of :func:`presslens.analyze`, from ``_tables.run_columns`` output."""
    names = COLUMNS[what]
    if what == "documents":
        d = cols["documents"]
        by_pos = {pos: i for i, pos in enumerate(d["doc"])}
        rows = []
        for pos, (doc_id, outlet) in enumerate(zip(inputs.doc_ids, inputs.outlets)):
            i = by_pos.get(pos)
            counts = [0, 0, 0] if i is None else [d[n][i] for n in ("n_sentences", "n_quotes", "n_speakers")]
            rows.append((doc_id, outlet, *counts, math.nan if i is None else d["compound"][i]))
        return Table(names, rows)
    c = cols[what]
    per_doc = {"doc_id": inputs.doc_ids, "outlet": inputs.outlets}
    columns = [
        [per_doc[n][pos] for pos in c["doc"]] if n in per_doc else c[n] for n in names
    ]  # fmt: skip
    return Table(names, list(zip(*columns)) if columns and c["doc"] else [])


def _text(v: Any) -> str:
    # A lone surrogate (web scrapes) cannot be written as UTF-8: one U+FFFD each, so the
    # text keeps its length and offsets still count the same characters.
    return _SURROGATE.sub("\ufffd", v) if isinstance(v, str) else v


def _cell(v: Any) -> str:
    if isinstance(v, float):
        return "" if v != v else f"{v:+.2f}"
    if isinstance(v, (list, tuple)):
        return "; ".join(map(str, v))
    if v is None:
        return ""
    if isinstance(v, (str, int)):
        return " ".join(_text(str(v)).split())
    try:  # pd.NA / NaT cells of a DataFrame given to render_table
        import pandas as pd

        if pd.isna(v):
            return ""
    except (ImportError, TypeError, ValueError):
        pass
    return " ".join(_text(str(v)).split())


def _fit(s: str, width: int) -> str:
    return s if len(s) <= width else s[: max(width - 1, 0)] + "…"


def render_table(table: Any, what: str, width: Optional[int] = None) -> str:
    """A plain-text table sized to the terminal: fixed columns, the long one truncated.

    ``table`` is a :class:`Table` or a pandas DataFrame with the view's columns.
    """
    if not isinstance(table, Table):
        table = Table.from_frame(table)
    width = width or shutil.get_terminal_size((120, 24)).columns
    view = VIEWS[what]
    index = [table.columns.index(c) for c, _, _ in view]
    fixed = sum(w for _, _, w in view if w) + 2 * (len(view) - 1)
    rest = max(width - fixed, 20)
    widths = [w or rest for _, _, w in view]
    rows = [[_cell(r[j]) for j in index] for r in table.rows]
    # Shrink fixed columns to their content where it is narrower.
    for j, (_, header, w) in enumerate(view):
        if w:
            widths[j] = min(w, max([len(header)] + [len(r[j]) for r in rows]))
    if view[-1][2] is None:
        widths[-1] = max(width - sum(widths[:-1]) - 2 * (len(view) - 1), 20)

    def line(cells: list) -> str:
        out = []
        for (col, _, _), w, c in zip(view, widths, cells):
            c = _fit(c, w)
            out.append(c.rjust(w) if col in RIGHT_ALIGNED else c.ljust(w))
        return "  ".join(out).rstrip()

    lines = [line([h for _, h, _ in view]), "  ".join("─" * w for w in widths)]
    lines += [line(r) for r in rows]
    return "\n".join(lines)


def _csv_value(v: Any) -> Any:
    if v is None or (isinstance(v, float) and v != v):
        return ""
    if isinstance(v, (list, tuple)):
        return "; ".join(_text(str(x)) for x in v)
    return _text(v)


def csv_chunks(table: Table) -> Iterator[str]:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(table.columns)
    for i, row in enumerate(table.rows):
        w.writerow([_csv_value(v) for v in row])
        if i % 4096 == 4095:
            yield buf.getvalue()
            buf.seek(0)
            buf.truncate()
    yield buf.getvalue()


def _json_value(v: Any) -> Any:
    if isinstance(v, float) and v != v:
        return None
    if isinstance(v, tuple):
        return list(v)
    return v


def jsonl_chunks(table: Table) -> Iterator[str]:
    for row in table.rows:
        rec = {c: _json_value(v) for c, v in zip(table.columns, row)}
        line = json.dumps(rec, ensure_ascii=False)
        if _SURROGATE.search(line):
            line = json.dumps(rec)  # \ud800-style escapes: valid JSON, exact text
        yield line + "\n"


def write_parquet(table: Table, path: pathlib.Path) -> None:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise UsageError("writing Parquet needs pyarrow: pip install pyarrow") from None
    data = {c: [_text(r[j]) if isinstance(r[j], str) else r[j] for r in table.rows]
            for j, c in enumerate(table.columns)}  # fmt: skip
    if "descriptions" in data:
        data["descriptions"] = [[_text(x) for x in v] for v in data["descriptions"]]
    pq.write_table(pa.table(data), path)


def write_atomic(out: pathlib.Path, fill: Callable[[pathlib.Path], None]) -> None:
    """Have ``fill`` write a temporary file beside ``out``, then rename it into place."""
    folder = out.parent if str(out.parent) else pathlib.Path(".")
    if out.is_dir():
        raise UsageError(f"{out}: is a folder, not a file")
    if not folder.is_dir():
        raise UsageError(f"{out}: folder {folder} does not exist")
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".part", dir=folder)
    except OSError as e:
        raise UsageError(f"{out}: cannot write ({e.strerror or e})") from None
    os.close(fd)
    tmp = pathlib.Path(tmp_name)
    try:
        fill(tmp)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, out)
    except OSError as e:
        raise UsageError(f"{out}: cannot write ({e.strerror or e})") from None
    finally:
        if tmp.exists():
            tmp.unlink()


def _write_text_file(chunks: Iterable[str]) -> Callable[[pathlib.Path], None]:
    def fill(tmp: pathlib.Path) -> None:
        with open(tmp, "w", encoding="utf-8", newline="") as f:
            for chunk in chunks:
                f.write(chunk)
            f.flush()
            os.fsync(f.fileno())

    return fill


def write(table: Table, fmt: str, what: str, out: Optional[pathlib.Path], n_docs: int, stdout: Any) -> None:
    if fmt == "parquet":
        if out is None:
            raise UsageError("--format parquet needs --out FILE")
        write_atomic(out, lambda tmp: write_parquet(table, tmp))
        return
    if fmt == "csv":
        chunks: Iterable[str] = csv_chunks(table)
    elif fmt == "jsonl":
        chunks = jsonl_chunks(table)
    else:
        text = render_table(table, what, 160 if out else None)
        text += f"\n({len(table)} {what}"
        text += ")\n" if what == "documents" else f" from {n_docs} document{'s' * (n_docs != 1)})\n"
        chunks = [text]
    if out is not None:
        write_atomic(out, _write_text_file(chunks))
    else:
        for chunk in chunks:
            stdout.write(chunk)
