//! What opens a sentence before its subject: a dateline ("WASHINGTON (Reuters) - …") or an
//! adjunct up to its comma ("On Monday, …"). Split from `sources.rs` (its size).

use super::super::tokens::{class, Tok};

/// Where the subject starts after a dateline ([`dateline_end`]) or an adjunct that opens the
/// sentence before a comma, led by a preposition or an adjunct word ("For months, Ruiz …",
/// "Despite the delay, …", "This year, …"); None when the sentence opens otherwise. The words
/// before the comma are plain words with no auxiliary (not a clause: "In 2019 it was …" has no
/// comma to stop at anyway).
pub(super) fn opening_adjunct_end(toks: &[Tok], lo: usize, k: usize) -> Option<usize> {
    let t = toks.get(lo).filter(|t| t.word && t.cap && !t.in_quote)?;
    if let Some(d) = dateline_end(toks, lo, k) {
        return Some(d);
    }
    // "Speaking to reporters, the mayor said …": an opening participle phrase.
    let participle = t.lower.len() > 4 && t.lower.ends_with("ing");
    if !participle && !t.in_class(class::PREPOSITION | class::OPENS_ADJUNCT) {
        return None;
    }
    let comma = (lo + 1..(lo + MAX_OPENING_ADJUNCT).min(k)).find(|&j| toks[j].is_comma())?;
    let plain = toks[lo..comma]
        .iter()
        .all(|t| t.word && !t.in_class(class::AUX));
    (plain && comma + 1 < k).then_some(comma + 1)
}

/// Where the sentence starts after a dateline: capitalised words (with a parenthesised credit
/// and commas) up to a dash ("WASHINGTON (Reuters) - The …", "BEDFORD, N.H. (AP) — …", "NEW
/// YORK — …"). A plain hyphen needs the credit, and a capitalised word must follow the dash: a
/// name before a dashed aside ("Ruiz — who led the union — supports …") is the subject.
fn dateline_end(toks: &[Tok], lo: usize, k: usize) -> Option<usize> {
    let is_dash = |t: &Tok| matches!(t.lower.as_str(), "-" | "—" | "–" | "--");
    let dash = (lo + 1..(lo + MAX_DATELINE).min(k)).find(|&j| is_dash(&toks[j]))?;
    let words = toks[lo..dash].iter().all(|t| {
        (t.word && (t.cap || is_number(t))) || matches!(t.lower.as_str(), "(" | ")" | "," | ".")
    });
    let credit = toks[lo..dash].iter().any(|t| t.is("("));
    let long = !toks[dash].is("-");
    let next_cap = toks.get(dash + 1).is_some_and(|t| t.word && t.cap);
    (words && (credit || long) && next_cap && dash + 1 < k).then_some(dash + 1)
}

/// A word of digits: a dateline's day ("WASHINGTON, June 24 (UPI) — …").
fn is_number(t: &Tok) -> bool {
    t.lower.bytes().all(|b| b.is_ascii_digit())
}

/// Most tokens of a dateline before its dash.
const MAX_DATELINE: usize = 10;

/// Most tokens of a sentence-opening adjunct before its comma, the comma included.
const MAX_OPENING_ADJUNCT: usize = 8;
