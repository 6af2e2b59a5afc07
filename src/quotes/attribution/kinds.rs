//! The kind of each quote: direct, partial or scare, and nested quotes with their own speaker.

use super::*;
use crate::lexicon::TITLE_MINOR;

pub(super) fn classify(
    cx: &Ctx,
    pair: &Pair,
    at: Place,
    attr: Option<Attr>,
    has_post: bool,
) -> QuoteKind {
    let Place {
        ot,
        ct,
        closed,
        first_in_sentence,
        ..
    } = at;
    let Some(a) = attr else {
        return QuoteKind::Scare;
    };
    let (before, bw) = at.word_before(cx);
    let set_off = first_in_sentence
        || bw == ":"
        || (bw == "," && a.from_post && has_post)
        || (bw == "," && a.cue_tok.is_some_and(|c| c < ot));
    if !set_off && scare_like(cx, pair, ot, ct, before, &bw) {
        return QuoteKind::Scare;
    }
    if first_in_sentence {
        return QuoteKind::Direct;
    }
    // Does the writer's sentence go on after the closing mark? Not after a full stop, also
    // one before a nested quote's closing mark (“… ‘No.’”).
    let ends_sentence = last_stop(pair.content.of(cx.text)).ends_with(['.', '!', '?']);
    let continues = closed && !has_post && !ends_sentence && {
        let k = ct + 1;
        !(k >= cx.toks.len()
            || cx.para_break(k)
            || matches!(cx.w(k), "." | "!" | "?" | ")" | ";")
            || matches!(cx.toks[k].kind, Kind::Open(_)))
    };
    if (set_off || is_clause(cx, ot + 1, ct)) && !continues {
        QuoteKind::Direct
    } else {
        QuoteKind::Partial
    }
}

/// The kind of a quote nobody is named for: direct when it stands as its own sentence (opens
/// the sentence or follows a colon), holds a clause and ends the sentence; else scare.
pub(super) fn form_kind(cx: &Ctx, pair: &Pair, at: Place) -> QuoteKind {
    let Place {
        ot,
        ct,
        closed,
        first_in_sentence,
        ..
    } = at;
    let (before, bw) = at.word_before(cx);
    let set_off = first_in_sentence || bw == ":";
    let content = pair.content.of(cx.text).trim_end();
    let sentence_end = content.ends_with(['.', '!', '?', ',']) || {
        let k = ct + 1;
        !closed || k >= cx.toks.len() || cx.para_break(k) || matches!(cx.w(k), "." | "!" | "?")
    };
    let words = (ot + 1..ct).filter(|&k| cx.is_word(k)).take(4).count();
    if set_off
        && sentence_end
        && words >= 4
        && is_clause(cx, ot + 1, ct)
        && !scare_like(cx, pair, ot, ct, before, &bw)
    {
        QuoteKind::Direct
    } else {
        QuoteKind::Scare
    }
}

/// Titles, signs, nicknames: “Morning Joe.”, the words “ALASKA 2025,”, Aaron “Scott” Merritt.
fn scare_like(
    cx: &Ctx,
    pair: &Pair,
    ot: usize,
    ct: usize,
    before: Option<usize>,
    bw: &str,
) -> bool {
    let lead = |k: Option<usize>| k.is_some_and(|k| SCARE_LEADS.contains(cx.lw(k).as_str()));
    if lead(before) || lead(before.and_then(|b| b.checked_sub(1))) {
        return true;
    }
    let words: Vec<usize> = (ot + 1..ct).filter(|&k| cx.is_word(k)).take(9).collect();
    if words.is_empty() || words.len() > 8 {
        return false;
    }
    // The words a title leaves in lower case, as in headlines: "Friends of the Earth".
    let small = |w: &str| TITLE_MINOR.contains(w);
    let titleish = words.iter().enumerate().all(|(i, &k)| {
        let w = cx.w(k);
        let first = w
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
        first || (i > 0 && small(w))
    }) && pair.content.of(cx.text).chars().any(|c| c.is_alphabetic());
    if !titleish {
        return false;
    }
    let Some(b) = before else {
        return false;
    };
    // Nickname: Aaron “Scott” Merritt.
    let after_cap = cx
        .toks
        .get(ct + 1)
        .is_some_and(|t| t.cap && t.kind == Kind::Word);
    if cx.toks[b].cap && cx.is_word(b) && after_cap {
        return true;
    }
    let possessive = strip_poss(cx.w(b)).1 && cx.w(b) != bw.trim_end_matches(['’', '\'']);
    possessive || TITLE_LEADS.contains(bw)
}

/// A nested quote with its own speaker: “Today we hear President Trump say, ‘If I were …’”.
pub(super) fn nested(
    cx: &Ctx,
    ents: &Entities,
    pair: &Pair,
    outer_open: usize,
    ot: usize,
    ct: usize,
    outer_ent: Option<usize>,
) -> Option<Found> {
    let mut k = ot;
    while k > outer_open + 1 {
        k -= 1;
        if matches!(cx.toks[k].kind, Kind::Close(_)) {
            break;
        }
        if let Some((cue, true)) = cx.cue_at(k) {
            // Nearest name to the left of the cue, inside the outer quote.
            let mut j = k;
            while j > outer_open + 1 && k - j < 30 {
                j -= 1;
                if let Some(m) = ents.ending_at(j) {
                    let mm = &ents.mentions[m];
                    if !matches!(mm.kind, MKind::Name { .. }) {
                        return None;
                    }
                    let e = mm.ent?;
                    if Some(e) == outer_ent || !ents.ents[e].person {
                        return None;
                    }
                    let set_off = matches!(cx.w(ot - 1), "," | ":");
                    let kind = if set_off || is_clause(cx, ot + 1, ct) {
                        QuoteKind::Direct
                    } else {
                        QuoteKind::Partial
                    };
                    return Some(Found {
                        span: pair.content,
                        kind,
                        entity: Some(e),
                        mention: Some(mm.span),
                        cue: Some(cue),
                    });
                }
            }
            return None;
        }
    }
    None
}

/// A double quote inside a double quote of the same style ("She called it "a disaster"
/// today," Smith said; curly “…“…”…” too, inner marks either way round): the words the
/// speaker quotes from someone else. Its own partial quote, by nobody we
/// can name (the outer quote's speaker did not say them first); a term or title ("the word
/// "Brexit"") stays a scare quote. Single marks inside double ones are the ordinary nesting of
/// speech in speech and are left inside their quote unless someone named says them
/// ([`nested`]).
pub(super) fn inner_double(
    cx: &Ctx,
    pair: &Pair,
    outer_open: usize,
    ot: usize,
    ct: usize,
) -> Option<Found> {
    let style = |k: usize| match cx.w(k) {
        "\"" => 1,
        "“" | "”" => 2,
        _ => 0,
    };
    let s = style(outer_open);
    if s == 0 || style(ot) != s || ct >= cx.toks.len() || style(ct) != s {
        return None;
    }
    let before = Some(ot - 1);
    let bw = cx.lw(ot - 1);
    let kind = if scare_like(cx, pair, ot, ct, before, &bw) {
        QuoteKind::Scare
    } else {
        QuoteKind::Partial
    };
    Some(Found {
        span: pair.content,
        kind,
        entity: None,
        mention: None,
        cue: None,
    })
}

/// Longest source a headline gives without a name ("Union chief", "Nurses' union").
const HEADLINE_SOURCE_WORDS: usize = 4;

/// The source a headline names in its own grammar, without the articles body text has:
/// "Union chief: ‘…’" / "Mayor on budget: ‘…’" (the words before the colon, up to a
/// preposition that gives the topic) and "‘…,’ says union chief" (the words after the cue, to
/// the line's end). A name there is a mention already and is taken as it is.
pub(super) fn headline_source(cx: &Ctx, ents: &mut Entities, at: Place) -> Option<Attr> {
    let Place { ot, ct, closed, .. } = at;
    if ot > 0 && cx.w(ot - 1) == ":" && !cx.para_break(ot - 1) {
        let colon = ot - 1;
        let mut first = colon;
        while first > 0 && !cx.para_break(first) {
            first -= 1;
        }
        let end = (first..colon)
            .find(|&k| k > first && PREPS.contains(cx.lw(k).as_str()))
            .unwrap_or(colon);
        let cue = Some(Span::new(cx.toks[colon].start, cx.toks[colon].end));
        return headline_desc(cx, ents, first, end, cue, Some(colon), false);
    }
    if !closed {
        return None;
    }
    let mut k = ct + 1;
    while cx.w(k) == "," && !cx.para_break(k) {
        k += 1;
    }
    if cx.para_break(k) {
        return None;
    }
    let (cue, strong) = cx.cue_at(k)?;
    let mut end = k + 1;
    while end < cx.toks.len() && !cx.para_break(end) && cx.is_word(end) {
        end += 1;
    }
    let line_ends = end >= cx.toks.len() || cx.para_break(end);
    if !strong || !line_ends {
        return None;
    }
    headline_desc(cx, ents, k + 1, end, Some(cue), Some(k), true)
}

/// The source of a headline from token `t0` to `t1`: the mention that spans it, or a
/// description of at most [`HEADLINE_SOURCE_WORDS`] describing words.
fn headline_desc(
    cx: &Ctx,
    ents: &mut Entities,
    t0: usize,
    t1: usize,
    cue: Option<Span>,
    cue_tok: Option<usize>,
    from_post: bool,
) -> Option<Attr> {
    if t1 <= t0 || t1 - t0 > HEADLINE_SOURCE_WORDS + 2 {
        return None;
    }
    let attr = |mention| Attr {
        mention,
        cue,
        cue_tok,
        from_post,
    };
    if let Some(m) = ents.starting_at(t0) {
        let mm = &ents.mentions[m];
        return (mm.t1 == t1 && !matches!(mm.kind, MKind::Pron { .. } | MKind::They))
            .then(|| attr(m));
    }
    let words = (t0..t1).all(|k| super::after::modifier_word(cx, k));
    if !words || t1 - t0 > HEADLINE_SOURCE_WORDS {
        return None;
    }
    ents.add_desc(cx.toks, t0, t1).map(attr)
}
