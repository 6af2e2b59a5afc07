//! Attribution and kind of each quote: cue and mention after the quote (“…,” X said / said X),
//! before it in its sentence (X said: “…”), inherited from the quote it continues, or the
//! subject of the sentence before; then direct / partial / scare.

use super::entities::{desc_end, Entities, MKind};
use super::lexicon::*;
use super::marks::Pair;
use super::tokens::{lower, lower_inline, strip_poss, Kind, Tok};
use super::QuoteKind;
use crate::Span;
use compact_str::CompactString;

mod after;
mod before;
mod continued;
mod cue_subject;
mod it_source;
mod kinds;
mod mention_span;
mod next_quote;
mod paragraphs;
mod particles;
mod sentence_starts;
mod slots;
mod tag_sentence;
#[cfg(test)]
mod tests_sources;

use self::after::{ends_ly, post_attr, prefer_name};
use self::before::{is_clause, pre_attr};
use self::continued::{carry_run_on, continued_attr};
use self::cue_subject::subject_of;
use self::kinds::{classify, form_kind, headline_source, inner_double, nested};
use self::mention_span::with_of_phrase;
use self::paragraphs::{introduced_attr, own_paragraph_attr};
use self::sentence_starts::sentence_starts;

pub struct Found {
    pub span: Span,
    pub kind: QuoteKind,
    pub entity: Option<usize>,
    pub mention: Option<Span>,
    pub cue: Option<Span>,
}

#[derive(Clone, Copy)]
struct Attr {
    mention: usize,
    cue: Option<Span>,
    cue_tok: Option<usize>,
    from_post: bool,
}

struct Ctx<'a> {
    text: &'a str,
    toks: &'a [Tok],
    /// First token of the sentence (own boundaries: `.`/`!`/`?` tokens and line breaks).
    ss: Vec<usize>,
    /// Byte offset where the article's headline ends (0: none).
    head_end: usize,
}

impl Ctx<'_> {
    fn w(&self, k: usize) -> &str {
        self.toks.get(k).map_or("", |t| &self.text[t.start..t.end])
    }
    /// Lower-case word `k`, inline: rules call this for most tokens they look at.
    fn lw(&self, k: usize) -> CompactString {
        lower_inline(self.w(k))
    }
    fn is_word(&self, k: usize) -> bool {
        self.toks.get(k).is_some_and(|t| t.kind == Kind::Word)
    }
    /// The first token after the cue word at `k` that starts at or after `cue_end` (the end
    /// of the cue's span, which may take in a particle or "to": "according to").
    fn after_cue(&self, k: usize, cue_end: usize) -> usize {
        let mut j = k + 1;
        while j < self.toks.len() && self.toks[j].start < cue_end {
            j += 1;
        }
        j
    }
    fn para_break(&self, k: usize) -> bool {
        self.toks.get(k).map_or(true, |t| t.nl_before)
    }
    /// A lower-case speech cue at `k`, with its span ("referred obliquely to" gives the span
    /// of the whole phrase). Returns (span, strong).
    fn cue_at(&self, k: usize) -> Option<(Span, bool)> {
        let t = self.toks.get(k)?;
        // "According to …" opens a sentence; other cues are lower case, except in a headline
        // ("‘…,’ Says Union Chief").
        let opening = self.ss.get(k) == Some(&k) && self.w(k) == "According";
        if t.kind != Kind::Word || (t.cap && !opening && t.start >= self.head_end) {
            return None;
        }
        // The token's flags come from this same lower-case form unless a possessive ending
        // was cut: without a cue flag, only the two phrase heads below can still be cues
        // (no lower-casing and no set lookups for the other words, most of those asked).
        if t.lex & (flag::CUE | flag::TO_CUE | flag::POSS) == 0 {
            let w = self.w(k);
            if !(w.eq_ignore_ascii_case("reference") || w.eq_ignore_ascii_case("put")) {
                return self.particle_cue(k);
            }
        }
        self.cue_of(k, opening).or_else(|| self.particle_cue(k))
    }
    /// [`Self::cue_at`] for a word that passed its tests: the word looked up in the cue lists.
    fn cue_of(&self, k: usize, opening: bool) -> Option<(Span, bool)> {
        let t = self.toks.get(k)?;
        // Lower case already, except in a line in capitals ("TRUMP SAID").
        let lw = lower(self.w(k));
        let w = if opening { "according" } else { lw.as_ref() };
        let to_phrase = |from: usize| -> Option<Span> {
            for j in k + 1..(k + 3).min(self.toks.len()) {
                if self.w(j) == "to" && self.ss[j] == self.ss[k] {
                    return Some(Span::new(self.toks[from].start, self.toks[j].end));
                }
                if !self.is_word(j) {
                    break;
                }
            }
            None
        };
        if TO_CUES.contains(w) {
            return to_phrase(k).map(|s| (s, w != "according"));
        }
        if w == "reference"
            && k > 0
            && matches!(self.w(k - 1), "made" | "make" | "makes" | "making")
        {
            return to_phrase(k - 1).map(|s| (s, true));
        }
        if w == "put" && self.w(k + 1) == "it" {
            return Some((Span::new(t.start, self.toks[k + 1].end), true));
        }
        if CUES.contains(w) {
            return Some((Span::new(t.start, t.end), !WEAK_CUES.contains(w)));
        }
        None
    }
}

/// The previous top-level quote.
#[derive(Clone, Copy)]
struct PrevQuote {
    pair: usize,
    /// The attribution it kept (none for a scare quote).
    attr: Option<Attr>,
    /// Its end token.
    close: usize,
    direct: bool,
}

type Prev = Option<PrevQuote>;

/// Where a top-level quote stands in its sentence.
#[derive(Clone, Copy)]
struct Place {
    /// Open token, end token (the closing mark, or the first token after a run-on segment).
    ot: usize,
    ct: usize,
    closed: bool,
    /// First token of the stretch before the quote that can hold its attribution.
    lo: usize,
    first_in_sentence: bool,
}

impl Place {
    /// The token right before the opening mark, when it is in the quote's sentence or the
    /// stretch that can hold its attribution, and that word in lower case ("" when none).
    fn word_before(&self, cx: &Ctx) -> (Option<usize>, CompactString) {
        let ot = self.ot;
        let before = (ot > self.lo || (ot > 0 && cx.ss[ot] < ot)).then(|| ot - 1);
        (before, before.map(|b| cx.lw(b)).unwrap_or_default())
    }
}

/// Attribution and kind of every quote; quotes opening before `head_end` (a byte offset, the
/// end of the article's headline) are headline quotes.
pub fn attribute(
    text: &str,
    toks: &[Tok],
    pairs: &[Pair],
    ents: &mut Entities,
    head_end: usize,
) -> Vec<Found> {
    let n = toks.len();
    let (open_tok, close_tok) = quote_tokens(toks, pairs);
    let cx = Ctx {
        text,
        toks,
        ss: sentence_starts(text, toks, pairs),
        head_end,
    };
    let mut out: Vec<Found> = Vec::new();
    let mut prev: Prev = None;
    let mut top_end = 0usize;
    let mut top_attr: Option<(usize, Option<Attr>)> = None;
    // (index in `out`, closed, transcript turn) of top-level quotes.
    let mut top: Vec<(usize, bool, bool)> = Vec::new();
    for (p, pair) in pairs.iter().enumerate() {
        let ot = open_tok[p];
        if ot >= n {
            continue;
        }
        let (ct, closed) = if close_tok[p] < n {
            (close_tok[p], true)
        } else {
            let mut k = ot + 1;
            while k < n && toks[k].start < pair.content.end {
                k += 1;
            }
            (k, false)
        };
        if pair.open.start < top_end {
            // Nested: its own entry when someone else is named saying it inside the outer
            // quote, or when double marks nest in double marks.
            if let Some((outer_open, outer_attr)) = top_attr {
                let outer_ent = outer_attr.and_then(|a| ents.mentions[a.mention].ent);
                let inner = nested(&cx, ents, pair, outer_open, ot, ct, outer_ent)
                    .or_else(|| inner_double(&cx, pair, outer_open, ot, ct));
                out.extend(inner.map(|f| headline_kind(f, head_end)));
            }
            continue;
        }
        top_end = pair.close.map_or(pair.content.end, |c| c.end);
        let at = place(&cx, prev, ot, ct, closed);
        let (found, attr) = top_level(&cx, ents, pairs, p, at, prev);
        let kind = found.kind;
        // A transcript turn is never carried into: the next turn is another speaker's.
        top.push((out.len(), closed, pair.label.is_some()));
        out.push(found);
        // A headline's speaker is not carried into the body.
        let kept = if matches!(kind, QuoteKind::Scare | QuoteKind::Headline) {
            None
        } else {
            attr
        };
        // A title or term in the attribution (“…,” X said on NBC's “Today.” “…”) does not
        // break the chain: the next quote continues the last attributed one.
        let title_between = kind == QuoteKind::Scare
            && prev.is_some_and(|q| q.attr.is_some() && cx.ss[q.close] == cx.ss[ot]);
        if !title_between {
            prev = Some(PrevQuote {
                pair: p,
                attr: kept,
                close: ct,
                direct: kind == QuoteKind::Direct,
            });
        }
        top_attr = Some((ot, kept));
    }
    carry_run_on(&mut out, &top);
    out
}

/// The stretch of the quote's sentence before it that is its own (after the previous quote
/// when that one closes in the same sentence).
fn place(cx: &Ctx, prev: Prev, ot: usize, ct: usize, closed: bool) -> Place {
    let ss = cx.ss[ot];
    let prev_close = prev.map(|q| q.close);
    let lo = match prev_close {
        Some(pc) if pc + 1 > ss && pc < ot => pc + 1,
        _ => ss,
    };
    let first_in_sentence = lo == ot && prev_close.map_or(true, |pc| pc < ss || pc >= ot);
    Place {
        ot,
        ct,
        closed,
        lo,
        first_in_sentence,
    }
}

/// Attribution, kind and speaker of the top-level quote of pair `p`.
fn top_level(
    cx: &Ctx,
    ents: &mut Entities,
    pairs: &[Pair],
    p: usize,
    at: Place,
    prev: Prev,
) -> (Found, Option<Attr>) {
    let pair = &pairs[p];
    let (mut attr, has_post, labelled) = find_attr(cx, ents, pairs, pair, prev, at);
    let headline = pair.open.start < cx.head_end;
    if headline && attr.is_none() {
        attr = headline_source(cx, ents, at);
    }
    let kind = if headline {
        QuoteKind::Headline
    } else if labelled {
        QuoteKind::Direct
    } else {
        classify(cx, pair, at, attr, has_post)
    };
    let (entity, mention, cue) = speaker(cx, ents, kind, attr);
    // A pronoun with a speech verb but no clear antecedent ("…,” they said) is still
    // reported speech, by nobody we can name.
    let unresolved = entity.is_none()
        && cue.is_some()
        && attr.is_some_and(|a| {
            matches!(
                ents.mentions[a.mention].kind,
                MKind::Pron { .. } | MKind::They
            )
        });
    // No speaker: the kind still comes from the quote's form. A set-off, sentence-like
    // quote is speech by someone we cannot name; short terms and titles are scare quotes.
    let kind = if entity.is_none() && !unresolved && !headline {
        form_kind(cx, pair, at)
    } else {
        kind
    };
    let named = entity.is_some() || unresolved;
    let found = Found {
        span: pair.content,
        kind,
        entity,
        mention: if named { mention } else { None },
        cue: if named { cue } else { None },
    };
    (found, attr)
}

/// A quote's content as its last sentence ends: trailing space and the closing marks of
/// quotes nested at its end dropped (“… ‘No.’” ends in "No."), so its stop can be read.
fn last_stop(content: &str) -> &str {
    content.trim_end().trim_end_matches(['’', '\'', '”', '"'])
}

/// The attribution of a top-level quote, nearest first: a transcript label, the cue after
/// the quote, the cue before it in its sentence, a paragraph that introduces it with a colon,
/// the quote it continues. Also whether the attribution after the quote was found, and
/// whether a transcript label gave it.
fn find_attr(
    cx: &Ctx,
    ents: &mut Entities,
    pairs: &[Pair],
    pair: &Pair,
    prev: Prev,
    at: Place,
) -> (Option<Attr>, bool, bool) {
    let Place {
        ot,
        ct,
        closed,
        lo,
        first_in_sentence,
    } = at;
    // “….” Trump said … starts a new sentence; “…?” he asked does not. So does “… ‘No.’” Trump
    // said: the period before a nested quote's closing mark.
    let ends_period = last_stop(pair.content.of(cx.text)).ends_with('.');
    let after_ok = closed && !(ends_period && cx.toks.get(ct + 1).is_some_and(|t| t.cap));
    let mut post = if after_ok {
        post_attr(cx, ents, ct + 1, ot == 0 || cx.para_break(ot))
    } else if closed && ends_period {
        tag_sentence::tag_sentence_attr(cx, ents, ct)
    } else {
        None
    };
    if post.is_none() && after_ok {
        // “…,” the moderator said / said a Nevada Democrat / I said: a source known by its
        // place next to the cue, whatever its head noun.
        post = slots::slot_source(cx, ents, ct + 1);
    }
    if post.is_none() && after_ok {
        // “…,” it said: an organisation or a document.
        post = it_source::it_said(cx, ents, ct + 1, ot);
    }
    // “…?” Lee then writes back, “…”: that cue opens the next quote (next_quote.rs).
    let own = next_quote::own_speaker(cx, ents, pairs, post.as_ref(), (lo, ot));
    // A transcript's turn ("“JONES: …"): the label names the speaker; its colon is the cue.
    let label = label_attr(cx, ents, pair, ot);
    let mut attr = label.or(own).or(post);
    if attr.is_none() {
        if let Some(a) = pre_attr(cx, ents, lo, ot, true) {
            // A cue already used after the previous quote only carries over to a
            // quote set off by a comma (“…,” Putin said of X, “and …”).
            let used = prev
                .and_then(|q| q.attr)
                .is_some_and(|pa| pa.from_post && pa.cue_tok.is_some() && pa.cue_tok == a.cue_tok);
            let comma = ot > 0 && cx.w(ot - 1) == ",";
            if !used || comma {
                attr = Some(a);
            }
        }
    }
    if attr.is_none() {
        // The harbor master said, “…”: a source known by its place before the cue.
        attr = slots::pre_slot_source(cx, ents, lo, ot, ct);
    }
    // A transcript turn whose label names nobody ("HOST:") takes no speaker from around it.
    if pair.label.is_some() {
        return (attr, post.is_some(), label.is_some());
    }
    if attr.is_none() {
        attr = introduced_attr(cx, ents, ot);
    }
    if attr.is_none() {
        attr = continued_attr(cx, ents, pairs, prev, ot, lo, first_in_sentence);
    }
    if attr.is_none() {
        attr = own_paragraph_attr(cx, pairs, pair, prev, at);
    }
    // No attribution near and no quote it continues: the speaker stays empty. (The subject
    // of an earlier sentence was right about one time in nine on unseen news; a wrong name
    // is worse than none.)
    (attr, post.is_some(), label.is_some())
}

/// The name of a transcript turn's speaker label right after the opening mark at `ot`.
fn label_attr(cx: &Ctx, ents: &Entities, pair: &Pair, ot: usize) -> Option<Attr> {
    let label = pair.label?;
    let k = ot + 1;
    if cx.toks.get(k)?.start != label.start {
        return None;
    }
    let m = ents.starting_at(k)?;
    let mm = &ents.mentions[m];
    let whole = cx.toks.get(mm.t1.checked_sub(1)?)?.end == label.end;
    (matches!(mm.kind, MKind::Name { .. }) && whole).then_some(Attr {
        mention: m,
        cue: Some(Span::new(label.end, label.end + 1)),
        cue_tok: None,
        from_post: false,
    })
}

/// A quote found inside another one, in the headline: a headline quote too.
fn headline_kind(f: Found, head_end: usize) -> Found {
    if f.span.start < head_end {
        Found {
            kind: QuoteKind::Headline,
            ..f
        }
    } else {
        f
    }
}

/// The token of each pair's opening and closing mark (`usize::MAX` when it has none).
fn quote_tokens(toks: &[Tok], pairs: &[Pair]) -> (Vec<usize>, Vec<usize>) {
    let mut open_tok = vec![usize::MAX; pairs.len()];
    let mut close_tok = vec![usize::MAX; pairs.len()];
    for (k, t) in toks.iter().enumerate() {
        match t.kind {
            Kind::Open(p) => open_tok[p] = k,
            Kind::Close(p) => close_tok[p] = k,
            _ => {}
        }
    }
    (open_tok, close_tok)
}

/// Entity, mention and cue of an attributed quote (none for a scare quote); a description
/// nobody is resolved to becomes an unnamed source.
fn speaker(
    cx: &Ctx,
    ents: &mut Entities,
    kind: QuoteKind,
    attr: Option<Attr>,
) -> (Option<usize>, Option<Span>, Option<Span>) {
    let (text, toks) = (cx.text, cx.toks);
    match (kind, attr) {
        (QuoteKind::Scare, _) | (_, None) => (None, None, None),
        (_, Some(a)) => {
            let described = a.mention;
            let a = Attr {
                mention: prefer_name(cx, ents, a.mention),
                ..a
            };
            let e = match ents.mentions[a.mention].ent {
                Some(e) => Some(e),
                None => match ents.mentions[a.mention].kind {
                    MKind::Desc { .. } => Some(ents.unnamed(text, a.mention, toks)),
                    _ => None,
                },
            };
            // "His press secretary, Jane Doe, said": the entity is the name's, and the mention
            // as written spans the description before it too (newsdev's speakers do).
            let span = with_of_phrase(cx, ents, a.mention);
            let span = match described != a.mention {
                true => Span::new(ents.mentions[described].span.start, span.end),
                false => match mention_span::description_before(cx, ents, a.mention) {
                    Some(d) => Span::new(toks[d].start, span.end),
                    None => span,
                },
            };
            (e, Some(span), a.cue)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The cue test's shortcut (a word without a cue flag is no cue, bar two phrase heads)
    /// answers as the lists: fails without the "to" cue flag or the phrase-head exceptions.
    #[test]
    fn cue_flags_refuse_only_words_the_lists_refuse() {
        let text = "Mayor Says Budget Will Pass, According To Aides\n\
            The plan, according to aides, made reference to the vote. \
            He referred to the “deal,” she said, and put it plainly: “No.” \
            Officials have made REFERENCE to it; Put it this way, the says’ of it, \
            they called it “odd,” he Said.\nTRUMP SAID NO, ACCORDING TO AIDES.";
        let pairs = super::super::marks::scan(text);
        let sentences = [Span::new(0, text.len())];
        let toks = super::super::tokens::tokenize(text, &pairs, &sentences);
        let head_end = text.find('\n').unwrap_or(0);
        let cx = Ctx {
            text,
            toks: &toks,
            ss: sentence_starts(text, &toks, &pairs),
            head_end,
        };
        let mut cues = Vec::new();
        for (k, t) in toks.iter().enumerate() {
            let opening = cx.ss.get(k) == Some(&k) && cx.w(k) == "According";
            let asked = t.kind == Kind::Word && (!t.cap || opening || t.start < head_end);
            let want = if asked { cx.cue_of(k, opening) } else { None };
            assert_eq!(cx.cue_at(k), want, "{}", cx.w(k));
            if want.is_some() {
                cues.push(cx.w(k));
            }
        }
        // The "to" flag is no word class: "ACCORDING" in a line in capitals keeps its capital
        // like any word outside the lists (a shouted list word loses it).
        let shouted = |w: &str| toks.iter().find(|t| cx.text[t.start..t.end] == *w);
        assert!(shouted("ACCORDING").is_some_and(|t| t.cap));
        assert!(shouted("SAID").is_some_and(|t| !t.cap));
        // Each way past the shortcut: a cue flag, the "to" flag, each phrase head.
        for w in ["said", "Says", "according", "referred", "reference", "put"] {
            assert!(cues.contains(&w), "{w}: {cues:?}");
        }
    }
}
