//! Where contents end (round 14): exact offsets, in invented sentences.

use super::tests::spans;

fn content(text: &str, i: usize) -> &str {
    let v = spans(text);
    let (a, b) = v[i].0;
    &text[a..b]
}

#[test]
fn a_spaced_hyphen_ends_a_stance_object_like_a_dash() {
    // Wire copy types the dash as a hyphen between spaces: the aside after it is the writer's.
    let text =
        "The council endorsed the harbour plan - a first for the town - after a long debate.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, (21, 37));
    assert_eq!(content(text, 0), "the harbour plan");
    let text = "The union rejected the offer - the third this year.";
    assert_eq!(spans(text)[0].0, (19, 28));
    // A hyphen inside a word is no dash; a clause content keeps its aside.
    let text = "The senator backed the well-known plan.";
    assert_eq!(content(text, 0), "the well-known plan");
    let text = "The judge said the ruling - the first of its kind - would stand.";
    assert_eq!(
        content(text, 0),
        "the ruling - the first of its kind - would stand"
    );
}

#[test]
fn an_irregular_past_after_and_is_the_sources_next_act() {
    // "went", "made", "began": a second predicate of the source, like "and boycotted".
    let text = "The minister praised the nurses and went back to her office.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, (21, 31));
    let text = "The coach praised his players and made no excuses for the loss.";
    assert_eq!(content(text, 0), "his players");
    // A noun after "and" still joins the object.
    let text = "The coach praised his players and their parents.";
    assert_eq!(content(text, 0), "his players and their parents");
}
