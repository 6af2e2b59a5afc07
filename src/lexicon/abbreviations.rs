//! Abbreviations and how a period after them behaves (`data/lexicon/abbreviations.txt`).

use once_cell::sync::Lazy;
use rustc_hash::FxHashMap;

use super::{files, section, set_of, WordSet};

/// How an abbreviation before a period behaves.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum AbbrevClass {
    /// Titles and the like: never end a sentence before a capital (Mr. Smith, Mt. Fuji, e.g.).
    Title,
    /// End a sentence only before a clear sentence starter (U.S. How ..., Co. It ...).
    Other,
    /// Stands before numbers (No. 5, p. 55): no end before a digit, otherwise a normal word.
    Numeric,
}

type ClassMap = FxHashMap<&'static str, AbbrevClass>;

fn class_map(sections: &[(&str, AbbrevClass)]) -> ClassMap {
    let mut map = ClassMap::default();
    for &(name, class) in sections {
        for w in section(files::ABBREVIATIONS, name) {
            // The first section that lists a word decides its class.
            map.entry(w).or_insert(class);
        }
    }
    map
}

static ANY_CASE: Lazy<ClassMap> = Lazy::new(|| {
    class_map(&[
        ("title", AbbrevClass::Title),
        ("other", AbbrevClass::Other),
        ("numeric", AbbrevClass::Numeric),
    ])
});

static CAPITALISED: Lazy<ClassMap> = Lazy::new(|| {
    class_map(&[
        ("title_capitalised", AbbrevClass::Title),
        ("other_capitalised", AbbrevClass::Other),
    ])
});

static LOWERCASE: Lazy<ClassMap> =
    Lazy::new(|| class_map(&[("numeric_lowercase", AbbrevClass::Numeric)]));

/// The class of the abbreviation `lower` (lower case, no period); `capitalised` says whether the
/// text wrote it with a capital, which some abbreviations need ("Gen." but not "gen.") and some
/// must not have ("5 ft. 6 in." but "Ft. Worth").
pub fn abbreviation_class(lower: &str, capitalised: bool) -> Option<AbbrevClass> {
    let by_case = if capitalised {
        &CAPITALISED
    } else {
        &LOWERCASE
    };
    ANY_CASE.get(lower).or_else(|| by_case.get(lower)).copied()
}

/// Dotted abbreviations that close a noun phrase (degrees, eras: "ph.d", "b.c"), lower case
/// without the final period.
pub static PHRASE_FINAL_ABBREVIATIONS: Lazy<WordSet> =
    Lazy::new(|| set_of(files::ABBREVIATIONS, &["phrase_final"]));

/// Whether `lower` (lower case, no period) is an abbreviation whose period need not end a
/// sentence, written with a capital or not.
/// (The lower-case-only units, "5 ft. 6 in.", are not: in a quote "in." ends a sentence.)
pub fn is_abbreviation(lower: &str, capitalised: bool) -> bool {
    if lower.len() > longest_abbreviation() {
        return false;
    }
    ANY_CASE.contains_key(lower) || capitalised && CAPITALISED.contains_key(lower)
}

/// The byte length of the longest word [`is_abbreviation`] may answer yes for: a longer word
/// (most words before a period) is none, without copying it to lower case to look it up.
pub fn longest_abbreviation() -> usize {
    static LONGEST: Lazy<usize> = Lazy::new(|| {
        (ANY_CASE.keys().chain(CAPITALISED.keys()))
            .map(|w| w.len())
            .max()
            .unwrap_or(0)
    });
    *LONGEST
}

/// `word` with a period, when it is an abbreviation in any case ("sen" -> "sen."). The string
/// is built once per word and kept for the life of the program (the lexicon is static).
pub(super) fn with_period(word: &'static str) -> Option<&'static str> {
    (!word.ends_with('.') && is_abbreviation(word, true))
        .then(|| &*Box::leak(format!("{word}.").into_boxed_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The length shortcut leaves every word of the lists an abbreviation in its case, and a
    /// word one byte longer than the longest none.
    #[test]
    fn every_listed_word_is_an_abbreviation_within_the_longest() {
        let longest = longest_abbreviation();
        assert!(longest >= 5, "{longest}");
        for (map, capitalised) in [(&*ANY_CASE, false), (&*CAPITALISED, true)] {
            for w in map.keys() {
                assert!(w.len() <= longest, "{w}");
                assert!(is_abbreviation(w, capitalised), "{w}");
            }
        }
        assert!(!is_abbreviation(&"a".repeat(longest + 1), true));
    }
}
