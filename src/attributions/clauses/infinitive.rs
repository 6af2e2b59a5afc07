//! Who holds an infinitive cue ("voters appeared more likely to describe …", "prompted some
//! voters to reconsider", "the senators met to condemn …"): the source rules stop at "to", so
//! the holder is found before the verb group that governs it.

use super::super::cues::{Cue, CueKind};
use super::super::lexicon;
use super::super::sources::source_left;
use super::super::tokens::{class, ing_shaped, Tok};

/// The subject of an infinitive cue at `k` ("voters appeared more likely to describe …"): the
/// noun phrase before the verb group that governs "to" (auxiliaries, "-ly", "-ed", "-ing"
/// forms and [infinitive_group] words such as "likely", all lower case). Without it the
/// sentence's first subject was taken, often another clause's.
pub(super) fn infinitive_subject(toks: &[Tok], lo: usize, k: usize) -> Option<(usize, usize)> {
    if k < lo + 2 || !toks[k - 1].is("to") {
        return None;
    }
    if let Some(object) = controlling_object(toks, lo, k - 1) {
        return Some(object);
    }
    let mut j = k - 1;
    let floor = j.saturating_sub(6).max(lo);
    while j > floor {
        let t = &toks[j - 1];
        let w = t.lower.as_str();
        let group = t.word
            && !t.cap
            && !t.in_quote
            && (t.in_class(class::AUX)
                || w.ends_with("ly")
                || w.ends_with("ed")
                || ing_shaped(w)
                || lexicon::is_infinitive_group_word(w));
        if !group {
            break;
        }
        j -= 1;
    }
    if j == k - 1 {
        return None;
    }
    source_left(toks, lo, j)
}

/// The object of an [object_control] verb right before the "to" at `to` ("prompted some
/// voters to reconsider", "led her to say"): one to four plain words, which hold the
/// infinitive; the verb's own subject does not.
fn controlling_object(toks: &[Tok], lo: usize, to: usize) -> Option<(usize, usize)> {
    let floor = to.saturating_sub(5).max(lo);
    let mut j = to;
    while j > floor {
        let t = &toks[j - 1];
        if !t.word || t.in_quote {
            return None;
        }
        if j < to && !t.cap && lexicon::is_object_control_verb(&t.lower) {
            return Some((j, to));
        }
        j -= 1;
    }
    None
}

/// "In the capital the senators met to condemn the attack": the holder of a stance verb in an
/// infinitive, which the source rules do not reach over "to", is the noun phrase before the
/// verb that takes the infinitive ("the senators met to"); None for other cues.
pub(super) fn infinitive_stance_holder(
    toks: &[Tok],
    lo: usize,
    cue: &Cue,
) -> Option<(usize, usize)> {
    let infinitive = cue.t0 >= lo + 2 && toks[cue.t0 - 1].is("to");
    if cue.kind != CueKind::Stance || !infinitive {
        return None;
    }
    source_left(toks, lo, cue.t0 - 2)
}
