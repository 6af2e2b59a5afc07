"""The vaderSentiment-compatible analyzer, with a ``lexicon`` that edits like a dict."""

from __future__ import annotations

from collections.abc import Iterator, MutableMapping
from typing import Any, Mapping

from presslens import _core

__all__ = ["SentimentIntensityAnalyzer"]


class LexiconView(MutableMapping):
    """``analyzer.lexicon``: a live ``{token: valence}`` mapping.

    vaderSentiment users edit ``analyzer.lexicon`` in place (``sia.lexicon.update({...})``,
    ``sia.lexicon["meh"] = -1.2``); writes here go straight to the Rust analyzer, so scores
    change exactly as they would with vaderSentiment's plain dict.
    """

    __slots__ = ("_owner", "_snapshot")

    def __init__(self, owner: "SentimentIntensityAnalyzer") -> None:
        self._owner = owner
        self._snapshot: dict | None = None

    def _dict(self) -> dict:
        if self._snapshot is None:
            self._snapshot = _core.SentimentIntensityAnalyzer.lexicon.__get__(self._owner)
        return self._snapshot

    def __getitem__(self, token: str) -> float:
        return self._dict()[token]

    def __iter__(self) -> Iterator[str]:
        return iter(self._dict())

    def __len__(self) -> int:
        return len(self._dict())

    def __contains__(self, token: object) -> bool:
        return token in self._dict()

    def __setitem__(self, token: str, valence: float) -> None:
        self.update({token: valence})

    def __delitem__(self, token: str) -> None:
        self._owner.remove_lexicon([token])
        self._snapshot = None

    def update(self, other: Any = (), /, **kwargs: float) -> None:  # type: ignore[override]
        """Add or override entries; all are checked before any is applied."""
        entries = dict(other, **kwargs)
        self._owner.update_lexicon(entries)
        self._snapshot = None

    def copy(self) -> dict:
        """A plain dict copy, as ``dict.copy`` gives."""
        return dict(self._dict())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Mapping):
            return self._dict() == dict(other)
        return NotImplemented

    def __repr__(self) -> str:
        return f"<lexicon of {len(self)} tokens>"


class SentimentIntensityAnalyzer(_core.SentimentIntensityAnalyzer):
    """Drop-in replacement for ``vaderSentiment.vaderSentiment.SentimentIntensityAnalyzer``.

    ``SentimentIntensityAnalyzer(lexicon=None, emoji_lexicon=None)``: each lexicon is a path to
    a file in VADER's tab-separated format or a mapping; None uses VADER's bundled lexicons.
    ``.polarity_scores(text)`` gives exactly vaderSentiment 3.3.2's four numbers;
    ``.polarity_scores_batch(texts, n_threads=None)`` scores many texts in parallel (one dict
    per text; ``.polarity_scores_columns`` gives four lists);
    ``.lexicon`` edits like vaderSentiment's dict; ``.update_lexicon(mapping)`` validates all
    entries before applying any.

    Valences must be finite numbers within ±1e100 (VADER's own stay within ±4); anything else
    raises ValueError naming the token. Within that range the scores equal vaderSentiment's
    and stay in their ranges; vaderSentiment itself takes any float and gives ``compound ==
    0.0`` for 1e200 and NaN for 1e308 or inf.

    One analyzer can be shared between threads and edited while a batch runs: edits are
    copy-on-write, and a running call keeps scoring with the lexicon it started with.

    Examples:
        >>> sia = SentimentIntensityAnalyzer()
        >>> sia.polarity_scores("The talks were a success.")
        {'neg': 0.0, 'neu': 0.519, 'pos': 0.481, 'compound': 0.5719}
        >>> sia.lexicon["meh"]
        -0.3
        >>> sia.lexicon["meh"] = -1.5
        >>> sia.polarity_scores("meh")["compound"]
        -0.3612
    """

    __slots__ = ()

    @property
    def lexicon(self) -> LexiconView:  # type: ignore[override]
        """The word lexicon, ``{token: valence}``; edits change the scores."""
        return LexiconView(self)
