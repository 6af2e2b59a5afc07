//! Word lookups of the splitter in the shared lexicon (data/lexicon): abbreviations and their
//! classes, sentence starters, words that continue a clock time, speech verbs.

use crate::lexicon::AbbrevClass as Abbr;

/// The class of an abbreviation given lower-cased ASCII bytes; `capitalised` says whether the
/// text wrote it with a capital (data/lexicon/abbreviations.txt).
pub(super) fn abbr_class(lower: &[u8], capitalised: bool) -> Option<Abbr> {
    crate::lexicon::abbreviation_class(std::str::from_utf8(lower).ok()?, capitalised)
}

/// Words that clearly start a sentence, so that an abbreviation before them ends one.
/// (Contractions are cut at the apostrophe: "Didn’t" is looked up as "Didn".)
pub(super) fn is_starter(w: &str) -> bool {
    crate::lexicon::SENTENCE_STARTERS.contains(w)
}

/// Capitalised words that continue a clock time (7 p.m. Friday, 10 a.m. Eastern time).
pub(super) fn continues_time(w: &str) -> bool {
    crate::lexicon::TIME_WORDS.contains(w)
}

/// Lowercase speech verbs: `“Why?” Trump asked.` is one sentence.
pub(super) fn is_speech_verb(w: &str) -> bool {
    crate::lexicon::REPORTING_CUES.contains(w)
}

/// Dotted abbreviations that close a noun phrase (degrees, eras), lower case without the final
/// period: a capitalised word after them starts a sentence.
pub(super) fn is_phrase_final(lower: &[u8]) -> bool {
    std::str::from_utf8(lower).is_ok_and(|w| crate::lexicon::PHRASE_FINAL_ABBREVIATIONS.contains(w))
}
