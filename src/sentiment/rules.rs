//! VADER's scoring rules on token records: `sentiment_valence` with its boosters, negations,
//! idioms and "least", `_but_check`, and `score_valence`.

use std::collections::BTreeSet;

use rustc_hash::FxHashMap;

use super::table::{DECR, INCR, NEG, RULE};
use super::words::{booster2, special2, special3, NAMED, W};
use super::{py_round, Scores, Tok, C_INCR, N_SCALAR};

/// Named words that complete no rule without some word outside this set, a token flag
/// (a negation, a booster) or the word's capitals: "the" needs "shit" or "bomb", "of" needs
/// "kiss"/"death", "kind" or "sort", "to"/"for" need "die", "or"/"nor" need "no", "at" and
/// "very" need "least" ("very" is a booster anyway), and "but" acts only in `but_check`.
/// These are among the commonest words of news text, next to most lexicon words.
const INERT: u64 = 1 << W::Other as u8
    | 1 << W::The as u8
    | 1 << W::But as u8
    | 1 << W::Of as u8
    | 1 << W::To as u8
    | 1 << W::For as u8
    | 1 << W::At as u8
    | 1 << W::Or as u8
    | 1 << W::Nor as u8
    | 1 << W::Very as u8;

// `INERT` is a bit mask indexed by word id: every id must be below 64 (a wider shift would
// wrap in a release build and answer for the wrong word). Checked when compiling.
const _: () = {
    let mut k = 0;
    while k < NAMED.len() {
        assert!((NAMED[k].1 as u8) < 64, "W has outgrown the INERT mask");
        k += 1;
    }
};

/// Whether the rules need nothing of the word `id` but its flags (see [`INERT`]); the word
/// table marks every other named word [`RULE`].
pub(super) const fn inert_word(id: W) -> bool {
    INERT >> (id as u8) & 1 != 0
}

/// Token flags of a token that some rule acts on: a named word that is not inert, a
/// negation, a booster.
pub(super) const STIRS: u8 = RULE | NEG | INCR | DECR;

/// `sentiment_valence` for the lexicon word at `i`, of lexicon valence `valence`.
///
/// Every rule looks at most three tokens back and two ahead; when none of those nor the word
/// itself [`STIRS`] and its capitals do not count, no rule applies and the valence is the
/// lexicon's (the rules would only add +0.0 to it, which no score can see).
#[inline]
pub(super) fn valence_at(toks: &[Tok], i: usize, valence: f64, cap_diff: bool) -> f64 {
    let window = toks.get(i.saturating_sub(3)..toks.len().min(i + 3));
    let capped = toks.get(i).is_some_and(|t| t.upper()) && cap_diff;
    // The OR of the window's flags, without an early exit (a few byte loads).
    let stirred = window.map_or(STIRS, |w| w.iter().fold(0, |acc, u| acc | u.flags)) & STIRS;
    if !capped && stirred == 0 {
        return valence;
    }
    valence_rules(toks, i, valence, cap_diff)
}

/// [`valence_at`] through every rule.
pub(super) fn valence_rules(toks: &[Tok], i: usize, valence: f64, cap_diff: bool) -> f64 {
    let n = toks.len();
    let t = toks[i];
    let id = |k: usize| toks[k].id;
    let mut v = valence;
    if t.id == W::No && i != n - 1 && toks[i + 1].in_lex() {
        v = 0.0;
    }
    if (i > 0 && id(i - 1) == W::No)
        || (i > 1 && id(i - 2) == W::No)
        || (i > 2 && id(i - 3) == W::No && matches!(id(i - 1), W::Or | W::Nor))
    {
        v = valence * N_SCALAR;
    }
    if t.upper() && cap_diff {
        if v > 0.0 {
            v += C_INCR;
        } else {
            v -= C_INCR;
        }
    }
    for start_i in 0..3 {
        if i > start_i && !toks[i - (start_i + 1)].in_lex() {
            let mut s = scalar_inc_dec(&toks[i - (start_i + 1)], v, cap_diff);
            if start_i == 1 && s != 0.0 {
                s *= 0.95;
            }
            if start_i == 2 && s != 0.0 {
                s *= 0.9;
            }
            v += s;
            v = negation_check(v, toks, start_i, i);
            if start_i == 2 {
                v = special_idioms_check(v, toks, i);
            }
        }
    }
    // _least_check
    if i > 1 && !toks[i - 1].in_lex() && id(i - 1) == W::Least {
        if id(i - 2) != W::At && id(i - 2) != W::Very {
            v *= N_SCALAR;
        }
    } else if i > 0 && !toks[i - 1].in_lex() && id(i - 1) == W::Least {
        v *= N_SCALAR;
    }
    v
}

fn scalar_inc_dec(t: &Tok, valence: f64, cap_diff: bool) -> f64 {
    if !t.is_booster() {
        return 0.0;
    }
    let mut scalar = t.booster();
    if valence < 0.0 {
        scalar = -scalar;
    }
    if t.upper() && cap_diff {
        if valence > 0.0 {
            scalar += C_INCR;
        } else {
            scalar -= C_INCR;
        }
    }
    scalar
}

fn negation_check(v: f64, toks: &[Tok], start_i: usize, i: usize) -> f64 {
    let id = |k: usize| toks[k].id;
    let so_this = |w: W| w == W::So || w == W::This;
    match start_i {
        0 => {
            if toks[i - 1].neg() {
                return v * N_SCALAR;
            }
        }
        1 => {
            if id(i - 2) == W::Never && so_this(id(i - 1)) {
                return v * 1.25;
            } else if id(i - 2) == W::Without && id(i - 1) == W::Doubt {
                return v;
            } else if toks[i - 2].neg() {
                return v * N_SCALAR;
            }
        }
        _ => {
            // `A and B or C` in the original: "so"/"this" right before boosts on its own.
            if (id(i - 3) == W::Never && so_this(id(i - 2))) || so_this(id(i - 1)) {
                return v * 1.25;
            } else if id(i - 3) == W::Without && (id(i - 2) == W::Doubt || id(i - 1) == W::Doubt) {
                return v;
            } else if toks[i - 3].neg() {
                return v * N_SCALAR;
            }
        }
    }
    v
}

fn special_idioms_check(mut v: f64, toks: &[Tok], i: usize) -> f64 {
    let n = toks.len();
    let id = |k: usize| toks[k].id;
    let (w0, w1, w2, w3) = (id(i), id(i - 1), id(i - 2), id(i - 3));
    let first = special2(w1, w0)
        .or_else(|| special3(w2, w1, w0))
        .or_else(|| special2(w2, w1))
        .or_else(|| special3(w3, w2, w1))
        .or_else(|| special2(w3, w2));
    if let Some(x) = first {
        v = x;
    }
    if n - 1 > i {
        if let Some(x) = special2(w0, id(i + 1)) {
            v = x;
        }
    }
    if n - 1 > i + 1 {
        if let Some(x) = special3(w0, id(i + 1), id(i + 2)) {
            v = x;
        }
    }
    if let Some(b) = booster2(w3, w2) {
        v += b;
    }
    if let Some(b) = booster2(w2, w1) {
        v += b;
    }
    v
}

/// `_but_check`, including its `list.index(value)` quirk: each score is rescaled at the first
/// position that currently holds an equal value, which need not be its own.
///
/// `vals` are the scores that can be non-zero (the lexicon words'), as (token position,
/// score) in token order; every other token scores 0. A zero is only ever found at a zero and
/// rescaled to a zero, so only the non-zero scores need the search, and only among `vals`.
/// `bi` is the position of the first "but".
pub(super) fn but_check(bi: usize, vals: &mut [(usize, f64)]) {
    let rescale = |si: usize, v: f64| -> Option<f64> {
        match si.cmp(&bi) {
            std::cmp::Ordering::Less => Some(v * 0.5),
            std::cmp::Ordering::Greater => Some(v * 1.5),
            std::cmp::Ordering::Equal => None,
        }
    };
    let n = vals.len();
    if n <= 64 {
        for k in 0..n {
            let v = vals[k].1;
            if v == 0.0 {
                continue;
            }
            let j = vals[..=k].iter().position(|&x| x.1 == v).unwrap_or(k);
            if let Some(nv) = rescale(vals[j].0, v) {
                vals[j].1 = nv;
            }
        }
        return;
    }
    // Long texts: entries by value, so the first equal one is found in O(log n).
    let key = |x: f64| (x + 0.0).to_bits();
    let mut at: FxHashMap<u64, BTreeSet<usize>> = FxHashMap::default();
    for (j, &(_, x)) in vals.iter().enumerate() {
        if !x.is_nan() {
            at.entry(key(x)).or_default().insert(j);
        }
    }
    for k in 0..n {
        let v = vals[k].1;
        if v == 0.0 {
            continue;
        }
        let j = if v.is_nan() {
            k
        } else {
            at.get(&key(v))
                .and_then(|s| s.first().copied())
                .unwrap_or(k)
        };
        if let Some(nv) = rescale(vals[j].0, v) {
            let old = vals[j].1;
            if !old.is_nan() {
                if let Some(s) = at.get_mut(&key(old)) {
                    s.remove(&j);
                }
            }
            if !nv.is_nan() {
                at.entry(key(nv)).or_default().insert(j);
            }
            vals[j].1 = nv;
        }
    }
}

/// `score_valence` over `n` token scores, of which only `vals` can be non-zero (see
/// [`but_check`]). Zeros add nothing to the sums (a sum that starts at +0.0 stays the same
/// when 0.0 or -0.0 is added), so only the non-zero scores are visited, in token order.
pub(super) fn score_valence(vals: &[(usize, f64)], n: usize, ep: usize, qm: usize) -> Scores {
    let ep_amp = ep.min(4) as f64 * 0.292;
    let qm_amp = if qm > 1 {
        if qm <= 3 {
            qm as f64 * 0.18
        } else {
            0.96
        }
    } else {
        0.0
    };
    let amp = ep_amp + qm_amp;
    // One pass; each sum still adds its terms in VADER's order, so the result is the same.
    // Without branches (the signs are not predictable): a term that VADER would not add is
    // added as +0.0 or -0.0, which changes no sum (each starts at +0.0, and x + 0.0 == x).
    let (mut sum_s, mut pos_sum, mut neg_sum, mut neu) = (0.0f64, 0.0f64, 0.0f64, n);
    for &(_, s) in vals {
        sum_s += s;
        let (pos, neg) = (s > 0.0, s < 0.0);
        pos_sum += if pos { s + 1.0 } else { 0.0 };
        neg_sum += if neg { s - 1.0 } else { 0.0 };
        neu -= usize::from(pos | neg);
    }
    if sum_s > 0.0 {
        sum_s += amp;
    } else if sum_s < 0.0 {
        sum_s -= amp;
    }
    let compound = normalize(sum_s);

    if pos_sum > neg_sum.abs() {
        pos_sum += amp;
    } else if pos_sum < neg_sum.abs() {
        neg_sum -= amp;
    }
    let total = pos_sum + neg_sum.abs() + neu as f64;
    Scores {
        neg: py_round((neg_sum / total).abs(), 3),
        neu: py_round((neu as f64 / total).abs(), 3),
        pos: py_round((pos_sum / total).abs(), 3),
        compound: py_round(compound, 4),
    }
}

fn normalize(score: f64) -> f64 {
    (score / (score * score + 15.0).sqrt()).clamp(-1.0, 1.0)
}

#[cfg(test)]
mod tests {
    use super::super::table::{DECR, INCR, IN_LEX, NEG, RULE, UPPER};
    use super::super::words::{NAMED, W};
    use super::{inert_word, valence_at, valence_rules, Tok};

    fn check(toks: &[Tok], i: usize, cap_diff: bool) {
        let (fast, full) = (
            valence_at(toks, i, 1.9, cap_diff),
            valence_rules(toks, i, 1.9, cap_diff),
        );
        assert_eq!(
            fast.to_bits(),
            full.to_bits(),
            "{toks:?} at {i}, cap_diff {cap_diff}"
        );
    }

    /// The shortcut of `valence_at` gives what every rule gives: for every three named words
    /// in a row anywhere around a lexicon word (every rule looks at three tokens in a row at
    /// most), and for each token flag on each token, at every position in short texts.
    #[test]
    fn inert_shortcut_equals_the_rules() {
        let ids: Vec<W> = NAMED.iter().map(|&(_, w)| w).chain([W::Other]).collect();
        let plain = Tok {
            flags: 0,
            id: W::Other,
        };
        for &a in &ids {
            for &b in &ids {
                for &c in &ids {
                    for start in 0..5 {
                        let mut toks = [plain; 7];
                        for (k, w) in [a, b, c].into_iter().enumerate() {
                            // As the word table records the word.
                            toks[start + k] = Tok {
                                flags: if inert_word(w) { 0 } else { RULE },
                                id: w,
                            };
                        }
                        toks[3].flags |= IN_LEX;
                        check(&toks, 3, false);
                        toks[3].flags |= UPPER;
                        check(&toks, 3, true);
                    }
                }
            }
        }
        for n in 1..8 {
            for i in 0..n {
                for p in 0..n {
                    for flag in [0, NEG, INCR, DECR, UPPER, IN_LEX, RULE] {
                        let mut toks = vec![plain; n];
                        toks[i].flags |= IN_LEX;
                        toks[p].flags |= flag;
                        check(&toks, i, false);
                        check(&toks, i, true);
                    }
                }
            }
        }
    }
}
