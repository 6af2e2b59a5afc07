"""The ``Series.presslens`` accessor, registered on ``import presslens`` when pandas is there."""

from __future__ import annotations

from typing import Any, Optional

import pandas as pd

from presslens.corpus import Corpus, analyze


@pd.api.extensions.register_series_accessor("presslens")
class PresslensAccessor:
    """``series.presslens.sentences()``, ``.quotes()``, ``.speakers()``, ``.sentiment()``:
    DataFrames keyed by the Series index; ``.analyze()`` gives the whole ``Corpus``.

    Examples:
        >>> import pandas as pd
        >>> import presslens  # registers the accessor
        >>> s = pd.Series(["“Yes,” Ana Ruiz said.", "Awful weather today."], index=["a", "b"])
        >>> s.presslens.quotes()[["speaker", "text"]].values.tolist()
        [['Ana Ruiz', 'Yes,']]
        >>> s.presslens.sentiment()["compound"].tolist()
        [0.0, -0.4588]
    """

    def __init__(self, obj: pd.Series) -> None:
        self._obj = obj

    def analyze(self, **kwargs: Any) -> Corpus:
        """``presslens.analyze(series, **kwargs)``."""
        return analyze(self._obj, **kwargs)

    def _keyed(self, table: str, progress: Optional[bool], n_threads: Optional[int]) -> pd.DataFrame:
        df = getattr(analyze(self._obj, progress=progress, n_threads=n_threads), table)
        df = df.set_index("doc_id")
        df.index.name = self._obj.index.name
        return df

    def sentences(self, progress: Optional[bool] = None, n_threads: Optional[int] = None) -> pd.DataFrame:
        """One row per sentence, indexed by the Series index."""
        return self._keyed("sentences", progress, n_threads)

    def quotes(self, progress: Optional[bool] = None, n_threads: Optional[int] = None) -> pd.DataFrame:
        """One row per quote, indexed by the Series index."""
        return self._keyed("quotes", progress, n_threads)

    def speakers(self, progress: Optional[bool] = None, n_threads: Optional[int] = None) -> pd.DataFrame:
        """One row per speaker of each text, indexed by the Series index."""
        return self._keyed("speakers", progress, n_threads)

    def sentiment(self, progress: Optional[bool] = None, n_threads: Optional[int] = None) -> pd.DataFrame:
        """One row per text: the mean VADER scores of its sentences (NaN if none)."""
        df = analyze(self._obj, progress=progress, n_threads=n_threads).sentiment()
        df.index = self._obj.index
        return df
