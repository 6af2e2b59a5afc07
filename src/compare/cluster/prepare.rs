//! Quotes to units: each quote cut into its sentences, every word a `u32` id in one flat
//! token arena (no per-quote or per-word `String`), each unit's ids also presorted for
//! containment, idf weights per id, and linked speaker ids per quote.

use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet, FxHasher};
use std::hash::{Hash, Hasher};

use super::super::names;
use super::super::normalize::{for_each_word_in, sentence_starts_into};
use super::prefetch::{prefetch_at, prefetch_lines};
use super::vocab::Vocab;
use super::{Options, SpeakerLabels, Texts};
use crate::lexicon::STOPWORDS;

#[derive(Clone, Copy)]
pub(super) struct Unit {
    pub quote: u32,
    /// The unit is the whole quote (not one sentence of several).
    pub whole: bool,
    pub tok: (u32, u32),
    pub bytes: (u32, u32),
}

pub(super) struct Prepared {
    pub units: Vec<Unit>,
    toks: Vec<u32>,
    /// `toks` with each unit's range sorted: containment is then a merge, with no sorting
    /// per candidate pair.
    sorted: Vec<u32>,
    weight: Vec<f32>,
    /// Per unit, the summed weight of its words (in `sorted` order): the denominator of
    /// every containment of this unit, summed once rather than per candidate pair.
    bag_weight: Vec<f64>,
    content: Vec<bool>,
    speaker: Vec<Option<u32>>,
}

impl Prepared {
    pub fn seq(&self, u: usize) -> &[u32] {
        self.units
            .get(u)
            .and_then(|x| self.toks.get(x.tok.0 as usize..x.tok.1 as usize))
            .unwrap_or(&[])
    }
    /// How many words unit `u` has (still known once the tokens are freed).
    pub fn words(&self, u: usize) -> usize {
        self.units
            .get(u)
            .map_or(0, |x| x.tok.1.saturating_sub(x.tok.0) as usize)
    }
    /// Frees the word ids once every candidate pair is verified: uniting and numbering need
    /// only the units, their lengths and speakers.
    pub fn free_tokens(&mut self) {
        self.toks = Vec::new();
        self.sorted = Vec::new();
        self.bag_weight = Vec::new();
    }
    pub fn bag(&self, u: usize) -> &[u32] {
        self.units
            .get(u)
            .and_then(|x| self.sorted.get(x.tok.0 as usize..x.tok.1 as usize))
            .unwrap_or(&[])
    }
    /// A short sentence inside a longer quote ("I don’t know.", "Peace."): it may contain a
    /// fragment but is no evidence of its own.
    pub fn inert(&self, u: usize, o: &Options) -> bool {
        self.seq(u).len() <= o.fragment_words && !self.units.get(u).is_some_and(|x| x.whole)
    }
    pub fn is_content(&self, t: u32) -> bool {
        self.content.get(t as usize).copied().unwrap_or(false)
    }
    pub fn has_content(&self, u: usize) -> bool {
        self.seq(u).iter().any(|&t| self.is_content(t))
    }
    pub fn quote_of(&self, u: usize) -> Option<u32> {
        self.units.get(u).map(|x| x.quote)
    }
    pub fn speaker_of(&self, u: usize) -> Option<u32> {
        self.units
            .get(u)
            .and_then(|x| self.speaker.get(x.quote as usize).copied().flatten())
    }
    pub fn w(&self, t: u32) -> f64 {
        f64::from(self.weight.get(t as usize).copied().unwrap_or(0.0))
    }
    /// Starts loading unit `u`'s record (see [`super::prefetch`]).
    pub fn prefetch_unit(&self, u: usize) {
        prefetch_at(&self.units, u);
    }
    /// Starts loading what verifying unit `u` reads besides its record: its sorted words,
    /// summed weight and speaker. Reads the record, so it should be loaded or on its way.
    pub fn prefetch_verify(&self, u: usize) {
        if let Some(x) = self.units.get(u) {
            // Every line of the words, not just the first: a bag of 20 words spans two
            // or three lines, and the merge would wait for the later ones.
            prefetch_lines(&self.sorted, x.tok.0 as usize, x.tok.1 as usize);
            prefetch_at(&self.bag_weight, u);
            prefetch_at(&self.speaker, x.quote as usize);
        }
    }
    /// The summed weight of `bag(u)`.
    pub fn bag_weight(&self, u: usize) -> f64 {
        self.bag_weight.get(u).copied().unwrap_or(0.0)
    }
}

pub(super) fn fx<T: Hash + ?Sized>(x: &T) -> u64 {
    let mut h = FxHasher::default();
    x.hash(&mut h);
    h.finish()
}

/// The tokens of a batch of quotes, flat: the hash per word, and per unit its word range
/// within its quote and its byte range.
#[derive(Default)]
struct Batch {
    hashes: Vec<u64>,
    words_per_quote: Vec<u32>,
    units: Vec<((usize, usize), (usize, usize))>,
    units_per_quote: Vec<u32>,
}

/// Buffers one worker reuses for every quote it tokenises.
#[derive(Default)]
struct Scratch {
    word_starts: Vec<usize>,
    word: String,
    sentence_starts: Vec<usize>,
}

/// Appends one quote to `out`.
fn tokenise(text: &str, scratch: &mut Scratch, out: &mut Batch) {
    let Scratch {
        word_starts,
        word,
        sentence_starts,
    } = scratch;
    word_starts.clear();
    for_each_word_in(text, word, |w, start, _| {
        word_starts.push(start);
        out.hashes.push(fx(w));
    });
    let ws: &[usize] = word_starts;
    out.words_per_quote.push(ws.len() as u32);
    let before = out.units.len();
    sentence_starts_into(text, sentence_starts);
    let starts: &[usize] = sentence_starts;
    let mut seg = 0;
    let mut first = 0;
    // Where the current sentence begins (leading marks and punctuation included).
    let mut begin = text.len() - text.trim_start().len();
    let end_of_text = text.trim_end().len();
    for i in 0..=ws.len() {
        let next_seg_start = starts.get(seg).copied();
        let boundary = match (ws.get(i), next_seg_start) {
            (None, _) => true,
            (Some(w), Some(s)) => *w >= s,
            (Some(_), None) => false,
        };
        if boundary {
            if i > first {
                let b0 = begin.min(ws.get(first).copied().unwrap_or(0));
                let b1 = match next_seg_start {
                    Some(s) if ws.get(i).is_some() => {
                        text.get(..s).map_or(s, |t| t.trim_end().len())
                    }
                    _ => end_of_text,
                };
                out.units.push(((first, i), (b0, b1.max(b0))));
            }
            first = i;
            // Skip sentence starts with no words before the next word.
            while let (Some(w), Some(s)) = (ws.get(i), starts.get(seg)) {
                if *w >= *s {
                    begin = *s;
                    seg += 1;
                } else {
                    break;
                }
            }
        }
    }
    out.units_per_quote.push((out.units.len() - before) as u32);
}

/// How many tokens ahead of the one given an id its vocabulary slot is asked for.
const LOOKUP_AHEAD: usize = 8;

/// What is kept of the texts: word ids per token (one arena), the units, and which ids are
/// stopwords.
pub(super) struct Tokens {
    toks: Vec<u32>,
    units: Vec<Unit>,
    stop: Vec<bool>,
}

/// The texts cut into units and words; after this the texts are no longer needed.
pub(super) fn tokenise_all<T: Texts + ?Sized>(texts: &T) -> Tokens {
    const CHUNK: usize = 1 << 16;
    const BATCH: usize = 512;
    let mut ids = Vocab::new();
    // A word is known by its hash from here on (`ids`), so whether it is a stopword is asked
    // of the hash, once per distinct word rather than once per token.
    let stop_hashes: FxHashSet<u64> = STOPWORDS.iter().map(|w| fx(*w)).collect();
    let mut stop: Vec<bool> = Vec::new();
    let mut toks = Vec::new();
    let mut units = Vec::new();
    // In chunks, so the per-batch token lists never all exist at once.
    let n = texts.count();
    for c in 0..n.div_ceil(CHUNK) {
        let chunk_end = ((c + 1) * CHUNK).min(n);
        let batches: Vec<Batch> = (c * CHUNK..chunk_end)
            .step_by(BATCH)
            .collect::<Vec<usize>>()
            .into_par_iter()
            .map_init(Scratch::default, |scratch, from| {
                let mut b = Batch::default();
                for q in from..(from + BATCH).min(chunk_end) {
                    tokenise(texts.text(q), scratch, &mut b);
                }
                b
            })
            .collect();
        for (bi, b) in batches.iter().enumerate() {
            let mut hashes = b.hashes.iter();
            let mut at = 0usize;
            let mut us = b.units.iter();
            let per_quote = b.words_per_quote.iter().zip(&b.units_per_quote);
            for (qi, (&nw, &nu)) in per_quote.enumerate() {
                let q = c * CHUNK + bi * BATCH + qi;
                let base = toks.len();
                for &h in hashes.by_ref().take(nw as usize) {
                    if let Some(&ahead) = b.hashes.get(at + LOOKUP_AHEAD) {
                        ids.prefetch(ahead);
                    }
                    at += 1;
                    let (id, new) = ids.id(h);
                    if new {
                        stop.push(stop_hashes.contains(&h));
                    }
                    toks.push(id);
                }
                let whole = nu == 1;
                for &((a, b), (s, e)) in us.by_ref().take(nu as usize) {
                    units.push(Unit {
                        quote: q as u32,
                        whole,
                        tok: ((base + a) as u32, (base + b) as u32),
                        bytes: (s as u32, e as u32),
                    });
                }
            }
        }
    }
    // `toks` grew by doubling: up to half of it would be slack for the rest of the work.
    toks.shrink_to_fit();
    units.shrink_to_fit();
    Tokens { toks, units, stop }
}

/// `toks` with each unit's range sorted.
fn sorted_bags(toks: &[u32], units: &[Unit]) -> Vec<u32> {
    // Runs of units, each sorted unit by unit by one task: a slice per unit would be a list
    // as long as the units (16 bytes each), written and read once.
    const RUN: usize = 1024;
    let mut sorted = toks.to_vec();
    // Units partition the tokens in order, so each run's tokens split off in turn.
    let mut rest: &mut [u32] = &mut sorted;
    let mut at = 0usize;
    let mut runs: Vec<(usize, &mut [u32], &[Unit])> = Vec::with_capacity(units.len() / RUN + 1);
    for run in units.chunks(RUN) {
        let from = run.first().map_or(at, |u| u.tok.0 as usize).max(at);
        let to = run
            .iter()
            .map(|u| u.tok.1 as usize)
            .max()
            .unwrap_or(from)
            .max(from);
        let skip = (from - at).min(rest.len());
        let (_, r) = std::mem::take(&mut rest).split_at_mut(skip);
        let (part, r) = r.split_at_mut((to - from).min(r.len()));
        runs.push((from, part, run));
        rest = r;
        at = to;
    }
    runs.par_iter_mut().for_each(|(base, part, run)| {
        for u in run.iter() {
            let a = (u.tok.0 as usize).saturating_sub(*base);
            let b = (u.tok.1 as usize).saturating_sub(*base);
            if let Some(x) = part.get_mut(a..b) {
                x.sort_unstable();
            }
        }
    });
    drop(runs);
    sorted
}

/// idf weight per word id, from document frequency over units; stopwords count 0.15 of it.
fn weights(sorted: &[u32], units: &[Unit], stop: &[bool]) -> Vec<f32> {
    let mut df = vec![0u32; stop.len()];
    for u in units {
        let bag = sorted
            .get(u.tok.0 as usize..u.tok.1 as usize)
            .unwrap_or(&[]);
        for (i, &t) in bag.iter().enumerate() {
            if i == 0 || bag.get(i - 1) != Some(&t) {
                if let Some(d) = df.get_mut(t as usize) {
                    *d += 1;
                }
            }
        }
    }
    let n = units.len().max(1) as f64;
    df.iter()
        .zip(stop)
        .map(|(&d, &s)| {
            let idf = (1.0 + n / f64::from(d.max(1))).ln();
            (if s { 0.15 * idf } else { idf }) as f32
        })
        .collect()
}

/// Labels of per-quote speakers, as [`SpeakerLabels`] wants them: distinct, in order of first
/// appearance, no speaker as "".
pub(super) fn label_ids<'a>(speakers: &[Option<&'a str>]) -> (Vec<&'a str>, Vec<u32>) {
    let mut slot: FxHashMap<&str, u32> = FxHashMap::default();
    let mut labels: Vec<&str> = Vec::new();
    let of = speakers
        .iter()
        .map(|s| {
            let l = s.unwrap_or("");
            *slot.entry(l).or_insert_with(|| {
                labels.push(l);
                (labels.len() - 1) as u32
            })
        })
        .collect();
    (labels, of)
}

/// One linked person id per quote (None: no speaker given). Name linking runs once per
/// distinct label.
fn speaker_ids(n: usize, speakers: Option<SpeakerLabels<'_>>) -> Vec<Option<u32>> {
    let Some(sp) = speakers else {
        return vec![None; n];
    };
    let linked = names::link_speakers(sp.labels, None, None);
    (0..n)
        .map(|q| {
            let l = *sp.of.get(q)? as usize;
            let label = sp.labels.get(l)?;
            if label.trim().is_empty() {
                return None;
            }
            linked.ids.get(l).map(|&id| id as u32)
        })
        .collect()
}

pub(super) fn prepare<T: Texts + ?Sized>(
    texts: &T,
    speakers: Option<SpeakerLabels<'_>>,
) -> Prepared {
    prepared(tokenise_all(texts), texts.count(), speakers)
}

/// [`prepare`] from the tokens of `n` quotes.
pub(super) fn prepared(t: Tokens, n: usize, speakers: Option<SpeakerLabels<'_>>) -> Prepared {
    let Tokens { toks, units, stop } = t;
    let sorted = sorted_bags(&toks, &units);
    let weight = weights(&sorted, &units, &stop);
    let content = stop.iter().map(|s| !s).collect();
    let speaker = speaker_ids(n, speakers);
    let mut p = Prepared {
        units,
        toks,
        sorted,
        weight,
        bag_weight: Vec::new(),
        content,
        speaker,
    };
    p.bag_weight = (0..p.units.len())
        .into_par_iter()
        .map(|u| p.bag(u).iter().map(|&t| p.w(t)).sum())
        .collect();
    p
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every unit's range sorted, in runs of units and across run ends, with tokens no unit
    /// holds (left as they are) and empty units.
    #[test]
    fn sorted_bags_sorts_each_units_range_alone() {
        let toks: Vec<u32> = (0..40_000u32).map(|i| (i * 7919) % 1013).collect();
        let mut units = Vec::new();
        let mut at = 0u32;
        let mut i = 0u32;
        while at < 39_990 {
            let len = i % 9;
            // Gaps inside runs and right before a run (every 1024th unit).
            let gap = u32::from(i % 13 == 0 || i % 1024 == 0);
            units.push(Unit {
                quote: i,
                whole: true,
                tok: (at + gap, at + gap + len),
                bytes: (0, 0),
            });
            at += gap + len;
            i += 1;
        }
        assert!(units.len() > 3000);
        let mut want = toks.clone();
        for u in &units {
            want[u.tok.0 as usize..u.tok.1 as usize].sort_unstable();
        }
        assert_eq!(sorted_bags(&toks, &units), want);
        assert_eq!(sorted_bags(&[], &[]), Vec::<u32>::new());
    }
}
