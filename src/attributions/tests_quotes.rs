//! Tests of reported speech in sentences that also hold a direct quote, in invented sentences
//! with exact offsets (the sentences are ASCII apart from curly quotes, whose offsets are
//! checked through `at`, which finds byte offsets).

use super::tests::{at, run, view};
use super::Attribution;

type Range = (usize, usize);

/// The attribution whose cue reads `cue`.
fn by_cue<'a>(v: &'a [Attribution], text: &str, cue: &str) -> &'a Attribution {
    v.iter()
        .find(|a| a.cue.is_some_and(|c| c.of(text) == cue))
        .unwrap_or_else(|| panic!("no cue {cue:?} in {v:?}"))
}

fn range(s: Option<crate::Span>) -> Option<Range> {
    s.map(|s| (s.start, s.end))
}

#[test]
fn reported_clause_before_the_quote_of_the_same_speaker() {
    let text =
        "The mayor said the bridge would reopen in May and added, \u{201c}We are ready.\u{201d}";
    let v = run(text);
    assert_eq!(v.len(), 2, "{v:?}");
    assert_eq!(v[0].kind.as_str(), "indirect");
    assert_eq!(
        (v[0].content.start, v[0].content.end),
        at(text, "the bridge would reopen in May")
    );
    assert_eq!((v[0].content.start, v[0].content.end), (15, 45));
    assert_eq!(range(v[0].source), Some(at(text, "The mayor")));
    assert_eq!(range(v[0].cue), Some(at(text, "said")));
    assert_eq!(v[1].kind.as_str(), "direct");
    assert_eq!(v[1].content.of(text), "\u{201c}We are ready.\u{201d}");
}

#[test]
fn reported_clause_before_a_colon_and_quote() {
    let text =
        "The union warned that talks had stalled, adding: \u{201c}We will not sign this.\u{201d}";
    let v = run(text);
    let kinds: Vec<&str> = v.iter().map(|a| a.kind.as_str()).collect();
    assert!(kinds.contains(&"direct"), "{v:?}");
    let ind: Vec<&Attribution> = v.iter().filter(|a| a.kind.as_str() == "indirect").collect();
    assert_eq!(ind.len(), 1, "{v:?}");
    assert_eq!(
        (ind[0].content.start, ind[0].content.end),
        at(text, "that talks had stalled")
    );
    assert_eq!(range(ind[0].source), Some(at(text, "The union")));
}

#[test]
fn relative_clause_after_a_postposed_quote() {
    let text = "\u{201c}We are ready,\u{201d} said Ana Ruiz, who argued that the bridge was safe.";
    let v = run(text);
    assert_eq!(v.len(), 2, "{v:?}");
    assert_eq!(v[0].kind.as_str(), "direct");
    assert_eq!(v[0].speaker.as_deref(), Some("Ana Ruiz"));
    let a = &v[1];
    assert_eq!(a.kind.as_str(), "indirect");
    assert_eq!(
        (a.content.start, a.content.end),
        at(text, "that the bridge was safe")
    );
    assert_eq!(range(a.source), Some(at(text, "who")));
    assert_eq!(range(a.cue), Some(at(text, "argued")));
    assert_eq!(a.speaker.as_deref(), Some("Ana Ruiz"));
}

#[test]
fn the_quote_its_cue_and_its_source_are_not_reported_speech() {
    for text in [
        "In a statement, the spokesman said: \u{201c}We will appeal the ruling.\u{201d}",
        "The spokesman told the paper in a written reply, \u{201c}We will appeal the ruling.\u{201d}",
        "\u{201c}We will appeal the ruling,\u{201d} the spokesman said, without taking questions.",
        "Ms. Ota said on Monday, \u{201c}Nobody can afford this city any more.\u{201d}",
    ] {
        let v = run(text);
        assert_eq!(v.len(), 1, "{text:?} -> {v:?}");
        assert_eq!(v[0].kind.as_str(), "direct", "{text:?}");
        assert!(v[0].content.of(text).starts_with('\u{201c}'), "{text:?}");
    }
}

#[test]
fn a_participle_between_commas_is_no_inverted_cue() {
    // "…, noting X, said …": X is what was noted, not who spoke before the comma.
    let text = "The council, noting the size of the crowd, said the vote would wait.";
    let v = run(text);
    assert!(
        v.iter().all(|a| a
            .source
            .map_or(true, |s| s.of(text) != "the size of the crowd")),
        "{v:?}"
    );
    let said = by_cue(&v, text, "said");
    assert_eq!(
        (said.content.start, said.content.end),
        at(text, "the vote would wait")
    );
}

#[test]
fn a_stance_object_ends_before_a_subordinate_clause() {
    let text = "The welder is backing the mayor because he worries about the plant.";
    let v = run(text);
    // The reason may be an attribution of its own ("worries about"), not part of this one.
    assert_eq!(range(v[0].cue), Some(at(text, "backing")));
    assert_eq!((v[0].content.start, v[0].content.end), (22, 31));
    assert_eq!(v[0].content.of(text), "the mayor");
    assert_eq!(range(v[0].source), Some(at(text, "The welder")));
}

#[test]
fn an_opening_subordinate_clause_ends_its_content_at_the_comma() {
    let text = "Although the report found that costs rose, the council approved the budget.";
    let v = run(text);
    let found = by_cue(&v, text, "found");
    assert_eq!(
        (found.content.start, found.content.end),
        at(text, "that costs rose")
    );
    assert_eq!(range(found.source), Some(at(text, "the report")));
    // Without the subordinator the clause runs on to the sentence end (a second "that" clause
    // is the report's too; ", and the council approved …" would be the writer's next clause).
    let text = "The report found that costs rose, and that the council approved the budget.";
    let v = run(text);
    assert!(
        v.iter()
            .any(|a| a.content.of(text)
                == "that costs rose, and that the council approved the budget"),
        "{v:?}"
    );
}

#[test]
fn a_comma_inside_the_closing_quotation_mark_ends_the_clause() {
    let text = "The senator said that the vote was \u{201c}very close,\u{201d} adding that a recount was likely.";
    let v = run(text);
    let said = by_cue(&v, text, "said");
    assert_eq!(
        (said.content.start, said.content.end),
        at(text, "that the vote was \u{201c}very close,\u{201d}")
    );
    assert_eq!(said.kind.as_str(), "mixed");
    let adding = by_cue(&v, text, "adding");
    assert_eq!(
        (adding.content.start, adding.content.end),
        at(text, "that a recount was likely")
    );
}

#[test]
fn a_subordinate_clause_with_its_own_source_is_a_second_attribution() {
    let text =
        "The senator said taxes would fall after her rival warned that the deficit would grow.";
    let v = view(text);
    assert_eq!(v.len(), 2, "{v:?}");
    assert_eq!(v[0].0, "taxes would fall");
    assert_eq!(v[1].0, "that the deficit would grow");
    assert_eq!(v[1].1.as_deref(), Some("her rival"));
    assert_eq!(run(text)[1].content.start, 57);
}

#[test]
fn a_second_participle_after_and_is_a_second_attribution() {
    let text = "The mayor is noting the cost of the plan and saying the council should wait.";
    let v = view(text);
    assert_eq!(v[0].0, "the cost of the plan", "{v:?}");
    assert_eq!(v[0].2.as_deref(), Some("noting"));
    assert!(v.iter().all(|a| !a.0.contains("and saying")), "{v:?}");
}

#[test]
fn a_quote_inside_a_that_clause_is_one_mixed_attribution() {
    // The "that" clause holds the quote: after a hearer, after an adjunct, or ending in a comma.
    for (text, content, cue) in [
        (
            "Ana Ruiz told reporters that \u{201c}the bridge is safe.\u{201d}",
            "that \u{201c}the bridge is safe.\u{201d}",
            "told",
        ),
        (
            "The mayor said on Monday that \u{201c}nobody will lose a home.\u{201d}",
            "that \u{201c}nobody will lose a home.\u{201d}",
            "said",
        ),
        (
            "The union conceded Sunday that, whatever the vote, \u{201c}the strike is over.\u{201d}",
            "that, whatever the vote, \u{201c}the strike is over.\u{201d}",
            "conceded",
        ),
        (
            "Ms. Osei told the council in a letter that \u{201c}the money is gone.\u{201d}",
            "that \u{201c}the money is gone.\u{201d}",
            "told",
        ),
    ] {
        let v = run(text);
        assert_eq!(v.len(), 1, "{text:?} -> {:?}", view(text));
        assert_eq!(v[0].kind.as_str(), "mixed", "{text:?}");
        assert_eq!((v[0].content.start, v[0].content.end), at(text, content));
        assert_eq!(range(v[0].cue), Some(at(text, cue)), "{text:?}");
        assert_eq!(v[0].quotes.len(), 1, "{text:?}");
    }
    // The offsets, counted by hand for the first sentence.
    let text = "Ana Ruiz told reporters that \u{201c}the bridge is safe.\u{201d}";
    assert_eq!(run(text)[0].content.start, 24);
}

#[test]
fn words_after_a_hearer_or_an_infinitive_cue_lead_into_the_quote() {
    for (text, content) in [
        (
            "The coach told them the team would \u{201c}fight for every point.\u{201d}",
            "the team would \u{201c}fight for every point.\u{201d}",
        ),
        (
            "The governor vowed to make the agency \u{201c}answer for every dollar.\u{201d}",
            "to make the agency \u{201c}answer for every dollar.\u{201d}",
        ),
        (
            "The minister said the reform would pass this year, \u{201c}with or without them.\u{201d}",
            "the reform would pass this year, \u{201c}with or without them.\u{201d}",
        ),
    ] {
        let v = run(text);
        assert_eq!(v.len(), 1, "{text:?} -> {:?}", view(text));
        assert_eq!(v[0].kind.as_str(), "mixed", "{text:?}");
        assert_eq!((v[0].content.start, v[0].content.end), at(text, content));
    }
}

#[test]
fn a_hearer_an_adjunct_or_a_short_lead_in_leaves_the_quote_direct() {
    for text in [
        "Ana Ruiz told reporters \u{201c}the bridge is safe.\u{201d}",
        "Ana Ruiz told the paper in a written reply, \u{201c}the bridge is safe.\u{201d}",
        "Ana Ruiz said on Monday, \u{201c}The bridge is safe.\u{201d}",
        "Ana Ruiz told CNN on Monday: \u{201c}The bridge is safe.\u{201d}",
    ] {
        let v = run(text);
        assert_eq!(v.len(), 1, "{text:?} -> {:?}", view(text));
        assert_eq!(v[0].kind.as_str(), "direct", "{text:?}");
        assert!(v[0].content.of(text).starts_with('\u{201c}'), "{text:?}");
    }
}

#[test]
fn words_of_the_sentence_before_a_postposed_quote_lead_into_it() {
    let text = "The new toll \u{201c}will not pay for the bridge,\u{201d} the engineer said.";
    let v = run(text);
    assert_eq!(v.len(), 1, "{:?}", view(text));
    assert_eq!(v[0].kind.as_str(), "mixed");
    assert_eq!(
        (v[0].content.start, v[0].content.end),
        at(
            text,
            "The new toll \u{201c}will not pay for the bridge,\u{201d}"
        )
    );
    assert_eq!(v[0].content.start, 0);
    assert_eq!(range(v[0].source), Some(at(text, "the engineer")));
    // A fronted adjunct set off by a comma leads into the quote too.
    let text =
        "At the hearing, \u{201c}the toll will not pay for the bridge,\u{201d} the engineer said.";
    let v = run(text);
    assert_eq!(v[0].kind.as_str(), "mixed", "{:?}", view(text));
    assert_eq!((v[0].content.start, v[0].content.end), (0, 59));
    assert_eq!(range(v[0].source), Some(at(text, "the engineer")));
    // A quote that opens its sentence, follows a colon, or follows its own reporting verb, is
    // direct.
    for text in [
        "\u{201c}The toll will not pay for the bridge,\u{201d} the engineer said.",
        "The engineer warned, \u{201c}the toll will not pay for the bridge,\u{201d} she said.",
        "One verdict: \u{201c}the toll will not pay for the bridge,\u{201d} the engineer said.",
    ] {
        let v = run(text);
        assert_eq!(v[0].kind.as_str(), "direct", "{text:?} -> {:?}", view(text));
        assert!(v[0].content.of(text).starts_with('\u{201c}'), "{text:?}");
    }
}

#[test]
fn a_stance_object_ends_before_a_second_predicate_or_an_adjunct_of_the_act() {
    let text = "The senator endorsed the mayor and has campaigned for her since May.";
    let v = run(text);
    let a = by_cue(&v, text, "endorsed");
    assert_eq!((a.content.start, a.content.end), (21, 30));
    assert_eq!(a.content.of(text), "the mayor");
    let text = "The governor thanked volunteers at a rally in Dayton.";
    let v = run(text);
    let a = by_cue(&v, text, "thanked");
    assert_eq!((a.content.start, a.content.end), at(text, "volunteers"));
    // "and" + a reporting verb still starts the next attribution of the same source.
    let text = "The senator endorsed the mayor and has said that the race is close.";
    let v = view(text);
    assert_eq!(v[0].0, "the mayor", "{v:?}");
    assert!(v.iter().any(|a| a.0 == "that the race is close"), "{v:?}");
}

#[test]
fn the_agent_of_a_passive_or_a_byline_is_no_content() {
    // A verb of saying in the passive reports its subject, the agent is the source.
    let text = "The closure was first reported by the Tribune.";
    let v = run(text);
    assert_eq!(v.len(), 1, "{:?}", view(text));
    assert_eq!(v[0].content.of(text), "The closure");
    let text = "The attack was claimed by a group in the north.";
    let v = run(text);
    assert_eq!(v.len(), 1, "{:?}", view(text));
    assert_eq!(v[0].content.of(text), "The attack");
    let text = "Additional reporting by Ana Ruiz and Tom Bell.";
    assert!(run(text).is_empty(), "{text:?} -> {:?}", view(text));
    // After the agent a question may follow; "by" + a gerund is what was said.
    let text = "The senator was asked by a reporter whether she would run again.";
    let v = run(text);
    assert_eq!(v.len(), 1, "{:?}", view(text));
    assert_eq!((v[0].content.start, v[0].content.end), (36, 63));
    assert_eq!(v[0].content.of(text), "whether she would run again");
    let v = view("The mayor responded by saying the budget was balanced.");
    assert_eq!(v[0].0, "by saying the budget was balanced", "{v:?}");
}

#[test]
fn a_subordinate_clause_after_a_comma_ends_the_content() {
    let text = "The senator said the bill would pass, although few colleagues agree.";
    let v = run(text);
    let said = by_cue(&v, text, "said");
    assert_eq!((said.content.start, said.content.end), (17, 36));
    assert_eq!(said.content.of(text), "the bill would pass");
    // Without the comma the clause is the reported reason and stays.
    let text = "The senator said the bill would pass because voters want it.";
    let v = view(text);
    assert_eq!(
        v[0].0, "the bill would pass because voters want it",
        "{v:?}"
    );
}

#[test]
fn fronted_words_before_a_parenthetical_cue_lead_into_a_lower_case_quote() {
    let text = "The new levy, the mayor said, \u{201c}will hurt every small shop.\u{201d}";
    let v = run(text);
    assert_eq!(v.len(), 1, "{:?}", view(text));
    assert_eq!(v[0].kind.as_str(), "mixed");
    assert_eq!((v[0].content.start, v[0].content.end), (0, 63));
    let parts: Vec<Range> = v[0].parts.iter().map(|p| (p.start, p.end)).collect();
    assert_eq!(parts, vec![(0, 12), (30, 63)]);
    assert_eq!(v[0].parts[0].of(text), "The new levy");
    assert_eq!(range(v[0].source), Some(at(text, "the mayor")));
    assert_eq!(range(v[0].cue), Some(at(text, "said")));
    // The inverted order, and a fronted connective.
    let text = "Instead, said Ana Ruiz, \u{201c}the bridge will have to wait.\u{201d}";
    let v = run(text);
    assert_eq!(v[0].kind.as_str(), "mixed", "{:?}", view(text));
    assert_eq!(v[0].content.start, 0);
    assert_eq!(v[0].parts[0].of(text), "Instead");
    // A capitalised quote is a sentence of its own after scene-setting words; a cue away from
    // its source, or fronted words with a reporting verb, take no part either.
    for text in [
        "In a statement, the mayor said, \u{201c}We will appeal the ruling.\u{201d}",
        "Minutes later, she sent a text saying, \u{201c}done.\u{201d}",
        "The mayor said the levy was fair, and, she added, \u{201c}overdue.\u{201d}",
    ] {
        let v = run(text);
        let a = v
            .iter()
            .find(|a| !a.quotes.is_empty())
            .unwrap_or_else(|| panic!("{text:?} -> {:?}", view(text)));
        assert!(
            a.content.of(text).starts_with('\u{201c}'),
            "{text:?} -> {:?}",
            view(text)
        );
    }
}

/// A participle after the cue of a split quote ("“A,” she said, referring to the vote. “B.”")
/// reports for the quote's source, as after the cue of a whole quote: the cue sits between the
/// quote's parts, not after its content.
#[test]
fn a_participle_after_the_cue_of_a_split_quote_shares_its_source() {
    let text = "\"The plan is dead,\" Ruiz said, referring to the vote. \"We lost.\"";
    let v = super::tests::spans(text);
    assert_eq!(v.len(), 2, "{v:?}");
    assert_eq!(v[0].0, (0, 64));
    assert_eq!(v[1].0, (44, 52));
    assert_eq!(v[1].0, at(text, "the vote"));
    assert_eq!(v[1].1, Some((20, 24)));
    assert_eq!(v[1].2, Some(at(text, "referring to")));
}

#[test]
fn quote_within_a_quote_is_no_attribution_of_its_own() {
    // The inner quote is the outer speaker's account of what someone told her.
    let text = "\u{201c}We met the tenants, and Ms. Ruiz said, \u{2018}Do not forget us.\u{2019} \
                I have not,\u{201d} the mayor said on Tuesday.";
    let v = run(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].kind.as_str(), "direct");
    assert!(v[0].content.of(text).starts_with("\u{201c}We met"), "{v:?}");
}

#[test]
fn partial_quote_within_a_quote_is_no_mixed_attribution_of_its_own() {
    // The single-quoted words are the outer speaker's: she says what the governor would not say,
    // and the governor is no source of a mixed attribution inside her quote.
    let text = "\u{201c}In her speech today, Governor Lindqvist refused to even say the words \
                \u{2018}water shortage.\u{2019} For that reason alone, she should resign,\u{201d} \
                Ms. Okafor said.";
    let v = run(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].kind.as_str(), "direct");
    assert_eq!(v[0].source.map(|s| s.of(text)), Some("Ms. Okafor"));
}

#[test]
fn an_object_inside_a_mixed_attribution_of_the_same_cue_is_no_second_attribution() {
    // "called his rival ... a “…”" is one report, read whole as mixed; its object alone is no
    // indirect attribution of the same cue beside it.
    let text = "At a rally in Dayton, Mr. Brandt called his rival, the former senator, a \
                \u{201c}career lobbyist.\u{201d}";
    let v = run(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].kind.as_str(), "mixed");
    assert_eq!(v[0].cue.map(|c| c.of(text)), Some("called"));
    assert!(
        v[0].content.of(text).starts_with("his rival, the former"),
        "{v:?}"
    );
}
