"""presslens: news articles to structured evidence.

Sentences, quotations and who said them, VADER-compatible sentiment and cross-outlet
comparison, computed by a Rust core. Every offset is a Python ``str`` index, so
``text[x.start:x.end] == x.text`` holds for every sentence, quote and mention.
"""

from __future__ import annotations

from presslens._core import __version__

# --- sentences -------------------------------------------------------------------------
from presslens._core import Sentence, Span, split_sentences, split_sentences_batch

# --- quotes and speakers ---------------------------------------------------------------
from presslens._core import Quote, Speaker, extract_quotes, extract_quotes_batch, speakers

# --- sentiment -------------------------------------------------------------------------
# VADER (C.J. Hutto, MIT; see THIRD_PARTY_NOTICES.md), re-implemented in Rust with exact
# parity with vaderSentiment 3.3.2, including its documented quirks.
from presslens._core import (
    SentimentIntensityAnalyzer,
    polarity_scores,
    polarity_scores_batch,
    sentence_sentiment,
)

# --- comparison ------------------------------------------------------------------------

# --- tables, notebook, pandas ----------------------------------------------------------

__all__ = [
    "__version__",
    # sentences
    "Sentence",
    "Span",
    "split_sentences",
    "split_sentences_batch",
    # quotes
    "Quote",
    "Speaker",
    "extract_quotes",
    "extract_quotes_batch",
    "speakers",
    # sentiment
    "SentimentIntensityAnalyzer",
    "polarity_scores",
    "polarity_scores_batch",
    "sentence_sentiment",
    # comparison
    # tables
]
