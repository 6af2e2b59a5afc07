//! Where contents end (round 14): exact offsets, in invented sentences.

use super::tests::{at, run, spans};

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

#[test]
fn a_closing_relative_clause_with_its_own_source_is_its_own_attribution() {
    // The aides' verdict is theirs, not the senator's.
    let text = "The senator said the bill was dead, which his aides said was a relief.";
    let v = spans(text);
    assert_eq!(v.len(), 2, "{v:?}");
    assert_eq!(v[0].0, (17, 34));
    assert_eq!(v[0].1, Some((0, 11)));
    assert_eq!(v[1].0, (36, 69));
    assert_eq!(v[1].1, Some((42, 51)));
    let text = "She urged the board to keep the clinic open, which the nurses had asked for.";
    let v = spans(text);
    assert_eq!(v.len(), 2, "{v:?}");
    assert_eq!(content(text, 0), "the board to keep the clinic open");
    assert_eq!(content(text, 1), "which the nurses had asked for");
    // A relative clause closed by a comma is an aside inside the content.
    let text = "The judge ruled that the plan, which the mayor said was costly, would stand.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(
        content(text, 0),
        "that the plan, which the mayor said was costly, would stand"
    );
}

#[test]
fn a_short_subordinate_aside_stays_inside_the_content() {
    // ", while troublesome," sits between the subject and its predicate.
    let text = "The official said the scandal, while troublesome, was handled well.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, (18, 66));
    // A subordinate clause after the whole clause is still the writer's.
    let text = "The coach said the team was tired, although it won the match.";
    assert_eq!(content(text, 0), "the team was tired");
    // So is one before a new subject.
    let text = "The coach said the team was tired, when asked, he smiled.";
    assert_eq!(content(text, 0), "the team was tired");
}

#[test]
fn in_a_statement_or_interview_is_how_it_was_said_not_what() {
    // A clause content ends before "in" + a determiner + a medium of speech.
    let text = "The mayor said the bridge would reopen soon in a brief statement on Monday.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, (15, 43));
    // So does a stance verb's object ("during" too).
    let text = "The governor praised the nurses during her televised speech.";
    assert_eq!(content(text, 0), "the nurses");
    // Other "in" phrases stay in the content.
    let text = "The mayor said the bridge would reopen in a few weeks.";
    assert_eq!(content(text, 0), "the bridge would reopen in a few weeks");
}

#[test]
fn a_participle_of_consequence_after_a_comma_is_the_writers() {
    // What the announcement led to is the writer's account, not the minister's words.
    let text = "The minister announced that the plant would close, prompting protests in the town.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, (23, 49));
    let text = "The senator said she would not run again, throwing the primary wide open.";
    assert_eq!(content(text, 0), "she would not run again");
    // Another participle after a comma still belongs to the content.
    let text = "The coach said the players were tired, having flown all night.";
    assert_eq!(
        content(text, 0),
        "the players were tired, having flown all night"
    );
}

#[test]
fn and_a_new_noun_subject_with_its_verb_is_the_writers_next_clause() {
    // ", and the market barely moved": a clause of the writer's with its own subject.
    let text = "The analyst said the rate cut was expected, and the market barely moved.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, (17, 42));
    // Without a verb the noun phrase joins the content.
    let text = "The report said the fire reached several homes, and the school nearby.";
    assert_eq!(
        content(text, 0),
        "the fire reached several homes, and the school nearby"
    );
}

#[test]
fn comma_and_a_second_predicate_ends_a_clause_content() {
    // The source's next act after ", and" is no part of what it said.
    let text = "The mayor said the budget was balanced, and walked out of the meeting.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(content(text, 0), "the budget was balanced");
    let text = "The governor said the roads were safe, and has since ordered an audit.";
    assert_eq!(content(text, 0), "the roads were safe");
    // A noun phrase after ", and" stays in the content.
    let text = "The mayor said the budget was balanced, and the debt low.";
    assert_eq!(
        content(text, 0),
        "the budget was balanced, and the debt low"
    );
}

#[test]
fn and_a_participle_with_its_object_ends_a_stance_object() {
    // The source's next act, parallel to the cue: not part of what it called him.
    let text = "The mayor was calling him a liar and accusing him of fraud.";
    let v = spans(text);
    assert_eq!(content(text, 0), "him a liar", "{v:?}");
    let text = "The senator praised the harbour plan and visiting the port was her next stop.";
    assert_eq!(content(text, 0), "the harbour plan");
    // A gerund before a noun stays in the object.
    let text = "The senator praised the tax plan and spending cuts.";
    assert_eq!(content(text, 0), "the tax plan and spending cuts");
    // Nor is a gerund the object's own gerund joins.
    let text = "The council accused him of hiding the report and stalling the inquiry.";
    assert_eq!(
        content(text, 0),
        "him of hiding the report and stalling the inquiry"
    );
}

#[test]
fn a_time_or_a_medium_alone_is_no_content() {
    // "issued a statement", "reported in May": the cue's object or adjunct, not what was said.
    assert!(spans("The mayor issued a statement on Monday.").is_empty());
    assert!(spans("Senator Ruiz issued a statement.").is_empty());
    assert!(spans("The clinic reported two weeks later.").is_empty());
    // A content with something said in it stays.
    let text = "The agency reported the figures in May.";
    assert_eq!(spans(text).len(), 1);
    assert_eq!(content(text, 0), "the figures in May");
}

#[test]
fn a_cue_in_an_opening_prepositional_phrase_reports_up_to_its_comma() {
    // The phrase before the comma is an adjunct of the main clause; the clause after it is the
    // writer's, not what the polls or reports showed.
    let text = "Despite polls showing her far behind, the senator campaigned in every county of the state.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, (22, 36));
    assert_eq!(content(text, 0), "her far behind");
    let text = "Despite reports suggesting a delay, the council opened the bridge on time.";
    assert_eq!(spans(text)[0].0, (27, 34));
    // "As the paper reported, …" is no such phrase: the main clause is what was reported.
    let text = "As the paper reported, the council voted to close the harbour road.";
    assert_eq!(
        content(text, 0),
        "the council voted to close the harbour road"
    );
}

#[test]
fn gerunds_after_a_gerund_in_a_stance_object_are_its_list() {
    // "of stalling, hiding and shredding …": the items of the charge, not the writer's adjuncts.
    let text = "The mayor accused the clerk of stalling, hiding and shredding the files.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, (18, 71));
    let text = "The union backed raising the wage, cutting fees and hiring more nurses.";
    assert_eq!(
        content(text, 0),
        "raising the wage, cutting fees and hiring more nurses"
    );
    // A reporting participle after the comma opens the source's next act, list or not.
    let text = "The mayor accused the clerk of stalling, saying the files were lost.";
    assert_eq!(content(text, 0), "the clerk of stalling");
}

#[test]
fn a_comma_inside_a_noun_phrase_does_not_end_a_stance_object() {
    // Two adjectives after a determiner, and a day before its year, are one noun phrase.
    let text = "The governor condemned the angry, divisive speech from the podium.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, (23, 65));
    let text = "She criticized the old, leaky ferries and promised new ones.";
    assert_eq!(content(text, 0), "the old, leaky ferries");
    let text = "The senator invoked the March 3, 1999, floods to defend the dam.";
    assert_eq!(
        content(text, 0),
        "the March 3, 1999, floods to defend the dam"
    );
}

#[test]
fn a_quote_after_a_participle_clause_goes_on_with_the_first_quote() {
    // "“A,” she said, adding that B. “C.”": C is the speaker's quote run going on (one direct
    // attribution, two parts); B is the participle's reported speech, no longer one mixed
    // attribution swallowing C.
    let text = "\u{201c}Nobody reads the budget,\u{201d} the treasurer said, adding that small \
                towns may not cope with the cuts. \u{201c}Most towns run on much less.\u{201d}";
    let v = run(text);
    assert_eq!(v.len(), 2, "{v:?}");
    let first = at(text, "\u{201c}Nobody reads the budget,\u{201d}");
    let second = at(text, "\u{201c}Most towns run on much less.\u{201d}");
    assert_eq!(v[0].kind.as_str(), "direct");
    assert_eq!((v[0].content.start, v[0].content.end), (first.0, second.1));
    let parts: Vec<_> = v[0].parts.iter().map(|p| (p.start, p.end)).collect();
    assert_eq!(parts, vec![first, second]);
    assert_eq!(v[1].kind.as_str(), "indirect");
    assert_eq!(
        (v[1].content.start, v[1].content.end),
        at(text, "that small towns may not cope with the cuts")
    );
    assert_eq!(v[1].cue.map(|c| (c.start, c.end)), Some(at(text, "adding")));
    // In one sentence ("adding that “C”") the participle's quote stays its own.
    let text = "\u{201c}Nobody reads it,\u{201d} she said, adding that it was \u{201c}a scandal\u{201d} now.";
    let v = run(text);
    assert_eq!(v.len(), 2, "{v:?}");
    assert_eq!(
        v[0].content.end,
        at(text, "\u{201c}Nobody reads it,\u{201d}").1
    );
    assert_eq!(v[1].kind.as_str(), "mixed");
}

#[test]
fn a_long_apposition_before_the_complement_stays_in_the_object() {
    // Two names with their states, or a description with its own "of" phrase, between the
    // object and "as"/"for": the object goes on to the complement.
    let text = "The senator cited two former governors, Ana Ruiz of Ohio and the late Tom Baker \
                of Iowa, as examples of the rule.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, (18, 112));
    let text = "The union praised the harbour master, a former captain of the northern ferry \
                line, for her work.";
    assert_eq!(
        content(text, 0),
        "the harbour master, a former captain of the northern ferry line, for her work"
    );
}

#[test]
fn a_list_item_with_its_own_of_phrase_stays_in_the_object() {
    let text = "The mayor thanked the nurses, the firefighters of the harbour district and the \
                volunteers.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, (18, 89));
}

#[test]
fn a_medium_word_before_a_plain_noun_opens_no_medium_adjunct() {
    // "in the email chain": "email" modifies "chain"; the phrase is part of what was said.
    let text = "The aide said the leak in the email chain was an accident.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, (14, 57));
    // The medium as the phrase's head is how it was said, as before.
    let text = "The aide said the plan was dead in an interview on Monday.";
    assert_eq!(content(text, 0), "the plan was dead");
}

#[test]
fn a_judged_medium_word_with_its_agent_is_the_content() {
    // A statement or speech that draws a judgement from a named agent is what was judged.
    let text = "The statement drew sharp criticism from both parties.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, (0, 13));
    assert_eq!(v[0].1, Some((40, 52)));
    let text = "The speech was praised by Democrats in the House.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, (0, 10));
    assert_eq!(v[0].1, Some((26, 35)));
    // Without an agent the medium word is still only the cue's object or subject.
    assert!(spans("The interview drew sharp criticism.").is_empty());
    assert!(spans("The mayor issued a statement on Monday.").is_empty());
}

#[test]
fn a_subject_with_an_apposition_before_said_is_the_source() {
    // The name and its apposition before ", said" are who speaks; the clause after is what.
    let text = "Ana Ruiz, a Democrat who represents the harbour district, said the mayor lied.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, (63, 77));
    assert_eq!(v[0].1.map(|s| s.0), Some(0));
    // A clause before ", said X" is still the content of an inverted attribution.
    let text = "The plan would fail, said Ana Ruiz.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, (0, 19));
    assert_eq!(v[0].1, Some((26, 34)));
}
