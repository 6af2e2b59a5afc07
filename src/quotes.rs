//! Quotation detection, classification and speaker attribution.

use crate::Span;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum QuoteKind {
    Direct,
    Partial,
    Scare,
}

impl QuoteKind {
    pub fn as_str(&self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Partial => "partial",
            QuoteKind::Scare => "scare",
        }
    }
}

/// One quotation. `span` covers the words between the marks.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    pub span: Span,
    pub kind: QuoteKind,
    /// Canonical speaker name (or unnamed-source description); None for scare quotes.
    pub speaker: Option<String>,
    /// Index into [`Analysis::speakers`].
    pub speaker_id: Option<usize>,
    pub mention: Option<Span>,
    pub cue: Option<Span>,
    /// Index of the sentence (in the sentence list given to [`analyze`]) holding the quote start.
    pub sentence: usize,
}

/// One canonical speaker of an article.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Speaker {
    pub name: String,
    pub mentions: Vec<Span>,
    pub descriptions: Vec<String>,
    /// Indexes into [`Analysis::quotes`].
    pub quotes: Vec<usize>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    pub quotes: Vec<Quote>,
    pub speakers: Vec<Speaker>,
}

/// Find quotes and speakers in `text`, given its sentences (from [`crate::segment::split`]).
pub fn analyze(_text: &str, _sentences: &[Span]) -> Analysis {
    Analysis::default()
}
