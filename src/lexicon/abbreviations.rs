//! Abbreviations and how a period after them behaves (`data/lexicon/abbreviations.txt`).

use once_cell::sync::Lazy;
use rustc_hash::FxHashMap;

use super::word_table::WordMap;
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

/// A word's classes in the three maps, for [`TABLE`].
#[derive(Clone, Copy, Debug, Default)]
struct Classes {
    any_case: Option<AbbrevClass>,
    capitalised: Option<AbbrevClass>,
    lowercase: Option<AbbrevClass>,
}

/// Every word of [`ANY_CASE`], [`CAPITALISED`] and [`LOWERCASE`] with its class in each: one
/// lookup in a [`WordMap`] where the maps took one or two hash lookups (the sentence splitter
/// asks of the word before nearly every period).
static TABLE: Lazy<WordMap<Classes>> = Lazy::new(|| {
    let mut m: FxHashMap<&'static str, Classes> = FxHashMap::default();
    for (&w, &c) in ANY_CASE.iter() {
        m.entry(w).or_default().any_case = Some(c);
    }
    for (&w, &c) in CAPITALISED.iter() {
        m.entry(w).or_default().capitalised = Some(c);
    }
    for (&w, &c) in LOWERCASE.iter() {
        m.entry(w).or_default().lowercase = Some(c);
    }
    WordMap::new(m)
});

/// The class of the abbreviation `lower` (lower case, no period); `capitalised` says whether the
/// text wrote it with a capital, which some abbreviations need ("Gen." but not "gen.") and some
/// must not have ("5 ft. 6 in." but "Ft. Worth").
pub fn abbreviation_class(lower: &str, capitalised: bool) -> Option<AbbrevClass> {
    let c = TABLE.get(lower)?;
    let by_case = if capitalised {
        c.capitalised
    } else {
        c.lowercase
    };
    c.any_case.or(by_case)
}

/// [`abbreviation_class`] as the maps answer it (the table's reference in the tests).
#[cfg(test)]
fn abbreviation_class_by_maps(lower: &str, capitalised: bool) -> Option<AbbrevClass> {
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
    TABLE
        .get(lower)
        .is_some_and(|c| c.any_case.is_some() || capitalised && c.capitalised.is_some())
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

    /// The one table answers as the three maps do, for every listed word in both cases, for
    /// words one letter longer or shorter, and for words listed nowhere.
    #[test]
    fn the_table_answers_as_the_maps() {
        let listed: Vec<&str> = (ANY_CASE.keys().chain(CAPITALISED.keys()))
            .chain(LOWERCASE.keys())
            .copied()
            .collect();
        assert!(listed.len() > 50, "{}", listed.len());
        assert!(listed.iter().any(|w| CAPITALISED.contains_key(w)));
        assert!(listed.iter().any(|w| LOWERCASE.contains_key(w)));
        let mut words: Vec<String> = Vec::new();
        for w in &listed {
            words.push(w.to_string());
            words.push(format!("{w}s"));
            let mut shorter = w.to_string();
            shorter.pop();
            words.push(shorter);
        }
        words.extend(
            [
                "",
                "the",
                "said",
                "internationally",
                "x".repeat(40).as_str(),
            ]
            .map(String::from),
        );
        for w in &words {
            for capitalised in [false, true] {
                let by_maps = abbreviation_class_by_maps(w, capitalised);
                assert_eq!(
                    abbreviation_class(w, capitalised),
                    by_maps,
                    "{w:?} {capitalised}"
                );
                let listed_any = ANY_CASE.contains_key(w.as_str())
                    || capitalised && CAPITALISED.contains_key(w.as_str());
                assert_eq!(
                    is_abbreviation(w, capitalised),
                    listed_any,
                    "{w:?} {capitalised}"
                );
            }
        }
    }
}
