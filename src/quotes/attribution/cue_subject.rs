//! The subject of a cue before a quote or after it: the nearest mention to its left that is
//! no object or possessive, the clause's subject for a participle, or the name right after an
//! inverted cue. Split from `after.rs` (its size).

use super::after::mention_after;
use super::*;
use crate::attributions::tokens::ing_shaped;

/// The subject of the cue at `c`: the nearest mention to its left in the sentence that is not
/// an object or a possessive; else the mention right after it ("said X").
pub(super) fn subject_of(cx: &Ctx, ents: &Entities, c: usize, cue_end: usize) -> Option<usize> {
    let floor = cx.ss[c];
    if let Some(m) = participle_subject(cx, ents, floor, c) {
        return Some(m);
    }
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
            || (inner.len() > 4 && ing_shaped(&inner))
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
    let mut nearest = None;
    while k > floor && steps < 45 {
        k -= 1;
        steps += 1;
        if let Some(m) = ents.ending_at(k) {
            let mm = &ents.mentions[m];
            if mm.in_quote {
                continue;
            }
            let possessive = strip_poss(cx.w(mm.t1 - 1)).1 && matches!(mm.kind, MKind::Name { .. });
            let object = mm.t0 > floor
                && PREPS.contains(cx.lw(mm.t0 - 1).as_str())
                && !as_subject(cx, mm.t0, mm.t1, c, cue_end);
            if !possessive && !object {
                if mm.subject {
                    return Some(m);
                }
                nearest = nearest.or(Some(m));
            }
            k = mm.t0;
        }
    }
    if nearest.is_some() {
        return nearest;
    }
    let j = cx.after_cue(c, cue_end);
    mention_after(cx, ents, j, cx.lw(c) == "according")
        .filter(|&m| cx.ss[ents.mentions[m].t0] == cx.ss[c])
}

/// "As the mayor said, “…”" / "as Smith put it last week, “…”": after "as" a mention right
/// before the cue (or one "-ly"/"once" adverb before it) is the cue's subject, not a
/// preposition's object, when the first comma or colon after the cue opens a quote. ("as Smith
/// noted, in May, “…”" / "as Smith put it, the plan is “…”": words of the writer's own stand
/// between, and the quote is part of a longer report.) Looks at most 12 tokens on.
fn as_subject(cx: &Ctx, t0: usize, t1: usize, c: usize, cue_end: usize) -> bool {
    if t0 == 0 || cx.lw(t0 - 1) != "as" {
        return false;
    }
    let next_to_cue = t1 == c
        || (t1 + 1 == c && {
            let w = cx.lw(t1);
            w == "once" || (w.len() > 3 && w.ends_with("ly"))
        });
    if !next_to_cue {
        return false;
    }
    let j = cx.after_cue(c, cue_end);
    for k in j..(j + 12).min(cx.toks.len()) {
        if matches!(cx.w(k), "," | ":") {
            return cx
                .toks
                .get(k + 1)
                .is_some_and(|t| matches!(t.kind, Kind::Open(_)));
        }
        if cx.ss[k] != cx.ss[c] {
            return false;
        }
    }
    false
}

/// "Trump attacked Clinton over Libya, saying, “…”": a participle cue after a comma has the
/// subject of the clause before it as its speaker, not the nearest name (an object, a place).
/// The last mention before the comma that opens a clause (followed by its verb); none when
/// the clause has no such subject (then the nearest-mention rule decides).
fn participle_subject(cx: &Ctx, ents: &Entities, floor: usize, c: usize) -> Option<usize> {
    let w = cx.lw(c);
    if !(w.len() > 4 && ing_shaped(&w)) || c <= floor + 1 || cx.w(c - 1) != "," {
        return None;
    }
    let mut k = c - 1;
    let mut steps = 0;
    while k > floor && steps < 45 {
        k -= 1;
        steps += 1;
        if let Some(m) = ents.ending_at(k) {
            let mm = &ents.mentions[m];
            // "Ryan's aides brushed off Lee's remarks, telling …": a possessive name is no
            // clause's subject, whatever its noun looks like; nor is the subject of a "that"
            // clause ("Ruiz denied reports that Lee had left, saying …" is Ruiz's) or of a
            // reported clause ("Ruiz said Lee must choose, saying …").
            let possessive = strip_poss(cx.w(mm.t1 - 1)).1;
            let complement =
                mm.t0 > floor && cx.lw(mm.t0 - 1) == "that" || reported_subject(cx, floor, mm.t0);
            let subject = mm.subject || modified_subject(cx, mm.t1, c);
            if !mm.in_quote && subject && !possessive && !complement {
                return Some(m);
            }
            k = mm.t0;
        }
    }
    None
}

/// A mention at `t0` right after a reporting verb that itself follows a word ("Ruiz said Lee
/// must choose"): the subject of the reported clause, not of the sentence. After a comma or a
/// closing mark the verb is inverted ("“…,” said Lee, adding …") and the mention is its subject.
fn reported_subject(cx: &Ctx, floor: usize, t0: usize) -> bool {
    let Some(v) = t0.checked_sub(1).filter(|&v| v > floor) else {
        return false;
    };
    let cue = cx.toks[v].lex & flag::CUE != 0 && cx.is_word(v);
    cue && cx.is_word(v - 1) && cx.toks[v - 1].lex & flag::CUE == 0
}

/// "A spokeswoman for the city council emailed …, arguing": a mention whose prepositional
/// modifier runs, with no comma, up to a past-tense verb before the participle at `c` is that
/// verb's subject (the entity rules look only a few words past the mention).
fn modified_subject(cx: &Ctx, t1: usize, c: usize) -> bool {
    if !MODIFIER_PREPS.contains(cx.lw(t1).as_str()) {
        return false;
    }
    for k in t1 + 1..(t1 + 9).min(c) {
        if !cx.is_word(k) {
            return false;
        }
        let w = cx.w(k);
        let past = w.len() > 3 && w.ends_with("ed") && w.bytes().all(|b| b.is_ascii_lowercase());
        if past {
            return k > t1 + 2 && cx.toks[k - 1].lex & (flag::DET | flag::PREP) == 0;
        }
    }
    false
}
