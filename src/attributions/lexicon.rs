//! Word lists of reported speech, loaded from `data/lexicon/attribution_*.txt` (one lower-case
//! word per line, `#` comments; `attribution_grammar.txt` has sections like the shared lexicon).

use once_cell::sync::Lazy;
use rustc_hash::FxHashSet;

fn load(data: &'static str) -> FxHashSet<&'static str> {
    data.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
}

/// Verbs introducing a clause: "said", "believes", "found".
pub static CLAUSE_CUES: Lazy<FxHashSet<&'static str>> =
    Lazy::new(|| load(include_str!("../../data/lexicon/attribution_cues.txt")));
/// Verbs with a hearer before the clause: "told", "assured".
pub static OBJECT_CUES: Lazy<FxHashSet<&'static str>> = Lazy::new(|| {
    load(include_str!(
        "../../data/lexicon/attribution_object_cues.txt"
    ))
});
/// Verbs introducing an infinitive: "plans to", "refused to".
pub static TO_CUES: Lazy<FxHashSet<&'static str>> =
    Lazy::new(|| load(include_str!("../../data/lexicon/attribution_to_cues.txt")));
/// Verbs whose object is the content: "endorsed Clinton", "criticized the deal".
pub static STANCE_CUES: Lazy<FxHashSet<&'static str>> = Lazy::new(|| {
    load(include_str!(
        "../../data/lexicon/attribution_stance_cues.txt"
    ))
});
/// Cue forms that are mostly nouns ("attacks", "support"): cues only after a name or pronoun.
pub static NOUN_VERBS: Lazy<FxHashSet<&'static str>> = Lazy::new(|| {
    load(include_str!(
        "../../data/lexicon/attribution_noun_verbs.txt"
    ))
});
/// Verbs of knowing and perceiving, cues only before "that", "whether" or "if".
pub static THAT_CUES: Lazy<FxHashSet<&'static str>> =
    Lazy::new(|| load(include_str!("../../data/lexicon/attribution_that_cues.txt")));
/// Auxiliaries and adverbs between a source and its verb: "has also said".
pub static AUX: Lazy<FxHashSet<&'static str>> =
    Lazy::new(|| load(include_str!("../../data/lexicon/attribution_aux.txt")));
/// Nouns with a "that" clause: "the claim that".
pub static NOUNS: Lazy<FxHashSet<&'static str>> =
    Lazy::new(|| load(include_str!("../../data/lexicon/attribution_nouns.txt")));
/// Words a source never extends left over.
pub static STOP: Lazy<FxHashSet<&'static str>> =
    Lazy::new(|| load(include_str!("../../data/lexicon/attribution_stop.txt")));

const GRAMMAR: &str = include_str!("../../data/lexicon/attribution_grammar.txt");

fn grammar(sections: &[&str]) -> FxHashSet<&'static str> {
    sections
        .iter()
        .flat_map(|name| crate::lexicon::section(GRAMMAR, name))
        .collect()
}

/// Articles and possessives, after which a word is a noun ("the report", "his claim").
pub static ARTICLES: Lazy<FxHashSet<&'static str>> = Lazy::new(|| grammar(&["article"]));
static DETERMINERS: Lazy<FxHashSet<&'static str>> =
    Lazy::new(|| grammar(&["article", "quantifier"]));
static SUBJECT_PRONOUNS: Lazy<FxHashSet<&'static str>> =
    Lazy::new(|| grammar(&["subject_pronoun"]));
static HEARER_WORDS: Lazy<FxHashSet<&'static str>> = Lazy::new(|| grammar(&["hearer"]));
static ADJUNCT_OPENERS: Lazy<FxHashSet<&'static str>> = Lazy::new(|| grammar(&["adjunct_opener"]));
static IMPERSONAL_PARTICIPLES: Lazy<FxHashSet<&'static str>> =
    Lazy::new(|| grammar(&["impersonal"]));
/// Media named after "in a": "said in a statement".
pub static MEDIA: Lazy<FxHashSet<&'static str>> = Lazy::new(|| grammar(&["medium"]));

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
