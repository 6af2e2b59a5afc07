//! The quote tokenizer's word scan: the one-run shortcut answers as the general scan does.

use super::*;

/// Words of every shape the shortcut must tell apart, each followed by every ASCII byte and a
/// few non-ASCII chars that join words or end them.
fn contexts() -> Vec<String> {
    let words = [
        "said", "Said", "SAID", "x", "X", "9", "20", "Sen", "Mr", "Gov", "Jones", "U", "Victims",
        "don", "AT", "D", "Conn", "e", "Messrs", "approx", "Senators", "SENATORS", "reports",
        "Reports", "agreed", "2016",
    ];
    let mut after: Vec<String> = (0x20u8..0x7f).map(|b| char::from(b).to_string()).collect();
    for tail in [
        "’", "’s", "‑x", "é", "“", "”", "—", "s.", "&T", "/11", "-Conn.", "’ ", "'s ",
    ] {
        after.push(tail.to_string());
    }
    let mut out = Vec::new();
    for w in words {
        for a in &after {
            out.push(format!("{w}{a}"));
            out.push(format!("{w}{a}x"));
            out.push(format!("{w}{a} y"));
        }
    }
    out
}

#[test]
fn one_run_shortcut_answers_as_the_general_scan() {
    for text in contexts() {
        let c = char_at(&text, 0).unwrap_or(' ');
        // No quote mark, one right after the first run, one further on.
        let run = ascii_word_run(text.as_bytes(), 1).0;
        for next_mark in [usize::MAX, run, run + 1, text.len()] {
            if !text.is_char_boundary(next_mark.min(text.len())) {
                continue;
            }
            assert_eq!(
                word_end(&text, 0, c, next_mark),
                word_end_scanned(&text, 0, c, next_mark),
                "{text:?} with a mark at {next_mark}"
            );
        }
    }
}

#[test]
fn one_run_words_look_up_like_any_word() {
    // The same word, found by the shortcut (a space after it) and by the general scan (a
    // possessive ending or an abbreviation period after it), has the same lexicon flags.
    for (text, at) in [
        ("Senators said so", 1),
        ("The senator’s aide", 1),
        ("SAID IT", 0),
        ("Jones, 54", 0),
        ("Jones’ aide", 0),
    ] {
        let toks = tokenize(text, &[], &[Span::new(0, text.len())]);
        let t = toks[at];
        let (base, poss) = strip_poss(&text[t.start..t.end]);
        let (flags, _) = super::super::lexicon::flags_and_classes(&base.to_lowercase(), false);
        let poss = if poss {
            super::super::lexicon::flag::POSS
        } else {
            0
        };
        assert_eq!(t.lex, flags | poss, "{text:?}");
    }
}

#[test]
fn one_run_words_fold_their_key_like_their_lower_case_form() {
    // Looked up without a lower-case copy (and with one, when run-time additions may apply
    // or the word is over 16 bytes): the answer of the lower-case form either way.
    let mut scratch = String::new();
    for w in [
        "Said",
        "SAID",
        "Told",
        "Sen",
        "MR",
        "Spokeswoman",
        "POLICE",
        "X",
        "G20",
        "Internationally",
        "Counterterrorism",
        "COUNTERTERRORISM",
    ] {
        let want = super::super::lexicon::flags_and_classes(&w.to_ascii_lowercase(), false);
        for adds in [false, true] {
            let got = super::super::lexicon::alnum_flags_and_classes(w, adds, &mut scratch);
            assert_eq!(got, want, "{w:?} adds {adds}");
        }
    }
}

/// A one-run word looked up by its bytes (most words: 1 to 16 bytes, no run-time additions)
/// answers as its lower-case form looked up as a `str`, for every word of the table in lower,
/// upper and title case, for words that are not there, and across the 16-byte limit.
#[test]
fn one_run_words_by_bytes_look_up_like_their_lower_case_form() {
    let mut scratch = String::new();
    let mut words = super::super::lexicon::table_words();
    words.extend(["zzqx", "a1b2", "x", "abcdefghijklmnop", "abcdefghijklmnopq"]);
    let mut n = 0;
    for w in words {
        if !w.bytes().all(|b| b.is_ascii_alphanumeric()) {
            continue;
        }
        let mut title = w.to_string();
        title[..1].make_ascii_uppercase();
        for form in [w.to_string(), w.to_ascii_uppercase(), title] {
            let text = format!("{form} x");
            let at = Span::new(0, form.len());
            let lower_ascii = !form.bytes().any(|b| b.is_ascii_uppercase());
            let want = super::super::lexicon::flags_and_classes(&form.to_ascii_lowercase(), false);
            for adds in [false, true] {
                let got = run_flags(&text, at, lower_ascii, adds, &mut scratch);
                assert_eq!(got, want, "{form:?} adds {adds}");
            }
            n += 1;
        }
    }
    assert!(n > 1000, "{n} forms");
}

/// [`takes_period`] as it was before the length shortcut: the reference.
fn takes_period_reference(word: &str) -> bool {
    if word.chars().count() == 1 {
        return word.chars().all(|c| c.is_uppercase());
    }
    if word.contains('.') {
        return true;
    }
    let last = word.rsplit('-').next().unwrap_or(word);
    let lower = last.to_ascii_lowercase();
    let capitalised = word.chars().next().is_some_and(char::is_uppercase);
    crate::lexicon::is_abbreviation(&lower, capitalised)
}

/// A word takes a period as before the shortcuts (one char, the longest abbreviation), for
/// every listed abbreviation in three cases, alone and as a party tag's state, for words
/// around the longest abbreviation's length, and for single chars.
#[test]
fn periods_are_taken_as_by_the_lookup() {
    let file = crate::lexicon::files::ABBREVIATIONS;
    let mut words: Vec<String> = (crate::lexicon::section_names(file).into_iter())
        .flat_map(|name| crate::lexicon::section(file, name))
        .map(str::to_string)
        .collect();
    let longest = crate::lexicon::longest_abbreviation();
    for n in 1..=longest + 2 {
        words.push("x".repeat(n));
        words.push(format!("{}s", "mas".repeat(n).get(..n - 1).unwrap_or("")));
    }
    words.extend(["É", "é", "A", "a", "7", "U.S", "a.b"].map(String::from));
    let mut n = 0;
    for w in &words {
        let mut title = w.clone();
        if let Some(first) = title.get_mut(..1) {
            first.make_ascii_uppercase();
        }
        for form in [
            w.clone(),
            w.to_uppercase(),
            title.clone(),
            format!("D-{w}"),
            format!("r-{title}"),
        ] {
            assert_eq!(
                takes_period(&form),
                takes_period_reference(&form),
                "{form:?}"
            );
            n += usize::from(takes_period(&form));
        }
    }
    assert!(n > 100, "{n} taken");
}

/// The word-char test answers as `char::is_alphanumeric` for every char (the punctuation block
/// it answers without the tables holds no letter or digit; a wider range would take U+2071 ⁱ).
#[test]
fn word_chars_are_the_alphanumeric_chars() {
    for c in (0..=0x10ffff).filter_map(char::from_u32) {
        assert_eq!(
            is_word_char(c),
            c.is_alphanumeric(),
            "{c:?} U+{:04X}",
            c as u32
        );
    }
}

/// `lower` gives `to_lowercase` of every word, and borrows the words without a capital (ASCII
/// or not).
#[test]
fn lower_is_to_lowercase() {
    for w in [
        "said",
        "Said",
        "SAID",
        "McCain",
        "x",
        "X",
        "9",
        "AT&T",
        "D-Conn",
        "don't",
        "O'Brien",
        "",
        "Élysée",
        "élysée",
        "don’t",
        "ΟΔΟΣ",
        "İstanbul",
        "naïve",
        "Naïve",
    ] {
        let got = lower(w);
        assert_eq!(got, w.to_lowercase(), "{w:?}");
        let borrowed = matches!(got, Cow::Borrowed(_));
        assert_eq!(borrowed, w == w.to_lowercase(), "{w:?}");
    }
}

/// `lower_inline` gives `to_lowercase` of words of every length around the inline limit, and
/// of non-ASCII words.
#[test]
fn lower_inline_is_to_lowercase() {
    let long = "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789";
    for n in 0..=long.len() {
        assert_eq!(lower_inline(&long[..n]), long[..n].to_lowercase(), "{n}");
    }
    for w in ["Élysée", "don’t", "ΟΔΟΣ", "İstanbul", "AT&T", "D-Conn."] {
        assert_eq!(lower_inline(w), w.to_lowercase(), "{w:?}");
    }
}
