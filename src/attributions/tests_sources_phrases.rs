//! Tests of who the source is (round 20, helper "sources"): phrases that stand between a
//! subject and its cue and were taken for the source, in invented sentences with exact offsets
//! (ASCII, so byte offsets equal `str` offsets).

use super::tests::{at, source_of};

/// "spent much of her speech praising …": the time spent is no source; the subject of the
/// spending verb is, after an auxiliary ("has spent") or as a relative pronoun ("who spent").
#[test]
fn the_subject_of_a_spending_verb_is_the_source() {
    let text = "She spent much of her speech praising the new mayor.";
    assert_eq!(source_of(text, "praising"), Some((0, 3)));
    let text = "The treasurer has spent weeks defending the budget cuts.";
    assert_eq!(
        source_of(text, "defending"),
        Some(at(text, "The treasurer"))
    );
    let text =
        "The senators have spent the last month trying to tell voters that the levy is dead.";
    assert_eq!(source_of(text, "tell"), Some((0, 12)));
    let text = "Aid went to the old mayor, who spent most of his time attacking the council.";
    assert_eq!(source_of(text, "attacking"), Some(at(text, "who")));
}

/// A participle phrase that opens the sentence may run past the length of other opening
/// adjuncts ("Campaigning in three small towns across the north of the state, …"): the subject
/// after its comma is the source of a participle cue later in the sentence.
#[test]
fn a_long_opening_participle_phrase_is_no_source() {
    let text = "Campaigning in three small towns across the north of the state, the governor \
                took questions, saying that taxes would fall.";
    assert_eq!(source_of(text, "saying"), Some((64, 76)));
    assert_eq!(source_of(text, "saying"), Some(at(text, "the governor")));
}

/// "more" or "less" between a subject and its verb ("are now more convinced", "more accurately
/// predicted") is a degree adverb, never the source; after a quantifier it is part of the
/// subject ("Many more said").
#[test]
fn a_degree_adverb_before_the_cue_is_no_source() {
    let text = "The party leaders are now more convinced that the plan will fail.";
    assert_eq!(source_of(text, "convinced"), Some((0, 17)));
    let text = "The new test more accurately predicted the results than the old one.";
    assert_eq!(source_of(text, "predicted"), Some(at(text, "The new test")));
    let text = "Many more said that the plan would fail.";
    assert_eq!(source_of(text, "said"), Some(at(text, "Many more")));
}
