//! The subject a reporting participle after a comma speaks for ("But the mayor went further,
//! praising the plan"): the sentence's subject, found without the participle's own comma.

use super::super::sources::sentence_subject;
use super::super::tokens::Tok;

/// The subject of the sentence `[lo, k)` for the participle at `k`. `sentence_subject` reads a
/// comma after an opening "But" or "And" as the end of an opening clause; the comma right
/// before the participle is the participle's own, so it is looked for again without it ("And
/// she went on, mocking the plan": "she", not nobody).
pub(super) fn participle_subject(toks: &[Tok], lo: usize, k: usize) -> Option<(usize, usize)> {
    sentence_subject(toks, lo, k).or_else(|| {
        let own_comma = k >= lo + 2 && toks[k - 1].is_comma();
        own_comma
            .then(|| sentence_subject(toks, lo, k - 1))
            .flatten()
    })
}
