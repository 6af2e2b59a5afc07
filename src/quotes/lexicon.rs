//! Lexicon flags for attribution: one lookup per token gives every list the word is in.
//! The words themselves live in `data/lexicon/*.txt` ([`crate::lexicon`]).

use once_cell::sync::Lazy;

use crate::attributions::tokens::Classes;
use crate::lexicon::word_table::WordMap;
use crate::lexicon::{
    WordSet, DESCRIPTION_STOPS, DETERMINERS, GROUP_HEADS, ORG_WORDS, STOP_CAPS, VERBISH,
};
pub use crate::lexicon::{
    ADVERBS, BASE_VERBS, BRIDGE, CLAUSE_ADVERBS, COMMON_MODIFIERS, CUES, DESCRIPTION_PREPS,
    FEMALE_TITLES, FINITE, INVERTED_CUES, LEADER_TITLES, LINKS, MALE_TITLES, MODIFIER_PREPS,
    NOT_MODIFIERS, PERSON_TITLES, PREPS, RELATIONAL_HEADS, ROLE_HEADS, SCARE_LEADS, SUBJ_PRONOUNS,
    TITLES, TITLE_LEADS, TO_CUES, WEAK_CUES,
};

/// Country and nationality keys for role matching: "Russian" and "Russia" both give "russ".
pub fn country_key(word: &str) -> Option<String> {
    let base = word.trim_end_matches(['’', '\'', 's']);
    let w = super::tokens::lower_key(base);
    let w = w.as_str();
    if let Some(key) = crate::lexicon::country_alias(w) {
        return Some(key.into());
    }
    let nationalish = w.ends_with("an")
        || w.ends_with("ese")
        || w.ends_with("ish")
        || w.ends_with("ia")
        || w.ends_with('i')
        || w.ends_with("ine")
        || w.ends_with("ina")
        || w.ends_with("ch");
    if w.chars().count() >= 4 && nationalish {
        return Some(w.chars().take(4).collect());
    }
    None
}

/// Per-token lexicon flags: one lookup per word instead of one per list.
pub mod flag {
    pub const CUE: u32 = 1;
    pub const TITLE: u32 = 1 << 1;
    pub const ROLE: u32 = 1 << 2;
    pub const STOP: u32 = 1 << 3;
    pub const ORG: u32 = 1 << 4;
    pub const BRIDGE: u32 = 1 << 5;
    pub const VERBISH: u32 = 1 << 6;
    pub const PREP: u32 = 1 << 7;
    pub const BASE: u32 = 1 << 8;
    pub const DET: u32 = 1 << 9;
    pub const HE: u32 = 1 << 10;
    pub const SHE: u32 = 1 << 11;
    /// Ends a description before its head ("who", "that", "and", another determiner).
    pub const DESC_STOP: u32 = 1 << 12;
    /// "they": a plural pronoun, resolved only to a group ("Russian officials").
    pub const THEY: u32 = 1 << 13;
    /// Plural head nouns of a group that can speak ("officials", "police").
    pub const PLURAL: u32 = 1 << 14;
    /// A cue with a following "to" ("referred", "according"): lets the quote rules' cue test
    /// refuse the other words without a lookup. Not a word class of its own: tests of a whole
    /// token's flags ("has any flag") leave it out ([`RULES`]).
    pub const TO_CUE: u32 = 1 << 15;
    /// Every flag but [`TO_CUE`].
    pub const RULES: u32 = !TO_CUE;
    /// The token had a possessive ending ("Trump’s", "Victims’").
    pub const POSS: u32 = 1 << 31;
}

/// Every built-in word of the quote rules' lists with its [`flag`]s, and of the attribution
/// tokenizer's lists with its classes, as a [`WordMap`]: the quote tokenizer asks it of every
/// word of an article, once for both tokenizers (the attribution tokenizer takes the classes
/// of the words it cuts the same, [`crate::attributions::tokens::tokenize_after`]).
static LEX_TABLE: Lazy<WordMap<(u32, Classes)>> = Lazy::new(|| {
    let mut both: rustc_hash::FxHashMap<&'static str, (u32, Classes)> = (lex_words().into_iter())
        .map(|(w, f)| (w, (f, 0)))
        .collect();
    for (w, c) in crate::attributions::tokens::class_words() {
        both.entry(w).or_default().1 = c;
    }
    WordMap::new(both)
});

/// Every built-in word of the quote rules' lists with its [`flag`]s.
fn lex_words() -> rustc_hash::FxHashMap<&'static str, u32> {
    let mut m: rustc_hash::FxHashMap<&'static str, u32> = rustc_hash::FxHashMap::default();
    let mut add = |set: &WordSet, f: u32| {
        for &w in set {
            *m.entry(w).or_insert(0) |= f;
        }
    };
    add(CUES.builtin(), flag::CUE);
    add(&TO_CUES, flag::TO_CUE);
    add(TITLES.builtin(), flag::TITLE);
    add(&ROLE_HEADS, flag::ROLE);
    add(&STOP_CAPS, flag::STOP);
    add(&ORG_WORDS, flag::ORG);
    add(&BRIDGE, flag::BRIDGE);
    add(&VERBISH, flag::VERBISH);
    add(&PREPS, flag::PREP);
    add(&BASE_VERBS, flag::BASE);
    add(&DETERMINERS, flag::DET);
    add(&GROUP_HEADS, flag::PLURAL | flag::ROLE);
    add(&DESCRIPTION_STOPS, flag::DESC_STOP);
    for (pronoun, f) in [("he", flag::HE), ("she", flag::SHE), ("they", flag::THEY)] {
        *m.entry(pronoun).or_insert(0) |= f;
    }
    m
}

/// Every built-in word of [`LEX_TABLE`].
#[cfg(test)]
pub fn table_words() -> Vec<&'static str> {
    let mut words: Vec<&'static str> = lex_words().into_keys().collect();
    words.extend(crate::attributions::tokens::class_words().into_keys());
    words
}

/// Flags of a lower-case word, with the cue verbs and titles added at run time when `adds`
/// (`lexicon::runtime::call_has_additions()`, asked once per call instead of once per word).
#[cfg(test)]
pub fn flags_of(lower: &str, adds: bool) -> u32 {
    flags_and_classes(lower, adds).0
}

/// [`flags_and_classes`] of the lower-case form of `w`, a word of ASCII letters and digits
/// only, in any case, without building that form unless run-time additions need it.
pub fn alnum_flags_and_classes(w: &str, adds: bool, scratch: &mut String) -> (u32, Classes) {
    if adds || w.len() > 16 {
        scratch.clear();
        scratch.push_str(w);
        scratch.make_ascii_lowercase();
        return flags_and_classes(scratch, adds);
    }
    LEX_TABLE.get_alnum_folded(w).unwrap_or_default()
}

/// [`flags_and_classes`] of a word of 1 to 16 ASCII letters and digits, given as bytes, in
/// a call without run-time additions; `fold`: of its lower-case form
/// ([`alnum_flags_and_classes`]).
pub fn short_alnum_flags_and_classes(w: &[u8], fold: bool) -> (u32, Classes) {
    let found = if fold {
        LEX_TABLE.get_alnum_folded_bytes(w)
    } else {
        LEX_TABLE.get_short(w)
    };
    found.unwrap_or_default()
}

/// [`flags_of`], and the word's classes in the attribution tokenizer's built-in lists
/// ([`crate::attributions::tokens::class_words`]; run-time additions are its own to add).
pub fn flags_and_classes(lower: &str, adds: bool) -> (u32, Classes) {
    let (mut flags, classes) = LEX_TABLE.get(lower).unwrap_or_default();
    // One check for the usual call without additions, instead of one per list.
    if adds {
        if CUES.added(lower) {
            flags |= flag::CUE;
        }
        if TITLES.added(lower) {
            flags |= flag::TITLE;
        }
    }
    (flags, classes)
}

#[cfg(test)]
mod country_key_tests {
    use super::country_key;

    /// The key as first written: the word lower-cased by `to_lowercase` (an allocation each);
    /// `country_key` lower-cases ASCII words inline and must give the same keys.
    fn reference(word: &str) -> Option<String> {
        let w = word.trim_end_matches(['’', '\'', 's']).to_lowercase();
        if let Some(key) = crate::lexicon::country_alias(&w) {
            return Some(key.into());
        }
        let ends = ["an", "ese", "ish", "ia", "i", "ine", "ina", "ch"];
        (w.chars().count() >= 4 && ends.iter().any(|e| w.ends_with(e)))
            .then(|| w.chars().take(4).collect())
    }

    #[test]
    fn keys_are_those_of_the_lower_case_word() {
        let words = [
            "Russian",
            "Russia’s",
            "RUSSIANS",
            "French",
            "Chinese",
            "Iraqi",
            "Argentina",
            "Ukrainian's",
            "U.S.",
            "Mayor",
            "Polish",
            "Österreichisch",
            "ÉTATS",
            "Québecian",
            "Al",
            "Ian",
            "",
            "s",
            "Kenyans’",
        ];
        for w in words {
            assert_eq!(country_key(w), reference(w), "{w:?}");
        }
        assert_eq!(country_key("Russians").as_deref(), Some("russ"));
    }
}
