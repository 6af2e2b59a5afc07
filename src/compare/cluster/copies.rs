//! Identical sentences: copies of a unit (same words, same speaker) are united with its
//! first occurrence up front, and only the first occurrences ("reps") are indexed.

use rustc_hash::FxHashMap;

use super::prepare::{fx, Prepared};
use super::verify::{Edge, Kind};
use super::Options;

/// Identical sentences (same words, same speaker) are one unit from here on: the edges
/// uniting each copy with its first occurrence, and the units that remain ("reps").
///
/// Copies are found by hash in groups of the hash's top bits, each group in unit order with a
/// map small enough for the core's cache: one map over every unit is tens of MB at a million
/// quotes, and each of its lookups would wait for memory. A copy's group holds every unit
/// with its hash, in unit order, so its first occurrence is the one a single map would find.
pub(super) fn representatives(p: &Prepared, o: &Options) -> (Vec<Edge>, Vec<u32>) {
    representatives_in(p, o, None)
}

/// [`representatives`] with `bits` of the hash choosing the group (None: by the count).
fn representatives_in(p: &Prepared, o: &Options, bits: Option<u32>) -> (Vec<Edge>, Vec<u32>) {
    let n = p.units.len();
    // Per unit: SKIP (no content words), REP, or the unit it copies.
    let mut copy_of = vec![REP; n];
    // (hash of the words, speaker or NO_SPEAKER, unit) of the units that may copy another.
    let mut keyed: Vec<(u64, u32, u32)> = Vec::new();
    for (u, slot) in copy_of.iter_mut().enumerate() {
        if !p.has_content(u) {
            *slot = SKIP;
        } else if !p.inert(u, o) {
            let speaker = p.speaker_of(u).unwrap_or(NO_SPEAKER);
            keyed.push((fx(p.seq(u)), speaker, u as u32));
        }
    }
    let bits = bits.unwrap_or_else(|| copy_group_bits(keyed.len())).min(63);
    let group = |h: u64| {
        if bits == 0 {
            0
        } else {
            (h >> (64 - bits)) as usize
        }
    };
    let grouped = stable_by_group(&keyed, 1 << bits, |x| group(x.0));
    drop(keyed);
    let mut first: FxHashMap<(u64, u32), u32> = FxHashMap::default();
    let mut at = 0;
    while at < grouped.len() {
        let g = grouped.get(at).map_or(0, |x| group(x.0));
        first.clear();
        while let Some(&(h, speaker, u)) = grouped.get(at).filter(|x| group(x.0) == g) {
            let r = *first.entry((h, speaker)).or_insert(u);
            if r != u {
                if let Some(slot) = copy_of.get_mut(u as usize) {
                    *slot = r;
                }
            }
            at += 1;
        }
    }
    drop(grouped);
    let mut edges: Vec<Edge> = Vec::new();
    let mut reps: Vec<u32> = Vec::new();
    for (u, &c) in copy_of.iter().enumerate() {
        match c {
            SKIP => {}
            REP => reps.push(u as u32),
            r => edges.push(Edge {
                a: u as u32,
                b: r,
                kind: Kind::Unite,
                score: 2.0,
            }),
        }
    }
    (edges, reps)
}

/// Marks of [`representatives`]: no unit number reaches them (units are counted in `u32`).
const SKIP: u32 = u32::MAX;
const REP: u32 = u32::MAX - 1;
/// A speaker id is never this (there are fewer people than quotes).
const NO_SPEAKER: u32 = u32::MAX;

/// Hash-top bits that split `n` keys into groups of about 4096 (a map of ~100 KB).
fn copy_group_bits(n: usize) -> u32 {
    (n / 4096).next_power_of_two().ilog2().min(16)
}

/// `xs` grouped by `group(x)` (below `groups`), keeping the order within a group: a counting
/// sort.
fn stable_by_group<T: Copy + Default>(
    xs: &[T],
    groups: usize,
    group: impl Fn(&T) -> usize,
) -> Vec<T> {
    let mut at = vec![0usize; groups + 1];
    for x in xs {
        if let Some(c) = at.get_mut(group(x) + 1) {
            *c += 1;
        }
    }
    for i in 1..at.len() {
        let prev = at.get(i - 1).copied().unwrap_or(0);
        if let Some(c) = at.get_mut(i) {
            *c += prev;
        }
    }
    let mut out = vec![T::default(); xs.len()];
    for x in xs {
        if let Some(c) = at.get_mut(group(x)) {
            if let Some(slot) = out.get_mut(*c) {
                *slot = *x;
            }
            *c += 1;
        }
    }
    out
}

/// [`representatives`] with one map over all units, as it was: the reference the grouped
/// version must equal.
#[cfg(test)]
fn representatives_one_map(p: &Prepared, o: &Options) -> (Vec<Edge>, Vec<u32>) {
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

#[cfg(test)]
mod tests {
    use super::super::prepare::prepare;
    use super::*;

    /// The grouped search finds the same copies and reps as one map over every unit, in the
    /// same order, with any number of groups: copies far apart and of different speakers,
    /// fragments (inert, never copies) and sentences without content words among them.
    #[test]
    fn grouped_copies_equal_one_map() {
        let texts: Vec<String> = (0..9000)
            .map(|i| match i % 5 {
                0 => format!("The ferry fare rises {} cents at dawn.", (i * 7) % 601),
                1 => format!("Stop. The pier closes in week {}.", (i * 13) % 97),
                2 => "It is what it is.".to_string(),
                3 => format!("Ask the harbour master {}. Soon.", (i * 31) % 2003),
                _ => format!("Tolls {} rise", i % 11),
            })
            .collect();
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let names = ["Ann Lee", "Bo Kim", ""];
        let speakers: Vec<Option<&str>> = (0..texts.len())
            .map(|i| Some(names[(i * 7) % 3]).filter(|s| !s.is_empty()))
            .collect();
        let (labels, of) = super::super::prepare::label_ids(&speakers);
        let labels = super::super::SpeakerLabels {
            labels: &labels,
            of: &of,
        };
        let p = prepare(&refs[..], Some(labels));
        let o = Options::default();
        let view = |(edges, reps): (Vec<Edge>, Vec<u32>)| {
            let e: Vec<(u32, u32)> = edges.iter().map(|e| (e.a, e.b)).collect();
            (e, reps)
        };
        let want = view(representatives_one_map(&p, &o));
        assert!(want.0.len() > 1000 && want.1.len() > 1000);
        assert!(want.1.len() + want.0.len() < p.units.len());
        assert!(copy_group_bits(p.units.len()) >= 1);
        for bits in [None, Some(0), Some(1), Some(5), Some(12)] {
            assert_eq!(
                view(representatives_in(&p, &o, bits)),
                want,
                "bits {bits:?}"
            );
        }
    }

    #[test]
    fn stable_by_group_keeps_order_within_groups() {
        let xs: Vec<(u32, u32)> = (0..300u32).map(|i| ((i * 7919) % 13, i)).collect();
        let mut want = xs.clone();
        want.sort_by_key(|x| x.0);
        assert_eq!(stable_by_group(&xs, 13, |x| x.0 as usize), want);
        assert_eq!(
            stable_by_group::<(u32, u32)>(&[], 4, |x| x.0 as usize),
            vec![]
        );
    }
}
