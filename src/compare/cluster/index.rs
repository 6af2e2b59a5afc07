//! Candidate pairs: an inverted index over content words and word bigrams, read with a
//! bounded budget per unit, then verified.
//!
//! Postings are `(key << 32) | rank`, built by a counting pass (per bucket of the key's top
//! bits) and then a few sweeps, each scattering one range of buckets into exact-size vectors,
//! sorting them and converting them to the compact index before the next sweep. The index
//! keeps, of the keys held by two or more units, only their first `posting_cap` holders
//! (4 bytes each); each rep's few rarest shared keys are picked while the sorted postings go
//! by (a key's holders are known there), so no key is stored or looked up, and nothing is
//! stored per (unit, key) pair.

use rayon::prelude::*;

use super::prefetch::{prefetch_at, prefetch_lines};
use super::prepare::Prepared;
use super::verify::{verify, Edge};
use super::Options;

fn mix(a: u32, b: u32) -> u32 {
    let x = (u64::from(a) << 32) | u64::from(b);
    (x.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 32) as u32
}

/// The distinct keys of `u`, ascending.
#[cfg(test)]
fn keys_of(p: &Prepared, u: usize, out: &mut Vec<u32>) {
    out.clear();
    raw_keys_of(p, u, |k| out.push(k));
    out.sort_unstable();
    out.dedup();
}

const BUCKET_BITS: u32 = 12;
const BUCKET_SHIFT: u32 = 32 - BUCKET_BITS;
/// The postings are built this many bucket ranges at a time, each turned into the compact
/// index before the next: the 8-byte postings of all units at once would be the peak of the
/// whole clustering (as large as the tokens themselves). Each sweep re-reads every unit.
const SWEEPS: usize = 2;

/// The bucket ranges `lo..hi` of the sweeps, in order, covering every bucket: about equal
/// shares of the postings, and at most `sweeps` ranges. Each sweep re-reads every unit's keys,
/// so the last range takes whatever the others left (split greedily, they stop short of their
/// share, and a further sweep for the few postings left over cost a whole pass over the
/// units: 1.4 % of the time at a million quotes).
fn sweep_ranges(counts: &[usize], sweeps: usize) -> Vec<(usize, usize)> {
    let per_sweep = counts.iter().sum::<usize>().div_ceil(sweeps.max(1)).max(1);
    let mut out = Vec::new();
    let mut lo = 0;
    while lo < counts.len() {
        let mut hi = lo;
        let mut sum = 0;
        if out.len() + 1 >= sweeps {
            hi = counts.len();
        }
        while let Some(&c) = counts.get(hi) {
            if hi > lo && sum + c > per_sweep {
                break;
            }
            sum += c;
            hi += 1;
        }
        out.push((lo, hi));
        lo = hi;
    }
    out
}

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
fn bucket_counts(p: &Prepared, reps: &[u32]) -> Vec<usize> {
    let nb = 1usize << BUCKET_BITS;
    reps.par_chunks(4096)
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
/// each sorted by key, then rank, repeats dropped. `rank_of[i]` is the rank of `reps[i]`.
fn postings(
    p: &Prepared,
    reps: &[u32],
    rank_of: &[u32],
    counts: &[usize],
    lo: usize,
) -> Vec<Vec<u64>> {
    let mut buckets: Vec<Vec<u64>> = counts.iter().map(|&c| Vec::with_capacity(c)).collect();
    // In unit order, so the word ids are read in memory order; each bucket is sorted below,
    // so the order of the postings in it does not matter.
    for (&u, &rank) in reps.iter().zip(rank_of) {
        raw_keys_of(p, u as usize, |k| {
            let b = ((k >> BUCKET_SHIFT) as usize).wrapping_sub(lo);
            if let Some(b) = buckets.get_mut(b) {
                b.push((u64::from(k) << 32) | u64::from(rank));
            }
        });
    }
    buckets.par_iter_mut().for_each(|x| {
        x.sort_unstable();
        x.dedup();
    });
    buckets
}

/// The index in compact form, with each rep's rarest shared keys already picked: of each key
/// held by two or more units only its first `posting_cap` holders (the longest; a query never
/// reads further), 4 bytes each, and of each rep its `k` rarest shared keys, found as the
/// sorted postings go by. A query then looks nothing up by key, and no key is stored.
struct Index {
    /// First holders (units, longest first), key after key, keys ascending.
    holders: Vec<u32>,
    /// `k` slots per rep, by rank (the postings carry ranks, so they find them with no
    /// further lookup): its rarest shared keys as (holders, where the key's first holders
    /// start in `holders`), fewest holders first, ties in key order (the order a full sort
    /// gives them); unused slots are [`NO_KEY`]. A key keeps its first
    /// `min(holders, posting_cap)` holders, so the slot alone locates them: no table of
    /// offsets per key is read at random by every query.
    rarest: Vec<(u32, u32)>,
    k: usize,
    /// The rank of each rep (in `reps` order).
    rank_of: Vec<u32>,
}

const NO_KEY: (u32, u32) = (u32::MAX, u32::MAX);

/// How many shared-key postings ahead of the one being added their holders' rarest slots are
/// asked for.
const PICK_AHEAD: usize = 8;

impl Index {
    /// Built in [`SWEEPS`] ranges of buckets; each range's sorted postings are converted and
    /// freed before the next is built. `ranked[rank]` is a position in `reps`.
    fn new(p: &Prepared, reps: &[u32], ranked: &[u32], o: &Options) -> Index {
        let counts = bucket_counts(p, reps);
        let mut rank_of = vec![0u32; reps.len()];
        for (rank, &i) in ranked.iter().enumerate() {
            if let Some(r) = rank_of.get_mut(i as usize) {
                *r = rank as u32;
            }
        }
        // The unit of each rank: one lookup per kept holder instead of two.
        let unit_of_rank: Vec<u32> = ranked
            .iter()
            .map(|&i| reps.get(i as usize).copied().unwrap_or(u32::MAX))
            .collect();
        // Keys past the first `scan_budget` are never read: each earlier one takes at least
        // one holder (every shared key has two) until the budget is spent.
        let k = match o.posting_cap {
            0 => 0,
            _ => o.keys_per_unit.min(o.scan_budget),
        };
        let mut index = Index {
            holders: Vec::new(),
            rarest: vec![NO_KEY; reps.len() * k],
            k,
            rank_of: Vec::new(),
        };
        let mut groups = Vec::new();
        for (lo, hi) in sweep_ranges(&counts, SWEEPS) {
            let range = counts.get(lo..hi).unwrap_or(&[]);
            for bucket in postings(p, reps, &rank_of, range, lo) {
                index.add_bucket(&bucket, &unit_of_rank, o.posting_cap, &mut groups);
            }
        }
        index.holders.shrink_to_fit();
        index.rank_of = rank_of;
        index
    }

    /// The keys of one sorted bucket with two or more holders: their first holders, and each
    /// holder's rarest keys updated. Keys come in ascending order across buckets, so a new key
    /// loses ties in holders to the keys already picked. `groups` is a reused buffer.
    fn add_bucket(
        &mut self,
        bucket: &[u64],
        unit_of_rank: &[u32],
        posting_cap: usize,
        groups: &mut Vec<(usize, usize)>,
    ) {
        // The shared keys' ranges first, so that the rarest slots of the holders a few
        // postings ahead can be asked for (they are read at random: a bucket's keys are held
        // by units all over the corpus).
        groups.clear();
        let mut i = 0;
        while i < bucket.len() {
            let k = bucket.get(i).map(|x| x >> 32);
            let mut j = i + 1;
            while j < bucket.len() && bucket.get(j).map(|x| x >> 32) == k {
                j += 1;
            }
            if j - i >= 2 {
                groups.push((i, j));
            }
            i = j;
        }
        let rank = |x: &u64| (x & 0xFFFF_FFFF) as usize;
        let mut ahead = groups
            .iter()
            .flat_map(|&(i, j)| bucket.get(i..j).unwrap_or(&[]))
            .skip(PICK_AHEAD);
        for &(i, j) in groups.iter() {
            // Every shared key keeps at least one holder, so this start differs from key to
            // key and ascends with the key: ties between keys break in key order.
            let key = ((j - i) as u32, self.holders.len() as u32);
            let group = bucket.get(i..j).unwrap_or(&[]);
            let kept = group.get(..group.len().min(posting_cap)).unwrap_or(&[]);
            self.holders.extend(
                kept.iter()
                    .filter_map(|x| unit_of_rank.get(rank(x)).copied()),
            );
            for x in group {
                if let Some(y) = ahead.next() {
                    // A rep's slots (32 bytes) can straddle two lines: both.
                    let r = rank(y) * self.k;
                    prefetch_lines(&self.rarest, r, r + self.k);
                    prefetch_at(unit_of_rank, rank(y));
                }
                self.pick(rank(x), key);
            }
        }
    }

    /// Offers key `(holders, start)` to rep `r`'s rarest keys (kept sorted).
    fn pick(&mut self, r: usize, key: (u32, u32)) {
        let k = self.k;
        let Some(slots) = self.rarest.get_mut(r * k..(r + 1) * k) else {
            return;
        };
        if slots.last().map_or(true, |&(df, _)| df <= key.0) {
            return;
        }
        let at = slots.iter().position(|&(df, _)| df > key.0).unwrap_or(k);
        if let Some(tail) = slots.get_mut(at..) {
            tail.rotate_right(1);
            if let Some(s) = tail.first_mut() {
                *s = key;
            }
        }
    }

    /// The rep at position `i` of `reps`: its rarest shared keys, fewest holders first, as
    /// (holders, start of its first holders).
    fn rarest_of(&self, i: usize) -> impl Iterator<Item = (u32, u32)> + '_ {
        let (k, r) = (
            self.k,
            self.rank_of.get(i).map_or(usize::MAX, |&r| r as usize),
        );
        self.rarest
            .get(r.saturating_mul(k)..r.saturating_add(1).saturating_mul(k))
            .unwrap_or(&[])
            .iter()
            .copied()
            .take_while(|&x| x != NO_KEY)
    }

    /// Starts loading what the queries after rep `i` will read: the rarest slots of rep
    /// `i + 2`, and the holders of rep `i + 1`'s keys (its slots were asked for one query
    /// earlier).
    fn prefetch_ahead(&self, i: usize, posting_cap: usize, scan_budget: usize) {
        if let Some(&r) = self.rank_of.get(i + 2) {
            let r = (r as usize).saturating_mul(self.k);
            prefetch_lines(&self.rarest, r, r.saturating_add(self.k));
        }
        // Every line of the holders the query will read (as it counts them): 48 holders
        // span four lines.
        let mut budget = scan_budget;
        for (df, from) in self.rarest_of(i + 1) {
            let take = (df as usize).min(posting_cap).min(budget);
            budget -= take;
            prefetch_lines(&self.holders, from as usize, from as usize + take);
        }
    }

    /// The first `take` holders of the key whose holders start at `from`; `take` is at most
    /// the key's kept holders, `min(holders, posting_cap)`.
    fn holders_at(&self, from: u32, take: usize) -> &[u32] {
        let from = from as usize;
        self.holders
            .get(from..from.saturating_add(take))
            .unwrap_or(&[])
    }
}

/// Index ranks: the positions in `reps` (ascending) ordered longest first, ties in unit
/// order, so a key's first holders are its longest. A counting sort by length: linear, and
/// stable.
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
    for (i, &u) in reps.iter().enumerate() {
        if let Some(c) = at.get_mut(longest - len(u)) {
            if let Some(slot) = out.get_mut(*c) {
                *slot = i as u32;
            }
            *c += 1;
        }
    }
    out
}

/// The distinct candidates of one query, in the order first found: an open-addressing set
/// sized to the query's postings (a few hundred bytes, so it stays in the L1 cache), which
/// costs less than sorting them. The order does not matter: the edges are sorted later.
#[derive(Default)]
struct Distinct {
    /// Candidates by hash, [`EMPTY`] where none; at least twice as many as are inserted.
    slots: Vec<u32>,
    shift: u32,
    list: Vec<u32>,
}

const EMPTY: u32 = u32::MAX;

impl Distinct {
    /// Empty, for at most `n` insertions.
    fn reset(&mut self, n: usize) {
        let size = (2 * n).next_power_of_two().max(16);
        self.slots.clear();
        self.slots.resize(size, EMPTY);
        self.shift = 32 - size.ilog2();
        self.list.clear();
    }

    fn insert(&mut self, v: u32) {
        let mask = self.slots.len() - 1;
        // Multiplicative hashing (top bits): nearby units, as copies of a remark often are,
        // spread apart.
        let mut h = (v.wrapping_mul(0x9E37_79B9) >> self.shift) as usize;
        while let Some(s) = self.slots.get_mut(h) {
            if *s == v {
                return;
            }
            if *s == EMPTY {
                *s = v;
                self.list.push(v);
                return;
            }
            h = (h + 1) & mask;
        }
    }
}

/// How many candidates ahead of the one being verified their words are asked for.
const VERIFY_AHEAD: usize = 4;

/// A query's reused buffers (candidates, keys and how many holders each gives) and the
/// edges found so far.
type QueryState = (Distinct, Vec<(u32, usize)>, Vec<Edge>);

/// Verified edges between each rep and the holders of its rarest shared keys, within the
/// scan budget, appended to `out`. `reps` is ascending.
pub(super) fn candidate_edges(p: &Prepared, o: &Options, reps: &[u32], out: &mut Vec<Edge>) {
    let by_rank = ranked(p, reps);
    let index = Index::new(p, reps, &by_rank, o);
    drop(by_rank);
    // Queries run in input order (`reps` is ascending): neighbouring quotes tend to touch
    // the same memory.
    let found: std::collections::LinkedList<Vec<Edge>> = reps
        .par_iter()
        .enumerate()
        .fold(
            || (Distinct::default(), Vec::new(), Vec::new()),
            |(mut cands, mut takes, mut found): QueryState, (i, &u)| {
                if p.inert(u as usize, o) {
                    return (cands, takes, found);
                }
                // Each rarest key and how many of its holders are read, within the budget.
                let mut budget = o.scan_budget;
                takes.clear();
                takes.extend(index.rarest_of(i).map(|(df, g)| {
                    let take = (df as usize).min(o.posting_cap).min(budget);
                    budget -= take;
                    (g, take)
                }));
                index.prefetch_ahead(i, o.posting_cap, o.scan_budget);
                cands.reset(o.scan_budget - budget);
                let q = p.quote_of(u as usize);
                for &(g, take) in &takes {
                    for &v in index.holders_at(g, take) {
                        p.prefetch_unit(v as usize);
                    }
                }
                for &(g, take) in &takes {
                    for &v in index.holders_at(g, take) {
                        if v != u && p.quote_of(v as usize) != q {
                            cands.insert(v);
                        }
                    }
                }
                let list = &cands.list;
                for &v in list.iter().take(VERIFY_AHEAD) {
                    p.prefetch_verify(v as usize);
                }
                for (j, &v) in list.iter().enumerate() {
                    if let Some(&ahead) = list.get(j + VERIFY_AHEAD) {
                        p.prefetch_verify(ahead as usize);
                    }
                    found.extend(verify(p, o, u as usize, v as usize));
                }
                (cands, takes, found)
            },
        )
        .map(|(_, _, found)| {
            let mut l = std::collections::LinkedList::new();
            l.push_back(found);
            l
        })
        .reduce(std::collections::LinkedList::new, |mut a, mut b| {
            a.append(&mut b);
            a
        });
    drop(index);
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

    /// Each candidate once, in the order first found, including when the table is full to
    /// half and the probes wrap around its end.
    #[test]
    fn sweeps_cover_every_bucket_in_at_most_their_number_of_ranges() {
        // Greedy shares of at most half stop short of it (4, then 4 + 1, would leave a third
        // range for the last 1): the last range takes the rest.
        assert_eq!(sweep_ranges(&[4, 4, 1, 1], 2), vec![(0, 1), (1, 4)]);
        assert_eq!(sweep_ranges(&[3, 3, 3, 1], 2), vec![(0, 1), (1, 4)]);
        assert_eq!(sweep_ranges(&[5, 0, 0], 1), vec![(0, 3)]);
        assert_eq!(sweep_ranges(&[1, 1, 1, 1], 4).len(), 4);
        assert_eq!(sweep_ranges(&[], 2), vec![]);
    }

    #[test]
    fn distinct_keeps_first_occurrences_in_order() {
        let mut d = Distinct::default();
        for n in [0usize, 1, 7, 8, 96, 300] {
            let input: Vec<u32> = (0..2 * n as u32)
                .map(|i| (i * 7919) % (n as u32 + 1))
                .collect();
            d.reset(input.len());
            input.iter().for_each(|&v| d.insert(v));
            let mut want: Vec<u32> = Vec::new();
            for &v in &input {
                if !want.contains(&v) {
                    want.push(v);
                }
            }
            assert_eq!(d.list, want);
        }
    }

    /// The compact index against a brute-force count: of every rep, its rarest shared keys
    /// (fewest holders first, ties in key order) with their number of holders, and of each
    /// such key its first `cap` holders, longest first. The reps are some of the units and
    /// of different lengths, so unit, position in `reps` and rank all differ.
    #[test]
    fn index_picks_each_reps_rarest_shared_keys_and_keeps_their_first_holders() {
        let texts: Vec<String> = (0..40)
            .map(|i| {
                format!(
                    "The harbour bridge toll rises {} percent in spring {}{}",
                    i % 3,
                    i % 7,
                    " and then again".repeat(i % 4)
                )
            })
            .chain(["A lone remark about quiet orchards".to_string()])
            .collect();
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let p = prepare(&refs[..], None);
        let reps: Vec<u32> = (0..p.units.len() as u32).filter(|u| u % 5 != 2).collect();
        let by_rank = ranked(&p, &reps);
        assert!(by_rank.iter().enumerate().any(|(r, &i)| r != i as usize));
        let o = Options {
            posting_cap: 5,
            keys_per_unit: 3,
            ..Options::default()
        };
        let index = Index::new(&p, &reps, &by_rank, &o);
        // Brute force: each key's holders (units, longest first), keys ascending.
        let mut holders: std::collections::BTreeMap<u32, Vec<u32>> = Default::default();
        let mut keys = Vec::new();
        for &i in &by_rank {
            let u = reps[i as usize];
            keys_of(&p, u as usize, &mut keys);
            for &k in &keys {
                holders.entry(k).or_default().push(u);
            }
        }
        let shared: Vec<u32> = holders
            .iter()
            .filter(|(_, h)| h.len() >= 2)
            .map(|(&k, _)| k)
            .collect();
        assert!(!shared.is_empty() && shared.len() < holders.len());
        // Where each shared key's first holders start: after those of the keys before it.
        let mut start = Vec::new();
        let mut at = 0u32;
        for k in &shared {
            start.push(at);
            let h = &holders[k];
            let kept = &h[..h.len().min(5)];
            assert_eq!(index.holders_at(at, kept.len()), kept);
            assert_eq!(index.holders_at(at, 2), &h[..2]);
            at += kept.len() as u32;
        }
        assert_eq!(index.holders.len(), at as usize);
        let mut with_keys = 0;
        for (i, &u) in reps.iter().enumerate() {
            keys_of(&p, u as usize, &mut keys);
            let mut want: Vec<(u32, u32)> = shared
                .iter()
                .enumerate()
                .filter(|(_, k)| keys.contains(k))
                .map(|(g, k)| (holders[k].len() as u32, start[g]))
                .collect();
            want.sort_unstable();
            want.truncate(3);
            with_keys += usize::from(want.len() == 3);
            assert_eq!(index.rarest_of(i).collect::<Vec<_>>(), want);
        }
        assert!(with_keys > 0);
    }
}
