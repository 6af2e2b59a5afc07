//! Word lists of reported speech, loaded from `data/lexicon/attribution_*.txt` (one lower-case
//! word per line, `#` comments).

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

/// Words that open an adjunct after a reporting verb ("said on Monday", "said in a statement",
/// "said last week"): a verb followed only by one is not followed by its content.
pub fn opens_adjunct(w: &str) -> bool {
    matches!(
        w,
        "on" | "in"
            | "at"
            | "during"
            | "last"
            | "this"
            | "earlier"
            | "later"
            | "late"
            | "early"
            | "yesterday"
            | "today"
            | "tonight"
            | "recently"
            | "afterward"
            | "afterwards"
            | "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "before"
            | "after"
            | "when"
            | "while"
            | "of"
            | "about"
            | "to"
            | "with"
            | "from"
            | "via"
            | "through"
            | "over"
            | "then"
            | "again"
            | "too"
            | "as"
    )
}

/// Object pronouns and hearer nouns skipped after "told": "told reporters", "told him".
pub fn is_hearer_word(w: &str) -> bool {
    matches!(
        w,
        "him"
            | "her"
            | "them"
            | "me"
            | "us"
            | "you"
            | "reporters"
            | "journalists"
            | "supporters"
            | "voters"
            | "listeners"
            | "viewers"
            | "readers"
            | "lawmakers"
            | "senators"
            | "colleagues"
            | "donors"
            | "students"
            | "crowd"
            | "audience"
    )
}

/// Participles of reporting whose subject is an impersonal "it": "it was reported that".
pub fn impersonal_participle(w: &str) -> bool {
    matches!(
        w,
        "reported"
            | "believed"
            | "thought"
            | "said"
            | "expected"
            | "understood"
            | "known"
            | "alleged"
            | "rumored"
            | "rumoured"
            | "feared"
            | "estimated"
            | "claimed"
            | "suggested"
            | "argued"
            | "announced"
            | "learned"
            | "assumed"
            | "noted"
    )
}

/// Determiners and pronouns that may start a source noun phrase.
pub fn is_determiner(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "a"
            | "an"
            | "his"
            | "her"
            | "their"
            | "its"
            | "our"
            | "my"
            | "your"
            | "this"
            | "these"
            | "those"
            | "some"
            | "many"
            | "several"
            | "most"
            | "other"
            | "another"
            | "one"
            | "two"
            | "three"
            | "both"
            | "all"
            | "few"
            | "more"
    )
}

/// Pronouns that may be a source on their own.
pub fn is_subject_pronoun(w: &str) -> bool {
    matches!(
        w,
        "he" | "she" | "they" | "i" | "we" | "you" | "it" | "who" | "someone" | "everyone"
    )
}
