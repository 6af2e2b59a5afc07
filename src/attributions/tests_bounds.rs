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

#[test]
fn a_closing_according_to_holds_the_whole_clause_before_it() {
    // The monitor reports the call: one attribution, not "called for" with its own content.
    let text = "The rebels have previously called for attacks on the port, according to a monitoring group.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(
        v[0].0,
        at(
            text,
            "The rebels have previously called for attacks on the port"
        )
    );
    assert_eq!(v[0].1, Some(at(text, "a monitoring group")));
    assert_eq!(v[0].2, Some(at(text, "according to")));
    // Inside the sentence it holds both sides.
    let text = "The ferry, according to the harbour master, will stop running in May.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, (0, at(text, " will stop running in May").1));
    assert_eq!(v[0].1, Some(at(text, "the harbour master")));
}

#[test]
fn a_relative_clause_after_according_to_describes_the_source() {
    let text =
        "The rebels called for attacks on the port, according to the group, which tracks them.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(
        v[0].0,
        at(text, "The rebels called for attacks on the port")
    );
    assert_eq!(v[0].1, Some(at(text, "the group, which tracks them")));
    let text = "According to the group, which tracks the rebels, the port will reopen in May.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, at(text, "the port will reopen in May"));
    assert_eq!(v[0].1, Some(at(text, "the group, which tracks the rebels")));
    // A relative clause that is the content's own stays in it.
    let text = "According to the group, the rebels, who hold the port, will leave in May.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].1, Some(at(text, "the group")));
    assert_eq!(
        v[0].0,
        at(text, "the rebels, who hold the port, will leave in May")
    );
}
