//! The span a speaker mention is given: the mention and the phrase that says whose or where
//! the person is. A description's "of"/"to"/"for"/"with"/"close to" phrase is one rule,
//! [`source_phrase_end`], for mentions found in the text and for slot sources alike.

use once_cell::sync::Lazy;

use super::after::modifier_word;
use super::slots::clause_end;
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
        return with_source_phrase(cx, ents, m)
            .or_else(|| with_place_phrase(cx, ents, m))
            .or_else(|| with_known_as(cx, ents, m))
            .unwrap_or(span);
    }
    let at = |k: usize| {
        ents.starting_at(k)
            .map(|n| &ents.mentions[n])
            .filter(|n| !n.in_quote && matches!(n.kind, MKind::Name { .. } | MKind::Desc { .. }))
    };
    let next = at(of + 1)
        .or_else(|| (cx.lw(of + 1) == "the").then(|| at(of + 2)).flatten())
        .or_else(|| described_name(cx, ents, of + 1));
    match next {
        Some(n) if !cx.toks[of + 1..n.t1].iter().any(|t| t.nl_before) => {
            let t1 = body_name_tail(cx, n.t1);
            let e = common_noun_tail(cx, t1).unwrap_or(t1);
            Span::new(span.start, cx.toks[e - 1].end)
        }
        _ => with_source_phrase(cx, ents, m).unwrap_or(span),
    }
}

/// "X of digital consulting firm Acme", "X of the advocacy group Acme": the body's name after
/// at most three lower-case words that say what it is (from `k`, after an optional "the").
fn described_name<'e>(
    cx: &Ctx,
    ents: &'e Entities,
    k: usize,
) -> Option<&'e crate::quotes::entities::Mention> {
    let mut j = if cx.lw(k) == "the" { k + 1 } else { k };
    let first = j;
    while j < first + 3 && cx.toks.get(j).is_some_and(|t| !t.cap) && modifier_word(cx, j) {
        j += 1;
    }
    let n = ents.starting_at(j).filter(|_| j > first)?;
    let n = &ents.mentions[n];
    (!n.in_quote && matches!(n.kind, MKind::Name { .. })).then_some(n)
}

/// "a person close to the mayor", "one aide with knowledge of the talks", "a source involved
/// in the deal": an unnamed source (a description) and the phrase after it that says who it
/// is ([`source_phrase_end`]); newsdev's speakers include it, and its last word is their head.
fn with_source_phrase(cx: &Ctx, ents: &Entities, m: usize) -> Option<Span> {
    let mm = &ents.mentions[m];
    if !matches!(mm.kind, MKind::Desc { .. }) || mm.in_quote {
        return None;
    }
    let e = source_phrase_end(cx, mm.t0, mm.t1)?;
    Some(Span::new(mm.span.start, cx.toks[e - 1].end))
}

/// The one rule by which a source extends over the phrase after it, for a mention found in
/// the text ([`with_of_phrase`]) and for a source read from the slot after a quote
/// (`slots::slot_source`): the description `d..j` (its opening word at `d`) names a person (a
/// role noun, a title or a capitalised word after the opening: "the clip to YouTube" is no
/// source), then an optional lead word ("close", "familiar": [source_phrase_lead]) and the
/// phrase ([`attached_phrase`]). The token after the phrase.
pub(super) fn source_phrase_end(cx: &Ctx, d: usize, j: usize) -> Option<usize> {
    let person = (d + 1..j).any(|i| {
        cx.toks
            .get(i)
            .is_some_and(|t| t.cap || t.lex & (flag::ROLE | flag::TITLE) != 0)
    });
    if !person {
        return None;
    }
    let mut j = j;
    if SOURCE_PHRASE_LEADS.contains(cx.lw(j).as_str()) && !cx.para_break(j) {
        j += 1;
    }
    attached_phrase(cx, j)
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

/// "a voice-over in the ad states", "a message on the website reads": a described (not
/// named) source, no person, whose place follows it in "in"/"on" + "the" + at most two words, right
/// before the cue: the place belongs to the source (it says which voice-over).
fn with_place_phrase(cx: &Ctx, ents: &Entities, m: usize) -> Option<Span> {
    let mm = &ents.mentions[m];
    let p = mm.t1;
    // A person's place is where they stand, not which one speaks ("a man in the crowd").
    let MKind::Desc { head, .. } = mm.kind else {
        return None;
    };
    let person = cx.toks.get(head).is_some_and(|t| t.lex & flag::ROLE != 0);
    if person || !matches!(cx.w(p), "in" | "on") {
        return None;
    }
    let k = if cx.lw(p + 1) == "the" { p + 2 } else { p + 1 };
    let end = (k + 1..=k + 2).find(|&e| cx.cue_at(e).is_some())?;
    let words = (p + 1..end).all(|j| cx.is_word(j) && !cx.para_break(j));
    words.then(|| Span::new(mm.span.start, cx.toks[end - 1].end))
}

/// "the base chief known as Bob", "a trader known only as Ana": the name a described source
/// goes by belongs to its mention (the name is what tells the reader who speaks).
fn with_known_as(cx: &Ctx, ents: &Entities, m: usize) -> Option<Span> {
    let mm = &ents.mentions[m];
    let k = mm.t1;
    if !matches!(mm.kind, MKind::Desc { .. }) || cx.lw(k) != "known" {
        return None;
    }
    let at = if cx.lw(k + 1) == "only" { k + 2 } else { k + 1 };
    if cx.lw(at) != "as" || (k + 1..=at + 1).any(|j| cx.para_break(j)) {
        return None;
    }
    let n = &ents.mentions[ents.starting_at(at + 1)?];
    matches!(n.kind, MKind::Name { .. }).then(|| Span::new(mm.span.start, n.span.end))
}

/// `[body_name_link]` of data/lexicon/quote_context.txt: lower-case words a body's name goes
/// on after (matched as written: "For" is a capitalised part of the name already).
static BODY_NAME_LINK: once_cell::sync::Lazy<crate::lexicon::WordSet> =
    once_cell::sync::Lazy::new(|| {
        crate::lexicon::set_of(crate::lexicon::files::QUOTE_CONTEXT, &["body_name_link"])
    });

/// "the Institute for Harbor Safety Studies", "the Center on Budget and Policy Priorities":
/// a body's name that goes on after "for"/"on"/"of" with capitalised words (the mention
/// finder stops at the lower-case preposition). The token after the full name from `t1`,
/// the end of its first part.
pub(super) fn body_name_tail(cx: &Ctx, t1: usize) -> usize {
    let mut e = t1;
    while BODY_NAME_LINK.contains(cx.w(e)) && !cx.para_break(e + 1) {
        let mut k = e + 1;
        while cx.toks.get(k).is_some_and(|t| t.cap) && cx.is_word(k) && !cx.para_break(k)
            || (k > e + 1 && cx.w(k) == "and" && cx.toks.get(k + 1).is_some_and(|t| t.cap))
        {
            k += 1;
        }
        if k == e + 1 {
            break;
        }
        e = k;
    }
    e
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

/// The end of a phrase from `j` that belongs to the description before it: "with", "of",
/// "for" or "to", or "in" after an "-ed" word ("involved in"), then at most ten words up to
/// the clause's end or "who"/"which"/"that" (the head word stays before those). No cue, verb
/// or quote inside. ("said one aide in a statement": "in" after a noun is how it was said.)
fn attached_phrase(cx: &Ctx, j: usize) -> Option<usize> {
    // A noun phrase, not a clause: no cue, verb or subject pronoun.
    const VERBISH: u32 = flag::CUE | flag::VERBISH | flag::BASE | flag::HE | flag::SHE | flag::THEY;
    let w = cx.lw(j);
    let linked = matches!(w.as_str(), "with" | "of" | "for" | "to")
        || (w == "in" && j > 0 && cx.lw(j - 1).ends_with("ed"));
    if !linked {
        return None;
    }
    for e in j + 1..(j + 12).min(cx.toks.len() + 1) {
        // A strong cue ends the phrase too: "an aide close to the union said"; a weak one
        // inside it makes it no noun phrase.
        let cue = cx.cue_at(e);
        let cue_ends = cue.is_some_and(|(_, strong)| strong);
        if clause_end(cx, e) || cue_ends || matches!(cx.lw(e).as_str(), "who" | "which" | "that") {
            return (e > j + 1).then_some(e);
        }
        let t = cx.toks.get(e)?;
        if !cx.is_word(e) || t.lex & VERBISH != 0 || cue.is_some() {
            return None;
        }
    }
    None
}

/// Most tokens of a description opening a sentence before a name in apposition.
const MAX_DESCRIPTION: usize = 8;

/// "Another user, Jane Doe, wrote …", "The editor I spoke to, Jane Doe, said …", "Acme's
/// founder, Jane Doe, told …": the name mention `m` set off by commas right after a
/// description that opens its sentence (a determiner, "one"/"another" or a possessor in it).
/// The description's first token: newsdev's speaker spans both, its head is the description's.
pub(super) fn description_before(cx: &Ctx, ents: &Entities, m: usize) -> Option<usize> {
    let mm = &ents.mentions[m];
    if !matches!(mm.kind, MKind::Name { .. }) || mm.in_quote || mm.t0 < 3 {
        return None;
    }
    let comma = mm.t0 - 1;
    if cx.w(comma) != "," || cx.w(mm.t1) != "," || cx.para_break(mm.t0) {
        return None;
    }
    let s = cx.ss[mm.t0];
    if s + 2 > comma || comma - s > MAX_DESCRIPTION {
        return None;
    }
    let words =
        (s..comma).all(|k| (cx.is_word(k) || cx.w(k) == ".") && (k == s || !cx.para_break(k)));
    let first = &cx.toks[s];
    let opens = first.lex & flag::DET != 0
        || super::slots::ONE_MORE_SPEAKER.contains(&cx.lw(s))
        || (s..comma).any(|k| cx.toks[k].lex & flag::POSS != 0);
    (words && opens && cx.is_word(s)).then_some(s)
}
