//! Reported speech: every attribution of a statement, belief, intention or finding to a
//! source, quoted or not ("Clinton said the emails were not classified", "according to
//! officials, …", "a poll shows …", "it is believed that …").
//!
//! Pipeline (linear in the text; cue lexicons and clause-boundary rules, no parser):
//! 1. the quote pipeline ([`crate::quotes`]) finds quotes and speakers, and resolves every
//!    mention (names, pronouns, role nouns) to a canonical speaker;
//! 2. a direct quote and its attribution become one `direct` attribution (the pieces of a split
//!    quote with the same speaker mention are its parts);
//! 3. [`clauses`] finds the outermost attributions of every other sentence from its cues
//!    ([`cues`]) and sources ([`sources`]), [`forms`] the fixed shapes (headlines "Poll: …",
//!    "In a survey, …", "Asked whether …,", the clause after a quote), then the attributions
//!    nested in their contents, up to [`clauses::MAX_NESTING`] levels deep; one holding a
//!    quote is `mixed`;
//! 4. [`assemble`] turns token ranges into byte spans and names the speaker of each source;
//!    [`lead_in`] finds where a quote's content starts when reported words lead into it.

mod assemble;
mod clauses;
mod content_bounds;
mod cue_senses;
mod cues;
mod forms;
mod lead_in;
mod lexicon;
mod postposed;
#[doc(hidden)]
pub mod rejections;
mod sources;
pub(crate) mod tokens;

use crate::quotes::Analysis;
use crate::Span;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum AttributionKind {
    /// The whole content is quoted.
    Direct,
    /// Reported speech holding a quoted phrase.
    Mixed,
    /// Reported speech without quotation marks.
    Indirect,
}

impl AttributionKind {
    pub fn as_str(&self) -> &'static str {
        match self {
            AttributionKind::Direct => "direct",
            AttributionKind::Mixed => "mixed",
            AttributionKind::Indirect => "indirect",
        }
    }
}

/// One attribution. Spans are byte ranges into the text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Attribution {
    /// The hull of the content (for a split content, from its first part to its last).
    pub content: Span,
    /// The content pieces, in order (one unless split by "he said" or a source).
    pub parts: Vec<Span>,
    /// The source as written ("the ministry", "he", "Clinton, the Democratic nominee,"), or
    /// None ("it is believed that …", a quote with no speaker found).
    pub source: Option<Span>,
    /// Canonical speaker name (same rules as quote speakers), or the source itself when it
    /// names no person; None without a source or for an unresolved pronoun.
    pub speaker: Option<String>,
    pub cue: Option<Span>,
    pub kind: AttributionKind,
    /// Indexes into [`Attributions::quotes`] of the quotes inside the content.
    pub quotes: Vec<usize>,
    /// Index of the sentence holding the content start.
    pub sentence: usize,
    /// Index, in the same [`Attributions::attributions`], of the attribution whose content
    /// holds this one ("the council told her that …" inside "The mayor said the council told
    /// her that …"), or None for an outermost attribution.
    pub nested_in: Option<usize>,
}

/// Attributions of a text, with the quote analysis they were built on.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Attributions {
    pub attributions: Vec<Attribution>,
    pub quotes: Analysis,
}

/// Find every outermost attribution in `text`, given its sentences (from
/// [`crate::segment::split`]): [`extract_with`] without nested ones.
pub fn extract(text: &str, sentences: &[Span]) -> Attributions {
    extract_with(text, sentences, false)
}

/// Find every attribution in `text`; with `nested`, also the ones inside the contents of
/// others ("The mayor said the council told her that …": "told" inside "said"), each with
/// [`Attribution::nested_in`] set. Off in [`extract`]: the newsdev gold (PolNeAR) marks few of
/// them, so they lower its content F1 (see README).
pub fn extract_with(text: &str, sentences: &[Span], nested: bool) -> Attributions {
    crate::lexicon::runtime::in_call(|| assemble::run(text, sentences, nested))
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_bounds;
#[cfg(test)]
mod tests_cue_clauses;
#[cfg(test)]
mod tests_cues;
#[cfg(test)]
mod tests_ends;
#[cfg(test)]
mod tests_forms;
#[cfg(test)]
mod tests_leads;
#[cfg(test)]
mod tests_nested;
#[cfg(test)]
mod tests_quotes;
#[cfg(test)]
mod tests_recall;
#[cfg(test)]
mod tests_rejections;
#[cfg(test)]
mod tests_sources;
#[cfg(test)]
mod tests_sources_clauses;
#[cfg(test)]
mod tests_sources_phrases;
#[cfg(test)]
mod tests_words;
