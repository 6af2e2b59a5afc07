//! Clause boundaries of reported speech within one sentence.
//!
//! Two passes over the sentence's tokens, each linear with bounded look-back:
//! 1. a postposed attribution ("CONTENT, the ministry said (on Monday).", "CONTENT, said X",
//!    "A, he said, B"): its content is everything before the source, which makes it the
//!    outermost attribution of the sentence, so cues inside that content are not attributions;
//! 2. preposed ones, left to right: "X said (that) CONTENT", "X told reporters CONTENT",
//!    "X plans to …", "according to X, CONTENT", "it is believed that …", "X's claim that …",
//!    and ", adding/saying CONTENT", which shares the source of the attribution before it.
//!
//! Content runs to the end of the sentence, or to a semicolon or a ", adding …" that starts the
//! next attribution. Cues inside a content are not searched: only outermost attributions.

use super::cues::{cue_at, Cue, CueKind};
use super::forms::{asked_first, headline_colon, in_document, passive_judgement};
use super::lexicon::{
    self, is_auxiliary_verb, is_determiner, is_hearer_word, is_proform, is_subordinator,
    opens_adjunct, opens_complement, CLAUSE_CUES, OBJECT_CUES,
};
use super::sources::{
    apposition_after, passive_of_saying, sentence_subject, source_left, source_right,
};
use super::tokens::{class, Tok};

/// An attribution in token indexes: content parts `[t0, t1)`, source, cue.
#[derive(Clone, Debug)]
pub struct Raw {
    pub parts: Vec<(usize, usize)>,
    pub source: Option<(usize, usize)>,
    pub cue: (usize, usize),
}

/// Longest adjunct after a cue that still leaves the content before it ("said on Monday night
/// in a statement to reporters").
const MAX_ADJUNCT: usize = 9;

fn trailing_punct(t: &Tok) -> bool {
    !t.word && !t.is_quote_mark() && !matches!(t.lower.as_str(), ")" | "]")
}

/// One past the last token worth keeping in `[lo, hi)`: trailing punctuation dropped.
pub(super) fn trim_end(toks: &[Tok], lo: usize, mut hi: usize) -> usize {
    while hi > lo && trailing_punct(&toks[hi - 1]) {
        hi -= 1;
    }
    hi
}

pub(super) fn trim_start(toks: &[Tok], mut lo: usize, hi: usize) -> usize {
    while lo < hi && trailing_punct(&toks[lo]) {
        lo += 1;
    }
    lo
}

/// The number of words in `[a, b)`, counted up to 3 (the most any rule asks for), so a check
/// costs constant time however long the span.
pub(super) fn n_words(toks: &[Tok], a: usize, b: usize) -> usize {
    toks[a..b].iter().filter(|t| t.word).take(3).count()
}

/// A reporting participle that continues an attribution: ", adding that …", ", saying …".
pub(super) fn is_participle_cue(t: &Tok) -> bool {
    t.word
        && !t.cap
        && t.lower.ends_with("ing")
        && (CLAUSE_CUES.contains(t.lower.as_str()) || OBJECT_CUES.contains(t.lower.as_str()))
}

/// Is `[from, …)` only an adjunct up to the next comma or `e`? Returns (adjunct, segment end).
pub(super) fn adjunct_only(toks: &[Tok], from: usize, e: usize) -> (bool, usize) {
    // Bounded: a segment longer than an adjunct is not one, wherever it ends (so a long
    // sentence with many cues stays linear).
    let limit = e.min(from + MAX_ADJUNCT + 1);
    let mut end = from;
    while end < limit && !toks[end].is_clause_punct() {
        end += 1;
    }
    if end == limit && limit < e {
        return (false, end);
    }
    if end == from {
        return (true, end);
    }
    let first = &toks[from];
    let short = end - from <= MAX_ADJUNCT;
    let no_that = !toks[from..end].iter().any(|t| t.is("that") || t.is(":"));
    (short && no_that && opens_adjunct(&first.lower), end)
}

/// Skip the hearer of "told": "told reporters", "told the crowd", "told CNN", "told him that".
fn skip_hearer(toks: &[Tok], from: usize, e: usize) -> usize {
    let end = (from + 7).min(e).max(from);
    for (j, t) in toks[from..end].iter().enumerate() {
        if t.is("that") {
            return from + j;
        }
        if !t.word {
            break;
        }
    }
    let Some(t) = toks.get(from).filter(|_| from < e) else {
        return from;
    };
    if is_hearer_word(&t.lower) {
        return from + 1;
    }
    if is_determiner(&t.lower) && toks.get(from + 1).is_some_and(|n| is_hearer_word(&n.lower)) {
        return from + 2;
    }
    if t.cap {
        let mut j = from;
        while j < e && j < from + 4 && toks[j].cap && toks[j].word {
            j += 1;
        }
        return j;
    }
    from
}

/// Does a new attribution start at `from` ("…, and most voters said …", "… while 40 percent
/// disagreed")? A source noun phrase right there followed by a reporting verb, looked for over
/// a few tokens only.
fn new_attribution_at(toks: &[Tok], from: usize, e: usize) -> bool {
    let from = if toks.get(from).is_some_and(|t| t.is("and") || t.is("but")) {
        from + 1
    } else {
        from
    };
    for k in from + 1..(from + 7).min(e) {
        let t = &toks[k];
        if !t.word || t.in_quote {
            return false;
        }
        if t.cap {
            continue;
        }
        if let Some(cue) = cue_at(toks, from, e, k) {
            if !matches!(cue.kind, CueKind::Clause | CueKind::Object) {
                return false;
            }
            return source_left(toks, from, cue.t0).is_some_and(|s| s.0 == from);
        }
    }
    false
}

/// A lower-case reporting verb in the past or present tense or a participle at `k` ("told",
/// "argues", "saying"), the start of a second predicate of the same subject.
fn verb_cue_at(toks: &[Tok], k: usize, e: usize) -> bool {
    let Some(t) = toks.get(k).filter(|t| t.word && !t.cap && k < e) else {
        return false;
    };
    let w = t.lower.as_str();
    // A participle continues a participle ("noting A and saying B").
    let finite = w.ends_with("ed")
        || w.ends_with('s')
        || w.ends_with("ing")
        || matches!(w, "said" | "told" | "wrote");
    finite
        && cue_at(toks, k, e, k).is_some_and(|c| {
            matches!(
                c.kind,
                CueKind::Clause | CueKind::Object | CueKind::Stance | CueKind::To
            )
        })
}

/// Where a content starting at `from` ends (exclusive, trimmed): a semicolon, or a comma
/// before a reporting participle, "but", "according to" or a subordinate clause (", although
/// …", ", because …": the writer's addition more often than the source's words), or the
/// sentence end `e`.
pub(super) fn content_end(toks: &[Tok], from: usize, e: usize) -> usize {
    let mut j = from;
    while j < e {
        let t = &toks[j];
        // A direct quote with its own speaker closes reported speech before it ("X said A: “B”").
        if t.in_direct || (!t.in_quote && t.is(";")) {
            break;
        }
        // A comma inside the closing quotation mark ("…race,” adding that …") ends a clause
        // like one outside it.
        let comma = (t.is_comma() && !t.in_quote)
            || (t.is_quote_mark() && j > from && toks[j - 1].is_comma());
        let joins = !t.in_quote && (t.is("and") || t.is("but"));
        // "…, and most voters said …", "… as Congress weighed …": a new source and cue.
        let opens_clause = joins || (!t.in_quote && t.word && is_subordinator(&t.lower));
        // The content keeps a closing quotation mark it breaks at.
        let stop = if t.is_quote_mark() { j + 1 } else { j };
        if (comma || opens_clause) && new_attribution_at(toks, j + 1, e) {
            return trim_end(toks, from, stop);
        }
        // "said A and questioned B": the source's next act is not part of what it said; nor is
        // the main verb after a parenthetical participle ("X, citing A, said B").
        if (joins || comma) && verb_cue_at(toks, j + 1, e) {
            return trim_end(toks, from, stop);
        }
        if comma {
            if let Some(n) = toks.get(j + 1) {
                if is_participle_cue(n)
                    || n.is("but")
                    || (!n.in_quote && n.word && is_subordinator(&n.lower))
                    || (n.is("according") && toks[j + 2..].first().is_some_and(|x| x.is("to")))
                {
                    return trim_end(toks, from, stop);
                }
            }
        }
        j += 1;
    }
    trim_end(toks, from, j)
}

/// Does a second predicate of the source start at `k` ("and has campaigned for him", "but
/// did not endorse her"): an auxiliary after "and" or "but" at `k - 1`?
fn second_predicate_at(toks: &[Tok], k: usize, e: usize) -> bool {
    toks.get(k)
        .filter(|_| k < e)
        .is_some_and(|t| t.word && !t.cap && is_auxiliary_verb(&t.lower))
}

/// Does an adjunct of the act, not part of its object, start at `j`: "thanked supporters at a
/// rally", "endorsed Ruiz during the debate"?
fn act_adjunct_at(toks: &[Tok], j: usize) -> bool {
    let t = &toks[j];
    let det = toks.get(j + 1).is_some_and(|n| n.in_class(class::ARTICLE));
    t.word && !t.in_quote && (t.is("at") || t.is("during")) && det
}

/// The end of the object clause starting at `from` (trimmed): [`object_clause_end`] of a
/// clause that is no stance verb's object.
pub(super) fn clause_end(toks: &[Tok], from: usize, e: usize) -> usize {
    object_clause_end(toks, from, e, false).0
}

/// The end of the object clause starting at `from` (trimmed) and where the search for the next
/// attribution goes on: the next comma, semicolon, "and" + a second reporting verb ("praised
/// the plan and said …"), or `e`. The object of a stance verb (`object`) also ends before
/// "and" + an auxiliary ("endorsed Ruiz and has campaigned for her"), where the search goes on,
/// and before an adjunct of the act ("thanked supporters at a rally"), though what follows that
/// is no new attribution; a relative clause ("who is expected to win and will …") goes on.
fn object_clause_end(toks: &[Tok], from: usize, e: usize, object: bool) -> (usize, usize) {
    let mut j = from;
    let mut cut = None;
    while j < e && !toks[j].in_direct && (toks[j].in_quote || !toks[j].is_clause_punct()) {
        let t = &toks[j];
        let joins = j > from && !t.in_quote && (t.is("and") || t.is("but"));
        // The second predicate may report on ("… and has said that …"): the search goes on there.
        if joins && (verb_cue_at(toks, j + 1, e) || (object && second_predicate_at(toks, j + 1, e)))
        {
            break;
        }
        if object && cut.is_none() && j > from && act_adjunct_at(toks, j) {
            cut = Some(j);
        }
        // "backs Ruiz because she …": a reason or a time is no part of the object.
        if j > from && !t.in_quote && t.word && is_subordinator(&t.lower) {
            break;
        }
        j += 1;
    }
    let end = trim_end(toks, from, j);
    (cut.map_or(end, |c| trim_end(toks, from, c)), end)
}

/// "The crowd seemed restless": the clause around the cue is the content, with no source.
fn evidential(toks: &[Tok], lo: usize, e: usize, cue: &Cue) -> Option<(Raw, usize)> {
    let floor = cue.t0.saturating_sub(24).max(lo);
    let mut c0 = cue.t0;
    while c0 > floor && !toks[c0 - 1].is_clause_punct() && !toks[c0 - 1].is(":") {
        c0 -= 1;
    }
    // "The figures, gathered in May, appear to be wrong": a comma right before the cue closes
    // an apposition, so the subject starts before it.
    if c0 == cue.t0 && c0 > floor && toks[c0 - 1].is_comma() {
        c0 -= 1;
        while c0 > floor && !toks[c0 - 1].is(";") && !toks[c0 - 1].is(":") {
            c0 -= 1;
        }
    }
    let c0 = trim_start(toks, c0, cue.t0);
    let c1 = content_end(toks, cue.t1, e);
    if c0 >= cue.t0 || c1 <= cue.t1 {
        return None;
    }
    Some((
        Raw {
            parts: vec![(c0, c1)],
            source: None,
            cue: (cue.t0, cue.t1),
        },
        c1,
    ))
}

/// Where the content of a preposed cue starts: after the hearer, at "that" or after a colon.
fn content_start(toks: &[Tok], cue: &Cue, e: usize) -> usize {
    let mut r = cue.t1;
    if cue.kind == CueKind::Object {
        r = skip_hearer(toks, r, e);
    }
    if toks.get(r).is_some_and(|t| t.is(":") || t.is(",")) {
        r += 1;
    }
    // "said on Monday that …", "said in a statement that …": the content starts at "that".
    if toks.get(r).is_some_and(|t| opens_adjunct(&t.lower)) {
        let end = (r + MAX_ADJUNCT).min(e).max(r + 1);
        for (j, t) in toks[r + 1..end].iter().enumerate() {
            if t.is("that") {
                return r + 1 + j;
            }
            if !t.word {
                break;
            }
        }
    }
    r
}

/// The postposed attribution of `[lo, e)`, if any, and the token to continue from.
fn postposed(toks: &[Tok], lo: usize, e: usize) -> Option<(Raw, usize)> {
    for j in lo + 2..e {
        // A content from `lo` to a cue past a direct quote would hold that quote.
        if toks[j].in_direct {
            break;
        }
        if !toks[j].word || toks[j].cap || toks[j].in_quote {
            continue;
        }
        let Some(cue) = cue_at(toks, lo, e, j) else {
            continue;
        };
        if !matches!(cue.kind, CueKind::Clause | CueKind::Object) {
            continue;
        }
        let after = if cue.kind == CueKind::Object {
            skip_hearer(toks, cue.t1, e)
        } else {
            cue.t1
        };
        // "…, said the spokesman (, a former aide)." A participle is no inverted cue: "…,
        // noting the size of the crowd, said" has its object after it, not its source.
        if toks[j - 1].is_comma() && !is_participle_cue(&toks[j]) {
            // The source ends the sentence or opens an apposition: "…, said X(, the CEO)."
            let ends = |src: &(usize, usize)| src.1 == e || toks[src.1].is_comma();
            if let Some(src) = source_right(toks, cue.t1, e).filter(ends) {
                let content = (lo, trim_end(toks, lo, j - 1));
                if n_words(toks, content.0, content.1) >= 2 {
                    let mut raw = Raw {
                        parts: vec![content],
                        source: Some(src),
                        cue: (cue.t0, cue.t1),
                    };
                    let (_, seg) = adjunct_only(toks, src.1, e);
                    // "The plan, said Ana Ruiz, would fail": the content goes on after the
                    // source when a verb, not an apposition, follows it.
                    let resumes = toks.get(src.1 + 1).filter(|_| src.1 < e).is_some_and(|t| {
                        t.word && !t.cap && lexicon::AUX.contains(t.lower.as_str())
                    });
                    if resumes {
                        let b1 = content_end(toks, src.1 + 1, e);
                        if b1 > src.1 + 1 {
                            raw.parts.push((src.1 + 1, b1));
                            return Some((raw, b1));
                        }
                    }
                    return Some((raw, seg.max(src.1)));
                }
            }
        }
        let Some(src) = source_left(toks, lo, cue.t0) else {
            continue;
        };
        if src.0 < lo + 2 || !toks[src.0 - 1].is_comma() {
            continue;
        }
        let (adj, seg) = adjunct_only(toks, after, e);
        if !adj {
            continue;
        }
        let first = (
            trim_start(toks, lo, src.0 - 1),
            trim_end(toks, lo, src.0 - 1),
        );
        if n_words(toks, first.0, first.1) < 2 {
            continue;
        }
        let cue_span = (cue.t0, cue.t1.max(after));
        let mut raw = Raw {
            parts: vec![first],
            source: Some(src),
            cue: cue_span,
        };
        let mut next = seg;
        // "A, he said, B": the content goes on after the parenthetical.
        if seg < e && !toks.get(seg + 1).is_some_and(is_participle_cue) {
            let b0 = trim_start(toks, seg + 1, e);
            let b1 = content_end(toks, b0, e);
            if b1 > b0 && n_words(toks, b0, b1) >= 1 {
                raw.parts.push((b0, b1));
                next = b1;
            }
        }
        return Some((raw, next));
    }
    None
}

/// "according to X, CONTENT" / "CONTENT, according to X" / "A, according to X, B".
fn according(toks: &[Tok], lo: usize, e: usize, cue: &Cue) -> Option<(Raw, usize)> {
    // `lo` is where the sentence's last attribution ended: the content before "according to"
    // starts there, not inside an earlier content.
    let s0 = cue.t1;
    let mut s1 = s0;
    while s1 < e && !toks[s1].is_clause_punct() && s1 - s0 < 12 {
        s1 += 1;
    }
    if s1 == s0 {
        return None;
    }
    let mut parts = Vec::new();
    let before = trim_end(toks, lo, cue.t0);
    let has_before = n_words(toks, lo, before) >= 2;
    if has_before {
        parts.push((trim_start(toks, lo, before), before));
    }
    // "…, according to Ana Ruiz, a spokeswoman for the city." and "According to Ana Ruiz, a
    // spokeswoman for the city, the talks …": the apposition belongs to the source. After a
    // content it must end the sentence; before one it must end at a comma.
    if let Some(q) = apposition_after(toks, s1, e) {
        let at_end = toks[q..e].iter().all(|t| !t.word);
        let closes = if has_before {
            at_end
        } else {
            toks.get(q).is_some_and(|t| t.is_comma()) && q + 1 < e
        };
        if closes {
            s1 = q;
        }
    }
    let a0 = trim_start(toks, s1, e);
    let a1 = content_end(toks, a0, e);
    if s1 < e && n_words(toks, a0, a1) >= 2 {
        parts.push((a0, a1));
    }
    if parts.is_empty() {
        return None;
    }
    let next = parts.last().map_or(e, |p| p.1).max(s1);
    Some((
        Raw {
            parts,
            source: Some((s0, s1)),
            cue: (cue.t0, cue.t1),
        },
        next,
    ))
}

/// Most tokens an agent ("by the city's largest union") may take before the question it asked.
const MAX_AGENT: usize = 12;

/// Where the content starts when `c0` opens a "by" phrase: the agent of a passive or a byline
/// ("was first reported by the Times", "Additional reporting by …") is no content, so None,
/// unless a question follows it ("Asked by a reporter whether …" starts at "whether"); "by"
/// + a gerund is the content ("responded by saying …").
fn after_agent(toks: &[Tok], c0: usize, e: usize) -> Option<usize> {
    let by = toks.get(c0).filter(|_| c0 < e).is_some_and(|t| t.is("by"));
    let gerund = toks.get(c0 + 1).is_some_and(|t| t.lower.ends_with("ing"));
    if !by || gerund {
        return Some(c0);
    }
    (c0 + 1..e.min(c0 + 1 + MAX_AGENT)).find(|&j| {
        let t = &toks[j];
        t.word && !t.in_quote && (opens_complement(&t.lower) || t.is("about") || t.is("to"))
    })
}

/// A preposed attribution at `cue`; `prev` is the one before it in the sentence.
fn preposed(
    toks: &[Tok],
    lo: usize,
    e: usize,
    cue: &Cue,
    prev: Option<&Raw>,
) -> Option<(Raw, usize)> {
    let source = match cue.kind {
        CueKind::According => {
            let floor = prev.map_or(lo, |p| p.parts.last().map_or(lo, |x| x.1).max(lo));
            return according(toks, floor, e, cue);
        }
        CueKind::Evidential => return evidential(toks, lo, e, cue),
        CueKind::Passive => return passive_judgement(toks, lo, e, cue),
        CueKind::Impersonal => None,
        CueKind::Noun => Some((cue.t0 - 1, cue.t0)),
        // "X has been asked to …", "X is expected to …": the subject is no speaker.
        _ if passive_of_saying(toks, lo, cue.t0) => None,
        _ => {
            // ", adding …" and "… and told reporters …": the same source goes on.
            let before = cue.t0.checked_sub(1).filter(|&b| b >= lo).map(|b| &toks[b]);
            let continues = before.is_some_and(|b| {
                (b.is_comma() && is_participle_cue(&toks[cue.t0])) || b.is("and") || b.is("but")
            });
            // "…, while saying …", "… by saying …": a participle after a subordinator.
            let joined = cue.t0 > lo + 1
                && is_participle_cue(&toks[cue.t0])
                && matches!(
                    toks[cue.t0 - 1].lower.as_str(),
                    "while" | "by" | "after" | "before"
                )
                && toks[cue.t0 - 2].is_comma();
            match prev.filter(|_| continues) {
                Some(p) => p.source,
                // No attribution before it: the subject of the sentence speaks on.
                None if continues || joined => Some(
                    sentence_subject(toks, lo, cue.t0).or_else(|| source_left(toks, lo, cue.t0))?,
                ),
                // No noun phrase right before the verb ("…, offering analysis, said"): the
                // subject of the sentence, when it is a noun phrase.
                None => Some(
                    source_left(toks, lo, cue.t0).or_else(|| sentence_subject(toks, lo, cue.t0))?,
                ),
            }
        }
    };
    let c0 = match cue.kind {
        CueKind::Impersonal | CueKind::Noun => cue.t1,
        _ => after_agent(toks, content_start(toks, cue, e), e)?,
    };
    if c0 >= e {
        return None;
    }
    let relative = source
        .is_some_and(|(a, b)| b == a + 1 && matches!(toks[a].lower.as_str(), "who" | "which"));
    let (c1, next, min_words) = if cue.kind == CueKind::Stance || relative {
        let (c1, next) = object_clause_end(toks, c0, e, cue.kind == CueKind::Stance);
        (c1, next, 1)
    } else {
        (content_end(toks, c0, e), 0, 2)
    };
    // "The mayor's claim that crime fell was disputed": a noun cue whose phrase opens the
    // sentence is its subject, so the sentence's own predicate follows the content.
    let c1 = if cue.kind == CueKind::Noun && opens_sentence(toks, lo, cue.t0 - 1) {
        predicate_start(toks, c0, c1)
    } else {
        c1
    };
    // "72 percent said yes", "the mayor said so": one word standing for the whole answer.
    let proform = c1 == c0 + 1 && toks[c0].word && !toks[c0].cap && is_proform(&toks[c0].lower);
    if c1 <= c0 || (n_words(toks, c0, c1) < min_words && !proform) {
        return None;
    }
    // A cue followed only by an adjunct has its content before it (pass 1), not after.
    if matches!(cue.kind, CueKind::Clause | CueKind::Object) {
        let (adj, seg) = adjunct_only(toks, c0, e);
        if adj && seg == e && e - c0 <= 4 {
            return None;
        }
    }
    Some((
        Raw {
            parts: vec![(c0, c1)],
            source,
            cue: (cue.t0, cue.t1),
        },
        c1.max(next),
    ))
}

/// Is the word at `j` a finite verb in the past ("angered", "surprised") rather than a
/// participle or an adjective: an "-ed" form after a word that is no article, preposition,
/// auxiliary or "to" ("the detailed plan", "was closed", "to get elected"), and before no "by"
/// ("branches owned by the city")?
fn past_verb_at(toks: &[Tok], j: usize) -> bool {
    let t = &toks[j];
    let form = t.word && !t.cap && !t.in_quote && t.lower.len() > 4 && t.lower.ends_with("ed");
    let after_noun = toks[..j].last().is_some_and(|p| {
        p.word
            && !p.is("to")
            && !p.in_class(class::ARTICLE | class::PREPOSITION | class::AUX)
            && !lexicon::is_passive_auxiliary(&p.lower)
    });
    form && after_noun && !toks.get(j + 1).is_some_and(|n| n.is("by"))
}

/// Where the predicate of a sentence whose subject holds the content `from..to` starts: at
/// its auxiliary ("… to lower fares was broken") or, with none, its verb in the past ("… to
/// close two branches angered the union"); a "that" clause has a verb of its own, so with two
/// such verbs the second ("that the schools were safe was false", "that the plan worked
/// surprised everyone"), and with one only an auxiliary. Without one the end is unknown and
/// the content keeps `to`.
fn predicate_start(toks: &[Tok], from: usize, to: usize) -> usize {
    let aux = |j: usize| !toks[j].in_quote && toks[j].in_class(class::AUX);
    // "to deport undocumented immigrants": right after the infinitive an "-ed" form is its
    // object's adjective.
    let mut verbs = (from + 1..to).filter(|&j| aux(j) || (j > from + 2 && past_verb_at(toks, j)));
    let first = verbs.next();
    let at = if toks[from].is("that") {
        verbs.next().or(first.filter(|&j| aux(j)))
    } else {
        first
    };
    at.map_or(to, |j| trim_end(toks, from, j))
}

/// The possessive at `k` ends a noun phrase that opens the sentence starting at `lo`: only
/// articles, capitalised words (names, titles) and their full stops come before it ("The
/// mayor's", "Ms. Osei's", "His").
fn opens_sentence(toks: &[Tok], lo: usize, k: usize) -> bool {
    toks[lo..k]
        .iter()
        .all(|t| t.cap || t.in_class(class::ARTICLE) || t.is("."))
}

/// Longest subordinate clause that opens a sentence ("Although X said A, …"), in tokens.
const MAX_OPENING: usize = 60;

/// The comma that closes a subordinate clause opening the sentence ("While she never named
/// him, she …", "But because the poll found A, …"), if the sentence opens with one.
fn opening_clause_end(toks: &[Tok], lo: usize, e: usize) -> Option<usize> {
    let mut s = lo;
    if toks
        .get(s)
        .is_some_and(|t| matches!(t.lower.as_str(), "but" | "and" | "so"))
    {
        s += 1;
    }
    let t = toks.get(s).filter(|_| s < e)?;
    if !t.word || !is_subordinator(&t.lower) {
        return None;
    }
    (s + 2..(s + MAX_OPENING).min(e)).find(|&j| toks[j].is_comma() && !toks[j].in_quote)
}

/// Attributions of the sentence `[lo, hi)`, outermost only, in text order.
pub fn sentence(toks: &[Tok], lo: usize, hi: usize) -> Vec<Raw> {
    sentence_from(toks, lo, hi, true)
}

/// Attributions of a sentence that holds direct quotes (tokens marked `in_direct`): the
/// reported speech around them ("X said A and added, “B”", "“A,” said X, who argued that B"),
/// none reaching into a quote, its source or its cue.
pub fn sentence_around_quotes(toks: &[Tok], lo: usize, hi: usize) -> Vec<Raw> {
    let free = |(a, b): (usize, usize)| !toks[a..b].iter().any(|t| t.in_direct);
    // A content that runs up to a quote's cue or lead-in words is that quote's source or
    // hearer ("In a statement, the spokesman said: “…”", "told the paper in a written …").
    let runs_into_quote = |r: &Raw| {
        r.parts
            .last()
            .and_then(|p| toks.get(p.1))
            .is_some_and(|t| t.in_direct && t.word)
    };
    sentence(toks, lo, hi)
        .into_iter()
        .filter(|r| {
            r.parts.iter().all(|&p| free(p))
                && r.source.map_or(true, free)
                && free(r.cue)
                && !runs_into_quote(r)
        })
        .collect()
}

/// [`sentence`]; `documents` says whether "In a poll, …" may open it (once per sentence, so the
/// second look after such an opening stays linear).
fn sentence_from(toks: &[Tok], lo: usize, hi: usize, documents: bool) -> Vec<Raw> {
    let e = trim_end(toks, lo, hi);
    let mut out: Vec<Raw> = Vec::new();
    if e < lo + 3 {
        return out;
    }
    let mut k = lo;
    if let Some(raw) = headline_colon(toks, lo, e) {
        out.push(raw);
        return out;
    }
    if let Some(raw) = in_document(toks, lo, e).filter(|_| documents) {
        // "In an interview, Ms. Ota said …": a source and cue of its own speak, not the
        // interview (a poll or a study does speak: "In a poll, most voters opposed …"). The
        // rest of the sentence is looked at once more, from after the comma.
        let medium = toks[lo..raw.parts[0].0]
            .iter()
            .any(|t| lexicon::MEDIA.contains(t.lower.as_str()));
        let own = if medium {
            sentence_from(toks, raw.parts[0].0, hi, false)
        } else {
            Vec::new()
        };
        return if own.is_empty() { vec![raw] } else { own };
    }
    // "Asked whether …, the senator said …": the question, then the answer's attribution.
    let asked = asked_first(toks, lo, e);
    if let Some(raw) = asked {
        k = raw.parts[0].1 + 1;
        out.push(raw);
    } else if let Some((raw, next)) = postposed(toks, lo, e) {
        out.push(raw);
        k = next;
    }
    let opening = opening_clause_end(toks, lo, e);
    while k < e {
        let Some(cue) = cue_at(toks, lo, e, k) else {
            k += 1;
            continue;
        };
        // "While she said A, B": a cue in the opening subordinate clause reports A only.
        let end = opening.filter(|&c| k < c).unwrap_or(e);
        match preposed(toks, lo, end, &cue, out.last()) {
            Some((raw, next)) => {
                out.push(raw);
                k = next.max(k + 1);
            }
            None => k += 1,
        }
    }
    out
}
