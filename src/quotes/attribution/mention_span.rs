//! The span a speaker mention is given: the mention and the phrase that says whose or where
//! the person is.

use once_cell::sync::Lazy;

use super::after::modifier_word;
use super::slots::attached_phrase;
use super::{flag, Ctx, Entities, MKind};
use crate::lexicon::{files, set_of, WordSet};
use crate::Span;

/// Words after an unnamed source that open the phrase saying who it is ("close to").
static SOURCE_PHRASE_LEADS: Lazy<WordSet> =
    Lazy::new(|| set_of(files::QUOTE_CONTEXT, &["source_phrase_lead"]));

/// The mention's span with an "of" phrase right after it: "Senator X of Vermont", "X of the
/// Tax Policy Center", "the authors of the report". News names a source with the place or
/// body it is of, and newsdev's speakers include it (571 "of" phrases kept, 4 left out, train).
pub(super) fn with_of_phrase(cx: &Ctx, ents: &Entities, m: usize) -> Span {
    let mm = &ents.mentions[m];
    let span = mm.span;
    let of = mm.t1;
    if let Some(n) = joint_name(cx, ents, of).filter(|_| matches!(mm.kind, MKind::Name { .. })) {
        return Span::new(span.start, ents.mentions[n].span.end);
    }
    // After a description also "to"/"for": "an adviser to the mayor", "a spokesman for the
    // campaign" (train gold: 375 kept, 14 left out); not after a name ("X told reporters").
    let prep = matches!(
        (cx.w(of), mm.kind),
        ("of", MKind::Name { .. } | MKind::Desc { .. }) | ("to" | "for", MKind::Desc { .. })
    );
    if !prep || cx.para_break(of) || cx.para_break(of + 1) {
        return with_source_phrase(cx, ents, m).unwrap_or(span);
    }
    let at = |k: usize| {
        ents.starting_at(k)
            .map(|n| &ents.mentions[n])
            .filter(|n| !n.in_quote && matches!(n.kind, MKind::Name { .. } | MKind::Desc { .. }))
    };
    let next = at(of + 1).or_else(|| (cx.lw(of + 1) == "the").then(|| at(of + 2)).flatten());
    match next {
        Some(n) if !cx.toks[of + 1..n.t1].iter().any(|t| t.nl_before) => Span::new(
            span.start,
            common_noun_tail(cx, n.t1).map_or(n.span.end, |e| cx.toks[e - 1].end),
        ),
        _ => with_source_phrase(cx, ents, m).unwrap_or(span),
    }
}

/// "a person close to the mayor", "one aide with knowledge of the talks", "a source involved
/// in the deal": an unnamed source (a description with a role head) and the phrase after it
/// that says who it is, up to the clause's end ([`attached_phrase`]); newsdev's speakers
/// include it, and its last word is their head.
fn with_source_phrase(cx: &Ctx, ents: &Entities, m: usize) -> Option<Span> {
    let mm = &ents.mentions[m];
    let MKind::Desc { head, .. } = mm.kind else {
        return None;
    };
    if cx.toks.get(head)?.lex & flag::ROLE == 0 || mm.in_quote {
        return None;
    }
    let mut j = mm.t1;
    if SOURCE_PHRASE_LEADS.contains(cx.lw(j).as_str()) && !cx.para_break(j) {
        j += 1;
    }
    let e = attached_phrase(cx, j)?;
    Some(Span::new(mm.span.start, cx.toks[e - 1].end))
}

/// "X of the New York delegation", "X of the Ohio attorney general's office": lower-case
/// nouns after the body's name that end the phrase (at most three, then the clause's end or
/// a cue) are its head. The token after the last, if there are any.
pub(super) fn common_noun_tail(cx: &Ctx, from: usize) -> Option<usize> {
    let mut e = from;
    while e < from + 3
        && cx.toks.get(e).is_some_and(|t| !t.cap)
        && modifier_word(cx, e)
        && !cx.para_break(e)
    {
        e += 1;
    }
    let ends = e >= cx.toks.len()
        || cx.para_break(e)
        || matches!(cx.w(e), "," | "." | ";" | "—" | "–" | "!" | "?")
        || cx.cue_at(e).is_some();
    (e > from && ends).then_some(e)
}

/// "Jane Doe and John Roe wrote", "said Jane Doe and John Roe.", "Jane Doe and John Roe, both
/// Republicans, said": a second person's name after "and" at `k`, right before a cue, a comma
/// or the sentence's end; the two speak together, and newsdev's speaker spans both (its head
/// is the second).
pub(super) fn joint_name(cx: &Ctx, ents: &Entities, k: usize) -> Option<usize> {
    if cx.w(k) != "and" || cx.para_break(k + 1) {
        return None;
    }
    let n = ents.starting_at(k + 1)?;
    let nn = &ents.mentions[n];
    let person = nn.ent.is_some_and(|e| ents.ents[e].person);
    (matches!(nn.kind, MKind::Name { .. })
        && person
        && !nn.in_quote
        && (cx.cue_at(nn.t1).is_some_and(|(_, strong)| strong)
            || matches!(cx.w(nn.t1), "." | ",")
            || cx.para_break(nn.t1)))
    .then_some(n)
}
