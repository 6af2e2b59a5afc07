//! Tests of the rules added for indirect recall in round 9 (known cues that found no
//! attribution), in invented sentences with exact offsets (byte offsets equal `str` offsets here:
//! the sentences are ASCII).

use super::tests::{at, spans};

/// A document that reports findings is the subject of a noun-like cue form ("shows", "show"):
/// polls, surveys and records show what they found.
#[test]
fn documents_show_findings() {
    let text = "A new survey shows only a slim lead for the mayor.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, (19, 49));
    assert_eq!(v[0].0, at(text, "only a slim lead for the mayor"));
    assert_eq!(v[0].1, Some(at(text, "A new survey")));
    assert_eq!(v[0].2, Some(at(text, "shows")));
    let text = "But court records show few signs that the firm paid its debts.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, at(text, "few signs that the firm paid its debts"));
    assert_eq!(v[0].1, Some(at(text, "court records")));
    // A show that is a noun stays one ("a radio show"), and so does support after a count.
    assert!(spans("The radio show drew a large crowd on Friday.").is_empty());
    assert!(spans("Ruiz has 40 percent support among young voters.").is_empty());
}

/// A modifier in -ing right before the head of a source that opens its clause is no participle
/// phrase: "But hacking experts say", "Polling firms say".
#[test]
fn ing_modifier_opens_a_source() {
    let text = "But hacking experts say the leaked files may be fake.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, (24, 52));
    assert_eq!(v[0].1, Some(at(text, "hacking experts")));
    assert_eq!(v[0].2, Some(at(text, "say")));
}
