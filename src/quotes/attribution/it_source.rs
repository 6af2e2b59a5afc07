//! “…,” it said: an organisation or a document as the source, through "it". People are never
//! "it", so the antecedent is the organisation or document noun phrase ("the ministry", "a
//! report", [`crate::lexicon::THING_HEADS`]) that is the subject of the quote's sentence or
//! the one before, the nearer; when it is unclear which one is meant, "it" stays unresolved
//! (the quote keeps "it" as its mention and no speaker: a wrong name is worse than none).

use super::*;

/// An attribution “…,” it said starting at token `start` (right after the closing mark of the
/// quote opening at token `ot`): a mention for "it", resolved to the organisation or
/// document it stands for when that is clear.
pub(super) fn it_said(cx: &Ctx, ents: &mut Entities, start: usize, ot: usize) -> Option<Attr> {
    let mut k = start;
    while cx.w(k) == "," && !cx.para_break(k) {
        k += 1;
    }
    if cx.para_break(k) || cx.lw(k) != "it" || cx.para_break(k + 1) {
        return None;
    }
    let (cue, strong) = cx.cue_at(k + 1)?;
    if !strong {
        return None;
    }
    let antecedent = antecedent(cx, ents, ot);
    let entity = antecedent.map(|m| match ents.mentions[m].ent {
        Some(e) => e,
        None => ents.unnamed(cx.text, m, cx.toks),
    });
    let it = ents.add_desc(cx.toks, k, k + 1)?;
    // A pronoun: unresolved, the quote keeps its mention and cue and has no speaker.
    ents.mentions[it].kind = MKind::They;
    ents.mentions[it].ent = entity;
    Some(Attr {
        mention: it,
        cue: Some(cue),
        cue_tok: Some(k + 1),
        from_post: true,
    })
}

/// The organisation or document that "it" stands for: among the noun phrases with a head of
/// [`crate::lexicon::THING_HEADS`] before the quote at `ot`, in its sentence and the one
/// before, the nearest subject.
fn antecedent(cx: &Ctx, ents: &Entities, ot: usize) -> Option<usize> {
    let own = cx.ss[ot];
    let floor = if own > 0 { cx.ss[own - 1] } else { 0 };
    let mut found: Vec<usize> = Vec::new();
    for k in floor..ot {
        let Some(m) = ents.starting_at(k) else {
            continue;
        };
        let mm = &ents.mentions[m];
        if mm.in_quote || mm.t1 > ot {
            continue;
        }
        if let MKind::Desc { head, .. } = mm.kind {
            let h = cx.lw(head);
            if crate::lexicon::THING_HEADS.contains(strip_poss(&h).0) {
                found.push(m);
            }
        }
    }
    // The nearest subject, when no other subject shares its sentence. An object ("It also
    // named a complaint.") is too often not what "it" means.
    let subject = |m: &usize| ents.mentions[*m].subject;
    let &m = found.iter().rev().find(|m| subject(m))?;
    let sentence = cx.ss[ents.mentions[m].t0];
    let rivals = (found.iter())
        .filter(|&&o| o != m && subject(&o) && cx.ss[ents.mentions[o].t0] == sentence)
        .count();
    // "The ministry and the agency met": either may be "it".
    let mm = &ents.mentions[m];
    let coordinated = |k: usize| matches!(cx.lw(k).as_str(), "and" | "or" | "nor");
    let paired = (mm.t0 > 0 && coordinated(mm.t0 - 1)) || coordinated(mm.t1);
    (rivals == 0 && !paired).then_some(m)
}
