//! Cue forms and bounds added in round 15: exact offsets, in invented sentences.

use super::tests::spans;

#[test]
fn more_stance_nouns_take_a_possessive_holder_and_an_object() {
    // "critique of", "assault on", "calls for": like "attack on", the possessive holds the
    // stance and the object after the preposition is its content.
    let text = "The mayor published her critique of the transit budget.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, (36, 54));
    assert_eq!(&text[36..54], "the transit budget");
    assert_eq!(v[0].1, Some((0, 9)));
    assert_eq!(v[0].2, Some((24, 35)));
    let text = "The governor renewed his assault on the new tariffs.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(&text[v[0].0 .0..v[0].0 .1], "the new tariffs");
    assert_eq!(v[0].1, Some((0, 12)));
    let text = "The union's calls for higher pay grew louder.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(&text[v[0].0 .0..v[0].0 .1], "higher pay");
    // Without a holder the noun is nobody's stance.
    assert!(spans("The calls for help went unanswered.").is_empty());
}

#[test]
fn thoughts_and_views_on_something_are_a_stance_noun_with_an_object() {
    let text = "The senator shared her thoughts on the new tariffs.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, (35, 50));
    assert_eq!(&text[35..50], "the new tariffs");
    assert_eq!(v[0].1, Some((0, 11)));
    let text = "The union's views on the merger are well known.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(&text[v[0].0 .0..v[0].0 .1], "the merger");
    assert_eq!(v[0].1, Some((4, 11)));
}

#[test]
fn and_a_name_with_its_verb_is_the_writers_next_clause() {
    // ", and" + a name + an auxiliary, a modal or a past verb: a new subject of the writer's.
    let text = "The mayor said the budget was balanced, and Ruiz has disputed the figures.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, (15, 38));
    assert_eq!(&text[15..38], "the budget was balanced");
    let text = "The clerk said the count was over, but Dana Ortiz will appeal the result.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(&text[v[0].0 .0..v[0].0 .1], "the count was over");
    // A name with no verb after it stays in the content.
    let text = "The mayor said the grant went to the library, and Ruiz family members too.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(
        &text[v[0].0 .0..v[0].0 .1],
        "the grant went to the library, and Ruiz family members too"
    );
}

#[test]
fn a_verb_of_saying_in_the_passive_with_an_agent_reports_its_subject() {
    // "was (first) reported by X": the subject is what X reported, X the source.
    let text = "The merger was first reported by the Ledger.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, (0, 10));
    assert_eq!(v[0].1, Some((33, 43)));
    assert_eq!(&text[33..43], "the Ledger");
    let text = "The new fee was announced by the ministry on Monday.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, (0, 11));
    assert_eq!(v[0].1, Some((29, 41)));
    // A hearer's passive keeps its clause as the content.
    let text = "He was told by aides that the race was over.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(&text[v[0].0 .0..v[0].0 .1], "that the race was over");
}

#[test]
fn responding_to_something_takes_it_as_the_object() {
    // "did not respond to requests for comment": what was answered (or not) is the content;
    // without the phrasal form "to requests" was taken for an adjunct and nothing came out.
    let text = "Ortiz did not respond to requests for comment.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, (25, 45));
    assert_eq!(v[0].1, Some((0, 5)));
    assert_eq!(v[0].2, Some((14, 24)));
}

#[test]
fn a_verb_of_saying_with_an_agent_reports_the_noun_before_it() {
    // A reduced relative: "arrests documented by the Ledger" are the Ledger's report.
    let text = "He faced two arrests documented by the Ledger.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, (9, 20));
    assert_eq!(&text[9..20], "two arrests");
    assert_eq!(v[0].1, Some((35, 45)));
    // A stance verb there only describes the noun.
    assert!(spans("He met rebels backed by the army.").is_empty());
}

#[test]
fn an_infinitive_cue_takes_the_subject_of_its_verb_group() {
    // The subject before the verb group that governs "to" holds the stance, not an opening
    // adverbial phrase of the sentence or another clause's subject.
    for (text, source) in [
        (
            "Sooner or later the council will have to tell residents the pool is closing.",
            "the council",
        ),
        (
            "The senator, who was reluctant to endorse the mayor, stayed home.",
            "who",
        ),
        (
            "Critics of the plan had warned for months, and the agency has now tried to explain the delay.",
            "the agency",
        ),
    ] {
        let v = spans(text);
        let got: Vec<_> = v.iter().filter_map(|a| a.1.map(|(x, y)| &text[x..y])).collect();
        assert!(got.contains(&source), "{text:?}: {got:?}");
    }
    let text = "Sooner or later the council will have to tell residents the pool is closing.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].1, Some((16, 27)));
    assert_eq!(v[0].2, Some((41, 45)));
}

#[test]
fn a_noun_verb_after_a_governed_to_is_an_infinitive_cue() {
    // "oppose", "support", "back" are often nouns; after "likely to" they are verbs, and the
    // subject of "is likely" holds the stance.
    let text = "The senator is likely to oppose the bill.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, (32, 40));
    assert_eq!(v[0].1, Some((0, 11)));
    assert_eq!(v[0].2, Some((25, 31)));
    // "to" after a noun is no governed infinitive: "money to support groups".
    assert!(spans("He gave money to support groups.").is_empty());
}

#[test]
fn the_object_of_a_control_verb_holds_the_infinitive_cue() {
    // "prompted some voters to argue": the voters argue, not the audit that prompted them.
    let text = "The audit prompted some voters to argue that the count was wrong.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].1, Some((19, 30)));
    assert_eq!(&text[19..30], "some voters");
    assert_eq!(v[0].2, Some((34, 39)));
    assert_eq!(v[0].0, (40, 64));
    assert_eq!(&text[40..64], "that the count was wrong");
    let text = "The long delay led her to say the vote was rigged.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].1, Some((19, 22)));
    assert_eq!(&text[19..22], "her");
    assert_eq!(v[0].2, Some((26, 29)));
}

#[test]
fn seen_as_in_the_passive_is_a_judgement_and_seen_alone_is_not() {
    // "is widely seen as": the subject and its complement are the content, with no source.
    let text = "The harbour plan is widely seen as a costly mistake.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(
        &text[v[0].0 .0..v[0].0 .1],
        "The harbour plan is widely seen as a costly mistake"
    );
    assert_eq!(v[0].1, None);
    // Perception, not judgement: no attribution.
    let text = "Two officers are seen on the video near the harbour.";
    assert!(spans(text).is_empty(), "{:?}", spans(text));
}

#[test]
fn accused_of_in_the_passive_is_a_judgement() {
    // Like "was criticized for": the subject and the charge are the content, with no source.
    let text = "The harbour master was accused of hiding the report.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(
        &text[v[0].0 .0..v[0].0 .1],
        "The harbour master was accused of hiding the report"
    );
    assert_eq!(v[0].1, None);
}
