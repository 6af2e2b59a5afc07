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
