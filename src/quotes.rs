//! Quotation detection, classification and speaker attribution.
//!
//! Pipeline (one pass each, linear in the text):
//! 1. [`marks`]: pair quotation marks per paragraph, apostrophes excluded, unbalanced marks
//!    dropped at the paragraph end, run-on quotes split per paragraph.
//! 2. [`tokens`]: word tokens, with the marks as tokens and the sentence index of each.
//! 3. [`entities`]: person mentions (names with titles, pronouns, role nouns, unnamed sources),
//!    clustered into canonical speakers; pronouns and role nouns resolved left to right.
//! 4. [`attribution`]: for each quote, the cue and the mention it hangs on (after the quote,
//!    before it in its sentence, inherited from the quote it continues), then its kind; quotes
//!    in the article's [`headline`] lines are headline quotes.

mod attribution;
mod entities;
mod headline;
pub(crate) mod lexicon;
mod marks;
pub(crate) mod tokens;

use crate::Span;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum QuoteKind {
    Direct,
    Partial,
    Scare,
    /// In the article's headline (its title-like first lines, [`headline`]): headline style
    /// quotes (single marks, Title Case) that the body usually repeats; the speaker is kept
    /// where the headline names one ("Mayor: ‘…’", "‘…,’ says X").
    Headline,
}

impl QuoteKind {
    pub fn as_str(&self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Partial => "partial",
            QuoteKind::Scare => "scare",
            QuoteKind::Headline => "headline",
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
pub fn analyze(text: &str, sentences: &[Span]) -> Analysis {
    crate::lexicon::runtime::in_call(|| analyze_now(text, sentences))
}

fn analyze_now(text: &str, sentences: &[Span]) -> Analysis {
    let pairs = marks::scan(text);
    if pairs.is_empty() {
        return Analysis::default();
    }
    let toks = tokens::tokenize(text, &pairs, sentences);
    let mut ents = entities::extract(text, &toks);
    let head_end = headline::headline_end(text, sentences, &pairs);
    let found = attribution::attribute(text, &toks, &pairs, &mut ents, head_end);
    assemble(text, sentences, &found, &ents)
}

/// A mention outside quotation marks (name, pronoun, role noun, group) and the canonical
/// speaker name it resolves to, by the same rules as quote speakers. For [`crate::attributions`].
#[derive(Clone, Debug, PartialEq)]
pub struct ResolvedMention {
    pub span: Span,
    /// Shared by the mentions of one speaker (an article mentions each many times).
    pub name: Option<std::rc::Rc<str>>,
    pub pronoun: bool,
}

/// [`analyze`] plus every mention outside quotes with its resolved speaker name.
pub fn analyze_with_mentions(text: &str, sentences: &[Span]) -> (Analysis, Vec<ResolvedMention>) {
    let (analysis, mentions, _) = analyze_with_words(text, sentences);
    (analysis, mentions)
}

/// [`analyze_with_mentions`], and the plain words of the text ([`tokens::PlainWord`]), which
/// the attribution tokenizer takes as they are instead of scanning and looking them up again
/// ([`crate::attributions`]).
pub(crate) fn analyze_with_words(
    text: &str,
    sentences: &[Span],
) -> (Analysis, Vec<ResolvedMention>, Vec<tokens::PlainWord>) {
    crate::lexicon::runtime::in_call(|| analyze_with_mentions_now(text, sentences))
}

fn analyze_with_mentions_now(
    text: &str,
    sentences: &[Span],
) -> (Analysis, Vec<ResolvedMention>, Vec<tokens::PlainWord>) {
    let pairs = marks::scan(text);
    // News text has about one word per six bytes (plain words are fewer): room for all.
    let mut plain = Vec::with_capacity(text.len() / 5);
    let toks = tokens::tokenize_with(text, &pairs, sentences, Some(&mut plain));
    let mut ents = entities::extract(text, &toks);
    let analysis = if pairs.is_empty() {
        Analysis::default()
    } else {
        let head_end = headline::headline_end(text, sentences, &pairs);
        let found = attribution::attribute(text, &toks, &pairs, &mut ents, head_end);
        assemble(text, sentences, &found, &ents)
    };
    // Each entity's name built once, not once per mention.
    let mut names: Vec<Option<std::rc::Rc<str>>> = vec![None; ents.ents.len()];
    let mut name_of = |e: usize| match names.get_mut(e) {
        Some(n) => n.get_or_insert_with(|| ents.name(e).into()).clone(),
        None => ents.name(e).into(),
    };
    // Room for every mention: a filtered collect starts small and grows (copied each time).
    let mut mentions = Vec::with_capacity(ents.mentions.len());
    mentions.extend(
        (ents.mentions.iter().filter(|m| !m.in_quote)).map(|m| ResolvedMention {
            span: m.span,
            name: m.ent.map(&mut name_of),
            pronoun: matches!(m.kind, entities::MKind::Pron { .. } | entities::MKind::They),
        }),
    );
    (analysis, mentions, plain)
}

fn sentence_of(sentences: &[Span], pos: usize) -> usize {
    // First sentence that ends after `pos`; a start in a gap belongs to the next sentence.
    let i = sentences.partition_point(|s| s.end <= pos);
    i.min(sentences.len().saturating_sub(1))
}

fn assemble(
    text: &str,
    sentences: &[Span],
    found: &[attribution::Found],
    ents: &entities::Entities,
) -> Analysis {
    let mut speakers: Vec<Speaker> = Vec::new();
    // Entities are indexes below `ents.ents.len()`: each one's speaker and quote count by
    // index (an entity out of that range, not expected, gets a speaker of its own).
    let mut ent_to_speaker: Vec<usize> = vec![usize::MAX; ents.ents.len()];
    let mut n_quotes: Vec<usize> = vec![0; ents.ents.len()];
    for e in found.iter().filter_map(|f| f.entity) {
        if let Some(n) = n_quotes.get_mut(e) {
            *n += 1;
        }
    }
    let mut quotes = Vec::with_capacity(found.len());
    let mut by_ent = ents.mentions_by_entity(found.iter().filter_map(|f| f.entity));
    for (qi, f) in found.iter().enumerate() {
        let speaker_id = f.entity.map(|e| {
            let known = ent_to_speaker.get(e).copied().filter(|&s| s != usize::MAX);
            known.unwrap_or_else(|| {
                speakers.push(Speaker {
                    name: ents.name(e).to_string(),
                    mentions: by_ent.remove(&e).unwrap_or_default(),
                    descriptions: ents.descriptions_of(text, e),
                    quotes: Vec::with_capacity(n_quotes.get(e).copied().unwrap_or(1)),
                });
                let s = speakers.len() - 1;
                if let Some(slot) = ent_to_speaker.get_mut(e) {
                    *slot = s;
                }
                s
            })
        });
        if let Some(s) = speaker_id {
            speakers[s].quotes.push(qi);
        }
        quotes.push(Quote {
            span: f.span,
            kind: f.kind,
            speaker: speaker_id.map(|s| speakers[s].name.clone()),
            speaker_id,
            mention: f.mention,
            cue: f.cue,
            sentence: sentence_of(sentences, f.span.start),
        });
    }
    Analysis { quotes, speakers }
}

#[cfg(test)]
mod tests;
