"""From a column of articles to tidy columns: input checks, chunked Rust calls, progress.

The Rust side (``_core.analyze_columns``) returns plain column lists; this module turns them
into pandas DataFrames with fixed dtypes, so that an empty input (Dask's ``meta``) gets the
same columns and dtypes as a full one.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any, Optional

from presslens import _core, _optional

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
    "mention_start", "mention_end", "cue", "sentence", "neg", "neu", "pos", "compound",
]  # fmt: skip
SCORES = ["neg", "neu", "pos", "compound"]

# Column kinds; doc_id and outlet take the dtype of the input they come from.
_INT = {
    "n_sentences", "n_quotes", "n_speakers", "n_mentions", "n_direct", "n_indirect", "sentence",
    "quote", "attribution", "start", "end",
}  # fmt: skip
_NULLABLE_INT = {"mention_start", "mention_end"}
_STRINGS = {"text", "kind", "speaker", "mention", "cue"}

# Chunks of about this many characters go to Rust at a time: each takes well under a second,
# so Ctrl-C (checked between chunks) interrupts promptly and the bar moves.
CHUNK_CHARS = 400_000
CHUNK_DOCS = 2_000
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


def _chunks(present: list, texts: list):
    """Positions of present texts, cut into chunks of bounded size."""
    chunk: list = []
    size = 0
    for pos in present:
        chunk.append(pos)
        size += len(texts[pos])
        if size >= CHUNK_CHARS or len(chunk) >= CHUNK_DOCS:
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


def run_columns(texts: list, progress: Optional[bool] = None, n_threads: Optional[int] = None):
    """Run the Rust analysis over ``texts`` (None = missing) chunk by chunk.

    Returns the column dicts (documents, sentences, quotes, speakers, mentions, attributions)
    with ``doc``
    holding positions in ``texts``.
    """
    n_threads = _core._check_n_threads(n_threads)
    present = [i for i, t in enumerate(texts) if t is not None]
    total = sum(len(texts[i]) for i in present)
    bar = _progress_bar(progress, total, len(present))
    merged: dict = {}
    try:
        for chunk in _chunks(present, texts):
            cols = _core.analyze_columns([texts[i] for i in chunk], n_threads)
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
            if bar is not None:
                bar.update(len(chunk))
    finally:
        if bar is not None:
            bar.close()
    if not merged:
        merged = _core.analyze_columns([], n_threads)
        merged["documents"]["doc"] = []
    return merged


def _strings(pd: Any, values: list) -> Any:
    dtype = _str_dtype(pd)
    try:
        if getattr(dtype, "storage", None) == "pyarrow":
            # Straight to Arrow: about 3x faster than pandas' generic list conversion.
            import pyarrow as pa

            return pd.Series(pd.array(pa.array(values, type=pa.large_string()), dtype=dtype))
        return pd.Series(values, dtype=dtype)
    except UnicodeEncodeError:
        # Arrow-backed str cannot hold lone surrogates (web scrapes have them): keep the
        # exact text in an object column rather than alter it.
        return pd.Series(values, dtype=object)


def _typed(pd: Any, name: str, values: Any) -> Any:
    if name in _INT:
        import numpy as np

        return pd.Series(np.asarray(values, dtype=np.int64))
    if name in _NULLABLE_INT:
        return pd.Series(pd.array(values, dtype="Int64"))
    if name in _STRINGS:
        return _strings(pd, values)
    if name == "descriptions":
        return pd.Series(values, dtype=object)
    return pd.Series(values, dtype="float64")


def build_tables(inputs: Inputs, cols: dict) -> dict:
    """The six DataFrames (and per-document mean scores) from merged columns."""
    pd = _optional.pandas()
    np = _optional.require("numpy", "pandas", "presslens tables")
    n = len(inputs.texts)
    outlets = inputs.outlets.reset_index(drop=True)

    def keyed(table: str, names: list) -> Any:
        c = cols.get(table) or {n: [] for n in ["doc"] + names}
        pos = np.asarray(c["doc"], dtype=np.int64)
        data = {"doc_id": pd.Series(inputs.doc_ids.take(pos), dtype=inputs.doc_ids.dtype)}
        if "outlet" in names:
            data["outlet"] = outlets.take(pos).reset_index(drop=True)
        for name in names:
            if name not in ("doc_id", "outlet"):
                data[name] = _typed(pd, name, c[name])
        return pd.DataFrame(data, columns=names)

    d = cols["documents"]
    pos = np.asarray(d["doc"], dtype=np.int64)
    counts = {}
    for name in ("n_sentences", "n_quotes", "n_speakers"):
        a = np.zeros(n, dtype=np.int64)
        a[pos] = np.asarray(d[name], dtype=np.int64)
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
