//! Tests of who the source is (round 19, helper "sources"): the subject of the clause a cue
//! belongs to, in invented sentences with exact offsets (ASCII, so byte offsets equal `str`
//! offsets).

use super::tests::{at, source_of};

/// A word or modifiers after an auxiliary are part of the verb phrase ("has nevertheless
/// called", "have spoken out about", "have no plans to"): the subject before the auxiliary
/// is the source. After "does" the phrase is an inverted subject, a determiner heads its own
/// phrase ("had some explaining to do"), a possessive holds the noun ("anyone's guess") and a
/// predicate noun before an "-ing" cue is that participle's subject.
#[test]
fn a_predicate_after_an_auxiliary_is_no_source() {
    let text = "The governor has nevertheless called the plan a mistake.";
    assert_eq!(source_of(text, "called"), Some((0, 12)));
    assert_eq!(source_of(text, "called"), Some(at(text, "The governor")));
    let text = "Two mayors have spoken out about the new tax on bridges.";
    assert_eq!(source_of(text, "out about"), Some(at(text, "Two mayors")));
    let text = "The senators have no plans to vote on the bill before June.";
    assert_eq!(source_of(text, "plans"), Some((0, 12)));
    let text = "How does a reformer persuade voters to back the levy?";
    assert_eq!(source_of(text, "persuade"), Some(at(text, "a reformer")));
    let text = "The mayor had some explaining to do after the vote.";
    assert_eq!(source_of(text, "explaining"), Some(at(text, "some")));
    let text = "It is anyone's guess whether the plant will reopen.";
    assert_eq!(source_of(text, "guess"), Some(at(text, "anyone's")));
    let text = "Other big donors were a group of unions backing the mayor.";
    assert_eq!(
        source_of(text, "backing"),
        Some(at(text, "a group of unions"))
    );
}

/// Lower-case words right after a pronoun that is only ever a subject are its verb phrase
/// ("He soon learned", "I am fully aware"): the pronoun is the source.
#[test]
fn a_subject_pronoun_before_its_verb_phrase_is_the_source() {
    let text = "He soon learned that the plant had closed.";
    assert_eq!(source_of(text, "learned"), Some((0, 2)));
    let text = "I am fully aware that the plan is late.";
    assert_eq!(source_of(text, "aware"), Some((0, 1)));
    let text = "They stop reporting the numbers but keep the mines open.";
    assert_eq!(source_of(text, "reporting"), Some(at(text, "They")));
    let text = "We rarely find out about the cuts until May.";
    assert_eq!(source_of(text, "out about"), Some(at(text, "We")));
}

/// A participle that continues a second main clause joined by ", and" or ", but" has that
/// clause's subject as source, not the sentence's first one.
#[test]
fn a_verb_continuing_a_coordinated_clause_takes_its_subject() {
    let text = "Lee spoke first, and the mayor sued the city over the levy, saying it was unfair.";
    assert_eq!(source_of(text, "saying"), Some((21, 30)));
    assert_eq!(source_of(text, "saying"), Some(at(text, "the mayor")));
    // Without a clause of its own the first subject goes on.
    let text = "Lee testified first and sued the city over the levy, saying it was unfair.";
    assert_eq!(source_of(text, "saying"), Some(at(text, "Lee")));
}

/// A time adjunct with a determiner between the subject and the cue ("have in the past
/// said", "earlier in the day touted", "did not at any time Thursday mention") is no source:
/// the subject before it is.
#[test]
fn a_time_adjunct_with_a_determiner_is_no_source() {
    let text = "Republican leaders have in the past said that the plan would fail.";
    assert_eq!(
        source_of(text, "said"),
        Some(at(text, "Republican leaders"))
    );
    let text = "The mayor earlier in the day touted the plan as a success.";
    assert_eq!(source_of(text, "touted"), Some(at(text, "The mayor")));
}

/// A participle after a second main clause with its own subject (", and the union has sued
/// the city, saying") speaks for that subject, not for the attribution earlier in the
/// sentence; with no such clause between ("…, adding") the earlier source goes on.
#[test]
fn a_participle_after_a_coordinated_clause_takes_its_subject() {
    let text = "Neighbors say the new fence is too high, and the union has sued the city over it, saying the rules are unfair.";
    assert_eq!(source_of(text, "saying"), Some(at(text, "the union")));
    let text = "The mayor spoke about the fence, but the judge sent her back to the rules, asking why they changed.";
    assert_eq!(source_of(text, "asking"), Some(at(text, "the judge")));
    let text = "Neighbors say the new fence is too high, adding that it blocks the view.";
    assert_eq!(source_of(text, "adding"), Some(at(text, "Neighbors")));
}

/// A capitalised medium opening the sentence ("Remarks on the levy raise questions about")
/// is a thing raising the doubt, which holds none; a capitalised group of people does.
#[test]
fn a_capitalised_medium_raising_a_doubt_is_no_source() {
    let text = "Remarks on the levy raise questions about the budget.";
    assert_eq!(source_of(text, "questions about"), None);
    let text = "Critics raised questions about the budget.";
    assert_eq!(
        source_of(text, "questions about"),
        Some(at(text, "Critics"))
    );
}

/// "The mayor met Lena Ortiz, who toured the plant and said …": a verb after "and"/"but" that
/// goes on with a relative clause set off by a comma has the relative pronoun for its source
/// (the speaker is the name before it), not the sentence's subject or the earlier speaker. A
/// relative clause with no comma before it may end before the coordinator ("the parents who
/// lost children and said" goes on with the sentence), and a clause closed by a comma leaves
/// the verb to the sentence.
#[test]
fn a_verb_going_on_with_a_relative_clause_takes_the_relative_pronoun() {
    let text = "The mayor met Lena Ortiz, who toured the plant and said the jobs would stay.";
    assert_eq!(source_of(text, "said"), Some(at(text, "who")));
    let text = "Reporters watched the union, which studied the deal but argued it was unfair.";
    assert_eq!(source_of(text, "argued"), Some(at(text, "which")));
    let text = "The board thanked parents who lost children and said the bill would pass.";
    assert_eq!(source_of(text, "said"), Some(at(text, "The board")));
    let text = "The board, which met twice, heard from Ortiz and said the bill would pass.";
    assert_eq!(source_of(text, "said"), Some(at(text, "The board")));
}
