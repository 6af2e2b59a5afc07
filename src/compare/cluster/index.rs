//! Candidate pairs: an inverted index over content words and word bigrams, read with a
//! bounded budget per unit, then verified.
//!
//! Postings are `(key << 32) | rank`, built by a counting pass (per bucket of the key's top
//! bits) and then a few sweeps, each scattering one range of buckets into exact-size vectors,
//! sorting them and converting them to the compact index before the next sweep. The index
//! keeps only the keys held by two or more units, their number of holders, and their first
//! `posting_cap` holder ranks (4 bytes each); a query recomputes its unit's keys and looks
//! them up, so nothing is stored per (unit, key) pair.

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::prepare::{fx, Prepared};
use super::verify::{verify, Edge, Kind};
use super::Options;

fn mix(a: u32, b: u32) -> u32 {
    let x = (u64::from(a) << 32) | u64::from(b);
    (x.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 32) as u32
}

/// The distinct keys of `u`, ascending.
fn keys_of(p: &Prepared, u: usize, out: &mut Vec<u32>) {
    out.clear();
    raw_keys_of(p, u, |k| out.push(k));
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
/// The postings are built this many bucket ranges at a time, each turned into the compact
/// index before the next: the 8-byte postings of all units at once would be the peak of the
/// whole clustering (as large as the tokens themselves). Each sweep re-reads every unit.
const SWEEPS: usize = 2;

/// Every key of `u` (repeats included: a bucket drops them once sorted), in word order.
fn raw_keys_of(p: &Prepared, u: usize, mut emit: impl FnMut(u32)) {
    let seq = p.seq(u);
    for (i, &t) in seq.iter().enumerate() {
        if p.is_content(t) {
            emit(mix(t, u32::MAX));
        }
        if let Some(&n) = seq.get(i + 1) {
            if p.is_content(t) || p.is_content(n) {
                emit(mix(t, n));
            }
        }
    }
}

/// Postings per bucket of the key's top bits (repeats included): the exact capacities.
fn bucket_counts(p: &Prepared, ranked: &[u32]) -> Vec<usize> {
    let nb = 1usize << BUCKET_BITS;
    ranked
        .par_chunks(4096)
        .map(|part| {
            let mut c = vec![0usize; nb];
            for &u in part {
                raw_keys_of(p, u as usize, |k| {
                    if let Some(x) = c.get_mut((k >> BUCKET_SHIFT) as usize) {
                        *x += 1;
                    }
                });
            }
            c
        })
        .reduce(
            || vec![0usize; nb],
            |mut a, b| {
                a.iter_mut().zip(b).for_each(|(x, y)| *x += y);
                a
            },
        )
}

/// Postings `(key << 32) | rank` of the keys in buckets `lo..hi`, one vector per bucket,
/// each sorted by key, then rank, repeats dropped.
fn postings(p: &Prepared, ranked: &[u32], counts: &[usize], lo: usize) -> Vec<Vec<u64>> {
    let mut buckets: Vec<Vec<u64>> = counts.iter().map(|&c| Vec::with_capacity(c)).collect();
    for (rank, &u) in ranked.iter().enumerate() {
        raw_keys_of(p, u as usize, |k| {
            let b = ((k >> BUCKET_SHIFT) as usize).wrapping_sub(lo);
            if let Some(b) = buckets.get_mut(b) {
                b.push((u64::from(k) << 32) | rank as u64);
            }
        });
    }
    buckets.par_iter_mut().for_each(|x| {
        x.sort_unstable();
        x.dedup();
    });
    buckets
}

/// The index in compact form: the keys held by two or more units, and of each only its
/// first `posting_cap` holders (the longest; a query never reads further), 4 bytes each.
/// A query recomputes its unit's keys and finds them here, so nothing is stored per
/// (unit, key) pair.
struct Index {
    /// Shared keys, ascending.
    keys: Vec<u32>,
    /// Where the keys with each value of their top `dir_bits` bits start in `keys`, and the
    /// end last: a lookup searches only a handful of keys.
    dir: Vec<u32>,
    dir_bits: u32,
    /// Per key, how many units hold it.
    holders: Vec<u32>,
    /// Per key, where its first holders start in `ranks`, and the end last.
    first: Vec<u32>,
    /// First holder ranks, key after key (ranks ascending in each).
    ranks: Vec<u32>,
}

impl Index {
    /// Built in [`SWEEPS`] ranges of buckets; each range's sorted postings are converted and
    /// freed before the next is built.
    fn new(p: &Prepared, ranked: &[u32], posting_cap: usize) -> Index {
        let counts = bucket_counts(p, ranked);
        let nb = counts.len();
        let per_sweep = counts.iter().sum::<usize>().div_ceil(SWEEPS).max(1);
        let mut index = Index {
            keys: Vec::new(),
            dir: Vec::new(),
            dir_bits: 0,
            holders: Vec::new(),
            first: Vec::new(),
            ranks: Vec::new(),
        };
        let mut lo = 0;
        while lo < nb {
            let mut hi = lo;
            let mut sum = 0;
            while let Some(&c) = counts.get(hi) {
                if hi > lo && sum + c > per_sweep {
                    break;
                }
                sum += c;
                hi += 1;
            }
            let range = counts.get(lo..hi).unwrap_or(&[]);
            for bucket in postings(p, ranked, range, lo) {
                index.add_bucket(&bucket, posting_cap);
            }
            lo = hi;
        }
        index.first.push(index.ranks.len() as u32);
        index.directory();
        index.keys.shrink_to_fit();
        index.holders.shrink_to_fit();
        index.first.shrink_to_fit();
        index.ranks.shrink_to_fit();
        index
    }

    /// The keys of one sorted bucket with two or more holders, and their first holders.
    fn add_bucket(&mut self, bucket: &[u64], posting_cap: usize) {
        let mut i = 0;
        while i < bucket.len() {
            let k = bucket.get(i).map(|x| x >> 32);
            let mut j = i + 1;
            while j < bucket.len() && bucket.get(j).map(|x| x >> 32) == k {
                j += 1;
            }
            if let (true, Some(k)) = (j - i >= 2, k) {
                self.keys.push(k as u32);
                self.holders.push((j - i) as u32);
                self.first.push(self.ranks.len() as u32);
                let kept = bucket.get(i..i + (j - i).min(posting_cap)).unwrap_or(&[]);
                self.ranks
                    .extend(kept.iter().map(|&x| (x & 0xFFFF_FFFF) as u32));
            }
            i = j;
        }
    }

    /// About one directory slot per 4 keys (keys are hashes, so evenly spread).
    fn directory(&mut self) {
        let bits = (self.keys.len() / 4).max(1).ilog2().clamp(4, 24);
        let shift = 32 - bits;
        let mut dir = Vec::with_capacity((1usize << bits) + 1);
        for (i, &k) in self.keys.iter().enumerate() {
            while dir.len() <= (k >> shift) as usize {
                dir.push(i as u32);
            }
        }
        dir.resize((1usize << bits) + 1, self.keys.len() as u32);
        self.dir = dir;
        self.dir_bits = bits;
    }

    /// Which shared key `k` is (its position in `keys`), if it is one.
    fn find(&self, k: u32) -> Option<usize> {
        let b = (k >> (32 - self.dir_bits)) as usize;
        let from = self.dir.get(b).copied().unwrap_or(0) as usize;
        let to = self.dir.get(b + 1).copied().unwrap_or(0) as usize;
        let keys = self.keys.get(from..to)?;
        keys.binary_search(&k).ok().map(|i| from + i)
    }

    /// The first holders of shared key `g`, at most `take`.
    fn holders_of(&self, g: usize, take: usize) -> &[u32] {
        let from = self.first.get(g).copied().unwrap_or(0) as usize;
        let to = self.first.get(g + 1).copied().unwrap_or(0) as usize;
        self.ranks
            .get(from..to.min(from.saturating_add(take)))
            .unwrap_or(&[])
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

/// A query's reused buffers (keys, candidates, picked keys) and the edges found so far.
type QueryState = (Vec<u32>, Vec<u32>, Vec<(u32, u32)>, Vec<Edge>);

/// Verified edges between each rep and the holders of its rarest shared keys, within the
/// scan budget, appended to `out`. `reps` is ascending.
pub(super) fn candidate_edges(p: &Prepared, o: &Options, reps: &[u32], out: &mut Vec<Edge>) {
    let by_rank = ranked(p, reps);
    let index = Index::new(p, &by_rank, o.posting_cap);
    let reps_ranked = &by_rank;
    // Queries run in input order (`reps` is ascending): neighbouring quotes tend to touch
    // the same memory.
    let found: std::collections::LinkedList<Vec<Edge>> = reps
        .par_iter()
        .fold(
            || (Vec::new(), Vec::new(), Vec::new(), Vec::new()),
            |(mut keys, mut cands, mut picked, mut found): QueryState, &u| {
                if p.inert(u as usize, o) {
                    return (keys, cands, picked, found);
                }
                // The unit's shared keys as (holders, key position): keys are ascending,
                // so ties in holders fall in key order.
                keys_of(p, u as usize, &mut keys);
                picked.clear();
                picked.extend(keys.iter().filter_map(|&k| {
                    let g = index.find(k)?;
                    Some((index.holders.get(g).copied().unwrap_or(0), g as u32))
                }));
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
                for &(df, g) in picked.iter().take(o.keys_per_unit) {
                    let take = (df as usize).min(o.posting_cap).min(budget);
                    budget -= take;
                    for &r in index.holders_of(g as usize, take) {
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
                (keys, cands, picked, found)
            },
        )
        .map(|(_, _, _, found)| {
            let mut l = std::collections::LinkedList::new();
            l.push_back(found);
            l
        })
        .reduce(std::collections::LinkedList::new, |mut a, mut b| {
            a.append(&mut b);
            a
        });
    drop(index);
    drop(by_rank);
    // One exact-size vector; each part is freed as it is copied.
    out.reserve_exact(found.iter().map(Vec::len).sum());
    for part in found {
        out.extend(part);
    }
}

#[cfg(test)]
mod tests {
    use super::super::prepare::prepare;
    use super::*;

    /// The compact index against a brute-force count: every shared key found with its number
    /// of holders and its first `cap` holder ranks, and no key held by one unit alone.
    #[test]
    fn index_keeps_shared_keys_and_their_first_holders() {
        let texts: Vec<String> = (0..40)
            .map(|i| {
                format!(
                    "The harbour bridge toll rises {} percent in spring {}",
                    i % 3,
                    i % 7
                )
            })
            .chain(["A lone remark about quiet orchards".to_string()])
            .collect();
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let p = prepare(&refs[..], None);
        let reps: Vec<u32> = (0..p.units.len() as u32).collect();
        let by_rank = ranked(&p, &reps);
        let cap = 5;
        let index = Index::new(&p, &by_rank, cap);
        let mut holders: FxHashMap<u32, Vec<u32>> = FxHashMap::default();
        let mut keys = Vec::new();
        for (rank, &u) in by_rank.iter().enumerate() {
            keys_of(&p, u as usize, &mut keys);
            for &k in &keys {
                holders.entry(k).or_default().push(rank as u32);
            }
        }
        let mut shared = 0;
        for (k, ranks) in &holders {
            match index.find(*k) {
                None => assert_eq!(ranks.len(), 1, "a shared key is missing"),
                Some(g) => {
                    shared += 1;
                    assert!(ranks.len() >= 2);
                    assert_eq!(index.holders.get(g).copied(), Some(ranks.len() as u32));
                    let first = &ranks[..ranks.len().min(cap)];
                    assert_eq!(index.holders_of(g, usize::MAX), first);
                    assert_eq!(index.holders_of(g, 2), &first[..2]);
                }
            }
        }
        assert_eq!(shared, index.keys.len());
        assert!(shared > 0 && shared < holders.len());
    }
}
