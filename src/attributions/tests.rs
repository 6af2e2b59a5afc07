use super::*;

pub(super) fn run(text: &str) -> Vec<Attribution> {
    extract(text, &crate::segment::split(text)).attributions
}

/// Byte offsets of the first `s` in `text` (the tests' sentences make them `str` offsets).
pub(super) type Range = (usize, usize);

/// (content, source, cue) byte ranges of every attribution of `text`.
pub(super) fn spans(text: &str) -> Vec<(Range, Option<Range>, Option<Range>)> {
    run(text)
        .iter()
        .map(|a| {
            (
                (a.content.start, a.content.end),
                a.source.map(|s| (s.start, s.end)),
                a.cue.map(|s| (s.start, s.end)),
            )
        })
        .collect()
}

pub(super) fn at(text: &str, s: &str) -> (usize, usize) {
    let i = text
        .find(s)
        .unwrap_or_else(|| panic!("{s:?} not in {text:?}"));
    (i, i + s.len())
}

/// The source of `cue` in `text` (the first attribution with that cue).
pub(super) fn source_of(text: &str, cue: &str) -> Option<(usize, usize)> {
    let v = spans(text);
    v.iter()
        .find(|a| a.2 == Some(at(text, cue)))
        .unwrap_or_else(|| panic!("no {cue:?} in {v:?}"))
        .1
}

/// (content, source, cue, kind) as strings, for readable assertions.
pub(super) fn view(text: &str) -> Vec<(String, Option<String>, Option<String>, &'static str)> {
    run(text)
        .iter()
        .map(|a| {
            (
                a.content.of(text).to_string(),
                a.source.map(|s| s.of(text).to_string()),
                a.cue.map(|s| s.of(text).to_string()),
                a.kind.as_str(),
            )
        })
        .collect()
}

fn one(text: &str) -> (String, Option<String>, Option<String>, &'static str) {
    let v = view(text);
    assert_eq!(v.len(), 1, "{text:?} -> {v:?}");
    v.into_iter().next().unwrap_or_default()
}

#[test]
fn preposed_clause_with_and_without_that() {
    let a = one("The mayor said that the bridge would reopen in May.");
    assert_eq!(a.0, "that the bridge would reopen in May");
    assert_eq!(a.1.as_deref(), Some("The mayor"));
    assert_eq!(a.2.as_deref(), Some("said"));
    assert_eq!(a.3, "indirect");
    let a = one("Ms. Okafor argued the budget was too small.");
    assert_eq!(a.0, "the budget was too small");
    assert_eq!(a.1.as_deref(), Some("Ms. Okafor"));
}

#[test]
fn many_reporting_verbs() {
    for verb in [
        "warned",
        "denied",
        "acknowledged",
        "believes",
        "expects",
        "insisted",
    ] {
        let text = format!("The union {verb} that the strike could last for weeks.");
        let a = one(&text);
        assert_eq!(a.2.as_deref(), Some(verb));
        assert_eq!(a.0, "that the strike could last for weeks");
    }
}

#[test]
fn hearer_skipped_after_told() {
    let a = one("The coach told reporters the team had played badly.");
    assert_eq!(a.0, "the team had played badly");
    assert_eq!(a.1.as_deref(), Some("The coach"));
}

#[test]
fn intention_with_to() {
    let a = one("The council plans to raise parking fees next year.");
    assert_eq!(a.0, "to raise parking fees next year");
    assert_eq!(a.2.as_deref(), Some("plans"));
}

#[test]
fn postposed_source_and_adjunct() {
    let a = one("The talks failed, he said on Tuesday.");
    assert_eq!(a.0, "The talks failed");
    assert_eq!(a.1.as_deref(), Some("he"));
    let a = one("Prices will rise again next year, said Maria Lopez, an economist at the bank.");
    assert_eq!(a.0, "Prices will rise again next year");
    assert_eq!(a.1.as_deref(), Some("Maria Lopez"));
}

#[test]
fn parenthetical_source_splits_the_content() {
    let text = "The new rules, the regulator said, will take effect in March.";
    let v = run(text);
    assert_eq!(v.len(), 1);
    let parts: Vec<&str> = v[0].parts.iter().map(|p| p.of(text)).collect();
    assert_eq!(parts, ["The new rules", "will take effect in March"]);
    assert_eq!(
        v[0].content.of(text),
        "The new rules, the regulator said, will take effect in March"
    );
}

#[test]
fn according_to_before_and_after() {
    let a = one("According to officials, the talks will resume on Friday.");
    assert_eq!(a.0, "the talks will resume on Friday");
    assert_eq!(a.1.as_deref(), Some("officials"));
    assert_eq!(a.2.as_deref(), Some("According to"));
    let a = one("The factory will close in June, according to a company filing.");
    assert_eq!(a.0, "The factory will close in June");
    assert_eq!(a.1.as_deref(), Some("a company filing"));
}

#[test]
fn possessive_noun_cue() {
    let a = one("Parents were angered by the governor's claim that the schools were safe.");
    assert_eq!(a.0, "that the schools were safe");
    assert_eq!(a.1.as_deref(), Some("governor's"));
}

#[test]
fn possessive_noun_cue_as_subject_stops_at_the_predicate() {
    // The noun phrase is the sentence's subject: its predicate is no part of the content.
    let a = one("The mayor's claim that crime fell was disputed by the police.");
    assert_eq!(a.0, "that crime fell");
    assert_eq!(a.1.as_deref(), Some("mayor's"));
    let a = one("The mayor's claim that the schools were safe was false.");
    assert_eq!(a.0, "that the schools were safe");
    let a = one("His promise to lower fares was broken within a year.");
    assert_eq!(a.0, "to lower fares");
    // With no auxiliary, the predicate starts at its verb in the past.
    let text = "Ms. Osei's plan to close two branches angered the union.";
    let a = one(text);
    assert_eq!(a.0, "to close two branches");
    assert_eq!(
        (run(text)[0].content.start, run(text)[0].content.end),
        (16, 37)
    );
    let a = one("The council's decision to sell the park surprised residents.");
    assert_eq!(a.0, "to sell the park");
    // A "that" clause has a verb of its own: the second is the predicate's; with one only, the
    // end is unknown unless it is an auxiliary.
    let a = one("The mayor's claim that the plan worked surprised everyone.");
    assert_eq!(a.0, "that the plan worked");
    // An irregular past ("drew") counts as a verb as well.
    let a = one("The mayor's claim that the city raised fares drew protests.");
    assert_eq!(a.0, "that the city raised fares");
    // Participles and adjectives are no predicate: "owned by", "to deport undocumented …".
    let a = one("Her plan to sell the branches owned by the city angered the union.");
    assert_eq!(a.0, "to sell the branches owned by the city");
    let a = one("His plan to deport undocumented workers is unpopular.");
    assert_eq!(a.0, "to deport undocumented workers");
}

#[test]
fn headline_colon() {
    let a = one("City council: new stadium will not be built");
    assert_eq!(a.0, "new stadium will not be built");
    assert_eq!(a.1.as_deref(), Some("City council"));
    assert!(run("Update: this story has been corrected").is_empty());
    // A credit line names who helped report the story, not whose words follow.
    assert!(run("Contributing: Ann Lee and Tom Roe in Denver.").is_empty());
}

#[test]
fn in_a_statement_and_documents() {
    let a = one("The ministry said in a statement that no one was hurt.");
    assert_eq!(a.2.as_deref(), Some("said in a statement"));
    assert_eq!(a.0, "that no one was hurt");
    let a = one("A new report found that rents rose by a third.");
    assert_eq!(a.1.as_deref(), Some("A new report"));
    let a = one("In a survey released Monday, most voters opposed the new tax.");
    assert_eq!(a.1.as_deref(), Some("a survey released Monday"));
    assert_eq!(a.0, "most voters opposed the new tax");
    // Every word of the [speaking_document] section opens the form, the last one too; a word
    // outside it ("In a hurry, …") does not. (An author named after it with a cue of their own
    // would speak instead: tests_sources.)
    let a = one("In a book published in May, the chaos of the campaign is laid bare.");
    assert_eq!(a.1.as_deref(), Some("a book published in May"));
    assert!(run("In a hurry, the crowd left the hall before the vote.").is_empty());
}

#[test]
fn passive_forms() {
    let a = one("It is believed that the painting was stolen in 1990.");
    assert_eq!(a.1, None);
    assert_eq!(a.0, "that the painting was stolen in 1990");
    let a = one("The senator was quoted as saying the vote was rigged.");
    assert_eq!(a.2.as_deref(), Some("quoted as saying"));
    assert_eq!(a.1.as_deref(), Some("The senator"));
}

#[test]
fn shared_source_with_adding() {
    let text = "The mayor said the budget was balanced, adding that taxes would not rise.";
    let v = view(text);
    assert_eq!(v.len(), 2, "{v:?}");
    assert_eq!(v[0].0, "the budget was balanced");
    assert_eq!(v[1].0, "that taxes would not rise");
    assert_eq!(v[1].1.as_deref(), Some("The mayor"));
}

#[test]
fn pronoun_source_resolves_to_the_named_speaker() {
    let text = "Angela Brandt runs the clinic. She said the waiting list had doubled.";
    let v = run(text);
    assert_eq!(v.len(), 1);
    assert_eq!(v[0].source.map(|s| s.of(text)), Some("She"));
    assert_eq!(v[0].speaker.as_deref(), Some("Angela Brandt"));
}

#[test]
fn direct_quote_is_one_attribution_with_parts() {
    let text = "“We will rebuild,” the mayor said. “It will take years.”";
    let v = run(text);
    assert_eq!(v.len(), 1, "{:?}", view(text));
    assert_eq!(v[0].kind, AttributionKind::Direct);
    assert_eq!(v[0].parts.len(), 2);
    assert_eq!(v[0].parts[0].of(text), "“We will rebuild,”");
    assert_eq!(v[0].parts[1].of(text), "“It will take years.”");
    assert_eq!(v[0].quotes, vec![0, 1]);
}

#[test]
fn mixed_holds_its_partial_quote() {
    let text = "The judge said the request was “plainly absurd” and denied it.";
    let v = run(text);
    assert_eq!(v.len(), 1, "{:?}", view(text));
    assert_eq!(v[0].kind, AttributionKind::Mixed);
    assert_eq!(v[0].quotes.len(), 1);
    assert_eq!(v[0].content.of(text), "the request was “plainly absurd”");
}

#[test]
fn no_content_no_attribution() {
    for text in [
        "He said.",
        "She said so.",
        "said",
        "",
        "   ",
        ", said",
        "According to",
        "told",
    ] {
        let v = run(text);
        assert!(v.iter().all(|a| !a.content.is_empty()), "{text:?}");
        assert!(v.len() <= 1, "{text:?} -> {:?}", view(text));
    }
    assert!(run("He said.").is_empty());
}

#[test]
fn nouns_are_not_cues() {
    assert!(run("The terrorist attacks in the capital shocked the region.").is_empty());
    assert!(run("State officials met on Monday to review the plan.").is_empty());
}

/// One sentence of 10,000 words after "The committee said that", every seventh "officials said":
/// hostile input for the outermost and the nested search alike.
pub(super) fn committee_sentence_of_10k_words() -> String {
    let mut text = String::from("The committee said that");
    for i in 0..10_000 {
        text.push_str(if i % 7 == 0 {
            " officials said"
        } else {
            " word"
        });
    }
    text.push('.');
    text
}

#[test]
fn long_sentence_is_handled_and_spans_are_valid() {
    let text = committee_sentence_of_10k_words();
    let v = run(&text);
    assert_eq!(v.len(), 1);
    assert!(v[0].content.end <= text.len());
    assert!(text.is_char_boundary(v[0].content.start) && text.is_char_boundary(v[0].content.end));
}

#[test]
fn every_span_is_on_char_boundaries() {
    let text = "Ärzte sagten nichts. Der Bürgermeister — “Ça va” — said the café was “très bien,” adding that naïve plans fail.";
    for a in run(text) {
        for s in a
            .parts
            .iter()
            .chain(a.source.iter())
            .chain(a.cue.iter())
            .chain([&a.content])
        {
            assert!(s.start <= s.end && s.end <= text.len());
            assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        }
    }
}

#[test]
fn apposition_and_party_tag_sources() {
    let a = one("Tom Reyes, a city planner, said the new tram line would be late.");
    assert_eq!(a.0, "the new tram line would be late");
    assert_eq!(a.1.as_deref(), Some("Tom Reyes, a city planner"));
    let a = one("Sen. Ann Lee (D-Ore.) said the bill would pass.");
    assert_eq!(a.1.as_deref(), Some("Sen. Ann Lee (D-Ore.)"));
    // A noun in -ly is a head, not an adverb (and the phrase it ends modifies the source).
    let a = one("The organizer of the rally said the permit had been denied.");
    assert_eq!(a.1.as_deref(), Some("The organizer of the rally"));
}

#[test]
fn relative_pronoun_source_names_the_antecedent() {
    let text = "Voters cheered Ana Ruiz, who said the tax would be cut, before the vote.";
    let v = run(text);
    assert_eq!(v.len(), 1, "{:?}", view(text));
    assert_eq!(v[0].source.map(|s| s.of(text)), Some("who"));
    assert_eq!(v[0].content.of(text), "the tax would be cut");
    assert_eq!(v[0].speaker.as_deref(), Some("Ana Ruiz"));
}

#[test]
fn inverted_source_only_at_the_end() {
    // "said it will …" is a preposed verb after a comma, not "…, said Maria".
    let text = "Ana Ruiz, a planner, said it will help both towns.";
    let a = one(text);
    assert_eq!(a.0, "it will help both towns");
}

#[test]
fn participle_after_a_direct_quote_shares_its_source() {
    let text = "“The plan is dead,” Ana Ruiz said, adding that the council would vote again.";
    let v = view(text);
    assert_eq!(v.len(), 2, "{v:?}");
    assert_eq!(v[0].3, "direct");
    assert_eq!(v[1].0, "that the council would vote again");
    assert_eq!(v[1].1.as_deref(), Some("Ana Ruiz"));
    assert_eq!(v[1].2.as_deref(), Some("adding"));
}

#[test]
fn wire_style_quotes_with_a_reporting_clause_are_direct() {
    let text = "''The bridge is safe,'' said Ana Ruiz, the city engineer. ''We checked it twice.''";
    let v = run(text);
    assert_eq!(v.len(), 1, "{:?}", view(text));
    assert_eq!(v[0].kind, AttributionKind::Direct);
    assert_eq!(v[0].source.map(|s| s.of(text)), Some("Ana Ruiz"));
    assert_eq!(v[0].parts.len(), 2);
    assert_eq!(v[0].parts[1].of(text), "''We checked it twice.''");
    // A nickname in quotes inside a sentence is no one's words.
    assert!(run("The so-called ''Gang of Eight'' met on Monday.").is_empty());
}

#[test]
fn knowing_verbs_are_cues_only_before_a_clause_marker() {
    let a = one("Most voters know that the plant will close.");
    assert_eq!(a.0, "that the plant will close");
    assert_eq!(a.1.as_deref(), Some("Most voters"));
    assert!(run("Most voters know the plant well.").is_empty());
}

#[test]
fn many_cues_in_one_long_sentence_and_many_commas() {
    // Cues every few words, with and without commas: every walk is bounded, so this is linear.
    let mut text = String::from("Officials said");
    for i in 0..20_000 {
        text.push_str(match i % 5 {
            0 => " he said",
            1 => ",",
            2 => " according to",
            3 => " told",
            _ => " that",
        });
    }
    text.push('.');
    let v = run(&text);
    for a in &v {
        assert!(text.is_char_boundary(a.content.start) && a.content.end <= text.len());
    }
    let quotes = "“A,” he said. ".repeat(5_000);
    assert!(!run(&quotes).is_empty());
}

#[test]
fn intention_with_an_object_before_to() {
    let a = one("The mayor wants the council to approve the budget.");
    assert_eq!(a.0, "the council to approve the budget");
    assert_eq!(a.1.as_deref(), Some("The mayor"));
}

#[test]
fn plural_subject_verb_at_clause_end_and_relative_appositions() {
    let a = one("The school closed in 1990, city records show.");
    assert_eq!(a.0, "The school closed in 1990");
    assert_eq!(a.1.as_deref(), Some("city records"));
    let a = one("The aides, led by Ana Ruiz, told donors that the race was close.");
    assert_eq!(a.1.as_deref(), Some("The aides, led by Ana Ruiz"));
    assert_eq!(a.0, "that the race was close");
}

#[test]
fn asked_question_before_a_direct_answer() {
    let text = "Asked whether she would run again, Ana Ruiz said: “Never.”";
    let v = view(text);
    assert!(
        v.iter()
            .any(|a| a.0 == "whether she would run again" && a.1.is_none()),
        "{v:?}"
    );
}

#[test]
fn a_second_predicate_of_the_source_is_a_second_attribution() {
    let text = "The mayor said the budget was balanced and told reporters taxes would fall.";
    let v = view(text);
    assert_eq!(v.len(), 2, "{v:?}");
    assert_eq!(v[0].0, "the budget was balanced");
    assert_eq!(v[1].0, "taxes would fall");
    assert_eq!(v[1].1.as_deref(), Some("The mayor"));
    // "and" before a noun goes on with the content.
    let a = one("The mayor said the budget was balanced and taxes would fall.");
    assert_eq!(a.0, "the budget was balanced and taxes would fall");
}

#[test]
fn quantifiers_and_percentages_as_sources() {
    let a = one("Some say the tax will never pass.");
    assert_eq!(a.1.as_deref(), Some("Some"));
    let a = one("About 42% say the economy is improving.");
    assert_eq!(a.1.as_deref(), Some("42%"));
    assert_eq!(a.0, "the economy is improving");
}

#[test]
fn inverted_parenthetical_source() {
    let text = "The new line, said Ana Ruiz, will open in June.";
    let v = run(text);
    assert_eq!(v.len(), 1, "{:?}", view(text));
    let parts: Vec<&str> = v[0].parts.iter().map(|p| p.of(text)).collect();
    assert_eq!(parts, ["The new line", "will open in June"]);
    assert_eq!(v[0].source.map(|s| s.of(text)), Some("Ana Ruiz"));
}
