//! A cue after a quote that opens the next quote ("“…?” Lee then writes back, “…”"): it
//! introduces that quote, and the quote before keeps the speaker its own sentence names.

use super::before::pre_attr;
use super::{Attr, Ctx};
use crate::quotes::entities::Entities;
use crate::quotes::marks::Pair;

/// The speaker of the quote opening at `ot` (sentence from `lo`) when the cue `post` found
/// after it opens the next quote: the one its own sentence names before it ("Ruiz responds
/// to Lee with, “…?” Lee then writes back, “…”"). None otherwise: the cue after it stands
/// ("“Why?” she asked, “why now?”").
pub(super) fn own_speaker(
    cx: &Ctx,
    ents: &Entities,
    pairs: &[Pair],
    post: Option<&Attr>,
    (lo, ot): (usize, usize),
) -> Option<Attr> {
    let opens_next = post.is_some_and(|p| introduces_next(cx, pairs, p));
    opens_next
        .then(|| pre_attr(cx, ents, lo, ot, true))
        .flatten()
}

/// Most words between the cue and the comma or colon before the next quote ("writes back").
const MAX_AFTER_CUE: usize = 2;

/// Does the cue of `post` (found after a quote) end in a comma or colon right before the
/// opening mark of another quote, within [`MAX_AFTER_CUE`] words and in the same paragraph?
fn introduces_next(cx: &Ctx, pairs: &[Pair], post: &Attr) -> bool {
    let Some(c) = post.cue_tok else {
        return false;
    };
    let Some(cue) = post.cue else {
        return false;
    };
    let mut j = c + 1;
    // Past the cue's own span (a particle it takes in: "shot back").
    while j < cx.toks.len() && cx.toks[j].start < cue.end {
        j += 1;
    }
    let mut words = 0;
    while j < cx.toks.len() && cx.is_word(j) && words < MAX_AFTER_CUE && !cx.para_break(j) {
        j += 1;
        words += 1;
    }
    if j + 1 >= cx.toks.len() || !matches!(cx.w(j), "," | ":") || cx.para_break(j + 1) {
        return false;
    }
    let next = cx.toks[j + 1].start;
    pairs.iter().any(|p| p.open.start == next)
}
