//! Words in a predicate taken for a source: "Ruiz has nevertheless called …", "the senator has
//! been a dogged critic of …". The phrase after an auxiliary is part of the verb phrase, and
//! the subject before the auxiliary is the source.

use super::super::cues::possessive;
use super::super::lexicon;
use super::super::tokens::{class, Tok};
use super::{skip_aux_left, source_before};

/// The subject before the auxiliary that opens `src` (the phrase found right before the cue at
/// `k`), when `src` is predicate material, not a noun phrase that could speak: one lower-case
/// word ("has nevertheless called", "have emerged describing", "was heard calling"), or
/// lower-case modifiers of a noun cue ("has been an outspoken critic of", "have no plans to").
/// A predicate noun before an "-ing" cue is the participle's own subject ("were a group of
/// donors backing …") and a possessive holds the noun ("was his stern warning"): both stay.
pub(super) fn subject_before_auxiliary(
    toks: &[Tok],
    lo: usize,
    k: usize,
    src: (usize, usize),
) -> Option<(usize, usize)> {
    let (s, e) = src;
    if s <= lo + 1 {
        return None;
    }
    let aux = &toks[s - 1];
    let auxiliary = aux.word
        && !aux.cap
        && !aux.in_quote
        && aux.in_class(class::AUXILIARY_VERB | class::PASSIVE_AUXILIARY);
    let lower_words = toks[s..e].iter().all(|t| t.word && !t.cap && !t.in_quote);
    if !auxiliary || !lower_words {
        return None;
    }
    let first = &toks[s];
    let pronoun =
        first.in_class(class::SUBJECT_PRONOUN | class::OBJECT_PRONOUN | class::OPENS_RELATIVE);
    if pronoun || possessive(first) {
        return None;
    }
    // A single word: a participle or an adverb ("has nevertheless called"), not a determiner
    // that heads a phrase of its own ("had some explaining to do").
    let single = e == s + 1 && !first.in_class(class::DETERMINER);
    // Modifiers of a noun cue after "have" or "be" ("has been a dogged defender of"). After
    // "do" or a modal a phrase is an inverted subject ("How does a reformer persuade …?").
    let inverted = aux.in_class(class::MODAL) || aux.is("does");
    let modifies_cue = e == k && !toks[k].is_ing_form() && !inverted;
    if !(single || modifies_cue) {
        return None;
    }
    let q = skip_aux_left(toks, lo, s - 1)?;
    let subject = source_before(toks, lo, q)?;
    let expletive = toks[subject.0..subject.1]
        .iter()
        .any(|t| lexicon::is_expletive_subject(&t.lower));
    (!expletive).then_some(subject)
}

/// Most words of a verb phrase between a subject pronoun and its cue ("he soon learned", "they
/// stop reporting", "he came away convinced") taken for the source.
const MAX_PRONOUN_PREDICATE: usize = 2;

/// "I cannot see …", "He soon learned …", "We rarely find out about …": lower-case words right
/// after a pronoun that is only ever a subject ([nominative]) are its verb phrase, and the
/// pronoun is the source. At most [`MAX_PRONOUN_PREDICATE`] words: a longer run may hold a
/// noun phrase of its own ("… as they entered caucus sites showed").
pub(super) fn pronoun_before_predicate(
    toks: &[Tok],
    lo: usize,
    src: (usize, usize),
) -> Option<(usize, usize)> {
    let (s, e) = src;
    if s <= lo || e - s > MAX_PRONOUN_PREDICATE {
        return None;
    }
    let p = &toks[s - 1];
    let pronoun = p.word && !p.in_quote && p.in_class(class::NOMINATIVE);
    let lower_words = toks[s..e].iter().all(|t| t.word && !t.cap && !t.in_quote);
    (pronoun && lower_words).then_some((s - 1, s))
}
