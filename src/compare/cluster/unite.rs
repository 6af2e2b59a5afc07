//! From verified edges to clusters: union-find on the unite edges (strongest first, never
//! across two known speakers), fragments attached to every remark that contains them, then
//! memberships with byte ranges and one primary id per quote.

use rustc_hash::FxHashMap;

use super::prepare::Prepared;
use super::verify::{Edge, Kind};
use super::{Member, Options, QuoteClusters};

/// Union-find over units. Each unit's parent and its group's speaker ([`NO_SPEAKER`] if
/// none) side by side: the edges join units all over the corpus, and a root's speaker is
/// read right after its parent, from the same cache line.
struct Uf {
    nodes: Vec<(u32, u32)>,
}

const NO_SPEAKER: u32 = u32::MAX;

impl Uf {
    /// One group per unit, with the given speakers (a speaker id is never [`NO_SPEAKER`]:
    /// there are fewer people than quotes).
    fn new(speakers: impl Iterator<Item = Option<u32>>) -> Uf {
        let nodes = speakers
            .enumerate()
            .map(|(u, s)| (u as u32, s.unwrap_or(NO_SPEAKER)))
            .collect();
        Uf { nodes }
    }
    fn parent(&self, x: u32) -> u32 {
        self.nodes.get(x as usize).map_or(x, |n| n.0)
    }
    fn find(&mut self, mut x: u32) -> u32 {
        loop {
            let p = self.parent(x);
            if p == x {
                return x;
            }
            let gp = self.parent(p);
            if let Some(n) = self.nodes.get_mut(x as usize) {
                n.0 = gp;
            }
            x = gp;
        }
    }
    fn label(&self, r: u32) -> Option<u32> {
        self.nodes
            .get(r as usize)
            .map(|n| n.1)
            .filter(|&s| s != NO_SPEAKER)
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
        if let Some(n) = self.nodes.get_mut(hi as usize) {
            n.0 = lo;
        }
        if let Some(n) = self.nodes.get_mut(lo as usize) {
            n.1 = la.or(lb).unwrap_or(NO_SPEAKER);
        }
        true
    }
}

/// Moves the unite edges before the attach edges (in place, any order within each) and
/// returns how many unite edges there are.
fn partition_unite_first(edges: &mut [Edge]) -> usize {
    let mut front = 0;
    for i in 0..edges.len() {
        if edges.get(i).is_some_and(|e| e.kind == Kind::Unite) {
            edges.swap(front, i);
            front += 1;
        }
    }
    front
}

/// One integer whose ascending order is `(score descending by f32::total_cmp, a, b)`.
fn strongest_first(e: &Edge) -> u128 {
    let bits = e.score.to_bits();
    // The IEEE bits ordered as `total_cmp` orders the floats.
    let ascending = if bits >> 31 == 1 {
        !bits
    } else {
        bits | 0x8000_0000
    };
    (u128::from(!ascending) << 64) | (u128::from(e.a) << 32) | u128::from(e.b)
}

/// Unite, strongest evidence first. `edges` come back with the unite edges first, sorted.
fn unite(p: &Prepared, edges: &mut [Edge]) -> Uf {
    let nu = p.units.len();
    let mut uf = Uf::new((0..nu).map(|u| p.speaker_of(u)));
    // In place (no second list of edges): the unite edges first, then the attach edges, in
    // any order (`absorb` does not depend on it). The unite edges are sorted by one integer
    // key, strongest first, then by (a, b): the order of `(score desc, a, b)` with
    // `f32::total_cmp`. Equal keys are equal edges, so an unstable sort gives the same order.
    let attach = |e: &Edge| e.kind == Kind::Attach;
    let n_unite = partition_unite_first(edges);
    if let Some(unite_edges) = edges.get_mut(..n_unite) {
        unite_edges.sort_unstable_by_key(strongest_first);
    }
    for e in edges.iter().take_while(|e| !attach(e)) {
        uf.union(e.a, e.b);
    }
    uf
}

/// Fragments join every remark that contains them, longest fragments resolved first:
/// fragment root -> the roots it joins.
fn absorb(p: &Prepared, o: &Options, edges: &[Edge], uf: &mut Uf) -> FxHashMap<u32, Vec<u32>> {
    let mut containers: FxHashMap<u32, Vec<u32>> = FxHashMap::default();
    for e in edges.iter().filter(|e| e.kind == Kind::Attach) {
        let r = uf.find(e.a);
        containers.entry(r).or_default().push(e.b);
    }
    let mut frag_roots: Vec<u32> = containers.keys().copied().collect();
    frag_roots.sort_by_key(|&r| (std::cmp::Reverse(p.words(r as usize)), r));
    let mut absorbed: FxHashMap<u32, Vec<u32>> = FxHashMap::default();
    for r in frag_roots {
        let mut targets = Vec::new();
        for &l in containers.get(&r).map_or(&[][..], |v| &v[..]) {
            let rl = uf.find(l);
            match absorbed.get(&rl) {
                Some(t) if p.words(l as usize) <= o.fragment_words => targets.extend_from_slice(t),
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
    absorbed
}

/// Memberships (cluster root, quote, byte range), sorted, one per root and quote.
fn memberships(
    p: &Prepared,
    o: &Options,
    uf: &mut Uf,
    absorbed: &FxHashMap<u32, Vec<u32>>,
) -> Vec<(u32, u32, u32, u32)> {
    let mut raw: Vec<(u32, u32, u32, u32)> = Vec::new();
    for u in 0..p.units.len() as u32 {
        let Some(unit) = p.units.get(u as usize) else {
            continue;
        };
        let r = uf.find(u);
        let is_frag = p.words(u as usize) <= o.fragment_words;
        match absorbed.get(&r) {
            Some(ts) if is_frag => {
                for &t in ts {
                    raw.push((t, unit.quote, unit.bytes.0, unit.bytes.1));
                }
            }
            _ => raw.push((r, unit.quote, unit.bytes.0, unit.bytes.1)),
        }
    }
    // Units come in quote order, so within one root the memberships are already in quote
    // order: grouping them by root, stably, puts each (root, quote) together in the order a
    // full sort would, in two linear passes (a comparison sort's passes grow with the
    // corpus). Within a (root, quote) the order does not matter: its ranges merge below.
    merge_ranges(stable_by_root(raw, p.units.len()))
}

/// Runs of equal (root, quote) in `xs` become one, with the smallest start and largest end;
/// in place (a second list as long would be fresh memory, written once).
fn merge_ranges(mut xs: Vec<(u32, u32, u32, u32)>) -> Vec<(u32, u32, u32, u32)> {
    let mut kept: usize = 0;
    for i in 0..xs.len() {
        let Some(&m) = xs.get(i) else { break };
        match kept.checked_sub(1).and_then(|l| xs.get_mut(l)) {
            Some(last) if last.0 == m.0 && last.1 == m.1 => {
                last.2 = last.2.min(m.2);
                last.3 = last.3.max(m.3);
            }
            _ => {
                if let Some(slot) = xs.get_mut(kept) {
                    *slot = m;
                }
                kept += 1;
            }
        }
    }
    xs.truncate(kept);
    xs
}

/// `xs` ordered by their first field (below `n`), keeping the order of equal ones: a
/// counting sort.
fn stable_by_root(xs: Vec<(u32, u32, u32, u32)>, n: usize) -> Vec<(u32, u32, u32, u32)> {
    // u32 counts: they are as many as the units and read and written at random. (Past
    // u32 memberships, a library sort.)
    if u32::try_from(xs.len()).is_err() {
        let mut xs = xs;
        xs.sort_by_key(|x| x.0);
        return xs;
    }
    let mut at = vec![0u32; n + 1];
    for x in &xs {
        if let Some(c) = at.get_mut(x.0 as usize + 1) {
            *c += 1;
        }
    }
    for i in 1..at.len() {
        let prev = at.get(i - 1).copied().unwrap_or(0);
        if let Some(c) = at.get_mut(i) {
            *c += prev;
        }
    }
    let mut out = vec![(0u32, 0u32, 0u32, 0u32); xs.len()];
    for x in xs {
        if let Some(c) = at.get_mut(x.0 as usize) {
            if let Some(slot) = out.get_mut(*c as usize) {
                *slot = x;
            }
            *c += 1;
        }
    }
    out
}

trait Shorter {
    fn is_none_or_shorter(&self, len: usize) -> bool;
}

impl Shorter for Option<(usize, usize)> {
    fn is_none_or_shorter(&self, len: usize) -> bool {
        self.map_or(true, |(l, _)| l < len)
    }
}

/// Clusters of two or more quotes, numbered by their first quote, and each quote's id.
fn number(merged: &[(u32, u32, u32, u32)], n_quotes: usize) -> QuoteClusters {
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
    let mut primary: Vec<Option<(usize, usize)>> = vec![None; n_quotes];
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
    // Dense ids in input order: a cluster's id when its first quote comes, a lone quote an
    // id of its own. Cluster numbers are dense too, so a table by cluster (not a map over a
    // million keys, read at random) holds the ids given.
    let mut of_cluster = vec![usize::MAX; clusters.len()];
    let mut next = 0;
    let ids = primary
        .iter()
        .map(|p| {
            let slot = p.and_then(|(_, cid)| of_cluster.get_mut(cid));
            match slot {
                Some(id) if *id != usize::MAX => *id,
                Some(id) => {
                    *id = next;
                    next += 1;
                    *id
                }
                None => {
                    next += 1;
                    next - 1
                }
            }
        })
        .collect();
    QuoteClusters {
        members,
        n_clusters: clusters.len(),
        ids,
    }
}

pub(super) fn clusters(
    p: &Prepared,
    o: &Options,
    mut edges: Vec<Edge>,
    n_quotes: usize,
) -> QuoteClusters {
    let mut uf = unite(p, &mut edges);
    let absorbed = absorb(p, o, &edges, &mut uf);
    drop(edges);
    let merged = memberships(p, o, &mut uf, &absorbed);
    number(&merged, n_quotes)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Ids are dense in input order: a cluster's id is given at its first quote, a lone quote
    /// (or one only in a cluster of one) gets one of its own, and a quote in two clusters takes
    /// the one where its part is longer.
    #[test]
    fn number_gives_dense_ids_in_input_order() {
        // (root, quote, start, end), sorted by root then quote.
        let merged = vec![
            (2, 1, 0, 4),
            (2, 4, 0, 10),
            (7, 0, 0, 3),
            (7, 4, 0, 5),
            (9, 2, 0, 8),
        ];
        let r = number(&merged, 6);
        assert_eq!(r.n_clusters, 2);
        assert_eq!(r.ids, vec![0, 1, 2, 3, 1, 4]);
        assert_eq!(number(&[], 3).ids, vec![0, 1, 2]);
    }

    /// The counting sort against a stable library sort, with repeated and missing roots.
    #[test]
    fn stable_by_root_orders_by_root_keeping_input_order() {
        let xs: Vec<(u32, u32, u32, u32)> = (0..500u32)
            .map(|i| ((i * 7919) % 37, i / 3, i, (i * 31) % 17))
            .collect();
        let mut want = xs.clone();
        want.sort_by_key(|x| x.0);
        assert_eq!(stable_by_root(xs, 40), want);
        assert_eq!(stable_by_root(Vec::new(), 0), Vec::new());
    }

    /// Each run of equal (root, quote) becomes one membership spanning its ranges; equal
    /// quotes under different roots, and a root's quotes apart, stay apart.
    #[test]
    fn merge_ranges_spans_each_run_of_root_and_quote() {
        let xs = vec![
            (0, 1, 10, 20),
            (0, 1, 0, 5),
            (0, 1, 30, 40),
            (0, 2, 0, 9),
            (1, 2, 3, 4),
            (1, 2, 1, 2),
            (2, 7, 5, 6),
        ];
        assert_eq!(
            merge_ranges(xs),
            vec![(0, 1, 0, 40), (0, 2, 0, 9), (1, 2, 1, 4), (2, 7, 5, 6)]
        );
        assert_eq!(merge_ranges(Vec::new()), Vec::new());
    }

    /// Groups with two different known speakers never join; a group with none takes the
    /// speaker of the group it joins (speaker id 0 included), and the root is the lowest unit.
    #[test]
    fn union_find_keeps_speakers_apart() {
        let mut uf = Uf::new([Some(0), None, Some(1), None, None].into_iter());
        let root_label = |uf: &mut Uf, u| {
            let r = uf.find(u);
            (r, uf.label(r))
        };
        assert!(uf.union(1, 0));
        assert_eq!(root_label(&mut uf, 1), (0, Some(0)));
        assert!(!uf.union(2, 1));
        assert!(uf.union(4, 3));
        assert_eq!(root_label(&mut uf, 4), (3, None));
        assert!(uf.union(3, 2));
        assert_eq!(root_label(&mut uf, 4), (2, Some(1)));
        assert!(!uf.union(4, 0));
        assert!(uf.union(0, 1));
        assert_ne!(uf.find(4), uf.find(0));
    }

    /// The integer key orders unite edges exactly as the comparator it replaces: score
    /// descending by `f32::total_cmp` (signed zeros, negatives and infinities included), then
    /// (a, b); and the partition puts every unite edge before every attach edge.
    #[test]
    fn strongest_first_matches_the_comparator() {
        let scores = [
            0.6,
            0.75,
            1.0,
            2.0,
            0.0,
            -0.0,
            -1.0,
            0.6000001,
            f32::INFINITY,
            f32::NEG_INFINITY,
        ];
        let mut edges: Vec<Edge> = (0..300u32)
            .map(|i| Edge {
                a: (i * 37) % 11,
                b: (i * 91) % 13,
                kind: if i % 7 == 0 {
                    Kind::Attach
                } else {
                    Kind::Unite
                },
                score: scores[(i as usize * 13) % scores.len()],
            })
            .collect();
        let n = partition_unite_first(&mut edges);
        assert!(edges[..n].iter().all(|e| e.kind == Kind::Unite));
        assert!(edges[n..].iter().all(|e| e.kind == Kind::Attach));
        assert_eq!(n, (0..300).filter(|i| i % 7 != 0).count());
        let mut by_key = edges[..n].to_vec();
        by_key.sort_unstable_by_key(strongest_first);
        let mut by_cmp = edges[..n].to_vec();
        by_cmp.sort_by(|x, y| {
            y.score
                .total_cmp(&x.score)
                .then((x.a, x.b).cmp(&(y.a, y.b)))
        });
        let view = |v: &[Edge]| -> Vec<(u32, u32, u32)> {
            v.iter().map(|e| (e.score.to_bits(), e.a, e.b)).collect()
        };
        assert_eq!(view(&by_key), view(&by_cmp));
    }
}
