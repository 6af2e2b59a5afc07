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
//! next attribution. [`with_nested`] then searches each content again with the same rules for
//! the attributions nested in it ("The mayor said the council told her that …"), a bounded
//! number of levels deep.

mod empty_content;
mod infinitive;
mod participle_subject;

use super::content_bounds::{
    adjunct_only, clause_end, content_end, content_start, ed_form, is_participle_cue, n_words,
    object_clause_end, object_relative_start, trim_end, trim_start, verb_of_that_clause,
};
use super::cue_senses::finding_antecedent;
use super::cues::{cue_at, judgement_received, possessive, stance_noun_holder, Cue, CueKind};
use super::forms::{asked_first, headline_colon, in_document, participle_first, passive_judgement};
use super::lexicon;
use super::postposed::{according, according_tag, postposed};
use super::rejections::{note, reject, Rejection::*};
use super::sources::{
    coordinated_subject, expletive_subject_before, participle_form, passive_agent,
    passive_of_saying, relative_clause_subject, sentence_subject, source_left,
};
use super::tokens::{class, Tok};

/// An attribution in token indexes: content parts `[t0, t1)`, source, cue.
#[derive(Clone, Debug)]
pub struct Raw {
    pub parts: Vec<(usize, usize)>,
    pub source: Option<(usize, usize)>,
    pub cue: (usize, usize),
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
    // "The mayor, who seemed tired, left early": a relative clause ends at its closing comma.
    let relative = toks[c0].word && toks[c0].in_class(class::RELATIVE_PRONOUN);
    let c1 = if relative {
        clause_end(toks, cue.t1, e)
    } else {
        content_end(toks, cue.t1, e)
    };
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

/// Most tokens an agent ("by the city's largest union") may take before the question it asked.
const MAX_AGENT: usize = 12;

/// Where the content starts when `c0` opens a "by" phrase: the agent of a passive or a byline
/// ("was first reported by the Times", "Additional reporting by …") is no content, so None,
/// unless a question follows it ("Asked by a reporter whether …" starts at "whether"); "by"
/// + a gerund is the content ("responded by saying …").
fn after_agent(toks: &[Tok], c0: usize, e: usize) -> Option<usize> {
    let by = toks.get(c0).filter(|_| c0 < e).is_some_and(|t| t.is("by"));
    let gerund = toks.get(c0 + 1).is_some_and(|t| t.is_ing_form());
    if !by || gerund {
        return Some(c0);
    }
    (c0 + 1..e.min(c0 + 1 + MAX_AGENT)).find(|&j| {
        let t = &toks[j];
        t.word
            && !t.in_quote
            && (t.in_class(class::OPENS_COMPLEMENT) || t.is("about") || t.is("to"))
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
        // "Ruiz renewed her attack on the plan": a possessive pronoun after the sentence's
        // subject stands for it, and the subject is the name a reader is given.
        CueKind::NounObject => {
            let p = stance_noun_holder(toks, lo, cue.t0).or_else(|| reject(NoHolder))?;
            // "The mayor faced criticism for the delay": from nobody named.
            let meets = lexicon::meets_stance_noun(&toks[p].lower);
            let pronoun = lexicon::is_possessive(&toks[p].lower);
            // "Critics raised doubts about": the subject stands before the raising verb itself.
            let raises = lexicon::is_raising_verb(&toks[p].lower);
            let v = p + usize::from(raises);
            let subject = Some(v)
                .filter(|&v| v > lo)
                .and_then(|v| sentence_subject(toks, lo, v));
            match subject {
                _ if meets => None,
                // "activists who raised concerns about": the relative pronoun stands for them.
                _ if raises && p > lo && toks[p - 1].in_class(class::RELATIVE_PRONOUN) => {
                    Some((p - 1, p))
                }
                // "nothing to raise doubts about": an infinitive's doubt is nobody's yet.
                _ if raises && p > lo && toks[p - 1].lower == "to" => None,
                // "The documents raised questions about": a thing raising a doubt holds none.
                Some(s) if raises && !names_someone(&toks[s.1 - 1]) => None,
                Some(s) if pronoun || !possessive(&toks[p]) => Some(s),
                _ if possessive(&toks[p]) => Some((p, p + 1)),
                // "an impassioned defense of" with no subject to hold it: nobody named.
                _ => None,
            }
        }
        // "Turnout is expected to be high": the subject is part of what is expected.
        _ if passive_of_saying(toks, lo, cue.t0)
            && toks[cue.t0].in_class(class::EXPECTATION_PARTICIPLE) =>
        {
            return evidential(toks, lo, e, cue)
        }
        // "X has been asked to …", "X is told that …": the subject is no speaker; an agent
        // ("asked by reporters whether …") is.
        _ if passive_of_saying(toks, lo, cue.t0) => passive_agent(toks, cue.t1, e),
        // "The plan drew sharp criticism for its cost": received from nobody named.
        _ if judgement_received(toks, lo, cue.t0) => None,
        // "Ruiz, when questioned after the vote, …": the subject of a reduced passive was
        // asked; what follows the participle is the writer's adjunct, not its words.
        _ if reduced_passive(toks, lo, cue.t0) => return reject(NoSource),
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
            // "Ruiz, who toured the plant and said …": the relative clause goes on.
            let relative = before
                .filter(|b| b.is("and") || b.is("but"))
                .and_then(|_| relative_clause_subject(toks, lo, cue.t0 - 1));
            match prev.filter(|_| continues) {
                _ if relative.is_some() => relative,
                // "…, and the union has sued the city, saying": not the earlier source.
                Some(p) => before
                    .filter(|b| b.is_comma() && is_participle_cue(&toks[cue.t0]))
                    .and_then(|_| coordinated_subject(toks, lo, cue.t0, p.cue.1))
                    .or(p.source),
                // No attribution before it: the subject of the sentence speaks on.
                None if continues || joined => Some(
                    participle_subject::participle_subject(toks, lo, cue.t0)
                        .or_else(|| source_left(toks, lo, cue.t0))
                        .or_else(|| reject(NoSource))?,
                ),
                // "There are fears the bridge will close": from nobody named.
                None if expletive_subject_before(toks, lo, cue.t0) => None,
                // No noun phrase right before the verb ("…, offering analysis, said"): the
                // subject of the sentence, when it is a noun phrase.
                None => Some(
                    infinitive::infinitive_subject(toks, lo, cue.t0)
                        .or_else(|| source_left(toks, lo, cue.t0))
                        .or_else(|| participle_subject::participle_subject(toks, lo, cue.t0))
                        .or_else(|| infinitive::infinitive_stance_holder(toks, lo, cue))
                        .or_else(|| reject(NoSource))?,
                ),
            }
        }
    };
    let source = source.map(|s| finding_antecedent(toks, lo, s).unwrap_or(s));
    let c0 = match cue.kind {
        CueKind::Impersonal | CueKind::Noun | CueKind::NounObject => cue.t1,
        _ => after_agent(toks, content_start(toks, cue, e), e).or_else(|| reject(NoContent))?,
    };
    if c0 >= e {
        return reject(NoContent);
    }
    let relative =
        source.is_some_and(|(a, b)| b == a + 1 && toks[a].in_class(class::RELATIVE_PRONOUN));
    let object = matches!(cue.kind, CueKind::Stance | CueKind::NounObject);
    let (c1, next, min_words) = if object || relative {
        let (c1, next) = object_clause_end(toks, c0, e, object);
        (c1, next, 1)
    } else {
        (content_end(toks, c0, e), 0, 2)
    };
    // "The mayor's claim that crime fell was disputed": a noun cue whose phrase opens the
    // sentence is its subject, so the sentence's own predicate follows the content.
    let holder = match cue.kind {
        CueKind::Noun => Some(cue.t0 - 1),
        CueKind::NounObject => stance_noun_holder(toks, lo, cue.t0),
        _ => None,
    };
    let c1 = if holder.is_some_and(|h| opens_sentence(toks, lo, h)) {
        predicate_start(toks, c0, c1)
    } else {
        c1
    };
    // "The judge ruled that the aide claimed …": the outer verb's subject reports the whole
    // "that" clause, the aide's claim nested in it (found by [`with_nested`]).
    if let Some(v) = source.and_then(|s| verb_of_that_clause(toks, lo, s)) {
        if let Some(outer) = source_left(toks, lo, v) {
            let c1 = content_end(toks, v + 1, e);
            let raw = Raw {
                parts: vec![(v + 1, c1)],
                source: Some(outer),
                cue: (v, v + 1),
            };
            return Some((raw, c1));
        }
    }
    // "what the mayor called a disgrace", "which she has said was a mistake": the relative
    // clause, from its relative word, is the content.
    let (c0, c1) = match source.and_then(|s| object_relative_start(toks, lo, s)) {
        Some(r) if cue.kind == CueKind::Clause => (r, relative_clause_end(toks, cue.t1, c0, e)),
        Some(r) => (r, clause_end(toks, c0, e)),
        None => (c0, c1),
    };
    // "72 percent said yes", "the mayor said so": one word standing for the whole answer.
    // "… by the time he said that.": a closing demonstrative stands for what was said.
    let proform = c1 == c0 + 1
        && toks[c0].word
        && !toks[c0].cap
        && (toks[c0].in_class(class::PROFORM)
            || (toks[c0].is("that") && c1 == trim_end(toks, c0, e)));
    if c1 <= c0 || (n_words(toks, c0, c1) < min_words && !proform) {
        return reject(TooShort);
    }
    // A cue followed only by an adjunct has its content before it (pass 1), not after.
    if matches!(cue.kind, CueKind::Clause | CueKind::Object) {
        let (adj, seg) = adjunct_only(toks, c0, e);
        if adj && seg == e && e - c0 <= 4 {
            return reject(AdjunctOnly);
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
    let form = ed_form(t);
    let after_noun = toks[..j].last().is_some_and(|p| {
        p.word
            && !p.is("to")
            && !p.in_class(
                class::ARTICLE | class::PREPOSITION | class::AUX | class::PASSIVE_AUXILIARY,
            )
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
    // object's adjective. After a noun object a past verb may follow at once ("his endorsement
    // of Ruiz came late", "her attack on the plan backfired").
    let infinitive = toks[from].is("to");
    let past = |j: usize| {
        let t = &toks[j];
        let irregular = t.word && !t.cap && !t.in_quote && t.in_class(class::IRREGULAR_PAST);
        (past_verb_at(toks, j) || (irregular && toks[j - 1].word && !toks[j - 1].is("to")))
            && (j > from + 2 || !infinitive)
    };
    let mut verbs = (from + 1..to).filter(|&j| aux(j) || past(j));
    let first = verbs.next();
    let at = if toks[from].is("that") {
        verbs.next().or(first.filter(|&j| aux(j)))
    } else {
        first
    };
    at.map_or(to, |j| trim_end(toks, from, j))
}

/// "The plan that voters believe is needed was shelved": a relative clause whose verb reports a
/// clause holds that clause's verb ("is needed", or "passed" in "that voters believe the council
/// passed"), so a second finite verb after the cue, not joined by "and"/"or"/"but" or a comma,
/// is the predicate of the sentence the relative clause sits in ("was shelved"), and the content
/// ends before it. With one verb ("They shelved the plan that voters believe is needed.") the
/// clause runs to its usual end.
fn relative_clause_end(toks: &[Tok], after_cue: usize, c0: usize, e: usize) -> usize {
    let end = clause_end(toks, c0, e);
    let finite =
        |j: usize| !toks[j].in_quote && (toks[j].in_class(class::AUX) || past_verb_at(toks, j));
    let joined = |j: usize| {
        let p = &toks[j - 1];
        p.is_comma() || matches!(p.lower.as_str(), "and" | "or" | "but")
    };
    // Verb groups ("would have been") count once: a group starts where no verb precedes.
    let mut groups = (after_cue..end).filter(|&j| finite(j) && (j == after_cue || !finite(j - 1)));
    let _own = groups.next();
    match groups.next() {
        Some(j) if !joined(j) => trim_end(toks, c0, j),
        _ => end,
    }
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
/// him, she …", "But because the poll found A, …") or a prepositional phrase opening it
/// ("Despite polls showing her behind, she …": [opening_preposition]), if the sentence opens
/// with one.
fn opening_clause_end(toks: &[Tok], lo: usize, e: usize) -> Option<usize> {
    let mut s = lo;
    if toks
        .get(s)
        .is_some_and(|t| matches!(t.lower.as_str(), "but" | "and" | "so"))
    {
        s += 1;
    }
    let t = toks.get(s).filter(|_| s < e)?;
    let opens = t.in_class(class::SUBORDINATOR) || lexicon::is_opening_preposition(&t.lower);
    if !t.word || !opens {
        return None;
    }
    (s + 2..(s + MAX_OPENING).min(e)).find(|&j| toks[j].is_comma() && !toks[j].in_quote)
}

/// Attributions of the sentence `[lo, hi)`, outermost only, in text order ([`with_nested`]
/// adds the ones inside their contents).
pub fn sentence(toks: &[Tok], lo: usize, hi: usize) -> Vec<Raw> {
    let mut out = sentence_from(toks, lo, hi, true);
    out.retain(|r| !empty_content::says_nothing(toks, r));
    out
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
        // interview; nor a written work, whose author is named after it ("In an op-ed, the
        // senator wrote …"). A poll does speak: "In a poll, most voters opposed …". The rest
        // of the sentence is looked at once more, from after the comma.
        let medium = toks[lo..raw.parts[0].0]
            .iter()
            .any(|t| t.in_class(class::MEDIUM) || lexicon::is_authored_document(&t.lower));
        let own = if medium {
            sentence_from(toks, raw.parts[0].0, hi, false)
        } else {
            Vec::new()
        };
        return if own.is_empty() { vec![raw] } else { own };
    }
    // "Asked whether …, the senator said …": the question, then the answer's attribution.
    // "Noting that …, the mayor said …": the participle's clause, then the main clause.
    let asked = asked_first(toks, lo, e).or_else(|| participle_first(toks, lo, e));
    if let Some(raw) = asked {
        k = raw.parts[0].1 + 1;
        out.push(raw);
    } else if let Some((raw, next)) = postposed(toks, lo, e).or_else(|| according_tag(toks, lo, e))
    {
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
        match note(toks, &cue, preposed(toks, lo, end, &cue, out.last())) {
            Some((raw, next)) => {
                out.push(raw);
                k = next.max(k + 1);
            }
            None => k += 1,
        }
    }
    out
}

/// Most levels of reported speech searched below an outermost attribution. News nests two,
/// rarely three ("Officials said the report found that voters believe …"); deeper chains are
/// hostile input or a run-on. Each level searches every token of the sentence at most once, so
/// a sentence costs at most `1 + MAX_NESTING` scans whatever its shape.
pub const MAX_NESTING: usize = 3;

/// `top` (a sentence's outermost attributions) followed by the attributions nested in their
/// contents, level by level: each with the index, in the returned list, of the attribution
/// whose content holds it (None for `top`). A content is searched as a sentence of its own.
pub fn with_nested(toks: &[Tok], top: Vec<Raw>) -> Vec<(Raw, Option<usize>)> {
    let mut out: Vec<(Raw, Option<usize>)> = top.into_iter().map(|r| (r, None)).collect();
    let mut level = 0..out.len();
    for _ in 0..MAX_NESTING {
        let mut ranges: Vec<(usize, usize, usize)> = level
            .clone()
            .flat_map(|p| out[p].0.parts.iter().map(move |&(a, b)| (a, b, p)))
            .collect();
        ranges.sort_unstable();
        let next = out.len();
        // Contents of one level that overlap are searched once: a token already searched at
        // this level is not searched again (that keeps each level one scan of the sentence).
        let mut searched = 0;
        for (a, b, p) in ranges {
            let a = a.max(searched);
            if a >= b {
                continue;
            }
            searched = b;
            for r in sentence(toks, a, b) {
                if !refound(&out, p, &r) {
                    out.push((r, Some(p)));
                }
            }
        }
        level = next..out.len();
        if level.is_empty() {
            break;
        }
    }
    out
}

/// Is `r`, found in the content of `out[p]`, that attribution or one holding it found again?
/// An evidential or relative-clause content ("what he called …", "the plan seems …") holds its
/// own cue, so searching it finds the same cue; a content equal to its parent's is no nesting.
fn refound(out: &[(Raw, Option<usize>)], p: usize, r: &Raw) -> bool {
    if out[p].0.parts == r.parts {
        return true;
    }
    let mut at = Some(p);
    while let Some(i) = at {
        if out[i].0.cue == r.cue {
            return true;
        }
        at = out[i].1;
    }
    false
}

/// A past participle right after "when", "if" ([reduced_passive_lead]: "when questioned", "if
/// pressed"): a reduced passive whose subject is the one asked or told, no speaker. Not "once"
/// or "since", adverbs too ("which he once supported").
fn reduced_passive(toks: &[Tok], lo: usize, k: usize) -> bool {
    let t = &toks[k];
    k > lo
        && !t.cap
        && !t.is_ing_form()
        && participle_form(t)
        && toks[k - 1].word
        && !toks[k - 1].in_quote
        && lexicon::is_reduced_passive_lead(&toks[k - 1].lower)
}

/// A subject's last word that names someone: a capitalised word or a subject pronoun ("the
/// auditor" or "the documents" is left to the reader: a doubt raised by a thing is no one's).
fn names_someone(t: &Tok) -> bool {
    // "Remarks on the plan raise questions": a capitalised medium is a thing, not a name.
    (t.cap && !t.in_class(class::MEDIUM))
        || t.in_class(class::SUBJECT_PRONOUN | class::RELATIVE_PRONOUN)
}
