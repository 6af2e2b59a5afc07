//! The sections of `attribution_grammar.txt` that stand for relative words, pronoun sources and
//! the question cue: each word has a sentence that needs it, so a word taken out of its
//! section fails a test here.

use super::tests::{at, spans, view};
use crate::Span;

/// [relative_pronoun]: "who" and "which" right before a verb are the source, named by the
/// noun before the comma; the relative clause is no part of the content.
#[test]
fn a_relative_pronoun_is_the_source() {
    for (text, rel) in [
        (
            "Voters cheered Ana Ruiz, who said the tax would be cut, before the vote.",
            "who",
        ),
        (
            "Voters cheered the agency, which said the tax would be cut, before the vote.",
            "which",
        ),
    ] {
        let v = spans(text);
        assert_eq!(v.len(), 1, "{text:?} -> {v:?}");
        assert_eq!(v[0].1, Some(at(text, rel)), "{text:?}");
        assert_eq!(v[0].0, at(text, "the tax would be cut"), "{text:?}");
    }
}

/// [relative_determiner]: "whose" opens a relative clause (here an aside inside a stance
/// verb's object, which goes on after it), though it is no source of its own.
#[test]
fn whose_opens_a_relative_clause() {
    let text = "The board praised the treasurer, whose term ends in May with a full pension, for her work.";
    let v = view(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(
        v[0].0,
        "the treasurer, whose term ends in May with a full pension, for her work"
    );
    assert_eq!(v[0].1.as_deref(), Some("The board"));
}

/// [question_cue]: "asked" opening a sentence, or after a subordinator, reports a question
/// with no source; the sentence's subject is the source of what follows, not of the question.
#[test]
fn asked_reports_a_question_without_source() {
    let text = "Asked whether she would run again, the senator said she was tired.";
    let v = view(text);
    assert_eq!(v.len(), 2, "{v:?}");
    assert_eq!(v[0].0, "whether she would run again");
    assert_eq!(
        (v[0].1.as_deref(), v[0].2.as_deref()),
        (None, Some("Asked"))
    );
    assert_eq!(v[1].1.as_deref(), Some("the senator"));
}

/// [pronoun_source]: a whole source that is one of these pronouns names no one without a
/// resolved mention; any other word is a speaker of its own.
#[test]
fn a_pronoun_source_names_no_one_on_its_own() {
    let pronouns = [
        "he", "she", "they", "i", "we", "you", "it", "his", "her", "their", "its", "who",
    ];
    for p in pronouns.into_iter().chain(["He", "Who"]) {
        let text = format!("{p} said it.");
        let got = super::assemble::speaker_of(&text, Span::new(0, p.len()), &[]);
        assert_eq!(got, None, "{p:?}");
    }
    let text = "Officials said it.";
    let got = super::assemble::speaker_of(text, Span::new(0, 9), &[]);
    assert_eq!(got.as_deref(), Some("Officials"));
}
