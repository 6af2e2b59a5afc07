//! The span a speaker mention is given: the mention and the phrase that says whose or where
//! the person is.

use super::{Ctx, Entities, MKind};
use crate::Span;

/// The mention's span with an "of" phrase right after it: "Senator X of Vermont", "X of the
/// Tax Policy Center", "the authors of the report". News names a source with the place or
/// body it is of, and newsdev's speakers include it (571 "of" phrases kept, 4 left out, train).
pub(super) fn with_of_phrase(cx: &Ctx, ents: &Entities, m: usize) -> Span {
    let mm = &ents.mentions[m];
    let span = mm.span;
    let of = mm.t1;
    // After a description also "to"/"for": "an adviser to the mayor", "a spokesman for the
    // campaign" (train gold: 375 kept, 14 left out); not after a name ("X told reporters").
    let prep = matches!(
        (cx.w(of), mm.kind),
        ("of", MKind::Name { .. } | MKind::Desc { .. }) | ("to" | "for", MKind::Desc { .. })
    );
    if !prep || cx.para_break(of) || cx.para_break(of + 1) {
        return span;
    }
    let at = |k: usize| {
        ents.starting_at(k)
            .map(|n| &ents.mentions[n])
            .filter(|n| !n.in_quote && matches!(n.kind, MKind::Name { .. } | MKind::Desc { .. }))
    };
    let next = at(of + 1).or_else(|| (cx.lw(of + 1) == "the").then(|| at(of + 2)).flatten());
    match next {
        Some(n) if !cx.toks[of + 1..n.t1].iter().any(|t| t.nl_before) => {
            Span::new(span.start, n.span.end)
        }
        _ => span,
    }
}
