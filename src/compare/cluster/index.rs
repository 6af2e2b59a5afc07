//! Candidate pairs: an inverted index over content words and word bigrams, read with a
//! bounded budget per unit, then verified.
//!
//! Postings are `(key << 32) | rank`, built in two passes (count per bucket of the key's top
//! bits, then scatter into one exact-size vector per bucket) and sorted bucket by bucket. The
//! query phase keeps only 4-byte ranks, grouped by key (keys held by only one unit dropped),
//! and per unit its keys' group numbers (4 bytes each); each bucket is freed as soon as it is
//! converted, so the 8-byte postings never sit beside the compact index.

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::prepare::{fx, Prepared};
use super::verify::{verify, Edge, Kind};
use super::Options;

fn mix(a: u32, b: u32) -> u32 {
    let x = (u64::from(a) << 32) | u64::from(b);
    (x.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 32) as u32
}

fn keys_of(p: &Prepared, u: usize, out: &mut Vec<u32>) {
    out.clear();
    let seq = p.seq(u);
    for (i, &t) in seq.iter().enumerate() {
        if p.is_content(t) {
            out.push(mix(t, u32::MAX));
        }
        if let Some(&n) = seq.get(i + 1) {
            if p.is_content(t) || p.is_content(n) {
                out.push(mix(t, n));
            }
        }
    }
    out.sort_unstable();
    out.dedup();
}

/// Identical sentences (same words, same speaker) are one unit from here on: the edges
/// uniting each copy with its first occurrence, and the units that remain ("reps").
pub(super) fn representatives(p: &Prepared, o: &Options) -> (Vec<Edge>, Vec<u32>) {
    let mut edges: Vec<Edge> = Vec::new();
    let mut rep_of: FxHashMap<(u64, Option<u32>), u32> = FxHashMap::default();
    let mut reps: Vec<u32> = Vec::new();
    for u in 0..p.units.len() {
        if !p.has_content(u) {
            continue;
        }
        if p.inert(u, o) {
            reps.push(u as u32);
            continue;
        }
        let key = (fx(p.seq(u)), p.speaker_of(u));
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
    (edges, reps)
}

const BUCKET_BITS: u32 = 12;
const BUCKET_SHIFT: u32 = 32 - BUCKET_BITS;

/// Postings `(key << 32) | rank` of every key of `reps` (in rank order), one vector per
/// bucket of the key's top bits, each sorted by key, then rank.
fn postings(p: &Prepared, reps: &[u32]) -> Vec<Vec<u64>> {
    let nb = 1usize << BUCKET_BITS;
    let counts = reps
        .par_chunks(4096)
        .map_init(Vec::new, |buf, part| {
            let mut c = vec![0usize; nb];
            for &u in part {
                keys_of(p, u as usize, buf);
                for &k in buf.iter() {
                    if let Some(x) = c.get_mut((k >> BUCKET_SHIFT) as usize) {
                        *x += 1;
                    }
                }
            }
            c
        })
        .reduce(
            || vec![0usize; nb],
            |mut a, b| {
                a.iter_mut().zip(b).for_each(|(x, y)| *x += y);
                a
            },
        );
    // Exact capacities: one bucket can be freed as soon as it is read.
    let mut buckets: Vec<Vec<u64>> = counts.iter().map(|&c| Vec::with_capacity(c)).collect();
    let mut buf = Vec::new();
    for (rank, &u) in reps.iter().enumerate() {
        keys_of(p, u as usize, &mut buf);
        for &k in &buf {
            if let Some(b) = buckets.get_mut((k >> BUCKET_SHIFT) as usize) {
                b.push((u64::from(k) << 32) | rank as u64);
            }
        }
    }
    // Each (key, rank) occurs once, so sorting the whole word orders by key, then rank.
    buckets.par_iter_mut().for_each(|x| x.sort_unstable());
    buckets
}

/// The index in compact form: each shared key is a group of holder ranks, 4 bytes each (the
/// keys themselves are no longer needed), and each rank lists its keys' groups by number, 4
/// bytes each (a group's size and place come from `group_start`, not stored per holder).
struct Index {
    /// Holder ranks, group after group (groups in key order, ranks ascending in each).
    ranks: Vec<u32>,
    /// Where each group starts in `ranks`, and the end last.
    group_start: Vec<u32>,
    /// Where each rank's groups start in `groups_of`, and the end last.
    unit_start: Vec<u32>,
    /// The groups of each rank, in key order.
    groups_of: Vec<u32>,
}

impl Index {
    /// From the sorted postings buckets: keys with a single holder are dropped, and each
    /// bucket is freed once read, so the 8-byte postings never coexist with the 4-byte ones.
    fn new(buckets: Vec<Vec<u64>>, n: usize) -> Index {
        let mut group_start = Vec::new();
        let mut ranks: Vec<u32> = Vec::new();
        for bucket in buckets {
            let mut i = 0;
            while i < bucket.len() {
                let k = bucket.get(i).map(|x| x >> 32);
                let mut j = i + 1;
                while j < bucket.len() && bucket.get(j).map(|x| x >> 32) == k {
                    j += 1;
                }
                if j - i >= 2 {
                    group_start.push(ranks.len() as u32);
                    let holders = bucket.get(i..j).unwrap_or(&[]);
                    ranks.extend(holders.iter().map(|&x| (x & 0xFFFF_FFFF) as u32));
                }
                i = j;
            }
        }
        group_start.push(ranks.len() as u32);
        group_start.shrink_to_fit();
        ranks.shrink_to_fit();
        let mut unit_start = vec![0u32; n + 1];
        for &r in &ranks {
            if let Some(c) = unit_start.get_mut(r as usize + 1) {
                *c += 1;
            }
        }
        for i in 1..unit_start.len() {
            let prev = unit_start.get(i - 1).copied().unwrap_or(0);
            if let Some(c) = unit_start.get_mut(i) {
                *c += prev;
            }
        }
        let mut groups_of = vec![0u32; ranks.len()];
        let mut fill: Vec<u32> = unit_start.clone();
        for (g, w) in group_start.windows(2).enumerate() {
            let (a, b) = (w[0], w[1]);
            for &r in ranks.get(a as usize..b as usize).unwrap_or(&[]) {
                if let Some(f) = fill.get_mut(r as usize) {
                    if let Some(slot) = groups_of.get_mut(*f as usize) {
                        *slot = g as u32;
                    }
                    *f += 1;
                }
            }
        }
        Index {
            ranks,
            group_start,
            unit_start,
            groups_of,
        }
    }

    /// The shared keys of `rank` as (holders, first posting), in key order, into `out`.
    fn keys_of_rank(&self, rank: usize, out: &mut Vec<(u32, u32)>) {
        let from = self.unit_start.get(rank).copied().unwrap_or(0) as usize;
        let to = self.unit_start.get(rank + 1).copied().unwrap_or(0) as usize;
        let groups = self.groups_of.get(from..to).unwrap_or(&[]);
        out.extend(groups.iter().map(|&g| {
            let a = self.group_start.get(g as usize).copied().unwrap_or(0);
            let b = self.group_start.get(g as usize + 1).copied().unwrap_or(a);
            (b.saturating_sub(a), a)
        }));
    }
}

/// Index ranks: `reps` (ascending) ordered longest first, ties in unit order, so a key's
/// first holders are its longest. A counting sort by length: linear, and stable.
fn ranked(p: &Prepared, reps: &[u32]) -> Vec<u32> {
    let len = |u: u32| p.seq(u as usize).len();
    let longest = reps.iter().map(|&u| len(u)).max().unwrap_or(0);
    // Slot of each length, longest first.
    let mut at = vec![0usize; longest + 2];
    for &u in reps {
        if let Some(c) = at.get_mut(longest - len(u) + 1) {
            *c += 1;
        }
    }
    for i in 1..at.len() {
        let prev = at.get(i - 1).copied().unwrap_or(0);
        if let Some(c) = at.get_mut(i) {
            *c += prev;
        }
    }
    let mut out = vec![0u32; reps.len()];
    for &u in reps {
        if let Some(c) = at.get_mut(longest - len(u)) {
            if let Some(slot) = out.get_mut(*c) {
                *slot = u;
            }
            *c += 1;
        }
    }
    out
}

/// Verified edges between each rep and the holders of its rarest shared keys, within the
/// scan budget. `reps` is ascending.
pub(super) fn candidate_edges(p: &Prepared, o: &Options, reps: &[u32]) -> Vec<Edge> {
    let by_rank = ranked(p, reps);
    let index = Index::new(postings(p, &by_rank), by_rank.len());
    // Queries run in input order (`reps` is ascending): neighbouring quotes tend to touch
    // the same memory.
    let mut rank_of = vec![0u32; p.units.len()];
    for (r, &u) in by_rank.iter().enumerate() {
        if let Some(x) = rank_of.get_mut(u as usize) {
            *x = r as u32;
        }
    }
    let reps_ranked = &by_rank;
    reps.par_iter()
        .map(|&u| (u, rank_of.get(u as usize).copied().unwrap_or(0) as usize))
        .fold(
            || (Vec::new(), Vec::new(), Vec::new()),
            |(mut cands, mut picked, mut found): (Vec<u32>, Vec<(u32, u32)>, Vec<Edge>),
             (u, rank)| {
                if p.inert(u as usize, o) {
                    return (cands, picked, found);
                }
                picked.clear();
                index.keys_of_rank(rank, &mut picked);
                // Only the rarest few are read: put them first (keys are distinct, so this
                // is the order a full sort gives them).
                let k = o.keys_per_unit.min(picked.len());
                if k < picked.len() && k > 0 {
                    picked.select_nth_unstable(k - 1);
                }
                if let Some(first) = picked.get_mut(..k) {
                    first.sort_unstable();
                }
                cands.clear();
                let q = p.quote_of(u as usize);
                let mut budget = o.scan_budget;
                for &(df, off) in picked.iter().take(o.keys_per_unit) {
                    let take = (df as usize).min(o.posting_cap).min(budget);
                    budget -= take;
                    let (a, b) = (off as usize, off as usize + take);
                    for &r in index.ranks.get(a..b).unwrap_or(&[]) {
                        if let Some(&v) = reps_ranked.get(r as usize) {
                            if v != u && p.quote_of(v as usize) != q {
                                cands.push(v);
                            }
                        }
                    }
                }
                cands.sort_unstable();
                cands.dedup();
                found.extend(
                    cands
                        .iter()
                        .filter_map(|&v| verify(p, o, u as usize, v as usize)),
                );
                (cands, picked, found)
            },
        )
        .map(|(_, _, found)| found)
        .reduce(Vec::new, |mut a, mut b| {
            a.append(&mut b);
            a
        })
}
