//! The word lists of reported speech ([`crate::attributions`]): cue classes from the one cue
//! table (`cue_verbs.txt`) and the closed-class words of `attribution_*.txt`.

use once_cell::sync::Lazy;

use super::runtime::{Added, Extensible};
use super::{cue_set, files, section, set_of, WordSet};

cue_set!(
    /// Verbs introducing a clause: "said", "believes", "found".
    CLAUSE_CUES = ["clause"] + ReportedCue
);
cue_set!(
    /// Verbs with a hearer before the clause: "told", "assured".
    OBJECT_CUES = ["object"]
);
cue_set!(
    /// Verbs introducing an infinitive: "plans to", "refused to".
    TO_CUES = ["infinitive"]
);
cue_set!(
    /// Verbs whose object is the content: "endorsed Clinton", "criticized the deal".
    STANCE_CUES = ["stance"]
);
cue_set!(
    /// Cue forms that are mostly nouns ("attacks", "support"): cues only after a name or pronoun.
    NOUN_VERBS = ["noun"]
);
cue_set!(
    /// Verbs of knowing and perceiving, cues only before "that", "whether" or "if".
    THAT_CUES = ["that"]
);

/// Auxiliaries and adverbs between a source and its verb: "has also said".
pub static AUX: Lazy<WordSet> =
    Lazy::new(|| section(files::ATTRIBUTION_AUX, "").into_iter().collect());
/// Nouns with a "that" clause: "the claim that".
pub static NOUNS: Lazy<WordSet> =
    Lazy::new(|| section(files::ATTRIBUTION_NOUNS, "").into_iter().collect());
/// Words a source never extends left over.
pub static STOP: Lazy<WordSet> =
    Lazy::new(|| section(files::ATTRIBUTION_STOP, "").into_iter().collect());

fn grammar(sections: &[&str]) -> WordSet {
    set_of(files::ATTRIBUTION_GRAMMAR, sections)
}

/// Articles and possessives, after which a word is a noun ("the report", "his claim").
pub static ARTICLES: Lazy<WordSet> = Lazy::new(|| grammar(&["article"]));
static DETERMINERS: Lazy<WordSet> = Lazy::new(|| grammar(&["article", "quantifier"]));
static SUBJECT_PRONOUNS: Lazy<WordSet> = Lazy::new(|| grammar(&["subject_pronoun"]));
static HEARER_WORDS: Lazy<WordSet> = Lazy::new(|| grammar(&["hearer"]));
static ADJUNCT_OPENERS: Lazy<WordSet> = Lazy::new(|| grammar(&["adjunct_opener"]));
static IMPERSONAL_PARTICIPLES: Lazy<WordSet> = Lazy::new(|| grammar(&["impersonal"]));
/// Prepositions, which never end a source ("pitched himself to voters by").
pub static PREPOSITIONS: Lazy<WordSet> = Lazy::new(|| grammar(&["preposition"]));
static BASE_FORM_MARKERS: Lazy<WordSet> = Lazy::new(|| grammar(&["modal", "verb_adverb"]));
static AUXILIARIES: Lazy<WordSet> = Lazy::new(|| grammar(&["modal", "auxiliary"]));
static SUBORDINATORS: Lazy<WordSet> = Lazy::new(|| grammar(&["subordinator"]));

/// Conjunctions opening a subordinate clause: "because", "while", "although".
pub fn is_subordinator(w: &str) -> bool {
    SUBORDINATORS.contains(w)
}

/// A modal, "do" or "not"/"also" before a base form makes it a verb: "polls could show".
pub fn marks_base_form_verb(w: &str) -> bool {
    BASE_FORM_MARKERS.contains(w)
}

static EXPERIENCERS: Lazy<WordSet> = Lazy::new(|| grammar(&["experiencer"]));
static IRREGULAR_PARTICIPLES: Lazy<WordSet> = Lazy::new(|| grammar(&["irregular_participle"]));

/// Participles whose passive subject holds the view: "is worried that", "was convinced".
pub fn is_experiencer(w: &str) -> bool {
    EXPERIENCERS.contains(w)
}

/// Past participles of reporting verbs without -ed/-en: "told", "said".
pub fn is_irregular_participle(w: &str) -> bool {
    IRREGULAR_PARTICIPLES.contains(w)
}

static TIME_NOUNS: Lazy<WordSet> = Lazy::new(|| grammar(&["time_noun"]));

/// Nouns that end a time adjunct: "last month", "on Monday night".
pub fn is_time_noun(w: &str) -> bool {
    TIME_NOUNS.contains(w)
}

static MODALS: Lazy<WordSet> = Lazy::new(|| grammar(&["modal"]));

/// Modal and "do" auxiliaries: "can", "would", "didn't".
pub fn is_modal(w: &str) -> bool {
    MODALS.contains(w)
}

/// Auxiliary verbs: an apposition ("then 38", "however") holds none of them.
pub fn is_auxiliary_verb(w: &str) -> bool {
    AUXILIARIES.contains(w)
}

static COMPLEMENTIZERS: Lazy<WordSet> = Lazy::new(|| grammar(&["complementizer"]));

/// Words that open the clause of a verb of knowing: "knows that", "saw how", "asked why".
pub fn opens_complement(w: &str) -> bool {
    COMPLEMENTIZERS.contains(w)
}

static EVIDENTIAL_ADVERBS: Lazy<WordSet> = Lazy::new(|| grammar(&["evidential"]));

/// Adverbs that attribute their clause to unnamed reports: "is reportedly planning".
pub fn is_evidential_adverb(w: &str) -> bool {
    EVIDENTIAL_ADVERBS.contains(w)
}

static PASSIVE_AUXILIARIES: Lazy<WordSet> = Lazy::new(|| grammar(&["passive"]));

/// Forms of "be" and "get" that make a following participle passive: "was considered".
pub fn is_passive_auxiliary(w: &str) -> bool {
    PASSIVE_AUXILIARIES.contains(w)
}

static JUDGED_PARTICIPLES: Lazy<WordSet> = Lazy::new(|| grammar(&["judged"]));

/// Participles that report a judgement in the passive, with or without an agent: "is widely
/// seen as", "was deemed unfit", "is known for".
pub fn is_judged_participle(w: &str) -> bool {
    JUDGED_PARTICIPLES.contains(w)
}

/// Media named after "in a": "said in a statement".
pub static MEDIA: Lazy<WordSet> = Lazy::new(|| grammar(&["medium"]));

/// Words that open an adjunct after a reporting verb ("said on Monday", "said in a statement",
/// "said last week"): a verb followed only by one is not followed by its content.
pub fn opens_adjunct(w: &str) -> bool {
    ADJUNCT_OPENERS.contains(w)
}

/// Object pronouns and hearer nouns skipped after "told": "told reporters", "told him".
pub fn is_hearer_word(w: &str) -> bool {
    HEARER_WORDS.contains(w)
}

/// Participles of reporting whose subject is an impersonal "it": "it was reported that".
pub fn impersonal_participle(w: &str) -> bool {
    IMPERSONAL_PARTICIPLES.contains(w)
}

/// Determiners and pronouns that may start a source noun phrase.
pub fn is_determiner(w: &str) -> bool {
    DETERMINERS.contains(w)
}

/// Pronouns that may be a source on their own.
pub fn is_subject_pronoun(w: &str) -> bool {
    SUBJECT_PRONOUNS.contains(w)
}

static COLON_LABELS: Lazy<WordSet> = Lazy::new(|| grammar(&["colon_label"]));

/// Words of a label before a colon that introduces no one's words: "Update:", "The Latest:".
pub fn is_colon_label(w: &str) -> bool {
    COLON_LABELS.contains(w)
}

static PROFORMS: Lazy<WordSet> = Lazy::new(|| grammar(&["proform"]));

/// One-word contents that stand for a whole statement: "said yes", "said so".
pub fn is_proform(w: &str) -> bool {
    PROFORMS.contains(w)
}
