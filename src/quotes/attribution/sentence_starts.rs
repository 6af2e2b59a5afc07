//! Where each sentence starts, as the quote attribution reads sentences.

use super::*;

/// The first token of the sentence holding each token.
pub(super) fn sentence_starts(text: &str, toks: &[Tok], pairs: &[Pair]) -> Vec<usize> {
    let mut ss = Vec::with_capacity(toks.len());
    for k in 0..toks.len() {
        let new = k == 0 || toks[k].nl_before || {
            let p = &toks[k - 1];
            // Only a punctuation token can be a full stop: words skip the text compare.
            let ends =
                p.kind == Kind::Punct && matches!(&text[p.start..p.end], "." | "!" | "?" | "…");
            // “….” He said: a quote ending in . ! ? ends the sentence before a capital.
            let quote_end = match p.kind {
                Kind::Close(i) => {
                    pairs
                        .get(i)
                        .is_some_and(|q| q.content.of(text).trim_end().ends_with(['.', '!', '?']))
                        && (toks[k].cap || matches!(toks[k].kind, Kind::Open(_)))
                }
                _ => false,
            };
            // "…, of Dayton, Ore. “They …”": an abbreviation's period the sentence splitter
            // reads as a full stop too (the splitter, not this walk, knows which ones end one).
            let abbrev_end = p.kind == Kind::Word
                && toks[k].sent != p.sent
                && text[p.start..p.end].ends_with('.');
            ends || quote_end || abbrev_end
        };
        ss.push(if new { k } else { ss[k - 1] });
    }
    ss
}
