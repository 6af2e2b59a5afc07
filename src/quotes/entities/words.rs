//! Word-level tests shared by the mention finders: initials, name particles, party tags,
//! the subject slot after a mention, bare plural groups.

use super::*;

pub(super) fn word<'a>(text: &'a str, t: &Tok) -> &'a str {
    &text[t.start..t.end]
}

/// Same paragraph (sentence boundaries from the splitter are not trusted inside names:
/// "Vladimir V. Putin", "Sen. Chris Murphy").
pub(super) fn joined(toks: &[Tok], a: usize, b: usize) -> bool {
    a < b && b < toks.len() && !toks[a + 1..=b].iter().any(|t| t.nl_before)
}

pub(super) fn is_initial(w: &str) -> bool {
    let mut cs = w.chars();
    matches!((cs.next(), cs.next(), cs.next()), (Some(c), Some('.'), None) if c.is_uppercase())
}

/// A lower-case particle inside a name ("de", "von"): [entity_particle] of `name_parts.txt`.
/// Asked of most lower-case words after a name part: a word longer than every particle is
/// refused on its length, without hashing it.
pub(super) fn is_particle(w: &str) -> bool {
    w.len() <= *PARTICLE_MAX_LEN && crate::lexicon::ENTITY_PARTICLES.contains(w)
}

/// The length in bytes of the longest particle.
static PARTICLE_MAX_LEN: once_cell::sync::Lazy<usize> = once_cell::sync::Lazy::new(|| {
    (crate::lexicon::ENTITY_PARTICLES.iter())
        .map(|p| p.len())
        .max()
        .unwrap_or(0)
});

/// Party tags after a politician's name: D-Conn., R-Texas, I-Vt.
pub(super) fn party_tag(w: &str) -> bool {
    let b = w.as_bytes();
    b.len() >= 3 && matches!(b[0], b'D' | b'R' | b'I') && b[1] == b'-'
}

pub(super) fn name_word(text: &str, t: &Tok) -> bool {
    t.kind == Kind::Word && t.cap && t.lex & flag::STOP == 0 && !party_tag(word(text, t))
}

pub(super) fn ends_ly(w: &str) -> bool {
    w.len() > 4 && w.ends_with("ly")
}

/// A lower-case past form ("walked", "used").
pub(super) fn ends_ed(w: &str) -> bool {
    w.len() > 3 && w.ends_with("ed") && w.bytes().all(|b| b.is_ascii_lowercase())
}

/// Is the mention [t0, t1) the subject of a clause?
pub(super) fn subject_after(text: &str, toks: &[Tok], t0: usize, t1: usize) -> bool {
    if t0 > 0 && joined(toks, t0 - 1, t0) {
        let p = &toks[t0 - 1];
        // Inverted attribution: "…,” said Celeste Wallander".
        if INVERTED_CUES.contains(word(text, p)) {
            return true;
        }
        // After a preposition or a verb ("to hear Putin say"): an object.
        if p.kind == Kind::Word
            && (p.lex & (flag::PREP | flag::BASE | flag::CUE | flag::VERBISH) != 0
                || ends_ed(word(text, p)))
        {
            return false;
        }
    }
    let mut k = t1;
    let limit = (t1 + 40).min(toks.len());
    if toks.get(k).is_some_and(|t| word(text, t) == ",") {
        // "Mr. Trump, who has long favored …": the subject of its relative clause.
        if toks.get(k + 1).is_some_and(|t| word(text, t) == "who") {
            return true;
        }
        // Apposition: ", a senior fellow at …, said".
        let mut j = k + 1;
        while j < limit && joined(toks, k, j) {
            let w = word(text, &toks[j]);
            if w == "," {
                break;
            }
            if matches!(toks[j].kind, Kind::Open(_) | Kind::Close(_)) || w == "." {
                return false;
            }
            j += 1;
        }
        k = j + 1;
    }
    let mut steps = 0;
    while k < toks.len() && steps < 4 && joined(toks, t1.saturating_sub(1), k) {
        if toks[k].kind != Kind::Word {
            return false;
        }
        let tk = &toks[k];
        let w = word(text, tk);
        if tk.lex & (flag::CUE | flag::VERBISH) != 0 || ends_ed(w) {
            return true;
        }
        if tk.lex & flag::BRIDGE != 0 || ends_ly(w) {
            k += 1;
            steps += 1;
            continue;
        }
        return false;
    }
    false
}

/// End of a token without its possessive ending.
pub(super) fn strip_end(text: &str, t: &Tok) -> usize {
    t.start + strip_poss(word(text, t)).0.len()
}

/// For each token, the first token at or after it that can head a bare plural group (plural,
/// not possessive); `toks.len()` when none. Built once, so that [`bare_group`], asked at
/// nearly every word, rejects a word without one within reach in one compare.
pub(super) fn next_plural_heads(toks: &[Tok]) -> Vec<u32> {
    let mut next = vec![0u32; toks.len()];
    let mut at = toks.len() as u32;
    // Zipped rather than indexed: no bounds check per token.
    for ((k, t), slot) in toks.iter().enumerate().zip(next.iter_mut()).rev() {
        if t.lex & flag::PLURAL != 0 && t.lex & flag::POSS == 0 {
            at = k as u32;
        }
        *slot = at;
    }
    next
}

/// Head of a bare plural group starting at `i` ("Senior Russian officials"): up to four
/// modifiers, then a plural head not followed by a name. `next_plural` is
/// [`next_plural_heads`] of `toks`.
pub(super) fn bare_group(text: &str, toks: &[Tok], next_plural: &[u32], i: usize) -> Option<usize> {
    let bad = flag::STOP
        | flag::PREP
        | flag::CUE
        | flag::VERBISH
        | flag::DESC_STOP
        | flag::DET
        | flag::HE
        | flag::SHE
        | flag::THEY
        | flag::POSS;
    // Only a plural head within the five tokens below can end the group.
    if next_plural.get(i).map_or(true, |&h| h as usize > i + 4) {
        return None;
    }
    let mut j = i;
    while j < toks.len() && j <= i + 4 && (j == i || joined(toks, i, j)) {
        let t = &toks[j];
        if t.kind != Kind::Word {
            return None;
        }
        if t.lex & flag::PLURAL != 0 && t.lex & flag::POSS == 0 {
            let named =
                toks.get(j + 1).is_some_and(|x| name_word(text, x)) && joined(toks, j, j + 1);
            return (!named).then_some(j);
        }
        if t.lex & bad != 0 || ends_ly(word(text, t)) || party_tag(word(text, t)) {
            return None;
        }
        j += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The length filter answers as the particle list: every particle (even the longest) and
    /// every other word, short or long, as the list does.
    #[test]
    fn particle_length_filter_answers_as_the_list() {
        let list = &*crate::lexicon::ENTITY_PARTICLES;
        assert!(!list.is_empty());
        for &p in list.iter() {
            assert!(is_particle(p), "{p}");
            for w in [format!("{p}s"), format!("x{p}"), p.to_uppercase()] {
                assert_eq!(is_particle(&w), list.contains(w.as_str()), "{w}");
            }
        }
        for w in ["", "a", "an", "the", "said", "according", "Gaulle", "d’"] {
            assert_eq!(is_particle(w), list.contains(w), "{w}");
        }
    }
}
