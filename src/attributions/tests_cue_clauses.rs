//! Tests of helper "cues" (rounds 17-18): cue words the rules turned down although the clause
//! around them makes them verbs (a subject before, an object after), and the hearer of "told".
//! Invented sentences, exact offsets (ASCII: byte offsets equal `str` offsets).

use super::tests::{at, spans};

/// A noun-like cue form ("support", "oppose", "blame") is a verb after its subject even with a
/// manner adverb in "-ly" between them ("voters overwhelmingly support"), as with "still".
#[test]
fn an_ly_adverb_between_subject_and_noun_form_verb() {
    let text = "Rural voters overwhelmingly support the new dam.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, (36, 47));
    assert_eq!(v[0].0, at(text, "the new dam"));
    assert_eq!(v[0].1, Some((0, 12)));
    assert_eq!(v[0].2, Some(at(text, "support")));
    // The adverb alone makes nothing a verb: "a broadly popular support base".
    assert!(spans("It has a broadly based support among farmers.").is_empty());
}

/// A stance participle with its agent set off by a comma (", opposed by the farm lobby,") or
/// closing an appositive that opens with "a" (", a move widely criticized by …") reports a
/// judgement of the noun phrase before it; without the comma it picks a noun out ("rebels
/// backed by the army"), nobody's stance.
#[test]
fn an_appositive_stance_participle_with_its_agent_judges_the_noun_before() {
    let text = "The dam bill, opposed by the farm lobby, never became law.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, (0, 12));
    assert_eq!(v[0].0, at(text, "The dam bill"));
    assert_eq!(v[0].1, Some(at(text, "the farm lobby")));
    assert_eq!(v[0].2.map(|c| c.0), Some(at(text, "opposed").0));
    let text = "The mayor dropped the fee, a move widely criticized by small shops.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, (27, 33));
    assert_eq!(v[0].0, at(text, "a move"));
    assert_eq!(v[0].1, Some(at(text, "small shops")));
    assert!(spans("Rebels backed by the army took the town.").is_empty());
}

/// A sentence that opens with a preposition or subordinator and a stance participle ("In
/// rejecting the appeal, …", "After praising the plan, …") reports the participle's object up
/// to the phrase's comma, held by the subject of the main clause after it.
#[test]
fn an_opening_stance_participle_phrase_is_held_by_the_main_subject() {
    let text = "In rejecting the appeal, the court said the rule was fair.";
    let v = spans(text);
    assert_eq!(v.len(), 2, "{v:?}");
    assert_eq!(v[0].0, (13, 23));
    assert_eq!(v[0].0, at(text, "the appeal"));
    assert_eq!(v[0].1, Some(at(text, "the court")));
    assert_eq!(v[0].2, Some(at(text, "rejecting")));
    assert_eq!(v[1].0, at(text, "the rule was fair"));
    let text = "After praising the new dam, the mayor said it was safe.";
    let v = spans(text);
    assert_eq!(v.len(), 2, "{v:?}");
    assert_eq!(v[0].0, (15, 26));
    assert_eq!(v[0].0, at(text, "the new dam"));
    assert_eq!(v[0].1, Some(at(text, "the mayor")));
    // A participle of no cue opens an adjunct only.
    let v = spans("Before reading the letter, the mayor said it was fair.");
    assert_eq!(v.len(), 1, "{v:?}");
}

/// "… when asked about the delay": a question put by nobody named; its topic after "about" is
/// the content, with no source (as "when asked whether …" reports the question).
#[test]
fn when_asked_about_reports_the_topic_without_a_source() {
    let text = "The mayor smiled when asked about the delay at the new dam.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, (34, 58));
    assert_eq!(v[0].0, at(text, "the delay at the new dam"));
    assert_eq!(v[0].1, None);
    assert_eq!(v[0].2, Some(at(text, "asked about")));
    // A bare pronoun is too short a topic.
    assert!(spans("The mayor smiled when asked about it.").is_empty());
}

/// An agent after "by" may open with an "-ing" adjective before a plural noun ("by
/// overwhelming majorities of both parties"); a gerund with its object is no agent.
#[test]
fn a_passive_agent_may_open_with_an_ing_adjective() {
    let text = "The mayor was supported by overwhelming majorities of both parties.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, (0, 9));
    assert_eq!(v[0].1, Some((27, 66)));
    assert_eq!(
        v[0].1,
        Some(at(text, "overwhelming majorities of both parties"))
    );
    assert!(spans("The plan was criticized by cutting the fee.").is_empty());
}

/// "also" stands between a subject and its verb like "still" ([frequency_adverb]): "She also
/// laid out her plan" makes the noun-like "laid" a verb after its subject (the cue is the one
/// word: "out" opens the content, as before with "She still laid out …").
#[test]
fn also_between_subject_and_noun_form_verb() {
    let text = "She also laid out her plan for the new dam.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, (14, 42));
    assert_eq!(v[0].0, at(text, "out her plan for the new dam"));
    assert_eq!(v[0].1, Some(at(text, "She")));
}

/// The opening participle phrase may follow a coordinator ("But in rejecting the appeal, …").
#[test]
fn a_coordinator_may_open_the_participle_phrase() {
    let text = "But in rejecting the appeal, the court said the rule was fair.";
    let v = spans(text);
    assert_eq!(v.len(), 2, "{v:?}");
    assert_eq!(v[0].0, (17, 27));
    assert_eq!(v[0].0, at(text, "the appeal"));
    assert_eq!(v[0].1, Some(at(text, "the court")));
    assert_eq!(v[0].2, Some(at(text, "rejecting")));
}

/// A cue form that reports nothing in its phrase: an "-ing" adjective after a degree word
/// ("the most promising path"), a retreat ("backed down"). The
/// same words still report as verbs ("promising to cut taxes", "backed the plan").
#[test]
fn adjective_and_retreat_phrases_report_nothing() {
    assert!(spans("It was the most promising path to a deal.").is_empty());
    assert!(spans("The test was much more demanding for small firms.").is_empty());
    assert!(spans("The state party eventually backed down on the fee.").is_empty());
    let text = "The union backed the plan to widen the road.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, (17, 43));
    assert_eq!(v[0].0, at(text, "the plan to widen the road"));
    assert_eq!(v[0].1, Some(at(text, "The union")));
}

/// Round 18: the hearer of "told" may be a noun phrase, a determiner and up to three words
/// ending in a hearer noun ("his closest advisers", "a Senate panel") or capitalised words
/// ("the Harbor Times"); what follows it is the content, and a hearer alone reports nothing.
#[test]
fn a_hearer_noun_phrase_after_told_is_no_content() {
    let text = "The mayor told his closest advisers the ferry would stop in May.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, (36, 63));
    assert_eq!(v[0].0, at(text, "the ferry would stop in May"));
    assert_eq!(v[0].1, Some(at(text, "The mayor")));
    assert!(spans("The mayor told the Harbor Times on Monday.").is_empty());
    assert!(spans("The mayor told a Senate panel Wednesday.").is_empty());
    // What was told is no hearer, nor is a name that modifies a noun after it.
    let text = "The mayor told a joke about the ferry.";
    assert_eq!(spans(text)[0].0, at(text, "a joke about the ferry"));
    let text = "The mayor told the Obama administration the ferry would stop.";
    assert_eq!(
        spans(text)[0].0,
        at(text, "the Obama administration the ferry would stop")
    );
}

/// Before an infinitive the person asked or told stays in the content ("asked the harbor
/// committee to delay the vote"), as the annotation keeps it.
#[test]
fn a_hearer_before_an_infinitive_stays_in_the_content() {
    let text = "The mayor asked the harbor committee to delay the vote.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, (16, 54));
    assert_eq!(v[0].0, at(text, "the harbor committee to delay the vote"));
    let text = "The mayor told his aides to wait for the vote.";
    assert_eq!(spans(text)[0].0, at(text, "his aides to wait for the vote"));
}

/// "want" is a verb wherever it takes an object ("About 4 in 10 want a new bridge", "… and want
/// their land back"): unlike "plan" or "support" it is no noun in news, so it needs no subject
/// test before it.
#[test]
fn want_with_an_object_needs_no_subject_test() {
    let text = "About 4 in 10 want a new bridge.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, (19, 31));
    assert_eq!(v[0].0, at(text, "a new bridge"));
    assert_eq!(v[0].2, Some(at(text, "want")));
    let text = "The farmers marched on Monday and want their land back.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, at(text, "their land back"));
    assert_eq!(v[0].1, Some(at(text, "The farmers")));
}

/// "A, as the mayor has said.": a verb of saying after ", as" credits the clause before the
/// comma to its subject, as "A, the mayor said." does.
#[test]
fn as_after_a_comma_opens_a_postposed_source() {
    let text = "The ferry will close in May, as some have speculated.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, (0, 27));
    assert_eq!(v[0].0, at(text, "The ferry will close in May"));
    assert_eq!(v[0].1, Some(at(text, "some")));
    assert_eq!(v[0].2, Some(at(text, "speculated")));
    let text = "The ferry lost money, as the mayor has said.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, at(text, "The ferry lost money"));
    assert_eq!(v[0].1, Some(at(text, "the mayor")));
}

/// A reporting participle after a comma speaks for the sentence's subject also when the
/// sentence opens with "But" or "And" ("But the mayor went further, praising …"): the
/// participle's own comma is no opening clause's end.
#[test]
fn a_participle_after_a_coordinator_opened_sentence_takes_its_subject() {
    let text = "But the mayor went further, praising the new ferry.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, (37, 50));
    assert_eq!(v[0].0, at(text, "the new ferry"));
    assert_eq!(v[0].1, Some(at(text, "the mayor")));
    assert_eq!(v[0].2, Some(at(text, "praising")));
    let text = "And she tried to calm the crowd, noting that the ferry was safe.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, at(text, "that the ferry was safe"));
    assert_eq!(v[0].1, Some(at(text, "she")));
}

/// In a Title Case headline an adverb before the verb ("Just", "Also") is capitalised like
/// the name before it, but is no part of it: "Mayor Ana Ruiz Just Praised …" is Ana Ruiz's.
#[test]
fn a_title_case_adverb_before_the_verb_is_no_part_of_the_name() {
    let text = "Mayor Ana Ruiz Just Praised The New Ferry Plan";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, (28, 46));
    assert_eq!(v[0].0, at(text, "The New Ferry Plan"));
    assert_eq!(v[0].1, Some(at(text, "Mayor Ana Ruiz")));
    assert_eq!(v[0].2, Some(at(text, "Praised")));
}

/// A noun-like stance verb takes a gerund as its object ("senators support reforming the
/// board"), as it takes a noun phrase; a preposition in "-ing" ("support during the strike")
/// is no object.
#[test]
fn a_noun_form_stance_verb_takes_a_gerund_object() {
    let text = "Many rural senators support reforming the ferry board.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, (28, 53));
    assert_eq!(v[0].0, at(text, "reforming the ferry board"));
    assert_eq!(v[0].1, Some(at(text, "Many rural senators")));
    assert_eq!(v[0].2, Some(at(text, "support")));
    assert!(spans("The union support during the strike was strong.").is_empty());
}

/// "“…,” X said, according to Y": Y reports the quote and X's saying it, a mixed attribution
/// from the quote's opening mark to the comma before "according" (past a quote part that
/// follows), which holds the quote's own direct attribution.
#[test]
fn according_to_after_a_quote_reports_the_quote_and_its_speaker() {
    let text = "\"The ferry will run again by spring,\" the mayor said at a briefing, \
                according to the local radio station.";
    let v = super::tests::view(text);
    let acc: Vec<_> = v
        .iter()
        .filter(|a| a.2.as_deref() == Some("according to"))
        .collect();
    assert_eq!(acc.len(), 1, "{v:?}");
    let want = "\"The ferry will run again by spring,\" the mayor said at a briefing";
    assert_eq!(acc[0].0, want);
    assert_eq!(acc[0].1.as_deref(), Some("the local radio station"));
    assert_eq!(acc[0].3, "mixed");
    // The quote's own attribution is nested in the account: left out without nesting.
    assert_eq!(v.len(), 1, "{v:?}");
    let all = super::extract_with(text, &crate::segment::split(text), true).attributions;
    assert_eq!(all.len(), 2, "{all:?}");
    let mayor = all
        .iter()
        .position(|a| a.source.is_some_and(|s| s.of(text) == "the mayor"));
    let outer = all
        .iter()
        .position(|a| a.kind == super::AttributionKind::Mixed);
    assert!(mayor.is_some() && outer.is_some(), "{all:?}");
    assert_eq!(mayor.and_then(|m| all[m].nested_in), outer);
    // More of the sentence after the source is no part of this account.
    let text = "\"We are ready,\" the mayor said, according to the paper, and left the hall.";
    let v = super::tests::view(text);
    assert!(
        v.iter().all(|a| a.2.as_deref() != Some("according to")),
        "{v:?}"
    );
}

/// An opening time phrase written without a comma ("On Tuesday she …", "Last week the
/// mayor …") is no part of the subject a participle after the verb's object continues.
#[test]
fn a_participle_after_a_comma_less_time_opening_takes_the_subject() {
    let text = "On Tuesday she closed the ferry line, saying the old boats were unsafe.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, at(text, "the old boats were unsafe"));
    assert_eq!(v[0].1, Some(at(text, "she")));
    assert_eq!(v[0].2, Some(at(text, "saying")));
    let text = "Last week the mayor closed the pier, arguing that it had become unsafe.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].1, Some(at(text, "the mayor")));
}

/// "raised questions about X": the subject questions X, as "questioned X" would; a doubt
/// noun is no stance noun after other verbs ("answered questions about"), and a thing that
/// raises a doubt ("the figures") is nobody's source.
#[test]
fn raised_questions_about_report_the_subjects_doubt() {
    let text = "Senator Okafor has raised new questions about the bridge contract.";
    let v = super::tests::view(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, "the bridge contract");
    assert_eq!(v[0].1.as_deref(), Some("Senator Okafor"));
    assert_eq!(v[0].2.as_deref(), Some("questions about"));
    let text = "On Monday they raised doubts about the harbour budget.";
    let v = super::tests::view(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].1.as_deref(), Some("they"), "{v:?}");
    let text = "The new figures raised serious concerns about the harbour budget.";
    let v = super::tests::view(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, "the harbour budget");
    assert_eq!(v[0].1, None, "{v:?}");
    let text = "Parents who raised concerns about the harbour budget were thanked.";
    let v = super::tests::view(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].1.as_deref(), Some("who"), "{v:?}");
    let text = "The mayor answered questions about the bridge contract.";
    let v = super::tests::view(text);
    assert!(v.is_empty(), "{v:?}");
}

/// "polls that show X": a base-form finding verb after a relative pronoun that stands for a
/// plural finding noun reports X, as "polls show X" does.
#[test]
fn findings_that_show_report_their_clause() {
    let text = "The campaign released polls that show Okafor is trailing in the county.";
    let v = super::tests::view(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, "Okafor is trailing in the county");
    assert_eq!(v[0].2.as_deref(), Some("show"));
    assert_eq!(v[0].1.as_deref(), Some("polls"));
    // A relative pronoun after another noun does not make the base form a verb.
    let text = "The station aired segments that show Okafor at the rally.";
    let v = super::tests::view(text);
    assert!(v.is_empty(), "{v:?}");
}

/// "point(s) out that X": a cue form that is more often a noun is a verb before the particle
/// "out" of its phrasal cue; "points out of 10" stays a noun.
#[test]
fn point_out_is_a_verb_before_its_particle() {
    let text = "Harbour workers point out that the ferry contract expired in March.";
    let v = super::tests::view(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, "that the ferry contract expired in March");
    assert_eq!(v[0].1.as_deref(), Some("Harbour workers"));
    assert_eq!(v[0].2.as_deref(), Some("point out"));
    let text = "The council also points out that the ferry contract expired.";
    let v = super::tests::view(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].1.as_deref(), Some("The council"), "{v:?}");
    let text = "The ferry crew earned eight points out of ten in the review.";
    let v = super::tests::view(text);
    assert!(v.is_empty(), "{v:?}");
}

/// "note" reports a clause like "notes" ("Harbour experts note that X"), under the noun-form
/// tests; a possessive before it is no plural subject ("Editor's note: X" is a label).
#[test]
fn note_reports_a_clause_but_not_after_a_possessive() {
    let text = "Harbour experts note that the ferry contract expired in March.";
    let v = super::tests::view(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, "that the ferry contract expired in March");
    assert_eq!(v[0].1.as_deref(), Some("Harbour experts"));
    assert_eq!(v[0].2.as_deref(), Some("note"));
    let text = "Editor's note: the ferry contract expired in March.";
    let v = super::tests::view(text);
    assert!(v.is_empty(), "{v:?}");
}

/// "declined" takes a noun object as a stance verb ("declined an interview request"), beside
/// its infinitive ("declined to comment").
#[test]
fn declined_takes_a_noun_object() {
    let text = "The harbour master declined an interview request from the Tide Gazette.";
    let v = super::tests::view(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, "an interview request from the Tide Gazette");
    assert_eq!(v[0].1.as_deref(), Some("The harbour master"));
    assert_eq!(v[0].2.as_deref(), Some("declined"));
}

/// An adjunct of the act ("at a meeting", "in an interview") ends a stance verb's object, but
/// after a gerund in the object it is the gerund's ("accused the mayor of misleading voters at
/// a public meeting"); without a gerund the adjunct still ends it.
#[test]
fn an_adjunct_after_a_gerund_stays_in_the_object() {
    let text = "The union accused the mayor of misleading voters at a public meeting in May.";
    let v = super::tests::view(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(
        v[0].0,
        "the mayor of misleading voters at a public meeting in May"
    );
    let text = "The union criticized the mayor during a public meeting in May.";
    let v = super::tests::view(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, "the mayor");
}

/// "pressed" puts a question like "asked" ([question_cue]): after a subordinator it reports
/// the question with no source ("… said when pressed whether …").
#[test]
fn pressed_puts_a_question_like_asked() {
    let text = "“No,” the harbour master said when pressed whether the ferry would run again.";
    let v = super::tests::view(text);
    let q: Vec<_> = v.iter().filter(|a| a.3 == "indirect").collect();
    assert_eq!(q.len(), 1, "{v:?}");
    assert_eq!(q[0].0, "whether the ferry would run again");
    assert_eq!(q[0].1, None);
    assert_eq!(q[0].2.as_deref(), Some("pressed"));
}

/// "over" opens a stance noun's object as "for" does ("faced criticism over the delay",
/// [stance_noun_object]); met, the criticism still has no source.
#[test]
fn over_opens_a_stance_nouns_object() {
    let text = "The port authority faced sharp criticism over its handling of the ferry strike.";
    let v = super::tests::view(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, "its handling of the ferry strike");
    assert_eq!(v[0].1, None);
}
