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

# --- reported speech: every attribution, quoted or not ----------------------------------
from presslens._core import Attribution, extract_attributions, extract_attributions_batch

# --- sentiment -------------------------------------------------------------------------
# VADER (C.J. Hutto, MIT; see THIRD_PARTY_NOTICES.md), re-implemented in Rust with exact
# parity with vaderSentiment 3.3.2, including its documented quirks.
from presslens._sentiment import SentimentIntensityAnalyzer
from presslens._core import (
    polarity_scores,
    polarity_scores_batch,
    polarity_scores_columns,
    sentence_sentiment,
)

# --- comparison ------------------------------------------------------------------------
from presslens._core import cluster_members, cluster_quotes, link_speakers
from presslens.compare import ClusterDiff, Comparison

# --- cue verbs and titles added at run time -------------------------------------------
from presslens._core import (
    add_cue_verbs,
    add_titles,
    lexicon_additions,
    reset_lexicon_additions,
)

# --- tables, notebook, pandas ----------------------------------------------------------
from presslens.corpus import Corpus, Document, analyze, analyze_text


def _register_accessor() -> None:
    # The Series accessor exists only when pandas does; the core never needs it.
    try:
        import pandas  # noqa: F401
    except ImportError:
        return
    import presslens.accessor  # noqa: F401


_register_accessor()

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
    # attributions
    "Attribution",
    "extract_attributions",
    "extract_attributions_batch",
    # sentiment
    "SentimentIntensityAnalyzer",
    "polarity_scores",
    "polarity_scores_batch",
    "polarity_scores_columns",
    "sentence_sentiment",
    # comparison
    "cluster_quotes",
    "cluster_members",
    "link_speakers",
    "Comparison",
    "ClusterDiff",
    # cue verbs and titles added at run time
    "add_cue_verbs",
    "add_titles",
    "lexicon_additions",
    "reset_lexicon_additions",
    # tables
    "Corpus",
    "Document",
    "analyze",
    "analyze_text",
]


def quote_clusters(*args, **kwargs):
    """Deprecated name of :func:`cluster_members` (it read as :func:`cluster_quotes` with the
    words swapped); same arguments and result."""
    import warnings

    warnings.warn(
        "presslens.quote_clusters is deprecated: use presslens.cluster_members",
        DeprecationWarning,
        stacklevel=2,
    )
    return cluster_members(*args, **kwargs)
