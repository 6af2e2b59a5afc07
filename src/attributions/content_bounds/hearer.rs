//! The hearer of an object cue ("told reporters", "told the Washington Post", "told his
//! closest advisers"): the words after the cue that name who was told, not what.

use super::super::tokens::{class, Tok};

/// Skip the hearer of "told": "told reporters", "told the crowd", "told CNN", "told him that".
pub(crate) fn skip_hearer(toks: &[Tok], from: usize, e: usize) -> usize {
    let r = hearer_end(toks, from, e);
    // "asked the court to intervene", "told his advisers to wait": before an infinitive the
    // person asked or told is part of what is reported.
    let pronoun = r == from + 1 && toks[from].in_class(class::OBJECT_PRONOUN);
    if r > from && !pronoun && infinitive_at(toks, r) {
        return from;
    }
    r
}

/// Where the hearer after `from` ends (`from` when there is none).
fn hearer_end(toks: &[Tok], from: usize, e: usize) -> usize {
    let end = (from + 7).min(e).max(from);
    for (j, t) in toks[from..end].iter().enumerate() {
        if t.is("that") {
            return from + j;
        }
        if !t.word {
            break;
        }
    }
    let Some(t) = toks.get(from).filter(|_| from < e) else {
        return from;
    };
    if t.in_class(class::HEARER_WORD) {
        return from + 1;
    }
    if t.in_class(class::DETERMINER)
        && toks
            .get(from + 1)
            .is_some_and(|n| n.in_class(class::HEARER_WORD))
    {
        return from + 2;
    }
    if let Some(j) = hearer_phrase_end(toks, from, e) {
        return j;
    }
    if t.cap {
        let mut j = from;
        while j < e && j < from + 4 && toks[j].cap && toks[j].word {
            j += 1;
        }
        return j;
    }
    from
}

/// Longest hearer noun phrase after its determiner ("his closest advisers"), in words.
const MAX_HEARER_WORDS: usize = 3;

/// Where a determiner's hearer noun phrase ends: "the court", "his closest advisers", "a
/// Senate panel" (up to three words ending in a [hearer] noun) or "the Washington Post" (only
/// capitalised words: an outlet or a body). "told a joke", "told the story of …" name what was
/// told, not who heard it: no hearer there.
fn hearer_phrase_end(toks: &[Tok], from: usize, e: usize) -> Option<usize> {
    let t = toks.get(from).filter(|_| from < e)?;
    if !t.word || t.in_quote || !t.in_class(class::DETERMINER) {
        return None;
    }
    let plain = |j: usize| {
        toks.get(j).filter(|_| j < e).filter(|w| {
            w.word && !w.in_quote && !w.in_class(class::PREPOSITION | class::STOP | class::AUX)
        })
    };
    let mut all_cap = true;
    for j in from + 1..=from + MAX_HEARER_WORDS {
        let w = plain(j)?;
        if w.in_class(class::HEARER_WORD) && !w.cap {
            return Some(j + 1);
        }
        all_cap &= w.cap;
        let next = plain(j + 1);
        let goes_on = next.is_some_and(|n| n.cap || n.in_class(class::HEARER_WORD));
        // A name ends the hearer only where no noun it could modify follows ("told the Obama
        // administration" is no hearer "the Obama").
        if all_cap && !goes_on {
            return name_ends(toks, j + 1, e).then_some(j + 1);
        }
        if !goes_on && !all_cap {
            return None;
        }
    }
    None
}

/// After a capitalised hearer at `j`: the sentence's end, a mark, "that", a pronoun, a time
/// word or a preposition: nothing the name could modify.
fn name_ends(toks: &[Tok], j: usize, e: usize) -> bool {
    // "the U.S. attorney": an abbreviation's point goes on with the noun it modifies.
    let point_in_name = toks
        .get(j)
        .is_some_and(|n| n.is(".") && n.start == toks[j - 1].end)
        && toks.get(j + 1).is_some_and(|n| n.word && !n.cap);
    !point_in_name
        && toks.get(j).filter(|_| j < e).map_or(true, |n| {
            !n.word
                || n.is("that")
                || n.in_class(
                    class::SUBJECT_PRONOUN
                        | class::PREPOSITION
                        | class::OPENS_ADJUNCT
                        | class::TIME_NOUN,
                )
        })
}

/// Does an infinitive's "to" stand at `j`?
fn infinitive_at(toks: &[Tok], j: usize) -> bool {
    toks.get(j).is_some_and(|t| t.is("to"))
}
