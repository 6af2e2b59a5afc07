//! When two parsed names may be one person: spelling variants of a surname, first names and
//! initials, and the candidate pairs worth comparing.

use super::*;

/// Levenshtein distance, giving up (returning `max + 1`) once it exceeds `max`.
fn edit_distance(a: &str, b: &str, max: usize) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > max {
        return max + 1;
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        let mut best = cur[0];
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != cb);
            cur[j + 1] = sub.min(prev[j + 1] + 1).min(cur[j] + 1);
            best = best.min(cur[j + 1]);
        }
        if best > max {
            return max + 1;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// Surnames that are spellings of one another: Zelensky/Zelenskyy/Zelenskiy.
pub(super) fn surnames_match(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let n = a.chars().count().min(b.chars().count());
    let max = if n >= 8 {
        2
    } else if n >= 5 {
        1
    } else {
        0
    };
    max > 0 && a.chars().next() == b.chars().next() && edit_distance(a, b, max) <= max
}

pub(super) fn firsts_match(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (la, lb) = (a.chars().count(), b.chars().count());
    // An initial matches its name.
    if la == 1 || lb == 1 {
        return a.chars().next() == b.chars().next();
    }
    // Chris / Christopher.
    if la.min(lb) >= 3 && (a.starts_with(b) || b.starts_with(a)) {
        return true;
    }
    la.min(lb) >= 6 && edit_distance(a, b, 1) <= 1
}

/// Two full names (both with a first name) that may be one person.
pub(super) fn compatible(a: &PersonName, b: &PersonName) -> bool {
    let (Some(fa), Some(fb)) = (&a.first, &b.first) else {
        return false;
    };
    if !surnames_match(&a.last, &b.last) || !firsts_match(fa, fb) || a.suffix != b.suffix {
        return false;
    }
    // George W. Bush is not George H. W. Bush: when both give middle initials they must agree.
    if !a.middle.is_empty() && !b.middle.is_empty() {
        let ia: Vec<Option<char>> = a.middle.iter().map(|m| m.chars().next()).collect();
        let ib: Vec<Option<char>> = b.middle.iter().map(|m| m.chars().next()).collect();
        return ia == ib;
    }
    true
}

/// The pairs `(x, y)`, `x < y`, of `full` (inputs with a first name) whose names are
/// [`compatible`], sorted. Not all pairs: many different people share a surname ("Smith"), so
/// only pairs whose first names can match are tried. [`firsts_match`] holds only for equal
/// names, an initial and a name with its letter, a name and its prefix of three or more
/// letters, or names one edit apart; the candidates come from indexes of exactly those (first
/// letter of one-letter names, whole names for prefixes, one-deletion variants for edits).
pub(super) fn compatible_pairs<'a>(
    full: &[usize],
    name: impl Fn(usize) -> Option<&'a PersonName>,
) -> Vec<(usize, usize)> {
    let first = |x: usize| -> Option<&'a str> {
        full.get(x)
            .and_then(|&i| name(i))
            .and_then(|p| p.first.as_deref())
    };
    let mut by_letter: FxHashMap<char, Vec<usize>> = FxHashMap::default();
    let mut whole: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
    let mut variants: FxHashMap<u64, Vec<usize>> = FxHashMap::default();
    for x in 0..full.len() {
        let Some(f) = first(x) else { continue };
        if let Some(c) = f.chars().next() {
            by_letter.entry(c).or_default().push(x);
        }
        whole.entry(f).or_default().push(x);
        for v in deletion_variants(f) {
            variants.entry(v).or_default().push(x);
        }
    }
    let mut cands: Vec<usize> = Vec::new();
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    for x in 0..full.len() {
        let Some(f) = first(x) else { continue };
        cands.clear();
        let chars: Vec<(usize, char)> = f.char_indices().collect();
        if let [(_, c)] = chars[..] {
            cands.extend(by_letter.get(&c).into_iter().flatten());
        }
        // Shorter names that are a prefix of this one.
        for &(at, _) in chars.iter().skip(3) {
            cands.extend(f.get(..at).and_then(|p| whole.get(p)).into_iter().flatten());
        }
        for v in deletion_variants(f) {
            cands.extend(variants.get(&v).into_iter().flatten());
        }
        cands.sort_unstable();
        cands.dedup();
        for &y in &cands {
            let (a, b) = (x.min(y), x.max(y));
            if a == b {
                continue;
            }
            let (Some(pa), Some(pb)) = (full.get(a), full.get(b)) else {
                continue;
            };
            if let (Some(na), Some(nb)) = (name(*pa), name(*pb)) {
                if compatible(na, nb) {
                    pairs.push((a, b));
                }
            }
        }
    }
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}

/// Hashes of `f` itself and of `f` with one character deleted, for each character (two names
/// within one edit share one of these). Hashes, not strings: no allocation, and a collision
/// only adds a candidate that [`compatible`] then rejects.
fn deletion_variants(f: &str) -> impl Iterator<Item = u64> + '_ {
    // Byte by byte, so the hash is that of the joined string wherever the cut is.
    let hash = |a: &str, b: &str| {
        a.bytes()
            .chain(b.bytes())
            .fold(0xcbf2_9ce4_8422_2325u64, |h, c| {
                (h.rotate_left(5) ^ u64::from(c)).wrapping_mul(0x9e37_79b9_7f4a_7c15)
            })
    };
    std::iter::once(hash(f, "")).chain(f.char_indices().map(move |(at, c)| {
        hash(
            f.get(..at).unwrap_or(""),
            f.get(at + c.len_utf8()..).unwrap_or(""),
        )
    }))
}
