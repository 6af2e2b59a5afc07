use super::*;

#[test]
fn every_file_says_what_belongs_in_it() {
    for (name, file) in files::ALL {
        assert!(
            file.lines().next().is_some_and(|l| l.starts_with("# ")),
            "{name} needs a comment header"
        );
    }
}

#[test]
fn no_word_twice_in_a_section_and_no_empty_section() {
    for (name, file) in files::ALL {
        let mut names = section_names(file);
        names.push("");
        for s in names {
            if *name == "attribution_grammar.txt" && reported::PHRASE_SECTIONS.contains(&s) {
                continue; // one phrase a line: a word may come back in another phrase
            }
            let words = section(file, s);
            let unique: WordSet = words.iter().copied().collect();
            assert_eq!(unique.len(), words.len(), "{name} [{s}] repeats a word");
        }
        for s in section_names(file) {
            assert!(!section(file, s).is_empty(), "{name} [{s}] is empty");
        }
    }
}

#[test]
fn lower_case_lists_are_lower_case() {
    for (name, file) in files::ALL {
        if *name == "sentence_words.txt" {
            continue; // matched as written
        }
        for s in section_names(file).into_iter().chain([""]) {
            for w in section(file, s) {
                assert_eq!(w, w.to_lowercase(), "{name} [{s}]: {w}");
            }
        }
    }
}

#[test]
fn sets_are_loaded() {
    assert!(CUES.contains("said") && CUES.contains("called"));
    assert!(WEAK_CUES.contains("called") && !WEAK_CUES.contains("said"));
    assert!(TITLES.contains("sen.") && PERSON_TITLES.contains("mr."));
    assert!(SENTENCE_STARTERS.contains("The"));
    assert!(STOPWORDS.contains("the"));
    assert_eq!(abbreviation_class("mr", false), Some(AbbrevClass::Title));
    assert_eq!(abbreviation_class("gen", false), None);
    assert_eq!(abbreviation_class("gen", true), Some(AbbrevClass::Title));
    assert_eq!(abbreviation_class("no", false), Some(AbbrevClass::Numeric));
    assert_eq!(abbreviation_class("inc", false), Some(AbbrevClass::Other));
}

/// The classes a row of `cue_verbs.txt` may name (its header explains each).
const CUE_CLASSES: &[&str] = &[
    "quote",
    "quote_weak",
    "quote_to",
    "clause",
    "object",
    "infinitive",
    "stance",
    "that",
    "noun",
];

#[test]
fn cue_table_has_each_form_once_with_known_classes() {
    let mut seen = rustc_hash::FxHashSet::default();
    for (forms, classes) in cue_rows(files::CUE_VERBS) {
        assert!(
            !classes.trim().is_empty(),
            "cue row without classes: {forms}"
        );
        for c in classes.split_whitespace() {
            assert!(
                CUE_CLASSES.contains(&c),
                "unknown cue class {c} in row {forms}"
            );
        }
        for w in forms.split_whitespace() {
            assert_eq!(w, w.to_lowercase(), "cue form {w} is not lower case");
            assert!(seen.insert(w), "cue form {w} stands in two rows");
        }
    }
    for c in CUE_CLASSES {
        assert!(
            !cue_forms(files::CUE_VERBS, c).is_empty(),
            "no cue has class {c}"
        );
    }
}

#[test]
fn one_cue_row_serves_quotes_and_reported_speech() {
    assert!(REPORTING_CUES.contains("said") && reported::CLAUSE_CUES.contains("said"));
    assert!(reported::OBJECT_CUES.contains("told") && CUES.contains("told"));
    assert!(reported::THAT_CUES.contains("knew") && !CUES.contains("knew"));
    assert!(TO_CUES.contains("according") && !reported::TO_CUES.contains("according"));
}

/// A phrase file for the loader tests: a word, a prefix, alternatives, a section, a focus.
const PHRASE_FILE: &str =
    "# test\n[det]\nthe a\n[p]\n(call*) for|on\nhelp* (found)\nin [det] way\n";

#[test]
fn phrases_match_words_prefixes_alternatives_and_sections() {
    let ps = phrases::phrases(PHRASE_FILE, "p");
    assert_eq!(ps.len(), 3);
    let at = |words: &'static [&'static str], focus: usize| {
        move |i: isize| {
            (focus as isize + i)
                .try_into()
                .ok()
                .and_then(|j: usize| words.get(j).copied())
                .unwrap_or("")
        }
    };
    // "(call*) for|on": the focus is the first slot, a prefix.
    assert!(ps[0].matches(at(&["calls", "on"], 0)));
    assert!(ps[0].matches(at(&["called", "for"], 0)));
    assert!(!ps[0].matches(at(&["called", "it"], 0)));
    assert!(!ps[0].matches(at(&["recalled", "for"], 0)));
    // "help* (found)": the focus is the second slot; nothing before the first word.
    assert!(ps[1].matches(at(&["helped", "found"], 1)));
    assert!(!ps[1].matches(at(&["found", "it"], 0)));
    // "in [det] way": a section of the same file; no focus given, so the first slot.
    assert!(ps[2].matches(at(&["in", "a", "way"], 0)));
    assert!(ps[2].matches(at(&["in", "the", "way"], 0)));
    assert!(!ps[2].matches(at(&["in", "his", "way"], 0)));
    assert_eq!(ps[0].focus_slot().prefixes().collect::<Vec<_>>(), ["call"]);
}

/// A slot of more than three plain words (gathered into one word set) with a prefix beside
/// them takes exactly its words and the prefix's: no other word, no word's own prefix.
#[test]
fn a_slot_of_many_words_takes_exactly_those_words() {
    const F: &str = "# test\n[p]\n(alpha|beta|gamma|delta|eps*) ends\n(one|two) ends\n";
    let ps = phrases::phrases(F, "p");
    let ends = |w: &'static str| {
        move |i: isize| {
            if i == 0 {
                w
            } else if i == 1 {
                "ends"
            } else {
                ""
            }
        }
    };
    for w in ["alpha", "beta", "gamma", "delta", "epsilon", "eps"] {
        assert!(ps[0].matches(ends(w)), "{w}");
    }
    for w in ["alph", "alphas", "gammas", "ep", "one", "", "Alpha"] {
        assert!(!ps[0].matches(ends(w)), "{w}");
    }
    assert!(ps[1].matches(ends("two")) && !ps[1].matches(ends("three")));
    assert_eq!(ps[0].focus_slot().prefixes().collect::<Vec<_>>(), ["eps"]);
}

#[test]
fn malformed_phrases_are_refused() {
    const F: &str = "# test\n[p]\n(a) (b)\nx [missing]\nx |y\n";
    for l in super::section_lines(F, "p") {
        assert!(phrases::parse(F, l).is_none(), "{l:?}");
    }
}

/// Every line of the phrase sections parses: no unknown section, no second focus.
#[test]
fn every_phrase_of_the_grammar_parses() {
    let file = files::ATTRIBUTION_GRAMMAR;
    for name in reported::PHRASE_SECTIONS {
        let lines = super::section_lines(file, name);
        assert!(!lines.is_empty(), "[{name}] is empty");
        for l in lines {
            assert!(phrases::parse(file, l).is_some(), "[{name}] {l:?}");
        }
    }
}

/// Every slot of every phrase of the bundled phrase sections (and of a file with an empty
/// prefix) answers with its first-byte filter as with its alternatives alone, for the words of
/// the phrases, forms of them, other words and the empty word.
/// The bundled phrase sections plus a few of the test's own (an empty prefix, a section slot),
/// and probe words: the phrases' words, forms of them, other words and the empty word.
fn phrases_and_probes() -> (Vec<phrases::Phrase>, Vec<String>) {
    let file = crate::lexicon::files::ATTRIBUTION_GRAMMAR;
    let mut all: Vec<phrases::Phrase> = (reported::PHRASE_SECTIONS.iter())
        .flat_map(|name| phrases::phrases(file, name))
        .collect();
    all.extend(phrases::phrases(
        "[p]\n(*) up\nin [d] way\n[d]\nthe a\n",
        "p",
    ));
    let mut probes: Vec<String> = ["", "said", "the", "a", "up", "Up", "zeal", "9", "’s", "ça"]
        .map(String::from)
        .to_vec();
    for name in reported::PHRASE_SECTIONS {
        for line in crate::lexicon::section_lines(file, name) {
            for w in line
                .split(|c: char| !c.is_alphabetic())
                .filter(|w| !w.is_empty())
            {
                probes.extend([
                    w.to_string(),
                    format!("{w}ed"),
                    format!("x{w}"),
                    w.chars().skip(1).collect(),
                ]);
            }
        }
    }
    (all, probes)
}

#[test]
fn phrase_slot_filter_answers_as_the_alternatives() {
    let (all, probes) = phrases_and_probes();
    let (mut slots, mut hits) = (0, 0);
    for p in &all {
        for slot in &p.slots {
            slots += 1;
            for w in &probes {
                let want = slot.any_alternative(w);
                hits += usize::from(want);
                assert_eq!(slot.matches(w), want, "{w:?} in {slot:?}");
            }
        }
    }
    assert!(slots > 10 && hits > 20, "{slots} slots, {hits} hits");
}

/// [`phrases::Phrase::matches`] (its focus slot's first-byte filter inline, the rest out of line)
/// answers as every slot's alternatives alone: each probe at the focus with the other slots
/// taking a word they take, and each probe in every other slot with the focus taking its word.
#[test]
fn phrase_filter_answers_as_its_slots() {
    let (all, probes) = phrases_and_probes();
    let (mut asked, mut hits) = (0, 0);
    for p in &all {
        // A word each slot takes, when a probe is one ("" otherwise).
        let taken: Vec<&str> = (p.slots.iter())
            .map(|s| {
                probes
                    .iter()
                    .find(|w| s.any_alternative(w))
                    .map_or("", |w| w.as_str())
            })
            .collect();
        for (at, w) in (0..p.slots.len()).flat_map(|at| probes.iter().map(move |w| (at, w))) {
            let word = |j: usize| if j == at { w.as_str() } else { taken[j] };
            let word_at = |i: isize| p.focus.checked_add_signed(i).map_or("", word);
            let want = (p.slots.iter().enumerate()).all(|(j, s)| s.any_alternative(word(j)));
            asked += 1;
            hits += usize::from(want);
            assert_eq!(p.matches(word_at), want, "{w:?} at slot {at} of {p:?}");
        }
    }
    assert!(asked > 100 && hits > 10, "{asked} asked, {hits} hits");
}
