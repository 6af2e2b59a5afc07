//! One article's rows for the tidy tables (documents, sentences, quotes, speakers).
//!
//! Pure Rust, so it is testable without Python; the bindings turn these rows into columns in
//! code-point offsets.

use crate::attributions::{self, Attribution, AttributionKind};
use crate::quotes::Analysis;
use crate::sentiment::{Analyzer, KeptTokens, Scores};
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
    /// Every attribution, quoted or reported ([`crate::attributions`]).
    pub attributions: Vec<Attribution>,
    /// VADER scores of each attribution's content (its parts, not the "he said" between them).
    pub attribution_scores: Vec<Scores>,
    /// Per speaker of `analysis`: (direct, reported) attributions whose speaker has its name.
    pub speaker_attributions: Vec<(usize, usize)>,
    /// Speakers heard only through attributions (no quote of theirs was found: "the ministry
    /// said …"), in order of first appearance.
    pub reported_speakers: Vec<ReportedSpeaker>,
}

/// A speakers-table row for a speaker the quote pipeline does not know: a source of reported
/// speech only.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ReportedSpeaker {
    pub name: String,
    /// Direct attributions (a quote the quote rules left without a speaker) and reported ones
    /// (indirect or mixed).
    pub n_direct: usize,
    pub n_indirect: usize,
    /// Mean compound of the attribution contents.
    pub compound: f64,
}

/// Split, find quotes and attributions, and score sentences, quotes and attribution contents
/// of one article.
pub fn analyze_doc(text: &str) -> DocTables {
    analyze_doc_with(text, false)
}

/// [`analyze_doc`]; with `nested`, the attributions nested in contents too
/// ([`attributions::extract_with`]), counted in the speakers' counts like any other.
pub fn analyze_doc_with(text: &str, nested: bool) -> DocTables {
    crate::lexicon::runtime::in_call(|| analyze_doc_now(text, nested))
}

fn analyze_doc_now(text: &str, nested: bool) -> DocTables {
    let sentences = segment::split(text);
    let found = attributions::extract_with(text, &sentences, nested);
    let analyzer = Analyzer::default_ref();
    // The sentences' tokens, kept for the quotes and contents inside them, in buffers reused
    // from article to article (grown afresh for each, they cost more than they saved).
    let score = |kept: &mut KeptTokens| {
        let mut d = from_parts_kept(text, sentences, found.quotes, analyzer, kept);
        with_attributions_kept(text, &mut d, found.attributions, analyzer, kept);
        d
    };
    KEPT.with(|k| match k.try_borrow_mut() {
        Ok(mut kept) => {
            kept.clear();
            score(&mut kept)
        }
        // In use further up this thread (not expected): buffers of its own.
        Err(_) => score(&mut KeptTokens::default()),
    })
}

thread_local! {
    /// The kept sentence tokens of this thread (see [`analyze_doc_now`]).
    static KEPT: std::cell::RefCell<KeptTokens> = std::cell::RefCell::new(KeptTokens::default());
}

/// Add attributions to an analysed article: content scores and per-speaker counts.
pub fn with_attributions(
    text: &str,
    d: &mut DocTables,
    found: Vec<Attribution>,
    analyzer: &Analyzer,
) {
    with_attributions_kept(text, d, found, analyzer, &KeptTokens::default())
}

/// [`with_attributions`], scoring contents from the tokens `kept` of the sentences they lie in.
fn with_attributions_kept(
    text: &str,
    d: &mut DocTables,
    found: Vec<Attribution>,
    analyzer: &Analyzer,
    kept: &KeptTokens,
) {
    // One scorer for every content: the thread's buffers looked up once. (The parts joined
    // by spaces are scored, as one text.)
    d.attribution_scores = analyzer.with_scorer(|sc| {
        (found.iter())
            .map(|a| sc.parts_scores(text, &a.parts, kept))
            .collect()
    });
    // Sized once for a name per attribution (grown from empty it rehashed several times).
    let mut by_name: rustc_hash::FxHashMap<&str, (usize, usize)> =
        rustc_hash::FxHashMap::with_capacity_and_hasher(found.len(), Default::default());
    for a in &found {
        if let Some(name) = &a.speaker {
            let c = by_name.entry(name.as_str()).or_default();
            match a.kind {
                AttributionKind::Direct => c.0 += 1,
                AttributionKind::Mixed | AttributionKind::Indirect => c.1 += 1,
            }
        }
    }
    d.speaker_attributions = (d.analysis.speakers.iter())
        .map(|sp| by_name.get(sp.name.as_str()).copied().unwrap_or_default())
        .collect();
    d.reported_speakers = reported_speakers(d, &found);
    d.attributions = found;
}

/// Speakers of `found` that are not among the quote pipeline's speakers, with their counts
/// and the mean compound of their contents (scores from `d.attribution_scores`).
fn reported_speakers(d: &DocTables, found: &[Attribution]) -> Vec<ReportedSpeaker> {
    let known: rustc_hash::FxHashSet<&str> = d
        .analysis
        .speakers
        .iter()
        .map(|sp| sp.name.as_str())
        .collect();
    let mut index: rustc_hash::FxHashMap<&str, usize> =
        rustc_hash::FxHashMap::with_capacity_and_hasher(found.len(), Default::default());
    let mut rows: Vec<ReportedSpeaker> = Vec::new();
    let mut sums: Vec<f64> = Vec::new();
    for (a, score) in found.iter().zip(&d.attribution_scores) {
        let Some(name) = a.speaker.as_deref().filter(|n| !known.contains(n)) else {
            continue;
        };
        let k = *index.entry(name).or_insert_with(|| {
            rows.push(ReportedSpeaker {
                name: name.to_string(),
                ..Default::default()
            });
            sums.push(0.0);
            rows.len() - 1
        });
        let row = &mut rows[k];
        match a.kind {
            AttributionKind::Direct => row.n_direct += 1,
            AttributionKind::Mixed | AttributionKind::Indirect => row.n_indirect += 1,
        }
        sums[k] += score.compound;
    }
    for (row, sum) in rows.iter_mut().zip(sums) {
        row.compound = sum / (row.n_direct + row.n_indirect) as f64;
    }
    rows
}

/// Score the parts of an already analysed article.
pub fn from_parts(
    text: &str,
    sentences: Vec<Span>,
    analysis: Analysis,
    analyzer: &Analyzer,
) -> DocTables {
    from_parts_kept(
        text,
        sentences,
        analysis,
        analyzer,
        &mut KeptTokens::default(),
    )
}

/// [`from_parts`], keeping the sentences' tokens in `kept` and scoring the quotes from them
/// (see [`KeptTokens`]).
fn from_parts_kept(
    text: &str,
    sentences: Vec<Span>,
    analysis: Analysis,
    analyzer: &Analyzer,
    kept: &mut KeptTokens,
) -> DocTables {
    // One scorer for every sentence and quote: the thread's buffers looked up once.
    let (sentence_scores, quote_scores): (Vec<Scores>, Vec<Scores>) = analyzer.with_scorer(|sc| {
        let sentence_scores = (sentences.iter())
            .map(|&s| sc.sentence_scores(text, s, kept))
            .collect();
        let quote_scores = (analysis.quotes.iter())
            .map(|q| sc.parts_scores(text, std::slice::from_ref(&q.span), kept))
            .collect();
        (sentence_scores, quote_scores)
    });
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
        ..Default::default()
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
    fn attributions_are_scored_on_their_content_and_counted_per_speaker() {
        let text = "“We won,” Ann Lee said. She said the ruling was a disgrace.";
        let d = analyze_doc(text);
        assert_eq!(d.attributions.len(), 2);
        assert_eq!(d.attribution_scores.len(), 2);
        let content = d.attributions[1].content.of(text);
        assert_eq!(content, "the ruling was a disgrace");
        let expected = Analyzer::default_ref().polarity_scores(content);
        assert_eq!(d.attribution_scores[1], expected);
        assert_eq!(d.speaker_attributions, vec![(1, 1)]);
    }

    #[test]
    fn a_speaker_heard_only_in_reported_speech_gets_a_row() {
        let text = "“We won,” Ann Lee said. The water board said the river was safe. The \
                    water board added that no fish had died.";
        let d = analyze_doc(text);
        assert!(d
            .analysis
            .speakers
            .iter()
            .all(|sp| sp.name != "water board"));
        assert_eq!(d.reported_speakers.len(), 1, "{:?}", d.reported_speakers);
        let r = &d.reported_speakers[0];
        assert_eq!(r.name, "water board");
        assert_eq!((r.n_direct, r.n_indirect), (0, 2));
        let scores: Vec<f64> = (d.attributions.iter().zip(&d.attribution_scores))
            .filter(|(a, _)| a.speaker.as_deref() == Some("water board"))
            .map(|(_, s)| s.compound)
            .collect();
        assert!((r.compound - (scores[0] + scores[1]) / 2.0).abs() < 1e-12);
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
