//! The sections of `attribution_grammar.txt` that stand for relative words, pronoun sources and
//! the question cue, the cue words and prefixes, verbs of seeing-as, possessives and the
//! nominative pronouns: each word has a sentence that needs it, so a word taken out of its
//! section fails a test here.

use super::cues::{cue_at, CueKind};
use super::tests::{at, spans, view};
use super::tests_cues::kind_at;
use super::tokens::tokenize;
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

/// [seeing]: every form of "see", "view" and "regard" before "X as Y" is a stance cue.
#[test]
fn seeing_as_is_a_stance() {
    for w in [
        "see",
        "sees",
        "saw",
        "seeing",
        "view",
        "views",
        "viewed",
        "viewing",
        "regard",
        "regards",
        "regarded",
        "regarding",
    ] {
        let text = format!("Many voters {w} the mayor as a reformer.");
        assert_eq!(kind_at(&text, w), Some(CueKind::Stance), "{w:?}");
    }
}

/// [cue_word]: the words the cue rules name outside the other lists start a cue.
#[test]
fn cue_words_start_a_cue() {
    for (text, w) in [
        ("According to the mayor, the bridge is safe.", "according"),
        (
            "The mayor was quoted as saying the bridge is safe.",
            "quoted",
        ),
        ("The mayor seems certain that the bridge is safe.", "seems"),
        (
            "The mayor seemed certain that the bridge is safe.",
            "seemed",
        ),
        ("The bridge appears to be safe.", "appears"),
        ("The bridge appeared to be safe.", "appeared"),
        ("The bridge did not appear to be safe.", "appear"),
    ] {
        assert!(kind_at(text, w).is_some(), "{text:?}");
    }
}

/// [phrasal_cue]: the phrasal stance verbs start at words with these prefixes. (Every form of
/// "call" is also in `cue_verbs.txt`, so taking "call" out changes nothing today.)
#[test]
fn cue_prefixes_start_phrasal_stance_verbs() {
    for (text, w) in [
        ("The union called for a strike.", "called"),
        ("The mayor was referring to the budget.", "referring"),
        ("The mayor pointed out the flaws in the plan.", "pointed"),
        (
            "The mayor was pointing to the flaws in the plan.",
            "pointing",
        ),
    ] {
        assert!(kind_at(text, w).is_some(), "{text:?}");
    }
}

/// [possessive]: a cue noun after a possessive pronoun and before "that" is a cue.
#[test]
fn a_possessive_makes_a_cue_noun() {
    for p in ["his", "her", "their", "its", "our"] {
        let text = format!("The group repeated {p} claim that the tax would be cut.");
        assert_eq!(kind_at(&text, "claim"), Some(CueKind::Noun), "{p:?}");
    }
}

/// [nominative]: after a verb of thinking, a nominative pronoun and a verb open a clause
/// with its "that" left out.
#[test]
fn a_nominative_pronoun_opens_a_clause_without_that() {
    for p in ["he", "she", "they", "we", "I"] {
        let text = format!("Most voters feel {p} should resign.");
        assert_eq!(kind_at(&text, "feel"), Some(CueKind::Clause), "{p:?}");
    }
}

/// [phrasal_particle]: a stance verb and its preposition are one two-word cue.
#[test]
fn a_phrasal_particle_completes_a_stance_verb() {
    for (text, verb) in [
        ("The mayor talked about the plan on Monday.", "talked"),
        ("The council voted for the plan on Monday.", "voted"),
        ("The mayor commented on the plan on Monday.", "commented"),
        ("The mayor objected to the plan on Monday.", "objected"),
        ("The mayor railed against the plan on Monday.", "railed"),
        ("The mayor agreed with the plan on Monday.", "agreed"),
        ("The mayor hinted at the plan on Monday.", "hinted"),
        ("The mayor was critical of the plan on Monday.", "critical"),
    ] {
        assert_eq!(cue_len_at(text, verb), Some(2), "{text:?}");
    }
}

/// Tokens of the cue at the first occurrence of `word` in the one-sentence `text`.
fn cue_len_at(text: &str, word: &str) -> Option<usize> {
    let (toks, ranges) = tokenize(text, &crate::segment::split(text));
    let (lo, hi) = ranges[0];
    let k = toks.iter().position(|t| t.lower.as_str() == word)?;
    cue_at(&toks, lo, hi, k).map(|c| c.t1 - c.t0)
}

/// [finding_verb], [reflexive]: "found itself at the center of" tells where someone ended up,
/// no finding. ("finding" is no cue form of `cue_verbs.txt`, so taking it out changes nothing
/// today.)
#[test]
fn finding_oneself_somewhere_is_no_cue() {
    let reflexives = [
        "itself",
        "himself",
        "herself",
        "themselves",
        "myself",
        "ourselves",
        "yourself",
    ];
    for f in ["find", "finds", "found", "finding"] {
        for r in reflexives {
            let text = format!("The mayor may {f} {r} with no allies in the council.");
            assert_eq!(kind_at(&text, f), None, "{text:?}");
        }
    }
}

/// [naming_participle]: after an indefinite noun phrase the participle names a new noun.
/// ("named", "titled" and "nicknamed" are no stance cues of `cue_verbs.txt`, so the rule never
/// asks about them today.)
#[test]
fn a_naming_participle_after_a_new_noun_is_no_cue() {
    for w in ["called", "dubbed", "labeled"] {
        let text = format!("The mayor founded a group {w} Roads First with friends.");
        assert_eq!(kind_at(&text, w), None, "{w:?}");
    }
}

/// [question_opener]: "When asked …" opening a sentence reports a question with no source,
/// like "Asked …", even when no reported speech follows it.
#[test]
fn when_asked_opens_a_question_without_source() {
    let text = "When asked about the vote, the mayor smiled.";
    let v = view(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, "about the vote");
    assert_eq!(
        (v[0].1.as_deref(), v[0].2.as_deref()),
        (None, Some("asked"))
    );
}
