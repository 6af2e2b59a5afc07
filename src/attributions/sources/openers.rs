//! What opens a sentence before its subject: a dateline ("WASHINGTON (Reuters) - …") or an
//! adjunct up to its comma ("On Monday, …"). Split from `sources.rs` (its size).

use super::super::lexicon;
use super::super::tokens::{class, Tok};

/// Where the subject starts after a dateline ([`dateline_end`]) or an adjunct that opens the
/// sentence before a comma, led by a preposition or an adjunct word ("For months, Ruiz …",
/// "Despite the delay, …", "This year, …"); None when the sentence opens otherwise. The words
/// before the comma are plain words with no auxiliary (not a clause: "In 2019 it was …" has no
/// comma to stop at anyway).
pub(super) fn opening_adjunct_end(toks: &[Tok], lo: usize, k: usize) -> Option<usize> {
    let t = toks.get(lo).filter(|t| t.word && t.cap && !t.in_quote)?;
    if let Some(d) = dateline_end(toks, lo, k) {
        // "TRENTON, N.J. - At a union hall, the governor …": an adjunct may follow it.
        return Some(opening_adjunct_end(toks, d, k).unwrap_or(d));
    }
    // "Speaking to reporters, the mayor said …": an opening participle phrase. It may run
    // longer than other adjuncts ("Speaking to supporters in Reno after the state's primary,
    // the senator …").
    let participle = t.lower.len() > 4 && t.is_ing_form();
    let max = match participle {
        true => MAX_OPENING_PARTICIPLE,
        false => MAX_OPENING_ADJUNCT,
    };
    let comma = (lo + 1..(lo + max).min(k)).find(|&j| toks[j].is_comma() && !toks[j].in_quote)?;
    let time = time_phrase(toks, lo, comma);
    if !participle && !t.in_class(class::PREPOSITION | class::OPENS_ADJUNCT) && !time {
        return None;
    }
    if !plain_words(&toks[lo..comma]) || comma + 1 >= k {
        return None;
    }
    let s = past_state(toks, comma + 1, k);
    // "The day before, at a rally in Reno, the senator …": a second adjunct after the first.
    Some(next_adjunct_end(toks, s, k).unwrap_or(s))
}

/// "A month later", "The day before", "Moments later": a few words ending in a word of
/// [relative_time] before the comma at `comma`, none of them a verb ("The mayor spoke later,"
/// is a clause).
fn time_phrase(toks: &[Tok], lo: usize, comma: usize) -> bool {
    let last = &toks[comma - 1];
    comma - lo >= 2
        && comma - lo <= MAX_TIME_PHRASE
        && !last.cap
        && lexicon::is_relative_time(&last.lower)
        && toks[lo + 1..comma - 1].iter().all(|t| {
            t.word
                && !t.cap
                && !t.in_class(class::IRREGULAR_PAST | class::AUX | class::STOP)
                && !t.lower.ends_with("ed")
        })
}

/// The end of a lower-case adjunct at `s` up to its comma ("at a rally in Reno, …"), led by
/// a preposition, of plain words; None otherwise.
fn next_adjunct_end(toks: &[Tok], s: usize, k: usize) -> Option<usize> {
    let t = toks.get(s).filter(|t| t.word && !t.cap && !t.in_quote)?;
    if !t.in_class(class::PREPOSITION | class::OPENS_ADJUNCT) {
        return None;
    }
    let comma = (s + 1..(s + MAX_OPENING_ADJUNCT).min(k)).find(|&j| toks[j].is_comma())?;
    (plain_words(&toks[s..comma]) && comma + 1 < k).then(|| past_state(toks, comma + 1, k))
}

/// Words with no auxiliary or modal verb among them: a phrase, not a clause ("In 2019 it was
/// …"). Adverbs a subject may hold before its verb ("Speaking earlier in Reno, …", "A month
/// later, …") are plain words here.
fn plain_words(toks: &[Tok]) -> bool {
    let verb = class::MODAL | class::AUXILIARY_VERB | class::PASSIVE_AUXILIARY;
    toks.iter().all(|t| t.word && !t.in_class(verb))
}

/// Where the subject starts after an opener's comma at `s - 1`: past a state's abbreviation
/// when the comma closes a place ("In Austin, Tex., Ruiz said …", "At a rally in Reno, Nev.,
/// the senator …"): the abbreviation and its comma belong to the place, not the subject.
pub(super) fn past_state(toks: &[Tok], s: usize, k: usize) -> usize {
    let place = s >= 2 && toks[s - 1].is_comma() && toks[s - 2].word && toks[s - 2].cap;
    let abbreviation = toks
        .get(s)
        .is_some_and(|t| t.word && t.cap && t.lower.len() <= 5);
    let closed =
        toks.get(s + 1).is_some_and(|t| t.is(".")) && toks.get(s + 2).is_some_and(|t| t.is_comma());
    match place && abbreviation && closed && s + 3 < k {
        true => s + 3,
        false => s,
    }
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
    // "MANCHESTER, N.H. - …": a city and its state's abbreviation before a plain hyphen.
    let state = dash >= lo + 4
        && toks[dash - 1].is(".")
        && toks[dash - 2].cap
        && toks[dash - 2].lower.len() <= 5
        && toks[dash - 3].is_comma();
    let next_cap = toks.get(dash + 1).is_some_and(|t| t.word && t.cap);
    (words && (credit || long || state) && next_cap && dash + 1 < k).then_some(dash + 1)
}

/// A word of digits: a dateline's day ("WASHINGTON, June 24 (UPI) — …").
fn is_number(t: &Tok) -> bool {
    t.lower.bytes().all(|b| b.is_ascii_digit())
}

/// Most tokens of a dateline before its dash.
const MAX_DATELINE: usize = 10;

/// Most words of an opening time phrase ([`time_phrase`]).
const MAX_TIME_PHRASE: usize = 5;

/// Most tokens of a sentence-opening adjunct before its comma, the comma included.
const MAX_OPENING_ADJUNCT: usize = 8;

/// Most tokens of a sentence-opening participle phrase before its comma, the comma included.
const MAX_OPENING_PARTICIPLE: usize = 24;
