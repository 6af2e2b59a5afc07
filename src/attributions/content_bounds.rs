//! Where the content of an attribution starts and ends inside its sentence: after the hearer
//! of "told" or at "that" ([`content_start`]); at a semicolon, a direct quote, a new source and
//! cue, the source's next act or a comma before a participle, "but" or a subordinate clause
//! ([`content_end`]); and the shorter object of a stance verb ([`object_clause_end`]). Every
//! look-ahead is bounded, so a sentence costs linear time.

use super::cues::{cue_at, Cue, CueKind};
use super::lexicon;
use super::sources::source_left;
use super::tokens::{class, ing_shaped, Classes, Tok};

mod hearer;
mod lists;
pub(super) use hearer::skip_hearer;
use lists::{
    apposition_then_complement, list_continues_at, list_item_after, noun_phrase_comma, plain_word,
};

/// Longest adjunct after a cue that still leaves the content before it ("said on Monday night
/// in a statement to reporters").
const MAX_ADJUNCT: usize = 9;

/// A hyphen with a space on both sides ("the plan - a first for the town - passed"): wire copy's
/// dash, typed without the dash key. Within a word ("well-known") it is no token.
fn spaced_hyphen(toks: &[Tok], j: usize) -> bool {
    let t = &toks[j];
    !t.word
        && t.is("-")
        && j > 0
        && toks[j - 1].end < t.start
        && toks.get(j + 1).is_some_and(|n| n.start > t.end)
}

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
/// costs constant time however long the span. A span trimmed to nothing may come out with
/// `a > b` (a sentence of punctuation and symbols before a cue: "😀, Mr. said"): no words.
pub(super) fn n_words(toks: &[Tok], a: usize, b: usize) -> usize {
    toks.get(a..b)
        .map_or(0, |span| span.iter().filter(|t| t.word).take(3).count())
}

/// A reporting participle that continues an attribution: ", adding that …", ", saying …".
pub(super) fn is_participle_cue(t: &Tok) -> bool {
    t.is_uncapitalised_ing_word() && t.in_class(class::CLAUSE_CUE | class::OBJECT_CUE)
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
    (
        short && no_that && first.in_class(class::OPENS_ADJUNCT),
        end,
    )
}

/// Does a new attribution start at `from` ("…, and most voters said …", "…, while 40 percent
/// disagreed")? A source noun phrase right there followed by a reporting verb, looked for over
/// a few tokens only. Returns the end of its cue.
fn new_attribution_at(toks: &[Tok], from: usize, e: usize) -> Option<usize> {
    let from = if toks.get(from).is_some_and(|t| t.is("and") || t.is("but")) {
        from + 1
    } else {
        from
    };
    for k in from + 1..(from + 7).min(e) {
        let t = &toks[k];
        if !t.word || t.in_quote {
            return None;
        }
        if t.cap {
            continue;
        }
        if let Some(cue) = cue_at(toks, from, e, k) {
            let reports = matches!(cue.kind, CueKind::Clause | CueKind::Object);
            let source = reports && source_left(toks, from, cue.t0).is_some_and(|s| s.0 == from);
            return source.then_some(cue.t1);
        }
    }
    None
}

/// Does a relative clause with a source and cue of its own start at `k` and run to the
/// sentence end `e` ("…, which his aides said was a relief")? One closed by a comma ("the
/// plan, which the mayor said was costly, would stand") is an aside inside the content.
fn relative_attribution_at(toks: &[Tok], k: usize, e: usize) -> bool {
    let rel = toks.get(k).filter(|_| k < e).is_some_and(|n| {
        n.word && !n.in_quote && n.in_class(class::RELATIVE_PRONOUN | class::OBJECT_RELATIVE)
    });
    rel && !toks[k + 1..e].iter().any(|t| t.is_comma() && !t.in_quote)
        && new_attribution_at(toks, k + 1, e).is_some()
}

/// Most words between a comparison's opener and the relative pronoun of its count ("compared
/// with the 30 percent who say …").
const MAX_COMPARED_COUNT: usize = 6;

/// Does a poll's comparison open at `k` ("compared with …", "double the number …") and name a
/// count whose relative clause reports that count's own answer ("… 40 percent who say the same
/// of Ruiz")? The count is then the source of an attribution of its own.
fn comparison_attribution_at(toks: &[Tok], k: usize, e: usize) -> bool {
    let opens = toks
        .get(k)
        .filter(|_| k < e)
        .is_some_and(|t| t.word && !t.cap && !t.in_quote && lexicon::opens_comparison(&t.lower));
    if !opens {
        return false;
    }
    for j in k + 1..(k + 2 + MAX_COMPARED_COUNT).min(e) {
        let t = &toks[j];
        if t.word && !t.in_quote && t.in_class(class::RELATIVE_PRONOUN) {
            return cue_at(toks, j + 1, e, j + 1).is_some_and(|c| c.kind == CueKind::Clause);
        }
        if (!t.word && !t.is("%")) || t.in_quote {
            return false;
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
        || ing_shaped(w)
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
/// before a reporting participle, "but", "according to", a subordinate clause (", although
/// …", ", because …") or "and" + a subject pronoun (", and he …"): the writer's addition more
/// often than the source's words; or the sentence end `e`.
pub(super) fn content_end(toks: &[Tok], from: usize, e: usize) -> usize {
    content_end_in(toks, from, e, true)
}

/// [`content_end`] of what "according to X" attributes: the account goes on over "…, and
/// they ordered …" (the source reports the whole sentence, as a closing "according to" does).
pub(super) fn account_end(toks: &[Tok], from: usize, e: usize) -> usize {
    content_end_in(toks, from, e, false)
}

/// A comma + "and"/"but" + a subject-only pronoun at `k` ("…, and he railed against …"), or a
/// determiner, one to three more words and a verb in the past, an auxiliary or a modal ("…, and
/// the market barely moved", "…, and the mayor has resigned"), or a name and its verb (", and
/// Ruiz has objected"): a new clause of the writer's, with its own subject.
fn new_clause_at(toks: &[Tok], k: usize, e: usize) -> bool {
    let and = toks.get(k).is_some_and(|t| t.is("and") || t.is("but"));
    let next = toks.get(k + 1).filter(|_| k + 1 < e && and);
    let Some(first) = next.filter(|t| t.word && !t.in_quote) else {
        return false;
    };
    if !first.cap && first.in_class(class::NOMINATIVE) {
        return true;
    }
    let verb = class::AUXILIARY_VERB | class::MODAL | class::IRREGULAR_PAST;
    if first.cap {
        return name_subject_then_verb(toks, k + 1, e, verb);
    }
    if !first.in_class(class::ARTICLE) {
        return false;
    }
    for t in toks.get(k + 3..(k + 6).min(e)).unwrap_or(&[]) {
        if !t.word || t.in_quote {
            return false;
        }
        if !t.cap && (t.in_class(verb) || ed_form(t)) {
            return true;
        }
    }
    false
}

/// One to three capitalised words at `k` and right after them a `verb` (in the past, an
/// auxiliary or a modal) or an "-ed" form: a named subject with its verb ("…, and Ruiz has
/// objected"). A name with no verb after it (", and Ruiz family members") may be the content's.
fn name_subject_then_verb(toks: &[Tok], k: usize, e: usize, verb: Classes) -> bool {
    for t in toks.get(k + 1..(k + 4).min(e)).unwrap_or(&[]) {
        if !t.word || t.in_quote {
            return false;
        }
        if !t.cap {
            return t.in_class(verb) || ed_form(t);
        }
    }
    false
}

fn content_end_in(toks: &[Tok], from: usize, e: usize, ends_at_new_clause: bool) -> usize {
    // "half said so in the earlier poll", "72 percent said yes while …": a one-word answer is
    // the whole content; an adjunct or a clause after it is the writer's.
    if from + 1 < e && toks[from].word && !toks[from].cap && toks[from].in_class(class::PROFORM) {
        let n = &toks[from + 1];
        let after = n.word
            && !n.in_quote
            && (n.in_class(class::SUBORDINATOR | class::CLAUSE_LINK)
                || lexicon::opens_pronoun_adjunct(&n.lower));
        if after {
            return from + 1;
        }
    }
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
        // "…, and most voters said …": a new source and cue. After a subordinator only one
        // that reports a clause ("… after her rival warned that …"): "… before the inspectors
        // reported a leak" is part of what was reported.
        let subordinate = !t.in_quote && t.word && t.in_class(class::SUBORDINATOR);
        // The content keeps a closing quotation mark it breaks at.
        let stop = if t.is_quote_mark() { j + 1 } else { j };
        // "said the bill was dead, which his aides said was a relief": a closing relative
        // clause with its own source and cue is that source's attribution, not this one's.
        if comma && relative_attribution_at(toks, j + 1, e) {
            return trim_end(toks, from, stop);
        }
        // "say they trust the mayor, compared with 40 percent who say the same of Ruiz": a
        // poll's comparison whose count gives its own answer is that count's attribution.
        if comma && comparison_attribution_at(toks, j + 1, e) {
            return trim_end(toks, from, stop);
        }
        if comma || joins || subordinate {
            let that = |c1: usize| !subordinate || toks.get(c1).is_some_and(|n| n.is("that"));
            if new_attribution_at(toks, j + 1, e).is_some_and(that) {
                return trim_end(toks, from, stop);
            }
        }
        // "said the plan was dead in an interview on Monday": how it was said.
        if j > from + 1 && medium_adjunct_at(toks, j, e) {
            return trim_end(toks, from, j);
        }
        // "says he is ready as he faces a test": "as" + a subject pronoun opens the writer's time
        // clause (an account after "according to" holds it).
        if ends_at_new_clause && j > from + 2 && as_clause_at(toks, j) {
            return trim_end(toks, from, j);
        }
        // "said A and questioned B": the source's next act is not part of what it said; nor is
        // the main verb after a parenthetical participle ("X, citing A, said B").
        if (joins || comma) && verb_cue_at(toks, j + 1, e) {
            return trim_end(toks, from, stop);
        }
        // "…, and he railed against …": the writer's next clause, with its own subject.
        if comma && ends_at_new_clause && new_clause_at(toks, j + 1, e) {
            return trim_end(toks, from, stop);
        }
        // "said the plan was costly, and railed against the mayor": after a comma, "and" + a
        // verb in the past or an auxiliary is the source's next act, not what it said.
        let and_next = toks.get(j + 1).is_some_and(|n| n.is("and") && !n.in_quote);
        if comma && ends_at_new_clause && and_next && second_predicate_at(toks, j + 2, e) {
            return trim_end(toks, from, stop);
        }
        if comma {
            if let Some(n) = toks.get(j + 1) {
                let clause = (!n.in_quote && n.word && n.in_class(class::SUBORDINATOR))
                    && !subordinate_aside(toks, j, e);
                // "…, prompting a recount": what the act led to is the writer's.
                let consequence = n.word && !n.cap && lexicon::is_consequence_participle(&n.lower);
                if is_participle_cue(n)
                    || n.is("but")
                    || clause
                    || consequence
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

/// Is the subordinate clause after the comma at `j` a short aside inside the clause ("said the
/// scandal, while troublesome, was handled well")? A subordinator + at most four words closed
/// by a second comma, then a lower-case word that is no subject pronoun (the main clause's
/// predicate goes on; ", when asked, she said" opens a new clause).
fn subordinate_aside(toks: &[Tok], j: usize, e: usize) -> bool {
    for k in j + 2..(j + 7).min(e) {
        let t = &toks[k];
        if t.is(",") {
            return toks
                .get(k + 1)
                .filter(|_| k + 1 < e)
                .is_some_and(|x| x.word && !x.cap && !x.in_class(class::NOMINATIVE));
        }
        if !t.word {
            return false;
        }
    }
    false
}

/// "in an interview", "during a televised speech", "in his statement": where and how the words
/// were given, an adjunct of the act of speaking, never part of what was said.
fn medium_adjunct_at(toks: &[Tok], j: usize, e: usize) -> bool {
    let t = &toks[j];
    if !(t.word && !t.cap && !t.in_quote && (t.is("in") || t.is("during"))) {
        return false;
    }
    let det = toks.get(j + 1).is_some_and(|n| n.in_class(class::ARTICLE));
    let end = (j + 5).min(e).max(j + 2);
    // "in the e-mail chain", "in her private email server": a medium word with a plain noun
    // after it modifies that noun, the phrase's head, which is no medium.
    let head = |k: usize| {
        let t = &toks[k];
        !t.cap
            && t.in_class(class::MEDIUM)
            && !toks.get(k + 1).is_some_and(|n| k + 1 < e && plain_word(n))
    };
    det && (j + 2..end)
        .take_while(|&k| toks[k].word && !toks[k].in_quote)
        .any(head)
}

/// "as" + a subject pronoun at `k` ("… as she left the hall"): a time or manner clause of the
/// writer's; "as" before a noun phrase ("described it as a waste") is a verb's complement.
fn as_clause_at(toks: &[Tok], k: usize) -> bool {
    let t = &toks[k];
    t.word
        && !t.in_quote
        && t.is("as")
        && toks
            .get(k + 1)
            .is_some_and(|n| n.word && !n.in_quote && n.in_class(class::NOMINATIVE))
}

/// Does a second predicate of the source, or a new clause, start at `k` after "and" or "but"
/// at `k - 1`: an auxiliary ("and has campaigned for him", "but did not endorse her"), a verb
/// in the past ("and boycotted the debate", "and went home": [irregular_past]) or a subject
/// pronoun ("and she called it …")? A
/// stance verb's object is a noun phrase, which none of them goes on (an "-ed" adjective, "and
/// related costs", is cut too: on newsdev a second verb is the more common).
fn second_predicate_at(toks: &[Tok], k: usize, e: usize) -> bool {
    toks.get(k).filter(|_| k < e).is_some_and(|t| {
        let w = t.lower.as_str();
        let past = w.ends_with("ed");
        t.word
            && !t.cap
            && !t.in_quote
            && (t.in_class(class::AUXILIARY_VERB | class::NOMINATIVE | class::IRREGULAR_PAST)
                || past)
    })
}

/// Does a participle with its object or preposition start at `k` after "and" at `k - 1`
/// ("calling him a liar and accusing him of …", "backing the plan and thanking the nurses at
/// …")? A gerund before a noun ("and spending cuts") stays in a stance verb's object.
/// "timing of" is a noun.
fn ing_predicate_at(toks: &[Tok], k: usize, e: usize) -> bool {
    let ing = toks.get(k).filter(|_| k + 1 < e).is_some_and(ing_form);
    let takes = class::ARTICLE | class::OBJECT_PRONOUN | class::PREPOSITION;
    ing && toks.get(k + 1).is_some_and(|n| {
        let takes = n.in_class(takes | class::TOPIC_PREPOSITION) && !n.is("of");
        n.word && !n.cap && !n.in_quote && takes
    })
}

/// A lower-case "-ing" word of more than four letters outside quotes ("being", not "king").
fn ing_form(t: &Tok) -> bool {
    t.word && !t.cap && !t.in_quote && t.lower.len() > 4 && t.is_ing_form()
}

/// Does an adjunct of the act, not part of its object, start at `j`: "thanked supporters at a
/// rally", "endorsed Ruiz during the debate"?
fn act_adjunct_at(toks: &[Tok], j: usize) -> bool {
    let t = &toks[j];
    let det = toks.get(j + 1).is_some_and(|n| n.in_class(class::ARTICLE));
    t.word && !t.in_quote && t.in_class(class::OPENS_ACT_ADJUNCT) && det
}

/// The end of the object clause starting at `from` (trimmed): [`object_clause_end`] of a
/// clause that is no stance verb's object.
pub(super) fn clause_end(toks: &[Tok], from: usize, e: usize) -> usize {
    object_clause_end(toks, from, e, false).0
}

/// The end of the object clause starting at `from` (trimmed) and where the search for the next
/// attribution goes on: the next comma, semicolon, "and" + a second reporting verb ("praised
/// the plan and said …"), or `e`; a comma before a word that goes on with the noun phrase
/// ("cited several factors, including the weather", "wants talks, not sanctions"), the commas
/// of a list ("thanked the nurses, the firefighters and the volunteers") and those around an
/// apposition before the verb's complement ("accused the clerk, a former aide, of lying") are
/// no end either.
/// The object of a stance verb (`object`) also ends before "and" + an auxiliary ("endorsed
/// Ruiz and has campaigned for her"), where the search goes on, and before an adjunct of the
/// act ("thanked supporters at a rally"), though what follows that is no new attribution; a
/// relative clause ("who is expected to win and will …") goes on.
pub(super) fn object_clause_end(
    toks: &[Tok],
    from: usize,
    e: usize,
    object: bool,
) -> (usize, usize) {
    let mut j = from;
    // "supported her by a wide margin", "thanked them in a speech": an object pronoun is a
    // whole noun phrase, so a preposition right after it opens an adjunct of the act.
    let pronoun_object = object
        && from + 1 < e
        && toks[from].word
        && !toks[from].cap
        && toks[from].in_class(class::OBJECT_PRONOUN)
        && lexicon::opens_pronoun_adjunct(&toks[from + 1].lower);
    let mut cut = pronoun_object.then_some(from + 1);
    // Punctuation up to here is inside the object: a list's or an apposition's.
    let mut inside = from;
    // Has the object held a gerund before `j` ("of lying and stalling")?
    let mut gerund_before = false;
    let mut gerund_verb_before = false;
    while j < e && !toks[j].in_direct {
        // A spaced hyphen is a dash there ("endorsed the plan - a first for the town").
        let punct = toks[j].is_clause_punct() || spaced_hyphen(toks, j);
        if !toks[j].in_quote && punct && j >= inside {
            // "cited several factors, including the weather": the list goes on over the comma.
            let inner_comma = toks[j].is_comma()
                && (list_continues_at(toks, j + 1, e) || noun_phrase_comma(toks, from, j, e));
            if inner_comma {
                inside = j + 1;
            } else if let Some(next) = list_item_after(toks, j, e, gerund_before)
                .or_else(|| apposition_then_complement(toks, j, e))
            {
                inside = next;
            } else {
                break;
            }
        }
        let t = &toks[j];
        let joins = j > from && !t.in_quote && (t.is("and") || t.is("but"));
        // The second predicate may report on ("… and has said that …"): the search goes on there.
        // A gerund in the object joins the next one ("accused him of lying and stalling").
        // Asked only at "and"/"but", and the gerund seen so far is carried, not searched for
        // again at each word (linear in the object).
        let predicate = || {
            second_predicate_at(toks, j + 1, e)
                || (!gerund_before && ing_predicate_at(toks, j + 1, e))
        };
        if joins && (verb_cue_at(toks, j + 1, e) || (object && predicate())) {
            break;
        }
        gerund_before |= ing_form(t);
        // "accused him of grabbing her at a press conference": after a gerund (no "-ing"
        // preposition: "during") the adjunct is the gerund's, inside the object.
        if object
            && cut.is_none()
            && j > from
            && !gerund_verb_before
            && (act_adjunct_at(toks, j) || medium_adjunct_at(toks, j, e))
        {
            cut = Some(j);
        }
        gerund_verb_before |= ing_form(t) && !t.in_class(class::PREPOSITION);
        // "backs Ruiz because she …": a reason or a time is no part of the object; nor is "as"
        // before a subject pronoun ("thanked them as she left"), unlike "described him as a …".
        let as_clause = as_clause_at(toks, j);
        if j > from && !t.in_quote && t.word && (t.in_class(class::SUBORDINATOR) || as_clause) {
            break;
        }
        j += 1;
    }
    let end = trim_end(toks, from, j);
    (cut.map_or(end, |c| trim_end(toks, from, c)), end)
}

/// Where the content of a preposed cue starts: after the hearer, at "that", after a colon or
/// after the preposition of a topic ("complained about …").
pub(super) fn content_start(toks: &[Tok], cue: &Cue, e: usize) -> usize {
    let mut r = cue.t1;
    if cue.kind == CueKind::Object {
        r = skip_hearer(toks, r, e);
    }
    if toks.get(r).is_some_and(|t| t.is(":") || t.is(",")) {
        r += 1;
    }
    // "said on Monday that …", "said in a statement that …": the content starts at "that".
    if toks
        .get(r)
        .is_some_and(|t| t.in_class(class::OPENS_ADJUNCT))
    {
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
    // "complained about the plan", "asked reporters about the vote": the topic's preposition
    // goes with the verb, and the content is the topic ("about 300 people" is a number).
    let topic = toks
        .get(r)
        .is_some_and(|t| t.word && !t.cap && !t.in_quote && t.in_class(class::TOPIC_PREPOSITION));
    let noun_phrase = toks.get(r + 1).filter(|_| r + 1 < e).is_some_and(|n| {
        n.word && !n.is("that") && !n.lower.starts_with(|c: char| c.is_ascii_digit())
    });
    if topic && noun_phrase && matches!(cue.kind, CueKind::Stance | CueKind::Object) {
        return r + 1;
    }
    r
}

/// "what the mayor called a disgrace", "which she has repeatedly said was a mistake", "the
/// plan that voters believe is needed": a relative word right before the source `src` is the
/// object of its cue (or the subject of the clause it reports), so the content is the whole
/// relative clause from that word. "that" is one only after a noun: after a reporting verb or
/// an auxiliary it opens that verb's complement ("said that the mayor argued …"). Returns where
/// the content starts.
pub(super) fn object_relative_start(toks: &[Tok], lo: usize, src: (usize, usize)) -> Option<usize> {
    let r = src.0.checked_sub(1).filter(|&r| r >= lo)?;
    let t = &toks[r];
    if !t.word || t.in_quote {
        return None;
    }
    let verb = class::CLAUSE_CUE | class::OBJECT_CUE | class::THAT_CUE | class::STANCE_CUE;
    let after_noun = r > lo && {
        let v = &toks[r - 1];
        v.word && !v.in_quote && !v.in_class(verb | class::AUX | class::STOP) && !past_verb(v)
    };
    let relative = t.in_class(class::OBJECT_RELATIVE)
        || (after_noun && t.in_class(class::RELATIVE_AFTER_NOUN));
    relative.then_some(r)
}

/// A lower-case "-ed" word of more than four letters outside quotes ("ruled", "angered"; not
/// "red", "Ted"): the form every past-verb test here starts from.
pub(super) fn ed_form(t: &Tok) -> bool {
    t.word && !t.cap && !t.in_quote && t.lower.len() > 4 && t.lower.ends_with("ed")
}

/// A verb in the past: an "-ed" form ("ruled", "repeated") or an irregular participle ("told",
/// "thought"). Before "that" it takes a clause, never a noun's relative clause.
fn past_verb(t: &Tok) -> bool {
    ed_form(t) || (t.word && !t.cap && !t.in_quote && t.in_class(class::IRREGULAR_PARTICIPLE))
}

/// "The judge ruled that the aide claimed …", "She repeated that officials denied …": a verb in
/// the past before "that", right before the source `src` of a nested attribution, reports the
/// whole "that" clause (a verb that takes a clause is one of saying, knowing or deciding, even
/// when the lexicon lacks it). Returns that verb's index.
pub(super) fn verb_of_that_clause(toks: &[Tok], lo: usize, src: (usize, usize)) -> Option<usize> {
    let r = src.0.checked_sub(1).filter(|&r| r > lo)?;
    let that = toks[r].word && !toks[r].in_quote && toks[r].in_class(class::RELATIVE_AFTER_NOUN);
    (that && past_verb(&toks[r - 1])).then_some(r - 1)
}
