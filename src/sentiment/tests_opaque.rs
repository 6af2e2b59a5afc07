//! The ASCII scan on texts with stand-ins for white space and caseless punctuation
//! (`opaque.rs`) against the general path and against vaderSentiment 3.3.2.

use super::*;

#[allow(clippy::approx_constant)] // VADER's rounded scores, not constants.
/// vaderSentiment 3.3.2's scores (neg, neu, pos, compound) of sentences written for this test.
const REFERENCE: [(&str, [f64; 4]); 16] = [
    ("\u{201c}It was a wonderful day,\u{201d} she said \u{2014} and nobody disagreed.", [0.153, 0.6, 0.247, 0.34]),
    ("He didn\u{2019}t like it\u{2026} not at all!", [0.0, 0.682, 0.318, 0.4199]),
    ("The GOOD news\u{2019}s here \u{2013} GREAT\u{2026}", [0.0, 0.579, 0.421, 0.5622]),
    ("Prices rose\u{a0}sharply, a terrible\u{a0}blow.", [0.383, 0.617, 0.0, -0.4767]),
    ("A bad\u{2028}line and a good\u{2029}one\u{3000}here", [0.282, 0.484, 0.234, -0.1531]),
    ("\u{2018}Fine\u{2019} is a word; \u{ab}horrible\u{bb} is another.", [0.0, 1.0, 0.0, 0.0]),
    ("The caf\u{e9} was LOVELY but the service was awful.", [0.291, 0.508, 0.201, -0.3035]),
    ("\u{c9} HAPPY DAY \u{c9} for all", [0.0, 0.53, 0.47, 0.6633]),
    ("I love it \u{1f600} and hate it \u{2764}", [0.18, 0.291, 0.529, 0.802]),
    ("Wow\u{203c} that is great", [0.0, 0.388, 0.612, 0.836]),
    ("\u{2014}\u{2014} ok \u{2026} :) \u{2014}", [0.0, 0.366, 0.634, 0.6369]),
    ("\u{2019}. good \u{201c}. bad", [0.417, 0.238, 0.345, -0.1531]),
    ("not\u{2014}good and no\u{2019}t bad", [0.538, 0.462, 0.0, -0.5423]),
    ("Kind of \u{201c}great\u{201d}, sort of \u{2018}awful\u{2019}", [0.0, 1.0, 0.0, 0.0]),
    ("VERY\u{a0}GOOD and very bad \u{2026} isn\u{2019}t it?", [0.262, 0.415, 0.322, 0.2182]),
    ("\u{2026}\u{2026}\u{2026}\u{2026}\u{2026}\u{2026}\u{2026}\u{2026}\u{2026}\u{2026}\u{2026}\u{2026}\u{2026}\u{2026}\u{2026}\u{2026}\u{2026}\u{2026}\u{2026}\u{2026} amazing x\u{2019}x\u{2019}x\u{2019}x\u{2019}x\u{2019}x\u{2019}x\u{2019}x\u{2019}x\u{2019}x\u{2019}terrible", [0.0, 0.345, 0.655, 0.5859]),
];

fn bits(s: Scores) -> [u64; 4] {
    [s.neg, s.neu, s.pos, s.compound].map(f64::to_bits)
}

/// The default analyzer with the stand-ins turned off: every non-ASCII text takes the
/// general path.
fn slow_analyzer() -> Analyzer {
    let mut a = Analyzer::default_ref().clone();
    a.opaque_ok = false;
    a
}

/// Whether `a` scans `text` with stand-ins; when it does, its token records, marks and scores
/// are the general path's.
fn check(a: &Analyzer, slow: &Analyzer, text: &str) -> bool {
    let (mut fast, mut general) = (Scratch::default(), Scratch::default());
    assert!(fast.pad(text.as_bytes()).is_none(), "{text:?} is not ASCII");
    let routed = a.pad_opaque(text, &mut fast);
    if let Some(marks) = routed {
        a.tokens_padded(text.len(), marks.apos, &mut fast);
        slow.tokens_unicode(text, &mut general);
        let toks = |s: &Scratch| s.toks[..s.n_toks].to_vec();
        assert_eq!(toks(&fast), toks(&general), "{text:?}");
        assert_eq!(fast.lex(), general.lex(), "{text:?}");
        assert_eq!(fast.flags_any, general.flags_any, "{text:?}");
        assert_eq!(fast.flags_all, general.flags_all, "{text:?}");
        assert_eq!((marks.ep, marks.qm), count_punct(text), "{text:?}");
        assert_eq!(marks.apos, text.contains('\''), "{text:?}");
    }
    assert_eq!(
        bits(a.polarity_scores(text)),
        bits(slow.polarity_scores(text)),
        "{text:?}"
    );
    routed.is_some()
}

#[test]
fn stand_in_texts_match_vader_reference() {
    let a = Analyzer::default_ref();
    for (text, [neg, neu, pos, compound]) in REFERENCE {
        let got = a.polarity_scores(text);
        assert_eq!(
            bits(got),
            bits(Scores {
                neg,
                neu,
                pos,
                compound
            }),
            "{text:?}"
        );
    }
}

#[test]
fn routing_takes_only_safe_characters() {
    let (a, slow) = (Analyzer::default_ref(), slow_analyzer());
    let fast = [
        "\u{201c}Good,\u{201d} he said \u{2014} twice\u{2026}",
        "don\u{2019}t\u{a0}stop \u{2018}bad\u{2019} \u{2013} \u{ab}ok\u{bb} \u{20ac}5",
        "a\u{2028}b\u{2029}c\u{3000}d\u{202f}e\u{205f}f\u{85}g\u{1680}h\u{2009}i",
    ];
    for text in fast {
        assert!(check(a, &slow, text), "{text:?} should take the ASCII scan");
    }
    let general = [
        // Lower-casing and `isupper()` of non-ASCII letters.
        "The caf\u{e9} was GOOD",
        "\u{c9} HAPPY \u{c9}",
        "\u{b5} GOOD",
        "\u{aa} GOOD",
        // Emoji become descriptions, even those among the punctuation.
        "Wow\u{203c} great",
        "\u{a9} 2020 good \u{2049}",
        "I love it \u{1F600}",
        // A zero-width space is no white space and no punctuation.
        "good\u{200b}bad",
    ];
    for text in general {
        assert!(
            !check(a, &slow, text),
            "{text:?} should take the general path"
        );
    }
}

#[test]
fn a_slow_path_text_leaves_the_padded_copy_as_it_was() {
    // Stand-ins go in as the characters are checked: one that needs the slow path (an emoji,
    // a letter with case) after some that do not must put the text's bytes back.
    let a = Analyzer::default_ref();
    for text in [
        "\u{201c}Fine\u{201d}\u{a0}\u{2014} then \u{1f600}",
        "a\u{2026}b\u{2019}c caf\u{e9} \u{2014}",
        "\u{e9}\u{2014}",
    ] {
        let mut sc = Scratch::default();
        assert!(sc.pad(text.as_bytes()).is_none(), "{text:?}");
        let before = sc.padded.clone();
        assert!(a.pad_opaque(text, &mut sc).is_none(), "{text:?}");
        assert_eq!(sc.padded, before, "{text:?}");
    }
}

#[test]
fn a_word_key_with_a_stand_in_character_turns_the_scan_off() {
    let mut a = Analyzer::default_ref().clone();
    a.update_lexicon(&[("good\u{2019}".to_string(), -3.0)]);
    assert!(!a.opaque_ok);
    // VADER finds the key: the general path must score this text.
    let s = a.polarity_scores("so good\u{2019} today");
    assert!(s.compound < 0.0, "{s:?}");
    let mut b = Analyzer::default_ref().clone();
    b.update_lexicon(&[("good\u{7f}".to_string(), -3.0)]);
    assert!(!b.opaque_ok);
    assert!(Analyzer::default_ref().opaque_ok);
}

#[test]
fn stand_ins_at_every_window_and_word_boundary() {
    let (a, slow) = (Analyzer::default_ref(), slow_analyzer());
    let marks = [
        "\u{2019}", "\u{201c}", "\u{201d}", "\u{2014}", "\u{2013}", "\u{2026}", "\u{a0}",
        "\u{2028}", "\u{3000}", "\u{ab}", "\u{b7}",
    ];
    let words = [
        "good",
        "GOOD",
        "Good",
        "isn't",
        "don",
        "t",
        "no",
        "kind",
        "of",
        "but",
        "VERY",
        "extraordinarily",
        "!",
        "?",
        ":)",
        "a.",
    ];
    let mut routed = 0;
    for pad in 0..40 {
        for (m, mark) in marks.iter().enumerate() {
            for (w, word) in words.iter().enumerate() {
                let next = words[(w + m + 1) % words.len()];
                let prefix = "ab ".repeat(pad / 3) + &"x".repeat(pad % 3);
                for text in [
                    format!("{prefix}{mark}{word}{mark} {next}"),
                    format!("{prefix} {word}{mark}{next} GREAT {mark}"),
                    format!("{prefix}{word}.{mark}. {mark}{next}{mark}{mark}!"),
                    format!("{mark}{prefix}{word}{mark}{mark}{mark}{mark}{mark}{mark}{next}"),
                ] {
                    routed += usize::from(check(a, &slow, &text));
                }
            }
        }
    }
    assert!(routed > 0);
}
