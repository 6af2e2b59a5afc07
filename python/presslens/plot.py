"""Charts of a Corpus (matplotlib, the ``plot`` extra). Each returns its Axes."""

from __future__ import annotations

from typing import Any, Optional

from presslens import _optional

NO_OUTLET = "(no outlet)"


def _quoted(corpus: Any) -> Any:
    """Attributed quotes with the outlet filled in."""
    q = corpus.quotes
    q = q[q["speaker"].notna()].copy()
    q["outlet"] = q["outlet"].astype(object).where(q["outlet"].notna(), NO_OUTLET)
    q["speaker"] = q["speaker"].astype(object)
    return q


def _outlets(corpus: Any) -> list:
    """Every outlet of the corpus, in order of first appearance."""
    o = corpus.documents["outlet"]
    return list(dict.fromkeys(o.astype(object).where(o.notna(), NO_OUTLET).tolist()))


def _axes(ax: Any, size: tuple, feature: str = "presslens plots") -> Any:
    """``ax``, or the Axes of a new figure of ``size`` (ImportError naming the extra)."""
    if ax is not None:
        return ax
    plt = _optional.require("matplotlib.pyplot", "plot", feature)
    _fig, ax = plt.subplots(figsize=size, layout="constrained")
    return ax


class CorpusPlots:
    """``corpus.plot``: ``speakers()`` and ``sentiment()`` (the ``plot`` extra: matplotlib).

    Examples:
        >>> import matplotlib
        >>> matplotlib.use("Agg")
        >>> import presslens
        >>> corpus = presslens.analyze(["“Yes,” Ana Ruiz said.", "“No,” Tom Baker said."],
        ...                            outlet=["Daily Post", "City Herald"])
        >>> ax = corpus.plot.speakers()
        >>> sorted(label.get_text() for label in ax.get_yticklabels())
        ['Ana Ruiz', 'Tom Baker']
    """

    def __init__(self, corpus: Any) -> None:
        _optional.require("matplotlib", "plot", "presslens plots")
        self._corpus = corpus

    def speakers(self, top: int = 12, ax: Optional[Any] = None) -> Any:
        """Horizontal bars: quotes per speaker (the ``top`` most quoted), stacked by outlet."""
        q = _quoted(self._corpus)
        counts = q.groupby(["speaker", "outlet"]).size().unstack("outlet", fill_value=0)
        counts = counts.reindex(columns=[o for o in _outlets(self._corpus) if o in counts.columns])
        order = counts.sum(axis=1).sort_values(ascending=True).tail(top).index
        counts = counts.loc[order]
        ax = _axes(ax, (9, 0.45 * max(len(counts), 4) + 1.5))
        if counts.empty:
            ax.text(0.5, 0.5, "no attributed quotes", ha="center", va="center",
                    transform=ax.transAxes)  # fmt: skip
        else:
            left = None
            cmap = _optional.require("matplotlib", "plot", "presslens plots").colormaps["tab10"]
            for i, outlet in enumerate(counts.columns):
                values = counts[outlet].to_numpy()
                ax.barh(counts.index.astype(str), values, left=left, label=str(outlet),
                        color=cmap(i % 10))  # fmt: skip
                left = values if left is None else left + values
            ax.legend(title="outlet", fontsize="small", loc="upper left", bbox_to_anchor=(1.01, 1))
            ax.xaxis.set_major_locator(
                _optional.require("matplotlib.ticker", "plot", "presslens plots").MaxNLocator(
                    integer=True
                )
            )
        ax.set_xlabel("quotes (direct and partial)")
        ax.set_ylabel("speaker")
        ax.set_title("Who is quoted, by outlet")
        return ax

    def sentiment(self, top: int = 12, ax: Optional[Any] = None) -> Any:
        """Heat map: mean VADER compound of each speaker's quotes in each outlet (-1 to +1);
        cells show the mean and the number of quotes."""
        q = _quoted(self._corpus)
        order = q["speaker"].value_counts().head(top).index
        q = q[q["speaker"].isin(order)]
        means = q.groupby(["speaker", "outlet"])["compound"].mean().unstack("outlet")
        counts = q.groupby(["speaker", "outlet"]).size().unstack("outlet")
        if len(order):
            # Every outlet gets a column: a grey one says "did not quote this speaker".
            means = means.reindex(index=list(order), columns=_outlets(self._corpus))
        counts = counts.reindex(index=means.index, columns=means.columns)
        ax = _axes(ax, (1.6 * max(means.shape[1], 3) + 3, 0.5 * max(len(means), 4) + 1.5))
        ax.set_title("Sentiment of quotes, by speaker and outlet")
        if means.empty:
            ax.text(0.5, 0.5, "no attributed quotes", ha="center", va="center",
                    transform=ax.transAxes)  # fmt: skip
            return ax
        ax.set_facecolor("#d1d5db")  # grey = no quotes there, unlike white = neutral
        im = ax.imshow(means.to_numpy(dtype=float), cmap="RdBu", vmin=-1, vmax=1, aspect="auto")
        ax.set_xticks(range(means.shape[1]), [str(c) for c in means.columns], rotation=30,
                      ha="right")  # fmt: skip
        ax.set_yticks(range(means.shape[0]), [str(s) for s in means.index])
        for i in range(means.shape[0]):
            for j in range(means.shape[1]):
                m = means.iat[i, j]
                if m == m:
                    ax.text(j, i, f"{m:+.2f}\nn={int(counts.iat[i, j])}", ha="center",
                            va="center", fontsize="small")  # fmt: skip
        ax.figure.colorbar(im, ax=ax, label="mean compound")
        ax.set_xlabel("outlet")
        ax.set_ylabel("speaker")
        return ax
