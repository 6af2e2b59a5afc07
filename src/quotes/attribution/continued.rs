//! Quotes that carry on an earlier quote's attribution: a quote with no attribution near it
//! continues the previous one's speaker, and the pieces of a quote running over paragraphs
//! take the attribution at its end. Split from `attribution.rs` (its size).

use super::super::entities::Entities;
use super::super::lexicon::LINKS;
use super::super::marks::Pair;
use super::super::QuoteKind;
use super::before::other_subject;
use super::{Attr, Ctx, Found, Prev, PrevQuote};

/// No attribution near the quote at `ot`: the one of the previous quote it continues (same
/// sentence, or the next sentence of its paragraph unless another person is its subject).
pub(super) fn continued_attr(
    cx: &Ctx,
    ents: &Entities,
    pairs: &[Pair],
    prev: Prev,
    ot: usize,
    lo: usize,
    first_in_sentence: bool,
) -> Option<Attr> {
    let ss = cx.ss[ot];
    let mut attr = None;
    if let Some(PrevQuote {
        pair: pp,
        attr: Some(pa),
        close: pc,
        ..
    }) = prev
    {
        let same_sentence = pc >= ss && pc < ot;
        let link = ot > 0 && LINKS.contains(cx.lw(ot - 1).as_str());
        let same_para = !(pc + 1..=ot).any(|k| cx.para_break(k));
        let ran_on = pairs.get(pp).is_some_and(|q| q.close.is_none());
        if same_sentence && (link || ot - lo <= 3) {
            attr = Some(pa);
        } else if (first_in_sentence && same_para) || ran_on {
            let pe = ents.mentions[pa.mention].ent;
            let mut from = pc + 1;
            while from < ot && cx.ss[from] == cx.ss[pc] {
                from += 1;
            }
            match other_subject(cx, ents, from, ot, pe) {
                Some(m) => {
                    attr = Some(Attr {
                        mention: m,
                        cue: None,
                        cue_tok: None,
                        from_post: false,
                    })
                }
                None => {
                    attr = Some(pa);
                }
            }
        }
    }
    attr
}

/// A quote running over paragraphs is often attributed only at its end
/// ("“First …\n“… last,” she said."): earlier segments take that attribution. (Paragraphs
/// that reopen with a mark are one quote already; this is for the pieces a transcript turn or
/// an unpaired mark leaves.)
pub(super) fn carry_run_on(out: &mut [Found], top: &[(usize, bool, bool)]) {
    for w in (1..top.len()).rev() {
        let ((i, closed, turn_i), (j, _, turn_j)) = (top[w - 1], top[w]);
        if !closed && !turn_i && !turn_j && out[i].cue.is_none() && out[j].cue.is_some() {
            let (entity, mention, cue) = (out[j].entity, out[j].mention, out[j].cue);
            let f = &mut out[i];
            f.entity = entity;
            f.mention = mention;
            f.cue = cue;
            if f.kind == QuoteKind::Scare {
                f.kind = QuoteKind::Direct;
            }
        }
    }
}
