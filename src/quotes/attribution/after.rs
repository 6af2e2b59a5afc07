//! Attribution after the quote: “…,” X said / said X / according to X, and finding the
//! speaker mention around an inverted or trailing cue.

use super::*;

/// “…,” X said / “…,” said X / “…,” X, a …, said / “…” as X put it / according to X.
pub(super) fn post_attr(
    cx: &Ctx,
    ents: &Entities,
    start: usize,
    line_initial: bool,
) -> Option<Attr> {
    let toks = cx.toks;
    let mut k = start;
    // A headline: ‘We were lied to’: families demand answers.
    if line_initial && cx.w(k) == ":" && !cx.para_break(k) {
        k += 1;
    }
    // A sign-off on the line after a quote that is its own paragraph: “…”⏎⏎— Jane Doe.
    if line_initial
        && k + 1 < toks.len()
        && cx.para_break(k)
        && matches!(cx.w(k), "—" | "–" | "―" | "-")
    {
        return sign_off(cx, ents, Some(k), k + 1);
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
    if let Some(a) = sign_off(cx, ents, dash, k) {
        return Some(a);
    }
    let lk = cx.lw(k);
    // Inverted: said X.
    if let Some((cue, strong)) = cx.cue_at(k) {
        if !strong && lk != "according" {
            return None;
        }
        let j = cx.after_cue(k, cue.end);
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
    let m = match ents.starting_at(mstart) {
        // "Democratic pollster Jane Doe said", "Senate minority leader Jane Doe said": the
        // run of describing words opens with a mention of its own (a description, a name used
        // as a modifier); the person is the name that ends the run.
        Some(m) => match person_after_modifiers(cx, ents, m) {
            p if p == m => modified_name(cx, ents, mstart).unwrap_or(m),
            p => p,
        },
        // "town council clerk Jane Doe said", "Democratic pollster Jane Doe said".
        None => modified_name(cx, ents, mstart)?,
    };
    let mut e = ents.mentions[m].t1;
    // "Mr. Morgan of the Sierra Club said", "Jane Doe from Akron said": the place or body
    // after the name is part of the source, not the subject.
    e = skip_of_phrase(cx, ents, e);
    // "Jane Doe and John Roe wrote": two speakers before one cue.
    if let Some(n) = super::mention_span::joint_name(cx, ents, e) {
        e = ents.mentions[n].t1;
    }
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
    // "Rep. Jane Doe (R-Ohio), a panel member, said": the apposition after the tag.
    appos |= cx.w(e) == ",";
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
            let pl = if j > e {
                cx.lw(j - 1)
            } else {
                Default::default()
            };
            let bridged = j == e || pl == "," || BRIDGE.contains(pl.as_str()) || ends_ly(&pl);
            if bridged || unclosed_apposition(cx, ents, e, j) {
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

/// "“…,” Jane Doe, who chairs the panel said", "Jane Doe, the group's founder told CNN",
/// "another friend, Jane Doe told CNN": an apposition from the comma at `e` whose closing comma
/// is missing runs up to the cue at `j`. It opens with "who", a determiner or a name that
/// ends right before the cue; no comma inside; the word before the cue ends a noun phrase (not
/// a function word: "who said", "the group that said" are the apposition's own cues).
fn unclosed_apposition(cx: &Ctx, ents: &Entities, e: usize, j: usize) -> bool {
    if cx.w(e) != "," || j < e + 3 || (e + 1..j).any(|k| cx.w(k) == "," || cx.para_break(k)) {
        return false;
    }
    if !cx.cue_at(j).is_some_and(|(_, strong)| strong) {
        return false;
    }
    let opens = cx.lw(e + 1) == "who"
        || cx.toks[e + 1].lex & flag::DET != 0
        || ents.starting_at(e + 1).is_some_and(|n| {
            matches!(ents.mentions[n].kind, MKind::Name { .. }) && ents.mentions[n].t1 == j
        });
    let before = &cx.toks[j - 1];
    let noun_end = before.kind == Kind::Word
        && before.lex & (flag::STOP | flag::DET | flag::PREP | flag::BRIDGE | flag::CUE) == 0
        && !matches!(cx.lw(j - 1).as_str(), "who" | "which" | "that");
    opens && noun_end
}

/// The mention at `k` when it is a sign-off right after the dash at `dash`.
fn sign_off(cx: &Ctx, ents: &Entities, dash: Option<usize>, k: usize) -> Option<Attr> {
    let toks = cx.toks;
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
    // The role words end where the person's name starts, titles included ("police Chief
    // Jane Doe": "Chief" opens the name's mention).
    let name_at = |k: usize| {
        ents.starting_at(k)
            .is_some_and(|n| matches!(ents.mentions[n].kind, MKind::Name { .. }))
    };
    let mut k = mm.t1;
    while role(k) && !name_at(k) && k < mm.t1 + 4 {
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
        Some(o) if !cx.para_break(at) => {
            let t1 = super::mention_span::body_name_tail(cx, ents.mentions[o].t1);
            // "… of the Ohio delegation said".
            super::mention_span::common_noun_tail(cx, t1).unwrap_or(t1)
        }
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
pub(super) fn prefer_name(cx: &Ctx, ents: &Entities, m: usize) -> usize {
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

pub(super) fn ends_ly(w: &str) -> bool {
    w.len() > 4 && w.ends_with("ly")
}

/// The speaker named right after an inverted cue at token `j`: "said Jane Doe", "said
/// coach Mike Tomlin", "says Steelers coach Mike Tomlin", "said, simply, Smith"; after
/// "according to" also the source of a document ("according to a statement from the
/// company").
pub(super) fn mention_after(cx: &Ctx, ents: &Entities, j: usize, source: bool) -> Option<usize> {
    let role = |k: usize| {
        cx.toks.get(k).is_some_and(|t| {
            t.kind == Kind::Word && !t.cap && t.lex & (flag::ROLE | flag::TITLE) != 0
        })
    };
    // "said council clerk Jane Doe", "said the retired banker Jane Doe": the name after the
    // words that describe her.
    if let Some(n) = modified_name(cx, ents, j) {
        return Some(n);
    }
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
            while role(k) && ents.starting_at(k).is_none() && k < mm.t1 + 3 {
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

/// A word that can describe the person named after it ("council", "clerk", "retired",
/// "Democratic"): no function word, verb, pronoun or adverb.
pub(super) fn modifier_word(cx: &Ctx, k: usize) -> bool {
    let Some(t) = cx.toks.get(k) else {
        return false;
    };
    if t.kind != Kind::Word || cx.para_break(k) {
        return false;
    }
    if t.cap {
        return true;
    }
    let not = flag::PREP
        | flag::CUE
        | flag::BRIDGE
        | flag::VERBISH
        | flag::DESC_STOP
        | flag::DET
        | flag::BASE
        | flag::HE
        | flag::SHE
        | flag::THEY;
    let lw = cx.lw(k);
    t.lex & not == 0
        && !ends_ly(&lw)
        && !SUBJ_PRONOUNS.contains(lw.as_str())
        && !NOT_MODIFIERS.contains(lw.as_str())
}

/// The name right after a short run of describing words from `j` ("council clerk Jane Doe",
/// "the retired banker Jane Doe", "Tulsa police Chief Jane Doe"), when the name ends the
/// source (a comma, full stop, bracket, "of", "who", a cue follows). At least one describing
/// word; a pronoun or any other word in the run means it is no such source.
fn modified_name(cx: &Ctx, ents: &Entities, j: usize) -> Option<usize> {
    let mut k = j;
    if matches!(cx.lw(k).as_str(), "the" | "a" | "an") {
        k += 1;
    }
    let mut words = 0;
    // Up to six describing words: "the campaign's top foreign policy aide Jane Doe".
    while words < 6 && k < cx.toks.len() && !cx.para_break(k) {
        if let Some(m) = ents.starting_at(k) {
            let mm = &ents.mentions[m];
            match mm.kind {
                MKind::Name { .. } => {
                    let person = mm.ent.map_or(true, |e| ents.ents[e].person);
                    if words > 0 && person && source_ends(cx, mm.t1) {
                        return Some(m);
                    }
                    // A name used as a modifier: "White House press secretary …".
                    k = mm.t1;
                }
                MKind::Desc { .. } => k += 1,
                _ => return None,
            }
        } else if modifier_word(cx, k) {
            k += 1;
        } else {
            return None;
        }
        words += 1;
    }
    None
}

/// Conjunctions that end a source after an inverted cue ("Jane Doe when asked").
static SOURCE_END_CONJUNCTIONS: once_cell::sync::Lazy<crate::lexicon::WordSet> =
    once_cell::sync::Lazy::new(|| {
        crate::lexicon::set_of(
            crate::lexicon::files::QUOTE_CONTEXT,
            &["source_end_conjunction"],
        )
    });

/// Does the source end before token `t`?
fn source_ends(cx: &Ctx, t: usize) -> bool {
    if t >= cx.toks.len() || cx.para_break(t) {
        return true;
    }
    let lw = cx.lw(t);
    matches!(
        lw.as_str(),
        "," | "." | "(" | ";" | ":" | "—" | "–" | "―" | "-" | "who" | "of" | "from" | "!" | "?"
    ) || cx.cue_at(t).is_some()
        || BRIDGE.contains(lw.as_str())
        || ends_ly(&lw)
        // "said council clerk Jane Doe when asked", "… Jane Doe in a statement".
        || SOURCE_END_CONJUNCTIONS.contains(lw.as_str())
        || cx.toks[t].lex & flag::PREP != 0
}

#[cfg(test)]
mod tests {
    use crate::quotes::analyze;

    #[test]
    fn role_words_end_where_the_titled_name_starts() {
        for text in [
            "“The dam will hold,” Dayton police Chief Lena Ruiz said Monday.",
            "“The dam will hold,” said Dayton police Chief Lena Ruiz.",
        ] {
            let a = analyze(text, &crate::segment::split(text));
            let q = &a.quotes[0];
            assert_eq!(q.speaker.as_deref(), Some("Lena Ruiz"), "{text}");
            assert_eq!(q.mention.map(|m| m.of(text)), Some("Chief Lena Ruiz"));
        }
    }
}
