//! Descriptions attached to a name by apposition (", a senior Pentagon official,") and
//! the noun-phrase tests they rely on.

use super::*;

/// ", a senior Pentagon official …," after a name, and "His press secretary, Karoline
/// Leavitt," before one: descriptions of the person. `start_of` is the mention starting at
/// each token (`NONE` for none), the index [`Entities`] keeps: this pass moves no mention.
pub(super) fn appositions(
    text: &str,
    toks: &[Tok],
    mentions: &mut [Mention],
    ents: &mut [Entity],
    start_of: &[u32],
) {
    let at = |t: usize| start_of.get(t).filter(|&&m| m != NONE).map(|&m| m as usize);
    for k in 0..mentions.len() {
        let m = &mentions[k];
        if m.in_quote {
            continue;
        }
        let Some(e) = m.ent else {
            // "His press secretary, Karoline Leavitt," / "a senior official in the Biden
            // administration, Jane Doe, said": the description is the name's.
            if let MKind::Desc { head, .. } = m.kind {
                if toks[head].lex & flag::PLURAL != 0 || !np_slot(text, toks, m.t0) {
                    continue;
                }
                let Some(c) = desc_end(text, toks, m.t1) else {
                    continue;
                };
                let named = at(c + 1).filter(|&n| {
                    let nm = &mentions[n];
                    matches!(nm.kind, MKind::Name { .. })
                        && joined(toks, c, c + 1)
                        && toks.get(nm.t1).is_some_and(|t| {
                            let w = word(text, t);
                            matches!(w, "," | "." | ";" | "!" | "?")
                                || (t.kind == Kind::Word
                                    && !t.cap
                                    && (t.lex & (flag::CUE | flag::VERBISH) != 0 || ends_ed(w)))
                        })
                });
                if let Some(ne) = named.and_then(|n| mentions[n].ent) {
                    let span = Span::new(m.span.start, toks[c - 1].end);
                    mentions[k].ent = Some(ne);
                    ents[ne].descriptions.push(span);
                    ents[ne].person = true;
                }
            }
            continue;
        };
        if !matches!(m.kind, MKind::Name { .. }) || !ents[e].person {
            continue;
        }
        let c = m.t1;
        if !toks.get(c).is_some_and(|t| word(text, t) == ",") {
            continue;
        }
        let Some(first) = toks.get(c + 1) else {
            continue;
        };
        if first.kind != Kind::Word || !joined(toks, c, c + 1) {
            continue;
        }
        let lf = lower(word(text, first));
        let np_start = first.cap
            || matches!(
                lf.as_ref(),
                "a" | "an" | "the" | "his" | "her" | "former" | "then"
            )
            || ROLE_HEADS.contains(lf.as_ref())
            || TITLES.contains(lf.as_ref());
        if !np_start || CUES.contains(lf.as_ref()) {
            continue;
        }
        // "Trump, Secretary of State Marco Rubio and …": a list of people, not a description.
        if let Some(n) = at(c + 1) {
            let nm = &mentions[n];
            let other_person = nm.ent.is_some_and(|x| x != e && ents[x].person);
            let list = toks.get(nm.t1).map_or(true, |t| {
                matches!(word(text, t), "," | "and" | "or" | "&" | "." | ";")
            });
            if matches!(
                nm.kind,
                MKind::Name { .. } | MKind::Pron { .. } | MKind::They
            ) && (other_person || list)
            {
                continue;
            }
        }
        let mut j = c + 1;
        let mut end = None;
        while j < toks.len() && j < c + 26 && joined(toks, c, j) {
            let t = &toks[j];
            let w = word(text, t);
            if matches!(w, "," | "." | ";" | ")" | "(" | ":")
                || matches!(t.kind, Kind::Open(_) | Kind::Close(_))
            {
                end = Some(j);
                break;
            }
            if t.kind == Kind::Word && CUES.contains(lower(w).as_ref()) {
                break;
            }
            j += 1;
        }
        if let Some(end) = end {
            if end > c + 1 && !has_finite_verb(text, toks, c + 1, end) {
                // Party tags ("D-Conn.") are not descriptions.
                let span = Span::new(toks[c + 1].start, toks[end - 1].end);
                let s = span.of(text);
                let tag = s.len() <= 8 && s.contains('-') && !s.contains(' ');
                if !tag {
                    ents[e].descriptions.push(span);
                    for t in &toks[c + 1..end] {
                        if let Some(ck) = t.cap.then(|| country_key(word(text, t))).flatten() {
                            if !ents[e].countries.contains(&ck) {
                                ents[e].countries.push(ck);
                            }
                        }
                    }
                }
            }
        }
    }
}

/// A noun phrase can stand at `t0` as a subject or an inverted speaker: sentence start, after
/// a comma, a conjunction, a dash or a speech verb; not the object of a preposition or a verb
/// ("After meeting the president, Putin said").
fn np_slot(text: &str, toks: &[Tok], t0: usize) -> bool {
    if t0 == 0 || !joined(toks, t0 - 1, t0) {
        return true;
    }
    let p = &toks[t0 - 1];
    if p.sent != toks[t0].sent {
        return true;
    }
    let w = word(text, p);
    match p.kind {
        Kind::Word => {
            p.lex & flag::CUE != 0
                || matches!(
                    lower(w).as_ref(),
                    "and" | "but" | "while" | "whereas" | "so"
                )
        }
        Kind::Close(_) => true,
        Kind::Open(_) => false,
        Kind::Punct => matches!(w, "," | "—" | "–" | ";" | ":" | "(" | "." | "!" | "?"),
    }
}

/// The comma that closes a description whose head ends at `t1`, after an optional
/// prepositional phrase ("a senior official in the Biden administration,").
pub fn desc_end(text: &str, toks: &[Tok], t1: usize) -> Option<usize> {
    let is_comma = |k: usize| toks.get(k).is_some_and(|t| word(text, t) == ",");
    if is_comma(t1) {
        return Some(t1);
    }
    if let Some(c) = role_run_end(text, toks, t1) {
        return Some(c);
    }
    let prep = toks
        .get(t1)
        .is_some_and(|t| DESCRIPTION_PREPS.contains(word(text, t)));
    if !prep {
        return None;
    }
    let mut k = t1 + 1;
    while k < toks.len() && k <= t1 + 8 && joined(toks, t1, k) {
        let t = &toks[k];
        if is_comma(k) {
            return Some(k);
        }
        if t.kind != Kind::Word || t.lex & (flag::CUE | flag::VERBISH) != 0 {
            return None;
        }
        k += 1;
    }
    None
}

/// "the firm's chief human resources executive,": the description's head was taken at a
/// role word ("chief") that only modifies a longer title; the lower-case words after it up
/// to a role noun right before a comma belong to it. The comma at the end, if any.
fn role_run_end(text: &str, toks: &[Tok], t1: usize) -> Option<usize> {
    let mut k = t1;
    while k < toks.len() && k < t1 + 4 && joined(toks, t1.saturating_sub(1), k) {
        let t = &toks[k];
        let plain = t.kind == Kind::Word
            && !t.cap
            && t.lex & (flag::CUE | flag::VERBISH | flag::PREP | flag::DET | flag::POSS) == 0;
        if !plain {
            return None;
        }
        let comma = toks.get(k + 1).is_some_and(|c| word(text, c) == ",");
        if comma && t.lex & flag::ROLE != 0 && t.lex & flag::PLURAL == 0 {
            return Some(k + 1);
        }
        k += 1;
    }
    None
}

/// A finite verb outside a relative clause in [a, b): "Steve Witkoff represented the
/// delegation" is a clause, "a lawyer based in Ohio who once …" a noun phrase.
fn has_finite_verb(text: &str, toks: &[Tok], a: usize, b: usize) -> bool {
    for k in a..b.min(toks.len()) {
        let t = &toks[k];
        if t.kind != Kind::Word {
            continue;
        }
        let w = lower(word(text, t));
        if matches!(
            w.as_ref(),
            "who" | "which" | "that" | "whose" | "whom" | "where" | "when"
        ) {
            return false;
        }
        if FINITE.contains(w.as_ref())
            || (t.lex & flag::VERBISH != 0 && !ADVERBS.contains(w.as_ref()))
            || t.lex & (flag::HE | flag::SHE | flag::THEY) != 0
        {
            return true;
        }
        if ends_ed(&w) && k > a {
            let p = &toks[k - 1];
            let pw = lower(word(text, p));
            let adjectival = p.lex & (flag::DET | flag::POSS) != 0
                || ends_ly(&pw)
                || matches!(pw.as_ref(), "," | "and" | "or" | "former" | "most" | "well")
                || p.kind != Kind::Word;
            let participle = toks.get(k + 1).is_some_and(|n| n.lex & flag::PREP != 0);
            if !adjectival && !participle {
                return true;
            }
        }
    }
    false
}
