//! Contents that say nothing: only a time or a medium ("issued a statement", "reported in
//! May") is the cue's adjunct or object, not what was said. Split from `clauses.rs` (its size).

use super::super::lexicon;
use super::super::tokens::Tok;
use super::Raw;

/// Does the attribution `r` report nothing: every content part only a time or a medium, and
/// not the subject of a judgement by a named agent?
pub(super) fn says_nothing(toks: &[Tok], r: &Raw) -> bool {
    !judged_by_agent(toks, r) && r.parts.iter().all(|&p| only_time_or_medium(toks, p))
}

/// "The statement drew criticism from both parties", "The speech was praised by Democrats":
/// the subject of a judgement given by a named agent is what was judged, even when it is a
/// medium word that would otherwise be only the cue's object.
fn judged_by_agent(toks: &[Tok], r: &Raw) -> bool {
    let agent_opens = r.cue.1 > r.cue.0 + 1
        && toks
            .get(r.cue.1 - 1)
            .is_some_and(|t| t.is("by") || (t.word && lexicon::is_judgement_giver(&t.lower)));
    agent_opens && r.source.is_some() && r.parts.first().is_some_and(|p| p.1 <= r.cue.0)
}

/// Is the content `a..b` only a time or a medium ("issued a statement", "reported in May",
/// "proposed it two months ago")? Then it is the cue's adjunct or object, not what was said.
fn only_time_or_medium(toks: &[Tok], (a, b): (usize, usize)) -> bool {
    // One pass: most contents hold a word that is neither, and are turned away at it.
    let mut empty = false;
    for t in toks[a..b].iter().filter(|t| t.word) {
        if lexicon::is_empty_content(&t.lower) {
            empty = true;
        } else if !(lexicon::is_empty_content_filler(&t.lower)
            || t.lower.chars().all(|c| c.is_ascii_digit()))
        {
            return false;
        }
    }
    empty
}
