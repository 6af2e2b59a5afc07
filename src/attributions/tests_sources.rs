//! Tests of who the source is (round 12, helper "sources"), in invented sentences with exact
//! offsets (the sentences are ASCII, so byte offsets equal `str` offsets).

use super::tests::{at, spans};

/// A passive of asking or telling names its asker after "by": "was asked by reporters whether
/// …" has the reporters as source; without an agent the source stays unnamed.
#[test]
fn the_agent_of_a_passive_of_saying_is_its_source() {
    let text = "The senator was asked by a reporter whether she would run again.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, (36, 63));
    assert_eq!(v[0].1, Some((25, 35)));
    assert_eq!(v[0].1, Some(at(text, "a reporter")));
    let text = "Ruiz was told by aides that the budget would pass.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].1, Some(at(text, "aides")));
    assert_eq!(v[0].1, Some((17, 22)));
    // A question word after the agent opens the content.
    let text = "Ruiz was asked by reporters how the city would pay.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].1, Some((18, 27)));
    assert_eq!(v[0].0, at(text, "how the city would pay"));
    // No agent: nobody named asked.
    let text = "The senator was asked whether she would run again.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].1, None);
}

/// A sentence opening with "Asked by …" names the asker: the question follows the agent.
#[test]
fn an_opening_asked_by_names_the_asker() {
    let text = "Asked by reporters whether the plan would pass, the mayor smiled.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, (19, 46));
    assert_eq!(v[0].0, at(text, "whether the plan would pass"));
    assert_eq!(v[0].1, Some((9, 18)));
    assert_eq!(v[0].2, Some(at(text, "Asked")));
    // Without an agent the question has no source.
    let v = spans("Asked whether the plan would pass, the mayor smiled.");
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].1, None);
}

/// An adverb without "-ly" between the auxiliary and a participle of saying keeps the passive:
/// "was not asked", "is also expected" name no speaker in their subject.
#[test]
fn a_negated_passive_of_saying_names_no_speaker() {
    let text = "The treasurer was also asked whether the city could pay.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, (29, 55));
    assert_eq!(v[0].0, at(text, "whether the city could pay"));
    assert_eq!(v[0].1, None);
    assert_eq!(v[0].2, Some(at(text, "asked")));
    let text = "The treasurer was not told that the city could pay.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].1, None);
    // An experiencer keeps its subject: "is not convinced" holds a view.
    let text = "The treasurer is not convinced that the city could pay.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].1, Some((0, 13)));
}

/// A passive judgement with "best", "well" or "not" before its participle is still passive:
/// "is best known for" reports how the subject is known, by nobody named ("best" is no source).
#[test]
fn a_judgement_known_best_has_no_source() {
    let text = "The senator is best known for her work on farm policy.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].1, None, "{v:?}");
    assert_eq!(v[0].2, Some((20, 25)), "{v:?}");
    assert_eq!(v[0].2, Some(at(text, "known")), "{v:?}");
}

/// "that" right after a noun, before a cue, is the relative subject and the source ("a group
/// that says …", as "who" is); after a verb it opens a clause and is no source.
#[test]
fn a_relative_that_after_a_noun_is_the_source() {
    let text = "He leads a group that says the tax is unfair.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].1, Some((17, 21)));
    assert_eq!(v[0].1, Some(at(text, "that")));
    assert_eq!(v[0].0, (27, 44));
    assert_eq!(v[0].0, at(text, "the tax is unfair"));
    // A relative "that" names nobody by itself: no speaker.
    let found = super::tests::run(text);
    assert_eq!(found[0].speaker, None, "{found:?}");
    // After a verb "that" opens its clause: the source of "show" is "polls".
    let text = "Most experts agreed that polls show a tight race.";
    let v = spans(text);
    let show = v.iter().find(|a| a.2 == Some(at(text, "show")));
    assert!(show.is_none_or(|a| a.1 == Some(at(text, "polls"))), "{v:?}");
}

/// "when asked by reporters how …": a question cue after a lower-case "when" is a reduced
/// passive, and its agent is the source (not the subject of the main clause).
#[test]
fn when_asked_by_names_the_asker() {
    let text = "The mayor smiled when asked by reporters how the city would pay.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, (41, 63));
    assert_eq!(v[0].0, at(text, "how the city would pay"));
    assert_eq!(v[0].1, Some((31, 40)));
    assert_eq!(v[0].1, Some(at(text, "reporters")));
    assert_eq!(v[0].2, Some(at(text, "asked")));
}

/// A quantifier floated between a subject and its verb ("have both said", "all say") stands
/// for the subject before it, which is the source; opening the clause it is the source itself.
#[test]
fn a_floating_quantifier_leaves_the_source_to_its_subject() {
    let text = "The senators have both said the plan is too costly.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].1, Some((0, 12)));
    assert_eq!(v[0].1, Some(at(text, "The senators")));
    assert_eq!(v[0].0, at(text, "the plan is too costly"));
    let text = "The unions all say the plan is too costly.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].1, Some(at(text, "The unions")));
    let text = "Both said the plan is too costly.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].1, Some((0, 4)));
}

/// A noun phrase after a preposition that follows another one modifies it: "Officials at the
/// agency said" is the officials' (the source is the whole phrase, not "the agency").
#[test]
fn a_source_takes_its_prepositional_modifier() {
    let text = "Officials at the agency said the plan was costly.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].1, Some((0, 23)));
    assert_eq!(v[0].1, Some(at(text, "Officials at the agency")));
    assert_eq!(v[0].0, at(text, "the plan was costly"));
    // Not over "by" (an agent) or a clause link.
    let text = "The mayor left and aides said the plan was costly.";
    let v = spans(text);
    let said = v
        .iter()
        .find(|a| a.2 == Some(at(text, "said")))
        .expect("said");
    assert_eq!(said.1, Some(at(text, "aides")), "{v:?}");
}

/// An adjunct between a subject pronoun or "who" and the verb is no source: "Ruiz, who in the
/// past has said …" is said by "who" (Ruiz), not by "the past".
#[test]
fn an_adjunct_after_a_pronoun_subject_is_no_source() {
    let text = "Ruiz, who in the past has said the plan was costly, left.";
    let v = spans(text);
    let said = v
        .iter()
        .find(|a| a.2 == Some(at(text, "said")))
        .expect("said");
    assert_eq!(said.1, Some((6, 9)), "{v:?}");
    let text = "She in recent weeks has said the plan was costly.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].1, Some((0, 3)));
    assert_eq!(v[0].0, at(text, "the plan was costly"));
}

/// An expletive subject ("There are fears …", "there were reports …") refers to nothing: the
/// clause reports what nobody named holds, so it has no source (it was "There").
#[test]
fn an_expletive_there_is_no_source() {
    let text = "There are fears the bridge will close before the holiday weekend.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, (16, 64));
    assert_eq!(v[0].1, None);
    let text = "In the capital, there are worries the strike will spread to the ports.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, (34, 69));
    assert_eq!(v[0].0, at(text, "the strike will spread to the ports"));
    assert_eq!(v[0].1, None);
    let text = "The engineers fear the bridge will close before the holiday weekend.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].1, Some((0, 13)));
    assert_eq!(v[0].1, Some(at(text, "The engineers")));
}

/// A written work opening the sentence ("In an opinion piece, …", "In a new book, …") does not
/// speak when the clause after it names its author with a cue of its own: the author does.
#[test]
fn the_author_after_an_opening_written_work_is_the_source() {
    let text =
        "In an opinion piece published on Monday, the senator wrote that the tax plan would fail.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, (59, 87));
    assert_eq!(v[0].0, at(text, "that the tax plan would fail"));
    assert_eq!(v[0].1, Some((41, 52)));
    assert_eq!(v[0].2, Some(at(text, "wrote")));
    let text = "In a new book, the former envoy says the talks were doomed.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].1, Some((15, 31)));
    assert_eq!(v[0].0, (37, 58));
    // A poll speaks through the clause after it: it stays the source.
    let text = "In a poll released on Monday, most voters opposed the new tax.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].1, Some(at(text, "a poll released on Monday")));
}

/// An adverbial phrase opening the sentence before a comma ("For months, …", "Despite the
/// delay, …", "This year, …") is no subject: a participle of saying later in the sentence
/// takes the subject after the comma.
#[test]
fn an_opening_adjunct_is_not_the_sentence_subject() {
    let text =
        "For months, the senator has stayed out of the race, arguing that voters should decide.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].1, Some((12, 23)));
    assert_eq!(v[0].1, Some(at(text, "the senator")));
    assert_eq!(v[0].0, (60, 85));
    let text =
        "Despite the delay, the senator stayed out of the race, arguing that voters should decide.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].1, Some((19, 30)));
    let text = "This year, the senator stayed out of the race, arguing that voters should decide.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].1, Some((11, 22)));
}

/// A dateline ("WASHINGTON (Reuters) - …", "NEW YORK — …") opens the first sentence of many
/// reports: the subject follows its dash. A name before a dashed aside stays the subject. (The
/// em dashes are three bytes: offsets here are byte offsets.)
#[test]
fn a_dateline_is_not_the_sentence_subject() {
    let text = "WASHINGTON (Reuters) - The senator stayed out of the race, arguing that voters should decide.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].1, Some((23, 34)));
    assert_eq!(v[0].1, Some(at(text, "The senator")));
    let text =
        "NEW YORK \u{2014} The senator stayed out of the race, arguing that voters should decide.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].1, Some(at(text, "The senator")));
    let text = "Ruiz \u{2014} who led the union for years \u{2014} opposes the plan, arguing that it costs too much.";
    let v = spans(text);
    assert_eq!(v.len(), 2, "{v:?}");
    assert!(v.iter().all(|a| a.1.is_some_and(|s| s.0 == 0)), "{v:?}");
}

/// An adverb without "-ly" between a subject and its verb ("has twice complained", "would only
/// say") is no source: the subject before it is. After a determiner the word is an adjective
/// ("the only one who said"), not skipped.
#[test]
fn a_bare_adverb_before_the_cue_is_no_source() {
    let text = "The veterans group has twice complained that the ads misuse its logo.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, at(text, "that the ads misuse its logo"));
    assert_eq!(v[0].1, Some((0, 18)));
    assert_eq!(v[0].1, Some(at(text, "The veterans group")));
    let text = "The senator would only say that the vote was close.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].1, Some(at(text, "The senator")));
}

/// A dateline may hold the day's number ("DENVER, May 3 (Wire) — …"): the subject after its
/// dash speaks on through a participle cue, not the city.
#[test]
fn a_dateline_with_a_date_is_no_source() {
    let text =
        "DENVER, May 3 (Wire) - The governor signed the bill, saying the state would recover.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, at(text, "the state would recover"));
    assert_eq!(v[0].1, Some((23, 35)));
    assert_eq!(v[0].1, Some(at(text, "The governor")));
}

/// The sentence's subject, which a participle cue continues, ends before an adverb between it
/// and its verb ("After the vote, Ruiz only waved …, adding …"); after a determiner the word
/// belongs to the phrase ("the only member").
#[test]
fn the_sentence_subject_ends_before_an_adverb() {
    let text = "After the vote, Ruiz only waved to the crowd, adding that the work would go on.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, at(text, "that the work would go on"));
    assert_eq!(v[0].1, Some((16, 20)));
    assert_eq!(v[0].1, Some(at(text, "Ruiz")));
}

/// "echoed" introduces a quote like "said" ("Ruiz echoed: “…”"): the quote's source is the
/// name before it (it was a stance cue only, and the quote had no speaker).
#[test]
fn echoed_before_a_colon_introduces_a_quote() {
    let text = "The vote was close.\n\nAna Ruiz echoed:\n\n\u{201c}We will win this one.\u{201d}";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, at(text, "\u{201c}We will win this one.\u{201d}"));
    assert_eq!(v[0].1, Some((21, 29)));
    assert_eq!(v[0].1, Some(at(text, "Ana Ruiz")));
}

/// The slot between a quote and its cue holds a description with the phrase that says who it
/// is ("a spokesman for the campaign said") or opened by "some", "several", "two", "three"
/// ("some protesters chanted"): the quote's source either way.
#[test]
fn a_slot_source_keeps_its_phrase_and_takes_more_determiners() {
    let text = "The vote was on Monday. \"We will win,\" a spokesman for the campaign said.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, at(text, "\"We will win,\""));
    assert_eq!(v[0].1, Some(at(text, "a spokesman for the campaign")));
    assert_eq!(v[0].1, Some((39, 67)));
    let text = "The vote was on Monday. \"We will win,\" some protesters chanted.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].1, Some(at(text, "some protesters")));
}

/// "“…,” his press secretary, Ana Ruiz, said": the speaker is the name's entity, and the
/// source as written spans the description before it too, as newsdev's speakers do.
#[test]
fn a_description_before_a_named_speaker_is_part_of_the_source() {
    let text = "The vote was on Monday. \"We will win,\" his press secretary, Ana Ruiz, said.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].1, Some(at(text, "his press secretary, Ana Ruiz")));
    assert_eq!(v[0].1, Some((39, 68)));
}

/// An "-ly" adverb between the sentence's subject and its verb ends the subject as a
/// [frequency_adverb] does ("Ruiz quietly waved …, adding …"): the source is the name.
#[test]
fn the_sentence_subject_ends_before_an_ly_adverb() {
    let text = "After the vote, Ruiz quietly waved to the crowd, adding that the work would go on.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, at(text, "that the work would go on"));
    assert_eq!(v[0].1, Some((16, 20)));
    assert_eq!(v[0].1, Some(at(text, "Ruiz")));
}

/// A reduced passive after "when" ("when questioned after the debate") has the one asked as
/// its subject: no attribution, and the time adjunct after it is no content.
#[test]
fn a_reduced_passive_after_when_is_no_attribution() {
    let text = "Ana Ruiz abruptly left the stage when questioned after the debate.";
    let v = spans(text);
    assert!(v.is_empty(), "{v:?}");
    let text = "Ana Ruiz left the stage when questioned by reporters.";
    let v = spans(text);
    assert!(v.is_empty(), "{v:?}");
}

/// The sentence's subject after an opening participle phrase and its comma ("Speaking to
/// reporters, the mayor …") is the source, not the phrase.
#[test]
fn an_opening_participle_phrase_is_not_the_sentence_subject() {
    let text = "Speaking to reporters in the hall, the mayor waved to the crowd, adding that the \
                budget would pass.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, at(text, "that the budget would pass"));
    assert_eq!(v[0].1, Some((35, 44)));
    assert_eq!(v[0].1, Some(at(text, "the mayor")));
}

/// After a content before "according to X", ", but" opens the writer's next clause: the
/// account ends at the source, and the clause after "but" has its own attribution.
#[test]
fn according_to_after_a_content_stops_at_comma_but() {
    let text = "Ruiz leads the race by 40 votes according to a count by the party, but her rival \
                has vowed to fight on.";
    let v = spans(text);
    assert_eq!(v.len(), 2, "{v:?}");
    assert_eq!(v[0].0, (0, 31));
    assert_eq!(v[0].0, at(text, "Ruiz leads the race by 40 votes"));
    assert_eq!(v[0].1, Some(at(text, "a count by the party")));
    assert_eq!(v[1].0, at(text, "to fight on"));
    assert_eq!(v[1].1, Some(at(text, "her rival")));
}

/// A place in an opening adjunct may carry its state's abbreviation after a comma ("In a court
/// in Austin, Tex., …"): the abbreviation is no subject, the words after its comma are. After a
/// dateline an opening adjunct is skipped too ("TRENTON, N.J. - At a union hall, …").
#[test]
fn a_state_after_an_opening_place_is_no_source() {
    let text = "In a court in Austin, Tex., Ruiz answered briefly, saying she was sorry.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, at(text, "she was sorry"));
    assert_eq!(v[0].1, Some((28, 32)));
    assert_eq!(v[0].1, Some(at(text, "Ruiz")));
    let text = "TRENTON, N.J. - At a union hall last week, the governor addressed workers, saying the plan would fail.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].1, Some((43, 55)));
    assert_eq!(v[0].1, Some(at(text, "the governor")));
}

/// A time phrase opening the sentence before its comma ("A month later, …", "The day before,
/// …") is no subject, nor is a second adjunct after it ("…, at a rally in Reno, Nev., …"); a
/// clause with its verb before the comma keeps its subject ("The mayor spoke later, …").
#[test]
fn an_opening_time_phrase_is_not_the_sentence_subject() {
    let text =
        "A month later, the senator visited the border and explained why the wall would work.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, at(text, "why the wall would work"));
    assert_eq!(v[0].1, Some((15, 26)));
    assert_eq!(v[0].1, Some(at(text, "the senator")));
    let text = "The day before, at a rally in Reno, Nev., the senator was blunt, claiming the vote was rigged.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].1, Some((42, 53)));
    assert_eq!(v[0].1, Some(at(text, "the senator")));
}

/// An opening participle phrase may hold an adverb a subject could hold too ("Speaking earlier
/// in Reno, the senator …"): it is still a phrase, not the subject.
#[test]
fn an_opening_phrase_with_an_adverb_is_not_the_sentence_subject() {
    let text =
        "Speaking earlier in Reno, the senator waved to the crowd, saying the plan would pass.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, at(text, "the plan would pass"));
    assert_eq!(v[0].1, Some((26, 37)));
    assert_eq!(v[0].1, Some(at(text, "the senator")));
}

/// An "-ing" cue right after the object of a past verb reports for the verb's subject: the
/// council, not its resolution; the studio, not its video. After a preposition the noun
/// phrase before the participle stays its source.
#[test]
fn an_ing_cue_after_a_past_verb_object_takes_the_verb_subject() {
    let text = "The city council on Monday approved a resolution condemning the new border policy.";
    let v = spans(text);
    let cue = v
        .iter()
        .find(|a| a.2 == Some(at(text, "condemning")))
        .expect("condemning");
    assert_eq!(cue.1, Some((0, 16)), "{v:?}");
    assert_eq!(cue.1, Some(at(text, "The city council")));
    let text = "The studio released a short video saying the film would open in May.";
    let v = spans(text);
    let cue = v
        .iter()
        .find(|a| a.2 == Some(at(text, "saying")))
        .expect("saying");
    assert_eq!(cue.1, Some((0, 10)), "{v:?}");
    let text = "The governor signed an order on Monday urging schools to close early.";
    let v = spans(text);
    let cue = v
        .iter()
        .find(|a| a.2 == Some(at(text, "urging")))
        .expect("urging");
    assert_eq!(cue.1, Some((0, 12)), "{v:?}");
    let text = "The senator is making a pitch to farmers saying the bill will pass.";
    let v = spans(text);
    let cue = v
        .iter()
        .find(|a| a.2 == Some(at(text, "saying")))
        .expect("saying");
    assert_eq!(cue.1, Some((0, 11)), "{v:?}");
    let text = "The donors gave money to a group backing the mayor's rival.";
    let v = spans(text);
    let cue = v.iter().find(|a| a.2 == Some(at(text, "backing")));
    assert!(
        cue.is_none_or(|c| c.1 == Some(at(text, "a group"))),
        "{v:?}"
    );
}

/// A verb that continues a subordinate clause ("… when Ana Ruiz took the stage and said …")
/// has that clause's subject as source, not the main clause's; a preposition that looks like
/// a subordinator ("after the vote, saying") leaves the main subject.
#[test]
fn a_verb_continuing_a_subordinate_clause_takes_its_subject() {
    let text = "The crowd cheered when Ana Ruiz took the stage and said the plant would stay open.";
    let v = spans(text);
    let said = v
        .iter()
        .find(|a| a.2 == Some(at(text, "said")))
        .expect("said");
    assert_eq!(said.1, Some((23, 31)), "{v:?}");
    assert_eq!(said.1, Some(at(text, "Ana Ruiz")));
    // A subordinate clause that opens the sentence, or closes at a comma of its own, hands
    // the verb back to the main clause.
    let text = "Just before the vote began, the mayor stood up and said the plan was fair.";
    let v = spans(text);
    let said = v
        .iter()
        .find(|a| a.2 == Some(at(text, "said")))
        .expect("said");
    assert_eq!(said.1, Some(at(text, "the mayor")), "{v:?}");
    let text = "The mayor left after the vote, saying the plan was fair.";
    let v = spans(text);
    let saying = v
        .iter()
        .find(|a| a.2 == Some(at(text, "saying")))
        .expect("saying");
    assert_eq!(saying.1.map(|s| s.0), Some(0), "{v:?}");
}
