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

/// Weighted containment of unit `s` in unit `l` (their sorted bags) and the number of shared
/// words; None as soon as more than `misses` words of `s` are found missing from `l`.
fn containment(p: &Prepared, s: usize, l: usize, misses: usize) -> Option<(f64, usize)> {
    let (bs, bl) = (p.bag(s), p.bag(l));
    let total = p.bag_weight(s);
    let (mut i, mut j, mut hit, mut n, mut missed) = (0, 0, 0.0, 0, 0);
    while let (Some(&a), Some(&b)) = (bs.get(i), bl.get(j)) {
        match a.cmp(&b) {
            std::cmp::Ordering::Less => {
                i += 1;
                missed += 1;
                if missed > misses {
                    return None;
                }
            }
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                hit += p.w(a);
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    Some((if total > 0.0 { hit / total } else { 0.0 }, n))
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
    let (c, n) = containment(p, s, l, usize::MAX)?;
    if all_content_in && n >= 2 && c >= 0.75 {
        return edge(Kind::Attach, c as f32);
    }
    None
}

/// The fewest shared words (three at least) whose share of `len` words reaches `min_share`,
/// exactly as `verify` computes the share; None if none does.
fn fewest_shared(len: usize, min_share: f64) -> Option<usize> {
    // Below `floor(min_share * len) - 1` the share is short by more than rounding could hide.
    let from = ((min_share * len as f64).floor() as usize)
        .saturating_sub(1)
        .max(3);
    (from..=len).find(|&n| n as f64 / len.max(1) as f64 >= min_share)
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
    // Both are reps, which have content words (see `representatives`).
    if p.inert(s, o) {
        return None;
    }
    if ss.len() <= o.fragment_words {
        return verify_fragment(p, s, l, ss, ls);
    }
    // The share of words is checked as they are merged: a pair stops as soon as too many of
    // the shorter unit's words are missing for `raw` to reach its minimum.
    let need = fewest_shared(ss.len(), o.min_word_containment)?;
    let (c, n) = containment(p, s, l, ss.len() - need)?;
    let raw = n as f64 / ss.len().max(1) as f64;
    (c >= o.min_containment && raw >= o.min_word_containment && n >= 3).then_some(Edge {
        a: s as u32,
        b: l as u32,
        kind: Kind::Unite,
        score: c as f32,
    })
}

#[cfg(test)]
mod tests {
    use super::fewest_shared;

    /// The shortcut bound against trying every count: the fewest shared words that pass the
    /// share test as `verify` writes it (and three at least), for shares around the usual 0.6.
    #[test]
    fn fewest_shared_is_the_first_count_that_passes() {
        for len in 1..200usize {
            for share in [
                0.0,
                0.1,
                0.3,
                0.5,
                0.6,
                0.6000001,
                2.0 / 3.0,
                0.75,
                0.99,
                1.0,
                1.5,
            ] {
                let brute = (0..=len).find(|&n| n >= 3 && n as f64 / len.max(1) as f64 >= share);
                assert_eq!(fewest_shared(len, share), brute, "len {len} share {share}");
            }
        }
        assert_eq!(fewest_shared(10, f64::NAN), None);
        assert_eq!(fewest_shared(10, -1.0), Some(3));
    }
}
