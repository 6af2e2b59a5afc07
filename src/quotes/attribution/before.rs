//! Attribution before the quote in its sentence (X said: “…”), other subjects in a stretch,
//! and whether quoted words hold a clause.

use super::*;
use std::ops::Deref;

/// X said: “…” / X told reporters, “…” / X said that he “…”: the rightmost reporting verb in
/// the stretch before the quote (a weak one like "called" only when there is no other). With
/// `colon_cue`, a colon right before the quote is a cue of its own ("Trump on Putin: “…”").
pub(super) fn pre_attr(
    cx: &Ctx,
    ents: &Entities,
    lo: usize,
    ot: usize,
    colon_cue: bool,
) -> Option<Attr> {
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
    if colon_cue && ot > lo && cx.w(ot - 1) == ":" {
        return colon_source(cx, ents, ot - 1);
    }
    None
}

/// The speaker before the colon at `c`, the colon being the cue: "Trump on Putin:". After
/// the medium of a statement ("Jane Doe issued the following statement:") the subject of the
/// verb, not the statement.
pub(super) fn colon_source(cx: &Ctx, ents: &Entities, c: usize) -> Option<Attr> {
    let colon = cx.toks.get(c)?;
    let before = c.checked_sub(1)?;
    let medium = crate::lexicon::reported::MEDIA.contains(cx.lw(before).as_str());
    let from = match ents.ending_at(before) {
        Some(m) if medium => {
            // "issued the following statement:", not "part of the interview:".
            let t0 = ents.mentions[m].t0;
            let verb = t0.checked_sub(1).is_some_and(|v| {
                cx.is_word(v) && !cx.toks[v].cap && !PREPS.contains(cx.lw(v).as_str())
            });
            if !verb {
                return None;
            }
            t0
        }
        _ => c,
    };
    let m = subject_of(cx, ents, from, colon.end).filter(|&m| ents.mentions[m].t1 <= from)?;
    Some(Attr {
        mention: m,
        cue: Some(Span::new(colon.start, colon.end)),
        cue_tok: Some(c),
        from_post: false,
    })
}

/// A subject mention of a person other than `not` in [from, to), the last one.
pub(super) fn other_subject(
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
    // Asked of every word of a quote: a word with no apostrophe (no `'`, no first byte of
    // `’`) is refused on its bytes, without the two char searches.
    if !w.bytes().any(|b| b == b'\'' || b == 0xE2) {
        return false;
    }
    for ap in ['’', '\''] {
        if let Some((a, b)) = w.split_once(ap) {
            if SUBJ_PRONOUNS.contains(a) && matches!(b, "s" | "m" | "re" | "ve" | "ll" | "d") {
                return true;
            }
        }
    }
    false
}

/// A word's lower-case form, borrowed from the text when the word is one already (most words
/// of a quote: no copy), else inline ([`lower_inline`]: no allocation for a capitalised word).
enum Lower<'a> {
    Same(&'a str),
    Inline(CompactString),
}

impl<'a> Lower<'a> {
    fn of(w: &'a str) -> Self {
        if w.is_ascii() && !w.bytes().any(|b| b.is_ascii_uppercase()) {
            Lower::Same(w)
        } else {
            Lower::Inline(lower_inline(w))
        }
    }
}

impl Deref for Lower<'_> {
    type Target = str;
    fn deref(&self) -> &str {
        match self {
            Lower::Same(w) => w,
            Lower::Inline(l) => l,
        }
    }
}

/// Does the quoted text hold a clause (subject + finite verb)?
pub(super) fn is_clause(cx: &Ctx, from: usize, to: usize) -> bool {
    // Sized for the span at once: collected from a filter, the vector would grow step by step.
    let mut words: Vec<(Lower, bool)> = Vec::with_capacity(to.saturating_sub(from).min(60));
    words.extend(
        (from..to)
            .filter(|&k| cx.is_word(k))
            .take(60)
            .map(|k| (Lower::of(cx.w(k)), cx.toks[k].cap)),
    );
    let n = words.len();
    let finite = |i: usize, loose_ed: bool, base: bool| -> bool {
        let Some((w, _)) = words.get(i) else {
            return false;
        };
        let not_last = i + 1 < n;
        FINITE.contains(&**w)
            || (base && BASE_VERBS.contains(&**w))
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
        words
            .get(i)
            .is_some_and(|(w, _)| ends_ly(w) || CLAUSE_ADVERBS.contains(&**w))
    };
    for i in 0..n {
        let (w, cap) = &words[i];
        if contraction_clause(w) {
            return true;
        }
        let pron = SUBJ_PRONOUNS.contains(&**w);
        if pron || (*cap && i > 0) || (*cap && !FINITE.contains(&**w)) {
            let next = if adverb(i + 1) { i + 2 } else { i + 1 };
            let base = matches!(&**w, "i" | "we" | "you" | "they");
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

#[cfg(test)]
mod tests {
    use super::*;

    /// A word's [`Lower`] form is its `to_lowercase`, borrowed only when already lower case.
    #[test]
    fn lower_forms_as_to_lowercase() {
        for w in [
            "said", "He", "NATO", "don’t", "Émile", "o'neill", "ÉTÉ", "x", "",
        ] {
            let l = Lower::of(w);
            assert_eq!(&*l, w.to_lowercase(), "{w}");
            assert_eq!(
                matches!(l, Lower::Same(_)),
                w == w.to_lowercase() && w.is_ascii()
            );
        }
    }

    /// The byte filter refuses only words the two splits refuse: contractions with either
    /// apostrophe, other marks sharing the first byte of `’`, non-ASCII words without one.
    #[test]
    fn contraction_filter_answers_as_the_splits() {
        let first_definition = |w: &str| {
            ['’', '\''].into_iter().any(|ap| {
                w.split_once(ap).is_some_and(|(a, b)| {
                    SUBJ_PRONOUNS.contains(a) && matches!(b, "s" | "m" | "re" | "ve" | "ll" | "d")
                })
            })
        };
        let text = "he’s sure i'm late, they’re here and we've won; you’ll see, she'd know, \
            it’s o’brien’s rock’n’roll — don't it‘s café naïve ’ ' x’ ’s he’ss";
        let mut yes = 0;
        for w in text.split(' ').chain(["", "he's", "we’d"]) {
            let want = first_definition(w);
            assert_eq!(contraction_clause(w), want, "{w}");
            yes += usize::from(want);
        }
        assert!(yes >= 8, "{yes}");
    }
}
