//! Where contents start and end: exact offsets, in invented sentences.

use super::tests::{at, spans};

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
    // A relative clause may run longer than an apposition (13 words after "which").
    let text = "The port will reopen in May, according to the group, which has tracked the rebels and their allies along the coast since early 2019.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, at(text, "The port will reopen in May"));
    assert_eq!(
        v[0].1,
        Some((at(text, "the group").0, at(text, "since early 2019").1))
    );
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

#[test]
fn a_closing_source_may_carry_a_modifier_after_its_head() {
    for (text, source) in [
        (
            "The levy will rise next year, a spokesman for the city said on Monday.",
            "a spokesman for the city",
        ),
        (
            "The levy will rise, people familiar with the plan said.",
            "people familiar with the plan",
        ),
        (
            "The levy will rise, officials who attended the meeting said.",
            "officials who attended the meeting",
        ),
        (
            "The levy will rise, shop owners and their lawyers say.",
            "shop owners and their lawyers",
        ),
    ] {
        let v = spans(text);
        assert_eq!(v.len(), 1, "{text}: {v:?}");
        assert_eq!(v[0].0, (0, text.find(',').unwrap_or(0)), "{text}");
        assert_eq!(v[0].1, Some(at(text, source)), "{text}");
    }
    // An opening adjunct is no content, and a name before the phrase is its apposition.
    for text in [
        "On Monday, a spokesman for the city said.",
        "Sam Lee, the director of the agency, said in a statement.",
    ] {
        assert!(spans(text).is_empty(), "{text}: {:?}", spans(text));
    }
    // A clause, not a noun phrase, before the cue: no closing source.
    let text = "The levy will rise, wondering what the mayor believes.";
    assert!(spans(text).iter().all(|a| a.0 .0 != 0), "{:?}", spans(text));
}

#[test]
fn a_subordinate_clause_with_a_reporting_verb_stays_in_the_content() {
    let text = "Ms. Ruiz said the plant was safe before the inspectors reported a leak.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(
        v[0].0,
        at(
            text,
            "the plant was safe before the inspectors reported a leak"
        )
    );
    assert_eq!(v[0].1, Some(at(text, "Ms. Ruiz")));
    // "and" + a new source and cue still starts a new attribution.
    let text = "Ms. Ruiz said the plant was safe, and the inspectors said it leaked.";
    let v = spans(text);
    assert_eq!(v.len(), 2, "{v:?}");
    assert_eq!(v[0].0, at(text, "the plant was safe"));
    assert_eq!(v[1].0, at(text, "it leaked"));
    assert_eq!(v[1].1, Some(at(text, "the inspectors")));
}

#[test]
fn a_stance_object_goes_on_over_a_comma_before_including_especially_or_not() {
    let text = "The council blamed several factors for the delay, including a shortage of steel.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(
        v[0].0,
        at(
            text,
            "several factors for the delay, including a shortage of steel"
        )
    );
    let text = "The mayor criticized the budget, especially the cuts to bus routes.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(
        v[0].0,
        at(text, "the budget, especially the cuts to bus routes")
    );
    let text = "The union wants higher wages, not a one-time bonus.";
    let v = spans(text);
    assert_eq!(v[0].0, at(text, "higher wages, not a one-time bonus"));
    // Any other comma still ends the object.
    let text = "The mayor criticized the budget, and the council voted against it.";
    let v = spans(text);
    assert_eq!(v[0].0, at(text, "the budget"));
}

#[test]
fn a_stance_object_ends_before_and_plus_a_past_verb_or_a_subject_pronoun() {
    let text = "The senator praised the governor and boycotted the debate.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, at(text, "the governor"));
    let text = "The mayor criticized the plan and she left the meeting early.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, at(text, "the plan"));
    // A second object goes on.
    let text = "The mayor criticized the plan and its cost.";
    let v = spans(text);
    assert_eq!(v[0].0, at(text, "the plan and its cost"));
}

#[test]
fn a_topic_after_about_is_the_content() {
    let text = "The coach told reporters about the injuries.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, at(text, "the injuries"));
    assert_eq!(v[0].1, Some(at(text, "The coach")));
    // "about" before a number is an approximation, part of the content.
    let text = "The coach told reporters about 300 fans had waited.";
    let v = spans(text);
    assert_eq!(v[0].0, at(text, "about 300 fans had waited"));
}

#[test]
fn a_content_ends_before_comma_and_a_subject_pronoun_but_an_account_goes_on() {
    let text = "The mayor said the budget was balanced, and he left the meeting early.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, at(text, "the budget was balanced"));
    // Another subject may be the source's words.
    let text = "The mayor said the budget was balanced, and taxes would fall.";
    let v = spans(text);
    assert_eq!(
        v[0].0,
        at(text, "the budget was balanced, and taxes would fall")
    );
    // "according to" attributes the whole account.
    let text = "According to police, the driver left the car, and they followed him on foot.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(
        v[0].0,
        at(
            text,
            "the driver left the car, and they followed him on foot"
        )
    );
}

#[test]
fn a_relative_word_before_the_source_opens_the_content() {
    let text = "The tax, which the mayor has said was a mistake, will end in May.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, at(text, "which the mayor has said was a mistake"));
    assert_eq!(v[0].1, Some(at(text, "the mayor")));
    let text = "The council passed a budget that the mayor believes is too small.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, at(text, "that the mayor believes is too small"));
    assert_eq!(v[0].1, Some(at(text, "the mayor")));
}

#[test]
fn a_passive_of_expecting_holds_its_subject() {
    // The forecast is of the whole clause: its subject, the cue and what is expected.
    let text = "More than 2,000 farmers from the valley are expected to join the march on Friday.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(
        v[0].0,
        at(
            text,
            "More than 2,000 farmers from the valley are expected to join the march on Friday"
        )
    );
    assert_eq!(v[0].1, None);
    assert_eq!(v[0].2, Some(at(text, "expected")));
    // A relative subject: the relative clause, up to the comma that closes it.
    let text = "The treasurer, who is expected to lose her seat, met the board.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, at(text, "who is expected to lose her seat"));
    assert_eq!(v[0].1, None);
    // A passive of asking names the hearer, not what is asked: the content stays after it.
    let text = "The treasurer was asked to resign by the end of the month.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, at(text, "to resign by the end of the month"));
    assert_eq!(v[0].1, None);
}

#[test]
fn an_evidential_relative_clause_ends_at_its_comma() {
    // "seemed tired" describes the relative's noun; the main predicate after the comma is the
    // writer's.
    let text = "The treasurer, who seemed tired and restless, left the hall early.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, at(text, "who seemed tired and restless"));
    assert_eq!(v[0].1, None);
    assert_eq!(v[0].2, Some(at(text, "seemed")));
}

#[test]
fn a_stance_object_goes_on_over_a_list() {
    // "A, B and C", "A, B, and C": the commas of a list are inside the object.
    let text = "The governor thanked the nurses, the firefighters and the volunteers.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(
        v[0].0,
        at(text, "the nurses, the firefighters and the volunteers")
    );
    let text = "The union criticized the mayor, the council, and the port authority for the delay.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(
        v[0].0,
        at(
            text,
            "the mayor, the council, and the port authority for the delay"
        )
    );
    // A clause after the comma is no item: "…, and she thanked …" ends the object.
    let text = "The union criticized the mayor, and she thanked the council.";
    let v = spans(text);
    assert_eq!(v[0].0, at(text, "the mayor"), "{v:?}");
    // Nor is a segment with a reporting verb: "as Spain and France support …".
    let text = "The rebels opposed the treaty, as Spain and France support the blockade.";
    let v = spans(text);
    assert_eq!(v[0].0, at(text, "the treaty"), "{v:?}");
}

#[test]
fn a_stance_object_goes_on_over_an_apposition_before_its_complement() {
    // "accused X, an apposition, of …": the complement after the apposition is the object's.
    let text = "The lawyer accused the clerk, a former aide, of hiding the ledgers.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(
        v[0].0,
        at(text, "the clerk, a former aide, of hiding the ledgers")
    );
    // A relative clause in that place, a little longer, too.
    let text =
        "The board praised the treasurer, who retires in May with a full pension, for her work.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(
        v[0].0,
        at(
            text,
            "the treasurer, who retires in May with a full pension, for her work"
        )
    );
    // Without a complement after it, the apposition's comma still ends the object.
    let text = "The lawyer praised the clerk, a former aide.";
    let v = spans(text);
    assert_eq!(v[0].0, at(text, "the clerk"), "{v:?}");
}

#[test]
fn a_stance_object_ends_before_as_and_a_subject_pronoun() {
    // "as she left the hall" is a time clause of the act, not part of what was thanked.
    let text = "The mayor thanked the volunteers as she left the hall.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, at(text, "the volunteers"));
    // "as" before a noun phrase is the verb's complement: "described the plan as a waste".
    let text = "The union described the plan as a waste of money.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, at(text, "the plan as a waste of money"));
}

#[test]
fn a_reported_clause_ends_before_as_and_a_subject_pronoun() {
    let text = "The coach says the team is ready as he prepares for the final.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, at(text, "the team is ready"));
    assert_eq!(v[0].1, Some(at(text, "The coach")));
    // "as" + a noun phrase stays in the clause.
    let text = "The coach says the plan will work as a model for others.";
    let v = spans(text);
    assert_eq!(
        v[0].0,
        at(text, "the plan will work as a model for others"),
        "{v:?}"
    );
}

#[test]
fn a_relative_cue_content_ends_before_the_main_clause_verb() {
    // The relative clause sits in the sentence's subject: its reported clause has one verb
    // group ("is too costly", "would have saved money"); the next is the sentence's own.
    let text = "The road plan that residents believe is too costly was put on hold.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, (14, 50));
    assert_eq!(&text[14..50], "that residents believe is too costly");
    assert_eq!(v[0].1, Some(at(text, "residents")));
    let text = "A rule that officials say would have saved money has been dropped.";
    let v = spans(text);
    assert_eq!(
        v[0].0,
        at(text, "that officials say would have saved money")
    );
    // In object position there is one verb group after the cue: the clause runs to the end.
    let text = "The council shelved a plan that residents believe is too costly.";
    let v = spans(text);
    assert_eq!(v[0].0, at(text, "that residents believe is too costly"));
}

#[test]
fn a_frequency_adverb_is_no_part_of_the_source() {
    // A reduced relative ("the deal the union always hoped to get") and a main clause: the
    // adverb of frequency stands between the source and its verb.
    let text = "It was the deal the union always hoped to get.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].1, Some((16, 25)));
    assert_eq!(&text[16..25], "the union");
    assert_eq!(v[0].0, at(text, "to get"));
    let text = "Officials sometimes say the road is safe.";
    let v = spans(text);
    assert_eq!(v[0].1, Some((0, 9)));
}

#[test]
fn a_past_tense_before_a_particle_or_adjunct_is_no_part_of_the_source() {
    // "came out against": the cue's particle follows the verb, which the source stops before.
    let text = "The nurses came out against the new shift rota.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].1, Some((0, 10)));
    assert_eq!(&text[0..10], "The nurses");
    // "met on Friday to discuss": the subject of the main clause, without its verb.
    let text = "The council met on Friday to discuss whether the pool should reopen.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, (37, 67));
    assert_eq!(v[0].1, Some((0, 11)));
    assert_eq!(&text[0..11], "The council");
}

#[test]
fn an_object_pronoun_ends_before_a_preposition() {
    // "her" is the whole object: "by a wide margin" is how the act went.
    let text = "Black voters supported her by a wide margin in the primary.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, (23, 26));
    assert_eq!(v[0].1, Some((0, 12)));
    assert_eq!(v[0].2, Some((13, 22)));
    // "as" completes the verb; a noun after "her" is its object.
    let text = "The mayor described him as a liar.";
    assert_eq!(spans(text)[0].0, (20, 33));
    let text = "The mayor praised her plan for the river.";
    assert_eq!(spans(text)[0].0, (18, 40));
}

#[test]
fn a_one_word_answer_ends_before_an_adjunct_or_a_clause() {
    // "so", "yes": the whole answer; what follows is the writer's.
    let text = "Most members said yes while the rest abstained.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, (18, 21));
    assert_eq!(v[0].1, Some((0, 12)));
    assert_eq!(v[0].2, Some((13, 17)));
    let text = "Two of the judges said so in their ruling.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, (23, 25));
    assert_eq!(&text[23..25], "so");
}

#[test]
fn a_closing_that_stands_for_what_was_said() {
    let text = "He was tired by the time he said that.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, (33, 37));
    assert_eq!(v[0].1, Some((25, 27)));
    assert_eq!(v[0].2, Some((28, 32)));
    // "that" opening a clause keeps the clause.
    let text = "She said that in May the council would vote.";
    assert_eq!(spans(text)[0].0, (9, 43));
}
