"""From a column of articles to tidy columns: input checks, chunked Rust calls, progress.

Two forms of the same columns come from Rust: Arrow-layout buffers (``_core.analyze_arrow``,
used when pyarrow is installed: one UTF-8 buffer per string column, no Python object per
cell) and plain lists (``_core.analyze_columns``: without pyarrow, and for the CLI). This
module turns either into pandas DataFrames with fixed dtypes, so that an empty input (Dask's
``meta``) gets the same columns and dtypes as a full one.
"""

from __future__ import annotations

import math
import mmap
import sys
from collections.abc import Mapping
from typing import Any, Optional

from presslens import _core, _names, _optional

DOCUMENT_COLUMNS = ["doc_id", "outlet", "n_sentences", "n_quotes", "n_speakers", "compound"]
SENTENCE_COLUMNS = ["doc_id", "sentence", "start", "end", "text", "neg", "neu", "pos", "compound"]
QUOTE_COLUMNS = [
    "doc_id", "outlet", "quote", "start", "end", "text", "kind", "speaker", "mention",
    "mention_start", "mention_end", "cue", "sentence", "neg", "neu", "pos", "compound",
]  # fmt: skip
SPEAKER_COLUMNS = [
    "doc_id", "outlet", "speaker", "n_quotes", "n_mentions", "n_direct", "n_indirect",
    "descriptions", "compound",
]  # fmt: skip
MENTION_COLUMNS = ["doc_id", "outlet", "speaker", "start", "end", "text"]
ATTRIBUTION_COLUMNS = [
    "doc_id", "outlet", "attribution", "kind", "start", "end", "text", "speaker", "mention",
    "mention_start", "mention_end", "cue", "sentence", "nested_in", "neg", "neu", "pos",
    "compound",
]  # fmt: skip
SCORES = ["neg", "neu", "pos", "compound"]

# Column kinds; doc_id and outlet take the dtype of the input they come from. Offsets, counts
# and numbers within a document are int32 (nullable Int32 where missing): half the memory of
# int64, and they always fit, as a text has at most MAX_TEXT_CHARS characters.
_INT = {
    "n_sentences", "n_quotes", "n_speakers", "n_mentions", "n_direct", "n_indirect", "sentence",
    "quote", "attribution", "start", "end",
}  # fmt: skip
_NULLABLE_INT = {"mention_start", "mention_end", "nested_in"}
_STRINGS = {"text", "speaker", "mention", "cue"}
# ``kind`` is categorical over a fixed, sorted set of values per table (the same dtype for any
# input, empty or not): one byte a row instead of a string.
_KINDS = {"quotes": _core.QUOTE_KINDS, "attributions": _core.ATTRIBUTION_KINDS}
# The longest text analyze() takes, in characters (str indexes): offsets are int32.
MAX_TEXT_CHARS = 2**31 - 1

# Chunks of about this many characters go to Rust at a time: each takes well under a second,
# so Ctrl-C (checked between chunks) interrupts promptly and the bar moves.
CHUNK_CHARS = 400_000
CHUNK_DOCS = 2_000
# Arrow path chunks: about 1/ARROW_CHUNKS of the text each, within ARROW_CHUNK_CHARS. Smaller
# chunks have fewer analysed articles waiting in the worker threads (up to about half a
# million characters' worth, the batch executor's own bound), whose heaps do not give all of
# that memory back; much smaller ones make the first chunk's projection of the run's rows,
# which sizes every column, rougher. Measured on 38.6 MB of newsdev: peak 4.04-4.06 MB per MB
# of text with chunks of 150,000 characters (256), 4.08-4.10 with 600,000 (64) and with
# 100,000; CPU time the same (int64 columns then; 3.62-3.66 with 256 and the int32 ones). The
# upper bound keeps the calls into Rust (one pass of the pipeline each) few on a large archive.
ARROW_CHUNKS = 256
ARROW_CHUNK_CHARS = (100_000, 4_000_000)
# Build the tables from Arrow buffers when pyarrow is installed (False: from lists, as without
# pyarrow; the tests compare the two).
ARROW_COLUMNS = True
# Show a progress bar by default above this much text (a few seconds of work).
AUTO_PROGRESS_CHARS = 8_000_000


def _str_dtype(pd: Any) -> Any:
    """pandas' default dtype for text (``str`` in pandas 3, ``object`` before)."""
    return pd.Series(["a"]).dtype


def _is_missing(v: Any, pd: Any) -> bool:
    if v is None:
        return True
    try:
        return bool(pd.api.types.is_scalar(v) and pd.isna(v))
    except (TypeError, ValueError):
        return False


class Inputs:
    """Texts (None where missing), their doc_ids (a pandas Index) and outlets (a Series)."""

    def __init__(self, texts: list, doc_ids: Any, outlets: Any) -> None:
        self.texts = texts
        self.doc_ids = doc_ids
        self.outlets = outlets


def _check_texts(values: list, labels: Any, pd: Any) -> list:
    out = []
    for label, v in zip(labels, values):
        if isinstance(v, str):
            if len(v) > MAX_TEXT_CHARS:
                raise ValueError(
                    f"text at index {label!r} has {len(v)} characters; analyze() takes texts of "
                    f"at most {MAX_TEXT_CHARS} (2**31 - 1: the tables' offsets are int32)"
                )
            out.append(v)
        elif _is_missing(v, pd):
            out.append(None)
        else:
            raise TypeError(
                f"text at index {label!r} must be str (or missing), not {type(v).__name__}"
            )
    return out


def _column(df: Any, name: Any, what: str) -> Any:
    if name not in df.columns:
        raise KeyError(
            f"{what} column {name!r} not found; the columns are: {list(df.columns)!r}"
        )
    column = df[name]
    if getattr(column, "ndim", 1) != 1:
        raise ValueError(
            f"{what} column {name!r} appears {column.shape[1]} times; column names must be unique"
        )
    return column


def _outlets_for(outlet: Any, n: int, pd: Any) -> Any:
    """Outlets for a list or Series input: None, one str for all, or one per text."""
    if outlet is None:
        return pd.Series([None] * n, dtype=_str_dtype(pd))
    if isinstance(outlet, str):
        return pd.Series([outlet] * n, dtype=_str_dtype(pd))
    values = list(outlet)
    if len(values) != n:
        raise ValueError(f"outlet has {len(values)} values for {n} texts")
    return pd.Series(values)


def normalize(data: Any, text: str, id: Any, outlet: Any) -> Inputs:
    """Accept a list of str, a Series (index = doc_id) or a DataFrame (named columns)."""
    pd = _optional.pandas()
    if isinstance(data, pd.DataFrame):
        texts = _column(data, text, "text")
        doc_ids = pd.Index(_column(data, id, "id")) if id is not None else data.index
        if outlet is None and "outlet" in data.columns:
            outlet = "outlet"
        if outlet is None:
            outlets = _outlets_for(None, len(data), pd)
        else:
            outlets = _column(data, outlet, "outlet").reset_index(drop=True)
        values = _check_texts(texts.tolist(), data.index, pd)
        doc_ids = doc_ids.rename("doc_id")
        return Inputs(values, doc_ids, outlets.rename("outlet"))
    if isinstance(data, pd.Series):
        values = _check_texts(data.tolist(), data.index, pd)
        doc_ids = data.index.rename("doc_id") if id is None else pd.Index(list(id), name="doc_id")
        if len(doc_ids) != len(values):
            raise ValueError(f"id has {len(doc_ids)} values for {len(values)} texts")
        return Inputs(values, doc_ids, _outlets_for(outlet, len(values), pd).rename("outlet"))
    if isinstance(data, Mapping):
        raise TypeError(
            "analyze() takes a list of str, a pandas Series or a DataFrame, not a "
            f"{type(data).__name__}; for a dict of columns use analyze(pd.DataFrame(data))"
        )
    if isinstance(data, (str, bytes)):
        raise TypeError(
            "analyze() takes many texts (a list, Series or DataFrame), not a single "
            f"{type(data).__name__}; use presslens.analyze_text() for one article"
        )
    try:
        values = list(data)
    except TypeError:
        raise TypeError(
            "analyze() data must be a list of str, a pandas Series or a DataFrame, "
            f"not {type(data).__name__}"
        ) from None
    values = _check_texts(values, range(len(values)), pd)
    if id is None:
        doc_ids = pd.RangeIndex(len(values), name="doc_id")
    else:
        doc_ids = pd.Index(list(id), name="doc_id")
    if len(doc_ids) != len(values):
        raise ValueError(f"id has {len(doc_ids)} values for {len(values)} texts")
    return Inputs(values, doc_ids, _outlets_for(outlet, len(values), pd).rename("outlet"))


def _chunks(present: list, texts: list, max_chars: Optional[int] = None):
    """Positions of present texts, cut into chunks of bounded size."""
    max_chars = CHUNK_CHARS if max_chars is None else max_chars
    chunk: list = []
    size = 0
    for pos in present:
        chunk.append(pos)
        size += len(texts[pos])
        if size >= max_chars or len(chunk) >= CHUNK_DOCS:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


def _progress_bar(progress: Optional[bool], total_chars: int, n_docs: int):
    if progress is False or (progress is None and total_chars < AUTO_PROGRESS_CHARS):
        return None
    try:
        from tqdm.auto import tqdm
    except ImportError:
        if progress:
            raise ImportError(
                "progress=True needs tqdm: pip install presslens[progress]"
            ) from None
        return None
    return tqdm(total=n_docs, unit="doc", desc="presslens")


def _run_chunks(texts: list, progress: Optional[bool], n_threads: Optional[int],
                max_chars: int, call: Any, with_positions: bool = False):
    """``(positions, call(chunk texts, n_threads))`` for chunks of the present texts (None =
    missing), with the progress bar; ``call`` is run once on no texts when none is present.
    ``with_positions``: the chunk's positions are ``call``'s third argument."""

    def extra(chunk: list) -> tuple:
        return (chunk,) if with_positions else ()

    n_threads = _core._check_n_threads(n_threads)
    present = [i for i, t in enumerate(texts) if t is not None]
    total = sum(len(texts[i]) for i in present)
    bar = _progress_bar(progress, total, len(present))
    try:
        for chunk in _chunks(present, texts, max_chars):
            yield chunk, call([texts[i] for i in chunk], n_threads, *extra(chunk))
            if bar is not None:
                bar.update(len(chunk))
        if not present:
            yield [], call([], n_threads, *extra([]))
    finally:
        if bar is not None:
            bar.close()


def run_columns(texts: list, progress: Optional[bool] = None, n_threads: Optional[int] = None,
                nested: bool = False):  # fmt: skip
    """Run the Rust analysis over ``texts`` (None = missing) chunk by chunk.

    Returns the column dicts (documents, sentences, quotes, speakers, mentions, attributions)
    of plain lists, with ``doc`` holding positions in ``texts``. ``nested``: attributions
    nested in others' contents are rows too.
    """
    merged: dict = {}

    def call(chunk_texts: list, n: Optional[int]) -> dict:
        return _core.analyze_columns(chunk_texts, n, nested)

    for chunk, cols in _run_chunks(texts, progress, n_threads, CHUNK_CHARS, call):
        for table in ("sentences", "quotes", "speakers", "mentions", "attributions"):
            # Chunk-local document numbers to positions in `texts`.
            cols[table]["doc"] = [chunk[d] for d in cols[table]["doc"]]
        cols["documents"]["doc"] = chunk
        if not merged:
            merged = cols
        else:
            for table, columns in cols.items():
                for name, values in columns.items():
                    merged[table][name].extend(values)
    return merged


def _arrow_columns(raw: dict, pa: Any, np: Any) -> dict:
    """The columns of ``ArrowTables.finish()`` as arrays over the buffers Rust built (no copy):
    numpy arrays for numbers (writable) and ``kind`` codes, one-chunk ``large_string`` arrays
    for text, ``(values, missing)`` arrays for nullable offsets, lists for ``descriptions``."""

    def arrow(buffer: Any) -> Any:
        return None if buffer is None else pa.foreign_buffer(buffer.address, buffer.size, buffer)

    out: dict = {}
    for table, columns in raw.items():
        cols = out[table] = {}
        for name, value in columns.items():
            if name in _STRINGS:
                n, nulls, offsets, data, validity = value
                buffers = [arrow(validity), arrow(offsets), arrow(data)]
                text = pa.Array.from_buffers(pa.large_string(), n, buffers, null_count=nulls)
                cols[name] = pa.chunked_array([text], type=pa.large_string())
            elif name == "descriptions":
                cols[name] = value
            elif name in _NULLABLE_INT:
                missing = np.asarray(value[1])
                # No values from Rust: every row is missing (nested_in without nested=True).
                values = _zeros(np, len(missing)) if value[0] is None else np.asarray(value[0])
                cols[name] = (values, missing)
            else:
                cols[name] = np.asarray(value)
    return out


def _zero_pages(nbytes: int) -> Any:
    """A writable buffer of ``nbytes`` zero bytes that takes no memory until written: pages of
    an anonymous map (numpy's zeros come from calloc, whose memory may be reused heap that it
    writes zeros into). Private on POSIX (``mmap``'s default there is shared: a forked child
    writing the column would change the parent's, and shared pages are allocated when read)."""
    if nbytes <= 0:
        return bytearray()
    private = getattr(mmap, "MAP_PRIVATE", None)  # absent on Windows, whose maps are private
    return mmap.mmap(-1, nbytes) if private is None else mmap.mmap(-1, nbytes, flags=private)


def _zeros(np: Any, n: int) -> Any:
    """``n`` int32 zeros, writable, from untouched pages."""
    return np.frombuffer(_zero_pages(4 * n), dtype=np.int32)


def _arrow_add(texts: list, n_threads: Optional[int], positions: list, tables: Any,
               done: float) -> bool:  # fmt: skip
    """One chunk into ``tables`` (a ``_core.ArrowTables``); the one place ``run_arrow`` calls
    Rust per chunk (tests count the calls here)."""
    return tables.add(texts, positions, n_threads, done)


def run_arrow(texts: list, progress: Optional[bool] = None, n_threads: Optional[int] = None,
              known: Optional[dict] = None, full_names: Any = False, nested: bool = False):  # fmt: skip
    """``run_columns`` from Arrow buffers built in Rust: numpy arrays for numbers and ``kind``
    codes, chunked ``large_string`` Arrow arrays for text, ``(values, missing)`` arrays for
    nullable offsets.

    The chunks go to one ``_core.ArrowTables``, in which every column grows as one buffer;
    surname-only speakers are renamed there (``_names.speaker_renames``, with ``known`` and
    ``full_names``; ``full_names=False``: not renamed), and the columns are handed over once,
    at the end, without a copy.

    None when pyarrow is not installed (or ``ARROW_COLUMNS`` is off), or when a text has lone
    surrogates, which UTF-8 cannot hold: the list path keeps such text exactly.
    """
    pa = _optional.installed("pyarrow") if ARROW_COLUMNS else None
    if pa is None:
        return None
    import numpy as np

    tables = _core.ArrowTables(nested=nested)
    low, high = ARROW_CHUNK_CHARS
    total = sum(len(t) for t in texts if t is not None)
    size = min(max(total // ARROW_CHUNKS, low), high)
    added = [0]

    def call(chunk_texts: list, n: Optional[int], chunk: list) -> bool:
        added[0] += sum(map(len, chunk_texts))
        # The share of the text done lets the first chunk size every column for the run.
        return _arrow_add(chunk_texts, n, chunk, tables, added[0] / total if total else 1.0)

    for _, ok in _run_chunks(texts, progress, n_threads, size, call, with_positions=True):
        if not ok:
            return None
    if full_names is not False:
        _rename_speakers(tables, known, full_names)
    return _arrow_columns(tables.finish(), pa, np)


def _rename_speakers(tables: Any, known: Optional[dict], full_names: Any) -> None:
    """``_names.resolve_speakers`` in a ``_core.ArrowTables``, reading few rows into Python:
    the distinct speaker names, then only the speakers-table rows whose name is a surname that
    may be renamed (or its full name); Rust rewrites the speaker columns."""
    distinct = tables.speaker_names()
    if full_names is None:
        full_names = _names.corpus_full_names(distinct)
    names = {**full_names, **(known or {})}
    # The dictionary look-up first: it rules out most names at once.
    involved = {s for s in distinct if s.lower() in names and _names._is_surname_only(s)}
    if not involved:
        return
    involved |= {names[s.lower()] for s in involved}
    docs, speakers = tables.speakers_named(sorted(involved))
    rename = _names.speaker_renames(docs, speakers, known, full_names)
    if rename:
        tables.rename_speakers(rename)


def table_columns(inputs: Inputs, progress: Optional[bool], n_threads: Optional[int],
                  known: dict, full_names: Any, nested: bool = False) -> dict:
    """The columns of every table (Arrow buffers when pyarrow is installed, else lists), with
    surname-only speakers resolved (``full_names=False``: not); ``nested``: attributions nested
    in others' contents are rows too."""
    cols = run_arrow(inputs.texts, progress, n_threads, known, full_names, nested)
    if cols is not None:
        return cols
    cols = run_columns(inputs.texts, progress=progress, n_threads=n_threads, nested=nested)
    if full_names is not False:
        _names.resolve_speakers(cols, known, full_names)
    return cols


def _is_arrow(values: Any) -> bool:
    pa = sys.modules.get("pyarrow")
    return pa is not None and isinstance(values, (pa.Array, pa.ChunkedArray))


def _strings(pd: Any, values: Any, dtype: Any) -> Any:
    """A text column of ``dtype`` (pandas' ``str``): an array, or a Series where the dtype is
    ``object`` (a DataFrame infers a new dtype for a bare object array)."""
    if _is_arrow(values):
        if getattr(dtype, "storage", None) == "pyarrow":
            return dtype.__from_arrow__(values)  # the Arrow data itself
        import numpy as np

        return pd.Series(np.asarray(values, dtype=object), dtype=dtype)
    try:
        if getattr(dtype, "storage", None) == "pyarrow":
            # Straight to Arrow: about 3x faster than pandas' generic list conversion.
            import pyarrow as pa

            return pd.array(pa.array(values, type=pa.large_string()), dtype=dtype)
        return pd.Series(values, dtype=dtype)
    except UnicodeEncodeError:
        # Arrow-backed str cannot hold lone surrogates (web scrapes have them): keep the
        # exact text in an object column rather than alter it.
        return pd.Series(values, dtype=object)


def _typed(pd: Any, np: Any, name: str, values: Any, str_dtype: Any) -> Any:
    """Column ``name`` with its dtype: numpy arrays for numbers, pandas extension arrays for
    nullable offsets and Arrow text (a DataFrame takes arrays without aligning them as it
    aligns Series); a Series for ``object`` columns."""
    if name in _INT:
        return np.asarray(values, dtype=np.int32)
    if name in _NULLABLE_INT:
        if isinstance(values, tuple):  # (values, missing) arrays from run_arrow
            return pd.arrays.IntegerArray(values[0], values[1])
        return pd.array(values, dtype="Int32")
    if name in _STRINGS:
        return _strings(pd, values, str_dtype)
    if name == "descriptions":
        return pd.Series(values, dtype=object)  # one list per row
    return np.asarray(values, dtype=np.float64)


def kind_dtype(pd: Any, table: str) -> Any:
    """The dtype of ``table``'s ``kind`` column: categorical over its kinds, sorted."""
    return pd.CategoricalDtype(list(_KINDS[table]), ordered=False)


def _kinds(pd: Any, table: str, values: Any) -> Any:
    """The ``kind`` column: from int8 codes (Arrow path, no copy of them) or from str."""
    dtype = kind_dtype(pd, table)
    if isinstance(values, list):
        return pd.Categorical(values, dtype=dtype)
    return pd.Categorical.from_codes(values, dtype=dtype)


def _doc_id_at(pd: Any, np: Any, doc_ids: Any, pos: Any) -> Any:
    """``doc_ids.take(pos)`` with the doc_ids' dtype. For a RangeIndex (the doc_ids
    of a list, or a default index) the values are computed in ``pos`` itself, which the caller
    gives up: no second array of 8 bytes per row."""
    if (isinstance(doc_ids, pd.RangeIndex) and doc_ids.dtype == np.int64
            and isinstance(pos, np.ndarray) and pos.dtype == np.int64 and pos.flags.writeable):  # fmt: skip
        if doc_ids.step != 1:
            pos *= doc_ids.step
        if doc_ids.start != 0:
            pos += doc_ids.start
        return pos
    return pd.Series(doc_ids.take(pos), dtype=doc_ids.dtype, copy=False)


def _outlets_at(outlets: Any, pos: Any, zeros: Any) -> Any:
    """``outlets.take(pos)``, the outlet column of a table. ``zeros``: when no text has an
    outlet (the usual case) and the column is Arrow-backed, a ``pyarrow`` buffer of zero pages
    for at least ``len(pos) + 1`` offsets, which every table's all-missing column is made over
    (Arrow data is read-only; pages never written take no memory), where ``take`` would write
    8 bytes of offsets per row."""
    if zeros is None:
        return outlets.take(pos).reset_index(drop=True)
    import pyarrow as pa

    n = len(pos)
    # All zeros: an empty validity bitmap (all missing) and offsets that are all 0.
    missing = pa.Array.from_buffers(pa.large_string(), n, [zeros, zeros, pa.py_buffer(b"")],
                                    null_count=n)  # fmt: skip
    return outlets.dtype.__from_arrow__(missing)


def _missing_outlet_zeros(outlets: Any, cols: dict) -> Any:
    """The zero pages ``_outlets_at`` needs, sized for the longest table; None unless no text
    has an outlet and the outlet dtype is Arrow-backed."""
    if (len(outlets) == 0 or outlets.count() > 0
            or getattr(outlets.dtype, "storage", None) != "pyarrow"):  # fmt: skip
        return None
    import pyarrow as pa

    rows = max((len(c["doc"]) for c in cols.values() if c and "doc" in c), default=0)
    return pa.py_buffer(_zero_pages(8 * (rows + 1)))


def build_tables(inputs: Inputs, cols: dict) -> dict:
    """The six DataFrames (and per-document mean scores) from merged columns (``cols`` is used
    up: the DataFrames take its arrays)."""
    pd = _optional.pandas()
    np = _optional.require("numpy", "pandas", "presslens tables")
    n = len(inputs.texts)
    outlets = inputs.outlets.reset_index(drop=True)
    str_dtype = _str_dtype(pd)
    zeros = _missing_outlet_zeros(outlets, cols)

    def keyed(table: str, names: list) -> Any:
        c = cols.get(table) or {n: [] for n in ["doc"] + names}
        # Popped: the positions are done with once doc_id is made from them.
        pos = np.asarray(c.pop("doc"), dtype=np.int64)
        outlet = _outlets_at(outlets, pos, zeros) if "outlet" in names else None
        doc_id = _doc_id_at(pd, np, inputs.doc_ids, pos)  # after the outlets: may reuse `pos`
        data = {}
        for name in names:  # in column order: no `columns=` for pandas to look names up in
            if name == "doc_id":
                data[name] = doc_id
            elif name == "outlet":
                data[name] = outlet
            elif name == "kind":
                data[name] = _kinds(pd, table, c.pop(name))
            else:
                # Popped: a list (descriptions) goes once its column is made.
                data[name] = _typed(pd, np, name, c.pop(name), str_dtype)
        # Columns are new arrays made for this table (or Arrow data): taken, not copied.
        return pd.DataFrame(data, copy=False)

    d = cols["documents"]
    pos = np.asarray(d["doc"], dtype=np.int64)
    counts = {}
    for name in ("n_sentences", "n_quotes", "n_speakers"):
        a = np.zeros(n, dtype=np.int32)
        a[pos] = np.asarray(d[name], dtype=np.int32)
        counts[name] = a
    scores = {}
    for name in SCORES:
        a = np.full(n, math.nan)
        a[pos] = np.asarray(d[name], dtype=np.float64)
        scores[name] = a
    documents = pd.DataFrame(
        {
            "doc_id": pd.Series(inputs.doc_ids, dtype=inputs.doc_ids.dtype),
            "outlet": outlets,
            **counts,
            "compound": scores["compound"],
        },
        columns=DOCUMENT_COLUMNS,
    )
    doc_scores = pd.DataFrame(scores, columns=SCORES)
    return {
        "documents": documents,
        "sentences": keyed("sentences", SENTENCE_COLUMNS),
        "quotes": keyed("quotes", QUOTE_COLUMNS),
        "speakers": keyed("speakers", SPEAKER_COLUMNS),
        "mentions": keyed("mentions", MENTION_COLUMNS),
        "attributions": keyed("attributions", ATTRIBUTION_COLUMNS),
        "doc_scores": doc_scores,
    }
