//! Sentence splitting tuned for news text.

use crate::Span;

/// Split `text` into sentences: trimmed, sorted, disjoint byte spans that together cover every
/// non-whitespace character.
pub fn split(text: &str) -> Vec<Span> {
    // Placeholder splitter (paragraphs and `.?!` + space + capital); replaced by the news rules.
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut i = 0;
    let push = |out: &mut Vec<Span>, s: usize, e: usize| {
        let seg = &text[s..e];
        let ls = seg.len() - seg.trim_start().len();
        let t = seg.trim();
        if !t.is_empty() {
            out.push(Span::new(s + ls, s + ls + t.len()));
        }
    };
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'\n' {
            push(&mut out, start, i);
            start = i + 1;
        } else if matches!(b, b'.' | b'?' | b'!')
            && i + 2 < bytes.len()
            && bytes[i + 1] == b' '
            && bytes[i + 2].is_ascii_uppercase()
        {
            push(&mut out, start, i + 1);
            start = i + 1;
        }
        i += 1;
    }
    push(&mut out, start, bytes.len());
    out
}
