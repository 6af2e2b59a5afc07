//! The word lists a token is in, as bits of [`Tok::classes`](super::Tok::classes): the bits
//! ([`class`]), the lists and lexicon predicates behind them, and the one lookup table that
//! gives a word all its bits at once (the tokenizer asks it once per word, the rules then test
//! bits instead of asking the lists again).

use once_cell::sync::Lazy;
use rustc_hash::FxHashMap;

use super::super::lexicon::{
    continues_list, impersonal_participle, is_approximator, is_auxiliary_verb, is_clause_link,
    is_colon_label, is_cue_word, is_determiner, is_evidential_adverb, is_expectation_participle,
    is_experiencer, is_finding_subject, is_frequency_adverb, is_hearer_word,
    is_irregular_participle, is_irregular_past, is_judged_participle, is_ly_noun, is_modal,
    is_modifier_link, is_nominative, is_not_modifier_link, is_object_pronoun, is_object_relative,
    is_passive_auxiliary, is_proform, is_question_cue, is_raised_doubt, is_relative_after_noun,
    is_relative_determiner, is_relative_pronoun, is_subject_pronoun, is_subordinator, is_time_noun,
    is_topic_preposition, marks_base_form_verb, opens_act_adjunct, opens_adjunct, opens_complement,
    ARTICLES, AUX, CLAUSE_CUES, MEDIA, NOUNS, NOUN_VERBS, OBJECT_CUES, PREPOSITIONS, STANCE_CUES,
    STOP, THAT_CUES, TO_CUES,
};
use crate::lexicon::word_table::WordMap;
use crate::lexicon::WordSet;

/// Bits of [`Tok::classes`](super::Tok::classes), one per word list ([`class`]).
pub type Classes = u64;

/// Word lists of [`super::super::lexicon`] as bits of [`Tok::classes`](super::Tok::classes):
/// `t.in_class(class::CLAUSE_CUE)` is `CLAUSE_CUES.contains(t.lower.as_str())` (run-time
/// additions included), and `t.in_class(class::MODAL)` is `is_modal(&t.lower)`, without a
/// lookup: the rules ask these lists of the same words many times, the tokenizer asks once per
/// word.
pub mod class {
    use super::Classes;

    pub const CLAUSE_CUE: Classes = 1;
    pub const OBJECT_CUE: Classes = 1 << 1;
    pub const TO_CUE: Classes = 1 << 2;
    pub const STANCE_CUE: Classes = 1 << 3;
    pub const NOUN_VERB: Classes = 1 << 4;
    pub const THAT_CUE: Classes = 1 << 5;
    pub const AUX: Classes = 1 << 6;
    pub const NOUN: Classes = 1 << 7;
    pub const STOP: Classes = 1 << 8;
    pub const ARTICLE: Classes = 1 << 9;
    pub const PREPOSITION: Classes = 1 << 10;
    pub const MEDIUM: Classes = 1 << 11;
    /// The first word of a two-word stance cue of the lexicon ("talked" of "talked_about").
    pub const PHRASAL_HEAD: Classes = 1 << 12;
    /// A word [`crate::attributions::cues`] names in its rules ([cue_word] and [seeing] of
    /// `attribution_grammar.txt`).
    pub const CUE_WORD: Classes = 1 << 13;
    // The closed classes of `attribution_grammar.txt`, one per predicate of the lexicon.
    pub const SUBORDINATOR: Classes = 1 << 16;
    pub const MARKS_BASE_FORM_VERB: Classes = 1 << 17;
    pub const EXPERIENCER: Classes = 1 << 18;
    pub const IRREGULAR_PARTICIPLE: Classes = 1 << 19;
    pub const TIME_NOUN: Classes = 1 << 20;
    pub const MODAL: Classes = 1 << 21;
    pub const AUXILIARY_VERB: Classes = 1 << 22;
    pub const OPENS_COMPLEMENT: Classes = 1 << 23;
    pub const EVIDENTIAL_ADVERB: Classes = 1 << 24;
    pub const PASSIVE_AUXILIARY: Classes = 1 << 25;
    pub const JUDGED_PARTICIPLE: Classes = 1 << 26;
    pub const OPENS_ADJUNCT: Classes = 1 << 27;
    pub const HEARER_WORD: Classes = 1 << 28;
    pub const IMPERSONAL_PARTICIPLE: Classes = 1 << 29;
    pub const DETERMINER: Classes = 1 << 30;
    pub const SUBJECT_PRONOUN: Classes = 1 << 31;
    pub const COLON_LABEL: Classes = 1 << 32;
    pub const PROFORM: Classes = 1 << 33;
    pub const OBJECT_PRONOUN: Classes = 1 << 34;
    pub const LY_NOUN: Classes = 1 << 35;
    pub const NOMINATIVE: Classes = 1 << 36;
    pub const OBJECT_RELATIVE: Classes = 1 << 37;
    pub const RELATIVE_AFTER_NOUN: Classes = 1 << 38;
    pub const TOPIC_PREPOSITION: Classes = 1 << 39;
    pub const CONTINUES_LIST: Classes = 1 << 40;
    pub const OPENS_ACT_ADJUNCT: Classes = 1 << 41;
    pub const APPROXIMATOR: Classes = 1 << 42;
    pub const CLAUSE_LINK: Classes = 1 << 43;
    pub const MODIFIER_LINK: Classes = 1 << 44;
    pub const NOT_MODIFIER_LINK: Classes = 1 << 45;
    pub const EXPECTATION_PARTICIPLE: Classes = 1 << 46;
    pub const FINDING_SUBJECT: Classes = 1 << 47;
    pub const FREQUENCY_ADVERB: Classes = 1 << 48;
    pub const RELATIVE_PRONOUN: Classes = 1 << 49;
    pub const RELATIVE_DETERMINER: Classes = 1 << 50;
    pub const QUESTION_CUE: Classes = 1 << 51;
    pub const IRREGULAR_PAST: Classes = 1 << 52;
    /// Doubts raised about a topic ("raised questions about"): a cue for
    /// [`crate::attributions::cues`] only; no `CUE_WORD`, whose verb tests would take "the
    /// question that" for a verb.
    pub const RAISED_DOUBT: Classes = 1 << 53;
    /// Words that open a relative clause: a relative pronoun or "whose".
    pub const OPENS_RELATIVE: Classes = RELATIVE_PRONOUN | RELATIVE_DETERMINER;
}

/// The built-in word list behind each set bit of [`class`].
pub(super) fn class_lists() -> [(&'static WordSet, Classes); 12] {
    [
        (CLAUSE_CUES.builtin(), class::CLAUSE_CUE),
        (&OBJECT_CUES, class::OBJECT_CUE),
        (&TO_CUES, class::TO_CUE),
        (&STANCE_CUES, class::STANCE_CUE),
        (&NOUN_VERBS, class::NOUN_VERB),
        (&THAT_CUES, class::THAT_CUE),
        (&AUX, class::AUX),
        (&NOUNS, class::NOUN),
        (&STOP, class::STOP),
        (&ARTICLES, class::ARTICLE),
        (&PREPOSITIONS, class::PREPOSITION),
        (&MEDIA, class::MEDIUM),
    ]
}

/// A word-list predicate of the lexicon (`is_modal`, `opens_adjunct`, …).
pub(super) type WordTest = fn(&str) -> bool;

/// The predicate of the lexicon behind each grammar bit of [`class`]. Each holds only words of
/// `attribution_grammar.txt`, so asking it of every word of that file gives its bit exactly.
pub(super) fn class_predicates() -> [(WordTest, Classes); 39] {
    [
        (is_subordinator, class::SUBORDINATOR),
        (marks_base_form_verb, class::MARKS_BASE_FORM_VERB),
        (is_experiencer, class::EXPERIENCER),
        (is_irregular_participle, class::IRREGULAR_PARTICIPLE),
        (is_time_noun, class::TIME_NOUN),
        (is_modal, class::MODAL),
        (is_auxiliary_verb, class::AUXILIARY_VERB),
        (opens_complement, class::OPENS_COMPLEMENT),
        (is_evidential_adverb, class::EVIDENTIAL_ADVERB),
        (is_passive_auxiliary, class::PASSIVE_AUXILIARY),
        (is_judged_participle, class::JUDGED_PARTICIPLE),
        (opens_adjunct, class::OPENS_ADJUNCT),
        (is_hearer_word, class::HEARER_WORD),
        (impersonal_participle, class::IMPERSONAL_PARTICIPLE),
        (is_determiner, class::DETERMINER),
        (is_subject_pronoun, class::SUBJECT_PRONOUN),
        (is_colon_label, class::COLON_LABEL),
        (is_proform, class::PROFORM),
        (is_object_pronoun, class::OBJECT_PRONOUN),
        (is_ly_noun, class::LY_NOUN),
        (is_nominative, class::NOMINATIVE),
        (is_object_relative, class::OBJECT_RELATIVE),
        (is_relative_after_noun, class::RELATIVE_AFTER_NOUN),
        (is_topic_preposition, class::TOPIC_PREPOSITION),
        (continues_list, class::CONTINUES_LIST),
        (opens_act_adjunct, class::OPENS_ACT_ADJUNCT),
        (is_approximator, class::APPROXIMATOR),
        (is_clause_link, class::CLAUSE_LINK),
        (is_modifier_link, class::MODIFIER_LINK),
        (is_not_modifier_link, class::NOT_MODIFIER_LINK),
        (is_expectation_participle, class::EXPECTATION_PARTICIPLE),
        (is_finding_subject, class::FINDING_SUBJECT),
        (is_frequency_adverb, class::FREQUENCY_ADVERB),
        (is_relative_pronoun, class::RELATIVE_PRONOUN),
        (is_relative_determiner, class::RELATIVE_DETERMINER),
        (is_question_cue, class::QUESTION_CUE),
        (is_irregular_past, class::IRREGULAR_PAST),
        (is_raised_doubt, class::RAISED_DOUBT),
        (is_cue_word, class::CUE_WORD),
    ]
}

/// Every word of `attribution_grammar.txt`, all sections.
pub(super) fn grammar_words() -> impl Iterator<Item = &'static str> {
    let file = crate::lexicon::files::ATTRIBUTION_GRAMMAR;
    crate::lexicon::section_names(file)
        .into_iter()
        .flat_map(move |name| crate::lexicon::section(file, name))
}

/// Every built-in word of the lists of [`class`], with its class bits, as a [`WordMap`]: the
/// tokenizer asks it of a word the quote tokenizer did not look up for it
/// ([`super::tokenize_after`]).
static CLASSES_TABLE: Lazy<WordMap<Classes>> = Lazy::new(|| WordMap::new(class_words()));

/// Every built-in word of the lists of [`class`] with its class bits: the builder of
/// [`CLASSES_TABLE`], and of the quote tokenizer's table, which looks a word up once for both
/// tokenizers.
pub(crate) fn class_words() -> FxHashMap<&'static str, Classes> {
    let mut m: FxHashMap<&'static str, Classes> = FxHashMap::default();
    for (set, bit) in class_lists() {
        for &w in set {
            *m.entry(w).or_insert(0) |= bit;
        }
    }
    for w in STANCE_CUES.iter().filter_map(|k| k.split_once('_')) {
        *m.entry(w.0).or_insert(0) |= class::PHRASAL_HEAD;
    }
    let predicates = class_predicates();
    for w in grammar_words() {
        let bits = (predicates.iter())
            .filter(|(is, _)| is(w))
            .fold(0, |acc, (_, bit)| acc | bit);
        *m.entry(w).or_insert(0) |= bits;
    }
    m
}

/// The classes of a lower-case word: the built-in lists, and the cue verbs added at run time
/// when the running engine call has additions (`adds`, read once per call like every lookup
/// of [`CLAUSE_CUES`]).
pub(super) fn classes_of(lower: &str, adds: bool) -> Classes {
    with_added(CLASSES_TABLE.get(lower).unwrap_or(0), lower, adds)
}

/// `builtin`, the classes of `lower` in the built-in lists, with the run-time cue verbs.
pub(super) fn with_added(builtin: Classes, lower: &str, adds: bool) -> Classes {
    if adds && CLAUSE_CUES.added(lower) {
        builtin | class::CLAUSE_CUE
    } else {
        builtin
    }
}
