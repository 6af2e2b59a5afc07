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
    // A well-known surname, used as a speaker, gets the full name.
    assert_eq!(a.quotes[1].speaker.as_deref(), Some("Vladimir Putin"));
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
