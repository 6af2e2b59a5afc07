//! One article's rows for the tidy tables (documents, sentences, quotes, speakers).
//!
//! Pure Rust, so it is testable without Python; the bindings turn these rows into columns in
//! code-point offsets.

use crate::quotes::{self, Analysis};
use crate::sentiment::{Analyzer, Scores};
use crate::{segment, Span};

/// Everything the four tables need from one article.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DocTables {
    pub sentences: Vec<Span>,
    /// VADER scores of each sentence's text.
    pub sentence_scores: Vec<Scores>,
    pub analysis: Analysis,
    /// VADER scores of each quote's text (the words between the marks).
    pub quote_scores: Vec<Scores>,
    /// Mean compound of each speaker's quotes; NaN for a speaker without quotes.
    pub speaker_compound: Vec<f64>,
    /// Mean of the sentence scores; NaN when the article has no sentence.
    pub mean: Scores,
}

/// Split, find quotes and score sentences and quotes of one article.
pub fn analyze_doc(text: &str) -> DocTables {
    let sentences = segment::split(text);
    let analysis = quotes::analyze(text, &sentences);
    from_parts(text, sentences, analysis, Analyzer::default_ref())
}

/// The slice a span covers, or "" if a span is ever out of range (never panic on input).
fn slice(text: &str, s: Span) -> &str {
    text.get(s.start..s.end).unwrap_or("")
}

/// Score the parts of an already analysed article.
pub fn from_parts(
    text: &str,
    sentences: Vec<Span>,
    analysis: Analysis,
    analyzer: &Analyzer,
) -> DocTables {
    let sentence_scores: Vec<Scores> = sentences
        .iter()
        .map(|&s| analyzer.polarity_scores(slice(text, s)))
        .collect();
    let quote_scores: Vec<Scores> = analysis
        .quotes
        .iter()
        .map(|q| analyzer.polarity_scores(slice(text, q.span)))
        .collect();
    let speaker_compound = analysis
        .speakers
        .iter()
        .map(|sp| mean(sp.quotes.iter().filter_map(|&i| quote_scores.get(i))).compound)
        .collect();
    let mean = mean(sentence_scores.iter());
    DocTables {
        sentences,
        sentence_scores,
        analysis,
        quote_scores,
        speaker_compound,
        mean,
    }
}

/// Every mention of every speaker (names, role nouns, pronouns resolved to them) as
/// `(speaker index, span)`, in text order; ties keep speaker order.
pub fn mention_rows(analysis: &Analysis) -> Vec<(usize, Span)> {
    let mut rows: Vec<(usize, Span)> = analysis
        .speakers
        .iter()
        .enumerate()
        .flat_map(|(i, sp)| sp.mentions.iter().map(move |&m| (i, m)))
        .collect();
    rows.sort_by_key(|&(i, m)| (m.start, m.end, i));
    rows
}

/// Component-wise mean; all NaN for no scores (pandas' mean of nothing).
pub fn mean<'a>(scores: impl Iterator<Item = &'a Scores>) -> Scores {
    let mut sum = Scores::default();
    let mut n = 0usize;
    for s in scores {
        sum.neg += s.neg;
        sum.neu += s.neu;
        sum.pos += s.pos;
        sum.compound += s.compound;
        n += 1;
    }
    if n == 0 {
        return Scores {
            neg: f64::NAN,
            neu: f64::NAN,
            pos: f64::NAN,
            compound: f64::NAN,
        };
    }
    let n = n as f64;
    Scores {
        neg: sum.neg / n,
        neu: sum.neu / n,
        pos: sum.pos / n,
        compound: sum.compound / n,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::{Quote, QuoteKind, Speaker};

    fn sc(c: f64) -> Scores {
        Scores {
            neg: 0.0,
            neu: 1.0,
            pos: 0.0,
            compound: c,
        }
    }

    #[test]
    fn mean_of_nothing_is_nan_and_mean_is_componentwise() {
        assert!(mean(std::iter::empty()).compound.is_nan());
        let m = mean([sc(0.5), sc(-0.1)].iter());
        assert!((m.compound - 0.2).abs() < 1e-12);
        assert_eq!(m.neu, 1.0);
    }

    #[test]
    fn empty_text_has_no_rows() {
        let d = analyze_doc("");
        assert!(d.sentences.is_empty() && d.analysis.quotes.is_empty());
        assert!(d.mean.compound.is_nan());
    }

    #[test]
    fn one_score_per_sentence_quote_and_speaker() {
        let text = "“We won,” she said. Ok. “Bad” idea.";
        let sentences = segment::split(text);
        let q = |a: usize, b: usize, sp: Option<usize>| Quote {
            span: Span::new(a, b),
            kind: QuoteKind::Direct,
            speaker: sp.map(|_| "Ann Lee".to_string()),
            speaker_id: sp,
            mention: None,
            cue: None,
            sentence: 0,
        };
        let analysis = Analysis {
            quotes: vec![q(3, 10, Some(0)), q(31, 34, None)],
            speakers: vec![
                Speaker {
                    name: "Ann Lee".into(),
                    mentions: vec![Span::new(14, 17)],
                    descriptions: vec![],
                    quotes: vec![0],
                },
                // A speaker without quotes, and one with a dangling index: no panic.
                Speaker {
                    name: "Bo".into(),
                    mentions: vec![],
                    descriptions: vec![],
                    quotes: vec![],
                },
                Speaker {
                    name: "Cy".into(),
                    mentions: vec![],
                    descriptions: vec![],
                    quotes: vec![99],
                },
            ],
        };
        let d = from_parts(text, sentences.clone(), analysis, Analyzer::default_ref());
        assert_eq!(d.sentence_scores.len(), sentences.len());
        assert_eq!(d.quote_scores.len(), 2);
        assert_eq!(d.speaker_compound.len(), 3);
        let a = Analyzer::default_ref();
        assert_eq!(d.quote_scores[0], a.polarity_scores("We won,"));
        assert_eq!(d.speaker_compound[0], a.polarity_scores("We won,").compound);
        assert!(d.speaker_compound[1].is_nan());
        assert!(d.speaker_compound[2].is_nan());
        assert_eq!(mention_rows(&d.analysis), vec![(0, Span::new(14, 17))]);
        for (s, score) in sentences.iter().zip(&d.sentence_scores) {
            assert_eq!(*score, a.polarity_scores(s.of(text)));
        }
    }

    #[test]
    fn mention_rows_are_in_text_order() {
        let sp = |name: &str, mentions: Vec<Span>| Speaker {
            name: name.into(),
            mentions,
            descriptions: vec![],
            quotes: vec![],
        };
        let analysis = Analysis {
            quotes: vec![],
            speakers: vec![
                sp("A", vec![Span::new(10, 12), Span::new(30, 33)]),
                sp("B", vec![Span::new(0, 5), Span::new(20, 22)]),
            ],
        };
        assert_eq!(
            mention_rows(&analysis),
            vec![
                (1, Span::new(0, 5)),
                (0, Span::new(10, 12)),
                (1, Span::new(20, 22)),
                (0, Span::new(30, 33)),
            ]
        );
        let d = analyze_doc("“We won,” said Ann Lee. Lee, a coach, left.");
        let rows = mention_rows(&d.analysis);
        assert!(rows.windows(2).all(|w| w[0].1.start <= w[1].1.start));
        let n: usize = d.analysis.speakers.iter().map(|s| s.mentions.len()).sum();
        assert_eq!(rows.len(), n);
    }

    #[test]
    fn out_of_range_span_scores_empty_text() {
        let analysis = Analysis {
            quotes: vec![Quote {
                span: Span::new(5, 500),
                kind: QuoteKind::Scare,
                speaker: None,
                speaker_id: None,
                mention: None,
                cue: None,
                sentence: 0,
            }],
            speakers: vec![],
        };
        let d = from_parts("short", vec![], analysis, Analyzer::default_ref());
        assert_eq!(
            d.quote_scores,
            vec![Analyzer::default_ref().polarity_scores("")]
        );
    }
}
