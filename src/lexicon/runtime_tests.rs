//! Run-time additions. The additions are process-wide, so these tests take one lock and use
//! invented words that no other test reads.

use std::sync::Mutex;

use super::runtime::{self, CueUse};
use crate::{attributions, compare, quotes, segment};

static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

fn quote_cues(text: &str) -> Vec<Option<String>> {
    let sentences = segment::split(text);
    let found = quotes::analyze(text, &sentences);
    (found.quotes.iter())
        .map(|q| q.cue.map(|c| text[c.start..c.end].to_string()))
        .collect()
}

fn reported_contents(text: &str) -> Vec<String> {
    let sentences = segment::split(text);
    let found = attributions::extract(text, &sentences);
    (found.attributions.iter())
        .filter(|a| {
            a.cue
                .is_some_and(|c| text[c.start..c.end].starts_with("zindl"))
        })
        .map(|a| a.parts.iter().map(|p| &text[p.start..p.end]).collect())
        .collect()
}

#[test]
fn an_invented_cue_verb_cues_only_once_added() {
    let _one = ONE_AT_A_TIME.lock().unwrap_or_else(|p| p.into_inner());
    runtime::reset();
    let quote = "The harbour will close at dawn. \"We have no other choice,\" Ms. Varga zindled.";
    let reported = "Ms. Varga zindled that the harbour would close at dawn.";
    assert_eq!(quote_cues(quote), vec![None]);
    assert!(reported_contents(reported).is_empty());

    let forms = runtime::add_cue_verbs(&["Zindle"], CueUse::Both, true).unwrap();
    assert_eq!(forms, ["zindle", "zindles", "zindled", "zindling"]);
    assert_eq!(quote_cues(quote), vec![Some("zindled".to_string())]);
    assert_eq!(reported_contents(reported).len(), 1);

    runtime::reset();
    assert_eq!(quote_cues(quote), vec![None]);
}

#[test]
fn a_cue_verb_for_quotes_only_leaves_reported_speech_alone() {
    let _one = ONE_AT_A_TIME.lock().unwrap_or_else(|p| p.into_inner());
    runtime::reset();
    runtime::add_cue_verbs(&["zindled"], CueUse::Quotes, false).unwrap();
    let reported = "Ms. Varga zindled that the harbour would close at dawn.";
    assert!(reported_contents(reported).is_empty());
    assert!(runtime::snapshot().quote_cues.contains("zindled"));
    assert!(!runtime::snapshot().quote_cues.contains("zindle"));
    runtime::reset();
}

#[test]
fn an_invented_title_leaves_the_name_only_once_added() {
    let _one = ONE_AT_A_TIME.lock().unwrap_or_else(|p| p.into_inner());
    runtime::reset();
    let text = "\"The bridge stays open,\" said Quorister Amalia Brant.";
    let speaker = |text: &str| {
        let found = quotes::analyze(text, &segment::split(text));
        found.quotes.first().and_then(|q| q.speaker.clone())
    };
    let linked = || {
        let l = compare::link_speakers(&["Quorister Amalia Brant", "Brant"], None, None);
        (l.ids, l.names)
    };
    let before = speaker(text);
    assert_eq!(
        before.as_deref(),
        Some("Quorister Amalia Brant"),
        "{:?}",
        linked()
    );

    assert_eq!(runtime::add_titles(&["Quorister."]).unwrap(), ["quorister"]);
    assert_eq!(speaker(text).as_deref(), Some("Amalia Brant"));
    assert_eq!(linked(), (vec![0, 0], vec!["Amalia Brant".to_string()]));
    runtime::reset();
}

#[test]
fn bad_words_are_refused_and_change_nothing() {
    let _one = ONE_AT_A_TIME.lock().unwrap_or_else(|p| p.into_inner());
    runtime::reset();
    let long = "z".repeat(runtime::MAX_WORD_CHARS + 1);
    for bad in [
        "",
        "   ",
        "two words",
        "zind1e",
        "-zindle",
        long.as_str(),
        "zindle.",
    ] {
        let err = runtime::add_cue_verbs(&["zindlex", bad], CueUse::Both, true).unwrap_err();
        assert!(!err.0.is_empty(), "{bad:?}");
    }
    assert!(runtime::add_titles(&["Dr.."]).is_err());
    assert!(CueUse::parse("sometimes").is_err());
    assert_eq!(*runtime::snapshot(), runtime::Additions::default());
}

#[test]
fn regular_forms_follow_english_spelling() {
    let forms = |w: &str| runtime::regular_forms(w).join(" ");
    assert_eq!(forms("zindle"), "zindle zindles zindled zindling");
    assert_eq!(forms("blurk"), "blurk blurks blurked blurking");
    assert_eq!(forms("flurry"), "flurry flurries flurried flurrying");
    assert_eq!(forms("splosh"), "splosh sploshes sploshed sploshing");
    assert_eq!(forms("vie"), "vie vies vied vying");
    assert_eq!(forms("agree"), "agree agrees agreed agreeing");
    assert_eq!(forms("obey"), "obey obeys obeyed obeying");
}
