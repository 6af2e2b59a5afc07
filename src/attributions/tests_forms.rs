//! Tests of the sentence forms added for indirect recall, in invented sentences with exact
//! offsets (byte offsets equal `str` offsets here: the sentences are ASCII).

use super::tests::{at, run, spans};

#[test]
fn source_with_a_chain_of_appositions() {
    let text = "Lena Park, 34, a welder from Duluth, said the plant would close in spring.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, (42, 73));
    assert_eq!(v[0].0, at(text, "the plant would close in spring"));
    assert_eq!(
        v[0].1,
        Some(at(text, "Lena Park, 34, a welder from Duluth"))
    );
    assert_eq!(v[0].2, Some(at(text, "said")));
    // A lower-case title and a sentence adverb are appositions too.
    let text = "Omar Diaz, executive director of the fund, said grants would rise.";
    let v = spans(text);
    assert_eq!(v[0].0, at(text, "grants would rise"));
    assert_eq!(
        v[0].1,
        Some(at(text, "Omar Diaz, executive director of the fund"))
    );
    let text = "The council, however, said the vote would wait.";
    let v = spans(text);
    assert_eq!(v[0].1, Some(at(text, "The council, however")));
}

#[test]
fn relative_clause_apposition_names_the_person_before_it() {
    let text = "Ruth Bell, a farmer near Salem, Oregon, who has grown hops for decades, said \
                prices were falling.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, at(text, "prices were falling"));
    let src = v[0].1.expect("a source");
    assert_eq!(src.0, 0, "{:?}", &text[src.0..src.1]);
}

#[test]
fn participle_with_no_attribution_before_it_takes_the_subject() {
    let text = "Mayor Ines Vidal signed the budget on Friday, saying it would raise fares.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, at(text, "it would raise fares"));
    assert_eq!(v[0].1, Some(at(text, "Mayor Ines Vidal")));
    assert_eq!(v[0].2, Some(at(text, "saying")));
    // After an opening adjunct, and after "while".
    let text = "On Monday, the union walked out, while saying talks could resume.";
    let v = spans(text);
    assert_eq!(v[0].0, at(text, "talks could resume"));
    assert_eq!(v[0].1, Some(at(text, "the union")));
    // "and says": a second predicate of the subject.
    let text = "The senator voted no and says the bill is unfair to farmers.";
    let v = spans(text);
    assert_eq!(v[0].0, at(text, "the bill is unfair to farmers"));
    assert_eq!(v[0].1, Some(at(text, "The senator")));
}

#[test]
fn progressive_reporting_verbs() {
    let text = "The governor is warning that the levee could fail.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, at(text, "that the levee could fail"));
    assert_eq!(v[0].1, Some(at(text, "The governor")));
    assert_eq!(v[0].2, Some(at(text, "warning")));
    let text = "The airline is planning to cut ten routes.";
    let v = spans(text);
    assert_eq!(v[0].0, at(text, "to cut ten routes"));
    assert_eq!(v[0].2, Some(at(text, "planning")));
    // A noun after an article is not a cue.
    assert!(run("The warning came too late for the town.").is_empty());
}

#[test]
fn phrasal_stance_verbs_take_their_object() {
    let text = "The candidate talked about rural broadband at length.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, at(text, "rural broadband at length"));
    assert_eq!(v[0].1, Some(at(text, "The candidate")));
    assert_eq!(v[0].2, Some(at(text, "talked about")));
    let text = "Two unions railed against the merger, and the board met.";
    let v = spans(text);
    assert_eq!(v[0].0, at(text, "the merger"));
    assert_eq!(v[0].2, Some(at(text, "railed against")));
    // A verb the lexicon does not pair with the preposition is no cue.
    assert!(run("The candidate walked about the square at dusk.").is_empty());
}

#[test]
fn stance_object_ends_before_a_second_reporting_verb() {
    let text = "Ms. Ota praised the plan and said the city would gain jobs.";
    let v = spans(text);
    assert_eq!(v.len(), 2, "{v:?}");
    assert_eq!(v[0].0, at(text, "the plan"));
    assert_eq!(v[1].0, at(text, "the city would gain jobs"));
    assert_eq!(v[1].1, Some(at(text, "Ms. Ota")));
}

#[test]
fn title_case_headline_has_a_cue() {
    let text = "Mayor Vidal Says Bridge Will Reopen In May\n\nThe work began in June.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, at(text, "Bridge Will Reopen In May"));
    assert_eq!(v[0].1, Some(at(text, "Mayor Vidal")));
    assert_eq!(v[0].2, Some(at(text, "Says")));
    // A capitalised cue word outside a Title Case line is still a name or a headline word.
    assert!(run("Simon Says is a game for children.").is_empty());
}

#[test]
fn seeing_as_is_a_stance() {
    let text = "Most farmers see the tariff as a threat to exports.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, at(text, "the tariff as a threat to exports"));
    assert_eq!(v[0].1, Some(at(text, "Most farmers")));
    assert_eq!(v[0].2, Some(at(text, "see")));
    assert!(run("Most farmers saw the tractor in the barn.").is_empty());
}

#[test]
fn abbreviated_names_proportions_and_adverbial_appositions() {
    let text = "Amos Quill Jr. said the mill would reopen.";
    let v = spans(text);
    assert_eq!(v[0].0, at(text, "the mill would reopen"));
    assert_eq!(v[0].1, Some(at(text, "Amos Quill Jr.")));
    let text = "Six in 10 said they would vote early.";
    let v = spans(text);
    assert_eq!(v[0].0, at(text, "they would vote early"));
    assert_eq!(v[0].1, Some(at(text, "Six in 10")));
    let text = "Ms. Ota, then 29, said the firm was hiring.";
    let v = spans(text);
    assert_eq!(v[0].0, at(text, "the firm was hiring"));
    assert_eq!(v[0].1, Some(at(text, "Ms. Ota, then 29")));
}

#[test]
fn a_speaker_inside_an_interview_opening_is_the_source() {
    let text = "In a phone interview, Ms. Ota said the firm was hiring.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, at(text, "the firm was hiring"));
    assert_eq!(v[0].1, Some(at(text, "Ms. Ota")));
    // Without one, the interview speaks.
    let text = "In a new survey, most parents favour later school hours.";
    let v = spans(text);
    assert_eq!(v[0].0, at(text, "most parents favour later school hours"));
    assert_eq!(v[0].1, Some(at(text, "a new survey")));
}

#[test]
fn reported_words_before_a_quote_make_it_mixed() {
    let text = "Ms. Ota said the city has become \u{201c}a place nobody can afford.\u{201d}";
    let v = run(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].kind.as_str(), "mixed");
    let (s, e) = (v[0].content.start, v[0].content.end);
    assert_eq!(
        &text[s..e],
        "the city has become \u{201c}a place nobody can afford.\u{201d}"
    );
    assert_eq!((s, e), (13, text.len()));
    // A colon or an adjunct alone before the quote leaves it direct.
    for text in [
        "Ms. Ota said on Monday, \u{201c}Nobody can afford this city.\u{201d}",
        "Ms. Ota told reporters: \u{201c}Nobody can afford this city.\u{201d}",
    ] {
        let v = run(text);
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(v[0].kind.as_str(), "direct", "{text}");
        assert_eq!(
            v[0].content.of(text),
            "\u{201c}Nobody can afford this city.\u{201d}"
        );
    }
}

#[test]
fn a_source_never_ends_in_a_preposition_or_starts_with_a_participle() {
    // The phrase before the verb is no noun phrase: the sentence subject speaks.
    let text = "The mayor, pitching the plan to voters by mail, said taxes would fall.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, at(text, "taxes would fall"));
    let src = v[0].1.map(|(a, b)| &text[a..b]);
    assert!(src.is_some_and(|s| s.starts_with("The mayor")), "{src:?}");
}

#[test]
fn verbs_of_scolding_and_commending_take_their_object() {
    // Criticism and praise in so many words: the object is what was criticised or praised.
    let text = "The judge chided the lawyers for arriving late.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, (17, 46));
    assert_eq!(v[0].0, at(text, "the lawyers for arriving late"));
    assert_eq!(v[0].1, Some(at(text, "The judge")));
    assert_eq!(v[0].2, Some(at(text, "chided")));
    let text = "Ms. Tran commended the crews who cleared the roads.";
    let v = spans(text);
    assert_eq!(v[0].0, at(text, "the crews who cleared the roads"));
    assert_eq!(v[0].2, Some(at(text, "commended")));
    // A participle after the clause keeps the subject as its source.
    let text = "The pastor preached on Sunday, decrying the closure of the shelter.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, at(text, "the closure of the shelter"));
    assert_eq!(v[0].1, Some(at(text, "The pastor")));
    // "ridicule" as a noun is no cue.
    assert!(spans("The plan drew ridicule from all sides.").is_empty());
}

#[test]
fn reaffirm_and_maintain_report_a_clause() {
    let text = "The bank reaffirmed that rates would stay low.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, (20, 45));
    assert_eq!(v[0].0, at(text, "that rates would stay low"));
    assert_eq!(v[0].2, Some(at(text, "reaffirmed")));
    let text = "Mr. Abara has maintained that the deal was legal.";
    let v = spans(text);
    assert_eq!(v[0].0, at(text, "that the deal was legal"));
    assert_eq!(v[0].1, Some(at(text, "Mr. Abara")));
    // Without a clause, "maintain" is an act ("maintained the roads").
    assert!(spans("The county maintained the roads for years.").is_empty());
}

#[test]
fn a_counted_or_bare_plural_agent_is_the_source_of_a_passive_judgement() {
    let text = "The levy was backed by 64 percent of the voters.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, (0, 8));
    assert_eq!(v[0].0, at(text, "The levy"));
    assert_eq!(v[0].1, Some((23, 47)));
    assert_eq!(v[0].1, Some(at(text, "64 percent of the voters")));
    assert_eq!(v[0].2, Some(at(text, "was backed by")));
    // A ratio, an approximation, a group named by a common noun.
    let text = "Ms. Ito was supported by nearly 6 in 10 young voters.";
    let v = spans(text);
    assert_eq!(v[0].0, at(text, "Ms. Ito"));
    assert_eq!(v[0].1, Some(at(text, "nearly 6 in 10 young voters")));
    let text = "The mayor was rebuked by opponents, who called the plan reckless.";
    let v = spans(text);
    assert_eq!(v[0].0, at(text, "The mayor"));
    assert_eq!(v[0].1, Some(at(text, "opponents")));
    // Not a judgement: a verb of making, not of stance.
    assert!(spans("The bridge was built by 40 workers.").is_empty());
}

#[test]
fn support_is_a_stance_verb_after_its_subject_and_a_noun_after_a_name_alone() {
    let text = "Mr. Ortiz supports the new levy on fuel.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, (19, 39));
    assert_eq!(v[0].0, at(text, "the new levy on fuel"));
    assert_eq!(v[0].1, Some(at(text, "Mr. Ortiz")));
    assert_eq!(v[0].2, Some(at(text, "supports")));
    let text = "The senator will support the bill.";
    let v = spans(text);
    assert_eq!(v[0].0, at(text, "the bill"));
    assert_eq!(v[0].2, Some(at(text, "support")));
    // A name before the noun, with a clause break or an auxiliary after it: a noun.
    assert!(spans("Ruiz won with tepid Latino support, and faces a hard race.").is_empty());
    assert!(spans("Park support is strong in the north.").is_empty());
    assert!(spans("There is broad support for the bill.").is_empty());
    // A verb of saying still closes a clause after its subject.
    let text = "The talks failed, Ruiz claims.";
    let v = spans(text);
    assert_eq!(v[0].0, at(text, "The talks failed"));
    assert_eq!(v[0].2, Some(at(text, "claims")));
}

#[test]
fn a_question_to_the_reader_is_nobodys_stance() {
    assert!(spans("Do you support Lena Park? Join the page.").is_empty());
    assert!(spans("Do you think the levy is fair?").is_empty());
    // The same verb after a declarative subject reports a view.
    let text = "You think the levy is fair.";
    let v = spans(text);
    assert_eq!(v[0].0, at(text, "the levy is fair"));
}

#[test]
fn an_opening_participle_of_saying_reports_its_clause_for_the_main_subject() {
    let text = "Noting that turnout fell, the mayor said the rules would change.";
    let v = spans(text);
    assert_eq!(v.len(), 2, "{v:?}");
    assert_eq!(v[0].0, (7, 24));
    assert_eq!(v[0].0, at(text, "that turnout fell"));
    assert_eq!(v[0].1, Some(at(text, "the mayor")));
    assert_eq!(v[0].2, Some(at(text, "Noting")));
    assert_eq!(v[1].0, at(text, "the rules would change"));
    assert_eq!(v[1].2, Some(at(text, "said")));
    // A participle that reports nothing opens no attribution.
    let text = "Running late, the mayor said the rules would change.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].2, Some(at(text, "said")));
}

#[test]
fn a_phrasal_stance_verb_before_to_is_no_cue() {
    // "went on to win": what happened next, no stance on anything.
    assert!(spans("The coach went on to win three league titles.").is_empty());
    // A reporting infinitive after it is the cue, with the main clause's subject.
    let text = "The senator went on to say the bill was dead.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, (27, 44));
    assert_eq!(&text[27..44], "the bill was dead");
    assert_eq!(v[0].1, Some((0, 11)));
    assert_eq!(v[0].2, Some((23, 26)));
}

#[test]
fn found_after_help_or_to_is_the_verb_to_found() {
    // "to found" / "helped found": setting something up, no finding reported.
    assert!(
        spans("She quit the bank in 2019 to found a company that builds batteries.").is_empty()
    );
    assert!(spans("Two teachers helped found the union that runs the school.").is_empty());
    // "found" as the past of "find" stays a cue.
    let text = "The audit found that the fund had lost money.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, (16, 44));
    assert_eq!(&text[16..44], "that the fund had lost money");
    assert_eq!(v[0].1, Some((0, 9)));
    assert_eq!(v[0].2, Some((10, 15)));
}

#[test]
fn finding_a_way_is_no_finding() {
    // "found a way to", "finds ways around": a means reached, nothing reported as found.
    assert!(spans("The mayor found a way to pay the drivers without new taxes.").is_empty());
    assert!(spans("Landlords keep finding ways around the rent rules.").is_empty());
    // A finding about a way stays one.
    let text = "The study found that the new way of testing missed cases.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, (16, 56));
    assert_eq!(&text[16..56], "that the new way of testing missed cases");
    assert_eq!(v[0].1, Some((0, 9)));
    assert_eq!(v[0].2, Some((10, 15)));
}

#[test]
fn went_on_before_an_article_is_no_cue() {
    // "went on the record", "went on the offensive": a set phrase of acting, no stance.
    assert!(spans("The mayor went on the offensive at the council meeting.").is_empty());
    assert!(spans("Two nurses went on the record with their account.").is_empty());
}

#[test]
fn a_phrasal_stance_verb_after_a_modal_is_a_verb() {
    // "vote" alone is more often a noun; with its particle after a modal it is the verb.
    let text = "Among the voters polled, 41 percent would vote for Ruiz in the primary.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, (51, 70));
    assert_eq!(&text[51..70], "Ruiz in the primary");
    assert_eq!(v[0].1, Some((25, 35)));
    assert_eq!(v[0].2, Some((42, 50)));
    let text = "The mayor would not comment on the audit.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, (31, 40));
    assert_eq!(v[0].1, Some((0, 9)));
    assert_eq!(v[0].2, Some((20, 30)));
    // After a possessive it stays a noun.
    assert!(spans("Her vote for the budget angered the union.").is_empty());
}

#[test]
fn adding_up_is_a_sum() {
    // "added up to": a sum, nothing added to what was said.
    assert!(spans("The repairs added up to $2 million by the spring.").is_empty());
    assert!(spans("The senator added up the votes.").is_empty());
    let text = "The senator added that the votes were counted.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, (18, 45));
    assert_eq!(v[0].2, Some((12, 17)));
}

#[test]
fn a_verb_of_knowing_before_a_noun_and_an_auxiliary_opens_a_clause() {
    // "that" left out: a short noun phrase and an auxiliary open the clause.
    let text = "Most voters feel the economy is weak.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, (17, 36));
    assert_eq!(&text[17..36], "the economy is weak");
    assert_eq!(v[0].1, Some((0, 11)));
    assert_eq!(v[0].2, Some((12, 16)));
    let text = "She knew Ruiz would run.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, (9, 23));
    assert_eq!(v[0].1, Some((0, 3)));
    assert_eq!(v[0].2, Some((4, 8)));
    // A preposition, a conjunction or "it" first: an object or another clause.
    assert!(spans("I know the head of the agency was there.").is_empty());
    assert!(spans("The mayor did not feel well and was sent home.").is_empty());
    assert!(spans("Things are safe as we know it is true.").is_empty());
    assert!(spans("The app works as you know you will see.").is_empty());
}

#[test]
fn a_noun_like_cue_before_an_object_pronoun_is_a_verb() {
    // "favor", "support" are mostly nouns; an object pronoun after one makes it the verb.
    let text = "The union could favor him in the runoff.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, (22, 25));
    assert_eq!(&text[22..25], "him");
    assert_eq!(v[0].1, Some((0, 9)));
    assert_eq!(v[0].2, Some((16, 21)));
    // After a possessive it stays a noun: a stance noun with its object after "for".
    let v = spans("Her support for him was clear.");
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, (16, 19));
    assert_eq!(v[0].1, Some((0, 3)));
    assert_eq!(v[0].2, Some((4, 15)));
}

#[test]
fn which_opens_an_indirect_question_after_a_verb_of_knowing() {
    let text = "The agency does not know which company ran the survey.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, (25, 53));
    assert_eq!(&text[25..53], "which company ran the survey");
    assert_eq!(v[0].1, Some((0, 10)));
    assert_eq!(v[0].2, Some((20, 24)));
}

#[test]
fn think_tank_is_a_noun() {
    // "think tank": a compound noun, nobody thinking anything.
    assert!(spans("She joined a think tank that studies housing costs.").is_empty());
    assert!(spans("Two think tanks in the capital studied the tax.").is_empty());
}

#[test]
fn a_participle_of_saying_after_an_opening_subordinator() {
    // "Before announcing that …, Ruiz …": the main clause's subject announced it.
    let text = "Before announcing that she would run, Ruiz met donors.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, (18, 36));
    assert_eq!(&text[18..36], "that she would run");
    assert_eq!(v[0].1, Some((38, 42)));
    assert_eq!(v[0].2, Some((7, 17)));
}

#[test]
fn a_judgement_received_from_someone() {
    // Like "was criticized by both parties": the subject is judged, the giver is the source.
    let text = "The proposal has drawn harsh criticism from both parties.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, (0, 12));
    assert_eq!(v[0].1, Some((44, 56)));
    assert_eq!(&text[44..56], "both parties");
    assert_eq!(v[0].2, Some((17, 43)));
    let text = "Ruiz won the backing of two unions on Monday.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, (0, 4));
    assert_eq!(v[0].1, Some((24, 34)));
    // Won from someone, no judgement: nothing.
    assert!(spans("Ruiz won the seat from the incumbent.").is_empty());
}

#[test]
fn support_enjoyed_or_gained_is_received() {
    let text = "Ruiz enjoys the support of most farmers.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, (0, 4));
    assert_eq!(v[0].1, Some((27, 39)));
    assert_eq!(v[0].2, Some((5, 26)));
    let text = "The bill gained the backing of the governor.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, (0, 8));
    assert_eq!(v[0].1, Some((31, 43)));
}

#[test]
fn call_names_a_judgement() {
    // "call X Y": the base form judges like "called" and "calls" do.
    let text = "Most voters call the plan a disaster.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, (17, 36));
    assert_eq!(&text[17..36], "the plan a disaster");
    assert_eq!(v[0].1, Some((0, 11)));
    assert_eq!(v[0].2, Some((12, 16)));
}

#[test]
fn a_stance_noun_after_a_possessive_takes_an_object() {
    // The possessive pronoun stands for the sentence's subject, who holds the stance.
    let text = "The senator stepped up her attack on the governor.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, (37, 49));
    assert_eq!(&text[37..49], "the governor");
    assert_eq!(v[0].1, Some((0, 11)));
    assert_eq!(v[0].2, Some((27, 36)));
    // A named possessive before a modifier holds it; the phrase's own predicate is no content.
    let text = "The union's sharp criticism of the deal was expected.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, (31, 39));
    assert_eq!(v[0].1, Some((4, 11)));
    assert_eq!(&text[4..11], "union's");
    // "a spirited defense of": the subject delivers it.
    let text = "Ruiz delivered a spirited defense of the tax plan.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, (37, 49));
    assert_eq!(v[0].1, Some((0, 4)));
    let text = "Ruiz delivered an impassioned defense of the tax plan.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(&text[v[0].0 .0..v[0].0 .1], "the tax plan");
    assert_eq!(v[0].1, Some((0, 4)));
    // No holder ("the attack"), or no object preposition ("support among"): nothing.
    assert!(spans("The army stepped up the attack on the city.").is_empty());
    assert!(spans("His support among women is strong.").is_empty());
}

#[test]
fn a_stance_noun_faced_has_no_source() {
    // Criticism met, not given: the subject is its target and nobody is named as its source.
    let text = "The mayor faced sharp criticism for the delay.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, (36, 45));
    assert_eq!(&text[36..45], "the delay");
    assert_eq!(v[0].1, None);
    assert_eq!(v[0].2, Some((22, 35)));
    let v = spans("Ruiz has endured attacks on his record.");
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].1, None);
}

#[test]
fn a_stance_noun_received_has_no_source() {
    // A judgement drawn or received comes from nobody named: the words before it are no source.
    let text = "The plan drew sharp criticism for its cost.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, (34, 42));
    assert_eq!(&text[34..42], "its cost");
    assert_eq!(v[0].1, None);
    let v = spans("The senator received criticism for the vote.");
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].1, None);
}

#[test]
fn a_past_verb_right_after_a_stance_nouns_object_ends_it() {
    // The stance phrase is the sentence's subject: its predicate follows a one-word object.
    let text = "His endorsement of Ruiz came late.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, (19, 23));
    assert_eq!(&text[19..23], "Ruiz");
    let text = "Her criticism of the plan surprised nobody.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, (17, 25));
    assert_eq!(&text[17..25], "the plan");
}
