//! Attribution and kind of each quote: cue and mention after the quote (“…,” X said / said X),
//! before it in its sentence (X said: “…”), inherited from the quote it continues, or the
//! subject of the sentence before; then direct / partial / scare.

use super::entities::{desc_end, Entities, MKind};
use super::lexicon::*;
use super::marks::Pair;
use super::tokens::{lower, strip_poss, Kind, Tok};
use super::QuoteKind;
use crate::Span;

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
}

impl Ctx<'_> {
    fn w(&self, k: usize) -> &str {
        self.toks.get(k).map_or("", |t| &self.text[t.start..t.end])
    }
    fn lw(&self, k: usize) -> String {
        lower(self.w(k)).into_owned()
    }
    fn is_word(&self, k: usize) -> bool {
        self.toks.get(k).is_some_and(|t| t.kind == Kind::Word)
    }
    fn para_break(&self, k: usize) -> bool {
        self.toks.get(k).map_or(true, |t| t.nl_before)
    }
    /// A lower-case speech cue at `k`, with its span ("referred obliquely to" gives the span
    /// of the whole phrase). Returns (span, strong).
    fn cue_at(&self, k: usize) -> Option<(Span, bool)> {
        let t = self.toks.get(k)?;
        // "According to …" opens a sentence; other cues are lower case.
        let opening = self.ss.get(k) == Some(&k) && self.w(k) == "According";
        if t.kind != Kind::Word || (t.cap && !opening) {
            return None;
        }
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

fn sentence_starts(text: &str, toks: &[Tok], pairs: &[Pair]) -> Vec<usize> {
    let mut ss = Vec::with_capacity(toks.len());
    for k in 0..toks.len() {
        let new = k == 0 || toks[k].nl_before || {
            let p = &toks[k - 1];
            let pw = &text[p.start..p.end];
            let ends = matches!(pw, "." | "!" | "?" | "…");
            // “….” He said: a quote ending in . ! ? ends the sentence before a capital.
            let quote_end = match p.kind {
                Kind::Close(i) => {
                    pairs
                        .get(i)
                        .is_some_and(|q| q.content.of(text).trim_end().ends_with(['.', '!', '?']))
                        && (toks[k].cap || matches!(toks[k].kind, Kind::Open(_)))
                }
                _ => false,
            };
            ends || quote_end
        };
        ss.push(if new { k } else { ss[k - 1] });
    }
    ss
}

pub fn attribute(text: &str, toks: &[Tok], pairs: &[Pair], ents: &mut Entities) -> Vec<Found> {
    let n = toks.len();
    let mut open_tok = vec![usize::MAX; pairs.len()];
    let mut close_tok = vec![usize::MAX; pairs.len()];
    for (k, t) in toks.iter().enumerate() {
        match t.kind {
            Kind::Open(p) => open_tok[p] = k,
            Kind::Close(p) => close_tok[p] = k,
            _ => {}
        }
    }
    let cx = Ctx {
        text,
        toks,
        ss: sentence_starts(text, toks, pairs),
    };
    let mut out: Vec<Found> = Vec::new();
    // (pair index, attribution, close token, kind) of the previous top-level quote.
    let mut prev: Option<(usize, Option<Attr>, usize)> = None;
    let mut top_end = 0usize;
    let mut top_attr: Option<(usize, Option<Attr>)> = None;
    // (index in `out`, closed) of top-level quotes.
    let mut top: Vec<(usize, bool)> = Vec::new();
    for (p, pair) in pairs.iter().enumerate() {
        let ot = open_tok[p];
        if ot >= n {
            continue;
        }
        // End token: the closing mark, or the first token after a run-on segment.
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
            // Nested: its own entry only when attributed to someone else inside the outer quote.
            if let Some((outer_open, outer_attr)) = top_attr {
                let outer_ent = outer_attr.and_then(|a| ents.mentions[a.mention].ent);
                if let Some(f) = nested(&cx, ents, pair, outer_open, ot, ct, outer_ent) {
                    out.push(f);
                }
            }
            continue;
        }
        top_end = pair.close.map_or(pair.content.end, |c| c.end);
        let ss = cx.ss[ot];
        let prev_close = prev.map(|x| x.2);
        let lo = match prev_close {
            Some(pc) if pc + 1 > ss && pc < ot => pc + 1,
            _ => ss,
        };
        let first_in_sentence = lo == ot && prev_close.map_or(true, |pc| pc < ss || pc >= ot);

        // “….” Trump said … starts a new sentence; “…?” he asked does not.
        let ends_period = pair.content.of(text).trim_end().ends_with('.');
        let post = if closed && !(ends_period && toks.get(ct + 1).is_some_and(|t| t.cap)) {
            post_attr(&cx, ents, ct + 1, ot == 0 || cx.para_break(ot))
        } else {
            None
        };
        let mut attr = post;
        if attr.is_none() {
            if let Some(a) = pre_attr(&cx, ents, lo, ot) {
                // A cue already used after the previous quote only carries over to a
                // quote set off by a comma (“…,” Putin said of X, “and …”).
                let used = prev.and_then(|x| x.1).is_some_and(|pa| {
                    pa.from_post && pa.cue_tok.is_some() && pa.cue_tok == a.cue_tok
                });
                let comma = ot > 0 && cx.w(ot - 1) == ",";
                if !used || comma {
                    attr = Some(a);
                }
            }
        }
        if attr.is_none() {
            if let Some((pp, Some(pa), pc)) = prev {
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
                    match other_subject(&cx, ents, from, ot, pe) {
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
        }
        // No attribution near and no quote it continues: the speaker stays empty. (The subject
        // of an earlier sentence was right about one time in nine on unseen news; a wrong name
        // is worse than none.)

        let kind = classify(
            &cx,
            pair,
            lo,
            ot,
            ct,
            closed,
            first_in_sentence,
            attr,
            post.is_some(),
        );
        let (entity, mention, cue) = match (kind, attr) {
            (QuoteKind::Scare, _) | (_, None) => (None, None, None),
            (_, Some(a)) => {
                let a = Attr {
                    mention: prefer_name(&cx, ents, a.mention),
                    ..a
                };
                let e = match ents.mentions[a.mention].ent {
                    Some(e) => Some(e),
                    None => match ents.mentions[a.mention].kind {
                        MKind::Desc { .. } => Some(ents.unnamed(text, a.mention, toks)),
                        _ => None,
                    },
                };
                (e, Some(ents.mentions[a.mention].span), a.cue)
            }
        };
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
        let kind = if entity.is_none() && !unresolved {
            form_kind(&cx, pair, lo, ot, ct, closed, first_in_sentence)
        } else {
            kind
        };
        top.push((out.len(), closed));
        out.push(Found {
            span: pair.content,
            kind,
            entity,
            mention: if entity.is_some() || unresolved {
                mention
            } else {
                None
            },
            cue: if entity.is_some() || unresolved {
                cue
            } else {
                None
            },
        });
        let kept = if kind == QuoteKind::Scare { None } else { attr };
        prev = Some((p, kept, ct));
        top_attr = Some((ot, kept));
    }
    // A quote running over paragraphs is often attributed only at its end
    // ("“First …\n“… last,” she said."): earlier segments take that attribution.
    for w in (1..top.len()).rev() {
        let ((i, closed), (j, _)) = (top[w - 1], top[w]);
        if !closed && out[i].cue.is_none() && out[j].cue.is_some() {
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
    out
}

/// “…,” X said / “…,” said X / “…,” X, a …, said / “…” as X put it / according to X.
fn post_attr(cx: &Ctx, ents: &Entities, start: usize, line_initial: bool) -> Option<Attr> {
    let toks = cx.toks;
    let mut k = start;
    // A headline: ‘We were lied to’: families demand answers.
    if line_initial && cx.w(k) == ":" && !cx.para_break(k) {
        k += 1;
    }
    let mut dash = None;
    while k < toks.len()
        && matches!(cx.w(k), "," | "—" | "–" | "―" | "-" | "(")
        && !cx.para_break(k)
    {
        if cx.w(k) != "," && cx.w(k) != "(" {
            dash = Some(k);
        }
        k += 1;
    }
    if k >= toks.len() || cx.para_break(k) {
        return None;
    }
    // A sign-off: “…” — Jane Doe (pull quotes, bullets, epigraphs): the name ends the line.
    if let (Some(d), Some(m)) = (dash, ents.starting_at(k)) {
        let mm = &ents.mentions[m];
        let named = matches!(mm.kind, MKind::Name { .. }) && mm.ent.is_some();
        // The name ends its line, maybe with a full stop ("― Jane Doe."), or a comma follows.
        let last = cx.para_break(mm.t1)
            || matches!(cx.w(mm.t1), ",")
            || (cx.w(mm.t1) == "." && cx.para_break(mm.t1 + 1));
        if named && last && d + 1 == k {
            return Some(Attr {
                mention: m,
                cue: Some(Span::new(toks[d].start, toks[d].end)),
                cue_tok: Some(d),
                from_post: true,
            });
        }
    }
    let lk = cx.lw(k);
    // Inverted: said X.
    if let Some((cue, strong)) = cx.cue_at(k) {
        if !strong && lk != "according" {
            return None;
        }
        let mut j = k + 1;
        while j < toks.len() && toks[j].start < cue.end {
            j += 1;
        }
        return mention_after(cx, ents, j, lk == "according").map(|m| Attr {
            mention: m,
            cue: Some(cue),
            cue_tok: Some(k),
            from_post: true,
        });
    }
    let (mstart, as_form) = if lk == "as" {
        (k + 1, true)
    } else {
        (k, false)
    };
    // "owner Joe Russo said", "spokeswoman Jane Doe told": a lower-case role before the name.
    let mut mstart = mstart;
    while ents.starting_at(mstart).is_none()
        && mstart < k + 3
        && cx.toks.get(mstart).is_some_and(|t| {
            t.kind == Kind::Word && !t.cap && t.lex & (flag::ROLE | flag::TITLE) != 0
        })
        && !cx.para_break(mstart + 1)
    {
        mstart += 1;
    }
    let m = person_after_modifiers(cx, ents, ents.starting_at(mstart)?);
    let mut e = ents.mentions[m].t1;
    // "Mr. Morgan of the Sierra Club said", "Jane Doe from Akron said": the place or body
    // after the name is part of the source, not the subject.
    e = skip_of_phrase(cx, ents, e);
    // "X said", "X later told", "as X has put it"; or with an apposition, "X, a …, said", "a
    // senior official in the administration, Jane Doe, said".
    let mut appos = cx.w(e) == ",";
    if let MKind::Desc { .. } = ents.mentions[m].kind {
        if let Some(c) = desc_end(cx.text, toks, e) {
            e = c;
            appos = true;
        }
    }
    // "Sen. Jane Doe (D-Mo.) said", "Doe (R) said": a bracketed tag right after the name.
    e = skip_bracket_tag(cx, e);
    let limit = (e + 40).min(toks.len());
    let mut j = e;
    while j < limit {
        if j > e && cx.para_break(j) {
            return None;
        }
        let t = &toks[j];
        let w = cx.w(j);
        if matches!(t.kind, Kind::Open(_) | Kind::Close(_)) || matches!(w, "." | "!" | "?" | ";") {
            return None;
        }
        if let Some((cue, _)) = cx.cue_at(j) {
            let pl = if j > e { cx.lw(j - 1) } else { String::new() };
            let bridged = j == e || pl == "," || BRIDGE.contains(pl.as_str()) || ends_ly(&pl);
            if bridged {
                return Some(Attr {
                    mention: m,
                    cue: Some(cue),
                    cue_tok: Some(j),
                    from_post: true,
                });
            }
            if !appos {
                return None;
            }
        } else if !appos {
            let lw = cx.lw(j);
            let ok = BRIDGE.contains(lw.as_str()) || ends_ly(&lw) || (as_form && lw == "has");
            if !ok {
                return None;
            }
        }
        j += 1;
    }
    None
}

/// "White House press secretary Josh Earnest", "Tulsa police Chief Chuck Jordan": a name used
/// as a modifier, then role words, then the person's name; the person is the source.
fn person_after_modifiers(cx: &Ctx, ents: &Entities, m: usize) -> usize {
    let mm = &ents.mentions[m];
    if !matches!(mm.kind, MKind::Name { .. }) {
        return m;
    }
    let role = |k: usize| {
        cx.toks.get(k).is_some_and(|t| {
            t.kind == Kind::Word && t.lex & (flag::ROLE | flag::TITLE) != 0 && !cx.para_break(k)
        })
    };
    let mut k = mm.t1;
    while role(k) && k < mm.t1 + 4 {
        k += 1;
    }
    if k == mm.t1 {
        return m;
    }
    match ents.starting_at(k) {
        Some(n) if matches!(ents.mentions[n].kind, MKind::Name { .. }) => n,
        _ => m,
    }
}

/// The token after "of the Sierra Club" / "from Akron" following a name at `e`, or `e`.
fn skip_of_phrase(cx: &Ctx, ents: &Entities, e: usize) -> usize {
    if !matches!(cx.w(e), "of" | "from") || cx.para_break(e + 1) {
        return e;
    }
    let at = if cx.lw(e + 1) == "the" { e + 2 } else { e + 1 };
    match ents.starting_at(at) {
        Some(o) if !cx.para_break(at) => ents.mentions[o].t1,
        _ => e,
    }
}

/// The token after a short bracketed tag at `k` ("(D-Mo.)", "(R)", "(I-Vt.)"), or `k`.
fn skip_bracket_tag(cx: &Ctx, k: usize) -> usize {
    if cx.w(k) != "(" {
        return k;
    }
    for j in k + 1..(k + 6).min(cx.toks.len()) {
        if cx.para_break(j) || !matches!(cx.toks[j].kind, Kind::Word | Kind::Punct) {
            return k;
        }
        if cx.w(j) == ")" {
            return j + 1;
        }
    }
    k
}

/// "His press secretary, Karoline Leavitt, likened …": the name, not the description.
fn prefer_name(cx: &Ctx, ents: &Entities, m: usize) -> usize {
    let mm = &ents.mentions[m];
    if let Some(c) = matches!(mm.kind, MKind::Desc { .. })
        .then(|| desc_end(cx.text, cx.toks, mm.t1))
        .flatten()
    {
        if let Some(n) = ents.starting_at(c + 1) {
            let nm = &ents.mentions[n];
            if matches!(nm.kind, MKind::Name { .. }) && nm.ent.is_some() && nm.ent == mm.ent {
                return n;
            }
        }
    }
    m
}

fn ends_ly(w: &str) -> bool {
    w.len() > 4 && w.ends_with("ly")
}

/// The subject of the cue at `c`: the nearest mention to its left in the sentence that is not
/// an object or a possessive; else the mention right after it ("said X").
fn subject_of(cx: &Ctx, ents: &Entities, c: usize, cue_end: usize) -> Option<usize> {
    let floor = cx.ss[c];
    let mut k = c;
    // "X (D-Wash.), who chairs the committee, said" / "X, a fellow at AEI, said" / "Biden,
    // speaking at the White House, said" / "Smith, 45, of Akron, said": the subject is before
    // the parentheticals, not a name inside them.
    let mut close = c;
    for _ in 0..3 {
        if close <= floor + 1 || cx.w(close - 1) != "," {
            break;
        }
        let mut p = close - 1;
        while p > floor && p + 30 > close && cx.w(p - 1) != "," {
            p -= 1;
        }
        let inner = cx.lw(p);
        let parenthetical = matches!(inner.as_str(), "who" | "which" | "whose" | "of" | "from")
            || inner.starts_with(|ch: char| ch.is_ascii_digit())
            // A participle ("speaking at …"); not "-ed", which is as often the finite verb.
            || (inner.len() > 4 && inner.ends_with("ing"))
            || cx
                .toks
                .get(p)
                .is_some_and(|t| t.lex & (flag::DET | flag::ROLE | flag::TITLE) != 0);
        if !(p > floor + 1 && cx.w(p - 1) == "," && parenthetical) {
            break;
        }
        let mut b = p - 2;
        // Skip a party tag in brackets: "Maria Cantwell (D-Wash.)".
        if cx.w(b) == ")" {
            while b > floor && cx.w(b) != "(" && b + 6 > p {
                b -= 1;
            }
            b = b.saturating_sub(1);
        }
        if let Some(m) = ents.ending_at(b) {
            if !ents.mentions[m].in_quote {
                return Some(m);
            }
        }
        close = p - 1;
    }
    let mut steps = 0;
    while k > floor && steps < 45 {
        k -= 1;
        steps += 1;
        if let Some(m) = ents.ending_at(k) {
            let mm = &ents.mentions[m];
            if mm.in_quote {
                continue;
            }
            let possessive = strip_poss(cx.w(mm.t1 - 1)).1 && matches!(mm.kind, MKind::Name { .. });
            let object = mm.t0 > floor && PREPS.contains(cx.lw(mm.t0 - 1).as_str());
            if !possessive && !object {
                return Some(m);
            }
            k = mm.t0;
        }
    }
    let mut j = c + 1;
    while j < cx.toks.len() && cx.toks[j].start < cue_end {
        j += 1;
    }
    mention_after(cx, ents, j, cx.lw(c) == "according")
        .filter(|&m| cx.ss[ents.mentions[m].t0] == cx.ss[c])
}

/// The speaker named right after an inverted cue at token `j`: "said Jane Doe", "said
/// coach Mike Tomlin", "says Steelers coach Mike Tomlin", "said, simply, Smith"; after
/// "according to" also the source of a document ("according to a statement from the
/// company").
fn mention_after(cx: &Ctx, ents: &Entities, j: usize, source: bool) -> Option<usize> {
    let role = |k: usize| {
        cx.toks.get(k).is_some_and(|t| {
            t.kind == Kind::Word && !t.cap && t.lex & (flag::ROLE | flag::TITLE) != 0
        })
    };
    let mut at = j;
    while at < cx.toks.len() && at < j + 6 && !cx.para_break(at) {
        if let Some(m) = ents.starting_at(at) {
            let mm = &ents.mentions[m];
            // "according to a statement from the company": the source is the company.
            let from = matches!(cx.lw(mm.t1).as_str(), "from" | "by" | "of");
            if source && from && matches!(mm.kind, MKind::Desc { .. }) && !cx.para_break(mm.t1) {
                at = mm.t1;
                continue;
            }
            // An attributive name before a role and the person's name: "Steelers coach X".
            let mut k = mm.t1;
            while role(k) && k < mm.t1 + 3 {
                k += 1;
            }
            if k > mm.t1 && matches!(mm.kind, MKind::Name { .. }) {
                if let Some(n) = ents.starting_at(k) {
                    if matches!(ents.mentions[n].kind, MKind::Name { .. }) {
                        return Some(n);
                    }
                }
            }
            return Some(m);
        }
        let w = cx.lw(at);
        let skip = role(at)
            || (at == j && ends_ly(&w))
            || (source
                && cx.is_word(at)
                && matches!(
                    w.as_str(),
                    "a" | "an"
                        | "the"
                        | "statement"
                        | "statements"
                        | "report"
                        | "filing"
                        | "filings"
                        | "documents"
                        | "document"
                        | "release"
                        | "post"
                        | "letter"
                        | "email"
                        | "from"
                        | "by"
                        | "of"
                        | "news"
                        | "press"
                        | "written"
                        | "court"
                        | "records"
                        | "data"
                        | "figures"
                        | "memo"
                        | "spokesperson"
                        | "spokesman"
                        | "spokeswoman"
                        | "for"
                ));
        if !skip {
            return None;
        }
        at += 1;
    }
    None
}

/// X said: “…” / X told reporters, “…” / X said that he “…”: the rightmost reporting verb in
/// the stretch before the quote (a weak one like "called" only when there is no other).
fn pre_attr(cx: &Ctx, ents: &Entities, lo: usize, ot: usize) -> Option<Attr> {
    let mut strong = None;
    let mut weak = None;
    let mut k = ot;
    while k > lo {
        k -= 1;
        if ents.ending_at(k).is_some_and(|m| ents.mentions[m].in_quote) {
            continue;
        }
        if let Some((cue, s)) = cx.cue_at(k) {
            if s {
                strong = Some((k, cue));
                break;
            } else if weak.is_none() {
                weak = Some((k, cue));
            }
        }
    }
    if let Some((c, cue)) = strong.or(weak) {
        if let Some(m) = subject_of(cx, ents, c, cue.end) {
            return Some(Attr {
                mention: m,
                cue: Some(cue),
                cue_tok: Some(c),
                from_post: false,
            });
        }
    }
    // Trump on Putin: “…” — a colon with a speaker before it.
    if ot > lo && cx.w(ot - 1) == ":" {
        let colon = &cx.toks[ot - 1];
        if let Some(m) = subject_of(cx, ents, ot - 1, colon.end) {
            return Some(Attr {
                mention: m,
                cue: Some(Span::new(colon.start, colon.end)),
                cue_tok: Some(ot - 1),
                from_post: false,
            });
        }
    }
    None
}

/// A subject mention of a person other than `not` in [from, to), the last one.
fn other_subject(
    cx: &Ctx,
    ents: &Entities,
    from: usize,
    to: usize,
    not: Option<usize>,
) -> Option<usize> {
    let mut k = to;
    while k > from {
        k -= 1;
        if let Some(m) = ents.ending_at(k) {
            let mm = &ents.mentions[m];
            if mm.in_quote || !mm.subject {
                continue;
            }
            let Some(e) = mm.ent else { continue };
            if !ents.ents[e].person {
                continue;
            }
            if not.is_some() && Some(e) == not {
                return None;
            }
            let _ = cx;
            return Some(m);
        }
    }
    None
}

fn is_det(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "a"
            | "an"
            | "this"
            | "that"
            | "these"
            | "those"
            | "my"
            | "our"
            | "your"
            | "his"
            | "her"
            | "their"
            | "its"
            | "many"
            | "some"
            | "most"
            | "all"
            | "both"
            | "every"
            | "each"
            | "no"
            | "any"
    )
}

fn contraction_clause(w: &str) -> bool {
    for ap in ['’', '\''] {
        if let Some((a, b)) = w.split_once(ap) {
            if SUBJ_PRONOUNS.contains(a) && matches!(b, "s" | "m" | "re" | "ve" | "ll" | "d") {
                return true;
            }
        }
    }
    false
}

/// Does the quoted text hold a clause (subject + finite verb)?
fn is_clause(cx: &Ctx, from: usize, to: usize) -> bool {
    let words: Vec<(String, bool)> = (from..to)
        .filter(|&k| cx.is_word(k))
        .take(60)
        .map(|k| (cx.lw(k), cx.toks[k].cap))
        .collect();
    let n = words.len();
    let finite = |i: usize, loose_ed: bool, base: bool| -> bool {
        let Some((w, _)) = words.get(i) else {
            return false;
        };
        let not_last = i + 1 < n;
        FINITE.contains(w.as_str())
            || (base && BASE_VERBS.contains(w.as_str()))
            || w.ends_with("n’t")
            || w.ends_with("n't")
            || (loose_ed && w.len() > 3 && w.ends_with("ed"))
            || (not_last
                && w.len() > 3
                && w.ends_with('s')
                && !w.ends_with("ss")
                && !w.ends_with("us"))
    };
    let adverb = |i: usize| {
        words.get(i).is_some_and(|(w, _)| {
            ends_ly(w)
                || matches!(
                    w.as_str(),
                    "not" | "also" | "just" | "still" | "never" | "always" | "really" | "all"
                )
        })
    };
    for i in 0..n {
        let (w, cap) = &words[i];
        if contraction_clause(w) {
            return true;
        }
        let pron = SUBJ_PRONOUNS.contains(w.as_str());
        if pron || (*cap && i > 0) || (*cap && !FINITE.contains(w.as_str())) {
            let next = if adverb(i + 1) { i + 2 } else { i + 1 };
            let base = matches!(w.as_str(), "i" | "we" | "you" | "they");
            if finite(next, true, base) {
                return true;
            }
        }
        if is_det(w) {
            for (j, (wj, _)) in words.iter().enumerate().take((i + 5).min(n)).skip(i + 2) {
                if finite(j, false, false) {
                    return true;
                }
                if is_det(wj) {
                    break;
                }
            }
        }
    }
    false
}

#[allow(clippy::too_many_arguments)]
fn classify(
    cx: &Ctx,
    pair: &Pair,
    lo: usize,
    ot: usize,
    ct: usize,
    closed: bool,
    first_in_sentence: bool,
    attr: Option<Attr>,
    has_post: bool,
) -> QuoteKind {
    let Some(a) = attr else {
        return QuoteKind::Scare;
    };
    let before = (ot > lo || (ot > 0 && cx.ss[ot] < ot)).then(|| ot - 1);
    let bw = before.map(|b| cx.lw(b)).unwrap_or_default();
    let set_off = first_in_sentence
        || bw == ":"
        || (bw == "," && a.cue_tok.is_some_and(|c| c < ot) && !a.from_post)
        || (bw == "," && a.from_post && has_post)
        || (bw == "," && a.cue_tok.is_some_and(|c| c < ot));
    if !set_off && scare_like(cx, pair, ot, ct, before, &bw) {
        return QuoteKind::Scare;
    }
    if first_in_sentence {
        return QuoteKind::Direct;
    }
    // Does the writer's sentence go on after the closing mark?
    let ends_sentence = pair
        .content
        .of(cx.text)
        .trim_end()
        .ends_with(['.', '!', '?']);
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
fn form_kind(
    cx: &Ctx,
    pair: &Pair,
    lo: usize,
    ot: usize,
    ct: usize,
    closed: bool,
    first_in_sentence: bool,
) -> QuoteKind {
    let before = (ot > lo || (ot > 0 && cx.ss[ot] < ot)).then(|| ot - 1);
    let bw = before.map(|b| cx.lw(b)).unwrap_or_default();
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
    let small = |w: &str| {
        matches!(
            w,
            "of" | "the" | "a" | "an" | "and" | "in" | "on" | "to" | "for" | "at" | "by" | "or"
        )
    };
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
fn nested(
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
