//! Token records of an article's sentences, kept while they are scored, so that a span inside
//! a sentence (a quote, an attribution content) is scored from them instead of scanning its
//! text again.
//!
//! `str.split()` of a span is the sentence's raw tokens that lie inside the span, plus, at
//! either end, the part of a raw token the span cuts (a quote's first word without its
//! opening mark: VADER keeps a curly mark on its word, so "“We" and "We" are different
//! tokens). A token's record depends on its raw text alone, so the inside tokens' records are
//! the sentence's, and only the cut ones are read again. The counts of '!' and '?' are the
//! span's own. Sentences whose tokens are not their text's (emoji replaced by descriptions)
//! are not kept; a span not inside one kept sentence is scanned as before.

use std::cell::Cell;

use super::table::{Info, Tok};
use super::{count_punct, Analyzer, Scratch, TokenWriter};
use crate::Span;

/// Token records and raw bytes (start, end) of a run of kept tokens.
type Tokens<'a> = (&'a [Info], &'a [(usize, usize)]);

/// The token records of the sentences scored so far (see the module notes).
#[derive(Clone, Debug, Default)]
pub struct KeptTokens {
    /// Each kept sentence, the index of its first token and of its run (kept sentences with
    /// only white space between them: a span across them has their tokens); in text order,
    /// not overlapping.
    sents: Vec<(Span, usize, usize)>,
    /// Every kept token's record, valence included (0 unless a lexicon word).
    infos: Vec<Info>,
    /// Every kept token's raw bytes (start, end) in the article.
    bounds: Vec<(usize, usize)>,
    /// The sentence index the last part's search found: parts come in text order (quotes,
    /// then contents), so the next one's is nearly always at or a few sentences after it.
    hint: Cell<usize>,
}

impl KeptTokens {
    /// Forget every sentence (the room stays, for the next article).
    pub fn clear(&mut self) {
        self.sents.clear();
        self.infos.clear();
        self.bounds.clear();
        self.hint.set(0);
    }

    /// Keep the tokens that `sc` holds for the sentence `s` (noted by a recording scan).
    pub(super) fn keep(&mut self, text: &str, s: Span, sc: &Scratch) {
        // Only sentences in text order are kept (a span's sentence is found by its start).
        if self
            .sents
            .last()
            .is_some_and(|(last, ..)| last.end > s.start)
        {
            return;
        }
        // A run goes on over a gap of white space only; an empty gap would glue the words
        // on either side into one token of a span across it.
        let run = match self.sents.last() {
            Some(&(last, _, run)) => {
                let gap = text.get(last.end..s.start).unwrap_or("x");
                match !gap.is_empty() && gap.chars().all(super::py_isspace) {
                    true => run,
                    false => run + 1,
                }
            }
            None => 0,
        };
        let (Some(toks), Some(bounds), Some(lex)) = (
            sc.toks.get(..sc.n_toks),
            sc.bounds.get(..sc.n_toks),
            sc.lex.get(..sc.n_lex),
        ) else {
            return;
        };
        let base = self.infos.len();
        self.sents.push((s, base, run));
        self.infos.extend(toks.iter().map(|t: &Tok| Info {
            valence: 0.0,
            flags: t.flags,
            id: t.id,
        }));
        for &(k, v) in lex {
            if let Some(info) = self.infos.get_mut(base + k) {
                info.valence = v;
            }
        }
        // (Noted from the sentence's start in the article by the scan.)
        self.bounds.extend_from_slice(bounds);
    }

    /// The index of the first kept sentence starting after byte `at`
    /// (`partition_point(|s| s.start <= at)`): walked from the last answer when `at` is at
    /// or after that sentence's predecessor's start (then every sentence before it starts
    /// at or before `at` too), else searched.
    fn first_after(&self, at: usize) -> usize {
        let h = self.hint.get();
        let walkable = match h.checked_sub(1) {
            Some(k) => self.sents.get(k).is_some_and(|(s, ..)| s.start <= at),
            None => true,
        };
        let j = match walkable && h <= self.sents.len() {
            true => {
                let rest = self.sents.get(h..).unwrap_or_default();
                h + rest.iter().take_while(|(s, ..)| s.start <= at).count()
            }
            false => self.sents.partition_point(|(s, ..)| s.start <= at),
        };
        self.hint.set(j);
        j
    }

    /// The kept tokens (records and bounds) of the sentences of one run that hold all of
    /// `p`, if any.
    fn tokens_of(&self, p: Span) -> Option<Tokens<'_>> {
        let j0 = self.first_after(p.start);
        // The sentences after the first that start before the end: a walk (most parts lie
        // in one sentence or a few), where a second search cost some 7 steps a part.
        let later = self.sents.get(j0..).unwrap_or_default();
        let j1 = j0 + later.iter().take_while(|(s, ..)| s.start < p.end).count();
        let &(_, first, run0) = self.sents.get(j0.checked_sub(1)?)?;
        let &(last, _, run1) = self.sents.get(j1.checked_sub(1)?)?;
        if p.end > last.end || run0 != run1 {
            return None;
        }
        let end = self.sents.get(j1).map_or(self.infos.len(), |&(_, k, _)| k);
        Some((self.infos.get(first..end)?, self.bounds.get(first..end)?))
    }

    /// Fill `sc` with the token records of the parts of `text` joined by spaces, from the
    /// kept tokens, and give the text's counts of '!' and '?'; `None` (`sc` left in any
    /// state) if some part is not inside one kept sentence.
    pub(super) fn fill(
        &self,
        a: &Analyzer,
        text: &str,
        parts: &[Span],
        sc: &mut Scratch,
    ) -> Option<(usize, usize)> {
        let mut ranges: [Tokens<'_>; 4] = [(&[], &[]); 4];
        let mut n = 0;
        for (slot, &p) in ranges.iter_mut().zip(parts) {
            text.get(p.start..p.end)?;
            let (infos, bounds) = self.tokens_of(p)?;
            // The tokens that overlap the part.
            let lo = bounds.partition_point(|&(_, e)| e <= p.start);
            // (None for an empty part, whose end may lie inside a token.)
            let hi = bounds.partition_point(|&(s, _)| s < p.end).max(lo);
            let hi = if p.start < p.end { hi } else { lo };
            let r = (infos.get(lo..hi)?, bounds.get(lo..hi)?);
            n += r.0.len();
            *slot = r;
        }
        if parts.len() > ranges.len() {
            return None;
        }
        sc.clear();
        sc.room_for(n);
        let mut w = TokenWriter::new(&mut sc.toks, &mut sc.lex);
        let (mut ep, mut qm) = (0, 0);
        for (&(infos, bounds), &p) in ranges.iter().zip(parts) {
            // Only the first and the last token can be cut by the part: a cut one's piece is
            // a token of its own.
            let edge = |k: usize| -> Option<Info> {
                let (&info, &(s, e)) = (infos.get(k)?, bounds.get(k)?);
                match s < p.start || e > p.end {
                    true => a.piece_info_in(text, s.max(p.start), e.min(p.end)),
                    false => Some(info),
                }
            };
            if let Some(last) = infos.len().checked_sub(1) {
                w.push(edge(0)?);
                if last > 0 {
                    w.push_all(infos.get(1..last).unwrap_or_default());
                    w.push(edge(last)?);
                }
            }
            let (e, q) = count_punct(text.get(p.start..p.end)?);
            ep += e;
            qm += q;
        }
        let counts = w.finish();
        if !sc.fits(&counts) {
            return None;
        }
        sc.set_counts(counts);
        Some((ep, qm))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The walked search gives `partition_point`'s answer for any order of questions:
    /// forward, backward, repeated, before the first and after the last sentence.
    #[test]
    fn first_after_is_the_partition_point() {
        let mut kept = KeptTokens::default();
        for k in 0..12 {
            kept.sents.push((Span::new(10 * k + 3, 10 * k + 9), k, 0));
        }
        let asks = [
            0, 3, 4, 13, 13, 40, 9, 2, 119, 200, 55, 56, 63, 64, 0, 112, 113, 30, 31, 29,
        ];
        for at in asks.into_iter().chain(0..130).chain((0..130).rev()) {
            let want = kept.sents.partition_point(|(s, ..)| s.start <= at);
            assert_eq!(kept.first_after(at), want, "at {at}");
        }
        kept.clear();
        assert_eq!(kept.first_after(5), 0);
    }
}
