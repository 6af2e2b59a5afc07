//! Quote speakers (round 17, helper "sources"), in invented sentences with exact offsets
//! (ASCII, so byte offsets equal `str` offsets).

/// (speaker mention as written, its byte range) of each quote of `text`.
fn speakers(text: &str) -> Vec<Option<(&str, (usize, usize))>> {
    crate::quotes::analyze(text, &crate::segment::split(text))
        .quotes
        .iter()
        .map(|q| q.mention.map(|m| (m.of(text), (m.start, m.end))))
        .collect()
}

/// An apposition after the speaker whose closing comma is missing runs up to the cue: a
/// relative clause ("Ana Ruiz, who chairs the panel said"), a description ("Ana Ruiz, the
/// group's founder told"), a name after a description ("a longtime friend, Ana Ruiz told").
/// A cue after a function word belongs to the apposition ("the group that said").
#[test]
fn an_apposition_without_its_closing_comma_runs_to_the_cue() {
    let text = "\"We will win,\" Ana Ruiz, who chairs the panel said in a statement.";
    assert_eq!(speakers(text), vec![Some(("Ana Ruiz", (15, 23)))]);
    let text = "\"We will win,\" Ana Ruiz, the group's founder told reporters.";
    assert_eq!(speakers(text), vec![Some(("Ana Ruiz", (15, 23)))]);
    let text = "\"We will win,\" a longtime friend, Ana Ruiz told reporters.";
    assert_eq!(
        speakers(text),
        vec![Some(("a longtime friend, Ana Ruiz", (15, 42)))]
    );
    let text = "\"We will win,\" Ana Ruiz, who leads the group that said so.";
    assert_eq!(speakers(text), vec![None]);
}

/// A source named in the slot after a quote may be placed before its cue ("a man in the
/// crowd shouted", "a woman at the event said"): the speaker is the description, the place is
/// skipped.
#[test]
fn a_place_between_a_slot_source_and_its_cue_is_skipped() {
    let text = "\"We will win,\" a man in the crowd shouted.";
    assert_eq!(speakers(text), vec![Some(("a man", (15, 20)))]);
    let text = "\"We will win,\" a young woman at the event said.";
    assert_eq!(speakers(text), vec![Some(("a young woman", (15, 28)))]);
}

/// A name set off by commas after a description that opens the sentence ("Another user, Ana
/// Ruiz, wrote", "The editor I spoke to, Ana Ruiz, said") is spoken of as both: the mention as
/// written spans the description (newsdev's speaker head is its noun). An adjunct opening the
/// sentence is no description ("On Monday, Ana Ruiz, the mayor, said").
#[test]
fn a_description_before_a_named_speaker_is_part_of_the_mention() {
    let text = "Another user, Ana Ruiz, wrote of the plan: \"It will fail.\"";
    assert_eq!(
        speakers(text),
        vec![Some(("Another user, Ana Ruiz", (0, 22)))]
    );
    let text = "The editor I spoke to, Ana Ruiz, said: \"It will fail.\"";
    assert_eq!(
        speakers(text),
        vec![Some(("The editor I spoke to, Ana Ruiz", (0, 31)))]
    );
    let text = "On Monday, Ana Ruiz, the mayor, said: \"It will fail.\"";
    assert_eq!(speakers(text), vec![Some(("Ana Ruiz", (11, 19)))]);
}

/// "“…,” tweeted another." / "“…,” read one.": a bare "another" or "one" after an inverted
/// cue is the speaker (one more of those just named).
#[test]
fn a_bare_another_after_an_inverted_cue_is_the_speaker() {
    let text = "\"We will win,\" one voter wrote. \"We will lose,\" wrote another.";
    assert_eq!(
        speakers(text),
        vec![Some(("one voter", (15, 24))), Some(("another", (54, 61)))]
    );
}

/// "“…,” this source told reporters": "this" opens a source in the slot after a quote as
/// "the" does.
#[test]
fn this_opens_a_slot_source() {
    let text = "\"We will win,\" this source told reporters.";
    assert_eq!(speakers(text), vec![Some(("this source", (15, 26)))]);
}

/// "“…,” said Ana Ruiz of consulting firm Acme Partners.": the body after "of" may be named
/// after a few words that say what it is; the speaker runs to its name (as newsdev's does).
#[test]
fn a_described_body_after_of_is_part_of_the_speaker() {
    let text = "\"We will win,\" said Ana Ruiz of consulting firm Acme Partners.";
    assert_eq!(
        speakers(text),
        vec![Some((
            "Ana Ruiz of consulting firm Acme Partners",
            (20, 61)
        ))]
    );
}

/// A surname that is also a common word ("Read", "Will", "From") alone between the quote's
/// closing comma and a cue is the speaker; a pronoun there is left to its own rules.
#[test]
fn a_common_word_surname_before_the_cue_is_the_speaker() {
    let text = "\"The tax cut is a gift to the banks,\" Read said.";
    assert_eq!(speakers(text), vec![Some(("Read", (38, 42)))]);
    let text = "\"The party has lost its way,\" Will wrote on Sunday.";
    assert_eq!(speakers(text), vec![Some(("Will", (30, 34)))]);
    let text = "\"We warned them for years\", From said.";
    assert_eq!(speakers(text), vec![Some(("From", (28, 32)))]);
}

/// An organisation whose name ends in a word that opens no name ("Watch", "Today") is named
/// whole before its cue, after "according to" and after "of".
#[test]
fn a_body_named_for_what_it_does_is_the_whole_speaker() {
    let text = "\"The agency hid the records,\" Judicial Watch added.";
    assert_eq!(speakers(text), vec![Some(("Judicial Watch", (30, 44)))]);
    let text = "\"The vote was not free,\" said Ana Ruiz of Human Rights Watch.";
    assert_eq!(
        speakers(text),
        vec![Some(("Ana Ruiz of Human Rights Watch", (30, 60)))]
    );
}

/// A medium named between an article or a possessive and its noun ("a Twitter comment", "her
/// Facebook post") is no one who speaks: the speaker is the subject before it.
#[test]
fn a_medium_before_its_noun_is_no_speaker() {
    let text = "Ana Ruiz posted a Twitter comment of her own, saying, \"We will win.\"";
    assert_eq!(speakers(text), vec![Some(("Ana Ruiz", (0, 8)))]);
    let text = "Ana Ruiz wrote in her Facebook post on Monday, \"We will win.\"";
    assert_eq!(speakers(text), vec![Some(("Ana Ruiz", (0, 8)))]);
}

/// Describing words of a slot source may be split by one comma ("the soft-spoken, 71-year-old
/// diplomat said").
#[test]
fn a_comma_between_describing_words_stays_in_the_slot_source() {
    let text = "\"We will win,\" the soft-spoken, 71-year-old diplomat said.";
    assert_eq!(
        speakers(text),
        vec![Some(("the soft-spoken, 71-year-old diplomat", (15, 52)))]
    );
}

/// A cue after a question that opens the next quote ("\"...?\" Lee then writes back, \"...\"")
/// introduces that quote: the question keeps the speaker its own sentence names before it;
/// without one it still takes the cue after it ("\"Why?\" she asked, \"why now?\"").
#[test]
fn a_cue_opening_the_next_quote_leaves_the_question_to_its_own_speaker() {
    let text = "Ana Ruiz responds to Lee with, \"Why now? Was that in May?\" \
                Lee then writes back, \"You look great.\"";
    assert_eq!(
        speakers(text),
        vec![Some(("Ana Ruiz", (0, 8))), Some(("Lee", (59, 62)))]
    );
    let text = "\"Why?\" she asked, \"why now?\"";
    assert_eq!(speakers(text)[0], Some(("she", (7, 10))));
}

/// A name ending in "-ing" that opens the sentence before a speech cue is the speaker
/// ("Fielding told reporters: ..."); an opening participle is still none ("Speaking to
/// reporters, ...").
#[test]
fn a_sentence_initial_name_in_ing_before_a_cue_is_a_speaker() {
    let text = "Fielding told reporters: \"I replied to the post.\"";
    assert_eq!(speakers(text), vec![Some(("Fielding", (0, 8)))]);
    let text = "Speaking to reporters, Ruiz said: \"I replied to the post.\"";
    assert_eq!(speakers(text), vec![Some(("Ruiz", (23, 27)))]);
}

/// A body's name that goes on after "for"/"on"/"of" with capitalised words belongs to the
/// speaker's of-phrase: the cue after it still reads as the speaker's, and the mention spans
/// the whole name.
#[test]
fn a_body_name_with_a_preposition_inside_stays_in_the_speakers_of_phrase() {
    let text = "\"We will win,\" Ana Ruiz of the Institute for Harbor Safety Studies wrote.";
    let whole = "Ana Ruiz of the Institute for Harbor Safety Studies";
    assert_eq!(speakers(text), vec![Some((whole, (15, 66)))]);
    let text = "\"We will win,\" said Ana Ruiz of the Center on Roads and Public Works.";
    let whole = "Ana Ruiz of the Center on Roads and Public Works";
    assert_eq!(speakers(text), vec![Some((whole, (20, 68)))]);
}

/// A described source's place right before the cue ("in the ad", "on the website") says
/// which one speaks and belongs to its mention.
#[test]
fn a_described_sources_place_before_the_cue_is_part_of_its_mention() {
    let text = "Ads ran.\n\n\"We will win,\" a voice-over in the ad says.";
    assert_eq!(
        speakers(text),
        vec![Some(("a voice-over in the ad", (25, 47)))]
    );
}

/// The name a described source goes by ("known as Ana") belongs to its mention.
#[test]
fn the_name_a_described_source_is_known_by_is_part_of_its_mention() {
    let text = "Ships sank.\n\n\"We will win,\" said the harbor chief known as Ana, at last.";
    assert_eq!(
        speakers(text),
        vec![Some(("the harbor chief known as Ana", (33, 62)))]
    );
}

/// A child or a supporter is someone who can be quoted ([role] in people_nouns.txt): "a young
/// boy shouted" is the speaker, not the place named before it, "the Ruiz supporter" rather
/// than Ruiz, and "wrote a Lind supporter" names one.
#[test]
fn a_child_or_a_supporter_is_a_speaker() {
    let text = "Early in June, River Park in the Bronx was loud with trains and applause from the \
        stadium, when a young boy shouted, \"The bus is here!\"";
    assert_eq!(speakers(text), vec![Some(("a young boy", (96, 107)))]);
    let text =
        "At the town hall in Dover on Monday, the Ruiz supporter retorted: \"She will win.\"";
    assert_eq!(speakers(text), vec![Some(("the Ruiz supporter", (37, 55)))]);
    let text = "\"Meh,\" wrote a Lind supporter who runs a blog.";
    assert_eq!(speakers(text), vec![Some(("a Lind supporter", (13, 29)))]);
}

/// A participle cue after a comma takes the subject of the clause before it; a possessive
/// name there is no subject, even before a noun that looks like a verb ("Lee's comments").
#[test]
fn a_possessive_name_is_no_participle_subject() {
    let text = "Ruiz's campaign brushed off Lee's comments, telling reporters, \"We never asked.\"";
    assert_eq!(speakers(text), vec![Some(("Ruiz's campaign", (0, 15)))]);
}

/// The subject of a "that" clause inside the clause before a participle cue is not the
/// participle's: the main clause's subject speaks.
#[test]
fn a_that_clause_subject_is_no_participle_subject() {
    let text = "Ana Ruiz denied reports that Lee had left the firm, saying, \"He is still here.\"";
    assert_eq!(speakers(text), vec![Some(("Ana Ruiz", (0, 8)))]);
}

/// The subject of a clause reported without "that" ("Ruiz said Lee must choose") is no
/// participle's subject either; an inverted cue's subject ("…,” said Lee, adding") still is.
#[test]
fn a_reported_clause_subject_is_no_participle_subject() {
    let text = "Ana Ruiz said Lee will have to pick a side, saying, \"She cannot wait.\"";
    assert_eq!(speakers(text), vec![Some(("Ana Ruiz", (0, 8)))]);
    let text = "\"It is late,\" said Lee, adding, \"We cannot wait.\"";
    assert_eq!(
        speakers(text),
        vec![Some(("Lee", (19, 22))), Some(("Lee", (19, 22)))]
    );
}

/// A description whose title runs past a role word ("chief", "executive") before the name
/// set off by commas: the mention spans both ("the firm's chief human resources executive,
/// Ana Ruiz, told"), as it does after a shorter title; without it the quote had no speaker.
#[test]
fn a_long_title_before_a_name_in_commas_is_part_of_the_mention() {
    let text = "\"We will win,\" the firm's human resources executive, Ana Ruiz, told reporters.";
    assert_eq!(
        speakers(text),
        vec![Some((
            "the firm's human resources executive, Ana Ruiz",
            (15, 61)
        ))]
    );
    let text =
        "\"We will win,\" the firm's chief human resources executive, Ana Ruiz, told reporters.";
    let who = "the firm's chief human resources executive, Ana Ruiz";
    assert_eq!(speakers(text), vec![Some((who, (15, 67)))]);
}

/// A speaker named with a prepositional modifier before its verb ("A spokeswoman for the city
/// council emailed …, arguing, “…”") is the participle's speaker, not the object's name.
#[test]
fn a_modified_subject_is_the_participle_subject() {
    let text =
        "A spokeswoman for the city council emailed reporters the text of the Budget Reform \
                Act, arguing, \"It says nothing of the kind.\"";
    let got = speakers(text);
    assert_eq!(got.len(), 1);
    assert!(
        got[0].is_some_and(|(s, _)| s.contains("spokeswoman")),
        "{got:?}"
    );
}
