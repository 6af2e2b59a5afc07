use super::*;

fn run(text: &str) -> Analysis {
    analyze(text, &crate::segment::split(text))
}

fn check_offsets(text: &str, a: &Analysis) {
    for q in &a.quotes {
        assert!(text.is_char_boundary(q.span.start) && text.is_char_boundary(q.span.end));
        for s in [q.mention, q.cue].into_iter().flatten() {
            assert!(s.start <= s.end && s.end <= text.len());
            assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        }
    }
}

#[test]
fn said_after() {
    let t = "“We made progress,” Smith said. “There’s no deal until there’s a deal.”";
    let a = run(t);
    assert_eq!(a.quotes.len(), 2);
    for q in &a.quotes {
        assert_eq!(q.kind, QuoteKind::Direct);
        assert_eq!(q.speaker.as_deref(), Some("Smith"));
        assert_eq!(q.cue.map(|c| c.of(t)), Some("said"));
    }
}

#[test]
fn inverted_and_apposition() {
    let t = "“It is a dream,” said Celeste Wallander, a senior Pentagon official.";
    let a = run(t);
    assert_eq!(a.quotes[0].speaker.as_deref(), Some("Celeste Wallander"));
    assert_eq!(
        a.speakers[0].descriptions,
        vec!["a senior Pentagon official"]
    );
}

#[test]
fn unnamed_source_and_pronoun() {
    let t = "President Donald Trump met reporters.\n\n“He is a realist,” a senior White House official told NBC News. Later he said: “We will see.”";
    let a = run(t);
    assert_eq!(
        a.quotes[0].speaker.as_deref(),
        Some("senior White House official")
    );
    assert_eq!(a.quotes[1].speaker.as_deref(), Some("Donald Trump"));
}

#[test]
fn scare_and_partial() {
    let t =
        "Murphy said it on MSNBC’s “Morning Joe.” Putin called Trump a “dear neighbor” on Friday.";
    let a = run(t);
    assert_eq!(a.quotes[0].kind, QuoteKind::Scare);
    assert_eq!(a.quotes[1].kind, QuoteKind::Partial);
    // A surname the article never completes stays a surname: no list of famous people.
    assert_eq!(a.quotes[1].speaker.as_deref(), Some("Putin"));
}

#[test]
fn hostile_inputs_finish() {
    let many = "“".repeat(20_000);
    check_offsets(&many, &run(&many));
    let long = format!("“{}", "word ".repeat(200_000));
    check_offsets(&long, &run(&long));
    let mixed = "\"'‘’“”«»\n".repeat(2_000);
    check_offsets(&mixed, &run(&mixed));
}

fn speaker<'a>(a: &'a Analysis, name: &str) -> &'a Speaker {
    a.speakers
        .iter()
        .find(|s| s.name == name)
        .unwrap_or_else(|| panic!("no speaker {name}"))
}

#[test]
fn descriptions_are_noun_phrases_of_the_person() {
    let t = "Trump, Secretary of State Marco Rubio and special envoy Steve Witkoff represented \
             the delegation. “We made progress,” Trump said. After meeting the president, Putin \
             said: “It went well.” “It is a mess,” said Ann Lee, a lawyer based in Ohio who ran \
             for mayor.";
    let a = run(t);
    assert!(speaker(&a, "Trump").descriptions.is_empty());
    assert!(speaker(&a, "Putin").descriptions.is_empty());
    assert_eq!(
        speaker(&a, "Ann Lee").descriptions,
        vec!["a lawyer based in Ohio who ran for mayor"]
    );
}

#[test]
fn they_resolves_to_a_group_only() {
    let t = "Russian officials met on Monday. “The talks are over,” they said.\n\
             Trump and Putin met. “It was great,” they said.";
    let a = run(t);
    let got: Vec<_> = a
        .quotes
        .iter()
        .map(|q| (q.kind, q.speaker.as_deref()))
        .collect();
    assert_eq!(
        got,
        vec![
            (QuoteKind::Direct, Some("Russian officials")),
            (QuoteKind::Direct, None)
        ]
    );
}

#[test]
fn indefinite_description_with_appositive_name() {
    let t = "“Nothing was agreed,” a senior official in the Biden administration, Jane Doe, said.";
    let a = run(t);
    assert_eq!(a.quotes[0].speaker.as_deref(), Some("Jane Doe"));
    // The mention as written spans the description before the name (newsdev's speakers do).
    assert_eq!(
        a.quotes[0].mention.map(|m| m.of(t)),
        Some("a senior official in the Biden administration, Jane Doe")
    );
    assert_eq!(
        speaker(&a, "Jane Doe").descriptions,
        vec!["a senior official in the Biden administration"]
    );
}

#[test]
fn capitals_only_line() {
    let t = "“THERE IS NO DEAL,” TRUMP SAID.";
    let a = run(t);
    check_offsets(t, &a);
    assert_eq!(a.quotes[0].speaker.as_deref(), Some("Trump"));
    assert_eq!(a.quotes[0].cue.map(|c| c.of(t)), Some("SAID"));
}

/// The block search finds the first byte that can start a mark, as a plain
/// search does, at every offset and word alignment.
#[test]
fn mark_lead_is_the_first_candidate_byte() {
    let text = "He said: \u{201c}No,\u{201d} and \u{ab}non\u{bb}, 'yes' or \"maybe\" \
                ``so'' \u{e9}t\u{e9} \u{2014} caf\u{e9} plain words with no marks at all here";
    let b = text.as_bytes();
    let naive = |s: &[u8]| {
        s.iter()
            .position(|&c| matches!(c, b'"' | b'\'' | b'`' | 0xE2 | 0xC2))
    };
    for i in 0..=b.len() {
        assert_eq!(marks::mark_lead(&b[i..]), naive(&b[i..]), "from {i}");
    }
    assert_eq!(marks::mark_lead(b"no marks in these words at all"), None);
}

/// A word's lexicon flags are those of its lower-case form without its possessive ending,
/// whatever its case or script: the tokenizer's shortcut for lower-case ASCII words, its
/// buffer for capitalised ones and its path for others must agree.
#[test]
fn word_flags_ignore_case_and_possessive() {
    use super::lexicon::{flag, flags_of};
    let text = "said Said SAID sAid spokesman Spokesman’s SPOKESMAN'S officials’ Officials' \
                police Police’S he He HE she SHE they They naïve Naïve ÉCOLE o’neill O’NEILL";
    let toks = tokens::tokenize(text, &[], &[Span::new(0, text.len())]);
    assert!(toks.len() >= 20);
    for t in toks.iter().filter(|t| t.kind == tokens::Kind::Word) {
        let w = &text[t.start..t.end];
        let (base, poss) = tokens::strip_poss(w);
        let want = flags_of(&base.to_lowercase(), false) | if poss { flag::POSS } else { 0 };
        assert_eq!(t.lex, want, "{w}");
    }
    let said = toks.iter().filter(|t| t.lex & flag::CUE != 0).count();
    assert!(said >= 4, "{said}");
}

/// [entity_particle] of `name_parts.txt`: a lower-case particle stays inside the speaker's
/// name; without it the name would stop short of the surname.
#[test]
fn name_particles_join_a_speaker_name() {
    let particles = [
        "de", "van", "von", "der", "den", "bin", "al", "da", "di", "le", "la", "du", "del", "dos",
        "ibn",
    ];
    for p in particles {
        let t = format!("“It is a dream,” said Ana {p} Costa, a senior Pentagon official.");
        let a = run(&t);
        let want = format!("Ana {p} Costa");
        assert_eq!(a.quotes[0].speaker.as_deref(), Some(want.as_str()), "{p:?}");
    }
}

/// An abbreviation keeps its period whatever its case (looked up lower-cased), after a
/// party tag too; other words, and words longer than any abbreviation, do not.
#[test]
fn abbreviation_periods_in_any_case() {
    let text = "Sen. Ruiz met GOV. Lee, R-TEX. and D-Conn. staff in the Tower. \
                Internationalisations. Then Jr. left.";
    let toks = tokens::tokenize(text, &[], &[Span::new(0, text.len())]);
    let words: Vec<&str> = (toks.iter().filter(|t| t.kind == tokens::Kind::Word))
        .map(|t| &text[t.start..t.end])
        .collect();
    for w in [
        "Sen.",
        "GOV.",
        "R-TEX.",
        "D-Conn.",
        "Jr.",
        "Tower",
        "Internationalisations",
    ] {
        assert!(words.contains(&w), "{w:?} in {words:?}");
    }
}

/// Every mention outside quotes carries the name of its own speaker: two people mentioned
/// in turn, by full name, surname and pronoun.
#[test]
fn resolved_mentions_name_their_own_speaker() {
    let text = "Ana Ruiz met Tom Lee on Monday. Ruiz spoke first. Lee answered later. \
                Ruiz left early, and she did not return. Lee stayed.";
    let (_, mentions) = super::analyze_with_mentions(text, &crate::segment::split(text));
    let named: Vec<(&str, Option<&str>)> = (mentions.iter())
        .map(|m| (&text[m.span.start..m.span.end], m.name.as_deref()))
        .collect();
    for (w, name) in &named {
        match *w {
            "Ana Ruiz" | "Ruiz" | "she" => assert_eq!(*name, Some("Ana Ruiz"), "{named:?}"),
            "Tom Lee" | "Lee" => assert_eq!(*name, Some("Tom Lee"), "{named:?}"),
            _ => {}
        }
    }
    let n = |who: &str| named.iter().filter(|(_, n)| *n == Some(who)).count();
    assert!(n("Ana Ruiz") >= 3 && n("Tom Lee") >= 3, "{named:?}");
}

/// A transcript label as first defined: the first colon within 32 chars, every char before it
/// a capital or a label's punctuation, the first a capital, at most three words, a space after.
fn label_by_colon_search(text: &str) -> Option<Span> {
    let colon = text.char_indices().take(32).find(|&(_, c)| c == ':')?.0;
    let label = &text[..colon];
    let capitals =
        (label.chars()).all(|c| c.is_uppercase() || matches!(c, ' ' | '.' | '\'' | '’' | '-'));
    let starts = label.chars().next().is_some_and(char::is_uppercase);
    let after = text[colon + 1..].chars().next();
    (starts && capitals && label.split(' ').count() <= 3 && after == Some(' '))
        .then(|| Span::new(0, colon))
}

#[test]
fn speaker_labels_stop_at_the_first_char_no_label_has() {
    for text in [
        "JONES: We will.",
        "SEN. KIM: No.",
        "Q: Why?",
        "DR. O’NEIL: Yes.",
        "ÉLYSÉE: Non.",
        "MS. SMITH-JONES: Fine.",
        "Jones: we will.",
        "We said: no.",
        "WE SAID:no space",
        "ONE TWO THREE FOUR: five",
        "A B C: d",
        ": nothing before",
        "ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEF: past 32",
        "ABCDEFGHIJKLMNOPQRSTUVWXYZABCDE: at 31",
        "NO COLON AT ALL",
        "THE 2 OF US: numbers",
        "",
    ] {
        assert_eq!(
            super::marks::speaker_label(text, 0),
            label_by_colon_search(text),
            "{text:?}"
        );
    }
}
