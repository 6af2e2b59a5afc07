//! Attributions that hang on a direct quote's reporting clause: ", adding that …" after it,
//! and "…, according to the paper." reporting the quote with its clause. Split from
//! `assemble.rs` (its size).

use super::super::clauses::Raw;
use super::super::{forms, postposed};
use super::super::{Attribution, AttributionKind};
use super::{sentence_of, Ctx};
use crate::Span;

/// The tokens `[from, hi)` after the cue of a direct attribution that follows its quote, up
/// to its sentence's end or the quote's next part, and that next part. "“A,” she said,
/// referring to the vote. “B.”": a cue between the parts of a split quote counts too; the
/// words after it end before the next part.
fn after_cue<'d>(cx: &Ctx, d: &'d Attribution) -> Option<(usize, usize, Option<&'d Span>)> {
    let cue = d.cue.filter(|c| c.start >= d.parts[0].end)?;
    let from = cx.toks.partition_point(|t| t.start < cue.end);
    let &(_, hi) = cx.ranges.get(sentence_of(cx.sentences, cue.start))?;
    let next_part = d.parts.iter().find(|p| p.start >= cue.end);
    let hi = next_part.map_or(hi, |p| {
        hi.min(cx.toks.partition_point(|t| t.start < p.start))
    });
    Some((from, hi, next_part))
}

/// ", adding that …" right after the cue of a direct attribution that follows its quote
/// ("“…,” she said, adding that …"): reported speech with the quote's source.
pub(super) fn participles_after_quotes(cx: &Ctx, direct: &[Attribution]) -> Vec<Attribution> {
    let mut out = Vec::new();
    for d in direct.iter().filter(|a| a.kind == AttributionKind::Direct) {
        let Some((from, hi, _)) = after_cue(cx, d) else {
            continue;
        };
        if let Some(raw) = forms::participle_after(cx.toks, from, hi) {
            let mut a = cx.attribution(&raw);
            a.source = d.source;
            a.speaker = d.speaker.clone();
            out.push(a);
        } else if let Some(raw) = forms::asked_after(cx.toks, from, hi) {
            out.push(cx.attribution(&raw));
        }
    }
    out
}

/// "“…,” she said Monday, according to the paper.": the paper reports the quote with its
/// reporting clause, a mixed attribution from the quote's start to the comma (over a next
/// part of the quote too: "…, according to the paper. “B.”"). Each with the index in `direct`
/// of the quote's own attribution, which it holds.
pub(super) fn quote_accounts(cx: &Ctx, direct: &[Attribution]) -> Vec<(usize, Attribution)> {
    let mut out = Vec::new();
    for (i, d) in direct.iter().enumerate() {
        if d.kind != AttributionKind::Direct {
            continue;
        }
        let Some((from, hi, next_part)) = after_cue(cx, d) else {
            continue;
        };
        if let Some(a) = quote_account(cx, d, from, hi, next_part.is_some()) {
            out.push((i, a));
        }
    }
    out
}

/// [`quote_accounts`] for the direct attribution `d`, whose cue ends before token `from`.
fn quote_account(
    cx: &Ctx,
    d: &Attribution,
    from: usize,
    hi: usize,
    more_parts: bool,
) -> Option<Attribution> {
    let (comma, cue, source) = postposed::according_after_quote(cx.toks, from, hi)?;
    let q0 = cx.toks.partition_point(|t| t.start < d.content.start);
    let raw = Raw {
        parts: vec![(q0.min(comma), comma)],
        source: Some(source),
        cue: (cue.t0, cue.t1),
    };
    let mut a = cx.attribution(&raw);
    let end = if more_parts {
        d.content.end
    } else {
        a.content.end
    };
    a.content = Span::new(d.content.start, end);
    a.parts = vec![a.content];
    a.quotes = cx.quotes_in(a.content);
    a.kind = AttributionKind::Mixed;
    a.sentence = sentence_of(cx.sentences, a.content.start);
    Some(a)
}
