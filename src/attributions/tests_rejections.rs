//! Tests of the rejection record ([`super::rejections`]), in invented sentences with exact
//! offsets (ASCII, so byte offsets equal `str` offsets).

use super::rejections::{recording, Rejection};
use crate::{segment, Span};

fn rejected(text: &str) -> (usize, Vec<(Span, Rejection)>) {
    let (a, log) = recording(|| super::extract(text, &segment::split(text)));
    (a.attributions.len(), log)
}

/// Each cue the clause rules turn down is recorded with the reason of the rule that did.
#[test]
fn a_turned_down_cue_is_recorded_with_its_reason() {
    // Only an adjunct after the cue: the content would be before it.
    let (n, log) = rejected("The mayor said on Monday.");
    assert_eq!(n, 0);
    assert_eq!(log, vec![(Span::new(10, 14), Rejection::AdjunctOnly)]);
    // Nothing after the cue.
    let (n, log) = rejected("It was unclear who said.");
    assert_eq!(n, 0);
    assert_eq!(log, vec![(Span::new(19, 23), Rejection::NoContent)]);
    // No words before the cue to speak.
    let (n, log) = rejected("said the plan would fail.");
    assert_eq!(n, 0);
    assert_eq!(log, vec![(Span::new(0, 4), Rejection::NoSource)]);
    assert_eq!(log[0].1.as_str(), "no_source");
    // A cue that gives an attribution is not recorded.
    let (n, log) = rejected("The mayor said the plan would fail.");
    assert_eq!(n, 1);
    assert!(log.is_empty(), "{log:?}");
}

/// The record is off outside [`recording`], and a recording inside another keeps its entries
/// from the outer one.
#[test]
fn recording_is_scoped() {
    let text = "The mayor said on Monday.";
    let extract = || super::extract(text, &segment::split(text));
    let (inner, outer) = recording(|| {
        let _ = extract();
        recording(extract).1
    });
    assert_eq!(inner.len(), 1, "{inner:?}");
    assert_eq!(outer.len(), 1, "{outer:?}");
    // Outside any recording an extraction logs nothing: a later recording starts empty.
    let _ = extract();
    let (_, log) = recording(|| ());
    assert!(log.is_empty());
}
