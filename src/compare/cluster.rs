//! Which quotes render the same remark.
//!
//! Each quote is cut into its sentences ("units") and normalised to words. Candidates come
//! from an inverted index over content words and word bigrams: every unit looks up only its few
//! rarest keys that some other unit shares, a key shared by very many units contributes only
//! its longest holders, and a unit reads a fixed number of postings in all, so the work per
//! unit is bounded and the whole is near-linear (no all-pairs). Candidates are verified by idf-weighted *containment* of the shorter unit in the
//! longer one (a partial quote is a fragment of the full one, so Jaccard would be wrong).
//! Sentences that match are united (union-find, never across two different known speakers);
//! short fragments ("hoax", "get it done") only *attach* to every remark that contains them, so
//! a common fragment cannot chain two remarks together. A quote holding several shared
//! sentences belongs to several clusters.

use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHasher};
use std::hash::{Hash, Hasher};

use super::names;
use super::normalize::{is_stopword, sentence_starts, words};

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

trait Shorter {
    fn is_none_or_shorter(&self, len: usize) -> bool;
}

impl Shorter for Option<(usize, usize)> {
    fn is_none_or_shorter(&self, len: usize) -> bool {
        self.map_or(true, |(l, _)| l < len)
    }
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

#[derive(Clone, Copy)]
struct Unit {
    quote: u32,
    /// The unit is the whole quote (not one sentence of several).
    whole: bool,
    tok: (u32, u32),
    bytes: (u32, u32),
}

struct Prepared {
    units: Vec<Unit>,
    toks: Vec<u32>,
    /// `toks` with each unit's range sorted: containment is then a merge, with no sorting
    /// per candidate pair.
    sorted: Vec<u32>,
    weight: Vec<f32>,
    content: Vec<bool>,
    speaker: Vec<Option<u32>>,
}

impl Prepared {
    fn seq(&self, u: usize) -> &[u32] {
        self.units
            .get(u)
            .and_then(|x| self.toks.get(x.tok.0 as usize..x.tok.1 as usize))
            .unwrap_or(&[])
    }
    /// A short sentence inside a longer quote ("I don’t know.", "Peace."): it may contain a
    /// fragment but is no evidence of its own.
    fn bag(&self, u: usize) -> &[u32] {
        self.units
            .get(u)
            .and_then(|x| self.sorted.get(x.tok.0 as usize..x.tok.1 as usize))
            .unwrap_or(&[])
    }
    fn inert(&self, u: usize, o: &Options) -> bool {
        self.seq(u).len() <= o.fragment_words && !self.units.get(u).is_some_and(|x| x.whole)
    }
    fn has_content(&self, u: usize) -> bool {
        self.seq(u)
            .iter()
            .any(|&t| self.content.get(t as usize).copied().unwrap_or(false))
    }
    fn speaker_of(&self, u: usize) -> Option<u32> {
        self.units
            .get(u)
            .and_then(|x| self.speaker.get(x.quote as usize).copied().flatten())
    }
    fn w(&self, t: u32) -> f64 {
        f64::from(self.weight.get(t as usize).copied().unwrap_or(0.0))
    }
}

fn fx<T: Hash + ?Sized>(x: &T) -> u64 {
    let mut h = FxHasher::default();
    x.hash(&mut h);
    h.finish()
}

fn mix(a: u32, b: u32) -> u32 {
    let x = (u64::from(a) << 32) | u64::from(b);
    (x.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 32) as u32
}

struct Tokenised {
    hashes: Vec<(u64, bool)>,
    units: Vec<((usize, usize), (usize, usize))>,
}

fn tokenise(text: &str) -> Tokenised {
    let ws = words(text);
    let starts = sentence_starts(text);
    let mut units = Vec::new();
    let mut seg = 0;
    let mut first = 0;
    // Where the current sentence begins (leading marks and punctuation included).
    let mut begin = text.len() - text.trim_start().len();
    let end_of_text = text.trim_end().len();
    for i in 0..=ws.len() {
        let next_seg_start = starts.get(seg).copied();
        let boundary = match (ws.get(i), next_seg_start) {
            (None, _) => true,
            (Some(w), Some(s)) => w.start >= s,
            (Some(_), None) => false,
        };
        if boundary {
            if i > first {
                let b0 = begin.min(ws.get(first).map_or(0, |w| w.start));
                let b1 = match next_seg_start {
                    Some(s) if ws.get(i).is_some() => {
                        text.get(..s).map_or(s, |t| t.trim_end().len())
                    }
                    _ => end_of_text,
                };
                units.push(((first, i), (b0, b1.max(b0))));
            }
            first = i;
            // Skip sentence starts with no words before the next word.
            while let (Some(w), Some(s)) = (ws.get(i), starts.get(seg)) {
                if w.start >= *s {
                    begin = *s;
                    seg += 1;
                } else {
                    break;
                }
            }
        }
    }
    let hashes = ws
        .iter()
        .map(|w| (fx(w.text.as_str()), is_stopword(&w.text)))
        .collect();
    Tokenised { hashes, units }
}

fn prepare(texts: &[&str], speakers: Option<&[Option<&str>]>) -> Prepared {
    let mut ids: FxHashMap<u64, u32> = FxHashMap::default();
    let mut stop: Vec<bool> = Vec::new();
    let mut toks = Vec::new();
    let mut units = Vec::new();
    // In chunks, so the per-quote token lists never all exist at once.
    for (c, chunk) in texts.chunks(1 << 16).enumerate() {
        let tokenised: Vec<Tokenised> = chunk.par_iter().map(|t| tokenise(t)).collect();
        for (qi, t) in tokenised.iter().enumerate() {
            let q = (c << 16) + qi;
            let base = toks.len();
            for &(h, s) in &t.hashes {
                let next = stop.len() as u32;
                let id = *ids.entry(h).or_insert_with(|| {
                    stop.push(s);
                    next
                });
                toks.push(id);
            }
            let whole = t.units.len() == 1;
            for &((a, b), (s, e)) in &t.units {
                units.push(Unit {
                    quote: q as u32,
                    whole,
                    tok: ((base + a) as u32, (base + b) as u32),
                    bytes: (s as u32, e as u32),
                });
            }
        }
    }
    let mut sorted = toks.clone();
    {
        // Units partition the tokens in order, so the sorted ranges split off in turn.
        let mut rest: &mut [u32] = &mut sorted;
        let mut at = 0usize;
        let mut parts = Vec::with_capacity(units.len());
        for u in &units {
            let (a, b) = (u.tok.0 as usize, u.tok.1 as usize);
            let skip = a.saturating_sub(at).min(rest.len());
            let (_, r) = std::mem::take(&mut rest).split_at_mut(skip);
            let (part, r) = r.split_at_mut(b.saturating_sub(a).min(r.len()));
            parts.push(part);
            rest = r;
            at = b.max(at);
        }
        parts.par_iter_mut().for_each(|x| x.sort_unstable());
    }
    // Document frequency over units, for idf weights.
    let mut df = vec![0u32; stop.len()];
    for u in &units {
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
    let weight = df
        .iter()
        .zip(&stop)
        .map(|(&d, &s)| {
            let idf = (1.0 + n / f64::from(d.max(1))).ln();
            (if s { 0.15 * idf } else { idf }) as f32
        })
        .collect();
    let content = stop.iter().map(|s| !s).collect();
    let speaker = match speakers {
        Some(sp) => {
            // Name linking runs once per distinct label: a corpus repeats a few thousand
            // speakers over a million quotes.
            let mut slot: FxHashMap<&str, u32> = FxHashMap::default();
            let mut labels: Vec<&str> = Vec::new();
            let of: Vec<u32> = sp
                .iter()
                .map(|s| {
                    let l = s.unwrap_or("");
                    *slot.entry(l).or_insert_with(|| {
                        labels.push(l);
                        (labels.len() - 1) as u32
                    })
                })
                .collect();
            let linked = names::link_speakers(&labels, None, None);
            sp.iter()
                .zip(&of)
                .map(|(s, &i)| {
                    s.filter(|s| !s.trim().is_empty())
                        .and_then(|_| linked.ids.get(i as usize))
                        .map(|&id| id as u32)
                })
                .collect()
        }
        None => vec![None; texts.len()],
    };
    Prepared {
        units,
        toks,
        sorted,
        weight,
        content,
        speaker,
    }
}

fn keys_of(p: &Prepared, u: usize, out: &mut Vec<u32>) {
    out.clear();
    let seq = p.seq(u);
    let is_content = |t: u32| p.content.get(t as usize).copied().unwrap_or(false);
    for (i, &t) in seq.iter().enumerate() {
        if is_content(t) {
            out.push(mix(t, u32::MAX));
        }
        if let Some(&n) = seq.get(i + 1) {
            if is_content(t) || is_content(n) {
                out.push(mix(t, n));
            }
        }
    }
    out.sort_unstable();
    out.dedup();
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    Unite,
    /// `a` (a fragment) is contained in `b`.
    Attach,
}

#[derive(Clone, Copy, Debug)]
struct Edge {
    a: u32,
    b: u32,
    kind: Kind,
    score: f32,
}

/// Stable LSD radix sort on the upper 32 bits (the key): linear, and the ranks in the lower
/// bits keep their ascending order within a key. 11-bit digits keep the counters and the
/// scatter targets in cache on millions of postings.
fn radix_sort_by_key(v: &mut Vec<u64>) {
    let mut buf = vec![0u64; v.len()];
    for shift in [32u32, 43, 54] {
        let mut count = vec![0usize; 1 << 11];
        for &x in v.iter() {
            if let Some(c) = count.get_mut(((x >> shift) & 0x7FF) as usize) {
                *c += 1;
            }
        }
        let mut sum = 0;
        for c in count.iter_mut() {
            let n = *c;
            *c = sum;
            sum += n;
        }
        for &x in v.iter() {
            if let Some(c) = count.get_mut(((x >> shift) & 0x7FF) as usize) {
                if let Some(slot) = buf.get_mut(*c) {
                    *slot = x;
                }
                *c += 1;
            }
        }
        std::mem::swap(v, &mut buf);
    }
}

fn contains_run(hay: &[u32], needle: &[u32]) -> bool {
    !needle.is_empty() && hay.windows(needle.len()).any(|w| w == needle)
}

/// Weighted containment of `bs` in `bl` (sorted multisets) and the number of shared words.
fn containment(p: &Prepared, bs: &[u32], bl: &[u32]) -> (f64, usize) {
    let total: f64 = bs.iter().map(|&t| p.w(t)).sum();
    let (mut i, mut j, mut hit, mut n) = (0, 0, 0.0, 0);
    while let (Some(&a), Some(&b)) = (bs.get(i), bl.get(j)) {
        match a.cmp(&b) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                hit += p.w(a);
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    (if total > 0.0 { hit / total } else { 0.0 }, n)
}

fn verify(p: &Prepared, o: &Options, u: usize, v: usize) -> Option<Edge> {
    if let (Some(a), Some(b)) = (p.speaker_of(u), p.speaker_of(v)) {
        if a != b {
            return None;
        }
    }
    let (su, sv) = (p.seq(u), p.seq(v));
    let (s, l, ss, ls) = if (su.len(), u) <= (sv.len(), v) {
        (u, v, su, sv)
    } else {
        (v, u, sv, su)
    };
    if !p.has_content(s) || p.inert(s, o) {
        return None;
    }
    let frag = |x: &[u32]| x.len() <= o.fragment_words;
    if frag(ss) {
        if ss == ls {
            return Some(Edge {
                a: s as u32,
                b: l as u32,
                kind: Kind::Unite,
                score: 1.0,
            });
        }
        // A fragment only attaches to something strictly longer, so attachments cannot cycle.
        if ls.len() <= ss.len() {
            return None;
        }
        if contains_run(ls, ss) {
            return Some(Edge {
                a: s as u32,
                b: l as u32,
                kind: Kind::Attach,
                score: 1.0,
            });
        }
        let all_content_in = ss
            .iter()
            .filter(|&&t| p.content.get(t as usize).copied().unwrap_or(false))
            .all(|t| ls.contains(t));
        let (c, n) = containment(p, p.bag(s), p.bag(l));
        if all_content_in && n >= 2 && c >= 0.75 {
            return Some(Edge {
                a: s as u32,
                b: l as u32,
                kind: Kind::Attach,
                score: c as f32,
            });
        }
        return None;
    }
    let (c, n) = containment(p, p.bag(s), p.bag(l));
    let raw = n as f64 / ss.len().max(1) as f64;
    (c >= o.min_containment && raw >= o.min_word_containment && n >= 3).then_some(Edge {
        a: s as u32,
        b: l as u32,
        kind: Kind::Unite,
        score: c as f32,
    })
}

struct Uf {
    parent: Vec<u32>,
    speaker: Vec<Option<u32>>,
}

impl Uf {
    fn find(&mut self, mut x: u32) -> u32 {
        loop {
            let p = self.parent.get(x as usize).copied().unwrap_or(x);
            if p == x {
                return x;
            }
            let gp = self.parent.get(p as usize).copied().unwrap_or(p);
            if let Some(s) = self.parent.get_mut(x as usize) {
                *s = gp;
            }
            x = gp;
        }
    }
    fn label(&self, r: u32) -> Option<u32> {
        self.speaker.get(r as usize).copied().flatten()
    }
    /// Unite unless the two groups have different known speakers.
    fn union(&mut self, a: u32, b: u32) -> bool {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra == rb {
            return true;
        }
        let (la, lb) = (self.label(ra), self.label(rb));
        if la.is_some() && lb.is_some() && la != lb {
            return false;
        }
        let (lo, hi) = (ra.min(rb), ra.max(rb));
        if let Some(s) = self.parent.get_mut(hi as usize) {
            *s = lo;
        }
        if let Some(s) = self.speaker.get_mut(lo as usize) {
            *s = la.or(lb);
        }
        true
    }
}

/// Cluster quotes into remarks; see the module docs. `speakers`, when given, has one entry
/// per quote (None: unknown); quotes of two different known speakers never share a cluster.
pub fn match_quotes(
    texts: &[&str],
    speakers: Option<&[Option<&str>]>,
    o: &Options,
) -> QuoteClusters {
    let p = prepare(texts, speakers);
    let nu = p.units.len();

    // Identical sentences (same words, same speaker) are one unit from here on.
    let mut edges: Vec<Edge> = Vec::new();
    let mut rep_of: FxHashMap<(u64, Option<u32>), u32> = FxHashMap::default();
    let mut reps: Vec<u32> = Vec::new();
    for u in 0..nu {
        if !p.has_content(u) {
            continue;
        }
        let key = (fx(p.seq(u)), p.speaker_of(u));
        if p.inert(u, o) {
            reps.push(u as u32);
            continue;
        }
        match rep_of.get(&key) {
            Some(&r) => edges.push(Edge {
                a: u as u32,
                b: r,
                kind: Kind::Unite,
                score: 2.0,
            }),
            None => {
                rep_of.insert(key, u as u32);
                reps.push(u as u32);
            }
        }
    }
    drop(rep_of);

    // Inverted index: key -> holders, longest first.
    reps.sort_by_key(|&u| (std::cmp::Reverse(p.seq(u as usize).len()), u));
    let postings: Vec<u64> = {
        let mut v: Vec<u64> = reps
            .par_iter()
            .enumerate()
            .map_init(Vec::new, |buf, (rank, &u)| {
                keys_of(&p, u as usize, buf);
                buf.iter()
                    .map(|&k| (u64::from(k) << 32) | rank as u64)
                    .collect::<Vec<_>>()
            })
            .flatten()
            .collect();
        radix_sort_by_key(&mut v);
        v
    };
    // Each unit's shared keys as (rank, holders, first posting), grouped by unit, so a query
    // reads its keys' frequencies without searching the index.
    let runs: Vec<(usize, usize)> = {
        let mut v = Vec::new();
        let mut i = 0;
        while i < postings.len() {
            let k = postings.get(i).map(|x| x >> 32);
            let mut j = i + 1;
            while j < postings.len() && postings.get(j).map(|x| x >> 32) == k {
                j += 1;
            }
            if j - i >= 2 {
                v.push((i, j));
            }
            i = j;
        }
        v
    };
    let rank_of = |x: u64| (x & 0xFFFF_FFFF) as usize;
    // Counting sort by unit: (holders, first posting) of every shared key of every unit.
    let mut unit_start = vec![0u32; reps.len() + 1];
    for &(i, j) in &runs {
        for &x in postings.get(i..j).unwrap_or(&[]) {
            if let Some(c) = unit_start.get_mut(rank_of(x) + 1) {
                *c += 1;
            }
        }
    }
    for i in 1..unit_start.len() {
        let prev = unit_start.get(i - 1).copied().unwrap_or(0);
        if let Some(c) = unit_start.get_mut(i) {
            *c += prev;
        }
    }
    let mut by_unit = vec![(0u32, 0u32); unit_start.last().copied().unwrap_or(0) as usize];
    {
        let mut fill: Vec<u32> = unit_start.clone();
        for &(i, j) in &runs {
            for &x in postings.get(i..j).unwrap_or(&[]) {
                if let Some(f) = fill.get_mut(rank_of(x)) {
                    if let Some(slot) = by_unit.get_mut(*f as usize) {
                        *slot = ((j - i) as u32, i as u32);
                    }
                    *f += 1;
                }
            }
        }
    }
    drop(runs);

    // Queries run in input order: neighbouring quotes tend to touch the same memory.
    let mut order: Vec<(u32, usize)> = reps.iter().enumerate().map(|(r, &u)| (u, r)).collect();
    order.par_sort_unstable();
    let found: Vec<Edge> = order
        .par_iter()
        .map_init(
            || (Vec::new(), Vec::new()),
            |(cands, picked), &(u, rank)| {
                if p.inert(u as usize, o) {
                    return Vec::new();
                }
                let from = unit_start.get(rank).copied().unwrap_or(0) as usize;
                let to = unit_start.get(rank + 1).copied().unwrap_or(0) as usize;
                picked.clear();
                picked.extend(by_unit.get(from..to).unwrap_or(&[]).iter().copied());
                picked.sort_unstable();
                cands.clear();
                let q = p.units.get(u as usize).map(|x| x.quote);
                let mut budget = o.scan_budget;
                for &(df, off) in picked.iter().take(o.keys_per_unit) {
                    let take = (df as usize).min(o.posting_cap).min(budget);
                    budget -= take;
                    let (a, b) = (off as usize, off as usize + take);
                    for &x in postings.get(a..b).unwrap_or(&[]) {
                        let r = (x & 0xFFFF_FFFF) as usize;
                        if let Some(&v) = reps.get(r) {
                            if v != u && p.units.get(v as usize).map(|x| x.quote) != q {
                                cands.push(v);
                            }
                        }
                    }
                }
                cands.sort_unstable();
                cands.dedup();
                cands
                    .iter()
                    .filter_map(|&v| verify(&p, o, u as usize, v as usize))
                    .collect::<Vec<_>>()
            },
        )
        .flatten()
        .collect();
    edges.extend(found);

    // Unite, strongest evidence first.
    let mut uf = Uf {
        parent: (0..nu as u32).collect(),
        speaker: (0..nu).map(|u| p.speaker_of(u)).collect(),
    };
    let mut unite: Vec<&Edge> = edges.iter().filter(|e| e.kind == Kind::Unite).collect();
    unite.sort_by(|x, y| {
        y.score
            .total_cmp(&x.score)
            .then((x.a, x.b).cmp(&(y.a, y.b)))
    });
    for e in unite {
        uf.union(e.a, e.b);
    }

    // Fragments join every remark that contains them, longest fragments resolved first.
    let mut containers: FxHashMap<u32, Vec<u32>> = FxHashMap::default();
    for e in edges.iter().filter(|e| e.kind == Kind::Attach) {
        let r = uf.find(e.a);
        containers.entry(r).or_default().push(e.b);
    }
    let mut frag_roots: Vec<u32> = containers.keys().copied().collect();
    frag_roots.sort_by_key(|&r| (std::cmp::Reverse(p.seq(r as usize).len()), r));
    let mut absorbed: FxHashMap<u32, Vec<u32>> = FxHashMap::default();
    for r in frag_roots {
        let mut targets = Vec::new();
        for &l in containers.get(&r).map_or(&[][..], |v| &v[..]) {
            let rl = uf.find(l);
            match absorbed.get(&rl) {
                Some(t) if p.seq(l as usize).len() <= o.fragment_words => {
                    targets.extend_from_slice(t)
                }
                _ => targets.push(rl),
            }
        }
        let label = uf.label(r);
        targets.retain(|&t| {
            let lt = uf.label(t);
            t != r && (label.is_none() || lt.is_none() || label == lt)
        });
        targets.sort_unstable();
        targets.dedup();
        if !targets.is_empty() {
            absorbed.insert(r, targets);
        }
    }

    // Memberships: (cluster root, quote, byte range).
    let mut raw: Vec<(u32, u32, u32, u32)> = Vec::new();
    for u in 0..nu as u32 {
        let Some(unit) = p.units.get(u as usize) else {
            continue;
        };
        let r = uf.find(u);
        let is_frag = p.seq(u as usize).len() <= o.fragment_words;
        match absorbed.get(&r) {
            Some(ts) if is_frag => {
                for &t in ts {
                    raw.push((t, unit.quote, unit.bytes.0, unit.bytes.1));
                }
            }
            _ => raw.push((r, unit.quote, unit.bytes.0, unit.bytes.1)),
        }
    }
    raw.par_sort_unstable();
    let mut merged: Vec<(u32, u32, u32, u32)> = Vec::with_capacity(raw.len());
    for m in raw {
        match merged.last_mut() {
            Some(last) if last.0 == m.0 && last.1 == m.1 => {
                last.2 = last.2.min(m.2);
                last.3 = last.3.max(m.3);
            }
            _ => merged.push(m),
        }
    }
    // Keep clusters of two or more quotes, numbered by their first quote.
    let mut clusters: Vec<(u32, usize, usize)> = Vec::new(); // (first quote, from, to)
    let mut i = 0;
    while i < merged.len() {
        let root = merged.get(i).map(|m| m.0);
        let mut j = i;
        while j < merged.len() && merged.get(j).map(|m| m.0) == root {
            j += 1;
        }
        if j - i >= 2 {
            let first = merged.get(i).map_or(0, |m| m.1);
            clusters.push((first, i, j));
        }
        i = j;
    }
    clusters.sort_unstable();
    let mut members = Vec::new();
    // Each quote's primary remark: the cluster in which it has the longest matching part.
    let mut primary: Vec<Option<(usize, usize)>> = vec![None; texts.len()];
    for (cid, &(_, from, to)) in clusters.iter().enumerate() {
        for m in merged.get(from..to).unwrap_or(&[]) {
            members.push(Member {
                cluster: cid,
                quote: m.1 as usize,
                start: m.2 as usize,
                end: m.3 as usize,
            });
            let len = (m.3 - m.2) as usize;
            if let Some(slot) = primary.get_mut(m.1 as usize) {
                if slot.is_none_or_shorter(len) {
                    *slot = Some((len, cid));
                }
            }
        }
    }
    // Dense ids: clusters first come, then lone quotes, in input order.
    let mut dense: FxHashMap<(bool, usize), usize> = FxHashMap::default();
    let ids = primary
        .iter()
        .enumerate()
        .map(|(q, p)| {
            let key = match p {
                Some((_, cid)) => (true, *cid),
                None => (false, q),
            };
            let next = dense.len();
            *dense.entry(key).or_insert(next)
        })
        .collect();
    QuoteClusters {
        members,
        n_clusters: clusters.len(),
        ids,
    }
}

/// Cluster ids, one per quote: equal ids mean the same remark (see [`QuoteClusters::ids`]).
pub fn cluster_quotes(texts: &[&str], speakers: Option<&[Option<&str>]>) -> Vec<usize> {
    match_quotes(texts, speakers, &Options::default()).ids
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variants_fragments_and_speakers() {
        let texts = [
            "There’s no deal until there’s a deal.",
            "there's no deal until there is a deal,",
            "We really made some great progress today. I’ve always had a fantastic relationship with President Putin.",
            "We really made some great progress today,",
            "I’ve always had a fantastic relationship with President Putin, with Vladimir.",
            "some great progress",
            "There’s no deal until there’s a deal.",
            "Completely unrelated words about the weather in Anchorage.",
        ];
        let sp = [
            Some("Donald Trump"),
            Some("Trump"),
            Some("Trump"),
            None,
            Some("Mr. Trump"),
            Some("Donald Trump"),
            Some("Vladimir Putin"),
            None,
        ];
        let r = match_quotes(&texts, Some(&sp), &Options::default());
        let ids = &r.ids;
        assert_eq!(ids[0], ids[1]);
        assert_ne!(ids[0], ids[6], "different speakers never merge");
        // Quote 2 carries both remarks; its id is one of them, and the two stay apart.
        assert_ne!(ids[3], ids[4]);
        assert!(ids[2] == ids[3] || ids[2] == ids[4]);
        assert_eq!(ids[3], ids[5]);
        assert_ne!(ids[0], ids[7]);
        // Quote 2 carries two remarks: two clusters, not one.
        let of = |q: usize| {
            r.members
                .iter()
                .filter(|m| m.quote == q)
                .map(|m| m.cluster)
                .collect::<Vec<_>>()
        };
        assert_eq!(of(2).len(), 2);
        assert!(!of(3).contains(&of(4)[0]));
        assert!(of(7).is_empty());
    }

    #[test]
    fn widely_quoted_remark_stays_one_cluster_within_the_scan_budget() {
        // 136 distinct renderings of one remark (one or two words dropped), next to 300
        // unrelated remarks on the same topic: every key of the remark has more holders than
        // a unit may read, yet the renderings still chain into one cluster.
        let base: Vec<&str> = "The ceasefire talks in Geneva collapsed over the border question \
            and nobody expects a second round before winter"
            .split_whitespace()
            .collect();
        let n = base.len();
        let mut texts: Vec<String> = Vec::new();
        for a in 0..n {
            for b in a..n {
                let kept: Vec<&str> = base
                    .iter()
                    .enumerate()
                    .filter(|&(k, _)| k != a && k != b)
                    .map(|(_, w)| *w)
                    .collect();
                texts.push(kept.join(" "));
            }
        }
        let renderings = texts.len();
        assert!(renderings > Options::default().scan_budget);
        texts.extend((0..300).map(|i| {
            format!(
                "Officials in Geneva said talks on the border were moving, case {i} item {}",
                i * 7
            )
        }));
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let ids = cluster_quotes(&refs, None);
        let first = ids.first().copied();
        assert!(ids.iter().take(renderings).all(|&i| Some(i) == first));
        assert!(ids.iter().skip(renderings).all(|&i| Some(i) != first));
        let none = match_quotes(
            &refs,
            None,
            &Options {
                scan_budget: 0,
                ..Options::default()
            },
        );
        assert!(
            none.members.iter().all(|m| m.quote >= renderings),
            "no postings read: only identical sentences could still unite"
        );
    }

    #[test]
    fn empty_and_wordless_inputs() {
        assert!(cluster_quotes(&[], None).is_empty());
        assert_eq!(cluster_quotes(&["", "...", "“”"], None), vec![0, 1, 2]);
    }
}
