//! Sources that are a vehicle, not a speaker: a statement, video or resolution that its issuer
//! put out ("Trump issued a statement saying …"). The issuer is the source. Split from
//! `sources.rs` (its size).

use super::super::tokens::{class, Tok};
use super::{skip_aux_left, source_before, source_left, time_adjunct_start};

/// "Trump issued a statement saying …", "the mayor, in her speech, called …": a statement,
/// speech or letter that is the object of a verb or preposition is the issuer's medium; the
/// issuer before that verb is the source.
pub(super) fn issuer_of_medium(
    toks: &[Tok],
    lo: usize,
    src: (usize, usize),
) -> Option<(usize, usize)> {
    let head = toks.get(src.1.checked_sub(1)?)?;
    if !head.word || head.cap || !head.in_class(class::MEDIUM) || src.0 < lo + 2 {
        return None;
    }
    // The word before it is a verb ("issued", "gave") or a preposition ("in his speech").
    let v = &toks[src.0 - 1];
    let w = v.lower.as_str();
    let stop = v.in_class(class::STOP) && !matches!(w, "in" | "during");
    if !v.word || v.cap || v.in_class(class::DETERMINER) || stop {
        return None;
    }
    let q = skip_aux_left(toks, lo, src.0 - 2)?;
    source_before(toks, lo, q)
}

/// "issued a statement saying …", "released a brief report calling for …": a verb whose object
/// is a medium that a reporting participle follows presents that medium, and the participle's
/// cue reports the content (its source is the issuer, `issuer_of_medium`). Checked for the
/// stance cue at `k`: a determiner, at most one modifier, the medium, then the participle.
pub(in crate::attributions) fn presents_medium_with_cue(toks: &[Tok], k: usize, hi: usize) -> bool {
    let det = |j: usize| j < hi && toks[j].in_class(class::DETERMINER);
    if !det(k + 1) {
        return false;
    }
    let reports = |t: &Tok| {
        t.word
            && t.is_ing_form()
            && (t.in_class(class::CLAUSE_CUE) || t.in_class(class::STANCE_CUE))
    };
    [k + 2, k + 3]
        .into_iter()
        .any(|m| m + 1 < hi && toks[m].in_class(class::MEDIUM) && reports(&toks[m + 1]))
}

/// "The council approved a resolution condemning …", "Ruiz released a video attacking …": an
/// "-ing" cue right after (or after a time adjunct after) the object of a verb reports for
/// that verb's subject, not for the object (the resolution or the video is the vehicle). The
/// verb is a past form, or any plain word before an article ("is making a pitch saying").
/// After a preposition the noun phrase is the participle's own subject ("money went to a
/// group backing Ruiz").
pub(super) fn subject_of_past_verb(
    toks: &[Tok],
    lo: usize,
    k: usize,
    src: (usize, usize),
) -> Option<(usize, usize)> {
    let cue = &toks[k];
    let ing = cue.is_uncapitalised_ing_word();
    let reports = cue.in_class(class::CLAUSE_CUE | class::OBJECT_CUE | class::STANCE_CUE);
    // "… released a video on Tuesday saying": a time adjunct may stand between them.
    let next = src.1 == k || (k > lo && time_adjunct_start(toks, lo, k - 1) == Some(src.1));
    if !ing || !reports || !next || src.0 < lo + 2 {
        return None;
    }
    let v = &toks[src.0 - 1];
    let past = v.lower.ends_with("ed") || v.in_class(class::IRREGULAR_PAST);
    let verb = past || toks[src.0].in_class(class::ARTICLE);
    let other = class::PREPOSITION | class::STOP | class::DETERMINER | class::AUX;
    if !v.word || v.cap || v.in_quote || !verb || v.in_class(other) {
        return None;
    }
    source_left(toks, lo, src.0 - 1)
}
