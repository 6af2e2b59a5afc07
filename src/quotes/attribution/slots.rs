//! Sources known by their place next to the cue after a quote, whatever their head noun:
//! “…,” the moderator said / “…,” said a Nevada Democrat / “…,” I said. The word lists know
//! many role nouns but never all ("moderator", "46-year-old", "group"); the slot between the
//! closing mark and the cue is a source in any case.

use super::after::modifier_word;
use super::mention_span::source_phrase_end;
use super::*;

/// The longest description taken from the slot, in words after its determiner.
const MAX_WORDS: usize = 6;

/// An attribution whose source fills the slot right after the quote, from token `start`:
/// a determiner and describing words then a cue, a cue then a determiner and describing words
/// that end the clause, or "I"/"we" then a cue. The description becomes a mention.
pub(super) fn slot_source(cx: &Ctx, ents: &mut Entities, start: usize) -> Option<Attr> {
    let mut k = start;
    while cx.w(k) == "," && !cx.para_break(k) {
        k += 1;
    }
    if k >= cx.toks.len() || cx.para_break(k) {
        return None;
    }
    let (t0, t1, cue_tok) = cue_then_source(cx, k).or_else(|| source_then_cue(cx, k))?;
    let (cue, _) = cx.cue_at(cue_tok)?;
    // A description the entity pass already found ("a man") is the mention itself.
    let found = ents
        .starting_at(t0)
        .filter(|&m| ents.mentions[m].t1 == t1 && !ents.mentions[m].in_quote);
    let mention = found.or_else(|| ents.add_desc(cx.toks, t0, t1))?;
    Some(Attr {
        mention,
        cue: Some(cue),
        cue_tok: Some(cue_tok),
        from_post: true,
    })
}

/// Determiners that can open a source named between a quote and its cue ("the", "his",
/// "some", "two" ...): `[source_determiner]` of data/lexicon/quote_context.txt.
static SOURCE_DETERMINERS: once_cell::sync::Lazy<crate::lexicon::WordSet> =
    once_cell::sync::Lazy::new(|| {
        crate::lexicon::set_of(crate::lexicon::files::QUOTE_CONTEXT, &["source_determiner"])
    });

/// `[one_more_speaker]`, `[place_preposition]` and `[no_surname]` of
/// data/lexicon/quote_context.txt (what each is: the file's header).
pub(super) static ONE_MORE_SPEAKER: once_cell::sync::Lazy<crate::lexicon::WordSet> =
    once_cell::sync::Lazy::new(|| {
        crate::lexicon::set_of(crate::lexicon::files::QUOTE_CONTEXT, &["one_more_speaker"])
    });
static PLACE_PREPOSITIONS: once_cell::sync::Lazy<crate::lexicon::WordSet> =
    once_cell::sync::Lazy::new(|| {
        crate::lexicon::set_of(crate::lexicon::files::QUOTE_CONTEXT, &["place_preposition"])
    });
static NO_SURNAME: once_cell::sync::Lazy<crate::lexicon::WordSet> =
    once_cell::sync::Lazy::new(|| {
        crate::lexicon::set_of(crate::lexicon::files::QUOTE_CONTEXT, &["no_surname"])
    });

/// A determiner (or a capitalised possessor, "Obama's") that can open a source at `k`.
fn opens_source(cx: &Ctx, k: usize) -> bool {
    let Some(t) = cx.toks.get(k) else {
        return false;
    };
    let possessor = t.cap && t.lex & flag::POSS != 0 && t.kind == Kind::Word;
    let det = SOURCE_DETERMINERS.contains(&cx.lw(k));
    !cx.para_break(k) && (det || possessor)
}

fn strong_cue(cx: &Ctx, k: usize) -> bool {
    cx.cue_at(k).is_some_and(|(_, strong)| strong)
}

/// “…,” said the moderator. — the cue at `k`, then the source up to the clause's end.
fn cue_then_source(cx: &Ctx, k: usize) -> Option<(usize, usize, usize)> {
    let (cue, strong) = cx.cue_at(k)?;
    if !strong {
        return None;
    }
    let d = cx.after_cue(k, cue.end);
    if !opens_source(cx, d) {
        return None;
    }
    let mut j = d + 1;
    while j <= d + MAX_WORDS && modifier_word(cx, j) {
        j += 1;
    }
    if j > d + 1 && clause_end(cx, j) {
        return Some((d, j, k));
    }
    // “…,” tweeted another. / “…,” read one.: one more of those just named speaks.
    if j == d + 1 && ONE_MORE_SPEAKER.contains(&cx.lw(d)) && clause_end(cx, j) {
        return Some((d, j, k));
    }
    // “…,” said one aide familiar with the talks / said one of two aides who …: the source
    // runs on over the phrase that says who it is (the rule every mention follows).
    (j > d + 1)
        .then(|| source_phrase_end(cx, d, j))
        .flatten()
        .map(|e| (d, e, k))
}

pub(super) fn clause_end(cx: &Ctx, j: usize) -> bool {
    j >= cx.toks.len()
        || cx.para_break(j)
        || matches!(cx.w(j), "." | "," | "!" | "?" | ";" | "—" | "–")
}

/// “…,” the moderator said. — the source at `k`, then the cue; or "I said".
fn source_then_cue(cx: &Ctx, k: usize) -> Option<(usize, usize, usize)> {
    if matches!(cx.w(k), "I" | "We" | "we") && strong_cue(cx, k + 1) && !cx.para_break(k + 1) {
        return Some((k, k + 1, k + 1));
    }
    if word_surname(cx, k) && strong_cue(cx, k + 1) && !cx.para_break(k + 1) {
        return Some((k, k + 1, k + 1));
    }
    if !opens_source(cx, k) {
        return None;
    }
    let mut j = k + 1;
    // "the Ohio senator and former mayor said": one "and" between describing words, with
    // room for the second description's words.
    let mut limit = k + MAX_WORDS;
    // "the soft-spoken, 71-year-old diplomat said": one comma between describing words.
    let mut comma = false;
    loop {
        if j <= limit && modifier_word(cx, j) && !strong_cue(cx, j) {
            j += 1;
        } else if !comma
            && j > k + 1
            && j < limit
            && cx.w(j) == ","
            && !cx.toks[j - 1].cap
            && modifier_word(cx, j + 1)
            && !strong_cue(cx, j + 1)
        {
            comma = true;
            j += 1;
        } else if j > k + 1
            && limit == k + MAX_WORDS
            && cx.w(j) == "and"
            && modifier_word(cx, j + 1)
        {
            limit += 3;
            j += 1;
        } else {
            break;
        }
    }
    if j <= k + 1 || cx.w(j - 1) == "and" || cx.para_break(j) {
        return None;
    }
    // “…,” a spokesman for the campaign said: the phrase that says who it is comes before
    // the cue (the rule every mention follows).
    if strong_cue(cx, j) {
        return Some((k, j, j));
    }
    if comma {
        return None;
    }
    if let Some(e) = source_phrase_end(cx, k, j).filter(|&e| strong_cue(cx, e) && !cx.para_break(e))
    {
        return Some((k, e, e));
    }
    // “…,” a man in the crowd shouted / a woman at the rally said: where the source was is
    // no part of who it is (newsdev's speaker ends before it); the cue follows the place.
    place_then_cue(cx, j).map(|c| (k, j, c))
}

/// “…,” Read said / “…,” Will wrote: a surname that is also a common word (the name lists
/// refuse it as a name's start) at `k`, alone between the quote's closing comma and a cue.
/// A capital after that comma opens no sentence, so the word is a name; pronouns ("“…,” I
/// said") have their own rules.
fn word_surname(cx: &Ctx, k: usize) -> bool {
    let Some(t) = cx.toks.get(k) else {
        return false;
    };
    let after_comma = match k {
        0 => false,
        1 => cx.w(0) == ",",
        _ => {
            cx.w(k - 1) == ","
                || (matches!(cx.toks[k - 1].kind, Kind::Close(_)) && cx.w(k - 2) == ",")
        }
    };
    let pronoun = t.lex & (flag::HE | flag::SHE | flag::THEY | flag::POSS) != 0
        || NO_SURNAME.contains(&cx.lw(k));
    after_comma && t.kind == Kind::Word && t.cap && t.lex & flag::STOP != 0 && !pronoun
}

/// The cue after a place phrase at `j` ("in the crowd", "at the rally", "on the website"): a
/// preposition of place, a determiner and at most [`MAX_WORDS`] describing words, then a
/// strong cue on the same line.
fn place_then_cue(cx: &Ctx, j: usize) -> Option<usize> {
    if !PLACE_PREPOSITIONS.contains(&cx.lw(j)) || !opens_source(cx, j + 1) {
        return None;
    }
    let mut c = j + 2;
    while c <= j + 1 + MAX_WORDS && modifier_word(cx, c) && !strong_cue(cx, c) && !cx.para_break(c)
    {
        c += 1;
    }
    (c > j + 2 && strong_cue(cx, c) && !cx.para_break(c)).then_some(c)
}

/// The harbor master said, “…” / The letter read: “…” — the slot before a cue set off by a
/// comma or colon right before the quote (opening token `ot`, closing `ct`), from `lo`: a
/// determiner and describing words then the cue, whatever the head noun, when the quote holds
/// a clause ("One of his recent reads, “War and Peace,”" is a title). The description becomes
/// a mention.
pub(super) fn pre_slot_source(
    cx: &Ctx,
    ents: &mut Entities,
    lo: usize,
    ot: usize,
    ct: usize,
) -> Option<Attr> {
    let c = ot.checked_sub(2)?;
    if c <= lo || !matches!(cx.w(c + 1), "," | ":") || !strong_cue(cx, c) || cx.para_break(c + 1) {
        return None;
    }
    let (cue, _) = cx.cue_at(c)?;
    let mut d = c;
    // "The" opening the sentence is capitalised, as describing words may be.
    while d > lo + 1
        && d + MAX_WORDS > c
        && !opens_source(cx, d - 1)
        && modifier_word(cx, d - 1)
        && !cx.para_break(d)
    {
        d -= 1;
    }
    let d = d.checked_sub(1)?;
    if d < lo || d + 1 == c || !opens_source(cx, d) || cx.para_break(d + 1) {
        return None;
    }
    if !is_clause(cx, ot + 1, ct) {
        return None;
    }
    let mention = ents.add_desc(cx.toks, d, c)?;
    Some(Attr {
        mention,
        cue: Some(cue),
        cue_tok: Some(c),
        from_post: false,
    })
}
