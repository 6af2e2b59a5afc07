//! Which quotes render the same remark.
//!
//! Each quote is cut into its sentences ("units") and normalised to words. Candidates come
//! from an inverted index over content words and word bigrams: every unit reads only its few
//! rarest keys that some other unit shares (picked while the index is built), a key shared by
//! very many units contributes only its longest holders, and a unit reads a fixed number of
//! postings in all, so the work per unit is bounded and the whole is near-linear (no
//! all-pairs). Candidates are verified by idf-weighted *containment* of the shorter unit in the
//! longer one (a partial quote is a fragment of the full one, so Jaccard would be wrong).
//! Sentences that match are united (union-find, never across two different known speakers);
//! short fragments ("hoax", "get it done") only *attach* to every remark that contains them, so
//! a common fragment cannot chain two remarks together. A quote holding several shared
//! sentences belongs to several clusters.

mod copies;
mod index;
mod prefetch;
mod prepare;
mod unite;
mod verify;
mod vocab;

/// Tuning knobs; the defaults are the tested ones.
#[derive(Clone, Debug)]
pub struct Options {
    /// Weighted containment of the shorter sentence in the longer one needed to unite them.
    pub min_containment: f64,
    /// Share of the shorter sentence's words (unweighted) found in the longer one: the
    /// wording, not just the topic words, must be contained.
    pub min_word_containment: f64,
    /// Units of at most this many words are fragments: they attach, never unite.
    pub fragment_words: usize,
    /// How many of a unit's rarest shared keys it looks up.
    pub keys_per_unit: usize,
    /// At most this many holders (the longest) of one key are candidates.
    pub posting_cap: usize,
    /// At most this many postings in all are read per unit, rarest keys first: the rare keys
    /// of a remark's other renderings come first, and a unit with no true partner, whose
    /// shared keys grow more common as the corpus grows, costs no more than this.
    pub scan_budget: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            min_containment: 0.6,
            min_word_containment: 0.6,
            fragment_words: 3,
            keys_per_unit: 4,
            posting_cap: 48,
            scan_budget: 96,
        }
    }
}

/// One quote's membership in one cluster; `start..end` is the byte range of the quote text
/// that carries the remark (the matching sentences).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Member {
    pub cluster: usize,
    pub quote: usize,
    pub start: usize,
    pub end: usize,
}

/// The result of [`match_quotes`].
#[derive(Clone, Debug, Default)]
pub struct QuoteClusters {
    /// Sorted by cluster, then quote. Only clusters of two or more quotes.
    pub members: Vec<Member>,
    pub n_clusters: usize,
    /// One id per quote: its primary cluster (where its longest part matched), so equal ids
    /// mean the same remark without chaining through quotes that carry several; a quote in no
    /// cluster has an id of its own.
    pub ids: Vec<usize>,
}

/// The quote texts of a clustering: the `i`-th text for `i < count()`. A slice of `&str`, or
/// one buffer with offsets (the bindings copy a million Python strs into one, not into a
/// `String` each).
pub trait Texts: Sync {
    fn count(&self) -> usize;
    /// The `i`-th text ("" past the end).
    fn text(&self, i: usize) -> &str;
}

impl Texts for [&str] {
    fn count(&self) -> usize {
        self.len()
    }
    fn text(&self, i: usize) -> &str {
        self.get(i).copied().unwrap_or("")
    }
}

/// Speakers as labels: `labels` distinct, `of[q]` the label of quote `q`; an empty or blank
/// label means no speaker. A corpus repeats a few thousand labels over a million quotes, so
/// this is 4 bytes per quote instead of a string.
#[derive(Clone, Copy, Debug)]
pub struct SpeakerLabels<'a> {
    pub labels: &'a [&'a str],
    pub of: &'a [u32],
}

/// Cluster quotes into remarks; see the module docs. `speakers`, when given, has one entry
/// per quote (None: unknown); quotes of two different known speakers never share a cluster.
pub fn match_quotes(
    texts: &[&str],
    speakers: Option<&[Option<&str>]>,
    o: &Options,
) -> QuoteClusters {
    let Some(sp) = speakers else {
        return match_labelled(texts, None, o);
    };
    let (labels, of) = prepare::label_ids(sp);
    let labels = SpeakerLabels {
        labels: &labels,
        of: &of,
    };
    match_labelled(texts, Some(labels), o)
}

/// [`match_quotes`] with any [`Texts`] and speakers as [`SpeakerLabels`].
pub fn match_labelled<T: Texts + ?Sized>(
    texts: &T,
    speakers: Option<SpeakerLabels<'_>>,
    o: &Options,
) -> QuoteClusters {
    let p = prepare::prepare(texts, speakers);
    match_prepared(p, o, texts.count())
}

/// [`match_labelled`] that frees the texts once they are tokenised: what is left of a quote
/// is its word ids, so the text is not held through the rest of the work.
pub fn match_labelled_owned<T: Texts>(
    texts: T,
    speakers: Option<SpeakerLabels<'_>>,
    o: &Options,
) -> QuoteClusters {
    let n = texts.count();
    let tokens = prepare::tokenise_all(&texts);
    drop(texts);
    let p = prepare::prepared(tokens, n, speakers);
    match_prepared(p, o, n)
}

fn match_prepared(mut p: prepare::Prepared, o: &Options, n_quotes: usize) -> QuoteClusters {
    let (mut edges, reps) = copies::representatives(&p, o);
    index::candidate_edges(&p, o, &reps, &mut edges);
    drop(reps);
    p.free_tokens();
    unite::clusters(&p, o, edges, n_quotes)
}

/// Cluster ids, one per quote: equal ids mean the same remark (see [`QuoteClusters::ids`]).
pub fn cluster_quotes(texts: &[&str], speakers: Option<&[Option<&str>]>) -> Vec<usize> {
    match_quotes(texts, speakers, &Options::default()).ids
}

#[cfg(test)]
mod tests;
