//! Where contents start and end: exact offsets, in invented sentences.

use super::tests::{at, run};

type Range = (usize, usize);

/// (content, source, cue) byte ranges of every attribution of `text`.
fn spans(text: &str) -> Vec<(Range, Option<Range>, Option<Range>)> {
    run(text)
        .iter()
        .map(|a| {
            (
                (a.content.start, a.content.end),
                a.source.map(|s| (s.start, s.end)),
                a.cue.map(|s| (s.start, s.end)),
            )
        })
        .collect()
}

#[test]
fn a_comma_inside_a_number_is_no_clause_break() {
    // A stance object ends at a comma, but not at the one in "12,000".
    let text = "The senator has called for 12,000 more inspectors.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, at(text, "12,000 more inspectors"));
    assert_eq!(v[0].1, Some(at(text, "The senator")));
    // A comma followed by a space still is one: "May 4, 2021" keeps its two tokens.
    let text = "The union opposed the plan, which passed on May 4, 2021.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, at(text, "the plan"));
}
