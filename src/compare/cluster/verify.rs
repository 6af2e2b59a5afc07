//! Whether two candidate units render the same remark: idf-weighted containment of the
//! shorter in the longer, and how the pair is joined (unite, or a fragment attaching).

use super::prepare::Prepared;
use super::Options;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Kind {
    Unite,
    /// `a` (a fragment) is contained in `b`.
    Attach,
}

#[derive(Clone, Copy, Debug)]
pub(super) struct Edge {
    pub a: u32,
    pub b: u32,
    pub kind: Kind,
    pub score: f32,
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

/// A fragment `s` (at most `fragment_words` words) against a longer or equal unit `l`.
fn verify_fragment(p: &Prepared, s: usize, l: usize, ss: &[u32], ls: &[u32]) -> Option<Edge> {
    let edge = |kind, score| {
        Some(Edge {
            a: s as u32,
            b: l as u32,
            kind,
            score,
        })
    };
    if ss == ls {
        return edge(Kind::Unite, 1.0);
    }
    // A fragment only attaches to something strictly longer, so attachments cannot cycle.
    if ls.len() <= ss.len() {
        return None;
    }
    if contains_run(ls, ss) {
        return edge(Kind::Attach, 1.0);
    }
    let all_content_in = ss
        .iter()
        .filter(|&&t| p.is_content(t))
        .all(|t| ls.contains(t));
    let (c, n) = containment(p, p.bag(s), p.bag(l));
    if all_content_in && n >= 2 && c >= 0.75 {
        return edge(Kind::Attach, c as f32);
    }
    None
}

pub(super) fn verify(p: &Prepared, o: &Options, u: usize, v: usize) -> Option<Edge> {
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
    if ss.len() <= o.fragment_words {
        return verify_fragment(p, s, l, ss, ls);
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
