//! Candidate pairs: an inverted index over content words and word bigrams, read with a
//! bounded budget per unit, then verified.
//!
//! Postings are `(key << 32) | rank` in one flat `u64` array, built in two passes (count per
//! bucket of the key's top bits, then scatter) and sorted bucket by bucket, so there is no
//! second buffer and no list per unit; keys held by only one unit are dropped before the
//! query phase.

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

/// Prefix sums of `counts`, with the total last.
fn prefix(counts: &[usize]) -> Vec<usize> {
    let mut start = Vec::with_capacity(counts.len() + 1);
    let mut sum = 0;
    start.push(0);
    for &c in counts {
        sum += c;
        start.push(sum);
    }
    start
}

/// Sorted postings of every key held by two or more units (`reps` in rank order).
fn postings(p: &Prepared, reps: &[u32]) -> Vec<u64> {
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
    let start = prefix(&counts);
    let mut v = vec![0u64; start.last().copied().unwrap_or(0)];
    let mut fill = start.clone();
    let mut buf = Vec::new();
    for (rank, &u) in reps.iter().enumerate() {
        keys_of(p, u as usize, &mut buf);
        for &k in &buf {
            if let Some(f) = fill.get_mut((k >> BUCKET_SHIFT) as usize) {
                if let Some(slot) = v.get_mut(*f) {
                    *slot = (u64::from(k) << 32) | rank as u64;
                }
                *f += 1;
            }
        }
    }
    drop(fill);
    // Each (key, rank) occurs once, so sorting the whole word orders by key, then rank.
    {
        let mut parts = Vec::with_capacity(nb);
        let mut rest: &mut [u64] = &mut v;
        for &c in &counts {
            let c = c.min(rest.len());
            let (part, r) = std::mem::take(&mut rest).split_at_mut(c);
            parts.push(part);
            rest = r;
        }
        parts.par_iter_mut().for_each(|x| x.sort_unstable());
    }
    keep_shared(&mut v);
    v
}

/// Drops the postings of keys with a single holder, in place.
fn keep_shared(v: &mut Vec<u64>) {
    let (mut i, mut w) = (0, 0);
    while i < v.len() {
        let k = v.get(i).map(|x| x >> 32);
        let mut j = i + 1;
        while j < v.len() && v.get(j).map(|x| x >> 32) == k {
            j += 1;
        }
        if j - i >= 2 {
            v.copy_within(i..j, w);
            w += j - i;
        }
        i = j;
    }
    v.truncate(w);
    v.shrink_to_fit();
}

/// For each rank, its shared keys as (holders, first posting), grouped by rank (counting
/// sort), so a query reads its keys' frequencies without searching the index.
fn keys_by_unit(postings: &[u64], n: usize) -> (Vec<u32>, Vec<(u32, u32)>) {
    let rank_of = |x: u64| (x & 0xFFFF_FFFF) as usize;
    let mut unit_start = vec![0u32; n + 1];
    for &x in postings {
        if let Some(c) = unit_start.get_mut(rank_of(x) + 1) {
            *c += 1;
        }
    }
    for i in 1..unit_start.len() {
        let prev = unit_start.get(i - 1).copied().unwrap_or(0);
        if let Some(c) = unit_start.get_mut(i) {
            *c += prev;
        }
    }
    let mut by_unit = vec![(0u32, 0u32); postings.len()];
    let mut fill: Vec<u32> = unit_start.clone();
    let mut i = 0;
    while i < postings.len() {
        let k = postings.get(i).map(|x| x >> 32);
        let mut j = i + 1;
        while j < postings.len() && postings.get(j).map(|x| x >> 32) == k {
            j += 1;
        }
        for &x in postings.get(i..j).unwrap_or(&[]) {
            if let Some(f) = fill.get_mut(rank_of(x)) {
                if let Some(slot) = by_unit.get_mut(*f as usize) {
                    *slot = ((j - i) as u32, i as u32);
                }
                *f += 1;
            }
        }
        i = j;
    }
    (unit_start, by_unit)
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
    let postings = postings(p, &by_rank);
    let (unit_start, by_unit) = keys_by_unit(&postings, by_rank.len());
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
                let from = unit_start.get(rank).copied().unwrap_or(0) as usize;
                let to = unit_start.get(rank + 1).copied().unwrap_or(0) as usize;
                picked.clear();
                picked.extend(by_unit.get(from..to).unwrap_or(&[]).iter().copied());
                picked.sort_unstable();
                cands.clear();
                let q = p.quote_of(u as usize);
                let mut budget = o.scan_budget;
                for &(df, off) in picked.iter().take(o.keys_per_unit) {
                    let take = (df as usize).min(o.posting_cap).min(budget);
                    budget -= take;
                    let (a, b) = (off as usize, off as usize + take);
                    for &x in postings.get(a..b).unwrap_or(&[]) {
                        if let Some(&v) = reps_ranked.get((x & 0xFFFF_FFFF) as usize) {
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
