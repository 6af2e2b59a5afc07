//! Attribution across a paragraph break: a paragraph ending in "X said:" introduces the quote
//! that opens the next one, and a quote standing alone in its paragraph continues the quote
//! that ends the paragraph before.

use super::before::colon_source;
use super::*;

/// A paragraph ending in a cue and a colon ("Jane Doe told reporters:") introduces the quote
/// that opens the next paragraph at `ot`. The colon alone is no cue here ("Wait, it gets
/// worse:" introduces a quote by somebody else), except after the medium of a statement
/// ("Jane Doe issued the following statement:").
pub(super) fn introduced_attr(cx: &Ctx, ents: &Entities, ot: usize) -> Option<Attr> {
    if ot < 2 || !cx.para_break(ot) || cx.w(ot - 1) != ":" {
        return None;
    }
    if let Some(a) = pre_attr(cx, ents, cx.ss[ot - 1], ot, false) {
        return Some(a);
    }
    let medium = crate::lexicon::reported::MEDIA.contains(cx.lw(ot - 2).as_str());
    medium.then(|| colon_source(cx, ents, ot - 1)).flatten()
}

/// A quote standing alone in its paragraph (nothing but the quote, maybe a full stop)
/// continues the quote that ends the paragraph before: “…,” Jane Doe said.⏎“…”. Only when that
/// quote closes in the last sentence of its paragraph (a sentence about someone else in
/// between would make the guess a wrong name), is an attributed direct quote, and is no
/// question asked (the next paragraph answers it) nor a transcript turn; and only when the
/// quote reads as speech.
pub(super) fn own_paragraph_attr(
    cx: &Ctx,
    pairs: &[Pair],
    pair: &Pair,
    prev: Prev,
    at: Place,
) -> Option<Attr> {
    let Place { ot, ct, closed, .. } = at;
    let q = prev?;
    let (pa, pc) = (q.attr?, q.close);
    if ot == 0 || !cx.para_break(ot) || !alone_to_paragraph_end(cx, ct, closed) {
        return None;
    }
    let last = ot - 1;
    let same_para = !(pc + 1..=last).any(|k| cx.para_break(k));
    let prev_pair = pairs.get(q.pair)?;
    // A question put with "said" is the speaker's own (rhetorical) question, and the speaker
    // goes on; one "asked" is answered by somebody else.
    let said = pa
        .cue
        .is_some_and(|c| matches!(c.of(cx.text), "said" | "says"));
    let question = prev_pair.content.of(cx.text).trim_end().ends_with('?') && !said;
    let continues = q.direct && !question && prev_pair.label.is_none();
    // Speech, not a subheading quoted from the section ("‘A tough decision.’").
    let alone = Place {
        lo: ot,
        first_in_sentence: true,
        ..at
    };
    let speech = form_kind(cx, pair, alone) == QuoteKind::Direct;
    // “…?” Mara Lind said. The question mark ends a sentence: the tag after it is the next.
    let tag_after = pa.from_post && cx.ss.get(last) == Some(&(pc + 1));
    let last_sentence = cx.ss[pc] == cx.ss[last] || tag_after;
    (pc <= last && same_para && last_sentence && continues && speech).then_some(pa)
}

/// Does the paragraph end right after the quote's end token `ct` (a full stop may follow)?
fn alone_to_paragraph_end(cx: &Ctx, ct: usize, closed: bool) -> bool {
    let after = if closed { ct + 1 } else { ct };
    let after = if matches!(cx.w(after), "." | ",") && !cx.para_break(after) {
        after + 1
    } else {
        after
    };
    after >= cx.toks.len() || cx.para_break(after)
}

#[cfg(test)]
pub(super) mod tests {
    use crate::quotes::{analyze, QuoteKind};

    /// (quoted text, kind, speaker, mention text) of every quote; the other rule files' tests
    /// use it too.
    pub(in crate::quotes::attribution) fn quotes(
        text: &str,
    ) -> Vec<(&str, QuoteKind, Option<String>, Option<&str>)> {
        analyze(text, &crate::segment::split(text))
            .quotes
            .into_iter()
            .map(|q| {
                (
                    q.span.of(text),
                    q.kind,
                    q.speaker,
                    q.mention.map(|m| m.of(text)),
                )
            })
            .collect()
    }

    #[test]
    fn double_quotes_inside_straight_double_quotes_are_a_partial_quote_of_their_own() {
        let t = "\"She called it \"a total mess\" this morning,\" Ada Quist said.";
        let q = quotes(t);
        assert_eq!(q.len(), 2);
        assert_eq!(q[0].0, "She called it \"a total mess\" this morning,");
        assert_eq!(
            (q[0].1, q[0].2.as_deref()),
            (QuoteKind::Direct, Some("Ada Quist"))
        );
        assert_eq!(
            (q[1].0, q[1].1, q[1].2.as_deref()),
            ("a total mess", QuoteKind::Partial, None)
        );
    }

    #[test]
    fn a_paragraph_ending_in_a_cue_and_colon_introduces_the_next_quote() {
        let t = "The harbor master spoke last.\n\nMara Lind told the council:\n\n\
                 “The pier will open in May, and we paid for it ourselves.”";
        let q = quotes(t);
        assert_eq!(q.len(), 1);
        assert_eq!(
            q[0].0,
            "The pier will open in May, and we paid for it ourselves."
        );
        assert_eq!(q[0].2.as_deref(), Some("Mara Lind"));
        assert_eq!(q[0].3, Some("Mara Lind"));
    }

    #[test]
    fn a_colon_without_a_cue_introduces_nobody() {
        let t = "Mara Lind kept the worst for last. It gets stranger:\n\n\
                 “The pier will open in May, and we paid for it ourselves.”";
        let q = quotes(t);
        assert_eq!(q.len(), 1);
        assert_eq!(q[0].2, None);
    }

    #[test]
    fn the_medium_of_a_statement_before_the_colon_is_not_its_speaker() {
        let t = "Mayor Mara Lind issued the following statement:\n\n\
                 “Our thoughts are with the families of the crew tonight.”";
        let q = quotes(t);
        assert_eq!(q[0].2.as_deref(), Some("Mara Lind"));
        assert_eq!(q[0].3, Some("Mayor Mara Lind"));
    }

    #[test]
    fn a_quote_alone_in_its_paragraph_continues_the_quote_before() {
        let t = "“The pier is safe,” Mara Lind said on Tuesday.\n\n\
                 “We checked every bolt of it twice.”\n\n\
                 “And the ferry will run again by June.”";
        let q = quotes(t);
        assert_eq!(q.len(), 3);
        for (_, kind, speaker, mention) in &q {
            assert_eq!(*kind, QuoteKind::Direct);
            assert_eq!(speaker.as_deref(), Some("Mara Lind"));
            assert_eq!(*mention, Some("Mara Lind"));
        }
    }

    #[test]
    fn a_question_put_with_said_is_continued_by_its_speaker() {
        let t = "The vote came late.\n\n“Who would want a pier that falls down?” Mara Lind said \
                 on Tuesday.\n\n“We checked every bolt of it twice.”";
        let q = quotes(t);
        assert_eq!(q.len(), 2);
        assert_eq!(q[1].2.as_deref(), Some("Mara Lind"));
        assert_eq!(q[1].3, Some("Mara Lind"));
    }

    #[test]
    fn no_continuation_after_a_sentence_about_someone_else_or_a_question() {
        // Another sentence closes the paragraph: the quote after it is nobody's we can name.
        let t = "“The pier is safe,” Mara Lind said. Then Tom Hale took the stage.\n\n\
                 “We checked every bolt of it twice.”";
        assert_eq!(quotes(t)[1].2, None);
        // A question is answered in the next paragraph, by someone else.
        let t = "“Is the pier safe?” Mara Lind asked.\n\n“We checked every bolt of it twice.”";
        assert_eq!(quotes(t)[1].2, None);
        // A subheading quoted from the section is no speech.
        let t = "“The pier is safe,” Mara Lind said.\n\n‘A long winter.’\n\nThe ferry stopped.";
        assert_eq!(quotes(t)[1].2, None);
    }
}
