//! Tests of the rules added for indirect recall in round 9 (known cues that found no
//! attribution), in invented sentences with exact offsets (byte offsets equal `str` offsets here:
//! the sentences are ASCII).

use super::tests::{at, spans};

/// A document that reports findings is the subject of a noun-like cue form ("shows", "show"):
/// polls, surveys and records show what they found.
#[test]
fn documents_show_findings() {
    let text = "A new survey shows only a slim lead for the mayor.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, (19, 49));
    assert_eq!(v[0].0, at(text, "only a slim lead for the mayor"));
    assert_eq!(v[0].1, Some(at(text, "A new survey")));
    assert_eq!(v[0].2, Some(at(text, "shows")));
    let text = "But court records show few signs that the firm paid its debts.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, at(text, "few signs that the firm paid its debts"));
    assert_eq!(v[0].1, Some(at(text, "court records")));
    // A show that is a noun stays one ("a radio show"), and so does support after a count.
    assert!(spans("The radio show drew a large crowd on Friday.").is_empty());
    assert!(spans("Ruiz has 40 percent support among young voters.").is_empty());
}

/// A modifier in -ing right before the head of a source that opens its clause is no participle
/// phrase: "But hacking experts say", "Polling firms say".
#[test]
fn ing_modifier_opens_a_source() {
    let text = "But hacking experts say the leaked files may be fake.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, (24, 52));
    assert_eq!(v[0].1, Some(at(text, "hacking experts")));
    assert_eq!(v[0].2, Some(at(text, "say")));
}

/// An inverted source may open with a lower-case title before a name: "…, said former city
/// manager Lena Park", "said master of ceremonies Ali Hassan".
#[test]
fn inverted_source_opens_with_a_title() {
    let text = "The bridge will reopen in May, said former city manager Lena Park.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, (0, 29));
    assert_eq!(v[0].0, at(text, "The bridge will reopen in May"));
    assert_eq!(v[0].1, Some(at(text, "former city manager Lena Park")));
    assert_eq!(v[0].2, Some(at(text, "said")));
    let text = "The vote was a turning point, said master of ceremonies Ali Hassan.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, at(text, "The vote was a turning point"));
    assert_eq!(v[0].1, Some(at(text, "master of ceremonies Ali Hassan")));
    // A direct quote takes the titled speaker too.
    let text = "\"We will rebuild,\" said former city manager Lena Park.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].1, Some(at(text, "former city manager Lena Park")));
    // A cue's object or an adjunct before a name is no title.
    let text = "The bridge will reopen, noted testimony by Lena Park.";
    assert!(spans(text)
        .iter()
        .all(|a| a.1 != Some(at(text, "testimony by Lena Park"))));
}

/// "…, she said when asked whether …": a question put after a subordinator by someone
/// unnamed; the question is the content and has no source.
#[test]
fn question_when_asked_has_no_source() {
    let text = "The mayor smiled when asked how the city would pay for the bridge.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, (28, 65));
    assert_eq!(v[0].0, at(text, "how the city would pay for the bridge"));
    assert_eq!(v[0].1, None);
    assert_eq!(v[0].2, Some(at(text, "asked")));
    // Not after a subject ("the board asked whether …" has its asker as source).
    let text = "The board asked whether the city would pay for the bridge.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].1, Some(at(text, "The board")));
}

/// A source whose modifier ends in an object pronoun ("a source close to him", "people familiar
/// with them") or whose head is stressed by "itself" ("the company itself") is one noun phrase.
#[test]
fn source_ends_in_a_pronoun() {
    let text = "A source close to him said the senator would run again.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, (27, 54));
    assert_eq!(v[0].0, at(text, "the senator would run again"));
    assert_eq!(v[0].1, Some(at(text, "A source close to him")));
    assert_eq!(v[0].2, Some(at(text, "said")));
    let text = "The senator will run again, people familiar with them say.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, at(text, "The senator will run again"));
    assert_eq!(v[0].1, Some(at(text, "people familiar with them")));
    let text = "The bank itself said the merger was off.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, at(text, "the merger was off"));
    assert_eq!(v[0].1, Some(at(text, "The bank itself")));
}

/// A sentence that opens with a coordinator ("But", "And", "So") has its subject right after
/// it: "But the county board voted and said …" (no comma closes an opening clause).
#[test]
fn subject_after_an_opening_coordinator() {
    let text = "But the county board voted and said the levy would rise.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, (36, 55));
    assert_eq!(v[0].0, at(text, "the levy would rise"));
    assert_eq!(v[0].1, Some(at(text, "the county board")));
    assert_eq!(v[0].2, Some(at(text, "said")));
    // A subordinator still needs its clause's comma before the subject.
    assert!(spans("While the board voted and said the levy would rise nobody came.").is_empty());
}

/// "“…,” she said when asked whether …": after a direct quote's cue, the question put to the
/// speaker is an attribution of its own, with no source.
#[test]
fn question_after_a_direct_quote() {
    let text = "\"We will,\" the mayor said when asked whether the city would pay.";
    let v = spans(text);
    assert_eq!(v.len(), 2, "{v:?}");
    assert_eq!(v[0].0, at(text, "\"We will,\""));
    assert_eq!(v[1].0, (37, 63));
    assert_eq!(v[1].0, at(text, "whether the city would pay"));
    assert_eq!(v[1].1, None);
    assert_eq!(v[1].2, Some(at(text, "asked")));
}

/// A capitalised modal after a capitalised word ends a name ("Theresa May said"), not a
/// verb group.
#[test]
fn name_ending_in_a_modal() {
    let text = "Prime Minister Ana May said the talks would resume.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, (28, 50));
    assert_eq!(v[0].0, at(text, "the talks would resume"));
    assert_eq!(v[0].1, Some(at(text, "Prime Minister Ana May")));
    assert_eq!(v[0].2, Some(at(text, "said")));
    let text = "The talks will resume, Ana May said.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, at(text, "The talks will resume"));
    assert_eq!(v[0].1, Some(at(text, "Ana May")));
}

/// Verbs of taking up or attacking a position take it as their object
/// like "endorsed" and "highlighted" do.
#[test]
fn stance_verbs_of_embracing_and_attacking() {
    let text = "Two council members were bashing the budget.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, at(text, "the budget"));
    assert_eq!(v[0].1, Some(at(text, "Two council members")));
    let text = "Farm groups are embracing the new trade rules.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, at(text, "the new trade rules"));
    assert_eq!(v[0].2, Some(at(text, "embracing")));
    // The nouns stay nouns: "a warm embrace".
    assert!(spans("A warm embrace ended the long feud.").is_empty());
}

/// An adverb between a subject and a noun-like cue form ("still", "already", "often") hides
/// neither: the noun-form test looks through it to the subject ("voters", "they") before it.
#[test]
fn a_noun_like_cue_after_still_follows_its_subject() {
    let text = "Most voters still want Ruiz to run.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, (23, 34));
    assert_eq!(v[0].0, at(text, "Ruiz to run"));
    assert_eq!(v[0].1, Some(at(text, "Most voters")));
    assert_eq!(v[0].2, Some(at(text, "want")));
    let text = "They still support the plan.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, at(text, "the plan"));
    assert_eq!(v[0].1, Some(at(text, "They")));
    let text = "Most voters already support the plan.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, at(text, "the plan"));
    assert_eq!(v[0].1, Some(at(text, "Most voters")));
    let text = "Farmers often blame the weather.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, at(text, "the weather"));
    assert_eq!(v[0].2, Some(at(text, "blame")));
    // The adverb alone makes no verb: a base form after a singular noun stays a noun.
    assert!(spans("The city still plan drew a crowd.").is_empty());
}

/// "made clear that", "has made it clear that": an idiom of saying ([clause_phrase]) is the
/// cue of the clause after it; "clear" as an adjective before a noun is no cue.
#[test]
fn made_clear_reports_the_clause_after_it() {
    let text = "The mayor made clear that she would not run again.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, (21, 49));
    assert_eq!(v[0].0, at(text, "that she would not run again"));
    assert_eq!(v[0].1, Some(at(text, "The mayor")));
    assert_eq!(v[0].2, Some(at(text, "made clear")));
    let text = "Ruiz has made it clear that the plan is dead.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, at(text, "that the plan is dead"));
    assert_eq!(v[0].1, Some(at(text, "Ruiz")));
    assert_eq!(v[0].2, Some(at(text, "made it clear")));
    assert!(spans("The factory made clear plastic bottles for the city.").is_empty());
}

/// A stance verb in an infinitive of purpose after an intransitive verb ("met to condemn"):
/// when no subject opens the sentence (an opening adjunct with no comma), its holder is the noun
/// phrase before the verb that takes the infinitive.
#[test]
fn an_infinitive_stance_takes_the_holder_before_its_verb() {
    let text = "In the capital the senators met to condemn the attack.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, (43, 53));
    assert_eq!(v[0].0, at(text, "the attack"));
    assert_eq!(v[0].1, Some(at(text, "the senators")));
    assert_eq!(v[0].2, Some(at(text, "condemn")));
}

/// "see X as Y" with a titled name as X: the title's abbreviation point is no punctuation that
/// ends the object before "as".
#[test]
fn seeing_a_titled_object_as() {
    let text = "Most council members see Mr. Ruiz as a threat to the budget.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, at(text, "Mr. Ruiz as a threat to the budget"));
    assert_eq!(v[0].1, Some(at(text, "Most council members")));
    assert_eq!(v[0].2, Some(at(text, "see")));
    let text = "The union views Dr. Osei as the most careful of the candidates.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(
        v[0].0,
        at(text, "Dr. Osei as the most careful of the candidates")
    );
    // A full stop that ends a sentence still ends the object.
    assert!(spans("They saw Lima. As usual, the bus was late.").is_empty());
}

/// A poll's comparison whose count gives its own answer ("…, compared with 40 percent who say
/// the same of Ruiz") is that count's attribution, not part of the first count's content.
#[test]
fn poll_comparison_with_its_own_answer() {
    let text = "Seventy percent say they trust the mayor, compared with 40 percent who say the same of Ruiz.";
    let v = spans(text);
    assert_eq!(v.len(), 2, "{v:?}");
    assert_eq!(v[0].0, at(text, "they trust the mayor"));
    assert_eq!(v[0].1, Some(at(text, "Seventy percent")));
    assert_eq!(v[1].0, at(text, "the same of Ruiz"));
    assert_eq!(v[1].2, Some((71, 74)));
    let text = "Most voters said the mayor would do better, double the number who said so of Ruiz.";
    let v = spans(text);
    assert_eq!(v.len(), 2, "{v:?}");
    assert_eq!(v[0].0, at(text, "the mayor would do better"));
    // A comparison with no answer of its own stays in the content.
    let text = "Half say they trust the mayor, compared with 30 percent last year.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(
        v[0].0,
        at(
            text,
            "they trust the mayor, compared with 30 percent last year"
        )
    );
}

/// An inverted reporting clause after a quoted phrase whose comma sits inside the closing mark
/// ("The mayor is ''not a quitter,'' said Ana Ruiz."): the name after the cue is the source and
/// the clause before it, quote and all, the content (a mixed attribution).
#[test]
fn inverted_source_after_a_quoted_phrase() {
    let text = "The mayor is ''not a quitter,'' said Ana Ruiz.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0 .0, 0);
    assert_eq!(v[0].1, Some(at(text, "Ana Ruiz")));
    assert_eq!(v[0].2, Some(at(text, "said")));
    let text =
        "The council was \u{201c}very upset about it,\u{201d} said a source close to the mayor.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0 .0, 0);
    assert_eq!(v[0].1, Some(at(text, "a source close to the mayor")));
}

/// An inverted source placed by a short adjunct ("…, says Anna Berg in Vilnius."): the name is
/// the source and the clause before the comma the content, not the other way round.
#[test]
fn inverted_source_placed_by_an_adjunct() {
    let text = "The plan will fail, says Anna Berg in Vilnius.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, at(text, "The plan will fail"));
    assert_eq!(v[0].1, Some(at(text, "Anna Berg")));
    let text = "The bridge will reopen in May, said a spokesman at the ministry.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, at(text, "The bridge will reopen in May"));
    assert_eq!(v[0].1, Some(at(text, "a spokesman")));
}

/// An inverted source described by a relative clause or prepositional tail that runs to the
/// sentence end ("…, said a group of farmers who met the minister."): the clause before the
/// comma is the content and the head phrase the source, with no content resumed after "who".
#[test]
fn inverted_source_with_a_relative_clause_to_the_end() {
    let text = "The new levy is unfair to small growers, said a group of farmers who met the \
                minister on Friday and stayed until the evening.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, at(text, "The new levy is unfair to small growers"));
    assert_eq!(v[0].1, Some(at(text, "a group of farmers")));
    let text = "The port will close next spring, says one analyst at a shipping firm who \
                tracks freight rates.";
    let v = spans(text);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, at(text, "The port will close next spring"));
    assert_eq!(v[0].1, Some(at(text, "one analyst")));
}
