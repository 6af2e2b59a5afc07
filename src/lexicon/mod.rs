//! The project's word lists, read once from `data/lexicon/*.txt` (compiled in with
//! `include_str!`). Sentence splitting, quote attribution and cross-article comparison all take
//! their words from here, so one list serves every stage.
//!
//! File format: `#` starts a comment line; `[name]` starts a section; every other line holds
//! whitespace-separated words. Each file's header says what belongs in it. `cue_verbs.txt` is
//! the one table of rows `forms : classes` instead ([`cue_forms`]). To add a cue verb or a
//! title, add it to the right row or section of the file and rebuild; at run time,
//! [`runtime`] adds words without a rebuild.

use once_cell::sync::Lazy;
use rustc_hash::FxHashMap;

pub use word_set::WordSet;

/// The words of section `name` of a lexicon file (`""`: the words before any section).
/// A missing section is a bug in the data file caught by the tests, not by the caller.
pub fn section(file: &'static str, name: &str) -> Vec<&'static str> {
    section_lines(file, name)
        .into_iter()
        .flat_map(str::split_whitespace)
        .collect()
}

/// The lines of section `name` of a lexicon file as written (trimmed; no comments or blank
/// lines): the words of [`section`], or the patterns of a phrase section.
pub fn section_lines(file: &'static str, name: &str) -> Vec<&'static str> {
    let mut current = "";
    let mut out = Vec::new();
    for line in file.lines() {
        let line = line.trim();
        if line.starts_with('#') || line.is_empty() {
            continue;
        }
        if let Some(header) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            current = header.trim();
            continue;
        }
        if current == name {
            out.push(line);
        }
    }
    out
}

/// Section names of a lexicon file, in file order.
pub fn section_names(file: &'static str) -> Vec<&'static str> {
    file.lines()
        .filter_map(|l| l.trim().strip_prefix('[').and_then(|l| l.strip_suffix(']')))
        .map(str::trim)
        .collect()
}

/// The forms of `cue_verbs.txt` rows (`forms : classes`) that have `class`, in file order.
pub fn cue_forms(file: &'static str, class: &str) -> Vec<&'static str> {
    cue_rows(file)
        .filter(|(_, classes)| classes.split_whitespace().any(|c| c == class))
        .flat_map(|(forms, _)| forms.split_whitespace())
        .collect()
}

/// The `(forms, classes)` rows of the cue table; a row without a `:` has no class.
pub fn cue_rows(file: &'static str) -> impl Iterator<Item = (&'static str, &'static str)> {
    file.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| l.split_once(':').unwrap_or((l, "")))
}

pub(crate) fn set_of(file: &'static str, names: &[&str]) -> WordSet {
    names.iter().flat_map(|n| section(file, n)).collect()
}

macro_rules! lexicon_file {
    ($name:ident, $path:literal) => {
        pub const $name: &str = include_str!(concat!("../../data/lexicon/", $path));
    };
}

/// The raw data files (for tests and for listing what the lexicon holds).
pub mod files {
    lexicon_file!(ABBREVIATIONS, "abbreviations.txt");
    lexicon_file!(ATTRIBUTION_AUX, "attribution_aux.txt");
    lexicon_file!(ATTRIBUTION_GRAMMAR, "attribution_grammar.txt");
    lexicon_file!(ATTRIBUTION_NOUNS, "attribution_nouns.txt");
    lexicon_file!(ATTRIBUTION_STOP, "attribution_stop.txt");
    lexicon_file!(CUE_VERBS, "cue_verbs.txt");
    lexicon_file!(GRAMMAR, "grammar.txt");
    lexicon_file!(NAME_PARTS, "name_parts.txt");
    lexicon_file!(NATIONALITIES, "nationalities.txt");
    lexicon_file!(NOT_NAME_STARTS, "not_name_starts.txt");
    lexicon_file!(ORGANISATION_WORDS, "organisation_words.txt");
    lexicon_file!(PEOPLE_NOUNS, "people_nouns.txt");
    lexicon_file!(QUOTE_COMPARISON, "quote_comparison.txt");
    lexicon_file!(QUOTE_CONTEXT, "quote_context.txt");
    lexicon_file!(SENTENCE_WORDS, "sentence_words.txt");
    lexicon_file!(TITLES, "titles.txt");

    /// Every sectioned word file with its name (the cue table, [`CUE_VERBS`], has rows).
    pub const ALL: &[(&str, &str)] = &[
        ("abbreviations.txt", ABBREVIATIONS),
        ("attribution_aux.txt", ATTRIBUTION_AUX),
        ("attribution_grammar.txt", ATTRIBUTION_GRAMMAR),
        ("attribution_nouns.txt", ATTRIBUTION_NOUNS),
        ("attribution_stop.txt", ATTRIBUTION_STOP),
        ("grammar.txt", GRAMMAR),
        ("name_parts.txt", NAME_PARTS),
        ("nationalities.txt", NATIONALITIES),
        ("not_name_starts.txt", NOT_NAME_STARTS),
        ("organisation_words.txt", ORGANISATION_WORDS),
        ("people_nouns.txt", PEOPLE_NOUNS),
        ("quote_comparison.txt", QUOTE_COMPARISON),
        ("quote_context.txt", QUOTE_CONTEXT),
        ("sentence_words.txt", SENTENCE_WORDS),
        ("titles.txt", TITLES),
    ];
}

macro_rules! word_set {
    ($(#[$doc:meta])* $name:ident = $file:ident [$($section:literal),+]) => {
        $(#[$doc])*
        pub static $name: Lazy<WordSet> = Lazy::new(|| set_of(files::$file, &[$($section),+]));
    };
}

/// The forms of the cue table with any of `classes`.
pub(crate) fn cue_set(classes: &[&str]) -> WordSet {
    (classes.iter())
        .flat_map(|c| cue_forms(files::CUE_VERBS, c))
        .collect()
}

macro_rules! cue_set {
    ($(#[$doc:meta])* $name:ident = [$($class:literal),+]) => {
        $(#[$doc])*
        pub static $name: Lazy<WordSet> = Lazy::new(|| cue_set(&[$($class),+]));
    };
    ($(#[$doc:meta])* $name:ident = [$($class:literal),+] + $added:ident) => {
        $(#[$doc])*
        /// Run-time additions count ([`runtime`]).
        pub static $name: Extensible =
            Extensible::new(Lazy::new(|| cue_set(&[$($class),+])), Added::$added);
    };
}

mod abbreviations;
pub use abbreviations::{
    abbreviation_class, is_abbreviation, longest_abbreviation, AbbrevClass,
    PHRASE_FINAL_ABBREVIATIONS,
};
pub mod phrases;
mod prefixes;
pub mod reported;
pub mod runtime;
mod word_run;
pub mod word_set;
pub mod word_table;
use runtime::{Added, Extensible};

// Speech cues of direct quotes (reported speech: [`reported`]).
cue_set!(
    /// Every direct-quote cue form: reporting and weak ("said", "called").
    CUES = ["quote", "quote_weak"] + QuoteCue
);
cue_set!(
    /// Cues that name or describe rather than report speech ("called it", "described as").
    WEAK_CUES = ["quote_weak"]
);
cue_set!(
    /// Verbs that become cues with a following "to" ("referred to", "according to").
    TO_CUES = ["quote_to"]
);
cue_set!(
    /// Verbs that report speech (not the weak ones); they also keep `"Why?" Smith asked.` one
    /// sentence.
    REPORTING_CUES = ["quote"] + QuoteCue
);

// Titles and people.

/// The words of `sections` of titles.txt as the quote tokenizer sees them: "gen." as written,
/// "sen" both as "sen" and "sen." (it keeps the period of an abbreviation).
fn titles_as_tokens(sections: &[&str]) -> WordSet {
    (sections.iter().flat_map(|s| section(files::TITLES, s)))
        .flat_map(|w| std::iter::once(w).chain(abbreviations::with_period(w)))
        .collect()
}

/// Title words without their period ("gen", "sen"), for matching names across articles.
/// Run-time titles count ([`runtime`]).
pub static TITLE_WORDS: Extensible = Extensible::new(
    Lazy::new(|| {
        ["person", "before_name"]
            .iter()
            .flat_map(|s| section(files::TITLES, s))
            .map(|w| w.trim_end_matches('.'))
            .collect()
    }),
    Added::Title,
);

/// Words that go before a name in an attribution ("sen.", "press", "secretary").
/// Run-time titles count ([`runtime`]).
pub static TITLES: Extensible = Extensible::new(
    Lazy::new(|| titles_as_tokens(&["person", "before_name"])),
    Added::Title,
);
/// Titles that make the next capitalised word a name ("mr.", "gov."); run-time titles count.
pub static PERSON_TITLES: Extensible =
    Extensible::new(Lazy::new(|| titles_as_tokens(&["person"])), Added::Title);
word_set!(
    /// Head nouns of a description that can be a source: a person ("the Russian leader") or a
    /// document or body quoted like one ("the letter").
    ROLE_HEADS = PEOPLE_NOUNS["role", "source"]
);
word_set!(
    /// Plural heads of a group of speakers ("officials said").
    GROUP_HEADS = PEOPLE_NOUNS["group"]
);
word_set!(
    /// Singular heads of organisations and documents a later "it said" can stand for.
    THING_HEADS = PEOPLE_NOUNS["thing"]
);
word_set!(
    /// Modifiers that start an unnamed source's description ("senior officials").
    COMMON_MODIFIERS = PEOPLE_NOUNS["modifier"]
);
word_set!(
    /// Words that make a capitalised name an organisation or place.
    ORG_WORDS = ORGANISATION_WORDS[""]
);
word_set!(
    /// Capitalised words that do not start a name.
    STOP_CAPS = NOT_NAME_STARTS[""]
);

// Grammar.
word_set!(ADVERBS = GRAMMAR["adverb"]);
word_set!(BRIDGE = GRAMMAR["bridge"]);
word_set!(VERBISH = GRAMMAR["verbish"]);
word_set!(
    /// Words a Title Case headline leaves in lower case (headlines and title-case attribution).
    TITLE_MINOR = GRAMMAR["title_minor"]
);
word_set!(SUBJ_PRONOUNS = GRAMMAR["subject_pronoun"]);
word_set!(FINITE = GRAMMAR["finite"]);
word_set!(BASE_VERBS = GRAMMAR["base_verb"]);
word_set!(PREPS = GRAMMAR["preposition"]);
word_set!(DETERMINERS = GRAMMAR["determiner"]);
word_set!(DESCRIPTION_STOPS = GRAMMAR["description_stop"]);
word_set!(
    /// Prepositions that carry a description on past its head ("a senior official in the
    /// administration,").
    DESCRIPTION_PREPS = GRAMMAR["description_preposition"]
);
word_set!(
    /// Prepositions of a modifier that keeps a mention the subject of a later verb ("a
    /// spokeswoman for the council emailed").
    MODIFIER_PREPS = GRAMMAR["modifier_preposition"]
);
word_set!(
    /// Verbs that make the name right after them an inverted speaker ("…,” said Jane Doe").
    INVERTED_CUES = GRAMMAR["inverted_cue"]
);
word_set!(
    /// Adverbs (besides "-ly" ones) between a subject and its verb ("she also said").
    CLAUSE_ADVERBS = GRAMMAR["clause_adverb"]
);
word_set!(
    /// Heads that name a person by a relation to someone else ("his counterpart").
    RELATIONAL_HEADS = PEOPLE_NOUNS["relational"]
);
word_set!(
    /// Titles of a head of state, government or party ("president", "chancellor").
    LEADER_TITLES = TITLES["leader"]
);
word_set!(
    /// Titles that say a person is a man ("mr.").
    MALE_TITLES = TITLES["male"]
);
word_set!(
    /// Titles that say a person is a woman ("ms.", "miss").
    FEMALE_TITLES = TITLES["female"]
);
word_set!(
    /// Words whose start an apostrophe stands for ("'em", "'til"): no quote opens there.
    ELIDED_WORDS = QUOTE_CONTEXT["elided_word"]
);

// Quote context.
word_set!(SCARE_LEADS = QUOTE_CONTEXT["scare_lead"]);
word_set!(TITLE_LEADS = QUOTE_CONTEXT["title_lead"]);
word_set!(LINKS = QUOTE_CONTEXT["link"]);
word_set!(NOT_MODIFIERS = QUOTE_CONTEXT["not_modifier"]);

// Sentence splitting (case-sensitive words).
word_set!(SENTENCE_STARTERS = SENTENCE_WORDS["starter"]);
word_set!(TIME_WORDS = SENTENCE_WORDS["time"]);

// Names across articles.
word_set!(NAME_PARTICLES = NAME_PARTS["particle"]);
word_set!(NAME_SUFFIXES = NAME_PARTS["suffix"]);
word_set!(NAME_GOVERNORS = NAME_PARTS["governor"]);
word_set!(NOT_NAMES = NAME_PARTS["not_name"]);
word_set!(ENTITY_PARTICLES = NAME_PARTS["entity_particle"]);

// Quote comparison.
word_set!(S_IS = QUOTE_COMPARISON["s_is"]);
word_set!(STOPWORDS = QUOTE_COMPARISON["stopword"]);

/// The country key of a country or nationality word that its spelling does not give
/// ("american" -> "us"), from `nationalities.txt`.
pub fn country_alias(lower: &str) -> Option<&'static str> {
    static ALIASES: Lazy<FxHashMap<&'static str, &'static str>> = Lazy::new(|| {
        let file = files::NATIONALITIES;
        section_names(file)
            .into_iter()
            .flat_map(|key| section(file, key).into_iter().map(move |w| (w, key)))
            .collect()
    });
    ALIASES.get(lower).copied()
}

#[cfg(test)]
mod runtime_tests;
#[cfg(test)]
mod tests;
