//! Reporting cues: the verb (or phrase) that marks an attribution, and what follows it.

use super::cue_senses::{
    appearance_judged, is_particle, names_a_new_noun, noun_form_is_verb, noun_phrasal_is_verb,
    out_particle_follows, passive_judgement, passive_participle, phrasal_stance,
    received_judgement, reports_nothing,
};
use super::lexicon;
use super::sources::presents_medium_with_cue;
use super::tokens::{class, Classes, Tok};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CueKind {
    /// "said (that) CLAUSE", "CLAUSE, X said".
    Clause,
    /// "told HEARER (that) CLAUSE".
    Object,
    /// "plans to VERB": the content starts at "to".
    To,
    /// "according to SOURCE".
    According,
    /// "it is believed that CLAUSE": no source.
    Impersonal,
    /// "X's claim that CLAUSE".
    Noun,
    /// "endorsed Clinton", "called for a ban": the object is the content.
    Stance,
    /// "his attack on the governor", "the union's support for the plan": a stance noun after a
    /// possessive, the source; the object after its preposition is the content.
    NounObject,
    /// "the crowd seemed restless": the whole clause is the content, no source.
    Evidential,
    /// "the mayor is widely seen as a moderate", "the plan was backed by the union": a judgement
    /// in the passive; the subject (and its complement) is the content, the agent the source.
    Passive,
}

/// Tokens `[t0, t1)` of a cue.
#[derive(Clone, Copy, Debug)]
pub struct Cue {
    pub t0: usize,
    pub t1: usize,
    pub kind: CueKind,
}

pub(super) fn lw(toks: &[Tok], k: usize) -> &str {
    toks.get(k).map_or("", |t| t.lower.as_str())
}

/// The lower-case word `i` words from `k` (before it for negative `i`; `""` before `lo` or past
/// the tokens): the context a phrase of the lexicon is matched in.
pub(super) fn near<'a>(toks: &'a [Tok], lo: usize, k: usize) -> impl Fn(isize) -> &'a str + 'a {
    move |i| match k.checked_add_signed(i) {
        Some(j) if j >= lo => lw(toks, j),
        _ => "",
    }
}

pub(super) fn possessive(t: &Tok) -> bool {
    let w = t.lower.as_str();
    t.word && (w.ends_with("'s") || w.ends_with("’s") || lexicon::is_possessive(w))
}

/// Most modifiers between a stance noun and its possessive ("her tentative embrace of").
const MAX_STANCE_NOUN_MODIFIERS: usize = 2;

/// Where the noun phrase of the stance noun at `k` opens: at a possessive that names its
/// holder, right before it or before up to [`MAX_STANCE_NOUN_MODIFIERS`] lower-case modifiers
/// ("Carson's renewed endorsement of", "his sharpest criticism of"), or at "a"/"an" ("Ruiz
/// delivered an impassioned defense of", whose holder is the sentence's subject), or at a verb
/// that meets it with no holder ("faced sharp criticism for").
pub(super) fn stance_noun_holder(toks: &[Tok], lo: usize, k: usize) -> Option<usize> {
    // "The senator raised new questions about the deal": a doubt is raised by the subject of
    // the verb raising it (only doubts: "raised support for" is money, no stance).
    let doubt = toks[k].in_class(class::RAISED_DOUBT);
    before_modifiers(toks, lo, k, |j, t| {
        let opens = possessive(t) || (lexicon::is_indefinite_article(&t.lower) && j + 1 < k);
        opens
            || lexicon::meets_stance_noun(&t.lower)
            || (doubt && lexicon::is_raising_verb(&t.lower))
    })
}

/// "raised questions about", "posed doubts about": a doubt noun whose noun phrase a raising
/// verb opens, before "about".
fn raised_doubt(toks: &[Tok], lo: usize, k: usize) -> bool {
    toks[k].in_class(class::RAISED_DOUBT)
        && lw(toks, k + 1) == "about"
        && before_modifiers(toks, lo, k, |_, t| lexicon::is_raising_verb(&t.lower)).is_some()
}

/// The nearest word before the noun at `k`, over at most [`MAX_STANCE_NOUN_MODIFIERS`]
/// lower-case modifiers, for which `head(j, token)` holds; None when a non-word, a capital, a
/// quoted word, an article or a preposition comes first.
fn before_modifiers(
    toks: &[Tok],
    lo: usize,
    k: usize,
    head: impl Fn(usize, &Tok) -> bool,
) -> Option<usize> {
    let floor = k.saturating_sub(MAX_STANCE_NOUN_MODIFIERS + 1).max(lo);
    for j in (floor..k).rev() {
        let t = &toks[j];
        if head(j, t) {
            return Some(j);
        }
        if !t.word || t.cap || t.in_quote || t.in_class(class::ARTICLE | class::PREPOSITION) {
            return None;
        }
    }
    None
}

/// Whether the stance noun at `k` is received or met, not given: a verb of receiving or
/// facing right before it or before up to [`MAX_STANCE_NOUN_MODIFIERS`] lower-case modifiers
/// ("The plan drew sharp criticism for its cost", "received criticism for the vote"). Such a
/// judgement comes from nobody named, so the words before the noun are no source.
pub(super) fn judgement_received(toks: &[Tok], lo: usize, k: usize) -> bool {
    let w = toks[k].lower.as_str();
    if !lexicon::is_stance_noun(w) && !lexicon::is_received_judgement(w) {
        return false;
    }
    let receives =
        |_, t: &Tok| lexicon::is_receiving_verb(&t.lower) || lexicon::meets_stance_noun(&t.lower);
    before_modifiers(toks, lo, k, receives).is_some()
}

/// Extend a cue over "in a statement" / "in an interview" right after it.
fn with_medium(toks: &[Tok], mut cue: Cue, hi: usize) -> Cue {
    let k = cue.t1;
    if k + 2 < hi
        && lexicon::MEDIUM_LEADS
            .iter()
            .any(|p| p.matches(near(toks, 0, k)))
    {
        // "in a written statement", "in a phone interview": one modifier allowed.
        for m in [k + 2, k + 3] {
            // Media named after "in a": "said in a statement", "wrote in a post on X".
            if m < hi && toks[m].in_class(class::MEDIUM) {
                cue.t1 = m + 1;
                break;
            }
        }
    }
    cue
}

/// A noun phrase of at most three words from `from`, then "to" ("Congress to", "the
/// senators to").
fn object_then_to(toks: &[Tok], from: usize, hi: usize) -> bool {
    for j in from + 1..(from + 4).min(hi) {
        if lw(toks, j) == "to" {
            return toks[from..j]
                .iter()
                .all(|t| t.word && !t.in_quote && t.lower != "that");
        }
    }
    false
}

/// Does "as" follow a short object (up to eight words, no punctuation but a title's
/// abbreviation point: "sees Mr. Ruiz as a threat") from `from`?
fn as_follows(toks: &[Tok], from: usize, hi: usize) -> bool {
    let end = (from + 9).min(hi);
    for j in from + 1..end {
        let t = &toks[j];
        if t.is("as") {
            return true;
        }
        let p = &toks[j - 1];
        let abbreviation_point = t.is(".") && p.word && p.cap && p.end == t.start;
        if (!t.word && !abbreviation_point) || t.in_quote {
            return false;
        }
    }
    false
}

/// A clause with its "that" left out, opening with a personal pronoun subject and a verb: "most
/// voters feel they were ignored", "she knew he would run". ("it" and "you" are objects as
/// often as subjects: "knew it well".) Not after "mean": "the win means she will pick up
/// delegates" is the writer's inference from an event, nobody's stance.
fn pronoun_clause_follows(toks: &[Tok], j: usize, hi: usize) -> bool {
    j + 1 < hi && toks[j].in_class(class::NOMINATIVE) && toks[j + 1].word && !toks[j + 1].cap
}

/// A short noun phrase from `j` and then an auxiliary: a clause with its "that" left out after
/// a verb of knowing or perceiving ("knew Ruiz would run", "feel the economy is weak"). Up to
/// four words, none a preposition, a modifier link or a clause link ("know the head of …",
/// "feel well and was …"); not opening with "it" or "you", objects as often as subjects
/// ("as we know it is").
fn noun_clause_follows(toks: &[Tok], j: usize, hi: usize) -> bool {
    if j >= hi || lexicon::is_expletive_object(lw(toks, j)) {
        return false;
    }
    let stops = class::PREPOSITION
        | class::MODIFIER_LINK
        | class::CLAUSE_LINK
        | class::OPENS_COMPLEMENT
        | class::AUXILIARY_VERB;
    for a in j + 1..(j + 5).min(hi) {
        if toks[a].word && !toks[a].cap && toks[a].in_class(class::AUXILIARY_VERB) {
            return (toks[j..a].iter()).all(|t| t.word && !t.in_quote && !t.in_class(stops));
        }
    }
    false
}

/// "to" opening an infinitive at `j` ("decision to run", "pledge to cut taxes"), not a
/// preposition before a noun phrase ("claim to the throne").
fn infinitive_at(toks: &[Tok], j: usize, hi: usize) -> bool {
    j + 1 < hi && lw(toks, j) == "to" && {
        let v = &toks[j + 1];
        v.word
            && !v.cap
            && !v.in_quote
            && !v.in_class(class::DETERMINER)
            && !possessive(v)
            && !v.lower.starts_with(|c: char| c.is_ascii_digit())
    }
}

/// Is token `k` a verb of saying ("said", "told")? Looked up, not parsed: no recursion into
/// [`cue_at`].
fn reporting_verb(toks: &[Tok], k: usize) -> bool {
    toks.get(k)
        .is_some_and(|t| t.in_class(class::CLAUSE_CUE) || t.in_class(class::OBJECT_CUE))
}

/// The word lists whose words [`find_cue`] may make a cue.
const CUE_CLASSES: Classes = class::CUE_WORD
    | class::IMPERSONAL_PARTICIPLE
    | class::NOUN
    | class::JUDGED_PARTICIPLE
    | class::STANCE_CUE
    | class::TO_CUE
    | class::EVIDENTIAL_ADVERB
    | class::PHRASAL_HEAD
    | class::OBJECT_CUE
    | class::THAT_CUE
    | class::CLAUSE_CUE
    | class::RAISED_DOUBT;

/// Can [`find_cue`] find a cue at `t`? Most words are in no cue list and skip its rules. A
/// capitalised word outside the lists is turned away before the prefix test's string work:
/// [`find_cue`] turns away every capitalised word but "according" (in `[cue_word]`).
fn may_be_cue(t: &Tok) -> bool {
    t.in_class(CUE_CLASSES) || (!t.cap && lexicon::has_cue_prefix(&t.lower))
}

/// The cue starting at token `k` of a sentence whose tokens are `[lo, hi)`. A word keeps its
/// answer for the last `[lo, hi)` asked ([`Tok::cue_memo`]): the postposed pass and the
/// preposed one ask the same words of the same sentence.
///
/// Inlined: the clause rules ask it of nearly every word of every sentence, and most are turned
/// away by these bit tests; the memo and the rules are out of line ([`listed_cue_at`]).
#[inline(always)]
pub fn cue_at(toks: &[Tok], lo: usize, hi: usize, k: usize) -> Option<Cue> {
    let t = toks.get(k)?;
    if !t.word || t.in_quote || k >= hi {
        return None;
    }
    if !may_be_cue(t) {
        // A rule for a word outside the cue lists needs the word in [cue_word] of `attribution_grammar.txt`.
        debug_assert!(find_cue(toks, lo, hi, k).is_none(), "{:?}", t.lower);
        return None;
    }
    listed_cue_at(toks, lo, hi, k, t)
}

/// [`cue_at`] for a word `t` (token `k`) that may be a cue: its memo, or [`find_cue`].
#[inline(never)]
fn listed_cue_at(toks: &[Tok], lo: usize, hi: usize, k: usize, t: &Tok) -> Option<Cue> {
    let (Ok(lo32), Ok(hi32)) = (u32::try_from(lo), u32::try_from(hi)) else {
        return find_cue(toks, lo, hi, k);
    };
    if let Some((a, b, cue)) = t.cue_memo.get() {
        if (a, b) == (lo32, hi32) {
            return cue;
        }
    }
    let cue = find_cue(toks, lo, hi, k);
    t.cue_memo.set(Some((lo32, hi32, cue)));
    cue
}

/// [`cue_at`], worked out.
fn find_cue(toks: &[Tok], lo: usize, hi: usize, k: usize) -> Option<Cue> {
    let t = toks.get(k)?;
    if !t.word || t.in_quote || k >= hi {
        return None;
    }
    let w = t.lower.as_str();
    if w == "according" && lw(toks, k + 1) == "to" && k + 2 < hi {
        return Some(Cue {
            t0: k,
            t1: k + 2,
            kind: CueKind::According,
        });
    }
    // Cues are lower case: a capitalised "Says" is a headline word or a name.
    if t.cap {
        return None;
    }
    let prev = if k > lo { lw(toks, k - 1) } else { "" };
    // "…, she said when asked whether …": a question put by someone unnamed after a
    // subordinator; the question is the content, with no source. Asked "about" a topic, the
    // topic is the content and "about" part of the cue ("when asked about the delay").
    if t.in_class(class::QUESTION_CUE) && k > lo && toks[k - 1].in_class(class::SUBORDINATOR) {
        let n = toks.get(k + 1).filter(|n| n.word && k + 1 < hi);
        if n.is_some_and(|n| n.in_class(class::OPENS_COMPLEMENT)) {
            return Some(Cue {
                t0: k,
                t1: k + 1,
                kind: CueKind::Impersonal,
            });
        }
        if n.is_some_and(|n| n.is("about")) && k + 2 < hi {
            return Some(Cue {
                t0: k,
                t1: k + 2,
                kind: CueKind::Impersonal,
            });
        }
    }
    if w == "quoted" && lw(toks, k + 1) == "as" && lw(toks, k + 2) == "saying" {
        return Some(Cue {
            t0: k,
            t1: k + 3,
            kind: CueKind::Clause,
        });
    }
    // "The mayor made clear that she would run": an idiom of saying before its clause.
    if let Some(p) = (lexicon::CLAUSE_PHRASES.iter()).find(|p| p.matches(near(toks, lo, k))) {
        let t1 = k + p.slots.len() - 1;
        if t1 < hi {
            return Some(Cue {
                t0: k,
                t1,
                kind: CueKind::Clause,
            });
        }
    }
    if matches!(prev, "is" | "was" | "been" | "be" | "widely")
        && t.in_class(class::IMPERSONAL_PARTICIPLE)
    {
        let it_before = (k.saturating_sub(4).max(lo)..k).any(|j| lw(toks, j) == "it");
        if it_before && lw(toks, k + 1) == "that" {
            return Some(Cue {
                t0: k - 1,
                t1: k + 1,
                kind: CueKind::Impersonal,
            });
        }
    }
    if t.in_class(class::NOUN)
        && (lw(toks, k + 1) == "that" || infinitive_at(toks, k + 1, hi))
        && k > lo
        && possessive(&toks[k - 1])
    {
        return Some(Cue {
            t0: k,
            t1: k + 1,
            kind: CueKind::Noun,
        });
    }
    // "Ruiz stepped up his attack on the governor": a stance noun names its holder with a
    // possessive and its object with a preposition, like a verb with subject and object.
    if ((lexicon::is_stance_noun(w) && lexicon::opens_stance_noun_object(lw(toks, k + 1)))
        || raised_doubt(toks, lo, k))
        && k + 2 < hi
        && stance_noun_holder(toks, lo, k).is_some()
    {
        return Some(Cue {
            t0: k,
            t1: k + 2,
            kind: CueKind::NounObject,
        });
    }
    // Only forms of a cue class can be turned down (a bit test first: this runs for every word);
    // stance, object and infinitive cues too ("the most promising path", "backed down").
    let may_report_nothing = class::CLAUSE_CUE
        | class::NOUN_VERB
        | class::PHRASAL_HEAD
        | class::STANCE_CUE
        | class::OBJECT_CUE
        | class::TO_CUE
        | class::THAT_CUE;
    if (t.in_class(may_report_nothing) && reports_nothing(toks, lo, k))
        || (t.in_class(class::STANCE_CUE) && names_a_new_noun(toks, lo, k, w))
    {
        return None;
    }
    // "Do you support X?": the writer's question to the reader, nobody's stance.
    if prev == "you"
        && k >= lo + 2
        && toks[k - 2].cap
        && toks[k - 2].in_class(class::AUXILIARY_VERB)
    {
        return None;
    }
    // After an article or a possessive the word is a noun ("the report", "a claim"; a
    // quantifier may stand alone as a subject: "some say"); after "to" a verb in the
    // infinitive, which reports all the same when it says, tells, knows or judges ("went on
    // TV to say the vote was rigged", "used the speech to call for a recount"; its subject is
    // the main clause's); other words after "to" stay turned down ("a rival to beat").
    let reports = class::CLAUSE_CUE | class::STANCE_CUE | class::OBJECT_CUE | class::THAT_CUE;
    let reported_infinitive =
        prev == "to" && k >= lo + 2 && toks[k - 2].word && t.in_class(reports);
    if (k > lo && toks[k - 1].in_class(class::ARTICLE)) || (prev == "to" && !reported_infinitive) {
        return None;
    }
    // A phrasal stance verb ("would vote for", "who can vote for") has its own noun test
    // (`noun_phrasal_is_verb`): the one-word test would take "vote" alone for a noun.
    let particle = lw(toks, k + 1);
    let listed_phrasal = k + 2 < hi
        && t.in_class(class::PHRASAL_HEAD)
        && is_particle(particle)
        // "went on to win the seat": "to" after the particle opens what happened next,
        // no stance object (a reporting infinitive after it is a cue of its own).
        && lw(toks, k + 2) != "to"
        && phrasal_stance(toks, lo, k, particle);
    let verb_sense = || {
        (listed_phrasal && noun_phrasal_is_verb(toks, lo, k))
            || out_particle_follows(toks, lo, k, hi)
            || noun_form_is_verb(toks, lo, k, prev, w)
    };
    if t.in_class(class::NOUN_VERB) && !verb_sense() {
        return None;
    }
    if let Some(cue) = passive_judgement(toks, lo, k, t) {
        return Some(cue);
    }
    if let Some(cue) = received_judgement(toks, lo, hi, k) {
        return Some(cue);
    }
    // "plans to run"; "wants Congress to act", "urged voters to turn out" (a short object).
    if t.in_class(class::TO_CUE) && (lw(toks, k + 1) == "to" || object_then_to(toks, k + 1, hi)) {
        return Some(Cue {
            t0: k,
            t1: k + 1,
            kind: CueKind::To,
        });
    }
    if matches!(w, "seems" | "seemed")
        || (matches!(w, "appear" | "appears" | "appeared") && appearance_judged(toks, k, hi))
    {
        return Some(Cue {
            t0: k,
            t1: k + 1,
            kind: CueKind::Evidential,
        });
    }
    // "The agency is reportedly planning cuts": unless a reporting verb follows ("reportedly
    // said"), whose subject is then the source.
    if t.in_class(class::EVIDENTIAL_ADVERB) && !reporting_verb(toks, k + 1) {
        return Some(Cue {
            t0: k,
            t1: k + 1,
            kind: CueKind::Evidential,
        });
    }
    // Phrasal stance verbs: "called for", "calls on", "referring to", "pointed to".
    // Or one listed in the stance lexicon as two words: "talked about", "voted for".
    let phrasal = listed_phrasal
        || lexicon::PHRASAL_CUES
            .iter()
            .any(|p| p.matches(near(toks, lo, k)));
    if phrasal && k + 2 < hi {
        return Some(Cue {
            t0: k,
            t1: k + 2,
            kind: CueKind::Stance,
        });
    }
    // "voters see Ruiz as electable", "the party views the deal as a betrayal".
    if lexicon::is_seeing(w) && as_follows(toks, k + 1, hi) {
        return Some(Cue {
            t0: k,
            t1: k + 1,
            kind: CueKind::Stance,
        });
    }
    if t.in_class(class::OBJECT_CUE) {
        return Some(with_medium(
            toks,
            Cue {
                t0: k,
                t1: k + 1,
                kind: CueKind::Object,
            },
            hi,
        ));
    }
    if t.in_class(class::THAT_CUE)
        && (toks.get(k + 1).is_some_and(|n| {
            n.in_class(class::OPENS_COMPLEMENT)
                || (n.word && lexicon::opens_indirect_question(&n.lower))
        }) || (!w.starts_with("mean")
            && (pronoun_clause_follows(toks, k + 1, hi) || noun_clause_follows(toks, k + 1, hi))))
    {
        return Some(Cue {
            t0: k,
            t1: k + 1,
            kind: CueKind::Clause,
        });
    }
    if t.in_class(class::CLAUSE_CUE) {
        return Some(with_medium(
            toks,
            Cue {
                t0: k,
                t1: k + 1,
                kind: CueKind::Clause,
            },
            hi,
        ));
    }
    if t.in_class(class::STANCE_CUE)
        && !passive_participle(toks, lo, k)
        && !presents_medium_with_cue(toks, k, hi)
    {
        return Some(Cue {
            t0: k,
            t1: k + 1,
            kind: CueKind::Stance,
        });
    }
    None
}

#[cfg(test)]
mod tests {
    use super::{cue_at, find_cue};
    use crate::attributions::tokens::tokenize;

    /// [`cue_at`]'s filters (class bits, capitals, prefixes) and its memo answer as the rules
    /// alone, for every word: listed cues capitalised or not, words with a phrasal cue's prefix
    /// in both cases, and words of no list.
    #[test]
    fn cue_filters_answer_as_the_rules() {
        let texts = [
            "According to the mayor, the council called for a vote and pointed to the budget.",
            "Called for comment, Pointing to the map, Referring to the law, the aide said no.",
            "Ruiz referred to the plan, which critics called on him to drop, she says.",
            "Says the mayor: the court points out that Calls on Reform are rare, reports said.",
        ];
        let mut found = 0;
        for text in texts {
            let (toks, ranges) = tokenize(text, &crate::segment::split(text));
            for &(lo, hi) in &ranges {
                for k in lo..hi {
                    let want = find_cue(&toks, lo, hi, k).map(|c| (c.t0, c.t1, c.kind));
                    found += usize::from(want.is_some());
                    for _ in 0..2 {
                        let got = cue_at(&toks, lo, hi, k).map(|c| (c.t0, c.t1, c.kind));
                        assert_eq!(got, want, "{:?} in {text:?}", toks[k].lower);
                    }
                }
            }
        }
        assert!(found >= 6, "{found}");
    }
}
