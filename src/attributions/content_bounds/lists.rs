//! The punctuation inside a stance verb's object that does not end it: a comma before a word
//! that goes on with the noun phrase ("cited several factors, including the weather"), the
//! commas of a list ("thanked the nurses, the firefighters and the volunteers") and those around
//! an apposition before the verb's complement ("accused the clerk, a former aide, of lying").
//! Every look-ahead is bounded.

use super::super::lexicon;
use super::super::tokens::{class, ing_shaped, Tok};
use super::is_participle_cue;

/// Does a word that goes on with the noun phrase before a comma stand at `k` ("…, including
/// the weather", "…, especially the governor", "…, not sanctions")?
pub(super) fn list_continues_at(toks: &[Tok], k: usize, e: usize) -> bool {
    toks.get(k)
        .filter(|_| k < e)
        .is_some_and(|t| t.word && !t.cap && !t.in_quote && t.in_class(class::CONTINUES_LIST))
}

/// Most tokens of one item of a list inside an object ("his parents, his siblings, his wife";
/// "the firefighters of the harbour district and the volunteers": an item with its own "of"
/// phrase runs past six).
const MAX_ITEM: usize = 9;

/// Could the segment `[from, to)` be a noun phrase inside an object: words only (quotes and
/// names allowed), not opening a clause, a participle phrase or a relative clause? With
/// `gerunds` (the object already holds a gerund: "backed raising the tax, cutting fees and
/// …") a gerund may open it, though not a reporting participle (", saying …") nor one of what
/// the act led to (", prompting …").
fn noun_like_segment(toks: &[Tok], from: usize, to: usize, gerunds: bool) -> bool {
    let Some(first) = toks.get(from).filter(|_| from < to) else {
        return false;
    };
    let gerund = gerunds
        && first.word
        && !first.in_quote
        && !is_participle_cue(first)
        && !lexicon::is_consequence_participle(&first.lower);
    let opens_clause = first.in_class(
        class::SUBORDINATOR
            | class::NOMINATIVE
            | class::OBJECT_RELATIVE
            | class::CLAUSE_LINK
            | class::OPENS_RELATIVE,
    ) || (!first.cap && first.is_ing_form() && !gerund);
    // A reporting word is a clause's verb more often than a noun of a list ("… and France
    // support the rebels").
    let cue = class::CLAUSE_CUE | class::OBJECT_CUE | class::STANCE_CUE | class::TO_CUE;
    first.word
        && !opens_clause
        && toks[from..to]
            .iter()
            .all(|t| (t.word && (t.cap || !t.in_class(cue))) || t.in_quote || t.is("."))
}

/// The end of the first segment of words after `j` (its next clause punctuation, or `e`), if
/// it is at most `max` tokens long.
fn segment_end(toks: &[Tok], j: usize, e: usize, max: usize) -> Option<usize> {
    let limit = e.min(j + 2 + max);
    let k = (j + 1..limit).find(|&k| !toks[k].in_quote && toks[k].is_clause_punct());
    match k {
        Some(k) => Some(k),
        None if limit == e => Some(e),
        None => None,
    }
}

/// Most items a list inside an object is looked through for its closing "and"/"or".
const MAX_ITEMS: usize = 6;

/// Do list items of the object follow the comma at `j` ("criticized his rivals, the press
/// and the courts", "thanked his parents, his siblings, his wife and his children")? Short
/// noun-like segments, one after another, up to one followed by ", and"/", or" or holding the
/// list's own "and"/"or" before the clause ends. Returns where the object's punctuation stops
/// being skipped: after the last item's ", and", or at the end of the item holding "and".
/// `gerunds`: the object holds a gerund before `j`, so gerunds may be its items ("accused
/// him of stalling, hiding and shredding the files").
pub(super) fn list_item_after(toks: &[Tok], j: usize, e: usize, gerunds: bool) -> Option<usize> {
    let mut j = j;
    for _ in 0..MAX_ITEMS {
        if !toks[j].is(",") {
            return None;
        }
        let k = segment_end(toks, j, e, MAX_ITEM)?;
        if !noun_like_segment(toks, j + 1, k, gerunds) {
            return None;
        }
        let joined = toks[j + 1..k].iter().any(|t| t.is("and") || t.is("or"));
        let then_and =
            k < e && toks[k].is(",") && toks.get(k + 1).is_some_and(|n| n.is("and") || n.is("or"));
        if then_and {
            return Some(k + 1);
        }
        if joined {
            return (k == e || !toks[k].is_comma()).then_some(k);
        }
        if k == e {
            return None;
        }
        j = k;
    }
    None
}

/// Longest apposition inside an object ("a federal judge, R. Diaz, for his ruling"; "two
/// governors, Ana Ruiz of Ohio and the late Tom Baker of Iowa, as examples": a pair of names
/// with their places, or a description with its own "of" phrase, runs past eight tokens).
const MAX_APPOSITION: usize = 14;

/// Does an apposition follow the comma (or dash) at `j`, closed by the same mark and followed
/// by the complement of the verb ("accused the mayor, a former ally, of lying", "praised
/// Ms. Osei, the harbour master, for her work")? Returns the index after the closing mark.
pub(super) fn apposition_then_complement(toks: &[Tok], j: usize, e: usize) -> Option<usize> {
    // "praised the mayor, who retires in May, for her work": a relative clause may stand there
    // too, a little longer. Not one opened by a word that may stand for a whole clause or what
    // was said ([object_relative] "which": "accused the panel, which …"): that clause is as
    // often the rest of the content as an aside.
    let relative = toks
        .get(j + 1)
        .is_some_and(|t| t.in_class(class::OPENS_RELATIVE) && !t.in_class(class::OBJECT_RELATIVE));
    let max = if relative {
        MAX_APPOSITION + 4
    } else {
        MAX_APPOSITION
    };
    let k = segment_end(toks, j, e, max)?;
    let closes = k < e && toks[k].lower == toks[j].lower;
    let complement = toks
        .get(k + 1)
        .filter(|_| k + 1 < e)
        .is_some_and(|n| n.word && !n.cap && (n.in_class(class::PREPOSITION) || n.is("as")));
    let inner = relative || noun_like_segment(toks, j + 1, k, false);
    (closes && complement && inner).then_some(k + 1)
}

/// Is the comma at `j`, inside an object starting at `from`, one within a noun phrase: between
/// a day and its year ("the Sept. 11, 2001, attacks") or between two adjectives after a
/// determiner ("the angry, divisive rhetoric", "a long, costly fight")? A determiner and one
/// word end no noun phrase when two lower-case words follow that open nothing else (no
/// determiner, pronoun, preposition, conjunction, verb form, reporting word or adverb).
pub(super) fn noun_phrase_comma(toks: &[Tok], from: usize, j: usize, e: usize) -> bool {
    if !toks[j].is(",") || j < from + 1 || j + 2 >= e {
        return false;
    }
    let digits = |t: &Tok, n: std::ops::RangeInclusive<usize>| {
        n.contains(&t.lower.len()) && t.lower.bytes().all(|b| b.is_ascii_digit())
    };
    let day = |k: usize| k >= from && digits(&toks[k], 1..=2);
    // "Sept. 11, 2001, terrorist attacks": the comma after the day, and the one after the year.
    let (before, next) = (&toks[j - 1], &toks[j + 1]);
    if (day(j - 1) && digits(next, 4..=4))
        || (j >= from + 3 && digits(before, 4..=4) && toks[j - 2].is(",") && day(j - 3))
    {
        return true;
    }
    let det = j >= from + 2 && toks[j - 2].in_class(class::ARTICLE | class::DETERMINER);
    // "… these programs, average voters may listen …": a new subject and its verb.
    let verb =
        REPORTING | class::MODAL | class::AUXILIARY_VERB | class::AUX | class::IRREGULAR_PAST;
    let cue_after = toks
        .get(j + 3)
        .filter(|_| j + 3 < e)
        .is_some_and(|t| t.word && t.in_class(verb));
    det && before.word
        && !before.cap
        && plain_word(&toks[j + 1])
        && plain_word(&toks[j + 2])
        && !cue_after
}

/// The lexicon's reporting verbs, of every frame.
const REPORTING: u64 = class::CLAUSE_CUE | class::OBJECT_CUE | class::STANCE_CUE | class::TO_CUE;

/// A lower-case word outside quotes that opens nothing but a noun phrase's next word: no
/// determiner, pronoun, preposition, conjunction, auxiliary, reporting word, past form,
/// participle or "-ly" adverb.
pub(super) fn plain_word(t: &Tok) -> bool {
    let opens_other = class::ARTICLE
        | class::DETERMINER
        | class::NOMINATIVE
        | class::OBJECT_PRONOUN
        | class::PREPOSITION
        | class::SUBORDINATOR
        | class::CLAUSE_LINK
        | class::OPENS_RELATIVE
        | class::OPENS_ADJUNCT
        | class::CONTINUES_LIST
        | class::AUXILIARY_VERB
        | class::MODAL
        | class::AUX
        | class::IRREGULAR_PAST
        | class::IRREGULAR_PARTICIPLE
        | REPORTING
        | class::CUE_WORD;
    let w = t.lower.as_str();
    t.word
        && !t.cap
        && !t.in_quote
        && !t.in_class(opens_other)
        && !matches!(w, "and" | "or" | "but" | "not" | "there")
        && !(ing_shaped(w) || w.ends_with("ed") || w.ends_with("ly"))
}
