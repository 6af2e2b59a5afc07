"""presslens: news articles to structured evidence.

Sentences, quotations and who said them, VADER-compatible sentiment and cross-outlet
comparison, computed by a Rust core. Every offset is a Python ``str`` index, so
``text[x.start:x.end] == x.text`` holds for every sentence, quote and mention.
"""

from __future__ import annotations

from presslens._core import (
    Quote,
    Sentence,
    Span,
    Speaker,
    __version__,
    extract_quotes,
    extract_quotes_batch,
    polarity_scores,
    speakers,
    split_sentences,
    split_sentences_batch,
)

__all__ = [
    "Quote",
    "Sentence",
    "Span",
    "Speaker",
    "__version__",
    "extract_quotes",
    "extract_quotes_batch",
    "polarity_scores",
    "speakers",
    "split_sentences",
    "split_sentences_batch",
]
