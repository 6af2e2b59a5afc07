"""Scale-out with Dask: ``presslens.dask.analyze(ddf, text=..., id=..., outlet=...)``.

Each table is a lazy Dask DataFrame built with ``map_partitions``; its ``meta`` comes from
running the pandas code on the (empty) meta of the input, so the columns and dtypes are the
ones ``presslens.analyze`` gives. Workers need ``presslens`` installed.
"""

from __future__ import annotations

from typing import Any, Optional

from presslens import _optional

TABLES = ("documents", "sentences", "quotes", "speakers", "mentions", "attributions")


def _partition_table(
    pdf: Any, table: str, text: str, id: Any, outlet: Any, n_threads: Optional[int],
    known: dict, full_names: Any, nested: bool = False,
) -> Any:  # fmt: skip
    from presslens.corpus import _analyze

    corpus = _analyze(pdf, text, id, outlet, False, n_threads, known, full_names, nested)
    return getattr(corpus, table)


class DaskCorpus:
    """The six tables of ``presslens.analyze`` (documents, sentences, quotes, speakers,
    mentions, attributions) as lazy Dask DataFrames.

    Computing several at once (``dask.compute(dc.quotes, dc.speakers)``) analyses each
    partition once per table; persist the input first if it is expensive to load.

    Examples:
        >>> import dask.dataframe as dd, pandas as pd
        >>> import presslens.dask
        >>> df = pd.DataFrame({"text": ["“Yes,” she said.", "“No,” he said."], "outlet": ["A", "B"]})
        >>> dc = presslens.dask.analyze(dd.from_pandas(df, npartitions=2))
        >>> tables = dc.compute(scheduler="synchronous")
        >>> sorted(tables), tables["quotes"]["text"].tolist()
        (['attributions', 'documents', 'mentions', 'quotes', 'sentences', 'speakers'], ['Yes,', 'No,'])
    """

    def __init__(
        self,
        documents: Any,
        sentences: Any,
        quotes: Any,
        speakers: Any,
        mentions: Any = None,
        attributions: Any = None,
    ) -> None:
        self.documents = documents
        self.sentences = sentences
        self.quotes = quotes
        self.speakers = speakers
        self.mentions = mentions
        self.attributions = attributions

    def __iter__(self):
        return iter(
            (self.documents, self.sentences, self.quotes, self.speakers, self.mentions,
             self.attributions)  # fmt: skip
        )

    def __repr__(self) -> str:
        n = self.documents.npartitions
        return (
            "DaskCorpus(documents, sentences, quotes, speakers, mentions, attributions; "
            f"{n} partitions)"
        )

    def compute(self, **kwargs: Any) -> dict:
        """All six tables as pandas DataFrames, in one ``dask.compute`` call."""
        dask = _optional.require("dask", "dask", "presslens.dask")
        return dict(zip(TABLES, dask.compute(*self, **kwargs)))


def analyze(
    ddf: Any,
    *,
    text: str = "text",
    id: Any = None,
    outlet: Any = None,
    n_threads: Optional[int] = 1,
    known_people: Any = None,
    nested: bool = False,
) -> DaskCorpus:
    """Lazy ``presslens.analyze`` of a Dask DataFrame (or Series), partition by partition.

    Without ``id``, ``doc_id`` is the Dask index. ``n_threads`` is per partition task
    (default 1: Dask already runs partitions in parallel). Row order within each table
    follows the partitions; the index is each partition's own (reset it as needed).
    Surname-only speakers are resolved across all partitions as ``presslens.analyze`` does
    (``known_people`` likewise); this costs one extra pass over the speakers. ``nested`` as in
    ``presslens.analyze``.

    Examples:
        >>> import dask.dataframe as dd, pandas as pd
        >>> import presslens.dask
        >>> df = pd.DataFrame({"text": ["“Yes,” Ana Ruiz said.", "“No,” Tom Baker said."]})
        >>> dc = presslens.dask.analyze(dd.from_pandas(df, npartitions=2), text="text")
        >>> dc.speakers["speaker"].compute(scheduler="synchronous").tolist()
        ['Ana Ruiz', 'Tom Baker']
    """
    dask = _optional.require("dask", "dask", "presslens.dask")
    _optional.require("dask.dataframe", "dask", "presslens.dask")
    from presslens import _names
    from presslens.corpus import analyze as local_analyze

    known = _names.load_known_people(known_people)

    if hasattr(ddf, "columns"):
        cols = list(ddf.columns)
        for name, what in ((text, "text"), (id, "id"), (outlet, "outlet")):
            if name is not None and name not in cols:
                raise KeyError(f"{what} column {name!r} not found; the columns are: {cols!r}")
    empty = local_analyze(ddf._meta, text=text, id=id, outlet=outlet, progress=False)
    # First pass: every partition's speaker names, unresolved, for the corpus-wide surnames.
    speakers = ddf.map_partitions(
        _partition_table, "speakers", text, id, outlet, n_threads, known, False, nested,
        meta=empty.speakers,
    )["speaker"]  # fmt: skip
    full_names = dask.delayed(_names.corpus_full_names)(speakers.drop_duplicates())
    tables = {}
    for table in TABLES:
        tables[table] = ddf.map_partitions(
            _partition_table, table, text, id, outlet, n_threads, known, full_names, nested,
            meta=getattr(empty, table),
        )  # fmt: skip
    return DaskCorpus(**tables)
