//! Sentence forms with a fixed shape: headlines "Source: content", "In a poll, …", "Asked
//! whether …,", and the reporting clause or participle right after a quotation. Each looks at a
//! bounded number of tokens.

use super::clauses::Raw;
use super::content_bounds::{
    adjunct_only, clause_end, content_end, is_participle_cue, n_words, trim_end, trim_start,
};
use super::cues::{cue_at, Cue, CueKind};
use super::lexicon::{
    is_judgement_giver, is_participle_phrase_lead, is_question_opener, is_receiving_verb,
    is_speaking_document,
};
use super::sources::{passive_agent, sentence_subject, source_left, source_right};
use super::tokens::{class, ing_shaped, Tok};

/// A headline "Source: content" ("Clinton camp: Trump's plan threatens jobs", "Poll: …").
pub(super) fn headline_colon(toks: &[Tok], lo: usize, e: usize) -> Option<Raw> {
    let c = (lo + 1..(lo + 6).min(e)).find(|&j| toks[j].is(":"))?;
    let prefix = &toks[lo..c];
    if !toks[lo].cap || prefix.iter().any(|t| !t.word || t.in_quote) {
        return None;
    }
    if prefix
        .iter()
        .any(|t| t.in_class(class::COLON_LABEL) || t.lower.chars().all(|ch| ch.is_numeric()))
    {
        return None;
    }
    let c0 = trim_start(toks, c + 1, e);
    if n_words(toks, c0, e) < 3 || toks[c0..e].iter().all(|t| t.in_quote || !t.word) {
        return None;
    }
    Some(Raw {
        parts: vec![(c0, e)],
        source: Some((lo, c)),
        cue: (c, c + 1),
    })
}

/// "In a CNN poll (released Monday), CONTENT": the document is the source.
pub(super) fn in_document(toks: &[Tok], lo: usize, e: usize) -> Option<Raw> {
    if !toks[lo].is("in") {
        return None;
    }
    let c = (lo + 2..(lo + 14).min(e)).find(|&j| toks[j].is_clause_punct())?;
    if !toks[lo + 1..c]
        .iter()
        .any(|t| t.word && is_speaking_document(&t.lower))
    {
        return None;
    }
    let c0 = trim_start(toks, c + 1, e);
    let c1 = content_end(toks, c0, e);
    if n_words(toks, c0, c1) < 3 {
        return None;
    }
    // "In an interview with ABC, Clinton laughed off the ad": an interview, a speech or a
    // statement does not speak; the subject of the clause after it does (a poll or a study
    // does: "In a poll, most voters opposed …").
    let medium = toks[lo + 1..c].iter().any(|t| t.in_class(class::MEDIUM));
    let source = if medium {
        sentence_subject(toks, c0, c1).unwrap_or((lo + 1, c))
    } else {
        (lo + 1, c)
    };
    Some(Raw {
        parts: vec![(c0, c1)],
        source: Some(source),
        cue: (lo, lo + 1),
    })
}

/// "Asked whether …, the senator said …": the question, reported with no source of its own.
pub(super) fn asked_first(toks: &[Tok], lo: usize, e: usize) -> Option<Raw> {
    let start = if is_question_opener(&toks[lo].lower) {
        lo + 1
    } else {
        lo
    };
    if !toks
        .get(start)
        .is_some_and(|t| t.in_class(class::QUESTION_CUE))
    {
        return None;
    }
    let c0 = start + 1;
    let c = (c0..(c0 + 30).min(e)).find(|&j| toks[j].is_comma() && !toks[j].in_quote)?;
    // "Asked by reporters whether …,": the asker is the source, the question follows it.
    let source = passive_agent(toks, c0, c);
    let c0 = source.map_or(c0, |s| s.1);
    if n_words(toks, c0, c) < 2 {
        return None;
    }
    Some(Raw {
        parts: vec![(c0, c)],
        source,
        cue: (start, start + 1),
    })
}

/// Most tokens of an opening participle's clause before its comma.
const MAX_OPENING_PARTICIPLE: usize = 40;

/// "Noting that turnout fell, the mayor said …": a sentence that opens with a participle of
/// saying reports the clause up to its comma, for the subject of the main clause after it; so
/// does one after an opening subordinator ("After saying he was tired, the mayor left"). A
/// stance participle after one of [participle_phrase_lead] reports its object for that subject
/// likewise ("After praising the plan, the mayor …", "But in rejecting the appeal, the court
/// …").
pub(super) fn participle_first(toks: &[Tok], lo: usize, e: usize) -> Option<Raw> {
    let first = toks.get(lo).filter(|_| lo < e)?;
    // "But in rejecting the appeal, the court …": a coordinator may open the sentence.
    let coordinated = first.word
        && first.cap
        && first.in_class(class::CLAUSE_LINK)
        && !first.in_class(class::SUBORDINATOR);
    let l = lo + usize::from(coordinated);
    let first = toks.get(l).filter(|_| l < e)?;
    let lead = first.word && first.cap != coordinated && !first.in_quote;
    let after_subordinator = lead && first.in_class(class::SUBORDINATOR);
    let after_lead = lead && is_participle_phrase_lead(&first.lower);
    let p = if after_subordinator || after_lead {
        l + 1
    } else if coordinated {
        return None;
    } else {
        lo
    };
    let t = toks.get(p).filter(|_| p < e)?;
    let opens = t.word && t.cap == (p == lo) && !t.in_quote && t.is_ing_form();
    if !opens {
        return None;
    }
    let clause = t.in_class(class::CLAUSE_CUE);
    let c0 = if clause {
        p + 1
    } else {
        // A phrasal cue ("calling on") spans its particle; the object runs to the comma.
        let stance = after_lead && t.in_class(class::STANCE_CUE);
        let cue = cue_at(toks, lo, e, p).filter(|c| stance && c.kind == CueKind::Stance)?;
        cue.t1
    };
    let c = (c0..(c0 + MAX_OPENING_PARTICIPLE).min(e))
        .find(|&j| toks[j].is_comma() && !toks[j].in_quote)?;
    let fewest = if clause { 2 } else { 1 };
    if n_words(toks, c0, c) < fewest {
        return None;
    }
    let source = sentence_subject(toks, c + 1, e)?;
    Some(Raw {
        parts: vec![(c0, c)],
        source: Some(source),
        cue: (p, if clause { p + 1 } else { c0 }),
    })
}

/// The attribution right after a quotation that ends at token `from` (exclusive): "…,” said
/// Ana Ruiz" or "…,” the mayor said (on Monday)." Returns (source, cue) when the rest of the
/// sentence is only that, so a quote the quote rules left without a speaker can be attributed.
pub fn source_after_quote(
    toks: &[Tok],
    from: usize,
    hi: usize,
) -> Option<((usize, usize), (usize, usize))> {
    let e = trim_end(toks, from, hi);
    let j = if toks.get(from).is_some_and(|t| t.is_comma()) {
        from + 1
    } else {
        from
    };
    if j >= e {
        return None;
    }
    let done = |end: usize| end >= e || toks[end].is_comma() || adjunct_only(toks, end, e).0;
    if let Some(cue) = cue_at(toks, j, e, j).filter(|c| c.kind == CueKind::Clause) {
        let src = source_right(toks, cue.t1, e)?;
        return done(src.1).then_some((src, (cue.t0, cue.t1)));
    }
    for k in j + 1..(j + 9).min(e) {
        if toks[k].in_quote || toks[k].is_quote_mark() {
            return None;
        }
        if let Some(cue) = cue_at(toks, j, e, k) {
            if cue.kind != CueKind::Clause && cue.kind != CueKind::Object {
                return None;
            }
            let src = source_left(toks, j, cue.t0).filter(|s| s.0 == j)?;
            return done(cue.t1).then_some((src, (cue.t0, cue.t1)));
        }
    }
    None
}

/// ", adding that CONTENT" within a few tokens after `from` (the end of a direct quote's cue,
/// "“…,” she said, adding that …"): the participle's cue and content, for the quote's source.
/// A stance participle takes its object the same way ("…,” he said, referring to the mayor",
/// "citing the audit").
pub fn participle_after(toks: &[Tok], from: usize, hi: usize) -> Option<Raw> {
    let e = trim_end(toks, from, hi);
    let stop = (from + 12).min(e);
    let participle = |k: usize| -> Option<Cue> {
        let t = toks.get(k)?;
        if is_participle_cue(t) {
            return Some(Cue {
                t0: k,
                t1: k + 1,
                kind: CueKind::Clause,
            });
        }
        let stance = t.is_uncapitalised_ing_word();
        stance
            .then(|| cue_at(toks, from, e, k))
            .flatten()
            .filter(|c| c.kind == CueKind::Stance && c.t0 == k)
    };
    let (comma, cue) = (from..stop).find_map(|j| {
        let c = (toks[j].is_comma() && !toks[j].in_quote).then(|| participle(j + 1))??;
        Some((j, c))
    })?;
    if toks[from..comma]
        .iter()
        .any(|t| t.in_quote || t.is_quote_mark())
    {
        return None;
    }
    let c0 = if toks.get(cue.t1).is_some_and(|t| t.is(",") || t.is(":")) {
        cue.t1 + 1
    } else {
        cue.t1
    };
    let (c1, min_words) = if cue.kind == CueKind::Stance {
        (clause_end(toks, c0, e), 1)
    } else {
        (content_end(toks, c0, e), 2)
    };
    (c1 > c0 && n_words(toks, c0, c1) >= min_words).then(|| Raw {
        parts: vec![(c0, c1)],
        source: None,
        cue: (cue.t0, cue.t1),
    })
}

/// "“…,” she said when asked whether …" within a few tokens after `from` (the end of a direct
/// quote's cue): the question put to the speaker, with no source (the asker goes unnamed).
pub fn asked_after(toks: &[Tok], from: usize, hi: usize) -> Option<Raw> {
    let e = trim_end(toks, from, hi);
    let stop = (from + 6).min(e);
    let cue = (from..stop)
        .filter(|&k| toks[k].in_class(class::QUESTION_CUE))
        .find_map(|k| cue_at(toks, from, e, k).filter(|c| c.kind == CueKind::Impersonal))?;
    if toks[from..cue.t0]
        .iter()
        .any(|t| t.in_quote || t.is_quote_mark())
    {
        return None;
    }
    let c1 = content_end(toks, cue.t1, e);
    (c1 > cue.t1 && n_words(toks, cue.t1, c1) >= 2).then(|| Raw {
        parts: vec![(cue.t1, c1)],
        source: None,
        cue: (cue.t0, cue.t1),
    })
}

/// A judgement in the passive ([`CueKind::Passive`]): "The plan was backed by the union" (the
/// subject is the content, the agent its source), "The mayor is widely seen as a moderate" (the
/// subject and its complement are the content, with no source).
pub(super) fn passive_judgement(
    toks: &[Tok],
    lo: usize,
    e: usize,
    cue: &Cue,
) -> Option<(Raw, usize)> {
    // "The bill, opposed by the union, died": an appositive participle judges the noun
    // phrase before its comma.
    let comma_before = cue.t0 > lo + 1 && toks[cue.t0 - 1].is(",");
    let subject = source_left(toks, lo, cue.t0).or_else(|| {
        comma_before
            .then(|| source_left(toks, lo, cue.t0 - 1))
            .flatten()
    })?;
    // "backed by the union"; "drew criticism from the union" (a judgement received).
    let received = is_receiving_verb(&toks[cue.t0].lower);
    let agent_opens = |t: &Tok| t.is("by") || (received && is_judgement_giver(&t.lower));
    if toks.get(cue.t1).is_some_and(agent_opens) {
        let agent =
            source_right(toks, cue.t1 + 1, e).or_else(|| counted_agent(toks, cue.t1 + 1, e))?;
        let raw = Raw {
            parts: vec![subject],
            source: Some(agent),
            cue: (cue.t0, cue.t1 + 1),
        };
        return Some((raw, agent.1));
    }
    // The complement ends like a stance verb's object: "… as a waste of money, and the
    // council …" stops at the comma.
    let c1 = clause_end(toks, cue.t1, e);
    if c1 <= cue.t1 {
        return None;
    }
    let raw = Raw {
        parts: vec![subject, (cue.t1, c1)],
        source: None,
        cue: (cue.t0, cue.t1),
    };
    Some((raw, c1))
}

/// An "-ing" word before a plural noun is its adjective, not a gerund: "by overwhelming
/// majorities", "by growing numbers of voters" (a gerund takes an object: "by cutting the fee").
fn ing_adjective(toks: &[Tok], k: usize, e: usize) -> bool {
    toks.get(k + 1).filter(|_| k + 1 < e).is_some_and(|n| {
        n.word
            && !n.cap
            && !n.in_quote
            && n.lower.ends_with('s')
            && !n.lower.ends_with("ss")
            && !n.in_class(class::STOP | class::PREPOSITION | class::DETERMINER)
    })
}

/// Most tokens of an agent that [`source_right`] does not take.
const MAX_COUNTED_AGENT: usize = 12;

/// The agent of a passive judgement that opens with a number, an approximation or a bare
/// plural: a share of voters ("was backed by 64 percent of the electorate", "by nearly 6 in 10
/// voters") or a group named by a common noun ("was rebuked by opponents", "by large
/// majorities"). [`source_right`] takes only names and determiners, since after a verb of
/// saying a lower-case word is as often the content ("said voters were angry"); after "by"
/// the phrase can only be the agent. Runs to a clause break, a stop word or a verb.
pub(super) fn counted_agent(toks: &[Tok], k: usize, e: usize) -> Option<(usize, usize)> {
    let first = toks.get(k).filter(|_| k < e)?;
    let w = first.lower.as_str();
    let opens = first.word
        && !first.in_quote
        && !first.cap
        && (w.starts_with(|c: char| c.is_ascii_digit())
            || first.in_class(class::APPROXIMATOR)
            || !(first.in_class(class::STOP)
                || first.in_class(class::PREPOSITION | class::AUX)
                || first.in_class(class::SUBJECT_PRONOUN)
                || first.in_class(class::CLAUSE_CUE | class::STANCE_CUE | class::OBJECT_CUE)
                || (ing_shaped(w) && !ing_adjective(toks, k, e))));
    if !opens {
        return None;
    }
    let stop = (k + MAX_COUNTED_AGENT).min(e);
    let mut end = k + 1;
    while end < stop {
        let t = &toks[end];
        let joins = !t.word && t.lower == "%";
        let verbish = t.word && !t.cap && (t.in_class(class::AUX) || t.lower.ends_with("ed"));
        // "6 in 10 voters": a ratio is one count.
        let digit = |j: usize| {
            toks.get(j)
                .is_some_and(|n| n.lower.starts_with(|c: char| c.is_ascii_digit()))
        };
        if t.is("in") && digit(end - 1) && digit(end + 1) {
            end += 2;
            continue;
        }
        if t.in_quote || !(t.word || joins) || t.in_class(class::STOP) || verbish {
            break;
        }
        end += 1;
    }
    // A phrase ending in a preposition or article is cut short ("by 64 percent of").
    while end > k + 1 && toks[end - 1].in_class(class::PREPOSITION | class::ARTICLE) {
        end -= 1;
    }
    Some((k, end))
}
