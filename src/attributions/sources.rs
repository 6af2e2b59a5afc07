//! The source of a reporting verb: the noun phrase before it ("the ministry said", "Clinton,
//! the Democratic nominee, has said") or, inverted, after it ("…, said the spokesman").
//! Every walk is bounded, so finding a source is constant work per cue.

use super::content_bounds::trim_end;
use super::forms::counted_agent;
use super::lexicon;
use super::tokens::{class, ing_shaped, Tok};

mod openers;
mod predicate;
mod subjects;
mod vehicles;
pub use subjects::{coordinated_subject, relative_clause_subject, sentence_subject};
pub(super) use vehicles::presents_medium_with_cue;
use vehicles::{issuer_of_medium, subject_of_past_verb};

/// Longest source noun phrase, in tokens.
const MAX_NP: usize = 8;

/// An adverb in -ly ("quickly", "publicly"), not a noun that ends so ("rally", "family").
pub fn is_adverb(t: &Tok) -> bool {
    let w = t.lower.as_str();
    w.len() > 4 && w.ends_with("ly") && !t.in_class(class::LY_NOUN)
}

/// A past-participle form: "-ed", "-en" ("seen", "taken"), "-wn" ("shown") or an irregular one
/// ("told", "said"). One test for every passive rule (a form alone: the caller checks the
/// auxiliary before it).
pub fn participle_form(t: &Tok) -> bool {
    let w = t.lower.as_str();
    w.ends_with("ed")
        || w.ends_with("en")
        || w.ends_with("wn")
        || t.in_class(class::IRREGULAR_PARTICIPLE)
}

/// Does a form of "be" or "get" stand before the word at `k`, with at most two adverbs between
/// ("was considered", "was widely considered", "is not expected", "is best known")? An adverb
/// is an -ly word ([`is_adverb`], so "a family" is none) or one of [passive_adverb].
pub fn after_passive_auxiliary(toks: &[Tok], lo: usize, k: usize) -> bool {
    let mut j = k;
    while j > lo && k - j < MAX_PASSIVE_ADVERBS {
        let a = &toks[j - 1];
        if !(a.word && !a.cap && (is_adverb(a) || lexicon::is_passive_adverb(&a.lower))) {
            break;
        }
        j -= 1;
    }
    j > lo && toks[j - 1].in_class(class::PASSIVE_AUXILIARY)
}

/// Most adverbs between a passive auxiliary and its participle.
const MAX_PASSIVE_ADVERBS: usize = 2;

/// A reporting verb that cannot be a noun ("said", "told"; not "report", "claims").
fn is_verb_cue(t: &Tok) -> bool {
    t.in_class(class::CLAUSE_CUE | class::OBJECT_CUE) && !t.in_class(class::NOUN_VERB)
}

/// Is the subject before the cue at `k` an expletive ("There are fears the bridge will
/// close")? The clause then reports something from nobody named.
pub fn expletive_subject_before(toks: &[Tok], lo: usize, k: usize) -> bool {
    k > lo
        && skip_aux_left(toks, lo, k - 1)
            .is_some_and(|p| toks[p].word && lexicon::is_expletive_subject(&toks[p].lower))
}

/// A word that can end a noun phrase (its head).
fn can_be_head(t: &Tok) -> bool {
    if !t.word || t.in_quote {
        return false;
    }
    if t.in_class(class::STOP | class::AUX | class::OBJECT_PRONOUN | class::PREPOSITION) {
        return false;
    }
    if !t.cap && is_verb_cue(t) {
        return false;
    }
    // Adverbs ("quickly") and bare numbers are not sources.
    let adverb = !t.cap && is_adverb(t);
    let number = t.lower.chars().all(|c| c.is_ascii_digit());
    !adverb && !number
}

/// Skip auxiliaries and adverbs leftwards from `p`: "has also repeatedly said".
pub fn skip_aux_left(toks: &[Tok], lo: usize, mut p: usize) -> Option<usize> {
    let mut n = 0;
    while p >= lo && n < 4 {
        let t = &toks[p];
        // "the only thing they said": after a determiner the word is an adjective, no adverb.
        let after_determiner = p > lo && toks[p - 1].in_class(class::DETERMINER);
        let adverb = t.in_class(class::FREQUENCY_ADVERB) && !after_determiner;
        if t.word && !t.cap && (t.in_class(class::AUX) || adverb || is_adverb(t)) {
            if p == lo {
                return None;
            }
            p -= 1;
            n += 1;
        } else {
            return Some(p);
        }
    }
    Some(p)
}

/// Noun phrase whose last token is `p`, not extending left of `lo`: (first, one past last).
pub fn np_ending_at(toks: &[Tok], lo: usize, p: usize) -> Option<(usize, usize)> {
    let head = toks.get(p)?;
    // A capitalised modal after a capitalised word is a name's last part ("Theresa May said",
    // "Ann Will said").
    let modal_name = head.cap
        && head.word
        && !head.in_quote
        && head.in_class(class::MODAL)
        && p > lo
        && toks[p - 1].word
        && toks[p - 1].cap;
    if p < lo || !(can_be_head(head) || modal_name) {
        return None;
    }
    if head.in_class(class::SUBJECT_PRONOUN) {
        return Some((p, p + 1));
    }
    let mut start = p;
    while start > lo && p - start + 1 < MAX_NP {
        let t = &toks[start - 1];
        let w = t.lower.as_str();
        if t.in_class(class::DETERMINER) {
            start -= 1;
            break;
        }
        // Inside a name "&" and "'s" parts are words; other punctuation ends the phrase.
        let joins = !t.word && matches!(w, "&" | "." | "-");
        if !(t.word || joins) || t.in_quote || t.in_class(class::STOP | class::SUBJECT_PRONOUN) {
            break;
        }
        if !t.cap && (t.in_class(class::AUX) || is_verb_cue(t)) {
            break;
        }
        start -= 1;
    }
    while start < p && !toks[start].word {
        start += 1;
    }
    // "offering analysis of the race said": a participle phrase, not a noun phrase.
    // A modifier in -ing right before the head at the start of a clause is no participle
    // ("But hacking experts say", "fundraising records show").
    let first = &toks[start];
    let opens_clause = start == lo || toks[start - 1].in_class(class::STOP) && toks[start - 1].word;
    let modifier = start + 1 == p && opens_clause;
    if !first.cap && first.is_ing_form() && start < p && !modifier {
        return None;
    }
    Some((start, p + 1))
}

/// Is the cue at `k` a passive participle of saying, asking or expecting ("Clinton has been
/// asked to …", "the merger is expected to …", "he was told that …")? Its subject is the hearer
/// or the topic, not the source, and the asker goes unnamed. Experiencer participles ("is
/// worried that", "was convinced") keep their subject: it holds the view, and so does "was quoted
/// as saying".
pub fn passive_of_saying(toks: &[Tok], lo: usize, k: usize) -> bool {
    let Some(t) = toks.get(k).filter(|t| t.word && !t.cap) else {
        return false;
    };
    // "was quoted as saying": the subject's own words.
    let as_saying = toks.get(k + 1).is_some_and(|n| n.is("as"));
    if !participle_form(t) || t.in_class(class::EXPERIENCER) || as_saying {
        return false;
    }
    // "The mayor, when asked by reporters, …": a question cue right after a lower-case
    // [question_opener] is a reduced passive.
    let reduced = k > lo && t.in_class(class::QUESTION_CUE) && {
        let s = &toks[k - 1];
        s.word && !s.cap && lexicon::is_question_opener(&s.lower)
    };
    reduced || after_passive_auxiliary(toks, lo, k)
}

/// The agent of a passive of saying at `k1`, right after its participle: "Ruiz was asked by
/// reporters whether …", "the aide was told by the FBI that …". The asker or teller named after
/// "by" is the source (without one, [`passive_of_saying`] leaves the source unnamed).
pub fn passive_agent(toks: &[Tok], k1: usize, e: usize) -> Option<(usize, usize)> {
    if !toks.get(k1).is_some_and(|t| t.is("by") && !t.in_quote) {
        return None;
    }
    let (s, end) = source_right(toks, k1 + 1, e).or_else(|| counted_agent(toks, k1 + 1, e))?;
    // The question after the agent is no part of it: "by reporters how the city …".
    let end = (s + 1..end)
        .find(|&j| toks[j].in_class(class::OPENS_COMPLEMENT))
        .unwrap_or(end);
    Some((s, end))
}

/// Longest time adjunct between a source and its verb ("on Monday night"), in tokens.
const MAX_TIME_ADJUNCT: usize = 4;

/// Where a time adjunct that ends at `p` starts ("the board on Monday rejected", "police had
/// last month charged", "Trump on Sunday tweeted"), if one does: the adjunct is no source.
fn time_adjunct_start(toks: &[Tok], lo: usize, p: usize) -> Option<usize> {
    let t = &toks[p];
    // A day name ("Monday") or a time noun ("month", "week") ends it.
    let ends_time = t.word
        && ((t.cap && t.in_class(class::OPENS_ADJUNCT))
            || (!t.cap && t.in_class(class::TIME_NOUN)));
    if !ends_time {
        return None;
    }
    let floor = p.saturating_sub(MAX_TIME_ADJUNCT).max(lo + 1);
    let mut j = p;
    while j > floor {
        let q = &toks[j - 1];
        // "on", "last", a day name ("on Tuesday night"); a determiner before a time noun
        // ("in the past", "earlier in the day").
        let det = !q.cap && q.in_class(class::DETERMINER);
        let time_word = q.word
            && (q.in_class(class::OPENS_ADJUNCT)
                || (!q.cap && q.in_class(class::TIME_NOUN))
                || (det && toks[j].in_class(class::TIME_NOUN)));
        if !time_word {
            break;
        }
        j -= 1;
    }
    (j > lo).then_some(j)
}

/// The source before a cue whose first token is `k`, in the sentence starting at `lo`.
pub fn source_left(toks: &[Tok], lo: usize, k: usize) -> Option<(usize, usize)> {
    if k == 0 || k <= lo {
        return None;
    }
    let mut p = skip_aux_left(toks, lo, k - 1)?;
    // "Ruiz and Lee have both said …": a floating quantifier stands for the subject before it.
    let q = &toks[p];
    if q.word && !q.cap && p > lo && lexicon::is_floating_quantifier(&q.lower) {
        let before = skip_aux_left(toks, lo, p - 1).and_then(|b| source_before(toks, lo, b));
        if before.is_some() {
            return before;
        }
    }
    // "The unions came out against …": a past tense before the cue is the source's verb.
    let t = &toks[p];
    if t.word && !t.cap && t.in_class(class::IRREGULAR_PAST) && p > lo {
        p = skip_aux_left(toks, lo, p - 1)?;
    }
    // "The board on Monday rejected …": the source is before the time adjunct (looked for
    // once: no recursion past a second adjunct).
    let src = match time_adjunct_start(toks, lo, p) {
        Some(j) => skip_aux_left(toks, lo, j - 1)
            .and_then(|q| source_before(toks, lo, q))
            .or_else(|| source_before(toks, lo, p)),
        None => source_before(toks, lo, p),
    }?;
    let src = issuer_of_medium(toks, lo, src)
        .or_else(|| subject_of_past_verb(toks, lo, k, src))
        .or_else(|| predicate::subject_before_auxiliary(toks, lo, k, src))
        .or_else(|| predicate::pronoun_before_predicate(toks, lo, src))
        .unwrap_or(src);
    let src = head_of_modifier(toks, lo, src);
    // "Ruiz spent much of her speech praising …", "who has spent weeks attacking …": the time
    // spent is taken for the source; the subject of the spending verb is the source.
    let first = &toks[src.0];
    let spending = first.word && !first.cap && lexicon::is_spending_verb(&first.lower);
    if spending && src.0 > lo {
        if let Some(subject) = source_left(toks, lo, src.0) {
            return Some(subject);
        }
    }
    Some(src)
}

/// "officials at the agency said", "the head of the union said": a noun phrase after a
/// preposition that follows another noun phrase modifies it; the source is the whole phrase.
fn head_of_modifier(toks: &[Tok], lo: usize, src: (usize, usize)) -> (usize, usize) {
    let Some(m) = src.0.checked_sub(1).filter(|&m| m > lo) else {
        return src;
    };
    let t = &toks[m];
    let link = t.word
        && !t.cap
        && !t.in_quote
        && t.in_class(class::MODIFIER_LINK | class::PREPOSITION)
        && !t.in_class(class::CLAUSE_LINK)
        && !t.is("by")
        && !t.is("to");
    // "who in the past has said", "she in recent weeks said": an adjunct after a subject
    // pronoun, which is the source.
    let pronoun = &toks[m - 1];
    if link && pronoun.word && pronoun.in_class(class::SUBJECT_PRONOUN | class::RELATIVE_PRONOUN) {
        return (m - 1, m);
    }
    // After a comma the phrase may close a postposed attribution, whose source
    // (postposed.rs postmodified_source) is found from the phrase before the cue.
    match link.then(|| np_ending_at(toks, lo, m - 1)).flatten() {
        Some((s, _)) if s == lo || !toks[s - 1].is_comma() => (s, src.1),
        _ => src,
    }
}

/// The source whose last token is `p` (auxiliaries already skipped).
fn source_before(toks: &[Tok], lo: usize, p: usize) -> Option<(usize, usize)> {
    // "Sen. Ann Lee (D-Ore.) said": the party tag belongs to the name.
    if toks[p].is(")") {
        let floor = p.saturating_sub(8).max(lo);
        let open = (floor..p).rev().find(|&j| toks[j].is("("))?;
        if open == lo {
            return None;
        }
        let (s, _) = np_ending_at(toks, lo, open - 1)?;
        return Some((s, p + 1));
    }
    // "Joseph Biden Jr. said", "Acme Inc. said": the period of an abbreviated name part.
    if toks[p].is(".") && p > lo && toks[p - 1].cap && toks[p - 1].word {
        let (s, _) = np_ending_at(toks, lo, p - 1)?;
        return Some((s, p + 1));
    }
    // "six in 10 said", "two of three say": a proportion.
    let number = |t: &Tok| t.word && t.lower.chars().all(|c| c.is_ascii_digit());
    if number(&toks[p]) && p >= lo + 2 && matches!(toks[p - 1].lower.as_str(), "in" | "of") {
        let mut s = p - 2;
        while s > lo && toks[s - 1].word && !toks[s - 1].in_class(class::STOP) && p - s < 5 {
            s -= 1;
        }
        return toks[p - 2].word.then_some((s, p + 1));
    }
    // "most of them said", "two of us agreed": a quantifier of a plural pronoun.
    if matches!(toks[p].lower.as_str(), "them" | "us") && p >= lo + 2 && toks[p - 1].is("of") {
        let q = &toks[p - 2];
        if q.word && (q.in_class(class::DETERMINER) || number(q)) {
            return Some((p - 2, p + 1));
        }
    }
    // "42% say …": the number and its percent sign.
    if toks[p].is("%") && p > lo && toks[p - 1].word {
        return Some((p - 1, p + 1));
    }
    // "Ted Cruz, who said …": the relative pronoun is the source (resolved by the caller).
    if toks[p].in_class(class::RELATIVE_PRONOUN) && !toks[p].in_quote {
        return Some((p, p + 1));
    }
    // "the group that said …", "a poll that found …": "that" right after a noun is the
    // relative subject, the source as "who" is (resolved by the caller).
    if relative_that(toks, lo, p) {
        return Some((p, p + 1));
    }
    if toks[p].is_comma() && p > lo {
        return apposition_source(toks, lo, p);
    }
    // "a source close to him said", "people familiar with them say": a modifier of the head
    // that ends in an object pronoun, which ends no noun phrase of its own.
    let link = |t: &Tok| t.word && t.in_class(class::PREPOSITION | class::MODIFIER_LINK);
    if toks[p].in_class(class::OBJECT_PRONOUN) && p >= lo + 2 && link(&toks[p - 1]) {
        let (s, _) = np_ending_at(toks, lo, p - 2)?;
        return Some((s, p + 1));
    }
    np_ending_at(toks, lo, p)
}

/// Is the word at `p` a relative "that" ([relative_after_noun]) after a noun ("the group that
/// …")? Not after a verb ("believed that …", "said that …"), a preposition or an adverb, where
/// it opens a clause or is a demonstrative.
fn relative_that(toks: &[Tok], lo: usize, p: usize) -> bool {
    let t = &toks[p];
    if !t.word || t.cap || t.in_quote || !t.in_class(class::RELATIVE_AFTER_NOUN) || p <= lo {
        return false;
    }
    let n = &toks[p - 1];
    let verb_form = !n.cap
        && (n.lower.ends_with("ed")
            || n.in_class(class::IRREGULAR_PARTICIPLE | class::CUE_WORD | class::THAT_CUE));
    can_be_head(n) && !verb_form
}

/// Longest run of appositions between a source and its verb ("Ana Ruiz, 41, a nurse from
/// Ohio, who has voted in every election since 1990, said").
const MAX_APPOSITIONS: usize = 40;

/// Does the apposition starting at `a` open like one: a noun phrase ("the CEO of Y", "a nurse",
/// "41"), a relative clause ("who runs Y"), a participle ("led by Y"), or a short lower-case
/// title or adverb ("executive director of Y", "however")?
fn apposition_opens(toks: &[Tok], a: usize, end: usize) -> bool {
    let t = &toks[a];
    let w = t.lower.as_str();
    let clause_like = t.in_class(class::OPENS_RELATIVE)
        || (!t.cap && (w.ends_with("ed") || ing_shaped(w)) && !is_verb_cue(t));
    let np_like =
        t.cap || t.in_class(class::DETERMINER) || w.chars().all(char::is_numeric) || clause_like;
    // A bare lower-case segment is an apposition when it is short and has no verb in it.
    let bare = t.word
        && end - a <= 12
        && toks[a..end]
            .iter()
            .all(|x| x.word && !x.in_class(class::AUXILIARY_VERB) && !is_verb_cue(x));
    t.word && (np_like || bare)
}

/// Most tokens of an apposition after a source ("a spokeswoman for the city").
const MAX_APPOSITION: usize = 12;

/// The end (exclusive) of a post-modifier of a source opened at the comma `c` ("Ana Ruiz, a
/// spokeswoman for the city, …", "the group, which tracks them, …"): the next clause
/// punctuation outside quotes, or the sentence end `e` with trailing punctuation dropped, at
/// most `max` tokens after the comma. The one reader of appositions and relative clauses.
pub fn post_modifier_end(toks: &[Tok], c: usize, e: usize, max: usize) -> Option<usize> {
    if !toks.get(c).is_some_and(|t| t.is_comma() && !t.in_quote) || c + 1 >= e {
        return None;
    }
    let a = c + 1;
    let limit = (a + max).min(e);
    if let Some(q) = (a..limit).find(|&j| toks[j].is_clause_punct() && !toks[j].in_quote) {
        return Some(q);
    }
    let end = trim_end(toks, a, e);
    (end - a <= max).then_some(end)
}

/// The apposition after a source, at the comma `c`: "according to Ana Ruiz, a spokeswoman for
/// the city, …". A noun phrase with no verb in it, up to the next clause punctuation or the
/// sentence end `e`, of at most [`MAX_APPOSITION`] tokens ([`post_modifier_end`]). Returns the
/// apposition's end (exclusive, trailing punctuation dropped).
pub fn apposition_after(toks: &[Tok], c: usize, e: usize) -> Option<usize> {
    let q = post_modifier_end(toks, c, e, MAX_APPOSITION)?;
    let a = c + 1;
    // It opens like a description of a person or body: "a spokeswoman", "an analyst at",
    // "one of the unions", "executive director of". Anything else after the comma ("the
    // CIA contractors left", "Trump made demands") is as often the content.
    let first = &toks[a];
    let w = first.lower.as_str();
    let next = toks.get(a + 1).map_or("", |t| t.lower.as_str());
    let title_of = !first.cap
        && first.word
        && !first.in_class(class::DETERMINER)
        && !w.starts_with(|c: char| c.is_ascii_digit())
        && !w.ends_with("ed")
        && !ing_shaped(w)
        && (matches!(next, "of" | "for" | "at") || toks.get(a + 2).is_some_and(|t| t.is("of")));
    if q == a || !(matches!(w, "a" | "an" | "one") || title_of) {
        return None;
    }
    let verbless = toks[a..q].iter().all(|x| {
        !x.in_quote
            && !x.in_class(class::AUXILIARY_VERB | class::MARKS_BASE_FORM_VERB)
            && !is_verb_cue(x)
    });
    (verbless && apposition_opens(toks, a, q)).then_some(q)
}

/// The source before "…, said" whose comma at `p` closes one or more appositions: "X, the CEO
/// of Y, said", "X, 41, a nurse, said", "X, who …, said". The nearest comma whose left side ends
/// in a noun phrase wins, unless a noun phrase further left opens the sentence. Bounded by
/// [`MAX_APPOSITIONS`] tokens.
fn apposition_source(toks: &[Tok], lo: usize, p: usize) -> Option<(usize, usize)> {
    let floor = p.saturating_sub(MAX_APPOSITIONS).max(lo);
    let mut seg_end = p;
    let mut found = None;
    for q in (floor + 1..p).rev() {
        if !toks[q].is_comma() || toks[q].in_quote {
            continue;
        }
        if q + 1 >= seg_end || !apposition_opens(toks, q + 1, seg_end) {
            break;
        }
        if let Some((s, _)) = np_ending_at(toks, lo, q - 1) {
            // The nearest phrase, unless one further left opens the sentence: "Ann Lee, a
            // lawyer in Boise, Idaho, said" is Ann Lee's, not Idaho's.
            if found.is_none() || s == lo {
                found = Some((s, p));
            }
            if s == lo {
                break;
            }
        }
        seg_end = q;
    }
    found
}

/// Most lower-case words of a title before a name.
const MAX_TITLE: usize = 4;

/// Does a lower-case title open a name at `k1` ("…, said former tech executive Ana Ruiz",
/// "said master of ceremonies Ali Hassan")? Its words are no verb, cue, pronoun, adverb, number,
/// preposition but "of", or adjunct ("said on Monday", "said last week Ana Ruiz", "noted
/// testimony by Ana Ruiz"), and a capitalised word ends them.
fn title_before_name(toks: &[Tok], k1: usize, hi: usize) -> bool {
    let stop = hi.min(k1 + MAX_TITLE + 1).min(toks.len());
    for (j, t) in toks.iter().enumerate().take(stop).skip(k1) {
        if !t.word || t.in_quote {
            return false;
        }
        if t.cap {
            return j > k1;
        }
        if j > k1 && t.is("of") {
            continue;
        }
        let opens_other = t.in_class(
            class::STOP
                | class::AUX
                | class::SUBJECT_PRONOUN
                | class::OBJECT_PRONOUN
                | class::OPENS_ADJUNCT
                | class::DETERMINER
                | class::PREPOSITION,
        );
        // A cue word is a verb or its object ("found considerable support for Mr. Ruiz").
        let cue_word = t.in_class(class::CLAUSE_CUE | class::STANCE_CUE | class::NOUN_VERB);
        let number = t.lower.starts_with(|c: char| c.is_ascii_digit());
        if opens_other || cue_word || is_verb_cue(t) || is_adverb(t) || number {
            return false;
        }
    }
    false
}

/// An inverted source after the cue ("…, said the spokesman"), from token `k1` up to a comma
/// or `hi`; returns (first, one past last).
pub fn source_right(toks: &[Tok], k1: usize, hi: usize) -> Option<(usize, usize)> {
    let first = toks.get(k1)?;
    if k1 >= hi || !first.word || first.in_quote {
        return None;
    }
    // "…, said Maria Lopez": a name or a described person, not a pronoun ("said it will …").
    let opens = first.cap || first.in_class(class::DETERMINER) || title_before_name(toks, k1, hi);
    if !opens || first.in_class(class::STOP) {
        return None;
    }
    let mut end = k1;
    while end < hi && end - k1 < MAX_NP {
        let t = &toks[end];
        let joins = !t.word && matches!(t.lower.as_str(), "&" | "." | "-");
        let verbish = !t.cap && (t.in_class(class::AUX) || is_verb_cue(t));
        if !(t.word || joins) || (end > k1 && (t.in_class(class::STOP) || verbish)) {
            break;
        }
        end += 1;
    }
    (end > k1).then_some((k1, end))
}
