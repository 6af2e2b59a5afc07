//! A quote that ends its own sentence, followed by a sentence that is nothing but its
//! attribution: “We checked every bolt.” Mara Lind said. The period inside the quote usually
//! means the words after it start a new sentence about something else (“We won.” Lind said
//! the count …), so the cue after it is only taken when its sentence stops right after the
//! cue or after a short prepositional adjunct ("said on Tuesday.").

use super::after::post_attr;
use super::{Attr, Ctx};
use crate::quotes::entities::Entities;

/// Words that may open the short adjunct between the cue and the stop: `[tag_adjunct]` of
/// data/lexicon/quote_context.txt.
static TAG_ADJUNCT: once_cell::sync::Lazy<crate::lexicon::WordSet> =
    once_cell::sync::Lazy::new(|| {
        crate::lexicon::set_of(crate::lexicon::files::QUOTE_CONTEXT, &["tag_adjunct"])
    });

/// The attribution in the short sentence right after the closing mark at `ct`, if that
/// sentence is only a speaker and a cue (and maybe a short adjunct).
pub(super) fn tag_sentence_attr(cx: &Ctx, ents: &Entities, ct: usize) -> Option<Attr> {
    let a = post_attr(cx, ents, ct + 1, false)?;
    let c = a.cue_tok?;
    let after_cue = cx.after_cue(c, a.cue?.end);
    let mention = ents.mentions.get(a.mention)?;
    let mention_end = mention.t1;
    // The sentence is the tag alone: "Mara Lind said" or "said Mara Lind", nothing before
    // or between ("But Mara Lind, again, did not respond in kind." goes on about her).
    let inverted = c == ct + 1 && mention.t0 == after_cue;
    let plain = mention.t0 == ct + 1 && mention_end == c;
    if !(inverted || plain) {
        return None;
    }
    let mut k = after_cue.max(mention_end);
    if TAG_ADJUNCT.contains(&cx.lw(k)) && !cx.para_break(k) {
        let stop = (k + 1..k + 6).find(|&j| cx.para_break(j) || is_stop(cx.w(j)))?;
        let plain = (k + 1..stop).all(|j| cx.is_word(j) && cx.lw(j) != "that");
        if !plain || cx.para_break(stop) {
            return None;
        }
        k = stop;
    }
    let ends = k >= cx.toks.len() || cx.para_break(k) || is_stop(cx.w(k));
    ends.then_some(a)
}

fn is_stop(w: &str) -> bool {
    matches!(w, "." | "!")
}

#[cfg(test)]
mod tests {
    use super::super::paragraphs::tests::quotes as all_quotes;

    /// (quoted text, speaker mention text) of every quote.
    fn quotes(text: &str) -> Vec<(&str, Option<&str>)> {
        all_quotes(text)
            .into_iter()
            .map(|(q, _, _, m)| (q, m))
            .collect()
    }

    #[test]
    fn a_sentence_of_only_name_and_cue_after_a_full_stop_names_the_speaker() {
        let t = "The ferry stopped.\n\n“We checked every bolt of it twice.” Mara Lind said.\n\n\
                 The pier opened.";
        assert_eq!(
            quotes(t),
            vec![("We checked every bolt of it twice.", Some("Mara Lind"))]
        );
        let t = "“We checked every bolt of it twice.” Mara Lind said on Tuesday.";
        assert_eq!(quotes(t)[0].1, Some("Mara Lind"));
    }

    #[test]
    fn a_new_sentence_that_goes_on_after_the_cue_names_nobody() {
        let t = "The ferry stopped.\n\n“We checked every bolt of it twice.” Mara Lind said the \
                 pier would open in May.";
        assert_eq!(quotes(t)[0].1, None);
        let t = "The ferry stopped.\n\n“We checked every bolt of it twice.” But Mara Lind, \
                 again, did not respond in kind.";
        assert_eq!(quotes(t)[0].1, None);
    }
}
