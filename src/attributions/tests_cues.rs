//! Unit tests of the cue kinds [`cue_at`] gives, one sentence each.

use super::cues::{cue_at, CueKind};
use crate::attributions::tokens::{tokenize, Tok};

/// The kind of the cue at the first occurrence of `word` in the one-sentence `text`.
pub(super) fn kind_at(text: &str, word: &str) -> Option<CueKind> {
    let (toks, ranges) = tokenize(text, &crate::segment::split(text));
    let (lo, hi) = ranges[0];
    let k = toks.iter().position(|t| t.lower.as_str() == word)?;
    cue_at(&toks, lo, hi, k).map(|c| c.kind)
}

#[test]
fn expressing_and_judging_verbs_take_their_object() {
    let s = "The mayor expressed concern about the plan.";
    assert_eq!(kind_at(s, "expressed"), Some(CueKind::Stance));
    let s = "The mayor considers the plan a mistake.";
    assert_eq!(kind_at(s, "considers"), Some(CueKind::Stance));
    let s = "The coach implied that the game was fixed.";
    assert_eq!(kind_at(s, "implied"), Some(CueKind::Clause));
}

#[test]
fn passive_judgements_are_their_own_cue_kind() {
    // The subject is what is judged: a passive cue, never a stance verb with a source.
    let s = "The plan was considered a risk.";
    assert_eq!(kind_at(s, "considered"), Some(CueKind::Passive));
    let s = "The plan is widely considered a risk.";
    assert_eq!(kind_at(s, "considered"), Some(CueKind::Passive));
    let s = "The warning was echoed by the mayor.";
    assert_eq!(kind_at(s, "echoed"), Some(CueKind::Passive));
    // A reduced relative, a modal, a participle of place or act: no judgement reported.
    assert_eq!(kind_at("The warning echoed by the mayor.", "echoed"), None);
    assert_eq!(kind_at("It can be viewed as a risk.", "viewed"), None);
    assert_eq!(kind_at("The tower was viewed from afar.", "viewed"), None);
    // Active: the subject judges.
    let s = "The council considered the plan a risk.";
    assert_eq!(kind_at(s, "considered"), Some(CueKind::Stance));
}

#[test]
fn reportedly_is_a_cue_unless_a_verb_of_saying_follows() {
    let s = "The agency is reportedly planning cuts.";
    assert_eq!(kind_at(s, "reportedly"), Some(CueKind::Evidential));
    assert_eq!(
        kind_at("The agency reportedly said no.", "reportedly"),
        None
    );
}

/// A word's kept cue answers only the sentence range it was asked for, and new quote
/// marks drop it.
#[test]
fn kept_cues_follow_the_range_and_the_marks() {
    let text = "According to the mayor, the bridge will reopen.";
    let (mut toks, ranges) = tokenize(text, &crate::segment::split(text));
    let (lo, hi) = ranges[0];
    let according = |toks: &[Tok], hi| cue_at(toks, lo, hi, lo).map(|c| c.kind);
    assert_eq!(according(&toks, hi), Some(CueKind::According));
    assert_eq!(according(&toks, lo + 2), None);
    assert_eq!(according(&toks, hi), Some(CueKind::According));
    let quoted = crate::Span::new(0, toks[lo + 1].end);
    crate::attributions::tokens::mark_quoted(&mut toks, &[quoted]);
    assert_eq!(according(&toks, hi), None);
}

/// The cue forms measured over newsdev's train split (scripts/attribution_cue_lexicon.py):
/// presenting and judging verbs take their object, continuing and being quick or looking to
/// report an intention.
#[test]
fn measured_cue_forms_take_their_object_or_infinitive() {
    use super::tests::spans;
    let text = "The union sounded the alarm over the pension cuts.";
    assert_eq!(kind_at(text, "sounded"), Some(CueKind::Stance));
    assert_eq!(spans(text), vec![((18, 49), Some((0, 9)), Some((10, 17)))]);
    let text = "Ms. Varga has been critical of the new tax.";
    assert_eq!(spans(text), vec![((31, 42), Some((0, 9)), Some((19, 30)))]);
    let text = "The court deemed the law unconstitutional.";
    assert_eq!(kind_at(text, "deemed"), Some(CueKind::Stance));
    let text = "The senator was quick to blame the governor.";
    assert_eq!(kind_at(text, "quick"), Some(CueKind::To));
    assert_eq!(spans(text), vec![((22, 43), Some((0, 11)), Some((16, 21)))]);
    let text = "The council continued to oppose the bridge.";
    assert_eq!(spans(text), vec![((22, 42), Some((0, 11)), Some((12, 21)))]);
    // An infinitive cue needs its "to".
    assert_eq!(
        kind_at("The council continued the debate.", "continued"),
        None
    );
    assert_eq!(kind_at("The looking glass broke.", "looking"), None);
    // Verbs counted over their forms together: envisioning, comparing, resisting.
    let text = "The architect envisions a city without cars.";
    assert_eq!(spans(text), vec![((24, 43), Some((0, 13)), Some((14, 23)))]);
    let text = "The unions resist any change to the pension plan.";
    assert_eq!(kind_at(text, "resist"), Some(CueKind::Stance));
    assert_eq!(spans(text)[0].0, (18, 48));
    // "compared" (mostly figures "compared with" others) is a cue after a name or pronoun
    // only; "compares" is one anywhere.
    assert_eq!(
        kind_at("Sales rose 5 percent compared with last year.", "compared"),
        None
    );
    // Nor after a name: "compared to/with" right after it compares figures ("40 percent,
    // compared to 50 a year ago"); the stance has its object first ("compared the tax to").
    let text = "Forty percent backed him in June, compared to 50 percent in May.";
    assert_eq!(kind_at(text, "compared"), None);
    assert_eq!(kind_at("That is compared with Smith.", "compared"), None);
    // "added to" is a gain ("added to her lead"), "added that" a statement.
    let text = "Ms. Cole added to her lead with wins in three states.";
    assert_eq!(kind_at(text, "added"), None);
    assert_eq!(
        kind_at("He added that the plan would fail.", "added"),
        Some(CueKind::Clause)
    );
    // "reported from" gives a reporter's place, "reported that" a statement.
    assert_eq!(kind_at("Ann Lee reported from Oakland.", "reported"), None);
    let text = "Officials reported that the road was closed.";
    assert_eq!(kind_at(text, "reported"), Some(CueKind::Clause));
    let text = "Mr. Bell compares the tax to a toll.";
    assert_eq!(kind_at(text, "compares"), Some(CueKind::Stance));
    // "calls" names its object after a name or pronoun, and is a noun after an article.
    let text = "Mr. Diaz calls the plan a disaster.";
    assert_eq!(spans(text), vec![((15, 34), Some((0, 8)), Some((9, 14)))]);
    assert_eq!(kind_at("The calls to the hotline doubled.", "calls"), None);
}

/// Forms measured with at least 4 occurrences in their class's position (cue_verbs.txt, the
/// `--min 4` rows), one sentence per class and position touched.
#[test]
fn forms_measured_at_four_occurrences_take_their_class() {
    use super::tests::spans;
    // clause: naming a choice; that: ruling and being aware before "that".
    let text = "The mayor named a new police chief.";
    assert_eq!(spans(text), vec![((16, 34), Some((0, 9)), Some((10, 15)))]);
    let text = "The judge ruled that the law was void.";
    assert_eq!(spans(text), vec![((16, 37), Some((0, 9)), Some((10, 15)))]);
    let text = "The farmers are aware that prices fell.";
    assert_eq!(spans(text), vec![((22, 38), Some((0, 11)), Some((16, 21)))]);
    // stance, one word and phrasal.
    let text = "The senator downplayed the risk of a shutdown.";
    assert_eq!(spans(text), vec![((23, 45), Some((0, 11)), Some((12, 22)))]);
    let text = "Ms. Park was supportive of the plan.";
    assert_eq!(spans(text), vec![((27, 35), Some((0, 8)), Some((13, 26)))]);
    // "went on" before "to" is no cue (tests_forms.rs): the reporting infinitive is.
    let text = "The mayor went on to criticize the budget.";
    assert_eq!(spans(text), vec![((31, 41), Some((0, 9)), Some((21, 30)))]);
    // stance after a name or pronoun only (`noun`): not an adjective before its noun.
    let text = "Mr. Lee focused on the economy.";
    assert_eq!(spans(text), vec![((19, 30), Some((0, 7)), Some((8, 18)))]);
    assert_eq!(kind_at("The focused team won easily.", "focused"), None);
    let text = "Ms. Ito compared the tax to a toll.";
    assert_eq!(spans(text), vec![((17, 34), Some((0, 7)), Some((8, 16)))]);
    // Rows that gained a class: promised and backs take their object, remembered a clause,
    // call an infinitive (a noun after its article).
    let text = "The mayor promised a new park.";
    assert_eq!(spans(text), vec![((19, 29), Some((0, 9)), Some((10, 18)))]);
    let text = "Mr. Diaz backs the levy.";
    assert_eq!(spans(text), vec![((15, 23), Some((0, 8)), Some((9, 14)))]);
    let text = "Ms. Cho remembered the flood destroyed the town.";
    assert_eq!(spans(text), vec![((19, 47), Some((0, 7)), Some((8, 18)))]);
    let text = "The activists call to end the blockade.";
    assert_eq!(spans(text), vec![((19, 38), Some((0, 13)), Some((14, 18)))]);
    assert_eq!(kind_at("It was a call to arms.", "call"), None);
    // "issued" presents its object, unless the object is a medium that a reporting participle
    // follows: then the participle reports ("issued a statement saying …").
    let text = "The governor issued a warning about the storm.";
    assert_eq!(spans(text), vec![((20, 45), Some((0, 12)), Some((13, 19)))]);
    let text = "The port authority issued a brief statement saying the ferry would run.";
    assert_eq!(kind_at(text, "issued"), None);
    assert_eq!(spans(text), vec![((51, 70), Some((0, 18)), Some((44, 50)))]);
}

/// A verb of saying, telling, knowing or judging after "to" still reports ("rushed to say …");
/// its source is the main clause's subject.
#[test]
fn reporting_verbs_after_to_still_report() {
    use super::tests::spans;
    let text = "Critics rushed to say he was wrong.";
    assert_eq!(kind_at(text, "say"), Some(CueKind::Clause));
    assert_eq!(spans(text), vec![((22, 34), Some((0, 7)), Some((18, 21)))]);
    let text = "She took to Twitter to criticize the ruling.";
    assert_eq!(spans(text), vec![((33, 43), Some((0, 3)), Some((23, 32)))]);
    // Other cue words after "to" are no cue ("plan" reports an intention only before "to").
    assert_eq!(kind_at("The town needs to plan to grow.", "plan"), None);
}

/// Missing forms of verbs the lexicon holds take their siblings' class (cue_verbs.txt, the
/// last section): one sentence per class.
#[test]
fn missing_forms_of_known_cue_verbs_take_their_class() {
    use super::tests::spans;
    let text = "The union will endorse the mayor.";
    assert_eq!(spans(text), vec![((23, 32), Some((0, 9)), Some((15, 22)))]);
    let text = "Ms. Diaz vouched for the contractor.";
    assert_eq!(spans(text), vec![((21, 35), Some((0, 8)), Some((9, 20)))]);
    let text = "Mr. Obi is thinking the deal will fail.";
    assert_eq!(spans(text), vec![((20, 38), Some((0, 7)), Some((11, 19)))]);
    let text = "She is recognizing that the rules changed.";
    assert_eq!(spans(text), vec![((19, 41), Some((0, 3)), Some((7, 18)))]);
    let text = "The panel is deciding whether the law applies.";
    assert_eq!(spans(text), vec![((22, 45), Some((0, 9)), Some((13, 21)))]);
    let text = "The mayor was informing staff that the plant would close.";
    assert_eq!(kind_at(text, "informing"), Some(CueKind::Object));
}

/// Verbs whose forms pass only together (`--stems --min 4`): every form is a cue.
#[test]
fn verbs_measured_over_their_forms_take_their_class() {
    use super::tests::spans;
    let text = "Mr. Haas relished the fight over taxes.";
    assert_eq!(spans(text), vec![((18, 38), Some((0, 8)), Some((9, 17)))]);
    let text = "The senator dwelt on the cost of the war.";
    assert_eq!(spans(text), vec![((21, 40), Some((0, 11)), Some((12, 20)))]);
    let text = "The governor vetoed the spending bill.";
    assert_eq!(spans(text), vec![((20, 37), Some((0, 12)), Some((13, 19)))]);
    let text = "Ms. Lund is contemplating a run for mayor.";
    assert_eq!(kind_at(text, "contemplating"), Some(CueKind::Stance));
}
