"""Type stubs for the Rust extension ``presslens._core``."""

from __future__ import annotations

from typing import Iterable, Optional

__version__: str

# --- sentences -------------------------------------------------------------------------

class Sentence:
    """A sentence; ``text[s.start:s.end] == s.text`` (code-point offsets)."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def text(self) -> str: ...
    def __init__(self, start: int, end: int, text: str) -> None: ...
    def __len__(self) -> int: ...

class Span:
    """A span of an article: a speaker mention or a cue."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def text(self) -> str: ...
    def __init__(self, start: int, end: int, text: str) -> None: ...

def split_sentences(text: str, /) -> list[Sentence]:
    """Split an article into sentences (news rules), in code-point offsets."""

def split_sentences_batch(
    texts: Iterable[str], n_threads: Optional[int] = None
) -> list[list[Sentence]]:
    """Split many articles in parallel (rayon, GIL released)."""

# --- quotes and speakers ---------------------------------------------------------------

class Quote:
    """A quotation: the words between the marks, its kind, and who said it."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def text(self) -> str: ...
    @property
    def kind(self) -> str:
        """``"direct"``, ``"partial"`` or ``"scare"``."""
    @property
    def speaker(self) -> Optional[str]: ...
    @property
    def mention(self) -> Optional[Span]: ...
    @property
    def cue(self) -> Optional[Span]: ...
    @property
    def sentence(self) -> int: ...
    def __init__(
        self,
        start: int,
        end: int,
        text: str,
        kind: str,
        speaker: Optional[str] = None,
        mention: Optional[Span] = None,
        cue: Optional[Span] = None,
        sentence: int = 0,
    ) -> None: ...

class Speaker:
    """A canonical speaker of one article."""

    @property
    def name(self) -> str: ...
    @property
    def mentions(self) -> list[Span]: ...
    @property
    def descriptions(self) -> list[str]: ...
    @property
    def quotes(self) -> list[Quote]: ...
    def __init__(
        self, name: str, mentions: list[Span], descriptions: list[str], quotes: list[Quote]
    ) -> None: ...

def extract_quotes(text: str, /) -> list[Quote]:
    """Every quotation of an article, in text order."""

def extract_quotes_batch(
    texts: Iterable[str], n_threads: Optional[int] = None
) -> list[list[Quote]]:
    """Quotes of many articles in parallel (rayon, GIL released)."""

def speakers(text: str, /) -> list[Speaker]:
    """The canonical speakers of an article."""

# --- sentiment -------------------------------------------------------------------------

from os import PathLike as _PathLike
from typing import Mapping as _Mapping
from typing import Union as _Union

def polarity_scores(text: str, /) -> dict[str, float]:
    """VADER scores of one text: ``neg``, ``neu``, ``pos``, ``compound``.

    Exactly the numbers of vaderSentiment 3.3.2 (quirks included)."""

def polarity_scores_batch(
    texts: Iterable[str], n_threads: Optional[int] = None
) -> dict[str, list[float]]:
    """VADER scores of many texts in parallel (rayon, GIL released).

    A dict of four equal-length lists ``neg``, ``neu``, ``pos``, ``compound``:
    ``pandas.DataFrame(result)`` works directly. ``n_threads=1`` runs on one thread."""

def sentence_sentiment(text: str, /) -> list[dict[str, _Union[int, float, str]]]:
    """Each sentence of ``split_sentences(text)`` with its scores: dicts with ``start``,
    ``end``, ``text`` (code-point offsets) and ``neg``, ``neu``, ``pos``, ``compound``."""

class SentimentIntensityAnalyzer:
    """Drop-in replacement for ``vaderSentiment``'s ``SentimentIntensityAnalyzer``.

    ``lexicon`` / ``emoji_lexicon``: a path (str or PathLike) to a file in VADER's
    tab-separated format, or a mapping (``{token: valence}`` / ``{emoji: description}``);
    None uses VADER's bundled lexicons. A malformed file or value raises ValueError naming
    the file, line (or key) and reason. Instances pickle."""

    def __init__(
        self,
        lexicon: _Union[str, _PathLike[str], _Mapping[str, float], None] = None,
        emoji_lexicon: _Union[str, _PathLike[str], _Mapping[str, str], None] = None,
    ) -> None: ...
    def polarity_scores(self, text: str) -> dict[str, float]:
        """VADER scores of one text: ``neg``, ``neu``, ``pos``, ``compound``."""
    def polarity_scores_batch(
        self, texts: Iterable[str], n_threads: Optional[int] = None
    ) -> dict[str, list[float]]:
        """Scores of many texts in parallel: a dict of four equal-length lists."""
    def update_lexicon(self, mapping: _Mapping[str, float]) -> None:
        """Add or override entries; all are validated first (nothing is half-applied)."""
    @property
    def lexicon(self) -> dict[str, float]:
        """A copy of the word lexicon ``{token: valence}``."""
    @property
    def emojis(self) -> dict[str, str]:
        """A copy of the emoji lexicon ``{emoji: description}``."""

# --- comparison ------------------------------------------------------------------------

# --- tables ----------------------------------------------------------------------------
