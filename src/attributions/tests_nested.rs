//! Nested reporting ("The mayor said the council told her that …"): `extract_with(.., true)`
//! returns the attributions inside contents, each pointing at its holder; `extract` does not.

use super::tests::{at, committee_sentence_of_10k_words, run};
use super::*;

fn nested(text: &str) -> Vec<Attribution> {
    extract_with(text, &crate::segment::split(text), true).attributions
}

/// (content, source, cue, nested_in) as strings, for readable assertions.
type Row = (String, Option<String>, Option<String>, Option<usize>);

fn rows(text: &str) -> Vec<Row> {
    nested(text)
        .iter()
        .map(|a| {
            (
                a.content.of(text).to_string(),
                a.source.map(|s| s.of(text).to_string()),
                a.cue.map(|s| s.of(text).to_string()),
                a.nested_in,
            )
        })
        .collect()
}

fn row(content: &str, source: &str, cue: &str, nested_in: Option<usize>) -> Row {
    (
        content.into(),
        Some(source.into()),
        Some(cue.into()),
        nested_in,
    )
}

#[test]
fn outermost_only_without_nesting() {
    let text = "He said she said that the deal was off.";
    let v = run(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].content.of(text), "she said that the deal was off");
    assert_eq!(v[0].nested_in, None);
}

#[test]
fn two_levels() {
    let text = "The mayor said the council told her that the budget was short.";
    assert_eq!(
        rows(text),
        vec![
            row(
                "the council told her that the budget was short",
                "The mayor",
                "said",
                None
            ),
            row("that the budget was short", "the council", "told", Some(0)),
        ]
    );
    let v = nested(text);
    assert_eq!((v[1].content.start, v[1].content.end), (36, 61));
    assert_eq!(v[1].source.map(|s| (s.start, s.end)), Some((15, 26)));
    assert_eq!(v[1].cue.map(|s| (s.start, s.end)), Some((27, 31)));
    assert_eq!(v[1].speaker.as_deref(), Some("council"));
    assert_eq!(v[1].kind, AttributionKind::Indirect);
}

#[test]
fn three_levels_each_inside_the_one_before() {
    let text = "Officials said the report found that voters believe the tax is unfair.";
    let v = nested(text);
    assert_eq!(
        rows(text),
        vec![
            row(
                "the report found that voters believe the tax is unfair",
                "Officials",
                "said",
                None
            ),
            row(
                "that voters believe the tax is unfair",
                "the report",
                "found",
                Some(0)
            ),
            row("the tax is unfair", "voters", "believe", Some(1)),
        ]
    );
    for (i, a) in v.iter().enumerate().skip(1) {
        let outer = &v[a.nested_in.unwrap_or(i)];
        assert!(outer.content.start <= a.content.start && a.content.end <= outer.content.end);
        assert!(outer.content.start <= a.cue.map_or(0, |c| c.start));
    }
    assert_eq!(at(text, "the tax is unfair"), (52, 69));
}

#[test]
fn depth_bound_stops_after_three_nested_levels() {
    let text = "Ana Ruiz said Ben Ode told her that Cy Lam said Dee Fox believed that Eve Kay \
                said the tax is unfair.";
    let v = nested(text);
    let levels: Vec<Option<usize>> = v.iter().map(|a| a.nested_in).collect();
    assert_eq!(levels, vec![None, Some(0), Some(1), Some(2)]);
    assert_eq!(clauses::MAX_NESTING, 3);
    // "Eve Kay said" is a fifth level: past the bound, so no attribution of its own.
    assert!(!v
        .iter()
        .any(|a| a.source.is_some_and(|s| s.of(text) == "Eve Kay")));
    assert_eq!(v[3].content.of(text), "that Eve Kay said the tax is unfair");
}

#[test]
fn nested_pronoun_source_resolves_like_any_other() {
    let text = "Lena Ortiz spoke first. Officials said she had warned that the roof would leak.";
    let v = nested(text);
    assert_eq!(v.len(), 2, "{:?}", rows(text));
    assert_eq!(v[1].source.map(|s| s.of(text)), Some("she"));
    assert_eq!(v[1].speaker.as_deref(), Some("Lena Ortiz"));
    assert_eq!(v[1].content.of(text), "that the roof would leak");
    assert_eq!(v[1].nested_in, Some(0));
}

#[test]
fn nested_after_a_direct_quote_points_into_the_full_list() {
    let text =
        "“The vote was close,” Leo Park said. He added that the clerk told him the count was fair.";
    let v = nested(text);
    assert_eq!(v.len(), 3);
    assert_eq!(v[0].kind, AttributionKind::Direct);
    assert_eq!(v[2].nested_in, Some(1));
    assert_eq!(v[2].content.of(text), "the count was fair");
    assert_eq!(v[2].source.map(|s| s.of(text)), Some("the clerk"));
}

#[test]
fn a_content_holding_its_own_cue_is_not_found_again() {
    // A relative clause content holds its cue ("what she called …"): not nested in itself.
    let text = "The mayor defended what she called a fair budget.";
    let v = nested(text);
    let plain = run(text);
    assert_eq!(v.len(), plain.len(), "{:?}", rows(text));
    assert!(v.iter().all(|a| a.nested_in.is_none()));
}

#[test]
fn hostile_chain_stays_bounded() {
    let mut text = String::from("He said");
    for i in 0..5_000 {
        text.push_str(if i % 2 == 0 {
            " she said that"
        } else {
            " he said"
        });
    }
    text.push_str(" the deal was off.");
    let v = nested(&text);
    // One outermost attribution and one per nested level, whatever the length.
    assert_eq!(v.len(), 1 + clauses::MAX_NESTING);
    for (i, a) in v.iter().enumerate() {
        assert_eq!(a.nested_in, i.checked_sub(1));
        assert!(text.is_char_boundary(a.content.start) && text.is_char_boundary(a.content.end));
        assert_eq!(a.content.end, text.len() - 1);
    }
}

#[test]
fn many_sibling_contents_in_a_long_sentence() {
    let text = committee_sentence_of_10k_words();
    let v = nested(&text);
    // Every level is one scan of the sentence: at most one attribution per cue.
    assert!(v.len() <= 1 + 10_000 / 7 + 1, "{}", v.len());
    assert!(v.len() > 1);
    for a in &v {
        let p = a.nested_in.map(|p| &v[p]);
        assert!(p.map_or(true, |p| p.content.start <= a.content.start));
        assert!(a.content.end <= text.len());
    }
}

#[test]
fn a_verb_before_that_reports_the_clause_holding_a_nested_source() {
    // "ruled" is no cue of the lexicon, but a verb in the past before "that" takes the clause:
    // the judge's ruling holds the aide's claim, whose source is no part of its own content.
    let text = "The judge ruled that the aide claimed the files were lost.";
    let v = run(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(
        v[0].content.of(text),
        "that the aide claimed the files were lost"
    );
    assert_eq!(
        v[0].content.start,
        at(text, "that the aide claimed the files were lost").0
    );
    assert_eq!(v[0].source.map(|s| s.of(text)), Some("The judge"));
    assert_eq!(v[0].cue.map(|s| s.of(text)), Some("ruled"));
    assert_eq!(
        rows(text),
        vec![
            row(
                "that the aide claimed the files were lost",
                "The judge",
                "ruled",
                None
            ),
            row("the files were lost", "the aide", "claimed", Some(0)),
        ]
    );
    // After a noun "that" still opens a relative clause, whose relative word is the content's
    // start: "shelved" is a verb in the past, but "plan" stands between it and "that".
    let text = "The board shelved the plan that voters believe is too costly.";
    let v = run(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].content.of(text), "that voters believe is too costly");
    assert_eq!(v[0].source.map(|s| s.of(text)), Some("voters"));
}
